#include "dispatch/SecretResolver.h"

#include <QTemporaryDir>
#include <QtTest>

using gatehouse::ErrorCode;
using gatehouse::config::SecretRef;
using gatehouse::config::SecretSource;
using gatehouse::dispatch::SecretResolver;

class TestSecretResolver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content,
                      QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(content);
        file.close();
        file.setPermissions(permissions);
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void env()
    {
        qputenv("GATEHOUSE_TEST_SECRET", "s3cret value\n");
        auto value = SecretResolver::resolve(
            SecretRef{SecretSource::Env, QStringLiteral("GATEHOUSE_TEST_SECRET"), {}});
        QVERIFY(value.ok());
        QCOMPARE(*value, QByteArray("s3cret value\n")); // as it is: only files lose a newline
    }

    void envMissing_data()
    {
        QTest::addColumn<bool>("set");
        QTest::newRow("unset") << false;
        QTest::newRow("empty") << true;
    }

    void envMissing()
    {
        QFETCH(bool, set);
        if (set)
            qputenv("GATEHOUSE_TEST_MISSING", "");
        else
            qunsetenv("GATEHOUSE_TEST_MISSING");
        auto value = SecretResolver::resolve(
            SecretRef{SecretSource::Env, QStringLiteral("GATEHOUSE_TEST_MISSING"), {}});
        QVERIFY(!value.ok());
        QCOMPARE(value.error().code(), ErrorCode::NotFound);
        QVERIFY(value.error().message().contains(u"GATEHOUSE_TEST_MISSING"));
        QVERIFY(value.error().message().contains(u"export"));
    }

    void file_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("no newline") << QByteArray("abc") << QByteArray("abc");
        QTest::newRow("one newline stripped") << QByteArray("abc\n") << QByteArray("abc");
        QTest::newRow("CRLF stripped") << QByteArray("abc\r\n") << QByteArray("abc");
        QTest::newRow("only one stripped") << QByteArray("abc\n\n") << QByteArray("abc\n");
        QTest::newRow("inner newline kept") << QByteArray("a\nb\n") << QByteArray("a\nb");
        QTest::newRow("spaces kept") << QByteArray(" abc \n") << QByteArray(" abc ");
    }

    void file()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, expected);
        const QString path = writeFile(QStringLiteral("secret"), content);
        auto value = SecretResolver::resolve(SecretRef{SecretSource::File, path, {}});
        QVERIFY2(value.ok(), qPrintable(value ? QString() : value.error().message()));
        QCOMPARE(*value, expected);
    }

    void resolvedFileWins()
    {
        const QString path = writeFile(QStringLiteral("resolved"), "right");
        auto value = SecretResolver::resolve(
            SecretRef{SecretSource::File, QStringLiteral("relative/wrong"), path});
        QVERIFY(value.ok());
        QCOMPARE(*value, QByteArray("right"));
    }

    void filePermissions_data()
    {
        QTest::addColumn<int>("permissions");
        QTest::addColumn<bool>("accepted");
        const auto owner = int(QFile::ReadOwner | QFile::WriteOwner);
        QTest::newRow("600") << owner << true;
        QTest::newRow("400") << int(QFile::ReadOwner) << true;
        QTest::newRow("640 (group may read)") << (owner | int(QFile::ReadGroup)) << true;
        QTest::newRow("644 (world-readable)")
            << (owner | int(QFile::ReadGroup | QFile::ReadOther)) << false;
        QTest::newRow("604") << (owner | int(QFile::ReadOther)) << false;
    }

    void filePermissions()
    {
#ifndef Q_OS_UNIX
        QSKIP("file modes are a Unix matter");
#endif
        QFETCH(int, permissions);
        QFETCH(bool, accepted);
        const QString path =
            writeFile(QStringLiteral("perm"), "k", QFile::Permissions::fromInt(permissions));
        auto value = SecretResolver::resolve(SecretRef{SecretSource::File, path, {}});
        QCOMPARE(value.ok(), accepted);
        if (!accepted) {
            QCOMPARE(value.error().code(), ErrorCode::PermissionDenied);
            QVERIFY(value.error().message().contains(u"chmod 600 " + path));
        }
    }

    void fileProblems_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("code");
        QTest::newRow("missing") << "missing" << int(ErrorCode::NotFound);
        QTest::newRow("empty") << "empty" << int(ErrorCode::Validation);
        QTest::newRow("only a newline") << "newline" << int(ErrorCode::Validation);
        QTest::newRow("directory") << "directory" << int(ErrorCode::Validation);
        QTest::newRow("huge") << "huge" << int(ErrorCode::Validation);
    }

    void fileProblems()
    {
        QFETCH(QString, what);
        QFETCH(int, code);
        QString path = m_dir.filePath(QStringLiteral("does-not-exist"));
        if (what == u"empty")
            path = writeFile(QStringLiteral("empty"), {});
        else if (what == u"newline")
            path = writeFile(QStringLiteral("newline"), "\n");
        else if (what == u"directory")
            path = m_dir.path();
        else if (what == u"huge")
            path = writeFile(QStringLiteral("huge"),
                             QByteArray(SecretResolver::MaxFileBytes + 1, 'x'));
        if (what == u"directory")
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        auto value = SecretResolver::resolve(SecretRef{SecretSource::File, path, {}});
        QVERIFY(!value.ok());
        QCOMPARE(int(value.error().code()), code);
        QVERIFY(value.error().message().contains(path));
    }

    void vaultSources_data()
    {
        QTest::addColumn<int>("source");
        QTest::newRow("keychain") << int(SecretSource::Keychain);
        QTest::newRow("sealed") << int(SecretSource::Sealed);
    }

    void vaultSources()
    {
        QFETCH(int, source);
        auto value =
            SecretResolver::resolve(SecretRef{SecretSource(source), QStringLiteral("billing"), {}});
        QVERIFY(!value.ok());
        QCOMPARE(value.error().code(), ErrorCode::Unavailable);
        QVERIFY(value.error().message().contains(u"credential vault"));
        if (SecretSource(source) == SecretSource::Keychain) {
            // Dispatch reads these through CredentialVault; the resolver says where they are.
            QVERIFY(value.error().message().contains(u"gatehouse credential import"));
            return;
        }
        // Sealed secrets are unsealed with the master key at catalog load (unseal()).
        QVERIFY(value.error().message().contains(u"master key"));
    }

    void sealedWithoutAMasterKeySaysHowToInstallIt()
    {
        auto value =
            SecretResolver::unseal(SecretRef{SecretSource::Sealed, QStringLiteral("AAAA"), {}},
                                   QStringLiteral("billing"), nullptr);
        QVERIFY(!value.ok());
        QCOMPARE(value.error().code(), ErrorCode::Unavailable);
        QVERIFY2(value.error().message().contains(u"credential billing"),
                 qPrintable(value.error().message()));
        QVERIFY(value.error().message().contains(u"gateway.master_key"));
        QVERIFY(value.error().message().contains(u"deployment-key"));
    }
};

QTEST_GUILESS_MAIN(TestSecretResolver)
#include "TestSecretResolver.moc"
