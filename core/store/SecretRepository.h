#pragma once

#include "Result.h"
#include "SqlDialect.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace gatehouse::store {

class Database;

// One imported secret as the store keeps it: the vault's record, never the secret itself.
struct StoredSecret
{
    QString credential;
    QString user; // empty: the owner-wide secret
    QString ciphertext;
    QDateTime createdAt;
    std::optional<QDateTime> rotatedAt; // when `credential rotate` last replaced it
    std::optional<QDateTime> lastUsedAt;

    bool operator==(const StoredSecret &) const = default;
};

// The encrypted secrets of credentials (credential_secrets) and the key check of the master key
// they are encrypted under (vault_meta). It moves records only; encrypting is the vault's job.
class SecretRepository
{
    Q_DECLARE_TR_FUNCTIONS(SecretRepository)

public:
    explicit SecretRepository(Database &database);

    // Ordered by credential, then user (the owner-wide one first).
    Result<QList<StoredSecret>> list();
    Result<QList<StoredSecret>> listForCredential(const QString &credential);
    // NotFound when there is none.
    Result<StoredSecret> get(const QString &credential, const QString &user);
    // Whether any encrypted record exists: a new master key must not be made then.
    Result<bool> any();

    // AlreadyExists when the credential (and user) has a secret; NotFound when the credential or
    // user does not exist.
    Status insert(const StoredSecret &secret);
    // Replaces the record and sets rotatedAt; NotFound when there is none.
    Status replace(const QString &credential, const QString &user, const QString &ciphertext,
                   const QDateTime &when);
    Status remove(const QString &credential, const QString &user);
    Status markUsed(const QString &credential, const QString &user, const QDateTime &when);

    // Empty when no master key was ever recorded.
    Result<QString> keyCheck();
    struct KeyCheck
    {
        QString value; // empty: none recorded
        QDateTime updatedAt;
    };
    Result<KeyCheck> keyCheckRecord();
    Status setKeyCheck(const QString &keyCheck, const QDateTime &when);
    // Compare-and-set creation: records keyCheck only when the store holds none, in a transaction
    // of its own (unless called inside a write()). AlreadyExists, with nothing written, when one
    // is there: another process claimed the master key first.
    Status claimKeyCheck(const QString &keyCheck, const QDateTime &when);
    // Replaces the key check `expected` while it is still the recorded one and no secret depends
    // on it (none is stored); Conflict, with nothing written, otherwise.
    Status replaceUnusedKeyCheck(const QString &expected, const QString &keyCheck,
                                 const QDateTime &when);
    // Drops the key check `keyCheck` while it is the recorded one and no secret is stored: a claim
    // whose key could not be kept. Succeeds without writing otherwise.
    Status releaseKeyCheck(const QString &keyCheck);
    // Only inside a write(): the key check, its row locked until the transaction ends, shared by
    // imports and replacements, exclusively by a rotation, so that no secret is written under a
    // key the store is leaving. Empty when none is recorded (nothing is locked then).
    Result<QString> lockKeyCheck(SqlDialect::RowLock lock);
    // Writes each secret's ciphertext (matched by credential and user) and the new key check in
    // one transaction; a secret that is not there any more fails it as a whole.
    Status replaceAll(const QList<StoredSecret> &secrets, const QString &keyCheck,
                      const QDateTime &when);

private:
    Result<QList<StoredSecret>> select(const QString &where, const QString &credential,
                                       const std::optional<QString> &user);

    Database &m_database;
};

} // namespace gatehouse::store
