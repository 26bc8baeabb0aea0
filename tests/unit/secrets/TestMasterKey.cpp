#include "secrets/MasterKey.h"
#include "secrets/MasterKeyProvider.h"

#include <QtTest>

#include <optional>

using gatehouse::Error;
using gatehouse::ErrorCode;
using gatehouse::Result;
using gatehouse::Status;
using gatehouse::secrets::MasterKey;
using gatehouse::secrets::MasterKeyProvider;

namespace {
// A provider whose contents and failures the test sets.
class FakeProvider : public MasterKeyProvider
{
public:
    std::optional<MasterKey> stored;
    std::optional<Error> loadError; // returned instead of NotFound when nothing is stored
    int storeCalls = 0;

    Result<MasterKey> load() override
    {
        if (stored)
            return *stored;
        if (loadError)
            return *loadError;
        return Error(ErrorCode::NotFound, QStringLiteral("empty"));
    }
    Status store(const MasterKey &key) override
    {
        ++storeCalls;
        stored = key;
        return {};
    }
    QString describe() const override { return QStringLiteral("the fake place"); }
    Status rotatable() const override { return {}; }
    Result<MasterKey> loadStaged() override
    {
        return Error(ErrorCode::NotFound, QStringLiteral("none staged"));
    }
    Status storeStaged(const MasterKey &) override { return {}; }
    Status promoteStaged(const MasterKey &key) override { return store(key); }
    Status removeStaged() override { return {}; }
};

// The claim of a process that is alone: always lands.
const MasterKey::Claim alone = [](const MasterKey &) { return Status(); };
} // namespace

class TestMasterKey : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void generatedKeysDiffer()
    {
        const auto a = MasterKey::generate();
        const auto b = MasterKey::generate();
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->bytes().size(), 32);
        QVERIFY(!(*a == *b));
    }

    void fromBytesNeeds32()
    {
        QVERIFY(MasterKey::fromBytes(QByteArray(32, 'k')).ok());
        QVERIFY(!MasterKey::fromBytes(QByteArray(31, 'k')).ok());
        QVERIFY(!MasterKey::fromBytes(QByteArray(33, 'k')).ok());
    }

    void fromEncoded_data()
    {
        QTest::addColumn<QByteArray>("text");
        const QByteArray raw =
            QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        QTest::newRow("raw") << raw;
        QTest::newRow("base64") << raw.toBase64();
        QTest::newRow("base64 with newline") << raw.toBase64() + "\n";
        QTest::newRow("base64url")
            << raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QTest::newRow("hex") << raw.toHex();
        QTest::newRow("HEX with spaces") << "  " + raw.toHex().toUpper() + "\r\n";
    }
    void fromEncoded()
    {
        QFETCH(QByteArray, text);
        const auto key = MasterKey::fromEncoded(text, QStringLiteral("the test"));
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().message()));
        QCOMPARE(key->bytes().toByteArray().toHex(),
                 QByteArray("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    }

    void fromEncodedRefusesOtherLengths_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("16 bytes base64") << QByteArray(16, 'k').toBase64();
        QTest::newRow("31 bytes hex") << QByteArray(31, 'k').toHex();
        QTest::newRow("password") << QByteArray("correct horse battery staple");
        // 32 characters of text are a passphrase, not 256 random bits.
        QTest::newRow("32-character passphrase") << QByteArray("correct horse battery staple!!!!");
        QTest::newRow("32 hex digits (16 bytes)") << QByteArray(16, '\x5a').toHex();
    }
    void fromEncodedRefusesOtherLengths()
    {
        QFETCH(QByteArray, text);
        const auto key = MasterKey::fromEncoded(text, QStringLiteral("the test file"));
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code(), ErrorCode::Parse);
        QVERIFY(key.error().message().startsWith(QLatin1String("the test file does not hold")));
        QVERIFY(key.error().message().contains(QLatin1String("base64")));
    }

    void toBase64RoundTrips()
    {
        const auto key = MasterKey::generate();
        const auto again = MasterKey::fromEncoded(key->toBase64(), QStringLiteral("x"));
        QVERIFY(again.ok());
        QVERIFY(*again == *key);
    }

    void obtainGeneratesWhenNothingExists()
    {
        FakeProvider provider;
        const auto obtained = MasterKey::obtain(provider, false, alone);
        QVERIFY2(obtained.ok(), qPrintable(obtained.ok() ? QString() : obtained.error().message()));
        QVERIFY(obtained->generated);
        QCOMPARE(provider.storeCalls, 1);
        QVERIFY(provider.stored && *provider.stored == obtained->key);

        // The next start finds it and generates nothing.
        const auto again = MasterKey::obtain(provider, true, alone);
        QVERIFY(again.ok());
        QVERIFY(!again->generated);
        QVERIFY(again->key == obtained->key);
        QCOMPARE(provider.storeCalls, 1);
    }

    void obtainNeverGeneratesWhileEncryptedRowsExist()
    {
        FakeProvider provider;
        const auto obtained = MasterKey::obtain(provider, true, alone,
                                                QStringLiteral("/home/ann/gatehouse-recovery.txt"));
        QVERIFY(!obtained.ok());
        QCOMPARE(provider.storeCalls, 0);
        QVERIFY(!provider.stored);
        const QString message = obtained.error().message();
        QVERIFY2(message.contains(QLatin1String("/home/ann/gatehouse-recovery.txt")),
                 qPrintable(message));
        QVERIFY(message.contains(QLatin1String("the fake place has no master key")));
        QVERIFY(message.contains(QLatin1String("recovery key")));
    }

    void obtainDoesNotGenerateWhenTheProviderFails()
    {
        // An unreachable keychain is not an empty one: generating a key here would replace the
        // real one the next time the keychain is back.
        FakeProvider provider;
        provider.loadError = Error(ErrorCode::Unavailable, QStringLiteral("no keychain"));
        const auto obtained = MasterKey::obtain(provider, false, alone);
        QVERIFY(!obtained.ok());
        QCOMPARE(obtained.error().code(), ErrorCode::Unavailable);
        QCOMPARE(provider.storeCalls, 0);
    }

    void obtainStoresNothingWhenTheClaimIsLost()
    {
        // Another process claimed the right to create the key first: this one's key is
        // discarded, and the other's is the one that ends up in the provider.
        FakeProvider provider;
        std::optional<MasterKey> offered;
        const auto obtained = MasterKey::obtain(provider, false, [&](const MasterKey &key) {
            offered = key;
            return Status(Error(ErrorCode::AlreadyExists, QStringLiteral("claimed by another")));
        });
        QVERIFY(!obtained.ok());
        QCOMPARE(obtained.error().code(), ErrorCode::AlreadyExists);
        QVERIFY(offered);
        QCOMPARE(provider.storeCalls, 0);

        // The claim comes before the store: a key that could not be claimed is never kept.
        bool storedBeforeClaim = false;
        const auto claimed = MasterKey::obtain(provider, false, [&](const MasterKey &) {
            storedBeforeClaim = provider.storeCalls > 0;
            return Status();
        });
        QVERIFY(claimed.ok());
        QVERIFY(!storedBeforeClaim);
        QCOMPARE(provider.storeCalls, 1);
    }
};

QTEST_GUILESS_MAIN(TestMasterKey)
#include "TestMasterKey.moc"
