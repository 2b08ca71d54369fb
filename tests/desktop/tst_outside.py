# SPDX-License-Identifier: Apache-2.0
"""Push-to-talk from outside the window, in the real floorline window under Xvfb with key
autorepeat on (tests/desktop/harness.py): a global key held while another X client has the
focus, the same key with the console focused, group keys chosen in the settings, a new key
captured there, a pedal chosen by pressing it, plugged in while the console runs and pulled
out mid-press, and the choices kept per account.
"""
import os
import time

import harness as h

HOLD_S = 3.0


def focused(d):
    return d.run("xdotool", "getwindowfocus").strip()


def hold(d, console, srv, key, other, seconds=HOLD_S, expect=("Requesting", "Granted", "Idle")):
    """Holds `key` with the focus in `other`; checks one request and the states logged."""
    d.focus_window(other)
    time.sleep(0.3)
    before = srv.floor_requests()
    mark = time.monotonic()
    d.key_down(key)
    console.wait_state("Granted", mark)
    time.sleep(seconds)
    assert focused(d) == other, "the other program kept the focus"
    assert console.talk_states(mark)[-1] == "Granted", console.talk_states(mark)
    d.key_up(key)
    console.wait_state("Idle", mark, timeout=2)
    states = console.talk_states(mark)
    assert tuple(states) == expect, states
    assert srv.floor_requests() - before == 1
    return mark


def open_keys(console):
    console.click(console.wait_node(name="Push-to-talk keys and pedal", role="push button"))
    return console.wait_node(pattern=r"^Talk key: ")


def close_dialog(d, console):
    console.click(console.wait_node(name="Close", role="push button"))
    h.wait_for("the dialog to close", lambda: not console.find(pattern=r"^Talk key: "), 5)


def test_global_key_while_another_program_has_the_focus(d, srv, console, other):
    mark = hold(d, console, srv, "Scroll_Lock", other)
    d.screenshot("outside-01-scroll-lock-elsewhere")
    assert any("press from \"talk\"" in l for l in console.log_since(mark))


def test_global_key_with_the_console_focused(d, srv, console, other):
    # The X server tells the focused window it lost the keyboard to the grab: that must not
    # end the talk as a real focus change does.
    d.focus_window(console.window)
    time.sleep(0.3)
    before = srv.floor_requests()
    mark = time.monotonic()
    d.key_down("Scroll_Lock")
    console.wait_state("Granted", mark)
    time.sleep(2.0)
    assert console.talk_states(mark)[-1] == "Granted", console.talk_states(mark)
    d.key_up("Scroll_Lock")
    console.wait_state("Idle", mark, timeout=2)
    assert srv.floor_requests() - before == 1


def test_space_released_does_not_end_a_global_talk(d, srv, console, other):
    d.focus_window(console.window)
    time.sleep(0.3)
    mark = time.monotonic()
    d.key_down("Scroll_Lock")
    console.wait_state("Granted", mark)
    d.key("space")  # tapped while the global key holds the talk
    time.sleep(0.5)
    assert console.talk_states(mark)[-1] == "Granted", console.talk_states(mark)
    d.key_up("Scroll_Lock")
    console.wait_state("Idle", mark, timeout=2)


def test_space_talk_survives_a_global_key_tap(d, srv, console, other):
    # Space holds the talk; Scroll Lock tapped meanwhile (the X server's grab takes the
    # keyboard for that moment) neither ends it nor keeps it: Space's release ends it.
    d.focus_window(console.window)
    time.sleep(0.3)
    mark = time.monotonic()
    d.key_down("space")
    console.wait_state("Granted", mark)
    d.key_down("Scroll_Lock")
    time.sleep(0.4)
    d.key_up("space")  # released while the grab has the keyboard
    console.wait_state("Idle", mark, timeout=2)
    d.key_up("Scroll_Lock")
    time.sleep(0.6)
    states = console.talk_states(mark)
    assert states == ["Requesting", "Granted", "Idle"], states
    # And the other way round: Space tapped while Scroll Lock talks (tested below too).
    mark = time.monotonic()
    d.key_down("space")
    console.wait_state("Granted", mark)
    d.key("Scroll_Lock")
    time.sleep(1.0)
    assert console.talk_states(mark)[-1] == "Granted", console.talk_states(mark)
    d.key_up("space")
    console.wait_state("Idle", mark, timeout=2)


def test_the_current_key_pressed_in_the_settings_sets_it(d, srv, console, other):
    d.focus_window(console.window)
    talk = open_keys(console)
    mark = time.monotonic()
    console.click(talk)
    console.wait_node(name="Talk key: Press the key…")
    d.key("Scroll_Lock")  # the key it has: set again, not a talk
    console.wait_node(name="Talk key: ScrollLock")
    d.key("ctrl+F3")
    time.sleep(0.3)
    assert not console.talk_states(mark), console.talk_states(mark)
    close_dialog(d, console)


def test_group_keys_chosen_in_the_settings(d, srv, console, other):
    d.focus_window(console.window)
    open_keys(console)
    console.click(console.wait_node(name="Group keys"))
    console.click(console.wait_node(name="Ctrl+F1–F12"))
    time.sleep(0.5)
    d.screenshot("outside-02-keys-dialog")
    close_dialog(d, console)
    badge = console.wait_node(pattern=r"^Global key Ctrl\+F2 talks on ")
    group = badge.name.split(" talks on ", 1)[1]
    d.screenshot("outside-03-group-keys")
    mark = hold(d, console, srv, "ctrl+F2", other)
    assert any("press from \"group:2\"" in l for l in console.log_since(mark))
    # The talk went to that group only, wherever the selection is.
    d.focus_window(other)
    mark = time.monotonic()
    d.key_down("ctrl+F2")
    console.wait_state("Granted", mark)
    talking = console.wait_node(pattern=r"^Talking to: ").name
    d.key_up("ctrl+F2")
    console.wait_state("Idle", mark, timeout=2)
    assert talking == "Talking to: " + group, (talking, group)


def test_capture_a_new_talk_key(d, srv, console, other):
    d.focus_window(console.window)
    talk = open_keys(console)
    console.click(talk)
    console.wait_node(name="Talk key: Press the key…")
    d.key("Pause")
    console.wait_node(name="Talk key: Pause")
    close_dialog(d, console)
    hold(d, console, srv, "Pause", other, seconds=1.0)
    # Scroll Lock is given back to the other programs.
    mark = time.monotonic()
    d.focus_window(other)
    d.key_down("Scroll_Lock")
    time.sleep(0.5)
    d.key_up("Scroll_Lock")
    time.sleep(0.3)
    assert not console.talk_states(mark), console.talk_states(mark)


def test_pedal_chosen_by_pressing_it_plugged_in_while_running(d, srv, console, other, pedal):
    d.focus_window(console.window)
    open_keys(console)
    assert not console.find(name=pedal.key()), "not plugged in yet"
    console.click(console.wait_node(name="Choose the pedal by pressing it"))
    console.wait_node(name="Press the pedal or button now…")
    pedal.plug()  # plugged in now, with the console running
    time.sleep(0.5)
    pedal.button(True)
    pedal.button(False)
    console.wait_node(pattern=r"^Ready: " + pedal.key().replace("[", r"\[").replace("]", r"\]"))
    d.screenshot("outside-04-pedal-chosen")
    close_dialog(d, console)
    d.focus_window(other)
    time.sleep(0.3)
    before = srv.floor_requests()
    mark = time.monotonic()
    pedal.button(True)
    console.wait_state("Granted", mark)
    for _ in range(20):  # the kernel repeats a held key: still one request
        pedal.repeat()
        time.sleep(0.05)
    pedal.button(False)
    console.wait_state("Idle", mark, timeout=2)
    assert console.talk_states(mark) == ["Requesting", "Granted", "Idle"], console.talk_states(mark)
    assert srv.floor_requests() - before == 1


def test_pedal_pulled_out_mid_press_ends_the_talk(d, srv, console, other, pedal):
    d.focus_window(other)
    mark = time.monotonic()
    pedal.button(True)
    console.wait_state("Granted", mark)
    pulled = time.monotonic()
    pedal.unplug()
    console.wait_state("Idle", mark, timeout=2)
    print("  pedal pulled out -> Idle logged: %.0f ms" % ((time.monotonic() - pulled) * 1000))
    console.wait_node(name="The pedal was unplugged: the talk ended")
    time.sleep(0.3)
    d.screenshot("outside-05-pedal-unplugged")
    # Plugged in again: it works without touching the settings.
    pedal.plug()
    time.sleep(1.0)
    mark = time.monotonic()
    pedal.button(True)
    console.wait_state("Granted", mark)
    pedal.button(False)
    console.wait_state("Idle", mark, timeout=2)


def test_choices_are_kept_per_account(d, srv, console, other):
    # Logged out, the keys are the other programs' again.
    d.focus_window(console.window)
    console.click(console.wait_node(name="Log out"))
    console.wait_node(role="password text")
    mark = time.monotonic()
    d.focus_window(other)
    d.key("Pause")
    d.key("ctrl+F2")
    time.sleep(0.5)
    assert not console.talk_states(mark), console.talk_states(mark)
    assert not any("press from" in l for l in console.log_since(mark))
    d.focus_window(console.window)
    console.login("dispatch-2", "dispatch-2")
    h.wait_for("the form to close", lambda: not console.find(role="password text"), 10)
    time.sleep(1.0)
    # Another dispatcher: the defaults (Scroll Lock, no group keys).
    assert not console.find(pattern=r"^Global key "), "group keys are dispatch-1's"
    hold(d, console, srv, "Scroll_Lock", other, seconds=0.5)
    d.focus_window(console.window)
    console.click(console.wait_node(name="Log out"))
    console.wait_node(role="password text")
    console.login("dispatch-1", "dispatch-1")
    h.wait_for("the form to close", lambda: not console.find(role="password text"), 10)
    console.wait_node(pattern=r"^Global key Ctrl\+F2 talks on ")
    hold(d, console, srv, "Pause", other, seconds=0.5)


def main():
    suite = h.Suite()
    d = h.Desktop()
    srv = h.Server(d.tmp)
    pedal = h.FakePedal(os.path.join(d.tmp, "input"))
    try:
        console = h.Console(d, [*srv.trusted(), "--user", "dispatch-1", "--password",
                                "dispatch-1", "--no-audio"], env=pedal.env())
        h.wait_for("online", lambda: any("link Online" in l for l in console.proc.log.all()), 15)
        time.sleep(1.0)
        other = d.other_window()
        tests = [
            (test_global_key_while_another_program_has_the_focus, ()),
            (test_global_key_with_the_console_focused, ()),
            (test_space_released_does_not_end_a_global_talk, ()),
            (test_space_talk_survives_a_global_key_tap, ()),
            (test_the_current_key_pressed_in_the_settings_sets_it, ()),
            (test_group_keys_chosen_in_the_settings, ()),
            (test_capture_a_new_talk_key, ()),
            (test_pedal_chosen_by_pressing_it_plugged_in_while_running, (pedal,)),
            (test_pedal_pulled_out_mid_press_ends_the_talk, (pedal,)),
            (test_choices_are_kept_per_account, ()),
        ]
        for t, extra in tests:
            if not console.alive():
                print("floorline exited:\n" + "\n".join(console.proc.log.all()[-40:]))
                break
            suite.run(t.__name__, t, d, srv, console, other, *extra)
        warnings = [l for l in console.proc.log.all() if "qml" in l.lower() and "warn" in l.lower()]
        if warnings:
            print("QML warnings:\n" + "\n".join(warnings))
            suite.failed += 1
    finally:
        d.close()
        srv.stop()
    suite.finish()


if __name__ == "__main__":
    main()
