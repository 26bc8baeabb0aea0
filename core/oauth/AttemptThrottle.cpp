#include "AttemptThrottle.h"

#include <algorithm>

namespace gatehouse::oauth {

using namespace std::chrono;

AttemptThrottle::AttemptThrottle(Limits limits)
    : m_limits(limits)
{}

AttemptThrottle::Verdict AttemptThrottle::check(const QStringList &keys, const QDateTime &now)
{
    QMutexLocker lock(&m_mutex);
    Verdict verdict;
    for (const QString &key : keys) {
        const auto it = m_entries.constFind(key);
        if (it == m_entries.cend() || it->failures < m_limits.refuseAfter)
            continue;
        const qint64 left = now.secsTo(it->first.addSecs(m_limits.window.count()));
        if (left <= 0)
            continue;
        verdict.refused = true;
        verdict.retryAfter = std::max(verdict.retryAfter, seconds(left));
    }
    return verdict;
}

milliseconds AttemptThrottle::failed(const QStringList &keys, const QDateTime &now)
{
    QMutexLocker lock(&m_mutex);
    int worst = 0;
    for (const QString &key : keys) {
        auto it = m_entries.find(key);
        if (it == m_entries.end()) {
            if (m_entries.size() >= m_limits.maxKeys) {
                // Forget the windows that have passed; if none has, forget everything rather
                // than grow without bound (the attacker's keys go with the rest).
                const QDateTime cutoff = now.addSecs(-m_limits.window.count());
                m_entries.removeIf([&](const auto &e) { return e.value().first < cutoff; });
                if (m_entries.size() >= m_limits.maxKeys)
                    m_entries.clear();
            }
            it = m_entries.insert(key, Entry{0, now});
        } else if (it->first.secsTo(now) >= m_limits.window.count()) {
            *it = Entry{0, now};
        }
        worst = std::max(worst, ++it->failures);
    }
    if (worst < m_limits.slowAfter)
        return milliseconds(0);
    const int doublings = std::min(worst - m_limits.slowAfter, 8);
    return std::min(m_limits.firstDelay * (1 << doublings), m_limits.maxDelay);
}

void AttemptThrottle::succeeded(const QStringList &keys)
{
    QMutexLocker lock(&m_mutex);
    for (const QString &key : keys)
        m_entries.remove(key);
}

} // namespace gatehouse::oauth
