<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CredentialRepository</name>
    <message>
        <source>Reading credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no credential named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A credential needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential &apos;%1&apos;: type &apos;%2&apos; is not one of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential &apos;%1&apos;: &apos;in&apos; is &apos;%2&apos;, but must be one of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential &apos;%1&apos;: secret kind &apos;%2&apos; is not one of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving credential &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A credential named &apos;%1&apos; already exists; choose another name or edit the existing credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the use of credential &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding what uses credential &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential &apos;%1&apos; is still used by %2; choose another credential there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing credential &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove credential &apos;%1&apos;: there is no credential by that name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The store URL &apos;%1&apos; is not a PostgreSQL URL; write it as postgresql://user@host/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store URL &apos;%1&apos; needs the Qt PostgreSQL driver (QPSQL), which is not installed; install it or use the SQLite store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No store database was given: set a SQLite file path or a PostgreSQL URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not installed; Gatehouse cannot open its database &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder &apos;%1&apos; for the store database; check that it is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the store database &apos;%1&apos;: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set up the store database &apos;%1&apos; (%2): %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start a write transaction on the store database &apos;%1&apos;: %2.%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Another process holds it too long; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot commit a write transaction on the store database &apos;%1&apos;: %2; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gateway</name>
    <message>
        <source>gateway.behind_proxy is set but public_url %1 is not https: set public_url to the proxy&apos;s https address</source>
        <translation>gateway.behind_proxy ist gesetzt, aber public_url %1 ist keine https-Adresse: Setzen Sie public_url auf die https-Adresse des Proxys</translation>
    </message>
    <message>
        <source>plain HTTP on %1 is refused because it is not a loopback address: configure gateway.tls, set gateway.behind_proxy with an https public_url, or listen on 127.0.0.1</source>
        <translation>Unverschlüsseltes HTTP auf %1 wird abgelehnt, weil das keine Loopback-Adresse ist: Konfigurieren Sie gateway.tls, setzen Sie gateway.behind_proxy mit einer https-Adresse als public_url oder lauschen Sie auf 127.0.0.1</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3. Choose another port or stop the program that uses it</source>
        <translation>Lauschen auf %1:%2 nicht möglich: %3. Wählen Sie einen anderen Port oder beenden Sie das Programm, das ihn belegt</translation>
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
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>Reading the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store database &apos;%1&apos; has schema version %2, but this Gatehouse knows versions up to %3: it was written by a newer Gatehouse. Run that version or a newer one; the database is not downgraded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version %1 does not exist; this Gatehouse knows versions 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store database &apos;%1&apos; is at schema version %2 and cannot be taken back to version %3; migrations only go forward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the schema_version table in &apos;%1&apos;: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrating the store database &apos;%1&apos; to schema version %2 failed and was rolled back: %3 (in: %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording schema version %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationIndex</name>
    <message>
        <source>a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an OpenAPI document: it has no &quot;openapi&quot; or &quot;swagger&quot; version key at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a mapping, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a path item mapping, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an operation mapping, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operationId &quot;%1&quot; is already used at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list of strings, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: cannot parse the spec: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: cannot read the spec: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanRepository</name>
    <message>
        <source>Reading plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no plan named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A plan needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan &apos;%1&apos;: limits cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving plan &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A plan named &apos;%1&apos; already exists; choose another name or edit the existing plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the users of plan &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan &apos;%1&apos; cannot be removed: users %2 are on it; move them to another plan first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing plan &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove plan &apos;%1&apos;: there is no plan by that name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Query</name>
    <message>
        <source>%1 failed in the store database &apos;%2&apos;: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerRepository</name>
    <message>
        <source>Reading servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no server named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &apos;%1&apos;: discovery &apos;%2&apos; is not one of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving server &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server named &apos;%1&apos; already exists; choose another name or edit the existing server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; uses credential &apos;%2&apos;, which does not exist; add the credential first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing server &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove server &apos;%1&apos;: there is no server by that name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolOverrideRepository</name>
    <message>
        <source>Reading tool overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; has no tool override &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacing the tool overrides of server &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tool override needs a server and a key (an operationId or &quot;METHOD /path&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool override &apos;%1&apos; of server &apos;%2&apos;: action &apos;%3&apos; is not one of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving tool override &apos;%1&apos; of server &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; already has a tool override &apos;%2&apos;; edit that one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool override &apos;%1&apos; refers to server &apos;%2&apos;%3, which does not exist; add it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or credential &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing tool override &apos;%1&apos; of server &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove tool override &apos;%1&apos;: server &apos;%2&apos; has no such override.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>cannot create the data directory %1: check its parent&apos;s permissions or pass --data DIR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::app::PasswordPrompt</name>
    <message>
        <source>no password was entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password on standard input: pipe one in, e.g. `printf &apos;%s\n&apos; &quot;$PASSWORD&quot; | gatehouse ...`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two passwords differ: try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::oauth</name>
    <message>
        <source>OpenSSL has no scrypt implementation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create an scrypt context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scrypt key derivation failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::oauth::PasswordHash</name>
    <message>
        <source>the password is empty: choose a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system&apos;s random generator failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password hash is not in the form scrypt$ln=N,r=R,p=P$salt$hash: create one with `gatehouse user hash-password`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password hash&apos;s scrypt parameters are out of bounds (ln 10-20, r 1-32, p 1-16): create a new hash with `gatehouse user hash-password`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password hash&apos;s salt or key is malformed</source>
        <translation type="unfinished"></translation>
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
        <source>Who may call which tool: roles, the users in them, and the exceptions for single users.</source>
        <translation>Wer welches Tool aufrufen darf: Rollen, ihre Benutzer und die Ausnahmen für einzelne Benutzer.</translation>
    </message>
    <message>
        <source>The permission matrix arrives in a coming release.</source>
        <translation>Die Berechtigungsmatrix kommt in einer der nächsten Versionen.</translation>
    </message>
    <message>
        <source>Plans &amp; quotas</source>
        <translation>Tarife &amp; Kontingente</translation>
    </message>
    <message>
        <source>How much each user may use: calls per month, calls per minute and spending caps.</source>
        <translation>Wie viel jeder Benutzer nutzen darf: Aufrufe pro Monat, Aufrufe pro Minute und Kostenobergrenzen.</translation>
    </message>
    <message>
        <source>The plan editor arrives in a coming release.</source>
        <translation>Der Tarif-Editor kommt in einer der nächsten Versionen.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>The keys and tokens Gatehouse uses to call your APIs, kept encrypted and never shown to clients.</source>
        <translation>Die Schlüssel und Tokens, mit denen Gatehouse Ihre APIs aufruft – verschlüsselt aufbewahrt und nie an Clients weitergegeben.</translation>
    </message>
    <message>
        <source>The credential editor arrives in a coming release.</source>
        <translation>Die Verwaltung der Zugangsdaten kommt in einer der nächsten Versionen.</translation>
    </message>
    <message>
        <source>Users &amp; clients</source>
        <translation>Benutzer &amp; Clients</translation>
    </message>
    <message>
        <source>Who signs in to the gateway, their roles and plans, and the MCP clients they have connected.</source>
        <translation>Wer sich am Gateway anmeldet, mit welchen Rollen und Tarifen, und welche MCP-Clients verbunden sind.</translation>
    </message>
    <message>
        <source>User and client management arrives in a coming release.</source>
        <translation>Die Verwaltung von Benutzern und Clients kommt in einer der nächsten Versionen.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Every tool call as it happens: who called what, whether it was allowed, and how long it took.</source>
        <translation>Jeder Tool-Aufruf in Echtzeit: wer was aufgerufen hat, ob es erlaubt war und wie lange es gedauert hat.</translation>
    </message>
    <message>
        <source>The live activity table and charts arrive in a coming release.</source>
        <translation>Die Live-Tabelle und die Diagramme kommen in einer der nächsten Versionen.</translation>
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
        <source>Start by adding a server. Importing an OpenAPI spec from a file or URL right here arrives in a coming release. Today, import a configuration file on the command line:</source>
        <translation>Fügen Sie zuerst einen Server hinzu. Der Import einer OpenAPI-Spezifikation aus einer Datei oder von einer URL direkt hier kommt in einer der nächsten Versionen. Bis dahin importieren Sie eine Konfigurationsdatei über die Befehlszeile:</translation>
    </message>
    <message>
        <source>Import command</source>
        <translation>Importbefehl</translation>
    </message>
    <message>
        <source>Run this in a terminal, with the path of your configuration file in place of FILE.</source>
        <translation>Führen Sie dies in einem Terminal aus und setzen Sie statt FILE den Pfad Ihrer Konfigurationsdatei ein.</translation>
    </message>
    <message>
        <source>What happens next: the servers, tools, roles and credentials of the file appear on these pages, and clients can call a tool only when a role allows it.</source>
        <translation>Wie es weitergeht: Die Server, Tools, Rollen und Zugangsdaten aus der Datei erscheinen auf diesen Seiten, und Clients können ein Tool nur aufrufen, wenn eine Rolle es erlaubt.</translation>
    </message>
</context>
</TS>
