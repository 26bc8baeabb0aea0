#include "secrets/KeyFileKeyProvider.h"
#include "secrets/MasterKey.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using gatehouse::ErrorCode;
using gatehouse::secrets::KeyFileKeyProvider;
using gatehouse::secrets::MasterKey;

namespace {
MasterKey newKey()
{
    auto key = MasterKey::generate();
    if (!key)
        qFatal("cannot generate a master key");
    return *key;
}

void writeFile(const QString &path, const QByteArray &content, mode_t mode)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
    file.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
}

mode_t modeOf(const QString &path)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}
} // namespace

class TestKeyFileKeyProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void privateModesAreAccepted_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0600") << 0600;
        QTest::newRow("0400") << 0400;
    }
    void privateModesAreAccepted()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("master.key"));
        const MasterKey key = newKey();
        writeFile(path, key.toBase64() + "\n", mode_t(mode));
        KeyFileKeyProvider provider(path);
        const auto loaded = provider.load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message()));
        QVERIFY(*loaded == key);
    }

    void sharedModesAreRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0604") << 0604;
        QTest::newRow("0660") << 0660;
    }
    void sharedModesAreRefused()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("master key"));
        writeFile(path, newKey().toBase64(), mode_t(mode));
        const auto loaded = KeyFileKeyProvider(path).load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::PermissionDenied);
        const QString message = loaded.error().message();
        QVERIFY2(message.contains(QStringLiteral("chmod 600 '%1'").arg(path)), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("has mode 0%1").arg(mode, 0, 8)));
    }

    void foreignOwnerIsRefused()
    {
        if (::geteuid() != 0)
            QSKIP("changing a file's owner needs root");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("master.key"));
        writeFile(path, newKey().toBase64(), 0600);
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 65534, gid_t(-1)), 0);
        const auto loaded = KeyFileKeyProvider(path).load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::PermissionDenied);
        QVERIFY2(loaded.error().message().contains(QLatin1String("belongs to user id 65534")),
                 qPrintable(loaded.error().message()));
        QVERIFY(loaded.error().message().contains(QLatin1String("chown")));
    }

    void missingFileIsNotFound()
    {
        QTemporaryDir dir;
        const auto loaded = KeyFileKeyProvider(dir.filePath(QStringLiteral("none"))).load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::NotFound);
    }

    void garbageIsRefusedWithoutEchoingIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("master.key"));
        writeFile(path, "hunter2-not-a-key", 0600);
        const auto loaded = KeyFileKeyProvider(path).load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::Parse);
        QVERIFY(loaded.error().message().contains(path));
        QVERIFY(!loaded.error().message().contains(QLatin1String("hunter2")));
    }

    void storeWritesAPrivateFileAtomically()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("master.key"));
        const mode_t previous = ::umask(0); // the most permissive umask must not widen the file
        KeyFileKeyProvider provider(path);
        const MasterKey key = newKey();
        const auto stored = provider.store(key);
        ::umask(previous);
        QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message()));
        QCOMPARE(modeOf(path), mode_t(0600));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("master.key")}); // no temporary left behind
        const auto loaded = provider.load();
        QVERIFY(loaded.ok());
        QVERIFY(*loaded == key);
    }

    void storeNeverOverwrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("master.key"));
        const MasterKey first = newKey();
        KeyFileKeyProvider provider(path);
        QVERIFY(provider.store(first).ok());
        const auto second = provider.store(newKey());
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code(), ErrorCode::AlreadyExists);
        QVERIFY(*provider.load() == first);
    }

    void storeNeedsAnExistingDirectory()
    {
        QTemporaryDir dir;
        const auto stored =
            KeyFileKeyProvider(dir.filePath(QStringLiteral("missing/master.key"))).store(newKey());
        QVERIFY(!stored.ok());
        QVERIFY(stored.error().message().contains(QLatin1String("does not exist")));
    }

    void obtainCreatesTheFileOnce()
    {
        QTemporaryDir dir;
        KeyFileKeyProvider provider(dir.filePath(QStringLiteral("master.key")));
        const auto first = MasterKey::obtain(provider, false);
        QVERIFY(first.ok());
        QVERIFY(first->generated);
        const auto second = MasterKey::obtain(provider, true);
        QVERIFY(second.ok());
        QVERIFY(!second->generated);
        QVERIFY(second->key == first->key);
    }
};

QTEST_GUILESS_MAIN(TestKeyFileKeyProvider)
#include "TestKeyFileKeyProvider.moc"
