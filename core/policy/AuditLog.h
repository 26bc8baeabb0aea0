#pragma once

#include "Result.h"
#include "store/AuditRepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::policy {

// The audit log's writer: the gateway's workers record one row per tool call without waiting for
// the database; a thread of its own writes what was recorded in one transaction per batch (group
// commit), at most flushInterval after the first row of a batch was recorded, and prunes rows
// older than the retention at start and hourly.
//
// A batch that cannot be written (the store is locked, full or broken) is logged and kept: it is
// written with the next batch, while at most maxPending rows wait. Rows recorded beyond that are
// dropped, counted, and the count is logged. What is still queued when the AuditLog is
// destroyed is written first; if that last write fails the rows are lost and the log says how
// many.
//
// A client that keeps calling at its limit would write a row per refusal: refusals by a quota or
// rate limit are written once per (user, client, server, tool, limit) and repeatWindow, and the
// repeats in that window as one more row saying how many there were.
//
// The Database must outlive the AuditLog.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    struct Options
    {
        std::chrono::milliseconds flushInterval{100};   // rows are written in batches this often
        std::chrono::seconds retention{90 * 24 * 3600}; // rows older are pruned (hourly and at
                                                        // start); 0: kept forever
        qsizetype maxPending = 65536; // rows queued beyond this are dropped (counted, warned once
                                      // per flush)
        std::chrono::milliseconds repeatWindow{60000}; // see the class comment
    };

    AuditLog(store::Database &database, Options options);
    ~AuditLog(); // writes what is queued, then stops its thread

    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    // Thread-safe and cheap (called on gateway worker threads per tool call): queues the row;
    // never touches the database on the caller's thread. A row without a time gets the current
    // time; a row without a decision is a caller's bug: it is dropped (counted) and logged.
    void record(store::AuditRow row);
    // Writes everything queued so far before returning (tests, clean stop). Thread-safe. When
    // the store fails the rows stay queued and the error says so.
    Status flush();
    // Rows dropped because maxPending rows were waiting (or because they had no decision).
    qint64 dropped() const;

    // For tests and diagnostics: rows written, and the transactions (batches) that wrote them.
    qint64 written() const;
    qint64 batches() const;
    // Rows recorded and not yet written.
    qsizetype pending() const;

private:
    struct Repeats
    {
        store::AuditRow first; // the refusal that was written
        qint64 count = 0;      // refused the same way since, not written
        QDateTime last;
        std::chrono::steady_clock::time_point windowEnd;
    };

    void run();
    void prune();
    // Under m_mutex: queues the rows that sum up repeats whose window ended (all when all).
    void queueRepeatSummaries(bool all);
    static store::AuditRow summaryOf(const Repeats &repeats);

    store::Database &m_database;
    const Options m_options;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;    // the writer waits on it
    std::condition_variable m_flushed; // flush() waits on it
    QList<store::AuditRow> m_queue;    // recorded, not yet taken by the writer
    QHash<QString, Repeats> m_repeats; // limit refusals by who, where and which limit
    qsizetype m_held = 0;              // taken by the writer: being written or kept for a retry
    qint64 m_dropped = 0;
    qint64 m_droppedUnreported = 0; // dropped for want of room, not yet logged
    qint64 m_invalidUnreported = 0; // dropped for want of a decision, not yet logged
    qint64 m_written = 0;
    qint64 m_batches = 0;
    quint64 m_flushRequested = 0;     // flush() calls so far
    quint64 m_flushServed = 0;        // flush() calls the writer has answered with a write attempt
    std::optional<Error> m_lastError; // of the last write attempt, for flush()
    bool m_stopping = false;

    std::thread m_thread; // last: it starts once the members above exist
};

} // namespace gatehouse::policy
