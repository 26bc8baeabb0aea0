#pragma once

#include "secrets/MasterKeyProvider.h"

#include <QCoreApplication>

namespace gatehouse::secrets {

// The master key in a file on a server (the config's gateway.key_file): 32 bytes as base64 or hex,
// or raw. The file must be private to the user Gatehouse runs as (owned by it, no access for group
// or others, e.g. 0400 or 0600); anything else is refused with the command that fixes it, because
// a readable key file gives away every credential in the store.
class KeyFileKeyProvider : public MasterKeyProvider
{
    Q_DECLARE_TR_FUNCTIONS(KeyFileKeyProvider)

public:
    explicit KeyFileKeyProvider(QString path);

    Result<MasterKey> load() override;
    // Writes the key as base64 to a new file, mode 0600, atomically (a temporary file in the same
    // directory, synced, then renamed). An existing file is never overwritten.
    Status store(const MasterKey &key) override;
    QString describe() const override;

    const QString &path() const { return m_path; }

private:
    QString m_path;
};

} // namespace gatehouse::secrets
