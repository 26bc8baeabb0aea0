// `gatehouse export --seal-secrets` carries the owner's imported secret to a server, sealed to a
// deployment key written beside the bundle, and the real `gatehouse serve` of that bundle injects
// it. Then the leak test of issue 6: a unique secret is imported, tools are called through the
// gateway (some fail upstream, and the upstream echoes the request's headers back in its error
// body), and the secret appears only in the requests the upstream received: never in an MCP
// response, serve's output, an audit row, the database files or the bundle.
#include "McpTestClient.h"
#include "TestSupport.h"
#include "config/Config.h"
#include "config/ConfigLoader.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "secrets/MasterKey.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

QByteArray uniqueSecret(const char *prefix)
{
    QByteArray random(12, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / 4);
    return prefix + random.toHex();
}

struct Received
{
    QString path;
    QByteArray apiKey;
};

// An upstream that records what it receives. Invoices other than in_ok fail, and echo the
// request's headers (the injected key among them) in their error body, as debugging proxies and
// careless APIs do.
class EchoingUpstream
{
public:
    EchoingUpstream()
    {
        http::ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(options);
        m_server->setHandler(
            [this](const http::Request &request, std::shared_ptr<http::Responder> responder) {
                {
                    QMutexLocker lock(&m_mutex);
                    m_received.append(Received{request.path(), request.header("x-api-key")});
                }
                responder->respond(answer(request));
            });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    QString baseUrl() const { return u"http://127.0.0.1:%1/v1"_s.arg(m_server->serverPort()); }
    QList<Received> take()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_received, {});
    }

private:
    static http::Response answer(const http::Request &request)
    {
        QByteArray dump;
        json headers = json::object();
        for (const auto &[name, value] : request.headers().fields()) {
            dump += name + ": " + value + '\n';
            headers[name.toStdString()] = value.toStdString();
        }
        const QString path = request.path();
        if (path.endsWith(u"/in_ok"))
            return http::Response::json(
                200, R"({"id":"in_ok","status":"open","total":12,"customer":{"id":"cu_1"}})");
        if (path.endsWith(u"/in_echo_message"))
            return http::Response::json(400, QByteArray::fromStdString(json{
                                                 {"message",
                                                  "no such invoice; your request headers were: " +
                                                      dump.toStdString()}}.dump()));
        if (path.endsWith(u"/in_echo_dump"))
            return http::Response::json(
                500,
                QByteArray::fromStdString(json{{"debug", {{"request_headers", headers}}}}.dump()));
        if (path.endsWith(u"/in_echo_text"))
            return http::Response(502, {{"Content-Type", "text/plain; charset=utf-8"}},
                                  "upstream proxy error\n" + dump);
        return http::Response(503, {{"Content-Type", "text/html"}},
                              "<html><body><h1>Unavailable</h1><pre>" + dump +
                                  "</pre></body></html>");
    }

    std::unique_ptr<http::Server> m_server;
    QMutex m_mutex;
    QList<Received> m_received;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content) == content.size();
}

// Every file under dir, with its bytes.
QList<std::pair<QString, QByteArray>> filesUnder(const QString &dir)
{
    QList<std::pair<QString, QByteArray>> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out.append({path, readFile(path)});
    }
    return out;
}

// The JSON-RPC response of a POST, whether it came as JSON or as an SSE stream.
json messageOf(const HttpResponse &r)
{
    if (r.header("content-type").startsWith("text/event-stream")) {
        const auto messages = events(r.body);
        return messages.isEmpty() ? json() : messages.last();
    }
    return r.json();
}

// A tools/call answer that is a tool error, or no result at all.
bool isToolError(const json &message)
{
    return message.value("result", json{{"isError", true}}).value("isError", false);
}

QString textOf(const json &message)
{
    const json result = message.value("result", json::object());
    const json content = result.value("content", json::array());
    return content.empty() ? QString()
                           : QString::fromStdString(content.at(0).value("text", std::string()));
}

// A `gatehouse serve` child whose stdout and stderr go to files (serve has no log file of its
// own: its log is its stderr).
class Serve
{
public:
    Serve(const QString &logs, const QString &name)
        : m_out(QDir(logs).filePath(name + u".out"_s))
        , m_err(QDir(logs).filePath(name + u".err"_s))
    {
        m_process.setStandardOutputFile(m_out);
        m_process.setStandardErrorFile(m_err);
    }
    ~Serve()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Starts serve and returns its port, 0 when it did not come up within 20 s.
    quint16 start(const QStringList &args, const QProcessEnvironment &env)
    {
        m_process.setProcessEnvironment(env);
        m_process.start(gatehouseBinary(), args);
        if (!m_process.waitForStarted())
            return 0;
        const QRegularExpression running(u"running on http://127.0.0.1:(\\d+)"_s);
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 20000 && m_process.state() == QProcess::Running) {
            const auto match = running.match(QString::fromUtf8(readFile(m_out)));
            if (match.hasMatch())
                return quint16(match.captured(1).toUInt());
            QTest::qWait(50);
        }
        return 0;
    }
    // SIGTERM: a clean stop, which writes every pending audit row.
    bool stop()
    {
        m_process.terminate();
        return m_process.waitForFinished(15000) && m_process.exitStatus() == QProcess::NormalExit &&
               m_process.exitCode() == 0;
    }
    QByteArray out() const { return readFile(m_out); }
    QByteArray err() const { return readFile(m_err); }
    QString outPath() const { return m_out; }
    QString errPath() const { return m_err; }

private:
    QProcess m_process;
    QString m_out;
    QString m_err;
};

} // namespace

class TestSealedSecrets : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<EchoingUpstream> m_upstream;
    // Unique per run, so that no other test's output can contain them.
    const QByteArray m_secret = uniqueSecret("sk_sealed_");
    const QByteArray m_aliceSecret = uniqueSecret("alice_own_");
    QString m_ownerConfig;
    QString m_bundle;
    QString m_key;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    ProcessResult owner(QStringList args, const QByteArray &input = {})
    {
        args << u"--config"_s << m_ownerConfig;
        return runGatehouse(args, input);
    }

    static QProcessEnvironment serveEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Every category at debug level: the leak test reads the most serve can log.
        env.insert(u"QT_LOGGING_RULES"_s, u"gatehouse.*.debug=true"_s);
        env.remove(u"CREDENTIALS_DIRECTORY"_s);
        return env;
    }

    // An MCP session for bob on a running serve whose store is dataDir.
    std::unique_ptr<McpTestSession> session(quint16 port, const QString &dataDir)
    {
        const auto minted = runGatehouse({u"token"_s, u"mint"_s, u"--user"_s, u"bob"_s,
                                          u"--server"_s, u"billing"_s, u"--data"_s, dataDir,
                                          u"--public-url"_s, u"http://127.0.0.1:%1"_s.arg(port)});
        if (minted.exitCode != 0) {
            qWarning("%s", qPrintable(minted.err));
            return nullptr;
        }
        auto s = std::make_unique<McpTestSession>(
            port, "billing",
            QList<Field>{Field("Authorization", "Bearer " + minted.out.trimmed().toLatin1())});
        return s->isOpen() ? std::move(s) : nullptr;
    }

    static QByteArray toolCall(int id, const QString &invoice)
    {
        return QByteArray::fromStdString(json{
            {"jsonrpc", "2.0"},
            {"id", id},
            {"method", "tools/call"},
            {"params",
             {{"name", "get_invoice"}, {"arguments", {{"invoice_id", invoice.toStdString()}}}}}}
                                             .dump());
    }

    // The bundle's configuration with gateway.master_key replaced, written into the bundle so
    // that its relative paths still hold.
    QString bundleConfigWithMasterKey(const QString &name, const QString &masterKey)
    {
        QString text = QString::fromUtf8(readFile(QDir(m_bundle).filePath(u"gatehouse.yaml"_s)));
        const QString exported = u"file: ../bundle.deployment-key"_s;
        if (!text.contains(exported))
            return QString();
        text.replace(exported, masterKey);
        const QString config = QDir(m_bundle).filePath(name);
        return writeFile(config, text.toUtf8()) ? config : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(u"logs"_s));
        m_upstream = std::make_unique<EchoingUpstream>();
        m_ownerConfig = path(u"owner.yaml"_s);
        m_bundle = path(u"bundle"_s);
        m_key = path(u"bundle.deployment-key"_s);
        QVERIFY(writeFile(m_ownerConfig,
                          "gateway:\n"
                          "  data_dir: ./owner-data\n"
                          "  master_key: {file: ./owner.key}\n"
                          "servers:\n"
                          "  - name: billing\n"
                          "    openapi: " +
                              (sourceDir() + u"/examples/specs/billing.yaml"_s).toUtf8() +
                              "\n"
                              "    base_url: " +
                              m_upstream->baseUrl().toUtf8() +
                              "\n"
                              "    credential: billing-key\n"
                              "credentials:\n"
                              "  - name: billing-key\n"
                              "    type: api_key\n"
                              "    in: header\n"
                              "    param: X-API-Key\n"
                              "    secret: {keychain: billing-key}\n"
                              "  - name: mine\n"
                              "    type: bearer\n"
                              "    per_user: true\n"
                              "    secret: {keychain: mine}\n"
                              "roles:\n"
                              "  reader:\n"
                              "    billing/invoices: [read]\n"
                              "users:\n"
                              "  - name: bob\n"
                              "    roles: [reader]\n"
                              "  - name: alice\n"
                              "    roles: [reader]\n"));
        const auto imported = owner({u"import"_s, m_ownerConfig});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const auto secret = owner(
            {u"credential"_s, u"import"_s, u"billing-key"_s, u"--from-stdin"_s}, m_secret + '\n');
        QVERIFY2(secret.exitCode == 0, qPrintable(secret.err));
        const auto alice = owner(
            {u"credential"_s, u"import"_s, u"mine"_s, u"--user"_s, u"alice"_s, u"--from-stdin"_s},
            m_aliceSecret);
        QVERIFY2(alice.exitCode == 0, qPrintable(alice.err));
    }

    void withoutTheFlagNothingSecretIsWritten()
    {
        const QString plain = path(u"plain"_s);
        const auto r = owner({u"export"_s, u"--out"_s, plain});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!QFile::exists(plain + u".deployment-key"_s));
        const QByteArray config = readFile(QDir(plain).filePath(u"gatehouse.yaml"_s));
        QVERIFY(config.contains("keychain: billing-key"));
        QVERIFY(!config.contains("sealed"));
        QVERIFY(!config.contains("master_key"));
        QCOMPARE(owner({u"export"_s, u"--out"_s, plain, u"--force"_s}).exitCode, 2);
    }

    void exportSealsTheOwnersSecretBesideTheBundle()
    {
        const auto r = owner({u"export"_s, u"--out"_s, m_bundle, u"--seal-secrets"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"Sealed the owner-wide secrets of billing-key"_s),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(m_key), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"Per-user secrets are not exported: each user of mine"_s),
                 qPrintable(r.out));

        // The key: beside the bundle, private, and a key the key-file provider reads.
        QVERIFY(QFile::exists(m_key));
        QCOMPARE(QFile::permissions(m_key) &
                     (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
        const QByteArray key = readFile(m_key).trimmed();
        QVERIFY(secrets::MasterKey::fromEncoded(key, u"the deployment key"_s).ok());

        const config::LoadResult loaded =
            config::ConfigLoader().loadFile(QDir(m_bundle).filePath(u"gatehouse.yaml"_s));
        QVERIFY(loaded.ok());
        for (const config::Credential &c : loaded.config->credentials) {
            QVERIFY(c.secret);
            QCOMPARE(c.secret->source, c.name == u"billing-key"_s ? config::SecretSource::Sealed
                                                                  : config::SecretSource::Keychain);
        }
        QVERIFY(loaded.config->gateway.masterKey);
        QCOMPARE(loaded.config->gateway.masterKey->source, config::MasterKeySource::File);
        QCOMPARE(QFileInfo(loaded.config->gateway.masterKey->resolvedFile).canonicalFilePath(),
                 QFileInfo(m_key).canonicalFilePath());

        const QByteArray readme = readFile(QDir(m_bundle).filePath(u"README.md"_s));
        QVERIFY(readme.contains("systemd-creds encrypt --name=gatehouse-deployment"));
        QVERIFY(readme.contains("master_key: {systemd: gatehouse-deployment}"));
        QVERIFY(readme.contains("Per-user secrets are not exported"));

        // Neither secret nor the key is inside the bundle.
        const auto files = filesUnder(m_bundle);
        QVERIFY(files.size() >= 3);
        for (const auto &[file, bytes] : files) {
            QVERIFY2(!bytes.contains(m_secret), qPrintable(file));
            QVERIFY2(!bytes.contains(m_aliceSecret), qPrintable(file));
            QVERIFY2(!bytes.contains(key), qPrintable(file));
        }
    }

    void anExistingKeyIsReplacedOnlyWithForce()
    {
        const QByteArray before = readFile(m_key);
        const QByteArray config = readFile(QDir(m_bundle).filePath(u"gatehouse.yaml"_s));
        const auto refused = owner({u"export"_s, u"--out"_s, m_bundle, u"--seal-secrets"_s});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"--force"_s), qPrintable(refused.err));
        QCOMPARE(readFile(m_key), before);
        QCOMPARE(readFile(QDir(m_bundle).filePath(u"gatehouse.yaml"_s)), config);

        const auto forced =
            owner({u"export"_s, u"--out"_s, m_bundle, u"--seal-secrets"_s, u"--force"_s});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QVERIFY(readFile(m_key) != before);
        QVERIFY(readFile(QDir(m_bundle).filePath(u"gatehouse.yaml"_s)) != config);
    }

    // Whoever can write the folder beside the bundle could replace the key.
    void aFolderOthersCanWriteIsRefused()
    {
        const QString shared = path(u"shared"_s);
        QVERIFY(QDir().mkpath(shared));
        QVERIFY(QFile::setPermissions(shared, QFile::Permissions(0x7777)));
        const QString out = QDir(shared).filePath(u"bundle"_s);
        const auto r = owner({u"export"_s, u"--out"_s, out, u"--seal-secrets"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"other users can write"_s), qPrintable(r.err));
        QVERIFY(!QFile::exists(out + u".deployment-key"_s));
        QVERIFY(!QFile::exists(out));
    }

    // The leak test, against the real `gatehouse serve` of the exported bundle on a fresh store.
    void serveInjectsTheSealedSecretAndNothingElseSeesIt()
    {
        const QString data = path(u"server-data"_s);
        Serve serve(path(u"logs"_s), u"serve"_s);
        const quint16 port =
            serve.start({u"serve"_s, u"--config"_s, QDir(m_bundle).filePath(u"gatehouse.yaml"_s),
                         u"--data"_s, data, u"--listen"_s, u"127.0.0.1:0"_s},
                        serveEnvironment());
        QVERIFY2(port, serve.err().constData());
        auto mcp = session(port, data);
        QVERIFY(mcp);

        QList<std::pair<QString, QByteArray>> responses; // what the MCP client received
        auto keep = [&](const QString &what, const HttpResponse &r) {
            QByteArray bytes = QByteArray::number(r.status) + '\n';
            for (const auto &[name, value] : r.headers)
                bytes += name + ": " + value + '\n';
            responses.append({what, bytes + '\n' + r.body});
        };
        const HttpResponse listed =
            mcp->post(R"({"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}})");
        QCOMPARE(listed.status, 200);
        keep(u"tools/list"_s, listed);

        const HttpResponse ok = mcp->post(toolCall(3, u"in_ok"_s));
        keep(u"in_ok"_s, ok);
        QCOMPARE(ok.status, 200);
        const json okMessage = messageOf(ok);
        QVERIFY2(!isToolError(okMessage), okMessage.dump().c_str());
        QVERIFY2(textOf(okMessage).contains(u"in_ok"_s), okMessage.dump().c_str());

        const QStringList failing = {u"in_echo_message"_s, u"in_echo_dump"_s, u"in_echo_text"_s,
                                     u"in_echo_html"_s};
        int id = 10;
        for (const QString &invoice : failing) {
            const HttpResponse r = mcp->post(toolCall(++id, invoice));
            keep(invoice, r);
            QCOMPARE(r.status, 200);
            const json message = messageOf(r);
            QVERIFY2(isToolError(message), message.dump().c_str());
            QVERIFY2(textOf(message).contains(u"Upstream answered"_s), message.dump().c_str());
        }

        // The upstream received the unsealed secret with every call.
        const QList<Received> received = m_upstream->take();
        QCOMPARE(received.size(), 1 + failing.size());
        for (const Received &r : received)
            QCOMPARE(r.apiKey, m_secret);

        // Nowhere else: what the MCP client got,
        QStringList leaked;
        for (const auto &[what, bytes] : responses)
            if (bytes.contains(m_secret))
                leaked << what;
        QVERIFY(!leaked.contains(u"tools/list"_s));
        QVERIFY(!leaked.contains(u"in_ok"_s));
        // even where the upstream echoed the request's headers back in its answer (the
        // dispatcher takes every form of the injected secret out of it),
        QCOMPARE(leaked, QStringList());

        // the database files while the gateway runs (with its WAL),
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(QDir(data).filePath(u"gatehouse.db"_s)), 5000);
        QTest::qWait(300); // the audit writer's batch window
        auto database = filesUnder(data);
        QVERIFY(database.size() >= 2);

        // serve's output and log, after a clean stop that writes every pending row,
        QVERIFY(serve.stop());
        const QByteArray out = serve.out();
        const QByteArray err = serve.err();
        QVERIFY2(err.contains("opened the credential vault with master key"), err.constData());
        QVERIFY2(err.contains("gatehouse.dispatch"), err.constData()); // debug lines are in
        QVERIFY2(!out.contains(m_secret), out.constData());
        QVERIFY2(!err.contains(m_secret), err.constData());

        // the audit rows, one per call,
        const auto audit = runGatehouse(
            {u"audit"_s, u"tail"_s, u"-n"_s, u"1000"_s, u"--json"_s, u"--data"_s, data});
        QVERIFY2(audit.exitCode == 0, qPrintable(audit.err));
        int rows = 0;
        for (const QString &line : audit.out.split(u'\n', Qt::SkipEmptyParts)) {
            const json row = json::parse(line.toStdString(), nullptr, false);
            QVERIFY2(!row.is_discarded(), qPrintable(line));
            if (row.value("tool", json()) == "get_invoice")
                ++rows;
        }
        QCOMPARE(rows, 1 + int(failing.size()));
        QVERIFY(!audit.out.toUtf8().contains(m_secret));
        QVERIFY(!audit.err.toUtf8().contains(m_secret));

        // the database files after the stop, and the bundle.
        database += filesUnder(data);
        database += filesUnder(m_bundle);
        for (const auto &[file, bytes] : std::as_const(database)) {
            QVERIFY2(!bytes.contains(m_secret), qPrintable(file));
            QVERIFY2(!bytes.contains(m_aliceSecret), qPrintable(file));
        }
        // The owner's store holds it encrypted only.
        for (const auto &[file, bytes] : filesUnder(path(u"owner-data"_s)))
            QVERIFY2(!bytes.contains(m_secret), qPrintable(file));
    }

    // The deployment key installed as a systemd credential, as the README says; without it, or
    // with another key, the gateway still starts and the credential's tools answer with an error
    // that names it and says what to do.
    void theKeyAsASystemdCredentialAndWithoutIt()
    {
        const QString config =
            bundleConfigWithMasterKey(u"systemd.yaml"_s, u"systemd: gatehouse-deployment"_s);
        QVERIFY(!config.isEmpty());
        const QString credentials = path(u"credentials"_s);
        QVERIFY(QDir().mkpath(credentials));
        const QString installed = QDir(credentials).filePath(u"gatehouse-deployment"_s);
        QProcessEnvironment env = serveEnvironment();
        env.insert(u"CREDENTIALS_DIRECTORY"_s, credentials);

        struct Case
        {
            QString name;
            QByteArray key; // empty: none installed
            QString expected;
        };
        const QByteArray otherKey = secrets::MasterKey::generate()->toBase64();
        const QList<Case> cases = {
            {u"none"_s, {}, u"has no master key to unseal it"_s},
            {u"other"_s, otherKey, u"was sealed for deployment key"_s},
            {u"right"_s, readFile(m_key), QString()},
        };
        for (const Case &c : cases) {
            QFile::remove(installed);
            if (!c.key.isEmpty())
                QVERIFY(writeFile(installed, c.key));
            const QString data = path(u"systemd-data-"_s + c.name);
            Serve serve(path(u"logs"_s), u"systemd-"_s + c.name);
            const quint16 port = serve.start({u"serve"_s, u"--config"_s, config, u"--data"_s, data,
                                              u"--listen"_s, u"127.0.0.1:0"_s},
                                             env);
            QVERIFY2(port, serve.err().constData());
            auto mcp = session(port, data);
            QVERIFY(mcp);
            const HttpResponse r = mcp->post(toolCall(3, u"in_ok"_s));
            QCOMPARE(r.status, 200);
            const json message = messageOf(r);
            const QList<Received> received = m_upstream->take();
            if (c.expected.isEmpty()) {
                QVERIFY2(!isToolError(message), message.dump().c_str());
                QCOMPARE(received.size(), 1);
                QCOMPARE(received[0].apiKey, m_secret);
            } else {
                QVERIFY2(isToolError(message), message.dump().c_str());
                const QString text = textOf(message);
                QVERIFY2(text.contains(c.expected), qPrintable(text));
                QVERIFY2(text.contains(u"credential billing-key"_s), qPrintable(text));
                QVERIFY2(text.contains(u"gateway.master_key"_s), qPrintable(text));
                QVERIFY(received.isEmpty());
            }
            QVERIFY(serve.stop());
            const QByteArray err = serve.err();
            if (c.key.isEmpty())
                QVERIFY2(err.contains("the tools that need billing-key answer with an error "
                                      "until the key that unseals them is installed"),
                         err.constData());
            QVERIFY(!r.body.contains(m_secret));
            QVERIFY(!err.contains(m_secret));
            QVERIFY(!serve.out().contains(m_secret));
        }
    }
};

QTEST_GUILESS_MAIN(TestSealedSecrets)
#include "TestSealedSecrets.moc"
