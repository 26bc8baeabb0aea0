#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace gatehouse::store {

class Database;

struct AuditRow
{
    qint64 id = 0; // assigned by the database; ignored by append()
    QDateTime time;
    std::optional<QString> user;
    std::optional<QString> client;
    std::optional<QString> server;
    std::optional<QString> tool;
    QString decision; // e.g. allow | deny
    std::optional<QString> reason;
    std::optional<int> upstreamStatus;
    std::optional<qint64> latencyMs;
    std::optional<double> cost;

    bool operator==(const AuditRow &) const = default;
};

struct AuditFilter
{
    std::optional<QString> user;
    std::optional<QString> tool;
    std::optional<QString> decision;
    std::optional<QDateTime> since; // inclusive
    int limit = 100;
};

class AuditRepository
{
    Q_DECLARE_TR_FUNCTIONS(AuditRepository)

public:
    explicit AuditRepository(Database &database);

    // All rows in one transaction.
    Status append(const QList<AuditRow> &rows);
    // Newest first.
    Result<QList<AuditRow>> query(const AuditFilter &filter);
    // Returns how many rows were removed.
    Result<int> pruneOlderThan(const QDateTime &time);

private:
    Database &m_database;
};

} // namespace gatehouse::store
