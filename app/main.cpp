#include "CommandLine.h"
#include "LogFile.h"
#include "Logging.h"
#include "MainWindow.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "Workspace.h"
#include "gateway/Gateway.h"
#include "gateway/ListenSettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QSystemTrayIcon>
#include <QTextStream>

#include <csignal>
#include <cstdio>

using namespace gatehouse;

namespace {

void setIdentity()
{
    // AppDataLocation becomes ~/.local/share/gatehouse on Linux.
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
}

int runHeadless(int argc, char **argv)
{
    // Qt's own Unix event dispatcher instead of GLib's: fewer wake-up syscalls per proxied request
    // (PERFORMANCE-NOTES.md). The desktop application keeps GLib for its platform integration.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    setIdentity();
    ui::Translations translations(app);
    translations.install(QLocale());
    QTextStream out(stdout);
    QTextStream err(stderr);
    app::CommandLine commandLine(out, err);
    const int rc = commandLine.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return rc;
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

int runGui(int argc, char **argv)
{
    if (!hasDisplay()) {
        std::fputs(qPrintable(QCoreApplication::translate(
                       "main", "gatehouse: no display found. Run the gateway headless with "
                               "`gatehouse serve`, or see `gatehouse --help`.\n")),
                   stderr);
        return app::CommandLine::Usage;
    }
    QApplication application(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Gatehouse"));
    QApplication::setWindowIcon(ui::MainWindow::applicationIcon());
    ui::Translations translations(application);
    translations.install(QLocale());

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("data"),
         QCoreApplication::translate("main", "The data directory that holds the store."),
         QStringLiteral("DIR")});
    parser.process(application);
    const QString dataDir = parser.isSet(QStringLiteral("data"))
                                ? parser.value(QStringLiteral("data"))
                                : app::Workspace::defaultDataDir();

    auto workspace = app::Workspace::open(dataDir);
    if (!workspace) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Gatehouse"),
                              workspace.error().message());
        return app::CommandLine::Failure;
    }
    app::LogFile log(QDir((*workspace)->dataDir()).filePath(QStringLiteral("gatehouse.log")));
    qCInfo(lcApp).noquote() << "Gatehouse" << GATEHOUSE_VERSION << "started; data in"
                            << (*workspace)->dataDir();

    gateway::Gateway gateway(&(*workspace)->database());
    // Pages reload the gateway (in the background) after each edit: a spec fetched from a URL is
    // kept rather than fetched again for every edit of a tool (a new URL is still fetched once).
    gateway.setRefetchUrlsOnReload(false);
    // 127.0.0.1:8787 until the Gateway page saves other settings; a broken settings file is
    // reported there.
    gateway::ListenOptions listen;
    if (const auto settings = gateway::ListenSettings::load((*workspace)->dataDir()); settings)
        listen = settings->listenOptions();
    else
        qCWarning(lcApp).noquote() << settings.error().message();
    ui::MainWindow window(gateway, (*workspace)->database(), listen, (*workspace)->dataDir());
    ui::TrayIcon tray(gateway, window, QSystemTrayIcon::isSystemTrayAvailable());
    window.show();
    const int rc = QApplication::exec();
    gateway.stop();
    return rc;
}

} // namespace

int main(int argc, char **argv)
{
    // A peer that closes early must cost an EPIPE on that socket, not the process (libcurl runs
    // with CURLOPT_NOSIGNAL and leaves this to the application).
    ::signal(SIGPIPE, SIG_IGN);
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (app::CommandLine::isHeadless(arguments))
        return runHeadless(argc, argv);
    return runGui(argc, argv);
}
