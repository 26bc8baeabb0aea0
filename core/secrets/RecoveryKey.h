#pragma once

#include "Result.h"
#include "secrets/MasterKey.h"

#include <QCoreApplication>
#include <QString>

namespace gatehouse::secrets {

// The master key written for people: 56 base32 characters (RFC 4648 alphabet, no 0, 1, 8 or 9) in
// 14 groups of four, e.g. "ABCD-EFGH-...". The last 24 bits are a checksum of the key, so a typo
// in any character is caught when it is typed back (with probability 1 - 2^-24).
class RecoveryKey
{
    Q_DECLARE_TR_FUNCTIONS(RecoveryKey)

public:
    static QString format(const MasterKey &key);
    // Case and separators (spaces, dashes, new lines) do not matter; 0, 1 and 8 are read as the
    // letters O, I and B they are mistaken for.
    static Result<MasterKey> parse(const QString &text);
};

} // namespace gatehouse::secrets
