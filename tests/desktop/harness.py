# SPDX-License-Identifier: Apache-2.0
"""Drives the real floorline window as a dispatcher does: an X server (Xvfb) with key
autorepeat on, real X11 input through XTest (xdotool), the accessibility tree (AT-SPI) to find
controls and read what the window shows, a real floorline-server process and screenshots.

Each test script builds a Desktop, runs its checks and prints the closing line
"N passed, N failed". Screenshots land in $FLOORLINE_DESKTOP_SHOTS (default: a folder in the
build tree) to be looked at.
"""
import json
import os
import random
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback

import pyatspi

BUILD = os.environ.get("FLOORLINE_BUILD", os.path.join(os.path.dirname(__file__), "../../build/dev"))
SHOTS = os.environ.get("FLOORLINE_DESKTOP_SHOTS", os.path.join(BUILD, "desktop-shots"))


def free_port(kind=socket.SOCK_STREAM):
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, check, timeout=10.0, step=0.05):
    """Polls `check` until it returns something true; fails the test with `what` otherwise."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out after %.1f s waiting for %s" % (timeout, what))
        time.sleep(step)


class LineLog:
    """Collects a process's output lines in a thread, so tests can wait for one."""

    def __init__(self, stream, echo_prefix=None):
        self.lines = []
        self._lock = threading.Lock()
        self._echo = echo_prefix
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream):
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\n")
            with self._lock:
                self.lines.append((time.monotonic(), line))
            if self._echo and os.environ.get("FLOORLINE_DESKTOP_VERBOSE"):
                print(self._echo + line, flush=True)

    def since(self, mark):
        with self._lock:
            return [l for t, l in self.lines if t >= mark]

    def all(self):
        with self._lock:
            return [l for _, l in self.lines]


class Server:
    """A real floorline-server on loopback with a fresh database and a demo fleet."""

    def __init__(self, workdir, units=24, groups=6, extra=()):
        self.port = free_port()
        self.rtp = free_port(socket.SOCK_DGRAM)
        self.url = "wss://127.0.0.1:%d" % self.port
        self.exe = os.path.join(BUILD, "server/floorline-server")
        self.db = os.path.join(workdir, "server.sqlite")
        self.args = [self.exe, "--port", str(self.port), "--rtp-port", str(self.rtp),
                     "--db", self.db,
                     "--demo-fleet", "%d,%d" % (units, groups), "--stats-interval", "1", *extra]
        self.fingerprint = self.read_fingerprint()
        self.start()

    def trusted(self):
        """The command line of a client given the server and its fingerprint by the operator."""
        return ["--server", self.url, "--fingerprint", self.fingerprint]

    def read_fingerprint(self):
        """What the operator hands to the consoles: `floorline-server --fingerprint`."""
        out = subprocess.run([self.exe, "--db", self.db, "--fingerprint"], check=True,
                             capture_output=True, text=True).stdout.strip()
        assert len(out) == 95, out
        return out

    def new_certificate(self):
        """As an operator replacing the certificate: the kept one is removed (the server makes
        a new one at its next start). The server must be stopped."""
        shutil.rmtree(os.path.splitext(self.db)[0] + "-tls")
        self.fingerprint = self.read_fingerprint()

    def start(self):
        """Starts (again: same ports, same database) the server process."""
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.log = LineLog(self.proc.stdout, "server: ")
        wait_for("the server to listen", self._listening, timeout=15)
        # The database holds the fleet now; the server refuses --demo-fleet for a full one.
        if "--demo-fleet" in self.args:
            at = self.args.index("--demo-fleet")
            self.args = self.args[:at] + self.args[at + 2:]

    def _listening(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return True
        except OSError:
            return False

    def stats(self):
        """The latest counters line (printed every second)."""
        for line in reversed(self.log.all()):
            if line.startswith("{"):
                try:
                    return json.loads(line)
                except ValueError:
                    continue
        return None

    def fresh_stats(self):
        """Counters printed after now: what the server has seen up to this moment."""
        mark = time.monotonic()

        def newer():
            for line in self.log.since(mark):
                if line.startswith("{"):
                    return json.loads(line)
            return None
        return wait_for("fresh server counters", newer, timeout=5)

    def floor_requests(self):
        s = self.fresh_stats()["signaling"]
        return s["floorGranted"] + s["floorQueued"] + s["floorDenied"]

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Desktop:
    """Xvfb, a session bus with the accessibility bus, and X11 input."""

    def __init__(self, width=1600, height=900):
        self.tmp = tempfile.mkdtemp(prefix="floorline-desktop-")
        os.makedirs(SHOTS, exist_ok=True)
        # A display number of our own, away from :0 and the low numbers other X servers on a
        # shared machine (a developer's session, another test run) tend to take.
        for _ in range(50):
            number = random.randrange(100, 900)
            if not os.path.exists("/tmp/.X%d-lock" % number) and \
                    not os.path.exists("/tmp/.X11-unix/X%d" % number):
                break
        self.xvfb = subprocess.Popen(
            ["Xvfb", ":%d" % number, "-screen", "0", "%dx%d" % (width, height) + "x24",
             "-nolisten", "tcp", "-ac"], stderr=subprocess.DEVNULL)
        self.display = ":%d" % number
        os.environ["DISPLAY"] = self.display
        wait_for("the X server", lambda: subprocess.run(
            ["xdpyinfo"], capture_output=True).returncode == 0, timeout=10)
        # A dispatcher's X server repeats a held key: the console must see one press.
        self.run("xset", "r", "on")
        self.run("xset", "r", "rate", "250", "30")
        self.processes = []

    def run(self, *args, check=True):
        return subprocess.run(args, check=check, capture_output=True, text=True).stdout

    def env(self, **extra):
        env = dict(os.environ)
        home = os.path.join(self.tmp, "home")
        os.makedirs(home, exist_ok=True)
        env.update({
            "DISPLAY": self.display,
            "HOME": home,  # a fresh configuration: nothing remembered from earlier runs
            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            "XDG_DATA_HOME": os.path.join(home, ".local/share"),
            "XDG_CACHE_HOME": os.path.join(home, ".cache"),
            "QT_QPA_PLATFORM": "xcb",
            "QT_ACCESSIBILITY": "1",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_LOGGING_RULES": "floorline.console.talk.debug=true;floorline.*.info=true",
            "LANG": env.get("FLOORLINE_DESKTOP_LANG", "C.UTF-8"),
        })
        env.update(extra)
        return env

    def spawn(self, args, name, **extra):
        proc = subprocess.Popen(args, env=self.env(**extra), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
        proc.log = LineLog(proc.stdout, name + ": ")
        self.processes.append(proc)
        return proc

    def screenshot(self, name):
        path = os.path.join(SHOTS, name + ".png")
        self.run("import", "-window", "root", path)
        return path

    # X11 input (XTest through xdotool): what a person's keyboard and mouse do.
    def key_down(self, key):
        self.run("xdotool", "keydown", key)

    def key_up(self, key):
        self.run("xdotool", "keyup", key)

    def key(self, key):
        self.run("xdotool", "key", key)

    def type(self, text):
        self.run("xdotool", "type", "--delay", "20", text)

    def move(self, x, y):
        self.run("xdotool", "mousemove", str(int(x)), str(int(y)))

    def click(self, x, y):
        self.run("xdotool", "mousemove", str(int(x)), str(int(y)), "click", "1")

    def press_at(self, x, y):
        self.run("xdotool", "mousemove", str(int(x)), str(int(y)), "mousedown", "1")

    def release_mouse(self):
        self.run("xdotool", "mouseup", "1")

    def focus_window(self, wid):
        # No window manager here: raised by hand, so a click lands on the window focused.
        self.run("xdotool", "windowraise", str(wid))
        self.run("xdotool", "windowfocus", "--sync", str(wid))

    def find_window(self, name, timeout=20, proc=None):
        def search():
            if proc is not None and proc.poll() is not None:
                raise AssertionError("the program exited (%s) before its window showed"
                                     % proc.poll())
            # Several consoles may run at once: the window of this process.
            by_pid = ["--all", "--pid", str(proc.pid)] if proc is not None else []
            out = self.run("xdotool", "search", *by_pid, "--onlyvisible", "--name", name,
                           check=False)
            ids = out.split()
            return ids[0] if ids else None
        return wait_for("window '%s'" % name, search, timeout=timeout)

    def other_window(self):
        """Another X client's window, as a dispatcher's mail or CAD program would be."""
        proc = subprocess.Popen(["xterm", "-geometry", "60x10+900+600", "-title", "other-app"],
                                env=self.env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        proc.log = None
        self.processes.append(proc)
        return self.find_window("other-app")

    def close(self):
        for p in self.processes:
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
        self.xvfb.terminate()
        self.xvfb.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)


class FakePedal:
    """A USB foot pedal as the console's evdev backend finds it: a sysfs entry
    (<sys>/eventN/device/{name,id/vendor,id/product,capabilities/key}) and a node under <dev>
    that carries the kernel's struct input_event records. This kernel has no uinput
    (CONFIG_INPUT_UINPUT is not set), so a pipe stands in for the node; the console reads it
    through the same code as /dev/input (FLOORLINE_INPUT_SYSFS, FLOORLINE_INPUT_DEV)."""
    EV_SYN, EV_KEY, BTN_0 = 0, 1, 0x100

    def __init__(self, root, number=7, name="PCsensor FootSwitch", vendor="0c45",
                 product="7403"):
        self.sys = os.path.join(root, "sys")
        self.dev = os.path.join(root, "dev")
        os.makedirs(self.sys, exist_ok=True)
        os.makedirs(self.dev, exist_ok=True)
        self.node = "event%d" % number
        self.name, self.vendor, self.product = name, vendor, product
        self.fd = None

    def env(self):
        return {"FLOORLINE_INPUT_SYSFS": self.sys, "FLOORLINE_INPUT_DEV": self.dev}

    def key(self):
        return "%s [%s:%s]" % (self.name, self.vendor, self.product)

    def plug(self):
        base = os.path.join(self.sys, self.node, "device")
        os.makedirs(os.path.join(base, "id"), exist_ok=True)
        os.makedirs(os.path.join(base, "capabilities"), exist_ok=True)
        for rel, text in (("name", self.name), ("id/vendor", self.vendor),
                          ("id/product", self.product),
                          ("capabilities/key", "1f 0 0 0 0 0 0 0 0")):
            with open(os.path.join(base, rel), "w") as f:
                f.write(text + "\n")
        path = os.path.join(self.dev, self.node)
        os.mkfifo(path)
        # Read and write ends in one: the pipe has a writer from the start, as a device does.
        self.fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)

    def _event(self, kind, code, value):
        now = time.time()
        return struct.pack("llHHi", int(now), int((now % 1) * 1e6), kind, code, value)

    def button(self, down, code=BTN_0):
        os.write(self.fd, self._event(self.EV_KEY, code, 1 if down else 0)
                 + self._event(self.EV_SYN, 0, 0))

    def repeat(self, code=BTN_0):
        os.write(self.fd, self._event(self.EV_KEY, code, 2) + self._event(self.EV_SYN, 0, 0))

    def unplug(self):
        """Pulled out: the node and the sysfs entry go, the reader sees the end."""
        os.unlink(os.path.join(self.dev, self.node))
        shutil.rmtree(os.path.join(self.sys, self.node))
        os.close(self.fd)
        self.fd = None


class Console:
    """The floorline process and its window, read through the accessibility tree."""

    def __init__(self, desktop, args, lang=None, home=None, env=None):
        """`home`: a configuration of its own (a second console on the same desktop);
        `env`: more environment variables."""
        self.desktop = desktop
        extra = {"LANG": lang, "LC_ALL": lang} if lang else {}
        extra.update(env or {})
        if home:
            path = os.path.join(desktop.tmp, home)
            os.makedirs(path, exist_ok=True)
            extra.update({"HOME": path, "XDG_CONFIG_HOME": os.path.join(path, ".config"),
                          "XDG_DATA_HOME": os.path.join(path, ".local/share"),
                          "XDG_CACHE_HOME": os.path.join(path, ".cache")})
        for attempt in (1, 2):
            self.proc = desktop.spawn([os.path.join(BUILD, "app/floorline"), *args],
                                      "floorline", **extra)
            try:
                self.window = desktop.find_window("Floorline", proc=self.proc)
                break
            except AssertionError:
                said = "\n".join(self.proc.log.all()[-30:])
                print("floorline (exit %s) said:\n%s" % (self.proc.poll(), said))
                # Seen once on a loaded shared machine: the X connection refused at start.
                # Said above, tried once more; a second failure fails the test.
                if attempt == 2 or "could not connect to display" not in said:
                    raise
        desktop.focus_window(self.window)
        self.app = wait_for("floorline on the accessibility bus", self._find_app, timeout=20)

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.name == "floorline" \
                        and app.get_process_id() == self.proc.pid:
                    return app
            except Exception:
                continue
        return None

    def log_since(self, mark):
        return self.proc.log.since(mark)

    def talk_states(self, mark):
        """Push-to-talk states the console logged since `mark` (floorline.console.talk)."""
        states = []
        for line in self.proc.log.since(mark):
            m = re.search(r"talk state (\w+)", line)
            if m:
                states.append(m.group(1))
        return states

    def wait_state(self, state, mark, timeout=5):
        return wait_for("talk state %s" % state,
                        lambda: self.talk_states(mark) and self.talk_states(mark)[-1] == state,
                        timeout=timeout)

    # The accessibility tree
    def _walk(self, node, depth=0):
        if node is None or depth > 60:
            return
        yield node
        try:
            count = node.childCount
        except Exception:
            return
        for i in range(count):
            try:
                child = node.getChildAtIndex(i)
            except Exception:
                continue
            yield from self._walk(child, depth + 1)

    def find(self, name=None, role=None, pattern=None, showing=True):
        """Accessible nodes by exact name, name pattern (regex) and role name."""
        found = []
        for node in self._walk(self.app):
            try:
                n = node.name or ""
                if name is not None and n != name:
                    continue
                if pattern is not None and not re.search(pattern, n):
                    continue
                if role is not None and node.getRoleName() != role:
                    continue
                if showing and not node.getState().contains(pyatspi.STATE_SHOWING):
                    continue
                found.append(node)
            except Exception:
                continue
        return found

    def checked(self, node):
        return node.getState().contains(pyatspi.STATE_CHECKED)

    def texts(self):
        """Every name of a showing node: what the window says."""
        out = []
        for node in self._walk(self.app):
            try:
                if node.getState().contains(pyatspi.STATE_SHOWING) and node.name:
                    out.append(node.name)
            except Exception:
                continue
        return out

    def wait_node(self, timeout=10, **query):
        return wait_for("a node %r" % query, lambda: (self.find(**query) or [None])[0],
                        timeout=timeout)

    def centre(self, node):
        e = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return e.x + e.width / 2, e.y + e.height / 2

    def extents(self, node):
        e = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return e.x, e.y, e.width, e.height

    def click(self, node):
        x, y = self.centre(node)
        self.desktop.click(x, y)

    def login(self, user, password, server=None):
        """Logs in through the form, as a person types it."""
        if server is not None:
            self.click(self.wait_node(name="Server address"))
            self.desktop.key("ctrl+a")
            self.desktop.type(server)
        self.click(self.wait_node(name="User name"))
        self.desktop.key("ctrl+a")
        self.desktop.type(user)
        self.click(self.wait_node(role="password text"))
        self.desktop.key("ctrl+a")
        self.desktop.type(password)
        self.desktop.key("Return")

    def alive(self):
        return self.proc.poll() is None


class Suite:
    """Runs test functions in order, prints each result and the closing line."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def run(self, name, fn, *args):
        start = time.monotonic()
        try:
            fn(*args)
        except Exception:
            self.failed += 1
            print("FAIL  %s (%.1f s)" % (name, time.monotonic() - start), flush=True)
            traceback.print_exc()
            return False
        self.passed += 1
        print("PASS  %s (%.1f s)" % (name, time.monotonic() - start), flush=True)
        return True

    def finish(self):
        print("%d passed, %d failed" % (self.passed, self.failed), flush=True)
        sys.exit(1 if self.failed else 0)
