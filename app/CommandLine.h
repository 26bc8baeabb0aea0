#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

class QCommandLineParser;
class QTextStream;

namespace gatehouse::app {

class Workspace;

// The headless commands: serve, config check, import, export, user ..., token ..., client ...,
// audit tail, openapi inspect, version. Each has --help.
// Exit codes: 0 success, 1 the command failed, 2 the command line or the config file is wrong.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum ExitCode
    {
        Success = 0,
        Failure = 1,
        Usage = 2
    };

    // True when the arguments name a command (or --help/--version), so no GUI is needed.
    static bool isHeadless(const QStringList &arguments);

    CommandLine(QTextStream &out, QTextStream &err);
    // arguments as QCoreApplication::arguments(): the program name first.
    int run(const QStringList &arguments);

private:
    // They share the option parsing and store opening below.
    friend class TokenCommand;
    friend class ClientCommand;
    friend class CredentialCommand;
    friend class CheckCommand;
    friend class AuditCommand;

    int usage(const QString &problem);
    int printHelp();
    int version();
    int configCheck(const QStringList &args);
    int import(const QStringList &args);
    int exportBundle(const QStringList &args);
    int user(const QStringList &args);
    int userAdd(const QStringList &args);
    int userPasswd(const QStringList &args);
    int userList(const QStringList &args);
    int userHashPassword(const QStringList &args);
    int serve(const QStringList &args);
    int openapi(const QStringList &args);

    // Parses args (the command's own, program name first); prints help or the error and returns
    // an exit code when the command should end now.
    std::optional<int> parse(QCommandLineParser &parser, const QStringList &args,
                             const QString &synopsis, const QString &description);
    // --config FILE / --data DIR as every store command takes them.
    void addStoreOptions(QCommandLineParser &parser);
    Result<std::unique_ptr<Workspace>> openWorkspace(const QCommandLineParser &parser);
    // The data directory those options name (the default when neither is given).
    Result<QString> dataDirOf(const QCommandLineParser &parser);
    int fail(const Error &error);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace gatehouse::app
