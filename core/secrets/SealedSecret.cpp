#include "SealedSecret.h"

#include "secrets/Vault.h"

#include <cstdint>

namespace gatehouse::secrets {

namespace {
// The layout of a vault record (Vault.cpp): version, key id, nonce, ciphertext, tag.
constexpr std::uint8_t kVersion = 1;
constexpr int kKeyIdBytes = 4;
constexpr int kMinRecordBytes = 1 + kKeyIdBytes + 12 + 16;
constexpr auto kRecordPrefix = QLatin1String("v1.");
constexpr auto kRecordBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

Binding SealedSecret::binding(const QString &credential)
{
    return Binding{QStringLiteral("credentials"), credential, QStringLiteral("sealed"), QString()};
}

Result<QString> SealedSecret::seal(const Vault &deployment, QByteArrayView plaintext,
                                   const QString &credential)
{
    Result<QString> record = deployment.encrypt(plaintext, binding(credential));
    if (!record)
        return record.error();
    const QByteArray raw =
        QByteArray::fromBase64(record->mid(kRecordPrefix.size()).toLatin1(), kRecordBase64);
    return QString::fromLatin1(raw.toBase64());
}

Result<QByteArray> SealedSecret::unseal(const Vault &vault, const QString &sealed,
                                        const QString &credential)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        sealed.trimmed().toLatin1(),
        QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray &raw = decoded.decoded;
    if (!decoded || raw.size() < kMinRecordBytes)
        return Error(ErrorCode::Parse,
                     tr("the sealed secret of credential %1 is damaged (not base64, or cut "
                        "short): use the gatehouse.yaml that `gatehouse export --seal-secrets` "
                        "wrote, unchanged, or export again")
                         .arg(credential));
    const auto *header = reinterpret_cast<const std::uint8_t *>(raw.constData());
    if (header[0] != kVersion)
        return Error(ErrorCode::Validation,
                     tr("the sealed secret of credential %1 has format version %2, which this "
                        "version of Gatehouse cannot read: upgrade Gatehouse, or seal it again "
                        "with `gatehouse export --seal-secrets`")
                         .arg(credential)
                         .arg(header[0]));
    const QString sealedFor = QString::fromLatin1(raw.mid(1, kKeyIdBytes).toHex());
    if (sealedFor != vault.keyId())
        return Error(ErrorCode::PermissionDenied,
                     tr("the secret of credential %1 was sealed for deployment key %2, but this "
                        "gateway's master key is %3: install the deployment key that `gatehouse "
                        "export --seal-secrets` wrote beside this bundle where gateway.master_key "
                        "says (for example `master_key: {systemd: gatehouse-deployment}`), or "
                        "export again and install the new key")
                         .arg(credential, sealedFor, vault.keyId()));
    Result<QByteArray> plaintext = vault.decrypt(
        kRecordPrefix + QString::fromLatin1(raw.toBase64(kRecordBase64)), binding(credential));
    if (!plaintext)
        return Error(ErrorCode::Validation,
                     tr("the sealed secret of credential %1 does not decrypt with deployment key "
                        "%2: it was altered, or sealed for another credential and copied here. "
                        "Export again with `gatehouse export --seal-secrets` and use its "
                        "gatehouse.yaml unchanged.")
                         .arg(credential, vault.keyId()));
    return plaintext;
}

} // namespace gatehouse::secrets
