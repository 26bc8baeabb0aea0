#include "StoreTestSupport.h"
#include "store/AuditRepository.h"
#include "store/ClientRepository.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/PlanRepository.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/TokenRepository.h"
#include "store/ToolOverrideRepository.h"
#include "store/UsageRepository.h"
#include "store/UserRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

namespace {

// Rows as an older Gatehouse wrote them, by the schema version that introduced their tables.
const QList<QStringList> fixtures = {
    {
        u"INSERT INTO credentials (name, type, location, param, scopes, per_user, secret_kind, "
        "secret_ref, origin) VALUES ('billing-read', 'api_key', 'header', 'X-API-Key', NULL, 0, "
        "'keychain', 'billing-read', 'config')"_s,
        u"INSERT INTO servers (name, title, openapi, mcp_url, base_url, discovery, credential, "
        "tool_excludes, enabled, origin) VALUES ('billing', 'Billing API', 'specs/billing.yaml', "
        "NULL, 'http://127.0.0.1:9000', 'flat', 'billing-read', '[\"GET /internal/*\"]', 1, "
        "'config')"_s,
        u"INSERT INTO tool_overrides (server, override_key, sort_order, name, cost, origin) "
        "VALUES ('billing', 'createInvoice', 1, 'create_invoice', 1.0, 'config')"_s,
        u"INSERT INTO plans (name, calls_per_month, rate_per_minute, origin) VALUES ('free', "
        "1000, 60, 'config')"_s,
        u"INSERT INTO roles (name, origin) VALUES ('viewer', 'config')"_s,
        u"INSERT INTO users (name, password_hash, plan, disabled, created_at, origin) VALUES "
        "('bob', 'scrypt$x', 'free', 0, 1700000000000, 'config')"_s,
        u"INSERT INTO user_roles (user_name, role, sort_order) VALUES ('bob', 'viewer', 1)"_s,
        u"INSERT INTO rules (role, sort_order, target, effect, action) VALUES ('viewer', 1, "
        "'billing/invoices', 'allow', 'read')"_s,
        u"INSERT INTO rules (user_name, sort_order, target, effect, action) VALUES ('bob', 1, "
        "'billing/invoices', 'deny', 'create')"_s,
    },
    {
        u"INSERT INTO oauth_clients (client_id, client_secret_hash, user_name, name, "
        "redirect_uris, kind, created_at, revoked, origin) VALUES ('gh_cli', 'sha256$y', 'bob', "
        "'CLI', '[\"http://127.0.0.1/cb\"]', 'issued', 1700000000000, 0, 'config')"_s,
        u"INSERT INTO oauth_tokens (token_hash, kind, client_id, user_name, audience, scopes, "
        "grant_id, created_at, expires_at, revoked) VALUES ('h1', 'access', 'gh_cli', 'bob', "
        "'http://127.0.0.1:8787/mcp/billing', '[\"mcp\"]', 'g1', 1700000000000, 4102444800000, "
        "0)"_s,
    },
};

Status execAll(Database &db, const QStringList &statements)
{
    return db.write([&](QSqlDatabase &c) -> Status {
        QSqlQuery q(c);
        for (const QString &s : statements) {
            if (!q.exec(s))
                return Error(ErrorCode::Database, s + u": "_s + q.lastError().text());
        }
        return {};
    });
}

} // namespace

class TestStoreMigrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knowsSixVersionsAtLeast() { QVERIFY(Migrator::latestVersion() >= 6); }

    void migrateFromEachOlderVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < Migrator::latestVersion(); ++v)
            QTest::addRow("from v%d", v) << v;
    }
    void migrateFromEachOlderVersion()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        auto db = test::openStore(dir, from);
        QVERIFY(db);
        Migrator migrator(*db);
        QCOMPARE(*migrator.currentVersion(), from);
        for (int v = 1; v <= from && v <= fixtures.size(); ++v)
            GH_VERIFY_OK(execAll(*db, fixtures.at(v - 1)));

        GH_VERIFY_OK(migrator.migrate());
        QCOMPARE(*migrator.currentVersion(), Migrator::latestVersion());

        if (from >= 1) {
            auto server = ServerRepository(*db).get(u"billing"_s);
            GH_VERIFY_OK(server);
            QCOMPARE(server->title, std::optional(u"Billing API"_s));
            QCOMPARE(server->credential, std::optional(u"billing-read"_s));
            QCOMPARE(server->toolExcludes, QStringList{u"GET /internal/*"_s});
            QCOMPARE(server->origin, Origin::Config);
            auto override_ = ToolOverrideRepository(*db).get(u"billing"_s, u"createInvoice"_s);
            GH_VERIFY_OK(override_);
            QCOMPARE(override_->name, std::optional(u"create_invoice"_s));
            QCOMPARE(override_->cost, std::optional(1.0));
            QVERIFY(!override_->description.has_value());
            // v5: servers written before include every operation with default heuristics, and
            // their overrides fix no parameter and give no defaults.
            QVERIFY(server->toolIncludes.isEmpty());
            QVERIFY(!server->heuristics.has_value());
            QVERIFY(!override_->fixedParams.has_value());
            QVERIFY(!override_->paramDefaults.has_value());
            auto credential = CredentialRepository(*db).get(u"billing-read"_s);
            GH_VERIFY_OK(credential);
            QCOMPARE(credential->secret,
                     std::optional(SecretReference{u"keychain"_s, u"billing-read"_s}));
            // A column added later reads as absent for old rows.
            QVERIFY(!credential->lastUsedAt.has_value());
            auto user = UserRepository(*db).get(u"bob"_s);
            GH_VERIFY_OK(user);
            QCOMPARE(user->roles, QStringList{u"viewer"_s});
            QCOMPARE(user->plan, std::optional(u"free"_s));
            QCOMPARE(user->createdAt.toMSecsSinceEpoch(), Q_INT64_C(1700000000000));
            auto role = RoleRepository(*db).get(u"viewer"_s);
            GH_VERIFY_OK(role);
            QCOMPARE(role->rules,
                     (QList<Rule>{Rule{u"billing/invoices"_s, u"allow"_s, u"read"_s}}));
            auto userRules = RoleRepository(*db).userRules(u"bob"_s);
            GH_VERIFY_OK(userRules);
            QCOMPARE(userRules->size(), 1);
            auto plan = PlanRepository(*db).get(u"free"_s);
            GH_VERIFY_OK(plan);
            QCOMPARE(plan->callsPerMonth, std::optional<qint64>(1000));
        }
        if (from >= 2) {
            auto client = ClientRepository(*db).get(u"gh_cli"_s);
            GH_VERIFY_OK(client);
            QCOMPARE(client->user, std::optional(u"bob"_s));
            QCOMPARE(client->redirectUris, QStringList{u"http://127.0.0.1/cb"_s});
            auto token = TokenRepository(*db).get(u"h1"_s);
            GH_VERIFY_OK(token);
            QCOMPARE(token->grantId, std::optional(u"g1"_s));
            QVERIFY(!token->revoked);
            // v6: tokens written before have no spend cap.
            QVERIFY(!token->spendCap.has_value());
        }

        // Everything the latest schema has works on the migrated database.
        Server editorial;
        editorial.name = u"editorial"_s;
        editorial.toolIncludes = {u"invoices"_s};
        editorial.heuristics = ServerHeuristics{};
        editorial.heuristics->maxDescriptionChars = 0;
        GH_VERIFY_OK(ServerRepository(*db).upsert(editorial));
        QCOMPARE(*ServerRepository(*db).get(u"editorial"_s), editorial);
        ToolOverride fixed;
        fixed.server = u"editorial"_s;
        fixed.key = u"createInvoice"_s;
        fixed.enabled = false;
        fixed.fixedParams = ParamValues{{u"currency"_s, "EUR"}};
        fixed.paramDefaults = ParamValues{{u"limit"_s, 20}};
        GH_VERIFY_OK(ToolOverrideRepository(*db).upsert(fixed));
        QCOMPARE(*ToolOverrideRepository(*db).get(u"editorial"_s, u"createInvoice"_s), fixed);
        GH_VERIFY_OK(PlanRepository(*db).upsert(Plan{u"pro"_s, 100000, 600, {}, Origin::Local}));
        GH_VERIFY_OK(CredentialRepository(*db).upsert(Credential{
            u"c2"_s, u"bearer"_s, {}, {}, {}, false, {}, {}, {}, {}, {}, Origin::Local}));
        GH_VERIFY_OK(CredentialRepository(*db).markUsed(u"c2"_s, QDateTime::currentDateTimeUtc()));
        GH_VERIFY_OK(UserRepository(*db).upsert(
            User{u"carol"_s, {}, {}, u"pro"_s, {}, {}, {}, false, {}, Origin::Local}));
        GH_VERIFY_OK(ClientRepository(*db).create(
            Client{u"cid"_s, {}, u"carol"_s, {}, {}, u"issued"_s, {}, false, Origin::Local, {}}));
        GH_VERIFY_OK(TokenRepository(*db).insert(Token{u"h2"_s,
                                                       u"access"_s,
                                                       u"cid"_s,
                                                       u"carol"_s,
                                                       {},
                                                       {},
                                                       {},
                                                       {},
                                                       QDateTime::currentDateTimeUtc().addSecs(60),
                                                       false,
                                                       2.5,
                                                       {}}));
        auto capped = TokenRepository(*db).get(u"h2"_s);
        GH_VERIFY_OK(capped);
        QCOMPARE(capped->spendCap, std::optional(2.5));
        GH_VERIFY_OK(
            UsageRepository(*db).addBatch({{u"carol"_s, u"billing"_s, u"2025-03"_s, 2, 0}}));
        GH_VERIFY_OK(AuditRepository(*db).append({AuditRow{0,
                                                           QDateTime::currentDateTimeUtc(),
                                                           u"carol"_s,
                                                           {},
                                                           {},
                                                           {},
                                                           u"allow"_s,
                                                           {},
                                                           {},
                                                           {},
                                                           {}}}));
        auto audit = AuditRepository(*db).query({});
        GH_VERIFY_OK(audit);
        QCOMPARE(audit->size(), 1);
    }

    void newerDatabaseIsRefused()
    {
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        const int newer = Migrator::latestVersion() + 1;
        GH_VERIFY_OK(execAll(*db, {u"INSERT INTO schema_version (version, applied_at) VALUES "
                                   "(%1, 0)"_s.arg(newer)}));
        Migrator migrator(*db);
        QCOMPARE(*migrator.currentVersion(), newer);
        const Status s = migrator.migrate();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code(), ErrorCode::Conflict);
        QVERIFY2(s.error().message().contains(u"newer Gatehouse"_s),
                 qPrintable(s.error().message()));
        QVERIFY2(s.error().message().contains(QString::number(newer)),
                 qPrintable(s.error().message()));
        // Nothing was touched.
        QCOMPARE(*migrator.currentVersion(), newer);
    }

    void downgradeAndUnknownTargetsAreRefused()
    {
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        Migrator migrator(*db);
        const Status down = migrator.migrateTo(1);
        QVERIFY(!down.ok());
        QCOMPARE(down.error().code(), ErrorCode::Conflict);
        const Status beyond = migrator.migrateTo(Migrator::latestVersion() + 5);
        QVERIFY(!beyond.ok());
        QCOMPARE(beyond.error().code(), ErrorCode::InvalidArgument);
        GH_VERIFY_OK(migrator.migrate()); // already latest: nothing to do
        QCOMPARE(*migrator.currentVersion(), Migrator::latestVersion());
    }

    void emptyDatabaseIsVersionZero()
    {
        QTemporaryDir dir;
        auto db = test::openStore(dir, 0);
        QVERIFY(db);
        QCOMPARE(*Migrator(*db).currentVersion(), 0);
    }

    void concurrentMigratorsAgree()
    {
        // Two processes starting at once: the second waits for the write lock, then finds the
        // work done.
        QTemporaryDir dir;
        const auto options = test::storeOptions(dir);
        QVERIFY(options);
        auto a = Database::open(*options);
        auto b = Database::open(*options);
        GH_VERIFY_OK(a);
        GH_VERIFY_OK(b);
        Status sa;
        Status sb;
        QThread *ta = QThread::create([&] { sa = Migrator(**a).migrate(); });
        QThread *tb = QThread::create([&] { sb = Migrator(**b).migrate(); });
        ta->start();
        tb->start();
        QVERIFY(ta->wait(30000));
        QVERIFY(tb->wait(30000));
        delete ta;
        delete tb;
        GH_VERIFY_OK(sa);
        GH_VERIFY_OK(sb);
        QCOMPARE(*Migrator(**a).currentVersion(), Migrator::latestVersion());
    }
};

QTEST_GUILESS_MAIN(TestStoreMigrator)
#include "TestStoreMigrator.moc"
