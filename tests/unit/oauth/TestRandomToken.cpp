#include "oauth/RandomToken.h"

#include <QCryptographicHash>
#include <QtTest>

using namespace gatehouse::oauth;
using namespace Qt::StringLiterals;

// What the store keeps of a token is its SHA-256 in lower-case hex: rows written by earlier
// versions (QCryptographicHash) must still be found, so the hash is checked against known vectors
// and against Qt's.
class TestRandomToken : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hashIsSha256Hex_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("expected");
        // FIPS 180-2 appendix B.1 and the empty message.
        QTest::newRow("abc")
            << u"abc"_s << u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
        QTest::newRow("empty")
            << QString() << u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
    }
    void hashIsSha256Hex()
    {
        QFETCH(QString, secret);
        QFETCH(QString, expected);
        QCOMPARE(RandomToken::hash(secret), expected);
    }

    void hashMatchesQtForTokensAndOtherText()
    {
        const QStringList secrets = {RandomToken::generate(u"gh_at_"), RandomToken::generate(u""),
                                     u"München – ünïcödé"_s, QString(300, u'x')};
        for (const QString &secret : secrets) {
            const QString qt = QString::fromLatin1(
                QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
            QCOMPARE(RandomToken::hash(secret), qt);
        }
    }

    void generatedTokensDifferAndCarryThePrefix()
    {
        const QString a = RandomToken::generate(u"gh_at_");
        const QString b = RandomToken::generate(u"gh_at_");
        QVERIFY(a.startsWith(u"gh_at_"_s));
        QVERIFY(a != b);
        QCOMPARE(a.size(), 6 + 43); // 32 random bytes, base64url without padding
    }

    void equalComparesWholeStrings()
    {
        const QString h = RandomToken::hash(u"secret"_s);
        QVERIFY(RandomToken::equal(h, RandomToken::hash(u"secret"_s)));
        QVERIFY(!RandomToken::equal(h, RandomToken::hash(u"secret2"_s)));
        QVERIFY(!RandomToken::equal(h, h.left(63)));                 // a prefix is not equal
        QVERIFY(!RandomToken::equal(QString(h.left(63) + u'X'), h)); // the last character counts
        QVERIFY(!RandomToken::equal(u"ä"_s, u"a"_s));
        QVERIFY(RandomToken::equal(u"ä"_s, u"ä"_s));
        QVERIFY(RandomToken::equal(QString(), u""_s));
    }
};

QTEST_APPLESS_MAIN(TestRandomToken)
#include "TestRandomToken.moc"
