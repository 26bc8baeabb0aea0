// Renders every page of the desktop application, filled with demo data, to PNG files, so a
// person can look at them: `make screenshots` runs it under Xvfb (scripts/screenshots.sh).
//
//   gatehouse_screenshots --out DIR [--demo FILE] [--specs DIR] [--width W --height H]

#include "MainWindow.h"
#include "Translations.h"
#include "config/ConfigLoader.h"
#include "config/StoreSync.h"
#include "gateway/Gateway.h"
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/UsageRepository.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QListWidget>
#include <QMetaEnum>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace gatehouse;
using namespace Qt::StringLiterals;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "gatehouse_screenshots: %s\n", qPrintable(message));
    return 1;
}

// An afternoon of calls, so the Activity page's charts and the Plans page's bars have something
// to show. Made up, and only ever written into the screenshots' own temporary store.
Status addActivity(store::Database &database)
{
    QRandomGenerator random(4711);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QStringList users = {u"alice"_s, u"bob"_s, u"carol"_s};
    const QStringList tools = {u"list_invoices"_s, u"get_invoice"_s, u"create_invoice"_s,
                               u"get_customer"_s};
    QList<store::AuditRow> rows;
    QHash<QString, qint64> calls;
    for (int minute = 59; minute >= 0; --minute) {
        const int count = 2 + int(random.bounded(9));
        for (int i = 0; i < count; ++i) {
            store::AuditRow row;
            row.time = now.addSecs(-minute * 60 - int(random.bounded(60)));
            row.user = users.at(int(random.bounded(users.size())));
            row.client = u"claude-desktop"_s;
            row.server = u"billing"_s;
            row.tool = tools.at(int(random.bounded(tools.size())));
            const bool denied = *row.user == u"bob" && *row.tool == u"create_invoice";
            if (denied) {
                row.decision = u"deny"_s;
                row.reason = u"user bob denies billing/invoices: create"_s;
            } else {
                row.decision = u"allow"_s;
                row.reason = u"role %1 allows billing/invoices"_s.arg(
                    *row.user == u"alice" ? u"clerk"_s : u"viewer"_s);
                row.upstreamStatus = random.bounded(40) == 0 ? 502 : 200;
                row.latencyMs = 40 + int(random.bounded(120)) +
                                (random.bounded(20) == 0 ? int(random.bounded(600)) : 0);
                if (*row.tool == u"create_invoice")
                    row.cost = 1.5;
                calls[*row.user] += 1;
            }
            rows.append(row);
        }
    }
    if (Status s = store::AuditRepository(database).append(rows); !s)
        return s;
    QList<store::UsageCounter> usage;
    const QString period = now.toString(u"yyyy-MM"_s);
    // This month so far, of which the afternoon above is the end.
    for (auto it = calls.cbegin(); it != calls.cend(); ++it)
        usage.append(store::UsageCounter{it.key(), u"billing"_s, period,
                                         it.value() * (it.key() == u"bob" ? 3 : 40),
                                         it.key() == u"alice" ? 61.5 : 0.0});
    return store::UsageRepository(database).addBatch(usage);
}

void settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_NO_GLIB", "1");
    QApplication application(argc, argv);
    QApplication::setApplicationName(u"gatehouse"_s);
    QApplication::setApplicationDisplayName(u"Gatehouse"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"out"_s, u"Where the PNG files go."_s, u"DIR"_s});
    parser.addOption({u"demo"_s, u"The demo configuration."_s, u"FILE"_s,
                      QStringLiteral(GATEHOUSE_SCREENSHOTS_DIR "/demo.yaml")});
    parser.addOption({u"specs"_s, u"Where the demo's OpenAPI specs are."_s, u"DIR"_s,
                      QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/specs")});
    parser.addOption({u"width"_s, u"Window width."_s, u"PX"_s, u"1280"_s});
    parser.addOption({u"height"_s, u"Window height."_s, u"PX"_s, u"800"_s});
    parser.addOption({u"lang"_s, u"Language, e.g. de."_s, u"LANG"_s, u"en"_s});
    parser.process(application);
    if (!parser.isSet(u"out"_s))
        return fail(u"--out DIR is required"_s);
    const QDir out(parser.value(u"out"_s));
    if (!QDir().mkpath(out.path()))
        return fail(u"cannot create %1"_s.arg(out.path()));

    ui::Translations translations(application);
    translations.install(QLocale(parser.value(u"lang"_s)));

    QTemporaryDir dataDir;
    if (!dataDir.isValid())
        return fail(u"no temporary directory"_s);
    QFile demo(parser.value(u"demo"_s));
    if (!demo.open(QIODevice::ReadOnly))
        return fail(u"cannot read %1: %2"_s.arg(demo.fileName(), demo.errorString()));
    const QString demoPath = dataDir.filePath(u"demo.yaml"_s);
    {
        QFile copy(demoPath);
        if (!copy.open(QIODevice::WriteOnly))
            return fail(copy.errorString());
        copy.write(demo.readAll().replace("@SPECS@", parser.value(u"specs"_s).toUtf8()));
    }
    qputenv("GATEHOUSE_DEMO_BILLING_KEY", "demo-key-not-a-secret");

    store::DatabaseOptions options;
    options.sqlitePath = dataDir.filePath(u"gatehouse.db"_s);
    auto database = store::Database::open(options);
    if (!database)
        return fail(database.error().message());
    if (Status migrated = store::Migrator(**database).migrate(); !migrated)
        return fail(migrated.error().message());
    config::ConfigLoader loader;
    const config::LoadResult loaded = loader.loadFile(demoPath);
    if (!loaded.ok())
        return fail(u"the demo configuration has errors"_s);
    if (auto applied =
            config::StoreSync(**database).apply(*loaded.config, config::StoreSync::Mode::Merge);
        !applied)
        return fail(applied.error().message());
    if (Status added = addActivity(**database); !added)
        return fail(added.error().message());

    gateway::Gateway gateway(database->get());
    if (Status reloaded = gateway.reloadServers(); !reloaded)
        return fail(reloaded.error().message());
    gateway::ListenOptions listen;
    listen.port = 0;
    ui::MainWindow window(gateway, **database, listen, dataDir.path());
    window.resize(parser.value(u"width"_s).toInt(), parser.value(u"height"_s).toInt());
    window.show();
    if (Status started = gateway.start(listen); !started)
        return fail(started.error().message());
    settle(500);

    const QMetaEnum pages = QMetaEnum::fromType<ui::MainWindow::Page>();
    for (int i = 0; i < ui::MainWindow::PageCount; ++i) {
        const auto page = ui::MainWindow::Page(i);
        window.showPage(page);
        settle(1500); // each page loads in the background
        const QString name = QString::fromLatin1(pages.valueToKey(i)).toLower();
        const QString file =
            out.filePath(u"%1-%2.png"_s.arg(i + 1, 2, 10, QLatin1Char('0')).arg(name));
        if (!window.grab().save(file))
            return fail(u"cannot write %1"_s.arg(file));
        std::printf("%s\n", qPrintable(file));
    }
    gateway.stop();
    return 0;
}
