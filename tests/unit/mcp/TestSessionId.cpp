#include "mcp/InMemorySessionRegistry.h"
#include "mcp/SessionId.h"

#include <QtTest>

using gatehouse::ErrorCode;
using gatehouse::mcp::InMemorySessionRegistry;
using gatehouse::mcp::SessionId;

namespace {
const QByteArray kKeyA(32, 'A');
const QByteArray kKeyB(32, 'B');
const QString kAlice = QStringLiteral("alice@example.org");
const QString kVersion = QStringLiteral("2025-11-25");
constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

class TestSessionId : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        InMemorySessionRegistry registry;
        const SessionId ids({kKeyA, {}}, &registry);
        const auto id = ids.issue(kAlice, kVersion);
        QVERIFY(id.ok());
        const auto info = ids.verify(*id, kAlice);
        QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().message()));
        QCOMPARE(info->protocolVersion, kVersion);
        QCOMPARE(info->nonce.size(), 16);
        QVERIFY(qAbs(info->issuedAt.secsTo(QDateTime::currentDateTimeUtc())) < 5);
        // A second id for the same caller is a different session.
        const auto other = ids.issue(kAlice, kVersion);
        QVERIFY(*other != *id);
        QVERIFY(ids.verify(*other, kAlice)->nonce != info->nonce);
    }

    void charset()
    {
        const SessionId ids({kKeyA, {}}, nullptr);
        for (int i = 0; i < 50; ++i) {
            const QString id =
                *ids.issue(kAlice + QString::number(i), QStringLiteral("2025-03-26"));
            QVERIFY(SessionId::isWellFormed(id));
            for (const QChar c : id)
                QVERIFY2(c.unicode() >= 0x21 && c.unicode() <= 0x7E, qPrintable(id));
            // It does not reveal whose it is.
            QVERIFY(!QByteArray::fromBase64(id.toLatin1(), kBase64).contains("alice"));
        }
    }

    void tamperEveryCharacter()
    {
        const SessionId ids({kKeyA, {}}, nullptr);
        const QString id = *ids.issue(kAlice, kVersion);
        for (int i = 0; i < id.size(); ++i) {
            QString tampered = id;
            tampered[i] = id.at(i) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
            const auto verified = ids.verify(tampered, kAlice);
            QVERIFY2(!verified.ok(), qPrintable(QStringLiteral("character %1").arg(i)));
            QCOMPARE(verified.error().code(), ErrorCode::NotFound);
        }
    }

    void tamperEveryByte()
    {
        const SessionId ids({kKeyA, {}}, nullptr);
        const QByteArray raw =
            QByteArray::fromBase64(ids.issue(kAlice, kVersion)->toLatin1(), kBase64);
        for (int i = 0; i < raw.size(); ++i) {
            for (const char flip : {char(0x01), char(0x80)}) {
                QByteArray tampered = raw;
                tampered[i] = char(tampered[i] ^ flip);
                const auto verified =
                    ids.verify(QString::fromLatin1(tampered.toBase64(kBase64)), kAlice);
                QVERIFY2(!verified.ok(), qPrintable(QStringLiteral("byte %1").arg(i)));
                QCOMPARE(verified.error().code(), ErrorCode::NotFound);
            }
        }
        // Truncated or extended.
        QVERIFY(!ids.verify(QString::fromLatin1(raw.chopped(1).toBase64(kBase64)), kAlice).ok());
        QVERIFY(
            !ids.verify(QString::fromLatin1(QByteArray(raw + 'x').toBase64(kBase64)), kAlice).ok());
    }

    void otherCallerIsForbidden()
    {
        const SessionId ids({kKeyA, {}}, nullptr);
        const QString id = *ids.issue(kAlice, kVersion);
        const auto verified = ids.verify(id, QStringLiteral("mallory@example.org"));
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code(), ErrorCode::PermissionDenied);
    }

    void endedIsNotFound()
    {
        InMemorySessionRegistry registry;
        SessionId ids({kKeyA, {}}, &registry);
        const QString id = *ids.issue(kAlice, kVersion);
        const QString other = *ids.issue(kAlice, kVersion);
        QVERIFY(ids.end(id, kAlice).ok());
        const auto verified = ids.verify(id, kAlice);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code(), ErrorCode::NotFound);
        QVERIFY(ids.verify(other, kAlice).ok());
        // Someone else cannot end it.
        QCOMPARE(ids.end(other, QStringLiteral("mallory")).error().code(),
                 ErrorCode::PermissionDenied);
        QVERIFY(ids.verify(other, kAlice).ok());
    }

    void keyRotation()
    {
        const SessionId before({kKeyA, {}}, nullptr);
        const QString id = *before.issue(kAlice, kVersion);
        const SessionId during({kKeyB, kKeyA}, nullptr);
        QVERIFY(during.verify(id, kAlice).ok());
        QCOMPARE(during.verify(id, QStringLiteral("bob")).error().code(),
                 ErrorCode::PermissionDenied);
        QVERIFY(during.verify(*during.issue(kAlice, kVersion), kAlice).ok());
        const SessionId after({kKeyB, {}}, nullptr);
        QCOMPARE(after.verify(id, kAlice).error().code(), ErrorCode::NotFound);
    }

    void expiry()
    {
        QDateTime now = QDateTime::fromSecsSinceEpoch(1'760'000'000, Qt::UTC);
        InMemorySessionRegistry registry([&] { return now; });
        SessionId::Options options;
        options.maxAge = std::chrono::hours(1);
        options.clock = [&] { return now; };
        SessionId ids({kKeyA, {}}, &registry, options);
        const QString id = *ids.issue(kAlice, kVersion);
        now = now.addSecs(3599);
        QVERIFY(ids.verify(id, kAlice).ok());
        QVERIFY(ids.end(id, kAlice).ok());
        now = now.addSecs(1);
        QCOMPARE(ids.verify(id, kAlice).error().code(), ErrorCode::NotFound);
        // Past the id's own expiry the registry may forget it.
        registry.purge();
        QCOMPARE(registry.size(), 0);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("empty") << QString();
        QTest::newRow("short") << QStringLiteral("abc");
        QTest::newRow("space") << QStringLiteral("abc def");
        QTest::newRow("non-ASCII") << QStringLiteral("abc\u00e9");
        QTest::newRow("padding") << QStringLiteral("AAAA==");
        QTest::newRow("huge") << QString(4096, QLatin1Char('A'));
        QTest::newRow("uuid") << QStringLiteral("1868a90c-6a2f-4a3b-9d8e-2f1b3c4d5e6f");
    }
    void malformed()
    {
        QFETCH(QString, id);
        const SessionId ids({kKeyA, {}}, nullptr);
        const auto verified = ids.verify(id, kAlice);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code(), ErrorCode::NotFound);
    }

    void shortKeyRefused()
    {
        const SessionId ids({QByteArray(16, 'k'), {}}, nullptr);
        const auto id = ids.issue(kAlice, kVersion);
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code(), ErrorCode::Internal);
    }
};

QTEST_GUILESS_MAIN(TestSessionId)
#include "TestSessionId.moc"
