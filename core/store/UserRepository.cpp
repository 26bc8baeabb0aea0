#include "UserRepository.h"

#include "Database.h"
#include "Query.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace gatehouse::store {

UserRepository::UserRepository(Database &database)
    : m_database(database)
{}

Result<QList<User>> UserRepository::select(const QString &where, const QVariant &value)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT name, password_hash, plan, disabled, created_at, origin, calls_per_month, "
            "rate_per_minute, spend_per_month FROM users"_s +
                where + u" ORDER BY name"_s);
    if (value.isValid())
        q.bind(u":v"_s, value);
    if (auto s = q.exec(tr("Reading users")); !s.ok())
        return s.error();
    QList<User> result;
    while (q.next()) {
        User u;
        u.name = q.text(0);
        u.passwordHash = q.optionalText(1);
        u.plan = q.optionalText(2);
        u.disabled = q.flag(3);
        u.createdAt = q.time(4);
        u.origin = originFromName(q.text(5)).value_or(Origin::Local);
        u.callsPerMonth = q.optionalInteger(6);
        u.ratePerMinute = q.optionalInteger(7);
        u.spendPerMonth = q.optionalReal(8);
        result.append(u);
    }
    Query roles(m_database, *conn,
                u"SELECT user_name, role FROM user_roles ORDER BY user_name, sort_order"_s);
    if (auto s = roles.exec(tr("Reading user roles")); !s.ok())
        return s.error();
    QMap<QString, QStringList> byUser;
    while (roles.next())
        byUser[roles.text(0)].append(roles.text(1));
    for (User &u : result)
        u.roles = byUser.value(u.name);
    return result;
}

Result<QList<User>> UserRepository::list()
{
    return select(QString(), QVariant());
}

Result<QList<User>> UserRepository::listByOrigin(Origin origin)
{
    return select(u" WHERE origin = :v"_s, originName(origin));
}

Result<User> UserRepository::get(const QString &name)
{
    auto rows = select(u" WHERE name = :v"_s, name);
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("There is no user named '%1'.").arg(name));
    return rows->first();
}

Status UserRepository::create(const User &user)
{
    return save(user, false);
}

Status UserRepository::upsert(const User &user)
{
    return save(user, true);
}

Status UserRepository::save(const User &user, bool replace)
{
    if (user.name.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("A user needs a name."));
    QStringList unique = user.roles;
    if (unique.removeDuplicates() > 0)
        return Error(
            ErrorCode::InvalidArgument,
            tr("User '%1' lists a role twice: %2.").arg(user.name, user.roles.join(u", "_s)));
    const Status written = m_database.write([&](QSqlDatabase &db) -> Status {
        if (user.plan) {
            Query plan(m_database, db, u"SELECT 1 FROM plans WHERE name = :name"_s);
            plan.bind(u":name"_s, *user.plan);
            if (auto s = plan.exec(tr("Looking up plan '%1'").arg(*user.plan)); !s.ok())
                return s;
            if (!plan.next())
                return Error(ErrorCode::NotFound,
                             tr("User '%1' is on plan '%2', which does not exist; add the plan "
                                "first.")
                                 .arg(user.name, *user.plan));
        }
        for (const QString &role : user.roles) {
            Query exists(m_database, db, u"SELECT 1 FROM roles WHERE name = :name"_s);
            exists.bind(u":name"_s, role);
            if (auto s = exists.exec(tr("Looking up role '%1'").arg(role)); !s.ok())
                return s;
            if (!exists.next())
                return Error(ErrorCode::NotFound,
                             tr("User '%1' has role '%2', which does not exist; add the role "
                                "first.")
                                 .arg(user.name, role));
        }
        QString sql = u"INSERT INTO users (name, password_hash, plan, disabled, created_at, "
                      "origin, calls_per_month, rate_per_minute, spend_per_month) VALUES (:name, "
                      ":password_hash, :plan, :disabled, :created_at, :origin, :calls, :rate, "
                      ":spend)"_s;
        if (replace)
            sql += u" ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, "
                   "plan = excluded.plan, disabled = excluded.disabled, "
                   "origin = excluded.origin, calls_per_month = excluded.calls_per_month, "
                   "rate_per_minute = excluded.rate_per_minute, "
                   "spend_per_month = excluded.spend_per_month"_s;
        Query q(m_database, db, sql);
        q.bind(u":name"_s, user.name)
            .bind(u":password_hash"_s, Query::fromText(user.passwordHash))
            .bind(u":plan"_s, Query::fromText(user.plan))
            .bind(u":disabled"_s, Query::fromFlag(user.disabled))
            .bind(u":created_at"_s,
                  Query::fromTime(user.createdAt.isValid() ? user.createdAt
                                                           : QDateTime::currentDateTimeUtc()))
            .bind(u":origin"_s, originName(user.origin))
            .bind(u":calls"_s, Query::fromInteger(user.callsPerMonth))
            .bind(u":rate"_s, Query::fromInteger(user.ratePerMinute))
            .bind(u":spend"_s, Query::fromReal(user.spendPerMonth));
        Status s = q.exec(tr("Saving user '%1'").arg(user.name));
        if (q.failure() == SqlDialect::Failure::UniqueViolation)
            return Error(ErrorCode::AlreadyExists,
                         tr("A user named '%1' already exists; choose another name or edit the "
                            "existing user.")
                             .arg(user.name));
        if (!s.ok())
            return s;
        Query clear(m_database, db, u"DELETE FROM user_roles WHERE user_name = :name"_s);
        clear.bind(u":name"_s, user.name);
        if (auto cs = clear.exec(tr("Replacing the roles of user '%1'").arg(user.name)); !cs.ok())
            return cs;
        qint64 order = 0;
        for (const QString &role : user.roles) {
            Query add(m_database, db,
                      u"INSERT INTO user_roles (user_name, role, sort_order) VALUES (:user, :role, "
                      ":sort_order)"_s);
            add.bind(u":user"_s, user.name).bind(u":role"_s, role).bind(u":sort_order"_s, ++order);
            if (auto as = add.exec(tr("Giving role '%1' to user '%2'").arg(role, user.name));
                !as.ok())
                return as;
        }
        return {};
    });
    // A replaced user or client may now be disabled or revoked: verified-token caches must see
    // it now. A new one changes nothing they hold.
    if (replace)
        m_database.noteAuthChange();
    return written;
}

Status UserRepository::remove(const QString &name)
{
    const Status written = m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db, u"DELETE FROM users WHERE name = :name"_s);
        q.bind(u":name"_s, name);
        if (auto s = q.exec(tr("Removing user '%1'").arg(name)); !s.ok())
            return s;
        if (q.rowsAffected() == 0)
            return Error(ErrorCode::NotFound,
                         tr("Cannot remove user '%1': there is no user by that name.").arg(name));
        return {};
    });
    // Verified-token caches must see a disabled or removed user, a revoked client, now.
    m_database.noteAuthChange();
    return written;
}

} // namespace gatehouse::store
