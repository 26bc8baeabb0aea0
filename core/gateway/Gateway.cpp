#include "Gateway.h"

#include "CatalogProvider.h"
#include "Logging.h"
#include "McpEndpoint.h"
#include "ResourceGuard.h"
#include "StoreSessionRegistry.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "mcp/SessionId.h"
#include "oauth/AuthorizationServer.h"
#include "oauth/TokenService.h"
#include "oauth/VerifiedTokenCache.h"
#include "policy/AuditLog.h"
#include "policy/PermissionPolicy.h"
#include "policy/UsageLimits.h"
#include "policy/UsageMeter.h"
#include "store/SessionRepository.h"
#include "store/TokenRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>

#include <openssl/rand.h>

namespace gatehouse::gateway {

namespace {
QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        qFatal("the system's random generator failed");
    return bytes;
}

Result<QSslConfiguration> loadTls(const ListenOptions &options)
{
    QFile certFile(options.tlsCertificateFile);
    QFile keyFile(options.tlsKeyFile);
    if (!certFile.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, Gateway::tr("cannot read the TLS certificate %1: %2")
                                        .arg(options.tlsCertificateFile, certFile.errorString()));
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, Gateway::tr("cannot read the TLS key %1: %2")
                                        .arg(options.tlsKeyFile, keyFile.errorString()));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (chain.isEmpty() || key.isNull())
        return Error(
            ErrorCode::Validation,
            Gateway::tr("%1 and %2 must hold a PEM certificate and its private key (RSA or EC)")
                .arg(options.tlsCertificateFile, options.tlsKeyFile));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}
} // namespace

Gateway::Gateway(store::Database *database, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_factory([this](const QString &server) { return makeCatalogProvider(server); })
{
    m_throttles = std::make_shared<oauth::AuthServerContext::Throttles>();
    m_tokenCache = std::make_shared<oauth::VerifiedTokenCache>();
    m_blockingPool.setMaxThreadCount(4);
    m_storePool.setMaxThreadCount(2);
    m_reloadPool.setMaxThreadCount(1);
    // A thread that waits on the store, not one that computes: it may go idle for long.
    m_reloadPool.setExpiryTimeout(-1);
    install(loadPolicy({}, {}, nullptr));
    m_refresh.setInterval(std::chrono::seconds(10));
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        // Limits the store could not give at the last publish: calls are refused until it can.
        if (const auto snap = snapshot(); snap && snap->limits && !snap->limits->readable())
            reloadLimitsInBackground();
        // Tokens, codes and pending sign-ins a day past their expiry: a day of grace keeps a
        // replayed code or refresh token recognisable (and its grant revocable) after it expired.
        const bool prune = m_database && ++m_refreshTicks % 360 == 1;
        // A store slower than the timer gets one task at a time, not a growing queue.
        if (m_upkeepQueued.exchange(true))
            return;
        m_reloadPool.start([this, database = m_database, registry = m_registry, prune] {
            m_upkeepQueued = false;
            // Ended sessions recorded by other instances sharing the database.
            if (registry)
                registry->refresh();
            if (!prune)
                return;
            const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-1);
            if (auto removed = store::TokenRepository(*database).removeExpired(cutoff); !removed)
                qCWarning(lcGateway).noquote()
                    << "cannot remove expired tokens:" << removed.error().message();
            else if (*removed > 0)
                qCInfo(lcGateway).noquote() << "removed" << *removed << "expired tokens";
        });
    });
}

Gateway::~Gateway()
{
    stop();
    // Work not begun is dropped (a stop's last writes run here, as their objects go); what runs
    // uses the loader and the store, and what it posts back to this object is dropped.
    m_reloadPool.clear();
    m_reloadPool.waitForDone();
}

std::unique_ptr<CatalogProvider> Gateway::makeCatalogProvider(const QString &server)
{
    CatalogProvider::Accounting accounting;
    accounting.database = m_database;
    accounting.meter = m_meter.get();
    if (m_audit)
        accounting.audit = [this](store::AuditRow row) { audit(std::move(row)); };
    accounting.offload = [this](std::function<void()> work, std::function<void(bool)> then) {
        return offload(std::move(work), std::move(then));
    };
    return std::make_unique<CatalogProvider>(
        server, [this, server] { return catalog(server); },
        [this] {
            const auto snap = snapshot();
            return CatalogProvider::Permissions{snap->policy, snap->limits, snap->version};
        },
        std::move(accounting));
}

Status Gateway::checkListenOptions(const ListenOptions &options)
{
    const bool loopback = options.address.isLoopback();
    if (options.authMode == AuthMode::None && !loopback)
        return Error(
            ErrorCode::Validation,
            Gateway::tr("gateway.auth.mode none serves every tool without sign-in and is only "
                        "allowed on a loopback address; listen on 127.0.0.1 or remove auth.mode"));
    if (loopback || options.tls())
        return {};
    if (options.behindProxy) {
        if (options.publicUrl.scheme() != QLatin1String("https"))
            return Error(ErrorCode::Validation,
                         Gateway::tr("gateway.behind_proxy is set but public_url %1 is not https: "
                                     "set public_url to the proxy's https address")
                             .arg(options.publicUrl.toString()));
        return {};
    }
    return Error(ErrorCode::Validation,
                 Gateway::tr("plain HTTP on %1 is refused because it is not a loopback address: "
                             "configure gateway.tls, set gateway.behind_proxy with an https "
                             "public_url, or listen on 127.0.0.1")
                     .arg(options.address.toString()));
}

void Gateway::setToolProviderFactory(ToolProviderFactory factory)
{
    m_factory = std::move(factory);
}

// Handed to the loader by the next load, so that the caller never waits for one in progress.
void Gateway::setCredentialVault(std::shared_ptr<const secrets::CredentialVault> vault)
{
    QMutexLocker lock(&m_loaderSettingsMutex);
    m_loaderSettings.vault = std::move(vault);
}

void Gateway::setRefetchUrlsOnReload(bool refetch)
{
    QMutexLocker lock(&m_loaderSettingsMutex);
    m_loaderSettings.refetchUrls = refetch;
}

Result<Gateway::Prepared> Gateway::prepareStart(const ListenOptions &options)
{
    if (Status allowed = checkListenOptions(options); !allowed)
        return allowed.error();
    Prepared prepared;
    prepared.options = options;
    if (options.tls()) {
        auto loaded = loadTls(options);
        if (!loaded)
            return loaded.error();
        prepared.tls = *loaded;
    }
    // Session ids are signed with a key every instance sharing the store agrees on; the sign-in
    // cookie's key is shared the same way, so any instance accepts it.
    prepared.sessionKey = randomBytes(32);
    prepared.loginKey = randomBytes(32);
    if (m_database) {
        store::SessionRepository sessions(*m_database);
        auto session = sessions.key(QStringLiteral("mcp-session"), prepared.sessionKey);
        if (!session)
            return session.error();
        prepared.sessionKey = *session;
        auto login = sessions.key(QStringLiteral("oauth-login"), prepared.loginKey);
        if (!login)
            return login.error();
        prepared.loginKey = *login;
        // Its constructor reads the store.
        prepared.registry = std::make_shared<StoreSessionRegistry>(m_database);
        prepared.loaded = load(true, snapshot());
        if (!prepared.loaded.status)
            qCWarning(lcGateway).noquote() << prepared.loaded.status.error().message();
    } else {
        const auto previous = snapshot();
        prepared.loaded = loadPolicy(previous->servers, previous->catalogs, previous);
    }
    return prepared;
}

Status Gateway::start(const ListenOptions &options)
{
    ++m_lifecycle;
    m_pendingStart.reset();
    if (m_state == State::Running || m_state == State::Stopping)
        stop();
    // A background stop's last writes come before this start reads.
    m_reloadPool.waitForDone();
    auto prepared = prepareStart(options);
    if (!prepared) {
        failStart(prepared.error());
        return prepared.error();
    }
    return finishStart(std::move(prepared).value());
}

void Gateway::startInBackground(const ListenOptions &options)
{
    if (m_state == State::Running)
        stopInBackground();
    if (m_state == State::Stopping) {
        m_pendingStart = options;
        return;
    }
    // From here on a start (Stopped, Failed, or Starting again with other options).
    const quint64 lifecycle = ++m_lifecycle;
    setState(State::Starting);
    m_reloadPool.start([this, options, lifecycle] {
        auto prepared = std::make_shared<Result<Prepared>>(prepareStart(options));
        QMetaObject::invokeMethod(
            this,
            [this, prepared, lifecycle] {
                if (lifecycle != m_lifecycle)
                    return; // stopped or started again meanwhile
                if (!*prepared)
                    failStart(prepared->error());
                else
                    (void)finishStart(std::move(*prepared).value()); // failures: stateChanged
            },
            Qt::QueuedConnection);
    });
}

void Gateway::failStart(const Error &error)
{
    qCWarning(lcGateway).noquote() << "the gateway did not start:" << error.message();
    setState(State::Failed, error.message());
}

Status Gateway::finishStart(Prepared prepared)
{
    const ListenOptions &options = prepared.options;
    m_options = options;
    {
        QMutexLocker lock(&m_blockingMutex);
        m_blockingClosed = false;
    }
    m_loginKey = prepared.loginKey;
    m_registry = prepared.registry ? std::move(prepared.registry)
                                   : std::make_shared<StoreSessionRegistry>(nullptr);
    m_sessionIds = std::make_unique<mcp::SessionId>(mcp::SessionId::Keys{prepared.sessionKey, {}},
                                                    m_registry.get());
    m_cursorKey = prepared.sessionKey + QByteArrayLiteral("/cursor");

    if (m_database) {
        m_meter = std::make_unique<policy::UsageMeter>(
            m_database, policy::UsageMeter::Options{options.usageFlushInterval});
        policy::AuditLog::Options auditOptions;
        auditOptions.retention = options.auditRetention;
        m_audit = std::make_unique<policy::AuditLog>(*m_database, auditOptions);
    }

    http::ServerOptions serverOptions;
    serverOptions.workerThreads = options.workerThreads;
    serverOptions.trustedProxies = options.trustedProxies;
    serverOptions.limits.bodyLimits = {{QStringLiteral("/oauth/"), 64 * 1024}};
    m_server = std::make_unique<http::Server>(serverOptions);
    m_server->setHandler(
        [this](const http::Request &request, std::shared_ptr<http::Responder> responder) {
            handle(request, std::move(responder));
        });
    if (Status listening = m_server->listen(options.address, options.port, prepared.tls);
        !listening) {
        const QString why =
            Gateway::tr("cannot listen on %1:%2: %3. Choose another port or stop the "
                        "program that uses it")
                .arg(options.address.toString())
                .arg(options.port)
                .arg(listening.error().message());
        m_server.reset();
        // Their threads are joined there (the audit log may be pruning old rows).
        m_reloadPool.start(
            [meter = std::shared_ptr<policy::UsageMeter>(std::move(m_meter)),
             audit = std::shared_ptr<policy::AuditLog>(std::move(m_audit))]() mutable {
                meter.reset();
                audit.reset();
            });
        const Error error(ErrorCode::Unavailable, why);
        failStart(error);
        return error;
    }
    // With the address and port known: the snapshot carries the public URL and these options,
    // even when a newer load was published meanwhile (its servers and policy are kept then).
    install(std::move(prepared.loaded), true, true);
    m_trialThread = std::make_unique<QThread>();
    m_trialThread->setObjectName(QStringLiteral("gatehouse-try-it"));
    m_trialHome = new QObject;
    m_trialHome->moveToThread(m_trialThread.get());
    m_trialThread->start();
    m_refresh.start();
    qCInfo(lcGateway).noquote() << "listening on" << baseUrl().toString() << "with"
                                << m_server->workerCount() << "worker threads";
    setState(State::Running);
    return {};
}

void Gateway::closeServer()
{
    if (m_server) {
        // Joins the worker threads, which deletes their endpoints while what they use is alive.
        m_server->close();
        m_server.reset();
    }
    // Trials in flight are cancelled (recorded as such) by their objects' destructors, on their
    // own thread, while the meter and the audit log are still there.
    if (m_trialThread) {
        QObject *home = std::exchange(m_trialHome, nullptr);
        QMetaObject::invokeMethod(
            home, [home] { delete home; }, Qt::BlockingQueuedConnection);
        m_trialThread->quit();
        m_trialThread->wait();
        m_trialThread.reset();
    }
}

void Gateway::stop()
{
    ++m_lifecycle;
    m_pendingStart.reset();
    m_refresh.stop();
    // Blocking OAuth work posts its answers to the workers: no new work from here on, and what
    // runs finishes while the workers (and their endpoints) are still alive.
    {
        QMutexLocker lock(&m_blockingMutex);
        m_blockingClosed = true;
    }
    m_blockingPool.waitForDone();
    m_storePool.waitForDone();
    closeServer();
    // Every call has finished: what was counted and recorded is written now.
    m_meter.reset();
    m_audit.reset();
    if (m_state != State::Stopped)
        setState(State::Stopped);
}

void Gateway::stopInBackground()
{
    m_pendingStart.reset();
    if (m_state == State::Starting) {
        // Nothing was built yet; what the start reads is dropped when it arrives.
        ++m_lifecycle;
        setState(State::Stopped);
        return;
    }
    if (m_state != State::Running)
        return;
    const quint64 lifecycle = ++m_lifecycle;
    setState(State::Stopping);
    m_refresh.stop();
    {
        QMutexLocker lock(&m_blockingMutex);
        m_blockingClosed = true;
    }
    m_reloadPool.start([this, lifecycle] {
        m_blockingPool.waitForDone();
        m_storePool.waitForDone();
        QMetaObject::invokeMethod(
            this, [this, lifecycle] { finishStop(lifecycle); }, Qt::QueuedConnection);
    });
}

void Gateway::finishStop(quint64 lifecycle)
{
    if (lifecycle != m_lifecycle)
        return; // stop() or start() took over
    // Dropping connections and joining threads whose event loops never block is quick.
    closeServer();
    // Every call has finished: what was counted and recorded is written there, before anything
    // queued after it (a restart's reads).
    m_reloadPool.start([this, lifecycle,
                        meter = std::shared_ptr<policy::UsageMeter>(std::move(m_meter)),
                        audit = std::shared_ptr<policy::AuditLog>(std::move(m_audit))]() mutable {
        meter.reset();
        audit.reset();
        QMetaObject::invokeMethod(
            this,
            [this, lifecycle] {
                if (lifecycle != m_lifecycle)
                    return;
                // A restart goes from Stopping straight to Starting: it is not a stop.
                if (auto next = std::exchange(m_pendingStart, std::nullopt)) {
                    m_state = State::Stopped;
                    startInBackground(*next);
                    return;
                }
                setState(State::Stopped);
            },
            Qt::QueuedConnection);
    });
}

Gateway::Loaded Gateway::load(bool catalogs, const std::shared_ptr<const Snapshot> &previous)
{
    // Loads run one at a time, in the order of their sequence numbers: a later number has read
    // a store at least as new.
    QMutexLocker lock(&m_loaderMutex);
    const quint64 sequence = ++m_loadSequence;
    QStringList servers = previous ? previous->servers : QStringList();
    Catalogs built = previous ? previous->catalogs : Catalogs();
    Status status;
    if (catalogs && m_database) {
        {
            QMutexLocker settingsLock(&m_loaderSettingsMutex);
            if (auto vault = std::exchange(m_loaderSettings.vault, std::nullopt))
                m_loader.setVault(std::move(*vault));
            if (auto refetch = std::exchange(m_loaderSettings.refetchUrls, std::nullopt))
                m_loader.setRefetchUrls(*refetch);
        }
        auto loaded = m_loader.load(*m_database);
        if (loaded) {
            built = std::move(loaded).value();
            servers = built.keys();
            servers.sort();
        } else {
            status = loaded.error();
        }
    }
    Loaded result = loadPolicyLocked(std::move(servers), std::move(built), previous);
    result.sequence = sequence;
    result.keepCatalogs = !catalogs;
    result.status = std::move(status);
    return result;
}

Gateway::Loaded Gateway::loadPolicy(QStringList servers, Catalogs catalogs,
                                    const std::shared_ptr<const Snapshot> &previous)
{
    QMutexLocker lock(&m_loaderMutex);
    return loadPolicyLocked(std::move(servers), std::move(catalogs), previous);
}

Gateway::Loaded Gateway::loadPolicyLocked(QStringList servers, Catalogs catalogs,
                                          const std::shared_ptr<const Snapshot> &previous)
{
    Loaded loaded;
    loaded.sequence = ++m_loadSequence;
    loaded.servers = std::move(servers);
    loaded.catalogs = std::move(catalogs);
    if (!m_database)
        return loaded;
    // A matrix that cannot be read leaves the previous one in force (none at first: then
    // nothing is allowed, rather than everything).
    auto policy = policy::PermissionPolicy::load(*m_database);
    if (policy)
        loaded.policy = std::make_shared<const policy::PermissionPolicy>(std::move(policy).value());
    else if (previous && previous->policy)
        loaded.policy = previous->policy;
    else
        loaded.policy = std::make_shared<const policy::PermissionPolicy>();
    if (!policy)
        qCWarning(lcGateway).noquote()
            << "cannot read the permission matrix:" << policy.error().message();
    auto limits = policy::UsageLimits::load(*m_database);
    if (limits)
        loaded.limits = std::make_shared<const policy::UsageLimits>(std::move(limits).value());
    else if (previous && previous->limits && previous->limits->readable())
        loaded.limits = previous->limits;
    else
        loaded.limits = std::make_shared<const policy::UsageLimits>(
            policy::UsageLimits::unreadable(limits.error().message()));
    if (!limits)
        qCWarning(lcGateway).noquote()
            << "cannot read the plans and limits:" << limits.error().message();
    return loaded;
}

Status Gateway::reloadServers()
{
    if (!m_database)
        return {};
    Loaded loaded = load(true, snapshot());
    if (!loaded.status)
        return loaded.status;
    install(std::move(loaded));
    return {};
}

void Gateway::reloadInBackground()
{
    if (m_reloadRunning) {
        m_reloadAgain = true;
        return;
    }
    m_reloadRunning = true;
    runReload();
}

void Gateway::runReload()
{
    m_reloadPool.start([this] {
        // The snapshot is read there, after any reload queued before this one was published.
        auto loaded = std::make_shared<Loaded>(load(true, snapshot()));
        QMetaObject::invokeMethod(
            this,
            [this, loaded] {
                const Status status = loaded->status;
                if (status)
                    install(std::move(*loaded));
                if (std::exchange(m_reloadAgain, false)) {
                    runReload();
                    return;
                }
                m_reloadRunning = false;
                Q_EMIT reloaded(status);
            },
            Qt::QueuedConnection);
    });
}

void Gateway::reloadLimitsInBackground()
{
    if (m_limitsReloadQueued.exchange(true))
        return;
    m_reloadPool.start([this] {
        m_limitsReloadQueued = false;
        auto loaded = std::make_shared<Loaded>(load(false, snapshot()));
        QMetaObject::invokeMethod(
            this, [this, loaded] { install(std::move(*loaded), false); }, Qt::QueuedConnection);
    });
}

std::shared_ptr<const ServerCatalog> Gateway::catalog(const QString &server) const
{
    return snapshot()->catalogs.value(server);
}

void Gateway::setServers(const QStringList &servers)
{
    const auto previous = snapshot();
    install(loadPolicy(servers, {}, previous));
}

void Gateway::install(Loaded loaded, bool announce, bool always)
{
    const auto previous = m_snapshot.load();
    // A load that began before one already published read an older store.
    if (loaded.sequence <= m_installedSequence) {
        if (!always || !previous)
            return;
        loaded.keepCatalogs = true;
        loaded.policy = previous->policy;
        loaded.limits = previous->limits;
    } else {
        m_installedSequence = loaded.sequence;
    }
    auto next = std::make_shared<Snapshot>();
    next->version = previous ? previous->version + 1 : 1;
    if (loaded.keepCatalogs && previous) {
        next->servers = previous->servers;
        next->catalogs = previous->catalogs;
    } else {
        next->servers = std::move(loaded.servers);
        next->catalogs = std::move(loaded.catalogs);
    }
    next->publicUrl = baseUrl();
    next->hosts = HostPolicy(next->publicUrl, m_options.allowedHosts);
    next->authMode = m_options.authMode;
    if (m_database) {
        next->tokens =
            std::make_shared<const oauth::TokenService>(*m_database, next->publicUrl, m_tokenCache);
        if (next->authMode == AuthMode::OAuth) {
            next->policy = std::move(loaded.policy);
            next->limits = std::move(loaded.limits);
            if (m_meter && next->limits && next->limits->readable())
                m_meter->forgetUsersExcept(next->limits->users());
            next->authServer = std::make_shared<const oauth::AuthorizationServer>(
                *m_database, next->publicUrl, next->servers, m_options.authServer, m_throttles,
                m_loginKey);
        }
    }
    m_snapshot.store(std::move(next));
    if (announce)
        Q_EMIT catalogChanged();
}

QUrl Gateway::baseUrl() const
{
    return baseUrlFor(m_options, port());
}

QUrl Gateway::baseUrlFor(const ListenOptions &options, quint16 port)
{
    if (!options.publicUrl.isEmpty())
        return options.publicUrl;
    QUrl url;
    url.setScheme(options.tls() ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(options.address.toString());
    url.setPort(port);
    return url;
}

quint16 Gateway::port() const
{
    return m_server ? m_server->serverPort() : m_options.port;
}

int Gateway::connectionCount() const
{
    return m_server ? m_server->connectionCount() : 0;
}

void Gateway::setState(State state, const QString &error)
{
    m_error = error;
    if (state == m_state && error.isEmpty())
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

bool Gateway::offload(std::function<void()> work, std::function<void(bool)> then)
{
    QMutexLocker lock(&m_blockingMutex);
    if (m_blockingClosed)
        return false;
    // `then` is delivered on the calling thread (a worker, or the trial thread) through an object
    // of its own there, deleted (later, on that thread) once the task lets go of it, so the
    // caller's own objects may go meanwhile.
    std::shared_ptr<QObject> context(new QObject, [](QObject *object) { object->deleteLater(); });
    m_storePool.start([this, work = std::move(work), then = std::move(then), context]() mutable {
        // Work queued behind a stop does not start: its call is refused rather than sent
        // upstream while the gateway goes down.
        bool closed = false;
        {
            QMutexLocker closing(&m_blockingMutex);
            closed = m_blockingClosed;
        }
        if (!closed)
            work();
        QMetaObject::invokeMethod(
            context.get(), [then = std::move(then), ran = !closed] { then(ran); },
            Qt::QueuedConnection);
    });
    return true;
}

McpEndpoint &Gateway::endpoint()
{
    if (!m_endpoints.hasLocalData()) {
        McpEndpoint::Context context;
        context.sessionIds = m_sessionIds.get();
        context.registry = m_registry.get();
        context.endSession = [this](const QString &id, const QString &subject) {
            return m_sessionIds->end(id, subject);
        };
        context.providerFactory = m_factory;
        context.cursorKey = m_cursorKey;
        // Only where a policy can be in force: the gate parses every tools/call body.
        if (m_database && m_options.authMode == AuthMode::OAuth)
            context.scopeGate = [this](const QString &server, const mcp::Caller &caller,
                                       const QString &tool) {
                return gateScope(server, caller, tool);
            };
        // Unregistered under the lock that posting holds: no cancel reaches a deleted endpoint.
        context.destroyed = [this](McpEndpoint *endpoint) {
            QMutexLocker lock(&m_endpointsMutex);
            m_allEndpoints.removeAll(endpoint);
        };
        context.broadcastCancel = [this](const QByteArray &nonce, const QByteArray &body,
                                         const QString &version) {
            QMutexLocker lock(&m_endpointsMutex);
            for (McpEndpoint *other : std::as_const(m_allEndpoints)) {
                if (other == m_endpoints.localData())
                    continue; // this worker already handled it
                QMetaObject::invokeMethod(
                    other,
                    [other, nonce, body, version] { other->deliverCancel(nonce, body, version); },
                    Qt::QueuedConnection);
            }
        };
        auto *created = new McpEndpoint(std::move(context));
        created->setObjectName(QStringLiteral("McpEndpoint"));
        {
            QMutexLocker lock(&m_endpointsMutex);
            m_allEndpoints.append(created);
        }

        // Tell this worker's sessions when the catalog changes; queued onto the worker thread.
        connect(this, &Gateway::catalogChanged, created, &McpEndpoint::catalogChanged);
        m_endpoints.setLocalData(created);
    }
    return *m_endpoints.localData();
}

void Gateway::audit(store::AuditRow row)
{
    if (m_audit)
        m_audit->record(std::move(row));
}

std::optional<http::Response> Gateway::gateScope(const QString &server, const mcp::Caller &caller,
                                                 const QString &tool)
{
    const auto snap = snapshot();
    if (!snap->policy)
        return std::nullopt;
    const auto serverCatalog = snap->catalogs.value(server);
    const openapi::Tool *found =
        serverCatalog && serverCatalog->tools ? serverCatalog->tools->find(tool) : nullptr;
    if (!found)
        return std::nullopt; // the session answers unknown tools and the meta-tools
    const policy::Decision d =
        snap->policy->decide(caller.subject, serverCatalog->identityOf(*found), caller.scopes);
    // Allowed, or a missing grant: the session decides again and answers with a tool error.
    if (d.allowed || d.missingScope.isEmpty())
        return std::nullopt;
    store::AuditRow row;
    row.time = QDateTime::currentDateTimeUtc();
    row.user = caller.subject;
    row.client = caller.clientId;
    row.server = server;
    row.tool = tool;
    row.decision = QStringLiteral("deny");
    row.reason = d.reason;
    audit(std::move(row));
    return ResourceGuard::insufficientScope(
        snap->publicUrl, server,
        Gateway::tr("calling %1 needs the scope %2, which this token lacks: sign in again and "
                    "allow it")
            .arg(tool, d.missingScope),
        d.missingScope);
}

void Gateway::handle(const http::Request &request, std::shared_ptr<http::Responder> responder)
{
    const auto snap = snapshot();
    const QString &path = request.path();
    if (path == QLatin1String("/healthz"))
        return responder->respond(
            http::Response::json(200, QByteArrayLiteral("{\"status\":\"ok\"}")));

    if (!snap->hosts.allowsHost(request.header("host")))
        return responder->respond(http::Response::error(
            403, Gateway::tr("the Host header names no address of this gateway: add it to "
                             "gateway.allowed_hosts if clients reach the gateway by that name")));
    // Metadata, registration, token and revocation carry no ambient authority (no cookies), so
    // browser-based MCP clients may call them from any origin (CORS); the Host check above still
    // applies.
    const bool crossOrigin = oauth::AuthorizationServer::allowsCrossOrigin(path);
    if (!crossOrigin && !snap->hosts.allowsOrigin(request.header("origin")))
        return responder->respond(http::Response::error(
            403,
            Gateway::tr("requests from this Origin are refused (DNS rebinding protection): add its "
                        "host to gateway.allowed_hosts if it is yours")));

    if (oauth::AuthorizationServer::serves(path))
        return handleOAuth(snap, request, std::move(responder));
    if (!path.startsWith(QLatin1String("/mcp/")))
        return responder->respond(http::Response::error(404, Gateway::tr("no such endpoint")));
    const QString server = path.mid(5);
    if (!snap->servers.contains(server))
        return responder->respond(http::Response::error(
            404,
            Gateway::tr("no MCP server named '%1' is configured on this gateway").arg(server)));

    if (snap->authMode == AuthMode::OAuth) {
        // One indexed lookup per request, on this worker's own connection: no global lock.
        auto guarded = ResourceGuard::check(request, server, snap->publicUrl, snap->tokens.get(),
                                            QDateTime::currentDateTimeUtc());
        if (!guarded.caller)
            return responder->respond(std::move(guarded.response));
        return endpoint().handle(server, *guarded.caller, request, std::move(responder));
    }
    mcp::Caller caller;
    caller.subject = QStringLiteral("anonymous");
    endpoint().handle(server, caller, request, std::move(responder));
}

void Gateway::handleOAuth(const std::shared_ptr<const Snapshot> &snap, const http::Request &request,
                          std::shared_ptr<http::Responder> responder)
{
    if (!snap->authServer)
        return responder->respond(http::Response::error(
            404, snap->authMode == AuthMode::None
                     ? Gateway::tr("this gateway runs with gateway.auth.mode none, so it has no "
                                   "authorization server")
                     : Gateway::tr("this gateway has no store, so it has no authorization "
                                   "server")));
    const bool cors = oauth::AuthorizationServer::allowsCrossOrigin(request.path());
    if (cors && request.method() == "OPTIONS") {
        http::Response preflight(204);
        preflight.setHeader("access-control-allow-origin", QByteArrayLiteral("*"));
        preflight.setHeader("access-control-allow-methods", QByteArrayLiteral("GET, POST"));
        preflight.setHeader("access-control-allow-headers",
                            QByteArrayLiteral("authorization, content-type, mcp-protocol-version"));
        preflight.setHeader("access-control-max-age", QByteArrayLiteral("86400"));
        return responder->respond(std::move(preflight));
    }
    if (oauth::AuthorizationServer::isMetadata(request.path())) {
        http::Response response =
            snap->authServer->answer(request, QDateTime::currentDateTimeUtc()).response;
        response.setHeader("access-control-allow-origin", QByteArrayLiteral("*"));
        return responder->respond(std::move(response));
    }
    QMutexLocker lock(&m_blockingMutex);
    if (m_blockingClosed)
        return responder->respond(
            http::Response::error(503, Gateway::tr("the gateway is stopping; try again shortly")));
    // The answer comes back to this worker's thread, through its endpoint object, which lives
    // until stop() has waited for the pool.
    QObject *context = &endpoint();
    m_blockingPool.start([server = snap->authServer, request, responder, context, cors]() mutable {
        oauth::AuthAnswer answer = server->answer(request, QDateTime::currentDateTimeUtc());
        if (cors)
            answer.response.setHeader("access-control-allow-origin", QByteArrayLiteral("*"));
        QMetaObject::invokeMethod(
            context,
            [responder = std::move(responder), answer = std::move(answer), context]() mutable {
                if (answer.delay.count() <= 0)
                    return responder->respond(std::move(answer.response));
                QTimer::singleShot(answer.delay, context,
                                   [responder, response = std::move(answer.response)]() mutable {
                                       responder->respond(std::move(response));
                                   });
            },
            Qt::QueuedConnection);
    });
}

} // namespace gatehouse::gateway
