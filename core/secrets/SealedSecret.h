#pragma once

#include "Result.h"
#include "secrets/Binding.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace gatehouse::secrets {

class Vault;

// A secret carried inside an exported configuration as `secret: {sealed: BASE64}`: the vault's
// AES-256-GCM record (Vault), encrypted under a deployment key that `gatehouse export
// --seal-secrets` creates and writes beside the bundle, and that the server installs as its
// master key. The value is the record's bytes (version, key id, nonce, ciphertext, tag) in
// standard base64, as the config's `sealed:` takes it.
//
// The record is bound to the credential's name (its associated data), so a sealed value copied to
// another credential does not decrypt; and its key id names the deployment key, so a value sealed
// for another deployment is named as such rather than as altered.
class SealedSecret
{
    Q_DECLARE_TR_FUNCTIONS(SealedSecret)

public:
    // Where a sealed secret of `credential` is bound: credentials/NAME/sealed.
    static Binding binding(const QString &credential);

    // `deployment` is the vault of the deployment key (Vault::create).
    static Result<QString> seal(const Vault &deployment, QByteArrayView plaintext,
                                const QString &credential);
    // `vault` is the vault of the master key the gateway runs with. The errors name the credential
    // and what to do, never the secret. The caller wipes the plaintext (OPENSSL_cleanse) after use.
    static Result<QByteArray> unseal(const Vault &vault, const QString &sealed,
                                     const QString &credential);
};

} // namespace gatehouse::secrets
