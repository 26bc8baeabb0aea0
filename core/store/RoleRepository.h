#pragma once

#include "Origin.h"
#include "Result.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

class QSqlDatabase;

namespace gatehouse::store {

class Database;

// One permission rule, as written: "billing/invoices: [read, create]" becomes two allow rules;
// "billing.void_invoice: deny" becomes one deny rule with action "*". Rules keep their order.
struct Rule
{
    QString target; // "server/resource" or a tool "server.tool_name"
    QString effect; // allow | deny
    QString action; // read | create | update | delete | * (the whole tool)

    bool operator==(const Rule &) const = default;
};

struct Role
{
    QString name;
    QList<Rule> rules;
    Origin origin = Origin::Local;

    bool operator==(const Role &) const = default;
};

// Roles with their rules, and each user's own rules (which override the roles' rules).
class RoleRepository
{
    Q_DECLARE_TR_FUNCTIONS(RoleRepository)

public:
    explicit RoleRepository(Database &database);

    Result<QList<Role>> list();
    Result<QList<Role>> listByOrigin(Origin origin);
    Result<Role> get(const QString &name);
    Status create(const Role &role);
    // Inserts or replaces the role and all its rules.
    Status upsert(const Role &role);
    // Refused with Conflict while users hold the role.
    Status remove(const QString &name);

    Result<QList<Rule>> userRules(const QString &user);
    // Users that have rules of their own, with those rules.
    Result<QMap<QString, QList<Rule>>> allUserRules();
    // Makes the user's own rules exactly these, in this order.
    Status setUserRules(const QString &user, const QList<Rule> &rules);

private:
    enum class Subject
    {
        Role,
        User,
    };
    Status save(const Role &role, bool replace);
    Status writeRules(QSqlDatabase &db, Subject subject, const QString &name,
                      const QList<Rule> &rules);
    Result<QList<Role>> select(const QString &where, const QVariant &value);
    Result<QMap<QString, QList<Rule>>> selectRules(Subject subject, const QString &name);
    Status validate(const QString &owner, const QList<Rule> &rules) const;

    Database &m_database;
};

} // namespace gatehouse::store
