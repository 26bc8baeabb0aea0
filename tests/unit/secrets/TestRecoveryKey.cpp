#include "secrets/MasterKey.h"
#include "secrets/RecoveryKey.h"

#include <QRegularExpression>
#include <QtTest>

using gatehouse::ErrorCode;
using gatehouse::secrets::MasterKey;
using gatehouse::secrets::RecoveryKey;

namespace {
MasterKey newKey()
{
    auto key = MasterKey::generate();
    if (!key)
        qFatal("cannot generate a master key");
    return *key;
}

// Replaces the character at `index` (counting letters and digits only) with another valid one.
QString withTypo(const QString &text, int index)
{
    QString out = text;
    int seen = -1;
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (out.at(i) == QLatin1Char('-'))
            continue;
        if (++seen == index) {
            out[i] = out.at(i) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
            break;
        }
    }
    return out;
}
} // namespace

class TestRecoveryKey : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        for (int i = 0; i < 20; ++i) {
            const MasterKey key = newKey();
            const QString text = RecoveryKey::format(key);
            QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z2-7]{4}(-[A-Z2-7]{4}){13}$"))
                         .match(text)
                         .hasMatch(),
                     qPrintable(text));
            const auto parsed = RecoveryKey::parse(text);
            QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
            QVERIFY(*parsed == key);
        }
    }

    void lenientAboutCaseSeparatorsAndLookalikes()
    {
        const MasterKey key = newKey();
        const QString text = RecoveryKey::format(key);
        QString sloppy = text.toLower();
        sloppy.replace(QLatin1Char('-'), QLatin1Char(' '));
        sloppy.insert(28, QLatin1Char('\n'));
        sloppy.replace(QLatin1Char('o'), QLatin1Char('0'));
        sloppy.replace(QLatin1Char('i'), QLatin1Char('1'));
        sloppy.replace(QLatin1Char('b'), QLatin1Char('8'));
        const auto parsed = RecoveryKey::parse(sloppy);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
        QVERIFY(*parsed == key);
    }

    void everySingleTypoIsDetected()
    {
        const MasterKey key = newKey();
        const QString text = RecoveryKey::format(key);
        for (int i = 0; i < 56; ++i) {
            const auto parsed = RecoveryKey::parse(withTypo(text, i));
            QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("typo at %1 not detected").arg(i)));
            QCOMPARE(parsed.error().code(), ErrorCode::Validation);
            QVERIFY(parsed.error().message().contains(QLatin1String("typo")));
        }
    }

    void swappedGroupsAreDetected()
    {
        const QString text = RecoveryKey::format(newKey());
        QStringList groups = text.split(QLatin1Char('-'));
        if (groups.at(0) == groups.at(1))
            QSKIP("the two groups happen to be equal");
        groups.swapItemsAt(0, 1);
        QVERIFY(!RecoveryKey::parse(groups.join(QLatin1Char('-'))).ok());
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const QString valid = RecoveryKey::format(newKey());
        QTest::newRow("empty") << QString() << QStringLiteral("has 0 letters");
        QTest::newRow("missing group")
            << valid.left(valid.size() - 5) << QStringLiteral("has 52 letters");
        QTest::newRow("extra group")
            << valid + QStringLiteral("-ABCD") << QStringLiteral("has 60 letters");
        QTest::newRow("invalid character") << QString(valid).replace(3, 1, QLatin1Char('9'))
                                           << QStringLiteral("\"9\" (character 4)");
    }
    void malformed()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto parsed = RecoveryKey::parse(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::Parse);
        QVERIFY2(parsed.error().message().contains(expected), qPrintable(parsed.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestRecoveryKey)
#include "TestRecoveryKey.moc"
