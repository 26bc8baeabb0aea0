#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

class QCommandLineParser;
class QTextStream;

namespace gatehouse::app {

class CommandLine;

// `gatehouse token mint|list|revoke`: static bearer tokens for MCP clients that only take a
// header. mint prints the token alone on standard output (so TOKEN=$(gatehouse token mint ...)
// works) and everything else on standard error; list and revoke never show a token.
class TokenCommand
{
    Q_DECLARE_TR_FUNCTIONS(TokenCommand)

public:
    TokenCommand(CommandLine &commandLine, QTextStream &out, QTextStream &err);
    // args: "gatehouse token" first, then the subcommand and its arguments.
    int run(const QStringList &args);

    // The gateway's base URL that server tokens are bound to: --public-url, else the --config
    // file's gateway.public_url (or its listen address), else the default listen address. The
    // parser must define --public-url and the store options. ClientCommand uses it too.
    static Result<QUrl> publicUrl(const QCommandLineParser &parser);

private:
    int mint(const QStringList &args);
    int list(const QStringList &args);
    int revoke(const QStringList &args);

    CommandLine &m_cli;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace gatehouse::app
