#pragma once

#include "Result.h"
#include "secrets/MasterKey.h"

#include <QString>

namespace gatehouse::secrets {

// Where the master key lives: the OS keychain on desktops; a systemd credential, a key file or an
// environment variable on servers. Implementations never fall back to another place on their own:
// the caller chooses one, so a key is never silently written somewhere less safe.
class MasterKeyProvider
{
public:
    virtual ~MasterKeyProvider() = default;

    // ErrorCode::NotFound when the place is reachable but holds no key yet (the only case in which
    // MasterKey::obtain() may generate one); any other error when it cannot be read.
    virtual Result<MasterKey> load() = 0;
    // Keeps a new key; read-only places (environment, systemd credential) refuse and say how to
    // provide the key instead.
    virtual Status store(const MasterKey &key) = 0;
    // For messages: "the system keychain (service gatehouse, entry master-key)", "the key file
    // /etc/gatehouse/master.key" ...
    virtual QString describe() const = 0;

protected:
    MasterKeyProvider() = default;
    MasterKeyProvider(const MasterKeyProvider &) = default;
    MasterKeyProvider &operator=(const MasterKeyProvider &) = default;
};

} // namespace gatehouse::secrets
