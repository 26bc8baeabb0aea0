// `gatehouse credential ...` end to end with a key-file master key: the secret is never printed,
// `credential list` never shows it, and the database file never holds it in clear.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
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

    // A configuration of its own beside the main one: its own store and master key.
    QString writeConfig(const QString &name, const QByteArray &gateway)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write("gateway:\n" + gateway +
                   "credentials:\n"
                   "  - name: first\n"
                   "    type: bearer\n"
                   "    secret: {keychain: first}\n"
                   "  - name: second\n"
                   "    type: bearer\n"
                   "    secret: {keychain: second}\n");
        file.close();
        const auto imported = runGatehouse({u"import"_s, path, u"--config"_s, path});
        return imported.exitCode == 0 ? path : QString();
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
        // The new key was staged beside the old one and then replaced it: nothing is left over.
        QCOMPARE(QDir(m_dir.path())
                     .entryList({u"master.key*"_s, u".master.key*"_s}, QDir::Files | QDir::Hidden),
                 QStringList{u"master.key"_s});
    }

    // What a crash between the store's commit and the key file's replacement leaves: the store
    // under the new key, the new key in master.key.next, the old one in master.key. The next
    // command finds the new key there and finishes the replacement.
    void anInterruptedRotationIsFinishedByTheNextCommand()
    {
        const QString key = m_dir.filePath(u"master.key"_s);
        const QString staged = key + u".next"_s;
        QFile file(key);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray oldKey = file.readAll();
        file.close();
        const auto r = run({u"credential"_s, u"rotate-master-key"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        QVERIFY(QFile::rename(key, staged));
        QFile old(key);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(oldKey);
        old.close();
        QVERIFY(old.setPermissions(QFile::ReadOwner | QFile::WriteOwner));

        const auto recovered = run({u"credential"_s, u"recovery-key"_s});
        QVERIFY2(recovered.exitCode == 0, qPrintable(recovered.err));
        QVERIFY2(r.err.contains(recovered.out.trimmed()), qPrintable(recovered.out));
        QVERIFY(!QFile::exists(staged));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll() != oldKey);
        file.close();
        const auto rotated =
            run({u"credential"_s, u"rotate"_s, u"billing-read"_s, u"--from-stdin"_s}, kSecret);
        QVERIFY2(rotated.exitCode == 0, qPrintable(rotated.err));
    }

    void rotationIsRefusedWhereGatehouseCannotWriteTheKey()
    {
        const QByteArray before = run({u"credential"_s, u"recovery-key"_s}).out.toUtf8();
        const QString config = m_dir.filePath(u"from-env.yaml"_s);
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("gateway:\n"
                   "  data_dir: ./data\n"
                   "  master_key: {env: GATEHOUSE_TEST_CLI_MASTER_KEY}\n");
        file.close();
        const auto r =
            runGatehouse({u"credential"_s, u"rotate-master-key"_s, u"--config"_s, config});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"gateway.master_key: {file: master.key}"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"set GATEHOUSE_TEST_CLI_MASTER_KEY"_s), qPrintable(r.err));
        QVERIFY2(!r.err.contains(u"recovery key"_s), qPrintable(r.err)); // refused before that
        QCOMPARE(run({u"credential"_s, u"recovery-key"_s}).out.toUtf8(), before);
    }

    void aKeyFileInADirectoryOthersCanWriteIsRefused()
    {
        QVERIFY(QDir(m_dir.path()).mkdir(u"open"_s));
        const QString open = m_dir.filePath(u"open"_s);
        QVERIFY(QFile::setPermissions(open, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                QFile::ReadOther | QFile::WriteOther |
                                                QFile::ExeOther));
        const QString config =
            writeConfig(u"open-dir.yaml"_s,
                        "  data_dir: ./data-open\n  master_key: {file: ./open/master.key}\n");
        QVERIFY(!config.isEmpty());
        const auto r = runGatehouse(
            {u"credential"_s, u"import"_s, u"first"_s, u"--from-stdin"_s, u"--config"_s, config},
            kSecret);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"chmod go-w"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(open), qPrintable(r.err));
        QVERIFY(QDir(open).isEmpty());
        noLeak(r);
    }

    // Two first imports into an empty store at once (two processes): one master key is made,
    // and both secrets are encrypted under it.
    void twoFirstImportsAtOnceShareOneKey()
    {
        const QString config = writeConfig(
            u"race.yaml"_s, "  data_dir: ./data-race\n  master_key: {file: ./race.key}\n");
        QVERIFY(!config.isEmpty());
        QProcess first;
        QProcess second;
        for (const auto &[process, name] : {std::pair{&first, u"first"_s}, {&second, u"second"_s}})
            process->start(test::gatehouseBinary(), {u"credential"_s, u"import"_s, name,
                                                     u"--from-stdin"_s, u"--config"_s, config});
        for (QProcess *process : {&first, &second}) {
            QVERIFY(process->waitForStarted());
            process->write(kSecret);
            process->closeWriteChannel();
        }
        QString errors;
        for (QProcess *process : {&first, &second}) {
            QVERIFY(process->waitForFinished(60000));
            const QString err = QString::fromUtf8(process->readAllStandardError());
            QVERIFY2(process->exitCode() == 0, qPrintable(err));
            errors += err;
        }
        QCOMPARE(errors.count(u"Its recovery key is shown only now"_s), 1);

        // Rotating decrypts every secret: both were written under the key the file holds.
        const auto rotated =
            runGatehouse({u"credential"_s, u"rotate-master-key"_s, u"--config"_s, config});
        QVERIFY2(rotated.exitCode == 0, qPrintable(rotated.err));
        QVERIFY2(rotated.out.contains(u"Re-encrypted 2 secrets"_s), qPrintable(rotated.out));
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
