#pragma once

#include "Result.h"
#include "config/Config.h"
#include "secrets/Binding.h"
#include "secrets/Vault.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::secrets {

class MasterKey;
class MasterKeyProvider;

// The secrets imported into the store (`secret: {keychain: ...}`), encrypted under the master key:
// opens the vault against the store's key check, and encrypts, decrypts and re-encrypts the
// records of credential_secrets, each bound to its credential and user. secret() is safe to call
// from several threads at once; the functions that write are for one command at a time.
class CredentialVault
{
    Q_DECLARE_TR_FUNCTIONS(CredentialVault)

public:
    struct Opened;

    // The place gateway.master_key names; the system keychain (entry master-key) when absent.
    static std::unique_ptr<MasterKeyProvider>
    provider(const std::optional<config::MasterKeyConfig> &masterKey);
    // Where a record of `credential` for `user` (empty: owner-wide) is bound to.
    static Binding binding(const QString &credential, const QString &user);

    // For commands that add secrets: the key from the provider, or, when the store holds no
    // encrypted secrets and the provider no key, a new key (Opened::recoveryKey says so).
    // Creating a key is compare-and-set, so that two commands that start on an empty store at
    // once end up with the same key: each claims the store's key check before storing its key,
    // and only the one whose claim lands stores it; the other discards its key and waits, at
    // most `claimWait`, for the winner's key to appear in the provider.
    static Result<Opened> open(store::Database &database, MasterKeyProvider &provider,
                               std::chrono::milliseconds claimWait = std::chrono::seconds(30));
    // For the gateway: null when the store has never held a secret (nothing to decrypt, and no
    // key is made); else the vault, or the error that says why the key is missing or wrong.
    static Result<std::shared_ptr<CredentialVault>> openExisting(store::Database &database,
                                                                 MasterKeyProvider &provider);
    // The master key the store's secrets are encrypted under, as the provider holds it;
    // NotFound when the store has none yet.
    //
    // All three finish a rotation that was interrupted after the store committed: when the
    // provider's key does not open the store but its staged key does, the staged key is used and
    // promoted to be the key.
    static Result<MasterKey> currentKey(store::Database &database, MasterKeyProvider &provider);
    // Whether the store holds a key check or encrypted secrets, so serving needs the master key.
    static Result<bool> inUse(store::Database &database);
    // For a gateway whose store holds no imported secret (openExisting() gave null) but whose
    // configuration holds sealed ones: a vault under the provider's key, the deployment key that
    // unseals them. The key is loaded, never created, and not recorded in the store.
    static Result<std::shared_ptr<CredentialVault>> forSealedSecrets(store::Database &database,
                                                                     MasterKeyProvider &provider);

    // The decrypted secret; ErrorCode::NotFound when none was imported. The caller wipes it
    // (OPENSSL_cleanse) after use. Records when it was last used, at most every few minutes.
    Result<QByteArray> secret(const QString &credential, const QString &user) const;
    // AlreadyExists when there is one (rotate replaces it).
    Status add(const QString &credential, const QString &user, QByteArrayView plaintext);
    Status replace(const QString &credential, const QString &user, QByteArrayView plaintext);
    // For the gateway, which shares the vault read-only between its workers: an upstream rotated
    // the secret (a refresh token, RFC 6749 §6) and the new one replaces it. Safe from several
    // threads; NotFound when the secret was deleted meanwhile.
    Status storeRotated(const QString &credential, const QString &user,
                        QByteArrayView plaintext) const;
    // Replaces the master key with `next`, so that a crash or failure at any step leaves a key
    // that opens the store: `next` is first kept as the provider's staged key, then every stored
    // secret is re-encrypted under it and its key check recorded in one transaction, and then
    // it is promoted to be the provider's key. From the commit on this vault uses `next`; when
    // only the promotion fails, the error says so and the next open finishes it. Providers that
    // cannot be written (environment, systemd credential) refuse before anything changes.
    Status rotate(const MasterKey &next, MasterKeyProvider &provider);

    // The owner-wide secret of `credential` sealed for a deployment (SealedSecret), without the
    // plaintext leaving this class; NotFound when none was imported.
    Result<QString> seal(const QString &credential, const Vault &deployment) const;
    // A `secret: {sealed: ...}` of `credential`, decrypted with this vault's master key. The
    // caller wipes it (OPENSSL_cleanse) after use.
    Result<QByteArray> unseal(const QString &credential, const QString &sealed) const;

    QString keyId() const { return m_vault.keyId(); }

private:
    CredentialVault(store::Database &database, Vault vault);

    store::Database &m_database;
    Vault m_vault;
    mutable QMutex m_usedMutex;
    mutable QHash<QString, QDateTime> m_lastMarked; // "credential\nuser" -> when recorded
};

struct CredentialVault::Opened
{
    std::shared_ptr<CredentialVault> vault;
    // Set when the master key was created just now: its printable form, to show once.
    QString recoveryKey;
};

} // namespace gatehouse::secrets
