#include "RedirectUri.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gatehouse::oauth {

namespace {

struct Loopback
{
    QStringView host;
    QStringView rest; // path, query
};

const QStringList loopbackHosts = {u"127.0.0.1"_s, u"[::1]"_s, u"localhost"_s};

// http://HOST[:PORT]REST with HOST one of the loopback names exactly as written (lowercase, no
// leading zeros): what RFC 8252 section 7.3 lets vary only in its port.
std::optional<Loopback> loopback(QStringView uri)
{
    if (!uri.startsWith(u"http://"))
        return std::nullopt;
    const QStringView afterScheme = uri.sliced(7);
    for (const QString &host : loopbackHosts) {
        if (!afterScheme.startsWith(host))
            continue;
        QStringView rest = afterScheme.sliced(host.size());
        if (rest.startsWith(u':')) {
            qsizetype digits = 1;
            while (digits < rest.size() && rest[digits].isDigit() && rest[digits].unicode() < 0x80)
                ++digits;
            if (digits == 1 || digits > 6)
                return std::nullopt;
            rest = rest.sliced(digits);
        }
        if (!rest.isEmpty() && !rest.startsWith(u'/') && !rest.startsWith(u'?'))
            return std::nullopt;
        return Loopback{QStringView(host), rest};
    }
    return std::nullopt;
}

} // namespace

Status RedirectUri::checkRegistrable(const QString &uri)
{
    const auto refuse = [&](const QString &why) {
        return Error(ErrorCode::Validation,
                     tr("the redirect URI %1 is refused: %2").arg(uri.left(200), why));
    };
    if (uri.isEmpty())
        return refuse(tr("it is empty"));
    if (uri.size() > maxLength)
        return refuse(tr("it is longer than %1 characters").arg(maxLength));
    for (QChar c : uri) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f || c.unicode() > 0x7e)
            return refuse(tr("it holds spaces, control or non-ASCII characters; percent-encode "
                             "them"));
    }
    if (uri.contains(u'#'))
        return refuse(tr("a redirect URI must not have a fragment (OAuth 2.1 section 2.3.1)"));
    if (uri.contains(u'*'))
        return refuse(tr("wildcards are not allowed: register each redirect URI in full"));
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.isRelative())
        return refuse(tr("it is not an absolute URI"));
    if (!url.userInfo().isEmpty())
        return refuse(tr("it must not carry user information (user@host)"));
    // The authorization response adds these; a URI that already has them would carry two.
    const QUrlQuery query(url);
    for (const QString &reserved :
         {u"code"_s, u"state"_s, u"iss"_s, u"error"_s, u"error_description"_s}) {
        if (query.hasQueryItem(reserved))
            return refuse(tr("its query already has %1, which the authorization response adds")
                              .arg(reserved));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https"_s) {
        if (url.host().isEmpty())
            return refuse(tr("it has no host"));
        return {};
    }
    if (scheme == u"http"_s) {
        if (loopback(uri))
            return {};
        return refuse(tr("plain http is only allowed to a loopback address (http://127.0.0.1, "
                         "http://[::1] or http://localhost); use https"));
    }
    // RFC 8252 section 7.1: private-use schemes are reverse domain names, so they hold a dot;
    // javascript:, data:, vbscript:, file: and their kind do not.
    if (!scheme.contains(u'.'))
        return refuse(tr("the scheme %1: is not allowed; use https, a loopback http address, or "
                         "an app's reverse-domain scheme such as com.example.app:/callback")
                          .arg(scheme));
    return {};
}

bool RedirectUri::matches(const QString &registered, const QString &requested)
{
    if (registered == requested)
        return true;
    const auto a = loopback(registered);
    const auto b = loopback(requested);
    return a && b && a->host == b->host && a->rest == b->rest;
}

bool RedirectUri::matchesAny(const QStringList &registered, const QString &requested)
{
    return std::any_of(registered.cbegin(), registered.cend(),
                       [&](const QString &r) { return matches(r, requested); });
}

QString RedirectUri::consentKey(const QString &uri)
{
    const auto parts = loopback(uri);
    return parts ? u"http://"_s + parts->host + parts->rest : uri;
}

QString RedirectUri::displayHost(const QString &uri)
{
    const QUrl url(uri);
    if (!url.host().isEmpty())
        return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
    return url.scheme() + u':';
}

} // namespace gatehouse::oauth
