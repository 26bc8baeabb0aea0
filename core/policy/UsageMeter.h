#pragma once

#include "Result.h"
#include "policy/UsageLimits.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::policy {

// Whether a call may go ahead under its user's limits, and if not, which limit stopped it.
struct Admission
{
    enum class Limit
    {
        None,    // admitted and counted
        Monthly, // calls_per_month reached on this server
        Rate,    // rate_per_minute reached
    };
    Limit limit = Limit::None;
    qint64 allowed = 0;                 // the limit that refused the call
    qint64 used = 0;                    // Monthly: calls counted this month
    std::chrono::seconds retryAfter{0}; // when the next call can get through (at least 1 s)
    QDateTime resetsAt;                 // the same, as a time (UTC)

    bool admitted() const { return limit == Limit::None; }
};

// Monthly call quotas and per-minute rates for every (user, server), in memory on the hot path:
// a call is counted the moment it is admitted. The counts go to the store in batches, one
// transaction per flush interval, from a thread of the meter's own, so a crash loses at most
// the calls of the last interval and a clean stop none. Rates are token buckets of the
// instance; with several instances sharing a PostgreSQL store, monthly counts are read back
// every second, so each instance sees the others' calls within about a second.
// Thread-safe; the counters are sharded so that one busy user does not hold up others.
class UsageMeter
{
    Q_DECLARE_TR_FUNCTIONS(UsageMeter)

public:
    struct Options
    {
        std::chrono::milliseconds flushInterval{100};
    };

    // database may be null: counts live in memory only.
    UsageMeter(store::Database *database, Options options);
    ~UsageMeter(); // writes the counts not written yet
    UsageMeter(const UsageMeter &) = delete;
    UsageMeter &operator=(const UsageMeter &) = delete;

    Admission admit(const QString &user, const QString &server, const Limits &limits,
                    const QDateTime &now);
    // Drops what the meter holds for users no longer in the store (counts already written, rate
    // buckets), so removed users do not stay in memory until a restart.
    void forgetUsersExcept(const QSet<QString> &users);
    // Counters and rate buckets held in memory (tests, diagnostics).
    qsizetype tracked() const;
    // Writes the counts taken so far (tests, a clean stop). Thread-safe.
    Status flush();
    // Calls counted this month for (user, server), written or not.
    qint64 callsThisMonth(const QString &user, const QString &server, const QDateTime &now);

    static QString periodOf(const QDateTime &time); // "YYYY-MM" in UTC
    static QDateTime nextPeriodStart(const QDateTime &time);

private:
    struct Counter
    {
        QString user;
        QString server;
        QString period;
        qint64 stored = 0;  // in the store when last read or written
        qint64 writing = 0; // taken by the flush in progress
        qint64 pending = 0; // counted since
        bool loaded = true; // false: the store could not be read; read again after a flush
    };
    struct Bucket
    {
        double tokens = 0;
        qint64 refilledMs = 0;
        qint64 capacity = -1;
    };
    struct Shard
    {
        std::mutex mutex;
        QHash<QString, Counter> counters; // user \x1f server \x1f period
        QHash<QString, Bucket> buckets;   // user \x1f server
    };

    Shard &shardFor(const QString &key);
    std::optional<qint64> loadStored(const QString &user, const QString &server,
                                     const QString &period);
    void reloadUnread();
    void run();
    void refreshFromStore(const QString &period);

    store::Database *m_database;
    Options m_options;
    mutable std::array<Shard, 16> m_shards;
    std::mutex m_flushMutex; // one flush at a time
    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    int m_flushes = 0;
    std::thread m_writer;
};

} // namespace gatehouse::policy
