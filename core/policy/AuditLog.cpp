#include "AuditLog.h"

#include "Logging.h"
#include "store/Database.h"

#ifdef __linux__
#include <pthread.h>
#endif
#include <algorithm>
#include <limits>

namespace gatehouse::policy {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kPruneEvery = std::chrono::hours(1);
// A store that keeps failing is retried less often, up to this, and logged once a minute.
constexpr auto kLongestRetryDelay = std::chrono::milliseconds(2000);
constexpr auto kFailureLogEvery = std::chrono::minutes(1);
constexpr qsizetype kMaxRepeatWindows = 4096;

} // namespace

AuditLog::AuditLog(store::Database &database, Options options)
    : m_database(database)
    , m_options(options)
    , m_thread([this] { run(); })
{}

AuditLog::~AuditLog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void AuditLog::record(store::AuditRow row)
{
    if (!row.time.isValid())
        row.time = QDateTime::currentDateTimeUtc();
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (row.decision.isEmpty()) {
            ++m_dropped;
            ++m_invalidUnreported;
            return;
        }
        // The writer sleeps while nothing is queued; later rows join the batch it collects.
        wake = m_queue.isEmpty();
        QString key;
        if (row.decision == u"quota" || row.decision == u"rate") {
            const QChar sep(0x1f);
            key = row.user.value_or(QString()) + sep + row.client.value_or(QString()) + sep +
                  row.server.value_or(QString()) + sep + row.tool.value_or(QString()) + sep +
                  row.decision;
            const auto it = m_repeats.find(key);
            if (it != m_repeats.end() && Clock::now() < it->windowEnd) {
                ++it->count; // written with the window's summary, needs no room in the queue
                it->last = row.time;
                return;
            }
            if (it != m_repeats.end()) {
                if (it->count > 0)
                    m_queue.append(summaryOf(*it));
                m_repeats.erase(it);
            }
        }
        if (m_queue.size() + m_held >= m_options.maxPending) {
            ++m_dropped;
            ++m_droppedUnreported;
            return;
        }
        // Beyond this many (user, tool, limit) windows at once, refusals are written one by one:
        // the map stays bounded however many identities a flood uses.
        if (!key.isEmpty() && m_repeats.size() < kMaxRepeatWindows)
            m_repeats.insert(key, Repeats{row, 0, row.time, Clock::now() + m_options.repeatWindow});
        m_queue.append(std::move(row));
    }
    if (wake)
        m_wake.notify_one();
}

Status AuditLog::flush()
{
    std::unique_lock lock(m_mutex);
    const quint64 ticket = ++m_flushRequested;
    m_wake.notify_one();
    m_flushed.wait(lock, [&] { return m_flushServed >= ticket; });
    if (m_lastError)
        return Error(m_lastError->code(),
                     tr("%1 audit rows could not be written and wait for the next attempt: %2")
                         .arg(m_held)
                         .arg(m_lastError->message()));
    return {};
}

qint64 AuditLog::dropped() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

qint64 AuditLog::written() const
{
    std::lock_guard lock(m_mutex);
    return m_written;
}

qint64 AuditLog::batches() const
{
    std::lock_guard lock(m_mutex);
    return m_batches;
}

qsizetype AuditLog::pending() const
{
    std::lock_guard lock(m_mutex);
    return m_queue.size() + m_held;
}

void AuditLog::run()
{
#ifdef __linux__
    // Named for top -H and the benchmark's CPU breakdown.
    pthread_setname_np(pthread_self(), "gh-audit-log");
#endif
    prune();
    auto nextPrune = Clock::now() + kPruneEvery;
    store::AuditRepository repository(m_database);
    QList<store::AuditRow> batch; // taken from the queue; kept while the store fails
    int failures = 0;             // write attempts that failed in a row
    Clock::time_point nextFailureLog;

    std::unique_lock lock(m_mutex);
    const auto urgent = [this] { return m_stopping || m_flushRequested > m_flushServed; };
    for (;;) {
        if (!urgent()) {
            if (batch.isEmpty() && m_queue.isEmpty()) {
                auto until = nextPrune;
                for (const Repeats &r : std::as_const(m_repeats))
                    until = std::min(until, r.windowEnd);
                m_wake.wait_until(lock, until, [&] { return urgent() || !m_queue.isEmpty(); });
            }
            // The group-commit window: rows recorded meanwhile join this batch. After a failure
            // the wait grows, so a broken store is not hammered.
            std::chrono::milliseconds window = m_options.flushInterval;
            if (failures > 0) {
                const std::chrono::milliseconds grown =
                    window * (std::chrono::milliseconds::rep(1) << std::min(failures, 10));
                window = std::max(window, std::min(kLongestRetryDelay, grown));
            }
            if (!urgent() && (!batch.isEmpty() || !m_queue.isEmpty()))
                m_wake.wait_for(lock, window, urgent);
        }
        const quint64 serving = m_flushRequested;
        const bool stopping = m_stopping;
        queueRepeatSummaries(urgent());
        batch.append(std::move(m_queue));
        m_queue.clear();
        m_held = batch.size();
        const qint64 dropped = std::exchange(m_droppedUnreported, 0);
        const qint64 invalid = std::exchange(m_invalidUnreported, 0);
        lock.unlock();

        if (dropped > 0)
            qCWarning(lcAudit).noquote()
                << dropped << "audit rows were dropped: the store did not keep up and"
                << m_options.maxPending << "rows were already waiting to be written";
        if (invalid > 0)
            qCWarning(lcAudit).noquote()
                << invalid << "audit rows without a decision were dropped (a bug in the caller)";
        Status status;
        if (!batch.isEmpty())
            status = repository.append(batch);
        if (!status.ok()) {
            ++failures;
            if (failures == 1 || Clock::now() >= nextFailureLog) {
                qCWarning(lcAudit).noquote()
                    << "Cannot write" << batch.size()
                    << "audit rows; they are kept and written with the next batch:"
                    << status.error().message();
                nextFailureLog = Clock::now() + kFailureLogEvery;
            }
        } else if (failures > 0) {
            qCInfo(lcAudit).noquote() << "The audit log is written again after" << failures
                                      << "failed attempts;" << batch.size() << "rows caught up.";
            failures = 0;
        }
        if (Clock::now() >= nextPrune) {
            prune();
            nextPrune = Clock::now() + kPruneEvery;
        }

        lock.lock();
        if (status.ok()) {
            m_written += batch.size();
            if (!batch.isEmpty())
                ++m_batches;
            batch.clear();
            m_lastError.reset();
        } else {
            m_lastError = status.error();
        }
        m_held = batch.size();
        m_flushServed = serving;
        m_flushed.notify_all();
        // Rows recorded during the last write get one more round; a store that fails at the
        // end gets no more.
        if (stopping && (m_queue.isEmpty() || !status.ok()))
            break;
    }
    // A flush() that raced with the stop must not wait for a writer that is gone.
    m_flushServed = std::numeric_limits<quint64>::max();
    const qsizetype lost = m_held + m_queue.size();
    const QString why = m_lastError ? m_lastError->message() : QString();
    lock.unlock();
    m_flushed.notify_all();
    if (lost > 0)
        qCCritical(lcAudit).noquote()
            << lost << "audit rows are lost: the store failed while the audit log stopped:" << why;
    m_database.releaseThreadConnection();
}

void AuditLog::queueRepeatSummaries(bool all)
{
    const auto now = Clock::now();
    for (auto it = m_repeats.begin(); it != m_repeats.end();) {
        if (!all && now < it->windowEnd) {
            ++it;
            continue;
        }
        if (it->count > 0)
            m_queue.append(summaryOf(*it));
        it = m_repeats.erase(it);
    }
}

store::AuditRow AuditLog::summaryOf(const Repeats &repeats)
{
    store::AuditRow row = repeats.first;
    row.time = repeats.last;
    row.upstreamStatus.reset();
    row.latencyMs.reset();
    row.cost.reset();
    row.repeats = repeats.count - 1;
    row.reason = tr("%1 more calls refused the same way since %2 (written as one row)")
                     .arg(repeats.count)
                     .arg(repeats.first.time.toString(Qt::ISODateWithMs));
    return row;
}

void AuditLog::prune()
{
    if (m_options.retention.count() <= 0)
        return;
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-m_options.retention.count());
    const auto removed = store::AuditRepository(m_database).pruneOlderThan(cutoff);
    if (!removed)
        qCWarning(lcAudit).noquote()
            << "Cannot prune the audit log; trying again in an hour:" << removed.error().message();
    else if (*removed > 0)
        qCInfo(lcAudit).noquote() << "Pruned" << *removed << "audit rows older than"
                                  << cutoff.toString(Qt::ISODate);
}

} // namespace gatehouse::policy
