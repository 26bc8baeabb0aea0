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

} // namespace gatehouse::secrets
