#include "PasswordHash.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

namespace gatehouse::oauth {

namespace {
constexpr int kSaltBytes = 16;
constexpr int kKeyBytes = 32;
constexpr int kMinLogN = 10;
constexpr int kMaxLogN = 20;
constexpr int kMaxR = 32;
constexpr int kMaxP = 16;
constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

Result<QByteArray> derive(const QByteArray &password, const QByteArray &salt,
                          const PasswordHash::Parameters &params)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "SCRYPT", nullptr);
    if (!kdf)
        return Error(ErrorCode::Internal, PasswordHash::tr("OpenSSL has no scrypt implementation"));
    EVP_KDF_CTX *ctx = EVP_KDF_CTX_new(kdf);
    EVP_KDF_free(kdf);
    if (!ctx)
        return Error(ErrorCode::Internal, PasswordHash::tr("cannot create an scrypt context"));

    uint64_t n = uint64_t(1) << params.logN;
    uint32_t r = uint32_t(params.r);
    uint32_t p = uint32_t(params.p);
    // 128 * r * N * p bytes plus slack; OpenSSL's default cap of 32 MiB is just too small for
    // ln=15.
    uint64_t maxmem = 128ull * r * n * p + 16ull * 1024 * 1024;
    QByteArray pw = password;
    QByteArray s = salt;
    OSSL_PARAM ossl[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, pw.data(), size_t(pw.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, s.data(), size_t(s.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    const int rc = EVP_KDF_derive(ctx, reinterpret_cast<unsigned char *>(key.data()),
                                  size_t(key.size()), ossl);
    EVP_KDF_CTX_free(ctx);
    OPENSSL_cleanse(pw.data(), size_t(pw.size()));
    if (rc != 1)
        return Error(ErrorCode::Internal, PasswordHash::tr("scrypt key derivation failed"));
    return key;
}
} // namespace

Result<QString> PasswordHash::hash(const QString &password)
{
    return hash(password, Parameters{});
}

Result<QString> PasswordHash::hash(const QString &password, Parameters parameters)
{
    if (password.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     PasswordHash::tr("the password is empty: choose a password"));
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), kSaltBytes) != 1)
        return Error(ErrorCode::Internal, PasswordHash::tr("the system's random generator failed"));
    const Result<QByteArray> key = derive(password.toUtf8(), salt, parameters);
    if (!key)
        return key.error();
    return QStringLiteral("scrypt$ln=%1,r=%2,p=%3$%4$%5")
        .arg(parameters.logN)
        .arg(parameters.r)
        .arg(parameters.p)
        .arg(QString::fromLatin1(salt.toBase64(kBase64)),
             QString::fromLatin1(key->toBase64(kBase64)));
}

bool PasswordHash::looksLikeHash(const QString &encoded)
{
    const QStringList parts = encoded.split(QLatin1Char('$'));
    return parts.size() == 4 && parts[0] == QLatin1String("scrypt") &&
           parts[1].startsWith(QLatin1String("ln=")) && !parts[2].isEmpty() && !parts[3].isEmpty();
}

Result<bool> PasswordHash::verify(const QString &password, const QString &encoded)
{
    const QStringList parts = encoded.split(QLatin1Char('$'));
    if (!looksLikeHash(encoded))
        return Error(
            ErrorCode::Parse,
            PasswordHash::tr("the password hash is not in the form scrypt$ln=N,r=R,p=P$salt$hash: "
                             "create one with `gatehouse user hash-password`"));
    Parameters params{-1, -1, -1};
    for (const QString &kv : parts[1].split(QLatin1Char(','))) {
        const QString name = kv.section(QLatin1Char('='), 0, 0);
        bool ok = false;
        const int value = kv.section(QLatin1Char('='), 1).toInt(&ok);
        if (!ok)
            continue;
        if (name == QLatin1String("ln"))
            params.logN = value;
        else if (name == QLatin1String("r"))
            params.r = value;
        else if (name == QLatin1String("p"))
            params.p = value;
    }
    if (params.logN < kMinLogN || params.logN > kMaxLogN || params.r < 1 || params.r > kMaxR ||
        params.p < 1 || params.p > kMaxP)
        return Error(
            ErrorCode::Validation,
            PasswordHash::tr(
                "the password hash's scrypt parameters are out of bounds (ln 10-20, r 1-32, "
                "p 1-16): create a new hash with `gatehouse user hash-password`"));
    const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1(), kBase64);
    const QByteArray expected = QByteArray::fromBase64(parts[3].toLatin1(), kBase64);
    if (salt.isEmpty() || expected.size() != kKeyBytes)
        return Error(ErrorCode::Parse,
                     PasswordHash::tr("the password hash's salt or key is malformed"));
    const Result<QByteArray> key = derive(password.toUtf8(), salt, params);
    if (!key)
        return key.error();
    return CRYPTO_memcmp(key->constData(), expected.constData(), size_t(kKeyBytes)) == 0;
}

} // namespace gatehouse::oauth
