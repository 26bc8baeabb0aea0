#pragma once

#include "secrets/MasterKeyProvider.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <memory>

namespace gatehouse::secrets {

// The keychain for code that runs on a worker thread (a GUI's background tasks) while QtKeychain's
// jobs must run on one long-lived thread: QtKeychain queues every job behind a process-wide
// executor that lives in the thread of the first job, and once pool threads that ran jobs have
// ended, later jobs fail (TestForwardingKeychainProvider shows it). Each blocking call here starts
// KeychainKeyProvider's asynchronous job on the thread of `context` (whose event loop keeps
// running) and waits for its answer on the calling thread, at most the timeout, or until
// `abandoned` is set (the owner of `context` is going away). Called on the context's own thread,
// it runs the job itself.
class ForwardingKeychainProvider : public MasterKeyProvider
{
    Q_DECLARE_TR_FUNCTIONS(ForwardingKeychainProvider)

public:
    ForwardingKeychainProvider(QObject *context, QString service, QString entry,
                               std::shared_ptr<const std::atomic_bool> abandoned = {});

    Result<MasterKey> load() override;
    Status store(const MasterKey &key) override;
    QString describe() const override;
    Status rotatable() const override;
    Result<MasterKey> loadStaged() override;
    Status storeStaged(const MasterKey &key) override;
    Status promoteStaged(const MasterKey &key) override;
    Status removeStaged() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

private:
    Result<MasterKey> loadEntry(const QString &entry);
    Status storeEntry(const QString &entry, const MasterKey &key);
    Status removeEntry(const QString &entry);

    QObject *m_context;
    QString m_service;
    QString m_entry;
    std::shared_ptr<const std::atomic_bool> m_abandoned;
    std::chrono::milliseconds m_timeout{std::chrono::seconds(25)};
};

} // namespace gatehouse::secrets
