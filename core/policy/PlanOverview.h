#pragma once

#include "Result.h"
#include "policy/UsageLimits.h"
#include "store/PlanRepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::policy {

// A user, their plan and what they may use (the plan's limits with their own over them).
struct PlanMember
{
    QString user;
    std::optional<QString> plan;
    bool disabled = false;
    Limits limits;
    // The user's own limits, where they replace the plan's.
    std::optional<qint64> ownCallsPerMonth;
    std::optional<qint64> ownRatePerMinute;
    std::optional<double> ownSpendPerMonth;
};

// What one user used of one server this month, against their limits (per user and server, as
// the gateway counts them).
struct ServerUsage
{
    QString user;
    QString server; // empty: the user made no call this month
    qint64 calls = 0;
    double cost = 0.0;
    Limits limits;
};

// The Plans & quotas page's model: the plans, who is on which, and this month's use per user and
// server against their limits. Loaded whole from the store (any thread); the writes are the
// page's edits, each in one transaction.
class PlanOverview
{
    Q_DECLARE_TR_FUNCTIONS(PlanOverview)

public:
    // now: which month's usage (UTC months, as the gateway counts them).
    static Result<PlanOverview> load(store::Database &database, const QDateTime &now);

    // A new plan (refused when the name is taken), or new limits for an existing one.
    static Status savePlan(store::Database &database, const store::Plan &plan, bool create);
    // Refused, with the users' names, while users are on the plan.
    static Status removePlan(store::Database &database, const QString &name);
    // Puts a user on a plan, or on none.
    static Status assignPlan(store::Database &database, const QString &user,
                             const std::optional<QString> &plan);
    // What is wrong with a plan before it is saved: a sentence, or empty.
    static QString problemWith(const store::Plan &plan);

    const QList<store::Plan> &plans() const { return m_plans; }
    std::optional<store::Plan> plan(const QString &name) const;
    const QList<PlanMember> &members() const { return m_members; }
    // The users on a plan, in name order.
    QStringList usersOn(const QString &plan) const;
    // Users in name order, each with their servers in name order; a user without calls this
    // month has one entry without a server.
    const QList<ServerUsage> &usage() const { return m_usage; }
    QString period() const { return m_period; }       // "YYYY-MM"
    QDateTime resetsAt() const { return m_resetsAt; } // the next month's start (UTC)

private:
    QList<store::Plan> m_plans;
    QList<PlanMember> m_members;
    QList<ServerUsage> m_usage;
    QString m_period;
    QDateTime m_resetsAt;
};

} // namespace gatehouse::policy
