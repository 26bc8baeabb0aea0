#include "http/ConnectionTracker.h"

namespace gatehouse::http {

ConnectionTracker::ConnectionTracker(int maxTotal, int maxPerAddress)
    : m_maxTotal(maxTotal)
    , m_maxPerAddress(maxPerAddress)
{}

ConnectionTracker::Admission ConnectionTracker::acquire(const QHostAddress &peer)
{
    const QMutexLocker lock(&m_mutex);
    if (m_total >= m_maxTotal)
        return Admission::TooManyTotal;
    if (!peer.isLoopback()) {
        int &count = m_perAddress[peer];
        if (count >= m_maxPerAddress)
            return Admission::TooManyFromAddress;
        ++count;
    }
    ++m_total;
    return Admission::Admitted;
}

void ConnectionTracker::release(const QHostAddress &peer)
{
    const QMutexLocker lock(&m_mutex);
    --m_total;
    if (!peer.isLoopback()) {
        const auto it = m_perAddress.find(peer);
        if (it != m_perAddress.end() && --it.value() <= 0)
            m_perAddress.erase(it);
    }
}

int ConnectionTracker::total() const
{
    const QMutexLocker lock(&m_mutex);
    return m_total;
}

int ConnectionTracker::fromAddress(const QHostAddress &peer) const
{
    const QMutexLocker lock(&m_mutex);
    return m_perAddress.value(peer);
}

} // namespace gatehouse::http
