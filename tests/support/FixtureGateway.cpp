// A gateway on 127.0.0.1 with auth mode none and in-process tools, for the end-to-end tests (the
// official TypeScript SDK client, the MCP conformance suite) and the benchmark:
//   gatehouse_fixture_gateway [--port N] [--workers N] [--upstream URL]
// Serves /mcp/fixture with FixtureToolProvider's tools (echo, slow, fail, ...), or with
// --upstream, /mcp/fixture with one tool "fetch" that GETs URL. Prints "listening on PORT".
#include "FixtureToolProvider.h"
#include "UpstreamToolProvider.h"
#include "gateway/Gateway.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <csignal>
#include <cstdio>

using namespace gatehouse;

int main(int argc, char **argv)
{
    ::signal(SIGPIPE, SIG_IGN);
    // As `gatehouse serve` does: Qt's Unix event dispatcher rather than GLib's.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("port"), QStringLiteral("port (0: any)"), QStringLiteral("N"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("workers"), QStringLiteral("worker threads"),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("upstream"), QStringLiteral("upstream URL for the fetch tool"),
                      QStringLiteral("URL")});
    parser.process(app);

    gateway::Gateway gateway;
    const QUrl upstream(parser.value(QStringLiteral("upstream")));
    gateway.setToolProviderFactory(
        [upstream](const QString &) -> std::unique_ptr<mcp::ToolProvider> {
            if (upstream.isValid() && !upstream.isEmpty())
                return std::make_unique<mcp::test::UpstreamToolProvider>(upstream);
            return std::make_unique<mcp::test::FixtureToolProvider>();
        });
    gateway.setServers({QStringLiteral("fixture")});
    gateway::ListenOptions options;
    options.port = quint16(parser.value(QStringLiteral("port")).toUInt());
    options.workerThreads = parser.value(QStringLiteral("workers")).toInt();
    options.authMode = gateway::AuthMode::None;
    if (Status started = gateway.start(options); !started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().message()));
        return 1;
    }
    std::printf("listening on %u\n", unsigned(gateway.port()));
    std::fflush(stdout);
    struct sigaction action = {};
    action.sa_handler = [](int) { QCoreApplication::quit(); };
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    return QCoreApplication::exec();
}
