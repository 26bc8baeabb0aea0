#include "PermissionMatrix.h"

#include "store/Database.h"
#include "store/UserRepository.h"

#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gatehouse::policy {

namespace {

const QString kAllow = u"allow"_s;
const QString kDeny = u"deny"_s;
const QString kWholeTool = u"*"_s;

bool coversAction(const store::Rule &rule, const QString &action)
{
    return rule.action == action || rule.action == kWholeTool;
}

} // namespace

const QStringList &PermissionMatrix::actions()
{
    static const QStringList names = {u"read"_s, u"create"_s, u"update"_s, u"delete"_s};
    return names;
}

Result<PermissionMatrix> PermissionMatrix::load(store::Database &database,
                                                QList<ServerTools> servers)
{
    store::RoleRepository roleRepository(database);
    auto roles = roleRepository.list();
    if (!roles)
        return roles.error();
    auto users = store::UserRepository(database).list();
    if (!users)
        return users.error();
    auto userRules = roleRepository.allUserRules();
    if (!userRules)
        return userRules.error();

    PermissionMatrix matrix;
    matrix.m_servers = std::move(servers);
    std::sort(matrix.m_servers.begin(), matrix.m_servers.end(),
              [](const ServerTools &a, const ServerTools &b) { return a.server < b.server; });
    for (const store::Role &role : std::as_const(*roles)) {
        matrix.m_rows.append(MatrixRow{MatrixRow::Kind::Role, role.name, role.rules, {}});
        matrix.m_roleRules.insert(role.name, role.rules);
    }
    for (const store::User &user : std::as_const(*users)) {
        const QList<store::Rule> own = userRules->value(user.name);
        matrix.m_users.append(UserInfo{user.name, user.roles, user.disabled, own});
        if (!own.isEmpty())
            matrix.m_rows.append(MatrixRow{MatrixRow::Kind::User, user.name, own, user.roles});
    }
    matrix.buildColumns();
    matrix.buildPolicy();
    return matrix;
}

void PermissionMatrix::buildColumns()
{
    // server -> resource -> action -> tools; QMap keeps servers and resources in name order.
    QMap<QString, QMap<QString, QHash<QString, QStringList>>> grid;
    for (const ServerTools &server : std::as_const(m_servers)) {
        auto &resources = grid[server.server];
        for (const MatrixTool &tool : server.tools)
            resources[tool.identity.resource][tool.identity.action].append(tool.identity.name);
    }
    // A resource rule whose resource no tool has now still gets its cells, so it can be seen and
    // taken back.
    const auto addTargets = [&grid](const QList<store::Rule> &rules) {
        for (const store::Rule &rule : rules) {
            const qsizetype slash = rule.target.indexOf(u'/');
            if (slash <= 0)
                continue;
            auto &resources = grid[rule.target.left(slash)];
            const QString resource = rule.target.mid(slash + 1);
            if (!resources.contains(resource))
                resources.insert(resource, {});
        }
    };
    for (const MatrixRow &row : std::as_const(m_rows))
        addTargets(row.rules);

    m_columns.clear();
    for (auto server = grid.cbegin(); server != grid.cend(); ++server)
        for (auto resource = server->cbegin(); resource != server->cend(); ++resource)
            for (const QString &action : actions())
                m_columns.append(
                    MatrixColumn{server.key(), resource.key(), action, resource->value(action)});
}

void PermissionMatrix::buildPolicy()
{
    QHash<QString, PermissionPolicy::UserEntry> entries;
    for (const UserInfo &user : std::as_const(m_users))
        entries.insert(user.name,
                       PermissionPolicy::UserEntry{true, user.disabled, user.roles, user.own});
    m_policy = PermissionPolicy(std::move(entries), m_roleRules);
}

QStringList PermissionMatrix::users() const
{
    QStringList names;
    for (const UserInfo &user : m_users)
        names.append(user.name);
    names.sort();
    return names;
}

QStringList PermissionMatrix::usersWithoutExceptions() const
{
    QStringList names;
    for (const UserInfo &user : m_users)
        if (rowOf(MatrixRow::Kind::User, user.name) < 0)
            names.append(user.name);
    names.sort();
    return names;
}

QStringList PermissionMatrix::usersOf(const QString &role) const
{
    QStringList names;
    for (const UserInfo &user : m_users)
        if (user.roles.contains(role))
            names.append(user.name);
    names.sort();
    return names;
}

int PermissionMatrix::rowOf(MatrixRow::Kind kind, const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).kind == kind && m_rows.at(i).name == name)
            return i;
    return -1;
}

int PermissionMatrix::columnOf(const QString &server, const QString &resource,
                               const QString &action) const
{
    for (int i = 0; i < m_columns.size(); ++i) {
        const MatrixColumn &c = m_columns.at(i);
        if (c.server == server && c.resource == resource && c.action == action)
            return i;
    }
    return -1;
}

int PermissionMatrix::addUserRow(const QString &user)
{
    if (const int existing = rowOf(MatrixRow::Kind::User, user); existing >= 0)
        return existing;
    const auto info = std::find_if(m_users.cbegin(), m_users.cend(),
                                   [&user](const UserInfo &u) { return u.name == user; });
    if (info == m_users.cend())
        return -1;
    m_rows.append(MatrixRow{MatrixRow::Kind::User, user, info->own, info->roles});
    return int(m_rows.size() - 1);
}

void PermissionMatrix::setRowRules(int row, QList<store::Rule> rules)
{
    if (row < 0 || row >= m_rows.size())
        return;
    MatrixRow &r = m_rows[row];
    r.rules = std::move(rules);
    if (r.kind == MatrixRow::Kind::Role) {
        m_roleRules.insert(r.name, r.rules);
    } else {
        for (UserInfo &user : m_users)
            if (user.name == r.name)
                user.own = r.rules;
    }
    buildPolicy();
}

CellState PermissionMatrix::cell(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= m_columns.size())
        return CellState::Inherit;
    const MatrixColumn &c = m_columns.at(column);
    return stateOf(m_rows.at(row).rules, c.target(), c.action);
}

QList<store::Rule> PermissionMatrix::toolRules(int row, int column) const
{
    QList<store::Rule> found;
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= m_columns.size())
        return found;
    const MatrixColumn &c = m_columns.at(column);
    for (const store::Rule &rule : m_rows.at(row).rules) {
        if (!rule.target.startsWith(c.server + u'.'))
            continue;
        for (const QString &name : c.tools) {
            const auto t = tool(c.server, name);
            if (t && PermissionPolicy::matches(rule, t->identity)) {
                found.append(rule);
                break;
            }
        }
    }
    return found;
}

std::optional<MatrixTool> PermissionMatrix::tool(const QString &server, const QString &name) const
{
    for (const ServerTools &s : m_servers) {
        if (s.server != server)
            continue;
        for (const MatrixTool &t : s.tools)
            if (t.identity.name == name)
                return t;
    }
    return std::nullopt;
}

CellState PermissionMatrix::next(CellState state)
{
    switch (state) {
    case CellState::Allow:
        return CellState::Deny;
    case CellState::Deny:
        return CellState::Inherit;
    case CellState::Inherit:
        break;
    }
    return CellState::Allow;
}

CellState PermissionMatrix::stateOf(const QList<store::Rule> &rules, const QString &target,
                                    const QString &action)
{
    bool allowed = false;
    for (const store::Rule &rule : rules) {
        if (rule.target != target || !coversAction(rule, action))
            continue;
        if (rule.effect == kDeny)
            return CellState::Deny;
        allowed = true;
    }
    return allowed ? CellState::Allow : CellState::Inherit;
}

QList<store::Rule> PermissionMatrix::withCell(const QList<store::Rule> &rules,
                                              const QString &target, const QString &action,
                                              CellState state)
{
    QList<store::Rule> result;
    const auto add = [&result](const store::Rule &rule) {
        if (!result.contains(rule))
            result.append(rule);
    };
    for (const store::Rule &rule : rules) {
        if (rule.target != target) {
            add(rule);
        } else if (rule.action == kWholeTool) {
            for (const QString &other : actions())
                if (other != action)
                    add(store::Rule{target, rule.effect, other});
        } else if (rule.action != action) {
            add(rule);
        }
    }
    if (state != CellState::Inherit)
        add(store::Rule{target, state == CellState::Allow ? kAllow : kDeny, action});
    return result;
}

Result<QList<store::Rule>> PermissionMatrix::writeCell(store::Database &database,
                                                       MatrixRow::Kind kind, const QString &name,
                                                       const QString &target, const QString &action,
                                                       CellState state)
{
    if (!actions().contains(action))
        return Error(ErrorCode::InvalidArgument,
                     tr("'%1' is not an action of the matrix; use one of %2.")
                         .arg(action, actions().join(u", "_s)));
    QList<store::Rule> stored;
    // Read and write in one transaction: a change made elsewhere in between is not overwritten.
    const Status written = database.write([&](QSqlDatabase &) -> Status {
        store::RoleRepository repository(database);
        if (kind == MatrixRow::Kind::Role) {
            auto role = repository.get(name);
            if (!role)
                return role.error();
            role->rules = withCell(role->rules, target, action, state);
            if (Status s = repository.upsert(*role); !s)
                return s;
            stored = role->rules;
            return {};
        }
        auto rules = repository.userRules(name);
        if (!rules)
            return rules.error();
        stored = withCell(*rules, target, action, state);
        return repository.setUserRules(name, stored);
    });
    if (!written)
        return written.error();
    return stored;
}

QString PermissionMatrix::holding(const QString &level, const QList<store::Rule> &rules,
                                  const QString &target) const
{
    QStringList allowed;
    QStringList denied;
    for (const QString &action : actions()) {
        switch (stateOf(rules, target, action)) {
        case CellState::Allow:
            allowed.append(action);
            break;
        case CellState::Deny:
            denied.append(action);
            break;
        case CellState::Inherit:
            break;
        }
    }
    QStringList parts;
    if (allowed.size() == actions().size())
        parts.append(tr("%1 has %2: every action").arg(level, target));
    else if (!allowed.isEmpty())
        parts.append(tr("%1 has %2: %3 only").arg(level, target, allowed.join(u", "_s)));
    if (!denied.isEmpty())
        parts.append(tr("%1 denies %2: %3").arg(level, target, denied.join(u", "_s)));
    if (parts.isEmpty())
        return tr("%1 has nothing on %2").arg(level, target);
    return parts.join(u"; "_s);
}

AccessExplanation PermissionMatrix::explain(const QString &user, const ToolIdentity &tool,
                                            const std::optional<QStringList> &scopes) const
{
    AccessExplanation e;
    e.decision = m_policy.decide(user, tool, scopes);
    const auto info = std::find_if(m_users.cbegin(), m_users.cend(),
                                   [&user](const UserInfo &u) { return u.name == user; });
    if (e.decision.allowed) {
        e.verdict = tr("Allowed: %1 may %2 %3 on %4 (tool %5).")
                        .arg(user, tool.action, tool.resource, tool.server, tool.name);
        return e;
    }
    if (info == m_users.cend()) {
        e.verdict = tr("Denied: %1.").arg(e.decision.reason);
        e.advice = tr("Add a user named %1 first, or check the name.").arg(user);
        return e;
    }
    if (info->disabled) {
        e.verdict = tr("Denied: %1.").arg(e.decision.reason);
        e.advice = tr("Enable %1 again to let them call tools.").arg(user);
        return e;
    }
    if (!e.decision.missingScope.isEmpty()) {
        e.verdict = tr("Denied: %1.").arg(e.decision.reason);
        e.advice = tr("The token would need the scope %1.").arg(e.decision.missingScope);
        return e;
    }
    e.verdict = tr("Denied: %1 may not %2 %3 on %4 (tool %5).")
                    .arg(user, tool.action, tool.resource, tool.server, tool.name);

    const auto applies = [&tool](const QList<store::Rule> &rules) {
        return std::any_of(rules.cbegin(), rules.cend(), [&tool](const store::Rule &rule) {
            return PermissionPolicy::matches(rule, tool);
        });
    };
    const QString target = tool.server + u'/' + tool.resource;
    const QString permission = e.decision.missingPermission;
    if (applies(info->own)) {
        e.advice = tr("To allow it, grant %1 to %2 instead of denying it: a user's own rules "
                      "override their roles.")
                       .arg(permission, user);
        return e;
    }
    QStringList denyingRoles;
    bool roleRuleApplies = false;
    for (const QString &role : info->roles) {
        const QList<store::Rule> rules = m_roleRules.value(role);
        for (const store::Rule &rule : rules) {
            if (!PermissionPolicy::matches(rule, tool))
                continue;
            roleRuleApplies = true;
            if (rule.effect == kDeny && !denyingRoles.contains(role))
                denyingRoles.append(role);
        }
    }
    if (roleRuleApplies) {
        e.advice = tr("To allow it, take the deny off role %1, or grant %2 to %3 as an exception "
                      "of their own (a user's own rules override their roles).")
                       .arg(denyingRoles.join(u", "_s), permission, user);
        return e;
    }
    // Nothing applied: say what each level has on the resource, so the gap is visible.
    if (!info->own.isEmpty())
        e.held.append(holding(tr("user %1").arg(user), info->own, target));
    for (const QString &role : info->roles)
        e.held.append(holding(tr("role %1").arg(role), m_roleRules.value(role), target));
    if (info->roles.isEmpty())
        e.advice =
            tr("To allow it, grant %1 to %2, or give %2 a role that has it.").arg(permission, user);
    else
        e.advice = tr("To allow it, grant %1 to %2 or to one of their roles (%3).")
                       .arg(permission, user, info->roles.join(u", "_s));
    return e;
}

} // namespace gatehouse::policy
