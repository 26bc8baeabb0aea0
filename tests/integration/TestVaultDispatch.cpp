// Secrets imported into the vault reach the upstream at each call: the owner's for an owner-wide
// credential, the caller's own for a per-user one, and a caller without one gets a tool error
// that says how to add it. The secret never reaches the client or the database file in clear.
#include "McpTestClient.h"
#include "TestSupport.h"
#include "gateway/Gateway.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "oauth/TokenService.h"
#include "secrets/CredentialVault.h"
#include "secrets/KeyFileKeyProvider.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/UserRepository.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kOwnerSecret = "sk_vault_owner_7f3a9c";
const QByteArray kAliceSecret = "alice_token_51d0e2";

struct Seen
{
    QByteArray apiKey;
    QByteArray authorization;
};

class RecordingUpstream
{
public:
    RecordingUpstream()
    {
        http::ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(options);
        m_server->setHandler([this](const http::Request &request,
                                    std::shared_ptr<http::Responder> responder) {
            {
                QMutexLocker lock(&m_mutex);
                m_seen.append(Seen{request.header("x-api-key"), request.header("authorization")});
            }
            responder->respond(http::Response::json(
                200, R"({"id":"in_1","status":"open","total":1,"customer":{"id":"cu_1"}})"));
        });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    QString baseUrl() const { return u"http://127.0.0.1:%1/v1"_s.arg(m_server->serverPort()); }
    QList<Seen> take()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_seen, {});
    }

private:
    std::unique_ptr<http::Server> m_server;
    QMutex m_mutex;
    QList<Seen> m_seen;
};

QString text(const json &result)
{
    return QString::fromStdString(result.value("content", json::array()).at(0).value("text", ""));
}

} // namespace

class TestVaultDispatch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<RecordingUpstream> m_upstream;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::unique_ptr<oauth::TokenService> m_tokens;
    std::shared_ptr<secrets::CredentialVault> m_vault;

    json call(const QString &user, const QByteArray &server)
    {
        oauth::TokenService::MintRequest r;
        r.user = user;
        r.server = QString::fromLatin1(server);
        auto minted = m_tokens->mint(r, QDateTime::currentDateTimeUtc());
        if (!minted)
            qFatal("%s", qPrintable(minted.error().message()));
        McpTestSession session(m_gateway->port(), server,
                               {Field("Authorization", "Bearer " + minted->token.toUtf8())});
        if (!session.isOpen())
            return json();
        return session.callTool(u"get_invoice"_s, {{"invoice_id", "in_1"}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        store::DatabaseOptions options;
        options.sqlitePath = m_dir.filePath(u"gatehouse.db"_s);
        auto db = store::Database::open(options);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(store::Migrator(*m_db).migrate().ok());
        m_upstream = std::make_unique<RecordingUpstream>();

        store::CredentialRepository credentials(*m_db);
        store::Credential owner;
        owner.name = u"owner-key"_s;
        owner.type = u"api_key"_s;
        owner.location = u"header"_s;
        owner.param = u"X-API-Key"_s;
        owner.secret = store::SecretReference{u"keychain"_s, u"owner-key"_s};
        QVERIFY(credentials.upsert(owner).ok());
        store::Credential mine;
        mine.name = u"user-token"_s;
        mine.type = u"bearer"_s;
        mine.perUser = true;
        mine.secret = store::SecretReference{u"keychain"_s, u"user-token"_s};
        QVERIFY(credentials.upsert(mine).ok());
        for (const auto &[name, credential] :
             {std::pair{u"billing"_s, u"owner-key"_s}, std::pair{u"mine"_s, u"user-token"_s}}) {
            store::Server server;
            server.name = name;
            server.openapi = test::sourceDir() + u"/examples/specs/billing.yaml"_s;
            server.baseUrl = m_upstream->baseUrl();
            server.credential = credential;
            QVERIFY(store::ServerRepository(*m_db).create(server).ok());
        }
        // Every action on the example's resources, so the policy lets the calls through.
        store::Role everything;
        everything.name = u"everything"_s;
        for (const QString &server : {u"billing"_s, u"mine"_s})
            for (const QString &resource : {u"invoices"_s, u"customers"_s})
                for (const QString &action : {u"read"_s, u"create"_s, u"update"_s, u"delete"_s})
                    everything.rules.append(
                        store::Rule{server + u'/' + resource, u"allow"_s, action});
        QVERIFY(store::RoleRepository(*m_db).create(everything).ok());
        for (const QString &name : {u"alice"_s, u"bob"_s}) {
            store::User user;
            user.name = name;
            user.roles = {u"everything"_s};
            QVERIFY(store::UserRepository(*m_db).create(user).ok());
        }

        secrets::KeyFileKeyProvider provider(m_dir.filePath(u"master.key"_s));
        auto opened = secrets::CredentialVault::open(*m_db, provider);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message()));
        QVERIFY(!opened->recoveryKey.isEmpty());
        m_vault = opened->vault;
        QVERIFY(m_vault->add(u"owner-key"_s, QString(), kOwnerSecret).ok());
        QVERIFY(m_vault->add(u"user-token"_s, u"alice"_s, kAliceSecret).ok());

        // As serve opens it: from the key it stored, without creating one.
        auto existing = secrets::CredentialVault::openExisting(*m_db, provider);
        QVERIFY(existing.ok() && *existing);
        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        m_gateway->setCredentialVault(*existing);
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 2;
        QVERIFY(m_gateway->start(listen).ok());
        m_tokens = std::make_unique<oauth::TokenService>(*m_db, m_gateway->baseUrl());
    }
    void cleanupTestCase()
    {
        m_gateway.reset();
        m_upstream.reset();
    }

    void ownerWideSecretIsInjected()
    {
        const json result = call(u"bob"_s, "billing");
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        const auto seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0].apiKey, kOwnerSecret);
        QVERIFY(result.dump().find(kOwnerSecret.toStdString()) == std::string::npos);
    }

    void perUserCredentialUsesTheCallersOwn()
    {
        const json result = call(u"alice"_s, "mine");
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        const auto seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0].authorization, "Bearer " + kAliceSecret);
        QVERIFY(result.dump().find(kAliceSecret.toStdString()) == std::string::npos);
    }

    void callerWithoutASecretGetsAToolErrorThatSaysHowToAddIt()
    {
        const json result = call(u"bob"_s, "mine");
        QCOMPARE(result.value("isError", false), true);
        QVERIFY2(text(result).contains(
                     u"gatehouse credential import user-token --user bob --from-stdin"_s),
                 qPrintable(text(result)));
        QVERIFY(m_upstream->take().isEmpty());
    }

    void aReplacedSecretAppliesAtTheNextCall()
    {
        const QByteArray next = "sk_vault_owner_rotated_b81c";
        QVERIFY(m_vault->replace(u"owner-key"_s, QString(), next).ok());
        QVERIFY(!call(u"alice"_s, "billing").value("isError", false));
        const auto seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0].apiKey, next);
    }

    void theDatabaseNeverHoldsASecretInClear()
    {
        QDir dir(m_dir.path());
        for (const QString &file : dir.entryList({u"gatehouse.db*"_s}, QDir::Files)) {
            QFile f(dir.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(kOwnerSecret), qPrintable(file));
            QVERIFY2(!bytes.contains(kAliceSecret), qPrintable(file));
        }
    }
};

QTEST_GUILESS_MAIN(TestVaultDispatch)
#include "TestVaultDispatch.moc"
