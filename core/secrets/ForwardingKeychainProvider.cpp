#include "ForwardingKeychainProvider.h"

#include "secrets/KeychainKeyProvider.h"

#include <QThread>

#include <functional>
#include <future>

namespace gatehouse::secrets {

namespace {

using namespace std::chrono_literals;

// Starts `start` on the context's thread and waits for what it answers.
template <typename T>
Result<T> forward(QObject *context, const std::shared_ptr<const std::atomic_bool> &abandoned,
                  std::function<void(QObject *, std::function<void(Result<T>)>)> start,
                  std::chrono::milliseconds timeout, const QString &where)
{
    auto promise = std::make_shared<std::promise<Result<T>>>();
    auto future = promise->get_future();
    QMetaObject::invokeMethod(
        context,
        [context, start = std::move(start), promise] {
            start(context, [promise](Result<T> answer) { promise->set_value(std::move(answer)); });
        },
        Qt::QueuedConnection);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (future.wait_for(100ms) != std::future_status::ready) {
        if (abandoned && abandoned->load())
            return Error(ErrorCode::Unavailable,
                         ForwardingKeychainProvider::tr("the application is closing; %1 was not "
                                                        "used")
                             .arg(where));
        if (std::chrono::steady_clock::now() >= deadline)
            return Error(
                ErrorCode::Unavailable,
                ForwardingKeychainProvider::tr(
                    "%1 did not answer within %2 seconds; if the keychain is locked, it may be "
                    "waiting for its password. Unlock it, or start the secret service (for "
                    "example gnome-keyring-daemon or KWallet) in this session, and try again.")
                    .arg(where)
                    .arg(
                        qint64(std::chrono::duration_cast<std::chrono::seconds>(timeout).count())));
    }
    return future.get();
}

} // namespace

ForwardingKeychainProvider::ForwardingKeychainProvider(
    QObject *context, QString service, QString entry,
    std::shared_ptr<const std::atomic_bool> abandoned)
    : m_context(context)
    , m_service(std::move(service))
    , m_entry(std::move(entry))
    , m_abandoned(std::move(abandoned))
{}

QString ForwardingKeychainProvider::describe() const
{
    return KeychainKeyProvider(m_service, m_entry).describe();
}

Result<MasterKey> ForwardingKeychainProvider::loadEntry(const QString &entry)
{
    KeychainKeyProvider keychain(m_service, entry);
    if (QThread::currentThread() == m_context->thread()) {
        keychain.setTimeout(m_timeout);
        return keychain.load();
    }
    return forward<MasterKey>(
        m_context, m_abandoned,
        [keychain](QObject *context, std::function<void(Result<MasterKey>)> done) {
            keychain.loadAsync(context, std::move(done));
        },
        m_timeout, keychain.describe());
}

Status ForwardingKeychainProvider::storeEntry(const QString &entry, const MasterKey &key)
{
    KeychainKeyProvider keychain(m_service, entry);
    if (QThread::currentThread() == m_context->thread()) {
        keychain.setTimeout(m_timeout);
        return keychain.store(key);
    }
    return forward<void>(
        m_context, m_abandoned,
        [keychain, key](QObject *context, std::function<void(Status)> done) {
            keychain.storeAsync(context, key, std::move(done));
        },
        m_timeout, keychain.describe());
}

Status ForwardingKeychainProvider::removeEntry(const QString &entry)
{
    KeychainKeyProvider keychain(m_service, entry);
    if (QThread::currentThread() == m_context->thread()) {
        keychain.setTimeout(m_timeout);
        return keychain.remove();
    }
    return forward<void>(
        m_context, m_abandoned,
        [keychain](QObject *context, std::function<void(Status)> done) {
            keychain.removeAsync(context, std::move(done));
        },
        m_timeout, keychain.describe());
}

Result<MasterKey> ForwardingKeychainProvider::load()
{
    return loadEntry(m_entry);
}

Status ForwardingKeychainProvider::store(const MasterKey &key)
{
    return storeEntry(m_entry, key);
}

Status ForwardingKeychainProvider::rotatable() const
{
    return {};
}

// The staged key lives where KeychainKeyProvider keeps it: the entry ENTRY.next.
Result<MasterKey> ForwardingKeychainProvider::loadStaged()
{
    return loadEntry(m_entry + QStringLiteral(".next"));
}

Status ForwardingKeychainProvider::storeStaged(const MasterKey &key)
{
    return storeEntry(m_entry + QStringLiteral(".next"), key);
}

Status ForwardingKeychainProvider::promoteStaged(const MasterKey &key)
{
    if (Status stored = store(key); !stored)
        return stored;
    return removeStaged();
}

Status ForwardingKeychainProvider::removeStaged()
{
    return removeEntry(m_entry + QStringLiteral(".next"));
}

} // namespace gatehouse::secrets
