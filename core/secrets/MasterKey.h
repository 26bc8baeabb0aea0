#pragma once

#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <array>
#include <cstdint>
#include <functional>

namespace gatehouse::secrets {

class MasterKeyProvider;

// The 256-bit key every vault subkey is derived from. Held in a fixed array rather than a
// QByteArray so that copies never share a buffer and each one is wiped when it goes.
class MasterKey
{
    Q_DECLARE_TR_FUNCTIONS(MasterKey)

public:
    static constexpr int Size = 32;

    // A fresh key from OpenSSL's CSPRNG.
    static Result<MasterKey> generate();
    // Exactly 32 raw bytes.
    static Result<MasterKey> fromBytes(QByteArrayView bytes);
    // The text forms people paste into files and environment variables: 32 raw bytes, or their
    // base64 (standard or URL alphabet) or hex, surrounding whitespace ignored. `source` names
    // where the text came from, for the error message.
    static Result<MasterKey> fromEncoded(QByteArrayView text, const QString &source);

    struct Obtained;
    // Reserves the right to create `key` before it is stored anywhere, so that of two processes
    // that both find no key only one stores its own (CredentialVault claims the store's key check,
    // compare-and-set). An error means the claim was lost or failed: the key is discarded.
    using Claim = std::function<Status(const MasterKey &key)>;
    // The one rule for getting the key at start: load it from the provider; only when none is
    // stored there AND the store holds no encrypted rows is a new key generated, claimed and
    // stored. With encrypted rows and no key, generating one would orphan every secret, so it
    // fails and says how to recover (restore the key, or enter the recovery key saved at
    // recoveryKeyPath). When the claim succeeds but the key cannot be stored, the caller still
    // holds the claim and releases it.
    static Result<Obtained> obtain(MasterKeyProvider &provider, bool encryptedRowsExist,
                                   const Claim &claim, const QString &recoveryKeyPath = QString());

    MasterKey(const MasterKey &other) = default;
    MasterKey &operator=(const MasterKey &other) = default;
    ~MasterKey();

    QByteArrayView bytes() const;
    // Base64 text for key files and GATEHOUSE_MASTER_KEY. The caller wipes it after use.
    QByteArray toBase64() const;
    bool operator==(const MasterKey &other) const;

private:
    MasterKey() = default;
    std::array<std::uint8_t, Size> m_bytes{};
};

struct MasterKey::Obtained
{
    MasterKey key;
    // True when the key was just generated: the caller shows or exports the recovery key now.
    bool generated = false;
};

} // namespace gatehouse::secrets
