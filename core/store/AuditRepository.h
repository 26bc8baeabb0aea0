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
    // More calls this row stands for, refused the same way after it (AuditLog writes repeated
    // limit refusals as one row); 0: the row is one call.
    qint64 repeats = 0;

    bool operator==(const AuditRow &) const = default;
};

struct AuditFilter
{
    std::optional<QString> user{};
    std::optional<QString> tool{};
    std::optional<QString> decision{};
    std::optional<QDateTime> since{}; // inclusive
    int limit = 100;
    std::optional<QString> server{};
    std::optional<QString> client{};
    // Rows with id > afterId, and then oldest first (ascending id) instead of newest first: a
    // reader that follows the log asks again with the last id it received and pages forward
    // without gaps or repeats, as ids only grow (on PostgreSQL, ids of concurrent writers'
    // transactions may become visible out of order).
    std::optional<qint64> afterId{};
    // Rows with id <= throughId: fixes the end of a read, e.g. at lastId(), so that rows written
    // meanwhile are left for the next read from that id.
    std::optional<qint64> throughId{};
    std::optional<QDateTime> before{}; // exclusive: with since, one minute of calls
};

// One call as charts need it: when, how it was decided, how long it took.
struct AuditSample
{
    qint64 id = 0;
    QDateTime time;
    QString decision;
    std::optional<qint64> latencyMs;
    qint64 repeats = 0;

    bool operator==(const AuditSample &) const = default;
};

class AuditRepository
{
    Q_DECLARE_TR_FUNCTIONS(AuditRepository)

public:
    explicit AuditRepository(Database &database);

    // All rows in one transaction.
    Status append(const QList<AuditRow> &rows);
    // Newest first (by time, then id), at most filter.limit rows; with filter.afterId oldest
    // first by id (see AuditFilter::afterId).
    Result<QList<AuditRow>> query(const AuditFilter &filter);
    // How many rows match the filter (its limit does not apply).
    Result<qint64> count(const AuditFilter &filter);
    // The rows since that time (inclusive) and through that id, oldest id first, with only what
    // charts need: light enough to read an hour of a busy gateway.
    Result<QList<AuditSample>> samples(const QDateTime &since, qint64 throughId);
    // The id of the newest row written, 0 when the log is empty: where a follower starts.
    Result<qint64> lastId();
    // Returns how many rows were removed.
    Result<int> pruneOlderThan(const QDateTime &time);

private:
    Database &m_database;
};

} // namespace gatehouse::store
