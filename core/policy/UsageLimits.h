#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QHash>
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
    explicit UsageLimits(QHash<QString, Limits> users);

    // A user without a plan or limits of their own (or unknown) has none.
    const Limits &of(const QString &user) const;

private:
    QHash<QString, Limits> m_users;
};

} // namespace gatehouse::policy
