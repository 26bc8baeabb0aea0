#pragma once

#include "Result.h"
#include "gateway/CatalogLoader.h"
#include "gateway/HostPolicy.h"
#include "oauth/AuthServerContext.h"
#include "oauth/AuthServerOptions.h"
#include "store/AuditRepository.h"

#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>
#include <QThread>
#include <QThreadPool>
#include <QThreadStorage>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace gatehouse::http {
class Request;
class Responder;
class Server;
} // namespace gatehouse::http

namespace gatehouse::mcp {
class SessionId;
class ToolProvider;
struct Caller;
} // namespace gatehouse::mcp

namespace gatehouse::oauth {
class AuthorizationServer;
class TokenService;
class VerifiedTokenCache;
} // namespace gatehouse::oauth

namespace gatehouse::secrets {
class CredentialVault;
}

namespace gatehouse::policy {
class AuditLog;
class PermissionPolicy;
class UsageLimits;
class UsageMeter;
} // namespace gatehouse::policy

namespace gatehouse::store {
class Database;
}

namespace gatehouse::gateway {

class CatalogProvider;
class McpEndpoint;
class StoreSessionRegistry;

enum class AuthMode
{
    OAuth, // every MCP request needs a bearer token from the gateway's authorization server
    None,  // development and conformance: loopback only
};

struct ListenOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8787;
    QUrl publicUrl;             // empty: derived from address and port
    QString tlsCertificateFile; // PEM; with tlsKeyFile, the gateway speaks HTTPS
    QString tlsKeyFile;
    bool behindProxy = false; // a TLS-terminating proxy in front (gateway.behind_proxy)
    QList<QHostAddress> trustedProxies;
    QStringList allowedHosts;
    AuthMode authMode = AuthMode::OAuth;
    int workerThreads = 0; // 0: one per core
    oauth::AuthServerOptions authServer;
    // Usage counts are written this often (what a crash can lose); audit rows older than the
    // retention are removed (0: kept forever).
    std::chrono::milliseconds usageFlushInterval{100};
    std::chrono::seconds auditRetention{std::chrono::days(90)};

    bool tls() const { return !tlsCertificateFile.isEmpty(); }
};

// What the hot path reads: replaced as a whole when the configuration changes, never edited.
struct Snapshot
{
    quint64 version = 0;
    QStringList servers; // MCP endpoints: {public_url}/mcp/{server}
    Catalogs catalogs;   // the tools each server offers (servers from the store only)
    HostPolicy hosts;
    QUrl publicUrl;
    AuthMode authMode = AuthMode::OAuth;
    std::shared_ptr<const oauth::TokenService> tokens; // null without a store
    // Null without a store or with auth mode none.
    std::shared_ptr<const oauth::AuthorizationServer> authServer;
    // The permission matrix; null without a store or with auth mode none (everything allowed).
    std::shared_ptr<const policy::PermissionPolicy> policy;
    // Each user's quota, rate and monthly spend limits; null where there is no policy.
    std::shared_ptr<const policy::UsageLimits> limits;
};

// The embedded gateway: owns the HTTP server and its worker threads, routes /healthz, /mcp/{server}
// and (with the OAuth issue) /.well-known/... and /oauth/..., and drives the state the GUI's tray
// and status bar show.
class Gateway : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Stopped,
        Starting, // startInBackground(): reading the store, building catalogs
        Running,
        Stopping, // stopInBackground(): letting what runs finish, writing the last counts
        Failed
    };
    Q_ENUM(State)

    using ToolProviderFactory =
        std::function<std::unique_ptr<mcp::ToolProvider>(const QString &server)>;

    // database may be null (tests, a GUI without a store): servers come from setServers() and
    // session keys live in memory.
    explicit Gateway(store::Database *database = nullptr, QObject *parent = nullptr);
    ~Gateway() override;

    // Refuses plain HTTP on a non-loopback address unless TLS or behind_proxy is set, and
    // auth mode none anywhere but loopback.
    static Status checkListenOptions(const ListenOptions &options);

    // Set before start(); called on worker threads, once per server and thread.
    void setToolProviderFactory(ToolProviderFactory factory);
    // The vault that imported secrets are decrypted with at each call (null: none imported).
    // Set before start(), or later followed by a reload (it never waits for one in progress).
    void setCredentialVault(std::shared_ptr<const secrets::CredentialVault> vault);

    // Both wait for the store and for what runs to finish: for `gatehouse serve` and tests.
    Status start(const ListenOptions &options);
    void stop();
    // The GUI's: the same work, with the store read, the catalogs built and the last usage counts
    // and audit rows written on a thread of the gateway's own; stateChanged() tells how it went
    // (Starting, then Running or Failed; Stopping, then Stopped). Starting while running (or
    // stopping) restarts with the new options once stopped; stopping while starting drops the
    // start.
    void startInBackground(const ListenOptions &options);
    void stopInBackground();
    // Stopping in order to start again (a restart), rather than to stay stopped.
    bool restartPending() const { return m_state == State::Stopping && m_pendingStart; }

    // Reads the servers from the store again (after a configuration change), rebuilds their
    // tool catalogs (specs unchanged on disk are not parsed again) and tells every open session
    // whose tools may have changed.
    Status reloadServers();
    // The same, but the store is read and the catalogs built on a thread of the gateway's own;
    // what was read is published on this object's thread. The GUI calls it after each edit, so
    // that its thread never waits on the store or on fetching a spec. Requests made while one
    // runs are merged into one more; reloaded() is emitted when everything asked for so far is
    // published (or could not be read).
    void reloadInBackground();
    // See CatalogLoader::setRefetchUrls: the desktop application turns it off, so that an edit
    // does not wait for every URL-sourced spec to be fetched again.
    void setRefetchUrlsOnReload(bool refetch);
    // The catalog a server serves now; null when it is not configured.
    std::shared_ptr<const ServerCatalog> catalog(const QString &server) const;
    void setServers(const QStringList &servers);

    // "Try it" (ToolTrial): while the gateway runs, trials run on a thread of their own, each
    // through a CatalogProvider made as a worker makes its own (the same permission matrix,
    // limits, spend caps, audit log and credentials). Null while stopped. Objects made children
    // of it on that thread are deleted there when the gateway stops, before what they use goes.
    QObject *trialHome() const { return m_trialHome; }
    // Called on the trial thread.
    std::unique_ptr<CatalogProvider> makeCatalogProvider(const QString &server);
    AuthMode authMode() const { return m_options.authMode; }

    State state() const { return m_state; }
    QString errorString() const { return m_error; }
    // The base URL MCP clients use: {public_url}/mcp/{server}.
    QUrl baseUrl() const;
    // The base URL a gateway started with these options serves on that port.
    static QUrl baseUrlFor(const ListenOptions &options, quint16 port);
    quint16 port() const;
    // Open client connections while running (the GUI asks before a restart drops them).
    int connectionCount() const;

Q_SIGNALS:
    void stateChanged(gatehouse::gateway::Gateway::State state);
    // Emitted after the served configuration changed; sessions re-read their tool lists.
    void catalogChanged();
    // After reloadInBackground(): what the store held when the last reload read it is served now
    // (status ok), or it could not be read and the gateway serves what it served before.
    void reloaded(const gatehouse::Status &status);

private:
    // What a reload read from the store, to be published on the gateway's thread.
    struct Loaded
    {
        quint64 sequence = 0; // order in which loads began: an older one is never published
        QStringList servers;
        Catalogs catalogs;
        // Only the matrix and limits were read: the servers and catalogs served when it is
        // published stay (not those of when it began, which a reload may have replaced).
        bool keepCatalogs = false;
        std::shared_ptr<const policy::PermissionPolicy> policy;
        std::shared_ptr<const policy::UsageLimits> limits;
        Status status; // the catalogs could not be built: servers and catalogs are the previous
    };
    // What start() reads before it listens.
    struct Prepared
    {
        ListenOptions options;
        std::optional<QSslConfiguration> tls;
        QByteArray sessionKey;
        QByteArray loginKey;
        std::shared_ptr<StoreSessionRegistry> registry; // null without a store
        Loaded loaded;
    };

    void setState(State state, const QString &error = {});
    // Any thread. catalogs false: the previous snapshot's servers and catalogs, with the
    // permission matrix and limits read again.
    Loaded load(bool catalogs, const std::shared_ptr<const Snapshot> &previous);
    // The permission matrix and limits for servers and catalogs given here (setServers, no store).
    Loaded loadPolicy(QStringList servers, Catalogs catalogs,
                      const std::shared_ptr<const Snapshot> &previous);
    Loaded loadPolicyLocked(QStringList servers, Catalogs catalogs,
                            const std::shared_ptr<const Snapshot> &previous);
    // On the gateway's thread. announce: sessions are told their tool lists may have changed
    // (catalogChanged); not when only the limits are read again. always: a load older than the
    // one published still brings the gateway's options (a start) with what is published.
    void install(Loaded loaded, bool announce = true, bool always = false);
    void runReload();
    void reloadLimitsInBackground();
    Result<Prepared> prepareStart(const ListenOptions &options);
    Status finishStart(Prepared prepared);
    void failStart(const Error &error);
    void finishStop(quint64 lifecycle);
    // Closes the listener and joins the workers and the trial thread.
    void closeServer();
    std::shared_ptr<const Snapshot> snapshot() const { return m_snapshot.load(); }
    void handle(const http::Request &request, std::shared_ptr<http::Responder> responder);
    void handleOAuth(const std::shared_ptr<const Snapshot> &snap, const http::Request &request,
                     std::shared_ptr<http::Responder> responder);
    McpEndpoint &endpoint();
    // Before a tools/call reaches its session: a missing scope (403 insufficient_scope).
    std::optional<http::Response> gateScope(const QString &server, const mcp::Caller &caller,
                                            const QString &tool);
    void audit(store::AuditRow row);
    // Runs work on m_storePool and then `then` on the calling worker's thread; false (neither
    // runs) once the gateway is stopping.
    bool offload(std::function<void()> work, std::function<void(bool ran)> then);

    store::Database *m_database;
    ToolProviderFactory m_factory;
    CatalogLoader m_loader;
    std::shared_ptr<StoreSessionRegistry> m_registry;
    std::unique_ptr<mcp::SessionId> m_sessionIds;
    QByteArray m_cursorKey;
    QByteArray m_loginKey;
    std::shared_ptr<oauth::AuthServerContext::Throttles> m_throttles;
    // Shared by every snapshot's TokenService, so a reload does not empty it.
    std::shared_ptr<oauth::VerifiedTokenCache> m_tokenCache;
    // Runs the authorization server's blocking work (password hashing, fetching client metadata
    // documents) so that no worker's event loop waits on it.
    QThreadPool m_blockingPool;
    // Store writes a call waits for (spend reservations), kept off the workers' event loops and
    // out of the queue behind password hashing. Closed and waited for with m_blockingPool.
    QThreadPool m_storePool;
    QMutex m_blockingMutex; // guards m_blockingClosed and starting work on the pool
    bool m_blockingClosed = false;
    std::unique_ptr<policy::UsageMeter> m_meter; // with a store, while running
    std::unique_ptr<policy::AuditLog> m_audit;   // with a store, while running
    std::unique_ptr<http::Server> m_server;
    QThreadStorage<McpEndpoint *> m_endpoints;
    QMutex m_endpointsMutex; // guards m_allEndpoints; held while posting to them
    QList<McpEndpoint *> m_allEndpoints;
    std::atomic<std::shared_ptr<const Snapshot>> m_snapshot;
    QTimer m_refresh;
    quint64 m_refreshTicks = 0;
    ListenOptions m_options;
    State m_state = State::Stopped;
    QString m_error;
    std::unique_ptr<QThread> m_trialThread; // while running
    QObject *m_trialHome = nullptr;         // lives on m_trialThread
    // One thread, so that what runs there runs in order: background reloads, the periodic
    // upkeep, a background start's reads and a background stop's last writes (a start that
    // follows a stop reads the usage counts that stop wrote).
    QThreadPool m_reloadPool;
    QMutex m_loaderMutex; // m_loader is used there and by reloadServers() on this thread
    struct LoaderSettings
    {
        std::optional<std::shared_ptr<const secrets::CredentialVault>> vault;
        std::optional<bool> refetchUrls;
    };
    QMutex m_loaderSettingsMutex; // guards m_loaderSettings, which the next load applies
    LoaderSettings m_loaderSettings;
    std::atomic<quint64> m_loadSequence{0};
    quint64 m_installedSequence = 0;
    bool m_reloadRunning = false;
    std::atomic<bool> m_upkeepQueued{false};
    std::atomic<bool> m_limitsReloadQueued{false};
    bool m_reloadAgain = false;
    // Each start and stop takes the next number; a background step of an older one is dropped.
    quint64 m_lifecycle = 0;
    std::optional<ListenOptions> m_pendingStart; // a restart waiting for the stop
};

} // namespace gatehouse::gateway
