#include "CommandLine.h"

#include "AuditCommand.h"
#include "CheckCommand.h"
#include "ClientCommand.h"
#include "CredentialCommand.h"
#include "OpenApiInspectCommand.h"
#include "PasswordPrompt.h"
#include "ServeCommand.h"
#include "TokenCommand.h"
#include "Workspace.h"
#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"
#include "config/StoreSync.h"
#include "gateway/BundleExporter.h"
#include "oauth/PasswordHash.h"
#include "oauth/UserDirectory.h"
#include "secrets/CredentialVault.h"
#include "secrets/MasterKeyProvider.h"
#include "store/UserRepository.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace gatehouse::app {

namespace {
const QStringList kCommands = {
    QStringLiteral("openapi"), QStringLiteral("serve"),  QStringLiteral("config"),
    QStringLiteral("import"),  QStringLiteral("export"), QStringLiteral("user"),
    QStringLiteral("token"),   QStringLiteral("client"), QStringLiteral("credential"),
    QStringLiteral("check"),   QStringLiteral("audit"),  QStringLiteral("version"),
    QStringLiteral("help")};

void printDiagnostics(QTextStream &err, const QList<config::Diagnostic> &diagnostics)
{
    for (const config::Diagnostic &d : diagnostics)
        err << (d.isError() ? QString() : CommandLine::tr("warning: ")) << d.toString() << '\n';
}
} // namespace

bool CommandLine::isHeadless(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    return kCommands.contains(first) || first == QLatin1String("--help") ||
           first == QLatin1String("-h") || first == QLatin1String("--version");
}

CommandLine::CommandLine(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{}

int CommandLine::run(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return printHelp();
    const QString command = arguments.at(1);
    // The command's own arguments, with a program name in front as QCommandLineParser expects.
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.at(0) + QLatin1Char(' ') + command);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help"))
        return printHelp();
    if (command == QLatin1String("version") || command == QLatin1String("--version"))
        return version();
    if (command == QLatin1String("serve"))
        return serve(rest);
    if (command == QLatin1String("openapi"))
        return openapi(rest);
    if (command == QLatin1String("config"))
        return configCheck(rest);
    if (command == QLatin1String("import"))
        return import(rest);
    if (command == QLatin1String("export"))
        return exportBundle(rest);
    if (command == QLatin1String("user"))
        return user(rest);
    if (command == QLatin1String("token"))
        return TokenCommand(*this, m_out, m_err).run(rest);
    if (command == QLatin1String("client"))
        return ClientCommand(*this, m_out, m_err).run(rest);
    if (command == QLatin1String("credential"))
        return CredentialCommand(*this, m_out, m_err).run(rest);
    if (command == QLatin1String("check"))
        return CheckCommand(*this, m_out, m_err).run(rest);
    if (command == QLatin1String("audit"))
        return AuditCommand(*this, m_out, m_err).run(rest);
    return usage(tr("unknown command '%1'").arg(command));
}

int CommandLine::usage(const QString &problem)
{
    m_err << "gatehouse: " << problem << '\n'
          << tr("Run 'gatehouse --help' for the commands.") << '\n';
    return Usage;
}

int CommandLine::fail(const Error &error)
{
    m_err << "gatehouse: " << error.message() << '\n';
    return error.code() == ErrorCode::Validation || error.code() == ErrorCode::InvalidArgument
               ? Usage
               : Failure;
}

int CommandLine::printHelp()
{
    m_out
        << tr("Gatehouse %1: an MCP gateway with OAuth 2.1, per-user upstream credentials, "
              "permissions, quotas and spend caps.")
               .arg(QStringLiteral(GATEHOUSE_VERSION))
        << "\n\n"
        << tr("Usage:") << '\n'
        << tr("  gatehouse                   open the desktop application") << '\n'
        << tr("  gatehouse serve             run the gateway headless (--config FILE, --data DIR, "
              "--listen ADDR:PORT)")
        << '\n'
        << tr("  gatehouse config check FILE validate a configuration file") << '\n'
        << tr("  gatehouse import FILE       merge a configuration file into the store") << '\n'
        << tr("  gatehouse export --out DIR  write the store as a configuration bundle") << '\n'
        << tr("  gatehouse user add|passwd|list|hash-password   manage users who sign in") << '\n'
        << tr("  gatehouse token mint|list|revoke   bearer tokens for MCP clients") << '\n'
        << tr("  gatehouse client issue|list|revoke   OAuth clients the owner issues to users")
        << '\n'
        << tr("  gatehouse credential import|list|rotate|delete|rotate-master-key|...   upstream "
              "secrets, kept encrypted under the master key")
        << '\n'
        << tr("  gatehouse check --user NAME --tool SERVER.TOOL   may the user call the tool, "
              "and which rule decides")
        << '\n'
        << tr("  gatehouse audit tail [-n N] [--follow] [--json]   the newest tool calls of "
              "the audit log (filters: --user, --client, --server, --tool, --decision, --since)")
        << '\n'
        << tr("  gatehouse openapi inspect SPEC   list the tools a spec generates, with token "
              "estimates")
        << '\n'
        << tr("  gatehouse version           print the version") << "\n\n"
        << tr("Every command takes --help. Commands that use the store find it through "
              "--config FILE (its gateway.data_dir) or --data DIR; the default is %1.")
               .arg(Workspace::defaultDataDir())
        << '\n';
    return Success;
}

int CommandLine::version()
{
    m_out << "gatehouse " << GATEHOUSE_VERSION << " (Qt " << qVersion() << ")\n";
    return Success;
}

std::optional<int> CommandLine::parse(QCommandLineParser &parser, const QStringList &args,
                                      const QString &synopsis, const QString &description)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        m_out << tr("Usage: %1").arg(synopsis) << "\n\n" << description << "\n\n";
        // helpText() starts with its own usage line built from the program name; keep the options.
        const QString text = parser.helpText();
        const qsizetype options = text.indexOf(QLatin1String("Options:"));
        m_out << (options >= 0 ? text.mid(options) : text);
        return Success;
    }
    return std::nullopt;
}

void CommandLine::addStoreOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("config"),
                      tr("Find the store through this configuration file's gateway.data_dir."),
                      tr("FILE")});
    parser.addOption(
        {QStringLiteral("data"), tr("The data directory that holds the store."), tr("DIR")});
}

Result<std::unique_ptr<Workspace>> CommandLine::openWorkspace(const QCommandLineParser &parser)
{
    const auto dataDir = dataDirOf(parser);
    if (!dataDir)
        return dataDir.error();
    return Workspace::open(*dataDir);
}

Result<QString> CommandLine::dataDirOf(const QCommandLineParser &parser)
{
    QString dataDir = parser.value(QStringLiteral("data"));
    if (dataDir.isEmpty() && parser.isSet(QStringLiteral("config"))) {
        config::ConfigLoader loader(config::ConfigLoader::Options{false});
        const config::LoadResult loaded = loader.loadFile(parser.value(QStringLiteral("config")));
        if (!loaded.ok())
            return loaded.toResult().error();
        if (loaded.config->gateway.dataDir)
            dataDir = loaded.config->gateway.dataDir->resolved;
    }
    if (dataDir.isEmpty())
        dataDir = Workspace::defaultDataDir();
    return dataDir;
}

int CommandLine::configCheck(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("check"), tr("The subcommand: check."));
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("The configuration file (YAML or JSON)."));
    if (auto done = parse(parser, args, QStringLiteral("gatehouse config check FILE"),
                          tr("Validates a configuration file and its OpenAPI specs without "
                             "changing anything. Prints every error and warning with its line.")))
        return *done;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2 || pos.at(0) != QLatin1String("check"))
        return usage(tr("expected 'config check FILE'"));
    config::ConfigLoader loader;
    const config::LoadResult loaded = loader.loadFile(pos.at(1));
    printDiagnostics(m_err, loaded.diagnostics);
    if (!loaded.ok()) {
        m_err << tr("%1: %n error(s); nothing was changed.", nullptr, int(loaded.errors().size()))
                     .arg(pos.at(1))
              << '\n';
        return Usage;
    }
    m_out << tr("%1: valid (%n warning(s)).", nullptr, int(loaded.warnings().size())).arg(pos.at(1))
          << '\n';
    return Success;
}

int CommandLine::import(const QStringList &args)
{
    QCommandLineParser parser;
    addStoreOptions(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The configuration file to import."));
    if (auto done = parse(parser, args, QStringLiteral("gatehouse import FILE [--data DIR]"),
                          tr("Merges a configuration file into the store: its servers, tool "
                             "overrides, credentials' metadata, roles, plans, users and clients "
                             "are added or updated by name; nothing else is removed. A file with "
                             "any error changes nothing.")))
        return *done;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return usage(tr("expected one configuration file"));
    config::ConfigLoader loader;
    const config::LoadResult loaded = loader.loadFile(pos.at(0));
    printDiagnostics(m_err, loaded.diagnostics);
    if (!loaded.ok())
        return Usage;
    auto workspace = openWorkspace(parser);
    if (!workspace)
        return fail(workspace.error());
    config::StoreSync sync((*workspace)->database());
    const auto report = sync.apply(*loaded.config, config::StoreSync::Mode::Merge);
    if (!report)
        return fail(report.error());
    for (const QString &warning : report->warnings)
        m_err << tr("warning: ") << warning << '\n';
    m_out
        << tr("Imported %1 into %2: %3.").arg(pos.at(0), (*workspace)->dataDir(), report->summary())
        << '\n';
    return Success;
}

int CommandLine::exportBundle(const QStringList &args)
{
    QCommandLineParser parser;
    addStoreOptions(parser);
    parser.addOption({QStringLiteral("out"), tr("The folder to write the bundle to."), tr("DIR")});
    parser.addOption({QStringLiteral("seal-secrets"),
                      tr("Also carry the owner-wide secrets imported into the vault, sealed to a "
                         "new deployment key that is written beside the bundle as "
                         "DIR.deployment-key (mode 0600), never inside it. Install that key as "
                         "the server's master key. Per-user secrets are not exported.")});
    parser.addOption({QStringLiteral("force"),
                      tr("With --seal-secrets: replace an existing DIR.deployment-key.")});
    if (auto done = parse(parser, args,
                          QStringLiteral("gatehouse export --out DIR [--seal-secrets [--force]] "
                                         "[--config FILE | --data DIR]"),
                          tr("Writes the store as a bundle for `gatehouse serve --config`: "
                             "gatehouse.yaml, the local OpenAPI specs it names under specs/, and "
                             "a README. Secrets are never written into the bundle in clear; with "
                             "--seal-secrets the owner-wide ones are written sealed.")))
        return *done;
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        return usage(tr("--out DIR is required"));
    const bool seal = parser.isSet(QStringLiteral("seal-secrets"));
    const bool force = parser.isSet(QStringLiteral("force"));
    if (force && !seal)
        return usage(tr("--force only goes with --seal-secrets"));
    // The key goes beside the bundle, so that copying the folder never copies the key.
    const QString bundleDir = QDir::cleanPath(QFileInfo(out).absoluteFilePath());
    if (seal && QDir(bundleDir).isRoot())
        return usage(tr("--out cannot be the root folder: the deployment key is written beside "
                        "the bundle, never inside it"));
    gateway::BundleExporter::Options options;
    options.outDir = out;
    options.sealSecrets = seal;
    options.replaceKey = force;
    options.wording = gateway::BundleExporter::Wording::CommandLine;
    // The bundle must not carry the data folder (the store, the gateway's TLS key) along;
    // checked before the workspace is opened, which would create the folder.
    const auto dataDir = dataDirOf(parser);
    if (!dataDir)
        return fail(dataDir.error());
    options.dataDir = *dataDir;
    if (Status checked = gateway::BundleExporter::checkDestination(options); !checked)
        return fail(checked.error());

    auto workspace = openWorkspace(parser);
    if (!workspace)
        return fail(workspace.error());
    // The owner's vault, under the master key the configuration names.
    std::unique_ptr<secrets::MasterKeyProvider> provider;
    if (seal) {
        std::optional<config::MasterKeyConfig> masterKey;
        if (parser.isSet(QStringLiteral("config"))) {
            config::ConfigLoader loader(config::ConfigLoader::Options{false});
            const config::LoadResult loaded =
                loader.loadFile(parser.value(QStringLiteral("config")));
            if (!loaded.ok())
                return fail(loaded.toResult().error());
            masterKey = loaded.config->gateway.masterKey;
        }
        provider = secrets::CredentialVault::provider(masterKey);
    }
    const auto report =
        gateway::BundleExporter::run((*workspace)->database(), options, provider.get());
    if (!report)
        return fail(report.error());
    m_out << tr("Wrote %1. Run it with: gatehouse serve --config %1").arg(report->configFile)
          << '\n';
    if (!seal)
        return Success;
    if (report->sealed.isEmpty()) {
        m_out << tr("Nothing was sealed: no owner-wide secret is imported into the vault, so no "
                    "deployment key was written.")
              << '\n';
    } else {
        m_out << tr("Sealed the owner-wide secrets of %1 to the deployment key %2, beside the "
                    "bundle and not in it. Install it as the server's master key (the bundle's "
                    "README.md says how) and keep it apart from copies of the bundle.")
                     .arg(report->sealed.join(QStringLiteral(", ")), report->keyFile)
              << '\n';
    }
    if (!report->perUser.isEmpty())
        m_out << tr("Per-user secrets are not exported: each user of %1 imports their own on the "
                    "server with `gatehouse credential import NAME --user USER --from-stdin`.")
                     .arg(report->perUser.join(QStringLiteral(", ")))
              << '\n';
    if (!report->notImported.isEmpty())
        m_out << tr("Not sealed, no secret imported: %1 (import it on the server).")
                     .arg(report->notImported.join(QStringLiteral(", ")))
              << '\n';
    if (!report->refreshTokens.isEmpty())
        m_out << tr("Not sealed: %1 (an upstream rotates a refresh token, which only the "
                    "server's vault can store back; import it on the server).")
                     .arg(report->refreshTokens.join(QStringLiteral(", ")))
              << '\n';
    return Success;
}

int CommandLine::user(const QStringList &args)
{
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    QStringList rest = args.mid(2);
    rest.prepend(args.at(0) + QLatin1Char(' ') + sub);
    if (sub == QLatin1String("add"))
        return userAdd(rest);
    if (sub == QLatin1String("passwd"))
        return userPasswd(rest);
    if (sub == QLatin1String("list"))
        return userList(rest);
    if (sub == QLatin1String("hash-password"))
        return userHashPassword(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub.isEmpty()) {
        m_out << tr("Usage: gatehouse user add|passwd|list|hash-password [--help]") << "\n\n"
              << tr("  add NAME [--role ROLE]... [--plan PLAN]   create a user; the password is "
                    "read from standard input")
              << '\n'
              << tr("  passwd NAME                               set a user's password") << '\n'
              << tr("  list                                      list users") << '\n'
              << tr("  hash-password                             print the hash a config file's "
                    "password_hash takes")
              << '\n';
        return sub.isEmpty() ? Usage : Success;
    }
    return usage(tr("unknown user command '%1'").arg(sub));
}

int CommandLine::userAdd(const QStringList &args)
{
    QCommandLineParser parser;
    addStoreOptions(parser);
    parser.addOption({QStringLiteral("role"), tr("A role for the user (repeatable)."), tr("ROLE")});
    parser.addOption({QStringLiteral("plan"), tr("The user's plan."), tr("PLAN")});
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The user's name."));
    if (auto done = parse(parser, args,
                          QStringLiteral("gatehouse user add NAME [--role ROLE]... [--plan PLAN]"),
                          tr("Creates a user who signs in at the gateway. The password is read "
                             "from standard input when it is not a terminal, else asked twice.")))
        return *done;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return usage(tr("expected the user's name"));
    auto workspace = openWorkspace(parser);
    if (!workspace)
        return fail(workspace.error());
    const auto password = PasswordPrompt::read(tr("Password for %1: ").arg(pos.at(0)), true);
    if (!password)
        return fail(password.error());
    oauth::UserDirectory::NewUser user;
    user.name = pos.at(0);
    user.password = *password;
    user.roles = parser.values(QStringLiteral("role"));
    if (parser.isSet(QStringLiteral("plan")))
        user.plan = parser.value(QStringLiteral("plan"));
    const Status created = oauth::UserDirectory::addUser((*workspace)->database(), user);
    if (!created)
        return fail(created.error());
    m_out << tr("Added user %1.").arg(user.name) << '\n';
    return Success;
}

int CommandLine::userPasswd(const QStringList &args)
{
    QCommandLineParser parser;
    addStoreOptions(parser);
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The user's name."));
    if (auto done = parse(parser, args, QStringLiteral("gatehouse user passwd NAME"),
                          tr("Sets a user's password, read from standard input when it is not a "
                             "terminal, else asked twice.")))
        return *done;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return usage(tr("expected the user's name"));
    auto workspace = openWorkspace(parser);
    if (!workspace)
        return fail(workspace.error());
    store::UserRepository users((*workspace)->database());
    auto user = users.get(pos.at(0));
    if (!user)
        return fail(user.error());
    const auto password = PasswordPrompt::read(tr("New password for %1: ").arg(pos.at(0)), true);
    if (!password)
        return fail(password.error());
    const Status saved =
        oauth::UserDirectory::setPassword((*workspace)->database(), user->name, *password);
    if (!saved)
        return fail(saved.error());
    m_out << tr("Changed the password of %1.").arg(user->name) << '\n';
    return Success;
}

int CommandLine::userList(const QStringList &args)
{
    QCommandLineParser parser;
    addStoreOptions(parser);
    if (auto done = parse(parser, args, QStringLiteral("gatehouse user list"),
                          tr("Lists the users with their roles, plan and state.")))
        return *done;
    auto workspace = openWorkspace(parser);
    if (!workspace)
        return fail(workspace.error());
    store::UserRepository users((*workspace)->database());
    const auto list = users.list();
    if (!list)
        return fail(list.error());
    if (list->isEmpty()) {
        m_out << tr("No users yet. Add one with: gatehouse user add NAME") << '\n';
        return Success;
    }
    for (const store::User &u : *list) {
        m_out << u.name << '\t'
              << tr("roles: %1")
                     .arg(u.roles.isEmpty() ? QStringLiteral("-") : u.roles.join(QLatin1Char(',')))
              << '\t' << tr("plan: %1").arg(u.plan.value_or(QStringLiteral("-"))) << '\t'
              << (u.disabled ? tr("disabled") : tr("enabled")) << '\t'
              << (u.origin == store::Origin::Config ? tr("from config") : tr("local")) << '\n';
    }
    return Success;
}

int CommandLine::userHashPassword(const QStringList &args)
{
    QCommandLineParser parser;
    if (auto done = parse(parser, args, QStringLiteral("gatehouse user hash-password"),
                          tr("Prints the scrypt hash of a password for a config file's "
                             "password_hash. The password is read from standard input when it is "
                             "not a terminal, else asked twice.")))
        return *done;
    const auto password = PasswordPrompt::read(tr("Password: "), true);
    if (!password)
        return fail(password.error());
    const auto hash = oauth::PasswordHash::hash(*password);
    if (!hash)
        return fail(hash.error());
    m_out << *hash << '\n';
    return Success;
}

int CommandLine::serve(const QStringList &args)
{
    QCommandLineParser parser;
    addStoreOptions(parser);
    parser.addOption({QStringLiteral("listen"),
                      tr("The address and port to listen on (default 127.0.0.1:8787)."),
                      tr("ADDR:PORT")});
    if (auto done = parse(parser, args,
                          QStringLiteral("gatehouse serve [--config FILE] [--data DIR] "
                                         "[--listen ADDR:PORT]"),
                          tr("Runs the gateway without a window. With --config, the file is "
                             "applied to the store at start and again on SIGHUP; an invalid file "
                             "leaves the running configuration untouched. Stops cleanly on "
                             "SIGTERM and SIGINT.")))
        return *done;
    ServeCommand::Options options;
    options.configFile = parser.value(QStringLiteral("config"));
    options.dataDir = parser.value(QStringLiteral("data"));
    options.listen = parser.value(QStringLiteral("listen"));
    ServeCommand command(m_out, m_err);
    return command.run(options);
}

int CommandLine::openapi(const QStringList &args)
{
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    if (sub != QLatin1String("inspect")) {
        if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub.isEmpty()) {
            m_out << tr("Usage: gatehouse openapi inspect SPEC [--help]") << "\n\n"
                  << tr("  inspect SPEC   list the tools a spec generates, what was left out and "
                        "why, and the estimated tokens")
                  << '\n';
            return sub.isEmpty() ? Usage : Success;
        }
        return usage(tr("unknown openapi command '%1'").arg(sub));
    }
    QStringList rest = args.mid(2);
    rest.prepend(args.at(0) + QLatin1Char(' ') + sub);
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("SPEC"),
        tr("The OpenAPI document, a file or an http(s) URL (JSON or YAML; 2.0, 3.0 or 3.1)."));
    parser.addOption({QStringLiteral("config"),
                      tr("Take the tool settings (include, exclude, overrides, heuristics) from "
                         "a server of this configuration file."),
                      tr("FILE")});
    parser.addOption({QStringLiteral("server"),
                      tr("The server of --config whose settings apply; without SPEC, its spec "
                         "is inspected."),
                      tr("NAME")});
    parser.addOption({QStringLiteral("base-url"),
                      tr("The upstream's base URL, replacing the spec's servers."), tr("URL")});
    parser.addOption({QStringLiteral("discovery"),
                      tr("The discovery mode whose session start is estimated: flat, "
                         "hierarchical or search."),
                      tr("MODE")});
    parser.addOption({QStringLiteral("json"), tr("Print JSON instead of a table.")});
    if (auto done = parse(parser, rest,
                          QStringLiteral("gatehouse openapi inspect SPEC [--config FILE] "
                                         "[--server NAME] [--base-url URL] [--discovery MODE] "
                                         "[--json]"),
                          tr("Loads an OpenAPI document and prints the MCP tools the gateway "
                             "generates from it: name, action, resource and estimated tokens, "
                             "then the totals, the operations left out and why, and warnings. "
                             "Exit codes: 0 ok, 1 the spec cannot be loaded, 2 usage.")))
        return *done;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() > 1)
        return usage(tr("expected one spec file"));
    OpenApiInspectCommand::Options options;
    options.spec = pos.value(0);
    options.configFile = parser.value(QStringLiteral("config"));
    options.server = parser.value(QStringLiteral("server"));
    options.baseUrl = parser.value(QStringLiteral("base-url"));
    options.discovery = parser.value(QStringLiteral("discovery"));
    options.json = parser.isSet(QStringLiteral("json"));
    OpenApiInspectCommand command(m_out, m_err);
    return command.run(options);
}

} // namespace gatehouse::app
