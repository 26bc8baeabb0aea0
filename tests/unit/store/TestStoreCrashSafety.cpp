#include "StoreTestSupport.h"
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"

#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

class TestStoreCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLosesNoAcknowledgedRow_data()
    {
        QTest::addColumn<int>("killAfter");
        QTest::newRow("early") << 20;
        QTest::newRow("later") << 300;
    }
    void killedWriterLosesNoAcknowledgedRow()
    {
        QFETCH(int, killAfter);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.db"_s);
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(QStringLiteral(STORE_CRASH_WRITER), {path});
        QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));

        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (out.count('\n') < killAfter && timer.elapsed() < 20000) {
            if (writer.state() != QProcess::Running)
                QFAIL(qPrintable(u"the writer stopped early: "_s +
                                 QString::fromLocal8Bit(writer.readAllStandardError())));
            writer.waitForReadyRead(1000);
            out += writer.readAllStandardOutput();
        }
        QVERIFY2(out.count('\n') >= killAfter, "the writer acknowledged too few rows in time");
        writer.kill(); // SIGKILL: no destructors, no final commit
        QVERIFY(writer.waitForFinished(10000));
        out += writer.readAllStandardOutput();
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        QSet<QString> acknowledged;
        for (const QByteArray &line : out.split('\n')) {
            if (!line.isEmpty())
                acknowledged.insert(QString::fromLatin1(line));
        }
        // A line cut off by the kill was printed after its commit, so it counts too.
        QVERIFY(acknowledged.size() >= killAfter);

        auto db = test::openStore(dir);
        QVERIFY(db);
        auto conn = db->connection();
        GH_VERIFY_OK(conn);
        QSqlQuery check(*conn);
        QVERIFY(check.exec(u"PRAGMA integrity_check"_s));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), u"ok"_s);

        AuditFilter all;
        all.limit = 1000000;
        auto rows = AuditRepository(*db).query(all);
        GH_VERIFY_OK(rows);
        QSet<QString> stored;
        for (const AuditRow &r : *rows)
            stored.insert(r.tool.value_or(QString()));
        const QSet<QString> missing = acknowledged - stored;
        QVERIFY2(missing.isEmpty(), qPrintable(u"acknowledged but missing: "_s +
                                               QStringList(missing.values()).join(u", "_s)));
    }
};

QTEST_GUILESS_MAIN(TestStoreCrashSafety)
#include "TestStoreCrashSafety.moc"
