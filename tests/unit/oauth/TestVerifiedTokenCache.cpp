#include "oauth/VerifiedTokenCache.h"

#include <QCryptographicHash>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::oauth;
using namespace std::chrono_literals;

namespace {

QString hashOf(int i)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256).toHex());
}

store::TokenAccess accessFor(const QString &user)
{
    store::TokenAccess a;
    a.token.user = user;
    a.token.clientId = QStringLiteral("cli");
    a.userExists = true;
    return a;
}

} // namespace

class TestVerifiedTokenCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsWhatTheStoreSaidUnderTheSameGeneration()
    {
        VerifiedTokenCache cache;
        QVERIFY(!cache.find(hashOf(1), 0));
        cache.insert(hashOf(1), accessFor(QStringLiteral("bob")), 7);
        const auto found = cache.find(hashOf(1), 7);
        QVERIFY(found);
        QCOMPARE(found->token.user.value_or(QString()), QStringLiteral("bob"));
        QVERIFY(!cache.find(hashOf(2), 7));
    }

    void aChangeInTheStoreHidesEverything()
    {
        VerifiedTokenCache cache;
        cache.insert(hashOf(1), accessFor(QStringLiteral("bob")), 7);
        QVERIFY(!cache.find(hashOf(1), 8));
        // Read again under the new generation, it is found under that one only.
        cache.insert(hashOf(1), accessFor(QStringLiteral("bob")), 8);
        QVERIFY(cache.find(hashOf(1), 8));
        QVERIFY(!cache.find(hashOf(1), 7));
    }

    void entriesExpire()
    {
        VerifiedTokenCache cache(40ms);
        cache.insert(hashOf(1), accessFor(QStringLiteral("bob")), 1);
        QVERIFY(cache.find(hashOf(1), 1));
        QTest::qWait(60);
        QVERIFY(!cache.find(hashOf(1), 1));
    }

    void sizeIsBounded()
    {
        VerifiedTokenCache cache(1h);
        const int many = VerifiedTokenCache::shardCount * VerifiedTokenCache::shardCapacity * 2;
        for (int i = 0; i < many; ++i)
            cache.insert(hashOf(i), accessFor(QStringLiteral("u")), 1);
        QVERIFY(cache.size() <= VerifiedTokenCache::shardCount * VerifiedTokenCache::shardCapacity);
        QVERIFY(cache.size() > 0);
        // The newest is always there.
        QVERIFY(cache.find(hashOf(many - 1), 1));
    }
};

QTEST_GUILESS_MAIN(TestVerifiedTokenCache)
#include "TestVerifiedTokenCache.moc"
