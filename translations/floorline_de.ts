<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActivityLog</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Aktivitätsprotokoll</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 on %2, showing %3</source>
        <translation>%1 auf %2, zeigt %3</translation>
    </message>
    <message>
        <source>a picture</source>
        <translation>ein Bild</translation>
    </message>
    <message>
        <source>%1 on %2 at %3</source>
        <translation>%1 auf %2 um %3</translation>
    </message>
</context>
<context>
    <name>AudioDialog</name>
    <message>
        <source>Audio settings</source>
        <translation>Audioeinstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>The console runs without sound (no audio system, or --no-audio).</source>
        <translation>Die Konsole läuft ohne Ton (kein Audiosystem oder --no-audio).</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Microphone device</source>
        <translation>Mikrofongerät</translation>
    </message>
    <message>
        <source>Headset (selected groups, tones)</source>
        <translation>Headset (ausgewählte Gruppen, Töne)</translation>
    </message>
    <message>
        <source>Headset device</source>
        <translation>Headset-Gerät</translation>
    </message>
    <message>
        <source>Speaker (monitored groups); default: the headset</source>
        <translation>Lautsprecher (mitgehörte Gruppen); Standard: das Headset</translation>
    </message>
    <message>
        <source>Speaker device</source>
        <translation>Lautsprechergerät</translation>
    </message>
    <message>
        <source>Microphone level: speak to test it</source>
        <translation>Mikrofonpegel: zum Testen sprechen</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Mikrofonpegel</translation>
    </message>
    <message>
        <source>For the lowest delay use 10 ms frames with devices set to 128-frame periods (about 2.7 ms at 48 kHz).</source>
        <translation>Für die geringste Verzögerung 10-ms-Frames verwenden und die Geräte auf Perioden von 128 Frames einstellen (etwa 2,7 ms bei 48 kHz).</translation>
    </message>
    <message>
        <source>Alarms (emergency tone), heard in the room</source>
        <translation>Alarme (Notrufton), im Raum zu hören</translation>
    </message>
    <message>
        <source>In the headset</source>
        <translation>Im Headset</translation>
    </message>
    <message>
        <source>Alarm device</source>
        <translation>Alarmgerät</translation>
    </message>
</context>
<context>
    <name>BroadcastDialog</name>
    <message>
        <source>Broadcast to %1?</source>
        <translation>Durchsage an %1?</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Durchsage</translation>
    </message>
    <message numerus="yes">
        <source>This calls %n unit(s) into one call and keeps them busy until you end it.</source>
        <translation>
            <numerusform>Damit wird %n Einheit in einen Ruf geholt und bleibt belegt, bis Sie ihn beenden.</numerusform>
            <numerusform>Damit werden %n Einheiten in einen Ruf geholt und bleiben belegt, bis Sie ihn beenden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody in %1 can be called now.</source>
        <translation>In %1 ist gerade niemand erreichbar.</translation>
    </message>
</context>
<context>
    <name>CallCard</name>
    <message>
        <source>%1, %2 talking</source>
        <translation>%1, %2 spricht</translation>
    </message>
    <message>
        <source>BROADCAST</source>
        <translation>DURCHSAGE</translation>
    </message>
    <message>
        <source>CALL</source>
        <translation>GESPRÄCH</translation>
    </message>
    <message>
        <source>NOT JOINED</source>
        <translation>NICHT BEIGETRETEN</translation>
    </message>
    <message numerus="yes">
        <source>%n in call: </source>
        <translation>
            <numerusform>%n im Gespräch: </numerusform>
            <numerusform>%n im Gespräch: </numerusform>
        </translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Sprechen</translation>
    </message>
    <message>
        <source>Talk on %1</source>
        <translation>In %1 sprechen</translation>
    </message>
    <message>
        <source>Add selected</source>
        <translation>Auswahl hinzufügen</translation>
    </message>
    <message>
        <source>Add the selected units to %1</source>
        <translation>Ausgewählte Einheiten zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>End %1</source>
        <translation>%1 beenden</translation>
    </message>
    <message>
        <source>Leave %1</source>
        <translation>%1 verlassen</translation>
    </message>
</context>
<context>
    <name>CallsPanel</name>
    <message>
        <source>Calls</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Hinweis schließen</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>Neues Gespräch</translation>
    </message>
    <message>
        <source>Drop units or a group</source>
        <translation>Einheiten oder Gruppe ablegen</translation>
    </message>
    <message>
        <source>Call selected</source>
        <translation>Auswahl anrufen</translation>
    </message>
    <message>
        <source>Start a call with the selected units</source>
        <translation>Gespräch mit den ausgewählten Einheiten starten</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Durchsage</translation>
    </message>
    <message>
        <source>Drop a group: calls every unit below it</source>
        <translation>Gruppe ablegen: ruft alle darunter</translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation>Laufende Gespräche</translation>
    </message>
    <message>
        <source>No live calls. Drop units on New call to start one.</source>
        <translation>Keine laufenden Gespräche. Einheiten auf „Neues Gespräch“ ziehen, um eines zu starten.</translation>
    </message>
    <message>
        <source>Name of the next call</source>
        <translation>Name des nächsten Gesprächs</translation>
    </message>
    <message numerus="yes">
        <source>Call %n selected</source>
        <translation>
            <numerusform>%n Ausgewählte rufen</numerusform>
            <numerusform>%n Ausgewählte rufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Call name</source>
        <translation>Gesprächsname</translation>
    </message>
</context>
<context>
    <name>ConsolePresenceRow</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>vor %n s</numerusform>
            <numerusform>vor %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n min</numerusform>
            <numerusform>vor %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n h</numerusform>
            <numerusform>vor %n h</numerusform>
        </translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (Sie)</translation>
    </message>
    <message>
        <source>SUPERVISOR</source>
        <translation>AUFSICHT</translation>
    </message>
    <message>
        <source>DISPATCHER</source>
        <translation>DISPONENT</translation>
    </message>
    <message>
        <source>● Talking on %1</source>
        <translation>● Spricht in %1</translation>
    </message>
    <message>
        <source>Waiting to talk on %1</source>
        <translation>Wartet auf Sprechrecht in %1</translation>
    </message>
    <message>
        <source>Last talked on %1, %2</source>
        <translation>Zuletzt in %1, %2</translation>
    </message>
    <message>
        <source>Has not talked yet</source>
        <translation>Hat noch nicht gesprochen</translation>
    </message>
    <message numerus="yes">
        <source>Monitors %n group(s)</source>
        <translation>
            <numerusform>Hört %n Gruppe</numerusform>
            <numerusform>Hört %n Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <source> · in %1</source>
        <translation> · in %1</translation>
    </message>
    <message numerus="yes">
        <source> · %n consoles</source>
        <translation>
            <numerusform> · %n Konsole</numerusform>
            <numerusform> · %n Konsolen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisplayView</name>
    <message>
        <source>Display of %1 · %2</source>
        <translation>Anzeige von %1 · %2</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Waiting for what the console sends to its displays</source>
        <translation>Wartet auf das, was die Konsole an ihre Anzeigen sendet</translation>
    </message>
</context>
<context>
    <name>EmergencyBanner</name>
    <message>
        <source>EMERGENCY  %1</source>
        <translation>NOTRUF  %1</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message numerus="yes">
        <source>%n open emergency(s)</source>
        <translation>
            <numerusform>%n offener Notruf</numerusform>
            <numerusform>%n offene Notrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>EMERGENCY  %1 — %2</source>
        <translation>NOTRUF  %1 — %2</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>quittiert von %1</translation>
    </message>
    <message>
        <source>Acknowledge the emergency of %1</source>
        <translation>Notruf von %1 quittieren</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Aufheben</translation>
    </message>
    <message>
        <source>Clear the emergency of %1 for everyone</source>
        <translation>Notruf von %1 für alle aufheben</translation>
    </message>
    <message numerus="yes">
        <source>%n more below (scroll)</source>
        <translation>
            <numerusform>%n weiterer darunter (blättern)</numerusform>
            <numerusform>%n weitere darunter (blättern)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not acknowledged</source>
        <translation>
            <numerusform>%n nicht quittiert</numerusform>
            <numerusform>%n nicht quittiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupRow</name>
    <message>
        <source>%1, %2 talking</source>
        <translation>%1, %2 spricht</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n Einheit</numerusform>
            <numerusform>%n Einheiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued #%1</source>
        <translation>Warteschlange #%1</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Mithören</translation>
    </message>
    <message>
        <source>Monitor %1</source>
        <translation>%1 mithören</translation>
    </message>
    <message>
        <source>Headset</source>
        <translation>Headset</translation>
    </message>
    <message>
        <source>Talk and listen on %1 in the headset</source>
        <translation>In %1 über das Headset sprechen und hören</translation>
    </message>
    <message>
        <source>PTT</source>
        <translation>PTT</translation>
    </message>
    <message>
        <source>Talk on %1 only</source>
        <translation>Nur in %1 sprechen</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Durchsage</translation>
    </message>
    <message>
        <source>Broadcast to everyone in %1</source>
        <translation>Durchsage an alle in %1</translation>
    </message>
    <message>
        <source>Volume of %1</source>
        <translation>Lautstärke von %1</translation>
    </message>
    <message>
        <source>Collapse %1</source>
        <translation>%1 einklappen</translation>
    </message>
    <message>
        <source>Expand %1</source>
        <translation>%1 ausklappen</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>%1 stumm schalten</translation>
    </message>
    <message>
        <source>Media shared with %1</source>
        <translation>Mit %1 geteilte Medien</translation>
    </message>
    <message>
        <source>Global key %1 talks on %2</source>
        <translation>Globale Taste %1 spricht in %2</translation>
    </message>
</context>
<context>
    <name>GroupTree</name>
    <message>
        <source>Talk groups</source>
        <translation>Sprechgruppen</translation>
    </message>
</context>
<context>
    <name>IncomingMedia</name>
    <message>
        <source>%1 sent %2</source>
        <translation>%1 hat %2 gesendet</translation>
    </message>
    <message numerus="yes">
        <source>%n more waiting</source>
        <translation>
            <numerusform>%n weiteres wartet</numerusform>
            <numerusform>%n weitere warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Gesehen</translation>
    </message>
    <message>
        <source>Mark %1 as seen</source>
        <translation>%1 als gesehen markieren</translation>
    </message>
</context>
<context>
    <name>InvitePlanner</name>
    <message>
        <source>unknown unit</source>
        <translation>unbekannte Einheit</translation>
    </message>
    <message>
        <source>that is you</source>
        <translation>das sind Sie</translation>
    </message>
    <message>
        <source>already in this call</source>
        <translation>bereits im Gespräch</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>resetting</source>
        <translation>startet neu</translation>
    </message>
    <message>
        <source>busy in %1</source>
        <translation>belegt in %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Not invited: %1</source>
        <translation>Nicht eingeladen: %1</translation>
    </message>
</context>
<context>
    <name>KeyCapture</name>
    <message>
        <source>Press the key…</source>
        <translation>Taste drücken…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>%1 löschen</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <source>Log in to a Floorline server</source>
        <translation>Bei einem Floorline-Server anmelden</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect and log in</source>
        <translation>Verbinden und anmelden</translation>
    </message>
    <message>
        <source>Server, e.g. wss://dispatch.example:7700</source>
        <translation>Server, z. B. wss://leitstelle.example:7700</translation>
    </message>
    <message>
        <source>%1 is not known to this console yet. Compare its certificate fingerprint with the one its operator gives you.</source>
        <translation>%1 ist dieser Konsole noch nicht bekannt. Vergleichen Sie den Fingerabdruck seines Zertifikats mit dem, den Ihnen der Betreiber nennt.</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <source>Certificate fingerprint</source>
        <translation>Fingerabdruck des Zertifikats</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Dem neuen Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Vertrauen und verbinden</translation>
    </message>
    <message>
        <source>Warning: %1 presents a different certificate than the one this console trusts for it. Someone may be between you and the server. Trust it only if its operator says the certificate was replaced.</source>
        <translation>Warnung: %1 zeigt ein anderes Zertifikat als das, dem diese Konsole für ihn vertraut. Jemand könnte sich zwischen Sie und den Server geschaltet haben. Vertrauen Sie ihm nur, wenn der Betreiber bestätigt, dass das Zertifikat ersetzt wurde.</translation>
    </message>
    <message>
        <source>Trusted: %1</source>
        <translation>Vertraut: %1</translation>
    </message>
    <message>
        <source>%1 presents a certificate other than the one you were given for it (--fingerprint). Someone may be between you and the server, or the fingerprint you were given is out of date: ask its operator. Not connected.</source>
        <translation>%1 zeigt ein anderes Zertifikat als das, dessen Fingerabdruck Ihnen gegeben wurde (--fingerprint). Jemand könnte zwischen Ihnen und dem Server sitzen, oder der Fingerabdruck ist veraltet: Fragen Sie den Betreiber. Nicht verbunden.</translation>
    </message>
    <message>
        <source>Given: %1</source>
        <translation>Vorgegeben: %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Floorline — %1</source>
        <translation>Floorline — %1</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <source>Media</source>
        <translation>Medien</translation>
    </message>
    <message>
        <source>Share file…</source>
        <translation>Datei teilen…</translation>
    </message>
    <message>
        <source>Share a file with %1</source>
        <translation>Eine Datei mit %1 teilen</translation>
    </message>
    <message>
        <source>Media shelf</source>
        <translation>Medienablage</translation>
    </message>
    <message>
        <source>Drop a file on a group to share it; its shelf opens here</source>
        <translation>Eine Datei auf eine Gruppe ziehen, um sie zu teilen; ihre Ablage öffnet sich hier</translation>
    </message>
    <message>
        <source>Nothing shared yet. Drop a file here or on the group</source>
        <translation>Noch nichts geteilt. Eine Datei hierher oder auf die Gruppe ziehen</translation>
    </message>
    <message>
        <source>%1 shows %2</source>
        <translation>%1 zeigt %2</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>%1 (open from the shelf)</source>
        <translation>%1 (aus der Ablage öffnen)</translation>
    </message>
    <message>
        <source>● %1 on %2 — %3</source>
        <translation>● %1 auf %2 — %3</translation>
    </message>
    <message>
        <source>Pictures and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.webm)</source>
        <translation>Bilder und Videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.webm)</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>● %1 on %2</source>
        <translation>● %1 auf %2</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <source>Pair a device</source>
        <translation>Gerät koppeln</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Kopplungscode</translation>
    </message>
    <message>
        <source>Asking the server for a code…</source>
        <translation>Code wird beim Server angefordert…</translation>
    </message>
    <message>
        <source>Scan with the device within %1 s. The code works once.</source>
        <translation>Innerhalb von %1 s mit dem Gerät scannen. Der Code gilt einmal.</translation>
    </message>
    <message>
        <source>Paired: %1</source>
        <translation>Gekoppelt: %1</translation>
    </message>
    <message>
        <source>Pair another device</source>
        <translation>Weiteres Gerät koppeln</translation>
    </message>
</context>
<context>
    <name>PttKeysDialog</name>
    <message>
        <source>Push-to-talk keys and pedal</source>
        <translation>Sprechtasten und Pedal</translation>
    </message>
    <message>
        <source>Click a key field, then press the key (with Ctrl, Alt, Shift or Super if you like). These keys work in every program.</source>
        <translation>Ein Tastenfeld anklicken, dann die Taste drücken (auf Wunsch mit Strg, Alt, Umschalt oder Super). Diese Tasten wirken in jedem Programm.</translation>
    </message>
    <message>
        <source>Talk on the selected groups</source>
        <translation>In den ausgewählten Gruppen sprechen</translation>
    </message>
    <message>
        <source>Talk key</source>
        <translation>Sprechtaste</translation>
    </message>
    <message>
        <source>Emergency call on the selected groups</source>
        <translation>Notruf an die ausgewählten Gruppen</translation>
    </message>
    <message>
        <source>Emergency key</source>
        <translation>Notruftaste</translation>
    </message>
    <message>
        <source>Group keys: F1 talks on the first group of the list, F2 on the second, … up to F12</source>
        <translation>Gruppentasten: F1 spricht in der ersten Gruppe der Liste, F2 in der zweiten, … bis F12</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Group keys</source>
        <translation>Gruppentasten</translation>
    </message>
    <message>
        <source>Pedal or headset button</source>
        <translation>Pedal oder Headset-Taste</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Pedal device</source>
        <translation>Pedalgerät</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Press to choose…</source>
        <translation>Zum Wählen drücken…</translation>
    </message>
    <message>
        <source>Choose the pedal by pressing it</source>
        <translation>Pedal durch Drücken wählen</translation>
    </message>
</context>
<context>
    <name>PttPanel</name>
    <message>
        <source>Talking to</source>
        <translation>Sprechen an</translation>
    </message>
    <message>
        <source>no group selected</source>
        <translation>keine Gruppe ausgewählt</translation>
    </message>
    <message>
        <source>Push to talk</source>
        <translation>Sprechtaste</translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation>AUF SENDUNG</translation>
    </message>
    <message>
        <source>REQUESTING</source>
        <translation>ANFRAGE</translation>
    </message>
    <message>
        <source>QUEUED
#%1</source>
        <translation>WARTET
#%1</translation>
    </message>
    <message>
        <source>DENIED</source>
        <translation>ABGELEHNT</translation>
    </message>
    <message>
        <source>PUSH
TO TALK</source>
        <translation>ZUM
SPRECHEN</translation>
    </message>
    <message>
        <source>Hold for emergency call</source>
        <translation>Für Notruf gedrückt halten</translation>
    </message>
    <message>
        <source>Emergency call on the selected groups, hold to talk</source>
        <translation>Notruf an die ausgewählten Gruppen, zum Sprechen gedrückt halten</translation>
    </message>
    <message>
        <source>You are on the air</source>
        <translation>Sie sind auf Sendung</translation>
    </message>
    <message>
        <source>Hold the button or the Space bar</source>
        <translation>Taste oder Leertaste gedrückt halten</translation>
    </message>
    <message>
        <source>Shows %1 with your next talk</source>
        <translation>Zeigt %1 bei Ihrem nächsten Sprechen</translation>
    </message>
    <message>
        <source>Do not show a picture with the next talk</source>
        <translation>Beim nächsten Sprechen kein Bild zeigen</translation>
    </message>
    <message>
        <source>Next talk goes to</source>
        <translation>Nächstes Sprechen geht an</translation>
    </message>
    <message>
        <source>%1 on the air · %2 left</source>
        <translation>%1 auf Sendung · noch %2</translation>
    </message>
    <message>
        <source>%1 on the air</source>
        <translation>%1 auf Sendung</translation>
    </message>
    <message>
        <source>CUT OFF</source>
        <translation>ENTZOGEN</translation>
    </message>
    <message>
        <source>Hold the button, Space or %1</source>
        <translation>Taste, Leertaste oder %1 gedrückt halten</translation>
    </message>
</context>
<context>
    <name>ShelfItem</name>
    <message>
        <source>%1, goes with your next talk</source>
        <translation>%1, wird beim nächsten Sprechen gezeigt</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Uploading %1%</source>
        <translation>Hochladen %1 %</translation>
    </message>
    <message>
        <source>Click to show it with your next talk; drag it onto a unit to send it</source>
        <translation>Klicken, um es beim nächsten Sprechen zu zeigen; auf eine Einheit ziehen, um es ihr zu senden</translation>
    </message>
    <message>
        <source>Show on my displays</source>
        <translation>Auf meinen Anzeigen zeigen</translation>
    </message>
    <message>
        <source>Show %1 on my displays</source>
        <translation>%1 auf meinen Anzeigen zeigen</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Voice statistics</source>
        <translation>Sprachstatistik</translation>
    </message>
    <message>
        <source>No voice received yet.</source>
        <translation>Noch keine Sprache empfangen.</translation>
    </message>
    <message>
        <source>Voice statistics per talker</source>
        <translation>Sprachstatistik pro Sprecher</translation>
    </message>
    <message>
        <source>Talker · where · received · lost · concealed · jitter · delay</source>
        <translation>Sprecher · wo · empfangen · verloren · verschleiert · Jitter · Verzögerung</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 · %5 · %6 ms · %7 ms</source>
        <translation>%1 · %2 · %3 · %4 · %5 · %6 ms · %7 ms</translation>
    </message>
    <message>
        <source>Sound is off (no sound device, or started with --no-audio): no voice is played, so there are no statistics.</source>
        <translation>Ton aus (kein Audiogerät oder mit --no-audio gestartet): es wird keine Sprache abgespielt, daher gibt es keine Statistik.</translation>
    </message>
    <message>
        <source>Voice is encrypted (SRTP, AES-128-GCM). Refused: %1 packets that did not verify, %2 replayed.</source>
        <translation>Sprache ist verschlüsselt (SRTP, AES-128-GCM). Abgewiesen: %1 Pakete nicht verifizierbar, %2 wiederholt.</translation>
    </message>
    <message>
        <source>Voice is NOT encrypted: this server sends plain RTP, so anyone on the network path can listen.</source>
        <translation>Sprache ist NICHT verschlüsselt: Dieser Server sendet unverschlüsseltes RTP, jeder auf dem Netzweg kann mithören.</translation>
    </message>
</context>
<context>
    <name>StatusHeader</name>
    <message>
        <source>Dispatch console</source>
        <translation>Leitstellenkonsole</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Erneut verbinden…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Voice statistics per talker</source>
        <translation>Sprachstatistik pro Sprecher</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Audio settings</source>
        <translation>Audioeinstellungen</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Pair device</source>
        <translation>Gerät koppeln</translation>
    </message>
    <message>
        <source>Pair a device with this console</source>
        <translation>Ein Gerät mit dieser Konsole koppeln</translation>
    </message>
    <message>
        <source>Connection lost: talkers and calls shown as last known</source>
        <translation>Verbindung verloren: Sprecher und Rufe zeigen den letzten bekannten Stand</translation>
    </message>
    <message>
        <source>Supervisor console</source>
        <translation>Aufsichtskonsole</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Encrypted (TLS). Server certificate SHA-256: %1</source>
        <translation>Verschlüsselt (TLS). Server-Zertifikat SHA-256: %1</translation>
    </message>
    <message>
        <source>Not encrypted (this machine only)</source>
        <translation>Nicht verschlüsselt (nur auf diesem Rechner)</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Push-to-talk keys and pedal</source>
        <translation>Sprechtasten und Pedal</translation>
    </message>
</context>
<context>
    <name>SupervisedSessionRow</name>
    <message>
        <source>, %1 talking %2</source>
        <translation>, %1 spricht %2</translation>
    </message>
    <message numerus="yes">
        <source>, %n waiting</source>
        <translation>
            <numerusform>, %n wartet</numerusform>
            <numerusform>, %n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>, emergency: %1</source>
        <translation>, Notruf: %1</translation>
    </message>
    <message>
        <source>TALK GROUP</source>
        <translation>SPRECHGRUPPE</translation>
    </message>
    <message>
        <source>BROADCAST</source>
        <translation>DURCHSAGE</translation>
    </message>
    <message>
        <source>CALL</source>
        <translation>GESPRÄCH</translation>
    </message>
    <message>
        <source>made by %1 · </source>
        <translation>von %1 · </translation>
    </message>
    <message numerus="yes">
        <source>%n in it: </source>
        <translation>
            <numerusform>%n dabei: </numerusform>
            <numerusform>%n dabei: </numerusform>
        </translation>
    </message>
    <message>
        <source>TALKING</source>
        <translation>SPRICHT</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source> · P%1</source>
        <comment>priority level</comment>
        <translation> · P%1</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>WARTET</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n weiterer</numerusform>
            <numerusform>+ %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Wird gehört</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Mithören</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>Listen in</source>
        <translation>Aufschalten</translation>
    </message>
    <message>
        <source>Stop hearing %1</source>
        <translation>%1 nicht mehr hören</translation>
    </message>
    <message>
        <source>Hear %1</source>
        <translation>%1 hören</translation>
    </message>
    <message>
        <source>, ended</source>
        <translation>, beendet</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>PTT</source>
        <translation>PTT</translation>
    </message>
    <message>
        <source>Talk on %1</source>
        <translation>In %1 sprechen</translation>
    </message>
    <message>
        <source> · emergency call</source>
        <translation> · Notruf</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting: </source>
        <translation>
            <numerusform>%n wartet: </numerusform>
            <numerusform>%n warten: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <source>Live sessions</source>
        <translation>Laufende Sitzungen</translation>
    </message>
    <message numerus="yes">
        <source>%n live</source>
        <translation>
            <numerusform>%n laufend</numerusform>
            <numerusform>%n laufend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n talking</source>
        <translation>
            <numerusform>%n spricht</numerusform>
            <numerusform>%n sprechen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n emergencies</source>
        <translation>
            <numerusform>%n Notruf</numerusform>
            <numerusform>%n Notrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is talking or waiting, and there are no calls.</source>
        <translation>Niemand spricht oder wartet, und es gibt keine Gespräche.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Consoles (%1)</source>
        <translation>Konsolen (%1)</translation>
    </message>
</context>
<context>
    <name>UnitsPanel</name>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n angezeigt</numerusform>
            <numerusform>%n angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Search units or groups</source>
        <translation>Einheiten oder Gruppen suchen</translation>
    </message>
    <message>
        <source>Search units</source>
        <translation>Einheiten suchen</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Alle Einheiten</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Busy in a call</source>
        <translation>Belegt (im Gespräch)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Resetting</source>
        <translation>Startet neu</translation>
    </message>
    <message>
        <source>Show units by status</source>
        <translation>Einheiten nach Status filtern</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n Einheit</numerusform>
            <numerusform>%n Einheiten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>floorline</name>
    <message>
        <source>No desktop: global keys are off</source>
        <translation>Kein Desktop: globale Tasten sind aus</translation>
    </message>
    <message>
        <source>This desktop offers no global keys: push-to-talk works while the console has the focus</source>
        <translation>Dieser Desktop bietet keine globalen Tasten: Sprechen geht, solange die Konsole den Fokus hat</translation>
    </message>
</context>
<context>
    <name>floorline::console::AudioSettings</name>
    <message>
        <source>Could not open the device: %1</source>
        <translation>Gerät konnte nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>floorline::console::CallControl</name>
    <message>
        <source>%1 ended: %2</source>
        <translation>%1 beendet: %2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>You are not in %1, so you cannot invite to it</source>
        <translation>Sie sind nicht in %1 und können daher niemanden einladen</translation>
    </message>
    <message>
        <source>A broadcast calls its groups; it takes no invitations</source>
        <translation>Eine Durchsage ruft ihre Gruppen; Einladungen sind nicht möglich</translation>
    </message>
    <message>
        <source>Nobody to call in %1</source>
        <translation>In %1 ist niemand erreichbar</translation>
    </message>
    <message>
        <source>Invitation failed: %1</source>
        <translation>Einladung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Nobody was invited to %1.</source>
        <translation>Niemand wurde zu %1 eingeladen.</translation>
    </message>
    <message>
        <source>Invited %1 to %2.</source>
        <translation>%1 zu %2 eingeladen.</translation>
    </message>
    <message>
        <source>Could not leave: %1</source>
        <translation>Verlassen fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>floorline::console::ConsoleController</name>
    <message>
        <source>Could not load the directory: %1</source>
        <translation>Verzeichnis konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Could not monitor: %1</source>
        <translation>Mithören nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>floorline::console::EmergencyList</name>
    <message>
        <source>Emergency of %1 cleared by %2</source>
        <translation>Notruf von %1 beendet durch %2</translation>
    </message>
    <message>
        <source>Emergency of %1 on %2 cleared by %3</source>
        <translation>Notruf von %1 in %2 beendet durch %3</translation>
    </message>
</context>
<context>
    <name>floorline::console::MediaLibrary</name>
    <message>
        <source>Delivered to %1 of %2 · opened by %3</source>
        <translation>An %1 von %2 zugestellt · von %3 geöffnet</translation>
    </message>
    <message>
        <source>Delivered to %1 of %2</source>
        <translation>An %1 von %2 zugestellt</translation>
    </message>
    <message>
        <source>%1 is larger than 64 MiB</source>
        <translation>%1 ist größer als 64 MiB</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 ist leer</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Sharing…</source>
        <translation>Wird geteilt…</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>Sharing failed: %1</source>
        <translation>Teilen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>your displays</source>
        <translation>Ihre Anzeigen</translation>
    </message>
    <message>
        <source>Not sent to %1: %2</source>
        <translation>Nicht an %1 gesendet: %2</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>%1 lässt sich nicht lesen</translation>
    </message>
</context>
<context>
    <name>floorline::console::Pairing</name>
    <message>
        <source>This console reached the server at %1, which a phone cannot open. To pair a phone, log in with the server&apos;s network address.</source>
        <translation>Diese Konsole erreicht den Server unter %1, und diese Adresse kann ein Telefon nicht öffnen. Um ein Telefon zu koppeln, melden Sie sich mit der Netzwerkadresse des Servers an.</translation>
    </message>
</context>
<context>
    <name>floorline::console::PttInputs</name>
    <message>
        <source>The pedal was unplugged: the talk ended</source>
        <translation>Das Pedal wurde abgezogen: Sprechen beendet</translation>
    </message>
    <message>
        <source>Global keys are not available on this system</source>
        <translation>Globale Tasten gibt es auf diesem System nicht</translation>
    </message>
    <message>
        <source>Pedals are not available on this system</source>
        <translation>Pedale gibt es auf diesem System nicht</translation>
    </message>
    <message>
        <source>Press the pedal or button now…</source>
        <translation>Jetzt Pedal oder Taste drücken…</translation>
    </message>
    <message>
        <source>the talk key</source>
        <translation>die Sprechtaste</translation>
    </message>
    <message>
        <source>the emergency key</source>
        <translation>die Notruftaste</translation>
    </message>
    <message>
        <source>the key of group %1</source>
        <translation>die Taste von Gruppe %1</translation>
    </message>
    <message>
        <source>Not a key: %1</source>
        <translation>Keine Taste: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; types text in every program: add Ctrl, Alt or Super</source>
        <translation>„%1“ schreibt in jedem Programm Text: Strg, Alt oder Super dazunehmen</translation>
    </message>
    <message>
        <source>%1 is already %2</source>
        <translation>%1 ist schon %2</translation>
    </message>
    <message>
        <source>%1 is already the talk key</source>
        <translation>%1 ist schon die Sprechtaste</translation>
    </message>
    <message>
        <source>%1 is already the emergency key</source>
        <translation>%1 ist schon die Notruftaste</translation>
    </message>
</context>
<context>
    <name>floorline::console::ServerConnection</name>
    <message>
        <source>Enter your user name</source>
        <translation>Bitte Benutzernamen eingeben</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check the address; trying again.</source>
        <translation>%1 ist nicht erreichbar. Bitte die Adresse prüfen; neuer Versuch läuft.</translation>
    </message>
    <message>
        <source>No voice: cannot resolve %1</source>
        <translation>Kein Sprechfunk: %1 lässt sich nicht auflösen</translation>
    </message>
    <message>
        <source>First connection to %1: check its certificate below.</source>
        <translation>Erste Verbindung zu %1: Prüfen Sie unten sein Zertifikat.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed. Not connected.</source>
        <translation>Das Zertifikat von %1 hat sich geändert. Nicht verbunden.</translation>
    </message>
    <message>
        <source>Enter the server as wss://host:port</source>
        <translation>Geben Sie den Server als wss://host:port ein</translation>
    </message>
    <message>
        <source>ws:// is not encrypted: your password would cross the network readable. Use wss://%1:%2.</source>
        <translation>ws:// ist nicht verschlüsselt: Ihr Passwort ginge lesbar über das Netz. Verwenden Sie wss://%1:%2.</translation>
    </message>
    <message>
        <source>No server has the name %1. Check the address; trying again.</source>
        <translation>Kein Server heißt %1. Bitte die Adresse prüfen; neuer Versuch läuft.</translation>
    </message>
    <message>
        <source>Nothing answers at %1 (connection refused). Check the port and that the server runs; trying again.</source>
        <translation>Unter %1 antwortet nichts (Verbindung abgelehnt). Bitte den Port prüfen und ob der Server läuft; neuer Versuch läuft.</translation>
    </message>
    <message>
        <source>%1 hung up during the encryption handshake. Check the address and port; trying again.</source>
        <translation>%1 hat während des Verschlüsselungsaufbaus aufgelegt. Bitte Adresse und Port prüfen; neuer Versuch läuft.</translation>
    </message>
    <message>
        <source>%1 does not answer. Check the address and the network; trying again.</source>
        <translation>%1 antwortet nicht. Bitte Adresse und Netzwerk prüfen; neuer Versuch läuft.</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Check the address; trying again.</source>
        <translation>%1 ist nicht erreichbar (%2). Bitte die Adresse prüfen; neuer Versuch läuft.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not the one you were given. Not connected.</source>
        <translation>Das Zertifikat von %1 ist nicht das vorgegebene. Nicht verbunden.</translation>
    </message>
    <message>
        <source>Not connected: you did not trust the certificate of %1.</source>
        <translation>Nicht verbunden: Sie haben dem Zertifikat von %1 nicht vertraut.</translation>
    </message>
    <message>
        <source>%1 hung up without answering: it expects an encrypted connection. Not connected. Use wss://%1.</source>
        <translation>%1 hat ohne Antwort aufgelegt: Der Server erwartet eine verschlüsselte Verbindung. Nicht verbunden. Bitte wss://%1 verwenden.</translation>
    </message>
    <message>
        <source>A user name has at most 48 letters, digits and . _ : @ - only. Check that your password did not go into it.</source>
        <translation>Ein Benutzername hat höchstens 48 Buchstaben, Ziffern und . _ : @ -. Prüfen Sie, ob Ihr Passwort hineingeraten ist.</translation>
    </message>
    <message>
        <source>Not connected: the certificate of %1 is not the one you were given.</source>
        <translation>Nicht verbunden: Das Zertifikat von %1 ist nicht das, das Ihnen genannt wurde.</translation>
    </message>
</context>
<context>
    <name>floorline::console::SessionListModel</name>
    <message>
        <source>Call %1</source>
        <translation>Gespräch %1</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weitere</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>floorline::console::SupervisedSessionModel</name>
    <message>
        <source> · emergency</source>
        <translation> · Notruf</translation>
    </message>
    <message>
        <source> · P%1</source>
        <comment>priority level</comment>
        <translation> · P%1</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n weiterer</numerusform>
            <numerusform>+ %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>floorline::console::Supervision</name>
    <message>
        <source>Could not load the overview: %1</source>
        <translation>Übersicht konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Could not join %1: %2</source>
        <translation>Aufschalten auf %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>%1: not acknowledged</source>
        <translation>%1: nicht quittiert</translation>
    </message>
    <message>
        <source>%1: acknowledged by %2</source>
        <translation>%1: quittiert von %2</translation>
    </message>
</context>
<context>
    <name>floorline::console::TalkControl</name>
    <message>
        <source>Select a group to talk to</source>
        <translation>Gruppe zum Sprechen auswählen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Floor revoked: %1</source>
        <translation>Sprechrecht entzogen: %1</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>The talk was ended: no voice reached the server</source>
        <translation>Sprechen beendet: beim Server kam keine Sprache an</translation>
    </message>
</context>
<context>
    <name>floorline::console::UnitListModel</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Busy in %1</source>
        <translation>Belegt in %1</translation>
    </message>
    <message>
        <source>Resetting</source>
        <translation>Startet neu</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>floorline::input::EvdevButtons</name>
    <message>
        <source>any button</source>
        <translation>jede Taste</translation>
    </message>
    <message>
        <source>Cannot read %1 (%2): see &quot;Pedals&quot; in the operations guide</source>
        <translation>%1 kann nicht gelesen werden (%2): siehe „Pedals“ im Betriebshandbuch</translation>
    </message>
    <message>
        <source>No pedal chosen</source>
        <translation>Kein Pedal gewählt</translation>
    </message>
    <message>
        <source>Not plugged in: %1</source>
        <translation>Nicht eingesteckt: %1</translation>
    </message>
    <message>
        <source>%1 is a keyboard: choose the key that talks with &quot;Press to choose…&quot;</source>
        <translation>%1 ist eine Tastatur: die Taste zum Sprechen mit „Zum Wählen drücken…“ wählen</translation>
    </message>
    <message>
        <source>Ready: %1, %2</source>
        <translation>Bereit: %1, %2</translation>
    </message>
</context>
<context>
    <name>floorline::input::PortalHotkeys</name>
    <message>
        <source>Push to talk on the selected groups</source>
        <translation>In den ausgewählten Gruppen sprechen</translation>
    </message>
    <message>
        <source>Emergency call on the selected groups</source>
        <translation>Notruf an die ausgewählten Gruppen</translation>
    </message>
    <message>
        <source>Push to talk on group %1 of the list</source>
        <translation>In Gruppe %1 der Liste sprechen</translation>
    </message>
    <message>
        <source>Push to talk (pedal)</source>
        <translation>Sprechen (Pedal)</translation>
    </message>
    <message>
        <source>No desktop bus: global keys are off</source>
        <translation>Kein Desktop-Bus: globale Tasten sind aus</translation>
    </message>
    <message>
        <source>Asking the desktop for global keys…</source>
        <translation>Desktop wird nach globalen Tasten gefragt…</translation>
    </message>
    <message numerus="yes">
        <source>The desktop did not bind %n of these keys</source>
        <translation>
            <numerusform>Der Desktop belegte %n dieser Tasten nicht</numerusform>
            <numerusform>Der Desktop belegte %n dieser Tasten nicht</numerusform>
        </translation>
    </message>
    <message>
        <source>Global keys work in every program (desktop portal)</source>
        <translation>Globale Tasten wirken in jedem Programm (Desktop-Portal)</translation>
    </message>
    <message>
        <source>This desktop offers no global keys (%1): push-to-talk works while the console has the focus</source>
        <translation>Dieser Desktop bietet keine globalen Tasten (%1): Sprechen geht, solange die Konsole den Fokus hat</translation>
    </message>
    <message>
        <source>The desktop refused global keys (%1)</source>
        <translation>Der Desktop verweigerte globale Tasten (%1)</translation>
    </message>
    <message>
        <source>Global keys were declined in the desktop&apos;s dialog</source>
        <translation>Globale Tasten wurden im Dialog des Desktops abgelehnt</translation>
    </message>
    <message>
        <source>The desktop could not bind global keys</source>
        <translation>Der Desktop konnte keine globalen Tasten belegen</translation>
    </message>
</context>
<context>
    <name>floorline::input::RawInputButtons</name>
    <message>
        <source>Pedals cannot be read (no input window: error %1)</source>
        <translation>Pedale können nicht gelesen werden (kein Eingabefenster: Fehler %1)</translation>
    </message>
    <message>
        <source>Pedals cannot be read (Raw Input refused: error %1)</source>
        <translation>Pedale können nicht gelesen werden (Raw Input verweigert: Fehler %1)</translation>
    </message>
    <message>
        <source>any button</source>
        <translation>jede Taste</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>Taste %1</translation>
    </message>
    <message>
        <source>button %1</source>
        <translation>Knopf %1</translation>
    </message>
    <message>
        <source>hook switch</source>
        <translation>Gabelschalter</translation>
    </message>
    <message>
        <source>phone mute</source>
        <translation>Telefon stumm</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <source>Input device</source>
        <translation>Eingabegerät</translation>
    </message>
    <message>
        <source>No pedal chosen</source>
        <translation>Kein Pedal gewählt</translation>
    </message>
    <message>
        <source>Not plugged in: %1</source>
        <translation>Nicht eingesteckt: %1</translation>
    </message>
    <message>
        <source>%1 is a keyboard: choose the key that talks with &quot;Press to choose…&quot;</source>
        <translation>%1 ist eine Tastatur: die Taste zum Sprechen mit „Zum Wählen drücken…“ wählen</translation>
    </message>
    <message>
        <source>Ready: %1, %2</source>
        <translation>Bereit: %1, %2</translation>
    </message>
</context>
<context>
    <name>floorline::input::X11Hotkeys</name>
    <message>
        <source>No X server to take global keys from</source>
        <translation>Kein X-Server für globale Tasten</translation>
    </message>
    <message numerus="yes">
        <source>Another program holds %n of these keys</source>
        <translation>
            <numerusform>Ein anderes Programm hält %n dieser Tasten</numerusform>
            <numerusform>Ein anderes Programm hält %n dieser Tasten</numerusform>
        </translation>
    </message>
    <message>
        <source>Global keys work in every program (X server key grab)</source>
        <translation>Globale Tasten wirken in jedem Programm (X-Server-Tastengriff)</translation>
    </message>
</context>
</TS>
