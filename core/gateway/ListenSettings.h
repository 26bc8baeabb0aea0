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
    // With Reach::AllInterfaces: the host name or address clients are given (the public URL,
    // so the OAuth issuer and the tokens' audience). Empty: defaultAdvertisedHost() at start.
    QString advertisedHost;
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

    struct LanInterface
    {
        QString name; // "eth0", "docker0", ...
        QHostAddress address;
        bool pointToPoint = false; // a VPN or dial-up link
    };
    // The addresses of this computer's interfaces that are up, without loopback and link-local
    // ones (RFC 3927, RFC 4291 2.5.6: not routable, so no client elsewhere reaches them).
    static QList<LanInterface> lanInterfaces();
    static QList<QHostAddress> lanAddresses();
    static QList<QHostAddress> lanAddresses(const QList<LanInterface> &interfaces);
    // Bridges and virtual links of containers and virtual machines (docker*, veth*, br-*,
    // virbr*): clients on the LAN cannot reach their addresses.
    static bool isVirtualInterface(const QString &name);
    // The address clients on the LAN most likely reach: the first IPv4, else IPv6, address of
    // an interface that is neither virtual nor point-to-point; empty when there is none.
    static QString defaultAdvertisedHost(const QList<LanInterface> &interfaces);
    // The host the public URL names: the interface's address, the chosen advertised host or the
    // default; empty on loopback.
    QString effectiveAdvertisedHost() const;
    // Empty, or why clients may fail to reach the advertised host: it is an address none of
    // `present` (the computer's interfaces now) has, e.g. a DHCP lease that changed, or there
    // is no host to advertise at all.
    QString advertisedHostProblem(const QList<LanInterface> &present) const;
    // The host names and addresses a certificate for these settings names.
    QStringList certificateHostNames() const;
    QList<QHostAddress> certificateAddresses() const;

    friend bool operator==(const ListenSettings &, const ListenSettings &) = default;
};

} // namespace gatehouse::gateway
