// "Try it" end to end: a trial runs through a real, running gateway with a store, a vault and an
// upstream that records what it receives. The chosen user's own credential goes upstream; the
// request the trial shows has it masked and holds no form of any secret; the upstream's echo of it
// is redacted; a denied user's trial never reaches the upstream; arguments the schema refuses are
// never sent; the audit log records each trial under the client gatehouse:try-it; a trial can be
// cancelled; a stopped gateway says to start it.
#include "gateway/CatalogProvider.h"
#include "gateway/Gateway.h"
#include "gateway/ToolTrial.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "secrets/CredentialVault.h"
#include "secrets/KeyFileKeyProvider.h"
#include "store/AuditRepository.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/PlanRepository.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"
#include "store/UserRepository.h"

#include <QFile>
#include <QMutex>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

// Secrets with characters that base64 and percent-encoding change, so every form differs.
const QByteArray kAliceKey = "sk_alice/7f+Q=9x_e41c";
const QByteArray kBobKey = "sk_bob/0a+Z=3m_77d2";
const QByteArray kQueryKey = "qk owner/5+k=r_190b";
const QByteArray kClientSecret = "cs_ledger/1e+W=77";
const QByteArray kAccessToken = "at_ledger/8d+Yq=2"; // what the upstream's token endpoint issues

const QByteArray kSpec = R"(openapi: 3.0.3
info: {title: Billing, version: "1"}
paths:
  /invoices/{id}:
    get:
      operationId: getInvoice
      tags: [invoices]
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
      responses:
        "200":
          description: the invoice
          content:
            application/json:
              schema: {type: object}
  /invoices:
    post:
      operationId: createInvoice
      tags: [invoices]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [amount]
              properties:
                amount: {type: number}
                customer: {type: string}
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: {type: object}
)";

struct Received
{
    QByteArray method;
    QByteArray target;
    http::Headers headers;
    QByteArray body;
};

// Answers every request with an echo of its Authorization header (as a careless debugging
// endpoint would), except invoice 999, which it never answers, and /token, which issues
// kAccessToken (RFC 6749 section 5.1).
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
            QMutexLocker lock(&m_mutex);
            m_seen.append({request.method(), request.target(), request.headers(), request.body()});
            if (request.path().endsWith(u"/token"_s)) {
                const json token{{"access_token", kAccessToken.toStdString()},
                                 {"token_type", "Bearer"},
                                 {"expires_in", 3600}};
                responder->respond(
                    http::Response::json(200, QByteArray::fromStdString(token.dump())));
                return;
            }
            if (request.path().endsWith(u"/999"_s)) {
                m_held.append(std::move(responder));
                return;
            }
            const json echo{
                {"id", 42},
                {"seen_authorization", request.headers().value("authorization").toStdString()}};
            responder->respond(http::Response::json(request.method() == "POST" ? 201 : 200,
                                                    QByteArray::fromStdString(echo.dump())));
        });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    ~RecordingUpstream()
    {
        m_server->close();
        m_held.clear();
    }
    QString baseUrl() const { return u"http://127.0.0.1:%1/v1"_s.arg(m_server->serverPort()); }
    QList<Received> take()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_seen, {});
    }
    qsizetype count()
    {
        QMutexLocker lock(&m_mutex);
        return m_seen.size();
    }

private:
    std::unique_ptr<http::Server> m_server;
    QMutex m_mutex;
    QList<Received> m_seen;
    QList<std::shared_ptr<http::Responder>> m_held;
};

// "billing" injects each user's own bearer key (own-key, per user); "lookup" puts the owner's
// key in the query string. Alice and bob may read and create invoices; carol may not.
std::unique_ptr<store::Database> seededStore(const QString &dir, const QString &upstream)
{
    store::DatabaseOptions options;
    options.sqlitePath = dir + u"/gatehouse.db"_s;
    auto db = store::Database::open(options);
    if (!db || !store::Migrator(**db).migrate())
        return nullptr;
    QFile spec(dir + u"/billing.yaml"_s);
    if (!spec.open(QIODevice::WriteOnly) || spec.write(kSpec) != kSpec.size())
        return nullptr;
    spec.close();

    store::Credential own;
    own.name = u"own-key"_s;
    own.type = u"bearer"_s;
    own.perUser = true;
    store::Credential query;
    query.name = u"query-key"_s;
    query.type = u"api_key"_s;
    query.location = u"query"_s;
    query.param = u"key"_s;
    query.secret = store::SecretReference{u"env"_s, u"GATEHOUSE_TEST_TRIAL_QUERY_KEY"_s};
    store::Credential oauth;
    oauth.name = u"ledger-oauth"_s;
    oauth.type = u"oauth2_client_credentials"_s;
    oauth.tokenUrl = upstream + u"/token"_s;
    oauth.clientId = u"gatehouse-ledger"_s;
    oauth.secret = store::SecretReference{u"env"_s, u"GATEHOUSE_TEST_TRIAL_CLIENT_SECRET"_s};
    for (const store::Credential &c : {own, query, oauth})
        if (!store::CredentialRepository(**db).upsert(c))
            return nullptr;
    for (const auto &[name, credential] :
         {std::pair{u"billing"_s, own.name}, std::pair{u"lookup"_s, query.name},
          std::pair{u"ledger"_s, oauth.name}}) {
        store::Server server;
        server.name = name;
        server.openapi = spec.fileName();
        server.baseUrl = upstream;
        server.credential = credential;
        if (!store::ServerRepository(**db).create(server))
            return nullptr;
    }
    store::ToolOverride priced;
    priced.server = u"billing"_s;
    priced.key = u"createInvoice"_s;
    priced.cost = 2.5;
    if (!store::ToolOverrideRepository(**db).create(priced))
        return nullptr;

    store::Role clerk;
    clerk.name = u"clerk"_s;
    clerk.rules = {store::Rule{u"billing/invoices"_s, u"allow"_s, u"read"_s},
                   store::Rule{u"billing/invoices"_s, u"allow"_s, u"create"_s},
                   store::Rule{u"lookup/invoices"_s, u"allow"_s, u"read"_s},
                   store::Rule{u"ledger/invoices"_s, u"allow"_s, u"read"_s}};
    store::Role guest;
    guest.name = u"guest"_s;
    for (const store::Role &role : {clerk, guest})
        if (!store::RoleRepository(**db).create(role))
            return nullptr;
    if (!store::PlanRepository(**db).create(
            store::Plan{u"single"_s, 1, std::nullopt, std::nullopt, {}}))
        return nullptr;
    for (const auto &[name, role] :
         {std::pair{u"alice"_s, clerk.name}, std::pair{u"bob"_s, clerk.name},
          std::pair{u"carol"_s, guest.name}, std::pair{u"dave"_s, clerk.name}}) {
        store::User user;
        user.name = name;
        user.roles = {role};
        if (name == u"dave")
            user.plan = u"single"_s; // one call a month
        if (!store::UserRepository(**db).create(user))
            return nullptr;
    }
    return std::move(db).value();
}

// Every form a secret could leak in: as is, base64, percent-encoded, a Basic password alone.
QList<QByteArray> forms(const QByteArray &secret)
{
    return {secret, secret.toBase64(), secret.toPercentEncoding(),
            secret.mid(secret.indexOf('/') + 1)};
}

QByteArray everything(const gateway::TrialOutcome &o)
{
    QByteArray all = o.request.method + '\n' + o.request.url.toUtf8() + '\n';
    for (const auto &[name, value] : o.request.headers)
        all += name + ": " + value + '\n';
    all += o.request.body + '\n';
    for (const auto &[name, value] : o.upstreamHeaders)
        all += name + ": " + value + '\n';
    all += o.upstreamBody + '\n' + o.result + '\n' + o.reason.toUtf8() + o.error.toUtf8();
    return all;
}

QByteArray header(const http::UpstreamHeaders &headers, QByteArrayView name)
{
    for (const auto &[field, value] : headers)
        if (field.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

} // namespace

class TestToolTrial : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<RecordingUpstream> m_upstream;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::shared_ptr<const secrets::CredentialVault> m_vault;

    std::optional<gateway::TrialOutcome> trial(const QString &user, const QString &server,
                                               const QString &tool, const json &arguments)
    {
        gateway::ToolTrial trial(*m_gateway);
        std::optional<gateway::TrialOutcome> outcome;
        connect(&trial, &gateway::ToolTrial::finished, this,
                [&outcome](const gateway::TrialOutcome &o) { outcome = o; });
        const Status started = trial.start(user, server, tool, arguments);
        if (!started) {
            qWarning("%s", qPrintable(started.error().message()));
            return std::nullopt;
        }
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 15000))
            qWarning("no outcome within 15 s");
        return outcome;
    }

    // The audit row of a trial that matches, once the gateway's audit log has written it.
    std::optional<store::AuditRow>
    trialRow(const std::function<bool(const store::AuditRow &)> &matches)
    {
        store::AuditFilter filter;
        filter.client = QString::fromLatin1(gateway::CatalogProvider::kTrialClient);
        std::optional<store::AuditRow> found;
        const auto read = [&] {
            auto rows = store::AuditRepository(*m_db).query(filter);
            if (!rows)
                return false;
            for (const store::AuditRow &row : std::as_const(*rows))
                if (matches(row))
                    found = row;
            return found.has_value();
        };
        if (!QTest::qWaitFor(read, 5000))
            qWarning("no such trial in the audit log");
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("GATEHOUSE_TEST_TRIAL_QUERY_KEY", kQueryKey);
        qputenv("GATEHOUSE_TEST_TRIAL_CLIENT_SECRET", kClientSecret);
        m_upstream = std::make_unique<RecordingUpstream>();
        m_db = seededStore(m_dir.path(), m_upstream->baseUrl());
        QVERIFY(m_db);
        secrets::KeyFileKeyProvider provider(m_dir.filePath(u"master.key"_s));
        auto opened = secrets::CredentialVault::open(*m_db, provider);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message()));
        QVERIFY(opened->vault->add(u"own-key"_s, u"alice"_s, kAliceKey).ok());
        QVERIFY(opened->vault->add(u"own-key"_s, u"bob"_s, kBobKey).ok());
        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        m_vault = opened->vault;
        m_gateway->setCredentialVault(m_vault);
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 1;
        QVERIFY(m_gateway->start(listen).ok());
    }
    void cleanupTestCase()
    {
        m_gateway.reset();
        m_upstream.reset();
    }
    void init() { m_upstream->take(); }

    void describesTheToolFromTheRunningCatalog()
    {
        auto tool = gateway::ToolTrial::describe(*m_gateway, u"billing"_s, u"create_invoice"_s);
        QVERIFY2(tool.ok(), tool.ok() ? "" : qPrintable(tool.error().message()));
        QCOMPARE(tool->action, u"create"_s);
        QCOMPARE(tool->method, u"POST"_s);
        QCOMPARE(tool->upstream, m_upstream->baseUrl() + u"/invoices"_s);
        QVERIFY(tool->inputSchema["properties"].contains("amount"));
        auto users = gateway::ToolTrial::loadUsers(*m_db);
        QVERIFY(users.ok());
        QCOMPARE(users->size(), 4);
        QCOMPARE(users->first().name, u"alice"_s);
    }

    // The chosen user's own key goes upstream; the trial shows it masked, and neither it nor the
    // other user's key appears anywhere in what the trial returns, in any form.
    void trialInjectsTheUsersCredentialAndShowsItMasked_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("other");
        QTest::newRow("alice") << u"alice"_s << kAliceKey << kBobKey;
        QTest::newRow("bob") << u"bob"_s << kBobKey << kAliceKey;
    }
    void trialInjectsTheUsersCredentialAndShowsItMasked()
    {
        QFETCH(QString, user);
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, other);
        const auto o = trial(user, u"billing"_s, u"get_invoice"_s, {{"id", 42}});
        QVERIFY(o);
        QVERIFY2(o->error.isEmpty(), qPrintable(o->error));
        QCOMPARE(o->decision, u"allow"_s);
        QVERIFY2(o->reason.contains(u"clerk"_s), qPrintable(o->reason));

        const QList<Received> seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first().headers.value("authorization"), "Bearer " + key);
        QCOMPARE(seen.first().target, QByteArray("/v1/invoices/42"));

        QVERIFY(o->sent);
        QCOMPARE(o->request.method, QByteArray("GET"));
        QCOMPARE(o->request.url, m_upstream->baseUrl() + u"/invoices/42"_s);
        QCOMPARE(header(o->request.headers, "Authorization"),
                 "Bearer " + QByteArray(dispatch::SentRequest::kMask));
        QVERIFY(o->answered);
        QCOMPARE(o->upstreamStatus, 200);
        QVERIFY2(o->upstreamBody.contains("[redacted]"), o->upstreamBody.constData());
        QVERIFY(!o->isError);
        QVERIFY2(o->result.contains("[redacted]"), o->result.constData());
        QVERIFY(o->elapsed.count() >= 0);
        const QByteArray all = everything(*o);
        for (const QByteArray &secret : {key, other})
            for (const QByteArray &form : forms(secret))
                QVERIFY2(!all.contains(form), form.constData());

        const auto row = trialRow(
            [&](const store::AuditRow &r) { return r.user == user && r.tool == u"get_invoice"_s; });
        QVERIFY(row);
        QCOMPARE(row->decision, u"allow"_s);
        QCOMPARE(row->upstreamStatus, std::optional<int>(200));
    }

    // A key in the query string is masked in the URL the trial shows.
    void queryKeyIsMaskedInTheUrl()
    {
        const auto o = trial(u"alice"_s, u"lookup"_s, u"get_invoice"_s, {{"id", 7}});
        QVERIFY(o);
        QVERIFY2(o->sent, o->result.constData());
        const QList<Received> seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QVERIFY2(seen.first().target.contains(kQueryKey.toPercentEncoding()),
                 seen.first().target.constData());
        QVERIFY2(o->request.url.endsWith(u"/invoices/7?key="_s +
                                         QString::fromUtf8(dispatch::SentRequest::kMask)),
                 qPrintable(o->request.url));
        const QByteArray all = everything(*o);
        for (const QByteArray &form : forms(kQueryKey))
            QVERIFY2(!all.contains(form), form.constData());
    }

    // An OAuth 2 credential: the access token the gateway fetched is what goes, and what is masked;
    // neither it nor the client secret is shown.
    void accessTokenIsMasked()
    {
        const auto o = trial(u"alice"_s, u"ledger"_s, u"get_invoice"_s, {{"id", 3}});
        QVERIFY(o);
        QVERIFY2(o->sent, o->result.constData());
        const QList<Received> seen = m_upstream->take();
        QCOMPARE(seen.size(), 2); // the token request, then the call
        QCOMPARE(seen.last().headers.value("authorization"), "Bearer " + kAccessToken);
        QCOMPARE(header(o->request.headers, "Authorization"),
                 "Bearer " + QByteArray(dispatch::SentRequest::kMask));
        const QByteArray all = everything(*o);
        for (const QByteArray &secret : {kAccessToken, kClientSecret})
            for (const QByteArray &form : forms(secret))
                QVERIFY2(!all.contains(form), form.constData());
    }

    // A user the matrix does not allow: the decision and its reason, and nothing upstream.
    void deniedUsersTrialNeverReachesTheUpstream()
    {
        const auto o = trial(u"carol"_s, u"billing"_s, u"get_invoice"_s, {{"id", 42}});
        QVERIFY(o);
        QCOMPARE(o->decision, u"deny"_s);
        QVERIFY2(o->reason.contains(u"guest"_s), qPrintable(o->reason));
        QVERIFY(!o->sent);
        QVERIFY(!o->answered);
        QVERIFY(o->isError);
        QVERIFY2(o->result.contains("billing/invoices: read"), o->result.constData());
        QTest::qWait(200); // anything sent would have arrived by now
        QCOMPARE(m_upstream->count(), qsizetype(0));
        QVERIFY(trialRow([](const store::AuditRow &row) {
            return row.user == u"carol"_s && row.decision == u"deny"_s;
        }));
    }

    // A trial counts against the user's quota like any call, and the limit stops the next one
    // before anything is sent, answered as the client would get it.
    void quotaCountsTrialsAndStopsThem()
    {
        const auto first = trial(u"dave"_s, u"lookup"_s, u"get_invoice"_s, {{"id", 1}});
        QVERIFY(first);
        QCOMPARE(first->decision, u"allow"_s);
        QVERIFY(first->sent);
        QCOMPARE(m_upstream->take().size(), 1);
        const auto second = trial(u"dave"_s, u"lookup"_s, u"get_invoice"_s, {{"id", 2}});
        QVERIFY(second);
        QCOMPARE(second->decision, u"quota"_s);
        QVERIFY2(second->reason.contains(u"plan single"_s), qPrintable(second->reason));
        QVERIFY(!second->sent);
        QVERIFY(second->isError);
        QCOMPARE(json::parse(second->result.toStdString()).value("code", 0), -32029);
        QTest::qWait(200);
        QCOMPARE(m_upstream->count(), qsizetype(0));
    }

    // Arguments the tool's schema refuses are reported and never sent.
    void invalidArgumentsAreNotSent()
    {
        const auto o = trial(u"alice"_s, u"billing"_s, u"get_invoice"_s, {{"id", "forty-two"}});
        QVERIFY(o);
        QCOMPARE(o->decision, u"allow"_s);
        QVERIFY(!o->sent);
        QVERIFY(o->isError);
        QVERIFY2(o->result.contains("was not called"), o->result.constData());
        QTest::qWait(200);
        QCOMPARE(m_upstream->count(), qsizetype(0));
    }

    // A create call sends its body and is charged its cost, as any call would be.
    void createTrialSendsTheBodyAndIsCharged()
    {
        const auto o = trial(u"alice"_s, u"billing"_s, u"create_invoice"_s,
                             {{"amount", 12.5}, {"customer", "ACME"}});
        QVERIFY(o);
        QVERIFY2(o->sent, o->result.constData());
        QCOMPARE(o->request.method, QByteArray("POST"));
        QCOMPARE(json::parse(o->request.body.toStdString()),
                 (json{{"amount", 12.5}, {"customer", "ACME"}}));
        QCOMPARE(o->upstreamStatus, 201);
        QCOMPARE(o->cost, 2.5);
        const QList<Received> seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first().method, QByteArray("POST"));
        QVERIFY(trialRow([](const store::AuditRow &row) {
            return row.tool == u"create_invoice"_s && row.cost == 2.5;
        }));
    }

    // Cancel while the upstream has not answered: reported at once and recorded as cancelled.
    void cancelStopsATrialInFlight()
    {
        gateway::ToolTrial trial(*m_gateway);
        std::optional<gateway::TrialOutcome> outcome;
        connect(&trial, &gateway::ToolTrial::finished, this,
                [&outcome](const gateway::TrialOutcome &o) { outcome = o; });
        QVERIFY(trial.start(u"alice"_s, u"billing"_s, u"get_invoice"_s, {{"id", 999}}).ok());
        QVERIFY(trial.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(m_upstream->count(), qsizetype(1), 10000);
        trial.cancel();
        QVERIFY(outcome);
        QVERIFY(outcome->cancelled);
        QVERIFY(!trial.isRunning());
        QVERIFY(trialRow([](const store::AuditRow &row) {
            return row.user == u"alice"_s && row.reason && row.reason->contains(u"cancelled"_s);
        }));
        // The same object runs the next trial.
        outcome.reset();
        QVERIFY(trial.start(u"bob"_s, u"billing"_s, u"get_invoice"_s, {{"id", 1}}).ok());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QCOMPARE(outcome->upstreamStatus, 200);
    }

    // Stopping the gateway under a trial ends it: reported to the dialog, recorded as cancelled.
    void gatewayStoppingEndsATrial()
    {
        gateway::Gateway other(m_db.get());
        other.setCredentialVault(m_vault);
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 1;
        QVERIFY(other.start(listen).ok());
        gateway::ToolTrial trial(other);
        std::optional<gateway::TrialOutcome> outcome;
        connect(&trial, &gateway::ToolTrial::finished, this,
                [&outcome](const gateway::TrialOutcome &o) { outcome = o; });
        QVERIFY(trial.start(u"bob"_s, u"billing"_s, u"get_invoice"_s, {{"id", 999}}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(m_upstream->count(), qsizetype(1), 10000);
        other.stop();
        QVERIFY(outcome);
        QVERIFY(outcome->cancelled);
        QVERIFY2(outcome->error.contains(u"Start the gateway"_s), qPrintable(outcome->error));
        QVERIFY(!trial.isRunning());
        // Written by the stopped gateway's own audit log before it went.
        auto rows = store::AuditRepository(*m_db).query(
            {.user = u"bob"_s,
             .client = QString::fromLatin1(gateway::CatalogProvider::kTrialClient)});
        QVERIFY(rows);
        QVERIFY(std::any_of(rows->cbegin(), rows->cend(), [](const store::AuditRow &row) {
            return row.reason && row.reason->contains(u"cancelled"_s);
        }));
    }

    // Without sign-in every caller is anonymous, so the trial is too; it is still marked.
    void authModeNoneTriesAsAnonymous()
    {
        gateway::Gateway open(m_db.get());
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 1;
        listen.authMode = gateway::AuthMode::None;
        QVERIFY(open.start(listen).ok());
        gateway::ToolTrial trial(open);
        std::optional<gateway::TrialOutcome> outcome;
        connect(&trial, &gateway::ToolTrial::finished, this,
                [&outcome](const gateway::TrialOutcome &o) { outcome = o; });
        QVERIFY(trial.start(QString(), u"lookup"_s, u"get_invoice"_s, {{"id", 5}}).ok());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QCOMPARE(outcome->user, u"anonymous"_s);
        QCOMPARE(outcome->decision, u"allow"_s);
        QCOMPARE(outcome->upstreamStatus, 200);
        QCOMPARE(m_upstream->take().size(), 1);
        open.stop(); // writes its audit rows
        QVERIFY(trialRow([](const store::AuditRow &row) {
            return row.user == u"anonymous"_s && row.server == u"lookup"_s;
        }));
    }

    void stoppedGatewaySaysToStartIt()
    {
        gateway::Gateway stopped(m_db.get());
        gateway::ToolTrial trial(stopped);
        const Status started = trial.start(u"alice"_s, u"billing"_s, u"get_invoice"_s, {{"id", 1}});
        QVERIFY(!started);
        QVERIFY2(started.error().message().contains(u"Start the gateway first"_s),
                 qPrintable(started.error().message()));
        auto described = gateway::ToolTrial::describe(stopped, u"billing"_s, u"get_invoice"_s);
        QVERIFY(!described);
        QVERIFY(!trial.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestToolTrial)
#include "TestToolTrial.moc"
