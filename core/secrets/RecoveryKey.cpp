#include "RecoveryKey.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <openssl/crypto.h>

namespace gatehouse::secrets {

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr int kChecksumBytes = 3;
constexpr int kPayloadBytes = MasterKey::Size + kChecksumBytes; // 35 bytes = 280 bits
constexpr int kCharacters = kPayloadBytes * 8 / 5;              // 56
constexpr int kGroup = 4;

QByteArray checksum(QByteArrayView key)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("gatehouse-recovery-key-v1"));
    hash.addData(key);
    return hash.result().left(kChecksumBytes);
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

int valueOf(QChar c)
{
    const char16_t u = c.toUpper().unicode();
    if (u >= u'A' && u <= u'Z')
        return u - u'A';
    if (u >= u'2' && u <= u'7')
        return 26 + (u - u'2');
    switch (u) {
    case u'0':
        return 'O' - 'A';
    case u'1':
        return 'I' - 'A';
    case u'8':
        return 'B' - 'A';
    default:
        return -1;
    }
}
} // namespace

QString RecoveryKey::format(const MasterKey &key)
{
    QByteArray payload;
    payload.reserve(kPayloadBytes);
    payload.append(key.bytes());
    payload.append(checksum(key.bytes()));
    QString out;
    out.reserve(kCharacters + kCharacters / kGroup);
    quint32 buffer = 0;
    int bits = 0;
    int written = 0;
    for (const char byte : std::as_const(payload)) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            if (written > 0 && written % kGroup == 0)
                out.append(QLatin1Char('-'));
            out.append(QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 31]));
            bits -= 5;
            ++written;
        }
    }
    wipe(payload);
    return out;
}

Result<MasterKey> RecoveryKey::parse(const QString &text)
{
    QByteArray payload;
    payload.reserve(kPayloadBytes);
    quint32 buffer = 0;
    int bits = 0;
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == QLatin1Char('-'))
            continue;
        const int value = valueOf(c);
        if (value < 0) {
            wipe(payload);
            return Error(ErrorCode::Parse,
                         tr("the recovery key contains \"%1\" (character %2), which recovery keys "
                            "never use: they have only the letters A to Z and the digits 2 to 7")
                             .arg(c)
                             .arg(i + 1));
        }
        ++count;
        if (count > kCharacters)
            continue;
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            payload.append(char((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    if (count != kCharacters) {
        wipe(payload);
        return Error(ErrorCode::Parse,
                     tr("the recovery key has %1 letters and digits, it should have %2 (14 groups "
                        "of 4): check that no group is missing or repeated")
                         .arg(count)
                         .arg(kCharacters));
    }
    const QByteArrayView key = QByteArrayView(payload).first(MasterKey::Size);
    const QByteArray expected = checksum(key);
    if (CRYPTO_memcmp(expected.constData(), payload.constData() + MasterKey::Size,
                      kChecksumBytes) != 0) {
        wipe(payload);
        return Error(ErrorCode::Validation,
                     tr("the recovery key has a typo: its checksum does not match. Compare each "
                        "group with the printed or saved copy"));
    }
    Result<MasterKey> master = MasterKey::fromBytes(key);
    wipe(payload);
    return master;
}

} // namespace gatehouse::secrets
