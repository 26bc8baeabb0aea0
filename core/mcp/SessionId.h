#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <functional>

namespace gatehouse::mcp {

class SessionRegistry;

struct SessionInfo
{
    QByteArray nonce; // 16 random bytes; the key of the session in SessionRegistry
    QString protocolVersion;
    QDateTime issuedAt;
    QDateTime expiresAt;
};

// Signed, self-contained MCP-Session-Id values, so that any worker or instance holding the key
// can serve a session without sticky routing.
//
// id = base64url(payload || HMAC-SHA256(key, payload)), payload = format byte, 128-bit nonce,
// 128-bit keyed hash of the caller's subject (the subject itself is not readable from the id),
// issue time, negotiated protocol version. Only [A-Za-z0-9_-], within the 0x21-0x7E range that
// transports "Session Management" requires.
class SessionId
{
public:
    static constexpr int MinKeyBytes = 32;

    struct Keys
    {
        QByteArray current;
        QByteArray previous; // accepted for verification during a rotation; may be empty
    };

    struct Options
    {
        // Bounds the life of an id, and so how long SessionRegistry must remember ended ones.
        std::chrono::seconds maxAge = std::chrono::hours(24);
        std::function<QDateTime()> clock; // UTC; defaults to the system clock
    };

    // `registry` may be null (no ended sessions are tracked); it must outlive this object.
    SessionId(Keys keys, SessionRegistry *registry, Options options);
    SessionId(Keys keys, SessionRegistry *registry)
        : SessionId(std::move(keys), registry, Options{})
    {}

    // Fails with ErrorCode::Internal when the key is shorter than MinKeyBytes or the random
    // generator fails.
    Result<QString> issue(const QString &subject, const QString &protocolVersion) const;

    // ErrorCode::NotFound: malformed, forged, tampered, expired or ended (HTTP 404: the client
    // starts a new session). ErrorCode::PermissionDenied: a valid id issued to another caller
    // (HTTP 403).
    Result<SessionInfo> verify(const QString &id, const QString &subject) const;

    // Verifies, then records the session as ended (DELETE on the MCP endpoint).
    Result<SessionInfo> end(const QString &id, const QString &subject);

    // True when every character is visible ASCII (0x21-0x7E) and the length is sane.
    static bool isWellFormed(const QString &id);

private:
    QDateTime now() const;

    Keys m_keys;
    SessionRegistry *m_registry;
    Options m_options;
};

} // namespace gatehouse::mcp
