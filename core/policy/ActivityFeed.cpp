#include "ActivityFeed.h"

#include "store/Database.h"

#include <algorithm>

namespace gatehouse::policy {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

qint64 minuteIndex(const QDateTime &time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    // Floor, also before 1970.
    return ms >= 0 ? ms / kMinuteMs : -((-ms + kMinuteMs - 1) / kMinuteMs);
}

QDateTime minuteStart(qint64 index)
{
    return QDateTime::fromMSecsSinceEpoch(index * kMinuteMs, Qt::UTC);
}

QDateTime localMidnight(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), Qt::LocalTime).toUTC();
}

bool newer(const store::AuditRow &a, const store::AuditRow &b)
{
    return a.time != b.time ? a.time > b.time : a.id > b.id;
}

bool refused(const QString &decision)
{
    return decision != QLatin1String("allow");
}

} // namespace

bool ActivityFilter::matches(const store::AuditRow &row) const
{
    if (user && row.user != user)
        return false;
    if (server && row.server != server)
        return false;
    if (tool && row.tool != tool)
        return false;
    if (decision && row.decision != *decision)
        return false;
    if (minute && (row.time < *minute || row.time >= minute->addSecs(60)))
        return false;
    return true;
}

store::AuditFilter ActivityFilter::auditFilter() const
{
    store::AuditFilter f;
    f.user = user;
    f.server = server;
    f.tool = tool;
    f.decision = decision;
    if (minute) {
        f.since = *minute;
        f.before = minute->addSecs(60);
    }
    return f;
}

ActivityFeed::ActivityFeed()
    : ActivityFeed(Options())
{}

ActivityFeed::ActivityFeed(Options options)
    : m_options(options)
{}

Result<ActivityRead> ActivityFeed::read(store::Database &database, const ActivityFilter &filter,
                                        std::optional<qint64> afterId, const QDateTime &now,
                                        Options options)
{
    store::AuditRepository audit(database);
    const auto top = audit.lastId();
    if (!top)
        return top.error();
    ActivityRead read;
    read.throughId = *top;
    // A smaller last id means another store (or an emptied log): start over.
    if (afterId && *afterId <= *top) {
        read.afterId = *afterId;
        if (*afterId == *top)
            return read;
        store::AuditFilter next;
        next.afterId = *afterId;
        next.throughId = *top;
        next.limit = options.maxRows + 1;
        auto rows = audit.query(next);
        if (!rows)
            return rows.error();
        if (rows->size() <= options.maxRows) {
            read.rows = std::move(rows).value();
            return read;
        }
        // More calls than the table keeps were written since: read the newest instead.
    }

    read.full = true;
    read.afterId = 0;
    read.filter = filter;
    store::AuditFilter matching = filter.auditFilter();
    matching.throughId = *top;
    matching.limit = options.maxRows + 1; // one more tells that there are more
    auto rows = audit.query(matching);
    if (!rows)
        return rows.error();
    read.rows = std::move(rows).value();

    const qint64 windowStart = minuteIndex(now) - (options.minutes - 1);
    auto samples = audit.samples(minuteStart(windowStart), *top);
    if (!samples)
        return samples.error();
    read.samples = std::move(samples).value();

    read.today = now.toLocalTime().date();
    store::AuditFilter today;
    today.since = localMidnight(read.today);
    today.throughId = *top;
    auto calls = audit.count(today);
    if (!calls)
        return calls.error();
    read.callsToday = *calls;
    return read;
}

std::optional<qint64> ActivityFeed::followFrom() const
{
    if (!m_loaded || m_filterChanged)
        return std::nullopt;
    return m_throughId;
}

void ActivityFeed::setFilter(const ActivityFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    m_filterChanged = true;
    if (m_listener)
        m_listener->rowsAboutToBeReset();
    m_rows.removeIf([&filter](const store::AuditRow &row) { return !filter.matches(row); });
    if (m_listener)
        m_listener->rowsReset();
}

bool ActivityFeed::apply(const ActivityRead &read, const QDateTime &now)
{
    if (read.full) {
        if (read.filter != m_filter)
            return false;
        if (m_listener)
            m_listener->rowsAboutToBeReset();
        m_rows = read.rows;
        m_truncated = m_rows.size() > m_options.maxRows;
        if (m_truncated)
            m_rows.resize(m_options.maxRows);
        for (const store::AuditRow &row : std::as_const(m_rows))
            note(row);
        if (m_listener)
            m_listener->rowsReset();

        m_buckets.clear();
        for (const store::AuditSample &sample : read.samples)
            count(sample.time, sample.decision, sample.latencyMs, sample.repeats);
        m_today = read.today;
        m_callsToday = read.callsToday;
        m_throughId = read.throughId;
        m_loaded = true;
        m_filterChanged = false;
        advance(now);
        return true;
    }

    if (!m_loaded || read.afterId != m_throughId)
        return false;
    advance(now);
    const qint64 firstMinute = m_lastMinute - (m_options.minutes - 1);
    const QDateTime midnight = localMidnight(m_today);
    const QDateTime nextMidnight = localMidnight(m_today.addDays(1));
    QList<store::AuditRow> matching;
    for (const store::AuditRow &row : read.rows) {
        if (minuteIndex(row.time) >= firstMinute)
            count(row.time, row.decision, row.latencyMs, row.repeats);
        if (row.time >= midnight && row.time < nextMidnight)
            m_callsToday += 1 + row.repeats;
        note(row);
        if (m_filter.matches(row))
            matching.append(row);
    }
    m_throughId = read.throughId;
    insertRows(std::move(matching));
    return true;
}

void ActivityFeed::advance(const QDateTime &now)
{
    const QDate today = now.toLocalTime().date();
    if (m_today.isValid() && today != m_today)
        moveDay(today);
    m_today = today;
    m_lastMinute = minuteIndex(now);
    const qint64 firstMinute = m_lastMinute - (m_options.minutes - 1);
    while (!m_buckets.isEmpty() && m_buckets.firstKey() < firstMinute)
        m_buckets.erase(m_buckets.begin());
}

void ActivityFeed::moveDay(const QDate &today)
{
    // The window holds every call since midnight that the feed has seen: the day changes within
    // a poll interval of midnight, or, after a sleep, before the calls since are read.
    const qint64 midnight = minuteIndex(localMidnight(today));
    m_callsToday = 0;
    for (auto it = m_buckets.lowerBound(midnight); it != m_buckets.end(); ++it)
        m_callsToday += it->calls;
}

void ActivityFeed::count(const QDateTime &time, const QString &decision,
                         std::optional<qint64> latencyMs, qint64 repeats)
{
    Bucket &bucket = m_buckets[minuteIndex(time)];
    bucket.calls += 1 + repeats;
    if (refused(decision))
        bucket.refused += 1 + repeats;
    else if (latencyMs)
        bucket.latencies.append(*latencyMs);
}

void ActivityFeed::note(const store::AuditRow &row)
{
    if (row.user && !row.user->isEmpty())
        m_users.insert(*row.user);
    if (row.tool && !row.tool->isEmpty())
        m_tools.insert({row.server.value_or(QString()), *row.tool});
}

void ActivityFeed::insertRows(QList<store::AuditRow> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), newer);
    if (m_rows.isEmpty() || newer(rows.constLast(), m_rows.constFirst())) {
        // The usual case: everything new is newer than what is shown. One block at the top.
        if (m_listener)
            m_listener->rowsAboutToBeInserted(0, int(rows.size()) - 1);
        m_rows = rows + m_rows;
        if (m_listener)
            m_listener->rowsInserted();
    } else {
        // A batch written late (another instance, a slow writer): each call at its time.
        for (const store::AuditRow &row : std::as_const(rows)) {
            const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), row, newer);
            const int index = int(at - m_rows.cbegin());
            if (m_listener)
                m_listener->rowsAboutToBeInserted(index, index);
            m_rows.insert(index, row);
            if (m_listener)
                m_listener->rowsInserted();
        }
    }
    trim();
}

void ActivityFeed::trim()
{
    const int excess = int(m_rows.size()) - m_options.maxRows;
    if (excess <= 0)
        return;
    if (m_listener)
        m_listener->rowsAboutToBeRemoved(m_options.maxRows, int(m_rows.size()) - 1);
    m_rows.resize(m_options.maxRows);
    m_truncated = true;
    if (m_listener)
        m_listener->rowsRemoved();
}

QList<ActivityMinute> ActivityFeed::minutes() const
{
    QList<ActivityMinute> result;
    if (m_lastMinute == 0 && m_buckets.isEmpty())
        return result;
    result.reserve(m_options.minutes);
    for (qint64 m = m_lastMinute - (m_options.minutes - 1); m <= m_lastMinute; ++m) {
        ActivityMinute minute;
        minute.start = minuteStart(m);
        if (const auto it = m_buckets.constFind(m); it != m_buckets.cend()) {
            minute.calls = it->calls;
            minute.refused = it->refused;
            QList<qint64> latencies = it->latencies;
            minute.p50Ms = percentile(latencies, 50);
            minute.p99Ms = percentile(latencies, 99);
        }
        result.append(minute);
    }
    return result;
}

ActivityMinute ActivityFeed::window() const
{
    ActivityMinute total;
    const qint64 firstMinute = m_lastMinute - (m_options.minutes - 1);
    total.start = minuteStart(firstMinute);
    QList<qint64> latencies;
    for (auto it = m_buckets.lowerBound(firstMinute); it != m_buckets.cend(); ++it) {
        if (it.key() > m_lastMinute)
            break;
        total.calls += it->calls;
        total.refused += it->refused;
        latencies += it->latencies;
    }
    total.p50Ms = percentile(latencies, 50);
    total.p99Ms = percentile(latencies, 99);
    return total;
}

QStringList ActivityFeed::users() const
{
    QStringList users(m_users.cbegin(), m_users.cend());
    users.sort();
    return users;
}

QList<std::pair<QString, QString>> ActivityFeed::tools() const
{
    QList<std::pair<QString, QString>> tools(m_tools.cbegin(), m_tools.cend());
    std::sort(tools.begin(), tools.end());
    return tools;
}

QDateTime ActivityFeed::minuteOf(const QDateTime &time)
{
    return minuteStart(minuteIndex(time));
}

std::optional<qint64> ActivityFeed::percentile(QList<qint64> &values, int p)
{
    if (values.isEmpty())
        return std::nullopt;
    // Nearest rank: the smallest value with at least p% of the values at or below it.
    const qsizetype n = values.size();
    const qsizetype rank = std::clamp<qsizetype>((qsizetype(p) * n + 99) / 100, 1, n);
    const auto nth = values.begin() + (rank - 1);
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
}

} // namespace gatehouse::policy
