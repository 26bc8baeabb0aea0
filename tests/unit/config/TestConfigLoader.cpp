#include "TestSupport.h"
#include "config/ConfigLoader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::config;
using namespace Qt::StringLiterals;

namespace {

QString examplesDir()
{
    return test::sourceDir() + u"/examples"_s;
}

// Loads YAML text as "config.yaml" in examples/, so that specs/billing.yaml resolves.
LoadResult load(const QByteArray &yaml)
{
    return ConfigLoader().loadString(yaml, u"config.yaml"_s, examplesDir());
}

QStringList texts(const QList<Diagnostic> &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out << d.toString();
    return out;
}

// A valid servers section (lines 1-3 when it comes first); `+` gives a plain QByteArray so
// that rows of the _data() tables have the column's type.
struct Fragment
{
    const char *text;
};
QByteArray operator+(Fragment fragment, const char *after)
{
    return QByteArray(fragment.text) + QByteArray(after);
}
QByteArray operator+(const char *before, Fragment fragment)
{
    return QByteArray(before) + QByteArray(fragment.text);
}
constexpr Fragment kServer{"servers:\n"
                           "  - name: billing\n"
                           "    openapi: specs/billing.yaml\n"};

} // namespace

class TestConfigLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sharedExampleLoads()
    {
        const QString path = test::designDir() + u"/config-example.yaml"_s;
        const LoadResult result = ConfigLoader().loadFile(path);
        QVERIFY2(result.ok(), qPrintable(texts(result.diagnostics).join(u'\n')));
        QCOMPARE(texts(result.diagnostics), QStringList());
        QCOMPARE(result.format, ConfigFormat::Yaml);

        const Config &c = *result.config;
        QCOMPARE(c.gateway.listen->toString(), u"127.0.0.1:8787"_s);
        QCOMPARE(c.gateway.publicUrl, QUrl(u"http://127.0.0.1:8787"_s));
        QCOMPARE(c.gateway.dataDir->written, u"./data"_s);
        QCOMPARE(c.gateway.dataDir->resolved, test::designDir() + u"/data"_s);
        QVERIFY(!c.gateway.tls && !c.gateway.behindProxy && !c.gateway.store);

        QCOMPARE(c.servers.size(), 1);
        const ServerConfig &billing = c.servers.first();
        QCOMPARE(billing.name, u"billing"_s);
        QCOMPARE(billing.title, u"Billing API"_s);
        QCOMPARE(billing.openapi->resolved, test::designDir() + u"/specs/billing.yaml"_s);
        QCOMPARE(billing.baseUrl, QUrl(u"http://127.0.0.1:9000"_s));
        QVERIFY(!billing.openapiRemoteRefs); // off unless the owner says so
        QCOMPARE(billing.discovery, Discovery::Flat);
        QCOMPARE(billing.credential, u"billing-read"_s);
        QCOMPARE(billing.tools->exclude, QStringList{u"GET /internal/*"_s});
        QCOMPARE(billing.tools->overrides.size(), 2);
        const ToolOverride &create = billing.tools->overrides.at(0);
        QCOMPARE(create.key, u"createInvoice"_s);
        QCOMPARE(create.name, u"create_invoice"_s);
        QCOMPARE(create.hideParams, QStringList{u"Idempotency-Key"_s});
        QCOMPARE(create.responseFields->size(), 4);
        QCOMPARE(create.credential, u"billing-write"_s);
        QCOMPARE(create.cost, 1.0);
        QVERIFY(!create.action);
        const ToolOverride &list = billing.tools->overrides.at(1);
        QCOMPARE(list.key, u"listInvoices"_s);
        QCOMPARE(list.action, Action::Read);
        QCOMPARE(list.resource, u"invoices"_s);
        QVERIFY(!list.name && !list.cost);

        QCOMPARE(c.credentials.size(), 2);
        QCOMPARE(c.credentials.at(0).type, CredentialType::ApiKey);
        QCOMPARE(c.credentials.at(0).in, ParamLocation::Header);
        QCOMPARE(c.credentials.at(0).param, u"X-API-Key"_s);
        QCOMPARE(c.credentials.at(0).secret,
                 (SecretRef{SecretSource::Keychain, u"billing-read"_s, QString()}));
        QCOMPARE(c.credentials.at(1).type, CredentialType::Bearer);
        QCOMPARE(c.credentials.at(1).scopes, QStringList{u"invoices:write"_s});
        QCOMPARE(c.credentials.at(1).perUser, true);

        QCOMPARE(c.roles.size(), 2);
        QCOMPARE(c.roles.at(1).name, u"clerk"_s);
        const QList<RoleRule> &rules = c.roles.at(1).rules;
        QCOMPARE(rules.size(), 3);
        QCOMPARE(rules.at(0).target.toString(), u"billing/invoices"_s);
        QCOMPARE(rules.at(0).actions, (QList<Action>{Action::Read, Action::Create}));
        QCOMPARE(rules.at(2).target, (Target{TargetKind::Tool, u"billing"_s, u"void_invoice"_s}));
        QCOMPARE(rules.at(2).effect, RuleEffect::Deny);

        QCOMPARE(c.plans.size(), 2);
        QCOMPARE(c.plans.at(1).name, u"pro"_s);
        QCOMPARE(c.plans.at(1).callsPerMonth, 100000);
        QCOMPARE(c.plans.at(1).ratePerMinute, 600);

        QCOMPARE(c.users.size(), 2);
        const User &bob = c.users.at(0);
        QCOMPARE(bob.roles, QStringList{u"viewer"_s});
        QCOMPARE(bob.plan, u"free"_s);
        QCOMPARE(bob.passwordHash, u"scrypt$..."_s);
        QCOMPARE(bob.grants.size(), 2);
        QCOMPARE(bob.grants.at(0).allow, QList<Action>{Action::Read});
        QVERIFY(!bob.grants.at(0).deny);
        QCOMPARE(bob.grants.at(1).deny, QList<Action>{Action::Create});
        QVERIFY(!c.users.at(1).passwordHash);

        QCOMPARE(c.clients.size(), 1);
        QCOMPARE(c.clients.at(0).clientId, u"gh_cli_7f3a..."_s);
        QCOMPARE(c.clients.at(0).user, u"bob"_s);
        QVERIFY(!c.clients.at(0).name);
    }

    void examplesLoad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("minimal") << u"minimal.yaml"_s;
        QTest::newRow("full") << u"full.yaml"_s;
        QTest::newRow("full json") << u"full.json"_s;
    }
    void examplesLoad()
    {
        QFETCH(QString, file);
        const LoadResult result = ConfigLoader().loadFile(examplesDir() + u'/' + file);
        QVERIFY2(result.ok(), qPrintable(texts(result.diagnostics).join(u'\n')));
        QCOMPARE(texts(result.diagnostics), QStringList());
    }

    void jsonEqualsYaml()
    {
        const LoadResult yaml = ConfigLoader().loadFile(examplesDir() + u"/full.yaml"_s);
        const LoadResult json = ConfigLoader().loadFile(examplesDir() + u"/full.json"_s);
        QVERIFY(yaml.ok() && json.ok());
        QCOMPARE(yaml.format, ConfigFormat::Yaml);
        QCOMPARE(json.format, ConfigFormat::Json);
        QVERIFY(*yaml.config == *json.config);
        // and the comparison is not vacuous
        Config changed = *json.config;
        changed.servers[0].tools->overrides[0].cost = 2.0;
        QVERIFY(!(*yaml.config == changed));
    }

    void fullExampleValues()
    {
        const LoadResult result = ConfigLoader().loadFile(examplesDir() + u"/full.yaml"_s);
        QVERIFY(result.ok());
        const Config &c = *result.config;
        QCOMPARE(c.gateway.tls->cert.resolved, examplesDir() + u"/certs/gatehouse.pem"_s);
        QCOMPARE(c.gateway.tls->cert.written, u"certs/gatehouse.pem"_s);
        QCOMPARE(c.gateway.store->url, u"postgresql://gatehouse@db/gatehouse"_s);
        QCOMPARE(c.gateway.trustedProxies->size(), 2);
        QCOMPARE(c.servers.at(1).mcp, QUrl(u"https://tickets.example.internal/mcp"_s));
        QVERIFY(!c.servers.at(1).openapi);
        QCOMPARE(c.servers.at(0).tools->overrides.at(1).key, u"GET /customers/{customer_id}"_s);
        const ToolsConfig &tools = *c.servers.at(0).tools;
        QCOMPARE(tools.include, (QStringList{u"invoices"_s, u"customers"_s}));
        QCOMPARE(tools.heuristics->maxDescriptionChars, 200);
        QCOMPARE(tools.heuristics->shapeResponses, false);
        QCOMPARE(tools.heuristics->dropListWithRead, false);
        QCOMPARE(tools.heuristics->compactSchemas, true);
        QCOMPARE(tools.overrides.at(0).enabled, true);
        QVERIFY(tools.overrides.at(0).fixedParams->value(u"currency"_s) == "EUR");
        QVERIFY(tools.overrides.at(2).paramDefaults->value(u"limit"_s) == 50);
        QCOMPARE(tools.overrides.at(3).enabled, false);
        const Credential &crm = c.credentials.at(4);
        QCOMPARE(crm.type, CredentialType::OAuth2ClientCredentials);
        QCOMPARE(crm.secret->source, SecretSource::File);
        QCOMPARE(crm.secret->value, u"secrets/crm-client-secret"_s);
        QCOMPARE(crm.secret->resolvedFile, examplesDir() + u"/secrets/crm-client-secret"_s);
        QCOMPARE(c.plans.at(1).spendPerMonth, 250.0);
        QCOMPARE(c.users.at(2).disabled, true);
        QCOMPARE(c.clients.at(0).name, u"Bob's command line"_s);
        QVERIFY(!c.clients.at(1).clientSecretHash);
    }

    void broken_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QStringList>("expected"); // every diagnostic, in order

        QTest::newRow("cost is not a number")
            << kServer + "    tools:\n"
                         "      overrides:\n"
                         "        createInvoice:\n"
                         "          cost: abc\n"
            << QStringList{u"config.yaml:7 servers[0].tools.overrides.createInvoice.cost: "
                           "expected a number, got \"abc\""_s};
        QTest::newRow("negative cost")
            << kServer + "    tools: {overrides: {createInvoice: {cost: -1}}}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.overrides.createInvoice.cost: "
                           "expected a number of 0 or more, got \"-1\""_s};
        QTest::newRow("cost is a list")
            << kServer + "    tools: {overrides: {\"POST /invoices\": {cost: [1]}}}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.overrides[\"POST /invoices\"].cost: "
                           "expected a number, got a list"_s};
        QTest::newRow("enabled is not a boolean")
            << kServer + "    tools: {overrides: {createInvoice: {enabled: no}}}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.overrides.createInvoice.enabled: "
                           "expected true or false, got \"no\""_s};
        QTest::newRow("heuristic values")
            << kServer + "    tools:\n"
                         "      heuristics:\n"
                         "        drop_deprecated: maybe\n"
                         "        max_description_chars: -5\n"
                         "        shape_responses: 1\n"
            << QStringList{u"config.yaml:6 servers[0].tools.heuristics.drop_deprecated: expected "
                           "true or false, got \"maybe\""_s,
                           u"config.yaml:7 servers[0].tools.heuristics.max_description_chars: "
                           "expected a whole number of 0 or more, got \"-5\""_s,
                           u"config.yaml:8 servers[0].tools.heuristics.shape_responses: expected "
                           "true or false, got \"1\""_s};
        QTest::newRow("description limit too large")
            << kServer + "    tools: {heuristics: {max_description_chars: 99999999999}}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.heuristics.max_description_chars: "
                           "expected a whole number from 0 to 2147483647, got \"99999999999\""_s};
        QTest::newRow("heuristics is a list")
            << kServer + "    tools: {heuristics: [drop_deprecated]}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.heuristics: expected a mapping, got a "
                           "list"_s};
        QTest::newRow("include is not a list")
            << kServer + "    tools: {include: invoices}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.include: expected a list of strings, "
                           "got \"invoices\""_s};
        QTest::newRow("fixed_params is a list")
            << kServer + "    tools: {overrides: {createInvoice: {fixed_params: [currency]}}}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.overrides.createInvoice.fixed_params: "
                           "expected a mapping, got a list"_s};
        QTest::newRow("parameter without a value")
            << kServer + "    tools:\n"
                         "      overrides:\n"
                         "        createInvoice:\n"
                         "          fixed_params:\n"
                         "            currency:\n"
            << QStringList{u"config.yaml:8 "
                           "servers[0].tools.overrides.createInvoice.fixed_params.currency: "
                           "expected a value (a string, number, true or false, a list or a "
                           "mapping), got nothing"_s};
        QTest::newRow("infinite parameter value")
            << kServer + "    tools: {overrides: {createInvoice: {param_defaults: {amount: "
                         "[1, .inf]}}}}\n"
            << QStringList{u"config.yaml:4 "
                           "servers[0].tools.overrides.createInvoice.param_defaults.amount[1]: "
                           "expected a value JSON can carry (a finite number), got \".inf\""_s};
        QTest::newRow("parameter under two keys")
            << kServer + "    tools:\n"
                         "      overrides:\n"
                         "        createInvoice:\n"
                         "          hide_params: [Idempotency-Key, memo]\n"
                         "          fixed_params: {currency: EUR, memo: none}\n"
                         "          param_defaults: {currency: USD, Idempotency-Key: abc}\n"
            << QStringList{
                   u"config.yaml:8 servers[0].tools.overrides.createInvoice.fixed_params.currency: "
                   "parameter \"currency\" is in both fixed_params and param_defaults: a "
                   "parameter is either fixed (hidden, always sent) or visible with a default, so "
                   "remove it from one of them"_s,
                   u"config.yaml:8 servers[0].tools.overrides.createInvoice.fixed_params.memo: "
                   "parameter \"memo\" is in both fixed_params and hide_params: a fixed "
                   "parameter is hidden already, so remove it from hide_params"_s,
                   u"config.yaml:9 "
                   "servers[0].tools.overrides.createInvoice.param_defaults.Idempotency-Key: "
                   "parameter \"Idempotency-Key\" is in both hide_params and param_defaults: "
                   "clients never see a hidden parameter's default, so use fixed_params to "
                   "always send a value, or remove it from hide_params"_s};
        QTest::newRow("disabled tool keeps no name, but a live one does")
            << kServer + "    tools: {overrides: {voidInvoice: {enabled: true}, createInvoice: "
                         "{name: void_invoice}}}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.overrides.createInvoice.name: tool "
                           "name \"void_invoice\" is already the name of operation DELETE "
                           "/invoices/{invoice_id}"_s};
        QTest::newRow("listen port")
            << "gateway:\n  listen: 127.0.0.1:99999\n" + kServer
            << QStringList{u"config.yaml:2 gateway.listen: expected host:port with a port from 1 "
                           "to 65535, got \"127.0.0.1:99999\""_s};
        QTest::newRow("plain http off loopback")
            << "gateway:\n  listen: 0.0.0.0:8787\n" + kServer
            << QStringList{u"config.yaml:2 gateway.listen: plain HTTP is refused on the "
                           "non-loopback address 0.0.0.0:8787: set gateway.tls {cert, key}, or set "
                           "gateway.behind_proxy: true with an https public_url when a "
                           "TLS-terminating proxy is in front, or listen on 127.0.0.1"_s};
        QTest::newRow("behind proxy needs https")
            << "gateway:\n  listen: 0.0.0.0:8787\n  public_url: http://gatehouse.lan\n"
               "  behind_proxy: true\n" +
                   kServer
            << QStringList{u"config.yaml:4 gateway.behind_proxy: behind_proxy requires an https "
                           "public_url (the address clients reach through the proxy), got "
                           "\"http://gatehouse.lan\""_s};
        QTest::newRow("behind proxy without public_url")
            << "gateway:\n  behind_proxy: true\n" + kServer
            << QStringList{u"config.yaml:2 gateway.behind_proxy: behind_proxy requires an https "
                           "public_url (the address clients reach through the proxy); set "
                           "gateway.public_url"_s};
        QTest::newRow("http public_url off loopback")
            << "gateway:\n  public_url: http://gatehouse.lan:8787\n" + kServer
            << QStringList{u"config.yaml:2 gateway.public_url: public_url must use https unless "
                           "its host is a loopback address: OAuth 2.1 and MCP clients refuse "
                           "plain HTTP elsewhere"_s};
        QTest::newRow("public_url not a url")
            << "gateway:\n  public_url: gatehouse.lan\n" + kServer
            << QStringList{u"config.yaml:2 gateway.public_url: expected an http:// or https:// "
                           "URL, got \"gatehouse.lan\""_s};
        QTest::newRow("auth none off loopback")
            << "gateway:\n  listen: 0.0.0.0:8443\n  tls: {cert: a.pem, key: a.key}\n"
               "  auth: {mode: none}\n" +
                   kServer
            << QStringList{u"config.yaml:4 gateway.auth.mode: auth mode none is only allowed with "
                           "a loopback listen address, and gateway.listen is 0.0.0.0:8443"_s};
        QTest::newRow("tls without key")
            << "gateway:\n  tls: {cert: a.pem}\n" + kServer
            << QStringList{
                   u"config.yaml:2 gateway.tls: required key \"key\" is missing or empty"_s};
        QTest::newRow("bad boolean")
            << "gateway:\n  behind_proxy: maybe\n" + kServer
            << QStringList{u"config.yaml:2 gateway.behind_proxy: expected true or false, got "
                           "\"maybe\""_s};
        QTest::newRow("bad trusted proxy")
            << "gateway:\n  behind_proxy: false\n  trusted_proxies: [10.0.0.5, proxy.lan]\n" +
                   kServer
            << QStringList{u"config.yaml:3 gateway.trusted_proxies[1]: expected an IP address or a "
                           "CIDR range such as 10.0.0.0/8, got \"proxy.lan\""_s,
                           u"config.yaml:3 gateway.trusted_proxies: trusted_proxies has no effect "
                           "unless behind_proxy is true"_s};
        QTest::newRow("bad store url")
            << "gateway:\n  store: {url: \"mysql://db\"}\n" + kServer
            << QStringList{u"config.yaml:2 gateway.store.url: expected a sqlite: or postgresql:// "
                           "URL, got \"mysql://db\""_s};
        QTest::newRow("discovery enum")
            << kServer + "    discovery: flatt\n"
            << QStringList{u"config.yaml:4 servers[0].discovery: expected one of flat, "
                           "hierarchical, search, got \"flatt\""_s};
        QTest::newRow("server name with a space")
            << QByteArray("servers:\n  - name: my api\n    openapi: specs/billing.yaml\n")
            << QStringList{u"config.yaml:2 servers[0].name: expected a name of letters, digits, "
                           "'-' and '_' (it becomes the endpoint /mcp/NAME), got \"my api\""_s};
        QTest::newRow("server without name")
            << QByteArray("servers:\n  - openapi: specs/billing.yaml\n")
            << QStringList{
                   u"config.yaml:2 servers[0]: required key \"name\" is missing or empty"_s};
        QTest::newRow("server without source")
            << QByteArray("servers:\n  - name: billing\n")
            << QStringList{u"config.yaml:2 servers[0]: a server needs either \"openapi\" (a spec "
                           "file or URL) or \"mcp\" (an upstream MCP server URL)"_s};
        QTest::newRow("server with both sources")
            << kServer + "    mcp: https://x.example/mcp\n"
            << QStringList{u"config.yaml:4 servers[0].mcp: a server has either \"openapi\" or "
                           "\"mcp\", not both"_s};
        QTest::newRow("duplicate server")
            << kServer + "  - name: billing\n    mcp: https://x.example/mcp\n"
            << QStringList{u"config.yaml:4 servers[1].name: duplicate server name \"billing\" "
                           "(first defined on line 2)"_s};
        QTest::newRow("servers is a mapping")
            << QByteArray("servers:\n  billing: {openapi: specs/billing.yaml}\n")
            << QStringList{u"config.yaml:2 servers: expected a list, got a mapping"_s};
        QTest::newRow("duplicate key")
            << "gateway:\n  listen: 127.0.0.1:1\n  listen: 127.0.0.1:2\n" + kServer
            << QStringList{u"config.yaml:3 gateway.listen: duplicate key \"listen\" (first on line "
                           "2)"_s};
        QTest::newRow("bad tool name")
            << kServer + "    tools: {overrides: {createInvoice: {name: create invoice}}}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.overrides.createInvoice.name: expected "
                           "a tool name of 1 to 64 letters, digits, '_' or '-', got \"create "
                           "invoice\""_s};
        QTest::newRow("tool name taken")
            << kServer + "    tools: {overrides: {createInvoice: {name: get_invoice}}}\n"
            << QStringList{
                   u"config.yaml:4 servers[0].tools.overrides.createInvoice.name: tool name "
                   "\"get_invoice\" is already the name of operation GET "
                   "/invoices/{invoice_id}"_s};
        QTest::newRow("unknown action")
            << kServer + "    tools: {overrides: {createInvoice: {action: write}}}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.overrides.createInvoice.action: "
                           "expected one of read, create, update, delete, got \"write\""_s};
        QTest::newRow("missing spec file")
            << QByteArray("servers:\n  - name: billing\n    openapi: specs/missing.yaml\n")
            << QStringList{u"config.yaml:3 servers[0].openapi: cannot read specs/missing.yaml: No "
                           "such file or directory"_s};
        QTest::newRow("undefined credential")
            << kServer + "    credential: billing-raed\n"
                         "credentials:\n"
                         "  - {name: billing-read, type: bearer}\n"
            << QStringList{u"config.yaml:4 servers[0].credential: credential \"billing-raed\" is "
                           "not defined in credentials (did you mean \"billing-read\"?)"_s};
        QTest::newRow("undefined override credential")
            << kServer + "    tools: {overrides: {createInvoice: {credential: writer}}}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.overrides.createInvoice.credential: "
                           "credential \"writer\" is not defined in credentials"_s};
        QTest::newRow("duplicate credential")
            << kServer + "credentials:\n  - {name: a, type: bearer}\n  - {name: a, type: basic}\n"
            << QStringList{u"config.yaml:6 credentials[1].name: duplicate credential name \"a\" "
                           "(first defined on line 5)"_s};
        QTest::newRow("credential type")
            << kServer + "credentials:\n  - {name: a, type: oauth2}\n"
            << QStringList{u"config.yaml:5 credentials[0].type: expected one of api_key, bearer, "
                           "basic, oauth2_client_credentials, oauth2_refresh_token, got "
                           "\"oauth2\""_s};
        QTest::newRow("credential without type")
            << kServer + "credentials:\n  - name: a\n"
            << QStringList{u"config.yaml:5 credentials[0]: required key \"type\" is missing or "
                           "empty"_s};
        QTest::newRow("api_key without param")
            << kServer + "credentials:\n  - {name: a, type: api_key, in: header}\n"
            << QStringList{u"config.yaml:5 credentials[0]: an api_key credential needs \"param\": "
                           "the header, query or cookie parameter that carries the key"_s};
        QTest::newRow("oauth2 without token_url")
            << kServer + "credentials:\n  - {name: a, type: oauth2_client_credentials, "
                         "client_id: x, in: query}\n"
            << QStringList{u"config.yaml:5 credentials[0]: an oauth2_client_credentials credential "
                           "needs \"token_url\""_s,
                           u"config.yaml:5 credentials[0].in: \"in\" is only used by api_key "
                           "credentials; it is ignored for oauth2_client_credentials"_s};
        QTest::newRow("two secret sources")
            << kServer + "credentials:\n  - name: a\n    type: bearer\n"
                         "    secret: {keychain: a, env: A}\n"
            << QStringList{u"config.yaml:7 credentials[0].secret: expected exactly one of "
                           "keychain, env, file, sealed, got keychain, env"_s};
        QTest::newRow("bad env name")
            << kServer + "credentials:\n  - {name: a, type: bearer, secret: {env: MY-TOKEN}}\n"
            << QStringList{u"config.yaml:5 credentials[0].secret.env: expected an environment "
                           "variable name, got \"MY-TOKEN\""_s};
        QTest::newRow("bad sealed secret")
            << kServer + "credentials:\n  - {name: a, type: bearer, secret: {sealed: \"@@\"}}\n"
            << QStringList{u"config.yaml:5 credentials[0].secret.sealed: expected base64 (what "
                           "`gatehouse credential seal` prints)"_s};
        QTest::newRow("identity header not a header name")
            << kServer + "    identity_headers: {user: \"X Gatehouse User\", client: \"\"}\n"
            << QStringList{u"config.yaml:4 servers[0].identity_headers.user: expected an HTTP "
                           "header name (letters, digits and !#$%&'*+-.^_`|~, such as "
                           "X-Gatehouse-User), got \"X Gatehouse User\""_s,
                           u"config.yaml:4 servers[0].identity_headers.client: expected a "
                           "non-empty string, got \"\""_s};
        QTest::newRow("identity header carries credentials")
            << kServer + "    identity_headers:\n      user: authorization\n"
                         "      client: Proxy-Authenticate\n"
            << QStringList{u"config.yaml:5 servers[0].identity_headers.user: \"authorization\" "
                           "cannot carry the caller's identity: it carries credentials or "
                           "cookies, or frames the request; use a header of your own, such as "
                           "X-Gatehouse-User"_s,
                           u"config.yaml:6 servers[0].identity_headers.client: "
                           "\"Proxy-Authenticate\" cannot carry the caller's identity: it "
                           "carries credentials or cookies, or frames the request; use a header "
                           "of your own, such as X-Gatehouse-Client"_s};
        QTest::newRow("identity header frames the request")
            << kServer + "    identity_headers: {user: Cookie, client: Host}\n"
                         "  - name: other\n    openapi: specs/billing.yaml\n"
                         "    identity_headers: {user: Content-Length, client: Transfer-Encoding}\n"
            << QStringList{u"config.yaml:4 servers[0].identity_headers.user: \"Cookie\" cannot "
                           "carry the caller's identity: it carries credentials or cookies, or "
                           "frames the request; use a header of your own, such as "
                           "X-Gatehouse-User"_s,
                           u"config.yaml:4 servers[0].identity_headers.client: \"Host\" cannot "
                           "carry the caller's identity: it carries credentials or cookies, or "
                           "frames the request; use a header of your own, such as "
                           "X-Gatehouse-Client"_s,
                           u"config.yaml:7 servers[1].identity_headers.user: \"Content-Length\" "
                           "cannot carry the caller's identity: it carries credentials or "
                           "cookies, or frames the request; use a header of your own, such as "
                           "X-Gatehouse-User"_s,
                           u"config.yaml:7 servers[1].identity_headers.client: "
                           "\"Transfer-Encoding\" cannot carry the caller's identity: it "
                           "carries credentials or cookies, or frames the request; use a header "
                           "of your own, such as X-Gatehouse-Client"_s};
        QTest::newRow("one identity header for both")
            << kServer + "    identity_headers: {user: X-Caller, client: x-caller}\n"
            << QStringList{u"config.yaml:4 servers[0].identity_headers.client: \"x-caller\" is "
                           "the user's header already (header names ignore case); give the "
                           "client its own header"_s};
        QTest::newRow("identity header where a credential sends its key")
            << kServer + "    credential: reader\n"
                         "    identity_headers: {user: x-api-key, client: X-Key}\n"
                         "    tools: {overrides: {createInvoice: {credential: writer}}}\n"
                         "credentials:\n"
                         "  - {name: reader, type: api_key, param: X-API-Key}\n"
                         "  - {name: writer, type: api_key, in: header, param: x-key}\n"
                         "  - {name: query, type: api_key, in: query, param: X-Caller}\n"
            << QStringList{u"config.yaml:5 servers[0].identity_headers.user: header \"x-api-key\" "
                           "is where credential \"reader\" of this server sends its key; give the "
                           "identity another header"_s,
                           u"config.yaml:5 servers[0].identity_headers.client: header \"X-Key\" "
                           "is where credential \"writer\" of this server sends its key; give the "
                           "identity another header"_s};
        QTest::newRow("refresh token from the environment")
            << kServer + "credentials:\n"
                         "  - name: github\n    type: oauth2_refresh_token\n"
                         "    token_url: https://github.com/login/oauth/access_token\n"
                         "    client_id: Iv1.abc\n    per_user: true\n"
                         "    secret: {env: GITHUB_REFRESH_TOKEN}\n"
            << QStringList{u"config.yaml:10 credentials[0].secret: an oauth2_refresh_token "
                           "credential keeps its refresh token in the vault: the upstream "
                           "replaces the refresh token when it is used, and the gateway stores "
                           "the new one back, which it cannot do to an environment variable. "
                           "Write `secret: {keychain: github}` and import the token with "
                           "`gatehouse credential import github --from-stdin` (with `--user "
                           "USER` for a per_user credential)"_s};
        QTest::newRow("refresh token from a file")
            << kServer + "credentials:\n"
                         "  - {name: rt, type: oauth2_refresh_token, token_url: "
                         "\"https://a.example/token\", client_id: c, secret: {file: rt.txt}}\n"
            << QStringList{u"config.yaml:5 credentials[0].secret: an oauth2_refresh_token "
                           "credential keeps its refresh token in the vault: the upstream "
                           "replaces the refresh token when it is used, and the gateway stores "
                           "the new one back, which it cannot do to a file. Write `secret: "
                           "{keychain: rt}` and import the token with `gatehouse credential "
                           "import rt --from-stdin` (with `--user USER` for a per_user "
                           "credential)"_s};
        QTest::newRow("refresh token sealed")
            << kServer + "credentials:\n"
                         "  - {name: rt, type: oauth2_refresh_token, token_url: "
                         "\"https://a.example/token\", client_id: c, secret: {sealed: "
                         "c2VhbGVk}}\n"
            << QStringList{u"config.yaml:5 credentials[0].secret: an oauth2_refresh_token "
                           "credential keeps its refresh token in the vault: the upstream "
                           "replaces the refresh token when it is used, and the gateway stores "
                           "the new one back, which it cannot do to a sealed value in the "
                           "configuration. Write `secret: {keychain: rt}` and import the token "
                           "with `gatehouse credential import rt --from-stdin` (with `--user "
                           "USER` for a per_user credential)"_s};
        QTest::newRow("plaintext password")
            << kServer + "users:\n  - name: bob\n    password_hash: hunter2\n"
            << QStringList{u"config.yaml:6 users[0].password_hash: expected an scrypt hash "
                           "(\"scrypt$...\"), never a plain password; run `gatehouse user "
                           "hash-password` and paste what it prints"_s};
        QTest::newRow("undefined role and plan")
            << kServer + "roles:\n  viewer: {billing/invoices: [read]}\n"
                         "users:\n  - {name: bob, roles: [viewer, clerk], plan: gold}\n"
            << QStringList{u"config.yaml:7 users[0].roles[1]: role \"clerk\" is not defined in "
                           "roles"_s,
                           u"config.yaml:7 users[0].plan: plan \"gold\" is not defined in plans"_s};
        QTest::newRow("duplicate user")
            << kServer + "users:\n  - name: bob\n  - name: bob\n"
            << QStringList{u"config.yaml:6 users[1].name: duplicate user name \"bob\" (first "
                           "defined on line 5)"_s};
        QTest::newRow("client of an unknown user")
            << kServer + "users:\n  - name: bob\nclients:\n  - {client_id: c1, user: bobby}\n"
            << QStringList{u"config.yaml:7 clients[0].user: user \"bobby\" is not defined in users "
                           "(did you mean \"bob\"?)"_s};
        QTest::newRow("client secret in clear")
            << kServer + "users:\n  - name: bob\nclients:\n"
                         "  - {client_id: c1, user: bob, client_secret_hash: s3cret}\n"
            << QStringList{u"config.yaml:7 clients[0].client_secret_hash: expected a hash "
                           "(\"sha256$...\"), never the client secret itself"_s};
        QTest::newRow("duplicate client, missing user")
            << kServer + "users:\n  - name: bob\nclients:\n  - {client_id: c1, user: bob}\n"
                         "  - {client_id: c1}\n"
            << QStringList{u"config.yaml:8 clients[1]: required key \"user\" is missing or empty"_s,
                           u"config.yaml:8 clients[1].client_id: duplicate client_id \"c1\" (first "
                           "defined on line 7)"_s};
        QTest::newRow("role target server")
            << kServer + "roles:\n  viewer:\n    bill/invoices: [read]\n"
            << QStringList{u"config.yaml:6 roles.viewer[\"bill/invoices\"]: server \"bill\" is not "
                           "defined in servers"_s};
        QTest::newRow("role target shape")
            << kServer + "roles:\n  viewer:\n    billing: [read]\n"
            << QStringList{u"config.yaml:6 roles.viewer.billing: expected a target "
                           "\"server/resource\" or \"server.tool\", got \"billing\""_s};
        QTest::newRow("role action")
            << kServer + "roles:\n  viewer:\n    billing/invoices: [read, write]\n"
            << QStringList{u"config.yaml:6 roles.viewer[\"billing/invoices\"][1]: expected one of "
                           "read, create, update, delete, got \"write\""_s};
        QTest::newRow("deny on a resource")
            << kServer + "roles:\n  viewer:\n    billing/invoices: deny\n"
            << QStringList{u"config.yaml:6 roles.viewer[\"billing/invoices\"]: expected a list of "
                           "actions (read, create, update, delete), got \"deny\""_s};
        QTest::newRow("tool rule value")
            << kServer + "roles:\n  viewer:\n    billing.get_invoice: yes\n"
            << QStringList{u"config.yaml:6 roles.viewer[\"billing.get_invoice\"]: expected allow, "
                           "deny or a list of actions (read, create, update, delete), got "
                           "\"yes\""_s};
        QTest::newRow("grant target server and action")
            << kServer + "users:\n  - name: bob\n    grants:\n"
                         "      tickets/all: {allow: [read]}\n"
                         "      billing/invoices: {deny: [remove]}\n"
            << QStringList{u"config.yaml:7 users[0].grants[\"tickets/all\"]: server \"tickets\" is "
                           "not defined in servers"_s,
                           u"config.yaml:8 users[0].grants[\"billing/invoices\"].deny[0]: expected "
                           "one of read, create, update, delete, got \"remove\""_s};
        QTest::newRow("plan counts")
            << kServer + "plans:\n  free:\n    calls_per_month: 1.5\n    rate_per_minute: -1\n"
            << QStringList{u"config.yaml:6 plans.free.calls_per_month: expected a whole number of "
                           "0 or more, got \"1.5\""_s,
                           u"config.yaml:7 plans.free.rate_per_minute: expected a whole number of "
                           "0 or more, got \"-1\""_s};
        QTest::newRow("unknown and repeated candidate credentials")
            << kServer + "    credentials: [reader, writer, reader]\n"
                         "credentials:\n"
                         "  - {name: reader, type: bearer}\n"
            << QStringList{u"config.yaml:4 servers[0].credentials[1]: credential \"writer\" is not "
                           "defined in credentials"_s,
                           u"config.yaml:4 servers[0].credentials[2]: credential \"reader\" is "
                           "listed twice; list each candidate once, in the order they are tried"_s};
        QTest::newRow("scopes is not a list")
            << kServer + "    tools: {overrides: {createInvoice: {scopes: \"orders:write\"}}}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.overrides.createInvoice.scopes: "
                           "expected a list of strings, got \"orders:write\""_s};
        QTest::newRow("top level is a list")
            << QByteArray("- gateway\n- servers\n")
            << QStringList{u"config.yaml:1: expected a mapping of gateway, servers, credentials, "
                           "roles, plans, users, clients at the top level, got a list"_s};
        QTest::newRow("empty file")
            << QByteArray("# nothing here\n")
            << QStringList{u"config.yaml:1: expected a mapping of gateway, servers, credentials, "
                           "roles, plans, users, clients at the top level, got nothing"_s};
    }
    void broken()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QStringList, expected);
        const LoadResult result = load(yaml);
        QCOMPARE(texts(result.diagnostics), expected);
        QVERIFY(!result.ok());
        QVERIFY(!result.errors().isEmpty());
        QVERIFY(!result.toResult().ok());
        QCOMPARE(result.toResult().error().code(), ErrorCode::Validation);
    }

    void syntaxError()
    {
        const LoadResult result = load(kServer + "    tools: {exclude: [a, b}\n");
        QVERIFY(!result.ok());
        QCOMPARE(result.diagnostics.size(), 1);
        const Diagnostic &d = result.diagnostics.first();
        QVERIFY(d.isError());
        QCOMPARE(d.line, 4);
        QVERIFY2(d.toString().startsWith(u"config.yaml:4: cannot parse the YAML: "_s),
                 qPrintable(d.toString()));

        const LoadResult json =
            ConfigLoader().loadString("{\n  \"servers\": [\n    {\"name\": \"a\" \"b\"}\n]}",
                                      u"config.json"_s, examplesDir());
        QVERIFY(!json.ok());
        QCOMPARE(json.diagnostics.size(), 1);
        QCOMPARE(json.diagnostics.first().line, 3);
        QVERIFY2(json.diagnostics.first().message.startsWith(u"cannot parse the JSON: "_s),
                 qPrintable(json.diagnostics.first().message));
    }

    void allErrorsReported()
    {
        const LoadResult result = load("gateway:\n"
                                       "  listen: nowhere\n"
                                       "servers:\n"
                                       "  - name: billing\n"
                                       "    openapi: specs/billing.yaml\n"
                                       "    discovery: deep\n"
                                       "    credential: nope\n"
                                       "users:\n"
                                       "  - {name: bob, password_hash: secret, plan: gold}\n");
        QVERIFY(!result.ok());
        QVERIFY(!result.config);
        QCOMPARE(texts(result.errors()),
                 (QStringList{
                     u"config.yaml:2 gateway.listen: expected host:port with a port from 1 to "
                     "65535, got \"nowhere\""_s,
                     u"config.yaml:6 servers[0].discovery: expected one of flat, hierarchical, "
                     "search, got \"deep\""_s,
                     u"config.yaml:7 servers[0].credential: credential \"nope\" is not defined in "
                     "credentials"_s,
                     u"config.yaml:9 users[0].password_hash: expected an scrypt hash "
                     "(\"scrypt$...\"), never a plain password; run `gatehouse user hash-password` "
                     "and paste what it prints"_s,
                     u"config.yaml:9 users[0].plan: plan \"gold\" is not defined in plans"_s,
                 }));
        const QString joined = result.toResult().error().message();
        QCOMPARE(joined.count(u'\n'), 4);
    }

    void warnings_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("unknown key with suggestion")
            << "gateway:\n  listn: 127.0.0.1:1\n" + kServer
            << QStringList{
                   u"config.yaml:2 gateway.listn: unknown key \"listn\" is ignored (did you "
                   "mean \"listen\"?)"_s};
        QTest::newRow("unknown key without suggestion")
            << kServer + "telemetry: {enabled: false}\n"
            << QStringList{u"config.yaml:4 telemetry: unknown key \"telemetry\" is ignored"_s};
        QTest::newRow("override of a missing operation")
            << kServer + "    tools:\n      overrides:\n        createInvoce: {cost: 1}\n"
            << QStringList{u"config.yaml:6 servers[0].tools.overrides.createInvoce: "
                           "specs/billing.yaml has no operation \"createInvoce\" (did you mean "
                           "\"createInvoice\"?); this override has no effect"_s};
        QTest::newRow("override by method and path of a missing operation")
            << kServer + "    tools:\n      overrides:\n        \"PUT /invoices\": {cost: 1}\n"
            << QStringList{u"config.yaml:6 servers[0].tools.overrides[\"PUT /invoices\"]: "
                           "specs/billing.yaml has no operation \"PUT /invoices\" (did you mean "
                           "\"GET /invoices\"?); this override has no effect"_s};
        QTest::newRow("override of an excluded operation")
            << kServer + "    tools:\n      exclude: [\"DELETE /invoices/*\"]\n"
                         "      overrides:\n        voidInvoice: {cost: 1}\n"
            << QStringList{u"config.yaml:7 servers[0].tools.overrides.voidInvoice: operation "
                           "\"voidInvoice\" is excluded by tools.exclude \"DELETE /invoices/*\"; "
                           "this override has no effect"_s};
        QTest::newRow("override excluded by tag")
            << kServer + "    tools:\n      exclude: [customers]\n"
                         "      overrides:\n        \"GET /customers/{customer_id}\": {}\n"
            << QStringList{
                   u"config.yaml:7 servers[0].tools.overrides[\"GET "
                   "/customers/{customer_id}\"]: operation \"GET /customers/{customer_id}\" "
                   "is excluded by tools.exclude \"customers\"; this override has no "
                   "effect"_s};
        QTest::newRow("unknown heuristic")
            << kServer + "    tools: {heuristics: {drop_deprecate: false}}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.heuristics.drop_deprecate: unknown key "
                           "\"drop_deprecate\" is ignored (did you mean \"drop_deprecated\"?)"_s};
        QTest::newRow("unknown override key")
            << kServer + "    tools: {overrides: {createInvoice: {fixed_param: {currency: EUR}}}}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.overrides.createInvoice.fixed_param: "
                           "unknown key \"fixed_param\" is ignored (did you mean "
                           "\"fixed_params\"?)"_s};
        QTest::newRow("empty include")
            << kServer + "    tools: {include: []}\n"
            << QStringList{u"config.yaml:4 servers[0].tools.include: an empty include list has no "
                           "effect: every operation that exclude does not remove becomes a tool"_s};
        QTest::newRow("include pattern that matches nothing")
            << kServer + "    tools:\n      include: [invoices, payments]\n"
            << QStringList{u"config.yaml:5 servers[0].tools.include[1]: \"payments\" matches no "
                           "operation of specs/billing.yaml; it includes nothing"_s};
        QTest::newRow("override of an operation not included")
            << kServer + "    tools:\n      include: [customers]\n"
                         "      overrides:\n        createInvoice: {cost: 1}\n"
            << QStringList{u"config.yaml:7 servers[0].tools.overrides.createInvoice: operation "
                           "\"createInvoice\" matches no pattern of tools.include; this override "
                           "has no effect"_s};
        QTest::newRow("role tool and resource not included")
            << kServer + "    tools: {include: [invoices]}\n"
                         "roles:\n  clerk:\n    billing.get_customer: [read]\n"
                         "    billing/customers: [read]\n"
            << QStringList{u"config.yaml:7 roles.clerk[\"billing.get_customer\"]: tool "
                           "\"get_customer\" matches no pattern of tools.include; this rule has "
                           "no effect"_s,
                           u"config.yaml:8 roles.clerk[\"billing/customers\"]: server \"billing\" "
                           "has no resource \"customers\" (its resources: invoices); this rule has "
                           "no effect"_s};
        QTest::newRow("exclude wins over include")
            << kServer + "    tools: {include: [invoices], exclude: [voidInvoice]}\n"
                         "roles:\n  clerk:\n    billing.void_invoice: deny\n"
            << QStringList{u"config.yaml:7 roles.clerk[\"billing.void_invoice\"]: tool "
                           "\"void_invoice\" is excluded by tools.exclude \"voidInvoice\"; this "
                           "rule has no effect"_s};
        QTest::newRow("role tool that is disabled")
            << kServer + "    tools: {overrides: {voidInvoice: {enabled: false, name: cancel}}}\n"
                         "roles:\n  clerk:\n    billing.cancel: deny\n"
            << QStringList{u"config.yaml:7 roles.clerk[\"billing.cancel\"]: tool \"cancel\" is "
                           "disabled by its override (enabled: false); this rule has no effect"_s};
        QTest::newRow("role tool that does not exist")
            << kServer + "roles:\n  clerk:\n    billing.void_invoices: deny\n"
            << QStringList{u"config.yaml:6 roles.clerk[\"billing.void_invoices\"]: server "
                           "\"billing\" has no tool \"void_invoices\" (did you mean "
                           "\"void_invoice\"?); this rule has no effect"_s};
        QTest::newRow("role tool that is excluded")
            << kServer + "    tools: {exclude: [voidInvoice]}\n"
                         "roles:\n  clerk:\n    billing.void_invoice: deny\n"
            << QStringList{u"config.yaml:7 roles.clerk[\"billing.void_invoice\"]: tool "
                           "\"void_invoice\" is excluded by tools.exclude \"voidInvoice\"; this "
                           "rule has no effect"_s};
        QTest::newRow("role resource that does not exist")
            << kServer + "roles:\n  clerk:\n    billing/payments: [read]\n"
            << QStringList{
                   u"config.yaml:6 roles.clerk[\"billing/payments\"]: server \"billing\" has "
                   "no resource \"payments\" (its resources: customers, invoices); this "
                   "rule has no effect"_s};
        QTest::newRow("spec by URL")
            << QByteArray("servers:\n  - name: billing\n"
                          "    openapi: https://billing.example.com/openapi.json\n")
            << QStringList{u"config.yaml:3 servers[0].openapi: the spec is a URL and is not "
                           "fetched while loading the configuration, so override keys and tool "
                           "names for this server are not checked"_s};
        QTest::newRow("ignored credential keys")
            << kServer + "credentials:\n  - {name: a, type: bearer, param: X, client_id: y}\n"
            << QStringList{u"config.yaml:5 credentials[0].param: \"param\" is only used by api_key "
                           "credentials; it is ignored for bearer"_s,
                           u"config.yaml:5 credentials[0].client_id: \"client_id\" is only used by "
                           "oauth2 credentials; it is ignored for bearer"_s};
        QTest::newRow("empty identity headers")
            << kServer + "    identity_headers: {}\n"
            << QStringList{u"config.yaml:4 servers[0].identity_headers: identity_headers names "
                           "neither \"user\" nor \"client\"; it has no effect"_s};
        QTest::newRow("unknown identity header key")
            << kServer + "    identity_headers: {user: X-Gatehouse-User, token: X-Token}\n"
            << QStringList{u"config.yaml:4 servers[0].identity_headers.token: unknown key "
                           "\"token\" is ignored"_s};
        QTest::newRow("empty grant")
            << kServer + "users:\n  - name: bob\n    grants: {billing/invoices: {}}\n"
            << QStringList{u"config.yaml:6 users[0].grants[\"billing/invoices\"]: a grant without "
                           "\"allow\" or \"deny\" has no effect"_s};
    }
    void warnings()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QStringList, expected);
        const LoadResult result = load(yaml);
        QCOMPARE(texts(result.diagnostics), expected);
        QVERIFY2(result.ok(), "warnings never reject a configuration");
        QCOMPARE(result.warnings().size(), expected.size());
        QVERIFY(result.errors().isEmpty());
    }

    void renamedToolsAreTargets()
    {
        const LoadResult result =
            load(kServer + "    tools: {overrides: {voidInvoice: {name: cancel_invoice}}}\n"
                           "roles:\n  clerk:\n    billing.cancel_invoice: deny\n"
                           "    billing.void_invoice: [delete]\n");
        QCOMPARE(texts(result.diagnostics), QStringList());
    }

    void disabledToolFreesItsName()
    {
        const LoadResult result =
            load(kServer + "    tools: {overrides: {voidInvoice: {enabled: false}, "
                           "createInvoice: {name: void_invoice}}}\n"
                           "roles:\n  clerk:\n    billing.void_invoice: [create]\n");
        QCOMPARE(texts(result.diagnostics), QStringList());
    }

    void editorialKeys()
    {
        const QByteArray yaml = kServer +
                                "    tools:\n"
                                "      include: [invoices, \"GET /customers/{customer_id}\"]\n"
                                "      heuristics:\n"
                                "        drop_deprecated: false\n"
                                "        max_description_chars: 0\n"
                                "        drop_list_with_read: true\n"
                                "        compact_schemas: false\n"
                                "      overrides:\n"
                                "        createInvoice:\n"
                                "          enabled: true\n"
                                "          fixed_params:\n"
                                "            currency: EUR\n"
                                "            amount: 5\n"
                                "            ratio: 0.5\n"
                                "            code: \"5\"\n"
                                "            draft: true\n"
                                "            word: 'true'\n"
                                "            hex: 0x1F\n"
                                "            lines: [{qty: 1, note: ~}, 2]\n"
                                "            meta: {tags: [a, \"b\"], big: 1e3}\n"
                                "          param_defaults: {memo: Sent by Gatehouse}\n"
                                "        listInvoices: {enabled: false}\n";
        const LoadResult result = load(yaml);
        QVERIFY2(result.ok(), qPrintable(texts(result.diagnostics).join(u'\n')));
        QCOMPARE(texts(result.diagnostics), QStringList());
        const ToolsConfig &tools = *result.config->servers.first().tools;
        QCOMPARE(tools.include, (QStringList{u"invoices"_s, u"GET /customers/{customer_id}"_s}));
        HeuristicsConfig heuristics;
        heuristics.dropDeprecated = false;
        heuristics.maxDescriptionChars = 0;
        heuristics.dropListWithRead = true;
        heuristics.compactSchemas = false;
        QCOMPARE(tools.heuristics, heuristics);
        QVERIFY(!tools.heuristics->hidePagination && !tools.heuristics->shapeResponses);

        const ToolOverride &create = tools.overrides.at(0);
        QCOMPARE(create.enabled, true);
        // Plain scalars are typed as YAML 1.2 reads them; quoted ones stay strings.
        const nlohmann::json fixed = nlohmann::json::parse(
            R"({"currency": "EUR", "amount": 5, "ratio": 0.5, "code": "5", "draft": true,)"
            R"( "word": "true", "hex": 31, "lines": [{"qty": 1, "note": null}, 2],)"
            R"( "meta": {"tags": ["a", "b"], "big": 1000.0}})");
        QCOMPARE(create.fixedParams->size(), qsizetype(fixed.size()));
        for (auto it = fixed.begin(); it != fixed.end(); ++it) {
            const QString name = QString::fromStdString(it.key());
            QVERIFY2(create.fixedParams->contains(name), qPrintable(name));
            QCOMPARE(create.fixedParams->value(name).dump(), it.value().dump());
        }
        QCOMPARE(create.paramDefaults,
                 (ParamValues{{u"memo"_s, nlohmann::json("Sent by Gatehouse")}}));
        QCOMPARE(tools.overrides.at(1).enabled, false);

        // The same in JSON gives the same configuration.
        const QByteArray json =
            R"({"servers": [{"name": "billing", "openapi": "specs/billing.yaml", "tools": {)"
            R"("include": ["invoices", "GET /customers/{customer_id}"],)"
            R"("heuristics": {"drop_deprecated": false, "max_description_chars": 0,)"
            R"( "drop_list_with_read": true, "compact_schemas": false},)"
            R"("overrides": {"createInvoice": {"enabled": true, "fixed_params": {)"
            R"("currency": "EUR", "amount": 5, "ratio": 0.5, "code": "5", "draft": true,)"
            R"( "word": "true", "hex": 31, "lines": [{"qty": 1, "note": null}, 2],)"
            R"( "meta": {"tags": ["a", "b"], "big": 1000.0}},)"
            R"( "param_defaults": {"memo": "Sent by Gatehouse"}},)"
            R"( "listInvoices": {"enabled": false}}}}]})";
        const LoadResult fromJson =
            ConfigLoader().loadString(json, u"config.json"_s, examplesDir());
        QVERIFY2(fromJson.ok(), qPrintable(texts(fromJson.diagnostics).join(u'\n')));
        QVERIFY(*fromJson.config == *result.config);
        Config changed = *fromJson.config;
        changed.servers[0].tools->overrides[0].fixedParams->insert(u"code"_s, 5);
        QVERIFY(!(changed == *result.config)); // "5" and 5 differ
    }

    void specCheckCanBeSkipped()
    {
        ConfigLoader::Options options;
        options.checkSpecs = false;
        const LoadResult result = ConfigLoader(options).loadString(
            "servers:\n  - name: billing\n    openapi: specs/missing.yaml\n", u"c.yaml"_s,
            examplesDir());
        QVERIFY(result.ok());
        QCOMPARE(result.config->servers.first().openapi->resolved,
                 examplesDir() + u"/specs/missing.yaml"_s);
    }

    void brokenSpecNamesFileAndPointer()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile spec(dir.filePath(u"bad.json"_s));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(R"({"openapi": "3.1.0", "paths": {"/a": {"get": {"operationId": {"x": 1}}}}})");
        spec.close();
        const LoadResult result = ConfigLoader().loadString(
            "servers:\n  - name: a\n    openapi: bad.json\n", u"config.yaml"_s, dir.path());
        QCOMPARE(texts(result.diagnostics),
                 QStringList{u"config.yaml:3 servers[0].openapi: bad.json:1: "
                             "/paths/~1a/get/operationId: expected a string, got a mapping"_s});
    }

    void fileNameAsGiven()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(u"config.yaml"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("servers:\n  - name: a\n    mcp: https://x.example/mcp\n    discovery: 3\n");
        file.close();

        const LoadResult absolute = ConfigLoader().loadFile(file.fileName());
        QCOMPARE(texts(absolute.diagnostics),
                 QStringList{file.fileName() + u":4 servers[0].discovery: expected one of flat, "
                                               "hierarchical, search, got \"3\""_s});

        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        const LoadResult relative = ConfigLoader().loadFile(u"config.yaml"_s);
        QDir::setCurrent(previous);
        QCOMPARE(relative.diagnostics.size(), 1);
        QCOMPARE(relative.diagnostics.first().file, u"config.yaml"_s);
        QVERIFY(relative.diagnostics.first().toString().startsWith(u"config.yaml:4 "_s));

        const LoadResult missing = ConfigLoader().loadFile(dir.filePath(u"nope.yaml"_s));
        QCOMPARE(texts(missing.diagnostics),
                 QStringList{dir.filePath(u"nope.yaml"_s) +
                             u": cannot read the file: No such file or directory"_s});
    }

    void identityHeaders()
    {
        const LoadResult result = load(
            kServer + "    credential: reader\n"
                      "    identity_headers: {user: X-Gatehouse-User, client: "
                      "X-Gatehouse-Client}\n"
                      "  - name: other\n    openapi: specs/billing.yaml\n"
                      "    identity_headers:\n      client: X-Via\n"
                      "credentials:\n"
                      "  - {name: reader, type: api_key, in: query, param: X-Gatehouse-User}\n");
        QVERIFY2(result.ok(), qPrintable(texts(result.diagnostics).join(u'\n')));
        QCOMPARE(texts(result.diagnostics), QStringList());
        const QList<ServerConfig> &servers = result.config->servers;
        QCOMPARE(servers.at(0).identityHeaders,
                 (IdentityHeadersConfig{u"X-Gatehouse-User"_s, u"X-Gatehouse-Client"_s}));
        QCOMPARE(servers.at(1).identityHeaders, (IdentityHeadersConfig{std::nullopt, u"X-Via"_s}));
        QVERIFY(!load(kServer + "").config->servers.at(0).identityHeaders);
    }

    // A refresh token the gateway can store back: in the vault, now or imported later.
    void refreshTokenInTheVault()
    {
        const LoadResult result =
            load(kServer + "credentials:\n"
                           "  - {name: a, type: oauth2_refresh_token, token_url: "
                           "\"https://a.example/token\", client_id: c, secret: {keychain: a}}\n"
                           "  - {name: b, type: oauth2_refresh_token, token_url: "
                           "\"https://a.example/token\", client_id: c, per_user: true}\n"
                           "  - {name: c, type: oauth2_client_credentials, token_url: "
                           "\"https://a.example/token\", client_id: c, secret: {env: C}}\n");
        QVERIFY2(result.ok(), qPrintable(texts(result.diagnostics).join(u'\n')));
        QCOMPARE(texts(result.diagnostics), QStringList());
    }

    void nullMeansAbsent()
    {
        const LoadResult result = load(kServer + "    title:\n    tools:\n"
                                                 "      overrides:\n        listInvoices:\n"
                                                 "plans:\n  free:\n");
        QVERIFY2(result.ok(), qPrintable(texts(result.diagnostics).join(u'\n')));
        const ServerConfig &server = result.config->servers.first();
        QVERIFY(!server.title);
        QVERIFY(server.tools);
        QCOMPARE(server.tools->overrides.size(), 1);
        ToolOverride empty;
        empty.key = u"listInvoices"_s;
        QCOMPARE(server.tools->overrides.first(), empty);
        Plan free;
        free.name = u"free"_s;
        QCOMPARE(result.config->plans.first(), free);
    }

    void detectFormat_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("json");
        QTest::newRow("json extension") << u"a.JSON"_s << QByteArray("gateway: {}") << true;
        QTest::newRow("yaml extension") << u"a.yml"_s << QByteArray("{}") << false;
        QTest::newRow("json content") << u"stdin"_s << QByteArray("  \n{\"a\": 1}") << true;
        QTest::newRow("yaml content") << u"stdin"_s << QByteArray("a: 1") << false;
    }
    void detectFormat()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(bool, json);
        QCOMPARE(ConfigLoader::detectFormat(name, content) == ConfigFormat::Json, json);
    }
};

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "TestConfigLoader.moc"
