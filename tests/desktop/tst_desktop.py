# SPDX-License-Identifier: Apache-2.0
"""The real floorline window under Xvfb, driven by real X11 input with key autorepeat on, at
its default 1366x768 size, against a real floorline-server process (tests/desktop/harness.py).

What a dispatcher does in the first minutes (shared HANDS-ON.md): log in through the form, hold
Space, let the focus go to another window mid-press, log out and in, type a wrong address,
talk on a call card, share a file. Screenshots of each step are kept for a person to look at.
"""
import os
import re
import time

import harness as h

HOLD_S = 3.0


def ptt_label(console):
    node = console.wait_node(name="Push to talk", role="push button")
    return node.description


def targets(console):
    return [n.name for n in console.find(pattern=r"^(Talking to|Next talk goes to): ")]


def trust_prompt(console, fingerprint, button):
    """The certificate question in the login form: it shows `fingerprint`; `button` answers."""
    answer = console.wait_node(name=button, role="push button", timeout=10)
    shown = console.wait_node(name="Certificate fingerprint")
    assert fingerprint in shown.description, (fingerprint, shown.description)
    return answer


def test_login_form_then_space_is_one_press(d, srv, console):
    console.login("dispatch-1", "dispatch-1")
    # A server this console never saw: its fingerprint, to compare with the operator's.
    trust = trust_prompt(console, srv.fingerprint, "Trust and connect")
    d.screenshot("desktop-00-trust-first-use")
    console.click(trust)
    h.wait_for("online", lambda: any("link Online" in l for l in console.proc.log.all()), 10)
    # The form is gone and nothing of it holds the keyboard.
    h.wait_for("the form to close", lambda: not console.find(role="password text"), 5)
    d.screenshot("desktop-01-logged-in")
    before = srv.floor_requests()
    mark = time.monotonic()
    d.key_down("space")
    console.wait_state("Granted", mark)
    time.sleep(HOLD_S / 2)
    assert ptt_label(console) == "ON AIR", ptt_label(console)
    assert any(t.startswith("Talking to: ") for t in targets(console)), targets(console)
    d.screenshot("desktop-02-space-held")
    time.sleep(HOLD_S / 2)
    released = time.monotonic()
    d.key_up("space")
    console.wait_state("Idle", mark, timeout=2)
    print("  Space released -> Idle logged: %.0f ms" % ((time.monotonic() - released) * 1000))
    assert time.monotonic() - released < 1.0
    states = console.talk_states(mark)
    assert states == ["Requesting", "Granted", "Idle"], states
    # Held 3 s with the X server repeating the key ~30 times a second: one request reached
    # the server.
    assert srv.floor_requests() - before == 1
    assert ptt_label(console) == "PUSH TO TALK", ptt_label(console)


def test_focus_moving_away_ends_the_talk(d, srv, console):
    other = d.other_window()
    d.focus_window(console.window)
    mark = time.monotonic()
    d.key_down("space")
    console.wait_state("Granted", mark)
    moved = time.monotonic()
    d.focus_window(other)  # the dispatcher clicks into the CAD program, Space still held
    console.wait_state("Idle", mark, timeout=1.0)
    print("  focus moved away -> Idle logged: %.0f ms" % ((time.monotonic() - moved) * 1000))
    assert time.monotonic() - moved < 1.0
    d.key_up("space")  # released in the other window
    d.screenshot("desktop-03-focus-away")
    # Back in the console, the next press is a press.
    d.focus_window(console.window)
    time.sleep(0.3)
    before = srv.floor_requests()
    mark = time.monotonic()
    d.key_down("space")
    console.wait_state("Granted", mark)
    d.key_up("space")
    console.wait_state("Idle", mark, timeout=2)
    assert srv.floor_requests() - before == 1


def test_mouse_released_off_the_button_ends_the_talk(d, srv, console):
    button = console.wait_node(name="Push to talk", role="push button")
    x, y = console.centre(button)
    mark = time.monotonic()
    d.press_at(x, y)
    console.wait_state("Granted", mark)
    d.move(x + 300, y + 200)
    d.release_mouse()
    console.wait_state("Idle", mark, timeout=1.0)


def test_logout_and_in_space_still_talks(d, srv, console):
    console.click(console.wait_node(name="Log out"))
    console.wait_node(role="password text")
    d.screenshot("desktop-04-logged-out")
    console.login("dispatch-1", "dispatch-1")
    h.wait_for("the form to close", lambda: not console.find(role="password text"), 10)
    time.sleep(0.5)
    mark = time.monotonic()
    d.key_down("space")
    console.wait_state("Granted", mark)
    d.key_up("space")
    console.wait_state("Idle", mark, timeout=2)


def test_wrong_address_is_explained_in_the_form(d, srv, console):
    console.click(console.wait_node(name="Log out"))
    console.wait_node(role="password text")
    # Each mistake a person makes typing it gets its own answer, in the form.
    tls = srv.url.replace("wss://", "")
    for n, (typed, said) in enumerate((
            ("wss://127.0.0.1:1", r"Nothing answers at 127\.0\.0\.1:1 \(connection refused\)"),
            ("wss://no-such-host.invalid:4433", r"No server has the name no-such-host\.invalid"),
            ("ws://" + tls, re.escape(tls) + r" hung up without answering: it expects an "
                                           r"encrypted connection\. Not connected\. Use wss://"
                                           + re.escape(tls)))):
        console.login("dispatch-1", "dispatch-1", server=typed)
        console.wait_node(pattern=said, timeout=30)  # a name lookup may take its time
        assert console.find(role="password text"), "the form must stay up"
        # What was typed stays in the field, to be corrected there.
        shown = console.wait_node(name="Server address")
        assert shown.queryText().getText(0, -1) == typed, shown.queryText().getText(0, -1)
        d.screenshot("desktop-05-wrong-address-%d" % (n + 1))
    # ws:// to the TLS server is not retried: trying the same again cannot work.
    mark = time.monotonic()
    time.sleep(3)
    assert not any("reconnecting in" in l for l in console.log_since(mark)), \
        console.log_since(mark)
    # Corrected where it was typed, it logs in.
    console.login("dispatch-1", "dispatch-1", server=srv.url)
    h.wait_for("the form to close", lambda: not console.find(role="password text"), 10)


def test_talk_on_a_call_card_names_the_call(d, srv, console):
    unit = console.wait_node(pattern=r"^Medic 2, ", timeout=15)
    console.click(unit)
    console.click(console.wait_node(name="Start a call with the selected units"))
    talk = console.wait_node(pattern=r"^Talk on Call ", role="push button", timeout=10)
    call = talk.name[len("Talk on "):]
    x, y = console.centre(talk)
    mark = time.monotonic()
    d.press_at(x, y)
    console.wait_state("Granted", mark)
    expected = ["Talking to: " + call]
    try:
        h.wait_for("the panel to name the call", lambda: targets(console) == expected, 3)
    finally:
        shown = targets(console)
        d.screenshot("desktop-06-call-card-talk")
        d.release_mouse()
    console.wait_state("Idle", mark, timeout=2)
    assert shown == expected, shown


def test_share_file_opens_and_uploads(d, srv, console):
    path = os.path.join(d.env()["HOME"], "hydrant.png")
    d.run("convert", "-size", "320x200", "gradient:red-blue", path)
    console.click(console.wait_node(name="Media shared with North Ops 1"))
    console.click(console.wait_node(name="Share a file with North Ops 1"))
    d.screenshot("desktop-07-file-dialog")
    assert console.alive(), "the console died opening the file dialog"
    # The dialog starts in the home folder: the file is listed; a double-click picks it.
    entry = console.wait_node(name="hydrant.png", timeout=10)
    x, y = console.centre(entry)
    d.run("xdotool", "mousemove", str(int(x)), str(int(y)), "click", "--repeat", "2",
          "--delay", "80", "1")
    h.wait_for("the upload to be stored",
               lambda: srv.fresh_stats()["signaling"]["mediaStored"] >= 1, timeout=15)
    d.screenshot("desktop-08-shared")
    assert console.alive()


def test_server_gone_and_back(d, srv, console):
    mark = time.monotonic()
    srv.stop()
    h.wait_for("the console to notice", lambda: any(
        "link Reconnecting" in l for l in console.log_since(mark)), timeout=10)
    time.sleep(0.5)
    d.screenshot("desktop-09-server-gone")
    # Space while the link is down says so instead of pretending.
    d.key_down("space")
    console.wait_state("Denied", mark, timeout=2)
    d.key_up("space")
    srv.start()
    h.wait_for("the console back on line", lambda: any(
        "link Online" in l for l in console.log_since(mark)), timeout=30)
    time.sleep(1.0)
    d.screenshot("desktop-10-server-back")
    mark = time.monotonic()
    d.key_down("space")
    console.wait_state("Granted", mark, timeout=5)
    d.key_up("space")
    console.wait_state("Idle", mark, timeout=2)


def test_changed_certificate_is_a_warning(d, srv, console):
    """The server comes back with another certificate (an attacker's, or a replaced one): the
    console does not log in by itself; it warns, Cancel keeps it off, only an explicit trust
    connects."""
    before = srv.fingerprint
    mark = time.monotonic()
    srv.stop()
    srv.new_certificate()
    assert srv.fingerprint != before
    srv.start()
    trust = trust_prompt(console, srv.fingerprint, "Trust the new certificate")
    assert console.find(pattern=r"^Warning: 127\.0\.0\.1:%d presents a different" % srv.port)
    assert before in console.wait_node(name="Certificate fingerprint").description
    assert not any("link Online" in l for l in console.log_since(mark))
    d.screenshot("desktop-11-certificate-changed")
    console.click(console.wait_node(name="Cancel", role="push button"))
    time.sleep(1.0)
    assert not any("link Online" in l for l in console.log_since(mark))
    # The dispatcher learns from the operator that it was replaced, and logs in trusting it.
    console.login("dispatch-1", "dispatch-1")
    console.click(trust_prompt(console, srv.fingerprint, "Trust the new certificate"))
    h.wait_for("online with the new certificate", lambda: any(
        "link Online" in l for l in console.log_since(mark)), timeout=10)
    # A console given the old fingerprint by its operator (--fingerprint) meets the new one:
    # refused, and not the dispatcher's to overrule (a fresh-eyes try could trust it in one
    # click, told only that it "changed").
    given = h.Console(d, ["--server", srv.url, "--fingerprint", before, "--user", "dispatch-1",
                          "--password", "dispatch-1"], home="given-fingerprint")
    try:
        given.wait_node(pattern=r"^127\.0\.0\.1:%d presents a certificate other than the one "
                                r"you were given for it \(--fingerprint\)" % srv.port, timeout=15)
        assert srv.fingerprint in given.wait_node(name="Certificate fingerprint").description
        assert given.find(pattern=r"^The certificate of .* is not the one you were given\.")
        assert given.wait_node(name="Cancel", role="push button")
        assert not given.find(name="Trust the new certificate", role="push button")
        assert not given.find(name="Trust and connect", role="push button")
        d.screenshot("desktop-12-certificate-not-the-given-one")
        given.click(given.wait_node(name="Cancel", role="push button"))
        assert given.wait_node(pattern=r"^Not connected: the certificate of .* is not the one you were given")
        # The same server by another name is no first contact to trust in one click (a
        # fresh-eyes try got "Trust and connect" typing localhost for 127.0.0.1).
        given.login("dispatch-1", "dispatch-1", server="wss://localhost:%d" % srv.port)
        given.wait_node(pattern=r"^localhost:%d presents a certificate other than the one "
                                r"you were given" % srv.port, timeout=15)
        assert not given.find(name="Trust and connect", role="push button")
        assert not any("link Online" in l for l in given.proc.log.all())
    finally:
        given.proc.terminate()
        given.proc.wait(10)
    # The given fingerprint was for that run only: the same console without it meets the
    # server as a first contact, not with a false "changed" warning it could overrule.
    again = h.Console(d, ["--server", srv.url], home="given-fingerprint")
    try:
        again.login("dispatch-1", "dispatch-1")
        trust_prompt(again, srv.fingerprint, "Trust and connect")
        assert not again.find(pattern=r"^Warning: ")
        # A failed login is not remembered: no server or user saved until one went through.
        conf = os.path.join(d.tmp, "given-fingerprint", ".config", "Floorline", "floorline.conf")
        assert os.stat(conf).st_mode & 0o777 == 0o600, oct(os.stat(conf).st_mode)
        with open(conf) as f:
            saved = f.read()
        assert "servers=" not in saved and "user=" not in saved, saved
    finally:
        again.proc.terminate()
        again.proc.wait(10)
        d.focus_window(console.window)


def main():
    suite = h.Suite()
    d = h.Desktop()
    srv = h.Server(d.tmp)
    # Units on line, silent: the call card test calls one of them.
    sim = d.spawn([os.path.join(h.BUILD, "tools/sim/floorline-sim"), *srv.trusted(),
                   "--units", "24", "--groups", "6", "--talk-interval", "100000",
                   "--emergency-share", "0", "--stats-interval", "0"], "sim")
    try:
        # Given the address only, as a new dispatcher would type it: the first login asks
        # whether to trust the server's certificate.
        console = h.Console(d, ["--server", srv.url])
        tests = [test_login_form_then_space_is_one_press, test_focus_moving_away_ends_the_talk,
                 test_mouse_released_off_the_button_ends_the_talk,
                 test_logout_and_in_space_still_talks, test_wrong_address_is_explained_in_the_form,
                 test_talk_on_a_call_card_names_the_call, test_share_file_opens_and_uploads,
                 test_server_gone_and_back, test_changed_certificate_is_a_warning]
        for t in tests:
            if not console.alive():
                print("floorline exited:\n" + "\n".join(console.proc.log.all()[-40:]))
                break
            suite.run(t.__name__, t, d, srv, console)
        warnings = [l for l in console.proc.log.all() if "qml" in l.lower() and "warn" in l.lower()]
        if warnings:
            print("QML warnings:\n" + "\n".join(warnings))
    finally:
        d.close()
        srv.stop()
        sim.kill()
    suite.finish()


if __name__ == "__main__":
    main()
