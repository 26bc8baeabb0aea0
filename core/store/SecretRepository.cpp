#include "SecretRepository.h"

#include "Database.h"
#include "Query.h"

using namespace Qt::StringLiterals;

namespace gatehouse::store {

namespace {

const QString columns =
    u"credential, user_name, ciphertext, created_at, rotated_at, last_used_at"_s;
const QString keyCheckName = u"key_check"_s;
// The owner-wide secret has no user; this matches it and a user's alike.
// Both sides go through COALESCE: drivers bind an empty QString as NULL.
const QString matchRow =
    u"credential = :credential AND COALESCE(user_name, '') = COALESCE(:user, '')"_s;

QVariant userValue(const QString &user)
{
    return user.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(user);
}

QString described(const QString &credential, const QString &user)
{
    return user.isEmpty()
               ? SecretRepository::tr("credential '%1'").arg(credential)
               : SecretRepository::tr("credential '%1' of user '%2'").arg(credential, user);
}

} // namespace

SecretRepository::SecretRepository(Database &database)
    : m_database(database)
{}

Result<QList<StoredSecret>> SecretRepository::select(const QString &where,
                                                     const QString &credential,
                                                     const std::optional<QString> &user)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT "_s + columns + u" FROM credential_secrets"_s + where +
                u" ORDER BY credential, COALESCE(user_name, '')"_s);
    if (!where.isEmpty())
        q.bind(u":credential"_s, credential);
    if (user)
        q.bind(u":user"_s, *user);
    if (auto s = q.exec(tr("Reading stored secrets")); !s.ok())
        return s.error();
    QList<StoredSecret> result;
    while (q.next())
        result.append(StoredSecret{q.text(0), q.optionalText(1).value_or(QString()), q.text(2),
                                   q.time(3), q.optionalTime(4), q.optionalTime(5)});
    return result;
}

Result<QList<StoredSecret>> SecretRepository::list()
{
    return select(QString(), QString(), std::nullopt);
}

Result<QList<StoredSecret>> SecretRepository::listForCredential(const QString &credential)
{
    return select(u" WHERE credential = :credential"_s, credential, std::nullopt);
}

Result<StoredSecret> SecretRepository::get(const QString &credential, const QString &user)
{
    auto rows = select(u" WHERE "_s + matchRow, credential, user);
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound,
                     tr("There is no secret stored for %1.").arg(described(credential, user)));
    return rows->first();
}

Result<bool> SecretRepository::any()
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn, u"SELECT 1 FROM credential_secrets LIMIT 1"_s);
    if (auto s = q.exec(tr("Looking for stored secrets")); !s.ok())
        return s.error();
    return q.next();
}

Status SecretRepository::insert(const StoredSecret &secret)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db,
                u"INSERT INTO credential_secrets ("_s + columns +
                    u") VALUES (:credential, :user, :ciphertext, :created, :rotated, :used)"_s);
        q.bind(u":credential"_s, secret.credential)
            .bind(u":user"_s, userValue(secret.user))
            .bind(u":ciphertext"_s, secret.ciphertext)
            .bind(u":created"_s, Query::fromTime(secret.createdAt))
            .bind(u":rotated"_s, Query::fromTime(secret.rotatedAt))
            .bind(u":used"_s, Query::fromTime(secret.lastUsedAt));
        Status s =
            q.exec(tr("Saving the secret of %1").arg(described(secret.credential, secret.user)));
        if (q.failure() == SqlDialect::Failure::UniqueViolation)
            return Error(ErrorCode::AlreadyExists,
                         tr("There already is a secret for %1; replace it with `gatehouse "
                            "credential rotate`.")
                             .arg(described(secret.credential, secret.user)));
        if (q.failure() == SqlDialect::Failure::ForeignKeyViolation)
            return Error(ErrorCode::NotFound,
                         secret.user.isEmpty()
                             ? tr("There is no credential named '%1'.").arg(secret.credential)
                             : tr("There is no credential named '%1' or no user named '%2'.")
                                   .arg(secret.credential, secret.user));
        return s;
    });
}

Status SecretRepository::replace(const QString &credential, const QString &user,
                                 const QString &ciphertext, const QDateTime &when)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(
            m_database, db,
            u"UPDATE credential_secrets SET ciphertext = :ciphertext, rotated_at = :at WHERE "_s +
                matchRow);
        q.bind(u":ciphertext"_s, ciphertext)
            .bind(u":at"_s, Query::fromTime(when))
            .bind(u":credential"_s, credential)
            .bind(u":user"_s, user);
        if (auto s = q.exec(tr("Replacing the secret of %1").arg(described(credential, user)));
            !s.ok())
            return s;
        if (q.rowsAffected() == 0)
            return Error(ErrorCode::NotFound, tr("There is no secret stored for %1 to replace; add "
                                                 "it with `gatehouse credential import`.")
                                                  .arg(described(credential, user)));
        return {};
    });
}

Status SecretRepository::remove(const QString &credential, const QString &user)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db, u"DELETE FROM credential_secrets WHERE "_s + matchRow);
        q.bind(u":credential"_s, credential).bind(u":user"_s, user);
        if (auto s = q.exec(tr("Removing the secret of %1").arg(described(credential, user)));
            !s.ok())
            return s;
        if (q.rowsAffected() == 0)
            return Error(
                ErrorCode::NotFound,
                tr("There is no secret stored for %1 to remove.").arg(described(credential, user)));
        return {};
    });
}

Status SecretRepository::markUsed(const QString &credential, const QString &user,
                                  const QDateTime &when)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db,
                u"UPDATE credential_secrets SET last_used_at = :at WHERE "_s + matchRow);
        q.bind(u":at"_s, Query::fromTime(when))
            .bind(u":credential"_s, credential)
            .bind(u":user"_s, user);
        return q.exec(tr("Recording the use of the secret of %1").arg(described(credential, user)));
    });
}

Result<QString> SecretRepository::keyCheck()
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn, u"SELECT value FROM vault_meta WHERE name = :name"_s);
    q.bind(u":name"_s, keyCheckName);
    if (auto s = q.exec(tr("Reading the master key's check value")); !s.ok())
        return s.error();
    return q.next() ? q.text(0) : QString();
}

Result<SecretRepository::KeyCheck> SecretRepository::keyCheckRecord()
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn, u"SELECT value, updated_at FROM vault_meta WHERE name = :name"_s);
    q.bind(u":name"_s, keyCheckName);
    if (auto s = q.exec(tr("Reading the master key's check value")); !s.ok())
        return s.error();
    if (!q.next())
        return KeyCheck{};
    return KeyCheck{q.text(0), q.time(1)};
}

Result<QString> SecretRepository::lockKeyCheck(SqlDialect::RowLock lock)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT value FROM vault_meta WHERE name = :name"_s +
                m_database.dialect().rowLockClause(lock));
    q.bind(u":name"_s, keyCheckName);
    if (auto s = q.exec(tr("Locking the master key's check value")); !s.ok())
        return s.error();
    return q.next() ? q.text(0) : QString();
}

Status SecretRepository::claimKeyCheck(const QString &keyCheck, const QDateTime &when)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        // DO NOTHING rather than a unique violation, which would abort an enclosing PostgreSQL
        // transaction.
        Query q(m_database, db,
                u"INSERT INTO vault_meta (name, value, updated_at) VALUES (:name, :value, :at) "
                "ON CONFLICT (name) DO NOTHING"_s);
        q.bind(u":name"_s, keyCheckName)
            .bind(u":value"_s, keyCheck)
            .bind(u":at"_s, Query::fromTime(when));
        if (auto s = q.exec(tr("Claiming the master key's check value")); !s.ok())
            return s;
        if (q.rowsAffected() != 1)
            return Error(ErrorCode::AlreadyExists,
                         tr("Another process recorded a master key first; run the command again."));
        return {};
    });
}

Status SecretRepository::replaceUnusedKeyCheck(const QString &expected, const QString &keyCheck,
                                               const QDateTime &when)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        const auto current = lockKeyCheck(SqlDialect::RowLock::Update);
        if (!current)
            return current.error();
        if (*current != expected)
            return Error(
                ErrorCode::Conflict,
                tr("Another process changed the master key's check value meanwhile; run the "
                   "command again."));
        const auto rows = any();
        if (!rows)
            return rows.error();
        if (*rows)
            return Error(ErrorCode::Conflict,
                         tr("Another process stored a secret under the recorded master key "
                            "meanwhile; run the command again."));
        Query q(m_database, db,
                u"UPDATE vault_meta SET value = :value, updated_at = :at WHERE name = :name AND "
                "value = :expected"_s);
        q.bind(u":value"_s, keyCheck)
            .bind(u":at"_s, Query::fromTime(when))
            .bind(u":name"_s, keyCheckName)
            .bind(u":expected"_s, expected);
        if (auto s = q.exec(tr("Replacing the master key's check value")); !s.ok())
            return s;
        if (q.rowsAffected() != 1)
            return Error(
                ErrorCode::Conflict,
                tr("Another process changed the master key's check value meanwhile; run the "
                   "command again."));
        return {};
    });
}

Status SecretRepository::releaseKeyCheck(const QString &keyCheck)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db,
                u"DELETE FROM vault_meta WHERE name = :name AND value = :value AND NOT EXISTS "
                "(SELECT 1 FROM credential_secrets)"_s);
        q.bind(u":name"_s, keyCheckName).bind(u":value"_s, keyCheck);
        return q.exec(tr("Releasing the master key's check value"));
    });
}

Status SecretRepository::setKeyCheck(const QString &keyCheck, const QDateTime &when)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db,
                u"INSERT INTO vault_meta (name, value, updated_at) VALUES (:name, :value, :at) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value, "
                "updated_at = excluded.updated_at"_s);
        q.bind(u":name"_s, keyCheckName)
            .bind(u":value"_s, keyCheck)
            .bind(u":at"_s, Query::fromTime(when));
        return q.exec(tr("Saving the master key's check value"));
    });
}

Status SecretRepository::replaceAll(const QList<StoredSecret> &secrets, const QString &keyCheck,
                                    const QDateTime &when)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        for (const StoredSecret &secret : secrets) {
            Query q(m_database, db,
                    u"UPDATE credential_secrets SET ciphertext = :ciphertext WHERE "_s + matchRow);
            q.bind(u":ciphertext"_s, secret.ciphertext)
                .bind(u":credential"_s, secret.credential)
                .bind(u":user"_s, secret.user);
            if (auto s = q.exec(tr("Re-encrypting the secret of %1")
                                    .arg(described(secret.credential, secret.user)));
                !s.ok())
                return s;
            if (q.rowsAffected() != 1)
                return Error(
                    ErrorCode::Conflict,
                    tr("While the master key was being replaced, the secret of %1 changed; nothing "
                       "was changed, try again.")
                        .arg(described(secret.credential, secret.user)));
        }
        return setKeyCheck(keyCheck, when);
    });
}

} // namespace gatehouse::store
