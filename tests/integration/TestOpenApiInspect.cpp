// `gatehouse openapi inspect`, run as the built binary.
#include "TestSupport.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"

#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace gatehouse;
using test::runGatehouse;
using json = nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSpec = R"(openapi: 3.0.3
info: {title: Billing, version: '2'}
servers: [{url: 'https://billing.example.com'}]
paths:
  /invoices:
    get:
      operationId: listInvoices
      tags: [invoices]
      parameters:
        - {name: per_page, in: query, schema: {type: integer}}
        - {name: status, in: query, schema: {type: string}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: array}}}}}
    post:
      operationId: createInvoice
      tags: [invoices]
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {customer: {type: string}}}
      responses: {'201': {description: created}}
  /internal/stats:
    get: {operationId: stats, responses: {'200': {description: ok}}}
  /old:
    get: {operationId: oldThing, deprecated: true, responses: {'200': {description: ok}}}
)";

// Not a raw string: moc reads the "/*" of the glob as a comment there.
const QByteArray kConfig = "servers:\n"
                           "  - name: billing\n"
                           "    openapi: spec.yaml\n"
                           "    base_url: http://127.0.0.1:9000\n"
                           "    discovery: hierarchical\n"
                           "    tools:\n"
                           "      exclude: [\"GET /internal/*\"]\n"
                           "      heuristics: {drop_deprecated: false}\n"
                           "      overrides:\n"
                           "        createInvoice:\n"
                           "          name: new_invoice\n"
                           "        listInvoices:\n"
                           "          hide_params: [colour]\n"
                           "  - name: other\n"
                           "    openapi: spec.yaml\n";

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

json parse(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return json::parse(utf8.constData(), utf8.constData() + utf8.size(), nullptr, false);
}

QStringList toolNames(const json &report)
{
    QStringList out;
    for (const json &tool : report["tools"])
        out.append(QString::fromStdString(tool["name"].get<std::string>()));
    return out;
}

} // namespace

class TestOpenApiInspect : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_spec;
    QString m_config;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_spec = m_dir.filePath(QStringLiteral("spec.yaml"));
        m_config = m_dir.filePath(QStringLiteral("gatehouse.yaml"));
        writeFile(m_spec, kSpec);
        writeFile(m_config, kConfig);
    }

    void help()
    {
        const auto r = runGatehouse(
            {QStringLiteral("openapi"), QStringLiteral("inspect"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Usage: gatehouse openapi inspect SPEC")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("--discovery")));
    }

    void table()
    {
        const auto r = runGatehouse({QStringLiteral("openapi"), QStringLiteral("inspect"), m_spec});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(u'\n');
        QVERIFY2(lines.first().contains(
                     QRegularExpression(QStringLiteral("^NAME\\s+ACTION\\s+RESOURCE\\s+TOKENS$"))),
                 qPrintable(r.out));
        static const QRegularExpression row(
            QStringLiteral("^list_invoices\\s+read\\s+invoices\\s+(\\d+)$"),
            QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match = row.match(r.out);
        QVERIFY2(match.hasMatch(), qPrintable(r.out));
        QVERIFY(match.captured(1).toInt() > 0);
        QVERIFY(r.out.contains(
            QRegularExpression(QStringLiteral("^create_invoice\\s+create\\s+invoices\\s+\\d+$"),
                               QRegularExpression::MultilineOption)));
        QVERIFY(r.out.contains(QLatin1String("\nstats ")));
        QVERIFY(!r.out.contains(QLatin1String("old_thing")));
        QVERIFY2(r.out.contains(QLatin1String("tools: 3, estimated ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("excluded: 1 (drop_deprecated 1)")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("estimated tokens at session start (flat): ")));
        QVERIFY(!r.out.contains(QLatin1String("meta-tool")));
    }

    // A spec URL is fetched, as the gateway does. The server runs on a thread of its own: this
    // one waits for the command.
    void fromUrl()
    {
        QThread thread;
        thread.start();
        QObject context;
        context.moveToThread(&thread);
        std::unique_ptr<http::Server> server;
        quint16 port = 0;
        QMetaObject::invokeMethod(
            &context,
            [&] {
                http::ServerOptions options;
                options.workerThreads = 1;
                server = std::make_unique<http::Server>(options);
                server->setHandler(
                    [](const http::Request &request, std::shared_ptr<http::Responder> responder) {
                        if (request.path() == u"/spec.yaml")
                            return responder->respond(
                                http::Response(200, {{"Content-Type", "application/yaml"}}, kSpec));
                        responder->respond(http::Response::error(404, u"no such spec"_s));
                    });
                if (server->listen(QHostAddress::LocalHost, 0).ok())
                    port = server->serverPort();
            },
            Qt::BlockingQueuedConnection);
        const auto stop = qScopeGuard([&] {
            QMetaObject::invokeMethod(
                &context, [&] { server.reset(); }, Qt::BlockingQueuedConnection);
            thread.quit();
            thread.wait();
        });
        QVERIFY(port != 0);
        const QString base = u"http://127.0.0.1:%1"_s.arg(port);
        const auto r =
            runGatehouse({u"openapi"_s, u"inspect"_s, base + u"/spec.yaml"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const json report = parse(r.out);
        QCOMPARE(toolNames(report),
                 (QStringList{u"stats"_s, u"list_invoices"_s, u"create_invoice"_s}));

        const auto missing = runGatehouse({u"openapi"_s, u"inspect"_s, base + u"/none.yaml"_s});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(u"404"_s), qPrintable(missing.err));
    }

    void json_()
    {
        const auto r = runGatehouse({QStringLiteral("openapi"), QStringLiteral("inspect"), m_spec,
                                     QStringLiteral("--json"), QStringLiteral("--base-url"),
                                     QStringLiteral("http://localhost:1234")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const json report = parse(r.out);
        QVERIFY2(report.is_object(), qPrintable(r.out));
        QCOMPARE(toolNames(report),
                 (QStringList{QStringLiteral("stats"), QStringLiteral("list_invoices"),
                              QStringLiteral("create_invoice")}));
        QCOMPARE(report["spec"]["baseUrl"], "http://localhost:1234");
        QCOMPARE(report["spec"]["operations"], 4);
        QCOMPARE(report["discovery"], "flat");
        const json &list = report["tools"][1];
        QCOMPARE(list["action"], "read");
        QCOMPARE(list["resource"], "invoices");
        QCOMPARE(list["method"], "GET");
        QCOMPARE(list["path"], "/invoices");
        QVERIFY(list["estimatedTokens"].get<int>() > 0);
        bool pagination = false;
        for (const json &note : list["notes"]) {
            if (note["heuristic"] == "hide_pagination" && note["subject"] == "per_page")
                pagination = !note["reason"].get<std::string>().empty();
        }
        QVERIFY2(pagination, list.dump().c_str());
        QCOMPARE(report["excluded"].size(), 1u);
        QCOMPARE(report["excluded"][0]["operationId"], "oldThing");
        QCOMPARE(report["excluded"][0]["heuristic"], "drop_deprecated");
        QVERIFY(report["warnings"].empty());
        const json &totals = report["totals"];
        QCOMPARE(totals["tools"], 3);
        QCOMPARE(totals["excluded"], 1);
        QCOMPARE(totals["excludedBy"]["drop_deprecated"], 1);
        int sum = 0;
        for (const json &tool : report["tools"])
            sum += tool["estimatedTokens"].get<int>();
        QCOMPARE(totals["estimatedTokens"].get<int>(), sum);
        // The whole tools/list result: the tools, get_tool_schema (compact_schemas lists it in
        // flat mode) and the few bytes around them.
        const int sessionStart = totals["sessionStartTokens"].get<int>();
        QVERIFY2(sessionStart >= sum + 30 && sessionStart <= sum + 90,
                 qPrintable(QString::number(sessionStart) + u" vs " + QString::number(sum)));
    }

    void settingsFromConfig()
    {
        const auto r =
            runGatehouse({QStringLiteral("openapi"), QStringLiteral("inspect"),
                          QStringLiteral("--config"), m_config, QStringLiteral("--server"),
                          QStringLiteral("billing"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const json report = parse(r.out);
        QVERIFY2(report.is_object(), qPrintable(r.out));
        QCOMPARE(report["server"], "billing");
        QCOMPARE(report["discovery"], "hierarchical");
        QCOMPARE(report["spec"]["baseUrl"], "http://127.0.0.1:9000");
        QCOMPARE(toolNames(report),
                 (QStringList{QStringLiteral("list_invoices"), QStringLiteral("new_invoice"),
                              QStringLiteral("old_thing")}));
        QCOMPARE(report["excluded"].size(), 1u);
        QCOMPARE(report["excluded"][0]["heuristic"], "exclude");
        QVERIFY2(report["warnings"].dump().find("colour") != std::string::npos,
                 report["warnings"].dump().c_str());
        // Hierarchical: tools/list carries the four meta-tools, not the tools (issue target: at
        // most 400 tokens).
        const int sessionStart = report["totals"]["sessionStartTokens"].get<int>();
        QVERIFY2(sessionStart > 50 && sessionStart <= 400,
                 qPrintable(QString::number(sessionStart)));
        QVERIFY(report["totals"]["estimatedTokens"].get<int>() > 0);
    }

    void discoveryModes_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("meta");
        QTest::newRow("flat") << "flat" << false;
        QTest::newRow("hierarchical") << "hierarchical" << true;
        QTest::newRow("search") << "search" << true;
    }
    void discoveryModes()
    {
        QFETCH(QString, mode);
        QFETCH(bool, meta);
        const auto r = runGatehouse({QStringLiteral("openapi"), QStringLiteral("inspect"), m_spec,
                                     QStringLiteral("--discovery"), mode});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QRegularExpression line(
            u"^estimated tokens at session start \\(%1\\): (\\d+)$"_s.arg(mode),
            QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match = line.match(r.out);
        QVERIFY2(match.hasMatch(), qPrintable(r.out));
        const int sessionStart = match.captured(1).toInt();
        QVERIFY(sessionStart > 0);
        if (meta)
            QVERIFY2(sessionStart <= 400, qPrintable(r.out));
    }

    void specErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("not yaml") << QByteArray("a: [1, 2\nb: }") << "not valid YAML";
        QTest::newRow("no version")
            << QByteArray("info: {title: x}\npaths: {}\n") << "no \"openapi\" or \"swagger\"";
        QTest::newRow("paths not a mapping")
            << QByteArray("openapi: 3.0.0\npaths: [1]\n") << "#/paths";
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4) << "bad.yaml";
    }
    void specErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QStringLiteral("bad.yaml"));
        writeFile(path, content);
        const auto r = runGatehouse({QStringLiteral("openapi"), QStringLiteral("inspect"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("bad.yaml")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void missingFile()
    {
        const auto r = runGatehouse({QStringLiteral("openapi"), QStringLiteral("inspect"),
                                     m_dir.filePath(QStringLiteral("nope.yaml"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("nope.yaml")), qPrintable(r.err));
    }

    void skippedOperationsStillInspect()
    {
        const QString path = m_dir.filePath(QStringLiteral("partial.yaml"));
        writeFile(path, "openapi: 3.0.0\ninfo: {title: P, version: '1'}\npaths:\n"
                        "  /a/{id}:\n    get: {operationId: broken}\n"
                        "  /b:\n    get: {operationId: fine}\n");
        const auto r = runGatehouse({QStringLiteral("openapi"), QStringLiteral("inspect"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("fine")));
        QVERIFY2(r.out.contains(QLatin1String("skipped by the loader: 1")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("\"id\"")), qPrintable(r.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no spec") << QStringList{} << "expected the spec file";
        QTest::newRow("two specs")
            << QStringList{QStringLiteral("a.yaml"), QStringLiteral("b.yaml")}
            << "expected one spec file";
        QTest::newRow("bad discovery")
            << QStringList{QStringLiteral("x.yaml"), QStringLiteral("--discovery"),
                           QStringLiteral("tree")}
            << "--discovery tree";
        QTest::newRow("server without config")
            << QStringList{QStringLiteral("x.yaml"), QStringLiteral("--server"),
                           QStringLiteral("billing")}
            << "--server needs --config";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << "frobnicate";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto r =
            runGatehouse(QStringList{QStringLiteral("openapi"), QStringLiteral("inspect")} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void configUsageErrors_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QTest::newRow("several servers") << QStringList{} << "name one with --server";
        QTest::newRow("unknown server")
            << QStringList{QStringLiteral("--server"), QStringLiteral("nope")}
            << "no OpenAPI server named \"nope\"";
    }
    void configUsageErrors()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        const auto r =
            runGatehouse(QStringList{QStringLiteral("openapi"), QStringLiteral("inspect"),
                                     QStringLiteral("--config"), m_config} +
                         extra);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void unknownSubcommand()
    {
        auto r = runGatehouse({QStringLiteral("openapi"), QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("frobnicate")));
        r = runGatehouse({QStringLiteral("openapi")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains(QLatin1String("inspect")));
    }
};

QTEST_GUILESS_MAIN(TestOpenApiInspect)
#include "TestOpenApiInspect.moc"
