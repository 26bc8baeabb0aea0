#include "EnvironmentKeyProvider.h"

#include "Logging.h"

#include <openssl/crypto.h>

namespace gatehouse::secrets {

EnvironmentKeyProvider::EnvironmentKeyProvider(QString variable)
    : m_variable(std::move(variable))
{}

QString EnvironmentKeyProvider::describe() const
{
    return tr("the environment variable %1").arg(m_variable);
}

Result<MasterKey> EnvironmentKeyProvider::load()
{
    const QByteArray name = m_variable.toLocal8Bit();
    QByteArray value = qgetenv(name.constData());
    if (value.isEmpty())
        return Error(ErrorCode::NotFound,
                     tr("the environment variable %1 is not set").arg(m_variable));
    Result<MasterKey> key = MasterKey::fromEncoded(value, describe());
    OPENSSL_cleanse(value.data(), size_t(value.size()));
    if (key)
        qCWarning(lcSecrets).noquote()
            << "the master key comes from the environment variable" << m_variable
            << "- environment variables leak into process listings (/proc/PID/environ), crash "
               "dumps and child processes; prefer a systemd credential or a key file";
    return key;
}

Status EnvironmentKeyProvider::store(const MasterKey &)
{
    return Error(ErrorCode::PermissionDenied,
                 tr("Gatehouse cannot set the environment variable %1 for you: generate a key "
                    "with `head -c 32 /dev/urandom | base64` and set %1 to it where the gateway "
                    "is started")
                     .arg(m_variable));
}

Status EnvironmentKeyProvider::rotatable() const
{
    return Error(ErrorCode::PermissionDenied,
                 tr("Gatehouse cannot set the environment variable %1, so it cannot rotate the "
                    "master key kept there. To rotate it: write the current key to a private key "
                    "file (`(umask 077; printf '%s\\n' \"$%1\" > master.key)`), run `gatehouse "
                    "credential rotate-master-key` with gateway.master_key: {file: master.key}, "
                    "set %1 to the rotated file's content where the gateway is started, delete "
                    "the file and restart the gateway")
                     .arg(m_variable));
}

Result<MasterKey> EnvironmentKeyProvider::loadStaged()
{
    return Error(ErrorCode::NotFound,
                 tr("the environment variable %1 has no staged key").arg(m_variable));
}

Status EnvironmentKeyProvider::storeStaged(const MasterKey &)
{
    return rotatable();
}

Status EnvironmentKeyProvider::promoteStaged(const MasterKey &)
{
    return rotatable();
}

Status EnvironmentKeyProvider::removeStaged()
{
    return {};
}

} // namespace gatehouse::secrets
