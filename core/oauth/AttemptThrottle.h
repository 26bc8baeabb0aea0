#pragma once

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

#include <chrono>

namespace gatehouse::oauth {

// Slows down and then refuses repeated attempts: wrong passwords at the login page, wrong client
// secrets at the token endpoint, a flood of client registrations. Attempts are counted per key (a
// user name, a client_id, a client address) in a window that starts with the first: from
// slowAfter on each answer is held back a little longer, and from refuseAfter the key is refused
// outright (429 with Retry-After) until the window has passed. A success clears the key. In memory
// and per instance; thread-safe.
class AttemptThrottle
{
public:
    struct Limits
    {
        int slowAfter = 3;
        int refuseAfter = 10;
        std::chrono::seconds window{15 * 60};
        std::chrono::milliseconds firstDelay{250};
        std::chrono::milliseconds maxDelay{2000};
        int maxKeys = 100'000; // bounded memory under a flood of names
    };

    struct Verdict
    {
        bool refused = false;
        std::chrono::seconds retryAfter{0}; // when refused
    };

    AttemptThrottle() = default;
    explicit AttemptThrottle(Limits limits);

    // Whether any of the keys is refused now (checked before the password or secret is).
    Verdict check(const QStringList &keys, const QDateTime &now);
    // Records a failure for each key; returns how long to hold back the answer.
    std::chrono::milliseconds failed(const QStringList &keys, const QDateTime &now);
    void succeeded(const QStringList &keys);

private:
    struct Entry
    {
        int failures = 0;
        QDateTime first;
    };

    Limits m_limits;
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace gatehouse::oauth
