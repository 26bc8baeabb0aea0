#pragma once

#include "Result.h"
#include "store/RoleRepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <memory>
#include <optional>

namespace gatehouse::openapi {
struct Tool;
}

namespace gatehouse::store {
class Database;
}

namespace gatehouse::policy {

// What a decision needs to know about a tool.
struct ToolIdentity
{
    QString server;
    QString name;        // as clients see it
    QString defaultName; // the operationId in snake_case (rules may use either)
    QString resource;
    QString action; // read | create | update | delete
};

// Allow or deny, and why: the rule that decided and the trace of every rule that applied.
struct Decision
{
    bool allowed = false;
    QString reason;    // one sentence for the caller and the audit log
    QStringList trace; // every rule that applied, in the order it was weighed, then the verdict
    // When a token's scopes left it out: the scope to ask for (403 insufficient_scope).
    QString missingScope;
    // When no grant allows it: the permission the user lacks, as the config writes it
    // ("billing/invoices: create").
    QString missingPermission;
};

// The permission matrix (roles, users' roles and users' own rules), read from the store into an
// immutable snapshot that the gateway's workers share. A user's own rules override their roles'
// rules; within one level deny wins; nothing is allowed unless granted; a level without a
// matching rule inherits from the next. A token's scopes then narrow what the grants allow.
// decide() is thread-safe: the workers share a snapshot, and every call of a tool asks it, so the
// grants' decision (a pure function of the snapshot) is remembered, at most memoCapacity of them.
class PermissionPolicy
{
    Q_DECLARE_TR_FUNCTIONS(PermissionPolicy)

public:
    static Result<PermissionPolicy> load(store::Database &database);

    struct UserEntry
    {
        bool exists = false;
        bool disabled = false;
        QStringList roles;
        QList<store::Rule> own;
    };

    PermissionPolicy() = default;
    PermissionPolicy(QHash<QString, UserEntry> users, QHash<QString, QList<store::Rule>> roles);

    // scopes: the token's scopes on this server ({server}:{action}); nullopt: not narrowed.
    Decision decide(const QString &user, const ToolIdentity &tool,
                    const std::optional<QStringList> &scopes = std::nullopt) const;

    static ToolIdentity identify(const QString &server, const openapi::Tool &tool);
    static bool matches(const store::Rule &rule, const ToolIdentity &tool);
    static QString describe(const store::Rule &rule);

    // Decisions are remembered per (user, tool identity) in this snapshot; copies share them.
    static constexpr qsizetype memoCapacity = 16384;
    qsizetype remembered() const; // for tests: decisions remembered now

private:
    struct Memo;
    // The grants' decision, without the token's scopes; what decide() remembers.
    Decision decideGrants(const QString &user, const ToolIdentity &tool) const;

    QHash<QString, UserEntry> m_users;
    QHash<QString, QList<store::Rule>> m_roles;
    std::shared_ptr<Memo> m_memo;
};

} // namespace gatehouse::policy
