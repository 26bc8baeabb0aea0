#include "Hmac.h"

#include "Logging.h"

#include <memory>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

namespace gatehouse::mcp {

QByteArray Hmac::sha256(QByteArrayView key, QByteArrayView data)
{
    std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr),
                                                          &EVP_MAC_free);
    if (!mac) {
        qCCritical(lcMcp) << "OpenSSL has no HMAC implementation";
        return {};
    }
    std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx(EVP_MAC_CTX_new(mac.get()),
                                                                  &EVP_MAC_CTX_free);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(32, Qt::Uninitialized);
    size_t length = 0;
    if (!ctx ||
        EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char *>(key.data()),
                     size_t(key.size()), params) != 1 ||
        EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char *>(data.data()),
                       size_t(data.size())) != 1 ||
        EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &length,
                      size_t(out.size())) != 1 ||
        length != 32) {
        qCCritical(lcMcp) << "HMAC-SHA256 failed";
        return {};
    }
    return out;
}

bool Hmac::equal(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    return CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

QByteArray Hmac::randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        return {};
    return out;
}

} // namespace gatehouse::mcp
