// `gatehouse credential ...` end to end with a key-file master key: the secret is never printed,
// `credential list` never shows it, and the database file never holds it in clear.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using test::runGatehouse;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSecret = "sk-live-9b1e5d77c0ffee";
const QByteArray kAlice = "alice-own-4c2d81aa";

} // namespace

class TestCredentialCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_config;

    test::ProcessResult run(QStringList args, const QByteArray &input = {})
    {
        args << u"--config"_s << m_config;
        return runGatehouse(args, input);
    }

    void noLeak(const test::ProcessResult &r)
    {
        for (const QByteArray &secret : {kSecret, kAlice}) {
            QVERIFY2(!r.out.toUtf8().contains(secret), qPrintable(r.out));
            QVERIFY2(!r.err.toUtf8().contains(secret), qPrintable(r.err));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(u"gatehouse.yaml"_s);
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("gateway:\n"
                   "  data_dir: ./data\n"
                   "  master_key: {file: ./master.key}\n"
                   "credentials:\n"
                   "  - name: billing-read\n"
                   "    type: api_key\n"
                   "    param: X-API-Key\n"
                   "    secret: {keychain: billing-read}\n"
                   "  - name: billing-write\n"
                   "    type: bearer\n"
                   "    per_user: true\n"
                   "    secret: {keychain: billing-write}\n"
                   "  - name: from-env\n"
                   "    type: bearer\n"
                   "    secret: {env: SOME_TOKEN}\n"
                   "users:\n"
                   "  - name: alice\n");
        file.close();
        const auto imported = runGatehouse({u"import"_s, m_config, u"--config"_s, m_config});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    }

    void help()
    {
        for (const char *sub : {"import", "list", "rotate", "delete", "rotate-master-key",
                                "recovery-key", "restore-master-key"}) {
            const auto r = runGatehouse({u"credential"_s, QString::fromLatin1(sub), u"--help"_s});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains(u"Usage"_s), sub);
        }
        QCOMPARE(runGatehouse({u"credential"_s, u"--help"_s}).exitCode, 0);
    }

    void importCreatesTheKeyOnceAndNeverPrintsTheSecret()
    {
        const auto r = run({u"credential"_s, u"import"_s, u"billing-read"_s, u"--from-stdin"_s},
                           kSecret + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        noLeak(r);
        QVERIFY2(r.err.contains(u"recovery key"_s), qPrintable(r.err));
        QVERIFY(QFile::exists(m_dir.filePath(u"master.key"_s)));
        QCOMPARE(QFile(m_dir.filePath(u"master.key"_s)).permissions() &
                     (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());

        const auto again =
            run({u"credential"_s, u"import"_s, u"billing-read"_s, u"--from-stdin"_s}, "other\n");
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"credential rotate billing-read"_s), qPrintable(again.err));
    }

    void perUserNeedsTheUser()
    {
        const auto without =
            run({u"credential"_s, u"import"_s, u"billing-write"_s, u"--from-stdin"_s}, kAlice);
        QCOMPARE(without.exitCode, 2);
        QVERIFY2(without.err.contains(u"--user"_s), qPrintable(without.err));
        const auto r = run({u"credential"_s, u"import"_s, u"billing-write"_s, u"--user"_s,
                            u"alice"_s, u"--from-stdin"_s},
                           kAlice);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.err.contains(u"recovery key"_s), qPrintable(r.err)); // shown only once
        noLeak(r);
    }

    void envSecretsAreNotImported()
    {
        const auto r = run({u"credential"_s, u"import"_s, u"from-env"_s, u"--from-stdin"_s}, "x");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"{keychain: from-env}"_s), qPrintable(r.err));
    }

    void listShowsWhoHasOneButNoSecret()
    {
        const auto r = run({u"credential"_s, u"list"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        noLeak(r);
        QVERIFY2(r.out.contains(u"owner-wide"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"users: alice"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"env SOME_TOKEN"_s), qPrintable(r.out));
    }

    void declaresANewCredentialAndDeletesIt()
    {
        const auto r =
            run({u"credential"_s, u"import"_s, u"adhoc"_s, u"--type"_s, u"api_key"_s, u"--in"_s,
                 u"query"_s, u"--param"_s, u"key"_s, u"--from-file"_s, m_config});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(run({u"credential"_s, u"list"_s}).out.contains(u"query key"_s));
        const auto removed = run({u"credential"_s, u"delete"_s, u"adhoc"_s});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QVERIFY(!run({u"credential"_s, u"list"_s}).out.contains(u"adhoc"_s));
    }

    void rotateMasterKeyKeepsEverySecret()
    {
        const auto before = run({u"credential"_s, u"recovery-key"_s});
        QVERIFY2(before.exitCode == 0, qPrintable(before.err));
        const auto r = run({u"credential"_s, u"rotate-master-key"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"Re-encrypted 2 secrets"_s), qPrintable(r.out));
        noLeak(r);
        const auto after = run({u"credential"_s, u"recovery-key"_s});
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        QVERIFY(after.out != before.out);
        QVERIFY2(r.err.contains(after.out.trimmed()), qPrintable(r.err));

        // Rotating a secret works under the new key.
        const auto rotated =
            run({u"credential"_s, u"rotate"_s, u"billing-read"_s, u"--from-stdin"_s}, kSecret);
        QVERIFY2(rotated.exitCode == 0, qPrintable(rotated.err));
    }

    void wrongKeyIsRefusedAndTheRecoveryKeyRestoresIt()
    {
        const QByteArray recovery = run({u"credential"_s, u"recovery-key"_s}).out.toUtf8();
        QVERIFY(!recovery.isEmpty());
        const QString key = m_dir.filePath(u"master.key"_s);
        QVERIFY(QFile::remove(key));
        QFile wrong(key);
        QVERIFY(wrong.open(QIODevice::WriteOnly));
        wrong.write(QByteArray(32, 'k').toBase64());
        wrong.close();
        QVERIFY(wrong.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        const auto r =
            run({u"credential"_s, u"rotate"_s, u"billing-read"_s, u"--from-stdin"_s}, "anything");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"does not match"_s), qPrintable(r.err));

        QVERIFY(QFile::remove(key));
        const auto restored = run({u"credential"_s, u"restore-master-key"_s}, recovery);
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        const auto after = run({u"credential"_s, u"recovery-key"_s});
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        QCOMPARE(after.out.toUtf8(), recovery);
    }

    void theDatabaseNeverHoldsTheSecretInClear()
    {
        QDir data(m_dir.filePath(u"data"_s));
        const QStringList files = data.entryList(QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &name : files) {
            QFile f(data.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(kSecret), qPrintable(name));
            QVERIFY2(!bytes.contains(kAlice), qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestCredentialCommand)
#include "TestCredentialCommand.moc"
