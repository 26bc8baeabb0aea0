#include "TestSupport.h"
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <nlohmann/json.hpp>

using namespace gatehouse;
using namespace Qt::StringLiterals;
using store::AuditRow;
using test::runGatehouse;

namespace {

const QString kEscape = QString(QChar(0x1b));

AuditRow makeRow(const QDateTime &time, const QString &user, const std::optional<QString> &client,
                 const QString &server, const QString &tool, const QString &decision)
{
    AuditRow r;
    r.time = time;
    r.user = user;
    r.client = client;
    r.server = server;
    r.tool = tool;
    r.decision = decision;
    return r;
}

// "user server.tool" of each JSON Lines record: which rows a command printed, in its order.
QStringList callsIn(const QString &jsonLines)
{
    QStringList calls;
    for (const QString &line : jsonLines.split(u'\n', Qt::SkipEmptyParts)) {
        const auto record = nlohmann::json::parse(line.toStdString(), nullptr, false);
        if (!record.is_object()) {
            calls << u"not JSON: "_s + line;
            continue;
        }
        calls << QString::fromStdString(record.value("user", std::string())) + u' ' +
                     QString::fromStdString(record.value("server", std::string())) + u'.' +
                     QString::fromStdString(record.value("tool", std::string()));
    }
    return calls;
}

} // namespace

class TestAuditCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_data;
    std::unique_ptr<store::Database> m_db;
    QDateTime m_now;
    QList<AuditRow> m_rows; // as appended, oldest first

    QStringList tail(const QStringList &args)
    {
        const auto r = runGatehouse(QStringList{u"audit"_s, u"tail"_s, u"--data"_s, m_data} + args);
        if (r.exitCode != 0)
            qWarning("exit %d: %s", r.exitCode, qPrintable(r.err));
        return r.out.split(u'\n', Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(u"data"_s);
        QVERIFY(QDir().mkpath(m_data));
        store::DatabaseOptions options;
        options.sqlitePath = QDir(m_data).filePath(u"gatehouse.db"_s);
        auto db = store::Database::open(options);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(store::Migrator(*m_db).migrate().ok());

        m_now = QDateTime::currentDateTimeUtc();
        AuditRow listed = makeRow(m_now.addSecs(-3 * 3600), u"bob"_s, u"cli-bob"_s, u"billing"_s,
                                  u"list_invoices"_s, u"allow"_s);
        listed.reason = u"granted by role viewer"_s;
        listed.upstreamStatus = 200;
        listed.latencyMs = 35;
        listed.cost = 0.25;
        AuditRow denied = makeRow(m_now.addSecs(-2 * 3600), u"alice"_s, u"cli-alice"_s,
                                  u"billing"_s, u"void_invoice"_s, u"deny"_s);
        // What a client can put into a reason must not reach a terminal as control sequences.
        denied.reason = u"no grant"_s + kEscape + u"[31m for\tbilling/invoices:\ndelete"_s;
        AuditRow contact = makeRow(m_now.addSecs(-3600), u"bob"_s, u"cli-bob"_s, u"crm"_s,
                                   u"find_contact"_s, u"allow"_s);
        contact.upstreamStatus = 502;
        contact.latencyMs = 1200;
        AuditRow recent = makeRow(m_now.addSecs(-600), u"carol"_s, std::nullopt, u"billing"_s,
                                  u"list_invoices"_s, u"allow"_s);
        recent.upstreamStatus = 200;
        recent.latencyMs = 20;
        recent.cost = 1.5;
        m_rows = {listed, denied, contact, recent};
        QVERIFY(store::AuditRepository(*m_db).append(m_rows).ok());
    }
    void cleanupTestCase() { m_db.reset(); }

    void tailPrintsTheNewestRowsOldestFirst()
    {
        const QStringList lines = tail({});
        QCOMPARE(lines.size(), 4);
        // Fields are separated by tabs and empty where absent.
        const QStringList first = lines.at(0).split(u'\t');
        QCOMPARE(first.size(), 9);
        const QDateTime shown = QDateTime::fromString(first.at(0), Qt::ISODateWithMs);
        QVERIFY2(shown.isValid(), qPrintable(first.at(0)));
        QCOMPARE(shown.toMSecsSinceEpoch(), m_rows.at(0).time.toMSecsSinceEpoch());
        QCOMPARE(shown.offsetFromUtc(), m_rows.at(0).time.toLocalTime().offsetFromUtc());
        QCOMPARE(first.mid(1),
                 (QStringList{u"bob"_s, u"cli-bob"_s, u"billing.list_invoices"_s, u"allow"_s,
                              u"granted by role viewer"_s, u"200"_s, u"35 ms"_s, u"0.25"_s}));

        const QStringList denied = lines.at(1).split(u'\t');
        QCOMPARE(denied.size(), 9);
        QCOMPARE(denied.mid(1),
                 (QStringList{u"alice"_s, u"cli-alice"_s, u"billing.void_invoice"_s, u"deny"_s,
                              u"no grant[31m for billing/invoices: delete"_s, QString(), QString(),
                              QString()}));
        QVERIFY(!lines.at(1).contains(kEscape));

        QCOMPARE(lines.at(2).split(u'\t').mid(1),
                 (QStringList{u"bob"_s, u"cli-bob"_s, u"crm.find_contact"_s, u"allow"_s, QString(),
                              u"502"_s, u"1200 ms"_s, QString()}));
        QCOMPARE(lines.at(3).split(u'\t').mid(1),
                 (QStringList{u"carol"_s, QString(), u"billing.list_invoices"_s, u"allow"_s,
                              QString(), u"200"_s, u"20 ms"_s, u"1.5"_s}));

        // -n keeps the newest.
        const QStringList two = tail({u"-n"_s, u"2"_s});
        QCOMPARE(two, lines.mid(2));
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("calls");
        const QString bobList = u"bob billing.list_invoices"_s;
        const QString aliceVoid = u"alice billing.void_invoice"_s;
        const QString bobContact = u"bob crm.find_contact"_s;
        const QString carolList = u"carol billing.list_invoices"_s;
        QTest::newRow("all") << QStringList{}
                             << QStringList{bobList, aliceVoid, bobContact, carolList};
        QTest::newRow("user") << QStringList{u"--user"_s, u"bob"_s}
                              << QStringList{bobList, bobContact};
        QTest::newRow("client") << QStringList{u"--client"_s, u"cli-alice"_s}
                                << QStringList{aliceVoid};
        QTest::newRow("server") << QStringList{u"--server"_s, u"crm"_s} << QStringList{bobContact};
        QTest::newRow("tool") << QStringList{u"--tool"_s, u"list_invoices"_s}
                              << QStringList{bobList, carolList};
        QTest::newRow("decision") << QStringList{u"--decision"_s, u"deny"_s}
                                  << QStringList{aliceVoid};
        QTest::newRow("user and server")
            << QStringList{u"--user"_s, u"bob"_s, u"--server"_s, u"billing"_s}
            << QStringList{bobList};
        QTest::newRow("n with a filter")
            << QStringList{u"--user"_s, u"bob"_s, u"-n"_s, u"1"_s} << QStringList{bobContact};
        QTest::newRow("since a duration")
            << QStringList{u"--since"_s, u"90m"_s} << QStringList{bobContact, carolList};
        QTest::newRow("since a UTC time")
            << QStringList{u"--since"_s,
                           m_now.addSecs(-150 * 60).toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s)}
            << QStringList{aliceVoid, bobContact, carolList};
        QTest::newRow("since a time with an offset")
            << QStringList{u"--since"_s,
                           m_now.addSecs(-150 * 60).toOffsetFromUtc(2 * 3600).toString(Qt::ISODate)}
            << QStringList{aliceVoid, bobContact, carolList};
        QTest::newRow("since a local time")
            << QStringList{u"--since"_s,
                           m_now.addSecs(-30 * 60).toLocalTime().toString(u"yyyy-MM-ddTHH:mm"_s)}
            << QStringList{carolList};
        QTest::newRow("since tomorrow")
            << QStringList{u"--since"_s,
                           m_now.toLocalTime().date().addDays(1).toString(Qt::ISODate)}
            << QStringList{};
        QTest::newRow("nothing matches") << QStringList{u"--user"_s, u"nobody"_s} << QStringList{};
    }
    void filters()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, calls);
        const auto r = runGatehouse(
            QStringList{u"audit"_s, u"tail"_s, u"--data"_s, m_data, u"--json"_s} + args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(callsIn(r.out), calls);
        if (calls.isEmpty())
            QVERIFY2(r.err.contains(u"No tool calls"_s), qPrintable(r.err));
    }

    void jsonLinesHaveStableKeys()
    {
        const auto r = runGatehouse({u"audit"_s, u"tail"_s, u"--data"_s, m_data, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        const std::vector<std::string> keys{"time",       "user",     "client", "server",
                                            "tool",       "decision", "reason", "upstream_status",
                                            "latency_ms", "cost"};
        std::vector<nlohmann::ordered_json> records;
        for (const QString &line : lines) {
            const auto record = nlohmann::ordered_json::parse(line.toStdString(), nullptr, false);
            QVERIFY2(record.is_object(), qPrintable(line));
            std::vector<std::string> got;
            for (const auto &item : record.items())
                got.push_back(item.key());
            QVERIFY2(got == keys, qPrintable(line));
            records.push_back(record);
        }
        // Time in UTC with milliseconds.
        const QString time = QString::fromStdString(records[0]["time"].get<std::string>());
        QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s)
                     .match(time)
                     .hasMatch(),
                 qPrintable(time));
        QCOMPARE(QDateTime::fromString(time, Qt::ISODateWithMs).toMSecsSinceEpoch(),
                 m_rows.at(0).time.toMSecsSinceEpoch());
        QVERIFY(records[0]["user"] == "bob");
        QVERIFY(records[0]["client"] == "cli-bob");
        QVERIFY(records[0]["server"] == "billing");
        QVERIFY(records[0]["tool"] == "list_invoices");
        QVERIFY(records[0]["decision"] == "allow");
        QVERIFY(records[0]["reason"] == "granted by role viewer");
        QVERIFY(records[0]["upstream_status"] == 200);
        QVERIFY(records[0]["latency_ms"] == 35);
        QVERIFY(records[0]["cost"] == 0.25);
        // Absent is null; text is kept as it was (JSON escapes it).
        QVERIFY(records[1]["upstream_status"].is_null());
        QVERIFY(records[1]["latency_ms"].is_null());
        QVERIFY(records[1]["cost"].is_null());
        QCOMPARE(QString::fromStdString(records[1]["reason"].get<std::string>()),
                 *m_rows.at(1).reason);
        QVERIFY(!r.out.contains(kEscape));
        QVERIFY(records[3]["client"].is_null());
    }

    void followPrintsNewRowsUntilASignal_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }
    void followPrintsNewRowsUntilASignal()
    {
        QFETCH(int, signal);
        const QString marker = u"follow-%1"_s.arg(signal);
        QProcess follow;
        follow.start(test::gatehouseBinary(),
                     {u"audit"_s, u"tail"_s, u"--data"_s, m_data, u"--user"_s, u"bob"_s, u"-n"_s,
                      u"1"_s, u"--follow"_s});
        QVERIFY(follow.waitForStarted());
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(follow.readAllStandardOutput()),
                                  out.contains(u"crm.find_contact"_s)),
                                 15000);

        // A row of bob's written now, though timed before the rows shown (a late batch), and one
        // of alice's that the filter leaves out.
        AuditRow late = makeRow(m_now.addSecs(-5 * 3600), u"bob"_s, u"cli-bob"_s, u"billing"_s,
                                marker, u"allow"_s);
        AuditRow other = makeRow(m_now, u"alice"_s, u"cli-alice"_s, u"billing"_s,
                                 marker + u"-alice"_s, u"allow"_s);
        QVERIFY(store::AuditRepository(*m_db).append({late, other}).ok());
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(follow.readAllStandardOutput()),
                                  out.contains(u"billing."_s + marker)),
                                 10000);

        QCOMPARE(follow.state(), QProcess::Running);
        ::kill(pid_t(follow.processId()), signal);
        QVERIFY(follow.waitForFinished(10000));
        out += QString::fromUtf8(follow.readAllStandardOutput());
        QCOMPARE(follow.exitStatus(), QProcess::NormalExit);
        QCOMPARE(follow.exitCode(), 0);
        const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).contains(u"crm.find_contact"_s));
        QVERIFY(lines.at(1).contains(u"billing."_s + marker));
        QVERIFY(!out.contains(marker + u"-alice"_s));
        m_rows << late << other;
    }

    void aMissingStoreIsAClearError()
    {
        const QString missing = m_dir.filePath(u"nowhere"_s);
        const auto r = runGatehouse({u"audit"_s, u"tail"_s, u"--data"_s, missing});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"no store at "_s + QDir(missing).filePath(u"gatehouse.db"_s)),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(u"--data DIR"_s), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        // Looking did not create one.
        QVERIFY(!QDir(missing).exists());
    }

    void mistakes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QStringList tail{u"audit"_s, u"tail"_s, u"--data"_s, m_data};
        QTest::newRow("no subcommand") << QStringList{u"audit"_s} << 2 << u"Usage"_s;
        QTest::newRow("unknown subcommand")
            << QStringList{u"audit"_s, u"head"_s} << 2 << u"unknown audit command 'head'"_s;
        QTest::newRow("negative n") << tail + QStringList{u"-n"_s, u"-3"_s} << 2 << u"-n -3"_s;
        QTest::newRow("since in words")
            << tail + QStringList{u"--since"_s, u"yesterday"_s} << 2 << u"--since yesterday"_s;
        QTest::newRow("stray argument") << tail + QStringList{u"billing"_s} << 2 << u"'billing'"_s;
    }
    void mistakes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const auto r = runGatehouse(args);
        QCOMPARE(r.exitCode, exitCode);
        const QString printed = r.err + r.out;
        QVERIFY2(printed.contains(message), qPrintable(printed));
    }

    void help()
    {
        for (const QStringList &args : {QStringList{u"audit"_s, u"--help"_s},
                                        QStringList{u"audit"_s, u"tail"_s, u"--help"_s}}) {
            const auto r = runGatehouse(args);
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains(u"Usage"_s), qPrintable(r.out));
        }
        const auto top = runGatehouse({u"--help"_s});
        QVERIFY(top.out.contains(u"gatehouse audit tail"_s));
    }
};

QTEST_GUILESS_MAIN(TestAuditCommand)
#include "TestAuditCommand.moc"
