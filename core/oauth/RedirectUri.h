#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gatehouse::oauth {

// Redirect URIs: which a client may register, and whether a requested one is a registered one.
class RedirectUri
{
    Q_DECLARE_TR_FUNCTIONS(RedirectUri)

public:
    static constexpr qsizetype maxLength = 2000;

    // For registration (RFC 7591 section 2, OAuth 2.1 section 2.3.1, RFC 8252): https; http only
    // to a loopback host (127.0.0.1, [::1], localhost); or a private-use scheme with a dot
    // (com.example.app:/callback). Never javascript:, data:, file: and the like, a fragment, a
    // wildcard, user information, or relative references.
    static Status checkRegistrable(const QString &uri);

    // Exact string comparison (OAuth 2.1 section 4.1.3), except that on a loopback http URI the
    // port may differ (RFC 8252 section 7.3): native apps listen on an ephemeral port.
    static bool matches(const QString &registered, const QString &requested);
    static bool matchesAny(const QStringList &registered, const QString &requested);

    // What consent is remembered under: the URI without its port when it is a loopback one, so
    // a native app on a new ephemeral port is not asked again.
    static QString consentKey(const QString &uri);

    // The host a person sees on the consent page (or the scheme, for an app's private scheme).
    static QString displayHost(const QString &uri);
};

} // namespace gatehouse::oauth
