#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace gatehouse::app {

class CommandLine;

// `gatehouse check --user NAME --tool SERVER.TOOL [--scope S:ACTION]...`: the permission
// decision the gateway would make for that call, and the trace of the rules behind it.
class CheckCommand
{
    Q_DECLARE_TR_FUNCTIONS(CheckCommand)

public:
    CheckCommand(CommandLine &commandLine, QTextStream &out, QTextStream &err);
    // args: "gatehouse check" first, then its options.
    int run(const QStringList &args);

private:
    CommandLine &m_cli;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace gatehouse::app
