#include "PermissionPolicy.h"

#include "openapi/Tool.h"
#include "openapi/ToolNamer.h"
#include "store/UserRepository.h"

#include <mutex>
#include <shared_mutex>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace gatehouse::policy {

namespace {

struct MemoKey
{
    QString user;
    ToolIdentity tool;
};

// Looked up without building a key: a call's user and identity are compared where they are.
struct MemoProbe
{
    const QString &user;
    const ToolIdentity &tool;
};

template <typename A, typename B>
bool sameKey(const A &a, const B &b)
{
    return a.user == b.user && a.tool.server == b.tool.server && a.tool.name == b.tool.name &&
           a.tool.defaultName == b.tool.defaultName && a.tool.resource == b.tool.resource &&
           a.tool.action == b.tool.action;
}

struct MemoHash
{
    using is_transparent = void;
    template <typename K>
    size_t operator()(const K &k) const
    {
        return qHashMulti(0, k.user, k.tool.server, k.tool.name, k.tool.defaultName,
                          k.tool.resource, k.tool.action);
    }
};

struct MemoEqual
{
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A &a, const B &b) const
    {
        return sameKey(a, b);
    }
};

} // namespace

struct PermissionPolicy::Memo
{
    // Readers do not wait for each other: once a user's tools are remembered, calls only read.
    std::shared_mutex mutex;
    std::unordered_map<MemoKey, Decision, MemoHash, MemoEqual> decisions;
};

PermissionPolicy::PermissionPolicy(QHash<QString, UserEntry> users,
                                   QHash<QString, QList<store::Rule>> roles)
    : m_users(std::move(users))
    , m_roles(std::move(roles))
    , m_memo(std::make_shared<Memo>())
{}

Result<PermissionPolicy> PermissionPolicy::load(store::Database &database)
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
    QHash<QString, QList<store::Rule>> roleRules;
    for (const store::Role &role : std::as_const(*roles))
        roleRules.insert(role.name, role.rules);
    QHash<QString, UserEntry> entries;
    for (const store::User &user : std::as_const(*users))
        entries.insert(user.name,
                       UserEntry{true, user.disabled, user.roles, userRules->value(user.name)});
    return PermissionPolicy(std::move(entries), std::move(roleRules));
}

ToolIdentity PermissionPolicy::identify(const QString &server, const openapi::Tool &tool)
{
    ToolIdentity identity;
    identity.server = server;
    identity.name = tool.name;
    identity.defaultName = openapi::ToolNamer::defaultName(
        tool.operation.operationId, tool.operation.method, tool.operation.path, nullptr);
    identity.resource = tool.resource;
    identity.action = openapi::toolActionName(tool.action);
    return identity;
}

bool PermissionPolicy::matches(const store::Rule &rule, const ToolIdentity &tool)
{
    const QString &target = rule.target;
    if (!target.startsWith(tool.server) || target.size() <= tool.server.size())
        return false;
    const QChar separator = target.at(tool.server.size());
    const QStringView rest = QStringView(target).sliced(tool.server.size() + 1);
    const bool actionMatches = rule.action == u"*"_s || rule.action == tool.action;
    if (separator == u'/')
        return rest == tool.resource && actionMatches;
    if (separator == u'.')
        return (rest == tool.name || (!tool.defaultName.isEmpty() && rest == tool.defaultName)) &&
               actionMatches;
    return false;
}

QString PermissionPolicy::describe(const store::Rule &rule)
{
    if (rule.action == u"*"_s)
        return u"%1: %2"_s.arg(rule.target, rule.effect);
    return u"%1: %2 %3"_s.arg(rule.target, rule.effect, rule.action);
}

Decision PermissionPolicy::decide(const QString &user, const ToolIdentity &tool,
                                  const std::optional<QStringList> &scopes) const
{
    // The whole identity is the key, not only the name: a catalog reloaded with a tool's action
    // changed may meet a snapshot kept because the matrix could not be read again.
    Decision d;
    if (!m_memo) {
        d = decideGrants(user, tool);
    } else {
        bool remembered = false;
        {
            std::shared_lock lock(m_memo->mutex);
            if (const auto it = m_memo->decisions.find(MemoProbe{user, tool});
                it != m_memo->decisions.end()) {
                d = it->second;
                remembered = true;
            }
        }
        if (!remembered) {
            d = decideGrants(user, tool);
            std::unique_lock lock(m_memo->mutex);
            // Bounded however many users and tools there are: full, it starts again.
            if (qsizetype(m_memo->decisions.size()) >= memoCapacity)
                m_memo->decisions.clear();
            m_memo->decisions.insert_or_assign(MemoKey{user, tool}, d);
        }
    }
    if (!d.allowed || !scopes)
        return d;
    const QString needed = tool.server + u':' + tool.action;
    if (scopes->contains(needed))
        return d;
    d.allowed = false;
    d.missingScope = needed;
    d.reason = tr("the token's scopes (%1) do not include %2")
                   .arg(scopes->isEmpty() ? tr("none") : scopes->join(u' '), needed);
    d.trace.removeLast(); // the grants' verdict
    d.trace << tr("denied: %1").arg(d.reason);
    return d;
}

qsizetype PermissionPolicy::remembered() const
{
    if (!m_memo)
        return 0;
    std::shared_lock lock(m_memo->mutex);
    return qsizetype(m_memo->decisions.size());
}

Decision PermissionPolicy::decideGrants(const QString &user, const ToolIdentity &tool) const
{
    Decision d;
    const auto entry = m_users.constFind(user);
    if (entry == m_users.cend() || !entry->exists) {
        d.reason = tr("user '%1' is not known to this gateway").arg(user);
        d.trace << tr("denied: %1").arg(d.reason);
        return d;
    }
    if (entry->disabled) {
        d.reason = tr("user '%1' is disabled").arg(user);
        d.trace << tr("denied: %1").arg(d.reason);
        return d;
    }

    // Two levels: the user's own rules, then all of the user's roles together. Rules are weighed
    // where they are kept; text is made only for the ones that apply.
    std::optional<QString> allow;
    std::optional<QString> deny;
    const auto weigh = [&](const QList<store::Rule> &rules, bool ownRules, const QString &name) {
        QString from; // made on the first rule that applies: most rules do not
        for (const store::Rule &rule : rules) {
            if (!matches(rule, tool))
                continue;
            if (from.isEmpty())
                from = ownRules ? tr("user %1").arg(name) : tr("role %1").arg(name);
            const QString line = from + u": "_s + describe(rule);
            d.trace << line;
            std::optional<QString> &slot = rule.effect == u"deny"_s ? deny : allow;
            if (!slot)
                slot = line;
        }
    };
    const auto decidedHere = [&] {
        if (deny)
            d.reason = tr("denied by %1").arg(*deny);
        else if (allow)
            d.reason = tr("allowed by %1").arg(*allow);
        d.allowed = !deny && allow;
        return deny || allow;
    };
    if (!entry->own.isEmpty())
        weigh(entry->own, true, user);
    bool decided = decidedHere();
    if (!decided) {
        for (const QString &role : entry->roles) {
            const auto rules = m_roles.constFind(role);
            if (rules != m_roles.cend())
                weigh(*rules, false, role);
        }
        decided = decidedHere();
    }
    if (!decided) {
        d.allowed = false;
        d.reason =
            tr("no rule of user %1 or of the roles %2 grants %3 on %4")
                .arg(user, entry->roles.isEmpty() ? tr("(none)") : entry->roles.join(u", "_s),
                     tool.action, tool.server + u'.' + tool.name);
    }
    if (!d.allowed && d.missingPermission.isEmpty())
        d.missingPermission = u"%1/%2: %3"_s.arg(tool.server, tool.resource, tool.action);
    d.trace << (d.allowed ? tr("allowed: %1").arg(d.reason) : tr("denied: %1").arg(d.reason));
    return d;
}

} // namespace gatehouse::policy
