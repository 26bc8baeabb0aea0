#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>

namespace gatehouse::oauth {

// Password hashes for users who sign in at the gateway's login page: scrypt (RFC 7914) through
// OpenSSL's EVP_KDF, stored as "scrypt$ln=15,r=8,p=1$<salt>$<hash>" (base64url, no padding).
class PasswordHash
{
    Q_DECLARE_TR_FUNCTIONS(PasswordHash)

public:
    struct Parameters
    {
        int logN = 15; // N = 2^15: 32 MiB and tens of milliseconds per hash
        int r = 8;
        int p = 1;
    };

    static Result<QString> hash(const QString &password);
    static Result<QString> hash(const QString &password, Parameters parameters);
    // Constant-time comparison; parameters outside sane bounds are refused, so a hostile config
    // cannot make verification take minutes or gigabytes.
    static Result<bool> verify(const QString &password, const QString &encoded);
    // True when the string has the shape of a hash this class can verify (never a plain password).
    static bool looksLikeHash(const QString &encoded);
};

} // namespace gatehouse::oauth
