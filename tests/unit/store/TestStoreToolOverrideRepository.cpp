#include "StoreTestSupport.h"
#include "store/CredentialRepository.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

class TestStoreToolOverrideRepository : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(u"store.db"_s));
        m_db = test::openStore(m_dir);
        QVERIFY(m_db);
        GH_VERIFY_OK(CredentialRepository(*m_db).create(Credential{u"billing-write"_s,
                                                                   u"bearer"_s,
                                                                   {},
                                                                   {},
                                                                   {},
                                                                   true,
                                                                   {},
                                                                   {},
                                                                   {},
                                                                   {},
                                                                   {},
                                                                   Origin::Config}));
        Server s;
        s.name = u"billing"_s;
        GH_VERIFY_OK(ServerRepository(*m_db).create(s));
    }
    void cleanup() { m_db.reset(); }

    void absentAndSetFieldsRoundTrip_data()
    {
        QTest::addColumn<ToolOverride>("override_");
        ToolOverride full;
        full.server = u"billing"_s;
        full.key = u"createInvoice"_s;
        full.name = u"create_invoice"_s;
        full.description = u"Create a draft invoice for a customer."_s;
        full.hideParams = QStringList{u"Idempotency-Key"_s};
        full.responseFields = QStringList{u"id"_s, u"status"_s, u"total"_s, u"due_date"_s};
        full.credential = u"billing-write"_s;
        full.scopes = QStringList{u"invoices:write"_s, u"https://api.example.com/auth/billing"_s};
        full.cost = 1.0;
        full.action = u"create"_s;
        full.resource = u"invoices"_s;
        full.enabled = true;
        full.fixedParams = ParamValues{{u"currency"_s, "EUR"},
                                       {u"lines"_s, nlohmann::json::parse(R"([{"qty": 1}])")}};
        full.paramDefaults = ParamValues{{u"memo"_s, "Issued through Gatehouse"},
                                         {u"limit"_s, 50},
                                         {u"draft"_s, true},
                                         {u"ratio"_s, 0.25},
                                         {u"parent"_s, nullptr}};
        full.origin = Origin::Config;
        QTest::newRow("every field set") << full;

        ToolOverride bare;
        bare.server = u"billing"_s;
        bare.key = u"POST /invoices"_s;
        QTest::newRow("every field absent") << bare;

        ToolOverride zeroes;
        zeroes.server = u"billing"_s;
        zeroes.key = u"listInvoices"_s;
        zeroes.cost = 0.0;
        zeroes.enabled = false;
        zeroes.hideParams = QStringList{};
        zeroes.scopes = QStringList{}; // set and empty: the tool needs no scope at all
        zeroes.description = QString();
        zeroes.fixedParams = ParamValues{};
        zeroes.paramDefaults = ParamValues{{u"count"_s, 0}, {u"name"_s, ""}};
        QTest::newRow("set to zero, false, empty") << zeroes;
    }
    void absentAndSetFieldsRoundTrip()
    {
        QFETCH(ToolOverride, override_);
        ToolOverrideRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(override_));
        auto read = repo.get(override_.server, override_.key);
        GH_VERIFY_OK(read);
        QVERIFY(*read == override_);
        QCOMPARE(read->cost.has_value(), override_.cost.has_value());
        QCOMPARE(read->enabled.has_value(), override_.enabled.has_value());
        QCOMPARE(read->hideParams.has_value(), override_.hideParams.has_value());
        QCOMPARE(read->scopes, override_.scopes);
        QCOMPARE(read->description.has_value(), override_.description.has_value());
        QCOMPARE(read->fixedParams.has_value(), override_.fixedParams.has_value());
        QCOMPARE(read->paramDefaults.has_value(), override_.paramDefaults.has_value());
        if (override_.paramDefaults) {
            // types survive: 50 stays a number, "" stays a string, null stays null
            for (auto it = override_.paramDefaults->cbegin(); it != override_.paramDefaults->cend();
                 ++it)
                QCOMPARE(read->paramDefaults->value(it.key()).dump(), it.value().dump());
        }
    }

    void paramInTwoRolesIsRefused_data()
    {
        QTest::addColumn<ToolOverride>("override_");
        QTest::addColumn<QString>("keys");
        ToolOverride o;
        o.server = u"billing"_s;
        o.key = u"createInvoice"_s;
        ToolOverride fixedAndHidden = o;
        fixedAndHidden.hideParams = QStringList{u"currency"_s};
        fixedAndHidden.fixedParams = ParamValues{{u"currency"_s, "EUR"}};
        QTest::newRow("fixed and hidden") << fixedAndHidden << u"fixed_params and hide_params"_s;
        ToolOverride fixedAndDefault = o;
        fixedAndDefault.fixedParams = ParamValues{{u"currency"_s, "EUR"}};
        fixedAndDefault.paramDefaults = ParamValues{{u"currency"_s, "USD"}};
        QTest::newRow("fixed and default")
            << fixedAndDefault << u"fixed_params and param_defaults"_s;
        ToolOverride defaultAndHidden = o;
        defaultAndHidden.hideParams = QStringList{u"currency"_s};
        defaultAndHidden.paramDefaults = ParamValues{{u"currency"_s, "USD"}};
        QTest::newRow("default and hidden")
            << defaultAndHidden << u"param_defaults and hide_params"_s;
    }
    void paramInTwoRolesIsRefused()
    {
        QFETCH(ToolOverride, override_);
        QFETCH(QString, keys);
        const Status s = ToolOverrideRepository(*m_db).create(override_);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code(), ErrorCode::InvalidArgument);
        QVERIFY2(s.error().message().contains(keys) &&
                     s.error().message().contains(u"'currency'"_s),
                 qPrintable(s.error().message()));
        QVERIFY(ToolOverrideRepository(*m_db).list()->isEmpty());
    }

    void duplicateKeyConflictsAndUpsertKeepsOrder()
    {
        ToolOverrideRepository repo(*m_db);
        for (const QString &key : {u"b"_s, u"a"_s, u"c"_s}) {
            ToolOverride o;
            o.server = u"billing"_s;
            o.key = key;
            GH_VERIFY_OK(repo.create(o));
        }
        ToolOverride dup;
        dup.server = u"billing"_s;
        dup.key = u"a"_s;
        const Status s = repo.create(dup);
        QCOMPARE(s.error().code(), ErrorCode::AlreadyExists);
        QVERIFY2(s.error().message().contains(u"'a'"_s) &&
                     s.error().message().contains(u"'billing'"_s),
                 qPrintable(s.error().message()));
        dup.name = u"renamed"_s;
        GH_VERIFY_OK(repo.upsert(dup));
        auto all = repo.listForServer(u"billing"_s);
        GH_VERIFY_OK(all);
        QStringList keys;
        for (const auto &o : *all)
            keys << o.key;
        QCOMPARE(keys, (QStringList{u"b"_s, u"a"_s, u"c"_s})); // insertion order, kept on update
        QCOMPARE(all->at(1).name, std::optional(u"renamed"_s));
    }

    void replaceForServer()
    {
        ToolOverrideRepository repo(*m_db);
        ToolOverride old;
        old.server = u"billing"_s;
        old.key = u"old"_s;
        GH_VERIFY_OK(repo.create(old));
        ToolOverride x;
        x.key = u"x"_s;
        ToolOverride y;
        y.key = u"y"_s;
        y.origin = Origin::Config;
        GH_VERIFY_OK(repo.replaceForServer(u"billing"_s, {y, x}));
        auto all = repo.listForServer(u"billing"_s);
        GH_VERIFY_OK(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).key, u"y"_s);
        QCOMPARE(all->at(1).key, u"x"_s);
        QCOMPARE(repo.listByOrigin(Origin::Config)->size(), 1);
        // All or nothing: a bad entry leaves the previous set in place.
        ToolOverride bad;
        bad.key = u"z"_s;
        bad.action = u"explode"_s;
        QVERIFY(!repo.replaceForServer(u"billing"_s, {x, bad}).ok());
        QCOMPARE(repo.listForServer(u"billing"_s)->size(), 2);
    }

    void foreignKeys()
    {
        ToolOverrideRepository repo(*m_db);
        ToolOverride o;
        o.server = u"nosuch"_s;
        o.key = u"k"_s;
        const Status noServer = repo.create(o);
        QCOMPARE(noServer.error().code(), ErrorCode::NotFound);
        QVERIFY(noServer.error().message().contains(u"server 'nosuch'"_s));
        o.server = u"billing"_s;
        o.credential = u"nosuch-cred"_s;
        QCOMPARE(repo.create(o).error().code(), ErrorCode::NotFound);
        o.credential = u"billing-write"_s;
        GH_VERIFY_OK(repo.create(o));
        // The credential cannot go while the override uses it.
        const Status inUse = CredentialRepository(*m_db).remove(u"billing-write"_s);
        QCOMPARE(inUse.error().code(), ErrorCode::Conflict);
        QVERIFY2(inUse.error().message().contains(u"tool override 'k'"_s),
                 qPrintable(inUse.error().message()));
        GH_VERIFY_OK(repo.remove(u"billing"_s, u"k"_s));
        QCOMPARE(repo.remove(u"billing"_s, u"k"_s).error().code(), ErrorCode::NotFound);
        GH_VERIFY_OK(CredentialRepository(*m_db).remove(u"billing-write"_s));
    }
};

QTEST_GUILESS_MAIN(TestStoreToolOverrideRepository)
#include "TestStoreToolOverrideRepository.moc"
