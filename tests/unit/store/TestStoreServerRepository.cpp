#include "StoreTestSupport.h"
#include "store/CredentialRepository.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"

#include <QSqlQuery>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

namespace {

Server billing()
{
    Server s;
    s.name = u"billing"_s;
    s.title = u"Billing API"_s;
    s.openapi = u"specs/billing.yaml"_s;
    s.baseUrl = u"http://127.0.0.1:9000"_s;
    s.discovery = u"hierarchical"_s;
    s.credential = u"billing-read"_s;
    s.credentials = {u"billing-admin"_s, u"billing-audit"_s};
    s.toolExcludes = {u"GET /internal/*"_s, u"tag:admin"_s};
    s.toolIncludes = {u"invoices"_s, u"GET /customers/*"_s};
    s.heuristics = ServerHeuristics{false, true, 120, false, true, false};
    s.openapiRemoteRefs = true;
    s.enabled = false;
    s.origin = Origin::Config;
    return s;
}

} // namespace

class TestStoreServerRepository : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(u"store.db"_s));
        m_db = test::openStore(m_dir);
        QVERIFY(m_db);
        GH_VERIFY_OK(CredentialRepository(*m_db).create(
            Credential{u"billing-read"_s,
                       u"api_key"_s,
                       u"header"_s,
                       u"X-API-Key"_s,
                       {},
                       false,
                       SecretReference{u"keychain"_s, u"billing-read"_s},
                       {},
                       {},
                       {},
                       {},
                       Origin::Config}));
        for (const QString &name : {u"billing-admin"_s, u"billing-audit"_s}) {
            Credential c;
            c.name = name;
            c.type = u"oauth2_client_credentials"_s;
            c.scopes = QStringList{name.mid(8) + u":all"_s};
            GH_VERIFY_OK(CredentialRepository(*m_db).create(c));
        }
    }
    void cleanup() { m_db.reset(); }

    void roundTrip_data()
    {
        QTest::addColumn<Server>("server");
        QTest::newRow("every field set") << billing();
        Server minimal;
        minimal.name = u"tickets"_s;
        QTest::newRow("only a name") << minimal;
        Server mcp;
        mcp.name = u"upstream"_s;
        mcp.mcpUrl = u"https://tickets.example.internal/mcp"_s;
        mcp.title = QString(); // set but empty stays set
        mcp.toolExcludes = {};
        QTest::newRow("mcp upstream, empty title") << mcp;
        Server defaults;
        defaults.name = u"defaults"_s;
        defaults.heuristics = ServerHeuristics{}; // set, with every switch at its default
        QTest::newRow("heuristics set, none chosen") << defaults;
        Server partial;
        partial.name = u"partial"_s;
        partial.heuristics = ServerHeuristics{};
        partial.heuristics->maxDescriptionChars = 0; // 0: descriptions are not cut
        partial.heuristics->dropListWithRead = false;
        QTest::newRow("zero description limit, one switch off") << partial;
        // QPSQL sends bound values as quoted literals: quotes, backslashes, colons and "$1" must
        // come back as they went in, and so must text beyond ASCII.
        Server text;
        text.name = u"zürich-häuser ✓"_s;
        text.title = u"It's \"billing\" \\ C:\\temp :name ::text $1 %s 😀"_s;
        text.toolExcludes = {u"GET /o'brien/*"_s, u"tag:naïve"_s, u"\\"_s};
        QTest::newRow("quotes, backslashes, placeholders, non-ASCII") << text;
    }
    void roundTrip()
    {
        QFETCH(Server, server);
        ServerRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(server));
        auto read = repo.get(server.name);
        GH_VERIFY_OK(read);
        QVERIFY(*read == server);
        QCOMPARE(read->title.has_value(), server.title.has_value());
        QCOMPARE(read->toolIncludes, server.toolIncludes);
        QCOMPARE(read->heuristics.has_value(), server.heuristics.has_value());
        if (server.heuristics) {
            QCOMPARE(read->heuristics->maxDescriptionChars, server.heuristics->maxDescriptionChars);
            QCOMPARE(read->heuristics->dropListWithRead, server.heuristics->dropListWithRead);
            QCOMPARE(read->heuristics->dropDeprecated, server.heuristics->dropDeprecated);
        }
    }

    void negativeDescriptionLimitIsRefused()
    {
        Server s = billing();
        s.heuristics->maxDescriptionChars = -1;
        const Status bad = ServerRepository(*m_db).create(s);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code(), ErrorCode::InvalidArgument);
        QVERIFY2(bad.error().message().contains(u"-1"_s), qPrintable(bad.error().message()));
    }

    void heuristicsFromANewerGatehouseStillRead()
    {
        // A newer version may add switches, and a hand-edited row may be wrong: what is known
        // and well-typed is read, the rest keeps its default.
        Server s;
        s.name = u"future"_s;
        ServerRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(s));
        GH_VERIFY_OK(m_db->write([](QSqlDatabase &db) -> Status {
            QSqlQuery q(db);
            if (!q.exec(u"UPDATE servers SET heuristics = '{\"drop_deprecated\": false, "
                        "\"max_description_chars\": \"many\", \"rename_tools\": true}' "
                        "WHERE name = 'future'"_s))
                return Error(ErrorCode::Database, u"update failed"_s);
            return {};
        }));
        auto read = repo.get(u"future"_s);
        GH_VERIFY_OK(read);
        QVERIFY(read->heuristics);
        QCOMPARE(read->heuristics->dropDeprecated, std::optional(false));
        QVERIFY(!read->heuristics->maxDescriptionChars);
        QVERIFY(!read->heuristics->hidePagination);
    }

    void upsertReplacesAndDuplicateCreateFails()
    {
        ServerRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(billing()));
        const Status dup = repo.create(billing());
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code(), ErrorCode::AlreadyExists);
        QVERIFY2(dup.error().message().contains(u"server named 'billing'"_s),
                 qPrintable(dup.error().message()));

        Server changed = billing();
        changed.title.reset();
        changed.credential.reset();
        changed.discovery = u"search"_s;
        changed.toolIncludes.clear();
        changed.heuristics.reset();
        changed.origin = Origin::Local;
        GH_VERIFY_OK(repo.upsert(changed));
        auto read = repo.get(u"billing"_s);
        GH_VERIFY_OK(read);
        QVERIFY(*read == changed);
        QCOMPARE(repo.list()->size(), 1);
    }

    void rejectsUnknownDiscoveryAndCredential()
    {
        ServerRepository repo(*m_db);
        Server s = billing();
        s.discovery = u"tree"_s;
        const Status bad = repo.create(s);
        QCOMPARE(bad.error().code(), ErrorCode::InvalidArgument);
        QVERIFY(bad.error().message().contains(u"tree"_s));
        s = billing();
        s.credential = u"nope"_s;
        const Status missing = repo.create(s);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
        QVERIFY2(missing.error().message().contains(u"credential 'nope'"_s),
                 qPrintable(missing.error().message()));
    }

    // A server's candidate credentials come back in the order given, each server its own, and
    // are replaced as a whole; one that does not exist fails the whole save.
    void candidateCredentialsKeepTheirOrder()
    {
        ServerRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(billing()));
        Server other;
        other.name = u"audit"_s;
        other.credentials = {u"billing-audit"_s, u"billing-read"_s, u"billing-admin"_s};
        GH_VERIFY_OK(repo.create(other));
        const auto all = repo.list();
        GH_VERIFY_OK(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).credentials, other.credentials);
        QCOMPARE(all->at(1).credentials, billing().credentials);
        QCOMPARE(repo.listByOrigin(Origin::Config)->first().credentials, billing().credentials);

        Server reordered = billing();
        reordered.credentials = {u"billing-audit"_s};
        GH_VERIFY_OK(repo.upsert(reordered));
        QCOMPARE(repo.get(u"billing"_s)->credentials, QStringList{u"billing-audit"_s});
        QCOMPARE(repo.get(u"audit"_s)->credentials, other.credentials);

        Server missing = billing();
        missing.credentials = {u"billing-admin"_s, u"nope"_s};
        const Status bad = repo.upsert(missing);
        QCOMPARE(bad.error().code(), ErrorCode::NotFound);
        QVERIFY2(bad.error().message().contains(u"credential 'nope'"_s),
                 qPrintable(bad.error().message()));
        QCOMPARE(repo.get(u"billing"_s)->credentials, QStringList{u"billing-audit"_s});

        Server twice = billing();
        twice.credentials = {u"billing-admin"_s, u"billing-admin"_s};
        const Status dup = repo.upsert(twice);
        QCOMPARE(dup.error().code(), ErrorCode::InvalidArgument);
        QVERIFY2(dup.error().message().contains(u"'billing-admin' twice"_s),
                 qPrintable(dup.error().message()));
    }

    // A credential a server still lists cannot be deleted; with the server gone it can.
    void candidateCredentialInUseIsNotDeleted()
    {
        ServerRepository repo(*m_db);
        Server s;
        s.name = u"audit"_s;
        s.credentials = {u"billing-audit"_s};
        GH_VERIFY_OK(repo.create(s));
        CredentialRepository credentials(*m_db);
        const Status used = credentials.remove(u"billing-audit"_s);
        QVERIFY(!used.ok());
        QCOMPARE(used.error().code(), ErrorCode::Conflict);
        QVERIFY2(used.error().message().contains(u"server 'audit'"_s),
                 qPrintable(used.error().message()));
        GH_VERIFY_OK(repo.remove(u"audit"_s));
        GH_VERIFY_OK(credentials.remove(u"billing-audit"_s));
    }

    void listByOrigin()
    {
        ServerRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(billing()));
        Server local;
        local.name = u"alpha"_s;
        GH_VERIFY_OK(repo.create(local));
        QCOMPARE(repo.list()->size(), 2);
        QCOMPARE(repo.list()->first().name, u"alpha"_s); // ordered by name
        auto config = repo.listByOrigin(Origin::Config);
        GH_VERIFY_OK(config);
        QCOMPARE(config->size(), 1);
        QCOMPARE(config->first().name, u"billing"_s);
        QCOMPARE(repo.listByOrigin(Origin::Local)->first().name, u"alpha"_s);
    }

    void removeCascadesToOverrides()
    {
        ServerRepository repo(*m_db);
        ToolOverrideRepository overrides(*m_db);
        GH_VERIFY_OK(repo.create(billing()));
        ToolOverride o;
        o.server = u"billing"_s;
        o.key = u"createInvoice"_s;
        GH_VERIFY_OK(overrides.create(o));
        GH_VERIFY_OK(repo.remove(u"billing"_s));
        QCOMPARE(repo.get(u"billing"_s).error().code(), ErrorCode::NotFound);
        QVERIFY(overrides.list()->isEmpty());
        const Status again = repo.remove(u"billing"_s);
        QCOMPARE(again.error().code(), ErrorCode::NotFound);
        QVERIFY(again.error().message().contains(u"'billing'"_s));
    }
};

QTEST_GUILESS_MAIN(TestStoreServerRepository)
#include "TestStoreServerRepository.moc"
