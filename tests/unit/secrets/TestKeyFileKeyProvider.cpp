#include "secrets/KeyFileKeyProvider.h"
#include "secrets/MasterKey.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <thread>
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

const MasterKey::Claim alone = [](const MasterKey &) { return gatehouse::Status(); };

QString errorOf(const gatehouse::Status &status)
{
    return status.ok() ? QString() : status.error().message();
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

    void otherPrivateModesAreRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0700") << 0700;
        QTest::newRow("0500") << 0500;
        QTest::newRow("0200") << 0200;
        QTest::newRow("4600") << 04600;
    }
    void otherPrivateModesAreRefused()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("master.key"));
        writeFile(path, newKey().toBase64(), mode_t(mode));
        const auto loaded = KeyFileKeyProvider(path).load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::PermissionDenied);
        const QString message = loaded.error().message();
        QVERIFY2(message.contains(QLatin1String("0600 or 0400")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("chmod 600 '%1'").arg(path)), qPrintable(message));
    }

    // A FIFO at the path would block open() until someone writes to it: the gateway would hang
    // at start. It is refused at once instead.
    void fifoIsRefusedWithoutBlocking()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("master.key"));
        const QByteArray native = QFile::encodeName(path);
        QCOMPARE(::mkfifo(native.constData(), 0600), 0);
        std::promise<gatehouse::Result<MasterKey>> answer;
        auto loaded = answer.get_future();
        std::thread reader([&answer, path] { answer.set_value(KeyFileKeyProvider(path).load()); });
        if (loaded.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
            // Let the blocked open() return (it then reads an empty FIFO) so the test can end.
            const int writer = ::open(native.constData(), O_WRONLY | O_NONBLOCK);
            if (writer >= 0)
                ::close(writer);
            reader.join();
            QFAIL("loading a key file that is a FIFO blocked");
        }
        reader.join();
        const auto result = loaded.get();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::Validation);
        QVERIFY2(result.error().message().contains(QLatin1String("not a regular file")),
                 qPrintable(result.error().message()));
        QVERIFY(result.error().message().contains(path));
    }

    void symbolicLinkIsRefused()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("real.key"));
        writeFile(target, newKey().toBase64(), 0600);
        const QString path = dir.filePath(QStringLiteral("master.key"));
        QVERIFY(QFile::link(target, path));
        const auto loaded = KeyFileKeyProvider(path).load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::Validation);
        QVERIFY2(loaded.error().message().contains(QLatin1String("symbolic link")),
                 qPrintable(loaded.error().message()));
    }

    void directoryOthersCanWriteIsRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0770") << 0770;
        QTest::newRow("0757") << 0757;
        QTest::newRow("1777") << 01777;
    }
    void directoryOthersCanWriteIsRefused()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString keys = dir.filePath(QStringLiteral("keys"));
        QVERIFY(QDir().mkdir(keys));
        const QString path = keys + QStringLiteral("/master.key");
        const MasterKey key = newKey();
        writeFile(path, key.toBase64(), 0600);
        QCOMPARE(::chmod(QFile::encodeName(keys).constData(), mode_t(mode)), 0);

        KeyFileKeyProvider provider(path);
        const auto loaded = provider.load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::PermissionDenied);
        const QString message = loaded.error().message();
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("chmod go-w '%1'").arg(keys)),
                 qPrintable(message));
        // Nor is a key written there.
        QVERIFY(!KeyFileKeyProvider(keys + QStringLiteral("/other.key")).store(key).ok());
        QVERIFY(!provider.storeStaged(key).ok());
        QVERIFY(!QFile::exists(provider.stagedPath()));

        QCOMPARE(::chmod(QFile::encodeName(keys).constData(), 0700), 0);
        QVERIFY(provider.load().ok());
    }

    void directoryOfAnotherUserIsRefused()
    {
        if (::geteuid() != 0)
            QSKIP("changing a directory's owner needs root");
        QTemporaryDir dir;
        const QString keys = dir.filePath(QStringLiteral("keys"));
        QVERIFY(QDir().mkdir(keys));
        const QString path = keys + QStringLiteral("/master.key");
        writeFile(path, newKey().toBase64(), 0600);
        QCOMPARE(::chown(QFile::encodeName(keys).constData(), 65534, gid_t(-1)), 0);
        const auto loaded = KeyFileKeyProvider(path).load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::PermissionDenied);
        QVERIFY2(loaded.error().message().contains(QLatin1String("belongs to user id 65534")),
                 qPrintable(loaded.error().message()));
    }

    void stagedKeyIsWrittenBesideAndPromoted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("master.key"));
        KeyFileKeyProvider provider(path);
        const MasterKey current = newKey();
        QVERIFY(provider.store(current).ok());
        QCOMPARE(provider.stagedPath(), path + QStringLiteral(".next"));
        QCOMPARE(provider.loadStaged().error().code(), ErrorCode::NotFound);
        QVERIFY(provider.removeStaged().ok()); // nothing to remove is fine

        // A staged key left by an interrupted rotation is replaced, atomically and privately.
        const mode_t previous = ::umask(0);
        QVERIFY(provider.storeStaged(newKey()).ok());
        const MasterKey next = newKey();
        const auto staged = provider.storeStaged(next);
        ::umask(previous);
        QVERIFY2(staged.ok(), qPrintable(errorOf(staged)));
        QCOMPARE(modeOf(provider.stagedPath()), mode_t(0600));
        QVERIFY(*provider.loadStaged() == next);
        QVERIFY(*provider.load() == current); // the key itself is untouched until promoted

        const auto promoted = provider.promoteStaged(next);
        QVERIFY2(promoted.ok(), qPrintable(errorOf(promoted)));
        QVERIFY(*provider.load() == next);
        QCOMPARE(modeOf(path), mode_t(0600));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("master.key")});
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
        const auto first = MasterKey::obtain(provider, false, alone);
        QVERIFY(first.ok());
        QVERIFY(first->generated);
        const auto second = MasterKey::obtain(provider, true, alone);
        QVERIFY(second.ok());
        QVERIFY(!second->generated);
        QVERIFY(second->key == first->key);
    }
};

QTEST_GUILESS_MAIN(TestKeyFileKeyProvider)
#include "TestKeyFileKeyProvider.moc"
