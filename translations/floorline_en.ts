<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BroadcastDialog</name>
    <message numerus="yes">
        <source>This calls %n unit(s) into one call and keeps them busy until you end it.</source>
        <translation>
            <numerusform>This calls %n unit into one call and keeps it busy until you end it.</numerusform>
            <numerusform>This calls %n units into one call and keeps them busy until you end it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallCard</name>
    <message numerus="yes">
        <source>%n in call: </source>
        <translation>
            <numerusform>%n in call: </numerusform>
            <numerusform>%n in call: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallsPanel</name>
    <message numerus="yes">
        <source>Call %n selected</source>
        <translation>
            <numerusform>Call %n selected</numerusform>
            <numerusform>Call %n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsolePresenceRow</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Monitors %n group(s)</source>
        <translation>
            <numerusform>Monitors %n group</numerusform>
            <numerusform>Monitors %n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n consoles</source>
        <translation>
            <numerusform> · %n console</numerusform>
            <numerusform> · %n consoles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmergencyBanner</name>
    <message numerus="yes">
        <source>%n open emergency(s)</source>
        <translation>
            <numerusform>%n open emergency</numerusform>
            <numerusform>%n open emergencies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more below (scroll)</source>
        <translation>
            <numerusform>%n more below (scroll)</numerusform>
            <numerusform>%n more below (scroll)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not acknowledged</source>
        <translation>
            <numerusform>%n not acknowledged</numerusform>
            <numerusform>%n not acknowledged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupRow</name>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncomingMedia</name>
    <message numerus="yes">
        <source>%n more waiting</source>
        <translation>
            <numerusform>%n more waiting</numerusform>
            <numerusform>%n more waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InvitePlanner</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisedSessionRow</name>
    <message numerus="yes">
        <source>, %n waiting</source>
        <translation>
            <numerusform>, %n waiting</numerusform>
            <numerusform>, %n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in it: </source>
        <translation>
            <numerusform>%n in it: </numerusform>
            <numerusform>%n in it: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n more</numerusform>
            <numerusform>+ %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting: </source>
        <translation>
            <numerusform>%n waiting: </numerusform>
            <numerusform>%n waiting: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message numerus="yes">
        <source>%n live</source>
        <translation>
            <numerusform>%n live</numerusform>
            <numerusform>%n live</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n talking</source>
        <translation>
            <numerusform>%n talking</numerusform>
            <numerusform>%n talking</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n emergencies</source>
        <translation>
            <numerusform>%n emergency</numerusform>
            <numerusform>%n emergencies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitsPanel</name>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n shown</numerusform>
            <numerusform>%n shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>floorline::console::SessionListModel</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>floorline::console::SupervisedSessionModel</name>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n more</numerusform>
            <numerusform>+ %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>floorline::input::PortalHotkeys</name>
    <message numerus="yes">
        <source>The desktop did not bind %n of these keys</source>
        <translation>
            <numerusform>The desktop did not bind %n of these keys</numerusform>
            <numerusform>The desktop did not bind %n of these keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>floorline::input::X11Hotkeys</name>
    <message numerus="yes">
        <source>Another program holds %n of these keys</source>
        <translation>
            <numerusform>Another program holds %n of these keys</numerusform>
            <numerusform>Another program holds %n of these keys</numerusform>
        </translation>
    </message>
</context>
</TS>
