#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace gatehouse::app {

class CommandLine;

// `gatehouse client issue|list|revoke`: the confidential OAuth clients the owner issues to users.
// issue prints exactly "client_id: ..." and "client_secret: ..." on standard output (the secret
// once: the store keeps only its hash) and how to use them on standard error; list and revoke
// never show secret material.
class ClientCommand
{
    Q_DECLARE_TR_FUNCTIONS(ClientCommand)

public:
    ClientCommand(CommandLine &commandLine, QTextStream &out, QTextStream &err);
    // args: "gatehouse client" first, then the subcommand and its arguments.
    int run(const QStringList &args);

private:
    int issue(const QStringList &args);
    int list(const QStringList &args);
    int revoke(const QStringList &args);

    CommandLine &m_cli;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace gatehouse::app
