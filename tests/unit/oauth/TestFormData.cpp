#include "oauth/FormData.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::oauth;
using namespace Qt::StringLiterals;

namespace {

// The parsed parameters as "name=value" lines, sorted: comparable and printable.
QString dump(const FormData &form)
{
    QStringList lines;
    for (auto it = form.values().cbegin(); it != form.values().cend(); ++it)
        lines << it.key() + u'=' + it.value();
    lines.sort();
    return lines.join(u'\n');
}

} // namespace

// application/x-www-form-urlencoded as the OAuth endpoints read it (RFC 6749 section 3.1:
// parameters must not be repeated; empty values count as absent).
class TestFormData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("parsed"); // sorted name=value lines when ok

        QTest::newRow("empty") << QByteArray() << true << QString();
        QTest::newRow("one") << QByteArray("a=1") << true << u"a=1"_s;
        QTest::newRow("two") << QByteArray("b=2&a=1") << true << u"a=1\nb=2"_s;
        QTest::newRow("plus is space") << QByteArray("a=x+y") << true << u"a=x y"_s;
        QTest::newRow("percent escapes")
            << QByteArray("a=%2Fcb%3Fx%3D1%26y") << true << u"a=/cb?x=1&y"_s;
        QTest::newRow("encoded plus") << QByteArray("a=x%2By") << true << u"a=x+y"_s;
        QTest::newRow("utf-8") << QByteArray("a=%C3%A9") << true << u"a=\u00e9"_s;
        QTest::newRow("encoded name") << QByteArray("client%5Fid=x") << true << u"client_id=x"_s;
        QTest::newRow("empty value is absent") << QByteArray("a=&b=1") << true << u"b=1"_s;
        QTest::newRow("name only is absent") << QByteArray("flag&b=1") << true << u"b=1"_s;
        QTest::newRow("stray ampersands") << QByteArray("&&a=1&") << true << u"a=1"_s;
        QTest::newRow("equals in value") << QByteArray("a=b=c") << true << u"a=b=c"_s;
        QTest::newRow("double-encoded stays encoded")
            << QByteArray("a=%252E%252E") << true << u"a=%2E%2E"_s;

        QTest::newRow("duplicate") << QByteArray("client_id=a&client_id=b") << false << QString();
        QTest::newRow("duplicate same value") << QByteArray("a=1&a=1") << false << QString();
        QTest::newRow("duplicate empty") << QByteArray("a=&a=") << false << QString();
        QTest::newRow("duplicate, one empty") << QByteArray("a=&a=1") << false << QString();
        QTest::newRow("duplicate after decoding")
            << QByteArray("client_id=a&client%5Fid=b") << false << QString();
        QTest::newRow("duplicate after plus decoding")
            << QByteArray("a+b=1&a%20b=2") << false << QString();
        QTest::newRow("lone percent") << QByteArray("a=%") << false << QString();
        QTest::newRow("short escape") << QByteArray("a=%2") << false << QString();
        QTest::newRow("non-hex escape") << QByteArray("a=%zz") << false << QString();
        QTest::newRow("bad escape in name") << QByteArray("%g1=x") << false << QString();
        QTest::newRow("invalid utf-8") << QByteArray("a=%FF") << false << QString();
        QTest::newRow("truncated utf-8") << QByteArray("a=%C3") << false << QString();
        QTest::newRow("overlong utf-8") << QByteArray("a=%C0%AF") << false << QString();
        QTest::newRow("utf-16 surrogate") << QByteArray("a=%ED%A0%80") << false << QString();

        QByteArray many;
        for (int i = 0; i < FormData::maxParameters; ++i)
            many += "p" + QByteArray::number(i) + "=1&";
        QTest::newRow("at the parameter limit") << many << true << QString();
        QTest::newRow("over the parameter limit") << QByteArray(many + "x=1") << false << QString();
    }
    void parse()
    {
        QFETCH(QByteArray, encoded);
        QFETCH(bool, ok);
        QFETCH(QString, parsed);
        const auto form = FormData::parse(encoded);
        QVERIFY2(form.ok() == ok, qPrintable(form.ok() ? dump(*form) : form.error().message()));
        if (!ok) {
            QVERIFY(!form.error().message().isEmpty());
            return;
        }
        if (QByteArrayView(QTest::currentDataTag()) == "at the parameter limit")
            QCOMPARE(form->values().size(), FormData::maxParameters);
        else
            QCOMPARE(dump(*form), parsed);
    }

    void duplicateNamesTheParameter()
    {
        const auto form = FormData::parse("grant_type=a&code=1&code=2");
        QVERIFY(!form.ok());
        QVERIFY2(form.error().message().contains(u"code"_s), qPrintable(form.error().message()));
    }

    void hasAndValue()
    {
        const auto form = FormData::parse("a=1&b=");
        QVERIFY(form.ok());
        QVERIFY(form->has(u"a"_s));
        QVERIFY(!form->has(u"b"_s));
        QVERIFY(!form->has(u"c"_s));
        QCOMPARE(form->value(u"a"_s), u"1"_s);
        QVERIFY(form->value(u"c"_s).isEmpty());
    }

    void encode_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("unreserved kept") << u"AZaz09-._~"_s << QByteArray("AZaz09-._~");
        QTest::newRow("reserved escaped")
            << u"a b&c=d/e?f#g+h%"_s << QByteArray("a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh%25");
        QTest::newRow("utf-8") << u"\u00e9"_s << QByteArray("%C3%A9");
        QTest::newRow("url") << u"https://app.example/cb?x=1"_s
                             << QByteArray("https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1");
    }
    void encode()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, encoded);
        QCOMPARE(FormData::encode(value), encoded);
        // What encode() writes, parse() reads back.
        const auto form = FormData::parse(QByteArray("v=" + encoded));
        QVERIFY(form.ok());
        QCOMPARE(form->value(u"v"_s), value);
    }
};

QTEST_APPLESS_MAIN(TestFormData)
#include "TestFormData.moc"
