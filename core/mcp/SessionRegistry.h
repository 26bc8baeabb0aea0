#pragma once

#include <QByteArray>
#include <QDateTime>

namespace gatehouse::mcp {

// Remembers sessions that ended (DELETE, or revoked by the gateway) until their id would expire
// anyway. Instances that share a store must share this set; the store-backed implementation
// should answer isEnded() from memory, since it runs on the hot path.
class SessionRegistry
{
public:
    virtual ~SessionRegistry() = default;
    virtual bool isEnded(const QByteArray &nonce) const = 0;
    // `expiry`: when the id stops verifying anyway, so the record may be purged after it.
    virtual void markEnded(const QByteArray &nonce, const QDateTime &expiry) = 0;
};

} // namespace gatehouse::mcp
