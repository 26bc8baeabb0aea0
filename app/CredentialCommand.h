#pragma once

#include "Result.h"
#include "config/Config.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QCommandLineParser;
class QTextStream;

namespace gatehouse::store {
class Database;
struct Credential;
} // namespace gatehouse::store

namespace gatehouse::app {

class CommandLine;

// `gatehouse credential import|list|rotate|delete|rotate-master-key|recovery-key|
// restore-master-key`: the upstream secrets kept encrypted in the store under the master key
// (gateway.master_key of --config; the system keychain by default). A secret is read from
// standard input or a file and never printed; the master key's recovery key is printed once, on
// standard error, when the key is created or replaced, and on request by recovery-key.
class CredentialCommand
{
    Q_DECLARE_TR_FUNCTIONS(CredentialCommand)

public:
    CredentialCommand(CommandLine &commandLine, QTextStream &out, QTextStream &err);
    // args: "gatehouse credential" first, then the subcommand and its arguments.
    int run(const QStringList &args);

private:
    int importSecret(const QStringList &args);
    int rotateSecret(const QStringList &args);
    int remove(const QStringList &args);
    int list(const QStringList &args);
    int rotateMasterKey(const QStringList &args);
    int recoveryKey(const QStringList &args);
    int restoreMasterKey(const QStringList &args);

    // The --config file, when one is given (specs are not read).
    Result<std::optional<config::Config>> loadConfig(const QCommandLineParser &parser);
    // The credential NAME as the store declares it; one only --config declares is recorded
    // first, and with `declare` --type/--in/--param/--per-user declare a new one.
    Result<store::Credential> credential(store::Database &database, const QString &name,
                                         const std::optional<config::Config> &config,
                                         const QCommandLineParser &parser, bool declare);
    // Refuses --user on an owner-wide credential, and its absence on a per-user one.
    Result<QString> owner(store::Database &database, const store::Credential &credential,
                          const QCommandLineParser &parser);
    Result<QByteArray> readSecret(const QCommandLineParser &parser, const QString &name);
    void printRecoveryKey(const QString &recoveryKey, const QString &where);

    CommandLine &m_cli;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace gatehouse::app
