<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ActivityLog</name>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Journal d&apos;activité</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 on %2 at %3</source>
        <translation>%1 sur %2 à %3</translation>
    </message>
    <message>
        <source>%1 on %2, showing %3</source>
        <translation>%1 sur %2, affiche %3</translation>
    </message>
    <message>
        <source>a picture</source>
        <translation>une image</translation>
    </message>
</context>
<context>
    <name>AudioDialog</name>
    <message>
        <source>Audio settings</source>
        <translation>Paramètres audio</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Par défaut (système)</translation>
    </message>
    <message>
        <source>The console runs without sound (no audio system, or --no-audio).</source>
        <translation>La console fonctionne sans son (pas de système audio, ou --no-audio).</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Microphone device</source>
        <translation>Périphérique microphone</translation>
    </message>
    <message>
        <source>Headset (selected groups, tones)</source>
        <translation>Casque (groupes sélectionnés, tonalités)</translation>
    </message>
    <message>
        <source>Headset device</source>
        <translation>Périphérique casque</translation>
    </message>
    <message>
        <source>Speaker (monitored groups); default: the headset</source>
        <translation>Haut-parleur (groupes en écoute)&#x202f;; par défaut&#x202f;: le casque</translation>
    </message>
    <message>
        <source>Speaker device</source>
        <translation>Périphérique haut-parleur</translation>
    </message>
    <message>
        <source>Microphone level: speak to test it</source>
        <translation>Niveau du microphone&#x202f;: parlez pour le tester</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Niveau du microphone</translation>
    </message>
    <message>
        <source>For the lowest delay use 10 ms frames with devices set to 128-frame periods (about 2.7 ms at 48 kHz).</source>
        <translation>Pour la latence la plus faible, utilisez des trames de 10 ms et réglez les périphériques sur des périodes de 128 échantillons (environ 2,7 ms à 48 kHz).</translation>
    </message>
    <message>
        <source>Alarms (emergency tone), heard in the room</source>
        <translation>Alarmes (tonalité d&apos;urgence), entendues dans la salle</translation>
    </message>
    <message>
        <source>In the headset</source>
        <translation>Dans le casque</translation>
    </message>
    <message>
        <source>Alarm device</source>
        <translation>Appareil d&apos;alarme</translation>
    </message>
</context>
<context>
    <name>BroadcastDialog</name>
    <message>
        <source>Broadcast to %1?</source>
        <translation>Diffuser à %1&#x202f;?</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Diffuser</translation>
    </message>
    <message numerus="yes">
        <source>This calls %n unit(s) into one call and keeps them busy until you end it.</source>
        <translation>
            <numerusform>%n unité sera appelée dans un même appel et restera occupée jusqu&apos;à ce que vous y mettiez fin.</numerusform>
            <numerusform>%n unités seront appelées dans un même appel et resteront occupées jusqu&apos;à ce que vous y mettiez fin.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody in %1 can be called now.</source>
        <translation>Personne dans %1 ne peut être appelé pour le moment.</translation>
    </message>
</context>
<context>
    <name>CallCard</name>
    <message>
        <source>%1, %2 talking</source>
        <translation>%1, %2 parle</translation>
    </message>
    <message>
        <source>BROADCAST</source>
        <translation>DIFFUSION</translation>
    </message>
    <message>
        <source>CALL</source>
        <translation>APPEL</translation>
    </message>
    <message>
        <source>NOT JOINED</source>
        <translation>NON REJOINT</translation>
    </message>
    <message numerus="yes">
        <source>%n in call: </source>
        <translation>
            <numerusform>%n participant&#x202f;: </numerusform>
            <numerusform>%n participants&#x202f;: </numerusform>
        </translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Parler</translation>
    </message>
    <message>
        <source>Talk on %1</source>
        <translation>Parler sur %1</translation>
    </message>
    <message>
        <source>Add selected</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add the selected units to %1</source>
        <translation>Ajouter les unités sélectionnées à %1</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>End %1</source>
        <translation>Terminer %1</translation>
    </message>
    <message>
        <source>Leave %1</source>
        <translation>Quitter %1</translation>
    </message>
</context>
<context>
    <name>CallsPanel</name>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Name of the next call</source>
        <translation>Nom du prochain appel</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>Nouvel appel</translation>
    </message>
    <message>
        <source>Drop units or a group</source>
        <translation>Déposez unités ou groupe</translation>
    </message>
    <message numerus="yes">
        <source>Call %n selected</source>
        <translation>
            <numerusform>Appeler %n unité</numerusform>
            <numerusform>Appeler %n unités</numerusform>
        </translation>
    </message>
    <message>
        <source>Call selected</source>
        <translation>Appel sélection</translation>
    </message>
    <message>
        <source>Start a call with the selected units</source>
        <translation>Lancer un appel avec les unités sélectionnées</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>Drop a group: calls every unit below it</source>
        <translation>Déposez un groupe&#x202f;: appelle ses unités</translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation>Appels en cours</translation>
    </message>
    <message>
        <source>No live calls. Drop units on New call to start one.</source>
        <translation>Aucun appel en cours. Déposez des unités sur «&#x202f;Nouvel appel&#x202f;» pour en lancer un.</translation>
    </message>
    <message>
        <source>Call name</source>
        <translation>Nom de l&apos;appel</translation>
    </message>
</context>
<context>
    <name>ConsolePresenceRow</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>il y a %n s</numerusform>
            <numerusform>il y a %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>il y a %n h</numerusform>
            <numerusform>il y a %n h</numerusform>
        </translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (vous)</translation>
    </message>
    <message>
        <source>SUPERVISOR</source>
        <translation>SUPERVISEUR</translation>
    </message>
    <message>
        <source>DISPATCHER</source>
        <translation>OPÉRATEUR</translation>
    </message>
    <message>
        <source>● Talking on %1</source>
        <translation>● Parle sur %1</translation>
    </message>
    <message>
        <source>Waiting to talk on %1</source>
        <translation>Attend la parole sur %1</translation>
    </message>
    <message>
        <source>Last talked on %1, %2</source>
        <translation>Dernière émission sur %1, %2</translation>
    </message>
    <message>
        <source>Has not talked yet</source>
        <translation>N&apos;a pas encore parlé</translation>
    </message>
    <message numerus="yes">
        <source>Monitors %n group(s)</source>
        <translation>
            <numerusform>Écoute %n groupe</numerusform>
            <numerusform>Écoute %n groupes</numerusform>
        </translation>
    </message>
    <message>
        <source> · in %1</source>
        <translation> · dans %1</translation>
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
    <name>DisplayView</name>
    <message>
        <source>Display of %1 · %2</source>
        <translation>Écran de %1 · %2</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Waiting for what the console sends to its displays</source>
        <translation>En attente de ce que la console envoie à ses écrans</translation>
    </message>
</context>
<context>
    <name>EmergencyBanner</name>
    <message numerus="yes">
        <source>%n open emergency(s)</source>
        <translation>
            <numerusform>%n urgence en cours</numerusform>
            <numerusform>%n urgences en cours</numerusform>
        </translation>
    </message>
    <message>
        <source>EMERGENCY  %1 — %2</source>
        <translation>URGENCE  %1 — %2</translation>
    </message>
    <message>
        <source>EMERGENCY  %1</source>
        <translation>URGENCE  %1</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>acquittée par %1</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acquitter</translation>
    </message>
    <message>
        <source>Acknowledge the emergency of %1</source>
        <translation>Acquitter l&apos;urgence de %1</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clôturer</translation>
    </message>
    <message>
        <source>Clear the emergency of %1 for everyone</source>
        <translation>Clôturer l&apos;urgence de %1 pour tous</translation>
    </message>
    <message numerus="yes">
        <source>%n more below (scroll)</source>
        <translation>
            <numerusform>%n autre en dessous (faire défiler)</numerusform>
            <numerusform>%n autres en dessous (faire défiler)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not acknowledged</source>
        <translation>
            <numerusform>%n non acquittée</numerusform>
            <numerusform>%n non acquittées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupRow</name>
    <message>
        <source>%1, %2 talking</source>
        <translation>%1, %2 parle</translation>
    </message>
    <message>
        <source>Collapse %1</source>
        <translation>Réduire %1</translation>
    </message>
    <message>
        <source>Expand %1</source>
        <translation>Développer %1</translation>
    </message>
    <message>
        <source>Queued #%1</source>
        <translation>En attente n°&#x202f;%1</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unité</numerusform>
            <numerusform>%n unités</numerusform>
        </translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Écoute</translation>
    </message>
    <message>
        <source>Monitor %1</source>
        <translation>Écouter %1</translation>
    </message>
    <message>
        <source>Headset</source>
        <translation>Casque</translation>
    </message>
    <message>
        <source>Talk and listen on %1 in the headset</source>
        <translation>Parler et écouter sur %1 dans le casque</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Muet</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>Couper le son de %1</translation>
    </message>
    <message>
        <source>Media shared with %1</source>
        <translation>Médias partagés avec %1</translation>
    </message>
    <message>
        <source>PTT</source>
        <translation>PTT</translation>
    </message>
    <message>
        <source>Talk on %1 only</source>
        <translation>Parler sur %1 uniquement</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>Broadcast to everyone in %1</source>
        <translation>Diffuser à tous dans %1</translation>
    </message>
    <message>
        <source>Volume of %1</source>
        <translation>Volume de %1</translation>
    </message>
    <message>
        <source>Global key %1 talks on %2</source>
        <translation>La touche globale %1 parle sur %2</translation>
    </message>
</context>
<context>
    <name>GroupTree</name>
    <message>
        <source>Talk groups</source>
        <translation>Groupes de conversation</translation>
    </message>
</context>
<context>
    <name>IncomingMedia</name>
    <message>
        <source>%1 sent %2</source>
        <translation>%1 a envoyé %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more waiting</source>
        <translation>
            <numerusform>%n autre en attente</numerusform>
            <numerusform>%n autres en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Vu</translation>
    </message>
    <message>
        <source>Mark %1 as seen</source>
        <translation>Marquer %1 comme vu</translation>
    </message>
</context>
<context>
    <name>InvitePlanner</name>
    <message>
        <source>unknown unit</source>
        <translation>unité inconnue</translation>
    </message>
    <message>
        <source>that is you</source>
        <translation>c&apos;est vous</translation>
    </message>
    <message>
        <source>already in this call</source>
        <translation>déjà dans cet appel</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>resetting</source>
        <translation>en redémarrage</translation>
    </message>
    <message>
        <source>busy in %1</source>
        <translation>occupée dans %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n autre</numerusform>
            <numerusform>%n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Not invited: %1</source>
        <translation>Pas d&apos;invitation&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>KeyCapture</name>
    <message>
        <source>Press the key…</source>
        <translation>Appuyez sur la touche…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>Effacer %1</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <source>Log in to a Floorline server</source>
        <translation>Connexion à un serveur Floorline</translation>
    </message>
    <message>
        <source>Server, e.g. wss://dispatch.example:7700</source>
        <translation>Serveur, p. ex. wss://dispatch.example:7700</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>%1 presents a certificate other than the one you were given for it (--fingerprint). Someone may be between you and the server, or the fingerprint you were given is out of date: ask its operator. Not connected.</source>
        <translation>%1 présente un autre certificat que celui qui vous a été indiqué (--fingerprint). Quelqu&apos;un s&apos;est peut-être interposé entre vous et le serveur, ou l&apos;empreinte indiquée est périmée&#x202f;: demandez à son administrateur. Non connecté.</translation>
    </message>
    <message>
        <source>Warning: %1 presents a different certificate than the one this console trusts for it. Someone may be between you and the server. Trust it only if its operator says the certificate was replaced.</source>
        <translation>Attention&#x202f;: %1 présente un certificat différent de celui que cette console a approuvé pour lui. Quelqu&apos;un s&apos;est peut-être interposé entre vous et le serveur. Ne l&apos;approuvez que si son administrateur confirme que le certificat a été remplacé.</translation>
    </message>
    <message>
        <source>%1 is not known to this console yet. Compare its certificate fingerprint with the one its operator gives you.</source>
        <translation>Cette console ne connaît pas encore %1. Comparez l&apos;empreinte de son certificat avec celle que vous communique son administrateur.</translation>
    </message>
    <message>
        <source>Given: %1</source>
        <translation>Indiquée&#x202f;: %1</translation>
    </message>
    <message>
        <source>Trusted: %1</source>
        <translation>Approuvée&#x202f;: %1</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256&#x202f;: %1</translation>
    </message>
    <message>
        <source>Certificate fingerprint</source>
        <translation>Empreinte du certificat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Approuver le nouveau certificat</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Approuver et se connecter</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Connect and log in</source>
        <translation>Se connecter au serveur et s&apos;identifier</translation>
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
        <translation>Médias</translation>
    </message>
    <message>
        <source>Share file…</source>
        <translation>Partager…</translation>
    </message>
    <message>
        <source>Share a file with %1</source>
        <translation>Partager un fichier avec %1</translation>
    </message>
    <message>
        <source>Media shelf</source>
        <translation>Bibliothèque de médias</translation>
    </message>
    <message>
        <source>Drop a file on a group to share it; its shelf opens here</source>
        <translation>Déposez un fichier sur un groupe pour le partager&#x202f;; sa bibliothèque s&apos;ouvre ici</translation>
    </message>
    <message>
        <source>Nothing shared yet. Drop a file here or on the group</source>
        <translation>Rien de partagé pour le moment. Déposez un fichier ici ou sur le groupe</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2&#x202f;: %3</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>remis</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>en cours d&apos;envoi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>%1 shows %2</source>
        <translation>%1 affiche %2</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>Récupération de %1…</translation>
    </message>
    <message>
        <source>%1 (open from the shelf)</source>
        <translation>%1 (à ouvrir depuis la bibliothèque)</translation>
    </message>
    <message>
        <source>● %1 on %2</source>
        <translation>● %1 sur %2</translation>
    </message>
    <message>
        <source>● %1 on %2 — %3</source>
        <translation>● %1 sur %2 — %3</translation>
    </message>
    <message>
        <source>Pictures and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.webm)</source>
        <translation>Images et vidéos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.webm)</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <source>Pair a device</source>
        <translation>Associer un appareil</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Code d&apos;association</translation>
    </message>
    <message>
        <source>Asking the server for a code…</source>
        <translation>Demande de code au serveur…</translation>
    </message>
    <message>
        <source>Scan with the device within %1 s. The code works once.</source>
        <translation>Scannez-le avec l&apos;appareil dans les %1 s. Le code ne sert qu&apos;une fois.</translation>
    </message>
    <message>
        <source>Paired: %1</source>
        <translation>Appareils associés&#x202f;: %1</translation>
    </message>
    <message>
        <source>Pair another device</source>
        <translation>Associer un autre appareil</translation>
    </message>
</context>
<context>
    <name>PttKeysDialog</name>
    <message>
        <source>Push-to-talk keys and pedal</source>
        <translation>Touches d&apos;alternat et pédale</translation>
    </message>
    <message>
        <source>Click a key field, then press the key (with Ctrl, Alt, Shift or Super if you like). These keys work in every program.</source>
        <translation>Cliquez sur un champ de touche, puis appuyez sur la touche (avec Ctrl, Alt, Maj ou Super si vous voulez). Ces touches fonctionnent dans tous les programmes.</translation>
    </message>
    <message>
        <source>Talk on the selected groups</source>
        <translation>Parler sur les groupes sélectionnés</translation>
    </message>
    <message>
        <source>Talk key</source>
        <translation>Touche de parole</translation>
    </message>
    <message>
        <source>Emergency call on the selected groups</source>
        <translation>Appel d&apos;urgence sur les groupes sélectionnés</translation>
    </message>
    <message>
        <source>Emergency key</source>
        <translation>Touche d&apos;urgence</translation>
    </message>
    <message>
        <source>Group keys: F1 talks on the first group of the list, F2 on the second, … up to F12</source>
        <translation>Touches de groupe : F1 parle sur le premier groupe de la liste, F2 sur le deuxième, … jusqu&apos;à F12</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivées</translation>
    </message>
    <message>
        <source>Group keys</source>
        <translation>Touches de groupe</translation>
    </message>
    <message>
        <source>Pedal or headset button</source>
        <translation>Pédale ou bouton du casque</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Pedal device</source>
        <translation>Appareil pédale</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Press to choose…</source>
        <translation>Appuyer pour choisir…</translation>
    </message>
    <message>
        <source>Choose the pedal by pressing it</source>
        <translation>Choisir la pédale en l&apos;actionnant</translation>
    </message>
</context>
<context>
    <name>PttPanel</name>
    <message>
        <source>Talking to</source>
        <translation>Émission vers</translation>
    </message>
    <message>
        <source>Next talk goes to</source>
        <translation>Prochaine émission vers</translation>
    </message>
    <message>
        <source>no group selected</source>
        <translation>aucun groupe sélectionné</translation>
    </message>
    <message>
        <source>%1 on the air · %2 left</source>
        <translation>%1 en émission · reste %2</translation>
    </message>
    <message>
        <source>%1 on the air</source>
        <translation>%1 en émission</translation>
    </message>
    <message>
        <source>Push to talk</source>
        <translation>Alternat</translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation>EN ÉMISSION</translation>
    </message>
    <message>
        <source>REQUESTING</source>
        <translation>DEMANDE</translation>
    </message>
    <message>
        <source>QUEUED
#%1</source>
        <translation>EN ATTENTE
N°&#x202f;%1</translation>
    </message>
    <message>
        <source>CUT OFF</source>
        <translation>COUPÉ</translation>
    </message>
    <message>
        <source>DENIED</source>
        <translation>REFUSÉ</translation>
    </message>
    <message>
        <source>PUSH
TO TALK</source>
        <translation>APPUYER
POUR PARLER</translation>
    </message>
    <message>
        <source>Shows %1 with your next talk</source>
        <translation>Affiche %1 à votre prochaine émission</translation>
    </message>
    <message>
        <source>Do not show a picture with the next talk</source>
        <translation>Ne pas afficher d&apos;image à la prochaine émission</translation>
    </message>
    <message>
        <source>Hold for emergency call</source>
        <translation>Urgence (maintenir)</translation>
    </message>
    <message>
        <source>Emergency call on the selected groups, hold to talk</source>
        <translation>Appel d&apos;urgence sur les groupes sélectionnés, maintenir pour parler</translation>
    </message>
    <message>
        <source>You are on the air</source>
        <translation>Vous êtes en émission</translation>
    </message>
    <message>
        <source>Hold the button or the Space bar</source>
        <translation>Maintenez le bouton ou la touche Espace</translation>
    </message>
    <message>
        <source>Hold the button, Space or %1</source>
        <translation>Maintenez le bouton, Espace ou %1</translation>
    </message>
</context>
<context>
    <name>ShelfItem</name>
    <message>
        <source>%1, goes with your next talk</source>
        <translation>%1, joint à votre prochaine émission</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Click to show it with your next talk; drag it onto a unit to send it</source>
        <translation>Cliquez pour l&apos;afficher à votre prochaine émission&#x202f;; faites-le glisser sur une unité pour le lui envoyer</translation>
    </message>
    <message>
        <source>Show on my displays</source>
        <translation>Afficher sur mes écrans</translation>
    </message>
    <message>
        <source>Show %1 on my displays</source>
        <translation>Afficher %1 sur mes écrans</translation>
    </message>
    <message>
        <source>Uploading %1%</source>
        <translation>Envoi %1&#x202f;%</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Voice statistics</source>
        <translation>Statistiques vocales</translation>
    </message>
    <message>
        <source>Voice is encrypted (SRTP, AES-128-GCM). Refused: %1 packets that did not verify, %2 replayed.</source>
        <translation>La voix est chiffrée (SRTP, AES-128-GCM). Rejetés&#x202f;: %1 paquets non vérifiés, %2 rejoués.</translation>
    </message>
    <message>
        <source>Voice is NOT encrypted: this server sends plain RTP, so anyone on the network path can listen.</source>
        <translation>La voix n&apos;est PAS chiffrée&#x202f;: ce serveur envoie du RTP en clair, toute personne sur le chemin réseau peut écouter.</translation>
    </message>
    <message>
        <source>Sound is off (no sound device, or started with --no-audio): no voice is played, so there are no statistics.</source>
        <translation>Son désactivé (aucun périphérique audio, ou lancé avec --no-audio)&#x202f;: aucune voix n&apos;est lue, il n&apos;y a donc pas de statistiques.</translation>
    </message>
    <message>
        <source>No voice received yet.</source>
        <translation>Aucune voix reçue pour le moment.</translation>
    </message>
    <message>
        <source>Voice statistics per talker</source>
        <translation>Statistiques vocales par locuteur</translation>
    </message>
    <message>
        <source>Talker · where · received · lost · concealed · jitter · delay</source>
        <translation>Locuteur · où · reçus · perdus · masqués · gigue · latence</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 · %5 · %6 ms · %7 ms</source>
        <translation>%1 · %2 · %3 · %4 · %5 · %6 ms · %7 ms</translation>
    </message>
</context>
<context>
    <name>StatusHeader</name>
    <message>
        <source>Supervisor console</source>
        <translation>Console superviseur</translation>
    </message>
    <message>
        <source>Dispatch console</source>
        <translation>Console opérateur</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Connection lost: talkers and calls shown as last known</source>
        <translation>Connexion perdue&#x202f;: locuteurs et appels selon le dernier état connu</translation>
    </message>
    <message>
        <source>Pair device</source>
        <translation>Associer</translation>
    </message>
    <message>
        <source>Pair a device with this console</source>
        <translation>Associer un appareil à cette console</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Voice statistics per talker</source>
        <translation>Statistiques vocales par locuteur</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Audio settings</source>
        <translation>Paramètres audio</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Encrypted (TLS). Server certificate SHA-256: %1</source>
        <translation>Chiffré (TLS). Certificat du serveur SHA-256&#x202f;: %1</translation>
    </message>
    <message>
        <source>Not encrypted (this machine only)</source>
        <translation>Non chiffré (cette machine uniquement)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Push-to-talk keys and pedal</source>
        <translation>Touches d&apos;alternat et pédale</translation>
    </message>
</context>
<context>
    <name>SupervisedSessionRow</name>
    <message>
        <source>, ended</source>
        <translation>, terminé</translation>
    </message>
    <message>
        <source>, %1 talking %2</source>
        <translation>, %1 parle depuis %2</translation>
    </message>
    <message numerus="yes">
        <source>, %n waiting</source>
        <translation>
            <numerusform>, %n en attente</numerusform>
            <numerusform>, %n en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>, emergency: %1</source>
        <translation>, urgence&#x202f;: %1</translation>
    </message>
    <message>
        <source>TALK GROUP</source>
        <translation>GROUPE</translation>
    </message>
    <message>
        <source>BROADCAST</source>
        <translation>DIFFUSION</translation>
    </message>
    <message>
        <source>CALL</source>
        <translation>APPEL</translation>
    </message>
    <message>
        <source>made by %1 · </source>
        <translation>créé par %1 · </translation>
    </message>
    <message numerus="yes">
        <source>%n in it: </source>
        <translation>
            <numerusform>%n participant&#x202f;: </numerusform>
            <numerusform>%n participants&#x202f;: </numerusform>
        </translation>
    </message>
    <message>
        <source>TALKING</source>
        <translation>EN ÉMISSION</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <source> · emergency call</source>
        <translation> · appel d&apos;urgence</translation>
    </message>
    <message>
        <source> · P%1</source>
        <comment>priority level</comment>
        <translation> · P%1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting: </source>
        <translation>
            <numerusform>%n en attente&#x202f;: </numerusform>
            <numerusform>%n en attente&#x202f;: </numerusform>
        </translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>EN ATTENTE</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n autre</numerusform>
            <numerusform>+ %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>PTT</source>
        <translation>PTT</translation>
    </message>
    <message>
        <source>Talk on %1</source>
        <translation>Parler sur %1</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>En écoute</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Écouter</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Listen in</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <source>Stop hearing %1</source>
        <translation>Ne plus écouter %1</translation>
    </message>
    <message>
        <source>Hear %1</source>
        <translation>Écouter %1</translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <source>Live sessions</source>
        <translation>Sessions en cours</translation>
    </message>
    <message numerus="yes">
        <source>%n live</source>
        <translation>
            <numerusform>%n en cours</numerusform>
            <numerusform>%n en cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n talking</source>
        <translation>
            <numerusform>%n parle</numerusform>
            <numerusform>%n parlent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n emergencies</source>
        <translation>
            <numerusform>%n urgence</numerusform>
            <numerusform>%n urgences</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is talking or waiting, and there are no calls.</source>
        <translation>Personne ne parle ni n&apos;attend, et il n&apos;y a aucun appel.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Consoles (%1)</source>
        <translation>Consoles (%1)</translation>
    </message>
</context>
<context>
    <name>UnitsPanel</name>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n sélectionnée</numerusform>
            <numerusform>%n sélectionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n affichée</numerusform>
            <numerusform>%n affichées</numerusform>
        </translation>
    </message>
    <message>
        <source>Search units or groups</source>
        <translation>Rechercher unités ou groupes</translation>
    </message>
    <message>
        <source>Search units</source>
        <translation>Rechercher des unités</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Toutes les unités</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Busy in a call</source>
        <translation>Occupées (en appel)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Resetting</source>
        <translation>En redémarrage</translation>
    </message>
    <message>
        <source>Show units by status</source>
        <translation>Filtrer les unités par état</translation>
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
            <numerusform>%n unité</numerusform>
            <numerusform>%n unités</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>floorline</name>
    <message>
        <source>No desktop: global keys are off</source>
        <translation>Pas de bureau : touches globales désactivées</translation>
    </message>
    <message>
        <source>This desktop offers no global keys: push-to-talk works while the console has the focus</source>
        <translation>Ce bureau n&apos;offre pas de touches globales : l&apos;alternat fonctionne quand la console a le focus</translation>
    </message>
</context>
<context>
    <name>floorline::console::AudioSettings</name>
    <message>
        <source>Could not open the device: %1</source>
        <translation>Impossible d&apos;ouvrir le périphérique&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>floorline::console::CallControl</name>
    <message>
        <source>%1 ended: %2</source>
        <translation>%1 terminé&#x202f;: %2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>You are not in %1, so you cannot invite to it</source>
        <translation>Vous n&apos;êtes pas dans %1 et ne pouvez donc pas y inviter</translation>
    </message>
    <message>
        <source>A broadcast calls its groups; it takes no invitations</source>
        <translation>Une diffusion appelle ses groupes&#x202f;; elle n&apos;accepte pas d&apos;invitation</translation>
    </message>
    <message>
        <source>Nobody to call in %1</source>
        <translation>Personne à appeler dans %1</translation>
    </message>
    <message>
        <source>Invitation failed: %1</source>
        <translation>Échec de l&apos;invitation&#x202f;: %1</translation>
    </message>
    <message>
        <source>Nobody was invited to %1.</source>
        <translation>Personne n&apos;a été invité à %1.</translation>
    </message>
    <message>
        <source>Invited %1 to %2.</source>
        <translation>Invitation envoyée à %1 pour %2.</translation>
    </message>
    <message>
        <source>Could not leave: %1</source>
        <translation>Impossible de quitter&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>floorline::console::ConsoleController</name>
    <message>
        <source>Could not load the directory: %1</source>
        <translation>Impossible de charger l&apos;annuaire&#x202f;: %1</translation>
    </message>
    <message>
        <source>Could not monitor: %1</source>
        <translation>Écoute impossible&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>floorline::console::EmergencyList</name>
    <message>
        <source>Emergency of %1 cleared by %2</source>
        <translation>Urgence de %1 clôturée par %2</translation>
    </message>
    <message>
        <source>Emergency of %1 on %2 cleared by %3</source>
        <translation>Urgence de %1 sur %2 clôturée par %3</translation>
    </message>
</context>
<context>
    <name>floorline::console::MediaLibrary</name>
    <message>
        <source>your displays</source>
        <translation>vos écrans</translation>
    </message>
    <message>
        <source>Not sent to %1: %2</source>
        <translation>Non envoyé à %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>Delivered to %1 of %2 · opened by %3</source>
        <translation>Remis à %1 sur %2 · ouvert par %3</translation>
    </message>
    <message>
        <source>Delivered to %1 of %2</source>
        <translation>Remis à %1 sur %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>Impossible de lire %1</translation>
    </message>
    <message>
        <source>%1 is larger than 64 MiB</source>
        <translation>%1 dépasse 64 Mio</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 est vide</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Sharing…</source>
        <translation>Partage…</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Partagé</translation>
    </message>
    <message>
        <source>Sharing failed: %1</source>
        <translation>Échec du partage&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>floorline::console::Pairing</name>
    <message>
        <source>This console reached the server at %1, which a phone cannot open. To pair a phone, log in with the server&apos;s network address.</source>
        <translation>Cette console joint le serveur à l’adresse %1, qu’un téléphone ne peut pas ouvrir. Pour associer un téléphone, connectez-vous avec l’adresse réseau du serveur.</translation>
    </message>
</context>
<context>
    <name>floorline::console::PttInputs</name>
    <message>
        <source>The pedal was unplugged: the talk ended</source>
        <translation>La pédale a été débranchée : la parole est terminée</translation>
    </message>
    <message>
        <source>Global keys are not available on this system</source>
        <translation>Pas de touches globales sur ce système</translation>
    </message>
    <message>
        <source>Pedals are not available on this system</source>
        <translation>Pas de pédales sur ce système</translation>
    </message>
    <message>
        <source>Press the pedal or button now…</source>
        <translation>Appuyez maintenant sur la pédale ou le bouton…</translation>
    </message>
    <message>
        <source>the talk key</source>
        <translation>la touche de parole</translation>
    </message>
    <message>
        <source>the emergency key</source>
        <translation>la touche d&apos;urgence</translation>
    </message>
    <message>
        <source>the key of group %1</source>
        <translation>la touche du groupe %1</translation>
    </message>
    <message>
        <source>Not a key: %1</source>
        <translation>Pas une touche : %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; types text in every program: add Ctrl, Alt or Super</source>
        <translation>« %1 » tape du texte dans tous les programmes : ajoutez Ctrl, Alt ou Super</translation>
    </message>
    <message>
        <source>%1 is already %2</source>
        <translation>%1 est déjà %2</translation>
    </message>
    <message>
        <source>%1 is already the talk key</source>
        <translation>%1 est déjà la touche de parole</translation>
    </message>
    <message>
        <source>%1 is already the emergency key</source>
        <translation>%1 est déjà la touche d&apos;urgence</translation>
    </message>
</context>
<context>
    <name>floorline::console::ServerConnection</name>
    <message>
        <source>First connection to %1: check its certificate below.</source>
        <translation>Première connexion à %1&#x202f;: vérifiez son certificat ci-dessous.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not the one you were given. Not connected.</source>
        <translation>Le certificat de %1 n&apos;est pas celui qui vous a été indiqué. Non connecté.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed. Not connected.</source>
        <translation>Le certificat de %1 a changé. Non connecté.</translation>
    </message>
    <message>
        <source>Enter the server as wss://host:port</source>
        <translation>Saisissez le serveur sous la forme wss://hôte:port</translation>
    </message>
    <message>
        <source>ws:// is not encrypted: your password would cross the network readable. Use wss://%1:%2.</source>
        <translation>ws:// n&apos;est pas chiffré&#x202f;: votre mot de passe circulerait en clair sur le réseau. Utilisez wss://%1:%2.</translation>
    </message>
    <message>
        <source>Enter your user name</source>
        <translation>Saisissez votre nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Not connected: you did not trust the certificate of %1.</source>
        <translation>Non connecté&#x202f;: vous n&apos;avez pas approuvé le certificat de %1.</translation>
    </message>
    <message>
        <source>No server has the name %1. Check the address; trying again.</source>
        <translation>Aucun serveur ne porte le nom %1. Vérifiez l&apos;adresse&#x202f;; nouvelle tentative en cours.</translation>
    </message>
    <message>
        <source>Nothing answers at %1 (connection refused). Check the port and that the server runs; trying again.</source>
        <translation>Rien ne répond à %1 (connexion refusée). Vérifiez le port et que le serveur fonctionne&#x202f;; nouvelle tentative en cours.</translation>
    </message>
    <message>
        <source>%1 hung up without answering: it expects an encrypted connection. Not connected. Use wss://%1.</source>
        <translation>%1 a raccroché sans répondre&#x202f;: il attend une connexion chiffrée. Non connecté. Utilisez wss://%1.</translation>
    </message>
    <message>
        <source>%1 hung up during the encryption handshake. Check the address and port; trying again.</source>
        <translation>%1 a raccroché pendant la négociation du chiffrement. Vérifiez l&apos;adresse et le port&#x202f;; nouvelle tentative en cours.</translation>
    </message>
    <message>
        <source>%1 does not answer. Check the address and the network; trying again.</source>
        <translation>%1 ne répond pas. Vérifiez l&apos;adresse et le réseau&#x202f;; nouvelle tentative en cours.</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check the address; trying again.</source>
        <translation>%1 est injoignable. Vérifiez l&apos;adresse&#x202f;; nouvelle tentative en cours.</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Check the address; trying again.</source>
        <translation>%1 est injoignable (%2). Vérifiez l&apos;adresse&#x202f;; nouvelle tentative en cours.</translation>
    </message>
    <message>
        <source>No voice: cannot resolve %1</source>
        <translation>Pas de voix&#x202f;: impossible de résoudre %1</translation>
    </message>
    <message>
        <source>A user name has at most 48 letters, digits and . _ : @ - only. Check that your password did not go into it.</source>
        <translation>Un nom d&apos;utilisateur n&apos;a que 48 lettres, chiffres et . _ : @ - au plus. Vérifiez que votre mot de passe n&apos;y a pas été saisi.</translation>
    </message>
    <message>
        <source>Not connected: the certificate of %1 is not the one you were given.</source>
        <translation>Non connecté&#x202f;: le certificat de %1 n&apos;est pas celui qui vous a été communiqué.</translation>
    </message>
</context>
<context>
    <name>floorline::console::SessionListModel</name>
    <message>
        <source>Call %1</source>
        <translation>Appel %1</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n autre</numerusform>
            <numerusform>+%n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>you</source>
        <translation>vous</translation>
    </message>
</context>
<context>
    <name>floorline::console::SupervisedSessionModel</name>
    <message>
        <source> · emergency</source>
        <translation> · urgence</translation>
    </message>
    <message>
        <source> · P%1</source>
        <comment>priority level</comment>
        <translation> · P%1</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n autre</numerusform>
            <numerusform>+ %n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>floorline::console::Supervision</name>
    <message>
        <source>Could not load the overview: %1</source>
        <translation>Impossible de charger la vue d&apos;ensemble&#x202f;: %1</translation>
    </message>
    <message>
        <source>Could not join %1: %2</source>
        <translation>Impossible de rejoindre %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>%1: not acknowledged</source>
        <translation>%1&#x202f;: non acquittée</translation>
    </message>
    <message>
        <source>%1: acknowledged by %2</source>
        <translation>%1&#x202f;: acquittée par %2</translation>
    </message>
</context>
<context>
    <name>floorline::console::TalkControl</name>
    <message>
        <source>Select a group to talk to</source>
        <translation>Sélectionnez un groupe pour parler</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>The talk was ended: no voice reached the server</source>
        <translation>Émission interrompue&#x202f;: aucune voix n&apos;est parvenue au serveur</translation>
    </message>
    <message>
        <source>Floor revoked: %1</source>
        <translation>Parole retirée&#x202f;: %1</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Connexion perdue</translation>
    </message>
</context>
<context>
    <name>floorline::console::UnitListModel</name>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupée</translation>
    </message>
    <message>
        <source>Busy in %1</source>
        <translation>Occupée dans %1</translation>
    </message>
    <message>
        <source>Resetting</source>
        <translation>En redémarrage</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
</context>
<context>
    <name>floorline::input::EvdevButtons</name>
    <message>
        <source>any button</source>
        <translation>n&apos;importe quel bouton</translation>
    </message>
    <message>
        <source>Cannot read %1 (%2): see &quot;Pedals&quot; in the operations guide</source>
        <translation>Impossible de lire %1 (%2) : voir « Pedals » dans le guide d&apos;exploitation</translation>
    </message>
    <message>
        <source>No pedal chosen</source>
        <translation>Aucune pédale choisie</translation>
    </message>
    <message>
        <source>Not plugged in: %1</source>
        <translation>Non branchée : %1</translation>
    </message>
    <message>
        <source>%1 is a keyboard: choose the key that talks with &quot;Press to choose…&quot;</source>
        <translation>%1 est un clavier : choisissez la touche qui parle avec « Appuyer pour choisir… »</translation>
    </message>
    <message>
        <source>Ready: %1, %2</source>
        <translation>Prête : %1, %2</translation>
    </message>
</context>
<context>
    <name>floorline::input::PortalHotkeys</name>
    <message>
        <source>Push to talk on the selected groups</source>
        <translation>Parler sur les groupes sélectionnés</translation>
    </message>
    <message>
        <source>Emergency call on the selected groups</source>
        <translation>Appel d&apos;urgence sur les groupes sélectionnés</translation>
    </message>
    <message>
        <source>Push to talk on group %1 of the list</source>
        <translation>Parler sur le groupe %1 de la liste</translation>
    </message>
    <message>
        <source>Push to talk (pedal)</source>
        <translation>Parler (pédale)</translation>
    </message>
    <message>
        <source>No desktop bus: global keys are off</source>
        <translation>Pas de bus de bureau : touches globales désactivées</translation>
    </message>
    <message>
        <source>Asking the desktop for global keys…</source>
        <translation>Demande des touches globales au bureau…</translation>
    </message>
    <message numerus="yes">
        <source>The desktop did not bind %n of these keys</source>
        <translation>
            <numerusform>Le bureau n&apos;a pas attribué %n de ces touches</numerusform>
            <numerusform>Le bureau n&apos;a pas attribué %n de ces touches</numerusform>
        </translation>
    </message>
    <message>
        <source>Global keys work in every program (desktop portal)</source>
        <translation>Les touches globales fonctionnent dans tous les programmes (portail du bureau)</translation>
    </message>
    <message>
        <source>This desktop offers no global keys (%1): push-to-talk works while the console has the focus</source>
        <translation>Ce bureau n&apos;offre pas de touches globales (%1) : l&apos;alternat fonctionne quand la console a le focus</translation>
    </message>
    <message>
        <source>The desktop refused global keys (%1)</source>
        <translation>Le bureau a refusé les touches globales (%1)</translation>
    </message>
    <message>
        <source>Global keys were declined in the desktop&apos;s dialog</source>
        <translation>Les touches globales ont été refusées dans la fenêtre du bureau</translation>
    </message>
    <message>
        <source>The desktop could not bind global keys</source>
        <translation>Le bureau n&apos;a pas pu attribuer les touches globales</translation>
    </message>
</context>
<context>
    <name>floorline::input::RawInputButtons</name>
    <message>
        <source>Pedals cannot be read (no input window: error %1)</source>
        <translation>Impossible de lire les pédales (pas de fenêtre d’entrée : erreur %1)</translation>
    </message>
    <message>
        <source>Pedals cannot be read (Raw Input refused: error %1)</source>
        <translation>Impossible de lire les pédales (Raw Input refusé : erreur %1)</translation>
    </message>
    <message>
        <source>any button</source>
        <translation>n&apos;importe quel bouton</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>touche %1</translation>
    </message>
    <message>
        <source>button %1</source>
        <translation>bouton %1</translation>
    </message>
    <message>
        <source>hook switch</source>
        <translation>crochet commutateur</translation>
    </message>
    <message>
        <source>phone mute</source>
        <translation>secret téléphonique</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Clavier</translation>
    </message>
    <message>
        <source>Input device</source>
        <translation>Périphérique d’entrée</translation>
    </message>
    <message>
        <source>No pedal chosen</source>
        <translation>Aucune pédale choisie</translation>
    </message>
    <message>
        <source>Not plugged in: %1</source>
        <translation>Non branchée : %1</translation>
    </message>
    <message>
        <source>%1 is a keyboard: choose the key that talks with &quot;Press to choose…&quot;</source>
        <translation>%1 est un clavier : choisissez la touche qui parle avec « Appuyer pour choisir… »</translation>
    </message>
    <message>
        <source>Ready: %1, %2</source>
        <translation>Prête : %1, %2</translation>
    </message>
</context>
<context>
    <name>floorline::input::X11Hotkeys</name>
    <message>
        <source>No X server to take global keys from</source>
        <translation>Pas de serveur X pour les touches globales</translation>
    </message>
    <message numerus="yes">
        <source>Another program holds %n of these keys</source>
        <translation>
            <numerusform>Un autre programme détient %n de ces touches</numerusform>
            <numerusform>Un autre programme détient %n de ces touches</numerusform>
        </translation>
    </message>
    <message>
        <source>Global keys work in every program (X server key grab)</source>
        <translation>Les touches globales fonctionnent dans tous les programmes (saisie de touche du serveur X)</translation>
    </message>
</context>
</TS>
