#pragma once

#include "Result.h"
#include "config/Config.h"
#include "gateway/Gateway.h"

#include <QCoreApplication>
#include <QObject>

#include <memory>

class QTextStream;

namespace gatehouse::app {

class Workspace;

// `gatehouse serve`: opens the store, applies --config (at start and on SIGHUP), runs the gateway
// until SIGTERM or SIGINT, then stops it and closes the store.
class ServeCommand : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString configFile;
        QString dataDir;
        QString listen;
    };

    ServeCommand(QTextStream &out, QTextStream &err);
    ~ServeCommand() override;

    int run(const Options &options);

    // Listen options from --listen (wins) or the config's gateway section.
    static Result<gateway::ListenOptions> listenOptions(const config::GatewayConfig &gateway,
                                                        const QString &listenOverride);

private:
    void onSignal(int signal);
    Status reload();
    // Opens the credential vault once the store holds a secret or the configuration a sealed one
    // (at start, else on SIGHUP). A sealed secret whose key cannot be read is only warned about.
    Status openVault();
    void printEndpoints(const gateway::ListenOptions &listen);

    QTextStream &m_out;
    QTextStream &m_err;
    Options m_options;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::optional<config::MasterKeyConfig> m_masterKey;
    bool m_vaultOpen = false;
};

} // namespace gatehouse::app
