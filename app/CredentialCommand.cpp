#include "CredentialCommand.h"

#include "CommandLine.h"
#include "CommandText.h"
#include "PasswordPrompt.h"
#include "Workspace.h"
#include "config/ConfigLoader.h"
#include "config/StoreSync.h"
#include "secrets/CredentialManager.h"
#include "secrets/CredentialVault.h"
#include "secrets/MasterKey.h"
#include "secrets/MasterKeyProvider.h"
#include "secrets/RecoveryKey.h"
#include "secrets/Vault.h"
#include "store/CredentialRepository.h"
#include "store/SecretRepository.h"
#include "store/UserRepository.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

#include <openssl/crypto.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace gatehouse::app {

namespace {

constexpr qint64 kMaxSecretBytes = 64 * 1024;

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

void chopNewline(QByteArray &bytes)
{
    if (bytes.endsWith("\r\n"))
        bytes.chop(2);
    else if (bytes.endsWith('\n'))
        bytes.chop(1);
}

} // namespace

CredentialCommand::CredentialCommand(CommandLine &commandLine, QTextStream &out, QTextStream &err)
    : m_cli(commandLine)
    , m_out(out)
    , m_err(err)
{}

int CredentialCommand::run(const QStringList &args)
{
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    QStringList rest = args.mid(2);
    rest.prepend(args.at(0) + u' ' + sub);
    if (sub == u"import"_s)
        return importSecret(rest);
    if (sub == u"list"_s)
        return list(rest);
    if (sub == u"rotate"_s)
        return rotateSecret(rest);
    if (sub == u"delete"_s)
        return remove(rest);
    if (sub == u"rotate-master-key"_s)
        return rotateMasterKey(rest);
    if (sub == u"recovery-key"_s)
        return recoveryKey(rest);
    if (sub == u"restore-master-key"_s)
        return restoreMasterKey(rest);
    if (sub == u"--help"_s || sub == u"-h"_s || sub.isEmpty()) {
        m_out << tr("Usage: gatehouse credential import|list|rotate|delete|rotate-master-key|"
                    "recovery-key|restore-master-key [--help]")
              << "\n\n"
              << tr("  import NAME [--user U] (--from-stdin | --from-file F)   keep a secret "
                    "encrypted in the store")
              << '\n'
              << tr("  list                          credentials, where their secrets come from, "
                    "who has one (never a secret)")
              << '\n'
              << tr("  rotate NAME [--user U] (--from-stdin | --from-file F)   replace a secret")
              << '\n'
              << tr("  delete NAME [--user U]        remove a secret") << '\n'
              << tr("  rotate-master-key             re-encrypt every secret under a new master "
                    "key")
              << '\n'
              << tr("  recovery-key                  print the master key's recovery key") << '\n'
              << tr("  restore-master-key            put the master key back from its recovery "
                    "key")
              << '\n';
        return sub.isEmpty() ? CommandLine::Usage : CommandLine::Success;
    }
    return m_cli.usage(tr("unknown credential command '%1'").arg(sub));
}

Result<std::optional<config::Config>>
CredentialCommand::loadConfig(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"config"_s))
        return std::optional<config::Config>();
    config::ConfigLoader loader(config::ConfigLoader::Options{false});
    const config::LoadResult loaded = loader.loadFile(parser.value(u"config"_s));
    if (!loaded.ok())
        return loaded.toResult().error();
    return std::optional<config::Config>(*loaded.config);
}

Result<store::Credential> CredentialCommand::credential(store::Database &database,
                                                        const QString &name,
                                                        const std::optional<config::Config> &config,
                                                        const QCommandLineParser &parser,
                                                        bool declare)
{
    store::CredentialRepository credentials(database);
    const bool declaring = declare && (parser.isSet(u"type"_s) || parser.isSet(u"in"_s) ||
                                       parser.isSet(u"param"_s) || parser.isSet(u"per-user"_s));
    auto stored = credentials.get(name);
    if (stored) {
        if (declaring)
            return Error(ErrorCode::InvalidArgument,
                         tr("credential %1 is already declared (type %2); --type, --in, --param "
                            "and --per-user only declare a new one")
                             .arg(name, stored->type));
        return stored;
    }
    if (stored.error().code() != ErrorCode::NotFound)
        return stored.error();

    if (config) {
        for (const config::Credential &c : config->credentials) {
            if (c.name != name)
                continue;
            if (declaring)
                return Error(ErrorCode::InvalidArgument,
                             tr("credential %1 is declared in %2; --type, --in, --param and "
                                "--per-user only declare a new one")
                                 .arg(name, parser.value(u"config"_s)));
            store::Credential record = config::StoreSync::credentialRecord(c);
            record.origin = store::Origin::Config;
            if (Status saved = credentials.upsert(record); !saved)
                return saved.error();
            return record;
        }
    }
    if (!declaring || !parser.isSet(u"type"_s))
        return Error(ErrorCode::NotFound,
                     declare ? tr("there is no credential named %1: declare it in the "
                                  "configuration (and pass --config FILE), or here with --type "
                                  "api_key|bearer|basic [--in header|query|cookie] [--param NAME] "
                                  "[--per-user]")
                                   .arg(name)
                             : tr("there is no credential named %1; `gatehouse credential list` "
                                  "shows the credentials")
                                   .arg(name));

    store::Credential record;
    record.name = name;
    record.type = parser.value(u"type"_s);
    const auto type = config::fromString<config::CredentialType>(record.type);
    if (!type)
        return Error(
            ErrorCode::InvalidArgument,
            tr("--type %1: expected one of %2")
                .arg(record.type, config::enumNames<config::CredentialType>().join(u", "_s)));
    if (*type == config::CredentialType::ApiKey) {
        if (!parser.isSet(u"param"_s))
            return Error(ErrorCode::InvalidArgument,
                         tr("an api_key credential needs --param, the header, query or cookie "
                            "name the key goes in"));
        record.param = parser.value(u"param"_s);
        if (parser.isSet(u"in"_s)) {
            if (!config::fromString<config::ParamLocation>(parser.value(u"in"_s)))
                return Error(
                    ErrorCode::InvalidArgument,
                    tr("--in %1: expected header, query or cookie").arg(parser.value(u"in"_s)));
            record.location = parser.value(u"in"_s);
        }
    } else if (parser.isSet(u"in"_s) || parser.isSet(u"param"_s)) {
        return Error(ErrorCode::InvalidArgument,
                     tr("--in and --param are for api_key credentials; a %1 credential goes "
                        "where its type says")
                         .arg(record.type));
    }
    record.perUser = parser.isSet(u"per-user"_s);
    record.secret = store::SecretReference{u"keychain"_s, name};
    record.origin = store::Origin::Local;
    if (Status created = credentials.create(record); !created)
        return created.error();
    m_err << tr("Declared credential %1 (%2).").arg(name, record.type) << '\n';
    return record;
}

Result<QString> CredentialCommand::owner(store::Database &database,
                                         const store::Credential &credential,
                                         const QCommandLineParser &parser)
{
    const QString user = parser.value(u"user"_s);
    if (credential.perUser && user.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     tr("credential %1 is per user: name the user whose secret this is with "
                        "--user NAME")
                         .arg(credential.name));
    if (!credential.perUser && !user.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     tr("credential %1 is owner-wide (not per_user), so it takes no --user")
                         .arg(credential.name));
    if (!user.isEmpty()) {
        auto found = store::UserRepository(database).get(user);
        if (!found)
            return found.error();
    }
    return user;
}

Result<QByteArray> CredentialCommand::readSecret(const QCommandLineParser &parser,
                                                 const QString &name)
{
    const bool fromStdin = parser.isSet(u"from-stdin"_s);
    const bool fromFile = parser.isSet(u"from-file"_s);
    if (fromStdin == fromFile)
        return Error(ErrorCode::InvalidArgument,
                     tr("give the secret with exactly one of --from-stdin and --from-file FILE"));
    QByteArray secret;
    if (fromStdin && ::isatty(STDIN_FILENO)) {
        auto typed = PasswordPrompt::read(tr("Secret for %1: ").arg(name), true);
        if (!typed)
            return typed.error();
        secret = typed->toUtf8();
        PasswordPrompt::wipe(*typed);
    } else {
        // Unbuffered, into one buffer allocated once: no copy of the secret stays behind in a
        // QIODevice or stdio buffer, or in memory a growing buffer left.
        QFile file;
        const QString path = fromFile ? parser.value(u"from-file"_s) : QString();
        const auto mode = QIODevice::ReadOnly | QIODevice::Unbuffered;
        const bool opened =
            fromFile ? (file.setFileName(path), file.open(mode)) : file.open(STDIN_FILENO, mode);
        if (!opened)
            return Error(ErrorCode::Io,
                         fromFile ? tr("cannot read %1: %2").arg(path, file.errorString())
                                  : tr("cannot read standard input: %1").arg(file.errorString()));
        secret = QByteArray(kMaxSecretBytes + 1, Qt::Uninitialized);
        qint64 total = 0;
        while (total < secret.size()) {
            const qint64 n = file.read(secret.data() + total, secret.size() - total);
            if (n < 0) {
                wipe(secret);
                return Error(ErrorCode::Io,
                             fromFile
                                 ? tr("cannot read %1: %2").arg(path, file.errorString())
                                 : tr("cannot read standard input: %1").arg(file.errorString()));
            }
            if (n == 0)
                break;
            total += n;
        }
        if (total > kMaxSecretBytes) {
            wipe(secret);
            return Error(ErrorCode::InvalidArgument,
                         tr("the secret is longer than %1 KiB, which no secret is; check what "
                            "you gave")
                             .arg(kMaxSecretBytes / 1024));
        }
        secret.truncate(total); // shrinking keeps the buffer: nothing is copied
        chopNewline(secret);
    }
    if (secret.isEmpty())
        return Error(
            ErrorCode::InvalidArgument,
            fromFile ? tr("%1 is empty; write the secret into it").arg(parser.value(u"from-file"_s))
                     : tr("no secret on standard input: pipe it in, e.g. `printf "
                          "'%s' \"$SECRET\" | gatehouse credential import %1 "
                          "--from-stdin`")
                           .arg(name));
    return secret;
}

void CredentialCommand::printRecoveryKey(const QString &recoveryKey, const QString &where)
{
    m_err << tr("A new master key was created in %1. Its recovery key is shown only now; keep it "
                "somewhere safe and offline, since it opens every secret in the store, and enter "
                "it with `gatehouse credential restore-master-key` if the key is ever lost:")
                 .arg(where)
          << "\n\n    " << recoveryKey << "\n\n";
    m_err.flush();
}

namespace {

void addSecretOptions(QCommandLineParser &parser)
{
    parser.addOption({u"user"_s,
                      CredentialCommand::tr("The user whose own secret this is (per-user "
                                            "credentials only)."),
                      CredentialCommand::tr("NAME")});
    parser.addOption(
        {u"from-stdin"_s, CredentialCommand::tr("Read the secret from standard input (one trailing "
                                                "new line is dropped; asked with echo off on a "
                                                "terminal).")});
    parser.addOption(
        {u"from-file"_s,
         CredentialCommand::tr("Read the secret from this file (one trailing new line is "
                               "dropped)."),
         CredentialCommand::tr("FILE")});
}

} // namespace

int CredentialCommand::importSecret(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    addSecretOptions(parser);
    parser.addOption({u"type"_s,
                      tr("Declare a new credential of this type: api_key, bearer, basic, "
                         "oauth2_client_credentials or oauth2_refresh_token."),
                      tr("TYPE")});
    parser.addOption(
        {u"in"_s, tr("Where a new api_key goes: header (default), query or cookie."), tr("IN")});
    parser.addOption(
        {u"param"_s, tr("The header, query or cookie name of a new api_key."), tr("NAME")});
    parser.addOption({u"per-user"_s, tr("Declare the new credential per user.")});
    parser.addPositionalArgument(u"NAME"_s, tr("The credential's name."));
    if (auto done = m_cli.parse(
            parser, args,
            u"gatehouse credential import NAME [--user U] (--from-stdin | --from-file F) "
            "[--type T [--in IN] [--param P] [--per-user]] [--config FILE] [--data DIR]"_s,
            tr("Encrypts a credential's secret under the master key and keeps it in the store; "
               "the gateway decrypts it for each call that needs it. The credential's type and "
               "placement come from its declaration (the store, or --config); --type declares a "
               "new one. The first import creates the master key (in gateway.master_key of "
               "--config, else the system keychain) and prints its recovery key once, on "
               "standard error. The secret is never printed.")))
        return *done;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return m_cli.usage(tr("expected the credential's name"));
    const QString name = pos.at(0);
    if (parser.isSet(u"from-stdin"_s) == parser.isSet(u"from-file"_s))
        return m_cli.usage(
            tr("give the secret with exactly one of --from-stdin and --from-file FILE"));
    auto config = loadConfig(parser);
    if (!config)
        return m_cli.fail(config.error());
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    store::Database &database = (*workspace)->database();
    auto declared = credential(database, name, *config, parser, true);
    if (!declared)
        return m_cli.fail(declared.error());
    if (!secrets::CredentialManager::fromVault(*declared))
        return m_cli.fail(Error(
            ErrorCode::Validation,
            tr("credential %1 takes its secret from %2 (secret: {%2: %3}), not from the vault; "
               "to keep it in the vault, change that to secret: {keychain: %1}")
                .arg(name, declared->secret->kind, declared->secret->value)));
    auto user = owner(database, *declared, parser);
    if (!user)
        return m_cli.fail(user.error());
    if (auto existing = store::SecretRepository(database).get(name, *user); existing)
        return m_cli.fail(Error(ErrorCode::AlreadyExists,
                                user->isEmpty()
                                    ? tr("credential %1 already has a secret; replace it with: "
                                         "gatehouse credential rotate %1 --from-stdin")
                                          .arg(name)
                                    : tr("user %2 already has a secret for credential %1; "
                                         "replace it with: gatehouse credential rotate %1 "
                                         "--user %2 --from-stdin")
                                          .arg(name, *user)));
    auto secret = readSecret(parser, name);
    if (!secret)
        return m_cli.fail(secret.error());

    const auto provider =
        secrets::CredentialVault::provider(*config ? (*config)->gateway.masterKey : std::nullopt);
    auto imported =
        secrets::CredentialManager::importSecret(database, *provider, *declared, *user, *secret);
    wipe(*secret);
    if (!imported)
        return m_cli.fail(imported.error());
    if (!imported->recoveryKey.isEmpty())
        printRecoveryKey(imported->recoveryKey, provider->describe());
    m_out << (user->isEmpty()
                  ? tr("Imported the secret of credential %1, encrypted under master key %2.")
                        .arg(name, imported->vault->keyId())
                  : tr("Imported user %3's secret for credential %1, encrypted under master key "
                       "%2.")
                        .arg(name, imported->vault->keyId(), *user))
          << '\n';
    return CommandLine::Success;
}

int CredentialCommand::rotateSecret(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    addSecretOptions(parser);
    parser.addPositionalArgument(u"NAME"_s, tr("The credential's name."));
    if (auto done = m_cli.parse(
            parser, args,
            u"gatehouse credential rotate NAME [--user U] (--from-stdin | --from-file F) "
            "[--config FILE] [--data DIR]"_s,
            tr("Replaces an imported secret with a new one (after it was rotated at the "
               "upstream). Calls use the new secret from the next one on.")))
        return *done;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return m_cli.usage(tr("expected the credential's name"));
    const QString name = pos.at(0);
    if (parser.isSet(u"from-stdin"_s) == parser.isSet(u"from-file"_s))
        return m_cli.usage(
            tr("give the secret with exactly one of --from-stdin and --from-file FILE"));
    auto config = loadConfig(parser);
    if (!config)
        return m_cli.fail(config.error());
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    store::Database &database = (*workspace)->database();
    auto declared = credential(database, name, *config, parser, false);
    if (!declared)
        return m_cli.fail(declared.error());
    auto user = owner(database, *declared, parser);
    if (!user)
        return m_cli.fail(user.error());
    if (auto existing = store::SecretRepository(database).get(name, *user); !existing) {
        if (existing.error().code() != ErrorCode::NotFound)
            return m_cli.fail(existing.error());
        return m_cli.fail(
            Error(ErrorCode::NotFound,
                  tr("there is no secret to replace; add it with: gatehouse credential import %1%2 "
                     "--from-stdin")
                      .arg(name, user->isEmpty() ? QString() : u" --user "_s + *user)));
    }
    auto secret = readSecret(parser, name);
    if (!secret)
        return m_cli.fail(secret.error());
    const auto provider =
        secrets::CredentialVault::provider(*config ? (*config)->gateway.masterKey : std::nullopt);
    const auto replaced =
        secrets::CredentialManager::replaceSecret(database, *provider, name, *user, *secret);
    wipe(*secret);
    if (!replaced)
        return m_cli.fail(replaced.error());
    m_out << (user->isEmpty() ? tr("Replaced the secret of credential %1.").arg(name)
                              : tr("Replaced user %2's secret for credential %1.").arg(name, *user))
          << '\n';
    return CommandLine::Success;
}

int CredentialCommand::remove(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    parser.addOption(
        {u"user"_s, tr("Remove this user's own secret (per-user credentials)."), tr("NAME")});
    parser.addPositionalArgument(u"NAME"_s, tr("The credential's name."));
    if (auto done = m_cli.parse(
            parser, args, u"gatehouse credential delete NAME [--user U] [--data DIR]"_s,
            tr("Removes an imported secret: calls that need it fail with a tool error that says "
               "how to import it again. A credential that `credential import --type` declared "
               "goes with its last secret, unless a server still names it.")))
        return *done;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return m_cli.usage(tr("expected the credential's name"));
    const QString name = pos.at(0);
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    store::Database &database = (*workspace)->database();
    store::CredentialRepository credentials(database);
    auto declared = credentials.get(name);
    if (!declared)
        return m_cli.fail(declared.error());
    auto user = owner(database, *declared, parser);
    if (!user)
        return m_cli.fail(user.error());
    const auto removed = secrets::CredentialManager::removeSecret(database, name, *user);
    if (!removed)
        return m_cli.fail(removed.error());
    m_out << (user->isEmpty() ? tr("Removed the secret of credential %1.").arg(name)
                              : tr("Removed user %2's secret for credential %1.").arg(name, *user))
          << '\n';
    if (removed->credentialRemoved)
        m_out << tr("Removed credential %1, which had no other secret.").arg(name) << '\n';
    return CommandLine::Success;
}

int CredentialCommand::list(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    if (auto done = m_cli.parse(
            parser, args, u"gatehouse credential list [--data DIR]"_s,
            tr("Lists the credentials: name, type, where the secret goes, where it comes from, "
               "who has one imported (owner-wide, or the users of a per-user credential) and "
               "when it was last used. Secrets are never shown.")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return m_cli.usage(
            tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    store::Database &database = (*workspace)->database();
    const auto credentials = secrets::CredentialManager::summaries(database);
    if (!credentials)
        return m_cli.fail(credentials.error());
    if (credentials->isEmpty()) {
        m_out << tr("No credentials. Declare one in the configuration, or import one with: "
                    "gatehouse credential import NAME --type bearer --from-stdin")
              << '\n';
        return CommandLine::Success;
    }
    QList<QStringList> rows;
    rows << QStringList{tr("NAME"),   tr("TYPE"),     tr("PLACEMENT"),
                        tr("SECRET"), tr("IMPORTED"), tr("LAST USED")};
    for (const secrets::CredentialSummary &summary : *credentials) {
        const store::Credential &c = summary.credential;
        QStringList users;
        for (const QString &user : summary.users())
            users << CommandText::printable(user);
        QString source;
        QString imported;
        if (secrets::CredentialManager::fromVault(c)) {
            source = tr("vault");
            imported =
                c.perUser
                    ? (users.isEmpty() ? tr("no user yet") : tr("users: %1").arg(users.join(u',')))
                    : (summary.hasOwnerWideSecret() ? tr("owner-wide") : tr("not yet"));
        } else {
            source = c.secret->kind + u' ' + CommandText::printable(c.secret->value);
            imported = u"-"_s;
        }
        rows << QStringList{CommandText::printable(c.name),
                            c.type + (c.perUser ? tr(" (per user)") : QString()),
                            CommandText::printable(secrets::CredentialManager::placement(c)),
                            source,
                            imported,
                            summary.lastUsedAt ? CommandText::utcMinutes(*summary.lastUsedAt)
                                               : tr("never")};
    }
    CommandText::printTable(m_out, rows);
    return CommandLine::Success;
}

int CredentialCommand::rotateMasterKey(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    if (auto done = m_cli.parse(
            parser, args, u"gatehouse credential rotate-master-key [--config FILE] [--data DIR]"_s,
            tr("Creates a new master key, keeps it beside the current one where "
               "gateway.master_key says (keychain entry NAME.next, key file PATH.next), "
               "re-encrypts every stored secret under it in one transaction, and then makes it "
               "the key (a key file is replaced atomically). Its recovery key is printed on "
               "standard error before anything changes; a rotation interrupted after the "
               "re-encryption is finished by the next credential command or gateway start. Keys "
               "in the environment or a systemd credential are refused with how to rotate them. "
               "A running gateway must be restarted.")))
        return *done;
    auto config = loadConfig(parser);
    if (!config)
        return m_cli.fail(config.error());
    const auto provider =
        secrets::CredentialVault::provider(*config ? (*config)->gateway.masterKey : std::nullopt);
    // Before anything is printed or changed: the environment and systemd credentials say how to
    // rotate their key by hand.
    if (Status rotatable = provider->rotatable(); !rotatable)
        return m_cli.fail(rotatable.error());
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    store::Database &database = (*workspace)->database();
    auto vault = secrets::CredentialVault::openExisting(database, *provider);
    if (!vault)
        return m_cli.fail(vault.error());
    if (!*vault)
        return m_cli.fail(Error(ErrorCode::NotFound,
                                tr("the store holds no secrets yet, so there is no master key to "
                                   "replace; the first `gatehouse credential import` creates "
                                   "one")));
    auto next = secrets::MasterKey::generate();
    if (!next)
        return m_cli.fail(next.error());
    const QString previous = (*vault)->keyId();

    m_err << tr("The new master key's recovery key (keep it safe and offline; the old recovery "
                "key stops working once the secrets are re-encrypted):")
          << "\n\n    " << secrets::RecoveryKey::format(*next) << "\n\n";
    m_err.flush();
    // The new key is kept beside the old one (staged) before the store changes, and replaces it
    // after the commit, so a crash at any step leaves a key that opens the store.
    if (Status rotated = (*vault)->rotate(*next, *provider); !rotated)
        return m_cli.fail(rotated.error());
    const auto count = store::SecretRepository(database).list();
    m_out << tr("Re-encrypted %1 secrets under master key %2 (was %3), kept in %4. Restart a "
                "running gateway so that it uses the new key.")
                 .arg(count ? count->size() : 0)
                 .arg((*vault)->keyId(), previous, provider->describe())
          << '\n';
    return CommandLine::Success;
}

int CredentialCommand::recoveryKey(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    if (auto done = m_cli.parse(
            parser, args, u"gatehouse credential recovery-key [--config FILE] [--data DIR]"_s,
            tr("Prints the recovery key of the master key the store's secrets are encrypted "
               "under, on standard output: the master key itself, written for people. Anyone "
               "who has it can decrypt the store's secrets; keep it offline.")))
        return *done;
    auto config = loadConfig(parser);
    if (!config)
        return m_cli.fail(config.error());
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    const auto provider =
        secrets::CredentialVault::provider(*config ? (*config)->gateway.masterKey : std::nullopt);
    auto key = secrets::CredentialVault::currentKey((*workspace)->database(), *provider);
    if (!key)
        return m_cli.fail(key.error());
    m_out << secrets::RecoveryKey::format(*key) << '\n';
    return CommandLine::Success;
}

int CredentialCommand::restoreMasterKey(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    if (auto done = m_cli.parse(
            parser, args, u"gatehouse credential restore-master-key [--config FILE] [--data DIR]"_s,
            tr("Reads a recovery key (from standard input, or asked on a terminal), checks that "
               "it is the master key the store's secrets are encrypted under, and stores it where "
               "gateway.master_key says (the system keychain by default).")))
        return *done;
    auto config = loadConfig(parser);
    if (!config)
        return m_cli.fail(config.error());
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    const auto check = store::SecretRepository((*workspace)->database()).keyCheck();
    if (!check)
        return m_cli.fail(check.error());
    if (check->isEmpty())
        return m_cli.fail(Error(ErrorCode::NotFound,
                                tr("the store has no master key to restore: no secret was ever "
                                   "imported into it")));
    auto text = PasswordPrompt::read(tr("Recovery key: "), false);
    if (!text)
        return m_cli.fail(text.error());
    auto key = secrets::RecoveryKey::parse(*text);
    PasswordPrompt::wipe(*text);
    if (!key)
        return m_cli.fail(key.error());
    auto vault = secrets::Vault::open(*key, *check);
    if (!vault)
        return m_cli.fail(vault.error());
    const auto provider =
        secrets::CredentialVault::provider(*config ? (*config)->gateway.masterKey : std::nullopt);
    if (auto present = provider->load(); present && *present == *key) {
        m_out << tr("%1 already holds this master key (%2).")
                     .arg(provider->describe(), vault->keyId())
              << '\n';
        return CommandLine::Success;
    }
    if (Status stored = provider->store(*key); !stored)
        return m_cli.fail(stored.error());
    m_out << tr("Restored master key %1 in %2.").arg(vault->keyId(), provider->describe()) << '\n';
    return CommandLine::Success;
}

} // namespace gatehouse::app
