#pragma once

#include "Result.h"
#include "gateway/Gateway.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace gatehouse::gateway {

// Where the desktop application's gateway listens: loopback, or the LAN (every interface or one
// interface's address) with TLS. Kept in the data directory's gateway-settings.json rather than
// in the store: the address and the certificate's path belong to this machine, while the store's
// content is what `gatehouse export` carries to a server (and may be a shared PostgreSQL).
struct ListenSettings
{
    Q_DECLARE_TR_FUNCTIONS(ListenSettings)

public:
    enum class Reach
    {
        Loopback,      // 127.0.0.1: only programs on this computer
        AllInterfaces, // every address of this computer, TLS required
        Interface,     // one address of this computer, TLS required
    };

    Reach reach = Reach::Loopback;
    QHostAddress interfaceAddress; // with Reach::Interface
    quint16 port = 8787;
    QString certificateFile; // PEM; both or neither
    QString keyFile;

    static QString fileName() { return QStringLiteral("gateway-settings.json"); }

    // The defaults when the file does not exist; an error when it cannot be read or parsed.
    static Result<ListenSettings> load(const QString &dataDir);
    // Atomic: a crash leaves the old settings or the new ones.
    Status save(const QString &dataDir) const;

    bool tls() const { return !certificateFile.isEmpty() && !keyFile.isEmpty(); }
    bool onLan() const { return reach != Reach::Loopback; }
    // Refuses the LAN without TLS, an interface address that is not given, and half a TLS pair.
    Status validate() const;

    // What the gateway starts with: the address, port and TLS files, and for the LAN a public
    // URL naming an address clients can reach (not 0.0.0.0) and the host names they may use.
    ListenOptions listenOptions() const;

    // The non-loopback addresses of this computer's interfaces that are up.
    static QList<QHostAddress> lanAddresses();
    // The host names and addresses a certificate for these settings names.
    QStringList certificateHostNames() const;
    QList<QHostAddress> certificateAddresses() const;

    friend bool operator==(const ListenSettings &, const ListenSettings &) = default;
};

} // namespace gatehouse::gateway
