#include "RoleRepository.h"

#include "Database.h"
#include "Query.h"

using namespace Qt::StringLiterals;

namespace gatehouse::store {

namespace {

const QStringList effects = {u"allow"_s, u"deny"_s};
const QStringList ruleActions = {u"read"_s, u"create"_s, u"update"_s, u"delete"_s, u"*"_s};

} // namespace

RoleRepository::RoleRepository(Database &database)
    : m_database(database)
{}

Status RoleRepository::validate(const QString &owner, const QList<Rule> &rules) const
{
    for (const Rule &r : rules) {
        if (r.target.isEmpty())
            return Error(ErrorCode::InvalidArgument, tr("%1: a rule needs a target.").arg(owner));
        if (!effects.contains(r.effect))
            return Error(ErrorCode::InvalidArgument,
                         tr("%1: the rule for '%2' has effect '%3'; use allow or deny.")
                             .arg(owner, r.target, r.effect));
        if (!ruleActions.contains(r.action))
            return Error(ErrorCode::InvalidArgument,
                         tr("%1: the rule for '%2' has action '%3', which is not one of %4.")
                             .arg(owner, r.target, r.action, ruleActions.join(u", "_s)));
    }
    return {};
}

Result<QMap<QString, QList<Rule>>> RoleRepository::selectRules(Subject subject, const QString &name)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    const QString column = subject == Subject::Role ? u"role"_s : u"user_name"_s;
    QString sql = u"SELECT "_s + column + u", target, effect, action FROM rules WHERE "_s + column +
                  u" IS NOT NULL"_s;
    if (!name.isNull())
        sql += u" AND "_s + column + u" = :name"_s;
    sql += u" ORDER BY "_s + column + u", sort_order"_s;
    Query q(m_database, *conn, sql);
    if (!name.isNull())
        q.bind(u":name"_s, name);
    if (auto s = q.exec(tr("Reading permission rules")); !s.ok())
        return s.error();
    QMap<QString, QList<Rule>> result;
    while (q.next())
        result[q.text(0)].append(Rule{q.text(1), q.text(2), q.text(3)});
    return result;
}

Result<QList<Role>> RoleRepository::select(const QString &where, const QVariant &value)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn, u"SELECT name, origin FROM roles"_s + where + u" ORDER BY name"_s);
    if (value.isValid())
        q.bind(u":v"_s, value);
    if (auto s = q.exec(tr("Reading roles")); !s.ok())
        return s.error();
    QList<Role> result;
    while (q.next())
        result.append(Role{q.text(0), {}, originFromName(q.text(1)).value_or(Origin::Local)});
    auto rules = selectRules(Subject::Role, QString());
    if (!rules.ok())
        return rules.error();
    for (Role &role : result)
        role.rules = rules->value(role.name);
    return result;
}

Result<QList<Role>> RoleRepository::list()
{
    return select(QString(), QVariant());
}

Result<QList<Role>> RoleRepository::listByOrigin(Origin origin)
{
    return select(u" WHERE origin = :v"_s, originName(origin));
}

Result<Role> RoleRepository::get(const QString &name)
{
    auto rows = select(u" WHERE name = :v"_s, name);
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("There is no role named '%1'.").arg(name));
    return rows->first();
}

Status RoleRepository::create(const Role &role)
{
    return save(role, false);
}

Status RoleRepository::upsert(const Role &role)
{
    return save(role, true);
}

Status RoleRepository::save(const Role &role, bool replace)
{
    if (role.name.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("A role needs a name."));
    if (auto s = validate(tr("Role '%1'").arg(role.name), role.rules); !s.ok())
        return s;
    return m_database.write([&](QSqlDatabase &db) -> Status {
        QString sql = u"INSERT INTO roles (name, origin) VALUES (:name, :origin)"_s;
        if (replace)
            sql += u" ON CONFLICT (name) DO UPDATE SET origin = excluded.origin"_s;
        Query q(m_database, db, sql);
        q.bind(u":name"_s, role.name).bind(u":origin"_s, originName(role.origin));
        Status s = q.exec(tr("Saving role '%1'").arg(role.name));
        if (q.failure() == SqlDialect::Failure::UniqueViolation)
            return Error(ErrorCode::AlreadyExists,
                         tr("A role named '%1' already exists; choose another name or edit the "
                            "existing role.")
                             .arg(role.name));
        if (!s.ok())
            return s;
        return writeRules(db, Subject::Role, role.name, role.rules);
    });
}

Status RoleRepository::writeRules(QSqlDatabase &db, Subject subject, const QString &name,
                                  const QList<Rule> &rules)
{
    const QString column = subject == Subject::Role ? u"role"_s : u"user_name"_s;
    Query clear(m_database, db, u"DELETE FROM rules WHERE "_s + column + u" = :name"_s);
    clear.bind(u":name"_s, name);
    if (auto s = clear.exec(tr("Replacing the rules of '%1'").arg(name)); !s.ok())
        return s;
    qint64 order = 0;
    for (const Rule &r : rules) {
        Query q(m_database, db,
                u"INSERT INTO rules ("_s + column +
                    u", sort_order, target, effect, action) VALUES (:name, :sort_order, "
                    ":target, :effect, :action)"_s);
        q.bind(u":name"_s, name)
            .bind(u":sort_order"_s, ++order)
            .bind(u":target"_s, r.target)
            .bind(u":effect"_s, r.effect)
            .bind(u":action"_s, r.action);
        Status s = q.exec(tr("Saving a rule of '%1'").arg(name));
        if (q.failure() == SqlDialect::Failure::ForeignKeyViolation)
            return Error(
                ErrorCode::NotFound,
                tr("Cannot save rules for user '%1': there is no user by that name.").arg(name));
        if (!s.ok())
            return s;
    }
    return {};
}

Status RoleRepository::remove(const QString &name)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query users(m_database, db,
                    u"SELECT user_name FROM user_roles WHERE role = :name ORDER BY user_name"_s);
        users.bind(u":name"_s, name);
        if (auto s = users.exec(tr("Finding the users of role '%1'").arg(name)); !s.ok())
            return s;
        QStringList names;
        while (users.next())
            names.append(users.text(0));
        if (!names.isEmpty())
            return Error(ErrorCode::Conflict,
                         tr("Role '%1' cannot be removed: users %2 hold it; take it from them "
                            "first.")
                             .arg(name, names.join(u", "_s)));
        Query q(m_database, db, u"DELETE FROM roles WHERE name = :name"_s);
        q.bind(u":name"_s, name);
        if (auto s = q.exec(tr("Removing role '%1'").arg(name)); !s.ok())
            return s;
        if (q.rowsAffected() == 0)
            return Error(ErrorCode::NotFound,
                         tr("Cannot remove role '%1': there is no role by that name.").arg(name));
        return {};
    });
}

Result<QList<Rule>> RoleRepository::userRules(const QString &user)
{
    auto rules = selectRules(Subject::User, user);
    if (!rules.ok())
        return rules.error();
    return rules->value(user);
}

Result<QMap<QString, QList<Rule>>> RoleRepository::allUserRules()
{
    return selectRules(Subject::User, QString());
}

Status RoleRepository::setUserRules(const QString &user, const QList<Rule> &rules)
{
    if (auto s = validate(tr("User '%1'").arg(user), rules); !s.ok())
        return s;
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query exists(m_database, db, u"SELECT 1 FROM users WHERE name = :name"_s);
        exists.bind(u":name"_s, user);
        if (auto s = exists.exec(tr("Looking up user '%1'").arg(user)); !s.ok())
            return s;
        if (!exists.next())
            return Error(
                ErrorCode::NotFound,
                tr("Cannot save rules for user '%1': there is no user by that name.").arg(user));
        return writeRules(db, Subject::User, user, rules);
    });
}

} // namespace gatehouse::store
