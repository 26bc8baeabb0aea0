#include "ListenSettings.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QSaveFile>

namespace gatehouse::gateway {

namespace {

QString reachName(ListenSettings::Reach reach)
{
    switch (reach) {
    case ListenSettings::Reach::AllInterfaces:
        return QStringLiteral("all");
    case ListenSettings::Reach::Interface:
        return QStringLiteral("interface");
    case ListenSettings::Reach::Loopback:
        break;
    }
    return QStringLiteral("loopback");
}

} // namespace

Result<ListenSettings> ListenSettings::load(const QString &dataDir)
{
    const QString path = QDir(dataDir).filePath(fileName());
    QFile file(path);
    if (!file.exists())
        return ListenSettings{};
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, tr("cannot read the gateway settings %1 (%2): check its "
                                       "permissions; until then the gateway listens on 127.0.0.1")
                                        .arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Error(ErrorCode::Parse,
                     tr("the gateway settings %1 are not a JSON object (%2): save them again on "
                        "the Gateway page, or delete the file to listen on 127.0.0.1")
                         .arg(path, parseError.errorString()));
    const QJsonObject object = document.object();
    ListenSettings settings;
    const QString reach = object.value(QStringLiteral("reach")).toString();
    if (reach == QLatin1String("all"))
        settings.reach = Reach::AllInterfaces;
    else if (reach == QLatin1String("interface"))
        settings.reach = Reach::Interface;
    settings.interfaceAddress = QHostAddress(object.value(QStringLiteral("address")).toString());
    if (settings.reach == Reach::AllInterfaces)
        settings.advertisedHost = object.value(QStringLiteral("advertised_host")).toString();
    const int port = object.value(QStringLiteral("port")).toInt(8787);
    if (port < 0 || port > 65535)
        return Error(ErrorCode::Validation,
                     tr("the gateway settings %1 name port %2, which is not a port (0 to 65535): "
                        "choose another one on the Gateway page")
                         .arg(path)
                         .arg(port));
    settings.port = quint16(port);
    settings.certificateFile = object.value(QStringLiteral("tls_certificate")).toString();
    settings.keyFile = object.value(QStringLiteral("tls_key")).toString();
    return settings;
}

Status ListenSettings::save(const QString &dataDir) const
{
    QJsonObject object;
    object.insert(QStringLiteral("reach"), reachName(reach));
    if (reach == Reach::Interface)
        object.insert(QStringLiteral("address"), interfaceAddress.toString());
    if (reach == Reach::AllInterfaces && !advertisedHost.isEmpty())
        object.insert(QStringLiteral("advertised_host"), advertisedHost);
    object.insert(QStringLiteral("port"), int(port));
    object.insert(QStringLiteral("tls_certificate"), certificateFile);
    object.insert(QStringLiteral("tls_key"), keyFile);

    const QString path = QDir(dataDir).filePath(fileName());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0 ||
        !file.commit())
        return Error(ErrorCode::Io,
                     tr("cannot save the gateway settings to %1 (%2): check that the data folder "
                        "exists and that you can write it")
                         .arg(path, file.errorString()));
    return {};
}

Status ListenSettings::validate() const
{
    if (certificateFile.isEmpty() != keyFile.isEmpty())
        return Error(ErrorCode::Validation,
                     tr("TLS needs both a certificate and its private key: choose both files, or "
                        "generate a certificate"));
    if (onLan() && !tls())
        return Error(ErrorCode::Validation,
                     tr("listening on the LAN needs TLS, because sign-in tokens would otherwise "
                        "cross the network readable by anyone on it: generate a certificate or "
                        "choose one"));
    if (reach == Reach::Interface && (interfaceAddress.isNull() || interfaceAddress.isLoopback()))
        return Error(ErrorCode::Validation,
                     tr("choose the address of the network interface to listen on"));
    return {};
}

ListenOptions ListenSettings::listenOptions() const
{
    ListenOptions options;
    options.port = port;
    options.tlsCertificateFile = tls() ? certificateFile : QString();
    options.tlsKeyFile = tls() ? keyFile : QString();
    switch (reach) {
    case Reach::Loopback:
        options.address = QHostAddress::LocalHost;
        return options;
    case Reach::Interface:
        options.address = interfaceAddress;
        break;
    case Reach::AllInterfaces:
        options.address = QHostAddress::Any;
        break;
    }
    // Clients need a host they can reach in the URL they are given, not 0.0.0.0.
    const QString advertised = effectiveAdvertisedHost();
    if (!advertised.isEmpty() && port != 0) {
        QUrl url;
        url.setScheme(tls() ? QStringLiteral("https") : QStringLiteral("http"));
        url.setHost(advertised);
        url.setPort(port);
        options.publicUrl = url;
    }
    // RFC 9110 7.2: clients may name this computer by any of its addresses or its host name.
    options.allowedHosts = certificateHostNames();
    for (const QHostAddress &a : certificateAddresses())
        options.allowedHosts << a.toString();
    return options;
}

QList<ListenSettings::LanInterface> ListenSettings::lanInterfaces()
{
    QList<LanInterface> result;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) ||
            flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        const QList<QNetworkAddressEntry> entries = interface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            QHostAddress ip = entry.ip();
            if (ip.isNull() || ip.isLoopback() || ip.isLinkLocal())
                continue;
            ip.setScopeId(QString());
            result << LanInterface{interface.name(), ip,
                                   flags.testFlag(QNetworkInterface::IsPointToPoint)};
        }
    }
    return result;
}

QList<QHostAddress> ListenSettings::lanAddresses()
{
    return lanAddresses(lanInterfaces());
}

QList<QHostAddress> ListenSettings::lanAddresses(const QList<LanInterface> &interfaces)
{
    QList<QHostAddress> addresses;
    for (const LanInterface &interface : interfaces)
        if (!addresses.contains(interface.address))
            addresses << interface.address;
    return addresses;
}

bool ListenSettings::isVirtualInterface(const QString &name)
{
    for (const char *prefix : {"docker", "veth", "br-", "virbr"})
        if (name.startsWith(QLatin1String(prefix)))
            return true;
    return false;
}

QString ListenSettings::defaultAdvertisedHost(const QList<LanInterface> &interfaces)
{
    for (const auto protocol : {QAbstractSocket::IPv4Protocol, QAbstractSocket::IPv6Protocol})
        for (const LanInterface &interface : interfaces)
            if (!interface.pointToPoint && !isVirtualInterface(interface.name) &&
                interface.address.protocol() == protocol && !interface.address.isLinkLocal() &&
                !interface.address.isLoopback())
                return interface.address.toString();
    return {};
}

QString ListenSettings::effectiveAdvertisedHost() const
{
    switch (reach) {
    case Reach::Loopback:
        return {};
    case Reach::Interface:
        return interfaceAddress.isNull() ? QString() : interfaceAddress.toString();
    case Reach::AllInterfaces:
        break;
    }
    return advertisedHost.isEmpty() ? defaultAdvertisedHost(lanInterfaces()) : advertisedHost;
}

QString ListenSettings::advertisedHostProblem(const QList<LanInterface> &present) const
{
    if (reach == Reach::Loopback)
        return {};
    const QString host = reach == Reach::Interface ? interfaceAddress.toString() : advertisedHost;
    if (reach == Reach::AllInterfaces && host.isEmpty() && defaultAdvertisedHost(present).isEmpty())
        return tr("this computer has no network address that clients on the LAN can reach: "
                  "connect it to the network, or listen on this computer only");
    const QHostAddress address(host);
    if (host.isEmpty() || address.isNull() || lanAddresses(present).contains(address))
        return {};
    return tr("clients are given the address %1, which this computer no longer has (a new "
              "network, or a DHCP lease that changed): their sign-ins fail until you choose the "
              "host name or a current address and apply")
        .arg(host);
}

QStringList ListenSettings::certificateHostNames() const
{
    QStringList names;
    const QString host = QHostInfo::localHostName();
    if (!host.isEmpty())
        names << host;
    if (reach == Reach::AllInterfaces && !advertisedHost.isEmpty() &&
        QHostAddress(advertisedHost).isNull() && !names.contains(advertisedHost))
        names << advertisedHost;
    names << QStringLiteral("localhost");
    return names;
}

QList<QHostAddress> ListenSettings::certificateAddresses() const
{
    QList<QHostAddress> addresses = {QHostAddress(QHostAddress::LocalHost)};
    if (reach == Reach::Interface && !interfaceAddress.isNull())
        addresses << interfaceAddress;
    else
        addresses << lanAddresses();
    if (reach == Reach::AllInterfaces && !QHostAddress(advertisedHost).isNull() &&
        !addresses.contains(QHostAddress(advertisedHost)))
        addresses << QHostAddress(advertisedHost);
    return addresses;
}

} // namespace gatehouse::gateway
