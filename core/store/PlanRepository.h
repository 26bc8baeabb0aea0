#pragma once

#include "Origin.h"
#include "Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace gatehouse::store {

class Database;

struct Plan
{
    QString name;
    std::optional<qint64> callsPerMonth; // per user, per server; absent = unlimited
    std::optional<qint64> ratePerMinute;
    std::optional<double> spendPerMonth; // cap on summed tool cost; absent = unlimited
    Origin origin = Origin::Local;

    bool operator==(const Plan &) const = default;
};

class PlanRepository
{
    Q_DECLARE_TR_FUNCTIONS(PlanRepository)

public:
    explicit PlanRepository(Database &database);

    Result<QList<Plan>> list();
    Result<QList<Plan>> listByOrigin(Origin origin);
    Result<Plan> get(const QString &name);
    Status create(const Plan &plan);
    Status upsert(const Plan &plan);
    // Refused with Conflict while users are on the plan.
    Status remove(const QString &name);

private:
    Status save(const Plan &plan, bool replace);
    Result<QList<Plan>> select(const QString &where, const QVariant &value);

    Database &m_database;
};

} // namespace gatehouse::store
