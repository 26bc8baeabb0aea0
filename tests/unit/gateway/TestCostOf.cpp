// What a call costs: a tool's fixed cost plus its cost argument times the factor, taken from the
// value the upstream will receive.
#include "gateway/CatalogProvider.h"
#include "openapi/Tool.h"

#include <QtTest>

using namespace gatehouse;
using nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

openapi::Tool invoiceTool()
{
    openapi::Tool tool;
    tool.name = u"create_invoice"_s;
    tool.cost = 0.5;
    tool.costArgument = u"amount"_s;
    tool.costFactor = 0.01;
    openapi::ToolArgument amount;
    amount.name = u"amount"_s;
    amount.property = u"amount"_s;
    amount.target = openapi::ArgumentTarget::BodyProperty;
    tool.arguments = {amount};
    return tool;
}

} // namespace

class TestCostOf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void costs_data()
    {
        QTest::addColumn<QByteArray>("arguments");
        QTest::addColumn<double>("expected"); // negative: refused
        QTest::newRow("number") << QByteArray(R"({"amount":100})") << 1.5;
        QTest::newRow("zero") << QByteArray(R"({"amount":0})") << 0.5;
        QTest::newRow("absent: fixed part only") << QByteArray("{}") << 0.5;
        QTest::newRow("null: fixed part only") << QByteArray(R"({"amount":null})") << 0.5;
        QTest::newRow("numeric string") << QByteArray(R"({"amount":" 200 "})") << 2.5;
        QTest::newRow("exponent string") << QByteArray(R"({"amount":"1e3"})") << 10.5;
        QTest::newRow("negative") << QByteArray(R"({"amount":-5})") << -1.0;
        QTest::newRow("negative string") << QByteArray(R"({"amount":"-5"})") << -1.0;
        QTest::newRow("word") << QByteArray(R"({"amount":"lots"})") << -1.0;
        QTest::newRow("array") << QByteArray(R"({"amount":[1]})") << -1.0;
        QTest::newRow("object") << QByteArray(R"({"amount":{"v":1}})") << -1.0;
        QTest::newRow("boolean") << QByteArray(R"({"amount":true})") << -1.0;
        QTest::newRow("large but finite") << QByteArray(R"({"amount":1e308})") << 1e306 + 0.5;
        QTest::newRow("too large") << QByteArray(R"({"amount":"1e400"})") << -1.0;
    }
    void costs()
    {
        QFETCH(QByteArray, arguments);
        QFETCH(double, expected);
        const auto cost =
            gateway::CatalogProvider::costOf(invoiceTool(), json::parse(arguments.toStdString()));
        if (expected < 0) {
            QVERIFY2(!cost.ok(), qPrintable(QString::number(cost.ok() ? *cost : 0)));
            QVERIFY(cost.error().message().contains(u"amount"_s));
        } else {
            QVERIFY2(cost.ok(), cost.ok() ? "" : qPrintable(cost.error().message()));
            QVERIFY2(qAbs(*cost - expected) <= 1e-9 * qMax(1.0, expected),
                     qPrintable(QString::number(*cost)));
        }
    }

    void renamedArgumentIsReadUnderItsListedName()
    {
        openapi::Tool tool = invoiceTool();
        tool.arguments[0].property = u"body_amount"_s; // renamed on a collision
        const auto cost = gateway::CatalogProvider::costOf(tool, json{{"body_amount", 100}});
        QVERIFY(cost.ok());
        QCOMPARE(*cost, 1.5);
    }

    void defaultAndFixedValuesAreWhatTheUpstreamGets()
    {
        openapi::Tool defaulted = invoiceTool();
        defaulted.defaults = {{openapi::ArgumentTarget::BodyProperty, u"amount"_s, -1, json(500)}};
        QCOMPARE(*gateway::CatalogProvider::costOf(defaulted, json::object()), 5.5);
        QCOMPARE(*gateway::CatalogProvider::costOf(defaulted, json{{"amount", 100}}), 1.5);

        openapi::Tool fixed = invoiceTool();
        fixed.arguments.clear(); // a fixed parameter is hidden from the client
        fixed.fixed = {{openapi::ArgumentTarget::BodyProperty, u"amount"_s, -1, json(300)}};
        QCOMPARE(*gateway::CatalogProvider::costOf(fixed, json{{"amount", 1}}), 3.5);
    }

    void costArgumentTheToolDoesNotHaveRefusesTheCall()
    {
        openapi::Tool tool = invoiceTool();
        tool.costArgument = u"amout"_s; // a typo in the config
        const auto cost = gateway::CatalogProvider::costOf(tool, json{{"amount", 100}});
        QVERIFY(!cost.ok());
        QVERIFY(cost.error().message().contains(u"cost_argument"_s));
    }

    void noCostArgumentIsTheFixedCost()
    {
        openapi::Tool tool;
        tool.cost = 2;
        QCOMPARE(*gateway::CatalogProvider::costOf(tool, json{{"amount", 100}}), 2.0);
        QCOMPARE(*gateway::CatalogProvider::costOf(openapi::Tool{}, json::object()), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestCostOf)
#include "TestCostOf.moc"
