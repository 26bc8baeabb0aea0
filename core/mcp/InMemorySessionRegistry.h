#pragma once

#include "mcp/SessionRegistry.h"

#include <QHash>

#include <functional>

namespace gatehouse::mcp {

// For tests and single-process use; not thread-safe.
class InMemorySessionRegistry : public SessionRegistry
{
public:
    using Clock = std::function<QDateTime()>;
    explicit InMemorySessionRegistry(Clock clock = {});

    bool isEnded(const QByteArray &nonce) const override;
    void markEnded(const QByteArray &nonce, const QDateTime &expiry) override;
    // Drops records whose expiry has passed.
    void purge();
    qsizetype size() const { return m_ended.size(); }

private:
    QDateTime now() const;

    Clock m_clock;
    QHash<QByteArray, QDateTime> m_ended;
};

} // namespace gatehouse::mcp
