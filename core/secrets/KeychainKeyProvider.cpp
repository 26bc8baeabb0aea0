#include "KeychainKeyProvider.h"

#include "Logging.h"

#include <QAbstractEventDispatcher>
#include <QEventLoop>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <openssl/crypto.h>
#include <optional>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define GATEHOUSE_SECRET_SERVICE 1
#include <QDBusConnection>
#include <QDBusError>

#include <cstring>
#include <dlfcn.h>
#endif

namespace gatehouse::secrets {

namespace {
using namespace std::chrono_literals;

#ifdef GATEHOUSE_SECRET_SERVICE
using GlibIteration = int (*)(void *context, int mayBlock);

GlibIteration glibIteration()
{
    static const GlibIteration iteration = [] {
        GlibIteration function = nullptr;
        if (void *symbol = ::dlsym(RTLD_DEFAULT, "g_main_context_iteration"))
            std::memcpy(&function, &symbol, sizeof function);
        return function;
    }();
    return iteration;
}
#endif

// QtKeychain reaches the Secret Service through libsecret, whose answers are dispatched on GLib's
// default main context. The headless gatehouse runs Qt's own Unix event dispatcher (QT_NO_GLIB=1),
// which never iterates that context, so a job would never finish. On such a thread, iterate it
// from a timer while the job runs. GLib is already loaded by Qt and QtKeychain; looking it up at
// run time spares core a build dependency on GLib's headers.
void iterateGlibWhileRunning(QKeychain::Job *job)
{
#ifdef GATEHOUSE_SECRET_SERVICE
    const QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(job->thread());
    if (!dispatcher || dispatcher->inherits("QEventDispatcherGlib") || !glibIteration())
        return;
    auto *timer = new QTimer(job);
    timer->setInterval(5ms);
    QObject::connect(timer, &QTimer::timeout, job, [] {
        for (int i = 0; i < 64 && glibIteration()(nullptr, 0); ++i) {
        }
    });
    timer->start();
#else
    Q_UNUSED(job)
#endif
}

QString advice()
{
    return KeychainKeyProvider::tr(
        "Start the secret service (for example gnome-keyring-daemon or KWallet) in this session, "
        "or keep the master key in a key file (gateway.key_file) or in the environment variable "
        "GATEHOUSE_MASTER_KEY.");
}

// Every Linux keychain is reached over the D-Bus session bus: without one, say so plainly rather
// than relaying libsecret's "Could not connect: No such file or directory".
std::optional<Error> sessionBusMissing(const QString &where, bool storing)
{
#ifdef GATEHOUSE_SECRET_SERVICE
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected())
        return std::nullopt;
    const QString address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    const QString detail =
        address.isEmpty()
            ? KeychainKeyProvider::tr("DBUS_SESSION_BUS_ADDRESS is not set")
            : KeychainKeyProvider::tr("nothing answers at DBUS_SESSION_BUS_ADDRESS=%1")
                  .arg(address);
    return Error(ErrorCode::Unavailable,
                 KeychainKeyProvider::tr("no keychain is reachable, so %1 cannot be used: there is "
                                         "no D-Bus session bus (%2). %3%4")
                     .arg(where, detail, advice(),
                          storing ? KeychainKeyProvider::tr(" The key was not stored anywhere.")
                                  : QString()));
#else
    Q_UNUSED(where)
    Q_UNUSED(storing)
    return std::nullopt;
#endif
}

Error jobError(const QKeychain::Job &job, const QString &where, bool storing)
{
    const QString detail = job.errorString();
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return Error(ErrorCode::NotFound, KeychainKeyProvider::tr("%1 holds no key").arg(where));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error(ErrorCode::PermissionDenied,
                     KeychainKeyProvider::tr("the keychain refused access to %1 (%2): unlock it "
                                             "(log in to the desktop session, or unlock the "
                                             "\"login\" keyring) and try again")
                         .arg(where, detail));
    default:
        return Error(
            ErrorCode::Unavailable,
            KeychainKeyProvider::tr("no keychain is reachable, so %1 cannot be used (%2). %3%4")
                .arg(where, detail, advice(),
                     storing ? KeychainKeyProvider::tr(" The key was not stored anywhere.")
                             : QString()));
    }
}

// Runs `start` and a local event loop until it answers or the timeout passes. The loop is the
// callback's context: a job that answers after the timeout finds it gone and calls nothing.
template <typename T, typename Start>
Result<T> waitFor(Start start, std::chrono::milliseconds timeout, const QString &where)
{
    if (!QCoreApplication::instance())
        return Error(ErrorCode::Internal,
                     KeychainKeyProvider::tr("the keychain needs a QCoreApplication"));
    std::optional<Result<T>> answer;
    QEventLoop loop;
    start(&loop, [&answer, &loop](Result<T> result) {
        answer.emplace(std::move(result));
        loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    if (!answer)
        loop.exec();
    if (answer)
        return std::move(*answer);
    return Error(ErrorCode::Unavailable,
                 KeychainKeyProvider::tr("%1 did not answer within %2 seconds; if the keychain "
                                         "is locked, it may be waiting for its password. %3")
                     .arg(where)
                     .arg(qint64(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()))
                     .arg(advice()));
}

template <typename Job>
Job *newJob(const QString &service, const QString &entry)
{
    auto *job = new Job(service);
    job->setKey(entry);
    job->setAutoDelete(true);
    // Never QtKeychain's plaintext store (QSettings), whatever the platform's default.
    job->setInsecureFallback(false);
    return job;
}

template <typename Done, typename Value>
void answerLater(QObject *context, Done done, Value value)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), value = std::move(value)]() mutable { done(value); },
        Qt::QueuedConnection);
}
} // namespace

KeychainKeyProvider::KeychainKeyProvider(QString service, QString entry)
    : m_service(std::move(service))
    , m_entry(std::move(entry))
{}

QString KeychainKeyProvider::describe() const
{
    return tr("the system keychain (service %1, entry %2)").arg(m_service, m_entry);
}

void KeychainKeyProvider::loadAsync(QObject *context, LoadDone done) const
{
    const QString where = describe();
    if (auto missing = sessionBusMissing(where, false))
        return answerLater(context, std::move(done), Result<MasterKey>(*missing));
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, m_entry);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done), where](QKeychain::Job *finished) {
                         if (finished->error() != QKeychain::NoError)
                             return done(jobError(*finished, where, false));
                         auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
                         const QByteArray data = read->binaryData();
                         Result<MasterKey> key = MasterKey::fromBytes(data);
                         // The buffer is shared with the finished job, which is deleted next:
                         // wipe it in place rather than a detached copy.
                         if (!data.isEmpty())
                             OPENSSL_cleanse(const_cast<char *>(data.constData()),
                                             size_t(data.size()));
                         if (!key)
                             return done(Error(ErrorCode::Validation,
                                               tr("%1 holds something that is not a Gatehouse "
                                                  "master key (%2 bytes instead of 32)")
                                                   .arg(where)
                                                   .arg(data.size())));
                         done(std::move(key));
                     });
    iterateGlibWhileRunning(job);
    job->start();
}

void KeychainKeyProvider::storeAsync(QObject *context, const MasterKey &key, StatusDone done) const
{
    const QString where = describe();
    if (auto missing = sessionBusMissing(where, true))
        return answerLater(context, std::move(done), Status(*missing));
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, m_entry);
    job->setBinaryData(key.bytes().toByteArray());
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done), where](QKeychain::Job *finished) {
                         if (finished->error() != QKeychain::NoError)
                             return done(jobError(*finished, where, true));
                         qCInfo(lcSecrets).noquote() << "stored the master key in" << where;
                         done(Status());
                     });
    iterateGlibWhileRunning(job);
    job->start();
}

void KeychainKeyProvider::removeAsync(QObject *context, StatusDone done) const
{
    const QString where = describe();
    if (auto missing = sessionBusMissing(where, false))
        return answerLater(context, std::move(done), Status(*missing));
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, m_entry);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done), where](QKeychain::Job *finished) {
                         if (finished->error() != QKeychain::NoError &&
                             finished->error() != QKeychain::EntryNotFound)
                             return done(jobError(*finished, where, false));
                         done(Status());
                     });
    iterateGlibWhileRunning(job);
    job->start();
}

Result<MasterKey> KeychainKeyProvider::load()
{
    return waitFor<MasterKey>([this](QObject *context, LoadDone done) { loadAsync(context, done); },
                              m_timeout, describe());
}

Status KeychainKeyProvider::store(const MasterKey &key)
{
    return waitFor<void>(
        [this, &key](QObject *context, StatusDone done) { storeAsync(context, key, done); },
        m_timeout, describe());
}

Status KeychainKeyProvider::remove()
{
    return waitFor<void>([this](QObject *context, StatusDone done) { removeAsync(context, done); },
                         m_timeout, describe());
}

KeychainKeyProvider KeychainKeyProvider::staged() const
{
    KeychainKeyProvider next(m_service, m_entry + QStringLiteral(".next"));
    next.m_timeout = m_timeout;
    return next;
}

Status KeychainKeyProvider::rotatable() const
{
    return {};
}

Result<MasterKey> KeychainKeyProvider::loadStaged()
{
    return staged().load();
}

Status KeychainKeyProvider::storeStaged(const MasterKey &key)
{
    return staged().store(key);
}

Status KeychainKeyProvider::promoteStaged(const MasterKey &key)
{
    if (Status stored = store(key); !stored)
        return stored;
    return staged().remove();
}

Status KeychainKeyProvider::removeStaged()
{
    return staged().remove();
}

} // namespace gatehouse::secrets
