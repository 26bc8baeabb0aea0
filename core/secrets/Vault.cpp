#include "Vault.h"

#include "secrets/MasterKey.h"

#include <QtEndian>

#include <cstring>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

namespace gatehouse::secrets {

namespace {
constexpr std::uint8_t kVersion = 1;
constexpr int kKeyIdBytes = 4;
constexpr int kHeaderBytes = 1 + kKeyIdBytes;
// SP 800-38D 8.2.2: 96-bit nonces from an approved RBG. Random nonces bound a key to 2^32
// encryptions (8.3), far beyond the number of secrets a store holds between rotations.
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16; // SP 800-38D 5.2.1.2: the full 128-bit tag
constexpr int kMaxPlaintext = 1 << 20;
constexpr auto kRecordPrefix = QLatin1String("v1.");
constexpr auto kCheckPrefix = QLatin1String("kcv1.");
constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
// RFC 5869 3.1: the salt is optional for a uniformly random input key; a fixed one separates
// Gatehouse's derivations from any other use of the same bytes.
constexpr char kHkdfSalt[] = "gatehouse-vault";
constexpr char kCheckConstant[] = "gatehouse master key check v1";

struct CipherCtxFree
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

unsigned char *bytesOf(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

const unsigned char *bytesOf(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

// RFC 5869 HKDF-SHA256 with info "gatehouse/v1/<purpose>".
bool hkdf(const MasterKey &master, const char *purpose, std::uint8_t *out, size_t outLength)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    if (!kdf)
        return false;
    EVP_KDF_CTX *ctx = EVP_KDF_CTX_new(kdf);
    EVP_KDF_free(kdf);
    if (!ctx)
        return false;
    QByteArray info = QByteArray("gatehouse/v1/") + purpose;
    QByteArray salt(kHkdfSalt);
    char digest[] = "SHA256";
    const QByteArrayView ikm = master.bytes();
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char *>(ikm.data()),
                                          size_t(ikm.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt.data(), size_t(salt.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    const int rc = EVP_KDF_derive(ctx, out, outLength, params);
    EVP_KDF_CTX_free(ctx);
    return rc == 1;
}

QByteArray associatedData(QByteArrayView header, const Binding &binding)
{
    return QByteArray("gatehouse-vault-record") + header.toByteArray() + binding.serialize();
}

QString hexId(const std::uint8_t *id)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(id), kKeyIdBytes).toHex());
}
} // namespace

Vault::Vault(QString keyCheck)
    : m_keyCheck(std::move(keyCheck))
{}

Vault::~Vault()
{
    OPENSSL_cleanse(m_recordKey.data(), m_recordKey.size());
    OPENSSL_cleanse(m_checkKey.data(), m_checkKey.size());
}

Result<Vault> Vault::derive(const MasterKey &key)
{
    Vault vault{QString()};
    if (!hkdf(key, "credential", vault.m_recordKey.data(), vault.m_recordKey.size()) ||
        !hkdf(key, "key-check", vault.m_checkKey.data(), vault.m_checkKey.size()) ||
        !hkdf(key, "key-id", vault.m_keyId.data(), vault.m_keyId.size()))
        return Error(ErrorCode::Internal, tr("OpenSSL could not derive the vault's keys (HKDF)"));

    unsigned char mac[EVP_MAX_MD_SIZE];
    size_t macLength = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, vault.m_checkKey.data(),
                   vault.m_checkKey.size(), reinterpret_cast<const unsigned char *>(kCheckConstant),
                   sizeof kCheckConstant - 1, mac, sizeof mac, &macLength))
        return Error(ErrorCode::Internal, tr("OpenSSL could not compute the key check (HMAC)"));
    QByteArray check(reinterpret_cast<const char *>(vault.m_keyId.data()), kKeyIdBytes);
    check.append(reinterpret_cast<const char *>(mac), qsizetype(macLength));
    vault.m_keyCheck = kCheckPrefix + QString::fromLatin1(check.toBase64(kBase64));
    return vault;
}

Result<Vault> Vault::create(const MasterKey &key)
{
    return derive(key);
}

Result<Vault> Vault::open(const MasterKey &key, const QString &keyCheck)
{
    const QByteArray stored =
        keyCheck.startsWith(kCheckPrefix)
            ? QByteArray::fromBase64(keyCheck.mid(kCheckPrefix.size()).toLatin1(), kBase64)
            : QByteArray();
    if (stored.size() != kKeyIdBytes + 32)
        return Error(ErrorCode::Parse,
                     tr("the stored master key check \"%1\" is damaged: it should start with "
                        "\"kcv1.\" followed by 48 base64url characters. Restore the store from a "
                        "backup.")
                         .arg(keyCheck.left(16)));
    Result<Vault> vault = derive(key);
    if (!vault)
        return vault;
    if (vault->m_keyCheck.size() != keyCheck.size() ||
        CRYPTO_memcmp(vault->m_keyCheck.constData(), keyCheck.constData(),
                      size_t(keyCheck.size()) * sizeof(QChar)) != 0)
        return Error(
            ErrorCode::PermissionDenied,
            tr("the master key does not match the one the stored credentials were encrypted with "
               "(this key's id is %1, the store needs %2). Restore the original key: put the "
               "keychain entry, key file or environment variable back from a backup, or enter "
               "the recovery key. A new key cannot decrypt them.")
                .arg(vault->keyId(), hexId(reinterpret_cast<const std::uint8_t *>(stored.data()))));
    return vault;
}

QString Vault::keyId() const
{
    return hexId(m_keyId.data());
}

Result<QString> Vault::encrypt(QByteArrayView plaintext, const Binding &binding) const
{
    if (plaintext.size() > kMaxPlaintext)
        return Error(ErrorCode::InvalidArgument,
                     tr("the secret for %1 is larger than 1 MiB; the vault holds credentials, not "
                        "files")
                         .arg(binding.describe()));

    QByteArray out(kHeaderBytes + kNonceBytes + plaintext.size() + kTagBytes, Qt::Uninitialized);
    unsigned char *header = bytesOf(out);
    header[0] = kVersion;
    std::memcpy(header + 1, m_keyId.data(), kKeyIdBytes);
    unsigned char *nonce = header + kHeaderBytes;
    unsigned char *ciphertext = nonce + kNonceBytes;
    unsigned char *tag = ciphertext + plaintext.size();
    if (RAND_bytes(nonce, kNonceBytes) != 1)
        return Error(ErrorCode::Internal, tr("the system's random generator failed"));

    const QByteArray aad = associatedData(QByteArrayView(out.constData(), kHeaderBytes), binding);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    bool ok = ctx && EVP_EncryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), m_recordKey.data(), nonce,
                                         nullptr) == 1;
    ok = ok && EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytesOf(aad), int(aad.size())) == 1;
    if (ok && !plaintext.isEmpty())
        ok = EVP_EncryptUpdate(ctx.get(), ciphertext, &length, bytesOf(plaintext),
                               int(plaintext.size())) == 1;
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), tag, &length) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, kTagBytes, tag) == 1;
    if (!ok)
        return Error(ErrorCode::Internal,
                     tr("OpenSSL could not encrypt the secret for %1").arg(binding.describe()));
    return QString(kRecordPrefix + QString::fromLatin1(out.toBase64(kBase64)));
}

Result<QByteArray> Vault::decrypt(const QString &record, const Binding &binding) const
{
    const QString where = binding.describe();
    if (!record.startsWith(kRecordPrefix)) {
        const qsizetype dot = record.indexOf(QLatin1Char('.'));
        if (record.startsWith(QLatin1Char('v')) && dot > 1 && dot < 8)
            return Error(ErrorCode::Validation,
                         tr("the encrypted value of %1 has format %2, which this version of "
                            "Gatehouse cannot read: upgrade Gatehouse")
                             .arg(where, record.left(dot)));
        return Error(ErrorCode::Parse,
                     tr("the value of %1 is not an encrypted vault record (it should start with "
                        "\"v1.\"); import the secret again")
                         .arg(where));
    }
    auto decoded =
        QByteArray::fromBase64Encoding(record.mid(kRecordPrefix.size()).toLatin1(),
                                       kBase64 | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray &raw = decoded.decoded;
    if (!decoded || raw.size() < kHeaderBytes + kNonceBytes + kTagBytes)
        return Error(ErrorCode::Parse,
                     tr("the encrypted value of %1 is damaged (cut short or not base64url); import "
                        "the secret again")
                         .arg(where));
    const auto *header = reinterpret_cast<const std::uint8_t *>(raw.constData());
    if (header[0] != kVersion)
        return Error(ErrorCode::Validation,
                     tr("the encrypted value of %1 says format version %2 but is labelled v1: it "
                        "was altered; import the secret again")
                         .arg(where)
                         .arg(header[0]));
    if (std::memcmp(header + 1, m_keyId.data(), kKeyIdBytes) != 0)
        return Error(ErrorCode::Validation,
                     tr("the encrypted value of %1 was encrypted with another master key (id %2; "
                        "the current key is %3). Re-run the rotation that replaced that key, or "
                        "import the secret again.")
                         .arg(where, hexId(header + 1), keyId()));

    const unsigned char *nonce = header + kHeaderBytes;
    const unsigned char *ciphertext = nonce + kNonceBytes;
    const int ciphertextLength = int(raw.size()) - kHeaderBytes - kNonceBytes - kTagBytes;
    QByteArray tag(reinterpret_cast<const char *>(ciphertext + ciphertextLength), kTagBytes);
    const QByteArray aad = associatedData(QByteArrayView(raw.constData(), kHeaderBytes), binding);

    QByteArray plaintext(ciphertextLength, Qt::Uninitialized);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    bool ok = ctx && EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), m_recordKey.data(), nonce,
                                         nullptr) == 1;
    ok = ok && EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytesOf(aad), int(aad.size())) == 1;
    if (ok && ciphertextLength > 0)
        ok = EVP_DecryptUpdate(ctx.get(), bytesOf(plaintext), &length, ciphertext,
                               ciphertextLength) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, kTagBytes, tag.data()) == 1;
    // SP 800-38D 7.2: nothing of the plaintext is released unless the tag verifies.
    ok = ok && EVP_DecryptFinal_ex(ctx.get(), bytesOf(plaintext) + ciphertextLength, &length) == 1;
    if (!ok) {
        wipe(plaintext);
        return Error(ErrorCode::Validation,
                     tr("the encrypted value of %1 does not decrypt: it was altered, or copied "
                        "there from another row, column or owner. Import the secret again.")
                         .arg(where));
    }
    return plaintext;
}

Result<Vault::Rotation> Vault::rotate(const MasterKey &next, const QList<Field> &fields) const
{
    Result<Vault> target = create(next);
    if (!target)
        return target.error();
    Rotation rotation;
    rotation.keyCheck = target->keyCheck();
    rotation.records.reserve(fields.size());
    for (const Field &field : fields) {
        Result<QByteArray> plaintext = decrypt(field.record, field.binding);
        if (!plaintext)
            return plaintext.error().withContext(tr("rotation stopped, nothing was changed"));
        Result<QString> record = target->encrypt(*plaintext, field.binding);
        wipe(*plaintext);
        if (!record)
            return record.error();
        rotation.records.append(std::move(record).value());
    }
    return rotation;
}

} // namespace gatehouse::secrets
