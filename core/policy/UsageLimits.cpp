#include "UsageLimits.h"

#include "store/PlanRepository.h"
#include "store/UserRepository.h"

namespace gatehouse::policy {

UsageLimits::UsageLimits(QHash<QString, Limits> users, QSet<QString> known)
    : m_users(std::move(users))
    , m_known(std::move(known))
{}

UsageLimits UsageLimits::unreadable(QString problem)
{
    UsageLimits limits;
    limits.m_problem = problem.isEmpty() ? tr("the store did not answer") : std::move(problem);
    return limits;
}

Result<UsageLimits> UsageLimits::load(store::Database &database)
{
    const auto plans = store::PlanRepository(database).list();
    if (!plans)
        return plans.error();
    const auto users = store::UserRepository(database).list();
    if (!users)
        return users.error();
    QHash<QString, store::Plan> byName;
    for (const store::Plan &plan : *plans)
        byName.insert(plan.name, plan);
    QHash<QString, Limits> limits;
    QSet<QString> known;
    for (const store::User &user : *users) {
        known.insert(user.name);
        Limits l;
        if (user.plan) {
            const store::Plan plan = byName.value(*user.plan);
            l.plan = *user.plan;
            l.callsPerMonth = plan.callsPerMonth;
            l.ratePerMinute = plan.ratePerMinute;
            l.spendPerMonth = plan.spendPerMonth;
        }
        if (user.callsPerMonth)
            l.callsPerMonth = user.callsPerMonth;
        if (user.ratePerMinute)
            l.ratePerMinute = user.ratePerMinute;
        if (user.spendPerMonth)
            l.spendPerMonth = user.spendPerMonth;
        if (l != Limits{})
            limits.insert(user.name, l);
    }
    return UsageLimits(std::move(limits), std::move(known));
}

const Limits &UsageLimits::of(const QString &user) const
{
    static const Limits none;
    const auto it = m_users.constFind(user);
    return it == m_users.constEnd() ? none : *it;
}

} // namespace gatehouse::policy
