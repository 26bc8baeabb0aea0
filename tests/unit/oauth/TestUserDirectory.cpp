// The Users & clients model against a real store: users added with a verifiable password hash,
// roles, plan and state changed, clients issued (secret once, hash stored) and revoked with their
// tokens, capped tokens minted, listed with what they spent, and revoked; the Connect snippets.
#include "../store/StoreTestSupport.h"
#include "oauth/ClientRegistry.h"
#include "oauth/ConnectSnippet.h"
#include "oauth/PasswordHash.h"
#include "oauth/TokenService.h"
#include "oauth/UserDirectory.h"
#include "store/AuditRepository.h"
#include "store/ClientRepository.h"
#include "store/PlanRepository.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/SpendRepository.h"
#include "store/TokenRepository.h"
#include "store/UserRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::oauth;
using namespace Qt::StringLiterals;

namespace {

const QUrl publicUrl(u"http://127.0.0.1:8787"_s);

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

UserDirectory::NewUser newUser(const QString &name, const QString &password = u"s3cret pass"_s)
{
    UserDirectory::NewUser u;
    u.name = name;
    u.password = password;
    u.roles = {u"clerk"_s};
    u.plan = u"starter"_s;
    return u;
}

} // namespace

class TestUserDirectory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;

    UserDirectory load()
    {
        auto loaded = UserDirectory::load(*m_db, now());
        if (!loaded)
            qFatal("%s", qPrintable(loaded.error().message()));
        return *loaded;
    }

    TokenService::Minted mint(const QString &user, std::optional<double> cap = {})
    {
        TokenService::MintRequest r;
        r.user = user;
        r.server = u"billing"_s;
        r.spendCap = cap;
        auto minted = UserDirectory::mintToken(*m_db, publicUrl, r, now());
        if (!minted)
            qFatal("%s", qPrintable(minted.error().message()));
        return *minted;
    }

    bool tokenWorks(const QString &token)
    {
        return TokenService(*m_db, publicUrl).verify(token, u"billing"_s, now()).ok();
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(u"store.db"_s));
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);
        store::Server billing;
        billing.name = u"billing"_s;
        GH_VERIFY_OK(store::ServerRepository(*m_db).create(billing));
        GH_VERIFY_OK(store::RoleRepository(*m_db).create(store::Role{u"clerk"_s, {}, {}}));
        GH_VERIFY_OK(store::RoleRepository(*m_db).create(store::Role{u"admin"_s, {}, {}}));
        GH_VERIFY_OK(store::PlanRepository(*m_db).create(
            store::Plan{u"starter"_s, 100, std::nullopt, std::nullopt, {}}));
        GH_VERIFY_OK(store::PlanRepository(*m_db).create(
            store::Plan{u"team"_s, 1000, std::nullopt, std::nullopt, {}}));
    }
    void cleanup() { m_db.reset(); }

    void addUserStoresAVerifiableHash()
    {
        GH_VERIFY_OK(UserDirectory::addUser(*m_db, newUser(u"bob"_s)));
        const auto stored = store::UserRepository(*m_db).get(u"bob"_s);
        GH_VERIFY_OK(stored);
        QVERIFY(stored->passwordHash);
        QVERIFY(stored->passwordHash->startsWith(u"scrypt$"_s));
        QVERIFY(!stored->passwordHash->contains(u"s3cret"_s));
        QCOMPARE(PasswordHash::verify(u"s3cret pass"_s, *stored->passwordHash).value(), true);
        QCOMPARE(PasswordHash::verify(u"s3cret pasS"_s, *stored->passwordHash).value(), false);
        QCOMPARE(stored->roles, QStringList{u"clerk"_s});
        QCOMPARE(stored->plan, std::optional(u"starter"_s));

        const UserDirectory directory = load();
        QCOMPARE(directory.users().size(), 1);
        QVERIFY(directory.user(u"bob"_s)->hasPassword);
        QCOMPARE(directory.roles(), (QStringList{u"admin"_s, u"clerk"_s}));
        QCOMPARE(directory.plans(), (QStringList{u"starter"_s, u"team"_s}));
        QCOMPARE(directory.servers(), QStringList{u"billing"_s});
    }

    void addUserRefusesWhatCannotBeSaved()
    {
        GH_VERIFY_OK(UserDirectory::addUser(*m_db, newUser(u"bob"_s)));
        const Status twice = UserDirectory::addUser(*m_db, newUser(u"bob"_s));
        QVERIFY(!twice);
        QCOMPARE(twice.error().code(), ErrorCode::AlreadyExists);
        const Status empty = UserDirectory::addUser(*m_db, newUser(u"carol"_s, QString()));
        QVERIFY(!empty);
        QCOMPARE(empty.error().code(), ErrorCode::InvalidArgument);
        UserDirectory::NewUser badRole = newUser(u"dave"_s);
        badRole.roles = {u"nope"_s};
        const Status role = UserDirectory::addUser(*m_db, badRole);
        QVERIFY(!role);
        QCOMPARE(role.error().code(), ErrorCode::NotFound);
        QVERIFY(!UserDirectory::addUser(*m_db, newUser(u" eve"_s)));
        QCOMPARE(load().users().size(), 1);
    }

    void setPasswordRolesPlanAndState()
    {
        GH_VERIFY_OK(UserDirectory::addUser(*m_db, newUser(u"bob"_s)));
        GH_VERIFY_OK(UserDirectory::setPassword(*m_db, u"bob"_s, u"another one"_s));
        const auto stored = store::UserRepository(*m_db).get(u"bob"_s);
        QCOMPARE(PasswordHash::verify(u"another one"_s, *stored->passwordHash).value(), true);
        QCOMPARE(PasswordHash::verify(u"s3cret pass"_s, *stored->passwordHash).value(), false);
        QCOMPARE(UserDirectory::setPassword(*m_db, u"nobody"_s, u"x"_s).error().code(),
                 ErrorCode::NotFound);

        GH_VERIFY_OK(
            UserDirectory::setRolesAndPlan(*m_db, u"bob"_s, {u"admin"_s, u"clerk"_s}, u"team"_s));
        DirectoryUser bob = *load().user(u"bob"_s);
        QCOMPARE(bob.roles, (QStringList{u"admin"_s, u"clerk"_s}));
        QCOMPARE(bob.plan, std::optional(u"team"_s));
        GH_VERIFY_OK(UserDirectory::setRolesAndPlan(*m_db, u"bob"_s, {}, std::nullopt));
        bob = *load().user(u"bob"_s);
        QVERIFY(bob.roles.isEmpty());
        QVERIFY(!bob.plan);
        QVERIFY(!UserDirectory::setRolesAndPlan(*m_db, u"bob"_s, {}, u"gold"_s));

        UserDirectory::OwnLimits limits;
        limits.callsPerMonth = 5;
        limits.spendPerMonth = 1.5;
        GH_VERIFY_OK(UserDirectory::setAccess(*m_db, u"bob"_s, {u"clerk"_s}, u"team"_s, limits));
        bob = *load().user(u"bob"_s);
        QCOMPARE(bob.roles, QStringList{u"clerk"_s});
        QCOMPARE(bob.callsPerMonth, std::optional<qint64>(5));
        QVERIFY(!bob.ratePerMinute);
        QCOMPARE(bob.spendPerMonth, std::optional(1.5));
        // A bad limit changes nothing, roles included: one transaction.
        limits.ratePerMinute = -1;
        QCOMPARE(UserDirectory::setAccess(*m_db, u"bob"_s, {u"admin"_s}, u"team"_s, limits)
                     .error()
                     .code(),
                 ErrorCode::InvalidArgument);
        bob = *load().user(u"bob"_s);
        QCOMPARE(bob.roles, QStringList{u"clerk"_s});
        QVERIFY(!bob.ratePerMinute);
        GH_VERIFY_OK(UserDirectory::setOwnLimits(*m_db, u"bob"_s, {}));
        QVERIFY(!load().user(u"bob"_s)->callsPerMonth);
    }

    void disabledUsersTokensStopWorking()
    {
        GH_VERIFY_OK(UserDirectory::addUser(*m_db, newUser(u"bob"_s)));
        const auto minted = mint(u"bob"_s);
        QVERIFY(tokenWorks(minted.token));
        GH_VERIFY_OK(UserDirectory::setDisabled(*m_db, u"bob"_s, true));
        QVERIFY(load().user(u"bob"_s)->disabled);
        const auto refused =
            TokenService(*m_db, publicUrl).verify(minted.token, u"billing"_s, now());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.rejection.failure, TokenService::Failure::UserDisabled);
        // Nothing new for a disabled user either.
        QVERIFY(!UserDirectory::issueClient(*m_db, {u"bob"_s, {}, {}}, now()));
        TokenService::MintRequest r;
        r.user = u"bob"_s;
        QVERIFY(!UserDirectory::mintToken(*m_db, publicUrl, r, now()));
        GH_VERIFY_OK(UserDirectory::setDisabled(*m_db, u"bob"_s, false));
        QVERIFY(tokenWorks(minted.token));
    }

    void issuedClientKeepsOnlyTheHash()
    {
        GH_VERIFY_OK(UserDirectory::addUser(*m_db, newUser(u"bob"_s)));
        const auto issued =
            UserDirectory::issueClient(*m_db, {u"bob"_s, u"Bob's laptop"_s, {}}, now());
        GH_VERIFY_OK(issued);
        QVERIFY(issued->clientId.startsWith(ClientRegistry::clientIdPrefix()));
        QVERIFY(issued->secret.startsWith(ClientRegistry::clientSecretPrefix()));
        const auto row = store::ClientRepository(*m_db).get(issued->clientId);
        GH_VERIFY_OK(row);
        QVERIFY(row->clientSecretHash);
        QVERIFY(!row->clientSecretHash->contains(issued->secret));
        QVERIFY(ClientRegistry::secretMatches(issued->secret, *row->clientSecretHash));
        QVERIFY(!ClientRegistry::secretMatches(issued->secret + u'x', *row->clientSecretHash));
        QCOMPARE(row->user, std::optional(u"bob"_s));
        QCOMPARE(row->kind, u"issued"_s);

        QVERIFY(!UserDirectory::issueClient(*m_db, {u"nobody"_s, {}, {}}, now()));
        QVERIFY(!UserDirectory::issueClient(*m_db, {u"bob"_s, {}, {u"ftp://x"_s}}, now()));
    }

    void listsClientsWithLastUseAndRevokesThemWithTheirTokens()
    {
        GH_VERIFY_OK(UserDirectory::addUser(*m_db, newUser(u"bob"_s)));
        const auto issued = UserDirectory::issueClient(*m_db, {u"bob"_s, u"laptop"_s, {}}, now());
        GH_VERIFY_OK(issued);
        // A self-registered client with no user, and a token the issued client got.
        store::Client registered;
        registered.clientId = u"dcr-1"_s;
        registered.kind = u"registered"_s;
        registered.name = u"VS Code"_s;
        GH_VERIFY_OK(store::ClientRepository(*m_db).create(registered));
        store::Token token;
        token.tokenHash = TokenService::hashToken(u"gh_at_fromclient"_s);
        token.clientId = issued->clientId;
        token.user = u"bob"_s;
        token.createdAt = now().addSecs(-600);
        token.expiresAt = now().addSecs(3000);
        GH_VERIFY_OK(store::TokenRepository(*m_db).insert(token));
        QVERIFY(tokenWorks(u"gh_at_fromclient"_s));
        const QDateTime called = now().addSecs(-60);
        store::AuditRow row;
        row.time = called;
        row.user = u"bob"_s;
        row.client = issued->clientId;
        row.decision = u"allow"_s;
        GH_VERIFY_OK(store::AuditRepository(*m_db).append({row}));
        mint(u"bob"_s); // the command line's client is not listed among the clients

        UserDirectory directory = load();
        QCOMPARE(directory.clients().size(), 2);
        const QList<DirectoryClient> bobs = directory.clientsOf(u"bob"_s);
        QCOMPARE(bobs.size(), 1);
        QCOMPARE(bobs.first().clientId, issued->clientId);
        QCOMPARE(bobs.first().name, u"laptop"_s);
        QVERIFY(bobs.first().confidential);
        QCOMPARE(bobs.first().activeTokens, 1);
        QCOMPARE(bobs.first().lastUsed.toSecsSinceEpoch(), called.toSecsSinceEpoch());
        const DirectoryClient &dcr = directory.clients().first();
        QCOMPARE(dcr.clientId, u"dcr-1"_s);
        QCOMPARE(dcr.kind, u"registered"_s);
        QVERIFY(!dcr.lastUsed.isValid());

        const auto revoked = UserDirectory::revokeClient(*m_db, issued->clientId, now());
        GH_VERIFY_OK(revoked);
        QCOMPARE(revoked->user, u"bob"_s);
        QCOMPARE(revoked->activeTokens, 1);
        QVERIFY(!revoked->wasRevoked);
        QVERIFY(!tokenWorks(u"gh_at_fromclient"_s));
        directory = load();
        QVERIFY(directory.clientsOf(u"bob"_s).first().revoked);
        QCOMPARE(directory.clientsOf(u"bob"_s).first().activeTokens, 0);
        const auto again = UserDirectory::revokeClient(*m_db, issued->clientId, now());
        GH_VERIFY_OK(again);
        QVERIFY(again->wasRevoked);
        QCOMPARE(UserDirectory::revokeClient(*m_db, u"nope"_s, now()).error().code(),
                 ErrorCode::NotFound);
        QVERIFY(!UserDirectory::revokeClient(*m_db, TokenService::commandLineClientId(), now()));
    }

    void mintedTokensListTheirCapAndSpendAndRevoke()
    {
        GH_VERIFY_OK(UserDirectory::addUser(*m_db, newUser(u"bob"_s)));
        GH_VERIFY_OK(UserDirectory::addUser(*m_db, newUser(u"carol"_s)));
        const auto minted = mint(u"bob"_s, 2.5);
        mint(u"carol"_s);
        store::SpendRequest spend;
        spend.cost = 0.75;
        spend.tokenHash = TokenService::hashToken(minted.token);
        GH_VERIFY_OK(store::SpendRepository(*m_db).reserve(spend));

        UserDirectory directory = load();
        QCOMPARE(directory.tokens().size(), 2);
        const QList<DirectoryToken> bobs = directory.tokensOf(u"bob"_s);
        QCOMPARE(bobs.size(), 1);
        const DirectoryToken &t = bobs.first();
        QCOMPARE(t.token.id, minted.id);
        QCOMPARE(t.token.server, u"billing"_s);
        QCOMPARE(t.token.spendCap, std::optional(2.5));
        QCOMPARE(t.spent, 0.75);
        QCOMPARE(t.token.expiresAt, minted.expiresAt);
        QVERIFY(!t.token.revoked);
        QVERIFY(!t.token.id.contains(minted.token.mid(6, 8)));

        const auto revoked = UserDirectory::revokeToken(*m_db, minted.id);
        GH_VERIFY_OK(revoked);
        QVERIFY(!revoked->revoked); // as it was
        QVERIFY(!tokenWorks(minted.token));
        QVERIFY(load().tokensOf(u"bob"_s).first().token.revoked);
    }

    void connectSnippetsCarryTheUrl_data()
    {
        QTest::addColumn<int>("program");
        for (ConnectSnippet::Program p : ConnectSnippet::programs())
            QTest::newRow(qPrintable(ConnectSnippet::programName(p))) << int(p);
    }

    void connectSnippetsCarryTheUrl()
    {
        QFETCH(int, program);
        const QString url = u"http://127.0.0.1:8787/mcp/billing"_s;
        const auto s = ConnectSnippet::snippet(ConnectSnippet::Program(program), u"billing"_s, url);
        QVERIFY(!s.where.isEmpty());
        QVERIFY(!s.text.contains(u"gh_cs_"_s) && !s.text.contains(u"gh_at_"_s));
        if (s.format == ConnectSnippet::Format::Command) {
            QVERIFY(s.text.contains(QString::fromLatin1(QUrl::toPercentEncoding(url))));
            return;
        }
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(s.text.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(json.isObject());
        const QString key = json.object().contains(u"servers"_s) ? u"servers"_s : u"mcpServers"_s;
        const QJsonObject entry =
            json.object().value(key).toObject().value(u"gatehouse-billing"_s).toObject();
        QVERIFY(!entry.isEmpty());
        QVERIFY(entry.value(u"url"_s).toString() == url ||
                entry.value(u"args"_s).toArray().contains(url));
    }

    // mcp-remote (Node) refuses a self-signed certificate unless NODE_EXTRA_CA_CERTS names it,
    // and refuses plain http to any host but localhost and 127.0.0.1 without --allow-http.
    void claudeDesktopBridgeTrustsTheGateway_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("expectedCaFile");
        QTest::addColumn<bool>("allowHttp");
        const QString pem = u"/home/ada/.local/share/gatehouse/tls/gateway.crt"_s;
        QTest::newRow("https LAN, own certificate")
            << u"https://gatehouse.lan:8787/mcp/billing"_s << pem << pem << false;
        QTest::newRow("https behind a proxy")
            << u"https://mcp.example.com/mcp/billing"_s << QString() << QString() << false;
        QTest::newRow("http 127.0.0.1")
            << u"http://127.0.0.1:8787/mcp/billing"_s << QString() << QString() << false;
        QTest::newRow("http localhost")
            << u"http://localhost:8787/mcp/billing"_s << QString() << QString() << false;
        QTest::newRow("http [::1]")
            << u"http://[::1]:8787/mcp/billing"_s << QString() << QString() << true;
        QTest::newRow("http LAN") << u"http://192.168.1.20:8787/mcp/billing"_s << QString()
                                  << QString() << true;
    }

    void claudeDesktopBridgeTrustsTheGateway()
    {
        QFETCH(QString, url);
        QFETCH(QString, certificate);
        QFETCH(QString, expectedCaFile);
        QFETCH(bool, allowHttp);
        const auto s = ConnectSnippet::snippet(ConnectSnippet::Program::ClaudeDesktop, u"billing"_s,
                                               url, certificate);
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(s.text.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject entry = json.object()
                                      .value(u"mcpServers"_s)
                                      .toObject()
                                      .value(u"gatehouse-billing"_s)
                                      .toObject();
        const QJsonArray args = entry.value(u"args"_s).toArray();
        QCOMPARE(args.at(2).toString(), url);
        QCOMPARE(args.contains(u"--allow-http"_s), allowHttp);
        if (allowHttp)
            QCOMPARE(args.last().toString(), u"--allow-http"_s); // after the URL, as documented
        QCOMPARE(entry.value(u"env"_s).toObject().value(u"NODE_EXTRA_CA_CERTS"_s).toString(),
                 expectedCaFile);
        QCOMPARE(entry.contains(u"env"_s), !expectedCaFile.isEmpty());
    }

    // VS Code, Cursor and the Inspector have no setting in the pasted text for a certificate:
    // the sentence beside it names the file and how to trust it.
    void otherProgramsSayHowToTrustTheCertificate_data()
    {
        QTest::addColumn<int>("program");
        for (ConnectSnippet::Program p : ConnectSnippet::programs())
            if (p != ConnectSnippet::Program::ClaudeDesktop)
                QTest::newRow(qPrintable(ConnectSnippet::programName(p))) << int(p);
    }

    void otherProgramsSayHowToTrustTheCertificate()
    {
        QFETCH(int, program);
        const QString pem = u"/srv/gatehouse/tls/gateway.crt"_s;
        const auto https =
            ConnectSnippet::snippet(ConnectSnippet::Program(program), u"billing"_s,
                                    u"https://gatehouse.lan:8787/mcp/billing"_s, pem);
        QVERIFY2(https.where.contains(pem), qPrintable(https.where));
        QVERIFY2(https.where.contains(u"trusted certificates"_s), qPrintable(https.where));
        QVERIFY(!https.text.contains(pem));
        if (ConnectSnippet::Program(program) == ConnectSnippet::Program::McpInspector)
            QVERIFY2(https.where.contains(u"NODE_EXTRA_CA_CERTS"_s), qPrintable(https.where));

        const auto plain = ConnectSnippet::snippet(ConnectSnippet::Program(program), u"billing"_s,
                                                   u"https://mcp.example.com/mcp/billing"_s);
        QVERIFY2(!plain.where.contains(u"trusted certificates"_s), qPrintable(plain.where));
    }

    // Current Inspector versions refuse a page opened without the session token they print at
    // start, so the snippet gives the query to append to that address, not a fixed address.
    void inspectorUsesThePrintedAddress()
    {
        const QString url = u"http://127.0.0.1:8787/mcp/billing"_s;
        const auto s =
            ConnectSnippet::snippet(ConnectSnippet::Program::McpInspector, u"billing"_s, url);
        const QStringList lines = s.text.split(u'\n');
        QCOMPARE(lines.first(), u"npx @modelcontextprotocol/inspector"_s);
        QVERIFY(s.text.contains(u"MCP_PROXY_AUTH_TOKEN"_s));
        QCOMPARE(lines.last(), u"# &transport=streamable-http&serverUrl="_s +
                                   QString::fromLatin1(QUrl::toPercentEncoding(url)));
        QVERIFY2(!s.text.contains(u"localhost:6274"_s), qPrintable(s.text));
        QVERIFY(s.where.contains(u"added to its end"_s));
    }
};

QTEST_GUILESS_MAIN(TestUserDirectory)
#include "TestUserDirectory.moc"
