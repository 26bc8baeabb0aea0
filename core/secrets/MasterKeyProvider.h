#pragma once

#include "Result.h"
#include "secrets/MasterKey.h"

#include <QString>

namespace gatehouse::secrets {

// Where the master key lives: the OS keychain on desktops; a systemd credential, a key file or an
// environment variable on servers. Implementations never fall back to another place on their own:
// the caller chooses one, so a key is never silently written somewhere less safe.
//
// A rotation keeps the next key under a second, "staged" name beside the key (keychain entry
// NAME.next, key file PATH.next) before the store switches to it, so a crash or a failure at any
// step leaves a key that opens the store: the old one until the store commits, the staged one
// after (CredentialVault finds it there and promotes it).
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

    // Whether Gatehouse can rotate the key here; a read-only place refuses and says how to rotate
    // its key by hand.
    virtual Status rotatable() const = 0;
    // The staged key; NotFound when there is none.
    virtual Result<MasterKey> loadStaged() = 0;
    // Keeps `key` under the staged name, replacing a staged key left by an interrupted rotation.
    virtual Status storeStaged(const MasterKey &key) = 0;
    // Makes the staged `key` the key: writes it under the primary name, then drops the staged copy.
    virtual Status promoteStaged(const MasterKey &key) = 0;
    // Drops the staged key; succeeds when there is none.
    virtual Status removeStaged() = 0;

protected:
    MasterKeyProvider() = default;
    MasterKeyProvider(const MasterKeyProvider &) = default;
    MasterKeyProvider &operator=(const MasterKeyProvider &) = default;
};

} // namespace gatehouse::secrets
