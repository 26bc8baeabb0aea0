#pragma once

#include "secrets/MasterKeyProvider.h"

#include <QCoreApplication>
#include <QObject>

#include <chrono>
#include <functional>

namespace gatehouse::secrets {

// The master key in the OS keychain through QtKeychain (the Secret Service on Linux: gnome-keyring
// or KWallet; the Keychain on macOS; the Credential Manager on Windows). QtKeychain's plaintext
// fallback is switched off on every job: when no keychain is reachable the key is stored nowhere
// and the error says what to start or which other provider to use.
//
// QtKeychain's jobs are asynchronous. The *Async functions call `done` on the calling thread's
// event loop, unless `context` is destroyed first. The blocking MasterKeyProvider functions, for
// the command line, spin a local QEventLoop until the answer or the timeout.
class KeychainKeyProvider : public MasterKeyProvider
{
    Q_DECLARE_TR_FUNCTIONS(KeychainKeyProvider)

public:
    static QString defaultService() { return QStringLiteral("gatehouse"); }
    static QString defaultEntry() { return QStringLiteral("master-key"); }

    explicit KeychainKeyProvider(QString service = defaultService(),
                                 QString entry = defaultEntry());

    using LoadDone = std::function<void(Result<MasterKey>)>;
    using StatusDone = std::function<void(Status)>;
    void loadAsync(QObject *context, LoadDone done) const;
    void storeAsync(QObject *context, const MasterKey &key, StatusDone done) const;
    // Removing an entry that does not exist succeeds.
    void removeAsync(QObject *context, StatusDone done) const;

    Result<MasterKey> load() override;
    // Replaces the entry when there is one.
    Status store(const MasterKey &key) override;
    Status remove();
    QString describe() const override;

    // The staged key lives in the entry ENTRY.next of the same service.
    Status rotatable() const override;
    Result<MasterKey> loadStaged() override;
    Status storeStaged(const MasterKey &key) override;
    Status promoteStaged(const MasterKey &key) override;
    Status removeStaged() override;

    // How long the blocking functions wait; a locked keychain may be showing a password prompt.
    // QtKeychain runs one job at a time, so after a timeout later jobs wait behind the unanswered
    // one until the keychain answers it.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

private:
    KeychainKeyProvider staged() const;

    QString m_service;
    QString m_entry;
    std::chrono::milliseconds m_timeout{std::chrono::seconds(25)};
};

} // namespace gatehouse::secrets
