#pragma once

#include "secrets/MasterKeyProvider.h"

#include <QCoreApplication>

namespace gatehouse::secrets {

// The master key in a file on a server (the config's gateway.master_key: {file: PATH}): 32 bytes as
// base64 or hex, or raw. The file must be a regular file (not a link, FIFO or device) private to
// the user Gatehouse runs as (owned by it, mode 0600 or 0400), in a directory that only that user
// or root can write; anything else is refused with the command that fixes it, because a readable
// or replaceable key file gives away every credential in the store.
class KeyFileKeyProvider : public MasterKeyProvider
{
    Q_DECLARE_TR_FUNCTIONS(KeyFileKeyProvider)

public:
    explicit KeyFileKeyProvider(QString path);

    Result<MasterKey> load() override;
    // Writes the key as base64 to a new file, mode 0600, atomically (a temporary file in the same
    // directory, synced, then linked in place). An existing file is never overwritten.
    Status store(const MasterKey &key) override;
    // The same, replacing a file at the path (atomically, by rename): for a key that is meant to
    // replace the one there, such as a deployment key exported again with --force.
    Status replace(const MasterKey &key);
    // Removes the key file; succeeds when there is none.
    Status remove();
    QString describe() const override;

    // The staged key is the file PATH.next, written like the key file; promoting it replaces the
    // key file atomically (rename), then removes PATH.next.
    Status rotatable() const override;
    Result<MasterKey> loadStaged() override;
    Status storeStaged(const MasterKey &key) override;
    Status promoteStaged(const MasterKey &key) override;
    Status removeStaged() override;

    const QString &path() const { return m_path; }
    QString stagedPath() const;

private:
    QString m_path;
};

} // namespace gatehouse::secrets
