#include "InMemorySessionRegistry.h"

namespace gatehouse::mcp {

InMemorySessionRegistry::InMemorySessionRegistry(Clock clock)
    : m_clock(std::move(clock))
{}

QDateTime InMemorySessionRegistry::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool InMemorySessionRegistry::isEnded(const QByteArray &nonce) const
{
    return m_ended.contains(nonce);
}

void InMemorySessionRegistry::markEnded(const QByteArray &nonce, const QDateTime &expiry)
{
    m_ended.insert(nonce, expiry);
}

void InMemorySessionRegistry::purge()
{
    const QDateTime current = now();
    for (auto it = m_ended.begin(); it != m_ended.end();) {
        if (it.value() <= current)
            it = m_ended.erase(it);
        else
            ++it;
    }
}

} // namespace gatehouse::mcp
