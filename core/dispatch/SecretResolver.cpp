#include "SecretResolver.h"

#include "secrets/CredentialVault.h"

#include <QFile>
#include <QFileInfo>

namespace gatehouse::dispatch {

Result<QByteArray> SecretResolver::resolve(const config::SecretRef &ref)
{
    switch (ref.source) {
    case config::SecretSource::Env: {
        if (ref.value.isEmpty())
            return Error(ErrorCode::Validation,
                         tr("The secret names no environment variable; write `{env: NAME}`."));
        QByteArray value = qgetenv(ref.value.toLocal8Bit().constData());
        if (value.isEmpty())
            return Error(ErrorCode::NotFound,
                         tr("The environment variable %1 that holds the secret is not set or is "
                            "empty; export it before starting gatehouse.")
                             .arg(ref.value));
        return value;
    }
    case config::SecretSource::File: {
        const QString path = ref.resolvedFile.isEmpty() ? ref.value : ref.resolvedFile;
        if (path.isEmpty())
            return Error(ErrorCode::Validation,
                         tr("The secret names no file; write `{file: PATH}`."));
        const QFileInfo info(path);
        if (!info.exists())
            return Error(
                ErrorCode::NotFound,
                tr("The secret file %1 does not exist; create it or fix the path.").arg(path));
        if (!info.isFile())
            return Error(ErrorCode::Validation,
                         tr("The secret file %1 is not a regular file; point `file:` at the file "
                            "that holds the secret.")
                             .arg(path));
#ifdef Q_OS_UNIX
        // Refused rather than warned about: a key every local user can read is already leaked.
        if (info.permissions() & QFile::ReadOther)
            return Error(ErrorCode::PermissionDenied,
                         tr("The secret file %1 can be read by every user on this machine; run "
                            "`chmod 600 %1` and try again.")
                             .arg(path));
#endif
        if (info.size() > MaxFileBytes)
            return Error(ErrorCode::Validation,
                         tr("The secret file %1 is larger than %2 KiB, which no secret is; check "
                            "the path.")
                             .arg(path)
                             .arg(MaxFileBytes / 1024));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error(
                ErrorCode::Io,
                tr("The secret file %1 cannot be read: %2.").arg(path, file.errorString()));
        QByteArray value = file.read(MaxFileBytes + 1);
        if (value.endsWith("\r\n"))
            value.chop(2);
        else if (value.endsWith('\n'))
            value.chop(1);
        if (value.isEmpty())
            return Error(ErrorCode::Validation,
                         tr("The secret file %1 is empty; write the secret into it.").arg(path));
        return value;
    }
    case config::SecretSource::Keychain:
        return Error(ErrorCode::Unavailable,
                     tr("A {keychain: NAME} secret is kept in the credential vault and read "
                        "there at each call; import it with `gatehouse credential import`."));
    case config::SecretSource::Sealed:
        return Error(ErrorCode::Unavailable,
                     tr("A {sealed: ...} secret is decrypted with the gateway's master key when "
                        "the catalog loads, through the credential vault; it cannot be read "
                        "without it."));
    }
    return Error(ErrorCode::Internal, tr("The secret has an unknown source."));
}

Result<QByteArray> SecretResolver::unseal(const config::SecretRef &ref, const QString &credential,
                                          const secrets::CredentialVault *vault)
{
    if (ref.source != config::SecretSource::Sealed)
        return Error(ErrorCode::Internal,
                     tr("The secret of credential %1 is not sealed.").arg(credential));
    if (!vault)
        return Error(
            ErrorCode::Unavailable,
            tr("the secret of credential %1 is sealed to a deployment key, and this "
               "gateway has no master key to unseal it. Install the key that `gatehouse export "
               "--seal-secrets` wrote beside the bundle (BUNDLE.deployment-key) where "
               "gateway.master_key says, for example `master_key: {systemd: "
               "gatehouse-deployment}` or `{file: PATH}`, and restart the gateway; its "
               "log says why no key was read.")
                .arg(credential));
    return vault->unseal(credential, ref.value);
}

} // namespace gatehouse::dispatch
