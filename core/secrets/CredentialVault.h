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
    static Result<Opened> open(store::Database &database, MasterKeyProvider &provider);
    // For the gateway: null when the store has never held a secret (nothing to decrypt, and no
    // key is made); else the vault, or the error that says why the key is missing or wrong.
    static Result<std::shared_ptr<CredentialVault>> openExisting(store::Database &database,
                                                                 MasterKeyProvider &provider);
    // Whether the store holds a key check or encrypted secrets, so serving needs the master key.
    static Result<bool> inUse(store::Database &database);

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
    // Re-encrypts every stored secret under `next` and records its key check, in one transaction;
    // from then on this vault uses `next`. The caller stores `next` in the provider afterwards.
    Status rotate(const MasterKey &next);

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
