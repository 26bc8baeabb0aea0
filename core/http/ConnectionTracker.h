#pragma once

#include <QHash>
#include <QHostAddress>
#include <QMutex>

namespace gatehouse::http {

// Counts open connections, in total and per non-loopback peer address, across worker threads.
class ConnectionTracker
{
public:
    enum class Admission
    {
        Admitted,
        TooManyTotal,
        TooManyFromAddress,
    };

    ConnectionTracker(int maxTotal, int maxPerAddress);

    Admission acquire(const QHostAddress &peer);
    void release(const QHostAddress &peer);
    int total() const;
    int fromAddress(const QHostAddress &peer) const;

private:
    mutable QMutex m_mutex;
    QHash<QHostAddress, int> m_perAddress;
    int m_total = 0;
    const int m_maxTotal;
    const int m_maxPerAddress;
};

} // namespace gatehouse::http
