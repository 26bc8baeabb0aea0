#pragma once

#include "Result.h"
#include "config/Config.h"

#include <QByteArray>
#include <QCoreApplication>

namespace gatehouse::secrets {
class CredentialVault;
}

namespace gatehouse::dispatch {

// Reads the secret a config SecretRef points to. `{env: NAME}`: the variable's value (unset or
// empty is an error). `{file: PATH}`: the file's content without one trailing newline; a file
// other users may read is refused. Keychain secrets are the credential vault's (CredentialVault),
// read at each call; sealed secrets are unsealed once, when the catalog loads (unseal()).
class SecretResolver
{
    Q_DECLARE_TR_FUNCTIONS(SecretResolver)

public:
    static constexpr qint64 MaxFileBytes = 64 * 1024;

    static Result<QByteArray> resolve(const config::SecretRef &ref);
    // `{sealed: BASE64}` of `credential`, decrypted with the master key `vault` was opened with
    // (the deployment key `gatehouse export --seal-secrets` wrote); null `vault`: the gateway has
    // no master key, and the error says how to install it. The caller wipes the plaintext.
    static Result<QByteArray> unseal(const config::SecretRef &ref, const QString &credential,
                                     const secrets::CredentialVault *vault);
};

} // namespace gatehouse::dispatch
