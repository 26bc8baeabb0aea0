#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::policy {

// What one user may use of one server: the plan's limits with the user's own over them.
struct Limits
{
    QString plan; // the plan's name, for messages; empty: no plan
    std::optional<qint64> callsPerMonth;
    std::optional<qint64> ratePerMinute;
    std::optional<double> spendPerMonth;

    bool operator==(const Limits &) const = default;
};

// Every user's limits, read from the store (plans and users) into an immutable snapshot that the
// gateway's workers share.
class UsageLimits
{
    Q_DECLARE_TR_FUNCTIONS(UsageLimits)

public:
    static Result<UsageLimits> load(store::Database &database);

    UsageLimits() = default;
    explicit UsageLimits(QHash<QString, Limits> users, QSet<QString> known = {});
    // Stands in when the store's plans cannot be read and none were read before: the gateway
    // then refuses calls rather than letting everyone past every limit.
    static UsageLimits unreadable(QString problem);

    bool readable() const { return m_problem.isEmpty(); }
    // Every user in the store when the limits were read, with limits or not.
    const QSet<QString> &users() const { return m_known; }
    // Why the limits are unknown (the store's error), for the refusal.
    const QString &problem() const { return m_problem; }

    // A user without a plan or limits of their own (or unknown) has none.
    const Limits &of(const QString &user) const;

private:
    QHash<QString, Limits> m_users;
    QSet<QString> m_known;
    QString m_problem;
};

} // namespace gatehouse::policy
