#include "secrets/MasterKey.h"
#include "secrets/Vault.h"

#include <QSet>
#include <QtTest>

using gatehouse::ErrorCode;
using gatehouse::secrets::Binding;
using gatehouse::secrets::MasterKey;
using gatehouse::secrets::Vault;

Q_DECLARE_METATYPE(Binding)

namespace {
MasterKey newKey()
{
    auto key = MasterKey::generate();
    if (!key)
        qFatal("cannot generate a master key");
    return *key;
}

Vault newVault(const MasterKey &key)
{
    auto vault = Vault::create(key);
    if (!vault)
        qFatal("cannot create a vault");
    return *vault;
}

const Binding kBilling{QStringLiteral("credentials"), QStringLiteral("billing"),
                       QStringLiteral("secret"), QString()};

// The record's bytes after "v1.", for tampering.
QByteArray rawOf(const QString &record)
{
    return QByteArray::fromBase64(record.mid(3).toLatin1(),
                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString recordOf(const QByteArray &raw)
{
    return QStringLiteral("v1.") +
           QString::fromLatin1(
               raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

class TestVault : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::newRow("api key") << QByteArray("sk_live_4eC39HqLyjWDarjtT1zdp7dc");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe", 4);
        QTest::newRow("64 KiB") << QByteArray(64 * 1024, 'x');
    }
    void roundTrip()
    {
        QFETCH(QByteArray, plaintext);
        const Vault vault = newVault(newKey());
        const auto record = vault.encrypt(plaintext, kBilling);
        QVERIFY2(record.ok(), qPrintable(record.ok() ? QString() : record.error().message()));
        QVERIFY(record->startsWith(QLatin1String("v1.")));
        // Safe for a TEXT column: printable ASCII only.
        for (const QChar c : *record)
            QVERIFY(c.unicode() > 0x20 && c.unicode() < 0x7f);
        if (!plaintext.isEmpty())
            QVERIFY(!record->toLatin1().contains(plaintext.left(16).toBase64()));
        const auto decrypted = vault.decrypt(*record, kBilling);
        QVERIFY2(decrypted.ok(),
                 qPrintable(decrypted.ok() ? QString() : decrypted.error().message()));
        QCOMPARE(*decrypted, plaintext);
    }

    void openWithTheSameKeyDecryptsEarlierRecords()
    {
        const MasterKey key = newKey();
        const Vault first = newVault(key);
        const QString record = first.encrypt("secret", kBilling).value();
        const auto reopened = Vault::open(key, first.keyCheck());
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->keyId(), first.keyId());
        QCOMPARE(reopened->decrypt(record, kBilling).value(), QByteArray("secret"));
    }

    void noncesDiffer()
    {
        const Vault vault = newVault(newKey());
        QSet<QByteArray> nonces;
        QSet<QString> records;
        for (int i = 0; i < 50; ++i) {
            const QString record = vault.encrypt("same plaintext", kBilling).value();
            records.insert(record);
            nonces.insert(rawOf(record).mid(5, 12));
        }
        QCOMPARE(records.size(), 50);
        QCOMPARE(nonces.size(), 50);
    }

    void tampering_data()
    {
        QTest::addColumn<int>("offset"); // into the raw record; negative counts from the end
        QTest::addColumn<QString>("expected");
        QTest::newRow("version byte") << 0 << QStringLiteral("altered");
        QTest::newRow("key id") << 2 << QStringLiteral("another master key");
        QTest::newRow("nonce") << 5 << QStringLiteral("does not decrypt");
        QTest::newRow("ciphertext") << 17 << QStringLiteral("does not decrypt");
        QTest::newRow("tag") << -1 << QStringLiteral("does not decrypt");
        QTest::newRow("tag start") << -16 << QStringLiteral("does not decrypt");
    }
    void tampering()
    {
        QFETCH(int, offset);
        QFETCH(QString, expected);
        const Vault vault = newVault(newKey());
        const QString record = vault.encrypt("sk_live_secret", kBilling).value();
        QByteArray raw = rawOf(record);
        const qsizetype at = offset >= 0 ? offset : raw.size() + offset;
        raw[at] = char(raw.at(at) ^ 0x01);
        const auto result = vault.decrypt(recordOf(raw), kBilling);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message().contains(expected), qPrintable(result.error().message()));
        QVERIFY(result.error().message().contains(QLatin1String("credentials/billing/secret")));
    }

    void malformedRecords_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain secret")
            << QStringLiteral("sk_live_secret") << QStringLiteral("not an encrypted");
        QTest::newRow("newer version")
            << QStringLiteral("v2.AAAA") << QStringLiteral("upgrade Gatehouse");
        QTest::newRow("truncated") << QStringLiteral("v1.AQID") << QStringLiteral("damaged");
        QTest::newRow("not base64url") << QStringLiteral("v1.!!!!") << QStringLiteral("damaged");
    }
    void malformedRecords()
    {
        QFETCH(QString, record);
        QFETCH(QString, expected);
        const auto result = newVault(newKey()).decrypt(record, kBilling);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message().contains(expected), qPrintable(result.error().message()));
    }

    void recordMovedElsewhereFails_data()
    {
        QTest::addColumn<Binding>("elsewhere");
        QTest::newRow("other table")
            << Binding{QStringLiteral("oauth_clients"), QStringLiteral("billing"),
                       QStringLiteral("secret"), QString()};
        QTest::newRow("other row") << Binding{QStringLiteral("credentials"), QStringLiteral("crm"),
                                              QStringLiteral("secret"), QString()};
        QTest::newRow("other column")
            << Binding{QStringLiteral("credentials"), QStringLiteral("billing"),
                       QStringLiteral("refresh_token"), QString()};
        QTest::newRow("other owner")
            << Binding{QStringLiteral("credentials"), QStringLiteral("billing"),
                       QStringLiteral("secret"), QStringLiteral("mallory")};
        // Length prefixes: the same characters split differently are another binding.
        QTest::newRow("shifted boundary")
            << Binding{QStringLiteral("credentialsb"), QStringLiteral("illing"),
                       QStringLiteral("secret"), QString()};
    }
    void recordMovedElsewhereFails()
    {
        QFETCH(Binding, elsewhere);
        const Vault vault = newVault(newKey());
        const QString record = vault.encrypt("sk_live_secret", kBilling).value();
        const auto result = vault.decrypt(record, elsewhere);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::Validation);
        QVERIFY2(result.error().message().contains(QLatin1String("copied there from another row")),
                 qPrintable(result.error().message()));
        QVERIFY(result.error().message().contains(elsewhere.describe()));
        QVERIFY(!result.error().message().contains(QLatin1String("sk_live")));
    }

    void perUserRecordsStayWithTheirOwner()
    {
        const Vault vault = newVault(newKey());
        Binding alice = kBilling;
        alice.owner = QStringLiteral("alice");
        Binding bob = kBilling;
        bob.owner = QStringLiteral("bob");
        const QString aliceRecord = vault.encrypt("alice-token", alice).value();
        QCOMPARE(vault.decrypt(aliceRecord, alice).value(), QByteArray("alice-token"));
        QVERIFY(!vault.decrypt(aliceRecord, bob).ok());
        QVERIFY(!vault.decrypt(aliceRecord, kBilling).ok());
    }

    void wrongMasterKeyIsDetectedAtOpen()
    {
        const Vault original = newVault(newKey());
        const auto other = Vault::open(newKey(), original.keyCheck());
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code(), ErrorCode::PermissionDenied);
        const QString message = other.error().message();
        QVERIFY2(message.contains(QLatin1String("master key does not match the one the stored "
                                                "credentials were encrypted with")),
                 qPrintable(message));
        QVERIFY(message.contains(QLatin1String("recovery key")));
        QVERIFY(message.contains(QLatin1String("keychain entry")));
        QVERIFY(message.contains(original.keyId()));
    }

    void damagedKeyCheckIsRefused_data()
    {
        QTest::addColumn<QString>("keyCheck");
        QTest::newRow("empty") << QString();
        QTest::newRow("no prefix") << QStringLiteral("abcdef");
        QTest::newRow("short") << QStringLiteral("kcv1.AAAA");
    }
    void damagedKeyCheckIsRefused()
    {
        QFETCH(QString, keyCheck);
        const auto vault = Vault::open(newKey(), keyCheck);
        QVERIFY(!vault.ok());
        QCOMPARE(vault.error().code(), ErrorCode::Parse);
    }

    void keyCheckIsStableAndRevealsNoKey()
    {
        const MasterKey key = newKey();
        const Vault a = newVault(key);
        const Vault b = newVault(key);
        QCOMPARE(a.keyCheck(), b.keyCheck());
        QVERIFY(a.keyCheck().startsWith(QLatin1String("kcv1.")));
        QVERIFY(!a.keyCheck().toLatin1().contains(key.toBase64().left(8)));
        QCOMPARE(a.keyId().size(), 8);
    }

    void recordFromAnotherKeyIsNamedSo()
    {
        const Vault a = newVault(newKey());
        const Vault b = newVault(newKey());
        const auto result = b.decrypt(a.encrypt("x", kBilling).value(), kBilling);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message().contains(QLatin1String("another master key")),
                 qPrintable(result.error().message()));
        QVERIFY(result.error().message().contains(a.keyId()));
    }

    void rotationReencryptsEveryRecord()
    {
        const Vault current = newVault(newKey());
        QList<Vault::Field> fields;
        QList<QByteArray> secrets;
        for (int i = 0; i < 5; ++i) {
            const Binding binding{QStringLiteral("credentials"), QStringLiteral("api-%1").arg(i),
                                  QStringLiteral("secret"),
                                  i % 2 ? QStringLiteral("user%1").arg(i) : QString()};
            secrets.append(QByteArray("secret-") + QByteArray::number(i));
            fields.append({binding, current.encrypt(secrets.last(), binding).value()});
        }
        const MasterKey next = newKey();
        const auto rotation = current.rotate(next, fields);
        QVERIFY2(rotation.ok(), qPrintable(rotation.ok() ? QString() : rotation.error().message()));
        QCOMPARE(rotation->records.size(), fields.size());
        QVERIFY(rotation->keyCheck != current.keyCheck());

        const auto rotated = Vault::open(next, rotation->keyCheck);
        QVERIFY(rotated.ok());
        QVERIFY(!Vault::open(next, current.keyCheck()).ok());
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const QString &record = rotation->records.at(i);
            QVERIFY(record != fields.at(i).record);
            QCOMPARE(rotated->decrypt(record, fields.at(i).binding).value(), secrets.at(i));
            // The old key no longer opens the new records.
            QVERIFY(!current.decrypt(record, fields.at(i).binding).ok());
            // A record still under the old key is named as such by the new vault.
            const auto stale = rotated->decrypt(fields.at(i).record, fields.at(i).binding);
            QVERIFY(!stale.ok());
            QVERIFY(stale.error().message().contains(QLatin1String("another master key")));
        }
    }

    void rotationIsAllOrNothing()
    {
        const Vault current = newVault(newKey());
        QList<Vault::Field> fields;
        fields.append({kBilling, current.encrypt("good", kBilling).value()});
        Binding other = kBilling;
        other.row = QStringLiteral("crm");
        // A record copied from another row: rotation must stop, not skip it.
        fields.append({other, fields.first().record});
        const auto rotation = current.rotate(newKey(), fields);
        QVERIFY(!rotation.ok());
        QVERIFY2(rotation.error().message().contains(QLatin1String("nothing was changed")),
                 qPrintable(rotation.error().message()));
        QVERIFY(rotation.error().message().contains(other.describe()));
    }
};

QTEST_GUILESS_MAIN(TestVault)
#include "TestVault.moc"
