#pragma once

#include "secrets/MasterKeyProvider.h"

#include <QCoreApplication>

namespace gatehouse::secrets {

// The master key as a systemd credential: the unit declares LoadCredentialEncrypted=NAME:FILE (or
// LoadCredential=), and systemd places the decrypted key in $CREDENTIALS_DIRECTORY/NAME, readable
// only by the service. Read-only: Gatehouse never writes it.
class SystemdCredentialKeyProvider : public MasterKeyProvider
{
    Q_DECLARE_TR_FUNCTIONS(SystemdCredentialKeyProvider)

public:
    static QString defaultName() { return QStringLiteral("gatehouse-master-key"); }

    // An empty directory means $CREDENTIALS_DIRECTORY of this process.
    explicit SystemdCredentialKeyProvider(QString name = defaultName(),
                                          QString credentialsDirectory = QString());

    Result<MasterKey> load() override;
    Status store(const MasterKey &key) override;
    QString describe() const override;
    // Read-only: rotation refuses and says how to rotate through a key file and systemd-creds.
    Status rotatable() const override;
    Result<MasterKey> loadStaged() override;
    Status storeStaged(const MasterKey &key) override;
    Status promoteStaged(const MasterKey &key) override;
    Status removeStaged() override;

private:
    QString m_name;
    QString m_directory;
};

} // namespace gatehouse::secrets
