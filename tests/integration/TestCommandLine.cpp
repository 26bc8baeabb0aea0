#include "McpTestClient.h"
#include "TestSupport.h"
#include "oauth/ClientRegistry.h"
#include "oauth/PasswordHash.h"
#include "oauth/TokenService.h"
#include "store/ClientRepository.h"
#include "store/Database.h"
#include "store/TokenRepository.h"
#include "store/UserRepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace gatehouse;
using test::runGatehouse;

namespace {
QString designExample()
{
    return test::designDir() + QStringLiteral("/config-example.yaml");
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

QByteArray httpGet(quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray response;
    while (socket.waitForReadyRead(5000))
        response += socket.readAll();
    return response;
}
} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void version()
    {
        const auto r = runGatehouse({QStringLiteral("version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("gatehouse ")));
    }

    void helpForEveryCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("top") << QStringList{QStringLiteral("--help")};
        QTest::newRow("serve") << QStringList{QStringLiteral("serve"), QStringLiteral("--help")};
        QTest::newRow("config") << QStringList{QStringLiteral("config"), QStringLiteral("--help")};
        QTest::newRow("import") << QStringList{QStringLiteral("import"), QStringLiteral("--help")};
        QTest::newRow("export") << QStringList{QStringLiteral("export"), QStringLiteral("--help")};
        QTest::newRow("user") << QStringList{QStringLiteral("user"), QStringLiteral("--help")};
        QTest::newRow("user add") << QStringList{QStringLiteral("user"), QStringLiteral("add"),
                                                 QStringLiteral("--help")};
        QTest::newRow("user passwd") << QStringList{
            QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("--help")};
        QTest::newRow("user list") << QStringList{QStringLiteral("user"), QStringLiteral("list"),
                                                  QStringLiteral("--help")};
        QTest::newRow("hash-password") << QStringList{
            QStringLiteral("user"), QStringLiteral("hash-password"), QStringLiteral("--help")};
        QTest::newRow("token") << QStringList{QStringLiteral("token"), QStringLiteral("--help")};
        for (const char *sub : {"mint", "list", "revoke"})
            QTest::addRow("token %s", sub) << QStringList{
                QStringLiteral("token"), QString::fromLatin1(sub), QStringLiteral("--help")};
        QTest::newRow("client") << QStringList{QStringLiteral("client"), QStringLiteral("--help")};
        for (const char *sub : {"issue", "list", "revoke"})
            QTest::addRow("client %s", sub) << QStringList{
                QStringLiteral("client"), QString::fromLatin1(sub), QStringLiteral("--help")};
    }
    void helpForEveryCommand()
    {
        QFETCH(QStringList, args);
        const auto r = runGatehouse(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Usage")), qPrintable(r.out));
    }

    void unknownCommandIsAUsageError()
    {
        const auto r = runGatehouse({QStringLiteral("user"), QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("frobnicate")));
    }

    void configCheckAcceptsTheSharedExample()
    {
        const auto r =
            runGatehouse({QStringLiteral("config"), QStringLiteral("check"), designExample()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("valid")));
    }

    void configCheckNamesFileLineAndKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.yaml"));
        writeFile(path, "plans:\n  free:\n    calls_per_month: lots\n");
        const auto r = runGatehouse({QStringLiteral("config"), QStringLiteral("check"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(path + QStringLiteral(":3 plans.free.calls_per_month:")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("nothing was changed")));
    }

    void usersFromStandardInput()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        auto r = runGatehouse({QStringLiteral("user"), QStringLiteral("add"),
                               QStringLiteral("dora"), QStringLiteral("--data"), data},
                              "s3cret pass\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runGatehouse({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("dora"),
                          QStringLiteral("--data"), data},
                         "other\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("dora")), qPrintable(r.err));
        r = runGatehouse({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("erin"),
                          QStringLiteral("--data"), data});
        QCOMPARE(r.exitCode, 2); // no password on standard input
        QVERIFY2(r.err.contains(QLatin1String("standard input")), qPrintable(r.err));

        r = runGatehouse(
            {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data"), data});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("dora")));
        QVERIFY(!r.out.contains(QLatin1String("erin")));
        QVERIFY(!r.out.contains(QLatin1String("s3cret")));

        r = runGatehouse({QStringLiteral("user"), QStringLiteral("passwd"),
                          QStringLiteral("nobody"), QStringLiteral("--data"), data},
                         "x\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("nobody")), qPrintable(r.err));
        r = runGatehouse({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("dora"),
                          QStringLiteral("--data"), data},
                         "new pass\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(data + QStringLiteral("/gatehouse.db")));
        QCOMPARE(QFileInfo(data).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
    }

    void hashPasswordPrintsAVerifiableHash()
    {
        const auto r =
            runGatehouse({QStringLiteral("user"), QStringLiteral("hash-password")}, "pw 123\n");
        QCOMPARE(r.exitCode, 0);
        const QString hash = r.out.trimmed();
        QVERIFY2(hash.startsWith(QLatin1String("scrypt$")), qPrintable(hash));
        QCOMPARE(oauth::PasswordHash::verify(QStringLiteral("pw 123"), hash).value(), true);
    }

    void importThenExportThenCheck()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        auto r = runGatehouse(
            {QStringLiteral("import"), designExample(), QStringLiteral("--data"), data});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runGatehouse(
            {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data"), data});
        QVERIFY(r.out.contains(QLatin1String("bob")) && r.out.contains(QLatin1String("alice")));

        const QString out = dir.filePath(QStringLiteral("bundle"));
        r = runGatehouse({QStringLiteral("export"), QStringLiteral("--out"), out,
                          QStringLiteral("--data"), data});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runGatehouse({QStringLiteral("config"), QStringLiteral("check"),
                          out + QStringLiteral("/gatehouse.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));

        r = runGatehouse({QStringLiteral("export"), QStringLiteral("--data"), data});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("--out")));
    }

    void exportRefusesFoldersThatWouldCarryOtherFiles()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        auto r = runGatehouse(
            {QStringLiteral("import"), designExample(), QStringLiteral("--data"), data});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto exportTo = [&](const QString &out, const QStringList &more = {}) {
            return runGatehouse(QStringList{QStringLiteral("export"), QStringLiteral("--out"), out,
                                            QStringLiteral("--data"), data} +
                                more);
        };

        // The data folder, a folder inside it and one containing it: refused, in the command's
        // words, and nothing written.
        for (const QString &out :
             {data, QDir(data).filePath(QStringLiteral("bundle")), dir.path()}) {
            r = exportTo(out);
            QVERIFY2(r.exitCode != 0, qPrintable(out));
            QVERIFY2(r.err.contains(QLatin1String("data folder")), qPrintable(r.err));
            QVERIFY2(r.err.contains(QLatin1String("choose another --out")), qPrintable(r.err));
            QVERIFY(!QFile::exists(QDir(out).filePath(QStringLiteral("gatehouse.yaml"))));
        }
        QVERIFY(!QFileInfo::exists(QDir(data).filePath(QStringLiteral("bundle"))));

        // A folder of other files: refused and left alone.
        const QString other = dir.filePath(QStringLiteral("documents"));
        QVERIFY(QDir().mkpath(other));
        QFile note(QDir(other).filePath(QStringLiteral("notes.txt")));
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.close();
        r = exportTo(other);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QLatin1String("not a Gatehouse bundle")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("--out")), qPrintable(r.err));
        QCOMPARE(QDir(other).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("notes.txt")});

        // An earlier bundle is written again.
        const QString bundle = dir.filePath(QStringLiteral("bundle"));
        r = exportTo(bundle);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = exportTo(bundle);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // The command's own words for the key's folder and an existing key.
        const QString shared = dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(shared));
        QVERIFY(QFile::setPermissions(shared, QFile::ReadOwner | QFile::WriteOwner |
                                                  QFile::ExeOwner | QFile::ReadOther |
                                                  QFile::WriteOther | QFile::ExeOther));
        r = exportTo(QDir(shared).filePath(QStringLiteral("bundle")),
                     {QStringLiteral("--seal-secrets")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QLatin1String("choose --out inside a folder only you can write")),
                 qPrintable(r.err));
        QFile key(bundle + QStringLiteral(".deployment-key"));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.close();
        r = exportTo(bundle, {QStringLiteral("--seal-secrets")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QLatin1String("pass --force")), qPrintable(r.err));
    }

    void importOfABrokenFileChangesNothing()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString path = dir.filePath(QStringLiteral("bad.yaml"));
        writeFile(path, "users:\n  - name: zed\n    plan: nonexistent\n");
        const auto r =
            runGatehouse({QStringLiteral("import"), path, QStringLiteral("--data"), data});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("nonexistent")), qPrintable(r.err));
        const auto list = runGatehouse(
            {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data"), data});
        QVERIFY(!list.out.contains(QLatin1String("zed")));
    }

    void serveAppliesConfigReloadsOnHupAndStopsOnTerm()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("specs"))));
        QVERIFY(QFile::copy(test::designDir() + QStringLiteral("/specs/billing.yaml"),
                            dir.filePath(QStringLiteral("specs/billing.yaml"))));
        const QString configPath = dir.filePath(QStringLiteral("gatehouse.yaml"));
        QFile example(designExample());
        QVERIFY(example.open(QIODevice::ReadOnly));
        const QByteArray original = example.readAll();
        writeFile(configPath, original);

        QProcess serve;
        serve.start(test::gatehouseBinary(),
                    {QStringLiteral("serve"), QStringLiteral("--config"), configPath,
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(serve.waitForStarted());
        QString out;
        QRegularExpression running(QStringLiteral("running on http://127.0.0.1:(\\d+)"));
        QRegularExpressionMatch match;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(serve.readAllStandardOutput()),
                                  (match = running.match(out)).hasMatch()),
                                 15000);
        QVERIFY(out.contains(QLatin1String("/mcp/billing")));
        const quint16 port = quint16(match.captured(1).toUInt());
        QVERIFY(httpGet(port, "/healthz").startsWith("HTTP/1.1 200"));
        const QString data = dir.filePath(QStringLiteral("data"));

        // In OAuth mode serve says how to mint a token this gateway accepts; one minted so opens
        // an MCP session on it.
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(serve.readAllStandardOutput()),
                                  out.contains(QLatin1String("gatehouse token mint"))),
                                 5000);
        QVERIFY2(out.contains(QLatin1String("--public-url ") + base), qPrintable(out));
        const auto minted = runGatehouse(
            {QStringLiteral("token"), QStringLiteral("mint"), QStringLiteral("--user"),
             QStringLiteral("bob"), QStringLiteral("--server"), QStringLiteral("billing"),
             QStringLiteral("--data"), data, QStringLiteral("--public-url"), base});
        QVERIFY2(minted.exitCode == 0, qPrintable(minted.err));
        auto headers = test::kPostHeaders;
        headers.append({"Authorization", "Bearer " + minted.out.trimmed().toLatin1()});
        const auto init = test::request(port, "POST", "/mcp/billing", headers, test::kInitialize);
        QVERIFY2(init.status == 200, init.body.constData());
        QVERIFY(!init.header("mcp-session-id").isEmpty());
        QCOMPARE(test::request(port, "POST", "/mcp/billing", test::kPostHeaders, test::kInitialize)
                     .status,
                 401);

        auto users = runGatehouse(
            {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data"), data});
        QVERIFY2(users.out.contains(QLatin1String("alice")), qPrintable(users.out + users.err));

        // An invalid file on SIGHUP leaves everything as it was.
        writeFile(configPath, original + "\nplans: [oops\n");
        ::kill(pid_t(serve.processId()), SIGHUP);
        QString err;
        QTRY_VERIFY_WITH_TIMEOUT(
            (err += QString::fromUtf8(serve.readAllStandardError()),
             err.contains(QLatin1String("running configuration is unchanged"))),
            10000);
        users = runGatehouse(
            {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data"), data});
        QVERIFY(users.out.contains(QLatin1String("alice")));

        // A valid edit on SIGHUP: alice leaves the file, so she leaves the store.
        QByteArray edited = original;
        const qsizetype alice = edited.indexOf("  - name: alice");
        QVERIFY(alice > 0);
        const qsizetype next = edited.indexOf("\n\n", alice);
        edited.remove(alice, next - alice + 1);
        writeFile(configPath, edited);
        ::kill(pid_t(serve.processId()), SIGHUP);
        QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromUtf8(serve.readAllStandardError()),
                                  err.contains(QLatin1String("SIGHUP: applied"))),
                                 10000);
        users = runGatehouse(
            {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data"), data});
        QVERIFY2(!users.out.contains(QLatin1String("alice")), qPrintable(users.out));
        QVERIFY(users.out.contains(QLatin1String("bob")));

        serve.terminate(); // SIGTERM
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
    }

    void tokensFromTheCommandLine()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QStringList store = {QStringLiteral("--data"), data};
        auto r =
            runGatehouse(QStringList{QStringLiteral("import"),
                                     test::sourceDir() + QStringLiteral("/examples/minimal.yaml")} +
                         store);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runGatehouse(
            QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob")} +
                store,
            "pw pw pw\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        const QStringList mint = {QStringLiteral("token"), QStringLiteral("mint"),
                                  QStringLiteral("--user"), QStringLiteral("bob")};
        r = runGatehouse(mint + store +
                         QStringList{QStringLiteral("--server"), QStringLiteral("billing"),
                                     QStringLiteral("--ttl"), QStringLiteral("2h"),
                                     QStringLiteral("--scope"), QStringLiteral("billing:read"),
                                     QStringLiteral("--spend-cap"), QStringLiteral("3.5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Standard output is the token alone, on one line: TOKEN=$(gatehouse token mint ...).
        const QString token = r.out.trimmed();
        QCOMPARE(r.out, token + QLatin1Char('\n'));
        QVERIFY(token.startsWith(QLatin1String("gh_at_")));
        QVERIFY(!token.contains(QLatin1Char(' ')));
        QVERIFY2(r.err.contains(QLatin1String("billing:read")), qPrintable(r.err));
        QVERIFY(!r.err.contains(token));

        r = runGatehouse(QStringList{QStringLiteral("token"), QStringLiteral("list")} + store);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains(token) && !r.out.contains(token.mid(6, 16)));
        QVERIFY(!r.err.contains(token.mid(6, 16)));
        const QString row = r.out.split(QLatin1Char('\n')).value(1);
        QVERIFY2(row.contains(QLatin1String("bob")) &&
                     row.contains(QLatin1String("billing:read")) &&
                     row.contains(QLatin1String("3.5")) && row.contains(QLatin1String("active")),
                 qPrintable(r.out));
        const QString id = row.section(QLatin1Char(' '), 0, 0);
        QCOMPARE(id.size(), 12);

        // The store holds only the hash: not in the database file, not in its WAL.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile file(data + QStringLiteral("/gatehouse.db") + suffix);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(token.toLatin1().mid(6)), qPrintable(file.fileName()));
        }

        store::DatabaseOptions options;
        options.sqlitePath = data + QStringLiteral("/gatehouse.db");
        auto db = store::Database::open(options);
        QVERIFY(db.ok());
        const oauth::TokenService tokens(**db, QUrl(QStringLiteral("http://127.0.0.1:8787")));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(tokens.verify(token, QStringLiteral("billing"), now).ok());

        r = runGatehouse(
            QStringList{QStringLiteral("token"), QStringLiteral("revoke"), id.left(8)} + store);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(id));
        QCOMPARE(tokens.verify(token, QStringLiteral("billing"), now).rejection.failure,
                 oauth::TokenService::Failure::Revoked);
        r = runGatehouse(QStringList{QStringLiteral("token"), QStringLiteral("list")} + store);
        QVERIFY2(r.out.contains(QLatin1String("revoked")), qPrintable(r.out));
    }

    void tokenMistakes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        const QString mint = QStringLiteral("mint");
        QTest::newRow("no user") << QStringList{mint} << 2 << QStringLiteral("--user");
        QTest::newRow("unknown user")
            << QStringList{mint, QStringLiteral("--user"), QStringLiteral("nobody")} << 1
            << QStringLiteral("gatehouse user add nobody");
        QTest::newRow("unknown server")
            << QStringList{mint, QStringLiteral("--user"), QStringLiteral("bob"),
                           QStringLiteral("--server"), QStringLiteral("shop")}
            << 1 << QStringLiteral("'shop'");
        QTest::newRow("bad ttl") << QStringList{mint, QStringLiteral("--user"),
                                                QStringLiteral("bob"), QStringLiteral("--ttl"),
                                                QStringLiteral("2y")}
                                 << 2 << QStringLiteral("30m");
        QTest::newRow("ttl too long")
            << QStringList{mint, QStringLiteral("--user"), QStringLiteral("bob"),
                           QStringLiteral("--ttl"), QStringLiteral("400d")}
            << 2 << QStringLiteral("365d");
        QTest::newRow("bad scope")
            << QStringList{mint, QStringLiteral("--user"), QStringLiteral("bob"),
                           QStringLiteral("--scope"), QStringLiteral("billing:admin")}
            << 2 << QStringLiteral("read, create, update, delete");
        QTest::newRow("bad spend cap")
            << QStringList{mint, QStringLiteral("--user"), QStringLiteral("bob"),
                           QStringLiteral("--spend-cap"), QStringLiteral("-1")}
            << 2 << QStringLiteral("--spend-cap");
        QTest::newRow("unknown id")
            << QStringList{QStringLiteral("revoke"), QStringLiteral("ffffffff")} << 1
            << QStringLiteral("gatehouse token list");
        QTest::newRow("not an id") << QStringList{QStringLiteral("revoke"), QStringLiteral("zz")}
                                   << 2 << QStringLiteral("hexadecimal");
        QTest::newRow("unknown subcommand")
            << QStringList{QStringLiteral("frob")} << 2 << QStringLiteral("frob");
    }
    void tokenMistakes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        if (!m_tokenData.isValid())
            QSKIP("no temporary directory");
        const QString data = m_tokenData.filePath(QStringLiteral("data"));
        if (!QFile::exists(data + QStringLiteral("/gatehouse.db"))) {
            const auto added = runGatehouse({QStringLiteral("user"), QStringLiteral("add"),
                                             QStringLiteral("bob"), QStringLiteral("--data"), data},
                                            "pw pw pw\n");
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        const auto r = runGatehouse(QStringList{QStringLiteral("token")} + args +
                                    QStringList{QStringLiteral("--data"), data});
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void checkPrintsTheDecisionAndItsTrace()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("gatehouse.yaml"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("servers:\n"
                                  "  - name: billing\n"
                                  "    openapi: %1/examples/specs/billing.yaml\n"
                                  "roles:\n"
                                  "  viewer:\n"
                                  "    billing/invoices: [read]\n"
                                  "users:\n"
                                  "  - name: bob\n"
                                  "    roles: [viewer]\n"
                                  "    grants:\n"
                                  "      billing/invoices: {deny: [create]}\n")
                       .arg(test::sourceDir())
                       .toUtf8());
        file.close();
        const QStringList store = {QStringLiteral("--data"), dir.filePath(QStringLiteral("data"))};
        auto r = runGatehouse(QStringList{QStringLiteral("import"), config} + store);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        const auto check = [&](const QString &tool, const QStringList &extra = {}) {
            return runGatehouse(QStringList{QStringLiteral("check"), QStringLiteral("--user"),
                                            QStringLiteral("bob"), QStringLiteral("--tool"), tool} +
                                extra + store);
        };
        r = check(QStringLiteral("billing.list_invoices"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("ALLOWED")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("role viewer: billing/invoices: allow read")),
                 qPrintable(r.out));

        // "Bob can read invoices, not create them": his own deny decides, and the output says
        // what would have to be granted.
        r = check(QStringLiteral("billing.create_invoice"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QLatin1String("DENIED")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("user bob: billing/invoices: deny create")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("grant billing/invoices: create to bob")),
                 qPrintable(r.out));

        // A token's scopes narrow the grants.
        r = check(QStringLiteral("billing.list_invoices"),
                  {QStringLiteral("--scope"), QStringLiteral("billing:create")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QLatin1String("billing:read")), qPrintable(r.out));

        r = check(QStringLiteral("billing.no_such_tool"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("no tool named 'no_such_tool'")), qPrintable(r.err));
        r = check(QStringLiteral("nobilling"));
        QCOMPARE(r.exitCode, 2);
    }

    void clientsFromTheCommandLine()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const QStringList store = {QStringLiteral("--data"), data};
        auto r = runGatehouse(
            QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob")} +
                store,
            "pw pw pw\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        r = runGatehouse(
            QStringList{QStringLiteral("client"), QStringLiteral("issue"), QStringLiteral("--user"),
                        QStringLiteral("bob"), QStringLiteral("--name"),
                        QStringLiteral("Bob's laptop"), QStringLiteral("--redirect-uri"),
                        QStringLiteral("http://127.0.0.1/callback"), QStringLiteral("--public-url"),
                        QStringLiteral("https://gw.example.com/")} +
            store);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Standard output: exactly two lines, the id and the secret.
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(2).isEmpty());
        QVERIFY2(lines.at(0).startsWith(QLatin1String("client_id: ") +
                                        oauth::ClientRegistry::clientIdPrefix()),
                 qPrintable(r.out));
        QVERIFY2(lines.at(1).startsWith(QLatin1String("client_secret: ") +
                                        oauth::ClientRegistry::clientSecretPrefix()),
                 qPrintable(r.out));
        const QString clientId = lines.at(0).mid(11);
        const QString secret = lines.at(1).mid(15);
        QVERIFY(!clientId.contains(QLatin1Char(' ')) && !secret.contains(QLatin1Char(' ')));
        QVERIFY(secret.size() > 40);
        // Standard error says how to use it, never the secret.
        QVERIFY(!r.err.contains(secret));
        QVERIFY2(r.err.contains(QLatin1String("https://gw.example.com/oauth/token")) &&
                     r.err.contains(QLatin1String("grant_type=client_credentials")) &&
                     r.err.contains(QLatin1String("resource=https://gw.example.com/mcp/SERVER")) &&
                     r.err.contains(QLatin1String("-u '") + clientId + QLatin1Char(':')) &&
                     r.err.contains(QLatin1String("only now")),
                 qPrintable(r.err));

        {
            store::DatabaseOptions options;
            options.sqlitePath = data + QStringLiteral("/gatehouse.db");
            auto db = store::Database::open(options);
            QVERIFY(db.ok());
            store::ClientRepository clients(**db);
            const auto client = clients.get(clientId);
            QVERIFY(client.ok());
            QCOMPARE(client->kind, QStringLiteral("issued"));
            QCOMPARE(client->user, std::optional<QString>(QStringLiteral("bob")));
            QCOMPARE(client->name, std::optional<QString>(QStringLiteral("Bob's laptop")));
            QCOMPARE(client->redirectUris,
                     QStringList{QStringLiteral("http://127.0.0.1/callback")});
            QCOMPARE(client->origin, store::Origin::Local);
            QVERIFY(!client->revoked);
            // Only "sha256$" and the hex SHA-256 of the secret are stored; the secret
            // authenticates.
            QVERIFY(client->clientSecretHash.has_value());
            const QString stored = *client->clientSecretHash;
            QVERIFY2(QRegularExpression(QStringLiteral("^sha256\\$[0-9a-f]{64}$"))
                         .match(stored)
                         .hasMatch(),
                     qPrintable(stored));
            QVERIFY(!stored.contains(secret));
            QCOMPARE(stored, oauth::ClientRegistry::hashSecret(secret));
            QVERIFY(oauth::ClientRegistry::secretMatches(secret, stored));
            QVERIFY(!oauth::ClientRegistry::secretMatches(secret + QLatin1Char('x'), stored));

            // A token the client holds, for revoke to revoke.
            store::Token token;
            token.tokenHash = oauth::TokenService::hashToken(u"gh_at_clienttest");
            token.clientId = clientId;
            token.user = QStringLiteral("bob");
            token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
            QVERIFY(store::TokenRepository(**db).insert(token).ok());

            store::User carl;
            carl.name = QStringLiteral("carl");
            carl.disabled = true;
            QVERIFY(store::UserRepository(**db).create(carl).ok());
        }
        r = runGatehouse(QStringList{QStringLiteral("client"), QStringLiteral("issue"),
                                     QStringLiteral("--user"), QStringLiteral("carl")} +
                         store);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QLatin1String("user 'carl' is disabled")), qPrintable(r.err));
        // The database files hold no secret in the clear.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile file(data + QStringLiteral("/gatehouse.db") + suffix);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QVERIFY2(!file.readAll().contains(secret.toLatin1().mid(6)),
                     qPrintable(file.fileName()));
        }

        // list: the client, never the secret or its hash.
        r = runGatehouse(QStringList{QStringLiteral("client"), QStringLiteral("list")} + store);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString hash = oauth::ClientRegistry::hashSecret(secret);
        QVERIFY(!r.out.contains(secret.mid(6)) && !r.err.contains(secret.mid(6)));
        QVERIFY(!r.out.contains(hash.mid(7, 16)) && !r.out.contains(QLatin1String("sha256$")));
        QString row;
        for (const QString &line : r.out.split(QLatin1Char('\n')))
            if (line.startsWith(clientId))
                row = line;
        QVERIFY2(row.contains(QLatin1String(" issued ")) && row.contains(QLatin1String(" bob ")) &&
                     row.contains(QLatin1String("active")) &&
                     row.endsWith(QLatin1String("Bob's laptop")),
                 qPrintable(r.out));
        r = runGatehouse(QStringList{QStringLiteral("client"), QStringLiteral("list"),
                                     QStringLiteral("--user"), QStringLiteral("carol")} +
                         store);
        QVERIFY2(r.exitCode == 0 && !r.out.contains(clientId), qPrintable(r.out));

        // revoke: the client and its tokens.
        r = runGatehouse(QStringList{QStringLiteral("client"), QStringLiteral("revoke"), clientId} +
                         store);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(clientId) && r.out.contains(QLatin1String("still active: 1")),
                 qPrintable(r.out));
        {
            store::DatabaseOptions options;
            options.sqlitePath = data + QStringLiteral("/gatehouse.db");
            auto db = store::Database::open(options);
            QVERIFY(db.ok());
            QVERIFY(store::ClientRepository(**db).get(clientId)->revoked);
            const auto token = store::TokenRepository(**db).get(
                oauth::TokenService::hashToken(u"gh_at_clienttest"));
            QVERIFY(token.ok());
            QVERIFY(token->revoked);
        }
        r = runGatehouse(QStringList{QStringLiteral("client"), QStringLiteral("list")} + store);
        QVERIFY2(r.out.contains(QLatin1String("revoked")), qPrintable(r.out));
        r = runGatehouse(QStringList{QStringLiteral("client"), QStringLiteral("revoke"), clientId} +
                         store);
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("already revoked")),
                 qPrintable(r.out + r.err));
    }

    void clientMistakes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        const QString issue = QStringLiteral("issue");
        const QString user = QStringLiteral("--user");
        QTest::newRow("no user") << QStringList{issue} << 2 << QStringLiteral("--user");
        QTest::newRow("unknown user") << QStringList{issue, user, QStringLiteral("nobody")} << 1
                                      << QStringLiteral("gatehouse user add nobody");
        QTest::newRow("javascript redirect")
            << QStringList{issue, user, QStringLiteral("bob"), QStringLiteral("--redirect-uri"),
                           QStringLiteral("javascript:alert(1)")}
            << 2 << QStringLiteral("--redirect-uri: the redirect URI javascript:alert(1)");
        QTest::newRow("plain http redirect")
            << QStringList{issue, user, QStringLiteral("bob"), QStringLiteral("--redirect-uri"),
                           QStringLiteral("http://example.com/cb")}
            << 2 << QStringLiteral("loopback");
        QTest::newRow("bad public url")
            << QStringList{issue, user, QStringLiteral("bob"), QStringLiteral("--public-url"),
                           QStringLiteral("ftp://x")}
            << 2 << QStringLiteral("--public-url");
        QTest::newRow("unknown id")
            << QStringList{QStringLiteral("revoke"), QStringLiteral("gh_ci_nope")} << 1
            << QStringLiteral("gatehouse client list");
        QTest::newRow("no id") << QStringList{QStringLiteral("revoke")} << 2
                               << QStringLiteral("client_id");
        QTest::newRow("command line client")
            << QStringList{QStringLiteral("revoke"), oauth::TokenService::commandLineClientId()}
            << 2 << QStringLiteral("gatehouse token revoke");
        QTest::newRow("unknown subcommand")
            << QStringList{QStringLiteral("frob")} << 2 << QStringLiteral("frob");
    }
    void clientMistakes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        if (!m_clientData.isValid())
            QSKIP("no temporary directory");
        const QString data = m_clientData.filePath(QStringLiteral("data"));
        if (!QFile::exists(data + QStringLiteral("/gatehouse.db"))) {
            const auto added = runGatehouse({QStringLiteral("user"), QStringLiteral("add"),
                                             QStringLiteral("bob"), QStringLiteral("--data"), data},
                                            "pw pw pw\n");
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        const auto r = runGatehouse(QStringList{QStringLiteral("client")} + args +
                                    QStringList{QStringLiteral("--data"), data});
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        // Nothing was issued.
        const auto listed = runGatehouse(
            {QStringLiteral("client"), QStringLiteral("list"), QStringLiteral("--data"), data});
        QVERIFY2(!listed.out.contains(oauth::ClientRegistry::clientIdPrefix()),
                 qPrintable(listed.out));
    }

    void serveRefusesPlainHttpOnTheLan()
    {
        QTemporaryDir dir;
        const auto r = runGatehouse({QStringLiteral("serve"), QStringLiteral("--data"), dir.path(),
                                     QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("tls")), qPrintable(r.err));
    }

private:
    QTemporaryDir m_tokenData;
    QTemporaryDir m_clientData;
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "TestCommandLine.moc"
