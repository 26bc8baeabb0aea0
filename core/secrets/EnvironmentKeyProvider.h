#pragma once

#include "secrets/MasterKeyProvider.h"

#include <QCoreApplication>

namespace gatehouse::secrets {

// The master key from an environment variable (containers): 32 bytes as base64 or hex. Each load
// logs a warning, since environment variables leak into process listings, crash dumps and child
// processes. Read-only.
class EnvironmentKeyProvider : public MasterKeyProvider
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentKeyProvider)

public:
    static QString defaultVariable() { return QStringLiteral("GATEHOUSE_MASTER_KEY"); }

    explicit EnvironmentKeyProvider(QString variable = defaultVariable());

    Result<MasterKey> load() override;
    Status store(const MasterKey &key) override;
    QString describe() const override;
    // Read-only: rotation refuses and says how to rotate through a key file instead.
    Status rotatable() const override;
    Result<MasterKey> loadStaged() override;
    Status storeStaged(const MasterKey &key) override;
    Status promoteStaged(const MasterKey &key) override;
    Status removeStaged() override;

private:
    QString m_variable;
};

} // namespace gatehouse::secrets
