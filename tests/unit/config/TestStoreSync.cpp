#include "TestSupport.h"
#include "config/ConfigLoader.h"
#include "config/StoreSync.h"
#include "store/ClientRepository.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/PlanRepository.h"
#include "store/RoleRepository.h"
#include "store/SecretRepository.h"
#include "store/ServerRepository.h"
#include "store/TokenRepository.h"
#include "store/ToolOverrideRepository.h"
#include "store/UserRepository.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using config::StoreSync;

namespace {

std::unique_ptr<store::Database> openStore(const QString &dir)
{
    store::DatabaseOptions options;
    options.sqlitePath = dir + QStringLiteral("/gatehouse.db");
    auto db = store::Database::open(options);
    if (!db)
        qFatal("%s", qPrintable(db.error().message()));
    store::Migrator migrator(**db);
    if (Status s = migrator.migrate(); !s)
        qFatal("%s", qPrintable(s.error().message()));
    return std::move(*db);
}

config::Config load(const QString &path)
{
    const config::LoadResult loaded = config::ConfigLoader().loadFile(path);
    for (const auto &d : loaded.errors())
        qWarning().noquote() << d.toString();
    if (!loaded.ok())
        qFatal("cannot load %s", qPrintable(path));
    return *loaded.config;
}

config::Config loadYaml(const QByteArray &yaml, const QString &baseDir)
{
    const config::LoadResult loaded =
        config::ConfigLoader().loadString(yaml, QStringLiteral("test.yaml"), baseDir);
    for (const auto &d : loaded.errors())
        qWarning().noquote() << d.toString();
    if (!loaded.ok())
        qFatal("cannot load the test config");
    return *loaded.config;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QString paramsText(const std::optional<store::ParamValues> &values)
{
    if (!values)
        return QStringLiteral("-");
    nlohmann::json object = nlohmann::json::object();
    for (auto it = values->cbegin(); it != values->cend(); ++it)
        object[it.key().toStdString()] = it.value();
    return QString::fromStdString(object.dump());
}

QString heuristicsText(const store::Server &s)
{
    if (!s.heuristics)
        return QStringLiteral("-");
    const auto flag = [](std::optional<bool> b) {
        return b ? QString::number(*b) : QStringLiteral("?");
    };
    const store::ServerHeuristics &h = *s.heuristics;
    return flag(h.dropDeprecated) + flag(h.hidePagination) +
           (h.maxDescriptionChars ? QString::number(*h.maxDescriptionChars) : QStringLiteral("?")) +
           flag(h.shapeResponses) + flag(h.dropListWithRead) + flag(h.compactSchemas);
}

QString identityText(const store::Server &s)
{
    if (!s.identityHeaders)
        return QStringLiteral("-");
    return s.identityHeaders->user.value_or(QStringLiteral("?")) + QLatin1Char('|') +
           s.identityHeaders->client.value_or(QStringLiteral("?"));
}

// Everything a config can express, as the store holds it, with run-time fields cleared and
// spec files compared by content, so two stores can be compared.
QStringList snapshot(store::Database &db)
{
    QStringList out;
    auto servers = store::ServerRepository(db).list();
    for (store::Server s : servers.value()) {
        if (s.openapi)
            s.openapi = QString::fromLatin1(fileHash(*s.openapi).toHex());
        out << QStringLiteral("server %1 %2 %3 %4 %5 %6 %7 %8 %9")
                   .arg(s.name, s.title.value_or(QString()), s.openapi.value_or(QString()),
                        s.baseUrl.value_or(QString()), s.discovery,
                        s.credential.value_or(QString()), s.toolExcludes.join(u'|'),
                        store::originName(s.origin),
                        s.toolIncludes.join(u'|') + QLatin1Char(' ') + heuristicsText(s) +
                            QLatin1Char(' ') + identityText(s) + QLatin1Char(' ') +
                            s.credentials.join(u'|'));
    }
    for (const store::ToolOverride &o : store::ToolOverrideRepository(db).list().value())
        out << QStringLiteral("override %1 %2 %3 %4 %5 %6 %7 %8 %9")
                   .arg(o.server, o.key, o.name.value_or(QString()),
                        o.description.value_or(QString()),
                        o.hideParams.value_or(QStringList{}).join(u'|'),
                        o.responseFields.value_or(QStringList{}).join(u'|'),
                        o.credential.value_or(QString()),
                        o.cost ? QString::number(*o.cost) : QString(),
                        o.action.value_or(QString()) + QLatin1Char('/') +
                            o.resource.value_or(QString()) + QLatin1Char(' ') +
                            paramsText(o.fixedParams) + QLatin1Char(' ') +
                            paramsText(o.paramDefaults) + QLatin1Char(' ') +
                            (o.enabled ? QString::number(*o.enabled) : QString()) +
                            QLatin1Char(' ') +
                            (o.scopes ? u'[' + o.scopes->join(u'|') + u']' : QString()));
    for (const store::Credential &c : store::CredentialRepository(db).list().value())
        out << QStringLiteral("credential %1 %2 %3 %4 %5 %6 %7")
                   .arg(c.name, c.type, c.location.value_or(QString()), c.param.value_or(QString()),
                        c.scopes.value_or(QStringList{}).join(u'|'),
                        c.perUser ? QStringLiteral("per-user") : QString(),
                        c.secret ? c.secret->kind + QLatin1Char(':') + c.secret->value : QString());
    for (const store::Role &r : store::RoleRepository(db).list().value())
        for (const store::Rule &rule : r.rules)
            out << QStringLiteral("role %1 %2 %3 %4")
                       .arg(r.name, rule.target, rule.effect, rule.action);
    const auto userRules = store::RoleRepository(db).allUserRules().value();
    for (auto it = userRules.begin(); it != userRules.end(); ++it)
        for (const store::Rule &rule : it.value())
            out << QStringLiteral("grant %1 %2 %3 %4")
                       .arg(it.key(), rule.target, rule.effect, rule.action);
    for (const store::Plan &p : store::PlanRepository(db).list().value())
        out << QStringLiteral("plan %1 %2 %3")
                   .arg(p.name)
                   .arg(p.callsPerMonth.value_or(-1))
                   .arg(p.ratePerMinute.value_or(-1));
    for (const store::User &u : store::UserRepository(db).list().value())
        out << QStringLiteral("user %1 %2 %3 %4 %5")
                   .arg(u.name, u.roles.join(u'|'), u.plan.value_or(QString()),
                        u.passwordHash.value_or(QString()),
                        u.disabled ? QStringLiteral("disabled") : QString());
    for (const store::Client &c : store::ClientRepository(db).list().value())
        out << QStringLiteral("client %1 %2 %3 %4 %5")
                   .arg(c.clientId, c.clientSecretHash.value_or(QString()),
                        c.user.value_or(QString()), c.name.value_or(QString()), c.kind);
    out.sort();
    return out;
}

const QByteArray kBase = R"(
servers:
  - name: billing
    openapi: billing.yaml
credentials:
  - name: key
    type: bearer
    secret: {env: BILLING_KEY}
roles:
  viewer:
    billing/invoices: [read]
plans:
  free: {calls_per_month: 10, rate_per_minute: 5}
users:
  - name: bob
    roles: [viewer]
    plan: free
)";

} // namespace

class TestStoreSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::copy(test::designDir() + QStringLiteral("/specs/billing.yaml"),
                            m_specDir.filePath(QStringLiteral("billing.yaml"))));
    }

    void mirrorAddsChangesAndRemoves()
    {
        QTemporaryDir dir;
        auto db = openStore(dir.path());
        StoreSync sync(*db);
        auto first = sync.apply(loadYaml(kBase, m_specDir.path()), StoreSync::Mode::Mirror);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message()));
        QCOMPARE(first->added, 5); // plan, credential, server, role, user
        QCOMPARE(first->removed, 0);
        QCOMPARE(store::UserRepository(*db).get(QStringLiteral("bob"))->origin,
                 store::Origin::Config);

        // The same file again changes nothing.
        auto again = sync.apply(loadYaml(kBase, m_specDir.path()), StoreSync::Mode::Mirror);
        QVERIFY(again.ok());
        QCOMPARE(again->added + again->changed + again->removed, 0);

        // bob's plan changes; the role disappears from the file and so from the store.
        QByteArray edited = kBase;
        edited.replace("roles:\n  viewer:\n    billing/invoices: [read]\n", "");
        edited.replace("    roles: [viewer]\n", "");
        edited.replace("calls_per_month: 10", "calls_per_month: 20");
        auto third = sync.apply(loadYaml(edited, m_specDir.path()), StoreSync::Mode::Mirror);
        QVERIFY2(third.ok(), qPrintable(third.ok() ? QString() : third.error().message()));
        QCOMPARE(third->removed, 1);
        QVERIFY(!store::RoleRepository(*db).get(QStringLiteral("viewer")).ok());
        QCOMPARE(store::PlanRepository(*db).get(QStringLiteral("free"))->callsPerMonth, 20);
        QVERIFY(store::UserRepository(*db).get(QStringLiteral("bob"))->roles.isEmpty());
    }

    void localEntitiesStayAndFileWinsOnSameName()
    {
        QTemporaryDir dir;
        auto db = openStore(dir.path());
        store::UserRepository users(*db);
        store::User carol;
        carol.name = QStringLiteral("carol");
        QVERIFY(users.create(carol).ok());
        store::User bob;
        bob.name = QStringLiteral("bob");
        bob.passwordHash = QStringLiteral("scrypt$ln=15,r=8,p=1$c2FsdA$a2V5");
        QVERIFY(users.create(bob).ok());

        StoreSync sync(*db);
        auto report = sync.apply(loadYaml(kBase, m_specDir.path()), StoreSync::Mode::Mirror);
        QVERIFY(report.ok());
        QCOMPARE(report->warnings.size(), 1);
        QVERIFY2(report->warnings.first().contains(QLatin1String("'bob'")),
                 qPrintable(report->warnings.first()));
        QCOMPARE(users.get(QStringLiteral("bob"))->origin, store::Origin::Config);
        // The file names no password for bob: the one set by a command stays.
        QCOMPARE(users.get(QStringLiteral("bob"))->passwordHash, bob.passwordHash);
        QCOMPARE(users.get(QStringLiteral("carol"))->origin, store::Origin::Local);

        // An empty file removes what came from the file and keeps carol.
        auto emptied = sync.apply(config::Config{}, StoreSync::Mode::Mirror);
        QVERIFY(emptied.ok());
        QVERIFY(users.get(QStringLiteral("carol")).ok());
        QVERIFY(!users.get(QStringLiteral("bob")).ok());
        QVERIFY(!store::ServerRepository(*db).get(QStringLiteral("billing")).ok());
    }

    void mirrorKeepsCredentialsThatHoldImportedSecrets()
    {
        QTemporaryDir dir;
        auto db = openStore(dir.path());
        QVERIFY(db);
        StoreSync sync(*db);
        QVERIFY(sync.apply(loadYaml(kBase, m_specDir.path()), StoreSync::Mode::Mirror).ok());
        store::StoredSecret secret;
        secret.credential = QStringLiteral("key");
        secret.ciphertext = QStringLiteral("v1.not-checked-by-the-repository");
        secret.createdAt = QDateTime::currentDateTimeUtc();
        QVERIFY(store::SecretRepository(*db).insert(secret).ok());

        // A file without the credential would cascade its secrets away: refused, and nothing
        // changes.
        auto emptied = sync.apply(config::Config{}, StoreSync::Mode::Mirror);
        QVERIFY(!emptied.ok());
        QVERIFY2(
            emptied.error().message().contains(QLatin1String("gatehouse credential delete key")),
            qPrintable(emptied.error().message()));
        QVERIFY(store::CredentialRepository(*db).get(QStringLiteral("key")).ok());
        QCOMPARE(store::SecretRepository(*db).listForCredential(QStringLiteral("key"))->size(), 1);
    }

    void runtimeStateIsKept()
    {
        QTemporaryDir dir;
        auto db = openStore(dir.path());
        StoreSync sync(*db);
        QVERIFY(sync.apply(loadYaml(kBase, m_specDir.path()), StoreSync::Mode::Mirror).ok());
        store::ClientRepository clients(*db);
        store::Client registered;
        registered.clientId = QStringLiteral("dcr-1");
        registered.kind = QStringLiteral("registered");
        registered.redirectUris = {QStringLiteral("http://127.0.0.1/cb")};
        QVERIFY(clients.create(registered).ok());
        store::TokenRepository tokens(*db);
        store::Token token;
        token.tokenHash = QStringLiteral("h1");
        token.clientId = QStringLiteral("dcr-1");
        token.user = QStringLiteral("bob");
        token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        QVERIFY(tokens.insert(token).ok());

        QByteArray edited = kBase;
        edited.replace("calls_per_month: 10", "calls_per_month: 11");
        QVERIFY(sync.apply(loadYaml(edited, m_specDir.path()), StoreSync::Mode::Mirror).ok());
        QVERIFY(clients.get(QStringLiteral("dcr-1")).ok());
        QVERIFY(tokens.get(QStringLiteral("h1")).ok());
    }

    void mergeNeverRemoves()
    {
        QTemporaryDir dir;
        auto db = openStore(dir.path());
        StoreSync sync(*db);
        QVERIFY(sync.apply(loadYaml(kBase, m_specDir.path()), StoreSync::Mode::Merge).ok());
        QCOMPARE(store::UserRepository(*db).get(QStringLiteral("bob"))->origin,
                 store::Origin::Local);
        auto report = sync.apply(config::Config{}, StoreSync::Mode::Merge);
        QVERIFY(report.ok());
        QCOMPARE(report->removed, 0);
        QVERIFY(store::UserRepository(*db).get(QStringLiteral("bob")).ok());
    }

    void failureChangesNothing()
    {
        QTemporaryDir dir;
        auto db = openStore(dir.path());
        StoreSync sync(*db);
        QVERIFY(sync.apply(loadYaml(kBase, m_specDir.path()), StoreSync::Mode::Mirror).ok());
        const QStringList before = snapshot(*db);
        // A Config that bypassed the loader: the second server's name is not valid for the store.
        config::Config bad = loadYaml(kBase, m_specDir.path());
        bad.plans.first().callsPerMonth = 99;
        config::ServerConfig broken;
        broken.name = QString(); // no name: the repository refuses it
        bad.servers << broken;
        auto result = sync.apply(bad, StoreSync::Mode::Mirror);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message().contains(QLatin1String("nothing was changed")));
        QCOMPARE(snapshot(*db), before);
    }

    void importExportImportGivesTheSameStore()
    {
        QTemporaryDir dirA, dirB, bundle;
        auto a = openStore(dirA.path());
        const config::Config example =
            load(test::designDir() + QStringLiteral("/config-example.yaml"));
        QVERIFY(StoreSync(*a).apply(example, StoreSync::Mode::Merge).ok());

        const auto written = StoreSync(*a).exportBundle(bundle.path());
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message()));
        QVERIFY(QFile::exists(bundle.filePath(QStringLiteral("specs/billing-billing.yaml"))));
        QVERIFY(QFile::exists(bundle.filePath(QStringLiteral("README.md"))));

        auto b = openStore(dirB.path());
        QVERIFY(StoreSync(*b).apply(load(*written), StoreSync::Mode::Merge).ok());
        const QStringList snapA = snapshot(*a);
        QVERIFY(snapA.size() > 10);
        QCOMPARE(snapshot(*b), snapA);

        // And the exported file says the same as what the store holds.
        const auto again = StoreSync(*b).exportConfig();
        QVERIFY(again.ok());
        QCOMPARE(again->users.size(), example.users.size());
        // The store lists by name; the file had its own order.
        const auto byName = [](auto list) {
            std::sort(list.begin(), list.end(),
                      [](const auto &a, const auto &b) { return a.name < b.name; });
            return list;
        };
        QCOMPARE(byName(again->roles), byName(example.roles));
        QCOMPARE(byName(again->users), byName(example.users));
        QCOMPARE(byName(again->plans), byName(example.plans));
        QCOMPARE(byName(again->credentials), byName(example.credentials));
    }

    void editorialKeysRoundTrip()
    {
        // import -> export -> import: the store and the exported file say the same
        const QByteArray yaml = R"(
servers:
  - name: billing
    openapi: billing.yaml
    openapi_remote_refs: true
    tools:
      include: [invoices, "GET /customers/{customer_id}"]
      exclude: [voidInvoice]
      heuristics: {drop_deprecated: false, max_description_chars: 0, drop_list_with_read: true,
                   compact_schemas: false}
      overrides:
        createInvoice:
          enabled: true
          hide_params: [Idempotency-Key]
          fixed_params: {currency: EUR, lines: [{qty: 1, note: ~}], code: "5"}
          param_defaults: {memo: Sent by Gatehouse, amount: 5}
        listInvoices: {enabled: false, param_defaults: {limit: 50}}
        getInvoice: {fixed_params: {}}
  - name: plain
    openapi: billing.yaml
    tools:
      heuristics: {}
)";
        QTemporaryDir dirA, dirB;
        auto a = openStore(dirA.path());
        const config::Config original = loadYaml(yaml, m_specDir.path());
        QVERIFY(StoreSync(*a).apply(original, StoreSync::Mode::Merge).ok());

        const auto exported = StoreSync(*a).exportConfig();
        QVERIFY(exported.ok());
        QCOMPARE(exported->servers.size(), 2);
        for (qsizetype i = 0; i < original.servers.size(); ++i) {
            // export writes absolute spec paths; the rest is what the file said
            config::ServerConfig back = exported->servers.at(i);
            back.openapi = original.servers.at(i).openapi;
            back.discovery = original.servers.at(i).discovery;
            QVERIFY2(back == original.servers.at(i), qPrintable(original.servers.at(i).name));
        }
        const config::ToolOverride &create = exported->servers.at(0).tools->overrides.at(0);
        QVERIFY(create.fixedParams->value(QStringLiteral("code")).is_string());
        QVERIFY(create.paramDefaults->value(QStringLiteral("amount")).is_number_integer());

        auto b = openStore(dirB.path());
        QVERIFY(StoreSync(*b).apply(*exported, StoreSync::Mode::Merge).ok());
        QCOMPARE(snapshot(*b), snapshot(*a));
        QVERIFY(snapshot(*a).join(u'\n').contains(QLatin1String("\"currency\":\"EUR\"")));
    }

    void identityHeadersRoundTrip()
    {
        const QByteArray yaml = R"(
servers:
  - name: billing
    openapi: billing.yaml
    identity_headers: {user: X-Gatehouse-User, client: X-Gatehouse-Client}
  - name: plain
    openapi: billing.yaml
    identity_headers: {client: X-Via}
  - name: none
    openapi: billing.yaml
)";
        QTemporaryDir dirA, dirB;
        auto a = openStore(dirA.path());
        const config::Config original = loadYaml(yaml, m_specDir.path());
        auto applied = StoreSync(*a).apply(original, StoreSync::Mode::Merge);
        QVERIFY(applied.ok());
        const auto billing = store::ServerRepository(*a).get(QStringLiteral("billing"));
        QCOMPARE(billing->identityHeaders,
                 (store::ServerIdentityHeaders{QStringLiteral("X-Gatehouse-User"),
                                               QStringLiteral("X-Gatehouse-Client")}));
        QCOMPARE(store::ServerRepository(*a).get(QStringLiteral("plain"))->identityHeaders,
                 (store::ServerIdentityHeaders{std::nullopt, QStringLiteral("X-Via")}));
        QVERIFY(!store::ServerRepository(*a).get(QStringLiteral("none"))->identityHeaders);

        const auto exported = StoreSync(*a).exportConfig();
        QVERIFY(exported.ok());
        QCOMPARE(exported->servers.size(), 3);
        // listed by name: billing, none, plain
        QCOMPARE(exported->servers.at(0).identityHeaders, original.servers.at(0).identityHeaders);
        QVERIFY(!exported->servers.at(1).identityHeaders);
        QCOMPARE(exported->servers.at(2).identityHeaders, original.servers.at(1).identityHeaders);
        auto b = openStore(dirB.path());
        QVERIFY(StoreSync(*b).apply(*exported, StoreSync::Mode::Merge).ok());
        QCOMPARE(snapshot(*b), snapshot(*a));

        // A changed header is a changed server; a removed key removes the headers.
        QByteArray edited = yaml;
        edited.replace("client: X-Via", "client: X-Via-Client");
        edited.replace("    identity_headers: {user: X-Gatehouse-User, client: "
                       "X-Gatehouse-Client}\n",
                       "");
        auto again =
            StoreSync(*a).apply(loadYaml(edited, m_specDir.path()), StoreSync::Mode::Merge);
        QVERIFY(again.ok());
        QCOMPARE(again->changed, 2);
        QVERIFY(!store::ServerRepository(*a).get(QStringLiteral("billing"))->identityHeaders);
        QCOMPARE(store::ServerRepository(*a).get(QStringLiteral("plain"))->identityHeaders->client,
                 QStringLiteral("X-Via-Client"));

        // The store keeps only names a header can have, one per identity.
        store::Server bad = *store::ServerRepository(*a).get(QStringLiteral("plain"));
        bad.identityHeaders =
            store::ServerIdentityHeaders{QStringLiteral("X-Who\r\nX-Admin: 1"), std::nullopt};
        QCOMPARE(store::ServerRepository(*a).upsert(bad).error().code(),
                 ErrorCode::InvalidArgument);
        bad.identityHeaders =
            store::ServerIdentityHeaders{QStringLiteral("X-Who"), QStringLiteral("x-who")};
        QCOMPARE(store::ServerRepository(*a).upsert(bad).error().code(),
                 ErrorCode::InvalidArgument);
        QCOMPARE(store::ServerRepository(*a).get(QStringLiteral("plain"))->identityHeaders->client,
                 QStringLiteral("X-Via-Client"));
    }

    // servers[].credentials (in order) and tools.overrides.<key>.scopes (absent, set, empty)
    // survive import -> export -> import; a changed order is a changed server.
    void scopeSelectionRoundTrip()
    {
        const QByteArray yaml = R"(
servers:
  - name: billing
    openapi: billing.yaml
    credential: reader
    credentials: [writer, own]
    tools:
      overrides:
        createInvoice: {scopes: ["invoices:write", "invoices:read"]}
        listInvoices: {scopes: []}
        getInvoice: {credential: reader}
credentials:
  - {name: reader, type: bearer, scopes: ["invoices:read"], secret: {env: R}}
  - {name: writer, type: bearer, scopes: ["invoices:read", "invoices:write"], secret: {env: W}}
  - {name: own, type: bearer, scopes: ["invoices:write"], per_user: true}
)";
        QTemporaryDir dirA, dirB;
        auto a = openStore(dirA.path());
        const config::Config original = loadYaml(yaml, m_specDir.path());
        QVERIFY(StoreSync(*a).apply(original, StoreSync::Mode::Merge).ok());
        const auto billing = store::ServerRepository(*a).get(QStringLiteral("billing"));
        QCOMPARE(billing->credentials,
                 (QStringList{QStringLiteral("writer"), QStringLiteral("own")}));
        store::ToolOverrideRepository overrides(*a);
        QCOMPARE(overrides.get(QStringLiteral("billing"), QStringLiteral("createInvoice"))->scopes,
                 (QStringList{QStringLiteral("invoices:write"), QStringLiteral("invoices:read")}));
        QCOMPARE(overrides.get(QStringLiteral("billing"), QStringLiteral("listInvoices"))->scopes,
                 QStringList());
        QVERIFY(!overrides.get(QStringLiteral("billing"), QStringLiteral("getInvoice"))->scopes);

        const auto exported = StoreSync(*a).exportConfig();
        QVERIFY(exported.ok());
        QCOMPARE(exported->servers.first().credentials, original.servers.first().credentials);
        QCOMPARE(exported->servers.first().tools->overrides,
                 original.servers.first().tools->overrides);
        auto b = openStore(dirB.path());
        QVERIFY(StoreSync(*b).apply(*exported, StoreSync::Mode::Merge).ok());
        QCOMPARE(snapshot(*b), snapshot(*a));

        QByteArray edited = yaml;
        edited.replace("credentials: [writer, own]", "credentials: [own, writer]");
        auto again =
            StoreSync(*a).apply(loadYaml(edited, m_specDir.path()), StoreSync::Mode::Merge);
        QVERIFY(again.ok());
        QCOMPARE(again->changed, 1);
        QCOMPARE(store::ServerRepository(*a).get(QStringLiteral("billing"))->credentials,
                 (QStringList{QStringLiteral("own"), QStringLiteral("writer")}));
    }

    void mirrorKeepsAToggleUnlessTheFileSaysEnabled()
    {
        QTemporaryDir dir;
        auto db = openStore(dir.path());
        StoreSync sync(*db);
        const QByteArray yaml = "servers:\n  - name: billing\n    openapi: billing.yaml\n"
                                "    tools:\n      overrides:\n"
                                "        createInvoice: {cost: 1}\n"
                                "        listInvoices: {enabled: true}\n";
        QVERIFY(sync.apply(loadYaml(yaml, m_specDir.path()), StoreSync::Mode::Mirror).ok());
        // switched off in the GUI
        store::ToolOverrideRepository overrides(*db);
        for (const QString &key :
             {QStringLiteral("createInvoice"), QStringLiteral("listInvoices")}) {
            auto o = overrides.get(QStringLiteral("billing"), key);
            QVERIFY(o.ok());
            o->enabled = false;
            QVERIFY(overrides.upsert(*o).ok());
        }
        QVERIFY(sync.apply(loadYaml(yaml, m_specDir.path()), StoreSync::Mode::Mirror).ok());
        QCOMPARE(overrides.get(QStringLiteral("billing"), QStringLiteral("createInvoice"))->enabled,
                 std::optional(false));
        QCOMPARE(overrides.get(QStringLiteral("billing"), QStringLiteral("listInvoices"))->enabled,
                 std::optional(true));
    }

private:
    QTemporaryDir m_specDir;
};

QTEST_GUILESS_MAIN(TestStoreSync)
#include "TestStoreSync.moc"
