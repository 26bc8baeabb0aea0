#include "CredentialManager.h"

#include "config/Config.h"
#include "secrets/CredentialVault.h"
#include "secrets/MasterKeyProvider.h"
#include "store/Database.h"
#include "store/UserRepository.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gatehouse::secrets {

bool CredentialSummary::hasOwnerWideSecret() const
{
    return std::any_of(holders.cbegin(), holders.cend(),
                       [](const SecretHolder &h) { return h.user.isEmpty(); });
}

QStringList CredentialSummary::users() const
{
    QStringList names;
    for (const SecretHolder &h : holders)
        if (!h.user.isEmpty())
            names.append(h.user);
    return names;
}

Result<QList<CredentialSummary>> CredentialManager::summaries(store::Database &database)
{
    auto credentials = store::CredentialRepository(database).list();
    if (!credentials)
        return credentials.error();
    const auto stored = store::SecretRepository(database).list(); // by credential, then user
    if (!stored)
        return stored.error();
    QList<CredentialSummary> result;
    for (const store::Credential &c : std::as_const(*credentials)) {
        CredentialSummary summary;
        summary.credential = c;
        summary.lastUsedAt = c.lastUsedAt;
        for (const store::StoredSecret &s : *stored) {
            if (s.credential != c.name)
                continue;
            summary.holders.append(SecretHolder{s.user, s.createdAt, s.rotatedAt, s.lastUsedAt});
            if (s.lastUsedAt && (!summary.lastUsedAt || *s.lastUsedAt > *summary.lastUsedAt))
                summary.lastUsedAt = s.lastUsedAt;
        }
        result.append(std::move(summary));
    }
    std::sort(result.begin(), result.end(),
              [](const CredentialSummary &a, const CredentialSummary &b) {
                  return a.credential.name < b.credential.name;
              });
    return result;
}

bool CredentialManager::fromVault(const store::Credential &credential)
{
    return !credential.secret || credential.secret->kind == u"keychain"_s;
}

QString CredentialManager::placement(const store::Credential &c)
{
    if (c.type == u"api_key"_s)
        return c.param ? c.location.value_or(u"header"_s) + u' ' + *c.param
                       : tr("where the spec's API key scheme says");
    if (c.type == u"bearer"_s)
        return u"Authorization: Bearer"_s;
    if (c.type == u"basic"_s)
        return u"Authorization: Basic"_s;
    if (c.type.startsWith(u"oauth2_"_s))
        return tr("Authorization: Bearer (an access token from %1)")
            .arg(c.tokenUrl.value_or(tr("the token endpoint")));
    return u"-"_s;
}

QStringList CredentialManager::declarableTypes()
{
    using config::CredentialType;
    return {config::toString(CredentialType::ApiKey), config::toString(CredentialType::Bearer),
            config::toString(CredentialType::Basic)};
}

QString CredentialManager::problemWith(const store::Credential &d)
{
    if (d.name.trimmed().isEmpty())
        return tr("A credential needs a name, e.g. billing-key; servers and tools refer to it by "
                  "that name.");
    if (d.name != d.name.trimmed())
        return tr("The name '%1' starts or ends with a space; remove it.").arg(d.name);
    for (const QChar ch : d.name)
        if (!(ch.isLetterOrNumber() || ch == u'-' || ch == u'_' || ch == u'.'))
            return tr("The name '%1' may hold only letters, digits, '-', '_' and '.'.").arg(d.name);
    if (!declarableTypes().contains(d.type))
        return tr("The type must be one of %1; OAuth 2 credentials are declared in the "
                  "configuration.")
            .arg(declarableTypes().join(u", "_s));
    if (d.type == u"api_key"_s) {
        if (!d.param || d.param->trimmed().isEmpty())
            return tr("An API key needs the name of the header, query parameter or cookie it "
                      "goes in, e.g. X-API-Key.");
        if (*d.param != d.param->trimmed() || d.param->contains(u' '))
            return tr("The name '%1' of where the key goes may not contain spaces.").arg(*d.param);
        if (d.location && !config::fromString<config::ParamLocation>(*d.location))
            return tr("An API key goes in a header, a query parameter or a cookie, not '%1'.")
                .arg(*d.location);
    } else if (d.location || d.param) {
        return tr("A %1 credential always goes in the Authorization header; only an API key goes "
                  "where you choose.")
            .arg(d.type);
    }
    return {};
}

store::Credential CredentialManager::declaration(const QString &name, const QString &type,
                                                 const std::optional<QString> &location,
                                                 const std::optional<QString> &param, bool perUser)
{
    store::Credential record;
    record.name = name;
    record.type = type;
    record.location = location;
    record.param = param;
    record.perUser = perUser;
    record.secret = store::SecretReference{u"keychain"_s, name};
    record.origin = store::Origin::Local;
    return record;
}

Status CredentialManager::checkOwner(store::Database &database, const store::Credential &credential,
                                     const QString &user)
{
    if (credential.perUser && user.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     tr("Credential %1 is per user: choose the user whose secret this is.")
                         .arg(credential.name));
    if (!credential.perUser && !user.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     tr("Credential %1 is owner-wide: its one secret serves every user, so it "
                        "belongs to no user.")
                         .arg(credential.name));
    if (!user.isEmpty()) {
        if (auto found = store::UserRepository(database).get(user); !found)
            return found.error();
    }
    return {};
}

Result<CredentialManager::Imported>
CredentialManager::importSecret(store::Database &database, MasterKeyProvider &provider,
                                const store::Credential &declaration, const QString &user,
                                QByteArrayView secret)
{
    if (secret.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     tr("The secret of %1 is empty; paste the key or token the upstream issued.")
                         .arg(declaration.name));
    store::CredentialRepository credentials(database);
    store::Credential credential = declaration;
    bool declaring = false;
    if (auto stored = credentials.get(declaration.name)) {
        credential = *stored;
    } else if (stored.error().code() == ErrorCode::NotFound) {
        if (const QString problem = problemWith(declaration); !problem.isEmpty())
            return Error(ErrorCode::InvalidArgument, problem);
        declaring = true;
    } else {
        return stored.error();
    }
    if (!fromVault(credential))
        return Error(ErrorCode::Validation,
                     tr("Credential %1 takes its secret from %2 (secret: {%2: %3}), not from the "
                        "vault; to keep it in the vault, change that to secret: {keychain: %1} "
                        "in the configuration.")
                         .arg(credential.name, credential.secret->kind, credential.secret->value));
    if (Status owner = checkOwner(database, credential, user); !owner)
        return owner.error();
    if (auto existing = store::SecretRepository(database).get(credential.name, user); existing)
        return Error(
            ErrorCode::AlreadyExists,
            user.isEmpty()
                ? tr("Credential %1 already has a secret; replace it instead.").arg(credential.name)
                : tr("User %2 already has a secret for credential %1; replace it "
                     "instead.")
                      .arg(credential.name, user));
    else if (existing.error().code() != ErrorCode::NotFound)
        return existing.error();

    // The master key first: when the keychain cannot be reached nothing is declared.
    auto opened = CredentialVault::open(database, provider);
    if (!opened)
        return opened.error();
    if (declaring) {
        if (Status created = credentials.create(credential); !created)
            return created.error();
    }
    if (Status added = opened->vault->add(credential.name, user, secret); !added) {
        if (declaring)
            (void)credentials.remove(credential.name);
        return added.error();
    }
    return Imported{opened->vault, declaring, opened->recoveryKey};
}

Result<std::shared_ptr<CredentialVault>>
CredentialManager::replaceSecret(store::Database &database, MasterKeyProvider &provider,
                                 const QString &name, const QString &user, QByteArrayView secret)
{
    if (secret.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     tr("The new secret of %1 is empty; paste the key or token the upstream "
                        "issued.")
                         .arg(name));
    auto credential = store::CredentialRepository(database).get(name);
    if (!credential)
        return credential.error();
    if (Status owner = checkOwner(database, *credential, user); !owner)
        return owner.error();
    if (auto existing = store::SecretRepository(database).get(name, user); !existing) {
        if (existing.error().code() != ErrorCode::NotFound)
            return existing.error();
        return Error(ErrorCode::NotFound,
                     user.isEmpty()
                         ? tr("Credential %1 has no secret to replace; import one.").arg(name)
                         : tr("User %2 has no secret for credential %1 to replace; "
                              "import one.")
                               .arg(name, user));
    }
    auto opened = CredentialVault::open(database, provider);
    if (!opened)
        return opened.error();
    if (Status replaced = opened->vault->replace(name, user, secret); !replaced)
        return replaced.error();
    return opened->vault;
}

Result<CredentialManager::Removed>
CredentialManager::removeSecret(store::Database &database, const QString &name, const QString &user)
{
    store::CredentialRepository credentials(database);
    auto credential = credentials.get(name);
    if (!credential)
        return credential.error();
    if (Status owner = checkOwner(database, *credential, user); !owner)
        return owner.error();
    store::SecretRepository secrets(database);
    if (Status removed = secrets.remove(name, user); !removed)
        return removed.error();
    Removed result;
    if (credential->origin == store::Origin::Local) {
        const auto left = secrets.listForCredential(name);
        // Conflict: a server or tool override still names it, and it stays declared.
        result.credentialRemoved = left && left->isEmpty() && credentials.remove(name).ok();
    }
    return result;
}

Status CredentialManager::removeCredential(store::Database &database, const QString &name)
{
    store::CredentialRepository credentials(database);
    auto credential = credentials.get(name);
    if (!credential)
        return credential.error();
    if (credential->origin != store::Origin::Local)
        return Error(
            ErrorCode::Validation,
            tr("Credential %1 is declared in the configuration; remove it there.").arg(name));
    const auto left = store::SecretRepository(database).listForCredential(name);
    if (!left)
        return left.error();
    if (!left->isEmpty())
        return Error(ErrorCode::Conflict,
                     tr("Credential %1 still holds secrets; remove them first.").arg(name));
    return credentials.remove(name);
}

} // namespace gatehouse::secrets
