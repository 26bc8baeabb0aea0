#include "PlanOverview.h"

#include "policy/UsageMeter.h"
#include "store/Database.h"
#include "store/UsageRepository.h"
#include "store/UserRepository.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace gatehouse::policy {

Result<PlanOverview> PlanOverview::load(store::Database &database, const QDateTime &now)
{
    PlanOverview overview;
    overview.m_period = UsageMeter::periodOf(now);
    overview.m_resetsAt = UsageMeter::nextPeriodStart(now);

    auto plans = store::PlanRepository(database).list();
    if (!plans)
        return plans.error();
    overview.m_plans = std::move(plans).value();
    auto users = store::UserRepository(database).list();
    if (!users)
        return users.error();
    // The gateway's own reading of plans and users' limits, so the page shows what it enforces.
    auto limits = UsageLimits::load(database);
    if (!limits)
        return limits.error();
    auto counters = store::UsageRepository(database).listForPeriod(overview.m_period);
    if (!counters)
        return counters.error();

    QHash<QString, QList<store::UsageCounter>> byUser;
    for (const store::UsageCounter &counter : std::as_const(*counters))
        byUser[counter.user].append(counter);
    QStringList names;
    for (const store::User &user : std::as_const(*users)) {
        PlanMember member;
        member.user = user.name;
        member.plan = user.plan;
        member.disabled = user.disabled;
        member.limits = limits->of(user.name);
        member.ownCallsPerMonth = user.callsPerMonth;
        member.ownRatePerMinute = user.ratePerMinute;
        member.ownSpendPerMonth = user.spendPerMonth;
        overview.m_members.append(member);
        names.append(user.name);
    }
    std::sort(overview.m_members.begin(), overview.m_members.end(),
              [](const PlanMember &a, const PlanMember &b) { return a.user < b.user; });
    // Counters of users removed since still show what was used.
    for (auto it = byUser.cbegin(); it != byUser.cend(); ++it)
        if (!names.contains(it.key()))
            names.append(it.key());
    names.sort();
    for (const QString &name : std::as_const(names)) {
        QList<store::UsageCounter> servers = byUser.value(name);
        std::sort(servers.begin(), servers.end(),
                  [](const store::UsageCounter &a, const store::UsageCounter &b) {
                      return a.server < b.server;
                  });
        const Limits &userLimits = limits->of(name);
        if (servers.isEmpty())
            overview.m_usage.append(ServerUsage{name, QString(), 0, 0.0, userLimits});
        for (const store::UsageCounter &counter : std::as_const(servers))
            overview.m_usage.append(
                ServerUsage{name, counter.server, counter.calls, counter.cost, userLimits});
    }
    return overview;
}

QString PlanOverview::problemWith(const store::Plan &plan)
{
    if (plan.name.trimmed().isEmpty())
        return tr("A plan needs a name, e.g. free or team.");
    if (plan.name != plan.name.trimmed())
        return tr("The plan's name '%1' starts or ends with a space; remove it.").arg(plan.name);
    if ((plan.callsPerMonth && *plan.callsPerMonth < 0) ||
        (plan.ratePerMinute && *plan.ratePerMinute < 0) ||
        (plan.spendPerMonth && (*plan.spendPerMonth < 0 || !std::isfinite(*plan.spendPerMonth))))
        return tr("Plan %1: a limit cannot be negative; leave it unlimited or enter 0 to allow "
                  "nothing.")
            .arg(plan.name);
    return {};
}

Status PlanOverview::savePlan(store::Database &database, const store::Plan &plan, bool create)
{
    if (const QString problem = problemWith(plan); !problem.isEmpty())
        return Error(ErrorCode::InvalidArgument, problem);
    store::PlanRepository plans(database);
    if (create)
        return plans.create(plan);
    return database.write([&](QSqlDatabase &) -> Status {
        // Only new limits: a plan removed meanwhile is not brought back.
        if (auto existing = plans.get(plan.name); !existing)
            return existing.error();
        return plans.upsert(plan);
    });
}

Status PlanOverview::removePlan(store::Database &database, const QString &name)
{
    return store::PlanRepository(database).remove(name);
}

Status PlanOverview::assignPlan(store::Database &database, const QString &user,
                                const std::optional<QString> &plan)
{
    return database.write([&](QSqlDatabase &) -> Status {
        store::UserRepository users(database);
        auto record = users.get(user);
        if (!record)
            return record.error();
        record->plan = plan;
        return users.upsert(*record);
    });
}

std::optional<store::Plan> PlanOverview::plan(const QString &name) const
{
    for (const store::Plan &p : m_plans)
        if (p.name == name)
            return p;
    return std::nullopt;
}

QStringList PlanOverview::usersOn(const QString &plan) const
{
    QStringList users;
    for (const PlanMember &member : m_members)
        if (member.plan == plan)
            users.append(member.user);
    return users;
}

} // namespace gatehouse::policy
