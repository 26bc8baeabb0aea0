#include "Config.h"

#include "http/Headers.h"

#include <QHostAddress>
#include <QRegularExpression>

#include <array>
#include <utility>

namespace gatehouse::config {

namespace {

template <typename E>
struct Names;

template <>
struct Names<AuthMode>
{
    static constexpr std::array<std::pair<AuthMode, const char16_t *>, 2> table{{
        {AuthMode::OAuth, u"oauth"},
        {AuthMode::None, u"none"},
    }};
};
template <>
struct Names<Registration>
{
    static constexpr std::array<std::pair<Registration, const char16_t *>, 4> table{{
        {Registration::Loopback, u"loopback"},
        {Registration::Open, u"open"},
        {Registration::Token, u"token"},
        {Registration::Off, u"off"},
    }};
};

template <>
struct Names<Discovery>
{
    static constexpr std::array<std::pair<Discovery, const char16_t *>, 3> table{{
        {Discovery::Flat, u"flat"},
        {Discovery::Hierarchical, u"hierarchical"},
        {Discovery::Search, u"search"},
    }};
};
template <>
struct Names<Action>
{
    static constexpr std::array<std::pair<Action, const char16_t *>, 4> table{{
        {Action::Read, u"read"},
        {Action::Create, u"create"},
        {Action::Update, u"update"},
        {Action::Delete, u"delete"},
    }};
};
template <>
struct Names<CredentialType>
{
    static constexpr std::array<std::pair<CredentialType, const char16_t *>, 5> table{{
        {CredentialType::ApiKey, u"api_key"},
        {CredentialType::Bearer, u"bearer"},
        {CredentialType::Basic, u"basic"},
        {CredentialType::OAuth2ClientCredentials, u"oauth2_client_credentials"},
        {CredentialType::OAuth2RefreshToken, u"oauth2_refresh_token"},
    }};
};
template <>
struct Names<ParamLocation>
{
    static constexpr std::array<std::pair<ParamLocation, const char16_t *>, 3> table{{
        {ParamLocation::Header, u"header"},
        {ParamLocation::Query, u"query"},
        {ParamLocation::Cookie, u"cookie"},
    }};
};
template <>
struct Names<SecretSource>
{
    static constexpr std::array<std::pair<SecretSource, const char16_t *>, 4> table{{
        {SecretSource::Keychain, u"keychain"},
        {SecretSource::Env, u"env"},
        {SecretSource::File, u"file"},
        {SecretSource::Sealed, u"sealed"},
    }};
};
template <>
struct Names<MasterKeySource>
{
    static constexpr std::array<std::pair<MasterKeySource, const char16_t *>, 4> table{{
        {MasterKeySource::Keychain, u"keychain"},
        {MasterKeySource::File, u"file"},
        {MasterKeySource::Systemd, u"systemd"},
        {MasterKeySource::Env, u"env"},
    }};
};
template <>
struct Names<RuleEffect>
{
    static constexpr std::array<std::pair<RuleEffect, const char16_t *>, 3> table{{
        {RuleEffect::Actions, u"actions"},
        {RuleEffect::Allow, u"allow"},
        {RuleEffect::Deny, u"deny"},
    }};
};

} // namespace

namespace names {

template <typename E>
QString toString(E value)
{
    for (const auto &[v, name] : Names<E>::table) {
        if (v == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template <typename E>
std::optional<E> fromString(QStringView text)
{
    for (const auto &[v, name] : Names<E>::table) {
        if (text == QStringView(name))
            return v;
    }
    return std::nullopt;
}

template <typename E>
QStringList enumNames()
{
    QStringList out;
    for (const auto &entry : Names<E>::table)
        out.append(QString::fromUtf16(entry.second));
    return out;
}

#define GATEHOUSE_CONFIG_ENUM(E)                                                                   \
    template QString toString<E>(E);                                                               \
    template std::optional<E> fromString<E>(QStringView);                                          \
    template QStringList enumNames<E>();
GATEHOUSE_CONFIG_ENUM(AuthMode)
GATEHOUSE_CONFIG_ENUM(Registration)
GATEHOUSE_CONFIG_ENUM(Discovery)
GATEHOUSE_CONFIG_ENUM(Action)
GATEHOUSE_CONFIG_ENUM(CredentialType)
GATEHOUSE_CONFIG_ENUM(ParamLocation)
GATEHOUSE_CONFIG_ENUM(SecretSource)
GATEHOUSE_CONFIG_ENUM(MasterKeySource)
GATEHOUSE_CONFIG_ENUM(RuleEffect)
#undef GATEHOUSE_CONFIG_ENUM

} // namespace names

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") &&
           !url.host().isEmpty();
}

bool isHeaderName(QStringView name)
{
    const QByteArray latin1 = name.toLatin1();
    // toLatin1() turns what Latin-1 lacks into '?', which is no tchar either
    return !name.isEmpty() && http::isToken(latin1);
}

bool isReservedIdentityHeader(QStringView name)
{
    // Credentials and cookies (RFC 9110 §11.6.2, RFC 6265), what frames or routes the message
    // (RFC 9110 §7.2, §7.6, RFC 9112 §6-7) and what types its content (RFC 9110 §8.3, §12.5.1).
    static constexpr std::u16string_view reserved[] = {
        u"authorization",
        u"cookie",
        u"host",
        u"content-length",
        u"transfer-encoding",
        u"connection",
        u"keep-alive",
        u"upgrade",
        u"te",
        u"trailer",
        u"expect",
        u"content-type",
        u"accept",
    };
    for (const std::u16string_view r : reserved)
        if (name.compare(QStringView(r.data(), qsizetype(r.size())), Qt::CaseInsensitive) == 0)
            return true;
    return name.startsWith(u"proxy-", Qt::CaseInsensitive);
}

std::optional<ListenAddress> ListenAddress::parse(QStringView text, bool allowAnyPort)
{
    QStringView host;
    QStringView port;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0 || text.mid(close + 1, 1) != u":")
            return std::nullopt;
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
        QHostAddress address;
        if (!address.setAddress(host.toString()) ||
            address.protocol() != QAbstractSocket::IPv6Protocol)
            return std::nullopt;
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon <= 0)
            return std::nullopt;
        host = text.left(colon);
        port = text.mid(colon + 1);
        static const QRegularExpression hostName(
            QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$"));
        if (host.contains(u':') || !hostName.match(host).hasMatch())
            return std::nullopt;
    }
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
    if (!digits.match(port).hasMatch())
        return std::nullopt;
    const int number = port.toInt();
    if (number < (allowAnyPort ? 0 : 1) || number > 65535)
        return std::nullopt;
    return ListenAddress{host.toString(), quint16(number)};
}

QString ListenAddress::toString() const
{
    const QString p = QString::number(port);
    if (host.contains(u':'))
        return u'[' + host + QStringLiteral("]:") + p;
    return host + u':' + p;
}

bool ListenAddress::isLoopback() const
{
    return isLoopbackHost(host);
}

namespace {
// "250ms", "90s", "10m", "12h", "30d": a whole number and a unit.
std::optional<std::chrono::milliseconds> duration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,9})(ms|s|m|h|d)$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 n = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    const qint64 factor = unit == u"ms"  ? 1
                          : unit == u"s" ? 1000
                          : unit == u"m" ? 60'000
                          : unit == u"h" ? 3'600'000
                                         : 86'400'000;
    return std::chrono::milliseconds(n * factor);
}
} // namespace

std::optional<std::chrono::seconds> GatewayConfig::auditRetentionOf(const QString &text)
{
    if (text.trimmed() == u"forever")
        return std::chrono::seconds(0);
    const auto d = duration(text);
    if (!d || *d < std::chrono::hours(1) || *d > std::chrono::days(100 * 365))
        return std::nullopt;
    return std::chrono::duration_cast<std::chrono::seconds>(*d);
}

std::optional<std::chrono::milliseconds> GatewayConfig::flushIntervalOf(const QString &text)
{
    const auto d = duration(text);
    if (!d || *d < std::chrono::milliseconds(10) || *d > std::chrono::seconds(10))
        return std::nullopt;
    return *d;
}

std::chrono::seconds GatewayConfig::effectiveAuditRetention() const
{
    const auto parsed = auditRetention ? auditRetentionOf(*auditRetention) : std::nullopt;
    return parsed.value_or(std::chrono::days(90));
}

std::chrono::milliseconds GatewayConfig::effectiveUsageFlushInterval() const
{
    const auto parsed = usageFlushInterval ? flushIntervalOf(*usageFlushInterval) : std::nullopt;
    return parsed.value_or(std::chrono::milliseconds(100));
}

ListenAddress GatewayConfig::effectiveListen() const
{
    return listen.value_or(ListenAddress{QStringLiteral("127.0.0.1"), kDefaultPort});
}

AuthMode GatewayConfig::effectiveAuthMode() const
{
    return auth && auth->mode ? *auth->mode : AuthMode::OAuth;
}

std::optional<Target> Target::parse(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    const qsizetype dot = text.indexOf(u'.');
    qsizetype split = -1;
    TargetKind kind = TargetKind::Resource;
    if (slash >= 0 && (dot < 0 || slash < dot)) {
        split = slash;
    } else if (dot >= 0) {
        split = dot;
        kind = TargetKind::Tool;
    }
    if (split <= 0 || split == text.size() - 1)
        return std::nullopt;
    return Target{kind, text.left(split).toString(), text.mid(split + 1).toString()};
}

QString Target::toString() const
{
    return server + (kind == TargetKind::Resource ? u'/' : u'.') + name;
}

} // namespace gatehouse::config
