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
    // Clients need an address they can reach in the URL they are given, not 0.0.0.0.
    QHostAddress advertised = reach == Reach::Interface ? interfaceAddress : QHostAddress();
    if (advertised.isNull()) {
        const QList<QHostAddress> lan = lanAddresses();
        for (const QHostAddress &a : lan)
            if (a.protocol() == QAbstractSocket::IPv4Protocol) {
                advertised = a;
                break;
            }
        if (advertised.isNull() && !lan.isEmpty())
            advertised = lan.first();
    }
    if (!advertised.isNull() && port != 0) {
        QUrl url;
        url.setScheme(tls() ? QStringLiteral("https") : QStringLiteral("http"));
        url.setHost(advertised.toString());
        url.setPort(port);
        options.publicUrl = url;
    }
    // RFC 9110 7.2: clients may name this computer by any of its addresses or its host name.
    options.allowedHosts = certificateHostNames();
    for (const QHostAddress &a : certificateAddresses())
        options.allowedHosts << a.toString();
    return options;
}

QList<QHostAddress> ListenSettings::lanAddresses()
{
    QList<QHostAddress> addresses;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        if (!interface.flags().testFlag(QNetworkInterface::IsUp) ||
            interface.flags().testFlag(QNetworkInterface::IsLoopBack))
            continue;
        const QList<QNetworkAddressEntry> entries = interface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            QHostAddress ip = entry.ip();
            if (ip.isLoopback() || ip.isNull())
                continue;
            ip.setScopeId(QString());
            if (!addresses.contains(ip))
                addresses << ip;
        }
    }
    return addresses;
}

QStringList ListenSettings::certificateHostNames() const
{
    QStringList names;
    const QString host = QHostInfo::localHostName();
    if (!host.isEmpty())
        names << host;
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
    return addresses;
}

} // namespace gatehouse::gateway
