<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AuditRepository</name>
    <message>
        <source>An audit row needs a time and a decision (tool &apos;%1&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing an audit row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An audit query needs a positive limit, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pruning the audit log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogProvider</name>
    <message>
        <source>server %1 has no tool named %2: call tools/list for the tools it offers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientRepository</name>
    <message>
        <source>Reading OAuth clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no OAuth client with client_id &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An OAuth client needs a client_id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth client &apos;%1&apos;: kind &apos;%2&apos; is not one of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving OAuth client &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An OAuth client with client_id &apos;%1&apos; already exists; issue a new client_id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth client &apos;%1&apos; is issued to user &apos;%2&apos;, who does not exist; add the user first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoking OAuth client &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot revoke OAuth client &apos;%1&apos;: there is no client with that client_id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoking the tokens of OAuth client &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing OAuth client &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove OAuth client &apos;%1&apos;: there is no client with that client_id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>warning: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;gatehouse --help&apos; for the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse %1: an MCP gateway with OAuth 2.1, per-user upstream credentials, permissions, quotas and spend caps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  gatehouse                   open the desktop application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  gatehouse serve             run the gateway headless (--config FILE, --data DIR, --listen ADDR:PORT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  gatehouse config check FILE validate a configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  gatehouse import FILE       merge a configuration file into the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  gatehouse export --out DIR  write the store as a configuration bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  gatehouse user add|passwd|list|hash-password   manage users who sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  gatehouse version           print the version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every command takes --help. Commands that use the store find it through --config FILE (its gateway.data_dir) or --data DIR; the default is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the store through this configuration file&apos;s gateway.data_dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data directory that holds the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subcommand: check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file (YAML or JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validates a configuration file and its OpenAPI specs without changing anything. Prints every error and warning with its line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;config check FILE&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n error(s); nothing was changed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: valid (%n warning(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The configuration file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merges a configuration file into the store: its servers, tool overrides, credentials&apos; metadata, roles, plans, users and clients are added or updated by name; nothing else is removed. A file with any error changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 into %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder to write the bundle to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the store as a bundle for `gatehouse serve --config`: gatehouse.yaml, the local OpenAPI specs it names under specs/, and a README. Secrets are never written into the bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out DIR is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1. Run it with: gatehouse serve --config %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: gatehouse user add|passwd|list|hash-password [--help]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  add NAME [--role ROLE]... [--plan PLAN]   create a user; the password is read from standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  passwd NAME                               set a user&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  list                                      list users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  hash-password                             print the hash a config file&apos;s password_hash takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown user command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A role for the user (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user&apos;s plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PLAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates a user who signs in at the gateway. The password is read from standard input when it is not a terminal, else asked twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the user&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added user %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets a user&apos;s password, read from standard input when it is not a terminal, else asked twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed the password of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists the users with their roles, plan and state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No users yet. Add one with: gatehouse user add NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roles: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prints the scrypt hash of a password for a config file&apos;s password_hash. The password is read from standard input when it is not a terminal, else asked twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address and port to listen on (default 127.0.0.1:8787).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ADDR:PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs the gateway without a window. With --config, the file is applied to the store at start and again on SIGHUP; an invalid file leaves the running configuration untouched. Stops cleanly on SIGTERM and SIGINT.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigLoader</name>
    <message>
        <source>expected a mapping of %1 at the top level, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a key, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate key &quot;%1&quot; (first on line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; is ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; is ignored (did you mean &quot;%2&quot;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required key &quot;%1&quot; is missing or empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number of 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number of 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of actions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an http:// or https:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host:port with a port from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a host name such as gatehouse.lan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an IP address or a CIDR range such as 10.0.0.0/8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sqlite: or postgresql:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name of letters, digits, &apos;-&apos; and &apos;_&apos; (it becomes the endpoint /mcp/NAME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a server needs either &quot;openapi&quot; (a spec file or URL) or &quot;mcp&quot; (an upstream MCP server URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a server has either &quot;openapi&quot; or &quot;mcp&quot;, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base_url only applies to OpenAPI servers; it is ignored with &quot;mcp&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tool name of 1 to 64 letters, digits, &apos;_&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an api_key credential needs &quot;param&quot;: the header, query or cookie parameter that carries the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is only used by api_key credentials; it is ignored for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an %1 credential needs &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is only used by oauth2 credentials; it is ignored for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an environment variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected base64 (what `gatehouse credential seal` prints)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected exactly one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected exactly one of %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a target &quot;server/resource&quot; or &quot;server.tool&quot;, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allow, deny or a list of actions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an scrypt hash (&quot;scrypt$...&quot;), never a plain password; run `gatehouse user hash-password` and paste what it prints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a grant without &quot;allow&quot; or &quot;deny&quot; has no effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a hash (&quot;sha256$...&quot;), never the client secret itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain HTTP is refused on the non-loopback address %1: set gateway.tls {cert, key}, or set gateway.behind_proxy: true with an https public_url when a TLS-terminating proxy is in front, or listen on 127.0.0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behind_proxy requires an https public_url (the address clients reach through the proxy), got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behind_proxy requires an https public_url (the address clients reach through the proxy); set gateway.public_url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public_url must use https unless its host is a loopback address: OAuth 2.1 and MCP clients refuse plain HTTP elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tls is set but public_url is http; clients will be sent to plain HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auth mode none is only allowed with a loopback listen address, and gateway.listen is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trusted_proxies has no effect unless behind_proxy is true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate %1 &quot;%2&quot; (first defined on line %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credential name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not defined in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not defined in %3 (did you mean &quot;%4&quot;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the spec is a URL and is not fetched while loading the configuration, so override keys and tool names for this server are not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no operation &quot;%2&quot;; this override has no effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no operation &quot;%2&quot; (did you mean &quot;%3&quot;?); this override has no effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operation &quot;%1&quot; is excluded by tools.exclude &quot;%2&quot;; this override has no effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tool name &quot;%1&quot; is already the name of operation %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operations %1 and %2 both get the tool name &quot;%3&quot;; give one a name in tools.overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server &quot;%1&quot; has no resource &quot;%2&quot; (its resources: %3); this rule has no effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tool &quot;%1&quot; is excluded by tools.exclude &quot;%2&quot;; this rule has no effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server &quot;%1&quot; has no tool &quot;%2&quot;; this rule has no effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server &quot;%1&quot; has no tool &quot;%2&quot; (did you mean &quot;%3&quot;?); this rule has no effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot parse the JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot parse the YAML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>RoleRepository</name>
    <message>
        <source>%1: a rule needs a target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the rule for &apos;%2&apos; has effect &apos;%3&apos;; use allow or deny.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the rule for &apos;%2&apos; has action &apos;%3&apos;, which is not one of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading permission rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no role named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A role needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving role &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A role named &apos;%1&apos; already exists; choose another name or edit the existing role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacing the rules of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a rule of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save rules for user &apos;%1&apos;: there is no user by that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the users of role &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role &apos;%1&apos; cannot be removed: users %2 hold it; take it from them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing role &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove role &apos;%1&apos;: there is no role by that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up user &apos;%1&apos;</source>
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
    <name>SessionRepository</name>
    <message>
        <source>Storing the gateway key &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the gateway key &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway key &apos;%1&apos; vanished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording an ended session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading ended sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing expired sessions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreSync</name>
    <message>
        <source>%1 &apos;%2&apos; was made in the GUI or by a command; the config file declares it too and wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed, %4 unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tool override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1: check the permissions of its parent folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server %1: cannot copy its OpenAPI spec %2 into the bundle: check that the file exists, or import the server again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># Gatehouse deployment bundle

- `gatehouse.yaml`: the configuration (docs/configuration.md in the Gatehouse sources describes every key).
- `specs/`: the OpenAPI specs it names.

Run it with:

    gatehouse serve --config gatehouse.yaml

Credentials are referenced, never included: provide each secret on the server as its `secret:` key says (env, file or keychain).
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenRepository</name>
    <message>
        <source>Reading OAuth tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token needs its hash, a client_id and an expiry time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token kind &apos;%1&apos; is not one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a %1 token for OAuth client &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token with this hash already exists; generate a new token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save a %1 token: OAuth client &apos;%2&apos;%3 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or user &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is not known; it may have expired and been removed. Request a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using up a %1 token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoking a token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot revoke the token: it is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoking the tokens of grant &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoking the tokens of user &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing expired tokens</source>
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
    <name>UsageRepository</name>
    <message>
        <source>Usage period &apos;%1&apos; (user &apos;%2&apos;, server &apos;%3&apos;) is not a month written as YYYY-MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting usage of user &apos;%1&apos; on server &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading usage of user &apos;%1&apos; on server &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading usage for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <source>Reading users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading user roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no user named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &apos;%1&apos; lists a role twice: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up plan &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &apos;%1&apos; is on plan &apos;%2&apos;, which does not exist; add the plan first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up role &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &apos;%1&apos; has role &apos;%2&apos;, which does not exist; add the role first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving user &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user named &apos;%1&apos; already exists; choose another name or edit the existing user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacing the roles of user &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giving role &apos;%1&apos; to user &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing user &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove user &apos;%1&apos;: there is no user by that name.</source>
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
    <name>gatehouse::app::ServeCommand</name>
    <message>
        <source>--listen %1: expected ADDRESS:PORT, e.g. 127.0.0.1:8787 or [::1]:8787</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listen address %1 is not an IP address: use an address such as 127.0.0.1, 0.0.0.0 or ::1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gatehouse: %1 has errors; the gateway was not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse is running on %1 (data: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP endpoints:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: add a user (gatehouse user add NAME) and point an MCP client at an endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP base URL: %1/mcp/{server}. No servers yet. Next: import a configuration (gatehouse import FILE) or run gatehouse serve --config FILE.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::gateway</name>
    <message>
        <source>cannot read the TLS certificate %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the TLS key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 must hold a PEM certificate and its private key (RSA or EC)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::gateway::Gateway</name>
    <message>
        <source>gateway.auth.mode none serves every tool without sign-in and is only allowed on a loopback address; listen on 127.0.0.1 or remove auth.mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway.behind_proxy is set but public_url %1 is not https: set public_url to the proxy&apos;s https address</source>
        <translation type="unfinished">gateway.behind_proxy ist gesetzt, aber public_url %1 ist keine https-Adresse: Setzen Sie public_url auf die https-Adresse des Proxys</translation>
    </message>
    <message>
        <source>plain HTTP on %1 is refused because it is not a loopback address: configure gateway.tls, set gateway.behind_proxy with an https public_url, or listen on 127.0.0.1</source>
        <translation type="unfinished">Unverschlüsseltes HTTP auf %1 wird abgelehnt, weil das keine Loopback-Adresse ist: Konfigurieren Sie gateway.tls, setzen Sie gateway.behind_proxy mit einer https-Adresse als public_url oder lauschen Sie auf 127.0.0.1</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3. Choose another port or stop the program that uses it</source>
        <translation type="unfinished">Lauschen auf %1:%2 nicht möglich: %3. Wählen Sie einen anderen Port oder beenden Sie das Programm, das ihn belegt</translation>
    </message>
    <message>
        <source>the Host header names no address of this gateway: add it to gateway.allowed_hosts if clients reach the gateway by that name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests from this Origin are refused (DNS rebinding protection): add its host to gateway.allowed_hosts if it is yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no MCP server named &apos;%1&apos; is configured on this gateway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::gateway::McpEndpoint</name>
    <message>
        <source>the MCP endpoint answers GET, POST and DELETE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept must list application/json and text/event-stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send the JSON-RPC message with Content-Type: application/json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing Mcp-Session-Id header: send initialize first and then the session id it returns with every request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>initialize did not complete at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET opens an event stream: send Accept: text/event-stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing Mcp-Session-Id header: GET opens the stream of a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing Mcp-Session-Id header: DELETE ends the session it names</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::http::AddressPolicy</name>
    <message>
        <source>public address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unspecified address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loopback address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private network address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared (carrier-grade NAT) address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link-local address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unique-local address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multicast or broadcast address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved or special-purpose address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection to %1 refused: the address is outside the networks allowed for this upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection to %1 refused for SSRF protection: it is a %2, and this request may only reach public addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused: only IPv4 and IPv6 addresses are allowed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::http::RequestParser</name>
    <message>
        <source>The request line is longer than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines must end with CRLF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many empty lines before the request line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A header line is longer than %1 bytes or the header block is longer than %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than %1 header fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunk data is not followed by CRLF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chunk size line is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request line is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The method is not a valid token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTP version is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only HTTP/1.0 and HTTP/1.1 are supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request target contains a control or non-ASCII character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CONNECT is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request target contains a fragment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The asterisk-form target is only allowed with OPTIONS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request target is neither a path nor an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request target has an empty authority or user info.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request target&apos;s authority is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path contains an invalid percent-encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path contains an encoded slash or control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path contains a dot segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folded header lines (obs-fold) are not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A header line has no field name or no colon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A header field name is not a valid token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A header field value contains a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has more than one Host field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An HTTP/1.1 request needs a Host field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Host field is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has both Transfer-Encoding and Content-Length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer-Encoding is not allowed in HTTP/1.0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer-Encoding has an empty element.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer-Encoding must end with a single chunked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the chunked transfer coding is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has more than one Content-Length field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Length is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the 100-continue expectation is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chunk size overflows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chunk size is not a hexadecimal number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chunk size line is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::http::Response</name>
    <message>
        <source>The server has too many open connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many open connections from your address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is served here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request headers did not arrive in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body did not arrive in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not answered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::http::Server</name>
    <message>
        <source>The HTTP server is already listening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::http::UpstreamClient</name>
    <message>
        <source>upstream URL must be an absolute http or https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1: this request requires https</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1: credentials in the URL are not supported; send them in a header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1: a proxy cannot be used for a request limited to public addresses, because the address check would only see the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream request method is not a token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1: header name or value contains characters that are not allowed (header %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1: header %2 is managed by the client and cannot be set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1 did not answer within the total timeout of %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1: cannot start the request: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1 redirected more than %2 times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1: the response body exceeds the limit of %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1: the response headers exceed the limit of %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1: could not connect within the connect timeout of %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1: the host name cannot be resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1: the protocol is not allowed for this request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a curl easy handle</source>
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
        <source>What happens next: the gateway serves each server of the file at its own MCP address, and clients can call a tool only when a role allows it. The editors on these pages arrive in coming releases.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>http</name>
    <message>
        <source>this MCP session belongs to another caller: start your own session with initialize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the MCP session is unknown, expired or ended: start a new one with initialize</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>gatehouse: no display found. Run the gateway headless with `gatehouse serve`, or see `gatehouse --help`.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data directory that holds the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation type="unfinished">Gatehouse</translation>
    </message>
</context>
</TS>
