#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace gatehouse::mcp {

// HMAC-SHA256 through OpenSSL's EVP_MAC, and the constant-time comparison that goes with it.
// Internal to core/mcp.
class Hmac
{
public:
    // 32 bytes, or empty when OpenSSL fails (callers treat that as "does not verify").
    static QByteArray sha256(QByteArrayView key, QByteArrayView data);
    static bool equal(QByteArrayView a, QByteArrayView b);
    static QByteArray randomBytes(int count);
};

} // namespace gatehouse::mcp
