#include "SystemdCredentialKeyProvider.h"

#include <QDir>
#include <QFile>

#include <openssl/crypto.h>

namespace gatehouse::secrets {

SystemdCredentialKeyProvider::SystemdCredentialKeyProvider(QString name,
                                                           QString credentialsDirectory)
    : m_name(std::move(name))
    , m_directory(credentialsDirectory.isEmpty() ? qEnvironmentVariable("CREDENTIALS_DIRECTORY")
                                                 : std::move(credentialsDirectory))
{}

QString SystemdCredentialKeyProvider::describe() const
{
    return tr("the systemd credential %1").arg(m_name);
}

Result<MasterKey> SystemdCredentialKeyProvider::load()
{
    if (m_directory.isEmpty())
        return Error(
            ErrorCode::Unavailable,
            tr("the systemd credential %1 is not available: CREDENTIALS_DIRECTORY is not "
               "set, so Gatehouse was not started by a systemd unit with "
               "LoadCredentialEncrypted=%1:FILE (or LoadCredential=%1:FILE). Add it to the "
               "unit, or use a key file (gateway.key_file)")
                .arg(m_name));
    QFile file(QDir(m_directory).filePath(m_name));
    if (!file.exists())
        return Error(ErrorCode::NotFound, tr("the systemd credential %1 is not in %2: add "
                                             "LoadCredentialEncrypted=%1:FILE to the unit")
                                              .arg(m_name, m_directory));
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, tr("cannot read the systemd credential %1: %2")
                                        .arg(file.fileName(), file.errorString()));
    QByteArray content = file.read(4097);
    Result<MasterKey> key = MasterKey::fromEncoded(content, describe());
    if (!content.isEmpty())
        OPENSSL_cleanse(content.data(), size_t(content.size()));
    return key;
}

Status SystemdCredentialKeyProvider::store(const MasterKey &)
{
    return Error(ErrorCode::PermissionDenied,
                 tr("Gatehouse cannot create the systemd credential %1 itself: encrypt a key with "
                    "`head -c 32 /dev/urandom | base64 | systemd-creds encrypt --name=%1 - "
                    "/etc/credstore.encrypted/%1` and add LoadCredentialEncrypted=%1 to the unit")
                     .arg(m_name));
}

Status SystemdCredentialKeyProvider::rotatable() const
{
    return Error(
        ErrorCode::PermissionDenied,
        tr("Gatehouse cannot write the systemd credential %1, so it cannot rotate the master key "
           "kept there. To rotate it: decrypt the current key into a private key file "
           "(`systemd-creds decrypt --name=%1 /etc/credstore.encrypted/%1 /root/%1.key && chmod "
           "600 /root/%1.key`), run `gatehouse credential rotate-master-key` with "
           "gateway.master_key: {file: /root/%1.key}, encrypt the rotated file back "
           "(`systemd-creds encrypt --name=%1 /root/%1.key /etc/credstore.encrypted/%1`), "
           "delete /root/%1.key and restart the unit")
            .arg(m_name));
}

Result<MasterKey> SystemdCredentialKeyProvider::loadStaged()
{
    return Error(ErrorCode::NotFound,
                 tr("the systemd credential %1 has no staged key").arg(m_name));
}

Status SystemdCredentialKeyProvider::storeStaged(const MasterKey &)
{
    return rotatable();
}

Status SystemdCredentialKeyProvider::promoteStaged(const MasterKey &)
{
    return rotatable();
}

Status SystemdCredentialKeyProvider::removeStaged()
{
    return {};
}

} // namespace gatehouse::secrets
