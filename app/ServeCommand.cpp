#include "ServeCommand.h"

#include "CommandLine.h"
#include "Logging.h"
#include "UnixSignalWatcher.h"
#include "Workspace.h"
#include "config/ConfigLoader.h"
#include "config/StoreSync.h"
#include "oauth/TokenService.h"
#include "secrets/CredentialVault.h"
#include "secrets/MasterKeyProvider.h"
#include "store/CredentialRepository.h"
#include "store/ServerRepository.h"

#include <QDir>
#include <QTextStream>

#include <csignal>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace gatehouse::app {

namespace {

// The credentials whose secret is `{sealed: ...}`: unsealing them needs the master key.
QStringList sealedCredentials(store::Database &database)
{
    QStringList names;
    const auto credentials = store::CredentialRepository(database).list();
    if (!credentials)
        return names;
    for (const store::Credential &c : *credentials)
        if (c.secret && c.secret->kind == QLatin1String("sealed"))
            names << c.name;
    return names;
}

} // namespace

ServeCommand::ServeCommand(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{}

ServeCommand::~ServeCommand() = default;

Result<gateway::ListenOptions> ServeCommand::listenOptions(const config::GatewayConfig &gateway,
                                                           const QString &listenOverride)
{
    config::ListenAddress address = gateway.effectiveListen();
    if (!listenOverride.isEmpty()) {
        const auto parsed = config::ListenAddress::parse(listenOverride, true);
        if (!parsed)
            return Error(ErrorCode::InvalidArgument,
                         tr("--listen %1: expected ADDRESS:PORT, e.g. 127.0.0.1:8787 or [::1]:8787")
                             .arg(listenOverride));
        address = *parsed;
    }
    gateway::ListenOptions options;
    if (address.host == QLatin1String("localhost"))
        options.address = QHostAddress(QHostAddress::LocalHost);
    else if (!options.address.setAddress(address.host))
        return Error(ErrorCode::InvalidArgument,
                     tr("listen address %1 is not an IP address: use an address such as "
                        "127.0.0.1, 0.0.0.0 or ::1")
                         .arg(address.host));
    options.port = address.port;
    if (gateway.tls) {
        options.tlsCertificateFile = gateway.tls->cert.resolved;
        options.tlsKeyFile = gateway.tls->key.resolved;
    }
    options.authMode = gateway.effectiveAuthMode() == config::AuthMode::None
                           ? gateway::AuthMode::None
                           : gateway::AuthMode::OAuth;
    if (gateway.auth) {
        const config::AuthConfig &auth = *gateway.auth;
        oauth::AuthServerOptions &as = options.authServer;
        using Registration = oauth::AuthServerOptions::Registration;
        switch (auth.registration.value_or(config::Registration::Loopback)) {
        case config::Registration::Loopback:
            as.registration = Registration::Loopback;
            break;
        case config::Registration::Open:
            as.registration = Registration::Open;
            break;
        case config::Registration::Token:
            as.registration = Registration::Token;
            break;
        case config::Registration::Off:
            as.registration = Registration::Off;
            break;
        }
        as.registrationTokenHash = auth.registrationTokenHash.value_or(QString());
        const auto ttl = [](const std::optional<QString> &text, std::chrono::seconds fallback) {
            auto parsed = text ? oauth::TokenService::parseTtl(*text)
                               : Result<std::chrono::seconds>(fallback);
            return parsed ? *parsed : fallback;
        };
        as.accessTokenTtl = ttl(auth.accessTokenTtl, as.accessTokenTtl);
        as.refreshTokenTtl = ttl(auth.refreshTokenTtl, as.refreshTokenTtl);
        as.codeTtl = ttl(auth.codeTtl, as.codeTtl);
        as.clientMetadataDocuments = auth.clientMetadataDocuments.value_or(true);
        for (const QString &origin : auth.insecureTestDocumentOrigins.value_or(QStringList{}))
            as.insecureDocumentOrigins << QUrl(origin);
    }
    options.allowedHosts = gateway.allowedHosts.value_or(QStringList{});
    for (const QString &proxy : gateway.trustedProxies.value_or(QStringList{}))
        options.trustedProxies << QHostAddress(proxy);
    options.behindProxy = gateway.behindProxy.value_or(false);
    options.usageFlushInterval = gateway.effectiveUsageFlushInterval();
    options.auditRetention = gateway.effectiveAuditRetention();
    // An explicit --listen on another port makes the file's public_url wrong for this run, unless
    // a proxy in front owns the public address.
    if (gateway.publicUrl && (listenOverride.isEmpty() || options.behindProxy))
        options.publicUrl = *gateway.publicUrl;
    return options;
}

int ServeCommand::run(const Options &options)
{
    m_options = options;
#ifdef Q_OS_LINUX
    // The gateway holds the vault's keys and decrypted secrets: keep them out of core dumps
    // (and out of ptrace by other processes of the same user). GATEHOUSE_ALLOW_CORE_DUMPS=1
    // keeps dumps for debugging.
    if (qEnvironmentVariableIntValue("GATEHOUSE_ALLOW_CORE_DUMPS") != 1)
        ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
    config::Config config;
    if (!options.configFile.isEmpty()) {
        const config::LoadResult loaded = config::ConfigLoader().loadFile(options.configFile);
        for (const config::Diagnostic &d : loaded.diagnostics)
            m_err << (d.isError() ? QString() : tr("warning: ")) << d.toString() << '\n';
        if (!loaded.ok()) {
            m_err << tr("gatehouse: %1 has errors; the gateway was not started.")
                         .arg(options.configFile)
                  << '\n';
            return CommandLine::Usage;
        }
        config = *loaded.config;
    }
    QString dataDir = options.dataDir;
    if (dataDir.isEmpty() && config.gateway.dataDir)
        dataDir = config.gateway.dataDir->resolved;
    if (dataDir.isEmpty())
        dataDir = Workspace::defaultDataDir();
    auto workspace = Workspace::open(dataDir);
    if (!workspace) {
        m_err << "gatehouse: " << workspace.error().message() << '\n';
        return CommandLine::Failure;
    }
    m_workspace = std::move(*workspace);

    if (!options.configFile.isEmpty()) {
        config::StoreSync sync(m_workspace->database());
        const auto report = sync.apply(config, config::StoreSync::Mode::Mirror);
        if (!report) {
            m_err << "gatehouse: " << report.error().message() << '\n';
            return CommandLine::Failure;
        }
        for (const QString &warning : report->warnings)
            m_err << tr("warning: ") << warning << '\n';
        qCInfo(lcApp).noquote() << "applied" << options.configFile << ":" << report->summary();
    }

    const auto listen = listenOptions(config.gateway, options.listen);
    if (!listen) {
        m_err << "gatehouse: " << listen.error().message() << '\n';
        return CommandLine::Usage;
    }
    m_gateway = std::make_unique<gateway::Gateway>(&m_workspace->database());
    m_masterKey = config.gateway.masterKey;
    if (Status opened = openVault(); !opened) {
        m_err << "gatehouse: " << opened.error().message() << '\n';
        return CommandLine::Failure;
    }
    if (Status started = m_gateway->start(*listen); !started) {
        m_err << "gatehouse: " << started.error().message() << '\n';
        return CommandLine::Failure;
    }
    printEndpoints(*listen);

    UnixSignalWatcher signals({SIGTERM, SIGINT, SIGHUP});
    connect(&signals, &UnixSignalWatcher::received, this, &ServeCommand::onSignal);
    const int rc = QCoreApplication::exec();
    m_gateway.reset();   // stops the server and its threads
    m_workspace.reset(); // closes the database after every write has finished
    qCInfo(lcApp) << "stopped";
    return rc;
}

void ServeCommand::printEndpoints(const gateway::ListenOptions &listen)
{
    const QString base = m_gateway->baseUrl().toString();
    m_out << tr("Gatehouse is running on %1 (data: %2).").arg(base, m_workspace->dataDir()) << '\n';
    store::ServerRepository servers(m_workspace->database());
    const auto list = servers.list();
    if (list && !list->isEmpty()) {
        m_out << tr("MCP endpoints:") << '\n';
        for (const store::Server &server : *list)
            m_out << "  " << base << "/mcp/" << server.name << '\n';
        if (listen.authMode == gateway::AuthMode::None) {
            m_out << tr("Next: point an MCP client at an endpoint; gateway.auth.mode is none, so "
                        "no token is needed on this loopback address.")
                  << '\n';
        } else {
            // The command that mints a token this very gateway accepts.
            QString mint = QStringLiteral("gatehouse token mint --user NAME --server ") +
                           list->constFirst().name;
            if (m_workspace->dataDir() != QDir(Workspace::defaultDataDir()).absolutePath())
                mint += QStringLiteral(" --data ") + m_workspace->dataDir();
            if (base != QLatin1String("http://127.0.0.1:8787"))
                mint += QStringLiteral(" --public-url ") + base;
            m_out << tr("Next: give an MCP client a bearer token. %1 prints one (until the "
                        "gateway's OAuth sign-in arrives); the client sends it as "
                        "Authorization: Bearer TOKEN.")
                         .arg(mint)
                  << '\n';
        }
    } else {
        m_out << tr("MCP base URL: %1/mcp/{server}. No servers yet. Next: import a "
                    "configuration (gatehouse import FILE) or run gatehouse serve --config FILE.")
                     .arg(base)
              << '\n';
    }
    m_out.flush();
}

Status ServeCommand::reload()
{
    if (m_options.configFile.isEmpty()) {
        qCInfo(lcApp) << "SIGHUP: no --config given, nothing to reload";
        return {};
    }
    const config::LoadResult loaded = config::ConfigLoader().loadFile(m_options.configFile);
    for (const config::Diagnostic &d : loaded.diagnostics) {
        if (d.isError())
            qCWarning(lcConfig).noquote() << d.toString();
        else
            qCInfo(lcConfig).noquote() << "warning:" << d.toString();
    }
    if (!loaded.ok()) {
        qCWarning(lcApp).noquote() << "SIGHUP:" << m_options.configFile
                                   << "has errors; the running configuration is unchanged";
        return loaded.toResult().error();
    }
    config::StoreSync sync(m_workspace->database());
    const auto report = sync.apply(*loaded.config, config::StoreSync::Mode::Mirror);
    if (!report) {
        qCWarning(lcApp).noquote()
            << "SIGHUP: cannot apply" << m_options.configFile << ":" << report.error().message();
        return report.error();
    }
    for (const QString &warning : report->warnings)
        qCInfo(lcConfig).noquote() << "warning:" << warning;
    qCInfo(lcApp).noquote() << "SIGHUP: applied" << m_options.configFile << ":"
                            << report->summary();
    return {};
}

Status ServeCommand::openVault()
{
    if (m_vaultOpen)
        return {};
    const auto provider = secrets::CredentialVault::provider(m_masterKey);
    auto vault = secrets::CredentialVault::openExisting(m_workspace->database(), *provider);
    if (!vault)
        return vault.error().withContext(tr("the credential vault"));
    if (!*vault) {
        // No secret imported here, but sealed ones in the configuration need the master key too.
        const QStringList sealed = sealedCredentials(m_workspace->database());
        if (sealed.isEmpty())
            return {};
        auto unsealing =
            secrets::CredentialVault::forSealedSecrets(m_workspace->database(), *provider);
        if (!unsealing) {
            // The gateway serves the rest: these credentials' tools answer with a tool error.
            qCWarning(lcApp).noquote()
                << tr("the tools that need %1 answer with an error until the key that unseals "
                      "them is installed: %2")
                       .arg(sealed.join(QStringLiteral(", ")), unsealing.error().message());
            return {};
        }
        vault = std::move(unsealing);
    }
    qCInfo(lcApp).noquote() << "opened the credential vault with master key" << (*vault)->keyId()
                            << "from" << provider->describe();
    m_gateway->setCredentialVault(std::move(vault).value());
    m_vaultOpen = true;
    return {};
}

void ServeCommand::onSignal(int signal)
{
    if (signal == SIGHUP) {
        [[maybe_unused]] const Status reloaded = reload();
        // A secret imported after the start, or sealed secrets the reloaded file brought, bring
        // the vault into use.
        if (!m_vaultOpen) {
            if (Status opened = openVault(); !opened)
                qCWarning(lcApp).noquote() << "SIGHUP:" << opened.error().message();
            else if (m_vaultOpen) [[maybe_unused]]
                const Status servers = m_gateway->reloadServers();
        }
        return;
    }
    qCInfo(lcApp) << "signal" << signal << "received: stopping";
    QCoreApplication::quit();
}

} // namespace gatehouse::app
