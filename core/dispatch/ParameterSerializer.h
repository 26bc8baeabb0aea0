#pragma once

#include "openapi/Spec.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace gatehouse::dispatch {

// Parameter values serialised as OAS 3.1.1 §4.8.12.4 describes (RFC 6570 styles), percent-
// encoded per RFC 3986. Objects serialise in key order (nlohmann::json keeps members sorted).
// Callers leave out undefined values first (RFC 6570 §2.3: null, an empty array or object).
class ParameterSerializer
{
public:
    enum class Encoding
    {
        Unreserved, // everything but RFC 3986 §2.3 unreserved characters is encoded
        Reserved,   // allowReserved: reserved characters and %XX triples pass, except the ones
                    // a query string or form body cannot carry unencoded (# [ ] & +)
        Cookie,     // everything outside RFC 6265 §4.1.1 cookie-octet, and '%', is encoded
    };

    static QByteArray percentEncode(QByteArrayView utf8, Encoding encoding = Encoding::Unreserved);
    static QByteArray percentDecode(QByteArrayView encoded);

    // Strings as they are, numbers and booleans as JSON writes them, null as empty, objects and
    // arrays as compact JSON.
    static QByteArray scalarText(const nlohmann::json &value);
    static bool isUndefined(const nlohmann::json &value);

    // What replaces {name} in a path: simple, label or matrix style.
    static QByteArray pathValue(const QString &name, openapi::ParameterStyle style, bool explode,
                                const nlohmann::json &value);
    // Encoded "name=value" pairs for a query string or a form body: form, spaceDelimited,
    // pipeDelimited or deepObject style.
    static QList<QByteArray> queryPairs(const QString &name, openapi::ParameterStyle style,
                                        bool explode, bool allowReserved,
                                        const nlohmann::json &value);
    // A header value in simple style; not encoded (the caller checks it is safe to send).
    static QByteArray headerValue(bool explode, const nlohmann::json &value);
    // "name=value" cookie pairs in form style (OAS 3.1.1 Appendix D).
    static QList<QByteArray> cookiePairs(const QString &name, bool explode,
                                         const nlohmann::json &value);

    // RFC 9110 §5.5 field-value: no control characters but horizontal tab (so no CR, LF, NUL).
    // Names are checked with http::isToken.
    static bool isFieldValue(QByteArrayView text);
    static bool isCookieValue(QByteArrayView text); // RFC 6265 §4.1.1 cookie-octet*
};

} // namespace gatehouse::dispatch
