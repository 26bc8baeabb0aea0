#pragma once

#include "Result.h"
#include "store/AuditRepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

class QTextStream;

namespace gatehouse::app {

class CommandLine;
class UnixSignalWatcher;

// `gatehouse audit tail`: the newest rows of the audit log, oldest first like tail(1), one line
// (or one JSON object) per tool call; with --follow it then prints rows as the gateway writes
// them, until SIGINT or SIGTERM. It reads the store and never creates one.
class AuditCommand
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommand)

public:
    AuditCommand(CommandLine &commandLine, QTextStream &out, QTextStream &err);
    // args: "gatehouse audit" first, then the subcommand and its arguments.
    int run(const QStringList &args);

    // --since: a duration back from now (90s, 15m, 2h, 7d) or an ISO-8601 date or time (local
    // time unless it names an offset or Z).
    static Result<QDateTime> parseSince(const QString &text, const QDateTime &now);
    // One row for people: local time, user, client, server.tool, decision, reason, upstream
    // status, latency, cost, separated by tabs, empty where absent; text from the store is made
    // safe for a terminal.
    static QString line(const store::AuditRow &row);
    // One row as a JSON Lines record with stable keys; absent values are null.
    static QString json(const store::AuditRow &row);

private:
    int tail(const QStringList &args);
    // Prints the rows after lastId that match filter until a signal stops it.
    int follow(UnixSignalWatcher &signals, store::AuditRepository &audit, store::AuditFilter filter,
               qint64 lastId, bool asJson);
    void print(const QList<store::AuditRow> &rows, bool asJson);

    CommandLine &m_cli;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace gatehouse::app
