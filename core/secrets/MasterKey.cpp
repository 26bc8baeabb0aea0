#include "MasterKey.h"

#include "Logging.h"
#include "secrets/MasterKeyProvider.h"

#include <algorithm>
#include <cstring>
#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace gatehouse::secrets {

namespace {
bool isHex(QByteArrayView text)
{
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}
} // namespace

MasterKey::~MasterKey()
{
    OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
}

Result<MasterKey> MasterKey::generate()
{
    MasterKey key;
    if (RAND_bytes(key.m_bytes.data(), Size) != 1)
        return Error(ErrorCode::Internal,
                     tr("the system's random generator failed, so no master key was created"));
    return key;
}

Result<MasterKey> MasterKey::fromBytes(QByteArrayView bytes)
{
    if (bytes.size() != Size)
        return Error(ErrorCode::InvalidArgument,
                     tr("a master key has 32 bytes, this one has %1").arg(bytes.size()));
    MasterKey key;
    std::memcpy(key.m_bytes.data(), bytes.data(), Size);
    return key;
}

Result<MasterKey> MasterKey::fromEncoded(QByteArrayView text, const QString &source)
{
    // 32 raw bytes are taken as a key only when they do not read as text: a 32-character
    // passphrase or hex string would otherwise pass as a key with far less than 256 bits.
    if (text.size() == Size &&
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; }))
        return fromBytes(text);
    QByteArray trimmed = text.trimmed().toByteArray();
    QByteArray decoded;
    if (trimmed.size() == 2 * Size && isHex(trimmed)) {
        decoded = QByteArray::fromHex(trimmed);
    } else {
        for (const auto alphabet : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
            auto attempt = QByteArray::fromBase64Encoding(
                trimmed, alphabet | QByteArray::AbortOnBase64DecodingErrors);
            if (attempt && attempt.decoded.size() == Size) {
                decoded = std::move(attempt.decoded);
                break;
            }
            wipe(attempt.decoded);
        }
    }
    wipe(trimmed);
    if (decoded.size() != Size) {
        wipe(decoded);
        return Error(ErrorCode::Parse,
                     tr("%1 does not hold a master key: expected 32 bytes as base64 (44 "
                        "characters) or hex (64 characters); create one with "
                        "`head -c 32 /dev/urandom | base64`")
                         .arg(source));
    }
    Result<MasterKey> key = fromBytes(decoded);
    wipe(decoded);
    return key;
}

Result<MasterKey::Obtained> MasterKey::obtain(MasterKeyProvider &provider, bool encryptedRowsExist,
                                              const Claim &claim, const QString &recoveryKeyPath)
{
    Result<MasterKey> loaded = provider.load();
    if (loaded)
        return Obtained{std::move(loaded).value(), false};
    if (loaded.error().code() != ErrorCode::NotFound)
        return loaded.error();

    if (encryptedRowsExist) {
        const QString recovery =
            recoveryKeyPath.isEmpty()
                ? tr("enter the recovery key that was shown when the key was created")
                : tr("enter the recovery key saved in %1").arg(recoveryKeyPath);
        return Error(ErrorCode::NotFound,
                     tr("the store holds encrypted credentials but %1 has no master key, and a new "
                        "key could not decrypt them, so none was created. Restore the master key "
                        "there, or %2.")
                         .arg(provider.describe(), recovery));
    }

    Result<MasterKey> fresh = generate();
    if (!fresh)
        return fresh.error();
    if (const Status claimed = claim(*fresh); !claimed)
        return claimed.error();
    if (const Status stored = provider.store(*fresh); !stored)
        return stored.error();
    qCInfo(lcSecrets).noquote() << "created a new master key in" << provider.describe();
    return Obtained{std::move(fresh).value(), true};
}

QByteArrayView MasterKey::bytes() const
{
    return QByteArrayView(reinterpret_cast<const char *>(m_bytes.data()), Size);
}

QByteArray MasterKey::toBase64() const
{
    // fromRawData: no copy of the key that nobody would wipe.
    return QByteArray::fromRawData(reinterpret_cast<const char *>(m_bytes.data()), Size).toBase64();
}

bool MasterKey::operator==(const MasterKey &other) const
{
    return CRYPTO_memcmp(m_bytes.data(), other.m_bytes.data(), Size) == 0;
}

} // namespace gatehouse::secrets
