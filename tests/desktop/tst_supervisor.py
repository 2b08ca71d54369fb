# SPDX-License-Identifier: Apache-2.0
"""The supervisor's overview in the real window, with real X11 input: a busy fleet (the
simulator), a dispatcher's console beside it, and the supervisor's console. The overview must
show live sessions with their talkers, talk times and queues, see the dispatcher talk or wait
while it holds Space in its own window, stop and start hearing a group with one click, and
switch to the console's panels and back.
"""
import os
import re
import time

import harness as h


def overview_rows(console):
    """The session rows' accessible names ("North Ops 1, Engine 3 talking 0:02, 1 waiting")."""
    return [n.name for n in console.find(role="list item")
            if re.search(r" talking \d+:\d\d| waiting|emergency:", n.name or "")]


def test_overview_shows_live_sessions(d, srv, disp, sup):
    d.focus_window(sup.window)
    rows = h.wait_for("talking sessions in the overview",
                      lambda: [r for r in overview_rows(sup) if " talking " in r], timeout=20)
    assert all(re.search(r" talking \d+:\d\d", r) for r in rows), rows
    h.wait_for("a queue", lambda: [r for r in overview_rows(sup) if " waiting" in r], timeout=20)
    texts = sup.texts()
    assert any(re.match(r"^\d+ live · \d+ talking · \d+ waiting", t) for t in texts), texts
    assert sup.find(pattern=r"^Dispatch 1, "), "the dispatcher's console is listed"
    d.screenshot("supervisor-overview")


def test_dispatcher_holding_space_shows_in_the_consoles(d, srv, disp, sup):
    d.focus_window(disp.window)
    mark = time.monotonic()
    d.key_down("space")
    try:
        # It talks, or it waits behind a unit of the same priority: either shows at once.
        node = sup.wait_node(pattern=r"^Dispatch 1, (● Talking on|Waiting to talk on) ",
                             timeout=3)
        print("supervisor sees: %s (%.0f ms after the press)"
              % (node.name, (time.monotonic() - mark) * 1000))
        d.screenshot("supervisor-dispatcher-talks")
    finally:
        d.key_up("space")
    disp.wait_state("Idle", mark, timeout=3)
    sup.wait_node(pattern=r"^Dispatch 1, (Last talked on|Has not talked yet)", timeout=3)


def test_one_click_stops_and_starts_hearing_a_group(d, srv, disp, sup):
    d.focus_window(sup.window)
    chip = sup.wait_node(pattern=r"^Stop hearing (North|South) Ops \d+$", timeout=15)
    group = chip.name[len("Stop hearing "):]
    sup.click(chip)
    # The group tree says what is heard: the group's Monitor chip is off now.
    sup.click(sup.wait_node(name="Console", role="page tab"))
    monitor = sup.wait_node(name="Monitor %s" % group)
    h.wait_for("%s no longer monitored" % group, lambda: not sup.checked(monitor), timeout=3)
    d.screenshot("supervisor-console-tab")
    sup.click(monitor)
    h.wait_for("%s monitored again" % group, lambda: sup.checked(monitor), timeout=3)
    sup.click(sup.wait_node(name="Overview", role="page tab"))
    sup.wait_node(pattern=r"^Consoles \(\d+\)$")


def test_no_qml_trouble(d, srv, disp, sup):
    for console in (disp, sup):
        assert console.alive(), "floorline exited"
        problems = [l for l in console.proc.log.all()
                    if re.search(r"\.qml:\d+|is not installed|TypeError|ReferenceError", l)]
        assert not problems, "QML trouble:\n" + "\n".join(problems)


def main():
    suite = h.Suite()
    d = h.Desktop(width=1920, height=1080)
    srv = h.Server(d.tmp)
    # A busy evening: every group talks every few seconds, so queues form.
    sim = d.spawn([os.path.join(h.BUILD, "tools/sim/floorline-sim"), *srv.trusted(),
                   "--units", "24", "--groups", "6", "--talk-interval", "2",
                   "--emergency-share", "0", "--seed", "11", "--stats-interval", "0"], "sim")
    try:
        disp = h.Console(d, [*srv.trusted(), "--user", "dispatch-1", "--password", "dispatch-1",
                             "--window-size", "1024x600"], home="dispatcher")
        sup = h.Console(d, [*srv.trusted(), "--user", "supervisor", "--password", "supervisor"],
                        home="supervisor")
        for t in (test_overview_shows_live_sessions,
                  test_dispatcher_holding_space_shows_in_the_consoles,
                  test_one_click_stops_and_starts_hearing_a_group, test_no_qml_trouble):
            suite.run(t.__name__, t, d, srv, disp, sup)
    finally:
        d.close()
        srv.stop()
        sim.kill()
    suite.finish()


if __name__ == "__main__":
    main()
