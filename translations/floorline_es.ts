<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ActivityLog</name>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Registro de actividad</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>%1 on %2 at %3</source>
        <translation>%1 en %2 a las %3</translation>
    </message>
    <message>
        <source>%1 on %2, showing %3</source>
        <translation>%1 en %2, mostrando %3</translation>
    </message>
    <message>
        <source>a picture</source>
        <translation>una imagen</translation>
    </message>
</context>
<context>
    <name>AudioDialog</name>
    <message>
        <source>Audio settings</source>
        <translation>Configuración de audio</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>The console runs without sound (no audio system, or --no-audio).</source>
        <translation>La consola funciona sin sonido (sin sistema de audio, o --no-audio).</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <source>Microphone device</source>
        <translation>Dispositivo de micrófono</translation>
    </message>
    <message>
        <source>Headset (selected groups, tones)</source>
        <translation>Auricular (grupos seleccionados, tonos)</translation>
    </message>
    <message>
        <source>Headset device</source>
        <translation>Dispositivo de auricular</translation>
    </message>
    <message>
        <source>Speaker (monitored groups); default: the headset</source>
        <translation>Altavoz (grupos en escucha); predeterminado: el auricular</translation>
    </message>
    <message>
        <source>Speaker device</source>
        <translation>Dispositivo de altavoz</translation>
    </message>
    <message>
        <source>Microphone level: speak to test it</source>
        <translation>Nivel del micrófono: hable para probarlo</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Nivel del micrófono</translation>
    </message>
    <message>
        <source>For the lowest delay use 10 ms frames with devices set to 128-frame periods (about 2.7 ms at 48 kHz).</source>
        <translation>Para el menor retardo, use tramas de 10 ms con los dispositivos en periodos de 128 tramas (unos 2,7 ms a 48 kHz).</translation>
    </message>
    <message>
        <source>Alarms (emergency tone), heard in the room</source>
        <translation>Alarmas (tono de emergencia), oídas en la sala</translation>
    </message>
    <message>
        <source>In the headset</source>
        <translation>En los auriculares</translation>
    </message>
    <message>
        <source>Alarm device</source>
        <translation>Dispositivo de alarma</translation>
    </message>
</context>
<context>
    <name>BroadcastDialog</name>
    <message>
        <source>Broadcast to %1?</source>
        <translation>¿Difusión a %1?</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Difundir</translation>
    </message>
    <message numerus="yes">
        <source>This calls %n unit(s) into one call and keeps them busy until you end it.</source>
        <translation>
            <numerusform>Esto reúne a %n unidad en una llamada y la mantiene ocupada hasta que usted la finalice.</numerusform>
            <numerusform>Esto reúne a %n unidades en una llamada y las mantiene ocupadas hasta que usted la finalice.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody in %1 can be called now.</source>
        <translation>Ahora no se puede llamar a nadie de %1.</translation>
    </message>
</context>
<context>
    <name>CallCard</name>
    <message>
        <source>%1, %2 talking</source>
        <translation>%1, habla %2</translation>
    </message>
    <message>
        <source>BROADCAST</source>
        <translation>DIFUSIÓN</translation>
    </message>
    <message>
        <source>CALL</source>
        <translation>LLAMADA</translation>
    </message>
    <message>
        <source>NOT JOINED</source>
        <translation>SIN UNIRSE</translation>
    </message>
    <message numerus="yes">
        <source>%n in call: </source>
        <translation>
            <numerusform>%n en la llamada: </numerusform>
            <numerusform>%n en la llamada: </numerusform>
        </translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Hablar</translation>
    </message>
    <message>
        <source>Talk on %1</source>
        <translation>Hablar en %1</translation>
    </message>
    <message>
        <source>Add selected</source>
        <translation>Añadir selección</translation>
    </message>
    <message>
        <source>Add the selected units to %1</source>
        <translation>Añadir las unidades seleccionadas a %1</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Finalizar</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>End %1</source>
        <translation>Finalizar %1</translation>
    </message>
    <message>
        <source>Leave %1</source>
        <translation>Salir de %1</translation>
    </message>
</context>
<context>
    <name>CallsPanel</name>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Name of the next call</source>
        <translation>Nombre de la próxima llamada</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Descartar el aviso</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>Nueva llamada</translation>
    </message>
    <message>
        <source>Drop units or a group</source>
        <translation>Suelte unidades o un grupo</translation>
    </message>
    <message numerus="yes">
        <source>Call %n selected</source>
        <translation>
            <numerusform>Llamar a %n unidad</numerusform>
            <numerusform>Llamar a %n unidades</numerusform>
        </translation>
    </message>
    <message>
        <source>Call selected</source>
        <translation>Llamar marcadas</translation>
    </message>
    <message>
        <source>Start a call with the selected units</source>
        <translation>Iniciar una llamada con las unidades seleccionadas</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Difusión</translation>
    </message>
    <message>
        <source>Drop a group: calls every unit below it</source>
        <translation>Suelte un grupo: llama a sus unidades</translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation>Llamadas activas</translation>
    </message>
    <message>
        <source>No live calls. Drop units on New call to start one.</source>
        <translation>No hay llamadas activas. Suelte unidades en Nueva llamada para iniciar una.</translation>
    </message>
    <message>
        <source>Call name</source>
        <translation>Nombre de llamada</translation>
    </message>
</context>
<context>
    <name>ConsolePresenceRow</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>hace %n s</numerusform>
            <numerusform>hace %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (usted)</translation>
    </message>
    <message>
        <source>SUPERVISOR</source>
        <translation>SUPERVISOR</translation>
    </message>
    <message>
        <source>DISPATCHER</source>
        <translation>OPERADOR</translation>
    </message>
    <message>
        <source>● Talking on %1</source>
        <translation>● Hablando en %1</translation>
    </message>
    <message>
        <source>Waiting to talk on %1</source>
        <translation>Esperando la palabra en %1</translation>
    </message>
    <message>
        <source>Last talked on %1, %2</source>
        <translation>Habló en %1, %2</translation>
    </message>
    <message>
        <source>Has not talked yet</source>
        <translation>Aún no ha hablado</translation>
    </message>
    <message numerus="yes">
        <source>Monitors %n group(s)</source>
        <translation>
            <numerusform>Escucha %n grupo</numerusform>
            <numerusform>Escucha %n grupos</numerusform>
        </translation>
    </message>
    <message>
        <source> · in %1</source>
        <translation> · en %1</translation>
    </message>
    <message numerus="yes">
        <source> · %n consoles</source>
        <translation>
            <numerusform> · %n consola</numerusform>
            <numerusform> · %n consolas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisplayView</name>
    <message>
        <source>Display of %1 · %2</source>
        <translation>Pantalla de %1 · %2</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Fuera de línea</translation>
    </message>
    <message>
        <source>Waiting for what the console sends to its displays</source>
        <translation>Esperando lo que la consola envíe a sus pantallas</translation>
    </message>
</context>
<context>
    <name>EmergencyBanner</name>
    <message numerus="yes">
        <source>%n open emergency(s)</source>
        <translation>
            <numerusform>%n emergencia abierta</numerusform>
            <numerusform>%n emergencias abiertas</numerusform>
        </translation>
    </message>
    <message>
        <source>EMERGENCY  %1 — %2</source>
        <translation>EMERGENCIA  %1 — %2</translation>
    </message>
    <message>
        <source>EMERGENCY  %1</source>
        <translation>EMERGENCIA  %1</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>reconocida por %1</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Reconocer</translation>
    </message>
    <message>
        <source>Acknowledge the emergency of %1</source>
        <translation>Reconocer la emergencia de %1</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Clear the emergency of %1 for everyone</source>
        <translation>Cerrar la emergencia de %1 para todos</translation>
    </message>
    <message numerus="yes">
        <source>%n more below (scroll)</source>
        <translation>
            <numerusform>%n más abajo (desplazar)</numerusform>
            <numerusform>%n más abajo (desplazar)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not acknowledged</source>
        <translation>
            <numerusform>%n sin reconocer</numerusform>
            <numerusform>%n sin reconocer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupRow</name>
    <message>
        <source>%1, %2 talking</source>
        <translation>%1, habla %2</translation>
    </message>
    <message>
        <source>Collapse %1</source>
        <translation>Contraer %1</translation>
    </message>
    <message>
        <source>Expand %1</source>
        <translation>Expandir %1</translation>
    </message>
    <message>
        <source>Queued #%1</source>
        <translation>En cola #%1</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unidad</numerusform>
            <numerusform>%n unidades</numerusform>
        </translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Escuchar</translation>
    </message>
    <message>
        <source>Monitor %1</source>
        <translation>Escuchar %1</translation>
    </message>
    <message>
        <source>Headset</source>
        <translation>Auricular</translation>
    </message>
    <message>
        <source>Talk and listen on %1 in the headset</source>
        <translation>Hablar y escuchar %1 en el auricular</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>Silenciar %1</translation>
    </message>
    <message>
        <source>Media shared with %1</source>
        <translation>Medios compartidos con %1</translation>
    </message>
    <message>
        <source>PTT</source>
        <translation>PTT</translation>
    </message>
    <message>
        <source>Talk on %1 only</source>
        <translation>Hablar solo en %1</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Difundir</translation>
    </message>
    <message>
        <source>Broadcast to everyone in %1</source>
        <translation>Difundir a todos en %1</translation>
    </message>
    <message>
        <source>Volume of %1</source>
        <translation>Volumen de %1</translation>
    </message>
    <message>
        <source>Global key %1 talks on %2</source>
        <translation>La tecla global %1 habla en %2</translation>
    </message>
</context>
<context>
    <name>GroupTree</name>
    <message>
        <source>Talk groups</source>
        <translation>Grupos de conversación</translation>
    </message>
</context>
<context>
    <name>IncomingMedia</name>
    <message>
        <source>%1 sent %2</source>
        <translation>%1 envió %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more waiting</source>
        <translation>
            <numerusform>%n más en espera</numerusform>
            <numerusform>%n más en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Visto</translation>
    </message>
    <message>
        <source>Mark %1 as seen</source>
        <translation>Marcar %1 como visto</translation>
    </message>
</context>
<context>
    <name>InvitePlanner</name>
    <message>
        <source>unknown unit</source>
        <translation>unidad desconocida</translation>
    </message>
    <message>
        <source>that is you</source>
        <translation>es usted</translation>
    </message>
    <message>
        <source>already in this call</source>
        <translation>ya está en esta llamada</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>fuera de línea</translation>
    </message>
    <message>
        <source>resetting</source>
        <translation>reiniciando</translation>
    </message>
    <message>
        <source>busy in %1</source>
        <translation>ocupada en %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n más</numerusform>
            <numerusform>%n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Not invited: %1</source>
        <translation>Sin invitar: %1</translation>
    </message>
</context>
<context>
    <name>KeyCapture</name>
    <message>
        <source>Press the key…</source>
        <translation>Pulse la tecla…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>Borrar %1</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <source>Log in to a Floorline server</source>
        <translation>Iniciar sesión en un servidor Floorline</translation>
    </message>
    <message>
        <source>Server, e.g. wss://dispatch.example:7700</source>
        <translation>Servidor, p. ej. wss://dispatch.example:7700</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>%1 presents a certificate other than the one you were given for it (--fingerprint). Someone may be between you and the server, or the fingerprint you were given is out of date: ask its operator. Not connected.</source>
        <translation>%1 presenta un certificado distinto del que se le indicó para él (--fingerprint). Puede haber alguien entre usted y el servidor, o la huella digital que recibió está desactualizada: consulte a su administrador. Sin conexión.</translation>
    </message>
    <message>
        <source>Warning: %1 presents a different certificate than the one this console trusts for it. Someone may be between you and the server. Trust it only if its operator says the certificate was replaced.</source>
        <translation>Advertencia: %1 presenta un certificado distinto del que esta consola considera de confianza para él. Puede haber alguien entre usted y el servidor. Confíe en él solo si su administrador confirma que el certificado se sustituyó.</translation>
    </message>
    <message>
        <source>%1 is not known to this console yet. Compare its certificate fingerprint with the one its operator gives you.</source>
        <translation>Esta consola aún no conoce %1. Compare la huella digital de su certificado con la que le indique su administrador.</translation>
    </message>
    <message>
        <source>Given: %1</source>
        <translation>Indicada: %1</translation>
    </message>
    <message>
        <source>Trusted: %1</source>
        <translation>De confianza: %1</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <source>Certificate fingerprint</source>
        <translation>Huella digital del certificado</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Confiar en el nuevo certificado</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Confiar y conectar</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Connect and log in</source>
        <translation>Conectar e iniciar sesión</translation>
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
        <translation>Medios</translation>
    </message>
    <message>
        <source>Share file…</source>
        <translation>Compartir archivo…</translation>
    </message>
    <message>
        <source>Share a file with %1</source>
        <translation>Compartir un archivo con %1</translation>
    </message>
    <message>
        <source>Media shelf</source>
        <translation>Bandeja de medios</translation>
    </message>
    <message>
        <source>Drop a file on a group to share it; its shelf opens here</source>
        <translation>Suelte un archivo en un grupo para compartirlo; su bandeja se abre aquí</translation>
    </message>
    <message>
        <source>Nothing shared yet. Drop a file here or on the group</source>
        <translation>Aún no hay nada compartido. Suelte un archivo aquí o en el grupo</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>enviando</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>%1 shows %2</source>
        <translation>%1 muestra %2</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>Descargando %1…</translation>
    </message>
    <message>
        <source>%1 (open from the shelf)</source>
        <translation>%1 (abrir desde la bandeja)</translation>
    </message>
    <message>
        <source>● %1 on %2</source>
        <translation>● %1 en %2</translation>
    </message>
    <message>
        <source>● %1 on %2 — %3</source>
        <translation>● %1 en %2 — %3</translation>
    </message>
    <message>
        <source>Pictures and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.webm)</source>
        <translation>Imágenes y videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.webm)</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <source>Pair a device</source>
        <translation>Vincular un dispositivo</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Código de vinculación</translation>
    </message>
    <message>
        <source>Asking the server for a code…</source>
        <translation>Solicitando un código al servidor…</translation>
    </message>
    <message>
        <source>Scan with the device within %1 s. The code works once.</source>
        <translation>Escanee con el dispositivo en menos de %1 s. El código sirve una sola vez.</translation>
    </message>
    <message>
        <source>Paired: %1</source>
        <translation>Vinculado: %1</translation>
    </message>
    <message>
        <source>Pair another device</source>
        <translation>Vincular otro dispositivo</translation>
    </message>
</context>
<context>
    <name>PttKeysDialog</name>
    <message>
        <source>Push-to-talk keys and pedal</source>
        <translation>Teclas de PTT y pedal</translation>
    </message>
    <message>
        <source>Click a key field, then press the key (with Ctrl, Alt, Shift or Super if you like). These keys work in every program.</source>
        <translation>Haga clic en un campo de tecla y pulse la tecla (con Ctrl, Alt, Mayús o Super si lo desea). Estas teclas funcionan en todos los programas.</translation>
    </message>
    <message>
        <source>Talk on the selected groups</source>
        <translation>Hablar en los grupos seleccionados</translation>
    </message>
    <message>
        <source>Talk key</source>
        <translation>Tecla de hablar</translation>
    </message>
    <message>
        <source>Emergency call on the selected groups</source>
        <translation>Llamada de emergencia en los grupos seleccionados</translation>
    </message>
    <message>
        <source>Emergency key</source>
        <translation>Tecla de emergencia</translation>
    </message>
    <message>
        <source>Group keys: F1 talks on the first group of the list, F2 on the second, … up to F12</source>
        <translation>Teclas de grupo: F1 habla en el primer grupo de la lista, F2 en el segundo, … hasta F12</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivadas</translation>
    </message>
    <message>
        <source>Group keys</source>
        <translation>Teclas de grupo</translation>
    </message>
    <message>
        <source>Pedal or headset button</source>
        <translation>Pedal o botón de los auriculares</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Pedal device</source>
        <translation>Dispositivo de pedal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Press to choose…</source>
        <translation>Pulsar para elegir…</translation>
    </message>
    <message>
        <source>Choose the pedal by pressing it</source>
        <translation>Elegir el pedal pulsándolo</translation>
    </message>
</context>
<context>
    <name>PttPanel</name>
    <message>
        <source>Talking to</source>
        <translation>Hablando a</translation>
    </message>
    <message>
        <source>Next talk goes to</source>
        <translation>Próxima transmisión a</translation>
    </message>
    <message>
        <source>no group selected</source>
        <translation>ningún grupo seleccionado</translation>
    </message>
    <message>
        <source>%1 on the air · %2 left</source>
        <translation>%1 al aire · quedan %2</translation>
    </message>
    <message>
        <source>%1 on the air</source>
        <translation>%1 al aire</translation>
    </message>
    <message>
        <source>Push to talk</source>
        <translation>Pulsar para hablar</translation>
    </message>
    <message>
        <source>ON AIR</source>
        <translation>AL AIRE</translation>
    </message>
    <message>
        <source>REQUESTING</source>
        <translation>SOLICITANDO</translation>
    </message>
    <message>
        <source>QUEUED
#%1</source>
        <translation>EN COLA
#%1</translation>
    </message>
    <message>
        <source>CUT OFF</source>
        <translation>RETIRADA</translation>
    </message>
    <message>
        <source>DENIED</source>
        <translation>DENEGADA</translation>
    </message>
    <message>
        <source>PUSH
TO TALK</source>
        <translation>PULSE
PARA HABLAR</translation>
    </message>
    <message>
        <source>Shows %1 with your next talk</source>
        <translation>Muestra %1 en su próxima transmisión</translation>
    </message>
    <message>
        <source>Do not show a picture with the next talk</source>
        <translation>No mostrar ninguna imagen en la próxima transmisión</translation>
    </message>
    <message>
        <source>Hold for emergency call</source>
        <translation>Mantener para emergencia</translation>
    </message>
    <message>
        <source>Emergency call on the selected groups, hold to talk</source>
        <translation>Llamada de emergencia en los grupos seleccionados; mantenga pulsado para hablar</translation>
    </message>
    <message>
        <source>You are on the air</source>
        <translation>Está al aire</translation>
    </message>
    <message>
        <source>Hold the button or the Space bar</source>
        <translation>Mantenga pulsado el botón o Espacio</translation>
    </message>
    <message>
        <source>Hold the button, Space or %1</source>
        <translation>Mantenga el botón, Espacio o %1</translation>
    </message>
</context>
<context>
    <name>ShelfItem</name>
    <message>
        <source>%1, goes with your next talk</source>
        <translation>%1, va con su próxima transmisión</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Click to show it with your next talk; drag it onto a unit to send it</source>
        <translation>Haga clic para mostrarlo en su próxima transmisión; arrástrelo a una unidad para enviárselo</translation>
    </message>
    <message>
        <source>Show on my displays</source>
        <translation>Mostrar en mis pantallas</translation>
    </message>
    <message>
        <source>Show %1 on my displays</source>
        <translation>Mostrar %1 en mis pantallas</translation>
    </message>
    <message>
        <source>Uploading %1%</source>
        <translation>Subiendo %1 %</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Voice statistics</source>
        <translation>Estadísticas de voz</translation>
    </message>
    <message>
        <source>Voice is encrypted (SRTP, AES-128-GCM). Refused: %1 packets that did not verify, %2 replayed.</source>
        <translation>La voz está cifrada (SRTP, AES-128-GCM). Rechazados: %1 paquetes no verificados, %2 repetidos.</translation>
    </message>
    <message>
        <source>Voice is NOT encrypted: this server sends plain RTP, so anyone on the network path can listen.</source>
        <translation>La voz NO está cifrada: este servidor envía RTP sin cifrar, así que cualquiera en la ruta de red puede escucharla.</translation>
    </message>
    <message>
        <source>Sound is off (no sound device, or started with --no-audio): no voice is played, so there are no statistics.</source>
        <translation>Sonido desactivado (sin dispositivo de sonido, o iniciado con --no-audio): no se reproduce voz, así que no hay estadísticas.</translation>
    </message>
    <message>
        <source>No voice received yet.</source>
        <translation>Aún no se ha recibido voz.</translation>
    </message>
    <message>
        <source>Voice statistics per talker</source>
        <translation>Estadísticas de voz por hablante</translation>
    </message>
    <message>
        <source>Talker · where · received · lost · concealed · jitter · delay</source>
        <translation>Hablante · dónde · recibidos · perdidos · ocultados · jitter · retardo</translation>
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
        <translation>Consola de supervisor</translation>
    </message>
    <message>
        <source>Dispatch console</source>
        <translation>Consola de operador</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vista general</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Consola</translation>
    </message>
    <message>
        <source>Connection lost: talkers and calls shown as last known</source>
        <translation>Conexión perdida: hablantes y llamadas según el último estado conocido</translation>
    </message>
    <message>
        <source>Pair device</source>
        <translation>Vincular</translation>
    </message>
    <message>
        <source>Pair a device with this console</source>
        <translation>Vincular un dispositivo con esta consola</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>Voice statistics per talker</source>
        <translation>Estadísticas de voz por hablante</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Audio settings</source>
        <translation>Configuración de audio</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message>
        <source>Encrypted (TLS). Server certificate SHA-256: %1</source>
        <translation>Cifrado (TLS). Certificado del servidor SHA-256: %1</translation>
    </message>
    <message>
        <source>Not encrypted (this machine only)</source>
        <translation>Sin cifrar (solo en este equipo)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Fuera de línea</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Push-to-talk keys and pedal</source>
        <translation>Teclas de PTT y pedal</translation>
    </message>
</context>
<context>
    <name>SupervisedSessionRow</name>
    <message>
        <source>, ended</source>
        <translation>, finalizada</translation>
    </message>
    <message>
        <source>, %1 talking %2</source>
        <translation>, %1 habla %2</translation>
    </message>
    <message numerus="yes">
        <source>, %n waiting</source>
        <translation>
            <numerusform>, %n en espera</numerusform>
            <numerusform>, %n en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>, emergency: %1</source>
        <translation>, emergencia: %1</translation>
    </message>
    <message>
        <source>TALK GROUP</source>
        <translation>GRUPO</translation>
    </message>
    <message>
        <source>BROADCAST</source>
        <translation>DIFUSIÓN</translation>
    </message>
    <message>
        <source>CALL</source>
        <translation>LLAMADA</translation>
    </message>
    <message>
        <source>made by %1 · </source>
        <translation>creada por %1 · </translation>
    </message>
    <message numerus="yes">
        <source>%n in it: </source>
        <translation>
            <numerusform>%n participante: </numerusform>
            <numerusform>%n participantes: </numerusform>
        </translation>
    </message>
    <message>
        <source>TALKING</source>
        <translation>HABLANDO</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>finalizada</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nadie</translation>
    </message>
    <message>
        <source> · emergency call</source>
        <translation> · emergencia</translation>
    </message>
    <message>
        <source> · P%1</source>
        <comment>priority level</comment>
        <translation> · P%1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting: </source>
        <translation>
            <numerusform>%n en espera: </numerusform>
            <numerusform>%n en espera: </numerusform>
        </translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>EN ESPERA</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n más</numerusform>
            <numerusform>+ %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>PTT</source>
        <translation>PTT</translation>
    </message>
    <message>
        <source>Talk on %1</source>
        <translation>Hablar en %1</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Escuchando</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Escuchar</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Listen in</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>Stop hearing %1</source>
        <translation>Dejar de oír %1</translation>
    </message>
    <message>
        <source>Hear %1</source>
        <translation>Oír %1</translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <source>Live sessions</source>
        <translation>Sesiones activas</translation>
    </message>
    <message numerus="yes">
        <source>%n live</source>
        <translation>
            <numerusform>%n activa</numerusform>
            <numerusform>%n activas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n talking</source>
        <translation>
            <numerusform>%n habla</numerusform>
            <numerusform>%n hablan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en espera</numerusform>
            <numerusform>%n en espera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n emergencies</source>
        <translation>
            <numerusform>%n emergencia</numerusform>
            <numerusform>%n emergencias</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is talking or waiting, and there are no calls.</source>
        <translation>Nadie habla ni espera, y no hay llamadas.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Consoles (%1)</source>
        <translation>Consolas (%1)</translation>
    </message>
</context>
<context>
    <name>UnitsPanel</name>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n seleccionada</numerusform>
            <numerusform>%n seleccionadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n mostrada</numerusform>
            <numerusform>%n mostradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Search units or groups</source>
        <translation>Buscar unidades o grupos</translation>
    </message>
    <message>
        <source>Search units</source>
        <translation>Buscar unidades</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Todas las unidades</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Busy in a call</source>
        <translation>Ocupadas en llamada</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Fuera de línea</translation>
    </message>
    <message>
        <source>Resetting</source>
        <translation>Reiniciando</translation>
    </message>
    <message>
        <source>Show units by status</source>
        <translation>Mostrar unidades por estado</translation>
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
            <numerusform>%n unidad</numerusform>
            <numerusform>%n unidades</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>floorline</name>
    <message>
        <source>No desktop: global keys are off</source>
        <translation>Sin escritorio: teclas globales desactivadas</translation>
    </message>
    <message>
        <source>This desktop offers no global keys: push-to-talk works while the console has the focus</source>
        <translation>Este escritorio no ofrece teclas globales: el PTT funciona mientras la consola tiene el foco</translation>
    </message>
</context>
<context>
    <name>floorline::console::AudioSettings</name>
    <message>
        <source>Could not open the device: %1</source>
        <translation>No se pudo abrir el dispositivo: %1</translation>
    </message>
</context>
<context>
    <name>floorline::console::CallControl</name>
    <message>
        <source>%1 ended: %2</source>
        <translation>%1 finalizó: %2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>You are not in %1, so you cannot invite to it</source>
        <translation>No está en %1, así que no puede invitar a nadie</translation>
    </message>
    <message>
        <source>A broadcast calls its groups; it takes no invitations</source>
        <translation>Una difusión llama a sus grupos; no admite invitaciones</translation>
    </message>
    <message>
        <source>Nobody to call in %1</source>
        <translation>No hay nadie a quien llamar en %1</translation>
    </message>
    <message>
        <source>Invitation failed: %1</source>
        <translation>Falló la invitación: %1</translation>
    </message>
    <message>
        <source>Nobody was invited to %1.</source>
        <translation>No se invitó a nadie a %1.</translation>
    </message>
    <message>
        <source>Invited %1 to %2.</source>
        <translation>Se invitó a %1 a %2.</translation>
    </message>
    <message>
        <source>Could not leave: %1</source>
        <translation>No se pudo salir: %1</translation>
    </message>
</context>
<context>
    <name>floorline::console::ConsoleController</name>
    <message>
        <source>Could not load the directory: %1</source>
        <translation>No se pudo cargar el directorio: %1</translation>
    </message>
    <message>
        <source>Could not monitor: %1</source>
        <translation>No se pudo activar la escucha: %1</translation>
    </message>
</context>
<context>
    <name>floorline::console::EmergencyList</name>
    <message>
        <source>Emergency of %1 cleared by %2</source>
        <translation>Emergencia de %1 cerrada por %2</translation>
    </message>
    <message>
        <source>Emergency of %1 on %2 cleared by %3</source>
        <translation>Emergencia de %1 en %2 cerrada por %3</translation>
    </message>
</context>
<context>
    <name>floorline::console::MediaLibrary</name>
    <message>
        <source>your displays</source>
        <translation>sus pantallas</translation>
    </message>
    <message>
        <source>Not sent to %1: %2</source>
        <translation>No enviado a %1: %2</translation>
    </message>
    <message>
        <source>Delivered to %1 of %2 · opened by %3</source>
        <translation>Entregado a %1 de %2 · abierto por %3</translation>
    </message>
    <message>
        <source>Delivered to %1 of %2</source>
        <translation>Entregado a %1 de %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>No se puede leer %1</translation>
    </message>
    <message>
        <source>%1 is larger than 64 MiB</source>
        <translation>%1 supera los 64 MiB</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 está vacío</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Sharing…</source>
        <translation>Compartiendo…</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Compartido</translation>
    </message>
    <message>
        <source>Sharing failed: %1</source>
        <translation>Error al compartir: %1</translation>
    </message>
</context>
<context>
    <name>floorline::console::Pairing</name>
    <message>
        <source>This console reached the server at %1, which a phone cannot open. To pair a phone, log in with the server&apos;s network address.</source>
        <translation>Esta consola llega al servidor en %1, una dirección que un teléfono no puede abrir. Para vincular un teléfono, inicie sesión con la dirección de red del servidor.</translation>
    </message>
</context>
<context>
    <name>floorline::console::PttInputs</name>
    <message>
        <source>The pedal was unplugged: the talk ended</source>
        <translation>Se desconectó el pedal: la transmisión terminó</translation>
    </message>
    <message>
        <source>Global keys are not available on this system</source>
        <translation>No hay teclas globales en este sistema</translation>
    </message>
    <message>
        <source>Pedals are not available on this system</source>
        <translation>No hay pedales en este sistema</translation>
    </message>
    <message>
        <source>Press the pedal or button now…</source>
        <translation>Pulse ahora el pedal o el botón…</translation>
    </message>
    <message>
        <source>the talk key</source>
        <translation>la tecla de hablar</translation>
    </message>
    <message>
        <source>the emergency key</source>
        <translation>la tecla de emergencia</translation>
    </message>
    <message>
        <source>the key of group %1</source>
        <translation>la tecla del grupo %1</translation>
    </message>
    <message>
        <source>Not a key: %1</source>
        <translation>No es una tecla: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; types text in every program: add Ctrl, Alt or Super</source>
        <translation>«%1» escribe texto en todos los programas: añada Ctrl, Alt o Super</translation>
    </message>
    <message>
        <source>%1 is already %2</source>
        <translation>%1 ya es %2</translation>
    </message>
    <message>
        <source>%1 is already the talk key</source>
        <translation>%1 ya es la tecla de hablar</translation>
    </message>
    <message>
        <source>%1 is already the emergency key</source>
        <translation>%1 ya es la tecla de emergencia</translation>
    </message>
</context>
<context>
    <name>floorline::console::ServerConnection</name>
    <message>
        <source>First connection to %1: check its certificate below.</source>
        <translation>Primera conexión con %1: compruebe su certificado abajo.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not the one you were given. Not connected.</source>
        <translation>El certificado de %1 no es el que se le indicó. Sin conexión.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed. Not connected.</source>
        <translation>El certificado de %1 ha cambiado. Sin conexión.</translation>
    </message>
    <message>
        <source>Enter the server as wss://host:port</source>
        <translation>Escriba el servidor como wss://host:puerto</translation>
    </message>
    <message>
        <source>ws:// is not encrypted: your password would cross the network readable. Use wss://%1:%2.</source>
        <translation>ws:// no está cifrado: su contraseña viajaría legible por la red. Use wss://%1:%2.</translation>
    </message>
    <message>
        <source>Enter your user name</source>
        <translation>Escriba su nombre de usuario</translation>
    </message>
    <message>
        <source>Not connected: you did not trust the certificate of %1.</source>
        <translation>Sin conexión: usted no confió en el certificado de %1.</translation>
    </message>
    <message>
        <source>No server has the name %1. Check the address; trying again.</source>
        <translation>Ningún servidor se llama %1. Compruebe la dirección; reintentando.</translation>
    </message>
    <message>
        <source>Nothing answers at %1 (connection refused). Check the port and that the server runs; trying again.</source>
        <translation>Nada responde en %1 (conexión rechazada). Compruebe el puerto y que el servidor esté en marcha; reintentando.</translation>
    </message>
    <message>
        <source>%1 hung up without answering: it expects an encrypted connection. Not connected. Use wss://%1.</source>
        <translation>%1 colgó sin responder: espera una conexión cifrada. Sin conexión. Use wss://%1.</translation>
    </message>
    <message>
        <source>%1 hung up during the encryption handshake. Check the address and port; trying again.</source>
        <translation>%1 colgó durante la negociación del cifrado. Compruebe la dirección y el puerto; reintentando.</translation>
    </message>
    <message>
        <source>%1 does not answer. Check the address and the network; trying again.</source>
        <translation>%1 no responde. Compruebe la dirección y la red; reintentando.</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check the address; trying again.</source>
        <translation>No se puede acceder a %1. Compruebe la dirección; reintentando.</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Check the address; trying again.</source>
        <translation>No se puede acceder a %1 (%2). Compruebe la dirección; reintentando.</translation>
    </message>
    <message>
        <source>No voice: cannot resolve %1</source>
        <translation>Sin voz: no se puede resolver %1</translation>
    </message>
    <message>
        <source>A user name has at most 48 letters, digits and . _ : @ - only. Check that your password did not go into it.</source>
        <translation>Un nombre de usuario tiene como máximo 48 letras, dígitos y . _ : @ - solamente. Compruebe que no escribió allí su contraseña.</translation>
    </message>
    <message>
        <source>Not connected: the certificate of %1 is not the one you were given.</source>
        <translation>Sin conexión: el certificado de %1 no es el que le indicaron.</translation>
    </message>
</context>
<context>
    <name>floorline::console::SessionListModel</name>
    <message>
        <source>Call %1</source>
        <translation>Llamada %1</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n más</numerusform>
            <numerusform>+%n más</numerusform>
        </translation>
    </message>
    <message>
        <source>you</source>
        <translation>usted</translation>
    </message>
</context>
<context>
    <name>floorline::console::SupervisedSessionModel</name>
    <message>
        <source> · emergency</source>
        <translation> · emergencia</translation>
    </message>
    <message>
        <source> · P%1</source>
        <comment>priority level</comment>
        <translation> · P%1</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n más</numerusform>
            <numerusform>+ %n más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>floorline::console::Supervision</name>
    <message>
        <source>Could not load the overview: %1</source>
        <translation>No se pudo cargar la vista general: %1</translation>
    </message>
    <message>
        <source>Could not join %1: %2</source>
        <translation>No se pudo unir a %1: %2</translation>
    </message>
    <message>
        <source>%1: not acknowledged</source>
        <translation>%1: sin reconocer</translation>
    </message>
    <message>
        <source>%1: acknowledged by %2</source>
        <translation>%1: reconocida por %2</translation>
    </message>
</context>
<context>
    <name>floorline::console::TalkControl</name>
    <message>
        <source>Select a group to talk to</source>
        <translation>Seleccione un grupo para hablar</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>The talk was ended: no voice reached the server</source>
        <translation>Transmisión finalizada: no llegó voz al servidor</translation>
    </message>
    <message>
        <source>Floor revoked: %1</source>
        <translation>Palabra retirada: %1</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Conexión perdida</translation>
    </message>
</context>
<context>
    <name>floorline::console::UnitListModel</name>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupada</translation>
    </message>
    <message>
        <source>Busy in %1</source>
        <translation>Ocupada en %1</translation>
    </message>
    <message>
        <source>Resetting</source>
        <translation>Reiniciando</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Fuera de línea</translation>
    </message>
</context>
<context>
    <name>floorline::input::EvdevButtons</name>
    <message>
        <source>any button</source>
        <translation>cualquier botón</translation>
    </message>
    <message>
        <source>Cannot read %1 (%2): see &quot;Pedals&quot; in the operations guide</source>
        <translation>No se puede leer %1 (%2): vea «Pedals» en la guía de operación</translation>
    </message>
    <message>
        <source>No pedal chosen</source>
        <translation>Ningún pedal elegido</translation>
    </message>
    <message>
        <source>Not plugged in: %1</source>
        <translation>No conectado: %1</translation>
    </message>
    <message>
        <source>%1 is a keyboard: choose the key that talks with &quot;Press to choose…&quot;</source>
        <translation>%1 es un teclado: elija la tecla que habla con «Pulsar para elegir…»</translation>
    </message>
    <message>
        <source>Ready: %1, %2</source>
        <translation>Listo: %1, %2</translation>
    </message>
</context>
<context>
    <name>floorline::input::PortalHotkeys</name>
    <message>
        <source>Push to talk on the selected groups</source>
        <translation>Hablar en los grupos seleccionados</translation>
    </message>
    <message>
        <source>Emergency call on the selected groups</source>
        <translation>Llamada de emergencia en los grupos seleccionados</translation>
    </message>
    <message>
        <source>Push to talk on group %1 of the list</source>
        <translation>Hablar en el grupo %1 de la lista</translation>
    </message>
    <message>
        <source>Push to talk (pedal)</source>
        <translation>Hablar (pedal)</translation>
    </message>
    <message>
        <source>No desktop bus: global keys are off</source>
        <translation>Sin bus de escritorio: teclas globales desactivadas</translation>
    </message>
    <message>
        <source>Asking the desktop for global keys…</source>
        <translation>Pidiendo teclas globales al escritorio…</translation>
    </message>
    <message numerus="yes">
        <source>The desktop did not bind %n of these keys</source>
        <translation>
            <numerusform>El escritorio no asignó %n de estas teclas</numerusform>
            <numerusform>El escritorio no asignó %n de estas teclas</numerusform>
        </translation>
    </message>
    <message>
        <source>Global keys work in every program (desktop portal)</source>
        <translation>Las teclas globales funcionan en todos los programas (portal del escritorio)</translation>
    </message>
    <message>
        <source>This desktop offers no global keys (%1): push-to-talk works while the console has the focus</source>
        <translation>Este escritorio no ofrece teclas globales (%1): el PTT funciona mientras la consola tiene el foco</translation>
    </message>
    <message>
        <source>The desktop refused global keys (%1)</source>
        <translation>El escritorio rechazó las teclas globales (%1)</translation>
    </message>
    <message>
        <source>Global keys were declined in the desktop&apos;s dialog</source>
        <translation>Las teclas globales se rechazaron en el diálogo del escritorio</translation>
    </message>
    <message>
        <source>The desktop could not bind global keys</source>
        <translation>El escritorio no pudo asignar las teclas globales</translation>
    </message>
</context>
<context>
    <name>floorline::input::RawInputButtons</name>
    <message>
        <source>Pedals cannot be read (no input window: error %1)</source>
        <translation>No se pueden leer los pedales (sin ventana de entrada: error %1)</translation>
    </message>
    <message>
        <source>Pedals cannot be read (Raw Input refused: error %1)</source>
        <translation>No se pueden leer los pedales (Raw Input rechazado: error %1)</translation>
    </message>
    <message>
        <source>any button</source>
        <translation>cualquier botón</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>tecla %1</translation>
    </message>
    <message>
        <source>button %1</source>
        <translation>botón %1</translation>
    </message>
    <message>
        <source>hook switch</source>
        <translation>interruptor de gancho</translation>
    </message>
    <message>
        <source>phone mute</source>
        <translation>silencio del teléfono</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Teclado</translation>
    </message>
    <message>
        <source>Input device</source>
        <translation>Dispositivo de entrada</translation>
    </message>
    <message>
        <source>No pedal chosen</source>
        <translation>Ningún pedal elegido</translation>
    </message>
    <message>
        <source>Not plugged in: %1</source>
        <translation>No conectado: %1</translation>
    </message>
    <message>
        <source>%1 is a keyboard: choose the key that talks with &quot;Press to choose…&quot;</source>
        <translation>%1 es un teclado: elija la tecla que habla con «Pulsar para elegir…»</translation>
    </message>
    <message>
        <source>Ready: %1, %2</source>
        <translation>Listo: %1, %2</translation>
    </message>
</context>
<context>
    <name>floorline::input::X11Hotkeys</name>
    <message>
        <source>No X server to take global keys from</source>
        <translation>No hay servidor X para las teclas globales</translation>
    </message>
    <message numerus="yes">
        <source>Another program holds %n of these keys</source>
        <translation>
            <numerusform>Otro programa tiene %n de estas teclas</numerusform>
            <numerusform>Otro programa tiene %n de estas teclas</numerusform>
        </translation>
    </message>
    <message>
        <source>Global keys work in every program (X server key grab)</source>
        <translation>Las teclas globales funcionan en todos los programas (captura de teclas del servidor X)</translation>
    </message>
</context>
</TS>
