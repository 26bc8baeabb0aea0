#include "oauth/PasswordHash.h"

#include <QtTest>

using gatehouse::oauth::PasswordHash;

class TestPasswordHash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hashThenVerify()
    {
        const auto hash = PasswordHash::hash(QStringLiteral("correct horse"));
        QVERIFY2(hash.ok(), qPrintable(hash.ok() ? QString() : hash.error().message()));
        QVERIFY(hash->startsWith(QLatin1String("scrypt$ln=15,r=8,p=1$")));
        QVERIFY(PasswordHash::looksLikeHash(*hash));
        QCOMPARE(PasswordHash::verify(QStringLiteral("correct horse"), *hash).value(), true);
        QCOMPARE(PasswordHash::verify(QStringLiteral("correct horsE"), *hash).value(), false);
        QCOMPARE(PasswordHash::verify(QString(), *hash).value(), false);
    }

    void saltsDiffer()
    {
        const PasswordHash::Parameters fast{10, 8, 1};
        const auto a = PasswordHash::hash(QStringLiteral("pw"), fast);
        const auto b = PasswordHash::hash(QStringLiteral("pw"), fast);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(*a != *b);
        QCOMPARE(PasswordHash::verify(QStringLiteral("pw"), *b).value(), true);
    }

    void emptyPasswordIsRefused()
    {
        const auto hash = PasswordHash::hash(QString());
        QVERIFY(!hash.ok());
        QCOMPARE(hash.error().code(), gatehouse::ErrorCode::InvalidArgument);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::newRow("plain password") << QStringLiteral("hunter2");
        QTest::newRow("placeholder") << QStringLiteral("scrypt$...");
        QTest::newRow("other scheme") << QStringLiteral("bcrypt$ln=15$abc$def");
        QTest::newRow("huge N") << QStringLiteral("scrypt$ln=40,r=8,p=1$c2FsdA$a2V5");
        QTest::newRow("zero r") << QStringLiteral("scrypt$ln=15,r=0,p=1$c2FsdA$a2V5");
        QTest::newRow("short key") << QStringLiteral("scrypt$ln=15,r=8,p=1$c2FsdA$a2V5");
    }
    void malformed()
    {
        QFETCH(QString, encoded);
        const auto result = PasswordHash::verify(QStringLiteral("pw"), encoded);
        QVERIFY(!result.ok());
        QVERIFY(!result.error().message().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "TestPasswordHash.moc"
