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

namespace {

// One digest context per thread, initialised again for every hash: OpenSSL 3 allocates a context
// for each EVP_Digest, which the gateway's workers (one bearer token hash per request) paid for.
// The algorithm is fetched once and never freed, so that no thread's exit (one may outlive
// main) frees it after OpenSSL's own cleanup at exit.
class ThreadDigest
{
public:
    ThreadDigest()
        : m_ctx(EVP_MD_CTX_new())
    {}
    ~ThreadDigest() { EVP_MD_CTX_free(m_ctx); }
    ThreadDigest(const ThreadDigest &) = delete;
    ThreadDigest &operator=(const ThreadDigest &) = delete;

    bool sha256(QByteArrayView data, unsigned char *digest)
    {
        static EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        unsigned int length = 0;
        return md && m_ctx && EVP_DigestInit_ex(m_ctx, md, nullptr) == 1 &&
               EVP_DigestUpdate(m_ctx, data.data(), size_t(data.size())) == 1 &&
               EVP_DigestFinal_ex(m_ctx, digest, &length) == 1 && length == 32;
    }

private:
    EVP_MD_CTX *m_ctx;
};

} // namespace

QString RandomToken::hash(QStringView secret)
{
    thread_local ThreadDigest digester;
    const QByteArray utf8 = secret.toUtf8();
    unsigned char digest[32];
    if (!digester.sha256(utf8, digest))
        return QString::fromLatin1(
            QCryptographicHash::hash(utf8, QCryptographicHash::Sha256).toHex());
    static constexpr char16_t digits[] = u"0123456789abcdef";
    QString hex(64, Qt::Uninitialized);
    QChar *out = hex.data();
    for (unsigned char byte : digest) {
        *out++ = QChar(digits[byte >> 4]);
        *out++ = QChar(digits[byte & 0xf]);
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
