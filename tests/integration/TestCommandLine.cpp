#include "TestSupport.h"
#include "oauth/PasswordHash.h"

#include <QDir>
#include <QFile>
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

    void serveRefusesPlainHttpOnTheLan()
    {
        QTemporaryDir dir;
        const auto r = runGatehouse({QStringLiteral("serve"), QStringLiteral("--data"), dir.path(),
                                     QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("tls")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "TestCommandLine.moc"
