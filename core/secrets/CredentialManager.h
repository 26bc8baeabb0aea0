#pragma once

#include "Result.h"
#include "store/CredentialRepository.h"
#include "store/SecretRepository.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::secrets {

class CredentialVault;
class MasterKeyProvider;

// Who holds an imported secret of a credential, and when it was imported, replaced and used.
struct SecretHolder
{
    QString user; // empty: the owner-wide secret
    QDateTime importedAt;
    std::optional<QDateTime> rotatedAt;
    std::optional<QDateTime> lastUsedAt;
};

// One credential as `credential list` and the Credentials page show it (never a secret).
struct CredentialSummary
{
    store::Credential credential;
    QList<SecretHolder> holders;         // the owner-wide one first, then users in name order
    std::optional<QDateTime> lastUsedAt; // the credential's or any of its secrets', the latest

    bool hasOwnerWideSecret() const;
    QStringList users() const; // the users of a per-user credential who have a secret
};

// The imports, replacements and removals of credentials' secrets that the command line
// (`gatehouse credential`) and the Credentials page share. Blocking: the vault's master key is
// read from (and on the first import created in) the provider, which for the keychain waits for
// the Secret Service; call it on a worker thread in a GUI.
class CredentialManager
{
    Q_DECLARE_TR_FUNCTIONS(CredentialManager)

public:
    struct Imported
    {
        std::shared_ptr<CredentialVault> vault;
        bool declared = false; // the credential was declared by this import
        QString recoveryKey;   // set when the master key was created now: show it once
    };
    struct Removed
    {
        bool credentialRemoved = false; // the declaration went with its last secret
    };

    // Every credential with who holds a secret of it, in name order.
    static Result<QList<CredentialSummary>> summaries(store::Database &database);
    // Whether the credential's secret is kept in the vault (`secret: {keychain: NAME}` or none),
    // rather than in the environment, a file or a sealed value.
    static bool fromVault(const store::Credential &credential);
    // Where the secret goes upstream, for people: "header X-API-Key", "Authorization: Bearer".
    static QString placement(const store::Credential &credential);
    // The types a credential can be declared with here (api_key, bearer, basic): OAuth 2
    // credentials need a token endpoint and client, which the configuration declares.
    static QStringList declarableTypes();
    // What is wrong with a new credential before it is declared: a sentence, or empty.
    static QString problemWith(const store::Credential &declaration);
    // A credential kept in the vault, declared here: its record as the store keeps it.
    static store::Credential declaration(const QString &name, const QString &type,
                                         const std::optional<QString> &location,
                                         const std::optional<QString> &param, bool perUser);
    // Refuses a user for an owner-wide credential, none for a per-user one, and unknown users.
    static Status checkOwner(store::Database &database, const store::Credential &credential,
                             const QString &user);

    // Keeps `secret` encrypted in the vault as `user`'s (empty: owner-wide) secret of the
    // credential named in `declaration`. A credential of that name that is not stored yet is
    // declared as `declaration` says, and undeclared again when the secret cannot be kept. The
    // master key comes from the provider; the first import into a store creates it there
    // (CredentialVault::open: never a second key). AlreadyExists when there is a secret (replace
    // it instead).
    static Result<Imported> importSecret(store::Database &database, MasterKeyProvider &provider,
                                         const store::Credential &declaration, const QString &user,
                                         QByteArrayView secret);
    // Replaces a secret after it was rotated at the upstream; NotFound when there is none.
    static Result<std::shared_ptr<CredentialVault>>
    replaceSecret(store::Database &database, MasterKeyProvider &provider, const QString &credential,
                  const QString &user, QByteArrayView secret);
    // Removes a secret. A credential declared here (not by the configuration) goes with its last
    // secret, unless a server or tool override still names it.
    static Result<Removed> removeSecret(store::Database &database, const QString &credential,
                                        const QString &user);
    // Removes a credential declared here that holds no secret; refused, naming them, while
    // servers or tool overrides name it, and for one the configuration declares.
    static Status removeCredential(store::Database &database, const QString &credential);
};

} // namespace gatehouse::secrets
