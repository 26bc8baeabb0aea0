#include "TestSupport.h"
#include "openapi/OperationIndex.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::openapi;
using namespace Qt::StringLiterals;

class TestOperationIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultToolName_data()
    {
        QTest::addColumn<QString>("operationId");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const char *id, const char *method, const char *path,
                      const char *expected) {
            QTest::newRow(name) << QString::fromUtf8(id) << QString::fromUtf8(method)
                                << QString::fromUtf8(path) << QString::fromUtf8(expected);
        };
        row("camel", "createInvoice", "POST", "/invoices", "create_invoice");
        row("slash", "repos/get", "GET", "/repos", "repos_get");
        row("acronym", "listHTTPThings", "GET", "/things", "list_http_things");
        row("acronym at end", "getURL", "GET", "/u", "get_url");
        row("digits", "getV2Users", "GET", "/u", "get_v2_users");
        row("already snake", "void_invoice", "DELETE", "/i", "void_invoice");
        row("pascal", "GetCustomer", "GET", "/c", "get_customer");
        row("dots and dashes", "billing.invoices-list", "GET", "/i", "billing_invoices_list");
        row("non-ascii", "créerFacture", "POST", "/f", "cr_er_facture");
        row("no operationId", "", "GET", "/invoices/{invoice_id}", "get_invoices_invoice_id");
        row("no operationId, root", "", "POST", "/", "post");
        row("only symbols", "$$$", "GET", "/", "operation");
        row("truncated to 64",
            "aVeryLongOperationIdThatKeepsGoingAndGoingWellBeyondTheLimitOfTools", "GET", "/",
            "a_very_long_operation_id_that_keeps_going_and_going_well_beyond");
    }
    void defaultToolName()
    {
        QFETCH(QString, operationId);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const QString name = OperationIndex::defaultToolName(operationId, method, path);
        QCOMPARE(name, expected);
        QVERIFY(OperationIndex::isValidToolName(name));
    }

    void billingOperations()
    {
        const auto index = OperationIndex::fromFile(test::designDir() + u"/specs/billing.yaml"_s,
                                                    u"specs/billing.yaml"_s);
        QVERIFY2(index.ok(), qPrintable(index.ok() ? QString() : index.error().message()));
        QStringList keys;
        QStringList tools;
        for (const Operation &op : index->operations()) {
            keys << op.key();
            tools << op.toolName;
        }
        QCOMPARE(keys, (QStringList{
                           u"GET /invoices"_s, u"POST /invoices"_s, u"GET /invoices/{invoice_id}"_s,
                           u"DELETE /invoices/{invoice_id}"_s, u"GET /customers/{customer_id}"_s}));
        QCOMPARE(tools, (QStringList{u"list_invoices"_s, u"create_invoice"_s, u"get_invoice"_s,
                                     u"void_invoice"_s, u"get_customer"_s}));
        QCOMPARE(index->operations().at(4).tags, QStringList{u"customers"_s});
        QVERIFY(index->find(u"voidInvoice"));
        QCOMPARE(index->find(u"voidInvoice")->method, u"DELETE"_s);
        QVERIFY(index->find(u"post /invoices"));
        QCOMPARE(index->find(u"POST /invoices")->operationId, u"createInvoice"_s);
        QVERIFY(!index->find(u"PUT /invoices"));
        QVERIFY(!index->find(u"createinvoice"));
    }

    void jsonSpec()
    {
        const QByteArray json = R"({"swagger": "2.0", "paths": {"/a": {"get": {"tags": ["t"]},
            "parameters": [], "x-extra": {}}, "x-ext": 1}})";
        const auto index = OperationIndex::fromData(json, u"a.json"_s);
        QVERIFY(index.ok());
        QCOMPARE(index->operations().size(), 1);
        QCOMPARE(index->operations().at(0).toolName, u"get_a"_s);
        QCOMPARE(index->find(u"GET /a")->tags, QStringList{u"t"_s});
    }

    void brokenSpecs_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax") << QByteArray("openapi: 3.0.0\npaths: {/a: [}\n")
                                << u"spec.yaml:2: cannot parse the spec: "_s;
        QTest::newRow("not openapi")
            << QByteArray("title: x\n")
            << u"spec.yaml is not an OpenAPI document: it has no \"openapi\" or \"swagger\" "
               "version key at the top level"_s;
        QTest::newRow("paths a list") << QByteArray("openapi: 3.0.0\npaths: [a]\n")
                                      << u"spec.yaml:2: /paths: expected a mapping, got a list"_s;
        QTest::newRow("operationId a list")
            << QByteArray("openapi: 3.0.0\npaths:\n  /a/{b}:\n    get:\n      operationId: [x]\n")
            << u"spec.yaml:5: /paths/~1a~1{b}/get/operationId: expected a string, got a list"_s;
        QTest::newRow("operation a string")
            << QByteArray("openapi: 3.0.0\npaths:\n  /a:\n    get: nope\n")
            << u"spec.yaml:4: /paths/~1a/get: expected an operation mapping, got \"nope\""_s;
        QTest::newRow("duplicate operationId")
            << QByteArray("openapi: 3.0.0\npaths:\n  /a:\n    get: {operationId: x}\n"
                          "  /b:\n    get: {operationId: x}\n")
            << u"spec.yaml:6: /paths/~1b/get/operationId: operationId \"x\" is already used at "
               "/paths/~1a/get/operationId"_s;
    }
    void brokenSpecs()
    {
        QFETCH(QByteArray, spec);
        QFETCH(QString, message);
        const auto index = OperationIndex::fromData(spec, u"spec.yaml"_s);
        QVERIFY(!index.ok());
        QVERIFY2(index.error().message().startsWith(message), qPrintable(index.error().message()));
    }

    void missingFile()
    {
        const auto index = OperationIndex::fromFile(u"/nonexistent/spec.yaml"_s, u"spec.yaml"_s);
        QVERIFY(!index.ok());
        QCOMPARE(index.error().code(), ErrorCode::Io);
        QCOMPARE(index.error().message(), u"cannot read spec.yaml: No such file or directory"_s);
    }

    void matches_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("expected");
        // the operation: GET /internal/stats/daily, operationId getDailyStats, tags [internal]
        QTest::newRow("method and path glob") << u"GET /internal/*"_s << true;
        QTest::newRow("glob crosses slashes") << u"GET /internal*"_s << true;
        QTest::newRow("method case") << u"get /internal/*"_s << true;
        QTest::newRow("other method") << u"POST /internal/*"_s << false;
        QTest::newRow("any method") << u"* /internal/stats/daily"_s << true;
        QTest::newRow("exact path only") << u"GET /internal"_s << false;
        QTest::newRow("question mark") << u"GET /internal/stats/dail?"_s << true;
        QTest::newRow("tag") << u"internal"_s << true;
        QTest::newRow("operationId") << u"getDailyStats"_s << true;
        QTest::newRow("operationId glob") << u"get*Stats"_s << true;
        QTest::newRow("operationId case") << u"getdailystats"_s << false;
        QTest::newRow("regex chars are literal") << u"GET /internal/stats/(daily)"_s << false;
        QTest::newRow("unrelated") << u"billing"_s << false;
    }
    void matches()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, expected);
        const Operation op{u"GET"_s,
                           u"/internal/stats/daily"_s,
                           u"getDailyStats"_s,
                           {u"internal"_s},
                           u"get_daily_stats"_s};
        QCOMPARE(OperationIndex::matches(op, pattern), expected);
        QCOMPARE(OperationIndex::excludedBy(op, {u"nothing"_s, pattern}),
                 expected ? pattern : QString());
    }
};

QTEST_GUILESS_MAIN(TestOperationIndex)
#include "TestOperationIndex.moc"
