#include "AuditCommand.h"

#include "CommandLine.h"
#include "CommandText.h"
#include "UnixSignalWatcher.h"
#include "Workspace.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <memory>
#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace gatehouse::app {

namespace {

constexpr int kPollIntervalMs = 500;
constexpr int kMostLines = 1000000;
// How many new rows one read of --follow takes at most; more are read in further pages.
constexpr int kFollowPage = 1000;

// printable() drops control characters; tabs and line breaks become spaces first, so that the
// words they separated stay apart and a row stays on one line.
QString safe(QString value)
{
    for (QChar &c : value) {
        if (c.isSpace())
            c = u' ';
    }
    return CommandText::printable(value);
}

QString text(const std::optional<QString> &value)
{
    return value ? safe(*value) : QString();
}

nlohmann::ordered_json jsonText(const std::optional<QString> &value)
{
    return value ? nlohmann::ordered_json(value->toStdString()) : nlohmann::ordered_json();
}

} // namespace

AuditCommand::AuditCommand(CommandLine &commandLine, QTextStream &out, QTextStream &err)
    : m_cli(commandLine)
    , m_out(out)
    , m_err(err)
{}

int AuditCommand::run(const QStringList &args)
{
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    QStringList rest = args.mid(2);
    rest.prepend(args.at(0) + u' ' + sub);
    if (sub == "tail"_L1)
        return tail(rest);
    if (sub == "--help"_L1 || sub == "-h"_L1 || sub.isEmpty()) {
        m_out << tr("Usage: gatehouse audit tail [--help]") << "\n\n"
              << tr("  tail [-n N] [--user U] [--client C] [--tool T] [--server S] "
                    "[--decision D] [--since WHEN] [--follow] [--json]")
              << '\n'
              << tr("                 print the newest tool calls of the audit log, oldest "
                    "first; --follow keeps printing new ones")
              << '\n';
        return sub.isEmpty() ? CommandLine::Usage : CommandLine::Success;
    }
    return m_cli.usage(tr("unknown audit command '%1'").arg(sub));
}

Result<QDateTime> AuditCommand::parseSince(const QString &text, const QDateTime &now)
{
    static const QRegularExpression duration(u"^([0-9]{1,9})([smhdw])$"_s);
    if (const auto match = duration.match(text); match.hasMatch()) {
        const qint64 count = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 seconds = unit == u's'   ? 1
                               : unit == u'm' ? 60
                               : unit == u'h' ? 3600
                               : unit == u'd' ? 86400
                                              : 7 * 86400;
        return now.addSecs(-count * seconds);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        // A date alone means its start, local time.
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay();
    }
    if (!time.isValid())
        return Error(ErrorCode::InvalidArgument,
                     tr("--since %1: expected how long back, such as 90s, 15m, 2h, 7d or 2w, or "
                        "an ISO-8601 time, such as 2026-03-01, 2026-03-01T09:30 (local time) or "
                        "2026-03-01T08:30:00Z")
                         .arg(CommandText::printable(text.left(40))));
    return time;
}

QString AuditCommand::line(const store::AuditRow &row)
{
    QString target = text(row.server);
    if (row.tool)
        target += (target.isEmpty() ? QString() : u"."_s) + text(row.tool);
    const QStringList fields{
        row.time.toLocalTime().toString(Qt::ISODateWithMs),
        text(row.user),
        text(row.client),
        target,
        safe(row.decision),
        text(row.reason),
        row.upstreamStatus ? QString::number(*row.upstreamStatus) : QString(),
        row.latencyMs ? tr("%1 ms").arg(*row.latencyMs) : QString(),
        row.cost ? QString::number(*row.cost, 'g', 12) : QString(),
    };
    return fields.join(u'\t');
}

QString AuditCommand::json(const store::AuditRow &row)
{
    nlohmann::ordered_json record;
    record["time"] = row.time.toUTC().toString(Qt::ISODateWithMs).toStdString();
    record["user"] = jsonText(row.user);
    record["client"] = jsonText(row.client);
    record["server"] = jsonText(row.server);
    record["tool"] = jsonText(row.tool);
    record["decision"] = row.decision.toStdString();
    record["reason"] = jsonText(row.reason);
    record["upstream_status"] =
        row.upstreamStatus ? nlohmann::ordered_json(*row.upstreamStatus) : nlohmann::ordered_json();
    record["latency_ms"] =
        row.latencyMs ? nlohmann::ordered_json(*row.latencyMs) : nlohmann::ordered_json();
    record["cost"] = row.cost ? nlohmann::ordered_json(*row.cost) : nlohmann::ordered_json();
    return QString::fromStdString(
        record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

int AuditCommand::tail(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    parser.addOption({u"n"_s, tr("How many of the newest rows to print (default 20)."), tr("N")});
    parser.addOption({u"user"_s, tr("Only this user's calls."), tr("USER")});
    parser.addOption({u"client"_s, tr("Only calls from this OAuth client id."), tr("CLIENT")});
    parser.addOption(
        {u"server"_s, tr("Only calls to this server (the part before the dot)."), tr("SERVER")});
    parser.addOption({u"tool"_s,
                      tr("Only calls of this tool, named without its server (--server selects "
                         "the server)."),
                      tr("TOOL")});
    parser.addOption({u"decision"_s, tr("Only calls with this decision, such as allow or deny."),
                      tr("DECISION")});
    parser.addOption({u"since"_s,
                      tr("Only calls since then: how long back (90s, 15m, 2h, 7d, 2w) or an "
                         "ISO-8601 time (2026-03-01T09:30 is local time; add Z or an offset)."),
                      tr("WHEN")});
    parser.addOption(
        {u"follow"_s, tr("Keep printing new calls as they are written, until SIGINT (Ctrl+C) or "
                         "SIGTERM.")});
    parser.addOption({u"json"_s, tr("Print JSON Lines: one object per call with the keys time "
                                    "(UTC), user, client, server, tool, decision, reason, "
                                    "upstream_status, latency_ms and cost.")});
    if (auto done = m_cli.parse(
            parser, args,
            u"gatehouse audit tail [-n N] [--user U] [--client C] [--server S] [--tool T] "
            "[--decision D] [--since WHEN] [--follow] [--json] [--config FILE] [--data DIR]"_s,
            tr("Prints the newest tool calls of the audit log, oldest first: local time, user, "
               "client, server.tool, decision, reason, upstream status, latency and cost, "
               "separated by tabs and empty where absent. With --follow it then prints new calls "
               "every half second until stopped, and exits with 0.")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return m_cli.usage(
            tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    int lines = 20;
    if (parser.isSet(u"n"_s)) {
        bool ok = false;
        lines = parser.value(u"n"_s).toInt(&ok);
        if (!ok || lines < 0 || lines > kMostLines)
            return m_cli.usage(tr("-n %1: expected a whole number from 0 to %2")
                                   .arg(CommandText::printable(parser.value(u"n"_s).left(40)))
                                   .arg(kMostLines));
    }
    store::AuditFilter filter;
    const auto optionalValue = [&](const QString &name) -> std::optional<QString> {
        if (!parser.isSet(name))
            return std::nullopt;
        return parser.value(name);
    };
    filter.user = optionalValue(u"user"_s);
    filter.client = optionalValue(u"client"_s);
    filter.server = optionalValue(u"server"_s);
    filter.tool = optionalValue(u"tool"_s);
    filter.decision = optionalValue(u"decision"_s);
    if (parser.isSet(u"since"_s)) {
        const auto since = parseSince(parser.value(u"since"_s), QDateTime::currentDateTimeUtc());
        if (!since)
            return m_cli.fail(since.error());
        filter.since = *since;
    }
    const bool following = parser.isSet(u"follow"_s);
    const bool asJson = parser.isSet(u"json"_s);

    // Reading must not create an empty store where the user expected the gateway's.
    const auto dataDir = m_cli.dataDirOf(parser);
    if (!dataDir)
        return m_cli.fail(dataDir.error());
    const QString file = QDir(*dataDir).filePath(Workspace::databaseFileName());
    if (!QFileInfo::exists(file))
        return m_cli.fail(Error(ErrorCode::NotFound,
                                tr("there is no store at %1, so no audit log to read: pass the "
                                   "data directory the gateway uses with --data DIR, or its "
                                   "configuration with --config FILE")
                                    .arg(QDir::toNativeSeparators(file))));
    auto workspace = Workspace::open(*dataDir);
    if (!workspace)
        return m_cli.fail(workspace.error());
    store::AuditRepository audit((*workspace)->database());

    // Installed before the first row is printed: a signal from then on ends --follow cleanly.
    std::unique_ptr<UnixSignalWatcher> signals;
    if (following)
        signals = std::make_unique<UnixSignalWatcher>(std::initializer_list<int>{SIGINT, SIGTERM});

    // The rows shown end at the last id now; --follow goes on from there, so a row written
    // meanwhile is printed once, by the follow.
    const auto last = audit.lastId();
    if (!last)
        return m_cli.fail(last.error());
    filter.throughId = *last;
    if (lines > 0) {
        filter.limit = lines;
        auto rows = audit.query(filter);
        if (!rows)
            return m_cli.fail(rows.error());
        std::reverse(rows->begin(), rows->end());
        print(*rows, asJson);
        // On standard error: standard output holds rows only.
        if (rows->isEmpty() && !following)
            m_err << tr("No tool calls in the audit log match.") << '\n';
    }
    if (!following)
        return CommandLine::Success;
    return follow(*signals, audit, filter, *last, asJson);
}

int AuditCommand::follow(UnixSignalWatcher &signals, store::AuditRepository &audit,
                         store::AuditFilter filter, qint64 lastId, bool asJson)
{
    QEventLoop loop;
    QObject::connect(&signals, &UnixSignalWatcher::received, &loop, [&loop] { loop.exit(0); });
    filter.limit = kFollowPage;
    const auto poll = [&] {
        const auto top = audit.lastId();
        if (!top) {
            loop.exit(m_cli.fail(top.error()));
            return;
        }
        filter.afterId = lastId;
        filter.throughId = *top;
        while (*filter.afterId < *top) {
            const auto rows = audit.query(filter);
            if (!rows) {
                loop.exit(m_cli.fail(rows.error()));
                return;
            }
            print(*rows, asJson);
            if (rows->size() < kFollowPage)
                break;
            filter.afterId = rows->constLast().id;
        }
        lastId = *top;
    };
    QTimer timer;
    timer.setInterval(kPollIntervalMs);
    QObject::connect(&timer, &QTimer::timeout, &loop, poll);
    timer.start();
    const int rc = loop.exec();
    m_out.flush();
    return rc;
}

void AuditCommand::print(const QList<store::AuditRow> &rows, bool asJson)
{
    for (const store::AuditRow &row : rows)
        m_out << (asJson ? json(row) : line(row)) << '\n';
    m_out.flush();
}

} // namespace gatehouse::app
