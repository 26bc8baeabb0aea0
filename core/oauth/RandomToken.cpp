#include "RandomToken.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace gatehouse::oauth {

QString RandomToken::generate(QStringView prefix)
{
    QByteArray bytes(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), int(bytes.size())) != 1)
        qFatal("the system's random generator failed");
    return prefix.toString() + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding |
                                                                  QByteArray::OmitTrailingEquals));
}

QString RandomToken::hash(QStringView secret)
{
    // Every bearer request hashes its token: OpenSSL's SHA-256 (with the CPU's SHA extensions
    // where present) costs a fraction of QCryptographicHash's, and the hex is written in place.
    // The algorithm is fetched once (OpenSSL 3 would otherwise look it up on every call).
    static EVP_MD *const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    const QByteArray utf8 = secret.toUtf8();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!sha256 ||
        EVP_Digest(utf8.constData(), size_t(utf8.size()), digest, &length, sha256, nullptr) != 1 ||
        length != 32)
        return QString::fromLatin1(
            QCryptographicHash::hash(utf8, QCryptographicHash::Sha256).toHex());
    static constexpr char16_t digits[] = u"0123456789abcdef";
    QString hex(2 * qsizetype(length), Qt::Uninitialized);
    QChar *out = hex.data();
    for (unsigned int i = 0; i < length; ++i) {
        *out++ = QChar(digits[digest[i] >> 4]);
        *out++ = QChar(digits[digest[i] & 0xf]);
    }
    return hex;
}

bool RandomToken::equal(QStringView a, QStringView b)
{
    // Same code units, compared in constant time (the length of a hash is no secret).
    return a.size() == b.size() &&
           CRYPTO_memcmp(a.utf16(), b.utf16(), size_t(a.size()) * sizeof(char16_t)) == 0;
}

} // namespace gatehouse::oauth
