<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AddressPolicy</name>
    <message>
        <source>public address</source>
        <translation>öffentliche Adresse</translation>
    </message>
    <message>
        <source>unspecified address</source>
        <translation>unspezifizierte Adresse</translation>
    </message>
    <message>
        <source>loopback address</source>
        <translation>Loopback-Adresse</translation>
    </message>
    <message>
        <source>private network address</source>
        <translation>Adresse in einem privaten Netz</translation>
    </message>
    <message>
        <source>shared (carrier-grade NAT) address</source>
        <translation>gemeinsam genutzte Adresse (Carrier-Grade NAT)</translation>
    </message>
    <message>
        <source>link-local address</source>
        <translation>Link-Local-Adresse</translation>
    </message>
    <message>
        <source>unique-local address</source>
        <translation>Unique-Local-Adresse</translation>
    </message>
    <message>
        <source>multicast or broadcast address</source>
        <translation>Multicast- oder Broadcast-Adresse</translation>
    </message>
    <message>
        <source>reserved or special-purpose address</source>
        <translation>reservierte oder für besondere Zwecke bestimmte Adresse</translation>
    </message>
    <message>
        <source>invalid address</source>
        <translation>ungültige Adresse</translation>
    </message>
    <message>
        <source>connection to %1 refused: the address is outside the networks allowed for this upstream</source>
        <translation>Verbindung zu %1 abgelehnt: Die Adresse liegt außerhalb der für diesen Upstream erlaubten Netze</translation>
    </message>
    <message>
        <source>connection to %1 refused for SSRF protection: it is a %2, and this request may only reach public addresses</source>
        <translation>Verbindung zu %1 zum Schutz vor SSRF abgelehnt: Es ist eine %2, und diese Anfrage darf nur öffentliche Adressen erreichen</translation>
    </message>
    <message>
        <source>connection refused: only IPv4 and IPv6 addresses are allowed</source>
        <translation>Verbindung abgelehnt: Nur IPv4- und IPv6-Adressen sind erlaubt</translation>
    </message>
</context>
<context>
    <name>AuditCommand</name>
    <message>
        <source>Usage: gatehouse audit tail [--help]</source>
        <translation>Aufruf: gatehouse audit tail [--help]</translation>
    </message>
    <message>
        <source>  tail [-n N] [--user U] [--client C] [--tool T] [--server S] [--decision D] [--since WHEN] [--follow] [--json]</source>
        <translation>  tail [-n N] [--user U] [--client C] [--tool T] [--server S] [--decision D] [--since WHEN] [--follow] [--json]</translation>
    </message>
    <message>
        <source>                 print the newest tool calls of the audit log, oldest first; --follow keeps printing new ones</source>
        <translation>                 die neuesten Tool-Aufrufe des Prüfprotokolls ausgeben, die ältesten zuerst; mit --follow werden laufend neue ausgegeben</translation>
    </message>
    <message>
        <source>unknown audit command &apos;%1&apos;</source>
        <translation>unbekannter audit-Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--since %1: expected how long back, such as 90s, 15m, 2h, 7d or 2w, or an ISO-8601 time, such as 2026-03-01, 2026-03-01T09:30 (local time) or 2026-03-01T08:30:00Z</source>
        <translation>--since %1: erwartet wird eine Zeitspanne zurück, etwa 90s, 15m, 2h, 7d oder 2w, oder ein ISO-8601-Zeitpunkt, etwa 2026-03-01, 2026-03-01T09:30 (Ortszeit) oder 2026-03-01T08:30:00Z</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>How many of the newest rows to print (default 20).</source>
        <translation>Wie viele der neuesten Einträge ausgegeben werden (Standard: 20).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Only this user&apos;s calls.</source>
        <translation>Nur die Aufrufe dieses Benutzers.</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>USER</translation>
    </message>
    <message>
        <source>Only calls from this OAuth client id.</source>
        <translation>Nur Aufrufe des Clients mit dieser OAuth-Client-ID.</translation>
    </message>
    <message>
        <source>CLIENT</source>
        <translation>CLIENT</translation>
    </message>
    <message>
        <source>Only calls to this server (the part before the dot).</source>
        <translation>Nur Aufrufe an diesen Server (der Teil vor dem Punkt).</translation>
    </message>
    <message>
        <source>SERVER</source>
        <translation>SERVER</translation>
    </message>
    <message>
        <source>Only calls of this tool, named without its server (--server selects the server).</source>
        <translation>Nur Aufrufe dieses Tools, angegeben ohne seinen Server (den Server wählt --server).</translation>
    </message>
    <message>
        <source>TOOL</source>
        <translation>TOOL</translation>
    </message>
    <message>
        <source>Only calls with this decision, such as allow or deny.</source>
        <translation>Nur Aufrufe mit dieser Entscheidung, etwa allow oder deny.</translation>
    </message>
    <message>
        <source>DECISION</source>
        <translation>DECISION</translation>
    </message>
    <message>
        <source>Only calls since then: how long back (90s, 15m, 2h, 7d, 2w) or an ISO-8601 time (2026-03-01T09:30 is local time; add Z or an offset).</source>
        <translation>Nur Aufrufe seit diesem Zeitpunkt: eine Zeitspanne zurück (90s, 15m, 2h, 7d, 2w) oder ein ISO-8601-Zeitpunkt (2026-03-01T09:30 ist Ortszeit; hängen Sie Z oder einen Offset an).</translation>
    </message>
    <message>
        <source>WHEN</source>
        <translation>WHEN</translation>
    </message>
    <message>
        <source>Keep printing new calls as they are written, until SIGINT (Ctrl+C) or SIGTERM.</source>
        <translation>Neue Aufrufe fortlaufend ausgeben, sobald sie geschrieben werden, bis SIGINT (Strg+C) oder SIGTERM.</translation>
    </message>
    <message>
        <source>Print JSON Lines: one object per call with the keys time (UTC), user, client, server, tool, decision, reason, upstream_status, latency_ms and cost.</source>
        <translation>JSON Lines ausgeben: ein Objekt pro Aufruf mit den Schlüsseln time (UTC), user, client, server, tool, decision, reason, upstream_status, latency_ms und cost.</translation>
    </message>
    <message>
        <source>Prints the newest tool calls of the audit log, oldest first: local time, user, client, server.tool, decision, reason, upstream status, latency and cost, separated by tabs and empty where absent. With --follow it then prints new calls every half second until stopped, and exits with 0.</source>
        <translation>Gibt die neuesten Tool-Aufrufe des Prüfprotokolls aus, die ältesten zuerst: Ortszeit, Benutzer, Client, server.tool, Entscheidung, Grund, Upstream-Status, Latenz und Kosten, durch Tabulatoren getrennt und leer, wo ein Wert fehlt. Mit --follow werden danach jede halbe Sekunde neue Aufrufe ausgegeben, bis der Befehl angehalten wird; er endet dann mit dem Exit-Code 0.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>-n %1: expected a whole number from 0 to %2</source>
        <translation>-n %1: eine ganze Zahl von 0 bis %2 erwartet</translation>
    </message>
    <message>
        <source>there is no store at %1, so no audit log to read: pass the data directory the gateway uses with --data DIR, or its configuration with --config FILE</source>
        <translation>unter %1 gibt es keinen Datenspeicher und daher kein Prüfprotokoll zum Lesen: Geben Sie mit --data DIR das Datenverzeichnis an, das das Gateway verwendet, oder mit --config FILE seine Konfiguration</translation>
    </message>
    <message>
        <source>No tool calls in the audit log match.</source>
        <translation>Im Prüfprotokoll gibt es keine passenden Tool-Aufrufe.</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>%1 audit rows could not be written and wait for the next attempt: %2</source>
        <translation>%1 Audit-Einträge konnten nicht geschrieben werden und warten auf den nächsten Versuch: %2</translation>
    </message>
    <message>
        <source>%1 more calls refused the same way since %2 (written as one row)</source>
        <translation>%1 weitere Aufrufe seit %2 auf dieselbe Weise abgelehnt (als ein Eintrag geschrieben)</translation>
    </message>
</context>
<context>
    <name>AuditRepository</name>
    <message>
        <source>An audit row needs a time and a decision (tool &apos;%1&apos;).</source>
        <translation>Ein Audit-Eintrag braucht einen Zeitpunkt und eine Entscheidung (Tool &apos;%1&apos;).</translation>
    </message>
    <message>
        <source>Writing an audit row</source>
        <translation>Schreiben eines Audit-Eintrags</translation>
    </message>
    <message>
        <source>An audit query needs a positive limit, not %1.</source>
        <translation>Eine Audit-Abfrage braucht ein positives Limit, nicht %1.</translation>
    </message>
    <message>
        <source>Reading the audit log</source>
        <translation>Lesen des Audit-Protokolls</translation>
    </message>
    <message>
        <source>Pruning the audit log</source>
        <translation>Bereinigen des Audit-Protokolls</translation>
    </message>
    <message>
        <source>Counting the calls in the audit log</source>
        <translation>Zählen der Aufrufe im Prüfprotokoll</translation>
    </message>
    <message>
        <source>Reading the audit log&apos;s last id</source>
        <translation>Lesen der letzten ID des Prüfprotokolls</translation>
    </message>
</context>
<context>
    <name>AuthServerContext</name>
    <message>
        <source>the scope %1 names server &apos;%2&apos;, which this gateway does not serve</source>
        <translation>der Scope %1 nennt den Server &apos;%2&apos;, den dieses Gateway nicht bereitstellt</translation>
    </message>
    <message>
        <source>the resource %1 must be an absolute URL without a fragment (RFC 8707 section 2)</source>
        <translation>die Ressource %1 muss eine absolute URL ohne Fragment sein (RFC 8707 Abschnitt 2)</translation>
    </message>
    <message>
        <source>the resource %1 is not an MCP server of this gateway; use %2SERVER (one of: %3)</source>
        <translation>die Ressource %1 ist kein MCP-Server dieses Gateways; verwenden Sie %2SERVER (zur Auswahl: %3)</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>keiner konfiguriert</translation>
    </message>
    <message>
        <source>the scopes name server &apos;%1&apos;, but the resource is server &apos;%2&apos;: ask for %2:ACTION scopes</source>
        <translation>die Scopes nennen den Server &apos;%1&apos;, die Ressource ist aber der Server &apos;%2&apos;: Fordern Sie Scopes der Form %2:ACTION an</translation>
    </message>
</context>
<context>
    <name>AuthorizationServer</name>
    <message>
        <source>this endpoint accepts only %1</source>
        <translation>dieser Endpunkt akzeptiert nur %1</translation>
    </message>
    <message>
        <source>no metadata at %1: the MCP servers&apos; documents are at %2/mcp/SERVER</source>
        <translation>unter %1 gibt es keine Metadaten: Die Dokumente der MCP-Server liegen unter %2/mcp/SERVER</translation>
    </message>
    <message>
        <source>dynamic client registration is turned off on this gateway: ask its owner for a client, or use a client metadata document URL as client_id</source>
        <translation>die dynamische Client-Registrierung ist auf diesem Gateway abgeschaltet: Bitten Sie den Betreiber um einen Client oder verwenden Sie die URL eines Client-Metadatendokuments als client_id</translation>
    </message>
    <message>
        <source>this gateway accepts client registrations only from its own machine (gateway.auth.registration: loopback); ask its owner for a client</source>
        <translation>dieses Gateway akzeptiert Client-Registrierungen nur vom eigenen Rechner (gateway.auth.registration: loopback); bitten Sie den Betreiber um einen Client</translation>
    </message>
    <message>
        <source>registration needs the initial access token the gateway&apos;s owner gave you, as a Bearer token</source>
        <translation>die Registrierung erfordert das initiale Zugriffstoken, das Sie vom Betreiber des Gateways erhalten haben, als Bearer-Token</translation>
    </message>
    <message>
        <source>too many client registrations from this address; try again in %1 seconds</source>
        <translation>zu viele Client-Registrierungen von dieser Adresse; versuchen Sie es in %1 Sekunden erneut</translation>
    </message>
    <message>
        <source>send the client metadata as application/json (RFC 7591 section 3.1)</source>
        <translation>senden Sie die Client-Metadaten als application/json (RFC 7591 Abschnitt 3.1)</translation>
    </message>
    <message>
        <source>the client metadata is not valid JSON</source>
        <translation>die Client-Metadaten sind kein gültiges JSON</translation>
    </message>
    <message>
        <source>no such endpoint: the authorization server&apos;s endpoints are listed at %1</source>
        <translation>diesen Endpunkt gibt es nicht: Die Endpunkte des Autorisierungsservers sind unter %1 aufgeführt</translation>
    </message>
</context>
<context>
    <name>AuthorizeEndpoint</name>
    <message>
        <source>This sign-in request cannot be used</source>
        <translation>Diese Anmeldeanfrage kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>The request names no client (client_id is missing).</source>
        <translation>Die Anfrage nennt keinen Client (client_id fehlt).</translation>
    </message>
    <message>
        <source>The client %1 is not registered for signing in users (the authorization_code grant).</source>
        <translation>Der Client %1 ist nicht für die Anmeldung von Benutzern registriert (Grant-Typ authorization_code).</translation>
    </message>
    <message>
        <source>The request has no redirect_uri, and the client registered %1 of them: the client must name one.</source>
        <translation>Die Anfrage enthält keine redirect_uri, und der Client hat %1 davon registriert: Der Client muss eine angeben.</translation>
    </message>
    <message>
        <source>The redirect address %1 is not one the client registered, so this page will not send you there.</source>
        <translation>Die Weiterleitungsadresse %1 gehört nicht zu denen, die der Client registriert hat; daher leitet diese Seite Sie nicht dorthin weiter.</translation>
    </message>
    <message>
        <source>The state parameter is longer than %1 characters.</source>
        <translation>Der Parameter state ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>response_type is missing: this server supports only response_type=code</source>
        <translation>response_type fehlt: Dieser Server unterstützt nur response_type=code</translation>
    </message>
    <message>
        <source>response_type %1 is not supported: use code</source>
        <translation>response_type %1 wird nicht unterstützt: Verwenden Sie code</translation>
    </message>
    <message>
        <source>code_challenge is missing: this server requires PKCE with code_challenge_method=S256 (RFC 7636)</source>
        <translation>code_challenge fehlt: Dieser Server erfordert PKCE mit code_challenge_method=S256 (RFC 7636)</translation>
    </message>
    <message>
        <source>code_challenge_method is missing: send S256 (plain is not accepted)</source>
        <translation>code_challenge_method fehlt: Senden Sie S256 (plain wird nicht akzeptiert)</translation>
    </message>
    <message>
        <source>code_challenge_method %1 is not accepted: use S256</source>
        <translation>code_challenge_method %1 wird nicht akzeptiert: Verwenden Sie S256</translation>
    </message>
    <message>
        <source>code_challenge is not an S256 challenge: it must be the 43-character base64url SHA-256 of the code_verifier</source>
        <translation>code_challenge ist keine S256-Challenge: Sie muss der 43 Zeichen lange, base64url-kodierte SHA-256-Hash des code_verifier sein</translation>
    </message>
    <message>
        <source>Sign-in is not available right now</source>
        <translation>Die Anmeldung ist gerade nicht verfügbar</translation>
    </message>
    <message>
        <source>The gateway cannot store the sign-in request: %1</source>
        <translation>Das Gateway kann die Anmeldeanfrage nicht speichern: %1</translation>
    </message>
    <message>
        <source>This form cannot be accepted</source>
        <translation>Dieses Formular kann nicht angenommen werden</translation>
    </message>
    <message>
        <source>The form must be sent as application/x-www-form-urlencoded.</source>
        <translation>Das Formular muss als application/x-www-form-urlencoded gesendet werden.</translation>
    </message>
    <message>
        <source>The form did not come from this browser&apos;s sign-in page (the CSRF check failed). Start again from your application.</source>
        <translation>Das Formular stammt nicht von der Anmeldeseite dieses Browsers (die CSRF-Prüfung ist fehlgeschlagen). Beginnen Sie erneut in Ihrer Anwendung.</translation>
    </message>
    <message>
        <source>The form names no sign-in request.</source>
        <translation>Das Formular nennt keine Anmeldeanfrage.</translation>
    </message>
    <message>
        <source>This sign-in page has expired</source>
        <translation>Diese Anmeldeseite ist abgelaufen</translation>
    </message>
    <message>
        <source>The sign-in request is unknown or has expired.</source>
        <translation>Die Anmeldeanfrage ist unbekannt oder abgelaufen.</translation>
    </message>
    <message>
        <source>The form does not belong to this browser&apos;s sign-in page (the CSRF check failed). Start again from your application.</source>
        <translation>Das Formular gehört nicht zur Anmeldeseite dieses Browsers (die CSRF-Prüfung ist fehlgeschlagen). Beginnen Sie erneut in Ihrer Anwendung.</translation>
    </message>
    <message>
        <source>This sign-in page was already used</source>
        <translation>Diese Anmeldeseite wurde bereits verwendet</translation>
    </message>
    <message>
        <source>Each sign-in page can be sent once; it was sent before.</source>
        <translation>Jede Anmeldeseite kann nur einmal abgeschickt werden; diese wurde bereits abgeschickt.</translation>
    </message>
    <message>
        <source>Sign-in pages are good for %1 minutes.</source>
        <translation>Anmeldeseiten sind %1 Minuten lang gültig.</translation>
    </message>
    <message>
        <source>The client no longer lists this redirect address.</source>
        <translation>Der Client führt diese Weiterleitungsadresse nicht mehr.</translation>
    </message>
    <message>
        <source>the user declined to give the client access</source>
        <translation>der Benutzer hat dem Client den Zugriff verweigert</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Try again in %1 seconds.</source>
        <translation>Zu viele fehlgeschlagene Anmeldungen. Versuchen Sie es in %1 Sekunden erneut.</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>This account is disabled</source>
        <translation>Dieses Konto ist deaktiviert</translation>
    </message>
    <message>
        <source>User %1 is disabled; ask the gateway&apos;s owner to enable it.</source>
        <translation>Der Benutzer %1 ist deaktiviert; bitten Sie den Betreiber des Gateways, ihn zu aktivieren.</translation>
    </message>
    <message>
        <source>the user&apos;s account is disabled or was removed</source>
        <translation>das Konto des Benutzers ist deaktiviert oder wurde entfernt</translation>
    </message>
    <message>
        <source>the gateway cannot store the authorization: %1</source>
        <translation>das Gateway kann die Autorisierung nicht speichern: %1</translation>
    </message>
    <message>
        <source>Too many sign-ins with client metadata documents from this address; try again later.</source>
        <translation>Zu viele Anmeldungen mit Client-Metadatendokumenten von dieser Adresse; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The form was sent from another site (Sec-Fetch-Site: %1). Start again from your application.</source>
        <translation>Das Formular wurde von einer anderen Website gesendet (Sec-Fetch-Site: %1). Beginnen Sie erneut in Ihrer Anwendung.</translation>
    </message>
</context>
<context>
    <name>BundleExporter</name>
    <message>
        <source>%1 is Gatehouse&apos;s data folder, where the store and the TLS key are kept: choose another --out, a new or empty folder outside it</source>
        <translation>%1 ist der Datenordner von Gatehouse, in dem der Datenspeicher und der TLS-Schlüssel aufbewahrt werden: Wählen Sie ein anderes --out, einen neuen oder leeren Ordner außerhalb davon</translation>
    </message>
    <message>
        <source>%1 is Gatehouse&apos;s data folder, where the store and the TLS key are kept: choose a new or empty folder outside it, for example in your documents</source>
        <translation>%1 ist der Datenordner von Gatehouse, in dem der Datenspeicher und der TLS-Schlüssel aufbewahrt werden: Wählen Sie einen neuen oder leeren Ordner außerhalb davon, zum Beispiel in Ihren Dokumenten</translation>
    </message>
    <message>
        <source>%1 is inside Gatehouse&apos;s data folder %2, where the store and the TLS key are kept: choose another --out, a new or empty folder outside it</source>
        <translation>%1 liegt im Datenordner %2 von Gatehouse, in dem der Datenspeicher und der TLS-Schlüssel aufbewahrt werden: Wählen Sie ein anderes --out, einen neuen oder leeren Ordner außerhalb davon</translation>
    </message>
    <message>
        <source>%1 is inside Gatehouse&apos;s data folder %2, where the store and the TLS key are kept: choose a new or empty folder outside it, for example in your documents</source>
        <translation>%1 liegt im Datenordner %2 von Gatehouse, in dem der Datenspeicher und der TLS-Schlüssel aufbewahrt werden: Wählen Sie einen neuen oder leeren Ordner außerhalb davon, zum Beispiel in Ihren Dokumenten</translation>
    </message>
    <message>
        <source>%1 contains Gatehouse&apos;s data folder %2, so copying the bundle would copy the store and the TLS key too: choose another --out, a new or empty folder</source>
        <translation>%1 enthält den Datenordner %2 von Gatehouse; beim Kopieren des Pakets würden daher auch der Datenspeicher und der TLS-Schlüssel kopiert: Wählen Sie ein anderes --out, einen neuen oder leeren Ordner</translation>
    </message>
    <message>
        <source>%1 contains Gatehouse&apos;s data folder %2, so copying the bundle would copy the store and the TLS key too: choose a new or empty folder</source>
        <translation>%1 enthält den Datenordner %2 von Gatehouse; beim Kopieren des Pakets würden daher auch der Datenspeicher und der TLS-Schlüssel kopiert: Wählen Sie einen neuen oder leeren Ordner</translation>
    </message>
    <message>
        <source>choose the folder to write the bundle to</source>
        <translation>wählen Sie den Ordner, in den das Paket geschrieben werden soll</translation>
    </message>
    <message>
        <source>%1 holds files that are not a Gatehouse bundle, and the bundle folder is meant to be copied to the server whole: choose another --out, a new or empty folder or the folder of an earlier export</source>
        <translation>%1 enthält Dateien, die nicht zu einem Gatehouse-Paket gehören, und der Paketordner ist dafür gedacht, vollständig auf den Server kopiert zu werden: Wählen Sie ein anderes --out, einen neuen oder leeren Ordner oder den Ordner eines früheren Exports</translation>
    </message>
    <message>
        <source>%1 holds files that are not a Gatehouse bundle, and the bundle folder is meant to be copied to the server whole: choose a new or empty folder, or the folder of an earlier export</source>
        <translation>%1 enthält Dateien, die nicht zu einem Gatehouse-Paket gehören, und der Paketordner ist dafür gedacht, vollständig auf den Server kopiert zu werden: Wählen Sie einen neuen oder leeren Ordner oder den Ordner eines früheren Exports</translation>
    </message>
    <message>
        <source>the bundle cannot be the root folder: the deployment key is written beside the bundle, never inside it</source>
        <translation>das Paket kann nicht der Stammordner sein: Der Deployment-Schlüssel wird neben das Paket geschrieben, niemals hinein</translation>
    </message>
    <message>
        <source>the deployment key is written beside the bundle, into %1, which other users can write (and so replace the key): choose --out inside a folder only you can write</source>
        <translation>der Deployment-Schlüssel wird neben das Paket in %1 geschrieben, wo auch andere Benutzer schreiben (und so den Schlüssel ersetzen) können: Wählen Sie für --out einen Ort innerhalb eines Ordners, in den nur Sie schreiben können</translation>
    </message>
    <message>
        <source>the deployment key is written beside the bundle, into %1, which other users can write (and so replace the key): choose a bundle folder inside a folder only you can write</source>
        <translation>der Deployment-Schlüssel wird neben das Paket in %1 geschrieben, wo auch andere Benutzer schreiben (und so den Schlüssel ersetzen) können: Wählen Sie einen Paketordner innerhalb eines Ordners, in den nur Sie schreiben können</translation>
    </message>
    <message>
        <source>%1 already exists, and may be the key a server runs with: move it away, or pass --force to replace it (servers installed with it cannot unseal this export&apos;s secrets until they get the new key)</source>
        <translation>%1 existiert bereits und ist möglicherweise der Schlüssel, mit dem ein Server läuft: Verschieben Sie die Datei, oder geben Sie --force an, um sie zu ersetzen (Server, die damit installiert sind, können die Geheimnisse dieses Exports erst entsiegeln, wenn sie den neuen Schlüssel erhalten)</translation>
    </message>
    <message>
        <source>%1 already exists, and may be the key a server runs with: move it away, or replace it (servers installed with it cannot unseal this export&apos;s secrets until they get the new key)</source>
        <translation>%1 existiert bereits und ist möglicherweise der Schlüssel, mit dem ein Server läuft: Verschieben Sie die Datei, oder ersetzen Sie sie (Server, die damit installiert sind, können die Geheimnisse dieses Exports erst entsiegeln, wenn sie den neuen Schlüssel erhalten)</translation>
    </message>
    <message>
        <source>sealing secrets needs the vault&apos;s master key</source>
        <translation>zum Versiegeln von Geheimnissen wird der Hauptschlüssel des Tresors benötigt</translation>
    </message>
    <message>
        <source>the credential vault</source>
        <translation>der Tresor für Zugangsdaten</translation>
    </message>
    <message>
        <source>credential %1</source>
        <translation>Zugangsdaten %1</translation>
    </message>
    <message>
        <source>the deployment key was not written, and nothing was exported (%1). Choose --out inside a folder of yours.</source>
        <translation>der Deployment-Schlüssel wurde nicht geschrieben, und es wurde nichts exportiert (%1). Wählen Sie für --out einen Ort innerhalb eines Ihrer eigenen Ordner.</translation>
    </message>
    <message>
        <source>the deployment key was not written, and nothing was exported (%1). Choose a bundle folder inside a folder of yours.</source>
        <translation>der Deployment-Schlüssel wurde nicht geschrieben, und es wurde nichts exportiert (%1). Wählen Sie einen Paketordner innerhalb eines Ihrer eigenen Ordner.</translation>
    </message>
</context>
<context>
    <name>CatalogLoader</name>
    <message>
        <source>credential %1 of server %2 cannot be used: %3</source>
        <translation>die Zugangsdaten %1 des Servers %2 können nicht verwendet werden: %3</translation>
    </message>
    <message>
        <source>unknown type %1</source>
        <translation>unbekannter Typ %1</translation>
    </message>
    <message>
        <source>unknown location %1</source>
        <translation>unbekannte Position %1</translation>
    </message>
    <message>
        <source>unknown secret source %1</source>
        <translation>unbekannte Quelle des Geheimnisses %1</translation>
    </message>
    <message>
        <source>the spec file %1 does not exist: check the server&apos;s openapi path</source>
        <translation>die Spezifikationsdatei %1 existiert nicht: Prüfen Sie den openapi-Pfad des Servers</translation>
    </message>
    <message>
        <source>server %1 fronts an upstream MCP server, which is not supported yet</source>
        <translation>der Server %1 ist einem Upstream-MCP-Server vorgeschaltet, was noch nicht unterstützt wird</translation>
    </message>
    <message>
        <source>server %1 names no openapi spec</source>
        <translation>der Server %1 nennt keine openapi-Spezifikation</translation>
    </message>
    <message>
        <source>server %1 offers no tools: %2</source>
        <translation>der Server %1 bietet keine Tools an: %2</translation>
    </message>
    <message>
        <source>credential %1 of server %2 is not configured: add it under credentials</source>
        <translation>die Zugangsdaten %1 des Servers %2 sind nicht konfiguriert: Fügen Sie sie unter credentials hinzu</translation>
    </message>
    <message>
        <source>%1; the spec fetched before stays in service</source>
        <translation>%1; die zuvor abgerufene Spezifikation bleibt in Betrieb</translation>
    </message>
    <message>
        <source>%1; the spec loaded before stays in service</source>
        <translation>%1; die zuvor geladene Spezifikation bleibt in Betrieb</translation>
    </message>
    <message>
        <source>a per-user credential keeps each user&apos;s secret in the vault: write `secret: {keychain: %1}` and import each user&apos;s with `gatehouse credential import %1 --user NAME`</source>
        <translation>Zugangsdaten pro Benutzer halten das Geheimnis jedes Benutzers im Tresor: Schreiben Sie `secret: {keychain: %1}` und importieren Sie das Geheimnis jedes Benutzers mit `gatehouse credential import %1 --user NAME`</translation>
    </message>
    <message>
        <source>an oauth2_refresh_token credential keeps its refresh token in the vault, where a rotated one is stored back: write `secret: {keychain: %1}` and import the token with `gatehouse credential import %1`</source>
        <translation>Zugangsdaten vom Typ oauth2_refresh_token halten ihr Refresh-Token im Tresor, wo ein rotiertes zurückgeschrieben wird: Schreiben Sie `secret: {keychain: %1}` und importieren Sie das Token mit `gatehouse credential import %1`</translation>
    </message>
    <message>
        <source>server %1 does not send the identity header %2: it is not a header the gateway may set (see identity_headers in docs/configuration.md)</source>
        <translation>der Server %1 sendet den Identitäts-Header %2 nicht: Diesen Header darf das Gateway nicht setzen (siehe identity_headers in docs/configuration.md)</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>The user who would call the tool.</source>
        <translation>Der Benutzer, der das Tool aufrufen würde.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The tool, as SERVER.TOOL (e.g. billing.create_invoice).</source>
        <translation>Das Tool, als SERVER.TOOL (z. B. billing.create_invoice).</translation>
    </message>
    <message>
        <source>SERVER.TOOL</source>
        <translation>SERVER.TOOL</translation>
    </message>
    <message>
        <source>A scope of the caller&apos;s token (repeat it); without it the token is not narrowed.</source>
        <translation>Ein Scope des Tokens des Aufrufers (mehrfach angebbar); ohne diese Option ist das Token nicht eingeschränkt.</translation>
    </message>
    <message>
        <source>S:ACTION</source>
        <translation>S:ACTION</translation>
    </message>
    <message>
        <source>Prints whether the user may call the tool, the rule that decides, and every rule that applied. Exit code 0: allowed, 1: denied or an error.</source>
        <translation>Gibt aus, ob der Benutzer das Tool aufrufen darf, welche Regel entscheidet und welche Regeln zutrafen. Exit-Code 0: erlaubt, 1: verweigert oder ein Fehler.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>give --user NAME and --tool SERVER.TOOL</source>
        <translation>geben Sie --user NAME und --tool SERVER.TOOL an</translation>
    </message>
    <message>
        <source>no server named &apos;%1&apos;; the servers are: %2</source>
        <translation>es gibt keinen Server namens &apos;%1&apos;; vorhandene Server: %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>server &apos;%1&apos; has no tool named &apos;%2&apos;: gatehouse openapi inspect lists its tools</source>
        <translation>der Server &apos;%1&apos; hat kein Tool namens &apos;%2&apos;: gatehouse openapi inspect listet seine Tools auf</translation>
    </message>
    <message>
        <source>%1 (resource %2, action %3) for %4: %5</source>
        <translation>%1 (Ressource %2, Aktion %3) für %4: %5</translation>
    </message>
    <message>
        <source>ALLOWED</source>
        <translation>ERLAUBT</translation>
    </message>
    <message>
        <source>DENIED</source>
        <translation>VERWEIGERT</translation>
    </message>
</context>
<context>
    <name>ClientCommand</name>
    <message>
        <source>Usage: gatehouse client issue|list|revoke [--help]</source>
        <translation>Aufruf: gatehouse client issue|list|revoke [--help]</translation>
    </message>
    <message>
        <source>  issue --user NAME [--name TEXT] [--redirect-uri URI]...</source>
        <translation>  issue --user NAME [--name TEXT] [--redirect-uri URI]...</translation>
    </message>
    <message>
        <source>                 issue a user a confidential client: prints its client_id and client_secret (shown once)</source>
        <translation>                 einem Benutzer einen vertraulichen Client ausstellen: gibt dessen client_id und client_secret aus (nur einmal angezeigt)</translation>
    </message>
    <message>
        <source>  list [--user NAME]   list clients: client_id, kind, user, created, state, name</source>
        <translation>  list [--user NAME]   Clients auflisten: client_id, Art, Benutzer, Erstellungszeit, Status, Name</translation>
    </message>
    <message>
        <source>  revoke CLIENT_ID     revoke a client and every token issued to it</source>
        <translation>  revoke CLIENT_ID     einen Client und alle für ihn ausgestellten Tokens widerrufen</translation>
    </message>
    <message>
        <source>unknown client command &apos;%1&apos;</source>
        <translation>unbekannter client-Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The user the client acts for (required).</source>
        <translation>Der Benutzer, für den der Client handelt (erforderlich).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>A name for the client, shown in client list and on the consent page (e.g. &quot;Bob&apos;s laptop&quot;).</source>
        <translation>Ein Name für den Client, angezeigt in client list und auf der Zustimmungsseite (z. B. &quot;Bobs Laptop&quot;).</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>A redirect URI (https, http to a loopback address, or an app&apos;s private-use scheme); repeatable. With one the client may also sign the user in with authorization_code.</source>
        <translation>Ein Weiterleitungs-URI (https, http an eine Loopback-Adresse oder das private Schema einer App); wiederholbar. Mit einem solchen URI darf der Client den Benutzer auch mit authorization_code anmelden.</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>The gateway&apos;s public base URL, for the example on standard error (default: the --config file&apos;s gateway.public_url, else http://127.0.0.1:8787).</source>
        <translation>Die öffentliche Basis-URL des Gateways für das Beispiel auf der Standardfehlerausgabe (Standard: gateway.public_url der --config-Datei, sonst http://127.0.0.1:8787).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Issues a user their own confidential OAuth client. Standard output is two lines, client_id: ... and client_secret: ...; the secret is shown only now, and only its hash is stored. The client gets tokens with client_credentials at {public_url}/oauth/token, and with --redirect-uri also with authorization_code.</source>
        <translation>Stellt einem Benutzer einen eigenen vertraulichen OAuth-Client aus. Die Standardausgabe besteht aus zwei Zeilen, client_id: ... und client_secret: ...; das Client-Secret wird nur jetzt angezeigt, gespeichert wird nur sein Hash. Der Client erhält Tokens mit client_credentials unter {public_url}/oauth/token, mit --redirect-uri auch mit authorization_code.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--user NAME is required</source>
        <translation>--user NAME ist erforderlich</translation>
    </message>
    <message>
        <source>--name: at most %1 characters, please</source>
        <translation>--name: bitte höchstens %1 Zeichen</translation>
    </message>
    <message>
        <source>--redirect-uri: at most %1 redirect URIs per client</source>
        <translation>--redirect-uri: höchstens %1 Weiterleitungs-URIs pro Client</translation>
    </message>
    <message>
        <source>Issued client %1 to %2. The secret is shown only now (the gateway keeps only its hash): store it with the client. The client gets access tokens with client_credentials at %3/oauth/token, for example:</source>
        <translation>Client %1 für %2 ausgestellt. Das Client-Secret wird nur jetzt angezeigt (das Gateway speichert nur seinen Hash): Hinterlegen Sie es beim Client. Der Client erhält Zugriffstokens mit client_credentials unter %3/oauth/token, zum Beispiel:</translation>
    </message>
    <message>
        <source>With its redirect URIs it may also sign %1 in with authorization_code.</source>
        <translation>Mit seinen Weiterleitungs-URIs darf er %1 auch mit authorization_code anmelden.</translation>
    </message>
    <message>
        <source>Revoke it with: gatehouse client revoke %1</source>
        <translation>Widerrufen Sie ihn mit: gatehouse client revoke %1</translation>
    </message>
    <message>
        <source>Only this user&apos;s clients.</source>
        <translation>Nur die Clients dieses Benutzers.</translation>
    </message>
    <message>
        <source>Lists the OAuth clients: client_id, kind (issued by the owner, registered by an MCP client, or a metadata document), user, when it was created, state and name. Client secrets are stored only as hashes and never shown.</source>
        <translation>Listet die OAuth-Clients auf: client_id, Art (vom Betreiber ausgestellt, von einem MCP-Client registriert oder ein Metadatendokument), Benutzer, Erstellungszeitpunkt, Status und Name. Client-Secrets werden nur als Hashes gespeichert und nie angezeigt.</translation>
    </message>
    <message>
        <source>No OAuth clients. Issue one with: gatehouse client issue --user NAME</source>
        <translation>Keine OAuth-Clients. Stellen Sie einen aus mit: gatehouse client issue --user NAME</translation>
    </message>
    <message>
        <source>CLIENT_ID</source>
        <translation>CLIENT_ID</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>BENUTZER</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>ERSTELLT</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>The client&apos;s client_id, as client list shows it.</source>
        <translation>Die client_id des Clients, wie client list sie anzeigt.</translation>
    </message>
    <message>
        <source>Revokes an OAuth client and every token issued to it: the gateway refuses them from the next request on, and the client can get no new ones. A revoked client stays revoked; issue a new one instead.</source>
        <translation>Widerruft einen OAuth-Client und alle für ihn ausgestellten Tokens: Das Gateway lehnt sie ab der nächsten Anfrage ab, und der Client kann keine neuen erhalten. Ein widerrufener Client bleibt widerrufen; stellen Sie stattdessen einen neuen aus.</translation>
    </message>
    <message>
        <source>expected the client&apos;s client_id (gatehouse client list shows it)</source>
        <translation>client_id des Clients erwartet (gatehouse client list zeigt sie an)</translation>
    </message>
    <message>
        <source>%1 is the client of the tokens gatehouse token mint makes: revoke those one by one with gatehouse token revoke ID</source>
        <translation>%1 ist der Client der Tokens, die gatehouse token mint erzeugt: Widerrufen Sie diese einzeln mit gatehouse token revoke ID</translation>
    </message>
    <message>
        <source>no OAuth client has the client_id &apos;%1&apos;: gatehouse client list shows them</source>
        <translation>kein OAuth-Client hat die client_id &apos;%1&apos;: gatehouse client list zeigt die vorhandenen an</translation>
    </message>
    <message>
        <source>Client %1 (user %2) was already revoked.</source>
        <translation>Client %1 (Benutzer %2) war bereits widerrufen.</translation>
    </message>
    <message>
        <source>Revoked client %1 (user %2) and every token issued to it; tokens that were still active: %3.</source>
        <translation>Client %1 (Benutzer %2) und alle für ihn ausgestellten Tokens widerrufen; noch aktive Tokens: %3.</translation>
    </message>
</context>
<context>
    <name>ClientRegistry</name>
    <message>
        <source>the client_id is missing or too long</source>
        <translation>die client_id fehlt oder ist zu lang</translation>
    </message>
    <message>
        <source>the client %1 was revoked by the gateway&apos;s owner</source>
        <translation>der Client %1 wurde vom Betreiber des Gateways widerrufen</translation>
    </message>
    <message>
        <source>no client is registered with client_id %1: register the client again (dynamic registration) or ask the gateway&apos;s owner for a client</source>
        <translation>es ist kein Client mit der client_id %1 registriert: Registrieren Sie den Client erneut (dynamische Registrierung) oder bitten Sie den Betreiber des Gateways um einen Client</translation>
    </message>
    <message>
        <source>client_id %1 is a URL, but this gateway does not accept client metadata documents: register the client instead</source>
        <translation>client_id %1 ist eine URL, aber dieses Gateway akzeptiert keine Client-Metadatendokumente: Registrieren Sie den Client stattdessen</translation>
    </message>
    <message>
        <source>client_id %1 is not an https URL, so its metadata document is not fetched</source>
        <translation>client_id %1 ist keine https-URL, daher wird das zugehörige Metadatendokument nicht abgerufen</translation>
    </message>
    <message>
        <source>the client&apos;s metadata document could not be fetched: %1</source>
        <translation>das Metadatendokument des Clients konnte nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>the client&apos;s metadata document at %1 cannot be used: %2</source>
        <translation>das Metadatendokument des Clients unter %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>es ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>its client_id must be the document&apos;s own URL</source>
        <translation>seine client_id muss die URL des Dokuments selbst sein</translation>
    </message>
    <message>
        <source>a metadata document must not carry a client secret</source>
        <translation>ein Metadatendokument darf kein Client-Secret enthalten</translation>
    </message>
    <message>
        <source>token_endpoint_auth_method %1 is not supported for metadata documents; use none</source>
        <translation>token_endpoint_auth_method %1 wird für Metadatendokumente nicht unterstützt; verwenden Sie none</translation>
    </message>
    <message>
        <source>it needs between 1 and %1 redirect_uris</source>
        <translation>es braucht zwischen 1 und %1 redirect_uris</translation>
    </message>
    <message>
        <source>the registration request must be a JSON object of client metadata (RFC 7591 section 2)</source>
        <translation>die Registrierungsanfrage muss ein JSON-Objekt mit Client-Metadaten sein (RFC 7591 Abschnitt 2)</translation>
    </message>
    <message>
        <source>redirect_uris must be an array of strings</source>
        <translation>redirect_uris muss ein Array von Zeichenketten sein</translation>
    </message>
    <message>
        <source>at most %1 redirect_uris can be registered</source>
        <translation>es können höchstens %1 redirect_uris registriert werden</translation>
    </message>
    <message>
        <source>grant_types must be an array of strings</source>
        <translation>grant_types muss ein Array von Zeichenketten sein</translation>
    </message>
    <message>
        <source>the grant type %1 cannot be registered: use authorization_code and refresh_token (client_credentials clients are issued by the gateway&apos;s owner)</source>
        <translation>der Grant-Typ %1 kann nicht registriert werden: Verwenden Sie authorization_code und refresh_token (client_credentials-Clients stellt der Betreiber des Gateways aus)</translation>
    </message>
    <message>
        <source>redirect_uris is required for the authorization_code grant</source>
        <translation>redirect_uris ist für den Grant-Typ authorization_code erforderlich</translation>
    </message>
    <message>
        <source>response_types may only hold &quot;code&quot;</source>
        <translation>response_types darf nur &quot;code&quot; enthalten</translation>
    </message>
    <message>
        <source>token_endpoint_auth_method %1 is not supported; use none, client_secret_basic or client_secret_post</source>
        <translation>token_endpoint_auth_method %1 wird nicht unterstützt; verwenden Sie none, client_secret_basic oder client_secret_post</translation>
    </message>
    <message>
        <source>client_name must be a string</source>
        <translation>client_name muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>client_uri must be an https URL</source>
        <translation>client_uri muss eine https-URL sein</translation>
    </message>
</context>
<context>
    <name>ClientRepository</name>
    <message>
        <source>Reading OAuth clients</source>
        <translation>Lesen der OAuth-Clients</translation>
    </message>
    <message>
        <source>There is no OAuth client with client_id &apos;%1&apos;.</source>
        <translation>Es gibt keinen OAuth-Client mit der client_id &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>An OAuth client needs a client_id.</source>
        <translation>Ein OAuth-Client braucht eine client_id.</translation>
    </message>
    <message>
        <source>OAuth client &apos;%1&apos;: kind &apos;%2&apos; is not one of %3.</source>
        <translation>OAuth-Client &apos;%1&apos;: Die Art &apos;%2&apos; ist ungültig, erlaubt sind %3.</translation>
    </message>
    <message>
        <source>Saving OAuth client &apos;%1&apos;</source>
        <translation>Speichern des OAuth-Clients &apos;%1&apos;</translation>
    </message>
    <message>
        <source>An OAuth client with client_id &apos;%1&apos; already exists; issue a new client_id.</source>
        <translation>Ein OAuth-Client mit der client_id &apos;%1&apos; existiert bereits; vergeben Sie eine neue client_id.</translation>
    </message>
    <message>
        <source>OAuth client &apos;%1&apos; is issued to user &apos;%2&apos;, who does not exist; add the user first.</source>
        <translation>Der OAuth-Client &apos;%1&apos; ist für den Benutzer &apos;%2&apos; ausgestellt, den es nicht gibt; legen Sie den Benutzer zuerst an.</translation>
    </message>
    <message>
        <source>Revoking OAuth client &apos;%1&apos;</source>
        <translation>Widerrufen des OAuth-Clients &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot revoke OAuth client &apos;%1&apos;: there is no client with that client_id.</source>
        <translation>Der OAuth-Client &apos;%1&apos; kann nicht widerrufen werden: Es gibt keinen Client mit dieser client_id.</translation>
    </message>
    <message>
        <source>Revoking the tokens of OAuth client &apos;%1&apos;</source>
        <translation>Widerrufen der Tokens des OAuth-Clients &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Removing OAuth client &apos;%1&apos;</source>
        <translation>Entfernen des OAuth-Clients &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot remove OAuth client &apos;%1&apos;: there is no client with that client_id.</source>
        <translation>Der OAuth-Client &apos;%1&apos; kann nicht entfernt werden: Es gibt keinen Client mit dieser client_id.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Run &apos;gatehouse --help&apos; for the commands.</source>
        <translation>&apos;gatehouse --help&apos; zeigt die verfügbaren Befehle.</translation>
    </message>
    <message>
        <source>Gatehouse %1: an MCP gateway with OAuth 2.1, per-user upstream credentials, permissions, quotas and spend caps.</source>
        <translation>Gatehouse %1: ein MCP-Gateway mit OAuth 2.1, Upstream-Zugangsdaten pro Benutzer, Berechtigungen, Kontingenten und Kostenobergrenzen.</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Aufruf:</translation>
    </message>
    <message>
        <source>  gatehouse                   open the desktop application</source>
        <translation>  gatehouse                   die Desktop-Anwendung öffnen</translation>
    </message>
    <message>
        <source>  gatehouse serve             run the gateway headless (--config FILE, --data DIR, --listen ADDR:PORT)</source>
        <translation>  gatehouse serve             das Gateway ohne Oberfläche ausführen (--config FILE, --data DIR, --listen ADDR:PORT)</translation>
    </message>
    <message>
        <source>  gatehouse config check FILE validate a configuration file</source>
        <translation>  gatehouse config check FILE eine Konfigurationsdatei prüfen</translation>
    </message>
    <message>
        <source>  gatehouse import FILE       merge a configuration file into the store</source>
        <translation>  gatehouse import FILE       eine Konfigurationsdatei in den Datenspeicher übernehmen</translation>
    </message>
    <message>
        <source>  gatehouse export --out DIR  write the store as a configuration bundle</source>
        <translation>  gatehouse export --out DIR  den Datenspeicher als Konfigurationspaket schreiben</translation>
    </message>
    <message>
        <source>  gatehouse user add|passwd|list|hash-password   manage users who sign in</source>
        <translation>  gatehouse user add|passwd|list|hash-password   Benutzer verwalten, die sich anmelden</translation>
    </message>
    <message>
        <source>  gatehouse version           print the version</source>
        <translation>  gatehouse version           die Version ausgeben</translation>
    </message>
    <message>
        <source>Every command takes --help. Commands that use the store find it through --config FILE (its gateway.data_dir) or --data DIR; the default is %1.</source>
        <translation>Jeder Befehl kennt --help. Befehle, die den Datenspeicher nutzen, finden ihn über --config FILE (dessen gateway.data_dir) oder --data DIR; Standard ist %1.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>Find the store through this configuration file&apos;s gateway.data_dir.</source>
        <translation>Den Datenspeicher über gateway.data_dir dieser Konfigurationsdatei finden.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>The data directory that holds the store.</source>
        <translation>Das Datenverzeichnis, das den Datenspeicher enthält.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>The subcommand: check.</source>
        <translation>Der Unterbefehl: check.</translation>
    </message>
    <message>
        <source>The configuration file (YAML or JSON).</source>
        <translation>Die Konfigurationsdatei (YAML oder JSON).</translation>
    </message>
    <message>
        <source>Validates a configuration file and its OpenAPI specs without changing anything. Prints every error and warning with its line.</source>
        <translation>Prüft eine Konfigurationsdatei und ihre OpenAPI-Spezifikationen, ohne etwas zu ändern. Gibt jeden Fehler und jede Warnung mit der Zeilennummer aus.</translation>
    </message>
    <message>
        <source>expected &apos;config check FILE&apos;</source>
        <translation>erwartet: &apos;config check FILE&apos;</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n error(s); nothing was changed.</source>
        <translation>
            <numerusform>%1: %n Fehler; es wurde nichts geändert.</numerusform>
            <numerusform>%1: %n Fehler; es wurde nichts geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: valid (%n warning(s)).</source>
        <translation>
            <numerusform>%1: gültig (%n Warnung).</numerusform>
            <numerusform>%1: gültig (%n Warnungen).</numerusform>
        </translation>
    </message>
    <message>
        <source>The configuration file to import.</source>
        <translation>Die zu importierende Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Merges a configuration file into the store: its servers, tool overrides, credentials&apos; metadata, roles, plans, users and clients are added or updated by name; nothing else is removed. A file with any error changes nothing.</source>
        <translation>Übernimmt eine Konfigurationsdatei in den Datenspeicher: Ihre Server, Tool-Überschreibungen, die Metadaten ihrer Zugangsdaten, Rollen, Tarife, Benutzer und Clients werden anhand des Namens hinzugefügt oder aktualisiert; entfernt wird nichts. Eine Datei mit auch nur einem Fehler ändert nichts.</translation>
    </message>
    <message>
        <source>expected one configuration file</source>
        <translation>genau eine Konfigurationsdatei erwartet</translation>
    </message>
    <message>
        <source>Imported %1 into %2: %3.</source>
        <translation>%1 in %2 importiert: %3.</translation>
    </message>
    <message>
        <source>The folder to write the bundle to.</source>
        <translation>Der Ordner, in den das Paket geschrieben wird.</translation>
    </message>
    <message>
        <source>--out DIR is required</source>
        <translation>--out DIR ist erforderlich</translation>
    </message>
    <message>
        <source>Wrote %1. Run it with: gatehouse serve --config %1</source>
        <translation>%1 geschrieben. Starten mit: gatehouse serve --config %1</translation>
    </message>
    <message>
        <source>Usage: gatehouse user add|passwd|list|hash-password [--help]</source>
        <translation>Aufruf: gatehouse user add|passwd|list|hash-password [--help]</translation>
    </message>
    <message>
        <source>  add NAME [--role ROLE]... [--plan PLAN]   create a user; the password is read from standard input</source>
        <translation>  add NAME [--role ROLE]... [--plan PLAN]   einen Benutzer anlegen; das Passwort wird von der Standardeingabe gelesen</translation>
    </message>
    <message>
        <source>  passwd NAME                               set a user&apos;s password</source>
        <translation>  passwd NAME                               das Passwort eines Benutzers setzen</translation>
    </message>
    <message>
        <source>  list                                      list users</source>
        <translation>  list                                      Benutzer auflisten</translation>
    </message>
    <message>
        <source>  hash-password                             print the hash a config file&apos;s password_hash takes</source>
        <translation>  hash-password                             den Hash für password_hash in einer Konfigurationsdatei ausgeben</translation>
    </message>
    <message>
        <source>unknown user command &apos;%1&apos;</source>
        <translation>unbekannter user-Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A role for the user (repeatable).</source>
        <translation>Eine Rolle für den Benutzer (mehrfach angebbar).</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLE</translation>
    </message>
    <message>
        <source>The user&apos;s plan.</source>
        <translation>Der Tarif des Benutzers.</translation>
    </message>
    <message>
        <source>PLAN</source>
        <translation>PLAN</translation>
    </message>
    <message>
        <source>The user&apos;s name.</source>
        <translation>Der Name des Benutzers.</translation>
    </message>
    <message>
        <source>Creates a user who signs in at the gateway. The password is read from standard input when it is not a terminal, else asked twice.</source>
        <translation>Legt einen Benutzer an, der sich am Gateway anmeldet. Das Passwort wird von der Standardeingabe gelesen, wenn diese kein Terminal ist, sonst zweimal abgefragt.</translation>
    </message>
    <message>
        <source>expected the user&apos;s name</source>
        <translation>Name des Benutzers erwartet</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Passwort für %1: </translation>
    </message>
    <message>
        <source>Added user %1.</source>
        <translation>Benutzer %1 angelegt.</translation>
    </message>
    <message>
        <source>Sets a user&apos;s password, read from standard input when it is not a terminal, else asked twice.</source>
        <translation>Setzt das Passwort eines Benutzers; es wird von der Standardeingabe gelesen, wenn diese kein Terminal ist, sonst zweimal abgefragt.</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>Neues Passwort für %1: </translation>
    </message>
    <message>
        <source>Changed the password of %1.</source>
        <translation>Passwort von %1 geändert.</translation>
    </message>
    <message>
        <source>Lists the users with their roles, plan and state.</source>
        <translation>Listet die Benutzer mit ihren Rollen, ihrem Tarif und ihrem Status auf.</translation>
    </message>
    <message>
        <source>No users yet. Add one with: gatehouse user add NAME</source>
        <translation>Noch keine Benutzer. Legen Sie einen an mit: gatehouse user add NAME</translation>
    </message>
    <message>
        <source>roles: %1</source>
        <translation>Rollen: %1</translation>
    </message>
    <message>
        <source>plan: %1</source>
        <translation>Tarif: %1</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>from config</source>
        <translation>aus Konfiguration</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>Prints the scrypt hash of a password for a config file&apos;s password_hash. The password is read from standard input when it is not a terminal, else asked twice.</source>
        <translation>Gibt den scrypt-Hash eines Passworts für password_hash in einer Konfigurationsdatei aus. Das Passwort wird von der Standardeingabe gelesen, wenn diese kein Terminal ist, sonst zweimal abgefragt.</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Passwort: </translation>
    </message>
    <message>
        <source>The address and port to listen on (default 127.0.0.1:8787).</source>
        <translation>Adresse und Port, auf denen gelauscht wird (Standard: 127.0.0.1:8787).</translation>
    </message>
    <message>
        <source>ADDR:PORT</source>
        <translation>ADDR:PORT</translation>
    </message>
    <message>
        <source>Runs the gateway without a window. With --config, the file is applied to the store at start and again on SIGHUP; an invalid file leaves the running configuration untouched. Stops cleanly on SIGTERM and SIGINT.</source>
        <translation>Führt das Gateway ohne Fenster aus. Mit --config wird die Datei beim Start und erneut bei SIGHUP auf den Datenspeicher angewendet; eine ungültige Datei lässt die laufende Konfiguration unverändert. Beendet sich bei SIGTERM und SIGINT sauber.</translation>
    </message>
    <message>
        <source>  gatehouse openapi inspect SPEC   list the tools a spec generates, with token estimates</source>
        <translation>  gatehouse openapi inspect SPEC   die aus einer Spezifikation erzeugten Tools mit geschätzten Tokens auflisten</translation>
    </message>
    <message>
        <source>Usage: gatehouse openapi inspect SPEC [--help]</source>
        <translation>Aufruf: gatehouse openapi inspect SPEC [--help]</translation>
    </message>
    <message>
        <source>  inspect SPEC   list the tools a spec generates, what was left out and why, and the estimated tokens</source>
        <translation>  inspect SPEC   die aus einer Spezifikation erzeugten Tools auflisten, dazu, was ausgelassen wurde und warum, sowie die geschätzten Tokens</translation>
    </message>
    <message>
        <source>unknown openapi command &apos;%1&apos;</source>
        <translation>unbekannter openapi-Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Take the tool settings (include, exclude, overrides, heuristics) from a server of this configuration file.</source>
        <translation>Die Tool-Einstellungen (include, exclude, overrides, heuristics) von einem Server dieser Konfigurationsdatei übernehmen.</translation>
    </message>
    <message>
        <source>The server of --config whose settings apply; without SPEC, its spec is inspected.</source>
        <translation>Der Server aus --config, dessen Einstellungen gelten; ohne SPEC wird seine Spezifikation untersucht.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The upstream&apos;s base URL, replacing the spec&apos;s servers.</source>
        <translation>Die Basis-URL des Upstreams; sie ersetzt die servers der Spezifikation.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The discovery mode whose session start is estimated: flat, hierarchical or search.</source>
        <translation>Der Discovery-Modus, für den der Sitzungsstart geschätzt wird: flat, hierarchical oder search.</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>JSON statt einer Tabelle ausgeben.</translation>
    </message>
    <message>
        <source>Loads an OpenAPI document and prints the MCP tools the gateway generates from it: name, action, resource and estimated tokens, then the totals, the operations left out and why, and warnings. Exit codes: 0 ok, 1 the spec cannot be loaded, 2 usage.</source>
        <translation>Lädt ein OpenAPI-Dokument und gibt die MCP-Tools aus, die das Gateway daraus erzeugt: Name, Aktion, Ressource und geschätzte Tokens, danach die Summen, die ausgelassenen Operationen mit Begründung sowie Warnungen. Exit-Codes: 0 OK, 1 die Spezifikation kann nicht geladen werden, 2 falscher Aufruf.</translation>
    </message>
    <message>
        <source>expected one spec file</source>
        <translation>genau eine Spezifikationsdatei erwartet</translation>
    </message>
    <message>
        <source>  gatehouse token mint|list|revoke   bearer tokens for MCP clients</source>
        <translation>  gatehouse token mint|list|revoke   Bearer-Tokens für MCP-Clients</translation>
    </message>
    <message>
        <source>The OpenAPI document, a file or an http(s) URL (JSON or YAML; 2.0, 3.0 or 3.1).</source>
        <translation>Das OpenAPI-Dokument, eine Datei oder eine http(s)-URL (JSON oder YAML; 2.0, 3.0 oder 3.1).</translation>
    </message>
    <message>
        <source>  gatehouse client issue|list|revoke   OAuth clients the owner issues to users</source>
        <translation>  gatehouse client issue|list|revoke   OAuth-Clients, die der Betreiber an Benutzer ausstellt</translation>
    </message>
    <message>
        <source>  gatehouse credential import|list|rotate|delete|rotate-master-key|...   upstream secrets, kept encrypted under the master key</source>
        <translation>  gatehouse credential import|list|rotate|delete|rotate-master-key|...   Upstream-Geheimnisse, verschlüsselt unter dem Hauptschlüssel gespeichert</translation>
    </message>
    <message>
        <source>  gatehouse check --user NAME --tool SERVER.TOOL   may the user call the tool, and which rule decides</source>
        <translation>  gatehouse check --user NAME --tool SERVER.TOOL   prüfen, ob der Benutzer das Tool aufrufen darf und welche Regel entscheidet</translation>
    </message>
    <message>
        <source>  gatehouse audit tail [-n N] [--follow] [--json]   the newest tool calls of the audit log (filters: --user, --client, --server, --tool, --decision, --since)</source>
        <translation>  gatehouse audit tail [-n N] [--follow] [--json]   die neuesten Tool-Aufrufe des Prüfprotokolls (Filter: --user, --client, --server, --tool, --decision, --since)</translation>
    </message>
    <message>
        <source>Also carry the owner-wide secrets imported into the vault, sealed to a new deployment key that is written beside the bundle as DIR.deployment-key (mode 0600), never inside it. Install that key as the server&apos;s master key. Per-user secrets are not exported.</source>
        <translation>Auch die in den Tresor importierten betreiberweiten Geheimnisse mitnehmen, versiegelt für einen neuen Deployment-Schlüssel, der neben das Paket als DIR.deployment-key (Modus 0600) geschrieben wird, niemals hinein. Installieren Sie diesen Schlüssel als Hauptschlüssel des Servers. Benutzerbezogene Geheimnisse werden nicht exportiert.</translation>
    </message>
    <message>
        <source>With --seal-secrets: replace an existing DIR.deployment-key.</source>
        <translation>Mit --seal-secrets: einen vorhandenen DIR.deployment-key ersetzen.</translation>
    </message>
    <message>
        <source>Writes the store as a bundle for `gatehouse serve --config`: gatehouse.yaml, the local OpenAPI specs it names under specs/, and a README. Secrets are never written into the bundle in clear; with --seal-secrets the owner-wide ones are written sealed.</source>
        <translation>Schreibt den Datenspeicher als Paket für `gatehouse serve --config`: gatehouse.yaml, die darin genannten lokalen OpenAPI-Spezifikationen unter specs/ und eine README. Geheimnisse werden nie im Klartext in das Paket geschrieben; mit --seal-secrets werden die betreiberweiten versiegelt geschrieben.</translation>
    </message>
    <message>
        <source>--force only goes with --seal-secrets</source>
        <translation>--force ist nur zusammen mit --seal-secrets möglich</translation>
    </message>
    <message>
        <source>--out cannot be the root folder: the deployment key is written beside the bundle, never inside it</source>
        <translation>--out darf nicht der Wurzelordner sein: Der Deployment-Schlüssel wird neben das Paket geschrieben, niemals hinein</translation>
    </message>
    <message>
        <source>Nothing was sealed: no owner-wide secret is imported into the vault, so no deployment key was written.</source>
        <translation>Nichts wurde versiegelt: Im Tresor ist kein betreiberweites Geheimnis importiert, daher wurde kein Deployment-Schlüssel geschrieben.</translation>
    </message>
    <message>
        <source>Sealed the owner-wide secrets of %1 to the deployment key %2, beside the bundle and not in it. Install it as the server&apos;s master key (the bundle&apos;s README.md says how) and keep it apart from copies of the bundle.</source>
        <translation>Die betreiberweiten Geheimnisse von %1 wurden für den Deployment-Schlüssel %2 versiegelt, der neben dem Paket liegt, nicht darin. Installieren Sie ihn als Hauptschlüssel des Servers (die README.md des Pakets beschreibt, wie) und bewahren Sie ihn getrennt von Kopien des Pakets auf.</translation>
    </message>
    <message>
        <source>Per-user secrets are not exported: each user of %1 imports their own on the server with `gatehouse credential import NAME --user USER --from-stdin`.</source>
        <translation>Benutzerbezogene Geheimnisse werden nicht exportiert: Jeder Benutzer von %1 importiert seine eigenen auf dem Server mit `gatehouse credential import NAME --user USER --from-stdin`.</translation>
    </message>
    <message>
        <source>Not sealed, no secret imported: %1 (import it on the server).</source>
        <translation>Nicht versiegelt, kein Geheimnis importiert: %1 (importieren Sie es auf dem Server).</translation>
    </message>
    <message>
        <source>Not sealed: %1 (an upstream rotates a refresh token, which only the server&apos;s vault can store back; import it on the server).</source>
        <translation>Nicht versiegelt: %1 (ein Upstream rotiert das Refresh-Token, und nur der Tresor des Servers kann das neue zurückspeichern; importieren Sie es auf dem Server).</translation>
    </message>
</context>
<context>
    <name>ConfigLoader</name>
    <message>
        <source>expected a mapping of %1 at the top level, got %2</source>
        <translation>auf oberster Ebene eine Zuordnung mit %1 erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>eine Zuordnung</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>%1 erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>expected a key, got %1</source>
        <translation>einen Schlüssel erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>duplicate key &quot;%1&quot; (first on line %2)</source>
        <translation>doppelter Schlüssel &quot;%1&quot; (zuerst in Zeile %2)</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; is ignored</source>
        <translation>unbekannter Schlüssel &quot;%1&quot; wird ignoriert</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; is ignored (did you mean &quot;%2&quot;?)</source>
        <translation>unbekannter Schlüssel &quot;%1&quot; wird ignoriert (meinten Sie &quot;%2&quot;?)</translation>
    </message>
    <message>
        <source>required key &quot;%1&quot; is missing or empty</source>
        <translation>erforderlicher Schlüssel &quot;%1&quot; fehlt oder ist leer</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a non-empty string</source>
        <translation>eine nicht leere Zeichenkette</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a number of 0 or more</source>
        <translation>eine Zahl größer oder gleich 0</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a whole number of 0 or more</source>
        <translation>eine ganze Zahl größer oder gleich 0</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>einen der Werte %1</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>eine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>a list of actions (%1)</source>
        <translation>eine Liste von Aktionen (%1)</translation>
    </message>
    <message>
        <source>an http:// or https:// URL</source>
        <translation>eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>host:port with a port from 1 to 65535</source>
        <translation>host:port mit einem Port von 1 bis 65535</translation>
    </message>
    <message>
        <source>a host name such as gatehouse.lan</source>
        <translation>einen Hostnamen wie gatehouse.lan</translation>
    </message>
    <message>
        <source>an IP address or a CIDR range such as 10.0.0.0/8</source>
        <translation>eine IP-Adresse oder einen CIDR-Bereich wie 10.0.0.0/8</translation>
    </message>
    <message>
        <source>a sqlite: or postgresql:// URL</source>
        <translation>eine sqlite:- oder postgresql://-URL</translation>
    </message>
    <message>
        <source>a name of letters, digits, &apos;-&apos; and &apos;_&apos; (it becomes the endpoint /mcp/NAME)</source>
        <translation>einen Namen aus Buchstaben, Ziffern, &apos;-&apos; und &apos;_&apos; (er wird zum Endpunkt /mcp/NAME)</translation>
    </message>
    <message>
        <source>a server needs either &quot;openapi&quot; (a spec file or URL) or &quot;mcp&quot; (an upstream MCP server URL)</source>
        <translation>ein Server braucht entweder &quot;openapi&quot; (Datei oder URL einer Spezifikation) oder &quot;mcp&quot; (URL eines Upstream-MCP-Servers)</translation>
    </message>
    <message>
        <source>a server has either &quot;openapi&quot; or &quot;mcp&quot;, not both</source>
        <translation>ein Server hat entweder &quot;openapi&quot; oder &quot;mcp&quot;, nicht beides</translation>
    </message>
    <message>
        <source>base_url only applies to OpenAPI servers; it is ignored with &quot;mcp&quot;</source>
        <translation>base_url gilt nur für OpenAPI-Server; mit &quot;mcp&quot; wird es ignoriert</translation>
    </message>
    <message>
        <source>a tool name of 1 to 64 letters, digits, &apos;_&apos; or &apos;-&apos;</source>
        <translation>einen Tool-Namen aus 1 bis 64 Buchstaben, Ziffern, &apos;_&apos; oder &apos;-&apos;</translation>
    </message>
    <message>
        <source>an api_key credential needs &quot;param&quot;: the header, query or cookie parameter that carries the key</source>
        <translation>Zugangsdaten vom Typ api_key brauchen &quot;param&quot;: den Header-, Query- oder Cookie-Parameter, der den Schlüssel überträgt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is only used by api_key credentials; it is ignored for %2</source>
        <translation>&quot;%1&quot; wird nur von Zugangsdaten vom Typ api_key verwendet; bei %2 wird es ignoriert</translation>
    </message>
    <message>
        <source>an %1 credential needs &quot;%2&quot;</source>
        <translation>Zugangsdaten vom Typ %1 brauchen &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is only used by oauth2 credentials; it is ignored for %2</source>
        <translation>&quot;%1&quot; wird nur von OAuth2-Zugangsdaten verwendet; bei %2 wird es ignoriert</translation>
    </message>
    <message>
        <source>an environment variable name</source>
        <translation>den Namen einer Umgebungsvariablen</translation>
    </message>
    <message>
        <source>expected base64 (what `gatehouse credential seal` prints)</source>
        <translation>Base64 erwartet (die Ausgabe von `gatehouse credential seal`)</translation>
    </message>
    <message>
        <source>expected exactly one of %1</source>
        <translation>genau einen von %1 erwartet</translation>
    </message>
    <message>
        <source>expected exactly one of %1, got %2</source>
        <translation>genau einen von %1 erwartet, gefunden: %2</translation>
    </message>
    <message>
        <source>expected a target &quot;server/resource&quot; or &quot;server.tool&quot;, got &quot;%1&quot;</source>
        <translation>ein Ziel der Form &quot;server/resource&quot; oder &quot;server.tool&quot; erwartet, &quot;%1&quot; gefunden</translation>
    </message>
    <message>
        <source>allow, deny or a list of actions (%1)</source>
        <translation>allow, deny oder eine Liste von Aktionen (%1)</translation>
    </message>
    <message>
        <source>expected an scrypt hash (&quot;scrypt$...&quot;), never a plain password; run `gatehouse user hash-password` and paste what it prints</source>
        <translation>einen scrypt-Hash (&quot;scrypt$...&quot;) erwartet, niemals ein Klartext-Passwort; führen Sie `gatehouse user hash-password` aus und fügen Sie die Ausgabe ein</translation>
    </message>
    <message>
        <source>a grant without &quot;allow&quot; or &quot;deny&quot; has no effect</source>
        <translation>ein Eintrag in grants ohne &quot;allow&quot; oder &quot;deny&quot; hat keine Wirkung</translation>
    </message>
    <message>
        <source>expected a hash (&quot;sha256$...&quot;), never the client secret itself</source>
        <translation>einen Hash (&quot;sha256$...&quot;) erwartet, niemals das Client-Secret selbst</translation>
    </message>
    <message>
        <source>plain HTTP is refused on the non-loopback address %1: set gateway.tls {cert, key}, or set gateway.behind_proxy: true with an https public_url when a TLS-terminating proxy is in front, or listen on 127.0.0.1</source>
        <translation>unverschlüsseltes HTTP wird auf der Nicht-Loopback-Adresse %1 abgelehnt: Setzen Sie gateway.tls {cert, key}, setzen Sie gateway.behind_proxy: true mit einer https-Adresse als public_url, wenn ein TLS-terminierender Proxy vorgeschaltet ist, oder lauschen Sie auf 127.0.0.1</translation>
    </message>
    <message>
        <source>behind_proxy requires an https public_url (the address clients reach through the proxy), got &quot;%1&quot;</source>
        <translation>behind_proxy erfordert eine https-Adresse als public_url (die Adresse, die Clients über den Proxy erreichen), gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>behind_proxy requires an https public_url (the address clients reach through the proxy); set gateway.public_url</source>
        <translation>behind_proxy erfordert eine https-Adresse als public_url (die Adresse, die Clients über den Proxy erreichen); setzen Sie gateway.public_url</translation>
    </message>
    <message>
        <source>public_url must use https unless its host is a loopback address: OAuth 2.1 and MCP clients refuse plain HTTP elsewhere</source>
        <translation>public_url muss https verwenden, sofern ihr Host keine Loopback-Adresse ist: OAuth-2.1- und MCP-Clients lehnen unverschlüsseltes HTTP sonst ab</translation>
    </message>
    <message>
        <source>tls is set but public_url is http; clients will be sent to plain HTTP</source>
        <translation>tls ist gesetzt, aber public_url verwendet http; Clients werden auf unverschlüsseltes HTTP geleitet</translation>
    </message>
    <message>
        <source>auth mode none is only allowed with a loopback listen address, and gateway.listen is %1</source>
        <translation>der auth-Modus none ist nur mit einer Loopback-Adresse als Listen-Adresse erlaubt, gateway.listen ist aber %1</translation>
    </message>
    <message>
        <source>trusted_proxies has no effect unless behind_proxy is true</source>
        <translation>trusted_proxies wirkt nur, wenn behind_proxy true ist</translation>
    </message>
    <message>
        <source>duplicate %1 &quot;%2&quot; (first defined on line %3)</source>
        <translation>%1 &quot;%2&quot; kommt doppelt vor (zuerst definiert in Zeile %3)</translation>
    </message>
    <message>
        <source>server name</source>
        <translation>Servername</translation>
    </message>
    <message>
        <source>credential name</source>
        <translation>Name der Zugangsdaten</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>client_id</source>
        <translation>client_id</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not defined in %3</source>
        <translation>%1 &quot;%2&quot;: in %3 nicht definiert</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not defined in %3 (did you mean &quot;%4&quot;?)</source>
        <translation>%1 &quot;%2&quot;: in %3 nicht definiert (meinten Sie &quot;%4&quot;?)</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>credential</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>the spec is a URL and is not fetched while loading the configuration, so override keys and tool names for this server are not checked</source>
        <translation>die Spezifikation ist eine URL und wird beim Laden der Konfiguration nicht abgerufen; Schlüssel der Überschreibungen und Tool-Namen dieses Servers werden daher nicht geprüft</translation>
    </message>
    <message>
        <source>%1 has no operation &quot;%2&quot;; this override has no effect</source>
        <translation>%1 hat keine Operation &quot;%2&quot;; diese Überschreibung hat keine Wirkung</translation>
    </message>
    <message>
        <source>%1 has no operation &quot;%2&quot; (did you mean &quot;%3&quot;?); this override has no effect</source>
        <translation>%1 hat keine Operation &quot;%2&quot; (meinten Sie &quot;%3&quot;?); diese Überschreibung hat keine Wirkung</translation>
    </message>
    <message>
        <source>operation &quot;%1&quot; is excluded by tools.exclude &quot;%2&quot;; this override has no effect</source>
        <translation>die Operation &quot;%1&quot; ist durch tools.exclude &quot;%2&quot; ausgeschlossen; diese Überschreibung hat keine Wirkung</translation>
    </message>
    <message>
        <source>tool name &quot;%1&quot; is already the name of operation %2</source>
        <translation>der Tool-Name &quot;%1&quot; ist bereits der Name der Operation %2</translation>
    </message>
    <message>
        <source>operations %1 and %2 both get the tool name &quot;%3&quot;; give one a name in tools.overrides</source>
        <translation>die Operationen %1 und %2 erhalten beide den Tool-Namen &quot;%3&quot;; geben Sie einer davon in tools.overrides einen anderen Namen</translation>
    </message>
    <message>
        <source>server &quot;%1&quot; has no resource &quot;%2&quot; (its resources: %3); this rule has no effect</source>
        <translation>der Server &quot;%1&quot; hat keine Ressource &quot;%2&quot; (seine Ressourcen: %3); diese Regel hat keine Wirkung</translation>
    </message>
    <message>
        <source>tool &quot;%1&quot; is excluded by tools.exclude &quot;%2&quot;; this rule has no effect</source>
        <translation>das Tool &quot;%1&quot; ist durch tools.exclude &quot;%2&quot; ausgeschlossen; diese Regel hat keine Wirkung</translation>
    </message>
    <message>
        <source>server &quot;%1&quot; has no tool &quot;%2&quot;; this rule has no effect</source>
        <translation>der Server &quot;%1&quot; hat kein Tool &quot;%2&quot;; diese Regel hat keine Wirkung</translation>
    </message>
    <message>
        <source>server &quot;%1&quot; has no tool &quot;%2&quot; (did you mean &quot;%3&quot;?); this rule has no effect</source>
        <translation>der Server &quot;%1&quot; hat kein Tool &quot;%2&quot; (meinten Sie &quot;%3&quot;?); diese Regel hat keine Wirkung</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot parse the JSON: %1</source>
        <translation>das JSON kann nicht geparst werden: %1</translation>
    </message>
    <message>
        <source>cannot parse the YAML: %1</source>
        <translation>das YAML kann nicht geparst werden: %1</translation>
    </message>
    <message>
        <source>cannot read the configuration: %1</source>
        <translation>die Konfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>a value JSON can carry (a finite number)</source>
        <translation>einen Wert, den JSON darstellen kann (eine endliche Zahl)</translation>
    </message>
    <message>
        <source>a value (a string, number, true or false, a list or a mapping)</source>
        <translation>einen Wert (eine Zeichenkette, eine Zahl, true oder false, eine Liste oder eine Zuordnung)</translation>
    </message>
    <message>
        <source>an empty include list has no effect: every operation that exclude does not remove becomes a tool</source>
        <translation>eine leere include-Liste hat keine Wirkung: Jede Operation, die exclude nicht entfernt, wird zu einem Tool</translation>
    </message>
    <message>
        <source>a whole number from 0 to %1</source>
        <translation>eine ganze Zahl von 0 bis %1</translation>
    </message>
    <message>
        <source>parameter &quot;%1&quot; is in both fixed_params and hide_params: a fixed parameter is hidden already, so remove it from hide_params</source>
        <translation>der Parameter &quot;%1&quot; steht sowohl in fixed_params als auch in hide_params: Ein fester Parameter ist bereits verborgen, entfernen Sie ihn also aus hide_params</translation>
    </message>
    <message>
        <source>parameter &quot;%1&quot; is in both fixed_params and param_defaults: a parameter is either fixed (hidden, always sent) or visible with a default, so remove it from one of them</source>
        <translation>der Parameter &quot;%1&quot; steht sowohl in fixed_params als auch in param_defaults: Ein Parameter ist entweder fest (verborgen, immer gesendet) oder sichtbar mit einem Standardwert, entfernen Sie ihn also aus einer der beiden Listen</translation>
    </message>
    <message>
        <source>parameter &quot;%1&quot; is in both hide_params and param_defaults: clients never see a hidden parameter&apos;s default, so use fixed_params to always send a value, or remove it from hide_params</source>
        <translation>der Parameter &quot;%1&quot; steht sowohl in hide_params als auch in param_defaults: Clients sehen den Standardwert eines verborgenen Parameters nie; verwenden Sie fixed_params, um immer einen Wert zu senden, oder entfernen Sie ihn aus hide_params</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches no operation of %2; it includes nothing</source>
        <translation>&quot;%1&quot; passt auf keine Operation von %2; es schließt nichts ein</translation>
    </message>
    <message>
        <source>operation &quot;%1&quot; matches no pattern of tools.include; this override has no effect</source>
        <translation>die Operation &quot;%1&quot; passt auf kein Muster von tools.include; diese Überschreibung hat keine Wirkung</translation>
    </message>
    <message>
        <source>tool &quot;%1&quot; matches no pattern of tools.include; this rule has no effect</source>
        <translation>das Tool &quot;%1&quot; passt auf kein Muster von tools.include; diese Regel hat keine Wirkung</translation>
    </message>
    <message>
        <source>tool &quot;%1&quot; is disabled by its override (enabled: false); this rule has no effect</source>
        <translation>das Tool &quot;%1&quot; ist durch seine Überschreibung deaktiviert (enabled: false); diese Regel hat keine Wirkung</translation>
    </message>
    <message>
        <source>64 lowercase hexadecimal characters (sha256sum&apos;s output)</source>
        <translation>64 hexadezimale Zeichen in Kleinbuchstaben (die Ausgabe von sha256sum)</translation>
    </message>
    <message>
        <source>an origin on a loopback address, such as http://127.0.0.1:4000</source>
        <translation>einen Origin auf einer Loopback-Adresse, etwa http://127.0.0.1:4000</translation>
    </message>
    <message>
        <source>client metadata documents are fetched from these origins without https and address checks: use this only in tests</source>
        <translation>Client-Metadatendokumente werden von diesen Origins ohne https- und Adressprüfung abgerufen: Verwenden Sie das nur in Tests</translation>
    </message>
    <message>
        <source>a duration such as 10m, 1h or 30d</source>
        <translation>eine Dauer wie 10m, 1h oder 30d</translation>
    </message>
    <message>
        <source>a duration of at most 10m (OAuth 2.1 section 4.1.2)</source>
        <translation>eine Dauer von höchstens 10m (OAuth 2.1 Abschnitt 4.1.2)</translation>
    </message>
    <message>
        <source>registration: token needs registration_token_sha256, the SHA-256 (hex) of the initial access token: printf %s TOKEN | sha256sum</source>
        <translation>registration: token erfordert registration_token_sha256, den SHA-256-Hash (hex) des initialen Zugriffstokens: printf %s TOKEN | sha256sum</translation>
    </message>
    <message>
        <source>a systemd credential name (no /)</source>
        <translation>einen Namen für ein systemd-Credential (ohne /)</translation>
    </message>
    <message>
        <source>a duration such as 30d or 365d, or &quot;forever&quot;</source>
        <translation>eine Dauer wie 30d oder 365d, oder &quot;forever&quot;</translation>
    </message>
    <message>
        <source>a duration from 10ms to 10s, such as 100ms</source>
        <translation>eine Dauer von 10ms bis 10s, etwa 100ms</translation>
    </message>
    <message>
        <source>an HTTP header name (letters, digits and !#$%&amp;&apos;*+-.^_`|~, such as X-Gatehouse-User)</source>
        <translation>einen HTTP-Header-Namen (Buchstaben, Ziffern und !#$%&amp;&apos;*+-.^_`|~, etwa X-Gatehouse-User)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot carry the caller&apos;s identity: it carries credentials or cookies, or frames the request; use a header of your own, such as X-Gatehouse-%2</source>
        <translation>&quot;%1&quot; kann die Identität des Aufrufers nicht übermitteln: Dieser Header überträgt Zugangsdaten oder Cookies oder steuert die Übertragung der Anfrage; verwenden Sie einen eigenen Header, etwa X-Gatehouse-%2</translation>
    </message>
    <message>
        <source>identity_headers names neither &quot;user&quot; nor &quot;client&quot;; it has no effect</source>
        <translation>identity_headers nennt weder &quot;user&quot; noch &quot;client&quot;; es hat keine Wirkung</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the user&apos;s header already (header names ignore case); give the client its own header</source>
        <translation>&quot;%1&quot; ist bereits der Header des Benutzers (bei Header-Namen spielt die Groß-/Kleinschreibung keine Rolle); geben Sie dem Client einen eigenen Header</translation>
    </message>
    <message>
        <source>an oauth2_refresh_token credential keeps its refresh token in the vault: the upstream replaces the refresh token when it is used, and the gateway stores the new one back, which it cannot do to %1. Write `secret: {keychain: %2}` and import the token with `gatehouse credential import %2 --from-stdin` (with `--user USER` for a per_user credential)</source>
        <translation>Zugangsdaten vom Typ oauth2_refresh_token bewahren ihr Refresh-Token im Tresor auf: Der Upstream ersetzt das Refresh-Token, wenn es verwendet wird, und das Gateway speichert das neue zurück, was nicht möglich ist, wenn die Quelle %1 ist. Schreiben Sie `secret: {keychain: %2}` und importieren Sie das Token mit `gatehouse credential import %2 --from-stdin` (mit `--user USER` bei Zugangsdaten vom Typ per_user)</translation>
    </message>
    <message>
        <source>an environment variable</source>
        <translation>eine Umgebungsvariable</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>eine Datei</translation>
    </message>
    <message>
        <source>a sealed value in the configuration</source>
        <translation>ein versiegelter Wert in der Konfiguration</translation>
    </message>
    <message>
        <source>credential &quot;%1&quot; is listed twice; list each candidate once, in the order they are tried</source>
        <translation>die Zugangsdaten &quot;%1&quot; sind doppelt aufgeführt; führen Sie jeden Kandidaten nur einmal auf, in der Reihenfolge, in der sie probiert werden</translation>
    </message>
    <message>
        <source>header &quot;%1&quot; is where credential &quot;%2&quot; of this server sends its key; give the identity another header</source>
        <translation>im Header &quot;%1&quot; senden die Zugangsdaten &quot;%2&quot; dieses Servers ihren Schlüssel; geben Sie der Identität einen anderen Header</translation>
    </message>
</context>
<context>
    <name>ConfigWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ConnectSnippet</name>
    <message>
        <source>Claude Desktop</source>
        <translation>Claude Desktop</translation>
    </message>
    <message>
        <source>VS Code</source>
        <translation>VS Code</translation>
    </message>
    <message>
        <source>Cursor</source>
        <translation>Cursor</translation>
    </message>
    <message>
        <source>MCP Inspector</source>
        <translation>MCP Inspector</translation>
    </message>
    <message>
        <source>Merge into claude_desktop_config.json (Settings → Developer → Edit Config) and restart Claude Desktop; it needs Node.js for npx. A gateway reachable over https from the internet can instead be added under Settings → Connectors → Add custom connector with the URL alone.</source>
        <translation>Übernehmen Sie dies in claude_desktop_config.json (Settings → Developer → Edit Config) und starten Sie Claude Desktop neu; für npx wird Node.js benötigt. Ein Gateway, das aus dem Internet über https erreichbar ist, lässt sich stattdessen allein mit der URL unter Settings → Connectors → Add custom connector hinzufügen.</translation>
    </message>
    <message>
        <source>Merge into .vscode/mcp.json in the workspace, or into the user configuration (command MCP: Open User Configuration). VS Code asks to sign in when it first connects.</source>
        <translation>Übernehmen Sie dies in .vscode/mcp.json im Arbeitsbereich oder in die Benutzerkonfiguration (Befehl MCP: Open User Configuration). VS Code fordert beim ersten Verbinden zur Anmeldung auf.</translation>
    </message>
    <message>
        <source>Merge into ~/.cursor/mcp.json (every project) or .cursor/mcp.json (one project). Cursor asks to sign in when it first connects.</source>
        <translation>Übernehmen Sie dies in ~/.cursor/mcp.json (alle Projekte) oder .cursor/mcp.json (ein Projekt). Cursor fordert beim ersten Verbinden zur Anmeldung auf.</translation>
    </message>
    <message>
        <source>NODE_EXTRA_CA_CERTS makes mcp-remote trust the gateway&apos;s certificate, which must stay readable at that path.</source>
        <translation>NODE_EXTRA_CA_CERTS lässt mcp-remote dem Zertifikat des Gateways vertrauen; die Datei muss unter diesem Pfad lesbar bleiben.</translation>
    </message>
    <message>
        <source>If the gateway&apos;s certificate is self-signed, VS Code refuses it until you add %1 to the operating system&apos;s trusted certificates (VS Code reads them with its default setting http.systemCertificates), then restart VS Code.</source>
        <translation>Ist das Zertifikat des Gateways selbstsigniert, lehnt VS Code es ab, bis Sie %1 zu den vertrauenswürdigen Zertifikaten des Betriebssystems hinzufügen (VS Code liest sie mit seiner Standardeinstellung http.systemCertificates); starten Sie VS Code danach neu.</translation>
    </message>
    <message>
        <source>If the gateway&apos;s certificate is self-signed, Cursor refuses it until you add %1 to the operating system&apos;s trusted certificates (Cursor is built on VS Code and reads them), then restart Cursor.</source>
        <translation>Ist das Zertifikat des Gateways selbstsigniert, lehnt Cursor es ab, bis Sie %1 zu den vertrauenswürdigen Zertifikaten des Betriebssystems hinzufügen (Cursor baut auf VS Code auf und liest sie); starten Sie Cursor danach neu.</translation>
    </message>
    <message>
        <source>Run in a terminal (needs Node.js). It prints an address with its session token; open it with the last line above (without the #) added to its end. Connect starts the sign-in in the browser.</source>
        <translation>In einem Terminal ausführen (benötigt Node.js). Es gibt eine Adresse mit seinem Sitzungstoken aus; öffnen Sie sie mit der letzten Zeile oben (ohne das #) am Ende angehängt. Connect startet die Anmeldung im Browser.</translation>
    </message>
    <message>
        <source>If the gateway&apos;s certificate is self-signed, start the Inspector with the environment variable NODE_EXTRA_CA_CERTS set to %1, and add the certificate to the browser&apos;s or the operating system&apos;s trusted certificates.</source>
        <translation>Ist das Zertifikat des Gateways selbstsigniert, starten Sie den Inspector mit der Umgebungsvariablen NODE_EXTRA_CA_CERTS auf %1 gesetzt und fügen Sie das Zertifikat zu den vertrauenswürdigen Zertifikaten des Browsers oder des Betriebssystems hinzu.</translation>
    </message>
</context>
<context>
    <name>ConsentRepository</name>
    <message>
        <source>Remembering the consent of user &apos;%1&apos; for client &apos;%2&apos;</source>
        <translation>Speichern der Zustimmung des Benutzers &apos;%1&apos; für den Client &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Cannot remember the consent: user &apos;%1&apos; or client &apos;%2&apos; does not exist.</source>
        <translation>Die Zustimmung kann nicht gespeichert werden: Der Benutzer &apos;%1&apos; oder der Client &apos;%2&apos; existiert nicht.</translation>
    </message>
    <message>
        <source>Reading remembered consents</source>
        <translation>Lesen gespeicherter Zustimmungen</translation>
    </message>
    <message>
        <source>Forgetting the consents given to client &apos;%1&apos;</source>
        <translation>Verwerfen der dem Client &apos;%1&apos; erteilten Zustimmungen</translation>
    </message>
</context>
<context>
    <name>ContextCostText</name>
    <message>
        <source>≈%1</source>
        <translation>≈%1</translation>
    </message>
    <message>
        <source>1 tool</source>
        <translation>1 Tool</translation>
    </message>
    <message>
        <source>%1 tools</source>
        <translation>%1 Tools</translation>
    </message>
    <message>
        <source>%1 · %2 tokens · hierarchical: %3 tokens · search: %4 tokens</source>
        <translation>%1 · %2 Tokens · hierarchical: %3 Tokens · search: %4 Tokens</translation>
    </message>
    <message>
        <source>What an MCP client reads at session start (its tools/list), in tokens of its context window. Flat lists every tool; hierarchical and search list a few finding tools instead. This server uses %1: %2 tokens. Estimated from the JSON&apos;s size (about 4.4 bytes per token); a model&apos;s own tokenizer may count some percent more or less.</source>
        <translation>Was ein MCP-Client zu Beginn einer Sitzung liest (seine tools/list), in Tokens seines Kontextfensters. Der Modus flat führt jedes Tool auf; hierarchical und search führen stattdessen einige Such-Tools auf. Dieser Server verwendet %1: %2 Tokens. Geschätzt anhand der Größe des JSON (etwa 4,4 Byte pro Token); der Tokenizer eines Modells zählt womöglich einige Prozent mehr oder weniger.</translation>
    </message>
</context>
<context>
    <name>CredentialCommand</name>
    <message>
        <source>Usage: gatehouse credential import|list|rotate|delete|rotate-master-key|recovery-key|restore-master-key [--help]</source>
        <translation>Aufruf: gatehouse credential import|list|rotate|delete|rotate-master-key|recovery-key|restore-master-key [--help]</translation>
    </message>
    <message>
        <source>  import NAME [--user U] (--from-stdin | --from-file F)   keep a secret encrypted in the store</source>
        <translation>  import NAME [--user U] (--from-stdin | --from-file F)   ein Geheimnis verschlüsselt im Datenspeicher ablegen</translation>
    </message>
    <message>
        <source>  list                          credentials, where their secrets come from, who has one (never a secret)</source>
        <translation>  list                          Zugangsdaten, Herkunft ihrer Geheimnisse, wer eines hat (nie ein Geheimnis selbst)</translation>
    </message>
    <message>
        <source>  rotate NAME [--user U] (--from-stdin | --from-file F)   replace a secret</source>
        <translation>  rotate NAME [--user U] (--from-stdin | --from-file F)   ein Geheimnis ersetzen</translation>
    </message>
    <message>
        <source>  delete NAME [--user U]        remove a secret</source>
        <translation>  delete NAME [--user U]        ein Geheimnis entfernen</translation>
    </message>
    <message>
        <source>  rotate-master-key             re-encrypt every secret under a new master key</source>
        <translation>  rotate-master-key             alle Geheimnisse unter einem neuen Hauptschlüssel neu verschlüsseln</translation>
    </message>
    <message>
        <source>  recovery-key                  print the master key&apos;s recovery key</source>
        <translation>  recovery-key                  den Wiederherstellungsschlüssel des Hauptschlüssels ausgeben</translation>
    </message>
    <message>
        <source>  restore-master-key            put the master key back from its recovery key</source>
        <translation>  restore-master-key            den Hauptschlüssel aus seinem Wiederherstellungsschlüssel wiederherstellen</translation>
    </message>
    <message>
        <source>unknown credential command &apos;%1&apos;</source>
        <translation>unbekannter credential-Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>credential %1 is already declared (type %2); --type, --in, --param and --per-user only declare a new one</source>
        <translation>die Zugangsdaten %1 sind bereits deklariert (Typ %2); --type, --in, --param und --per-user deklarieren nur neue</translation>
    </message>
    <message>
        <source>credential %1 is declared in %2; --type, --in, --param and --per-user only declare a new one</source>
        <translation>die Zugangsdaten %1 sind in %2 deklariert; --type, --in, --param und --per-user deklarieren nur neue</translation>
    </message>
    <message>
        <source>there is no credential named %1: declare it in the configuration (and pass --config FILE), or here with --type api_key|bearer|basic [--in header|query|cookie] [--param NAME] [--per-user]</source>
        <translation>es gibt keine Zugangsdaten namens %1: Deklarieren Sie sie in der Konfiguration (und geben Sie --config FILE an) oder hier mit --type api_key|bearer|basic [--in header|query|cookie] [--param NAME] [--per-user]</translation>
    </message>
    <message>
        <source>there is no credential named %1; `gatehouse credential list` shows the credentials</source>
        <translation>es gibt keine Zugangsdaten namens %1; `gatehouse credential list` zeigt die vorhandenen Zugangsdaten</translation>
    </message>
    <message>
        <source>--type %1: expected one of %2</source>
        <translation>--type %1: einer der Werte %2 erwartet</translation>
    </message>
    <message>
        <source>an api_key credential needs --param, the header, query or cookie name the key goes in</source>
        <translation>Zugangsdaten vom Typ api_key brauchen --param, den Namen des Headers, Query-Parameters oder Cookies, in dem der Schlüssel übertragen wird</translation>
    </message>
    <message>
        <source>--in %1: expected header, query or cookie</source>
        <translation>--in %1: header, query oder cookie erwartet</translation>
    </message>
    <message>
        <source>--in and --param are for api_key credentials; a %1 credential goes where its type says</source>
        <translation>--in und --param gelten für Zugangsdaten vom Typ api_key; Zugangsdaten vom Typ %1 werden dort übertragen, wo ihr Typ es vorgibt</translation>
    </message>
    <message>
        <source>Declared credential %1 (%2).</source>
        <translation>Zugangsdaten %1 deklariert (%2).</translation>
    </message>
    <message>
        <source>credential %1 is per user: name the user whose secret this is with --user NAME</source>
        <translation>die Zugangsdaten %1 gelten pro Benutzer: Geben Sie mit --user NAME den Benutzer an, dem dieses Geheimnis gehört</translation>
    </message>
    <message>
        <source>credential %1 is owner-wide (not per_user), so it takes no --user</source>
        <translation>die Zugangsdaten %1 gelten betreiberweit (nicht per_user), daher nehmen sie kein --user an</translation>
    </message>
    <message>
        <source>give the secret with exactly one of --from-stdin and --from-file FILE</source>
        <translation>geben Sie das Geheimnis mit genau einer der Optionen --from-stdin und --from-file FILE an</translation>
    </message>
    <message>
        <source>Secret for %1: </source>
        <translation>Geheimnis für %1: </translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot read standard input: %1</source>
        <translation>die Standardeingabe kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the secret is longer than %1 KiB, which no secret is; check what you gave</source>
        <translation>das Geheimnis ist länger als %1 KiB, was kein Geheimnis je ist; prüfen Sie Ihre Eingabe</translation>
    </message>
    <message>
        <source>%1 is empty; write the secret into it</source>
        <translation>%1 ist leer; schreiben Sie das Geheimnis hinein</translation>
    </message>
    <message>
        <source>no secret on standard input: pipe it in, e.g. `printf &apos;%s&apos; &quot;$SECRET&quot; | gatehouse credential import %1 --from-stdin`</source>
        <translation>kein Geheimnis auf der Standardeingabe: Leiten Sie es per Pipe ein, z. B. `printf &apos;%s&apos; &quot;$SECRET&quot; | gatehouse credential import %1 --from-stdin`</translation>
    </message>
    <message>
        <source>A new master key was created in %1. Its recovery key is shown only now; keep it somewhere safe and offline, since it opens every secret in the store, and enter it with `gatehouse credential restore-master-key` if the key is ever lost:</source>
        <translation>Ein neuer Hauptschlüssel wurde angelegt (Speicherort: %1). Sein Wiederherstellungsschlüssel wird nur jetzt angezeigt; bewahren Sie ihn sicher und offline auf, da er jedes Geheimnis im Datenspeicher öffnet, und geben Sie ihn mit `gatehouse credential restore-master-key` ein, falls der Schlüssel je verloren geht:</translation>
    </message>
    <message>
        <source>The user whose own secret this is (per-user credentials only).</source>
        <translation>Der Benutzer, dem dieses Geheimnis gehört (nur bei Zugangsdaten pro Benutzer).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Read the secret from standard input (one trailing new line is dropped; asked with echo off on a terminal).</source>
        <translation>Das Geheimnis von der Standardeingabe lesen (ein abschließender Zeilenumbruch wird entfernt; an einem Terminal wird ohne Echo abgefragt).</translation>
    </message>
    <message>
        <source>Read the secret from this file (one trailing new line is dropped).</source>
        <translation>Das Geheimnis aus dieser Datei lesen (ein abschließender Zeilenumbruch wird entfernt).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Declare a new credential of this type: api_key, bearer, basic, oauth2_client_credentials or oauth2_refresh_token.</source>
        <translation>Neue Zugangsdaten dieses Typs deklarieren: api_key, bearer, basic, oauth2_client_credentials oder oauth2_refresh_token.</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>Where a new api_key goes: header (default), query or cookie.</source>
        <translation>Wohin ein neuer api_key gehört: header (Standard), query oder cookie.</translation>
    </message>
    <message>
        <source>IN</source>
        <translation>IN</translation>
    </message>
    <message>
        <source>The header, query or cookie name of a new api_key.</source>
        <translation>Der Header-, Query- oder Cookie-Name eines neuen api_key.</translation>
    </message>
    <message>
        <source>Declare the new credential per user.</source>
        <translation>Die neuen Zugangsdaten pro Benutzer deklarieren.</translation>
    </message>
    <message>
        <source>The credential&apos;s name.</source>
        <translation>Der Name der Zugangsdaten.</translation>
    </message>
    <message>
        <source>Encrypts a credential&apos;s secret under the master key and keeps it in the store; the gateway decrypts it for each call that needs it. The credential&apos;s type and placement come from its declaration (the store, or --config); --type declares a new one. The first import creates the master key (in gateway.master_key of --config, else the system keychain) and prints its recovery key once, on standard error. The secret is never printed.</source>
        <translation>Verschlüsselt das Geheimnis von Zugangsdaten unter dem Hauptschlüssel und legt es im Datenspeicher ab; das Gateway entschlüsselt es für jeden Aufruf, der es braucht. Typ und Platzierung der Zugangsdaten stammen aus ihrer Deklaration (im Datenspeicher oder über --config); --type deklariert neue. Der erste Import legt den Hauptschlüssel an (in gateway.master_key der --config-Datei, sonst im Schlüsselbund des Systems) und gibt seinen Wiederherstellungsschlüssel einmalig auf der Standardfehlerausgabe aus. Das Geheimnis wird nie ausgegeben.</translation>
    </message>
    <message>
        <source>expected the credential&apos;s name</source>
        <translation>Name der Zugangsdaten erwartet</translation>
    </message>
    <message>
        <source>credential %1 takes its secret from %2 (secret: {%2: %3}), not from the vault; to keep it in the vault, change that to secret: {keychain: %1}</source>
        <translation>die Zugangsdaten %1 beziehen ihr Geheimnis aus %2 (secret: {%2: %3}), nicht aus dem Tresor; um es im Tresor abzulegen, ändern Sie das in secret: {keychain: %1}</translation>
    </message>
    <message>
        <source>credential %1 already has a secret; replace it with: gatehouse credential rotate %1 --from-stdin</source>
        <translation>die Zugangsdaten %1 haben bereits ein Geheimnis; ersetzen Sie es mit: gatehouse credential rotate %1 --from-stdin</translation>
    </message>
    <message>
        <source>user %2 already has a secret for credential %1; replace it with: gatehouse credential rotate %1 --user %2 --from-stdin</source>
        <translation>der Benutzer %2 hat bereits ein Geheimnis für die Zugangsdaten %1; ersetzen Sie es mit: gatehouse credential rotate %1 --user %2 --from-stdin</translation>
    </message>
    <message>
        <source>Imported the secret of credential %1, encrypted under master key %2.</source>
        <translation>Geheimnis der Zugangsdaten %1 importiert, verschlüsselt unter dem Hauptschlüssel %2.</translation>
    </message>
    <message>
        <source>Imported user %3&apos;s secret for credential %1, encrypted under master key %2.</source>
        <translation>Geheimnis des Benutzers %3 für die Zugangsdaten %1 importiert, verschlüsselt unter dem Hauptschlüssel %2.</translation>
    </message>
    <message>
        <source>Replaces an imported secret with a new one (after it was rotated at the upstream). Calls use the new secret from the next one on.</source>
        <translation>Ersetzt ein importiertes Geheimnis durch ein neues (nachdem es beim Upstream rotiert wurde). Ab dem nächsten Aufruf wird das neue Geheimnis verwendet.</translation>
    </message>
    <message>
        <source>there is no secret to replace; add it with: gatehouse credential import %1%2 --from-stdin</source>
        <translation>es gibt kein Geheimnis, das ersetzt werden könnte; fügen Sie es hinzu mit: gatehouse credential import %1%2 --from-stdin</translation>
    </message>
    <message>
        <source>Replaced the secret of credential %1.</source>
        <translation>Geheimnis der Zugangsdaten %1 ersetzt.</translation>
    </message>
    <message>
        <source>Replaced user %2&apos;s secret for credential %1.</source>
        <translation>Geheimnis des Benutzers %2 für die Zugangsdaten %1 ersetzt.</translation>
    </message>
    <message>
        <source>Remove this user&apos;s own secret (per-user credentials).</source>
        <translation>Das eigene Geheimnis dieses Benutzers entfernen (Zugangsdaten pro Benutzer).</translation>
    </message>
    <message>
        <source>Removes an imported secret: calls that need it fail with a tool error that says how to import it again. A credential that `credential import --type` declared goes with its last secret, unless a server still names it.</source>
        <translation>Entfernt ein importiertes Geheimnis: Aufrufe, die es brauchen, scheitern mit einem Tool-Fehler, der erklärt, wie es erneut importiert wird. Zugangsdaten, die `credential import --type` deklariert hat, verschwinden mit ihrem letzten Geheimnis, sofern kein Server sie noch nennt.</translation>
    </message>
    <message>
        <source>Removed the secret of credential %1.</source>
        <translation>Geheimnis der Zugangsdaten %1 entfernt.</translation>
    </message>
    <message>
        <source>Removed user %2&apos;s secret for credential %1.</source>
        <translation>Geheimnis des Benutzers %2 für die Zugangsdaten %1 entfernt.</translation>
    </message>
    <message>
        <source>Removed credential %1, which had no other secret.</source>
        <translation>Zugangsdaten %1 entfernt, da sie kein weiteres Geheimnis hatten.</translation>
    </message>
    <message>
        <source>Lists the credentials: name, type, where the secret goes, where it comes from, who has one imported (owner-wide, or the users of a per-user credential) and when it was last used. Secrets are never shown.</source>
        <translation>Listet die Zugangsdaten auf: Name, Typ, wohin das Geheimnis gehört, woher es stammt, wer eines importiert hat (betreiberweit oder die Benutzer bei Zugangsdaten pro Benutzer) und wann es zuletzt verwendet wurde. Geheimnisse werden nie angezeigt.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>No credentials. Declare one in the configuration, or import one with: gatehouse credential import NAME --type bearer --from-stdin</source>
        <translation>Keine Zugangsdaten. Deklarieren Sie welche in der Konfiguration oder importieren Sie welche mit: gatehouse credential import NAME --type bearer --from-stdin</translation>
    </message>
    <message>
        <source>PLACEMENT</source>
        <translation>PLATZIERUNG</translation>
    </message>
    <message>
        <source>SECRET</source>
        <translation>GEHEIMNIS</translation>
    </message>
    <message>
        <source>IMPORTED</source>
        <translation>IMPORTIERT</translation>
    </message>
    <message>
        <source>LAST USED</source>
        <translation>ZULETZT VERWENDET</translation>
    </message>
    <message>
        <source>vault</source>
        <translation>Tresor</translation>
    </message>
    <message>
        <source>no user yet</source>
        <translation>noch kein Benutzer</translation>
    </message>
    <message>
        <source>users: %1</source>
        <translation>Benutzer: %1</translation>
    </message>
    <message>
        <source>owner-wide</source>
        <translation>betreiberweit</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source> (per user)</source>
        <translation> (pro Benutzer)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>the store holds no secrets yet, so there is no master key to replace; the first `gatehouse credential import` creates one</source>
        <translation>der Datenspeicher enthält noch keine Geheimnisse, daher gibt es keinen Hauptschlüssel zu ersetzen; der erste `gatehouse credential import` legt einen an</translation>
    </message>
    <message>
        <source>The new master key&apos;s recovery key (keep it safe and offline; the old recovery key stops working once the secrets are re-encrypted):</source>
        <translation>Der Wiederherstellungsschlüssel des neuen Hauptschlüssels (bewahren Sie ihn sicher und offline auf; der alte Wiederherstellungsschlüssel funktioniert nicht mehr, sobald die Geheimnisse neu verschlüsselt sind):</translation>
    </message>
    <message>
        <source>Re-encrypted %1 secrets under master key %2 (was %3), kept in %4. Restart a running gateway so that it uses the new key.</source>
        <translation>%1 Geheimnisse unter dem Hauptschlüssel %2 (bisher %3) neu verschlüsselt, Speicherort: %4. Starten Sie ein laufendes Gateway neu, damit es den neuen Schlüssel verwendet.</translation>
    </message>
    <message>
        <source>Prints the recovery key of the master key the store&apos;s secrets are encrypted under, on standard output: the master key itself, written for people. Anyone who has it can decrypt the store&apos;s secrets; keep it offline.</source>
        <translation>Gibt auf der Standardausgabe den Wiederherstellungsschlüssel des Hauptschlüssels aus, unter dem die Geheimnisse des Datenspeichers verschlüsselt sind: den Hauptschlüssel selbst, in einer für Menschen lesbaren Form. Wer ihn besitzt, kann die Geheimnisse des Datenspeichers entschlüsseln; bewahren Sie ihn offline auf.</translation>
    </message>
    <message>
        <source>Reads a recovery key (from standard input, or asked on a terminal), checks that it is the master key the store&apos;s secrets are encrypted under, and stores it where gateway.master_key says (the system keychain by default).</source>
        <translation>Liest einen Wiederherstellungsschlüssel (von der Standardeingabe oder per Abfrage an einem Terminal), prüft, dass er der Hauptschlüssel ist, unter dem die Geheimnisse des Datenspeichers verschlüsselt sind, und speichert ihn dort, wo gateway.master_key es angibt (standardmäßig im Schlüsselbund des Systems).</translation>
    </message>
    <message>
        <source>the store has no master key to restore: no secret was ever imported into it</source>
        <translation>der Datenspeicher hat keinen Hauptschlüssel zum Wiederherstellen: Es wurde nie ein Geheimnis in ihn importiert</translation>
    </message>
    <message>
        <source>Recovery key: </source>
        <translation>Wiederherstellungsschlüssel: </translation>
    </message>
    <message>
        <source>%1 already holds this master key (%2).</source>
        <translation>%1 enthält diesen Hauptschlüssel bereits (%2).</translation>
    </message>
    <message>
        <source>Restored master key %1 in %2.</source>
        <translation>Hauptschlüssel %1 wiederhergestellt (Speicherort: %2).</translation>
    </message>
    <message>
        <source>Creates a new master key, keeps it beside the current one where gateway.master_key says (keychain entry NAME.next, key file PATH.next), re-encrypts every stored secret under it in one transaction, and then makes it the key (a key file is replaced atomically). Its recovery key is printed on standard error before anything changes; a rotation interrupted after the re-encryption is finished by the next credential command or gateway start. Keys in the environment or a systemd credential are refused with how to rotate them. A running gateway must be restarted.</source>
        <translation>Erstellt einen neuen Hauptschlüssel, legt ihn neben dem aktuellen dort ab, wo gateway.master_key es angibt (Schlüsselbund-Eintrag NAME.next, Schlüsseldatei PATH.next), verschlüsselt alle gespeicherten Geheimnisse in einer einzigen Transaktion damit neu und macht ihn dann zum Schlüssel (eine Schlüsseldatei wird atomar ersetzt). Sein Wiederherstellungsschlüssel wird auf der Standardfehlerausgabe ausgegeben, bevor sich etwas ändert; eine nach der Neuverschlüsselung unterbrochene Rotation schließt der nächste credential-Befehl oder Gateway-Start ab. Schlüssel in der Umgebung oder in einem systemd-Credential werden abgelehnt, mit einem Hinweis, wie sie rotiert werden. Ein laufendes Gateway muss neu gestartet werden.</translation>
    </message>
</context>
<context>
    <name>CredentialManager</name>
    <message>
        <source>where the spec&apos;s API key scheme says</source>
        <translation>wo es das API-Schlüssel-Schema der Spezifikation vorsieht</translation>
    </message>
    <message>
        <source>Authorization: Bearer (an access token from %1)</source>
        <translation>Authorization: Bearer (ein Zugriffstoken von %1)</translation>
    </message>
    <message>
        <source>the token endpoint</source>
        <translation>dem Token-Endpunkt</translation>
    </message>
    <message>
        <source>A credential needs a name, e.g. billing-key; servers and tools refer to it by that name.</source>
        <translation>Zugangsdaten brauchen einen Namen, z. B. billing-key; Server und Tools verweisen unter diesem Namen auf sie.</translation>
    </message>
    <message>
        <source>The name &apos;%1&apos; starts or ends with a space; remove it.</source>
        <translation>Der Name &apos;%1&apos; beginnt oder endet mit einem Leerzeichen; entfernen Sie es.</translation>
    </message>
    <message>
        <source>The name &apos;%1&apos; may hold only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>Der Name &apos;%1&apos; darf nur Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; und &apos;.&apos; enthalten.</translation>
    </message>
    <message>
        <source>The type must be one of %1; OAuth 2 credentials are declared in the configuration.</source>
        <translation>Der Typ muss einer der Werte %1 sein; OAuth-2-Zugangsdaten werden in der Konfiguration deklariert.</translation>
    </message>
    <message>
        <source>An API key needs the name of the header, query parameter or cookie it goes in, e.g. X-API-Key.</source>
        <translation>Ein API-Schlüssel braucht den Namen des Headers, Query-Parameters oder Cookies, in dem er übertragen wird, z. B. X-API-Key.</translation>
    </message>
    <message>
        <source>The name &apos;%1&apos; of where the key goes may not contain spaces.</source>
        <translation>Der Name &apos;%1&apos; für die Position des Schlüssels darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>An API key goes in a header, a query parameter or a cookie, not &apos;%1&apos;.</source>
        <translation>Ein API-Schlüssel wird in einem Header, einem Query-Parameter oder einem Cookie übertragen, nicht in &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>A %1 credential always goes in the Authorization header; only an API key goes where you choose.</source>
        <translation>Zugangsdaten vom Typ %1 werden immer im Authorization-Header übertragen; nur bei einem API-Schlüssel wählen Sie die Position selbst.</translation>
    </message>
    <message>
        <source>Credential %1 is per user: choose the user whose secret this is.</source>
        <translation>Die Zugangsdaten %1 gelten pro Benutzer: Wählen Sie den Benutzer, dem dieses Geheimnis gehört.</translation>
    </message>
    <message>
        <source>Credential %1 is owner-wide: its one secret serves every user, so it belongs to no user.</source>
        <translation>Die Zugangsdaten %1 gelten betreiberweit: Ihr einziges Geheimnis dient allen Benutzern und gehört daher keinem Benutzer.</translation>
    </message>
    <message>
        <source>The secret of %1 is empty; paste the key or token the upstream issued.</source>
        <translation>Das Geheimnis von %1 ist leer; fügen Sie den Schlüssel oder das Token ein, den bzw. das der Upstream ausgestellt hat.</translation>
    </message>
    <message>
        <source>Credential %1 takes its secret from %2 (secret: {%2: %3}), not from the vault; to keep it in the vault, change that to secret: {keychain: %1} in the configuration.</source>
        <translation>Die Zugangsdaten %1 beziehen ihr Geheimnis aus %2 (secret: {%2: %3}), nicht aus dem Tresor; um es im Tresor aufzubewahren, ändern Sie dies in der Konfiguration in secret: {keychain: %1}.</translation>
    </message>
    <message>
        <source>Credential %1 already has a secret; replace it instead.</source>
        <translation>Die Zugangsdaten %1 haben bereits ein Geheimnis; ersetzen Sie es stattdessen.</translation>
    </message>
    <message>
        <source>User %2 already has a secret for credential %1; replace it instead.</source>
        <translation>Der Benutzer %2 hat bereits ein Geheimnis für die Zugangsdaten %1; ersetzen Sie es stattdessen.</translation>
    </message>
    <message>
        <source>The new secret of %1 is empty; paste the key or token the upstream issued.</source>
        <translation>Das neue Geheimnis von %1 ist leer; fügen Sie den Schlüssel oder das Token ein, den bzw. das der Upstream ausgestellt hat.</translation>
    </message>
    <message>
        <source>Credential %1 has no secret to replace; import one.</source>
        <translation>Die Zugangsdaten %1 haben kein Geheimnis, das ersetzt werden könnte; importieren Sie eines.</translation>
    </message>
    <message>
        <source>User %2 has no secret for credential %1 to replace; import one.</source>
        <translation>Der Benutzer %2 hat kein Geheimnis für die Zugangsdaten %1, das ersetzt werden könnte; importieren Sie eines.</translation>
    </message>
    <message>
        <source>Credential %1 is declared in the configuration; remove it there.</source>
        <translation>Die Zugangsdaten %1 sind in der Konfiguration deklariert; entfernen Sie sie dort.</translation>
    </message>
    <message>
        <source>Credential %1 still holds secrets; remove them first.</source>
        <translation>Die Zugangsdaten %1 enthalten noch Geheimnisse; entfernen Sie diese zuerst.</translation>
    </message>
</context>
<context>
    <name>CredentialOverview</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>Server %1</translation>
    </message>
    <message>
        <source>tool override %1 of server %2</source>
        <translation>Tool-Überschreibung %1 des Servers %2</translation>
    </message>
</context>
<context>
    <name>CredentialRepository</name>
    <message>
        <source>Reading credentials</source>
        <translation>Lesen der Zugangsdaten</translation>
    </message>
    <message>
        <source>There is no credential named &apos;%1&apos;.</source>
        <translation>Es gibt keine Zugangsdaten namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>A credential needs a name.</source>
        <translation>Zugangsdaten brauchen einen Namen.</translation>
    </message>
    <message>
        <source>Credential &apos;%1&apos;: type &apos;%2&apos; is not one of %3.</source>
        <translation>Zugangsdaten &apos;%1&apos;: Der Typ &apos;%2&apos; ist ungültig, erlaubt sind %3.</translation>
    </message>
    <message>
        <source>Credential &apos;%1&apos;: &apos;in&apos; is &apos;%2&apos;, but must be one of %3.</source>
        <translation>Zugangsdaten &apos;%1&apos;: &apos;in&apos; ist &apos;%2&apos;, muss aber einer der Werte %3 sein.</translation>
    </message>
    <message>
        <source>Credential &apos;%1&apos;: secret kind &apos;%2&apos; is not one of %3.</source>
        <translation>Zugangsdaten &apos;%1&apos;: Die Art des Geheimnisses, &apos;%2&apos;, ist ungültig, erlaubt sind %3.</translation>
    </message>
    <message>
        <source>Saving credential &apos;%1&apos;</source>
        <translation>Speichern der Zugangsdaten &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A credential named &apos;%1&apos; already exists; choose another name or edit the existing credential.</source>
        <translation>Zugangsdaten namens &apos;%1&apos; existieren bereits; wählen Sie einen anderen Namen oder bearbeiten Sie die vorhandenen Zugangsdaten.</translation>
    </message>
    <message>
        <source>Recording the use of credential &apos;%1&apos;</source>
        <translation>Vermerken der Nutzung der Zugangsdaten &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Finding what uses credential &apos;%1&apos;</source>
        <translation>Ermitteln der Verwendungen der Zugangsdaten &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Credential &apos;%1&apos; is still used by %2; choose another credential there first.</source>
        <translation>Die Zugangsdaten &apos;%1&apos; werden noch verwendet von: %2; wählen Sie dort zuerst andere Zugangsdaten.</translation>
    </message>
    <message>
        <source>Removing credential &apos;%1&apos;</source>
        <translation>Entfernen der Zugangsdaten &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot remove credential &apos;%1&apos;: there is no credential by that name.</source>
        <translation>Die Zugangsdaten &apos;%1&apos; können nicht entfernt werden: Es gibt keine Zugangsdaten mit diesem Namen.</translation>
    </message>
</context>
<context>
    <name>CredentialVault</name>
    <message>
        <source>The store holds encrypted secrets but no master key check, so it cannot tell whether a key is the right one. Restore the store from a backup.</source>
        <translation>Der Datenspeicher enthält verschlüsselte Geheimnisse, aber keinen Prüfwert des Hauptschlüssels, und kann daher nicht feststellen, ob ein Schlüssel der richtige ist. Stellen Sie den Datenspeicher aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The store holds encrypted credentials but %1 has no master key. Restore the key there, or enter the recovery key with `gatehouse credential restore-master-key`.</source>
        <translation>Der Datenspeicher enthält verschlüsselte Zugangsdaten, aber %1 enthält keinen Hauptschlüssel. Stellen Sie den Schlüssel dort wieder her oder geben Sie den Wiederherstellungsschlüssel mit `gatehouse credential restore-master-key` ein.</translation>
    </message>
    <message>
        <source>The store&apos;s master key changed while this command ran (another command rotated it); run the command again.</source>
        <translation>Der Hauptschlüssel des Datenspeichers hat sich geändert, während dieser Befehl lief (ein anderer Befehl hat ihn rotiert); führen Sie den Befehl erneut aus.</translation>
    </message>
    <message>
        <source>Another gatehouse command started creating the master key at %1 UTC, but %2 holds no key that matches it yet. If no other command is running, run this one again after %3 UTC: it then creates a new key.</source>
        <translation>Ein anderer gatehouse-Befehl hat um %1 UTC begonnen, den Hauptschlüssel zu erstellen, aber %2 enthält noch keinen dazu passenden Schlüssel. Wenn kein anderer Befehl läuft, führen Sie diesen nach %3 UTC erneut aus: Er erstellt dann einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>Other gatehouse commands kept recording a different master key in the store while this one ran; run it again.</source>
        <translation>Andere gatehouse-Befehle haben während der Ausführung dieses Befehls wiederholt einen anderen Hauptschlüssel im Datenspeicher eingetragen; führen Sie ihn erneut aus.</translation>
    </message>
    <message>
        <source>the configuration holds sealed secrets, but the master key that unseals them cannot be read from %1: %2. Install the deployment key that `gatehouse export --seal-secrets` wrote beside the bundle there.</source>
        <translation>die Konfiguration enthält versiegelte Geheimnisse, aber der Hauptschlüssel, der sie entsiegelt, kann nicht aus %1 gelesen werden: %2. Installieren Sie dort den Deployment-Schlüssel, den `gatehouse export --seal-secrets` neben das Paket geschrieben hat.</translation>
    </message>
    <message>
        <source>the store has no master key yet; the first `gatehouse credential import` creates one and prints its recovery key</source>
        <translation>der Datenspeicher hat noch keinen Hauptschlüssel; das erste `gatehouse credential import` erstellt einen und gibt seinen Wiederherstellungsschlüssel aus</translation>
    </message>
    <message>
        <source>The secrets are re-encrypted under the new master key %1, which is kept as the staged key beside %2, but it could not be made the key there: %3 The next `gatehouse credential` command or gateway start that can write there finishes the switch; until then keep the new recovery key at hand.</source>
        <translation>Die Geheimnisse sind mit dem neuen Hauptschlüssel %1 neu verschlüsselt, der als vorbereiteter Schlüssel neben %2 liegt, aber er konnte dort nicht zum Schlüssel gemacht werden: %3 Der nächste `gatehouse credential`-Befehl oder Gateway-Start, der dort schreiben kann, schließt den Wechsel ab; halten Sie bis dahin den neuen Wiederherstellungsschlüssel bereit.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The store URL &apos;%1&apos; is not a PostgreSQL URL; write it as postgresql://user@host/database.</source>
        <translation>Die Datenspeicher-URL &apos;%1&apos; ist keine PostgreSQL-URL; schreiben Sie sie als postgresql://user@host/database.</translation>
    </message>
    <message>
        <source>The store URL &apos;%1&apos; needs the Qt PostgreSQL driver (QPSQL), which is not installed; install it or use the SQLite store.</source>
        <translation>Die Datenspeicher-URL &apos;%1&apos; erfordert den Qt-PostgreSQL-Treiber (QPSQL), der nicht installiert ist; installieren Sie ihn oder verwenden Sie den SQLite-Datenspeicher.</translation>
    </message>
    <message>
        <source>No store database was given: set a SQLite file path or a PostgreSQL URL.</source>
        <translation>Es wurde keine Datenbank für den Datenspeicher angegeben: Geben Sie einen SQLite-Dateipfad oder eine PostgreSQL-URL an.</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not installed; Gatehouse cannot open its database &apos;%1&apos;.</source>
        <translation>Der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert; Gatehouse kann seine Datenbank &apos;%1&apos; nicht öffnen.</translation>
    </message>
    <message>
        <source>Cannot create the folder &apos;%1&apos; for the store database; check that it is writable.</source>
        <translation>Der Ordner &apos;%1&apos; für die Datenbank des Datenspeichers kann nicht angelegt werden; prüfen Sie die Schreibrechte.</translation>
    </message>
    <message>
        <source>Cannot open the store database &apos;%1&apos;: %2.</source>
        <translation>Die Datenbank &apos;%1&apos; des Datenspeichers kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>Cannot set up the store database &apos;%1&apos; (%2): %3.</source>
        <translation>Die Datenbank &apos;%1&apos; des Datenspeichers kann nicht eingerichtet werden (%2): %3.</translation>
    </message>
    <message>
        <source>Cannot start a write transaction on the store database &apos;%1&apos;: %2.%3</source>
        <translation>In der Datenbank &apos;%1&apos; des Datenspeichers kann keine Schreibtransaktion gestartet werden: %2.%3</translation>
    </message>
    <message>
        <source> Another process holds it too long; try again.</source>
        <translation> Ein anderer Prozess hält sie zu lange belegt; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot commit a write transaction on the store database &apos;%1&apos;: %2; nothing was saved.</source>
        <translation>Eine Schreibtransaktion in der Datenbank &apos;%1&apos; des Datenspeichers kann nicht abgeschlossen werden: %2; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The write transaction on the store database &apos;%1&apos; cannot be committed: %2 (on PostgreSQL one failed statement cancels the whole transaction); nothing was saved.</source>
        <translation>Die Schreibtransaktion in der Speicherdatenbank &apos;%1&apos; kann nicht festgeschrieben werden: %2 (bei PostgreSQL bricht eine einzige fehlgeschlagene Anweisung die ganze Transaktion ab); es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>DiscoveryTools</name>
    <message>
        <source>Get a tool&apos;s whole description and input schema, with every parameter explained (tools/list shows them shortened).</source>
        <translation>Die vollständige Beschreibung und das Eingabeschema eines Tools abrufen, mit Erläuterung jedes Parameters (tools/list zeigt beides gekürzt).</translation>
    </message>
    <message>
        <source>list the groups of tools, with how many tools each has.</source>
        <translation>die Tool-Gruppen auflisten, jeweils mit der Anzahl ihrer Tools.</translation>
    </message>
    <message>
        <source>List a group&apos;s tools: names and summaries, paged.</source>
        <translation>Die Tools einer Gruppe auflisten: Namen und Kurzbeschreibungen, seitenweise.</translation>
    </message>
    <message>
        <source>find tools by keywords; names and summaries, best first.</source>
        <translation>Tools anhand von Stichwörtern finden; Namen und Kurzbeschreibungen, beste Treffer zuerst.</translation>
    </message>
    <message>
        <source>Get a tool&apos;s description and input schema.</source>
        <translation>Beschreibung und Eingabeschema eines Tools abrufen.</translation>
    </message>
    <message>
        <source>Call a tool with arguments that match its input schema.</source>
        <translation>Ein Tool mit Argumenten aufrufen, die seinem Eingabeschema entsprechen.</translation>
    </message>
    <message>
        <source>%1 is not a discovery tool</source>
        <translation>%1 ist kein Discovery-Tool</translation>
    </message>
    <message>
        <source>No tools are available to you on this server.</source>
        <translation>Auf diesem Server stehen Ihnen keine Tools zur Verfügung.</translation>
    </message>
    <message>
        <source>Groups, with how many tools each has. Call list_tools with a group name.</source>
        <translation>Gruppen, jeweils mit der Anzahl ihrer Tools. Rufen Sie list_tools mit einem Gruppennamen auf.</translation>
    </message>
    <message>
        <source>list_tools needs &quot;group&quot;: one of the names list_groups returns.</source>
        <translation>list_tools braucht &quot;group&quot;: einen der Namen, die list_groups liefert.</translation>
    </message>
    <message>
        <source>&quot;page&quot; must be a whole number from 1.</source>
        <translation>&quot;page&quot; muss eine ganze Zahl ab 1 sein.</translation>
    </message>
    <message>
        <source>There is no group named &quot;%1&quot;: call list_groups for the names.</source>
        <translation>Es gibt keine Gruppe namens &quot;%1&quot;: Rufen Sie list_groups auf, um die Namen zu erhalten.</translation>
    </message>
    <message>
        <source>Group %1 has no page %2: the last is %3.</source>
        <translation>Gruppe %1 hat keine Seite %2: Die letzte ist %3.</translation>
    </message>
    <message>
        <source>Group %1, tools %2-%3 of %4 (page %5 of %6).</source>
        <translation>Gruppe %1, Tools %2-%3 von %4 (Seite %5 von %6).</translation>
    </message>
    <message>
        <source>Group %1 (%2 in all).</source>
        <translation>Gruppe %1 (insgesamt %2).</translation>
    </message>
    <message>
        <source>get_tool_schema gives a tool&apos;s arguments.</source>
        <translation>get_tool_schema liefert die Argumente eines Tools.</translation>
    </message>
    <message>
        <source>More: list_tools with page %1.</source>
        <translation>Mehr: list_tools mit page %1.</translation>
    </message>
    <message>
        <source>get_tool_schema needs &quot;name&quot;: a tool&apos;s name.</source>
        <translation>get_tool_schema braucht &quot;name&quot;: den Namen eines Tools.</translation>
    </message>
    <message>
        <source>There is no tool named &quot;%1&quot; that you may use here.</source>
        <translation>Es gibt kein Tool namens &quot;%1&quot;, das Sie hier verwenden dürfen.</translation>
    </message>
    <message>
        <source>Call the tool %1 itself.</source>
        <translation>Rufen Sie das Tool %1 direkt auf.</translation>
    </message>
    <message>
        <source>Call it with call_tool {&quot;name&quot;: &quot;%1&quot;, &quot;arguments&quot;: {...}}.</source>
        <translation>Rufen Sie es mit call_tool {&quot;name&quot;: &quot;%1&quot;, &quot;arguments&quot;: {...}} auf.</translation>
    </message>
    <message>
        <source>search_tools needs &quot;query&quot;: words that describe what you want to do.</source>
        <translation>search_tools braucht &quot;query&quot;: Wörter, die beschreiben, was Sie tun möchten.</translation>
    </message>
    <message>
        <source>&quot;limit&quot; must be a whole number from 1 to %1.</source>
        <translation>&quot;limit&quot; muss eine ganze Zahl von 1 bis %1 sein.</translation>
    </message>
    <message>
        <source>No tool matches &quot;%1&quot;. Try other words, or fewer.</source>
        <translation>Kein Tool passt zu &quot;%1&quot;. Versuchen Sie andere oder weniger Wörter.</translation>
    </message>
    <message>
        <source>Best matches first. get_tool_schema gives a tool&apos;s arguments.</source>
        <translation>Beste Treffer zuerst. get_tool_schema liefert die Argumente eines Tools.</translation>
    </message>
</context>
<context>
    <name>DocumentFetcher</name>
    <message>
        <source>the HTTP client did not report within %1 ms</source>
        <translation>der HTTP-Client hat sich nicht innerhalb von %1 ms zurückgemeldet</translation>
    </message>
    <message>
        <source>the document at %1 could not be fetched: the server answered with status %2</source>
        <translation>das Dokument unter %1 konnte nicht abgerufen werden: Der Server hat mit Status %2 geantwortet</translation>
    </message>
    <message>
        <source>the document at %1 could not be fetched: the server answered with status %2 and &quot;%3&quot;</source>
        <translation>das Dokument unter %1 konnte nicht abgerufen werden: Der Server hat mit Status %2 und &quot;%3&quot; geantwortet</translation>
    </message>
    <message>
        <source>; check the URL</source>
        <translation>; prüfen Sie die URL</translation>
    </message>
    <message>
        <source>; no credentials are sent for documents: download the document and name it as a file</source>
        <translation>; für Dokumente werden keine Zugangsdaten gesendet: Laden Sie das Dokument herunter und geben Sie es als Datei an</translation>
    </message>
    <message>
        <source>cannot fetch the document at %1: %2; documents on private networks must be downloaded and named as a file</source>
        <translation>das Dokument unter %1 kann nicht abgerufen werden: %2; Dokumente in privaten Netzen müssen heruntergeladen und als Datei angegeben werden</translation>
    </message>
    <message>
        <source>the document at %1 is too large: the limit is %2 bytes; download it and name it as a file</source>
        <translation>das Dokument unter %1 ist zu groß: Das Limit liegt bei %2 Byte; laden Sie es herunter und geben Sie es als Datei an</translation>
    </message>
    <message>
        <source>the document at %1 did not arrive within %2 ms; check that the server is reachable from this machine, or download the document and name it as a file</source>
        <translation>das Dokument unter %1 ist nicht innerhalb von %2 ms eingetroffen; prüfen Sie, ob der Server von diesem Rechner aus erreichbar ist, oder laden Sie das Dokument herunter und geben Sie es als Datei an</translation>
    </message>
    <message>
        <source>cannot fetch the document at %1: %2; check the URL and that the server is reachable from this machine</source>
        <translation>das Dokument unter %1 kann nicht abgerufen werden: %2; prüfen Sie die URL und ob der Server von diesem Rechner aus erreichbar ist</translation>
    </message>
    <message>
        <source>cannot fetch the document at %1: %2</source>
        <translation>das Dokument unter %1 kann nicht abgerufen werden: %2</translation>
    </message>
    <message>
        <source>cannot fetch the document at &quot;%1&quot;: it is not an absolute http or https URL</source>
        <translation>das Dokument unter &quot;%1&quot; kann nicht abgerufen werden: Das ist keine absolute http- oder https-URL</translation>
    </message>
    <message>
        <source>cannot fetch the document at %1: only http and https URLs can be fetched; name a local document as a file</source>
        <translation>das Dokument unter %1 kann nicht abgerufen werden: Nur http- und https-URLs können abgerufen werden; geben Sie ein lokales Dokument als Datei an</translation>
    </message>
    <message>
        <source>cannot fetch the document at %1: the URL contains a user name or password, which is never sent because it would end up in logs and messages; remove it, or download the document and name it as a file</source>
        <translation>das Dokument unter %1 kann nicht abgerufen werden: Die URL enthält einen Benutzernamen oder ein Passwort; diese werden nie gesendet, weil sie sonst in Protokollen und Meldungen landen würden; entfernen Sie sie oder laden Sie das Dokument herunter und geben Sie es als Datei an</translation>
    </message>
    <message>
        <source>cannot fetch the document at %1: the URL names no host</source>
        <translation>das Dokument unter %1 kann nicht abgerufen werden: Die URL nennt keinen Host</translation>
    </message>
    <message>
        <source>cannot fetch the document at %1: only https URLs are allowed here; use the https address of the document</source>
        <translation>das Dokument unter %1 kann nicht abgerufen werden: Hier sind nur https-URLs erlaubt; verwenden Sie die https-Adresse des Dokuments</translation>
    </message>
    <message>
        <source>cannot fetch the document at %1: no QCoreApplication exists</source>
        <translation>das Dokument unter %1 kann nicht abgerufen werden: Es existiert keine QCoreApplication</translation>
    </message>
    <message>
        <source>the document at %1 redirects to an address that is not a valid URL</source>
        <translation>das Dokument unter %1 leitet an eine Adresse weiter, die keine gültige URL ist</translation>
    </message>
    <message>
        <source>the document at %1 redirects to another origin, %2; use %2 itself if you trust it</source>
        <translation>das Dokument unter %1 leitet an einen anderen Origin weiter (%2); verwenden Sie direkt %2, wenn Sie ihm vertrauen</translation>
    </message>
    <message>
        <source>the document at %1 redirects to %2, and redirects are not followed here; use %2 itself</source>
        <translation>das Dokument unter %1 leitet an %2 weiter, und Weiterleitungen wird hier nicht gefolgt; verwenden Sie direkt %2</translation>
    </message>
    <message>
        <source>the document at %1 redirects more than %2 times; use the address where it finally lives</source>
        <translation>das Dokument unter %1 wird mehr als %2-mal weitergeleitet; verwenden Sie die Adresse, unter der es letztlich liegt</translation>
    </message>
</context>
<context>
    <name>EditorialHeuristics</name>
    <message>
        <source>A page size: hidden so the upstream&apos;s default page size applies. Position parameters (page, cursor, offset, starting_after) stay visible, so a client can still reach every page.</source>
        <translation>Eine Seitengröße: verborgen, damit die Standard-Seitengröße des Upstreams gilt. Positionsparameter (page, cursor, offset, starting_after) bleiben sichtbar, sodass ein Client weiterhin jede Seite erreichen kann.</translation>
    </message>
    <message>
        <source>Output formatting: hidden so the upstream&apos;s default (JSON) applies, which is what the gateway reads.</source>
        <translation>Ausgabeformatierung: verborgen, damit der Standard des Upstreams (JSON) gilt, den das Gateway liest.</translation>
    </message>
    <message>
        <source>Response expansion: hidden so responses keep the upstream&apos;s default shape; expanded objects can be fetched with their own tools.</source>
        <translation>Erweiterung der Antwort: verborgen, damit Antworten die Standardform des Upstreams behalten; erweiterte Objekte lassen sich mit ihren eigenen Tools abrufen.</translation>
    </message>
</context>
<context>
    <name>EnvironmentKeyProvider</name>
    <message>
        <source>the environment variable %1</source>
        <translation>die Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>the environment variable %1 is not set</source>
        <translation>die Umgebungsvariable %1 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>Gatehouse cannot set the environment variable %1 for you: generate a key with `head -c 32 /dev/urandom | base64` and set %1 to it where the gateway is started</source>
        <translation>Gatehouse kann die Umgebungsvariable %1 nicht für Sie setzen: Erzeugen Sie einen Schlüssel mit `head -c 32 /dev/urandom | base64` und setzen Sie %1 dort auf diesen Wert, wo das Gateway gestartet wird</translation>
    </message>
    <message>
        <source>Gatehouse cannot set the environment variable %1, so it cannot rotate the master key kept there. To rotate it: write the current key to a private key file (`(umask 077; printf &apos;%s\n&apos; &quot;$%1&quot; &gt; master.key)`), run `gatehouse credential rotate-master-key` with gateway.master_key: {file: master.key}, set %1 to the rotated file&apos;s content where the gateway is started, delete the file and restart the gateway</source>
        <translation>Gatehouse kann die Umgebungsvariable %1 nicht setzen und daher den dort gespeicherten Hauptschlüssel nicht rotieren. So rotieren Sie ihn: Schreiben Sie den aktuellen Schlüssel in eine private Schlüsseldatei (`(umask 077; printf &apos;%s\n&apos; &quot;$%1&quot; &gt; master.key)`), führen Sie `gatehouse credential rotate-master-key` mit gateway.master_key: {file: master.key} aus, setzen Sie %1 dort, wo das Gateway gestartet wird, auf den Inhalt der rotierten Datei, löschen Sie die Datei und starten Sie das Gateway neu</translation>
    </message>
    <message>
        <source>the environment variable %1 has no staged key</source>
        <translation>die Umgebungsvariable %1 hat keinen vorbereiteten Schlüssel</translation>
    </message>
</context>
<context>
    <name>FormData</name>
    <message>
        <source>the request has more than %1 parameters</source>
        <translation>die Anfrage hat mehr als %1 Parameter</translation>
    </message>
    <message>
        <source>a parameter is not form-encoded UTF-8 (bad %-escape or byte sequence)</source>
        <translation>ein Parameter ist kein formularkodiertes UTF-8 (fehlerhafte %-Kodierung oder Bytefolge)</translation>
    </message>
    <message>
        <source>the parameter %1 is given more than once; send it once</source>
        <translation>der Parameter %1 wurde mehrfach angegeben; senden Sie ihn nur einmal</translation>
    </message>
</context>
<context>
    <name>ForwardingKeychainProvider</name>
    <message>
        <source>the application is closing; %1 was not used</source>
        <translation>die Anwendung wird beendet; %1 wurde nicht verwendet</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds; if the keychain is locked, it may be waiting for its password. Unlock it, or start the secret service (for example gnome-keyring-daemon or KWallet) in this session, and try again.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet; falls der Schlüsselbund gesperrt ist, wartet er möglicherweise auf sein Passwort. Entsperren Sie ihn, oder starten Sie den Secret Service (zum Beispiel gnome-keyring-daemon oder KWallet) in dieser Sitzung, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>GatewayStatus</name>
    <message>
        <source>Running on %1</source>
        <translation>Läuft auf %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
</context>
<context>
    <name>KeyFileKeyProvider</name>
    <message>
        <source>the key file %1</source>
        <translation>die Schlüsseldatei %1</translation>
    </message>
    <message>
        <source>the key file %1 does not exist</source>
        <translation>die Schlüsseldatei %1 existiert nicht</translation>
    </message>
    <message>
        <source>cannot open the key file %1: %2</source>
        <translation>die Schlüsseldatei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot inspect the key file %1: %2</source>
        <translation>die Schlüsseldatei %1 kann nicht untersucht werden: %2</translation>
    </message>
    <message>
        <source>the key file %1 belongs to user id %2, not to the user Gatehouse runs as (%3), so others may control it. Fix it with: chown %3 %4 &amp;&amp; chmod 600 %4</source>
        <translation>die Schlüsseldatei %1 gehört der Benutzer-ID %2, nicht dem Benutzer, unter dem Gatehouse läuft (%3), daher könnten andere sie kontrollieren. Beheben Sie das mit: chown %3 %4 &amp;&amp; chmod 600 %4</translation>
    </message>
    <message>
        <source>the key file %1 has mode %2, so other users can read or change it; it must be private to you (0600 or 0400). Fix it with: chmod 600 %3</source>
        <translation>die Schlüsseldatei %1 hat den Modus %2, daher können andere Benutzer sie lesen oder ändern; sie darf nur für Sie zugänglich sein (0600 oder 0400). Beheben Sie das mit: chmod 600 %3</translation>
    </message>
    <message>
        <source>cannot read the key file %1: %2</source>
        <translation>die Schlüsseldatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the key file %1 is larger than 4 KiB: it is not a master key file</source>
        <translation>die Schlüsseldatei %1 ist größer als 4 KiB: Sie ist keine Hauptschlüsseldatei</translation>
    </message>
    <message>
        <source>the key file %1 already exists and is never overwritten: move it away first if you mean to replace the key (the data encrypted with it is lost without it)</source>
        <translation>die Schlüsseldatei %1 existiert bereits und wird nie überschrieben: Verschieben Sie sie zuerst, wenn Sie den Schlüssel ersetzen wollen (die damit verschlüsselten Daten sind ohne sie verloren)</translation>
    </message>
    <message>
        <source>cannot create the key file %1: %2</source>
        <translation>die Schlüsseldatei %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot write the key file %1 (%2): %3</source>
        <translation>die Schlüsseldatei %1 kann nicht geschrieben werden (%2): %3</translation>
    </message>
    <message>
        <source>the directory %1 of the key file %2 does not exist</source>
        <translation>das Verzeichnis %1 der Schlüsseldatei %2 existiert nicht</translation>
    </message>
    <message>
        <source>cannot open the directory %1 of the key file %2: %3</source>
        <translation>das Verzeichnis %1 der Schlüsseldatei %2 kann nicht geöffnet werden: %3</translation>
    </message>
    <message>
        <source>cannot inspect the directory %1 of the key file %2: %3</source>
        <translation>das Verzeichnis %1 der Schlüsseldatei %2 kann nicht untersucht werden: %3</translation>
    </message>
    <message>
        <source>the directory %1 of the key file %2 belongs to user id %3, neither the user Gatehouse runs as (%4) nor root, so its owner could replace the key. Keep the key file in a directory of yours, or fix it with: chown %4 %5 &amp;&amp; chmod go-w %5</source>
        <translation>das Verzeichnis %1 der Schlüsseldatei %2 gehört der Benutzer-ID %3, also weder dem Benutzer, unter dem Gatehouse läuft (%4), noch root, daher könnte sein Eigentümer den Schlüssel ersetzen. Legen Sie die Schlüsseldatei in einem eigenen Verzeichnis ab, oder beheben Sie das mit: chown %4 %5 &amp;&amp; chmod go-w %5</translation>
    </message>
    <message>
        <source>the directory %1 of the key file %2 has mode %3, so other users can replace the key file in it; only its owner may write it. Fix it with: chmod go-w %4</source>
        <translation>das Verzeichnis %1 der Schlüsseldatei %2 hat den Modus %3, daher können andere Benutzer die Schlüsseldatei darin ersetzen; nur sein Eigentümer darf hineinschreiben. Beheben Sie das mit: chmod go-w %4</translation>
    </message>
    <message>
        <source>the key file %1 is a symbolic link; point gateway.master_key at the file itself</source>
        <translation>die Schlüsseldatei %1 ist ein symbolischer Link; lassen Sie gateway.master_key auf die Datei selbst verweisen</translation>
    </message>
    <message>
        <source>the key file %1 is not a regular file (a directory, FIFO, socket or device); put the key in a plain file with mode 0600</source>
        <translation>die Schlüsseldatei %1 ist keine reguläre Datei (sondern ein Verzeichnis, FIFO, Socket oder Gerät); legen Sie den Schlüssel in einer normalen Datei mit Modus 0600 ab</translation>
    </message>
    <message>
        <source>the key file %1 has mode %2; a key file must have mode 0600 or 0400. Fix it with: chmod 600 %3</source>
        <translation>die Schlüsseldatei %1 hat den Modus %2; eine Schlüsseldatei muss den Modus 0600 oder 0400 haben. Beheben Sie das mit: chmod 600 %3</translation>
    </message>
    <message>
        <source>the system&apos;s random generator failed, so the key file %1 was not written</source>
        <translation>der Zufallsgenerator des Systems ist fehlgeschlagen, daher wurde die Schlüsseldatei %1 nicht geschrieben</translation>
    </message>
    <message>
        <source>cannot remove the key file %1: %2</source>
        <translation>die Schlüsseldatei %1 kann nicht entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>KeychainKeyProvider</name>
    <message>
        <source>Start the secret service (for example gnome-keyring-daemon or KWallet) in this session, or keep the master key in a key file (gateway.key_file) or in the environment variable GATEHOUSE_MASTER_KEY.</source>
        <translation>Starten Sie den Secret Service (zum Beispiel gnome-keyring-daemon oder KWallet) in dieser Sitzung oder legen Sie den Hauptschlüssel in einer Schlüsseldatei (gateway.key_file) oder in der Umgebungsvariable GATEHOUSE_MASTER_KEY ab.</translation>
    </message>
    <message>
        <source>DBUS_SESSION_BUS_ADDRESS is not set</source>
        <translation>DBUS_SESSION_BUS_ADDRESS ist nicht gesetzt</translation>
    </message>
    <message>
        <source>nothing answers at DBUS_SESSION_BUS_ADDRESS=%1</source>
        <translation>unter DBUS_SESSION_BUS_ADDRESS=%1 antwortet niemand</translation>
    </message>
    <message>
        <source>no keychain is reachable, so %1 cannot be used: there is no D-Bus session bus (%2). %3%4</source>
        <translation>kein Schlüsselbund erreichbar, daher kann %1 nicht verwendet werden: Es gibt keinen D-Bus-Session-Bus (%2). %3%4</translation>
    </message>
    <message>
        <source> The key was not stored anywhere.</source>
        <translation> Der Schlüssel wurde nirgends gespeichert.</translation>
    </message>
    <message>
        <source>%1 holds no key</source>
        <translation>%1 enthält keinen Schlüssel</translation>
    </message>
    <message>
        <source>the keychain refused access to %1 (%2): unlock it (log in to the desktop session, or unlock the &quot;login&quot; keyring) and try again</source>
        <translation>der Schlüsselbund hat den Zugriff verweigert: %1 (%2). Entsperren Sie ihn (melden Sie sich an der Desktop-Sitzung an oder entsperren Sie den Schlüsselbund &quot;login&quot;) und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>no keychain is reachable, so %1 cannot be used (%2). %3%4</source>
        <translation>kein Schlüsselbund erreichbar, daher kann %1 nicht verwendet werden (%2). %3%4</translation>
    </message>
    <message>
        <source>the keychain needs a QCoreApplication</source>
        <translation>der Schlüsselbund benötigt eine QCoreApplication</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds; if the keychain is locked, it may be waiting for its password. %3</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet; falls der Schlüsselbund gesperrt ist, wartet er möglicherweise auf sein Passwort. %3</translation>
    </message>
    <message>
        <source>the system keychain (service %1, entry %2)</source>
        <translation>der Schlüsselbund des Systems (Dienst %1, Eintrag %2)</translation>
    </message>
    <message>
        <source>%1 holds something that is not a Gatehouse master key (%2 bytes instead of 32)</source>
        <translation>%1 enthält etwas, das kein Gatehouse-Hauptschlüssel ist (%2 Bytes statt 32)</translation>
    </message>
</context>
<context>
    <name>ListenSettings</name>
    <message>
        <source>cannot read the gateway settings %1 (%2): check its permissions; until then the gateway listens on 127.0.0.1</source>
        <translation>die Gateway-Einstellungen %1 können nicht gelesen werden (%2): Prüfen Sie die Dateiberechtigungen; bis dahin lauscht das Gateway auf 127.0.0.1</translation>
    </message>
    <message>
        <source>the gateway settings %1 are not a JSON object (%2): save them again on the Gateway page, or delete the file to listen on 127.0.0.1</source>
        <translation>die Gateway-Einstellungen %1 sind kein JSON-Objekt (%2): Speichern Sie sie auf der Seite Gateway erneut, oder löschen Sie die Datei, um auf 127.0.0.1 zu lauschen</translation>
    </message>
    <message>
        <source>the gateway settings %1 name port %2, which is not a port (0 to 65535): choose another one on the Gateway page</source>
        <translation>die Gateway-Einstellungen %1 nennen den Port %2, der kein gültiger Port ist (0 bis 65535): Wählen Sie auf der Seite Gateway einen anderen</translation>
    </message>
    <message>
        <source>cannot save the gateway settings to %1 (%2): check that the data folder exists and that you can write it</source>
        <translation>die Gateway-Einstellungen können nicht in %1 gespeichert werden (%2): Prüfen Sie, ob der Datenordner existiert und ob Sie darin schreiben dürfen</translation>
    </message>
    <message>
        <source>TLS needs both a certificate and its private key: choose both files, or generate a certificate</source>
        <translation>TLS braucht ein Zertifikat und den zugehörigen privaten Schlüssel: Wählen Sie beide Dateien, oder erzeugen Sie ein Zertifikat</translation>
    </message>
    <message>
        <source>listening on the LAN needs TLS, because sign-in tokens would otherwise cross the network readable by anyone on it: generate a certificate or choose one</source>
        <translation>Lauschen im LAN erfordert TLS, weil Anmelde-Tokens sonst für jeden im Netz lesbar übertragen würden: Erzeugen Sie ein Zertifikat, oder wählen Sie eines</translation>
    </message>
    <message>
        <source>choose the address of the network interface to listen on</source>
        <translation>wählen Sie die Adresse der Netzwerkschnittstelle, auf der gelauscht werden soll</translation>
    </message>
    <message>
        <source>this computer has no network address that clients on the LAN can reach: connect it to the network, or listen on this computer only</source>
        <translation>dieser Computer hat keine Netzwerkadresse, die Clients im LAN erreichen können: Verbinden Sie ihn mit dem Netzwerk, oder lauschen Sie nur auf diesem Computer</translation>
    </message>
    <message>
        <source>clients are given the address %1, which this computer no longer has (a new network, or a DHCP lease that changed): their sign-ins fail until you choose the host name or a current address and apply</source>
        <translation>Clients erhalten die Adresse %1, die dieser Computer nicht mehr hat (ein neues Netzwerk oder eine geänderte DHCP-Zuweisung): Ihre Anmeldungen schlagen fehl, bis Sie den Hostnamen oder eine aktuelle Adresse wählen und übernehmen</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>stay connected without signing in again (until you revoke it)</source>
        <translation>verbunden bleiben, ohne sich erneut anzumelden (bis Sie den Zugriff widerrufen)</translation>
    </message>
    <message>
        <source>read data through %1</source>
        <translation>über %1 Daten lesen</translation>
    </message>
    <message>
        <source>create new records through %1</source>
        <translation>über %1 neue Datensätze anlegen</translation>
    </message>
    <message>
        <source>change existing records through %1</source>
        <translation>über %1 bestehende Datensätze ändern</translation>
    </message>
    <message>
        <source>delete records through %1</source>
        <translation>über %1 Datensätze löschen</translation>
    </message>
    <message>
        <source>the MCP servers of this gateway</source>
        <translation>die MCP-Server dieses Gateways</translation>
    </message>
    <message>
        <source>the MCP server %1</source>
        <translation>den MCP-Server %1</translation>
    </message>
    <message>
        <source>%1 wants to use %2 on your behalf.</source>
        <translation>%1 möchte in Ihrem Namen %2 verwenden.</translation>
    </message>
    <message>
        <source>everything your permissions allow</source>
        <translation>alles, was Ihre Berechtigungen erlauben</translation>
    </message>
    <message>
        <source>It asks to:</source>
        <translation>Die Anwendung möchte:</translation>
    </message>
    <message>
        <source>The application chose the name %1 itself; Gatehouse has not verified it. Allow only if you started this sign-in.</source>
        <translation>Die Anwendung hat den Namen %1 selbst gewählt; Gatehouse hat ihn nicht überprüft. Erlauben Sie den Zugriff nur, wenn Sie diese Anmeldung selbst gestartet haben.</translation>
    </message>
    <message>
        <source>After you decide, you go back to %1. Client id: %2</source>
        <translation>Nach Ihrer Entscheidung kehren Sie zu %1 zurück. Client-ID: %2</translation>
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
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Sign in and allow</source>
        <translation>Anmelden und erlauben</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Erlauben</translation>
    </message>
    <message>
        <source>Allow access? - Gatehouse</source>
        <translation>Zugriff erlauben? - Gatehouse</translation>
    </message>
    <message>
        <source>Sign in to Gatehouse</source>
        <translation>Bei Gatehouse anmelden</translation>
    </message>
    <message>
        <source>Allow access?</source>
        <translation>Zugriff erlauben?</translation>
    </message>
    <message>
        <source>Close this page and start again from your application.</source>
        <translation>Schließen Sie diese Seite und beginnen Sie erneut in Ihrer Anwendung.</translation>
    </message>
</context>
<context>
    <name>MasterKey</name>
    <message>
        <source>the system&apos;s random generator failed, so no master key was created</source>
        <translation>der Zufallsgenerator des Systems ist fehlgeschlagen, daher wurde kein Hauptschlüssel angelegt</translation>
    </message>
    <message>
        <source>a master key has 32 bytes, this one has %1</source>
        <translation>ein Hauptschlüssel hat 32 Bytes, dieser hat %1</translation>
    </message>
    <message>
        <source>%1 does not hold a master key: expected 32 bytes as base64 (44 characters) or hex (64 characters); create one with `head -c 32 /dev/urandom | base64`</source>
        <translation>%1 enthält keinen Hauptschlüssel: Erwartet werden 32 Bytes als Base64 (44 Zeichen) oder hex (64 Zeichen); erzeugen Sie einen mit `head -c 32 /dev/urandom | base64`</translation>
    </message>
    <message>
        <source>enter the recovery key that was shown when the key was created</source>
        <translation>geben Sie den Wiederherstellungsschlüssel ein, der beim Anlegen des Schlüssels angezeigt wurde</translation>
    </message>
    <message>
        <source>enter the recovery key saved in %1</source>
        <translation>geben Sie den in %1 gespeicherten Wiederherstellungsschlüssel ein</translation>
    </message>
    <message>
        <source>the store holds encrypted credentials but %1 has no master key, and a new key could not decrypt them, so none was created. Restore the master key there, or %2.</source>
        <translation>der Datenspeicher enthält verschlüsselte Zugangsdaten, aber %1 enthält keinen Hauptschlüssel, und ein neuer Schlüssel könnte sie nicht entschlüsseln, daher wurde keiner angelegt. Stellen Sie den Hauptschlüssel dort wieder her oder %2.</translation>
    </message>
</context>
<context>
    <name>McpEndpoint</name>
    <message>
        <source>this MCP session belongs to another caller: start your own session with initialize</source>
        <translation>diese MCP-Sitzung gehört einem anderen Aufrufer: Starten Sie mit initialize eine eigene Sitzung</translation>
    </message>
    <message>
        <source>the MCP session is unknown, expired or ended: start a new one with initialize</source>
        <translation>die MCP-Sitzung ist unbekannt, abgelaufen oder beendet: Starten Sie mit initialize eine neue</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>Reading the schema version</source>
        <translation>Lesen der Schemaversion</translation>
    </message>
    <message>
        <source>The store database &apos;%1&apos; has schema version %2, but this Gatehouse knows versions up to %3: it was written by a newer Gatehouse. Run that version or a newer one; the database is not downgraded.</source>
        <translation>Die Datenbank &apos;%1&apos; des Datenspeichers hat die Schemaversion %2, diese Gatehouse-Version kennt aber nur Versionen bis %3 – die Datenbank wurde von einem neueren Gatehouse geschrieben. Verwenden Sie jene Version oder eine neuere; die Datenbank wird nicht auf eine ältere Version zurückgestuft.</translation>
    </message>
    <message>
        <source>Schema version %1 does not exist; this Gatehouse knows versions 0 to %2.</source>
        <translation>Die Schemaversion %1 gibt es nicht; diese Gatehouse-Version kennt die Versionen 0 bis %2.</translation>
    </message>
    <message>
        <source>The store database &apos;%1&apos; is at schema version %2 and cannot be taken back to version %3; migrations only go forward.</source>
        <translation>Die Datenbank &apos;%1&apos; des Datenspeichers hat die Schemaversion %2 und kann nicht auf Version %3 zurückgesetzt werden; Migrationen gehen nur vorwärts.</translation>
    </message>
    <message>
        <source>Cannot create the schema_version table in &apos;%1&apos;: %2.</source>
        <translation>Die Tabelle schema_version kann in &apos;%1&apos; nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <source>Migrating the store database &apos;%1&apos; to schema version %2 failed and was rolled back: %3 (in: %4).</source>
        <translation>Die Migration der Datenbank &apos;%1&apos; des Datenspeichers auf die Schemaversion %2 ist fehlgeschlagen und wurde zurückgerollt: %3 (bei: %4).</translation>
    </message>
    <message>
        <source>Recording schema version %1</source>
        <translation>Speichern der Schemaversion %1</translation>
    </message>
    <message>
        <source>Cannot take the migration lock of the store database &apos;%1&apos; (another Gatehouse may be migrating it): %2. Start this one again.</source>
        <translation>Die Migrationssperre der Speicherdatenbank &apos;%1&apos; kann nicht gesetzt werden (möglicherweise migriert eine andere Gatehouse-Instanz sie gerade): %2. Starten Sie diese Instanz erneut.</translation>
    </message>
</context>
<context>
    <name>OpenApiInspectCommand</name>
    <message>
        <source>Run &apos;gatehouse openapi inspect --help&apos; for the options.</source>
        <translation>&apos;gatehouse openapi inspect --help&apos; zeigt die Optionen.</translation>
    </message>
    <message>
        <source>--discovery %1: expected one of %2</source>
        <translation>--discovery %1: einen der Werte %2 erwartet</translation>
    </message>
    <message>
        <source>--server needs --config FILE, the configuration that names the server</source>
        <translation>--server braucht --config FILE, die Konfiguration, die den Server nennt</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>%1 has errors; fix them or inspect the spec without --config</source>
        <translation>%1 enthält Fehler; beheben Sie sie oder untersuchen Sie die Spezifikation ohne --config</translation>
    </message>
    <message>
        <source>%1 has no server with an OpenAPI spec</source>
        <translation>%1 hat keinen Server mit einer OpenAPI-Spezifikation</translation>
    </message>
    <message>
        <source>%1 has several OpenAPI servers (%2): name one with --server</source>
        <translation>%1 hat mehrere OpenAPI-Server (%2): Wählen Sie einen mit --server aus</translation>
    </message>
    <message>
        <source>%1 has no OpenAPI server named &quot;%2&quot;; it has %3</source>
        <translation>%1 hat keinen OpenAPI-Server namens &quot;%2&quot;; vorhanden sind: %3</translation>
    </message>
    <message>
        <source>expected the spec file (or --config FILE with --server NAME)</source>
        <translation>Spezifikationsdatei erwartet (oder --config FILE mit --server NAME)</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>AKTION</translation>
    </message>
    <message>
        <source>RESOURCE</source>
        <translation>RESSOURCE</translation>
    </message>
    <message>
        <source>TOKENS</source>
        <translation>TOKENS</translation>
    </message>
    <message numerus="yes">
        <source>spec: %1, &quot;%2&quot; %3 (OpenAPI %4), %n operation(s)</source>
        <translation>
            <numerusform>Spezifikation: %1, &quot;%2&quot; %3 (OpenAPI %4), %n Operation</numerusform>
            <numerusform>Spezifikation: %1, &quot;%2&quot; %3 (OpenAPI %4), %n Operationen</numerusform>
        </translation>
    </message>
    <message>
        <source>base URL: %1</source>
        <translation>Basis-URL: %1</translation>
    </message>
    <message>
        <source>server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>tools: %1, estimated %2 tokens</source>
        <translation>Tools: %1, geschätzt %2 Tokens</translation>
    </message>
    <message>
        <source>excluded: %1</source>
        <translation>ausgeschlossen: %1</translation>
    </message>
    <message>
        <source>excluded: %1 (%2)</source>
        <translation>ausgeschlossen: %1 (%2)</translation>
    </message>
    <message>
        <source>skipped by the loader: %1</source>
        <translation>beim Laden übersprungen: %1</translation>
    </message>
    <message>
        <source>estimated tokens at session start (%1): %2</source>
        <translation>geschätzte Tokens beim Sitzungsstart (%1): %2</translation>
    </message>
    <message>
        <source>loaded in %1 ms, tools generated in %2 ms</source>
        <translation>geladen in %1 ms, Tools erzeugt in %2 ms</translation>
    </message>
    <message>
        <source>skipped: </source>
        <translation>übersprungen: </translation>
    </message>
</context>
<context>
    <name>OperationIndex</name>
    <message>
        <source>a mapping</source>
        <translation>eine Zuordnung</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>%1 is not an OpenAPI document: it has no &quot;openapi&quot; or &quot;swagger&quot; version key at the top level</source>
        <translation>%1 ist kein OpenAPI-Dokument: Auf oberster Ebene fehlt der Versionsschlüssel &quot;openapi&quot; oder &quot;swagger&quot;</translation>
    </message>
    <message>
        <source>expected a mapping, got %1</source>
        <translation>eine Zuordnung erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected a path item mapping, got %1</source>
        <translation>eine Path-Item-Zuordnung erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected an operation mapping, got %1</source>
        <translation>eine Operations-Zuordnung erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>eine Zeichenkette erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>operationId &quot;%1&quot; is already used at %2</source>
        <translation>die operationId &quot;%1&quot; wird bereits bei %2 verwendet</translation>
    </message>
    <message>
        <source>expected a list of strings, got %1</source>
        <translation>eine Liste von Zeichenketten erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1:%2: cannot parse the spec: %3</source>
        <translation>%1:%2: die Spezifikation kann nicht geparst werden: %3</translation>
    </message>
    <message>
        <source>%1:%2: cannot read the spec: %3</source>
        <translation>%1:%2: die Spezifikation kann nicht gelesen werden: %3</translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <source>OpenSSL has no scrypt implementation</source>
        <translation>OpenSSL bietet keine scrypt-Implementierung</translation>
    </message>
    <message>
        <source>cannot create an scrypt context</source>
        <translation>ein scrypt-Kontext kann nicht erzeugt werden</translation>
    </message>
    <message>
        <source>scrypt key derivation failed</source>
        <translation>die scrypt-Schlüsselableitung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the password is empty: choose a password</source>
        <translation>das Passwort ist leer: Wählen Sie ein Passwort</translation>
    </message>
    <message>
        <source>the system&apos;s random generator failed</source>
        <translation>der Zufallsgenerator des Systems ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the password hash is not in the form scrypt$ln=N,r=R,p=P$salt$hash: create one with `gatehouse user hash-password`</source>
        <translation>der Passwort-Hash hat nicht die Form scrypt$ln=N,r=R,p=P$salt$hash: Erzeugen Sie einen mit `gatehouse user hash-password`</translation>
    </message>
    <message>
        <source>the password hash&apos;s scrypt parameters are out of bounds (ln 10-20, r 1-32, p 1-16): create a new hash with `gatehouse user hash-password`</source>
        <translation>die scrypt-Parameter des Passwort-Hashes liegen außerhalb der Grenzen (ln 10-20, r 1-32, p 1-16): Erzeugen Sie einen neuen Hash mit `gatehouse user hash-password`</translation>
    </message>
    <message>
        <source>the password hash&apos;s salt or key is malformed</source>
        <translation>Salt oder Schlüssel des Passwort-Hashes sind fehlerhaft</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>no password was entered</source>
        <translation>es wurde kein Passwort eingegeben</translation>
    </message>
    <message>
        <source>no password on standard input: pipe one in, e.g. `printf &apos;%s\n&apos; &quot;$PASSWORD&quot; | gatehouse ...`</source>
        <translation>kein Passwort auf der Standardeingabe: Übergeben Sie es per Pipe, z. B. `printf &apos;%s\n&apos; &quot;$PASSWORD&quot; | gatehouse ...`</translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>Passwort wiederholen: </translation>
    </message>
    <message>
        <source>the two passwords differ: try again</source>
        <translation>die beiden Passwörter stimmen nicht überein: Versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>the line is longer than 64 KiB, which no password is</source>
        <translation>die Zeile ist länger als 64 KiB, so lang ist kein Passwort</translation>
    </message>
</context>
<context>
    <name>PermissionMatrix</name>
    <message>
        <source>&apos;%1&apos; is not an action of the matrix; use one of %2.</source>
        <translation>&apos;%1&apos; ist keine Aktion der Matrix; verwenden Sie eine der Aktionen %2.</translation>
    </message>
    <message>
        <source>%1 has %2: every action</source>
        <translation>%1 hat Berechtigungen für %2: alle Aktionen</translation>
    </message>
    <message>
        <source>%1 has %2: %3 only</source>
        <translation>%1 hat Berechtigungen für %2: nur %3</translation>
    </message>
    <message>
        <source>%1 denies %2: %3</source>
        <translation>%1 verweigert für %2: %3</translation>
    </message>
    <message>
        <source>%1 has nothing on %2</source>
        <translation>%1 hat keine Berechtigung für %2</translation>
    </message>
    <message>
        <source>Allowed: %1 may %2 %3 on %4 (tool %5).</source>
        <translation>Erlaubt: %1 darf die Aktion %2 für %3 auf %4 ausführen (Tool %5).</translation>
    </message>
    <message>
        <source>Denied: %1.</source>
        <translation>Verweigert: %1.</translation>
    </message>
    <message>
        <source>Add a user named %1 first, or check the name.</source>
        <translation>Legen Sie zuerst einen Benutzer namens %1 an, oder prüfen Sie den Namen.</translation>
    </message>
    <message>
        <source>Enable %1 again to let them call tools.</source>
        <translation>Aktivieren Sie %1 wieder, um Tool-Aufrufe zu ermöglichen.</translation>
    </message>
    <message>
        <source>The token would need the scope %1.</source>
        <translation>Das Token bräuchte den Scope %1.</translation>
    </message>
    <message>
        <source>Denied: %1 may not %2 %3 on %4 (tool %5).</source>
        <translation>Verweigert: %1 darf die Aktion %2 für %3 auf %4 nicht ausführen (Tool %5).</translation>
    </message>
    <message>
        <source>To allow it, grant %1 to %2 instead of denying it: a user&apos;s own rules override their roles.</source>
        <translation>Um es zu erlauben, erteilen Sie %2 die Berechtigung %1, statt sie zu verweigern: Die eigenen Regeln eines Benutzers haben Vorrang vor seinen Rollen.</translation>
    </message>
    <message>
        <source>To allow it, take the deny off role %1, or grant %2 to %3 as an exception of their own (a user&apos;s own rules override their roles).</source>
        <translation>Um es zu erlauben, entfernen Sie die Verweigerung aus der Rolle %1, oder erteilen Sie %3 die Berechtigung %2 als eigene Ausnahme (die eigenen Regeln eines Benutzers haben Vorrang vor seinen Rollen).</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>role %1</source>
        <translation>Rolle %1</translation>
    </message>
    <message>
        <source>To allow it, grant %1 to %2, or give %2 a role that has it.</source>
        <translation>Um es zu erlauben, erteilen Sie %2 die Berechtigung %1, oder geben Sie %2 eine Rolle, die sie hat.</translation>
    </message>
    <message>
        <source>To allow it, grant %1 to %2 or to one of their roles (%3).</source>
        <translation>Um es zu erlauben, erteilen Sie %2 oder einer seiner Rollen (%3) die Berechtigung %1.</translation>
    </message>
</context>
<context>
    <name>PermissionPolicy</name>
    <message>
        <source>user &apos;%1&apos; is not known to this gateway</source>
        <translation>der Benutzer &apos;%1&apos; ist diesem Gateway nicht bekannt</translation>
    </message>
    <message>
        <source>denied: %1</source>
        <translation>verweigert: %1</translation>
    </message>
    <message>
        <source>user &apos;%1&apos; is disabled</source>
        <translation>der Benutzer &apos;%1&apos; ist deaktiviert</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>role %1</source>
        <translation>Rolle %1</translation>
    </message>
    <message>
        <source>denied by %1</source>
        <translation>verweigert durch %1</translation>
    </message>
    <message>
        <source>allowed by %1</source>
        <translation>erlaubt durch %1</translation>
    </message>
    <message>
        <source>no rule of user %1 or of the roles %2 grants %3 on %4</source>
        <translation>keine Regel des Benutzers %1 oder der Rollen %2 gewährt %3 für %4</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>the token&apos;s scopes (%1) do not include %2</source>
        <translation>die Scopes des Tokens (%1) enthalten %2 nicht</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>allowed: %1</source>
        <translation>erlaubt: %1</translation>
    </message>
</context>
<context>
    <name>PlanOverview</name>
    <message>
        <source>A plan needs a name, e.g. free or team.</source>
        <translation>Ein Tarif braucht einen Namen, z. B. free oder team.</translation>
    </message>
    <message>
        <source>The plan&apos;s name &apos;%1&apos; starts or ends with a space; remove it.</source>
        <translation>Der Name des Tarifs &apos;%1&apos; beginnt oder endet mit einem Leerzeichen; entfernen Sie es.</translation>
    </message>
    <message>
        <source>Plan %1: a limit cannot be negative; leave it unlimited or enter 0 to allow nothing.</source>
        <translation>Tarif %1: Ein Limit kann nicht negativ sein; lassen Sie es unbegrenzt, oder geben Sie 0 ein, um nichts zu erlauben.</translation>
    </message>
</context>
<context>
    <name>PlanRepository</name>
    <message>
        <source>Reading plans</source>
        <translation>Lesen der Tarife</translation>
    </message>
    <message>
        <source>There is no plan named &apos;%1&apos;.</source>
        <translation>Es gibt keinen Tarif namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>A plan needs a name.</source>
        <translation>Ein Tarif braucht einen Namen.</translation>
    </message>
    <message>
        <source>Plan &apos;%1&apos;: limits cannot be negative.</source>
        <translation>Tarif &apos;%1&apos;: Limits dürfen nicht negativ sein.</translation>
    </message>
    <message>
        <source>Saving plan &apos;%1&apos;</source>
        <translation>Speichern des Tarifs &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A plan named &apos;%1&apos; already exists; choose another name or edit the existing plan.</source>
        <translation>Ein Tarif namens &apos;%1&apos; existiert bereits; wählen Sie einen anderen Namen oder bearbeiten Sie den vorhandenen Tarif.</translation>
    </message>
    <message>
        <source>Finding the users of plan &apos;%1&apos;</source>
        <translation>Ermitteln der Benutzer des Tarifs &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Plan &apos;%1&apos; cannot be removed: users %2 are on it; move them to another plan first.</source>
        <translation>Der Tarif &apos;%1&apos; kann nicht entfernt werden: Die Benutzer %2 haben diesen Tarif; weisen Sie ihnen zuerst einen anderen zu.</translation>
    </message>
    <message>
        <source>Removing plan &apos;%1&apos;</source>
        <translation>Entfernen des Tarifs &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot remove plan &apos;%1&apos;: there is no plan by that name.</source>
        <translation>Der Tarif &apos;%1&apos; kann nicht entfernt werden: Es gibt keinen Tarif mit diesem Namen.</translation>
    </message>
</context>
<context>
    <name>Query</name>
    <message>
        <source>%1 failed in the store database &apos;%2&apos;: %3.</source>
        <translation>%1 fehlgeschlagen (Datenbank &apos;%2&apos; des Datenspeichers): %3.</translation>
    </message>
</context>
<context>
    <name>RecoveryKey</name>
    <message>
        <source>the recovery key contains &quot;%1&quot; (character %2), which recovery keys never use: they have only the letters A to Z and the digits 2 to 7</source>
        <translation>der Wiederherstellungsschlüssel enthält &quot;%1&quot; (Zeichen %2), das in Wiederherstellungsschlüsseln nie vorkommt: Sie bestehen nur aus den Buchstaben A bis Z und den Ziffern 2 bis 7</translation>
    </message>
    <message>
        <source>the recovery key has %1 letters and digits, it should have %2 (14 groups of 4): check that no group is missing or repeated</source>
        <translation>der Wiederherstellungsschlüssel hat %1 Buchstaben und Ziffern, er sollte %2 haben (14 Gruppen zu je 4): Prüfen Sie, dass keine Gruppe fehlt oder doppelt vorkommt</translation>
    </message>
    <message>
        <source>the recovery key has a typo: its checksum does not match. Compare each group with the printed or saved copy</source>
        <translation>der Wiederherstellungsschlüssel enthält einen Tippfehler: Seine Prüfsumme stimmt nicht. Vergleichen Sie jede Gruppe mit der ausgedruckten oder gespeicherten Kopie</translation>
    </message>
</context>
<context>
    <name>RedirectUri</name>
    <message>
        <source>the redirect URI %1 is refused: %2</source>
        <translation>der Weiterleitungs-URI %1 wird abgelehnt: %2</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>er ist leer</translation>
    </message>
    <message>
        <source>it is longer than %1 characters</source>
        <translation>er ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>it holds spaces, control or non-ASCII characters; percent-encode them</source>
        <translation>er enthält Leerzeichen, Steuerzeichen oder Nicht-ASCII-Zeichen; kodieren Sie diese mit Prozent-Kodierung</translation>
    </message>
    <message>
        <source>a redirect URI must not have a fragment (OAuth 2.1 section 2.3.1)</source>
        <translation>ein Weiterleitungs-URI darf kein Fragment haben (OAuth 2.1 Abschnitt 2.3.1)</translation>
    </message>
    <message>
        <source>wildcards are not allowed: register each redirect URI in full</source>
        <translation>Platzhalter sind nicht erlaubt: Registrieren Sie jeden Weiterleitungs-URI vollständig</translation>
    </message>
    <message>
        <source>it is not an absolute URI</source>
        <translation>er ist kein absoluter URI</translation>
    </message>
    <message>
        <source>it must not carry user information (user@host)</source>
        <translation>er darf keine Benutzerinformationen enthalten (user@host)</translation>
    </message>
    <message>
        <source>its query already has %1, which the authorization response adds</source>
        <translation>sein Query-Teil enthält bereits %1, das die Autorisierungsantwort hinzufügt</translation>
    </message>
    <message>
        <source>it has no host</source>
        <translation>er hat keinen Host</translation>
    </message>
    <message>
        <source>plain http is only allowed to a loopback address (http://127.0.0.1, http://[::1] or http://localhost); use https</source>
        <translation>unverschlüsseltes http ist nur zu einer Loopback-Adresse erlaubt (http://127.0.0.1, http://[::1] oder http://localhost); verwenden Sie https</translation>
    </message>
    <message>
        <source>the scheme %1: is not allowed; use https, a loopback http address, or an app&apos;s reverse-domain scheme such as com.example.app:/callback</source>
        <translation>das Schema %1: ist nicht erlaubt; verwenden Sie https, eine http-Loopback-Adresse oder das Reverse-Domain-Schema einer App wie com.example.app:/callback</translation>
    </message>
</context>
<context>
    <name>RequestBuilder</name>
    <message>
        <source>The arguments of %1 must be a JSON object.</source>
        <translation>Die Argumente von %1 müssen ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; of %2 is not an absolute http or https URL; fix the server&apos;s base_url.</source>
        <translation>Die Basis-URL &quot;%1&quot; von %2 ist keine absolute http- oder https-URL; korrigieren Sie die base_url des Servers.</translation>
    </message>
    <message>
        <source>The path parameter %1 of %2 has no value; pass it.</source>
        <translation>Der Pfadparameter %1 von %2 hat keinen Wert; übergeben Sie ihn.</translation>
    </message>
    <message>
        <source>The path parameter %1 of %2 is empty; pass a value.</source>
        <translation>Der Pfadparameter %1 von %2 ist leer; übergeben Sie einen Wert.</translation>
    </message>
    <message>
        <source>A path parameter of %1 is &quot;.&quot; or &quot;..&quot;, which would leave the operation&apos;s path; pass a real value.</source>
        <translation>Ein Pfadparameter von %1 ist &quot;.&quot; oder &quot;..&quot;, wodurch der Pfad der Operation verlassen würde; übergeben Sie einen echten Wert.</translation>
    </message>
    <message>
        <source>The header parameter &quot;%1&quot; of %2 is not a valid header name; fix the spec or hide the parameter.</source>
        <translation>Der Header-Parameter &quot;%1&quot; von %2 ist kein gültiger Header-Name; korrigieren Sie die Spezifikation oder verbergen Sie den Parameter.</translation>
    </message>
    <message>
        <source>The header parameter %1 of %2 contains a line break or another control character, which a header cannot carry; remove it.</source>
        <translation>Der Header-Parameter %1 von %2 enthält einen Zeilenumbruch oder ein anderes Steuerzeichen, das ein Header nicht übertragen kann; entfernen Sie es.</translation>
    </message>
    <message>
        <source>The cookie parameter &quot;%1&quot; of %2 is not a valid cookie name; fix the spec or hide the parameter.</source>
        <translation>Der Cookie-Parameter &quot;%1&quot; von %2 ist kein gültiger Cookie-Name; korrigieren Sie die Spezifikation oder verbergen Sie den Parameter.</translation>
    </message>
    <message>
        <source>The request URL for %1 came out invalid (%2); please report this.</source>
        <translation>Die Anfrage-URL für %1 ist ungültig geworden (%2); bitte melden Sie diesen Fehler.</translation>
    </message>
    <message>
        <source>The body of %1 must be an object to be sent as multipart/form-data.</source>
        <translation>Der Body von %1 muss ein Objekt sein, um als multipart/form-data gesendet zu werden.</translation>
    </message>
    <message>
        <source>The encoding of %1 in %2 names a content type with control characters; fix the spec.</source>
        <translation>Die encoding-Angabe von %1 in %2 nennt einen Content-Type mit Steuerzeichen; korrigieren Sie die Spezifikation.</translation>
    </message>
    <message>
        <source>%1 sends its body as %2, which the gateway can only fill from a single text value, not from separate properties.</source>
        <translation>%1 sendet seinen Body als %2; das Gateway kann ihn nur aus einem einzelnen Textwert füllen, nicht aus separaten Eigenschaften.</translation>
    </message>
    <message>
        <source>The request content type of %1 contains control characters; fix the spec.</source>
        <translation>Der Content-Type der Anfrage von %1 enthält Steuerzeichen; korrigieren Sie die Spezifikation.</translation>
    </message>
    <message>
        <source>it contains a line break or another control character</source>
        <translation>es enthält einen Zeilenumbruch oder ein anderes Steuerzeichen</translation>
    </message>
    <message>
        <source>it starts or ends with whitespace</source>
        <translation>es beginnt oder endet mit Leerraum</translation>
    </message>
</context>
<context>
    <name>ResourceGuard</name>
    <message>
        <source>a token in the query string is not accepted: send it in the Authorization header as Bearer TOKEN</source>
        <translation>ein Token im Query-String wird nicht akzeptiert: Senden Sie es im Authorization-Header als Bearer TOKEN</translation>
    </message>
    <message>
        <source>the request has more than one Authorization header: send one</source>
        <translation>die Anfrage enthält mehr als einen Authorization-Header: Senden Sie nur einen</translation>
    </message>
    <message>
        <source>the request carries a token in both the Authorization header and the query string: send it only in the header</source>
        <translation>die Anfrage enthält ein Token sowohl im Authorization-Header als auch im Query-String: Senden Sie es nur im Header</translation>
    </message>
    <message>
        <source>the Authorization header uses the %1 scheme; this endpoint takes Bearer TOKEN</source>
        <translation>der Authorization-Header verwendet das Schema %1; dieser Endpunkt erwartet Bearer TOKEN</translation>
    </message>
    <message>
        <source>the Authorization header names the Bearer scheme but no token</source>
        <translation>der Authorization-Header nennt das Schema Bearer, aber kein Token</translation>
    </message>
    <message>
        <source>the Authorization header holds more than one token: send exactly one</source>
        <translation>der Authorization-Header enthält mehr als ein Token: Senden Sie genau eines</translation>
    </message>
    <message>
        <source>the bearer token is longer than %1 bytes, so it is not one this gateway issued</source>
        <translation>das Bearer-Token ist länger als %1 Bytes und wurde daher nicht von diesem Gateway ausgestellt</translation>
    </message>
    <message>
        <source>the bearer token holds characters a token cannot have (RFC 6750 section 2.1)</source>
        <translation>das Bearer-Token enthält Zeichen, die in einem Token nicht vorkommen dürfen (RFC 6750, Abschnitt 2.1)</translation>
    </message>
    <message>
        <source>this gateway runs without a store, so it cannot check tokens</source>
        <translation>dieses Gateway läuft ohne Datenspeicher und kann daher keine Tokens prüfen</translation>
    </message>
    <message>
        <source>this MCP endpoint needs a bearer token: sign in through your MCP client (it finds the sign-in page from resource_metadata), or ask the gateway&apos;s owner for a token (gatehouse token mint --user NAME --server %1) and send it as Authorization: Bearer TOKEN</source>
        <translation>dieser MCP-Endpunkt erfordert ein Bearer-Token: Melden Sie sich über Ihren MCP-Client an (er findet die Anmeldeseite über resource_metadata) oder bitten Sie den Betreiber des Gateways um ein Token (gatehouse token mint --user NAME --server %1) und senden Sie es als Authorization: Bearer TOKEN</translation>
    </message>
</context>
<context>
    <name>ResultBuilder</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 content of %2</source>
        <translation>Inhalt vom Typ %1 (%2)</translation>
    </message>
    <message>
        <source>Upstream answered %1 and redirected to %2, which the gateway does not follow: it follows redirects only within the same origin.</source>
        <translation>Der Upstream hat mit %1 geantwortet und weitergeleitet (Ziel: %2); das Gateway folgt dem nicht, da es Weiterleitungen nur innerhalb desselben Origins folgt.</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Upstream answered %1.</source>
        <translation>Der Upstream hat mit %1 geantwortet.</translation>
    </message>
    <message>
        <source>Upstream answered %1: %2</source>
        <translation>Der Upstream hat mit %1 geantwortet: %2</translation>
    </message>
    <message>
        <source>(Retry-After: %1)</source>
        <translation>(Retry-After: %1)</translation>
    </message>
    <message>
        <source>Upstream answered with status %1, which the gateway cannot use.</source>
        <translation>Der Upstream hat mit dem Status %1 geantwortet, mit dem das Gateway nichts anfangen kann.</translation>
    </message>
    <message>
        <source>Upstream answered %1 with an empty body.</source>
        <translation>Der Upstream hat mit %1 und leerem Body geantwortet.</translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation>Location: %1</translation>
    </message>
    <message>
        <source>Response shaped: kept fields %1 (owner chose them).</source>
        <translation>Antwort zugeschnitten: beibehaltene Felder %1 (vom Betreiber gewählt).</translation>
    </message>
    <message>
        <source>nested objects reduced to the fields that identify them</source>
        <translation>verschachtelte Objekte auf die Felder reduziert, die sie identifizieren</translation>
    </message>
    <message>
        <source>links to other API resources left out</source>
        <translation>Links auf andere API-Ressourcen ausgelassen</translation>
    </message>
    <message>
        <source>strings cut at %1 characters</source>
        <translation>Zeichenketten nach %1 Zeichen abgeschnitten</translation>
    </message>
    <message>
        <source>Response shaped: %1. The owner can list the fields to keep (response_fields) or turn shaping off.</source>
        <translation>Antwort zugeschnitten: %1. Der Betreiber kann die beizubehaltenden Felder angeben (response_fields) oder das Zuschneiden abschalten.</translation>
    </message>
    <message>
        <source>The upstream answered with a %1 image of %2, too large to show (the limit is %3).</source>
        <translation>Der Upstream hat mit einem Bild vom Typ %1 (%2) geantwortet, das zu groß für die Anzeige ist (das Limit ist %3).</translation>
    </message>
    <message>
        <source>The response was cut at %1 of %2; ask for less, for example with a filter or a smaller page.</source>
        <translation>Die Antwort wurde bei %1 von %2 abgeschnitten; fordern Sie weniger an, zum Beispiel mit einem Filter oder einer kleineren Seite.</translation>
    </message>
    <message>
        <source>The upstream answered with %1 content of %2, which is not shown.</source>
        <translation>Der Upstream hat mit Inhalt (%1, %2) geantwortet, der nicht angezeigt wird.</translation>
    </message>
    <message>
        <source>untyped binary</source>
        <translation>Binärdaten ohne Typangabe</translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The gateway refused to call %1: %2</source>
        <translation>Das Gateway hat den Aufruf von %1 verweigert: %2</translation>
    </message>
    <message>
        <source>The answer from %1 was refused: %2</source>
        <translation>Die Antwort von %1 wurde abgelehnt: %2</translation>
    </message>
    <message>
        <source>Calling %1 failed: %2</source>
        <translation>Der Aufruf von %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>RoleRepository</name>
    <message>
        <source>%1: a rule needs a target.</source>
        <translation>%1: Eine Regel braucht ein Ziel.</translation>
    </message>
    <message>
        <source>%1: the rule for &apos;%2&apos; has effect &apos;%3&apos;; use allow or deny.</source>
        <translation>%1: Die Regel für &apos;%2&apos; hat die Wirkung &apos;%3&apos;; verwenden Sie allow oder deny.</translation>
    </message>
    <message>
        <source>%1: the rule for &apos;%2&apos; has action &apos;%3&apos;, which is not one of %4.</source>
        <translation>%1: Die Regel für &apos;%2&apos; hat die Aktion &apos;%3&apos;, erlaubt sind nur %4.</translation>
    </message>
    <message>
        <source>Reading permission rules</source>
        <translation>Lesen der Berechtigungsregeln</translation>
    </message>
    <message>
        <source>Reading roles</source>
        <translation>Lesen der Rollen</translation>
    </message>
    <message>
        <source>There is no role named &apos;%1&apos;.</source>
        <translation>Es gibt keine Rolle namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>A role needs a name.</source>
        <translation>Eine Rolle braucht einen Namen.</translation>
    </message>
    <message>
        <source>Role &apos;%1&apos;</source>
        <translation>Rolle &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Saving role &apos;%1&apos;</source>
        <translation>Speichern der Rolle &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A role named &apos;%1&apos; already exists; choose another name or edit the existing role.</source>
        <translation>Eine Rolle namens &apos;%1&apos; existiert bereits; wählen Sie einen anderen Namen oder bearbeiten Sie die vorhandene Rolle.</translation>
    </message>
    <message>
        <source>Replacing the rules of &apos;%1&apos;</source>
        <translation>Ersetzen der Regeln von &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Saving a rule of &apos;%1&apos;</source>
        <translation>Speichern einer Regel von &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot save rules for user &apos;%1&apos;: there is no user by that name.</source>
        <translation>Regeln für den Benutzer &apos;%1&apos; können nicht gespeichert werden: Es gibt keinen Benutzer mit diesem Namen.</translation>
    </message>
    <message>
        <source>Finding the users of role &apos;%1&apos;</source>
        <translation>Ermitteln der Benutzer der Rolle &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Role &apos;%1&apos; cannot be removed: users %2 hold it; take it from them first.</source>
        <translation>Die Rolle &apos;%1&apos; kann nicht entfernt werden: Die Benutzer %2 haben sie; entziehen Sie sie ihnen zuerst.</translation>
    </message>
    <message>
        <source>Removing role &apos;%1&apos;</source>
        <translation>Entfernen der Rolle &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot remove role &apos;%1&apos;: there is no role by that name.</source>
        <translation>Die Rolle &apos;%1&apos; kann nicht entfernt werden: Es gibt keine Rolle mit diesem Namen.</translation>
    </message>
    <message>
        <source>User &apos;%1&apos;</source>
        <translation>Benutzer &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Looking up user &apos;%1&apos;</source>
        <translation>Suchen des Benutzers &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>SchemaValidator</name>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>einen Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>a date-time as in RFC 3339 (2024-05-01T12:00:00Z)</source>
        <translation>einen Zeitstempel nach RFC 3339 (2024-05-01T12:00:00Z)</translation>
    </message>
    <message>
        <source>a date as in RFC 3339 (2024-05-01)</source>
        <translation>ein Datum nach RFC 3339 (2024-05-01)</translation>
    </message>
    <message>
        <source>a time as in RFC 3339 (12:00:00Z)</source>
        <translation>eine Uhrzeit nach RFC 3339 (12:00:00Z)</translation>
    </message>
    <message>
        <source>an email address</source>
        <translation>eine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>an absolute URI</source>
        <translation>einen absoluten URI</translation>
    </message>
    <message>
        <source>a UUID</source>
        <translation>eine UUID</translation>
    </message>
    <message>
        <source>an IPv4 address</source>
        <translation>eine IPv4-Adresse</translation>
    </message>
    <message>
        <source>an IPv6 address</source>
        <translation>eine IPv6-Adresse</translation>
    </message>
    <message>
        <source>The pattern `%1` does not compile (%2); it constrains nothing.</source>
        <translation>Das Muster `%1` lässt sich nicht kompilieren (%2); es schränkt nichts ein.</translation>
    </message>
    <message>
        <source>the value is nested deeper than %1 levels</source>
        <translation>der Wert ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>no value is allowed here</source>
        <translation>hier ist kein Wert erlaubt</translation>
    </message>
    <message>
        <source>the schema nests deeper than %1 levels here; the value cannot be checked</source>
        <translation>das Schema ist hier tiefer als %1 Ebenen verschachtelt; der Wert kann nicht geprüft werden</translation>
    </message>
    <message>
        <source>the value takes more than %1 steps to check; send a smaller value</source>
        <translation>die Prüfung des Werts braucht mehr als %1 Schritte; senden Sie einen kleineren Wert</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>%1 erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>expected a multiple of %1, got %2</source>
        <translation>ein Vielfaches von %1 erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>matches a form that is not allowed here</source>
        <translation>entspricht einer Form, die hier nicht erlaubt ist</translation>
    </message>
    <message>
        <source>the schema refers to itself through `%1` without descending into the value; it cannot be checked</source>
        <translation>das Schema verweist über `%1` auf sich selbst, ohne in den Wert abzusteigen; es kann nicht geprüft werden</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>%1 weitere</translation>
    </message>
    <message>
        <source>expected one of %1, got %2</source>
        <translation>einen der Werte %1 erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>expected at least %1, got %2</source>
        <translation>mindestens %1 erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>expected at most %1, got %2</source>
        <translation>höchstens %1 erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>expected more than %1, got %2</source>
        <translation>mehr als %1 erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>expected less than %1, got %2</source>
        <translation>weniger als %1 erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>too short: the minimum length is %1, got %2</source>
        <translation>zu kurz: Die Mindestlänge ist %1, gefunden: %2</translation>
    </message>
    <message>
        <source>too long: the maximum length is %1, got %2</source>
        <translation>zu lang: Die Höchstlänge ist %1, gefunden: %2</translation>
    </message>
    <message>
        <source>too few items: the minimum is %1, got %2</source>
        <translation>zu wenige Elemente: Das Minimum ist %1, gefunden: %2</translation>
    </message>
    <message>
        <source>too many items: the maximum is %1, got %2</source>
        <translation>zu viele Elemente: Das Maximum ist %1, gefunden: %2</translation>
    </message>
    <message>
        <source>too few properties: the minimum is %1, got %2</source>
        <translation>zu wenige Eigenschaften: Das Minimum ist %1, gefunden: %2</translation>
    </message>
    <message>
        <source>too many properties: the maximum is %1, got %2</source>
        <translation>zu viele Eigenschaften: Das Maximum ist %1, gefunden: %2</translation>
    </message>
    <message>
        <source>expected a string matching `%1`, got %2</source>
        <translation>eine Zeichenkette erwartet, die `%1` entspricht, %2 gefunden</translation>
    </message>
    <message>
        <source>items [%1] and [%2] are equal; the items must be unique</source>
        <translation>die Elemente [%1] und [%2] sind gleich; die Elemente müssen eindeutig sein</translation>
    </message>
    <message>
        <source>too few items match `contains`: the minimum is %1, got %2</source>
        <translation>zu wenige Elemente passen zu `contains`: Das Minimum ist %1, gefunden: %2</translation>
    </message>
    <message>
        <source>too many items match `contains`: the maximum is %1, got %2</source>
        <translation>zu viele Elemente passen zu `contains`: Das Maximum ist %1, gefunden: %2</translation>
    </message>
    <message>
        <source>unknown property</source>
        <translation>unbekannte Eigenschaft</translation>
    </message>
    <message>
        <source>unknown property; the known ones are %1</source>
        <translation>unbekannte Eigenschaft; bekannt sind %1</translation>
    </message>
    <message>
        <source>required when `%1` is present</source>
        <translation>erforderlich, wenn `%1` vorhanden ist</translation>
    </message>
    <message>
        <source>required property missing</source>
        <translation>erforderliche Eigenschaft fehlt</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>nicht erlaubt</translation>
    </message>
    <message>
        <source>invalid property name: %1</source>
        <translation>ungültiger Eigenschaftsname: %1</translation>
    </message>
    <message>
        <source>matches more than one of the allowed forms (forms %1 and %2); it must match exactly one</source>
        <translation>entspricht mehr als einer der erlaubten Formen (Formen %1 und %2); der Wert muss genau einer entsprechen</translation>
    </message>
    <message>
        <source>matches none of the %1 allowed forms</source>
        <translation>entspricht keiner der %1 erlaubten Formen</translation>
    </message>
    <message>
        <source>; or </source>
        <translation>; oder </translation>
    </message>
    <message>
        <source>The reference `%1` names nothing in the schema; it constrains nothing.</source>
        <translation>Die Referenz `%1` verweist auf nichts im Schema; sie schränkt nichts ein.</translation>
    </message>
    <message>
        <source>arguments: %1</source>
        <translation>Argumente: %1</translation>
    </message>
    <message>
        <source>argument `%1`: %2</source>
        <translation>Argument `%1`: %2</translation>
    </message>
</context>
<context>
    <name>SealedSecret</name>
    <message>
        <source>the sealed secret of credential %1 is damaged (not base64, or cut short): use the gatehouse.yaml that `gatehouse export --seal-secrets` wrote, unchanged, or export again</source>
        <translation>das versiegelte Geheimnis der Zugangsdaten %1 ist beschädigt (kein Base64 oder abgeschnitten): Verwenden Sie die von `gatehouse export --seal-secrets` geschriebene gatehouse.yaml unverändert, oder exportieren Sie erneut</translation>
    </message>
    <message>
        <source>the sealed secret of credential %1 has format version %2, which this version of Gatehouse cannot read: upgrade Gatehouse, or seal it again with `gatehouse export --seal-secrets`</source>
        <translation>das versiegelte Geheimnis der Zugangsdaten %1 hat die Formatversion %2, die diese Version von Gatehouse nicht lesen kann: Aktualisieren Sie Gatehouse, oder versiegeln Sie es erneut mit `gatehouse export --seal-secrets`</translation>
    </message>
    <message>
        <source>the secret of credential %1 was sealed for deployment key %2, but this gateway&apos;s master key is %3: install the deployment key that `gatehouse export --seal-secrets` wrote beside this bundle where gateway.master_key says (for example `master_key: {systemd: gatehouse-deployment}`), or export again and install the new key</source>
        <translation>das Geheimnis der Zugangsdaten %1 wurde für den Deployment-Schlüssel %2 versiegelt, der Hauptschlüssel dieses Gateways ist aber %3: Installieren Sie den Deployment-Schlüssel, den `gatehouse export --seal-secrets` neben dieses Paket geschrieben hat, dort, wo gateway.master_key es angibt (zum Beispiel `master_key: {systemd: gatehouse-deployment}`), oder exportieren Sie erneut und installieren Sie den neuen Schlüssel</translation>
    </message>
    <message>
        <source>the sealed secret of credential %1 does not decrypt with deployment key %2: it was altered, or sealed for another credential and copied here. Export again with `gatehouse export --seal-secrets` and use its gatehouse.yaml unchanged.</source>
        <translation>das versiegelte Geheimnis der Zugangsdaten %1 lässt sich mit dem Deployment-Schlüssel %2 nicht entschlüsseln: Es wurde verändert oder für andere Zugangsdaten versiegelt und hierher kopiert. Exportieren Sie erneut mit `gatehouse export --seal-secrets` und verwenden Sie dessen gatehouse.yaml unverändert.</translation>
    </message>
</context>
<context>
    <name>SecretRepository</name>
    <message>
        <source>credential &apos;%1&apos;</source>
        <translation>Zugangsdaten &apos;%1&apos;</translation>
    </message>
    <message>
        <source>credential &apos;%1&apos; of user &apos;%2&apos;</source>
        <translation>Zugangsdaten &apos;%1&apos; des Benutzers &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Reading stored secrets</source>
        <translation>Lesen gespeicherter Geheimnisse</translation>
    </message>
    <message>
        <source>There is no secret stored for %1.</source>
        <translation>Für %1 ist kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>Looking for stored secrets</source>
        <translation>Suchen nach gespeicherten Geheimnissen</translation>
    </message>
    <message>
        <source>Saving the secret of %1</source>
        <translation>Speichern des Geheimnisses für %1</translation>
    </message>
    <message>
        <source>There already is a secret for %1; replace it with `gatehouse credential rotate`.</source>
        <translation>Für %1 gibt es bereits ein Geheimnis; ersetzen Sie es mit `gatehouse credential rotate`.</translation>
    </message>
    <message>
        <source>There is no credential named &apos;%1&apos;.</source>
        <translation>Es gibt keine Zugangsdaten namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>There is no credential named &apos;%1&apos; or no user named &apos;%2&apos;.</source>
        <translation>Es gibt keine Zugangsdaten namens &apos;%1&apos; oder keinen Benutzer namens &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Replacing the secret of %1</source>
        <translation>Ersetzen des Geheimnisses für %1</translation>
    </message>
    <message>
        <source>There is no secret stored for %1 to replace; add it with `gatehouse credential import`.</source>
        <translation>Für %1 ist kein Geheimnis gespeichert, das ersetzt werden könnte; fügen Sie es mit `gatehouse credential import` hinzu.</translation>
    </message>
    <message>
        <source>Removing the secret of %1</source>
        <translation>Entfernen des Geheimnisses für %1</translation>
    </message>
    <message>
        <source>There is no secret stored for %1 to remove.</source>
        <translation>Für %1 ist kein Geheimnis gespeichert, das entfernt werden könnte.</translation>
    </message>
    <message>
        <source>Recording the use of the secret of %1</source>
        <translation>Erfassen der Verwendung des Geheimnisses für %1</translation>
    </message>
    <message>
        <source>Reading the master key&apos;s check value</source>
        <translation>Lesen des Prüfwerts des Hauptschlüssels</translation>
    </message>
    <message>
        <source>Saving the master key&apos;s check value</source>
        <translation>Speichern des Prüfwerts des Hauptschlüssels</translation>
    </message>
    <message>
        <source>Re-encrypting the secret of %1</source>
        <translation>Neuverschlüsseln des Geheimnisses für %1</translation>
    </message>
    <message>
        <source>While the master key was being replaced, the secret of %1 changed; nothing was changed, try again.</source>
        <translation>Während der Hauptschlüssel ersetzt wurde, hat sich das Geheimnis für %1 geändert; es wurde nichts geändert, versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Locking the master key&apos;s check value</source>
        <translation>Sperren des Prüfwerts des Hauptschlüssels</translation>
    </message>
    <message>
        <source>Claiming the master key&apos;s check value</source>
        <translation>Beanspruchen des Prüfwerts des Hauptschlüssels</translation>
    </message>
    <message>
        <source>Another process recorded a master key first; run the command again.</source>
        <translation>Ein anderer Prozess hat zuerst einen Hauptschlüssel eingetragen; führen Sie den Befehl erneut aus.</translation>
    </message>
    <message>
        <source>Another process changed the master key&apos;s check value meanwhile; run the command again.</source>
        <translation>Ein anderer Prozess hat den Prüfwert des Hauptschlüssels inzwischen geändert; führen Sie den Befehl erneut aus.</translation>
    </message>
    <message>
        <source>Another process stored a secret under the recorded master key meanwhile; run the command again.</source>
        <translation>Ein anderer Prozess hat inzwischen ein Geheimnis unter dem eingetragenen Hauptschlüssel gespeichert; führen Sie den Befehl erneut aus.</translation>
    </message>
    <message>
        <source>Replacing the master key&apos;s check value</source>
        <translation>Ersetzen des Prüfwerts des Hauptschlüssels</translation>
    </message>
    <message>
        <source>Releasing the master key&apos;s check value</source>
        <translation>Freigeben des Prüfwerts des Hauptschlüssels</translation>
    </message>
</context>
<context>
    <name>SecretResolver</name>
    <message>
        <source>The secret names no environment variable; write `{env: NAME}`.</source>
        <translation>Das Geheimnis nennt keine Umgebungsvariable; schreiben Sie `{env: NAME}`.</translation>
    </message>
    <message>
        <source>The environment variable %1 that holds the secret is not set or is empty; export it before starting gatehouse.</source>
        <translation>Die Umgebungsvariable %1, die das Geheimnis enthält, ist nicht gesetzt oder leer; exportieren Sie sie, bevor Sie gatehouse starten.</translation>
    </message>
    <message>
        <source>The secret names no file; write `{file: PATH}`.</source>
        <translation>Das Geheimnis nennt keine Datei; schreiben Sie `{file: PATH}`.</translation>
    </message>
    <message>
        <source>The secret file %1 does not exist; create it or fix the path.</source>
        <translation>Die Geheimnisdatei %1 existiert nicht; legen Sie sie an oder korrigieren Sie den Pfad.</translation>
    </message>
    <message>
        <source>The secret file %1 is not a regular file; point `file:` at the file that holds the secret.</source>
        <translation>Die Geheimnisdatei %1 ist keine reguläre Datei; lassen Sie `file:` auf die Datei zeigen, die das Geheimnis enthält.</translation>
    </message>
    <message>
        <source>The secret file %1 can be read by every user on this machine; run `chmod 600 %1` and try again.</source>
        <translation>Die Geheimnisdatei %1 kann von jedem Benutzer auf diesem Rechner gelesen werden; führen Sie `chmod 600 %1` aus und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The secret file %1 is larger than %2 KiB, which no secret is; check the path.</source>
        <translation>Die Geheimnisdatei %1 ist größer als %2 KiB, und so groß ist kein Geheimnis; prüfen Sie den Pfad.</translation>
    </message>
    <message>
        <source>The secret file %1 cannot be read: %2.</source>
        <translation>Die Geheimnisdatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The secret file %1 is empty; write the secret into it.</source>
        <translation>Die Geheimnisdatei %1 ist leer; schreiben Sie das Geheimnis hinein.</translation>
    </message>
    <message>
        <source>The secret has an unknown source.</source>
        <translation>Das Geheimnis hat eine unbekannte Quelle.</translation>
    </message>
    <message>
        <source>A {keychain: NAME} secret is kept in the credential vault and read there at each call; import it with `gatehouse credential import`.</source>
        <translation>Ein Geheimnis der Form {keychain: NAME} wird im Tresor für Zugangsdaten aufbewahrt und bei jedem Aufruf dort gelesen; importieren Sie es mit `gatehouse credential import`.</translation>
    </message>
    <message>
        <source>A {sealed: ...} secret is decrypted with the gateway&apos;s master key when the catalog loads, through the credential vault; it cannot be read without it.</source>
        <translation>Ein {sealed: ...}-Geheimnis wird beim Laden des Katalogs über den Tresor für Zugangsdaten mit dem Hauptschlüssel des Gateways entschlüsselt; ohne diesen kann es nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The secret of credential %1 is not sealed.</source>
        <translation>Das Geheimnis der Zugangsdaten %1 ist nicht versiegelt.</translation>
    </message>
    <message>
        <source>the secret of credential %1 is sealed to a deployment key, and this gateway has no master key to unseal it. Install the key that `gatehouse export --seal-secrets` wrote beside the bundle (BUNDLE.deployment-key) where gateway.master_key says, for example `master_key: {systemd: gatehouse-deployment}` or `{file: PATH}`, and restart the gateway; its log says why no key was read.</source>
        <translation>das Geheimnis der Zugangsdaten %1 ist für einen Deployment-Schlüssel versiegelt, und dieses Gateway hat keinen Hauptschlüssel, um es zu entsiegeln. Installieren Sie den Schlüssel, den `gatehouse export --seal-secrets` neben das Paket geschrieben hat (BUNDLE.deployment-key), dort, wo gateway.master_key es angibt, zum Beispiel `master_key: {systemd: gatehouse-deployment}` oder `{file: PATH}`, und starten Sie das Gateway neu; sein Protokoll nennt den Grund, warum kein Schlüssel gelesen wurde.</translation>
    </message>
</context>
<context>
    <name>SelfSignedCertificate</name>
    <message>
        <source>the TLS certificate could not be made (%1: %2); nothing was written. Try again, and report it if it happens again.</source>
        <translation>das TLS-Zertifikat konnte nicht erzeugt werden (%1: %2); es wurde nichts geschrieben. Versuchen Sie es erneut, und melden Sie den Fehler, falls er wieder auftritt.</translation>
    </message>
    <message>
        <source>cannot write %1 (%2: %3): check that the data folder exists and that you can write it</source>
        <translation>%1 kann nicht geschrieben werden (%2: %3): Prüfen Sie, ob der Datenordner existiert und ob Sie darin schreiben dürfen</translation>
    </message>
    <message>
        <source>cannot read the TLS certificate %1 (%2): choose another file or generate one</source>
        <translation>das TLS-Zertifikat %1 kann nicht gelesen werden (%2): Wählen Sie eine andere Datei, oder erzeugen Sie ein Zertifikat</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate: choose the certificate file (it starts with -----BEGIN CERTIFICATE-----) or generate one</source>
        <translation>%1 enthält kein PEM-Zertifikat: Wählen Sie die Zertifikatsdatei (sie beginnt mit -----BEGIN CERTIFICATE-----), oder erzeugen Sie ein Zertifikat</translation>
    </message>
    <message>
        <source>cannot delete the certificate file %1, which the settings no longer use: delete it yourself</source>
        <translation>die Zertifikatsdatei %1, die von den Einstellungen nicht mehr verwendet wird, kann nicht gelöscht werden: Löschen Sie sie selbst</translation>
    </message>
    <message>
        <source>a certificate is valid for 1 to 825 days, not %1</source>
        <translation>ein Zertifikat ist 1 bis 825 Tage gültig, nicht %1</translation>
    </message>
</context>
<context>
    <name>ServerEditor</name>
    <message>
        <source>Server %1 fronts an upstream MCP server; its tools cannot be edited here yet.</source>
        <translation>Der Server %1 ist einem Upstream-MCP-Server vorgeschaltet; seine Tools können hier noch nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>Server %1 names no OpenAPI spec.</source>
        <translation>Der Server %1 nennt keine OpenAPI-Spezifikation.</translation>
    </message>
    <message>
        <source>The spec of server %1 could not be loaded, so it offers no tools: %2</source>
        <translation>Die Spezifikation des Servers %1 konnte nicht geladen werden, daher bietet er keine Tools an: %2</translation>
    </message>
    <message>
        <source>A tool needs a name: 1 to 64 letters, digits, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Ein Tool braucht einen Namen: 1 bis 64 Buchstaben, Ziffern, &apos;_&apos; oder &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Tool names may use letters, digits, &apos;_&apos; and &apos;-&apos; only, at most 64 characters, so every MCP client accepts them.</source>
        <translation>Tool-Namen dürfen nur Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos; enthalten und höchstens 64 Zeichen lang sein, damit jeder MCP-Client sie akzeptiert.</translation>
    </message>
    <message>
        <source>Tool %1 exists already in server %2. Choose another name.</source>
        <translation>Das Tool %1 gibt es im Server %2 bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>ServerImport</name>
    <message>
        <source>The file %1 does not exist. Choose the spec file again.</source>
        <translation>Die Datei %1 existiert nicht. Wählen Sie die Spezifikationsdatei erneut.</translation>
    </message>
    <message>
        <source>Choose a spec file or enter the spec&apos;s URL (https://…).</source>
        <translation>Wählen Sie eine Spezifikationsdatei, oder geben Sie die URL der Spezifikation ein (https://…).</translation>
    </message>
    <message>
        <source>%1 is neither a file nor an http(s) URL. Enter an https:// address or choose a file.</source>
        <translation>%1 ist weder eine Datei noch eine http(s)-URL. Geben Sie eine https://-Adresse ein, oder wählen Sie eine Datei.</translation>
    </message>
    <message>
        <source>%1 describes no operations, so it would give no tools. Check that it is the API&apos;s full OpenAPI document.</source>
        <translation>%1 beschreibt keine Operationen und würde daher keine Tools ergeben. Prüfen Sie, ob es das vollständige OpenAPI-Dokument der API ist.</translation>
    </message>
    <message>
        <source>Give the server a name: it becomes the end of its MCP address, /mcp/NAME.</source>
        <translation>Geben Sie dem Server einen Namen: Er bildet das Ende seiner MCP-Adresse, /mcp/NAME.</translation>
    </message>
    <message>
        <source>Use letters, digits, &apos;-&apos; and &apos;_&apos; only, starting with a letter or digit, at most 64 characters: the name becomes the address /mcp/%1.</source>
        <translation>Verwenden Sie nur Buchstaben, Ziffern, &apos;-&apos; und &apos;_&apos;, beginnend mit einem Buchstaben oder einer Ziffer, höchstens 64 Zeichen: Der Name wird zur Adresse /mcp/%1.</translation>
    </message>
    <message>
        <source>A server named %1 exists already. Choose another name.</source>
        <translation>Ein Server namens %1 existiert bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>ServerRepository</name>
    <message>
        <source>Reading servers</source>
        <translation>Lesen der Server</translation>
    </message>
    <message>
        <source>There is no server named &apos;%1&apos;.</source>
        <translation>Es gibt keinen Server namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>A server needs a name.</source>
        <translation>Ein Server braucht einen Namen.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos;: discovery &apos;%2&apos; is not one of %3.</source>
        <translation>Server &apos;%1&apos;: discovery &apos;%2&apos; ist ungültig, erlaubt sind %3.</translation>
    </message>
    <message>
        <source>Saving server &apos;%1&apos;</source>
        <translation>Speichern des Servers &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A server named &apos;%1&apos; already exists; choose another name or edit the existing server.</source>
        <translation>Ein Server namens &apos;%1&apos; existiert bereits; wählen Sie einen anderen Namen oder bearbeiten Sie den vorhandenen Server.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; uses credential &apos;%2&apos;, which does not exist; add the credential first.</source>
        <translation>Der Server &apos;%1&apos; verwendet die Zugangsdaten &apos;%2&apos;, die es nicht gibt; legen Sie die Zugangsdaten zuerst an.</translation>
    </message>
    <message>
        <source>Removing server &apos;%1&apos;</source>
        <translation>Entfernen des Servers &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot remove server &apos;%1&apos;: there is no server by that name.</source>
        <translation>Der Server &apos;%1&apos; kann nicht entfernt werden: Es gibt keinen Server mit diesem Namen.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos;: the description limit must be 0 (no limit) or more, not %2.</source>
        <translation>Server &apos;%1&apos;: Das Limit für Beschreibungen muss 0 (kein Limit) oder größer sein, nicht %2.</translation>
    </message>
    <message>
        <source>Reading the servers&apos; credentials</source>
        <translation>Lesen der Zugangsdaten der Server</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos;: identity header &apos;%2&apos; is not an HTTP header name; use letters, digits and -, such as X-Gatehouse-User.</source>
        <translation>Server &apos;%1&apos;: Der Identitäts-Header &apos;%2&apos; ist kein HTTP-Header-Name; verwenden Sie Buchstaben, Ziffern und -, etwa X-Gatehouse-User.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos;: the user and the client identity headers are both &apos;%2&apos;; give each its own header.</source>
        <translation>Server &apos;%1&apos;: Die Identitäts-Header für Benutzer und Client sind beide &apos;%2&apos;; geben Sie jedem einen eigenen Header.</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; lists credential &apos;%2&apos; twice among its credentials; list each once, in the order they are tried.</source>
        <translation>Der Server &apos;%1&apos; führt die Zugangsdaten &apos;%2&apos; doppelt auf; führen Sie jeden Eintrag nur einmal auf, in der Reihenfolge, in der sie probiert werden.</translation>
    </message>
    <message>
        <source>Saving the credentials of server &apos;%1&apos;</source>
        <translation>Speichern der Zugangsdaten des Servers &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; lists credential &apos;%2&apos; among its credentials, which does not exist; add the credential first.</source>
        <translation>Der Server &apos;%1&apos; führt die Zugangsdaten &apos;%2&apos; auf, die es nicht gibt; legen Sie die Zugangsdaten zuerst an.</translation>
    </message>
</context>
<context>
    <name>SessionRepository</name>
    <message>
        <source>Storing the gateway key &apos;%1&apos;</source>
        <translation>Speichern des Gateway-Schlüssels &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Reading the gateway key &apos;%1&apos;</source>
        <translation>Lesen des Gateway-Schlüssels &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The gateway key &apos;%1&apos; vanished.</source>
        <translation>Der Gateway-Schlüssel &apos;%1&apos; ist verschwunden.</translation>
    </message>
    <message>
        <source>Recording an ended session</source>
        <translation>Speichern einer beendeten Sitzung</translation>
    </message>
    <message>
        <source>Reading ended sessions</source>
        <translation>Lesen beendeter Sitzungen</translation>
    </message>
    <message>
        <source>Removing expired sessions</source>
        <translation>Entfernen abgelaufener Sitzungen</translation>
    </message>
</context>
<context>
    <name>SpecLoader</name>
    <message>
        <source>a mapping</source>
        <translation>eine Zuordnung</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>the document has more than %1 nodes</source>
        <translation>das Dokument hat mehr als %1 Knoten</translation>
    </message>
    <message>
        <source>the document is nested deeper than %1 levels</source>
        <translation>das Dokument ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>a mapping key is not a string</source>
        <translation>ein Schlüssel einer Zuordnung ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>%1: the document is larger than %2 bytes</source>
        <translation>%1: Das Dokument ist größer als %2 Byte</translation>
    </message>
    <message>
        <source>%1: the document is nested deeper than %2 levels</source>
        <translation>%1: Das Dokument ist tiefer als %2 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>%1: not valid JSON: %2</source>
        <translation>%1: kein gültiges JSON: %2</translation>
    </message>
    <message>
        <source>%1:%2: not valid YAML: %3</source>
        <translation>%1:%2: kein gültiges YAML: %3</translation>
    </message>
    <message>
        <source>%1:%2: cannot read the YAML: %3</source>
        <translation>%1:%2: Das YAML kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>$ref &quot;%1&quot;: more than %2 files are referenced</source>
        <translation>$ref &quot;%1&quot;: Es werden mehr als %2 Dateien referenziert</translation>
    </message>
    <message>
        <source>$ref &quot;%1&quot;: cannot read %2: %3</source>
        <translation>$ref &quot;%1&quot;: %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>$ref &quot;%1&quot;: %2 is larger than %3 bytes</source>
        <translation>$ref &quot;%1&quot;: %2 ist größer als %3 Byte</translation>
    </message>
    <message>
        <source>$ref &quot;%1&quot;: %2</source>
        <translation>$ref &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>$ref &quot;%1&quot; names a file, but the spec was not loaded from a file</source>
        <translation>$ref &quot;%1&quot; nennt eine Datei, aber die Spezifikation wurde nicht aus einer Datei geladen</translation>
    </message>
    <message>
        <source>$ref &quot;%1&quot; points at nothing</source>
        <translation>$ref &quot;%1&quot; verweist ins Leere</translation>
    </message>
    <message>
        <source>more than %1 $refs in a chain (a $ref cycle?)</source>
        <translation>mehr als %1 $refs in einer Kette (ein $ref-Zyklus?)</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>eine Zeichenkette erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>true oder false erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected a list, got %1</source>
        <translation>eine Liste erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected a mapping, got %1</source>
        <translation>eine Zuordnung erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>too many nested $refs</source>
        <translation>zu viele verschachtelte $refs</translation>
    </message>
    <message>
        <source>schema nested deeper than %1 levels</source>
        <translation>Schema ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>expected a schema, got %1</source>
        <translation>ein Schema erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected a server mapping, got %1</source>
        <translation>eine Server-Zuordnung erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>server has no &quot;url&quot;</source>
        <translation>Server hat keine &quot;url&quot;</translation>
    </message>
    <message>
        <source>server variable has no default</source>
        <translation>Servervariable hat keinen Standardwert</translation>
    </message>
    <message>
        <source>the default &quot;%1&quot; is not one of the enum values</source>
        <translation>der Standardwert &quot;%1&quot; ist keiner der enum-Werte</translation>
    </message>
    <message>
        <source>security scheme &quot;%1&quot; is not defined</source>
        <translation>Sicherheitsschema &quot;%1&quot; ist nicht definiert</translation>
    </message>
    <message>
        <source>security scheme has no &quot;type&quot;</source>
        <translation>Sicherheitsschema hat keinen &quot;type&quot;</translation>
    </message>
    <message>
        <source>unknown style &quot;%1&quot;</source>
        <translation>unbekannter style &quot;%1&quot;</translation>
    </message>
    <message>
        <source>collectionFormat &quot;%1&quot; has no OpenAPI 3 equivalent in %2</source>
        <translation>collectionFormat &quot;%1&quot; hat für %2 keine Entsprechung in OpenAPI 3</translation>
    </message>
    <message>
        <source>expected an operation mapping, got %1</source>
        <translation>eine Operations-Zuordnung erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected a parameter mapping, got %1</source>
        <translation>eine Parameter-Zuordnung erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>parameter has no &quot;name&quot;</source>
        <translation>Parameter hat keinen &quot;name&quot;</translation>
    </message>
    <message>
        <source>parameter has no &quot;in&quot;</source>
        <translation>Parameter hat kein &quot;in&quot;</translation>
    </message>
    <message>
        <source>a form field</source>
        <translation>ein Formularfeld</translation>
    </message>
    <message>
        <source>unknown parameter location &quot;%1&quot;</source>
        <translation>unbekannte Parameterposition &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a %1 parameter</source>
        <translation>ein %1-Parameter</translation>
    </message>
    <message>
        <source>style &quot;%1&quot; is not allowed in %2</source>
        <translation>style &quot;%1&quot; ist für %2 nicht erlaubt</translation>
    </message>
    <message>
        <source>path parameter &quot;%1&quot; is not declared</source>
        <translation>Pfadparameter &quot;%1&quot; ist nicht deklariert</translation>
    </message>
    <message>
        <source>body parameter has no &quot;schema&quot;</source>
        <translation>body-Parameter hat kein &quot;schema&quot;</translation>
    </message>
    <message>
        <source>request body has no &quot;content&quot;</source>
        <translation>requestBody hat keinen &quot;content&quot;</translation>
    </message>
    <message>
        <source>%1: cannot load the spec: %2</source>
        <translation>%1: Die Spezifikation kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not an OpenAPI document: expected a mapping at the top level, got %2</source>
        <translation>%1 ist kein OpenAPI-Dokument: Auf oberster Ebene wurde eine Zuordnung erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>%1 is not an OpenAPI document: it has no &quot;openapi&quot; or &quot;swagger&quot; version key at the top level</source>
        <translation>%1 ist kein OpenAPI-Dokument: Auf oberster Ebene fehlt der Versionsschlüssel &quot;openapi&quot; oder &quot;swagger&quot;</translation>
    </message>
    <message>
        <source>%1: unsupported version &quot;%2&quot; (OpenAPI 3.0, 3.1 and Swagger 2.0 are supported)</source>
        <translation>%1: nicht unterstützte Version &quot;%2&quot; (unterstützt werden OpenAPI 3.0, 3.1 und Swagger 2.0)</translation>
    </message>
    <message>
        <source>expected a path item mapping, got %1</source>
        <translation>eine Path-Item-Zuordnung erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>%1: operationId &quot;%2&quot; is used by %3 and %4</source>
        <translation>%1: operationId &quot;%2&quot; wird von %3 und %4 verwendet</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>remote $ref &quot;%1&quot; refused: remote references are not allowed for this server (openapi_remote_refs: true allows them)</source>
        <translation>entfernter $ref &quot;%1&quot; abgelehnt: Entfernte Referenzen sind für diesen Server nicht erlaubt (openapi_remote_refs: true erlaubt sie)</translation>
    </message>
    <message>
        <source>remote $ref &quot;%1&quot;: this loader cannot fetch URLs</source>
        <translation>entfernter $ref &quot;%1&quot;: Dieser Loader kann keine URLs abrufen</translation>
    </message>
    <message>
        <source>$ref &quot;%1&quot; refused: only http and https references can be fetched</source>
        <translation>$ref &quot;%1&quot; abgelehnt: Nur http- und https-Referenzen können abgerufen werden</translation>
    </message>
    <message>
        <source>%1 is not an http or https URL</source>
        <translation>%1 ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>%1: this loader cannot fetch URLs</source>
        <translation>%1: Dieser Loader kann keine URLs abrufen</translation>
    </message>
</context>
<context>
    <name>SpendRepository</name>
    <message>
        <source>A call&apos;s cost must be a number of zero or more, not %1.</source>
        <translation>Die Kosten eines Aufrufs müssen eine Zahl größer oder gleich null sein, nicht %1.</translation>
    </message>
    <message>
        <source>Reserving a call&apos;s cost against its token</source>
        <translation>Reservieren der Kosten eines Aufrufs beim zugehörigen Token</translation>
    </message>
    <message>
        <source>Reading a token&apos;s spend</source>
        <translation>Lesen der Ausgaben eines Tokens</translation>
    </message>
    <message>
        <source>The token this call was made with no longer exists; sign in again.</source>
        <translation>Das Token, mit dem dieser Aufruf erfolgte, existiert nicht mehr; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Reserving a call&apos;s cost against the monthly cap of user &apos;%1&apos; on server &apos;%2&apos;</source>
        <translation>Reservieren der Kosten eines Aufrufs im Monatslimit des Benutzers &apos;%1&apos; auf dem Server &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Reading a user&apos;s monthly spend</source>
        <translation>Lesen der monatlichen Ausgaben eines Benutzers</translation>
    </message>
    <message>
        <source>spend cap reached; nothing reserved</source>
        <translation>Ausgabenlimit erreicht; nichts reserviert</translation>
    </message>
    <message>
        <source>Refunding a call&apos;s cost to its token</source>
        <translation>Rückbuchen der Kosten eines Aufrufs auf das zugehörige Token</translation>
    </message>
    <message>
        <source>Refunding a call&apos;s cost to user &apos;%1&apos;</source>
        <translation>Rückbuchen der Kosten eines Aufrufs an den Benutzer &apos;%1&apos;</translation>
    </message>
    <message>
        <source>No such token.</source>
        <translation>Dieses Token gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>StoreSync</name>
    <message>
        <source>%1 &apos;%2&apos; was made in the GUI or by a command; the config file declares it too and wins</source>
        <translation>%1 &apos;%2&apos;: in der Oberfläche oder per Befehl angelegt, aber auch in der Konfigurationsdatei deklariert; die Konfigurationsdatei hat Vorrang</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed, %4 unchanged</source>
        <translation>%1 hinzugefügt, %2 geändert, %3 entfernt, %4 unverändert</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>credential</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>tool override</source>
        <translation>Tool-Überschreibung</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>nothing was changed</source>
        <translation>es wurde nichts geändert</translation>
    </message>
    <message>
        <source>cannot create %1: check the permissions of its parent folder</source>
        <translation>%1 kann nicht angelegt werden: Prüfen Sie die Berechtigungen des übergeordneten Ordners</translation>
    </message>
    <message>
        <source>server %1: cannot copy its OpenAPI spec %2 into the bundle: check that the file exists, or import the server again</source>
        <translation>Server %1: Seine OpenAPI-Spezifikation %2 kann nicht in das Paket kopiert werden: Prüfen Sie, ob die Datei existiert, oder importieren Sie den Server erneut</translation>
    </message>
    <message>
        <source># Gatehouse deployment bundle

- `gatehouse.yaml`: the configuration (docs/configuration.md in the Gatehouse sources describes every key).
- `specs/`: the OpenAPI specs it names.

Run it with:

    gatehouse serve --config gatehouse.yaml

Credentials are referenced, never included: provide each secret on the server as its `secret:` key says (env, file or keychain).
</source>
        <translation># Gatehouse-Bereitstellungspaket

- `gatehouse.yaml`: die Konfiguration (docs/configuration.md in den Gatehouse-Quellen beschreibt jeden Schlüssel).
- `specs/`: die darin genannten OpenAPI-Spezifikationen.

Starten mit:

    gatehouse serve --config gatehouse.yaml

Zugangsdaten werden nur referenziert, nie mitgeliefert: Stellen Sie jedes Geheimnis auf dem Server so bereit, wie es sein `secret:`-Schlüssel angibt (env, file oder keychain).
</translation>
    </message>
    <message>
        <source>credential %1 is no longer in the configuration, but %2 imported secret(s) of it are stored: put it back, or delete them first with gatehouse credential delete %1</source>
        <translation>Die Zugangsdaten %1 stehen nicht mehr in der Konfiguration, aber %2 importierte(s) Geheimnis(se) dazu sind gespeichert: Nehmen Sie sie wieder auf, oder löschen Sie die Geheimnisse zuerst mit gatehouse credential delete %1</translation>
    </message>
    <message>
        <source>
## Sealed secrets

The owner-wide secrets of %1 are in `gatehouse.yaml` as `secret: {sealed: ...}`, encrypted (AES-256-GCM) to the deployment key in `%2`, which was written beside this folder, never inside it. The gateway unseals them with its master key, so install that key as the server&apos;s master key, then delete it from the machine it was exported on:

- as a systemd credential (recommended):

      systemd-creds encrypt --name=gatehouse-deployment %2 /etc/credstore.encrypted/gatehouse-deployment

  with `LoadCredentialEncrypted=gatehouse-deployment:/etc/credstore.encrypted/gatehouse-deployment` in the service unit and, in `gatehouse.yaml`:

      gateway:
        master_key: {systemd: gatehouse-deployment}

- or as a key file owned by the user the gateway runs as, mode 0600, in a directory only that user or root can write:

      gateway:
        master_key: {file: /etc/gatehouse/%2}

As exported, `gateway.master_key` names the key file beside this folder, so the bundle runs where it was written. Without the key, or with another one, the gateway still starts and these credentials&apos; tools answer with an error that says so. A sealed value only opens for its own credential: copied to another one, it does not decrypt.
</source>
        <translation>
## Versiegelte Geheimnisse

Die betreiberweiten Geheimnisse von %1 stehen in `gatehouse.yaml` als `secret: {sealed: ...}`, verschlüsselt (AES-256-GCM) mit dem Bereitstellungsschlüssel in `%2`, der neben diesen Ordner geschrieben wurde, niemals hinein. Das Gateway entsiegelt sie mit seinem Hauptschlüssel. Installieren Sie diesen Schlüssel daher als Hauptschlüssel des Servers und löschen Sie ihn anschließend auf dem Rechner, auf dem er exportiert wurde:

- als systemd-Credential (empfohlen):

      systemd-creds encrypt --name=gatehouse-deployment %2 /etc/credstore.encrypted/gatehouse-deployment

  mit `LoadCredentialEncrypted=gatehouse-deployment:/etc/credstore.encrypted/gatehouse-deployment` in der Service-Unit und in `gatehouse.yaml`:

      gateway:
        master_key: {systemd: gatehouse-deployment}

- oder als Schlüsseldatei, die dem Benutzer gehört, unter dem das Gateway läuft, mit Modus 0600, in einem Verzeichnis, in das nur dieser Benutzer oder root schreiben kann:

      gateway:
        master_key: {file: /etc/gatehouse/%2}

Im exportierten Zustand verweist `gateway.master_key` auf die Schlüsseldatei neben diesem Ordner, sodass das Paket dort läuft, wo es geschrieben wurde. Ohne den Schlüssel oder mit einem anderen startet das Gateway trotzdem, aber die Tools dieser Zugangsdaten antworten mit einem Fehler, der darauf hinweist. Ein versiegelter Wert lässt sich nur für seine eigenen Zugangsdaten öffnen: In andere Zugangsdaten kopiert, lässt er sich nicht entschlüsseln.
</translation>
    </message>
    <message>
        <source>
Per-user secrets are not exported: each user of %1 imports their own on the server with `gatehouse credential import NAME --user USER --from-stdin`.
</source>
        <translation>
Benutzerspezifische Geheimnisse werden nicht exportiert: Jeder Benutzer von %1 importiert seine eigenen auf dem Server mit `gatehouse credential import NAME --user USER --from-stdin`.
</translation>
    </message>
</context>
<context>
    <name>SystemdCredentialKeyProvider</name>
    <message>
        <source>the systemd credential %1</source>
        <translation>das systemd-Credential %1</translation>
    </message>
    <message>
        <source>the systemd credential %1 is not available: CREDENTIALS_DIRECTORY is not set, so Gatehouse was not started by a systemd unit with LoadCredentialEncrypted=%1:FILE (or LoadCredential=%1:FILE). Add it to the unit, or use a key file (gateway.key_file)</source>
        <translation>das systemd-Credential %1 ist nicht verfügbar: CREDENTIALS_DIRECTORY ist nicht gesetzt, also wurde Gatehouse nicht von einer systemd-Unit mit LoadCredentialEncrypted=%1:FILE (oder LoadCredential=%1:FILE) gestartet. Ergänzen Sie das in der Unit oder verwenden Sie eine Schlüsseldatei (gateway.key_file)</translation>
    </message>
    <message>
        <source>the systemd credential %1 is not in %2: add LoadCredentialEncrypted=%1:FILE to the unit</source>
        <translation>das systemd-Credential %1 liegt nicht in %2: Fügen Sie der Unit LoadCredentialEncrypted=%1:FILE hinzu</translation>
    </message>
    <message>
        <source>cannot read the systemd credential %1: %2</source>
        <translation>das systemd-Credential %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Gatehouse cannot create the systemd credential %1 itself: encrypt a key with `head -c 32 /dev/urandom | base64 | systemd-creds encrypt --name=%1 - /etc/credstore.encrypted/%1` and add LoadCredentialEncrypted=%1 to the unit</source>
        <translation>Gatehouse kann das systemd-Credential %1 nicht selbst anlegen: Verschlüsseln Sie einen Schlüssel mit `head -c 32 /dev/urandom | base64 | systemd-creds encrypt --name=%1 - /etc/credstore.encrypted/%1` und fügen Sie der Unit LoadCredentialEncrypted=%1 hinzu</translation>
    </message>
    <message>
        <source>Gatehouse cannot write the systemd credential %1, so it cannot rotate the master key kept there. To rotate it: decrypt the current key into a private key file (`systemd-creds decrypt --name=%1 /etc/credstore.encrypted/%1 /root/%1.key &amp;&amp; chmod 600 /root/%1.key`), run `gatehouse credential rotate-master-key` with gateway.master_key: {file: /root/%1.key}, encrypt the rotated file back (`systemd-creds encrypt --name=%1 /root/%1.key /etc/credstore.encrypted/%1`), delete /root/%1.key and restart the unit</source>
        <translation>Gatehouse kann das systemd-Credential %1 nicht schreiben und daher den dort abgelegten Hauptschlüssel nicht rotieren. So rotieren Sie ihn: Entschlüsseln Sie den aktuellen Schlüssel in eine private Schlüsseldatei (`systemd-creds decrypt --name=%1 /etc/credstore.encrypted/%1 /root/%1.key &amp;&amp; chmod 600 /root/%1.key`), führen Sie `gatehouse credential rotate-master-key` mit gateway.master_key: {file: /root/%1.key} aus, verschlüsseln Sie die rotierte Datei wieder (`systemd-creds encrypt --name=%1 /root/%1.key /etc/credstore.encrypted/%1`), löschen Sie /root/%1.key und starten Sie die Unit neu</translation>
    </message>
    <message>
        <source>the systemd credential %1 has no staged key</source>
        <translation>das systemd-Credential %1 enthält keinen vorgemerkten Schlüssel</translation>
    </message>
</context>
<context>
    <name>TokenCache</name>
    <message>
        <source>The gateway stopped the worker that was fetching the upstream access token; call the tool again.</source>
        <translation>Das Gateway hat den Worker beendet, der das Upstream-Zugriffstoken abrief; rufen Sie das Tool erneut auf.</translation>
    </message>
    <message>
        <source>The gateway is stopping; call the tool again once it runs.</source>
        <translation>Das Gateway wird gerade beendet; rufen Sie das Tool erneut auf, sobald es wieder läuft.</translation>
    </message>
</context>
<context>
    <name>TokenCommand</name>
    <message>
        <source>Usage: gatehouse token mint|list|revoke [--help]</source>
        <translation>Aufruf: gatehouse token mint|list|revoke [--help]</translation>
    </message>
    <message>
        <source>  mint --user NAME [--server S] [--ttl 1h] [--scope S:ACTION]... [--spend-cap N]</source>
        <translation>  mint --user NAME [--server S] [--ttl 1h] [--scope S:ACTION]... [--spend-cap N]</translation>
    </message>
    <message>
        <source>                 print a bearer token for an MCP client (shown once)</source>
        <translation>                 ein Bearer-Token für einen MCP-Client ausgeben (wird nur einmal angezeigt)</translation>
    </message>
    <message>
        <source>  list [--user NAME]   list tokens: id, user, server, scopes, expiry</source>
        <translation>  list [--user NAME]   Tokens auflisten: ID, Benutzer, Server, Scopes, Ablaufzeitpunkt</translation>
    </message>
    <message>
        <source>  revoke ID            revoke the token with that id (or an unambiguous start of it)</source>
        <translation>  revoke ID            das Token mit dieser ID (oder einem eindeutigen Anfang davon) widerrufen</translation>
    </message>
    <message>
        <source>unknown token command &apos;%1&apos;</source>
        <translation>unbekannter token-Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--public-url %1: expected the gateway&apos;s http or https base URL, e.g. https://gateway.example.com</source>
        <translation>--public-url %1: http- oder https-Basis-URL des Gateways erwartet, z. B. https://gateway.example.com</translation>
    </message>
    <message>
        <source>The user the token speaks for (required).</source>
        <translation>Der Benutzer, in dessen Namen das Token handelt (erforderlich).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Bind the token to this server&apos;s MCP endpoint (RFC 8707); without it the token is good for every server the user may use.</source>
        <translation>Das Token an den MCP-Endpunkt dieses Servers binden (RFC 8707); ohne diese Option gilt das Token für jeden Server, den der Benutzer nutzen darf.</translation>
    </message>
    <message>
        <source>SERVER</source>
        <translation>SERVER</translation>
    </message>
    <message>
        <source>How long the token lives: 30m, 1h, 12h, 7d ... up to 365d (default 1h).</source>
        <translation>Wie lange das Token gültig ist: 30m, 1h, 12h, 7d ... bis zu 365d (Standard: 1h).</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Narrow the token to SERVER:ACTION (read, create, update, delete) or offline_access; repeatable. Default: every action on --server.</source>
        <translation>Das Token auf SERVER:ACTION (read, create, update, delete) oder offline_access beschränken; mehrfach angebbar. Standard: jede Aktion auf --server.</translation>
    </message>
    <message>
        <source>SCOPE</source>
        <translation>SCOPE</translation>
    </message>
    <message>
        <source>The most this token may spend (stored with the token; the policy enforces it).</source>
        <translation>Der Höchstbetrag, den dieses Token ausgeben darf (wird mit dem Token gespeichert; die Richtlinie setzt ihn durch).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The gateway&apos;s public base URL that --server binds to (default: the --config file&apos;s gateway.public_url, else http://127.0.0.1:8787).</source>
        <translation>Die öffentliche Basis-URL des Gateways, an die --server bindet (Standard: gateway.public_url aus der --config-Datei, sonst http://127.0.0.1:8787).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Mints a bearer token for an MCP client that only takes a header. The token alone is printed on standard output, once: TOKEN=$(gatehouse token mint ...) keeps it; its id, expiry and scopes go to standard error. Only its hash is stored.</source>
        <translation>Stellt ein Bearer-Token für einen MCP-Client aus, der nur einen Header annimmt. Nur das Token selbst wird einmalig auf der Standardausgabe ausgegeben: TOKEN=$(gatehouse token mint ...) hält es fest; ID, Ablaufzeitpunkt und Scopes gehen auf die Standardfehlerausgabe. Gespeichert wird nur sein Hash.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--user NAME is required</source>
        <translation>--user NAME ist erforderlich</translation>
    </message>
    <message>
        <source>--spend-cap %1: expected a number of zero or more</source>
        <translation>--spend-cap %1: eine Zahl größer oder gleich null erwartet</translation>
    </message>
    <message>
        <source>Token %1 for %2 on %3, scopes: %4, expires %5. It is shown only once; revoke it with: gatehouse token revoke %1</source>
        <translation>Token %1 für %2 auf %3, Scopes: %4, gültig bis %5. Es wird nur dieses eine Mal angezeigt; widerrufen Sie es mit: gatehouse token revoke %1</translation>
    </message>
    <message>
        <source>every server</source>
        <translation>allen Servern</translation>
    </message>
    <message>
        <source>not narrowed</source>
        <translation>nicht eingeschränkt</translation>
    </message>
    <message>
        <source>Only this user&apos;s tokens.</source>
        <translation>Nur die Tokens dieses Benutzers.</translation>
    </message>
    <message>
        <source>Lists the access tokens: id, user, server (* for every server), scopes, expiry, state and spend cap. Tokens themselves are never stored, so never shown.</source>
        <translation>Listet die Zugriffstokens auf: ID, Benutzer, Server (* für alle Server), Scopes, Ablaufzeitpunkt, Status und Kostenobergrenze. Die Tokens selbst werden nie gespeichert und daher nie angezeigt.</translation>
    </message>
    <message>
        <source>No tokens. Mint one with: gatehouse token mint --user NAME --server SERVER</source>
        <translation>Keine Tokens. Stellen Sie eines aus mit: gatehouse token mint --user NAME --server SERVER</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>BENUTZER</translation>
    </message>
    <message>
        <source>SCOPES</source>
        <translation>SCOPES</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>LÄUFT AB</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>SPEND CAP</source>
        <translation>KOSTENOBERGRENZE</translation>
    </message>
    <message>
        <source>CLIENT</source>
        <translation>CLIENT</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>The token&apos;s id as token list shows it, or an unambiguous start of it.</source>
        <translation>Die ID des Tokens, wie token list sie anzeigt, oder ein eindeutiger Anfang davon.</translation>
    </message>
    <message>
        <source>Revokes an access token: the gateway refuses it from the next request on.</source>
        <translation>Widerruft ein Zugriffstoken: Das Gateway weist es ab der nächsten Anfrage zurück.</translation>
    </message>
    <message>
        <source>expected the token&apos;s id (gatehouse token list shows it)</source>
        <translation>ID des Tokens erwartet (gatehouse token list zeigt sie an)</translation>
    </message>
    <message>
        <source>Token %1 of %2 was already revoked.</source>
        <translation>Token %1 von %2 war bereits widerrufen.</translation>
    </message>
    <message>
        <source>Revoked token %1 of %2.</source>
        <translation>Token %1 von %2 widerrufen.</translation>
    </message>
</context>
<context>
    <name>TokenEndpoint</name>
    <message>
        <source>send the parameters as application/x-www-form-urlencoded (RFC 6749 section 3.2)</source>
        <translation>senden Sie die Parameter als application/x-www-form-urlencoded (RFC 6749 Abschnitt 3.2)</translation>
    </message>
    <message>
        <source>the Authorization header must use the Basic scheme here</source>
        <translation>der Authorization-Header muss hier das Schema Basic verwenden</translation>
    </message>
    <message>
        <source>use one client authentication method: the Basic header or client_secret in the body, not both</source>
        <translation>verwenden Sie nur eine Methode zur Client-Authentifizierung: den Basic-Header oder client_secret im Body, nicht beides</translation>
    </message>
    <message>
        <source>the Basic credentials must be client_id:client_secret, each form-encoded (RFC 6749 section 2.3.1)</source>
        <translation>die Basic-Zugangsdaten müssen client_id:client_secret sein, jeweils formularkodiert (RFC 6749 Abschnitt 2.3.1)</translation>
    </message>
    <message>
        <source>the Basic credentials are not form-encoded</source>
        <translation>die Basic-Zugangsdaten sind nicht formularkodiert</translation>
    </message>
    <message>
        <source>client_id in the body differs from the one in the Basic header</source>
        <translation>die client_id im Body weicht von der im Basic-Header ab</translation>
    </message>
    <message>
        <source>the client did not identify itself: send client_id (public clients) or client credentials</source>
        <translation>der Client hat sich nicht identifiziert: Senden Sie client_id (öffentliche Clients) oder Client-Zugangsdaten</translation>
    </message>
    <message>
        <source>too many failed client authentications; try again in %1 seconds</source>
        <translation>zu viele fehlgeschlagene Client-Authentifizierungen; versuchen Sie es in %1 Sekunden erneut</translation>
    </message>
    <message>
        <source>client %1 is confidential: authenticate with its client_secret (Basic header or client_secret)</source>
        <translation>der Client %1 ist vertraulich: Authentifizieren Sie sich mit seinem client_secret (Basic-Header oder client_secret)</translation>
    </message>
    <message>
        <source>the client secret is wrong for client %1; if it was lost, ask the gateway&apos;s owner to issue a new client</source>
        <translation>das Client-Secret für den Client %1 ist falsch; falls es verloren gegangen ist, bitten Sie den Betreiber des Gateways, einen neuen Client auszustellen</translation>
    </message>
    <message>
        <source>client %1 is public and has no secret: send only client_id</source>
        <translation>der Client %1 ist öffentlich und hat kein Secret: Senden Sie nur client_id</translation>
    </message>
    <message>
        <source>grant_type is missing</source>
        <translation>grant_type fehlt</translation>
    </message>
    <message>
        <source>grant_type %1 is not supported: use authorization_code, refresh_token or client_credentials</source>
        <translation>grant_type %1 wird nicht unterstützt: Verwenden Sie authorization_code, refresh_token oder client_credentials</translation>
    </message>
    <message>
        <source>client %1 may not use the authorization_code grant</source>
        <translation>der Client %1 darf den Grant-Typ authorization_code nicht verwenden</translation>
    </message>
    <message>
        <source>code is missing</source>
        <translation>code fehlt</translation>
    </message>
    <message>
        <source>code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, &apos;-&apos;, &apos;.&apos;, &apos;_&apos; and &apos;~&apos; (RFC 7636 section 4.1)</source>
        <translation>code_verifier muss aus 43 bis 128 Zeichen aus A-Z, a-z, 0-9, &apos;-&apos;, &apos;.&apos;, &apos;_&apos; und &apos;~&apos; bestehen (RFC 7636 Abschnitt 4.1)</translation>
    </message>
    <message>
        <source>the authorization code is not known: it may have expired; start sign-in again</source>
        <translation>der Autorisierungscode ist unbekannt: Er ist möglicherweise abgelaufen; starten Sie die Anmeldung erneut</translation>
    </message>
    <message>
        <source>the authorization code was issued to another client</source>
        <translation>der Autorisierungscode wurde für einen anderen Client ausgestellt</translation>
    </message>
    <message>
        <source>the authorization code was already used; the tokens it gave were revoked. Start sign-in again</source>
        <translation>der Autorisierungscode wurde bereits verwendet; die damit ausgestellten Tokens wurden widerrufen. Starten Sie die Anmeldung erneut</translation>
    </message>
    <message>
        <source>the authorization code expired (codes live %1 seconds); start sign-in again</source>
        <translation>der Autorisierungscode ist abgelaufen (Codes gelten %1 Sekunden); starten Sie die Anmeldung erneut</translation>
    </message>
    <message>
        <source>redirect_uri is missing: send the one the authorization request used</source>
        <translation>redirect_uri fehlt: Senden Sie dieselbe wie in der Autorisierungsanfrage</translation>
    </message>
    <message>
        <source>redirect_uri differs from the one the authorization request used</source>
        <translation>redirect_uri weicht von der in der Autorisierungsanfrage verwendeten ab</translation>
    </message>
    <message>
        <source>code_verifier was sent, but the authorization request had no code_challenge</source>
        <translation>code_verifier wurde gesendet, aber die Autorisierungsanfrage enthielt keine code_challenge</translation>
    </message>
    <message>
        <source>code_verifier is missing: send the PKCE verifier of this sign-in</source>
        <translation>code_verifier fehlt: Senden Sie den PKCE-Verifier dieser Anmeldung</translation>
    </message>
    <message>
        <source>the code_verifier does not match the code_challenge (PKCE S256); the code is now used up, start sign-in again</source>
        <translation>der code_verifier passt nicht zur code_challenge (PKCE S256); der Code ist jetzt verbraucht, starten Sie die Anmeldung erneut</translation>
    </message>
    <message>
        <source>the resource %1 was not part of this authorization; ask for %2</source>
        <translation>die Ressource %1 war nicht Teil dieser Autorisierung; fordern Sie %2 an</translation>
    </message>
    <message>
        <source>client %1 may not use the refresh_token grant</source>
        <translation>der Client %1 darf den Grant-Typ refresh_token nicht verwenden</translation>
    </message>
    <message>
        <source>refresh_token is missing</source>
        <translation>refresh_token fehlt</translation>
    </message>
    <message>
        <source>the refresh token is not known: it may have expired; sign in again</source>
        <translation>das Refresh-Token ist unbekannt: Es ist möglicherweise abgelaufen; melden Sie sich erneut an</translation>
    </message>
    <message>
        <source>the refresh token was issued to another client</source>
        <translation>das Refresh-Token wurde für einen anderen Client ausgestellt</translation>
    </message>
    <message>
        <source>the scope %1 was not granted to this refresh token; ask for the granted scopes or fewer (%2)</source>
        <translation>der Scope %1 wurde diesem Refresh-Token nicht gewährt; fordern Sie die gewährten Scopes oder weniger an (%2)</translation>
    </message>
    <message>
        <source>the resource %1 was not part of this grant; ask for %2</source>
        <translation>die Ressource %1 war nicht Teil dieses Grants; fordern Sie %2 an</translation>
    </message>
    <message>
        <source>the refresh token was already used, so every token of this sign-in was revoked; sign in again</source>
        <translation>das Refresh-Token wurde bereits verwendet, daher wurden alle Tokens dieser Anmeldung widerrufen; melden Sie sich erneut an</translation>
    </message>
    <message>
        <source>the refresh token expired; sign in again</source>
        <translation>das Refresh-Token ist abgelaufen; melden Sie sich erneut an</translation>
    </message>
    <message>
        <source>client %1 may not use client_credentials: only clients the gateway&apos;s owner issued to a user can (gatehouse client issue --user NAME)</source>
        <translation>der Client %1 darf client_credentials nicht verwenden: Das dürfen nur Clients, die der Betreiber des Gateways einem Benutzer ausgestellt hat (gatehouse client issue --user NAME)</translation>
    </message>
    <message>
        <source>the user of this grant no longer exists</source>
        <translation>der Benutzer dieses Grants existiert nicht mehr</translation>
    </message>
    <message>
        <source>user %1 is disabled; ask the gateway&apos;s owner to enable the account</source>
        <translation>der Benutzer %1 ist deaktiviert; bitten Sie den Betreiber des Gateways, das Konto zu aktivieren</translation>
    </message>
    <message>
        <source>token is missing</source>
        <translation>token fehlt</translation>
    </message>
    <message>
        <source>introspection needs a confidential client (issued by the gateway&apos;s owner)</source>
        <translation>die Introspektion erfordert einen vertraulichen Client (vom Betreiber des Gateways ausgestellt)</translation>
    </message>
    <message>
        <source>scope is empty: leave it out to keep the granted scopes (%1), or name some of them</source>
        <translation>scope ist leer: Lassen Sie den Parameter weg, um die gewährten Scopes (%1) beizubehalten, oder nennen Sie einige davon</translation>
    </message>
    <message>
        <source>the scopes must keep at least one of the granted server scopes (%1); without one the token would not be narrowed</source>
        <translation>die Scopes müssen mindestens einen der gewährten Server-Scopes (%1) beibehalten; ohne einen solchen wäre das Token nicht eingeschränkt</translation>
    </message>
</context>
<context>
    <name>TokenRepository</name>
    <message>
        <source>Reading OAuth tokens</source>
        <translation>Lesen der OAuth-Tokens</translation>
    </message>
    <message>
        <source>A token needs its hash, a client_id and an expiry time.</source>
        <translation>Ein Token braucht seinen Hash, eine client_id und einen Ablaufzeitpunkt.</translation>
    </message>
    <message>
        <source>Token kind &apos;%1&apos; is not one of %2.</source>
        <translation>Die Token-Art &apos;%1&apos; ist ungültig, erlaubt sind %2.</translation>
    </message>
    <message>
        <source>Saving a %1 token for OAuth client &apos;%2&apos;</source>
        <translation>Speichern eines Tokens der Art %1 für den OAuth-Client &apos;%2&apos;</translation>
    </message>
    <message>
        <source>A token with this hash already exists; generate a new token.</source>
        <translation>Ein Token mit diesem Hash existiert bereits; erzeugen Sie ein neues Token.</translation>
    </message>
    <message>
        <source>Cannot save a %1 token: OAuth client &apos;%2&apos;%3 does not exist.</source>
        <translation>Ein Token der Art %1 kann nicht gespeichert werden: Der OAuth-Client &apos;%2&apos;%3 existiert nicht.</translation>
    </message>
    <message>
        <source> or user &apos;%1&apos;</source>
        <translation> oder der Benutzer &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The token is not known; it may have expired and been removed. Request a new one.</source>
        <translation>Das Token ist unbekannt; möglicherweise ist es abgelaufen und wurde entfernt. Fordern Sie ein neues an.</translation>
    </message>
    <message>
        <source>Revoking a token</source>
        <translation>Widerrufen eines Tokens</translation>
    </message>
    <message>
        <source>Cannot revoke the token: it is not known.</source>
        <translation>Das Token kann nicht widerrufen werden: Es ist unbekannt.</translation>
    </message>
    <message>
        <source>Revoking the tokens of grant &apos;%1&apos;</source>
        <translation>Widerrufen der Tokens des Grants &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Revoking the tokens of user &apos;%1&apos;</source>
        <translation>Widerrufen der Tokens des Benutzers &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Removing expired tokens</source>
        <translation>Entfernen abgelaufener Tokens</translation>
    </message>
    <message>
        <source>Reading an OAuth token</source>
        <translation>Lesen eines OAuth-Tokens</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a token id: ids are 4 to 64 lowercase hexadecimal characters.</source>
        <translation>&apos;%1&apos; ist keine Token-ID: IDs bestehen aus 4 bis 64 Hexadezimalzeichen in Kleinschreibung.</translation>
    </message>
    <message>
        <source>Using up a token</source>
        <translation>Verbrauchen eines Tokens</translation>
    </message>
</context>
<context>
    <name>TokenService</name>
    <message>
        <source>&apos;%1&apos; is not a lifetime: write a whole number and a unit, such as 30m, 1h, 12h or 7d (s, m, h, d), up to 365d</source>
        <translation>&apos;%1&apos; ist keine gültige Dauer: Geben Sie eine ganze Zahl und eine Einheit an, etwa 30m, 1h, 12h oder 7d (s, m, h, d), höchstens 365d</translation>
    </message>
    <message>
        <source>a token lifetime of %1 is too long: the longest is 365d</source>
        <translation>eine Gültigkeitsdauer von %1 ist für ein Token zu lang: Höchstens 365d sind möglich</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a scope: write SERVER:ACTION with ACTION one of read, create, update, delete (e.g. billing:read), or offline_access</source>
        <translation>&apos;%1&apos; ist kein Scope: Geben Sie SERVER:ACTION an, wobei ACTION read, create, update oder delete ist (z. B. billing:read), oder offline_access</translation>
    </message>
    <message>
        <source>the scope %1 is for server &apos;%2&apos;, but the token is for server &apos;%3&apos;: use %3:ACTION scopes or leave out --server</source>
        <translation>der Scope %1 gilt für den Server &apos;%2&apos;, das Token aber für den Server &apos;%3&apos;: Verwenden Sie Scopes der Form %3:ACTION oder lassen Sie --server weg</translation>
    </message>
    <message>
        <source>the scope %1 names server &apos;%2&apos;, which is not configured</source>
        <translation>der Scope %1 nennt den Server &apos;%2&apos;, der nicht konfiguriert ist</translation>
    </message>
    <message>
        <source>a token for server &apos;%1&apos; needs at least one %1:ACTION scope, e.g. %1:read</source>
        <translation>ein Token für den Server &apos;%1&apos; braucht mindestens einen Scope der Form %1:ACTION, z. B. %1:read</translation>
    </message>
    <message>
        <source>no user named &apos;%1&apos;: add one with gatehouse user add %1</source>
        <translation>es gibt keinen Benutzer namens &apos;%1&apos;: Legen Sie ihn an mit gatehouse user add %1</translation>
    </message>
    <message>
        <source>user &apos;%1&apos; is disabled: enable the user before minting a token</source>
        <translation>der Benutzer &apos;%1&apos; ist deaktiviert: Aktivieren Sie den Benutzer, bevor Sie ein Token ausstellen</translation>
    </message>
    <message>
        <source>no server named &apos;%1&apos; is configured, and there are no servers yet: import a configuration first (gatehouse import FILE)</source>
        <translation>es ist kein Server namens &apos;%1&apos; konfiguriert, und es gibt noch keine Server: Importieren Sie zuerst eine Konfiguration (gatehouse import FILE)</translation>
    </message>
    <message>
        <source>no server named &apos;%1&apos; is configured; the servers are: %2</source>
        <translation>es ist kein Server namens &apos;%1&apos; konfiguriert; vorhandene Server: %2</translation>
    </message>
    <message>
        <source>a token lives between one second and 365 days</source>
        <translation>ein Token ist zwischen einer Sekunde und 365 Tagen gültig</translation>
    </message>
    <message>
        <source>the spend cap must be a number of zero or more</source>
        <translation>die Kostenobergrenze muss eine Zahl größer oder gleich null sein</translation>
    </message>
    <message>
        <source>Gatehouse command line</source>
        <translation>Gatehouse-Befehlszeile</translation>
    </message>
    <message>
        <source>the gateway cannot check tokens right now; try again later</source>
        <translation>das Gateway kann Tokens gerade nicht prüfen; versuchen Sie es später erneut</translation>
    </message>
    <message>
        <source>the token was revoked: get a new one from the gateway&apos;s owner (gatehouse token mint)</source>
        <translation>das Token wurde widerrufen: Lassen Sie sich vom Betreiber des Gateways ein neues ausstellen (gatehouse token mint)</translation>
    </message>
    <message>
        <source>the token expired at %1: mint a new one with gatehouse token mint</source>
        <translation>das Token ist seit %1 abgelaufen: Stellen Sie mit gatehouse token mint ein neues aus</translation>
    </message>
    <message>
        <source>the token&apos;s user no longer exists: the gateway&apos;s owner can add the user again and mint a new token</source>
        <translation>der Benutzer des Tokens existiert nicht mehr: Der Betreiber des Gateways kann den Benutzer erneut anlegen und ein neues Token ausstellen</translation>
    </message>
    <message>
        <source>user &apos;%1&apos; is disabled: ask the gateway&apos;s owner to enable the user</source>
        <translation>der Benutzer &apos;%1&apos; ist deaktiviert: Bitten Sie den Betreiber des Gateways, den Benutzer zu aktivieren</translation>
    </message>
    <message>
        <source>the token is for %1, not for %2: use a token minted for this server (gatehouse token mint --user %3 --server %4)</source>
        <translation>das Token gilt für %1, nicht für %2: Verwenden Sie ein für diesen Server ausgestelltes Token (gatehouse token mint --user %3 --server %4)</translation>
    </message>
    <message>
        <source>the token&apos;s scopes (%1) grant nothing on server &apos;%2&apos;: use a token with %2:read (or %2:create, %2:update, %2:delete)</source>
        <translation>die Scopes des Tokens (%1) erlauben nichts auf dem Server &apos;%2&apos;: Verwenden Sie ein Token mit %2:read (oder %2:create, %2:update, %2:delete)</translation>
    </message>
    <message>
        <source>no token has the id %1: gatehouse token list shows the ids</source>
        <translation>kein Token hat die ID %1: gatehouse token list zeigt die IDs an</translation>
    </message>
    <message>
        <source>the id %1 matches several tokens (%2): give more of it</source>
        <translation>die ID %1 passt zu mehreren Tokens (%2): Geben Sie mehr Zeichen davon an</translation>
    </message>
    <message>
        <source>the token is for %1, not for %2: this gateway is reached at %3, so mint the token with --public-url %3 (gatehouse token mint --user %4 --server %5 --public-url %3)</source>
        <translation>das Token gilt für %1, nicht für %2: Dieses Gateway ist unter %3 erreichbar, stellen Sie das Token also mit --public-url %3 aus (gatehouse token mint --user %4 --server %5 --public-url %3)</translation>
    </message>
    <message>
        <source>the token is not one this gateway issued, or it was removed: sign in again from your MCP client, or get a new token from the gateway&apos;s owner (gatehouse token mint --user NAME --server SERVER)</source>
        <translation>das Token wurde nicht von diesem Gateway ausgestellt oder wurde entfernt: Melden Sie sich über Ihren MCP-Client erneut an oder lassen Sie sich vom Betreiber des Gateways ein neues Token ausstellen (gatehouse token mint --user NAME --server SERVER)</translation>
    </message>
    <message>
        <source>the token was revoked: sign in again from your MCP client</source>
        <translation>das Token wurde widerrufen: Melden Sie sich über Ihren MCP-Client erneut an</translation>
    </message>
    <message>
        <source>the access token expired at %1: refresh it, or sign in again from your MCP client</source>
        <translation>das Zugriffstoken ist seit %1 abgelaufen: Erneuern Sie es oder melden Sie sich über Ihren MCP-Client erneut an</translation>
    </message>
</context>
<context>
    <name>ToolGenerator</name>
    <message>
        <source>The override &quot;%1&quot; names no operation of %2: use an operationId or &quot;METHOD /path&quot; as the spec writes it.</source>
        <translation>Die Überschreibung &quot;%1&quot; nennt keine Operation von %2: Verwenden Sie eine operationId oder &quot;METHOD /path&quot; so, wie die Spezifikation sie schreibt.</translation>
    </message>
    <message>
        <source>%1 has more than one override; only &quot;%2&quot; applies. Merge them into one.</source>
        <translation>%1 hat mehr als eine Überschreibung; nur &quot;%2&quot; gilt. Führen Sie sie zu einer zusammen.</translation>
    </message>
    <message>
        <source>Disabled by an override.</source>
        <translation>Durch eine Überschreibung deaktiviert.</translation>
    </message>
    <message>
        <source>Matches the exclude pattern &quot;%1&quot;.</source>
        <translation>Passt auf das exclude-Muster &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Matches none of the include patterns.</source>
        <translation>Passt auf keines der include-Muster.</translation>
    </message>
    <message>
        <source>Deprecated upstream; an override with enabled: true keeps it.</source>
        <translation>Im Upstream als veraltet markiert; eine Überschreibung mit enabled: true behält es bei.</translation>
    </message>
    <message>
        <source>The override &quot;%1&quot; names the parameter &quot;%2&quot;, which %3 does not have; it was ignored.</source>
        <translation>Die Überschreibung &quot;%1&quot; nennt den Parameter &quot;%2&quot;, den %3 nicht hat; die Angabe wurde ignoriert.</translation>
    </message>
    <message>
        <source>Hidden by an override; the upstream&apos;s default applies.</source>
        <translation>Durch eine Überschreibung verborgen; der Standardwert des Upstreams gilt.</translation>
    </message>
    <message>
        <source>The override &quot;%1&quot; hides the required parameter &quot;%2&quot; without a fixed value: calls to %3 will fail upstream. Give it a value with fixed_params instead.</source>
        <translation>Die Überschreibung &quot;%1&quot; verbirgt den erforderlichen Parameter &quot;%2&quot; ohne festen Wert: Aufrufe von %3 werden im Upstream fehlschlagen. Geben Sie ihm stattdessen mit fixed_params einen Wert.</translation>
    </message>
    <message>
        <source>Hidden by an override and always sent as %1.</source>
        <translation>Durch eine Überschreibung verborgen und immer als %1 gesendet.</translation>
    </message>
    <message>
        <source>Cut from %1 to %2 characters; the spec has the full text.</source>
        <translation>Von %1 auf %2 Zeichen gekürzt; die Spezifikation enthält den vollständigen Text.</translation>
    </message>
    <message>
        <source>The gateway sets the %1 header itself; clients never pass it.</source>
        <translation>Das Gateway setzt den Header %1 selbst; Clients übergeben ihn nie.</translation>
    </message>
    <message>
        <source>Carries the API key, which the gateway adds from the server&apos;s credential.</source>
        <translation>Überträgt den API-Schlüssel, den das Gateway aus den Zugangsdaten des Servers ergänzt.</translation>
    </message>
    <message>
        <source>Deprecated and optional: hidden.</source>
        <translation>Veraltet und optional: verborgen.</translation>
    </message>
    <message numerus="yes">
        <source>%n description(s) cut to %1 characters; the longest had %2.</source>
        <translation>
            <numerusform>%n Beschreibung auf %1 Zeichen gekürzt; sie hatte %2.</numerusform>
            <numerusform>%n Beschreibungen auf %1 Zeichen gekürzt; die längste hatte %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The JSON response is shaped to its top-level fields before the client sees it; response_fields in an override chooses them.</source>
        <translation>Die JSON-Antwort wird auf ihre Felder der obersten Ebene zugeschnitten, bevor der Client sie sieht; response_fields in einer Überschreibung wählt sie aus.</translation>
    </message>
    <message>
        <source>A list endpoint: GET %1 reads each item, so drop_list_with_read leaves the list out.</source>
        <translation>Ein Listen-Endpunkt: GET %1 liest jedes Element einzeln, daher lässt drop_list_with_read die Liste aus.</translation>
    </message>
    <message>
        <source>tools/list shows a brief description and a compact schema (short prose on required parameters only, objects two levels deep, no long enums); get_tool_schema gives the whole of both.</source>
        <translation>tools/list zeigt eine kurze Beschreibung und ein kompaktes Schema (kurze Erläuterungen nur bei erforderlichen Parametern, Objekte zwei Ebenen tief, keine langen Enums); get_tool_schema liefert beides vollständig.</translation>
    </message>
    <message>
        <source>The override &quot;%1&quot; names the tool &quot;%2&quot;, which does not match ^[A-Za-z0-9_-]{1,64}$; the tool is named &quot;%3&quot; instead.</source>
        <translation>Die Überschreibung &quot;%1&quot; gibt dem Tool den Namen &quot;%2&quot;, der nicht ^[A-Za-z0-9_-]{1,64}$ entspricht; das Tool heißt stattdessen &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>The override &quot;%1&quot; names the tool &quot;%2&quot;, which another override also uses; it is named &quot;%3&quot;.</source>
        <translation>Die Überschreibung &quot;%1&quot; gibt dem Tool den Namen &quot;%2&quot;, den auch eine andere Überschreibung verwendet; es heißt &quot;%3&quot;.</translation>
    </message>
</context>
<context>
    <name>ToolNamer</name>
    <message>
        <source>The name was cut to %1 characters; a hash of &quot;%2&quot; keeps it unique.</source>
        <translation>Der Name wurde auf %1 Zeichen gekürzt; ein Hash von &quot;%2&quot; hält ihn eindeutig.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is wanted by more than one operation; a hash of &quot;%2&quot; tells them apart.</source>
        <translation>&quot;%1&quot; wird von mehr als einer Operation beansprucht; ein Hash von &quot;%2&quot; unterscheidet sie.</translation>
    </message>
</context>
<context>
    <name>ToolOverrideRepository</name>
    <message>
        <source>Reading tool overrides</source>
        <translation>Lesen der Tool-Überschreibungen</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; has no tool override &apos;%2&apos;.</source>
        <translation>Der Server &apos;%1&apos; hat keine Tool-Überschreibung &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Replacing the tool overrides of server &apos;%1&apos;</source>
        <translation>Ersetzen der Tool-Überschreibungen des Servers &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A tool override needs a server and a key (an operationId or &quot;METHOD /path&quot;).</source>
        <translation>Eine Tool-Überschreibung braucht einen Server und einen Schlüssel (eine operationId oder &quot;METHOD /path&quot;).</translation>
    </message>
    <message>
        <source>Tool override &apos;%1&apos; of server &apos;%2&apos;: action &apos;%3&apos; is not one of %4.</source>
        <translation>Tool-Überschreibung &apos;%1&apos; des Servers &apos;%2&apos;: Die Aktion &apos;%3&apos; ist ungültig, erlaubt sind %4.</translation>
    </message>
    <message>
        <source>Saving tool override &apos;%1&apos; of server &apos;%2&apos;</source>
        <translation>Speichern der Tool-Überschreibung &apos;%1&apos; des Servers &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; already has a tool override &apos;%2&apos;; edit that one instead.</source>
        <translation>Der Server &apos;%1&apos; hat bereits eine Tool-Überschreibung &apos;%2&apos;; bearbeiten Sie stattdessen diese.</translation>
    </message>
    <message>
        <source>Tool override &apos;%1&apos; refers to server &apos;%2&apos;%3, which does not exist; add it first.</source>
        <translation>Die Tool-Überschreibung &apos;%1&apos; verweist auf einen nicht vorhandenen Eintrag: Server &apos;%2&apos;%3; legen Sie ihn zuerst an.</translation>
    </message>
    <message>
        <source> or credential &apos;%1&apos;</source>
        <translation> oder Zugangsdaten &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Removing tool override &apos;%1&apos; of server &apos;%2&apos;</source>
        <translation>Entfernen der Tool-Überschreibung &apos;%1&apos; des Servers &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Cannot remove tool override &apos;%1&apos;: server &apos;%2&apos; has no such override.</source>
        <translation>Die Tool-Überschreibung &apos;%1&apos; kann nicht entfernt werden: Der Server &apos;%2&apos; hat keine solche Überschreibung.</translation>
    </message>
    <message>
        <source>Tool override &apos;%1&apos; of server &apos;%2&apos;: parameter &apos;%3&apos; is in both %4 and %5; a parameter is hidden, fixed or visible with a default, so keep it in one of them.</source>
        <translation>Tool-Überschreibung &apos;%1&apos; des Servers &apos;%2&apos;: Der Parameter &apos;%3&apos; steht sowohl in %4 als auch in %5; ein Parameter ist entweder verborgen, fest oder sichtbar mit Standardwert, behalten Sie ihn also nur in einer der beiden Listen.</translation>
    </message>
</context>
<context>
    <name>UpstreamCredential</name>
    <message>
        <source>the upstream credential</source>
        <translation>Upstream-Zugangsdaten</translation>
    </message>
    <message>
        <source>credential %1</source>
        <translation>Zugangsdaten %1</translation>
    </message>
    <message>
        <source>Credential %1 has no secret; add `secret: {env: NAME}` or `secret: {file: PATH}` to it.</source>
        <translation>Die Zugangsdaten %1 haben kein Geheimnis; ergänzen Sie dort `secret: {env: NAME}` oder `secret: {file: PATH}`.</translation>
    </message>
    <message>
        <source>The secret of %1 is empty; set it and reload.</source>
        <translation>Das Geheimnis für %1 ist leer; setzen Sie es und laden Sie neu.</translation>
    </message>
    <message>
        <source>The secret of %1 contains a line break or another control character, which cannot be sent in a request; store it without them.</source>
        <translation>Das Geheimnis für %1 enthält einen Zeilenumbruch oder ein anderes Steuerzeichen, das nicht in einer Anfrage gesendet werden kann; speichern Sie es ohne diese Zeichen.</translation>
    </message>
    <message>
        <source>The secret of %1 must be user:password for basic authentication (RFC 7617); write `user:` when there is no password.</source>
        <translation>Das Geheimnis für %1 muss für Basic-Authentifizierung (RFC 7617) die Form user:password haben; schreiben Sie `user:`, wenn es kein Passwort gibt.</translation>
    </message>
    <message>
        <source>Operation %1 declares no apiKey security scheme that says where %2 goes; add `in:` (header, query or cookie) and `param:` to the credential.</source>
        <translation>Die Operation %1 deklariert kein apiKey-Sicherheitsschema, das angibt, wohin %2 gehören; ergänzen Sie bei den Zugangsdaten `in:` (header, query oder cookie) und `param:`.</translation>
    </message>
    <message>
        <source>The header name %1 for %2 is not a valid header name; fix `param:` or the security scheme.</source>
        <translation>Der Header-Name %1 für %2 ist kein gültiger Header-Name; korrigieren Sie `param:` oder das Sicherheitsschema.</translation>
    </message>
    <message>
        <source>The cookie name %1 for %2 is not a valid cookie name; fix `param:` or the security scheme.</source>
        <translation>Der Cookie-Name %1 für %2 ist kein gültiger Cookie-Name; korrigieren Sie `param:` oder das Sicherheitsschema.</translation>
    </message>
    <message>
        <source>The secret of %1 contains characters a cookie cannot carry (RFC 6265: spaces, quotes, commas, semicolons or backslashes); send it in a header or query parameter instead.</source>
        <translation>Das Geheimnis für %1 enthält Zeichen, die ein Cookie nicht übertragen kann (RFC 6265: Leerzeichen, Anführungszeichen, Kommas, Semikolons oder Backslashes); senden Sie es stattdessen in einem Header- oder Query-Parameter.</translation>
    </message>
    <message>
        <source>Credential %1 needs token_url, the http(s) address of the upstream&apos;s token endpoint.</source>
        <translation>Die Zugangsdaten %1 brauchen token_url, die http(s)-Adresse des Token-Endpunkts des Upstreams.</translation>
    </message>
    <message>
        <source>Credential %1 needs client_id, the client the upstream issued to the gateway.</source>
        <translation>Die Zugangsdaten %1 brauchen client_id, den Client, den der Upstream dem Gateway ausgestellt hat.</translation>
    </message>
    <message>
        <source>%1 is an OAuth 2 credential: its access token is sent, not its secret.</source>
        <translation>%1 sind OAuth-2-Zugangsdaten: Gesendet wird ihr Zugriffstoken, nicht ihr Geheimnis.</translation>
    </message>
</context>
<context>
    <name>UpstreamTokenRequest</name>
    <message>
        <source>The token endpoint %1 of credential %2 answered HTTP %3 without an OAuth error (RFC 6749 §5.2); check token_url, or whether the endpoint is down.</source>
        <translation>Der Token-Endpunkt %1 der Zugangsdaten %2 antwortete mit HTTP %3 ohne OAuth-Fehler (RFC 6749 §5.2); prüfen Sie token_url oder ob der Endpunkt ausgefallen ist.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The upstream no longer accepts the refresh token stored for credential %1: its token endpoint answered %2. Sign in to the upstream again and import the new refresh token with: %3</source>
        <translation>Der Upstream akzeptiert das für die Zugangsdaten %1 gespeicherte Refresh-Token nicht mehr: Sein Token-Endpunkt antwortete %2. Melden Sie sich beim Upstream erneut an und importieren Sie das neue Refresh-Token mit: %3</translation>
    </message>
    <message>
        <source>The token endpoint %1 refused credential %2: it answered %3. Check the credential&apos;s client_id, secret, scopes and resource.</source>
        <translation>Der Token-Endpunkt %1 hat die Zugangsdaten %2 abgelehnt: Er antwortete %3. Prüfen Sie client_id, Geheimnis, Scopes und resource der Zugangsdaten.</translation>
    </message>
    <message>
        <source>The token endpoint %1 of credential %2 did not answer with a JSON object (RFC 6749 §5.1); check token_url.</source>
        <translation>Der Token-Endpunkt %1 der Zugangsdaten %2 antwortete nicht mit einem JSON-Objekt (RFC 6749 §5.1); prüfen Sie token_url.</translation>
    </message>
    <message>
        <source>The token endpoint %1 of credential %2 answered without an access_token; check token_url.</source>
        <translation>Der Token-Endpunkt %1 der Zugangsdaten %2 antwortete ohne access_token; prüfen Sie token_url.</translation>
    </message>
    <message>
        <source>The token endpoint %1 of credential %2 issued an access token with control characters, which cannot be sent in a header.</source>
        <translation>Der Token-Endpunkt %1 der Zugangsdaten %2 hat ein Zugriffstoken mit Steuerzeichen ausgestellt, das nicht in einem Header gesendet werden kann.</translation>
    </message>
    <message>
        <source>The token endpoint %1 of credential %2 issued a %3 token; the gateway sends Bearer tokens only (RFC 6750).</source>
        <translation>Der Token-Endpunkt %1 der Zugangsdaten %2 hat ein Token vom Typ %3 ausgestellt; das Gateway sendet nur Bearer-Tokens (RFC 6750).</translation>
    </message>
    <message>
        <source>The token endpoint %1 of credential %2 could not be reached: %3</source>
        <translation>Der Token-Endpunkt %1 der Zugangsdaten %2 ist nicht erreichbar: %3</translation>
    </message>
</context>
<context>
    <name>UsageLimits</name>
    <message>
        <source>the store did not answer</source>
        <translation>der Datenspeicher hat nicht geantwortet</translation>
    </message>
</context>
<context>
    <name>UsageRepository</name>
    <message>
        <source>Usage period &apos;%1&apos; (user &apos;%2&apos;, server &apos;%3&apos;) is not a month written as YYYY-MM.</source>
        <translation>Der Nutzungszeitraum &apos;%1&apos; (Benutzer &apos;%2&apos;, Server &apos;%3&apos;) ist kein Monat im Format YYYY-MM.</translation>
    </message>
    <message>
        <source>Counting usage of user &apos;%1&apos; on server &apos;%2&apos;</source>
        <translation>Zählen der Nutzung des Benutzers &apos;%1&apos; auf dem Server &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Reading usage of user &apos;%1&apos; on server &apos;%2&apos;</source>
        <translation>Lesen der Nutzung des Benutzers &apos;%1&apos; auf dem Server &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Reading usage for %1</source>
        <translation>Lesen der Nutzung für %1</translation>
    </message>
</context>
<context>
    <name>UserDirectory</name>
    <message>
        <source>There is no user named &apos;%1&apos;: add the user first.</source>
        <translation>Es gibt keinen Benutzer namens &apos;%1&apos;: Legen Sie den Benutzer zuerst an.</translation>
    </message>
    <message>
        <source>A user needs a name, e.g. bob or bob@example.com.</source>
        <translation>Ein Benutzer braucht einen Namen, z. B. bob oder bob@example.com.</translation>
    </message>
    <message>
        <source>The name &apos;%1&apos; starts or ends with a space; remove it.</source>
        <translation>Der Name &apos;%1&apos; beginnt oder endet mit einem Leerzeichen; entfernen Sie es.</translation>
    </message>
    <message>
        <source>A user&apos;s name has at most %1 characters.</source>
        <translation>Der Name eines Benutzers darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A user&apos;s name cannot hold control characters.</source>
        <translation>Der Name eines Benutzers darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Choose a password: the user signs in with it at the gateway&apos;s login page.</source>
        <translation>Wählen Sie ein Passwort: Damit meldet sich der Benutzer auf der Anmeldeseite des Gateways an.</translation>
    </message>
    <message>
        <source>%1&apos;s own limits cannot be negative: leave a limit to the plan, or enter 0 to allow nothing.</source>
        <translation>Die eigenen Limits von %1 dürfen nicht negativ sein: Überlassen Sie ein Limit dem Tarif, oder geben Sie 0 ein, um nichts zu erlauben.</translation>
    </message>
    <message>
        <source>A client&apos;s name has at most %1 characters.</source>
        <translation>Der Name eines Clients darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A client has at most %1 redirect URIs.</source>
        <translation>Ein Client hat höchstens %1 Weiterleitungs-URIs.</translation>
    </message>
    <message>
        <source>no user named &apos;%1&apos;: add one with gatehouse user add %1</source>
        <translation>es gibt keinen Benutzer namens &apos;%1&apos;: Legen Sie ihn an mit gatehouse user add %1</translation>
    </message>
    <message>
        <source>user &apos;%1&apos; is disabled: enable the user before issuing them a client</source>
        <translation>der Benutzer &apos;%1&apos; ist deaktiviert: Aktivieren Sie den Benutzer, bevor Sie ihm einen Client ausstellen</translation>
    </message>
    <message>
        <source>%1 is the client of minted tokens: revoke those one by one</source>
        <translation>%1 ist der Client der mit token mint erzeugten Tokens: Widerrufen Sie diese einzeln</translation>
    </message>
    <message>
        <source>no OAuth client has the client_id &apos;%1&apos;: gatehouse client list shows them</source>
        <translation>kein OAuth-Client hat die client_id &apos;%1&apos;: gatehouse client list zeigt die vorhandenen an</translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <source>Reading users</source>
        <translation>Lesen der Benutzer</translation>
    </message>
    <message>
        <source>Reading user roles</source>
        <translation>Lesen der Benutzerrollen</translation>
    </message>
    <message>
        <source>There is no user named &apos;%1&apos;.</source>
        <translation>Es gibt keinen Benutzer namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>A user needs a name.</source>
        <translation>Ein Benutzer braucht einen Namen.</translation>
    </message>
    <message>
        <source>User &apos;%1&apos; lists a role twice: %2.</source>
        <translation>Beim Benutzer &apos;%1&apos; ist eine Rolle doppelt aufgeführt: %2.</translation>
    </message>
    <message>
        <source>Looking up plan &apos;%1&apos;</source>
        <translation>Suchen des Tarifs &apos;%1&apos;</translation>
    </message>
    <message>
        <source>User &apos;%1&apos; is on plan &apos;%2&apos;, which does not exist; add the plan first.</source>
        <translation>Der Benutzer &apos;%1&apos; hat den Tarif &apos;%2&apos;, den es nicht gibt; legen Sie den Tarif zuerst an.</translation>
    </message>
    <message>
        <source>Looking up role &apos;%1&apos;</source>
        <translation>Suchen der Rolle &apos;%1&apos;</translation>
    </message>
    <message>
        <source>User &apos;%1&apos; has role &apos;%2&apos;, which does not exist; add the role first.</source>
        <translation>Der Benutzer &apos;%1&apos; hat die Rolle &apos;%2&apos;, die es nicht gibt; legen Sie die Rolle zuerst an.</translation>
    </message>
    <message>
        <source>Saving user &apos;%1&apos;</source>
        <translation>Speichern des Benutzers &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A user named &apos;%1&apos; already exists; choose another name or edit the existing user.</source>
        <translation>Ein Benutzer namens &apos;%1&apos; existiert bereits; wählen Sie einen anderen Namen oder bearbeiten Sie den vorhandenen Benutzer.</translation>
    </message>
    <message>
        <source>Replacing the roles of user &apos;%1&apos;</source>
        <translation>Ersetzen der Rollen des Benutzers &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Giving role &apos;%1&apos; to user &apos;%2&apos;</source>
        <translation>Zuweisen der Rolle &apos;%1&apos; an den Benutzer &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Removing user &apos;%1&apos;</source>
        <translation>Entfernen des Benutzers &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot remove user &apos;%1&apos;: there is no user by that name.</source>
        <translation>Der Benutzer &apos;%1&apos; kann nicht entfernt werden: Es gibt keinen Benutzer mit diesem Namen.</translation>
    </message>
</context>
<context>
    <name>Vault</name>
    <message>
        <source>OpenSSL could not derive the vault&apos;s keys (HKDF)</source>
        <translation>OpenSSL konnte die Schlüssel des Tresors nicht ableiten (HKDF)</translation>
    </message>
    <message>
        <source>OpenSSL could not compute the key check (HMAC)</source>
        <translation>OpenSSL konnte den Schlüsselprüfwert nicht berechnen (HMAC)</translation>
    </message>
    <message>
        <source>the stored master key check &quot;%1&quot; is damaged: it should start with &quot;kcv1.&quot; followed by 48 base64url characters. Restore the store from a backup.</source>
        <translation>der gespeicherte Prüfwert des Hauptschlüssels &quot;%1&quot; ist beschädigt: Er sollte mit &quot;kcv1.&quot; beginnen, gefolgt von 48 base64url-Zeichen. Stellen Sie den Datenspeicher aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>the master key does not match the one the stored credentials were encrypted with (this key&apos;s id is %1, the store needs %2). Restore the original key: put the keychain entry, key file or environment variable back from a backup, or enter the recovery key. A new key cannot decrypt them.</source>
        <translation>der Hauptschlüssel stimmt nicht mit dem überein, mit dem die gespeicherten Zugangsdaten verschlüsselt wurden (die ID dieses Schlüssels ist %1, der Datenspeicher benötigt %2). Stellen Sie den ursprünglichen Schlüssel wieder her: Spielen Sie den Schlüsselbund-Eintrag, die Schlüsseldatei oder die Umgebungsvariable aus einer Sicherung zurück oder geben Sie den Wiederherstellungsschlüssel ein. Ein neuer Schlüssel kann sie nicht entschlüsseln.</translation>
    </message>
    <message>
        <source>the secret for %1 is larger than 1 MiB; the vault holds credentials, not files</source>
        <translation>das Geheimnis für %1 ist größer als 1 MiB; der Tresor enthält Zugangsdaten, keine Dateien</translation>
    </message>
    <message>
        <source>the system&apos;s random generator failed</source>
        <translation>der Zufallsgenerator des Systems ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>OpenSSL could not encrypt the secret for %1</source>
        <translation>OpenSSL konnte das Geheimnis für %1 nicht verschlüsseln</translation>
    </message>
    <message>
        <source>the encrypted value of %1 has format %2, which this version of Gatehouse cannot read: upgrade Gatehouse</source>
        <translation>der verschlüsselte Wert von %1 hat das Format %2, das diese Gatehouse-Version nicht lesen kann: Aktualisieren Sie Gatehouse</translation>
    </message>
    <message>
        <source>the value of %1 is not an encrypted vault record (it should start with &quot;v1.&quot;); import the secret again</source>
        <translation>der Wert von %1 ist kein verschlüsselter Tresor-Eintrag (er sollte mit &quot;v1.&quot; beginnen); importieren Sie das Geheimnis erneut</translation>
    </message>
    <message>
        <source>the encrypted value of %1 is damaged (cut short or not base64url); import the secret again</source>
        <translation>der verschlüsselte Wert von %1 ist beschädigt (abgeschnitten oder kein base64url); importieren Sie das Geheimnis erneut</translation>
    </message>
    <message>
        <source>the encrypted value of %1 says format version %2 but is labelled v1: it was altered; import the secret again</source>
        <translation>der verschlüsselte Wert von %1 gibt die Formatversion %2 an, ist aber als v1 gekennzeichnet: Er wurde verändert; importieren Sie das Geheimnis erneut</translation>
    </message>
    <message>
        <source>the encrypted value of %1 was encrypted with another master key (id %2; the current key is %3). Re-run the rotation that replaced that key, or import the secret again.</source>
        <translation>der verschlüsselte Wert von %1 wurde mit einem anderen Hauptschlüssel verschlüsselt (ID %2; der aktuelle Schlüssel ist %3). Führen Sie die Rotation, die diesen Schlüssel ersetzt hat, erneut aus oder importieren Sie das Geheimnis erneut.</translation>
    </message>
    <message>
        <source>the encrypted value of %1 does not decrypt: it was altered, or copied there from another row, column or owner. Import the secret again.</source>
        <translation>der verschlüsselte Wert von %1 lässt sich nicht entschlüsseln: Er wurde verändert oder aus einer anderen Zeile, Spalte oder von einem anderen Eigentümer dorthin kopiert. Importieren Sie das Geheimnis erneut.</translation>
    </message>
    <message>
        <source>rotation stopped, nothing was changed</source>
        <translation>Rotation abgebrochen, es wurde nichts geändert</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>cannot create the data directory %1: check its parent&apos;s permissions or pass --data DIR</source>
        <translation>das Datenverzeichnis %1 kann nicht angelegt werden: Prüfen Sie die Berechtigungen des übergeordneten Verzeichnisses oder geben Sie --data DIR an</translation>
    </message>
</context>
<context>
    <name>gatehouse::app::ServeCommand</name>
    <message>
        <source>--listen %1: expected ADDRESS:PORT, e.g. 127.0.0.1:8787 or [::1]:8787</source>
        <translation>--listen %1: ADDRESS:PORT erwartet, z. B. 127.0.0.1:8787 oder [::1]:8787</translation>
    </message>
    <message>
        <source>listen address %1 is not an IP address: use an address such as 127.0.0.1, 0.0.0.0 or ::1</source>
        <translation>die Listen-Adresse %1 ist keine IP-Adresse: Verwenden Sie eine Adresse wie 127.0.0.1, 0.0.0.0 oder ::1</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>gatehouse: %1 has errors; the gateway was not started.</source>
        <translation>gatehouse: %1 enthält Fehler; das Gateway wurde nicht gestartet.</translation>
    </message>
    <message>
        <source>Gatehouse is running on %1 (data: %2).</source>
        <translation>Gatehouse läuft auf %1 (Daten: %2).</translation>
    </message>
    <message>
        <source>MCP endpoints:</source>
        <translation>MCP-Endpunkte:</translation>
    </message>
    <message>
        <source>MCP base URL: %1/mcp/{server}. No servers yet. Next: import a configuration (gatehouse import FILE) or run gatehouse serve --config FILE.</source>
        <translation>MCP-Basis-URL: %1/mcp/{server}. Noch keine Server. Als Nächstes: Importieren Sie eine Konfiguration (gatehouse import FILE) oder starten Sie gatehouse serve --config FILE.</translation>
    </message>
    <message>
        <source>Next: point an MCP client at an endpoint; gateway.auth.mode is none, so no token is needed on this loopback address.</source>
        <translation>Als Nächstes: Richten Sie einen MCP-Client auf einen Endpunkt aus; gateway.auth.mode ist none, daher ist auf dieser Loopback-Adresse kein Token nötig.</translation>
    </message>
    <message>
        <source>Next: give an MCP client a bearer token. %1 prints one (until the gateway&apos;s OAuth sign-in arrives); the client sends it as Authorization: Bearer TOKEN.</source>
        <translation>Als Nächstes: Geben Sie einem MCP-Client ein Bearer-Token. %1 gibt eines aus (bis das Gateway die OAuth-Anmeldung unterstützt); der Client sendet es als Authorization: Bearer TOKEN.</translation>
    </message>
    <message>
        <source>the credential vault</source>
        <translation>der Tresor für Zugangsdaten</translation>
    </message>
    <message>
        <source>the tools that need %1 answer with an error until the key that unseals them is installed: %2</source>
        <translation>die Tools, die %1 benötigen, antworten mit einem Fehler, bis der Schlüssel installiert ist, der sie entsiegelt: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::dispatch::Dispatcher</name>
    <message>
        <source>the arguments of %1 must be a JSON object</source>
        <translation>die Argumente von %1 müssen ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>%1 was not called: %2</source>
        <translation>%1 wurde nicht aufgerufen: %2</translation>
    </message>
    <message>
        <source>%1 has no upstream address: the spec names no server, so the owner must set base_url for server %2</source>
        <translation>%1 hat keine Upstream-Adresse: Die Spezifikation nennt keinen Server, daher muss der Betreiber base_url für den Server %2 setzen</translation>
    </message>
    <message>
        <source>%1 was not called: credential %2 needs an upstream access token, and this gateway has no token cache; this is a bug.</source>
        <translation>%1 wurde nicht aufgerufen: Die Zugangsdaten %2 brauchen ein Upstream-Zugriffstoken, und dieses Gateway hat keinen Token-Cache; das ist ein Fehler im Programm.</translation>
    </message>
    <message>
        <source>The secret of credential %1 is empty; set it and reload.</source>
        <translation>Das Geheimnis der Zugangsdaten %1 ist leer; setzen Sie es und laden Sie die Konfiguration neu.</translation>
    </message>
    <message>
        <source>its secret is not kept in the vault</source>
        <translation>ihr Geheimnis liegt nicht im Tresor</translation>
    </message>
    <message>
        <source>The upstream rotated the refresh token of credential %1 of %2, but it could not be stored (%3); the next refresh may be refused.</source>
        <translation>Der Upstream hat das Refresh-Token der Zugangsdaten %1 von %2 rotiert, es konnte aber nicht gespeichert werden (%3); die nächste Erneuerung wird womöglich abgelehnt.</translation>
    </message>
</context>
<context>
    <name>gatehouse::gateway::CatalogProvider</name>
    <message>
        <source>server %1 is not configured on this gateway</source>
        <translation>der Server %1 ist auf diesem Gateway nicht konfiguriert</translation>
    </message>
    <message>
        <source>call_tool needs &quot;name&quot; (a tool&apos;s name) and &quot;arguments&quot; (an object)</source>
        <translation>call_tool braucht &quot;name&quot; (den Namen eines Tools) und &quot;arguments&quot; (ein Objekt)</translation>
    </message>
    <message>
        <source>There is no tool named &quot;%1&quot; that you may use here; find one with %2.</source>
        <translation>Es gibt kein Tool namens &quot;%1&quot;, das Sie hier verwenden dürfen; suchen Sie eines mit %2.</translation>
    </message>
    <message>
        <source>server %1 has no tool named %2: call tools/list for the tools it offers</source>
        <translation>der Server %1 hat kein Tool namens %2: Rufen Sie tools/list auf, um die angebotenen Tools zu sehen</translation>
    </message>
    <message>
        <source>This tool needs your own secret for credential %1, and user %2 has none yet. Ask the gateway&apos;s owner to add it: %3</source>
        <translation>Dieses Tool benötigt Ihr eigenes Geheimnis für die Zugangsdaten %1, und der Benutzer %2 hat noch keines. Bitten Sie den Betreiber des Gateways, es hinzuzufügen: %3</translation>
    </message>
    <message>
        <source>Credential %1 of server %2 has no secret yet. The gateway&apos;s owner adds it with: %3</source>
        <translation>Die Zugangsdaten %1 des Servers %2 haben noch kein Geheimnis. Der Betreiber des Gateways fügt es hinzu mit: %3</translation>
    </message>
    <message>
        <source>Credential %1 holds each user&apos;s own secret, so it needs callers who sign in; this gateway runs without sign-in (gateway.auth.mode: none).</source>
        <translation>Die Zugangsdaten %1 enthalten für jeden Benutzer ein eigenes Geheimnis und brauchen daher angemeldete Aufrufer; dieses Gateway läuft ohne Anmeldung (gateway.auth.mode: none).</translation>
    </message>
    <message>
        <source>Credential %1 of server %2 cannot be used right now; the gateway&apos;s owner can see why in its log.</source>
        <translation>Die Zugangsdaten %1 des Servers %2 können gerade nicht verwendet werden; der Betreiber des Gateways sieht den Grund in dessen Protokoll.</translation>
    </message>
    <message>
        <source>You may not call %1 with this token: it lacks the scope %2 (%3). Sign in again and allow %2, or use a token that has it.</source>
        <translation>Sie dürfen %1 mit diesem Token nicht aufrufen: Ihm fehlt der Scope %2 (%3). Melden Sie sich erneut an und erlauben Sie %2, oder verwenden Sie ein Token, das ihn hat.</translation>
    </message>
    <message>
        <source>You may not call %1: %2. It needs the permission &quot;%3&quot;; the gateway&apos;s owner can grant it to %4 or to one of their roles.</source>
        <translation>Sie dürfen %1 nicht aufrufen: %2. Dafür ist die Berechtigung &quot;%3&quot; nötig; der Betreiber des Gateways kann sie %4 oder einer seiner Rollen gewähren.</translation>
    </message>
    <message>
        <source>none: the server names no credential</source>
        <translation>keine: Der Server nennt keine Zugangsdaten</translation>
    </message>
    <message>
        <source>%1 was not called: it needs the upstream scopes %2, and none of the credentials of server %3 carries them (considered: %4). The gateway&apos;s owner can add the scopes to a credential&apos;s scopes, or list one that has them under the server&apos;s credentials.</source>
        <translation>%1 wurde nicht aufgerufen: Das Tool benötigt die Upstream-Scopes %2, aber keine der Zugangsdaten des Servers %3 enthält sie (geprüft: %4). Der Betreiber des Gateways kann die Scopes bei passenden Zugangsdaten unter scopes ergänzen oder unter den credentials des Servers Zugangsdaten eintragen, die sie enthalten.</translation>
    </message>
    <message>
        <source>%1 was not called: it needs the upstream scopes %2, which only credentials holding each user&apos;s own secret carry (%3), and this gateway runs without sign-in (considered: %4).</source>
        <translation>%1 wurde nicht aufgerufen: Das Tool benötigt die Upstream-Scopes %2, die nur Zugangsdaten mit dem eigenen Geheimnis jedes Benutzers enthalten (%3), und dieses Gateway läuft ohne Anmeldung (geprüft: %4).</translation>
    </message>
    <message>
        <source>%1 was not called: it needs the upstream scopes %2, which only credentials holding each user&apos;s own secret carry (%3), and user %4 has none of them yet (considered: %5). Ask the gateway&apos;s owner to add yours: gatehouse credential import %6 --user %4 --from-stdin</source>
        <translation>%1 wurde nicht aufgerufen: Das Tool benötigt die Upstream-Scopes %2, die nur Zugangsdaten mit dem eigenen Geheimnis jedes Benutzers enthalten (%3), und der Benutzer %4 hat noch keine davon (geprüft: %5). Bitten Sie den Betreiber des Gateways, Ihre eigenen hinzuzufügen: gatehouse credential import %6 --user %4 --from-stdin</translation>
    </message>
    <message>
        <source>%1 was not called: its cost is set to come from the argument &quot;%2&quot;, which the tool does not have. The gateway&apos;s owner must correct cost_argument.</source>
        <translation>%1 wurde nicht aufgerufen: Laut Konfiguration ergeben sich seine Kosten aus dem Argument &quot;%2&quot;, das das Tool nicht hat. Der Betreiber des Gateways muss cost_argument korrigieren.</translation>
    </message>
    <message>
        <source>%1 was not called: its argument &quot;%2&quot; sets what the call costs, so it must be a number of zero or more.</source>
        <translation>%1 wurde nicht aufgerufen: Das Argument &quot;%2&quot; legt fest, was der Aufruf kostet, und muss daher eine Zahl größer oder gleich 0 sein.</translation>
    </message>
    <message>
        <source>%1 was not called: the value of &quot;%2&quot; is too large.</source>
        <translation>%1 wurde nicht aufgerufen: Der Wert von &quot;%2&quot; ist zu groß.</translation>
    </message>
    <message>
        <source>your limits allow</source>
        <translation>Ihre Limits erlauben</translation>
    </message>
    <message>
        <source>plan %1 allows</source>
        <translation>Tarif %1 erlaubt</translation>
    </message>
    <message>
        <source>Monthly limit reached: %1 %2 calls a month to server %3, and %4 have been made. It resets at %5; the gateway&apos;s owner can raise it.</source>
        <translation>Monatslimit erreicht: %1 %2 Aufrufe pro Monat an den Server %3, und %4 wurden bereits getätigt. Das Limit wird am %5 zurückgesetzt; der Betreiber des Gateways kann es erhöhen.</translation>
    </message>
    <message>
        <source>Rate limit reached: %1 %2 calls a minute to server %3. Try again in %4 s.</source>
        <translation>Ratenlimit erreicht: %1 %2 Aufrufe pro Minute an den Server %3. Versuchen Sie es in %4 s erneut.</translation>
    </message>
    <message>
        <source>the spend could not be reserved</source>
        <translation>die Ausgaben konnten nicht reserviert werden</translation>
    </message>
    <message>
        <source>%1 was not called: its cost could not be reserved against your spend cap just now. Try again shortly.</source>
        <translation>%1 wurde nicht aufgerufen: Seine Kosten konnten gerade nicht im Rahmen Ihres Ausgabenlimits reserviert werden. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>%1 was not called: it costs %2, and this token&apos;s spend cap of %3 has %4 spent. Ask the gateway&apos;s owner for a token with room left.</source>
        <translation>%1 wurde nicht aufgerufen: Der Aufruf kostet %2, und vom Ausgabenlimit dieses Tokens (%3) sind bereits %4 verbraucht. Bitten Sie den Betreiber des Gateways um ein Token, dessen Limit noch nicht ausgeschöpft ist.</translation>
    </message>
    <message>
        <source>%1 was not called: it costs %2, and your monthly spend on server %3 is capped at %4 with %5 spent. The cap resets at the start of next month; the gateway&apos;s owner can raise it.</source>
        <translation>%1 wurde nicht aufgerufen: Der Aufruf kostet %2, und Ihre monatlichen Ausgaben auf dem Server %3 sind auf %4 begrenzt, wovon bereits %5 verbraucht sind. Das Limit wird zu Beginn des nächsten Monats zurückgesetzt; der Betreiber des Gateways kann es erhöhen.</translation>
    </message>
    <message>
        <source>cancelled by the client</source>
        <translation>vom Client abgebrochen</translation>
    </message>
    <message>
        <source>The gateway cannot read its plans and limits (%1), so it refuses calls until it can; it tries again every few seconds. Ask the gateway&apos;s owner to check the store.</source>
        <translation>Das Gateway kann seine Tarife und Limits nicht lesen (%1) und lehnt daher Aufrufe ab, bis das wieder möglich ist; es versucht es alle paar Sekunden erneut. Bitten Sie den Betreiber des Gateways, den Datenspeicher zu prüfen.</translation>
    </message>
    <message>
        <source>%1 was cancelled</source>
        <translation>%1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>%1 was not called: the gateway is stopping. Try again shortly.</source>
        <translation>%1 wurde nicht aufgerufen: Das Gateway wird gerade beendet. Versuchen Sie es in Kürze erneut.</translation>
    </message>
</context>
<context>
    <name>gatehouse::gateway::Gateway</name>
    <message>
        <source>gateway.auth.mode none serves every tool without sign-in and is only allowed on a loopback address; listen on 127.0.0.1 or remove auth.mode</source>
        <translation>gateway.auth.mode none stellt jedes Tool ohne Anmeldung bereit und ist nur auf einer Loopback-Adresse erlaubt; lauschen Sie auf 127.0.0.1 oder entfernen Sie auth.mode</translation>
    </message>
    <message>
        <source>gateway.behind_proxy is set but public_url %1 is not https: set public_url to the proxy&apos;s https address</source>
        <translation>gateway.behind_proxy ist gesetzt, aber public_url %1 ist keine https-Adresse: Setzen Sie public_url auf die https-Adresse des Proxys</translation>
    </message>
    <message>
        <source>plain HTTP on %1 is refused because it is not a loopback address: configure gateway.tls, set gateway.behind_proxy with an https public_url, or listen on 127.0.0.1</source>
        <translation>unverschlüsseltes HTTP auf %1 wird abgelehnt, weil das keine Loopback-Adresse ist: Konfigurieren Sie gateway.tls, setzen Sie gateway.behind_proxy mit einer https-Adresse als public_url oder lauschen Sie auf 127.0.0.1</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3. Choose another port or stop the program that uses it</source>
        <translation>Lauschen auf %1:%2 nicht möglich: %3. Wählen Sie einen anderen Port oder beenden Sie das Programm, das ihn belegt</translation>
    </message>
    <message>
        <source>the Host header names no address of this gateway: add it to gateway.allowed_hosts if clients reach the gateway by that name</source>
        <translation>der Host-Header nennt keine Adresse dieses Gateways: Tragen Sie sie in gateway.allowed_hosts ein, wenn Clients das Gateway unter diesem Namen erreichen</translation>
    </message>
    <message>
        <source>requests from this Origin are refused (DNS rebinding protection): add its host to gateway.allowed_hosts if it is yours</source>
        <translation>Anfragen von diesem Origin werden abgelehnt (Schutz vor DNS-Rebinding): Tragen Sie seinen Host in gateway.allowed_hosts ein, wenn er Ihnen gehört</translation>
    </message>
    <message>
        <source>no such endpoint</source>
        <translation>diesen Endpunkt gibt es nicht</translation>
    </message>
    <message>
        <source>no MCP server named &apos;%1&apos; is configured on this gateway</source>
        <translation>auf diesem Gateway ist kein MCP-Server namens &apos;%1&apos; konfiguriert</translation>
    </message>
    <message>
        <source>cannot read the TLS certificate %1: %2</source>
        <translation>das TLS-Zertifikat %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot read the TLS key %1: %2</source>
        <translation>der TLS-Schlüssel %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 and %2 must hold a PEM certificate and its private key (RSA or EC)</source>
        <translation>%1 und %2 müssen ein PEM-Zertifikat und den zugehörigen privaten Schlüssel (RSA oder EC) enthalten</translation>
    </message>
    <message>
        <source>this gateway runs with gateway.auth.mode none, so it has no authorization server</source>
        <translation>dieses Gateway läuft mit gateway.auth.mode none und hat daher keinen Autorisierungsserver</translation>
    </message>
    <message>
        <source>this gateway has no store, so it has no authorization server</source>
        <translation>dieses Gateway hat keinen Datenspeicher und daher keinen Autorisierungsserver</translation>
    </message>
    <message>
        <source>the gateway is stopping; try again shortly</source>
        <translation>das Gateway wird gerade beendet; versuchen Sie es in Kürze erneut</translation>
    </message>
    <message>
        <source>calling %1 needs the scope %2, which this token lacks: sign in again and allow it</source>
        <translation>der Aufruf von %1 braucht den Scope %2, der diesem Token fehlt: Melden Sie sich erneut an und erlauben Sie ihn</translation>
    </message>
</context>
<context>
    <name>gatehouse::gateway::McpEndpoint</name>
    <message>
        <source>the MCP endpoint answers GET, POST and DELETE</source>
        <translation>der MCP-Endpunkt beantwortet GET, POST und DELETE</translation>
    </message>
    <message>
        <source>Accept must list application/json and text/event-stream</source>
        <translation>Accept muss application/json und text/event-stream enthalten</translation>
    </message>
    <message>
        <source>send the JSON-RPC message with Content-Type: application/json</source>
        <translation>senden Sie die JSON-RPC-Nachricht mit Content-Type: application/json</translation>
    </message>
    <message>
        <source>missing Mcp-Session-Id header: send initialize first and then the session id it returns with every request</source>
        <translation>Header Mcp-Session-Id fehlt: Senden Sie zuerst initialize und danach bei jeder Anfrage die zurückgegebene Sitzungs-ID</translation>
    </message>
    <message>
        <source>initialize did not complete at once</source>
        <translation>initialize wurde nicht sofort abgeschlossen</translation>
    </message>
    <message>
        <source>GET opens an event stream: send Accept: text/event-stream</source>
        <translation>GET öffnet einen Event-Stream: Senden Sie Accept: text/event-stream</translation>
    </message>
    <message>
        <source>missing Mcp-Session-Id header: GET opens the stream of a session</source>
        <translation>Header Mcp-Session-Id fehlt: GET öffnet den Stream einer Sitzung</translation>
    </message>
    <message>
        <source>missing Mcp-Session-Id header: DELETE ends the session it names</source>
        <translation>Header Mcp-Session-Id fehlt: DELETE beendet die darin genannte Sitzung</translation>
    </message>
</context>
<context>
    <name>gatehouse::gateway::ToolTrial</name>
    <message>
        <source>cancelled in Try it</source>
        <translation>in &quot;Ausprobieren&quot; abgebrochen</translation>
    </message>
    <message>
        <source>The gateway is stopped, so nothing can be called. Start the gateway first (Gateway page or the tray menu), then try again.</source>
        <translation>Das Gateway ist gestoppt, daher kann nichts aufgerufen werden. Starten Sie zuerst das Gateway (Seite Gateway oder Menü im Infobereich), und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The gateway stopped before the answer came; the call was cancelled. Start the gateway and try again.</source>
        <translation>Das Gateway wurde beendet, bevor die Antwort eintraf; der Aufruf wurde abgebrochen. Starten Sie das Gateway, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The gateway does not serve a server named %1. Reload the servers, or check that it was not removed.</source>
        <translation>Das Gateway stellt keinen Server namens %1 bereit. Laden Sie die Server neu, oder prüfen Sie, ob er entfernt wurde.</translation>
    </message>
    <message>
        <source>Server %1 has no tool named %2 (it may be disabled or renamed). Reload the tool list and choose it again.</source>
        <translation>Der Server %1 hat kein Tool namens %2 (es wurde möglicherweise deaktiviert oder umbenannt). Laden Sie die Tool-Liste neu, und wählen Sie das Tool erneut aus.</translation>
    </message>
    <message>
        <source>A trial is still running; wait for its answer or cancel it.</source>
        <translation>Ein Testaufruf läuft noch; warten Sie auf seine Antwort, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>The arguments must be a JSON object, like {&quot;id&quot;: 42}.</source>
        <translation>Die Argumente müssen ein JSON-Objekt sein, etwa {&quot;id&quot;: 42}.</translation>
    </message>
    <message>
        <source>Choose the user to call the tool as.</source>
        <translation>Wählen Sie den Benutzer, als der das Tool aufgerufen werden soll.</translation>
    </message>
</context>
<context>
    <name>gatehouse::http::RequestParser</name>
    <message>
        <source>The request line is longer than %1 bytes.</source>
        <translation>Die Anfragezeile ist länger als %1 Bytes.</translation>
    </message>
    <message>
        <source>Lines must end with CRLF.</source>
        <translation>Zeilen müssen mit CRLF enden.</translation>
    </message>
    <message>
        <source>Too many empty lines before the request line.</source>
        <translation>Zu viele Leerzeilen vor der Anfragezeile.</translation>
    </message>
    <message>
        <source>A header line is longer than %1 bytes or the header block is longer than %2 bytes.</source>
        <translation>Eine Header-Zeile ist länger als %1 Bytes oder der Header-Block ist länger als %2 Bytes.</translation>
    </message>
    <message>
        <source>More than %1 header fields.</source>
        <translation>Mehr als %1 Header-Felder.</translation>
    </message>
    <message>
        <source>Chunk data is not followed by CRLF.</source>
        <translation>Auf die Chunk-Daten folgt kein CRLF.</translation>
    </message>
    <message>
        <source>A chunk size line is too long.</source>
        <translation>Eine Chunk-Größenzeile ist zu lang.</translation>
    </message>
    <message>
        <source>The request line is malformed.</source>
        <translation>Die Anfragezeile ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The method is not a valid token.</source>
        <translation>Die Methode ist kein gültiges Token.</translation>
    </message>
    <message>
        <source>The HTTP version is malformed.</source>
        <translation>Die HTTP-Version ist fehlerhaft.</translation>
    </message>
    <message>
        <source>Only HTTP/1.0 and HTTP/1.1 are supported.</source>
        <translation>Nur HTTP/1.0 und HTTP/1.1 werden unterstützt.</translation>
    </message>
    <message>
        <source>The request target contains a control or non-ASCII character.</source>
        <translation>Das Anfrageziel enthält ein Steuerzeichen oder ein Nicht-ASCII-Zeichen.</translation>
    </message>
    <message>
        <source>CONNECT is not supported.</source>
        <translation>CONNECT wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The request target contains a fragment.</source>
        <translation>Das Anfrageziel enthält ein Fragment.</translation>
    </message>
    <message>
        <source>The asterisk-form target is only allowed with OPTIONS.</source>
        <translation>Ein Anfrageziel in Asterisk-Form ist nur mit OPTIONS erlaubt.</translation>
    </message>
    <message>
        <source>The request target is neither a path nor an http(s) URL.</source>
        <translation>Das Anfrageziel ist weder ein Pfad noch eine http(s)-URL.</translation>
    </message>
    <message>
        <source>The request target has an empty authority or user info.</source>
        <translation>Das Anfrageziel hat eine leere Authority oder enthält Benutzerinformationen.</translation>
    </message>
    <message>
        <source>The request target&apos;s authority is malformed.</source>
        <translation>Die Authority des Anfrageziels ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The path contains an invalid percent-encoding.</source>
        <translation>Der Pfad enthält eine ungültige Prozentkodierung.</translation>
    </message>
    <message>
        <source>The path contains an encoded slash or control character.</source>
        <translation>Der Pfad enthält einen kodierten Schrägstrich oder ein kodiertes Steuerzeichen.</translation>
    </message>
    <message>
        <source>The path contains a dot segment.</source>
        <translation>Der Pfad enthält ein Punktsegment.</translation>
    </message>
    <message>
        <source>The path is not valid UTF-8.</source>
        <translation>Der Pfad ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>Folded header lines (obs-fold) are not accepted.</source>
        <translation>Gefaltete Header-Zeilen (obs-fold) werden nicht akzeptiert.</translation>
    </message>
    <message>
        <source>A header line has no field name or no colon.</source>
        <translation>Einer Header-Zeile fehlt der Feldname oder der Doppelpunkt.</translation>
    </message>
    <message>
        <source>A header field name is not a valid token.</source>
        <translation>Ein Header-Feldname ist kein gültiges Token.</translation>
    </message>
    <message>
        <source>A header field value contains a control character.</source>
        <translation>Ein Header-Feldwert enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>The request has more than one Host field.</source>
        <translation>Die Anfrage hat mehr als ein Host-Feld.</translation>
    </message>
    <message>
        <source>An HTTP/1.1 request needs a Host field.</source>
        <translation>Eine HTTP/1.1-Anfrage braucht ein Host-Feld.</translation>
    </message>
    <message>
        <source>The Host field is malformed.</source>
        <translation>Das Host-Feld ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The request has both Transfer-Encoding and Content-Length.</source>
        <translation>Die Anfrage hat sowohl Transfer-Encoding als auch Content-Length.</translation>
    </message>
    <message>
        <source>Transfer-Encoding is not allowed in HTTP/1.0.</source>
        <translation>Transfer-Encoding ist in HTTP/1.0 nicht erlaubt.</translation>
    </message>
    <message>
        <source>Transfer-Encoding has an empty element.</source>
        <translation>Transfer-Encoding enthält ein leeres Element.</translation>
    </message>
    <message>
        <source>Transfer-Encoding must end with a single chunked.</source>
        <translation>Transfer-Encoding muss mit genau einem chunked enden.</translation>
    </message>
    <message>
        <source>Only the chunked transfer coding is supported.</source>
        <translation>Nur die Transferkodierung chunked wird unterstützt.</translation>
    </message>
    <message>
        <source>The request has more than one Content-Length field.</source>
        <translation>Die Anfrage hat mehr als ein Content-Length-Feld.</translation>
    </message>
    <message>
        <source>Content-Length is malformed.</source>
        <translation>Content-Length ist fehlerhaft.</translation>
    </message>
    <message>
        <source>Only the 100-continue expectation is supported.</source>
        <translation>Nur die Erwartung 100-continue wird unterstützt.</translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes.</source>
        <translation>Der Body ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>A chunk size overflows.</source>
        <translation>Eine Chunk-Größe läuft über.</translation>
    </message>
    <message>
        <source>A chunk size is not a hexadecimal number.</source>
        <translation>Eine Chunk-Größe ist keine Hexadezimalzahl.</translation>
    </message>
    <message>
        <source>A chunk size line is malformed.</source>
        <translation>Eine Chunk-Größenzeile ist fehlerhaft.</translation>
    </message>
</context>
<context>
    <name>gatehouse::http::Response</name>
    <message>
        <source>The server has too many open connections.</source>
        <translation>Der Server hat zu viele offene Verbindungen.</translation>
    </message>
    <message>
        <source>Too many open connections from your address.</source>
        <translation>Zu viele offene Verbindungen von Ihrer Adresse.</translation>
    </message>
    <message>
        <source>Nothing is served here.</source>
        <translation>Hier wird nichts bereitgestellt.</translation>
    </message>
    <message>
        <source>The request headers did not arrive in time.</source>
        <translation>Die Header der Anfrage sind nicht rechtzeitig eingetroffen.</translation>
    </message>
    <message>
        <source>The request body did not arrive in time.</source>
        <translation>Der Body der Anfrage ist nicht rechtzeitig eingetroffen.</translation>
    </message>
    <message>
        <source>The request was not answered.</source>
        <translation>Die Anfrage wurde nicht beantwortet.</translation>
    </message>
</context>
<context>
    <name>gatehouse::http::Server</name>
    <message>
        <source>The HTTP server is already listening.</source>
        <translation>Der HTTP-Server lauscht bereits.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Lauschen auf %1, Port %2, nicht möglich: %3</translation>
    </message>
</context>
<context>
    <name>gatehouse::http::UpstreamClient</name>
    <message>
        <source>upstream URL must be an absolute http or https URL</source>
        <translation>die Upstream-URL muss eine absolute http- oder https-URL sein</translation>
    </message>
    <message>
        <source>upstream %1: this request requires https</source>
        <translation>Upstream %1: Diese Anfrage erfordert https</translation>
    </message>
    <message>
        <source>upstream %1: credentials in the URL are not supported; send them in a header</source>
        <translation>Upstream %1: Zugangsdaten in der URL werden nicht unterstützt; senden Sie sie in einem Header</translation>
    </message>
    <message>
        <source>upstream %1: a proxy cannot be used for a request limited to public addresses, because the address check would only see the proxy</source>
        <translation>Upstream %1: Für eine auf öffentliche Adressen beschränkte Anfrage kann kein Proxy verwendet werden, weil die Adressprüfung nur den Proxy sehen würde</translation>
    </message>
    <message>
        <source>upstream request method is not a token</source>
        <translation>die Methode der Upstream-Anfrage ist kein Token</translation>
    </message>
    <message>
        <source>upstream %1: header name or value contains characters that are not allowed (header %2)</source>
        <translation>Upstream %1: Name oder Wert eines Headers enthält unzulässige Zeichen (Header %2)</translation>
    </message>
    <message>
        <source>upstream %1: header %2 is managed by the client and cannot be set</source>
        <translation>Upstream %1: Der Header %2 wird vom Client verwaltet und kann nicht gesetzt werden</translation>
    </message>
    <message>
        <source>upstream %1 did not answer within the total timeout of %2 ms</source>
        <translation>Upstream %1 hat nicht innerhalb des Gesamt-Zeitlimits von %2 ms geantwortet</translation>
    </message>
    <message>
        <source>upstream %1: cannot start the request: %2</source>
        <translation>Upstream %1: Die Anfrage kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>upstream %1 redirected more than %2 times</source>
        <translation>Upstream %1 hat mehr als %2-mal weitergeleitet</translation>
    </message>
    <message>
        <source>upstream %1: the response body exceeds the limit of %2 bytes</source>
        <translation>Upstream %1: Der Body der Antwort überschreitet das Limit von %2 Bytes</translation>
    </message>
    <message>
        <source>upstream %1: the response headers exceed the limit of %2 bytes</source>
        <translation>Upstream %1: Die Header der Antwort überschreiten das Limit von %2 Bytes</translation>
    </message>
    <message>
        <source>upstream %1: could not connect within the connect timeout of %2 ms</source>
        <translation>Upstream %1: Keine Verbindung innerhalb des Verbindungs-Zeitlimits von %2 ms</translation>
    </message>
    <message>
        <source>upstream %1: the host name cannot be resolved</source>
        <translation>Upstream %1: Der Hostname kann nicht aufgelöst werden</translation>
    </message>
    <message>
        <source>upstream %1: the protocol is not allowed for this request</source>
        <translation>Upstream %1: Das Protokoll ist für diese Anfrage nicht erlaubt</translation>
    </message>
    <message>
        <source>upstream %1: %2</source>
        <translation>Upstream %1: %2</translation>
    </message>
    <message>
        <source>cannot create a curl easy handle</source>
        <translation>ein curl-Easy-Handle kann nicht erzeugt werden</translation>
    </message>
</context>
<context>
    <name>gatehouse::secrets::Binding</name>
    <message>
        <source>%1 (owner %2)</source>
        <translation>%1 (Eigentümer %2)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Every tool call as the gateway records it: who called what, whether it was allowed, and how long it took. Click a bar to see that minute&apos;s calls.</source>
        <translation>Jeder Tool-Aufruf, wie das Gateway ihn aufzeichnet: wer was aufgerufen hat, ob es erlaubt wurde und wie lange es gedauert hat. Klicken Sie auf einen Balken, um die Aufrufe dieser Minute zu sehen.</translation>
    </message>
    <message>
        <source>Reading the activity log</source>
        <translation>Lesen des Aktivitätsprotokolls</translation>
    </message>
    <message>
        <source>Reading the activity log…</source>
        <translation>Aktivitätsprotokoll wird gelesen…</translation>
    </message>
    <message>
        <source>Calls per minute</source>
        <translation>Aufrufe pro Minute</translation>
    </message>
    <message>
        <source>Denials per minute</source>
        <translation>Verweigerungen pro Minute</translation>
    </message>
    <message>
        <source>Calls a rule denied, or a quota, rate or spend limit stopped.</source>
        <translation>Aufrufe, die eine Regel verweigert oder ein Kontingent, Ratenlimit oder Ausgabenlimit gestoppt hat.</translation>
    </message>
    <message>
        <source>Latency p50 / p99</source>
        <translation>Latenz p50 / p99</translation>
    </message>
    <message>
        <source>Filter by user</source>
        <translation>Nach Benutzer filtern</translation>
    </message>
    <message>
        <source>Filter by tool</source>
        <translation>Nach Tool filtern</translation>
    </message>
    <message>
        <source>Filter by decision</source>
        <translation>Nach Entscheidung filtern</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>Alle Entscheidungen</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alle Benutzer</translation>
    </message>
    <message>
        <source>All tools</source>
        <translation>Alle Tools</translation>
    </message>
    <message>
        <source>Show every minute again</source>
        <translation>Wieder alle Minuten anzeigen</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Tool:</source>
        <translation>&amp;Tool:</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>&amp;Entscheidung:</translation>
    </message>
    <message>
        <source>Tool calls, newest first</source>
        <translation>Tool-Aufrufe, neueste zuerst</translation>
    </message>
    <message>
        <source>The activity log could not be read: %1 The page tries again on its own; if this stays, check that the data folder is reachable.</source>
        <translation>Das Aktivitätsprotokoll konnte nicht gelesen werden: %1 Die Seite versucht es selbstständig erneut; wenn das Problem bestehen bleibt, prüfen Sie, ob der Datenordner erreichbar ist.</translation>
    </message>
    <message>
        <source>Only %1–%2</source>
        <translation>Nur %1–%2</translation>
    </message>
    <message>
        <source>Showing the calls of one minute; click to show every minute again.</source>
        <translation>Es werden die Aufrufe einer Minute angezeigt; klicken Sie, um wieder alle Minuten anzuzeigen.</translation>
    </message>
    <message>
        <source>%1 in the last hour</source>
        <translation>%1 in der letzten Stunde</translation>
    </message>
    <message>
        <source>%1 refused (%2 %)</source>
        <translation>%1 abgelehnt (%2 %)</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>%1 abgelehnt</translation>
    </message>
    <message>
        <source>p50 %1 ms · p99 %2 ms</source>
        <translation>p50 %1 ms · p99 %2 ms</translation>
    </message>
    <message>
        <source>no timed calls</source>
        <translation>keine Aufrufe mit Zeitmessung</translation>
    </message>
    <message>
        <source>Calls per minute over the last hour: %1 in all. Arrow keys move between minutes; Enter shows a minute&apos;s calls.</source>
        <translation>Aufrufe pro Minute in der letzten Stunde: insgesamt %1. Mit den Pfeiltasten wechseln Sie zwischen den Minuten; die Eingabetaste zeigt die Aufrufe einer Minute.</translation>
    </message>
    <message>
        <source>Denied or limited calls per minute over the last hour: %1 in all.</source>
        <translation>Verweigerte oder durch Limits gestoppte Aufrufe pro Minute in der letzten Stunde: insgesamt %1.</translation>
    </message>
    <message>
        <source>Latency per minute over the last hour, median and 99th percentile: %1.</source>
        <translation>Latenz pro Minute in der letzten Stunde, Median und 99. Perzentil: %1.</translation>
    </message>
    <message>
        <source>The newest %1 calls</source>
        <translation>Die neuesten %1 Aufrufe</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>1 Aufruf</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 Aufrufe</translation>
    </message>
    <message>
        <source>No calls match these filters. Clear them to see every call.</source>
        <translation>Keine Aufrufe entsprechen diesen Filtern. Setzen Sie die Filter zurück, um alle Aufrufe zu sehen.</translation>
    </message>
    <message>
        <source>No tool calls yet. Each call a client makes through the gateway appears here within a second.</source>
        <translation>Noch keine Tool-Aufrufe. Jeder Aufruf, den ein Client über das Gateway ausführt, erscheint hier innerhalb einer Sekunde.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ActivityTableModel</name>
    <message>
        <source>Allowed</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Verweigert</translation>
    </message>
    <message>
        <source>Over quota</source>
        <translation>Kontingent überschritten</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Ratenlimit erreicht</translation>
    </message>
    <message>
        <source>Over spend cap</source>
        <translation>Ausgabenlimit überschritten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>kein Grund erfasst</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Client: %1</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Kosten: %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Tool</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConnectPanel</name>
    <message>
        <source>Client program</source>
        <translation>Client-Programm</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>MCP URL</source>
        <translation>MCP-URL</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>&amp;Programm:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>MCP URL:</source>
        <translation>MCP-URL:</translation>
    </message>
    <message>
        <source>Settings to paste</source>
        <translation>Einzufügende Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the settings</source>
        <translation>Einstellungen kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No servers yet: import an API on the Servers &amp; tools page, then come back here for the settings.</source>
        <translation>Noch keine Server: Importieren Sie auf der Seite Server &amp; Tools eine API, und kehren Sie dann für die Einstellungen hierher zurück.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CredentialDialog</name>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>Basic (user:password)</source>
        <translation>Basic (Benutzer:Passwort)</translation>
    </message>
    <message>
        <source>OAuth 2 client secret</source>
        <translation>OAuth-2-Client-Secret</translation>
    </message>
    <message>
        <source>OAuth 2 refresh token</source>
        <translation>OAuth-2-Refresh-Token</translation>
    </message>
    <message>
        <source>user:password</source>
        <translation>Benutzer:Passwort</translation>
    </message>
    <message>
        <source>The token the upstream issued</source>
        <translation>Das vom Upstream ausgestellte Token</translation>
    </message>
    <message>
        <source>The OAuth client&apos;s secret</source>
        <translation>Das Secret des OAuth-Clients</translation>
    </message>
    <message>
        <source>The refresh token</source>
        <translation>Das Refresh-Token</translation>
    </message>
    <message>
        <source>The key the upstream issued</source>
        <translation>Der vom Upstream ausgestellte Schlüssel</translation>
    </message>
    <message>
        <source>Import a credential</source>
        <translation>Zugangsdaten importieren</translation>
    </message>
    <message>
        <source>Replace the secret of %1</source>
        <translation>Geheimnis von %1 ersetzen</translation>
    </message>
    <message>
        <source>Credential name</source>
        <translation>Name der Zugangsdaten</translation>
    </message>
    <message>
        <source>e.g. billing-key</source>
        <translation>z. B. billing-key</translation>
    </message>
    <message>
        <source>Servers and tools refer to the credential by this name. The name of a credential that exists adds a secret to it.</source>
        <translation>Server und Tools verweisen unter diesem Namen auf die Zugangsdaten. Bei einem bereits vorhandenen Namen wird diesen Zugangsdaten ein Geheimnis hinzugefügt.</translation>
    </message>
    <message>
        <source>Credential type</source>
        <translation>Typ der Zugangsdaten</translation>
    </message>
    <message>
        <source>Where the key goes</source>
        <translation>Wohin der Schlüssel gehört</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Query parameter</source>
        <translation>Query-Parameter</translation>
    </message>
    <message>
        <source>Cookie</source>
        <translation>Cookie</translation>
    </message>
    <message>
        <source>Header, query parameter or cookie name</source>
        <translation>Name des Headers, Query-Parameters oder Cookies</translation>
    </message>
    <message>
        <source>e.g. X-API-Key</source>
        <translation>z. B. X-API-Key</translation>
    </message>
    <message>
        <source>&amp;Owner-wide: one secret for every user</source>
        <translation>&amp;Betreiberweit: ein Geheimnis für alle Benutzer</translation>
    </message>
    <message>
        <source>&amp;Per user: this user&apos;s own secret</source>
        <translation>&amp;Pro Benutzer: das eigene Geheimnis dieses Benutzers</translation>
    </message>
    <message>
        <source>The user whose secret this is</source>
        <translation>Der Benutzer, dem dieses Geheimnis gehört</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <source>Show the secret while typing</source>
        <translation>Geheimnis während der Eingabe anzeigen</translation>
    </message>
    <message>
        <source>Shows the secret while the dialog is open; it is never shown after.</source>
        <translation>Zeigt das Geheimnis an, solange der Dialog geöffnet ist; danach wird es nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Verbergen</translation>
    </message>
    <message>
        <source>the owner-wide secret</source>
        <translation>das betreiberweite Geheimnis</translation>
    </message>
    <message>
        <source>%1&apos;s own secret</source>
        <translation>das eigene Geheimnis von %1</translation>
    </message>
    <message>
        <source>%1 (%2, %3): %4. Calls use the new secret from the next one on.</source>
        <translation>%1 (%2, %3): %4. Ab dem nächsten Aufruf wird das neue Geheimnis verwendet.</translation>
    </message>
    <message>
        <source>New &amp;secret:</source>
        <translation>Neues &amp;Geheimnis:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Goes in:</source>
        <translation>Über&amp;mittelt in:</translation>
    </message>
    <message>
        <source>Whose:</source>
        <translation>Gilt für:</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Keeping the secret in the vault (the keychain may ask to be unlocked)…</source>
        <translation>Geheimnis wird im Tresor abgelegt (möglicherweise muss der Schlüsselbund entsperrt werden)…</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>The secret is encrypted in the store under the master key, which stays in the system keychain. The gateway adds it to each upstream call; MCP clients never see it, and Gatehouse never shows it again.</source>
        <translation>Das Geheimnis wird im Datenspeicher mit dem Hauptschlüssel verschlüsselt, der im Schlüsselbund des Systems bleibt. Das Gateway fügt es jedem Upstream-Aufruf hinzu; MCP-Clients sehen es nie, und Gatehouse zeigt es nie wieder an.</translation>
    </message>
    <message>
        <source>%1 exists (%2): this adds a secret to it, with the type and placement it was declared with.</source>
        <translation>Die Zugangsdaten %1 existieren bereits (%2): Hiermit erhalten sie ein Geheimnis, mit dem Typ und der Übermittlung, mit denen sie deklariert wurden.</translation>
    </message>
    <message>
        <source>declared in the configuration</source>
        <translation>in der Konfiguration deklariert</translation>
    </message>
    <message>
        <source>declared here</source>
        <translation>hier deklariert</translation>
    </message>
    <message>
        <source>There are no users yet: add the user on the Users &amp; clients page first, or make the credential owner-wide.</source>
        <translation>Es gibt noch keine Benutzer: Legen Sie den Benutzer zuerst auf der Seite &quot;Benutzer &amp; Clients&quot; an, oder machen Sie die Zugangsdaten betreiberweit.</translation>
    </message>
    <message>
        <source>A basic credential&apos;s secret is user:password, with a colon between them.</source>
        <translation>Das Geheimnis von Basic-Zugangsdaten hat die Form user:password, mit einem Doppelpunkt dazwischen.</translation>
    </message>
    <message>
        <source>The secret starts or ends with a space; pasted text often does. Remove it unless the upstream&apos;s secret really has one.</source>
        <translation>Das Geheimnis beginnt oder endet mit einem Leerzeichen; bei eingefügtem Text kommt das oft vor. Entfernen Sie es, sofern das Geheimnis des Upstreams nicht tatsächlich eines enthält.</translation>
    </message>
    <message>
        <source>The secret starts</source>
        <translation>Das Geheimnis beginnt</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CredentialsPage</name>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>OAuth 2 client</source>
        <translation>OAuth-2-Client</translation>
    </message>
    <message>
        <source>OAuth 2 refresh token</source>
        <translation>OAuth-2-Refresh-Token</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>The keys and tokens the gateway adds to upstream calls on your users&apos; behalf. They are encrypted in the store under a master key kept in the system keychain; MCP clients never see them, and this page never shows one again after it was entered.</source>
        <translation>Die Schlüssel und Tokens, die das Gateway im Namen Ihrer Benutzer zu Upstream-Aufrufen hinzufügt. Sie werden im Datenspeicher mit einem Hauptschlüssel verschlüsselt, der im Schlüsselbund des Systems liegt; MCP-Clients sehen sie nie, und diese Seite zeigt sie nach der Eingabe nie wieder an.</translation>
    </message>
    <message>
        <source>Reading the credentials and the tools that use them…</source>
        <translation>Zugangsdaten und die Tools, die sie verwenden, werden gelesen…</translation>
    </message>
    <message>
        <source>Loading credentials</source>
        <translation>Zugangsdaten werden geladen</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Goes in</source>
        <translation>Übermittelt in</translation>
    </message>
    <message>
        <source>Whose secret</source>
        <translation>Geheimnis gilt für</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <source>What uses the selected credential</source>
        <translation>Was die ausgewählten Zugangsdaten verwendet</translation>
    </message>
    <message>
        <source>&amp;Import a credential…</source>
        <translation>Zugangsdaten &amp;importieren…</translation>
    </message>
    <message>
        <source>Import a credential</source>
        <translation>Zugangsdaten importieren</translation>
    </message>
    <message>
        <source>&amp;Replace secret…</source>
        <translation>Geheimnis &amp;ersetzen…</translation>
    </message>
    <message>
        <source>Replace the selected secret</source>
        <translation>Ausgewähltes Geheimnis ersetzen</translation>
    </message>
    <message>
        <source>After the key was rotated at the upstream: enter the new one.</source>
        <translation>Wenn der Schlüssel beim Upstream erneuert wurde: Geben Sie den neuen ein.</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected secret</source>
        <translation>Ausgewähltes Geheimnis löschen</translation>
    </message>
    <message>
        <source>Saving state</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>The gateway cannot decrypt the imported secrets, so calls that need them fail: %1</source>
        <translation>Das Gateway kann die importierten Geheimnisse nicht entschlüsseln, daher schlagen Aufrufe fehl, die sie benötigen: %1</translation>
    </message>
    <message>
        <source>The credentials could not be read: %1 Check that the data folder is reachable; the page tries again when you come back to it.</source>
        <translation>Die Zugangsdaten konnten nicht gelesen werden: %1 Prüfen Sie, ob der Datenordner erreichbar ist; die Seite versucht es erneut, wenn Sie zu ihr zurückkehren.</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>noch nichts</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 tools</source>
        <translation>%1 Tools</translation>
    </message>
    <message>
        <source>no user&apos;s yet</source>
        <translation>noch von keinem Benutzer</translation>
    </message>
    <message>
        <source>none imported yet</source>
        <translation>noch keines importiert</translation>
    </message>
    <message>
        <source>sealed in the configuration (not in the vault)</source>
        <translation>in der Konfiguration versiegelt (nicht im Tresor)</translation>
    </message>
    <message>
        <source>from %1 %2 (not in the vault)</source>
        <translation>aus %1 %2 (nicht im Tresor)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>replaced %1</source>
        <translation>ersetzt %1</translation>
    </message>
    <message>
        <source>owner-wide</source>
        <translation>betreiberweit</translation>
    </message>
    <message>
        <source>No credentials yet. Import the API key or token an upstream issued you; then choose it as a server&apos;s credential.</source>
        <translation>Noch keine Zugangsdaten. Importieren Sie den API-Schlüssel oder das Token, das Ihnen ein Upstream ausgestellt hat, und wählen Sie es dann als Zugangsdaten eines Servers aus.</translation>
    </message>
    <message>
        <source>%1 is used by: %2.</source>
        <translation>Die Zugangsdaten %1 werden verwendet von: %2.</translation>
    </message>
    <message>
        <source>%1 is named by %2, which offers no tools now.</source>
        <translation>Die Zugangsdaten %1 werden von %2 genannt; dort werden derzeit keine Tools angeboten.</translation>
    </message>
    <message>
        <source>No tool uses %1 yet: choose it as a server&apos;s or a tool&apos;s credential on the Servers &amp; tools page.</source>
        <translation>Noch kein Tool verwendet die Zugangsdaten %1: Wählen Sie sie auf der Seite &quot;Server &amp; Tools&quot; als Zugangsdaten eines Servers oder Tools aus.</translation>
    </message>
    <message>
        <source>the owner-wide secret of %1</source>
        <translation>Das betreiberweite Geheimnis von %1</translation>
    </message>
    <message>
        <source>%1&apos;s secret for %2</source>
        <translation>Das Geheimnis von %1 für %2</translation>
    </message>
    <message>
        <source>The secret was not replaced.</source>
        <translation>Das Geheimnis wurde nicht ersetzt.</translation>
    </message>
    <message>
        <source>The secret was not imported.</source>
        <translation>Das Geheimnis wurde nicht importiert.</translation>
    </message>
    <message>
        <source>Replaced %1.</source>
        <translation>%1 wurde ersetzt.</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>%1 wurde importiert.</translation>
    </message>
    <message>
        <source>%1 is declared in the configuration, so it is removed there.</source>
        <translation>Die Zugangsdaten %1 sind in der Konfiguration deklariert und werden daher dort entfernt.</translation>
    </message>
    <message>
        <source>%1 cannot be deleted while %2 use it. Choose another credential for them on the Servers &amp; tools page first.</source>
        <translation>Die Zugangsdaten %1 können nicht gelöscht werden, solange %2 sie verwenden. Wählen Sie zuerst auf der Seite &quot;Server &amp; Tools&quot; andere Zugangsdaten für sie aus.</translation>
    </message>
    <message>
        <source>Delete credential %1? It holds no secret and nothing uses it.</source>
        <translation>Zugangsdaten %1 löschen? Sie enthalten kein Geheimnis und werden nirgends verwendet.</translation>
    </message>
    <message>
        <source>the secret of %1</source>
        <translation>Das Geheimnis von %1</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>These use it, and their calls fail until a new secret is imported: %1.</source>
        <translation>Folgende verwenden es, und ihre Aufrufe schlagen fehl, bis ein neues Geheimnis importiert wird: %1.</translation>
    </message>
    <message>
        <source>These use it, and %2&apos;s calls of them fail until a new secret is imported for %2: %1.</source>
        <translation>Folgende verwenden es, und Aufrufe davon durch %2 schlagen fehl, bis ein neues Geheimnis für %2 importiert wird: %1.</translation>
    </message>
    <message>
        <source>No tool uses it.</source>
        <translation>Kein Tool verwendet es.</translation>
    </message>
    <message>
        <source>%1 was not deleted.</source>
        <translation>%1 wurde nicht gelöscht.</translation>
    </message>
    <message>
        <source>Deleted credential %1.</source>
        <translation>Zugangsdaten %1 gelöscht.</translation>
    </message>
    <message>
        <source>Deleted the secret of %1.</source>
        <translation>Geheimnis von %1 gelöscht.</translation>
    </message>
    <message>
        <source>Deleted %1&apos;s secret for %2.</source>
        <translation>Geheimnis von %1 für %2 gelöscht.</translation>
    </message>
    <message>
        <source>The credential went with it.</source>
        <translation>Die Zugangsdaten wurden mit entfernt.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The gateway uses it when it starts.</source>
        <translation>Das Gateway übernimmt dies beim Start.</translation>
    </message>
    <message>
        <source>The change is saved, but the running gateway could not take it: %1 Stop and start the gateway on the Gateway page to apply it.</source>
        <translation>Die Änderung ist gespeichert, aber das laufende Gateway konnte sie nicht übernehmen: %1 Stoppen und starten Sie das Gateway auf der Seite &quot;Gateway&quot;, um sie anzuwenden.</translation>
    </message>
    <message>
        <source>The running gateway uses it now.</source>
        <translation>Das laufende Gateway verwendet dies jetzt.</translation>
    </message>
    <message>
        <source>Keep the recovery key</source>
        <translation>Wiederherstellungsschlüssel aufbewahren</translation>
    </message>
    <message>
        <source>A new master key was created in %1 to encrypt your credentials. Its recovery key is shown only now: write it down and keep it offline. If the keychain is ever lost, `gatehouse credential restore-master-key` brings the secrets back with it.</source>
        <translation>Zum Verschlüsseln Ihrer Zugangsdaten wurde in %1 ein neuer Hauptschlüssel erstellt. Sein Wiederherstellungsschlüssel wird nur jetzt angezeigt: Notieren Sie ihn und bewahren Sie ihn offline auf. Sollte der Schlüsselbund einmal verloren gehen, stellt `gatehouse credential restore-master-key` die Geheimnisse damit wieder her.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ExportPage</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Run this configuration on a server: export a bundle with the configuration, the OpenAPI specs it uses and a short README, copy it to the server and start it there with `gatehouse serve`.</source>
        <translation>Diese Konfiguration auf einem Server betreiben: Exportieren Sie ein Paket mit der Konfiguration, den verwendeten OpenAPI-Spezifikationen und einer kurzen README, kopieren Sie es auf den Server und starten Sie es dort mit `gatehouse serve`.</translation>
    </message>
    <message>
        <source>Bundle folder</source>
        <translation>Paketordner</translation>
    </message>
    <message>
        <source>A new or empty folder</source>
        <translation>Ein neuer oder leerer Ordner</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>Choose the bundle folder</source>
        <translation>Paketordner auswählen</translation>
    </message>
    <message>
        <source>&amp;Seal the owner-wide secrets into the bundle</source>
        <translation>Betreiberweite Geheimnisse im Paket &amp;versiegeln</translation>
    </message>
    <message>
        <source>They are encrypted with a new deployment key, which is written beside the bundle folder (as FOLDER.deployment-key, readable only by you), never inside it; the server needs that key as its master key. Without sealing, the bundle names each secret and you provide it on the server. Per-user secrets are never exported: each user imports their own on the server.</source>
        <translation>Sie werden mit einem neuen Deployment-Schlüssel verschlüsselt, der neben den Paketordner geschrieben wird (als FOLDER.deployment-key, nur für Sie lesbar), niemals hinein; der Server braucht diesen Schlüssel als Hauptschlüssel. Ohne Versiegeln nennt das Paket jedes Geheimnis nur, und Sie stellen es auf dem Server bereit. Geheimnisse pro Benutzer werden nie exportiert: Jeder Benutzer importiert seine eigenen auf dem Server.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Secrets:</source>
        <translation>Geheimnisse:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Export the bundle</source>
        <translation>Paket exportieren</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>Paket wird geschrieben…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation>Geschriebene Dateien</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Nächste Schritte</translation>
    </message>
    <message>
        <source>Replace the deployment key?</source>
        <translation>Deployment-Schlüssel ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists and may be the key a server runs with. A new export replaces it, and servers installed with the old key cannot unseal this export&apos;s secrets until they get the new one. Replace it?</source>
        <translation>%1 existiert bereits und ist möglicherweise der Schlüssel, mit dem ein Server läuft. Ein neuer Export ersetzt ihn, und Server, die mit dem alten Schlüssel eingerichtet wurden, können die Geheimnisse dieses Exports erst entsiegeln, wenn sie den neuen erhalten. Soll er ersetzt werden?</translation>
    </message>
    <message>
        <source>The bundle was not exported: %1</source>
        <translation>Das Paket wurde nicht exportiert: %1</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Geschrieben nach %1</translation>
    </message>
    <message>
        <source>%1 (the deployment key, beside the bundle)</source>
        <translation>%1 (der Deployment-Schlüssel, neben dem Paket)</translation>
    </message>
    <message>
        <source>Readable only by you. Keep it apart from copies of the bundle.</source>
        <translation>Nur für Sie lesbar. Bewahren Sie ihn getrennt von Kopien des Pakets auf.</translation>
    </message>
    <message>
        <source>1. Copy the folder %1 to the server.</source>
        <translation>1. Kopieren Sie den Ordner %1 auf den Server.</translation>
    </message>
    <message>
        <source>2. Copy the deployment key %1 to the server separately, and install it as the gateway&apos;s master key (README.md in the bundle says how). Secrets sealed: %2.</source>
        <translation>2. Kopieren Sie den Deployment-Schlüssel %1 separat auf den Server und installieren Sie ihn als Hauptschlüssel des Gateways (wie, steht in der README.md im Paket). Versiegelte Geheimnisse: %2.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1. On the server, run: gatehouse serve --config %2</source>
        <translation>%1. Führen Sie auf dem Server aus: gatehouse serve --config %2</translation>
    </message>
    <message>
        <source>Provide each credential&apos;s secret on the server as gatehouse.yaml names it (environment variable, file or keychain).</source>
        <translation>Stellen Sie das Geheimnis aller Zugangsdaten auf dem Server so bereit, wie gatehouse.yaml es angibt (Umgebungsvariable, Datei oder Schlüsselbund).</translation>
    </message>
    <message>
        <source>Per-user secrets are not exported (%1): each user imports their own on the server with `gatehouse credential import NAME --user USER --from-stdin`.</source>
        <translation>Geheimnisse pro Benutzer werden nicht exportiert (%1): Jeder Benutzer importiert seine eigenen auf dem Server mit `gatehouse credential import NAME --user USER --from-stdin`.</translation>
    </message>
    <message>
        <source>Not sealed, no secret imported here: %1. Import it on the server.</source>
        <translation>Nicht versiegelt, hier kein Geheimnis importiert: %1. Importieren Sie es auf dem Server.</translation>
    </message>
    <message>
        <source>Not sealed: %1. The upstream rotates its refresh token, which only the server&apos;s vault can store back; import it on the server.</source>
        <translation>Nicht versiegelt: %1. Der Upstream rotiert sein Refresh-Token, und nur der Tresor des Servers kann das neue speichern; importieren Sie es auf dem Server.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GatewayPage</name>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>The gateway is the address that MCP clients, such as AI assistants, connect to. While it runs, they can call the tools their users are allowed to use.</source>
        <translation>Das Gateway ist die Adresse, mit der sich MCP-Clients wie KI-Assistenten verbinden. Solange es läuft, können sie die Tools aufrufen, die ihre Benutzer verwenden dürfen.</translation>
    </message>
    <message>
        <source>MCP base URL</source>
        <translation>MCP-Basis-URL</translation>
    </message>
    <message>
        <source>Available while the gateway runs</source>
        <translation>Verfügbar, solange das Gateway läuft</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy MCP URL</source>
        <translation>MCP-URL kopieren</translation>
    </message>
    <message>
        <source>Copy the MCP base URL to the clipboard</source>
        <translation>Die MCP-Basis-URL in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Each server has its own endpoint: the base URL followed by /mcp/ and the server&apos;s name.</source>
        <translation>Jeder Server hat einen eigenen Endpunkt: die Basis-URL, gefolgt von /mcp/ und dem Namen des Servers.</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>MCP &amp;base URL:</source>
        <translation>MCP-&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>Why the gateway is not running</source>
        <translation>Warum das Gateway nicht läuft</translation>
    </message>
    <message>
        <source>Gateway state: %1</source>
        <translation>Zustand des Gateways: %1</translation>
    </message>
    <message>
        <source>The gateway could not start: %1</source>
        <translation>Das Gateway konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>&amp;Stop gateway</source>
        <translation>Gateway &amp;stoppen</translation>
    </message>
    <message>
        <source>&amp;Start gateway</source>
        <translation>Gateway &amp;starten</translation>
    </message>
    <message>
        <source>Stop gateway</source>
        <translation>Gateway stoppen</translation>
    </message>
    <message>
        <source>Start gateway</source>
        <translation>Gateway starten</translation>
    </message>
    <message>
        <source>Where clients can reach it</source>
        <translation>Wo Clients das Gateway erreichen</translation>
    </message>
    <message>
        <source>Reading the gateway settings…</source>
        <translation>Gateway-Einstellungen werden gelesen…</translation>
    </message>
    <message>
        <source>This &amp;computer only (127.0.0.1)</source>
        <translation>Nur dieser &amp;Computer (127.0.0.1)</translation>
    </message>
    <message>
        <source>The local &amp;network, on every address of this computer</source>
        <translation>Das lokale &amp;Netzwerk, auf allen Adressen dieses Computers</translation>
    </message>
    <message>
        <source>The local network, on &amp;one address:</source>
        <translation>Das lokale Netzwerk, auf &amp;einer Adresse:</translation>
    </message>
    <message>
        <source>Address to listen on</source>
        <translation>Adresse, auf der gelauscht wird</translation>
    </message>
    <message>
        <source>Host name or address clients use</source>
        <translation>Hostname oder Adresse, die Clients verwenden</translation>
    </message>
    <message>
        <source>The MCP URL, and so every sign-in, names this host. The computer&apos;s name stays the same when its address changes, if the clients&apos; network resolves it.</source>
        <translation>Die MCP-URL und damit jede Anmeldung nennen diesen Host. Der Name des Computers bleibt gleich, wenn sich seine Adresse ändert, sofern das Netzwerk der Clients ihn auflösen kann.</translation>
    </message>
    <message>
        <source>Clients &amp;use:</source>
        <translation>Clients &amp;verwenden:</translation>
    </message>
    <message>
        <source>The local network needs TLS: without it, sign-in tokens and tool results would cross the network readable by anyone on it. Generate a certificate below first.</source>
        <translation>Das lokale Netzwerk erfordert TLS: Ohne TLS würden Anmelde-Tokens und Tool-Ergebnisse für jeden im Netzwerk lesbar übertragen. Erzeugen Sie zuerst unten ein Zertifikat.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>TLS certificate file</source>
        <translation>TLS-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>None: plain HTTP, for this computer only</source>
        <translation>Keine: unverschlüsseltes HTTP, nur für diesen Computer</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose the TLS certificate file</source>
        <translation>TLS-Zertifikatsdatei auswählen</translation>
    </message>
    <message>
        <source>TLS private key file</source>
        <translation>Datei mit dem privaten TLS-Schlüssel</translation>
    </message>
    <message>
        <source>Choose the TLS private key file</source>
        <translation>Datei mit dem privaten TLS-Schlüssel auswählen</translation>
    </message>
    <message>
        <source>&amp;Generate a self-signed certificate</source>
        <translation>Selbstsigniertes Zertifikat &amp;generieren</translation>
    </message>
    <message>
        <source>Makes a certificate and key for this computer&apos;s name and addresses, valid for a year, in the data folder.</source>
        <translation>Erzeugt im Datenordner ein Zertifikat und einen Schlüssel für den Namen und die Adressen dieses Computers, ein Jahr lang gültig.</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the TLS certificate</source>
        <translation>SHA-256-Fingerabdruck des TLS-Zertifikats</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>Kein Zertifikat</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Kop&amp;ieren</translation>
    </message>
    <message>
        <source>Copy the fingerprint</source>
        <translation>Fingerabdruck kopieren</translation>
    </message>
    <message>
        <source>No authority vouches for a self-signed certificate: when a client first connects and asks, compare the fingerprint it shows with this one.</source>
        <translation>Für ein selbstsigniertes Zertifikat bürgt keine Zertifizierungsstelle: Wenn sich ein Client zum ersten Mal verbindet und nachfragt, vergleichen Sie den Fingerabdruck, den er anzeigt, mit diesem.</translation>
    </message>
    <message>
        <source>Choose the TLS certificate</source>
        <translation>TLS-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Choose the TLS private key</source>
        <translation>Privaten TLS-Schlüssel auswählen</translation>
    </message>
    <message>
        <source>Working on the gateway settings</source>
        <translation>Gateway-Einstellungen werden bearbeitet</translation>
    </message>
    <message>
        <source>Settings state</source>
        <translation>Status der Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>Lauschen auf:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>TLS ce&amp;rtificate:</source>
        <translation>TLS-Ze&amp;rtifikat:</translation>
    </message>
    <message>
        <source>TLS private &amp;key:</source>
        <translation>Privater TLS-Sc&amp;hlüssel:</translation>
    </message>
    <message>
        <source>SHA-256 &amp;fingerprint:</source>
        <translation>SHA-256-&amp;Fingerabdruck:</translation>
    </message>
    <message>
        <source>%1 (this computer&apos;s name)</source>
        <translation>%1 (Name dieses Computers)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (not present now)</source>
        <translation>%1 (derzeit nicht vorhanden)</translation>
    </message>
    <message>
        <source>&amp;Apply and restart the gateway</source>
        <translation>&amp;Übernehmen und Gateway neu starten</translation>
    </message>
    <message>
        <source>Apply and restart the gateway</source>
        <translation>Übernehmen und Gateway neu starten</translation>
    </message>
    <message>
        <source>Apply the gateway settings</source>
        <translation>Gateway-Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Making a certificate and key…</source>
        <translation>Zertifikat und Schlüssel werden erstellt…</translation>
    </message>
    <message>
        <source>Certificate made. Apply to use it; until then the gateway keeps its current one.</source>
        <translation>Zertifikat erstellt. Übernehmen Sie die Einstellungen, um es zu verwenden; bis dahin behält das Gateway sein aktuelles Zertifikat.</translation>
    </message>
    <message>
        <source>Restart the gateway?</source>
        <translation>Gateway neu starten?</translation>
    </message>
    <message>
        <source>Clients connected now: %1. Applying restarts the gateway, which drops their connections. They reconnect by themselves if the address stays the same; with a new address or port, each client needs the new URL. Restart now?</source>
        <translation>Derzeit verbundene Clients: %1. Beim Übernehmen wird das Gateway neu gestartet, wodurch ihre Verbindungen getrennt werden. Bleibt die Adresse gleich, verbinden sie sich von selbst wieder; bei einer neuen Adresse oder einem neuen Port benötigt jeder Client die neue URL. Jetzt neu starten?</translation>
    </message>
    <message>
        <source>Saving the gateway settings…</source>
        <translation>Gateway-Einstellungen werden gespeichert…</translation>
    </message>
    <message>
        <source>Restarting the gateway…</source>
        <translation>Gateway wird neu gestartet…</translation>
    </message>
    <message>
        <source>Saved; the gateway was restarted with them.</source>
        <translation>Gespeichert; das Gateway wurde mit den neuen Einstellungen neu gestartet.</translation>
    </message>
    <message>
        <source>Saved; the gateway runs with them.</source>
        <translation>Gespeichert; das Gateway läuft mit den neuen Einstellungen.</translation>
    </message>
    <message>
        <source>Saved, but the gateway could not start with them: see the reason above, change the settings and apply again.</source>
        <translation>Gespeichert, aber das Gateway konnte mit diesen Einstellungen nicht starten: Sehen Sie sich den Grund oben an, ändern Sie die Einstellungen und übernehmen Sie sie erneut.</translation>
    </message>
    <message>
        <source>Saved; the gateway uses them when it starts.</source>
        <translation>Gespeichert; das Gateway verwendet die Einstellungen beim nächsten Start.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ImportServerDialog</name>
    <message>
        <source>Import an OpenAPI spec</source>
        <translation>OpenAPI-Spezifikation importieren</translation>
    </message>
    <message>
        <source>Choose the API&apos;s OpenAPI (or Swagger) document, as a file or an https:// address. Gatehouse reads it and shows the tools it would offer before anything is saved.</source>
        <translation>Wählen Sie das OpenAPI- (oder Swagger-)Dokument der API, als Datei oder als https://-Adresse. Gatehouse liest es ein und zeigt die Tools, die es anbieten würde, bevor etwas gespeichert wird.</translation>
    </message>
    <message>
        <source>Spec file or URL</source>
        <translation>Spezifikationsdatei oder URL</translation>
    </message>
    <message>
        <source>/path/to/openapi.yaml or https://api.example.com/openapi.json</source>
        <translation>/path/to/openapi.yaml oder https://api.example.com/openapi.json</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a spec file</source>
        <translation>Spezifikationsdatei auswählen</translation>
    </message>
    <message>
        <source>&amp;Read spec</source>
        <translation>Spezifikation &amp;lesen</translation>
    </message>
    <message>
        <source>Read the spec and preview its tools</source>
        <translation>Spezifikation lesen und Vorschau ihrer Tools anzeigen</translation>
    </message>
    <message>
        <source>Reading the spec and making its tools…</source>
        <translation>Spezifikation wird gelesen und Tools werden erzeugt…</translation>
    </message>
    <message>
        <source>Reading the spec</source>
        <translation>Spezifikation wird gelesen</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Tool</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Tools it would offer</source>
        <translation>Tools, die angeboten würden</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Why it was left out</source>
        <translation>Warum sie ausgelassen wurde</translation>
    </message>
    <message>
        <source>What the heuristics removed</source>
        <translation>Was die Heuristiken entfernt haben</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Servername</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;-&apos; and &apos;_&apos;; it becomes the end of the server&apos;s MCP address.</source>
        <translation>Buchstaben, Ziffern, &apos;-&apos; und &apos;_&apos;; der Name bildet das Ende der MCP-Adresse des Servers.</translation>
    </message>
    <message>
        <source>Server &amp;name:</source>
        <translation>Server&amp;name:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;Add server</source>
        <translation>Server &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Choose an OpenAPI spec</source>
        <translation>OpenAPI-Spezifikation auswählen</translation>
    </message>
    <message>
        <source>OpenAPI documents (*.yaml *.yml *.json);;All files (*)</source>
        <translation>OpenAPI-Dokumente (*.yaml *.yml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The spec could not be used: %1 Check that it is the API&apos;s OpenAPI or Swagger document (JSON or YAML), then read it again.</source>
        <translation>Die Spezifikation konnte nicht verwendet werden: %1 Prüfen Sie, ob es sich um das OpenAPI- oder Swagger-Dokument der API handelt (JSON oder YAML), und lesen Sie es dann erneut ein.</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>At session start a client reads: %1</source>
        <translation>Beim Sitzungsstart liest ein Client: %1</translation>
    </message>
    <message>
        <source>%1 (%2 %3)</source>
        <translation>%1 (%2 %3)</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nichts</translation>
    </message>
    <message>
        <source>Every operation became a tool.</source>
        <translation>Jede Operation wurde zu einem Tool.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IssueClientDialog</name>
    <message>
        <source>Issue a client secret to %1</source>
        <translation>Client-Secret für %1 ausstellen</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Client-Name</translation>
    </message>
    <message>
        <source>e.g. %1&apos;s laptop</source>
        <translation>z. B. Laptop von %1</translation>
    </message>
    <message>
        <source>Redirect URIs, one per line</source>
        <translation>Weiterleitungs-URIs, eine pro Zeile</translation>
    </message>
    <message>
        <source>Only for a program that signs %1 in, e.g. http://127.0.0.1:33418/callback</source>
        <translation>Nur für ein Programm, das %1 anmeldet, z. B. http://127.0.0.1:33418/callback</translation>
    </message>
    <message>
        <source>&amp;Name (optional):</source>
        <translation>&amp;Name (optional):</translation>
    </message>
    <message>
        <source>&amp;Redirect URIs (optional):</source>
        <translation>&amp;Weiterleitungs-URIs (optional):</translation>
    </message>
    <message>
        <source>%1 gets a client_id and a client secret. With them a program gets access tokens for %1 (client_credentials grant at the gateway&apos;s /oauth/token). The secret is shown once, next.</source>
        <translation>%1 erhält eine client_id und ein Client-Secret. Damit erhält ein Programm Zugriffstokens für %1 (Grant-Typ client_credentials am Endpunkt /oauth/token des Gateways). Das Secret wird im nächsten Schritt einmalig angezeigt.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Ausstellen</translation>
    </message>
    <message>
        <source>A client has at most %1 redirect URIs.</source>
        <translation>Ein Client hat höchstens %1 Weiterleitungs-URIs.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::MainWindow</name>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Servers &amp; tools</source>
        <translation>Server &amp; Tools</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Plans &amp; quotas</source>
        <translation>Tarife &amp; Kontingente</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Users &amp; clients</source>
        <translation>Benutzer &amp; Clients</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Calls today: %1</source>
        <translation>Aufrufe heute: %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::MintTokenDialog</name>
    <message>
        <source>Mint a token for %1</source>
        <translation>Token für %1 erzeugen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Every server %1 may use</source>
        <translation>Alle Server, die %1 verwenden darf</translation>
    </message>
    <message>
        <source>&amp;read</source>
        <translation>&amp;lesen</translation>
    </message>
    <message>
        <source>cr&amp;eate</source>
        <translation>e&amp;rstellen</translation>
    </message>
    <message>
        <source>&amp;update</source>
        <translation>ak&amp;tualisieren</translation>
    </message>
    <message>
        <source>&amp;delete</source>
        <translation>l&amp;öschen</translation>
    </message>
    <message>
        <source>Allow %1</source>
        <translation>%1 erlauben</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>Gültigkeitsdauer</translation>
    </message>
    <message>
        <source>Lifetime unit</source>
        <translation>Einheit der Gültigkeitsdauer</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Spend cap</source>
        <translation>Ausgabenlimit</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>No spend cap</source>
        <translation>Kein Ausgabenlimit</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation>Aktionen:</translation>
    </message>
    <message>
        <source>&amp;Lifetime:</source>
        <translation>&amp;Gültigkeitsdauer:</translation>
    </message>
    <message>
        <source>Spend &amp;cap:</source>
        <translation>&amp;Ausgabenlimit:</translation>
    </message>
    <message>
        <source>The token is shown once, for an MCP client that takes only a header (Authorization: Bearer …). The gateway keeps only its hash; the cap is the most the token&apos;s calls may cost in total.</source>
        <translation>Das Token wird einmalig angezeigt und ist für einen MCP-Client gedacht, der nur einen Header annimmt (Authorization: Bearer …). Das Gateway speichert nur seinen Hash; das Limit ist der Höchstbetrag, den die Aufrufe mit diesem Token insgesamt kosten dürfen.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Mint</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>A token for every server is narrowed by the user&apos;s roles only.</source>
        <translation>Ein Token für alle Server wird nur durch die Rollen des Benutzers eingeschränkt.</translation>
    </message>
    <message>
        <source>Allow at least one action, e.g. read.</source>
        <translation>Erlauben Sie mindestens eine Aktion, z. B. lesen.</translation>
    </message>
    <message>
        <source>A token lives at most 365 days.</source>
        <translation>Ein Token ist höchstens 365 Tage gültig.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::MinuteChart</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1: %2 calls</source>
        <translation>%1: %2 Aufrufe</translation>
    </message>
    <message>
        <source>%1: %2 of %3 calls refused</source>
        <translation>%1: %2 von %3 Aufrufen abgelehnt</translation>
    </message>
    <message>
        <source>%1: no timed calls</source>
        <translation>%1: keine Aufrufe mit Zeitmessung</translation>
    </message>
    <message>
        <source>%1: p50 %2 ms, p99 %3 ms</source>
        <translation>%1: p50 %2 ms, p99 %3 ms</translation>
    </message>
    <message>
        <source>no calls</source>
        <translation>keine Aufrufe</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::PermissionMatrixModel</name>
    <message>
        <source>allowed</source>
        <translation>erlaubt</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>verweigert</translation>
    </message>
    <message>
        <source>inherit</source>
        <translation>erben</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>create</source>
        <translation>erstellen</translation>
    </message>
    <message>
        <source>update</source>
        <translation>aktualisieren</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>%1 (user)</source>
        <translation>%1 (Benutzer)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 and %3 more</source>
        <translation>%1 · %2 und %3 weitere</translation>
    </message>
    <message>
        <source>Role %1</source>
        <translation>Rolle %1</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>%1 may %2 %3 on %4.</source>
        <translation>%1 darf %3 auf %4 %2.</translation>
    </message>
    <message>
        <source>%1 may not %2 %3 on %4, even if another role of the user allows it.</source>
        <translation>%1 darf %3 auf %4 nicht %2, auch wenn eine andere Rolle des Benutzers es erlaubt.</translation>
    </message>
    <message>
        <source>%1 may not %2 %3 on %4, whatever their roles allow.</source>
        <translation>%1 darf %3 auf %4 nicht %2, unabhängig davon, was die Rollen erlauben.</translation>
    </message>
    <message>
        <source>Not set: %1 does not grant %2 on %3/%4; another role of the user may.</source>
        <translation>Nicht festgelegt: %1 gewährt keine Berechtigung, %3/%4 zu %2; eine andere Rolle des Benutzers kann sie gewähren.</translation>
    </message>
    <message>
        <source>Inherit: the roles of %1 decide.</source>
        <translation>Erben: Die Rollen von %1 entscheiden.</translation>
    </message>
    <message>
        <source>No tool does this now.</source>
        <translation>Derzeit tut kein Tool dies.</translation>
    </message>
    <message>
        <source>Tools it covers:</source>
        <translation>Abgedeckte Tools:</translation>
    </message>
    <message>
        <source>Rules on single tools also apply:</source>
        <translation>Regeln für einzelne Tools gelten zusätzlich:</translation>
    </message>
    <message>
        <source>Click or press Space: allow → deny → inherit.</source>
        <translation>Klicken oder Leertaste drücken: erlauben → verweigern → erben.</translation>
    </message>
    <message>
        <source>%1
No tool does this now.</source>
        <translation>%1
Derzeit tut kein Tool dies.</translation>
    </message>
    <message>
        <source>%1
Tools: %2</source>
        <translation>%1
Tools: %2</translation>
    </message>
    <message>
        <source>%1, %2 %3 %4: %5</source>
        <translation>%1, %2 %3 %4: %5</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>The own rules of user %1: they override the roles %2.</source>
        <translation>Eigene Regeln des Benutzers %1; diese haben Vorrang vor den Rollen %2.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Role %1, held by %2.</source>
        <translation>Rolle %1, zugewiesen an %2.</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>noch niemand</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::PermissionsPage</name>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Who may call which tool. Each row is a role, or a user with exceptions of their own; each column is what tools do to a resource. Click a cell or press Space to cycle allow → deny → inherit. Hover a cell to see the tools it covers.</source>
        <translation>Wer welches Tool aufrufen darf. Jede Zeile ist eine Rolle oder ein Benutzer mit eigenen Ausnahmen; jede Spalte steht für das, was Tools mit einer Ressource tun. Klicken Sie auf eine Zelle oder drücken Sie die Leertaste, um zwischen erlauben → verweigern → erben zu wechseln. Zeigen Sie mit der Maus auf eine Zelle, um die abgedeckten Tools zu sehen.</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Erlauben</translation>
    </message>
    <message>
        <source>Deny (wins over allow)</source>
        <translation>Verweigern (hat Vorrang vor Erlauben)</translation>
    </message>
    <message>
        <source>Inherit (a user&apos;s roles decide; a role grants nothing)</source>
        <translation>Erben (die Rollen eines Benutzers entscheiden; eine Rolle gewährt nichts)</translation>
    </message>
    <message>
        <source>Loading the permission matrix</source>
        <translation>Berechtigungsmatrix wird geladen</translation>
    </message>
    <message>
        <source>Reading roles, users and the servers&apos; tools…</source>
        <translation>Rollen, Benutzer und die Tools der Server werden gelesen…</translation>
    </message>
    <message>
        <source>Try &amp;again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Permission matrix</source>
        <translation>Berechtigungsmatrix</translation>
    </message>
    <message>
        <source>Rows are roles and users with exceptions; columns are server, resource and action. Space cycles the current cell: allow, deny, inherit.</source>
        <translation>Die Zeilen sind Rollen und Benutzer mit Ausnahmen, die Spalten Server, Ressource und Aktion. Die Leertaste schaltet die aktuelle Zelle weiter: erlauben, verweigern, erben.</translation>
    </message>
    <message>
        <source>&amp;New role…</source>
        <translation>&amp;Neue Rolle…</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Neue Rolle</translation>
    </message>
    <message>
        <source>Add an e&amp;xception for a user</source>
        <translation>&amp;Ausnahme für einen Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>Add an exception for a user</source>
        <translation>Ausnahme für einen Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>Saving state</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Check access</source>
        <translation>Zugriff prüfen</translation>
    </message>
    <message>
        <source>User to check</source>
        <translation>Zu prüfender Benutzer</translation>
    </message>
    <message>
        <source>Tool to check</source>
        <translation>Zu prüfendes Tool</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Tool:</source>
        <translation>&amp;Tool:</translation>
    </message>
    <message>
        <source>Access decision</source>
        <translation>Zugriffsentscheidung</translation>
    </message>
    <message>
        <source>Pick a user and a tool to see whether the gateway lets the call through, and which rule decides.</source>
        <translation>Wählen Sie einen Benutzer und ein Tool, um zu sehen, ob das Gateway den Aufruf durchlässt und welche Regel das entscheidet.</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>The permission matrix could not be read: %1 Check that the data folder is reachable, then try again.</source>
        <translation>Die Berechtigungsmatrix konnte nicht gelesen werden: %1 Prüfen Sie, ob der Datenordner erreichbar ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The tools of server %1 are missing: %2 Fix its spec on the Servers &amp; tools page; its columns come back once it loads.</source>
        <translation>Die Tools des Servers %1 fehlen: %2 Korrigieren Sie seine Spezifikation auf der Seite Server &amp; Tools; seine Spalten erscheinen wieder, sobald sie sich laden lässt.</translation>
    </message>
    <message>
        <source>No tools yet: add a server on the Servers &amp; tools page. Its resources appear here as columns, with read, create, update and delete for each.</source>
        <translation>Noch keine Tools: Fügen Sie auf der Seite Server &amp; Tools einen Server hinzu. Seine Ressourcen erscheinen hier als Spalten, jeweils mit Lesen, Erstellen, Ändern und Löschen.</translation>
    </message>
    <message>
        <source>No roles yet: add one with New role, then click the cells of what it may do. Give users the role on the Users &amp; clients page.</source>
        <translation>Noch keine Rollen: Legen Sie mit Neue Rolle eine an und klicken Sie dann auf die Zellen dessen, was sie darf. Die Rolle weisen Sie Benutzern auf der Seite Benutzer &amp; Clients zu.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>role %1</source>
        <translation>Rolle %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>The change to %1 was not saved: %2 The matrix was read again and shows what is stored; make the change again.</source>
        <translation>Die Änderung an %1 wurde nicht gespeichert: %2 Die Matrix wurde neu gelesen und zeigt den gespeicherten Stand; nehmen Sie die Änderung erneut vor.</translation>
    </message>
    <message>
        <source>Saved. The gateway uses it when it starts.</source>
        <translation>Gespeichert. Das Gateway verwendet die Änderung beim nächsten Start.</translation>
    </message>
    <message>
        <source>The change is saved, but the running gateway could not take it: %1 Stop and start the gateway on the Gateway page to apply it.</source>
        <translation>Die Änderung ist gespeichert, aber das laufende Gateway konnte sie nicht übernehmen: %1 Stoppen und starten Sie das Gateway auf der Seite Gateway, um sie anzuwenden.</translation>
    </message>
    <message>
        <source>Saved. The running gateway uses it now.</source>
        <translation>Gespeichert. Das laufende Gateway verwendet die Änderung jetzt.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>There are no users yet: add them on the Users &amp; clients page to check what they may do.</source>
        <translation>Es gibt noch keine Benutzer: Legen Sie sie auf der Seite Benutzer &amp; Clients an, um zu prüfen, was sie dürfen.</translation>
    </message>
    <message>
        <source>There are no tools yet: add a server on the Servers &amp; tools page.</source>
        <translation>Es gibt noch keine Tools: Fügen Sie auf der Seite Server &amp; Tools einen Server hinzu.</translation>
    </message>
    <message>
        <source>Pick a user and a tool first.</source>
        <translation>Wählen Sie zuerst einen Benutzer und ein Tool.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>The check could not be made.</source>
        <translation>Die Prüfung konnte nicht durchgeführt werden.</translation>
    </message>
    <message>
        <source>%1 Try again in a moment.</source>
        <translation>%1 Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Why: %1.</source>
        <translation>Begründung: %1.</translation>
    </message>
    <message>
        <source>Name of the new role (e.g. viewer, clerk):</source>
        <translation>Name der neuen Rolle (z. B. viewer, clerk):</translation>
    </message>
    <message>
        <source>Role %1 was not added: %2</source>
        <translation>Die Rolle %1 wurde nicht angelegt: %2</translation>
    </message>
    <message>
        <source>Role %1 added: click the cells of what it may do.</source>
        <translation>Rolle %1 angelegt: Klicken Sie auf die Zellen dessen, was sie darf.</translation>
    </message>
    <message>
        <source>Every user has a row already</source>
        <translation>Jeder Benutzer hat bereits eine Zeile</translation>
    </message>
    <message>
        <source>Set a cell in the row of %1: their own rules override their roles.</source>
        <translation>Setzen Sie eine Zelle in der Zeile von %1: Eigene Regeln haben Vorrang vor den Rollen.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::PlanChoiceDelegate</name>
    <message>
        <source>No plan (no limits)</source>
        <translation>Kein Tarif (keine Limits)</translation>
    </message>
    <message>
        <source>Plan of %1</source>
        <translation>Tarif von %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::PlanDialog</name>
    <message>
        <source>New plan</source>
        <translation>Neuer Tarif</translation>
    </message>
    <message>
        <source>Edit plan %1</source>
        <translation>Tarif %1 bearbeiten</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>Name des Tarifs</translation>
    </message>
    <message>
        <source>e.g. free, team</source>
        <translation>z. B. free, team</translation>
    </message>
    <message>
        <source>Users refer to the plan by its name, so it stays.</source>
        <translation>Benutzer verweisen über seinen Namen auf den Tarif, daher lässt er sich nicht ändern.</translation>
    </message>
    <message>
        <source>Calls per month</source>
        <translation>Aufrufe pro Monat</translation>
    </message>
    <message>
        <source> calls</source>
        <translation> Aufrufe</translation>
    </message>
    <message>
        <source>Calls per minute</source>
        <translation>Aufrufe pro Minute</translation>
    </message>
    <message>
        <source>Spend per month</source>
        <translation>Ausgaben pro Monat</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Unlimited calls per month</source>
        <translation>Unbegrenzte Aufrufe pro Monat</translation>
    </message>
    <message>
        <source>Unlimited calls per minute</source>
        <translation>Unbegrenzte Aufrufe pro Minute</translation>
    </message>
    <message>
        <source>Unlimited spend per month</source>
        <translation>Unbegrenzte Ausgaben pro Monat</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Calls per &amp;month:</source>
        <translation>Aufrufe pro &amp;Monat:</translation>
    </message>
    <message>
        <source>Calls per m&amp;inute:</source>
        <translation>Aufrufe pro M&amp;inute:</translation>
    </message>
    <message>
        <source>&amp;Spend per month:</source>
        <translation>A&amp;usgaben pro Monat:</translation>
    </message>
    <message>
        <source>Monthly limits count per user and server, and start again on the 1st (UTC). Spend is the summed cost of the tools called. A user&apos;s own limits, set on the Users &amp; clients page, replace the plan&apos;s.</source>
        <translation>Monatliche Limits gelten je Benutzer und Server und beginnen am 1. des Monats (UTC) neu. Die Ausgaben sind die summierten Kosten der aufgerufenen Tools. Eigene Limits eines Benutzers, festgelegt auf der Seite Benutzer &amp; Clients, ersetzen die des Tarifs.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>There is a plan named %1 already: choose another name, or edit that plan.</source>
        <translation>Es gibt bereits einen Tarif namens %1: Wählen Sie einen anderen Namen oder bearbeiten Sie diesen Tarif.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::PlansPage</name>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Plans &amp; quotas</source>
        <translation>Tarife &amp; Kontingente</translation>
    </message>
    <message>
        <source>How much each user may use. A plan sets calls per month and per minute and a monthly spending cap; put users on plans, and see this month&apos;s use against their limits.</source>
        <translation>Wie viel jeder Benutzer nutzen darf. Ein Tarif legt Aufrufe pro Monat und pro Minute sowie ein monatliches Ausgabenlimit fest; weisen Sie Benutzern Tarife zu und vergleichen Sie die Nutzung dieses Monats mit ihren Limits.</translation>
    </message>
    <message>
        <source>Loading plans and usage</source>
        <translation>Tarife und Nutzung werden geladen</translation>
    </message>
    <message>
        <source>Reading plans, users and this month&apos;s use…</source>
        <translation>Tarife, Benutzer und die Nutzung dieses Monats werden gelesen…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Calls / month</source>
        <translation>Aufrufe / Monat</translation>
    </message>
    <message>
        <source>Calls / minute</source>
        <translation>Aufrufe / Minute</translation>
    </message>
    <message>
        <source>Spend / month</source>
        <translation>Ausgaben / Monat</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Tarife</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>&amp;Neuer Tarif…</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Neuer Tarif</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected plan</source>
        <translation>Den ausgewählten Tarif bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected plan</source>
        <translation>Den ausgewählten Tarif löschen</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Limits in force</source>
        <translation>Geltende Limits</translation>
    </message>
    <message>
        <source>Who is on which plan</source>
        <translation>Wer welchen Tarif hat</translation>
    </message>
    <message>
        <source>Select a user and press F2 to choose their plan.</source>
        <translation>Wählen Sie einen Benutzer aus und drücken Sie F2, um seinen Tarif zu wählen.</translation>
    </message>
    <message>
        <source>Double-click a plan, or select a user and press F2, to put them on another.</source>
        <translation>Doppelklicken Sie auf einen Tarif oder wählen Sie einen Benutzer aus und drücken Sie F2, um ihm einen anderen Tarif zuzuweisen.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Calls this month</source>
        <translation>Aufrufe diesen Monat</translation>
    </message>
    <message>
        <source>Spend this month</source>
        <translation>Ausgaben diesen Monat</translation>
    </message>
    <message>
        <source>This month&apos;s use per user and server</source>
        <translation>Nutzung dieses Monats pro Benutzer und Server</translation>
    </message>
    <message>
        <source>Saving state</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Plans and usage could not be read: %1 Check that the data folder is reachable; the page tries again when you come back to it.</source>
        <translation>Tarife und Nutzung konnten nicht gelesen werden: %1 Prüfen Sie, ob der Datenordner erreichbar ist; die Seite versucht es erneut, wenn Sie zu ihr zurückkehren.</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>noch niemand</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
    <message>
        <source>Double-click or press F2 to put %1 on another plan.</source>
        <translation>Doppelklicken Sie oder drücken Sie F2, um %1 einen anderen Tarif zuzuweisen.</translation>
    </message>
    <message>
        <source>%1 (own)</source>
        <translation>%1 (eigenes Limit)</translation>
    </message>
    <message>
        <source>%1 calls/month</source>
        <translation>%1 Aufrufe/Monat</translation>
    </message>
    <message>
        <source>%1/minute</source>
        <translation>%1/Minute</translation>
    </message>
    <message>
        <source>spend %1/month</source>
        <translation>Ausgaben %1/Monat</translation>
    </message>
    <message>
        <source>no limits</source>
        <translation>keine Limits</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>This month&apos;s use (%1), per user and server — counts start again on %2</source>
        <translation>Nutzung dieses Monats (%1) pro Benutzer und Server – die Zählung beginnt am %2 neu</translation>
    </message>
    <message>
        <source>No calls this month.</source>
        <translation>Keine Aufrufe in diesem Monat.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 (no limit)</source>
        <translation>%1 (kein Limit)</translation>
    </message>
    <message>
        <source>%1 has reached the limit on %2: further calls get “limit reached” until the month ends.</source>
        <translation>%1 hat das Limit für %2 erreicht: Weitere Aufrufe erhalten bis zum Monatsende “Limit erreicht”.</translation>
    </message>
    <message>
        <source>%1 (no cap)</source>
        <translation>%1 (kein Ausgabenlimit)</translation>
    </message>
    <message>
        <source>Plan %1 was not added.</source>
        <translation>Der Tarif %1 wurde nicht angelegt.</translation>
    </message>
    <message>
        <source>The change to plan %1 was not saved.</source>
        <translation>Die Änderung am Tarif %1 wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Plan %1 cannot be deleted while users are on it: %2. Put them on another plan first (in Who is on which plan), then delete it.</source>
        <translation>Der Tarif %1 kann nicht gelöscht werden, solange ihm Benutzer zugewiesen sind: %2. Weisen Sie ihnen zuerst einen anderen Tarif zu (unter Wer welchen Tarif hat) und löschen Sie ihn dann.</translation>
    </message>
    <message>
        <source>Delete plan %1?</source>
        <translation>Tarif %1 löschen?</translation>
    </message>
    <message>
        <source>Delete plan %1? Nobody is on it.</source>
        <translation>Tarif %1 löschen? Ihm ist niemand zugewiesen.</translation>
    </message>
    <message>
        <source>Plan %1 was not deleted.</source>
        <translation>Der Tarif %1 wurde nicht gelöscht.</translation>
    </message>
    <message>
        <source>%1 was not put on plan %2.</source>
        <translation>%1 wurde der Tarif %2 nicht zugewiesen.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Saved. The gateway uses it when it starts.</source>
        <translation>Gespeichert. Das Gateway verwendet die Änderung beim nächsten Start.</translation>
    </message>
    <message>
        <source>The change is saved, but the running gateway could not take it: %1 Stop and start the gateway on the Gateway page to apply it.</source>
        <translation>Die Änderung ist gespeichert, aber das laufende Gateway konnte sie nicht übernehmen: %1 Stoppen und starten Sie das Gateway auf der Seite Gateway, um sie anzuwenden.</translation>
    </message>
    <message>
        <source>Saved. The running gateway uses it now.</source>
        <translation>Gespeichert. Das laufende Gateway verwendet die Änderung jetzt.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ProblemRow</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ServersPage</name>
    <message>
        <source>Servers &amp; tools</source>
        <translation>Server &amp; Tools</translation>
    </message>
    <message>
        <source>Reading the servers and their tools…</source>
        <translation>Server und ihre Tools werden gelesen…</translation>
    </message>
    <message>
        <source>Loading servers</source>
        <translation>Server werden geladen</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Import spec…</source>
        <translation>Spezifikation &amp;importieren…</translation>
    </message>
    <message>
        <source>Import an OpenAPI spec as a new server</source>
        <translation>OpenAPI-Spezifikation als neuen Server importieren</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove the selected server</source>
        <translation>Ausgewählten Server entfernen</translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>What a client receives at session start</source>
        <translation>Was ein Client beim Sitzungsstart erhält</translation>
    </message>
    <message>
        <source>Search tools</source>
        <translation>Tools durchsuchen</translation>
    </message>
    <message>
        <source>Search tools by name, action or resource</source>
        <translation>Tools nach Name, Aktion oder Ressource durchsuchen</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Tool</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Switched off, a tool is not offered to any client.</source>
        <translation>Ein ausgeschaltetes Tool wird keinem Client angeboten.</translation>
    </message>
    <message>
        <source>Estimated tokens of the tool&apos;s entry in tools/list.</source>
        <translation>Geschätzte Tokens des Tool-Eintrags in tools/list.</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>Press Space on the first column to switch a tool on or off.</source>
        <translation>Drücken Sie in der ersten Spalte die Leertaste, um ein Tool ein- oder auszuschalten.</translation>
    </message>
    <message>
        <source>&amp;Try it…</source>
        <translation>&amp;Ausprobieren…</translation>
    </message>
    <message>
        <source>Try the selected tool</source>
        <translation>Ausgewähltes Tool ausprobieren</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Why it was removed</source>
        <translation>Warum sie entfernt wurde</translation>
    </message>
    <message>
        <source>What the heuristics removed</source>
        <translation>Was die Heuristiken entfernt haben</translation>
    </message>
    <message>
        <source>&amp;Bring back</source>
        <translation>&amp;Zurückholen</translation>
    </message>
    <message>
        <source>Make the selected operation a tool again</source>
        <translation>Ausgewählte Operation wieder zu einem Tool machen</translation>
    </message>
    <message>
        <source>The change to tool %1 was not saved.</source>
        <translation>Die Änderung am Tool %1 wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Saving state</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last change to a tool</source>
        <translation>Letzte Änderung an einem Tool rückgängig machen</translation>
    </message>
    <message>
        <source>The APIs the gateway serves and the tools clients see. Switch tools off, rename and describe them, and keep an eye on how much a client must read before it starts.</source>
        <translation>Die APIs, die das Gateway bereitstellt, und die Tools, die Clients sehen. Schalten Sie Tools aus, benennen und beschreiben Sie sie und behalten Sie im Blick, wie viel ein Client lesen muss, bevor er loslegen kann.</translation>
    </message>
    <message>
        <source>The servers could not be read: %1 Check that the data folder is reachable; the page tries again when you come back to it.</source>
        <translation>Die Server konnten nicht gelesen werden: %1 Prüfen Sie, ob der Datenordner erreichbar ist; die Seite versucht es erneut, wenn Sie zu ihr zurückkehren.</translation>
    </message>
    <message>
        <source>The server&apos;s tools could not be read: %1</source>
        <translation>Die Tools des Servers konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 Check the spec&apos;s file or address; the server comes back when it loads.</source>
        <translation>%1 Prüfen Sie die Datei oder Adresse der Spezifikation; der Server erscheint wieder, sobald sie sich laden lässt.</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (aus)</translation>
    </message>
    <message>
        <source>%1 — clients connect to %2 (discovery: %3)</source>
        <translation>%1 — Clients verbinden sich mit %2 (Discovery-Modus: %3)</translation>
    </message>
    <message>
        <source>%1 is offered to clients.</source>
        <translation>%1 wird Clients angeboten.</translation>
    </message>
    <message>
        <source>%1 is switched off.</source>
        <translation>%1 ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (server default)</source>
        <translation>%1 (Standard des Servers)</translation>
    </message>
    <message>
        <source>free</source>
        <translation>kostenlos</translation>
    </message>
    <message>
        <source>%1 + %2 × %3</source>
        <translation>%1 + %2 × %3</translation>
    </message>
    <message>
        <source>What the heuristics removed (%1)</source>
        <translation>Was die Heuristiken entfernt haben (%1)</translation>
    </message>
    <message>
        <source>%1 (%2 %3)</source>
        <translation>%1 (%2 %3)</translation>
    </message>
    <message>
        <source>Switch the tool on to try it.</source>
        <translation>Schalten Sie das Tool ein, um es auszuprobieren.</translation>
    </message>
    <message>
        <source>Tool %1 was not switched on.</source>
        <translation>Das Tool %1 wurde nicht eingeschaltet.</translation>
    </message>
    <message>
        <source>Tool %1 was not switched off.</source>
        <translation>Das Tool %1 wurde nicht ausgeschaltet.</translation>
    </message>
    <message>
        <source>%1 was not brought back.</source>
        <translation>%1 wurde nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>The change could not be undone.</source>
        <translation>Die Änderung konnte nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Server %1 was not added.</source>
        <translation>Der Server %1 wurde nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>Remove server %1?</source>
        <translation>Server %1 entfernen?</translation>
    </message>
    <message>
        <source>Remove server %1? Clients lose its %2 tools at once, and your changes to them (names, switches, costs) are deleted. The spec file itself stays.</source>
        <translation>Server %1 entfernen? Clients verlieren sofort seine %2 Tools, und Ihre Änderungen daran (Namen, Schalter, Kosten) werden gelöscht. Die Spezifikationsdatei selbst bleibt erhalten.</translation>
    </message>
    <message>
        <source>Server %1 was not removed.</source>
        <translation>Der Server %1 wurde nicht entfernt.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Saved. The gateway uses it when it starts.</source>
        <translation>Gespeichert. Das Gateway verwendet die Änderung beim nächsten Start.</translation>
    </message>
    <message>
        <source>The change is saved, but the running gateway could not take it: %1 Stop and start the gateway on the Gateway page to apply it.</source>
        <translation>Die Änderung ist gespeichert, aber das laufende Gateway konnte sie nicht übernehmen: %1 Stoppen und starten Sie das Gateway auf der Seite Gateway, um sie anzuwenden.</translation>
    </message>
    <message>
        <source>Saved. The running gateway serves it now.</source>
        <translation>Gespeichert. Das laufende Gateway stellt die Änderung jetzt bereit.</translation>
    </message>
    <message>
        <source>With these changes: %1</source>
        <translation>Mit diesen Änderungen: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ShownOnceDialog</name>
    <message>
        <source>I have stored it — &amp;close</source>
        <translation>Ich habe es sicher abgelegt — &amp;schließen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ToolEditorPanel</name>
    <message>
        <source>Tool editor</source>
        <translation>Tool-Editor</translation>
    </message>
    <message>
        <source>Select a tool in the table to edit its name, description, parameters and response.</source>
        <translation>Wählen Sie in der Tabelle ein Tool aus, um seinen Namen, seine Beschreibung, seine Parameter und seine Antwort zu bearbeiten.</translation>
    </message>
    <message>
        <source>Tool name</source>
        <translation>Tool-Name</translation>
    </message>
    <message>
        <source>Tool description</source>
        <translation>Tool-Beschreibung</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>create</source>
        <translation>erstellen</translation>
    </message>
    <message>
        <source>update</source>
        <translation>aktualisieren</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Cost per call</source>
        <translation>Kosten pro Aufruf</translation>
    </message>
    <message>
        <source>free</source>
        <translation>kostenlos</translation>
    </message>
    <message>
        <source>Upstream credential</source>
        <translation>Upstream-Zugangsdaten</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Response fields</source>
        <translation>Antwortfelder</translation>
    </message>
    <message>
        <source>Check the top-level fields a client receives; with none checked it receives the whole response.</source>
        <translation>Markieren Sie die Felder der obersten Ebene, die ein Client erhält; ist keines markiert, erhält er die vollständige Antwort.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>A&amp;ktion:</translation>
    </message>
    <message>
        <source>&amp;Resource:</source>
        <translation>&amp;Ressource:</translation>
    </message>
    <message>
        <source>C&amp;ost per call:</source>
        <translation>K&amp;osten pro Aufruf:</translation>
    </message>
    <message>
        <source>Cr&amp;edential:</source>
        <translation>&amp;Zugangsdaten:</translation>
    </message>
    <message>
        <source>&amp;Parameters (what clients may pass):</source>
        <translation>&amp;Parameter (was Clients übergeben dürfen):</translation>
    </message>
    <message>
        <source>Response &amp;fields (checked: only these reach the client):</source>
        <translation>Antwort&amp;felder (markiert: nur diese erreichen den Client):</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Apply the changes to this tool</source>
        <translation>Die Änderungen an diesem Tool übernehmen</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Ver&amp;werfen</translation>
    </message>
    <message>
        <source>Forget the changes to this tool</source>
        <translation>Die Änderungen an diesem Tool verwerfen</translation>
    </message>
    <message>
        <source>What a client would receive with these changes</source>
        <translation>Was ein Client mit diesen Änderungen erhalten würde</translation>
    </message>
    <message>
        <source>Edit tool</source>
        <translation>Tool bearbeiten</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Tool</translation>
    </message>
    <message>
        <source>%1 — %2 %3</source>
        <translation>%1 — %2 %3</translation>
    </message>
    <message>
        <source>The server&apos;s default (none)</source>
        <translation>Standard des Servers (keine)</translation>
    </message>
    <message>
        <source>The server&apos;s default (%1)</source>
        <translation>Standard des Servers (%1)</translation>
    </message>
    <message>
        <source>%1 (not configured)</source>
        <translation>%1 (nicht konfiguriert)</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1: %2</translation>
    </message>
    <message>
        <source>What the heuristics changed:
%1</source>
        <translation>Was die Heuristiken geändert haben:
%1</translation>
    </message>
    <message>
        <source>%1 (%2, required)</source>
        <translation>%1 (%2, erforderlich)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>How clients see %1</source>
        <translation>Wie Clients %1 sehen</translation>
    </message>
    <message>
        <source>pass it</source>
        <translation>übergeben</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>verborgen</translation>
    </message>
    <message>
        <source>fixed value</source>
        <translation>fester Wert</translation>
    </message>
    <message>
        <source>default value</source>
        <translation>Standardwert</translation>
    </message>
    <message>
        <source>No JSON response described in the spec</source>
        <translation>Die Spezifikation beschreibt keine JSON-Antwort</translation>
    </message>
    <message>
        <source>The cost is a number of at least 0, such as 0.05; leave it empty for free.</source>
        <translation>Die Kosten sind eine Zahl größer oder gleich 0, z. B. 0.05; lassen Sie das Feld leer, wenn der Aufruf kostenlos ist.</translation>
    </message>
    <message>
        <source>Parameter %1 needs a value to send.</source>
        <translation>Für den Parameter %1 fehlt der Wert, der gesendet werden soll.</translation>
    </message>
    <message>
        <source>For a fixed or default value: JSON such as 42, true, &quot;2024&quot; (text, in quotes) or [&quot;a&quot;]; other text is sent as text.</source>
        <translation>Für einen festen oder Standardwert: JSON wie 42, true, &quot;2024&quot; (Text, in Anführungszeichen) oder [&quot;a&quot;]; anderer Text wird als Text gesendet.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TrayIcon</name>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>Open Gatehouse</source>
        <translation>Gatehouse öffnen</translation>
    </message>
    <message>
        <source>Copy MCP URL</source>
        <translation>MCP-URL kopieren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Gatehouse: %1</source>
        <translation>Gatehouse: %1</translation>
    </message>
    <message>
        <source>Stop gateway</source>
        <translation>Gateway stoppen</translation>
    </message>
    <message>
        <source>Start gateway</source>
        <translation>Gateway starten</translation>
    </message>
    <message>
        <source>Gatehouse is still running</source>
        <translation>Gatehouse läuft weiter</translation>
    </message>
    <message>
        <source>The gateway keeps serving. Open Gatehouse or quit it from this icon.</source>
        <translation>Das Gateway bleibt erreichbar. Über dieses Symbol öffnen Sie Gatehouse wieder oder beenden es.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TryItDialog</name>
    <message>
        <source>Try %1</source>
        <translation>%1 ausprobieren</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>Where the call goes</source>
        <translation>Wohin der Aufruf geht</translation>
    </message>
    <message>
        <source>What the tool does</source>
        <translation>Was das Tool tut</translation>
    </message>
    <message>
        <source>User to call the tool as</source>
        <translation>Benutzer, als der das Tool aufgerufen wird</translation>
    </message>
    <message>
        <source>Reading users…</source>
        <translation>Benutzer werden gelesen…</translation>
    </message>
    <message>
        <source>Loading users</source>
        <translation>Benutzer werden geladen</translation>
    </message>
    <message>
        <source>Call &amp;as:</source>
        <translation>Aufrufen &amp;als:</translation>
    </message>
    <message>
        <source>Arguments as JSON</source>
        <translation>Argumente als JSON</translation>
    </message>
    <message>
        <source>Edit as &amp;JSON</source>
        <translation>Als &amp;JSON bearbeiten</translation>
    </message>
    <message>
        <source>Edit the arguments as JSON</source>
        <translation>Die Argumente als JSON bearbeiten</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>How the call is counted</source>
        <translation>Wie der Aufruf gezählt wird</translation>
    </message>
    <message>
        <source>Waiting for the answer</source>
        <translation>Warten auf die Antwort</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send the call</source>
        <translation>Den Aufruf senden</translation>
    </message>
    <message>
        <source>&amp;Cancel call</source>
        <translation>Aufruf a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Cancel the call in flight</source>
        <translation>Den laufenden Aufruf abbrechen</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ausgang des Aufrufs</translation>
    </message>
    <message>
        <source>Request sent upstream</source>
        <translation>An den Upstream gesendete Anfrage</translation>
    </message>
    <message>
        <source>Upstream answer</source>
        <translation>Upstream-Antwort</translation>
    </message>
    <message>
        <source>Result for the client</source>
        <translation>Ergebnis für den Client</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>An&amp;frage</translation>
    </message>
    <message>
        <source>&amp;Upstream answer</source>
        <translation>&amp;Upstream-Antwort</translation>
    </message>
    <message>
        <source>Res&amp;ult</source>
        <translation>&amp;Ergebnis</translation>
    </message>
    <message>
        <source>Tool %1 of server %2.</source>
        <translation>Tool %1 des Servers %2.</translation>
    </message>
    <message>
        <source>Sends %1 %2 (%3) as the user you choose, through the running gateway: the same permission check, limits and credential as that user&apos;s MCP client gets.</source>
        <translation>Sendet %1 %2 (%3) im Namen des von Ihnen gewählten Benutzers über das laufende Gateway: mit derselben Berechtigungsprüfung, denselben Limits und denselben Zugangsdaten wie beim MCP-Client dieses Benutzers.</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>JSON, e.g. [&quot;a&quot;, &quot;b&quot;]</source>
        <translation>JSON, z. B. [&quot;a&quot;, &quot;b&quot;]</translation>
    </message>
    <message>
        <source>JSON, e.g. {&quot;key&quot;: &quot;value&quot;}</source>
        <translation>JSON, z. B. {&quot;key&quot;: &quot;value&quot;}</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>Argument %1</source>
        <translation>Argument %1</translation>
    </message>
    <message>
        <source>%1 (required):</source>
        <translation>%1 (erforderlich):</translation>
    </message>
    <message>
        <source>This tool takes no arguments.</source>
        <translation>Dieses Tool hat keine Argumente.</translation>
    </message>
    <message>
        <source>Edit this tool&apos;s arguments as JSON.</source>
        <translation>Bearbeiten Sie die Argumente dieses Tools als JSON.</translation>
    </message>
    <message>
        <source>The arguments are not a JSON object. Write them as {&quot;name&quot;: value, …}, or clear Edit as JSON to use the form.</source>
        <translation>Die Argumente sind kein JSON-Objekt. Schreiben Sie sie als {&quot;name&quot;: value, …} oder deaktivieren Sie Als JSON bearbeiten, um das Formular zu verwenden.</translation>
    </message>
    <message>
        <source>%1 must be a whole number, like 42.</source>
        <translation>%1 muss eine ganze Zahl sein, z. B. 42.</translation>
    </message>
    <message>
        <source>%1 must be a number, like 12.5 (with a point).</source>
        <translation>%1 muss eine Zahl sein, z. B. 12.5 (mit Punkt).</translation>
    </message>
    <message>
        <source>%1 is not valid JSON. Write text in quotes, lists in [ ] and objects in { }.</source>
        <translation>%1 ist kein gültiges JSON. Schreiben Sie Text in Anführungszeichen, Listen in [ ] und Objekte in { }.</translation>
    </message>
    <message>
        <source>anonymous (this gateway runs without sign-in)</source>
        <translation>anonym (dieses Gateway läuft ohne Anmeldung)</translation>
    </message>
    <message>
        <source>The users could not be read: %1 Check that the data folder is reachable, then open Try it again.</source>
        <translation>Die Benutzer konnten nicht gelesen werden: %1 Prüfen Sie, ob der Datenordner erreichbar ist, und öffnen Sie Ausprobieren dann erneut.</translation>
    </message>
    <message>
        <source>There are no users yet. Add one on the Users &amp; clients page, grant them this tool on the Permissions page, then try it as them.</source>
        <translation>Es gibt noch keine Benutzer. Legen Sie auf der Seite Benutzer &amp; Clients einen an, erteilen Sie ihm auf der Seite Berechtigungen die Berechtigung für dieses Tool und probieren Sie es dann in seinem Namen aus.</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
    <message>
        <source>the chosen user</source>
        <translation>der gewählte Benutzer</translation>
    </message>
    <message>
        <source>This sends a real %1 request to %2: the upstream will carry it out, as if %3 had asked.</source>
        <translation>Dies sendet eine echte %1-Anfrage an %2: Der Upstream führt sie aus, als hätte %3 sie gestellt.</translation>
    </message>
    <message>
        <source>A trial is a real call: it counts against %1&apos;s quota and spend, and the Activity page lists it with the client %2.</source>
        <translation>Ein Testaufruf ist ein echter Aufruf: Er wird auf Kontingent und Ausgaben angerechnet, als hätte %1 ihn selbst ausgeführt, und die Seite Aktivität führt ihn mit dem Client %2 auf.</translation>
    </message>
    <message>
        <source>The gateway is stopped, so nothing can be called. Start the gateway first (Gateway page or the tray menu).</source>
        <translation>Das Gateway ist gestoppt, daher kann nichts aufgerufen werden. Starten Sie zuerst das Gateway (auf der Seite Gateway oder über das Menü des Symbols im Infobereich).</translation>
    </message>
    <message>
        <source>Calling %1 as %2…</source>
        <translation>%1 wird als %2 aufgerufen…</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>Waiting for the answer…</source>
        <translation>Warten auf die Antwort…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Allowed (this gateway runs without sign-in, so every call is)</source>
        <translation>Erlaubt (dieses Gateway läuft ohne Anmeldung, daher ist jeder Aufruf erlaubt)</translation>
    </message>
    <message>
        <source>Cancelled. If the request had left, the upstream may still carry it out; the Activity page records the call.</source>
        <translation>Abgebrochen. Falls die Anfrage bereits abgeschickt war, kann der Upstream sie trotzdem ausführen; die Seite Aktivität verzeichnet den Aufruf.</translation>
    </message>
    <message>
        <source>Not called: %1</source>
        <translation>Nicht aufgerufen: %1</translation>
    </message>
    <message>
        <source>Denied: %1. Nothing was sent upstream. Grant the permission on the Permissions page to let %2 call it.</source>
        <translation>Verweigert: %1. Es wurde nichts an den Upstream gesendet. Erteilen Sie die Berechtigung auf der Seite Berechtigungen, damit %2 das Tool aufrufen darf.</translation>
    </message>
    <message>
        <source>Stopped by a limit: %1 Nothing was sent upstream.</source>
        <translation>Durch ein Limit gestoppt: %1 Es wurde nichts an den Upstream gesendet.</translation>
    </message>
    <message>
        <source>%1, but not sent: the Result tab says why.</source>
        <translation>%1, aber nicht gesendet: Den Grund zeigt der Tab Ergebnis.</translation>
    </message>
    <message>
        <source>Sent, but no answer came back (%1): the Result tab says why.</source>
        <translation>Gesendet, aber keine Antwort erhalten (%1): Den Grund zeigt der Tab Ergebnis.</translation>
    </message>
    <message>
        <source>%1. The upstream answered HTTP %2 in %3.</source>
        <translation>%1. Der Upstream hat in %3 mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <source>Charged %1.</source>
        <translation>Berechnet: %1.</translation>
    </message>
    <message>
        <source>The client sees a tool error.</source>
        <translation>Der Client sieht einen Tool-Fehler.</translation>
    </message>
    <message>
        <source>Nothing was sent upstream.</source>
        <translation>Es wurde nichts an den Upstream gesendet.</translation>
    </message>
    <message>
        <source>No answer from the upstream.</source>
        <translation>Keine Antwort vom Upstream.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the %1</source>
        <translation>%1 kopieren</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Benutzer anlegen</translation>
    </message>
    <message>
        <source>Roles, plan and limits of %1</source>
        <translation>Rollen, Tarif und Limits von %1</translation>
    </message>
    <message>
        <source>Set the password of %1</source>
        <translation>Passwort von %1 festlegen</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>e.g. bob or bob@example.com</source>
        <translation>z. B. bob oder bob@example.com</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Neues &amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Wiederholung:</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Check the roles the user has; space toggles one.</source>
        <translation>Haken Sie die Rollen des Benutzers an; die Leertaste schaltet eine Rolle um.</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Rollen:</translation>
    </message>
    <message>
        <source>No roles yet: add them on the Permissions page.</source>
        <translation>Noch keine Rollen: Legen Sie sie auf der Seite Berechtigungen an.</translation>
    </message>
    <message>
        <source>&amp;Roles:</source>
        <translation>&amp;Rollen:</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>Kein Tarif</translation>
    </message>
    <message>
        <source>P&amp;lan:</source>
        <translation>&amp;Tarif:</translation>
    </message>
    <message>
        <source>Plan&apos;s</source>
        <translation>Vom Tarif</translation>
    </message>
    <message>
        <source>Own calls per month</source>
        <translation>Eigene Aufrufe pro Monat</translation>
    </message>
    <message>
        <source>Plan&apos;s calls per month</source>
        <translation>Aufrufe pro Monat laut Tarif</translation>
    </message>
    <message>
        <source>Own calls per minute</source>
        <translation>Eigene Aufrufe pro Minute</translation>
    </message>
    <message>
        <source>Plan&apos;s calls per minute</source>
        <translation>Aufrufe pro Minute laut Tarif</translation>
    </message>
    <message>
        <source>Own spend per month</source>
        <translation>Eigene Ausgaben pro Monat</translation>
    </message>
    <message>
        <source>Plan&apos;s spend per month</source>
        <translation>Ausgaben pro Monat laut Tarif</translation>
    </message>
    <message>
        <source>Own calls per &amp;month:</source>
        <translation>Eigene Aufrufe pro &amp;Monat:</translation>
    </message>
    <message>
        <source>Own calls per m&amp;inute:</source>
        <translation>Eigene Aufrufe pro M&amp;inute:</translation>
    </message>
    <message>
        <source>Own &amp;spend per month:</source>
        <translation>Eigene A&amp;usgaben pro Monat:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>Own limits replace the plan&apos;s for this user only; monthly limits count per server and start again on the 1st (UTC).</source>
        <translation>Eigene Limits ersetzen die des Tarifs nur für diesen Benutzer; monatliche Limits gelten je Server und beginnen am 1. des Monats (UTC) neu.</translation>
    </message>
    <message>
        <source>The user signs in with this password at the gateway&apos;s login page. Only a scrypt hash of it is kept.</source>
        <translation>Der Benutzer meldet sich mit diesem Passwort auf der Anmeldeseite des Gateways an. Gespeichert wird nur ein scrypt-Hash davon.</translation>
    </message>
    <message>
        <source>There is a user named %1 already: choose another name.</source>
        <translation>Es gibt bereits einen Benutzer namens %1: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>Die beiden Passwörter stimmen nicht überein: Geben Sie zweimal dasselbe Passwort ein.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::UsersPage</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Users &amp; clients</source>
        <translation>Benutzer &amp; Clients</translation>
    </message>
    <message>
        <source>Who may use the gateway. Users sign in with a password at the gateway, or get a client secret or a token from you for programs that cannot sign in. Connect a client shows what to paste into an MCP client program.</source>
        <translation>Wer das Gateway nutzen darf. Benutzer melden sich mit einem Passwort am Gateway an oder erhalten von Ihnen ein Client-Secret oder ein Token für Programme, die sich nicht anmelden können. Client verbinden zeigt, was Sie in ein MCP-Client-Programm einfügen müssen.</translation>
    </message>
    <message>
        <source>Reading users, clients and tokens…</source>
        <translation>Benutzer, Clients und Tokens werden gelesen…</translation>
    </message>
    <message>
        <source>Loading users and clients</source>
        <translation>Benutzer und Clients werden geladen</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Benutzer anlegen…</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Benutzer anlegen</translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation>Ausgewählter Benutzer</translation>
    </message>
    <message>
        <source>&amp;Roles, plan and limits…</source>
        <translation>&amp;Rollen, Tarif und Limits…</translation>
    </message>
    <message>
        <source>Change the roles, plan and limits of the selected user</source>
        <translation>Rollen, Tarif und Limits des ausgewählten Benutzers ändern</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>&amp;Passwort festlegen…</translation>
    </message>
    <message>
        <source>Set the password of the selected user</source>
        <translation>Das Passwort des ausgewählten Benutzers festlegen</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Disable or enable the selected user</source>
        <translation>Den ausgewählten Benutzer deaktivieren oder aktivieren</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Active tokens</source>
        <translation>Aktive Tokens</translation>
    </message>
    <message>
        <source>OAuth clients</source>
        <translation>OAuth-Clients</translation>
    </message>
    <message>
        <source>&amp;Issue client secret…</source>
        <translation>Client-&amp;Secret ausstellen…</translation>
    </message>
    <message>
        <source>Issue a client secret to the selected user</source>
        <translation>Dem ausgewählten Benutzer ein Client-Secret ausstellen</translation>
    </message>
    <message>
        <source>Re&amp;voke client…</source>
        <translation>Client &amp;widerrufen…</translation>
    </message>
    <message>
        <source>Revoke the selected client</source>
        <translation>Den ausgewählten Client widerrufen</translation>
    </message>
    <message>
        <source>Token ID</source>
        <translation>Token-ID</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Spent / cap</source>
        <translation>Ausgegeben / Limit</translation>
    </message>
    <message>
        <source>Minted tokens</source>
        <translation>Ausgestellte Tokens</translation>
    </message>
    <message>
        <source>&amp;Mint token…</source>
        <translation>&amp;Token ausstellen…</translation>
    </message>
    <message>
        <source>Mint a token for the selected user</source>
        <translation>Ein Token für den ausgewählten Benutzer ausstellen</translation>
    </message>
    <message>
        <source>Revo&amp;ke token…</source>
        <translation>Token w&amp;iderrufen…</translation>
    </message>
    <message>
        <source>Revoke the selected token</source>
        <translation>Das ausgewählte Token widerrufen</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Connect a client</source>
        <translation>Client verbinden</translation>
    </message>
    <message>
        <source>Saving state</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Users and clients could not be read: %1 Check that the data folder is reachable; the page tries again when you come back to it.</source>
        <translation>Benutzer und Clients konnten nicht gelesen werden: %1 Prüfen Sie, ob der Datenordner erreichbar ist; die Seite versucht es erneut, wenn Sie zu ihr zurückkehren.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>Kein Tarif</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Active, no password</source>
        <translation>Aktiv, kein Passwort</translation>
    </message>
    <message>
        <source>The gateway refuses %1&apos;s tokens until you enable them.</source>
        <translation>Das Gateway weist die Tokens von %1 ab, bis Sie den Benutzer aktivieren.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>issued by you</source>
        <translation>von Ihnen ausgestellt</translation>
    </message>
    <message>
        <source>registered itself</source>
        <translation>selbst registriert</translation>
    </message>
    <message>
        <source>metadata document</source>
        <translation>Metadatendokument</translation>
    </message>
    <message>
        <source>whoever signs in</source>
        <translation>wer sich anmeldet</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>every server</source>
        <translation>alle Server</translation>
    </message>
    <message>
        <source>Not narrowed: the user&apos;s roles decide.</source>
        <translation>Nicht eingeschränkt: Die Rollen des Benutzers entscheiden.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 (no cap)</source>
        <translation>%1 (kein Ausgabenlimit)</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>No users yet. Add one: they sign in at the gateway with the password you set, and get what their roles allow.</source>
        <translation>Noch keine Benutzer. Legen Sie einen an: Benutzer melden sich mit dem von Ihnen festgelegten Passwort am Gateway an und erhalten, was ihre Rollen erlauben.</translation>
    </message>
    <message>
        <source>Select a user.</source>
        <translation>Wählen Sie einen Benutzer aus.</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>&amp;Issue client secret to %1…</source>
        <translation>Client-&amp;Secret für %1 ausstellen…</translation>
    </message>
    <message>
        <source>&amp;Mint token for %1…</source>
        <translation>&amp;Token für %1 ausstellen…</translation>
    </message>
    <message>
        <source>Roles: %1</source>
        <translation>Rollen: %1</translation>
    </message>
    <message>
        <source>none — the user may call nothing</source>
        <translation>keine – der Benutzer darf nichts aufrufen</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>Tarif: %1</translation>
    </message>
    <message>
        <source>%1 calls/month</source>
        <translation>%1 Aufrufe/Monat</translation>
    </message>
    <message>
        <source>%1/minute</source>
        <translation>%1/Minute</translation>
    </message>
    <message>
        <source>spend %1/month</source>
        <translation>Ausgaben %1/Monat</translation>
    </message>
    <message>
        <source>Own limits (instead of the plan&apos;s): %1</source>
        <translation>Eigene Limits (statt derer des Tarifs): %1</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Signs in with a password.</source>
        <translation>Meldet sich mit einem Passwort an.</translation>
    </message>
    <message>
        <source>No password: signs in only with a client secret or token.</source>
        <translation>Kein Passwort: meldet sich nur mit einem Client-Secret oder Token an.</translation>
    </message>
    <message>
        <source>Active clients: %1 · active minted tokens: %2</source>
        <translation>Aktive Clients: %1 · aktive ausgestellte Tokens: %2</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Angelegt: %1</translation>
    </message>
    <message>
        <source>Disabled: the gateway refuses all of %1&apos;s tokens. Enable to let them in again.</source>
        <translation>Deaktiviert: Das Gateway weist alle Tokens von %1 ab. Aktivieren Sie den Benutzer, um ihn wieder zuzulassen.</translation>
    </message>
    <message>
        <source>User %1 was not added.</source>
        <translation>Der Benutzer %1 wurde nicht angelegt.</translation>
    </message>
    <message>
        <source>Added user %1.</source>
        <translation>Benutzer %1 angelegt.</translation>
    </message>
    <message>
        <source>The roles, plan and limits of %1 were not saved.</source>
        <translation>Rollen, Tarif und Limits von %1 wurden nicht gespeichert.</translation>
    </message>
    <message>
        <source>Saved %1&apos;s roles, plan and limits. The running gateway uses them now.</source>
        <translation>Rollen, Tarif und Limits von %1 gespeichert. Das laufende Gateway verwendet sie jetzt.</translation>
    </message>
    <message>
        <source>Saved %1&apos;s roles, plan and limits.</source>
        <translation>Rollen, Tarif und Limits von %1 gespeichert.</translation>
    </message>
    <message>
        <source>The password of %1 was not changed.</source>
        <translation>Das Passwort von %1 wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Changed the password of %1.</source>
        <translation>Passwort von %1 geändert.</translation>
    </message>
    <message>
        <source>%1 was not disabled.</source>
        <translation>%1 wurde nicht deaktiviert.</translation>
    </message>
    <message>
        <source>%1 was not enabled.</source>
        <translation>%1 wurde nicht aktiviert.</translation>
    </message>
    <message>
        <source>Disabled %1: the gateway refuses their tokens from the next request on. Enable to undo.</source>
        <translation>%1 deaktiviert: Das Gateway weist die Tokens dieses Benutzers ab der nächsten Anfrage ab. Mit Aktivieren machen Sie das rückgängig.</translation>
    </message>
    <message>
        <source>Enabled %1: their tokens work again.</source>
        <translation>%1 aktiviert: Die Tokens dieses Benutzers funktionieren wieder.</translation>
    </message>
    <message>
        <source>No client was issued to %1.</source>
        <translation>Für %1 wurde kein Client ausgestellt.</translation>
    </message>
    <message>
        <source>Client secret for %1</source>
        <translation>Client-Secret für %1</translation>
    </message>
    <message>
        <source>Store the client secret now: it will not be shown again. The gateway keeps only its hash; if it is lost, revoke this client and issue a new one. The client gets tokens with client_credentials at %1/oauth/token.</source>
        <translation>Speichern Sie das Client-Secret jetzt: Es wird nicht noch einmal angezeigt. Das Gateway speichert nur seinen Hash; geht es verloren, widerrufen Sie diesen Client und stellen Sie einen neuen aus. Der Client erhält Tokens mit client_credentials unter %1/oauth/token.</translation>
    </message>
    <message>
        <source>client_id</source>
        <translation>client_id</translation>
    </message>
    <message>
        <source>client_secret</source>
        <translation>client_secret</translation>
    </message>
    <message>
        <source>Issued client %1 to %2.</source>
        <translation>Client %1 für %2 ausgestellt.</translation>
    </message>
    <message>
        <source>Revoke client?</source>
        <translation>Client widerrufen?</translation>
    </message>
    <message>
        <source>Revoke client %1? The gateway refuses its tokens from the next request on, and it can get no new ones. This cannot be undone.</source>
        <translation>Client %1 widerrufen? Das Gateway weist seine Tokens ab der nächsten Anfrage ab, und er kann keine neuen erhalten. Dies lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Revoke client %1 of %2? The gateway refuses its tokens from the next request on, and it can get no new ones. This cannot be undone; issue %2 a new client instead.</source>
        <translation>Client %1 von %2 widerrufen? Das Gateway weist seine Tokens ab der nächsten Anfrage ab, und er kann keine neuen erhalten. Dies lässt sich nicht rückgängig machen; stellen Sie %2 stattdessen einen neuen Client aus.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Client %1 was not revoked.</source>
        <translation>Der Client %1 wurde nicht widerrufen.</translation>
    </message>
    <message>
        <source>Revoked client %1 and its tokens (%2 were active).</source>
        <translation>Client %1 und seine Tokens widerrufen (%2 waren aktiv).</translation>
    </message>
    <message>
        <source>No token was minted for %1.</source>
        <translation>Für %1 wurde kein Token ausgestellt.</translation>
    </message>
    <message>
        <source>Token for %1</source>
        <translation>Token für %1</translation>
    </message>
    <message>
        <source>Store the token now: it will not be shown again. The gateway keeps only its hash. An MCP client sends it as the header Authorization: Bearer TOKEN. It expires %1.</source>
        <translation>Speichern Sie das Token jetzt: Es wird nicht noch einmal angezeigt. Das Gateway speichert nur seinen Hash. Ein MCP-Client sendet es im Header Authorization: Bearer TOKEN. Ablauf: %1.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Minted token %1 for %2.</source>
        <translation>Token %1 für %2 ausgestellt.</translation>
    </message>
    <message>
        <source>Revoke token?</source>
        <translation>Token widerrufen?</translation>
    </message>
    <message>
        <source>Revoke token %1? The gateway refuses it from the next request on. This cannot be undone.</source>
        <translation>Token %1 widerrufen? Das Gateway weist es ab der nächsten Anfrage ab. Dies lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Token %1 was not revoked.</source>
        <translation>Das Token %1 wurde nicht widerrufen.</translation>
    </message>
    <message>
        <source>Revoked token %1.</source>
        <translation>Token %1 widerrufen.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The change is saved, but the running gateway could not take it: %1 Stop and start the gateway on the Gateway page to apply it.</source>
        <translation>Die Änderung ist gespeichert, aber das laufende Gateway konnte sie nicht übernehmen: %1 Stoppen und starten Sie das Gateway auf der Seite Gateway, um sie anzuwenden.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::WelcomePage</name>
    <message>
        <source>Servers &amp; tools</source>
        <translation>Server &amp; Tools</translation>
    </message>
    <message>
        <source>Welcome to Gatehouse</source>
        <translation>Willkommen bei Gatehouse</translation>
    </message>
    <message>
        <source>Gatehouse gives AI assistants one address for your APIs. You decide which tools they see, who may call them and how often.</source>
        <translation>Gatehouse gibt KI-Assistenten eine einzige Adresse für Ihre APIs. Sie bestimmen, welche Tools sie sehen, wer sie aufrufen darf und wie oft.</translation>
    </message>
    <message>
        <source>Start by adding a server: import the OpenAPI spec of an API you use, from a file or an https:// address. You see the tools it would offer before anything is saved.</source>
        <translation>Fügen Sie zuerst einen Server hinzu: Importieren Sie die OpenAPI-Spezifikation einer API, die Sie verwenden, aus einer Datei oder von einer https://-Adresse. Sie sehen die Tools, die er anbieten würde, bevor etwas gespeichert wird.</translation>
    </message>
    <message>
        <source>&amp;Import an OpenAPI spec…</source>
        <translation>OpenAPI-Spezifikation &amp;importieren…</translation>
    </message>
    <message>
        <source>Import an OpenAPI spec</source>
        <translation>OpenAPI-Spezifikation importieren</translation>
    </message>
    <message>
        <source>What happens next: the gateway serves the server at its own MCP address right away. Switch off or rename the tools you do not want here, then decide on the Permissions page who may call them: clients can call a tool only when a role allows it.</source>
        <translation>Wie es weitergeht: Das Gateway stellt den Server sofort unter seiner eigenen MCP-Adresse bereit. Schalten Sie hier die Tools ab, die Sie nicht möchten, oder benennen Sie sie um, und legen Sie dann auf der Seite Berechtigungen fest, wer sie aufrufen darf: Clients können ein Tool nur aufrufen, wenn eine Rolle es erlaubt.</translation>
    </message>
    <message>
        <source>Prefer the command line? gatehouse import FILE reads a whole configuration file.</source>
        <translation>Lieber die Kommandozeile? gatehouse import FILE liest eine ganze Konfigurationsdatei ein.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>gatehouse: no display found. Run the gateway headless with `gatehouse serve`, or see `gatehouse --help`.
</source>
        <translation>gatehouse: keine Anzeige gefunden. Führen Sie das Gateway mit `gatehouse serve` ohne Oberfläche aus oder lesen Sie `gatehouse --help`.
</translation>
    </message>
    <message>
        <source>The data directory that holds the store.</source>
        <translation>Das Datenverzeichnis, das den Datenspeicher enthält.</translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
</context>
</TS>
