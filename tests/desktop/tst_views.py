# SPDX-License-Identifier: Apache-2.0
"""Opens every view, dialog and popup of the real floorline window once (the supervisor's
overview too), in English and German,
and fails on any QML warning or missing module in its output: a view nobody opened in a test
is where a crash waits (the file dialog's module was missing). Screenshots of each, at the
default 1366x768, at the 1024x600 minimum and at 1920x1080, for a person to look at.
"""
import os
import re
import time

import harness as h

# What Qt prints for a broken view: a QML error or warning with its file and line, a module
# that is not installed, a component that did not load.
QML_TROUBLE = re.compile(r"\.qml:\d+|is not installed|module .* not found|failed to load|"
                         r"QQmlApplicationEngine failed|Cannot assign|TypeError|ReferenceError",
                         re.IGNORECASE)


def trouble(proc):
    return [l for l in proc.log.all() if QML_TROUBLE.search(l)]


def close_dialog(d, console):
    button = console.wait_node(pattern=r"^(Close|Schließen|CLOSE|SCHLIESSEN)$", role="push button")
    console.click(button)
    h.wait_for("the dialog to close",
               lambda: not console.find(pattern=r"^(Close|Schließen|CLOSE|SCHLIESSEN)$",
                                        role="push button"), 5)


def open_every_view(d, console, tag):
    shots = []
    header = {"Pair a device with this console": "pairing",
              "Voice statistics per talker": "statistics", "Audio settings": "audio",
              "Push-to-talk keys and pedal": "keys"}
    for name, shot in header.items():
        console.click(console.wait_node(name=name, role="push button"))
        time.sleep(0.6)
        if shot == "statistics":
            # Voice reached this console encrypted, and the statistics say so.
            console.wait_node(pattern=r"^Voice is encrypted \(SRTP, AES-128-GCM\)\. Refused: 0 ")
        shots.append(d.screenshot("views-%s-%s" % (tag, shot)))
        close_dialog(d, console)
    # The group's shelf and its file dialog.
    console.click(console.wait_node(pattern=r"^Media shared with ", role="push button"))
    console.click(console.wait_node(pattern=r"^Share a file with ", role="push button"))
    time.sleep(0.8)
    shots.append(d.screenshot("views-%s-file-dialog" % tag))
    d.key("Escape")
    time.sleep(0.3)
    # The unit status filter's popup.
    console.click(console.wait_node(name="Show units by status"))
    time.sleep(0.4)
    shots.append(d.screenshot("views-%s-status-filter" % tag))
    d.key("Escape")
    # The login form.
    console.click(console.wait_node(name="Log out"))
    console.wait_node(role="password text")
    shots.append(d.screenshot("views-%s-login" % tag))
    return shots


def logged_in_console(d, srv, lang=None, extra=()):
    console = h.Console(d, [*srv.trusted(), "--user", "dispatch-1", "--password",
                            "dispatch-1", *extra], lang=lang)
    console.wait_node(pattern=r"^North Ops 1", timeout=15)
    time.sleep(1)
    return console


def finish(console):
    assert console.alive(), "floorline exited"
    problems = trouble(console.proc)
    assert not problems, "QML trouble:\n" + "\n".join(problems)
    console.proc.terminate()
    console.proc.wait(10)


def test_every_view_english(d, srv):
    console = logged_in_console(d, srv)
    d.screenshot("views-en-1366x768")
    open_every_view(d, console, "en")
    finish(console)


def test_every_view_german(d, srv):
    console = logged_in_console(d, srv, lang="de_DE.UTF-8")
    d.screenshot("views-de-1366x768")
    # The header's buttons by their German names: the translation is what the user reads.
    header = {"Ein Gerät mit dieser Konsole koppeln": "pairing",
              "Sprachstatistik pro Sprecher": "statistics", "Audioeinstellungen": "audio",
              "Sprechtasten und Pedal": "keys"}
    for name, shot in header.items():
        console.click(console.wait_node(name=name, role="push button"))
        time.sleep(0.6)
        if shot == "statistics":
            console.wait_node(pattern=r"^Sprache ist verschlüsselt \(SRTP")
        d.screenshot("views-de-%s" % shot)
        close_dialog(d, console)
    finish(console)


def test_supervisor_overview(d, srv):
    """A supervisor's overview and its tab switch, in English and German."""
    for lang, consoles, console_tab, overview_tab in (
            (None, r"^Consoles \(\d+\)$", "Console", "Overview"),
            ("de_DE.UTF-8", r"^Konsolen \(\d+\)$", "Konsole", "Übersicht")):
        sup = h.Console(d, [*srv.trusted(), "--user", "supervisor", "--password",
                            "supervisor"], lang=lang)
        sup.wait_node(pattern=consoles, timeout=15)
        tag = "de" if lang else "en"
        d.screenshot("views-%s-overview" % tag)
        sup.click(sup.wait_node(name=console_tab, role="page tab"))
        time.sleep(0.5)
        d.screenshot("views-%s-supervisor-console" % tag)
        sup.click(sup.wait_node(name=overview_tab, role="page tab"))
        sup.wait_node(pattern=consoles)
        finish(sup)


def test_display_view(d, srv):
    display = h.Console(d, ["--as-display", *srv.trusted(), "--user", "dispatch-1",
                            "--password", "dispatch-1"])
    time.sleep(2)
    d.screenshot("views-display")
    finish(display)


def test_sizes(d, srv):
    """The minimum and a large screen: screenshots to look at; nothing may be cut off."""
    for size in ("1024x600", "1920x1080"):
        console = logged_in_console(d, srv, extra=("--window-size", size))
        time.sleep(0.5)
        d.screenshot("views-en-%s" % size)
        finish(console)


def main():
    suite = h.Suite()
    d = h.Desktop(width=1920, height=1080)
    srv = h.Server(d.tmp)
    try:
        for t in (test_every_view_english, test_every_view_german, test_supervisor_overview,
                  test_display_view, test_sizes):
            suite.run(t.__name__, t, d, srv)
    finally:
        d.close()
        srv.stop()
    suite.finish()


if __name__ == "__main__":
    main()
