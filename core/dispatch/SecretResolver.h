#pragma once

#include "Result.h"
#include "config/Config.h"

#include <QByteArray>
#include <QCoreApplication>

namespace gatehouse::dispatch {

// Reads the secret a config SecretRef points to. `{env: NAME}`: the variable's value (unset or
// empty is an error). `{file: PATH}`: the file's content without one trailing newline; a file
// other users may read is refused. Keychain secrets are the credential vault's (CredentialVault);
// sealed secrets arrive later.
class SecretResolver
{
    Q_DECLARE_TR_FUNCTIONS(SecretResolver)

public:
    static constexpr qint64 MaxFileBytes = 64 * 1024;

    static Result<QByteArray> resolve(const config::SecretRef &ref);
};

} // namespace gatehouse::dispatch
