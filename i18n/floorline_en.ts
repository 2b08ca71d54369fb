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
</TS>
