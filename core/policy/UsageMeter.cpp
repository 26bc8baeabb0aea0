#include "UsageMeter.h"

#include "Logging.h"
#include "store/Database.h"
#include "store/UsageRepository.h"

#ifdef __linux__
#include <pthread.h>
#endif
#include <cmath>

namespace gatehouse::policy {

namespace {
constexpr QChar kSeparator(0x1f);
} // namespace

UsageMeter::UsageMeter(store::Database *database, Options options)
    : m_database(database)
    , m_options(options)
{
    if (m_options.flushInterval < std::chrono::milliseconds(1))
        m_options.flushInterval = std::chrono::milliseconds(1);
    if (m_database)
        m_writer = std::thread([this] { run(); });
}

UsageMeter::~UsageMeter()
{
    {
        std::lock_guard lock(m_wakeMutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_writer.joinable())
        m_writer.join();
    if (m_database) {
        if (Status written = flush(); !written)
            qCWarning(lcPolicy).noquote()
                << "usage counts could not be written at stop:" << written.error().message();
        m_database->releaseThreadConnection();
    }
}

QString UsageMeter::periodOf(const QDateTime &time)
{
    // Asked on every admitted call: written by hand rather than through a date format.
    const QDate date = time.toUTC().date();
    if (!date.isValid())
        return {};
    const int year = date.year();
    const int month = date.month();
    if (year < 0 || year > 9999)
        return time.toUTC().toString(QStringLiteral("yyyy-MM"));
    QString period(7, Qt::Uninitialized);
    QChar *out = period.data();
    out[0] = QChar(u'0' + year / 1000);
    out[1] = QChar(u'0' + year / 100 % 10);
    out[2] = QChar(u'0' + year / 10 % 10);
    out[3] = QChar(u'0' + year % 10);
    out[4] = QChar(u'-');
    out[5] = QChar(u'0' + month / 10);
    out[6] = QChar(u'0' + month % 10);
    return period;
}

QDateTime UsageMeter::nextPeriodStart(const QDateTime &time)
{
    const QDate date = time.toUTC().date();
    return QDateTime(QDate(date.year(), date.month(), 1).addMonths(1), QTime(0, 0), Qt::UTC);
}

UsageMeter::Shard &UsageMeter::shardFor(const QString &key)
{
    return m_shards[qHash(key) % m_shards.size()];
}

std::optional<qint64> UsageMeter::loadStored(const QString &user, const QString &server,
                                             const QString &period)
{
    if (!m_database)
        return 0;
    const auto counter = store::UsageRepository(*m_database).get(user, server, period);
    if (!counter) {
        // Counting on from zero keeps the gateway serving; the store still gets every increment,
        // and the count is read again after the next flush.
        qCWarning(lcPolicy).noquote() << "cannot read the usage of" << user << "on" << server
                                      << "this month:" << counter.error().message();
        return std::nullopt;
    }
    return counter->calls;
}

void UsageMeter::reloadUnread()
{
    // Under the flush lock: nothing is being written, so the store's count is the whole story.
    for (Shard &shard : m_shards) {
        QList<Counter> unread;
        {
            std::lock_guard lock(shard.mutex);
            for (const Counter &c : std::as_const(shard.counters))
                if (!c.loaded)
                    unread.append(c);
        }
        for (const Counter &c : std::as_const(unread)) {
            const std::optional<qint64> stored = loadStored(c.user, c.server, c.period);
            if (!stored)
                return; // the store is still away: the next flush tries again
            std::lock_guard lock(shard.mutex);
            const auto it =
                shard.counters.find(c.user + kSeparator + c.server + kSeparator + c.period);
            if (it != shard.counters.end()) {
                it->stored = *stored;
                it->loaded = true;
            }
        }
    }
}

Admission UsageMeter::admit(const QString &user, const QString &server, const Limits &limits,
                            const QDateTime &now)
{
    const QString period = periodOf(now);
    const QString pair = user + kSeparator + server;
    const QString key = pair + kSeparator + period;
    Shard &shard = shardFor(pair);
    std::unique_lock lock(shard.mutex);
    auto it = shard.counters.find(key);
    if (it == shard.counters.end()) {
        // The store is read without the shard's lock, so no other user waits on it.
        lock.unlock();
        const std::optional<qint64> stored = loadStored(user, server, period);
        lock.lock();
        it = shard.counters.find(key);
        if (it == shard.counters.end())
            it = shard.counters.insert(
                key, Counter{user, server, period, stored.value_or(0), 0, 0, stored.has_value()});
    }
    Counter &counter = *it;

    Admission answer;
    const qint64 used = counter.stored + counter.writing + counter.pending;
    if (limits.callsPerMonth && used >= *limits.callsPerMonth) {
        answer.limit = Admission::Limit::Monthly;
        answer.allowed = *limits.callsPerMonth;
        answer.used = used;
        answer.resetsAt = nextPeriodStart(now);
        answer.retryAfter = std::chrono::seconds(std::max<qint64>(1, now.secsTo(answer.resetsAt)));
        return answer;
    }
    if (limits.ratePerMinute) {
        // A token bucket holding a minute's calls, refilled continuously.
        const qint64 capacity = *limits.ratePerMinute;
        const qint64 nowMs = now.toMSecsSinceEpoch();
        Bucket &bucket = shard.buckets[pair];
        if (bucket.capacity != capacity) {
            bucket.tokens =
                bucket.capacity < 0 ? double(capacity) : std::min(bucket.tokens, double(capacity));
            bucket.capacity = capacity;
            bucket.refilledMs = nowMs;
        }
        const qint64 elapsed = std::max<qint64>(0, nowMs - bucket.refilledMs);
        bucket.tokens = std::min(double(capacity),
                                 bucket.tokens + double(elapsed) * double(capacity) / 60000.0);
        bucket.refilledMs = std::max(bucket.refilledMs, nowMs);
        if (bucket.tokens < 1.0) {
            answer.limit = Admission::Limit::Rate;
            answer.allowed = capacity;
            const double wait =
                capacity > 0 ? (1.0 - bucket.tokens) * 60.0 / double(capacity) : 60.0;
            answer.retryAfter = std::chrono::seconds(std::max<qint64>(1, qint64(std::ceil(wait))));
            answer.resetsAt = now.addSecs(answer.retryAfter.count()).toUTC();
            return answer;
        }
        bucket.tokens -= 1.0;
    }
    ++counter.pending;
    return answer;
}

qint64 UsageMeter::callsThisMonth(const QString &user, const QString &server, const QDateTime &now)
{
    const QString pair = user + kSeparator + server;
    const QString key = pair + kSeparator + periodOf(now);
    Shard &shard = shardFor(pair);
    {
        std::lock_guard lock(shard.mutex);
        const auto it = shard.counters.constFind(key);
        if (it != shard.counters.constEnd())
            return it->stored + it->writing + it->pending;
    }
    return loadStored(user, server, periodOf(now)).value_or(0);
}

void UsageMeter::forgetUsersExcept(const QSet<QString> &users)
{
    for (Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        // Counts not yet written stay: the calls were made and are written at the next flush.
        shard.counters.removeIf([&](const auto &entry) {
            const Counter &c = entry.value();
            return c.pending == 0 && c.writing == 0 && !users.contains(c.user);
        });
        shard.buckets.removeIf([&](const auto &entry) {
            return !users.contains(entry.key().section(kSeparator, 0, 0));
        });
    }
}

qsizetype UsageMeter::tracked() const
{
    qsizetype total = 0;
    for (Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        total += shard.counters.size() + shard.buckets.size();
    }
    return total;
}

Status UsageMeter::flush()
{
    std::lock_guard flushing(m_flushMutex);
    const QString current = periodOf(QDateTime::currentDateTimeUtc());
    QList<store::UsageCounter> increments;
    for (Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        for (auto it = shard.counters.begin(); it != shard.counters.end();) {
            Counter &c = *it;
            if (c.pending > 0) {
                c.writing = c.pending;
                c.pending = 0;
                increments.append({c.user, c.server, c.period, c.writing, 0.0});
            } else if (c.period != current) {
                it = shard.counters.erase(it); // a past month with nothing left to write
                continue;
            }
            ++it;
        }
    }
    if (increments.isEmpty()) {
        if (m_database)
            reloadUnread();
        return {};
    }
    const Status written =
        m_database ? store::UsageRepository(*m_database).addBatch(increments) : Status();
    for (Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        for (Counter &c : shard.counters) {
            if (c.writing == 0)
                continue;
            // Written: now in the store. Not written: counted again in the next batch.
            (written ? c.stored : c.pending) += c.writing;
            c.writing = 0;
        }
    }
    if (written && m_database)
        reloadUnread();
    return written;
}

void UsageMeter::refreshFromStore(const QString &period)
{
    std::lock_guard flushing(m_flushMutex);
    const auto counters = store::UsageRepository(*m_database).listForPeriod(period);
    if (!counters) {
        qCWarning(lcPolicy).noquote()
            << "cannot read this month's usage:" << counters.error().message();
        return;
    }
    for (const store::UsageCounter &row : *counters) {
        const QString pair = row.user + kSeparator + row.server;
        Shard &shard = shardFor(pair);
        std::lock_guard lock(shard.mutex);
        const auto it = shard.counters.find(pair + kSeparator + period);
        if (it != shard.counters.end())
            it->stored = row.calls; // nothing is being written: the flush lock is held
    }
}

void UsageMeter::run()
{
#ifdef __linux__
    // Named for top -H and the benchmark's CPU breakdown.
    pthread_setname_np(pthread_self(), "gh-usage-meter");
#endif
    const bool shared = m_database->dialect().kind() == store::SqlDialect::Kind::Postgres;
    const int refreshEvery =
        std::max(1, int(std::chrono::milliseconds(1000) / m_options.flushInterval));
    QDateTime lastWarning;
    std::unique_lock lock(m_wakeMutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, m_options.flushInterval, [this] { return m_stopping; });
        if (m_stopping)
            break;
        lock.unlock();
        if (Status written = flush(); !written) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (!lastWarning.isValid() || lastWarning.secsTo(now) >= 10) {
                qCWarning(lcPolicy).noquote()
                    << "usage counts are kept in memory until the store takes them again:"
                    << written.error().message();
                lastWarning = now;
            }
        }
        if (shared && ++m_flushes % refreshEvery == 0)
            refreshFromStore(periodOf(QDateTime::currentDateTimeUtc()));
        lock.lock();
    }
    lock.unlock();
    m_database->releaseThreadConnection();
}

} // namespace gatehouse::policy
