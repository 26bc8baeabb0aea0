#pragma once

#include <QString>
#include <QStringView>

namespace gatehouse::oauth {

// The opaque secrets of the authorization server: access and refresh tokens, codes, client ids
// and secrets, pending sign-ins. 256 random bits from OpenSSL's CSPRNG, base64url, behind a
// readable prefix so a leaked one can be recognised (and found by secret scanners).
class RandomToken
{
public:
    static QString generate(QStringView prefix);
    // What the store keeps instead of the secret: lowercase hex SHA-256 of its UTF-8 bytes. The
    // secrets carry 256 bits of entropy, so a fast hash suffices (RFC 6819 section 5.1.4.1.3).
    static QString hash(QStringView secret);
    // Constant-time comparison of two strings of Latin-1 characters (hashes, CSRF tokens).
    static bool equal(QStringView a, QStringView b);
};

} // namespace gatehouse::oauth
