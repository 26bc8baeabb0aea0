#pragma once

#include "Result.h"
#include "store/AuditRepository.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QStringList>

#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::policy {

// Which calls the Activity table shows. Every part that is set must match; a row without the
// field (a call before sign-in has no user) matches only when the part is unset.
struct ActivityFilter
{
    std::optional<QString> user{};
    std::optional<QString> server{}; // with tool: one tool of one server
    std::optional<QString> tool{};
    std::optional<QString> decision{}; // allow | deny | quota | rate | spend
    std::optional<QDateTime> minute{}; // the calls of the minute that starts then

    bool matches(const store::AuditRow &row) const;
    // The same filter for the store, limit and ids aside.
    store::AuditFilter auditFilter() const;
    bool isEmpty() const { return *this == ActivityFilter{}; }

    bool operator==(const ActivityFilter &) const = default;
};

// One minute of the charts.
struct ActivityMinute
{
    QDateTime start; // UTC
    qint64 calls = 0;
    qint64 refused = 0; // denied by a rule, or stopped by a quota, rate or spend limit
    // Of the calls that reached the upstream and were timed; absent when none were.
    std::optional<qint64> p50Ms;
    std::optional<qint64> p99Ms;

    bool operator==(const ActivityMinute &) const = default;
};

// What one background read of the audit log found. A full read replaces what the feed holds; a
// follow-up read brings the calls written since the previous read.
struct ActivityRead
{
    bool full = false;
    qint64 afterId = 0;                // follow-up: the id it read after
    qint64 throughId = 0;              // the newest id the read covers
    ActivityFilter filter;             // full: the filter the rows were read with
    QList<store::AuditRow> rows;       // full: matching the filter, newest first; else every new
                                       // call, oldest id first
    QList<store::AuditSample> samples; // full: every call of the charts' window
    qint64 callsToday = 0;             // full: calls since local midnight
    QDate today;                       // full: the local date callsToday counts
};

// The model behind the Activity page and the status bar's call count: the newest calls that
// match a filter (at most maxRows of them, newest first), per-minute counts and latency
// percentiles over the last hour, and the number of calls today. It follows the audit log by id:
// a read after the first brings only the rows written since, so a busy log is never read again
// as a whole. Reads run on any thread (read()); the rest belongs to one thread.
class ActivityFeed
{
    Q_DECLARE_TR_FUNCTIONS(ActivityFeed)

public:
    struct Options
    {
        int maxRows = 5000; // the table's rows kept in memory
        int minutes = 60;   // the charts' window
    };

    // Told about changes to rows(), so that a table model can follow them.
    class Listener
    {
    public:
        virtual ~Listener() = default;
        virtual void rowsAboutToBeReset() {}
        virtual void rowsReset() {}
        virtual void rowsAboutToBeInserted(int first, int last)
        {
            Q_UNUSED(first)
            Q_UNUSED(last)
        }
        virtual void rowsInserted() {}
        virtual void rowsAboutToBeRemoved(int first, int last)
        {
            Q_UNUSED(first)
            Q_UNUSED(last)
        }
        virtual void rowsRemoved() {}
    };

    ActivityFeed();
    explicit ActivityFeed(Options options);

    // Reads what the feed needs from the store. With afterId, the calls written after it
    // (all of them, unfiltered); when more than maxRows were written since, a full read instead,
    // so that no read grows without bound. Without afterId, a full read with the filter.
    static Result<ActivityRead> read(store::Database &database, const ActivityFilter &filter,
                                     std::optional<qint64> afterId, const QDateTime &now,
                                     Options options);

    const Options &options() const { return m_options; }
    void setListener(Listener *listener) { m_listener = listener; }

    // Where the next read starts: absent until a full read was applied, and again after the
    // filter changed (the next read must then be a full one).
    std::optional<qint64> followFrom() const;
    const ActivityFilter &filter() const { return m_filter; }
    // Keeps the rows that still match at once; the next read is a full one with this filter.
    void setFilter(const ActivityFilter &filter);

    // Applies a read made with read(); false when it no longer fits (a full read made with a
    // filter since changed, or a follow-up read from another id), and then nothing changed.
    bool apply(const ActivityRead &read, const QDateTime &now);
    // Moves the charts' window and the day on to now without new calls.
    void advance(const QDateTime &now);

    // Newest first (by time, then id).
    const QList<store::AuditRow> &rows() const { return m_rows; }
    // True when the store holds more matching calls than rows() keeps.
    bool truncated() const { return m_truncated; }
    // options.minutes entries, oldest first, the last one the minute of now.
    QList<ActivityMinute> minutes() const;
    // Over the whole window: calls, refused calls and latency percentiles.
    ActivityMinute window() const;
    qint64 callsToday() const { return m_callsToday; }

    // Users, and servers with their tools, seen in any call the feed read, in name order: what
    // the filters offer.
    QStringList users() const;
    QList<std::pair<QString, QString>> tools() const;

    static QDateTime minuteOf(const QDateTime &time);
    // Nearest-rank percentile (p in 0..100) of values, which it reorders; absent when empty.
    static std::optional<qint64> percentile(QList<qint64> &values, int p);

private:
    struct Bucket
    {
        qint64 calls = 0;
        qint64 refused = 0;
        QList<qint64> latencies;
    };

    // repeats: more calls the row stands for (AuditRow::repeats).
    void count(const QDateTime &time, const QString &decision, std::optional<qint64> latencyMs,
               qint64 repeats);
    void note(const store::AuditRow &row);
    void insertRows(QList<store::AuditRow> rows);
    void trim();
    void moveDay(const QDate &today);
    qint64 windowStartMinute(const QDateTime &now) const;

    Options m_options;
    Listener *m_listener = nullptr;
    ActivityFilter m_filter;
    bool m_loaded = false;
    bool m_filterChanged = false;
    qint64 m_throughId = 0;
    QList<store::AuditRow> m_rows;
    bool m_truncated = false;
    QMap<qint64, Bucket> m_buckets; // by minute since the epoch
    qint64 m_lastMinute = 0;        // the minute of the last advance
    QDate m_today;
    qint64 m_callsToday = 0;
    QSet<QString> m_users;
    QSet<std::pair<QString, QString>> m_tools;
};

} // namespace gatehouse::policy
