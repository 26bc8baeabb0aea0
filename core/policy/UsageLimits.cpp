#include "UsageLimits.h"

#include "store/PlanRepository.h"
#include "store/UserRepository.h"

namespace gatehouse::policy {

UsageLimits::UsageLimits(QHash<QString, Limits> users)
    : m_users(std::move(users))
{}

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
    for (const store::User &user : *users) {
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
    return UsageLimits(std::move(limits));
}

const Limits &UsageLimits::of(const QString &user) const
{
    static const Limits none;
    const auto it = m_users.constFind(user);
    return it == m_users.constEnd() ? none : *it;
}

} // namespace gatehouse::policy
