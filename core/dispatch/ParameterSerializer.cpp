#include "ParameterSerializer.h"

namespace gatehouse::dispatch {

using nlohmann::json;
using openapi::ParameterStyle;

namespace {

bool isUnreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

bool isReserved(unsigned char c) // RFC 3986 §2.2 gen-delims and sub-delims
{
    switch (c) {
    case ':':
    case '/':
    case '?':
    case '#':
    case '[':
    case ']':
    case '@':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
        return true;
    default:
        return false;
    }
}

bool isCookieOctet(unsigned char c)
{
    return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
           (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

QByteArray join(const QList<QByteArray> &items, QByteArrayView separator)
{
    QByteArray out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out.append(separator);
        out.append(items.at(i));
    }
    return out;
}

using Encoding = ParameterSerializer::Encoding;

QByteArray encodeValue(const json &value, Encoding encoding)
{
    return ParameterSerializer::percentEncode(ParameterSerializer::scalarText(value), encoding);
}

QByteArray encodeKey(const std::string &key)
{
    return ParameterSerializer::percentEncode(QByteArrayView(key.data(), qsizetype(key.size())));
}

// Array members, each encoded; nested arrays and objects become compact JSON (RFC 6570 has no
// nesting).
QList<QByteArray> encodedItems(const json &array, Encoding encoding)
{
    QList<QByteArray> items;
    items.reserve(qsizetype(array.size()));
    for (const json &item : array)
        items.append(encodeValue(item, encoding));
    return items;
}

// Object members as (encoded key, encoded value) pairs, in key order.
QList<std::pair<QByteArray, QByteArray>> encodedMembers(const json &object, Encoding encoding)
{
    QList<std::pair<QByteArray, QByteArray>> members;
    members.reserve(qsizetype(object.size()));
    for (auto it = object.begin(); it != object.end(); ++it)
        members.append({encodeKey(it.key()), encodeValue(it.value(), encoding)});
    return members;
}

QList<QByteArray> memberTexts(const json &object, Encoding encoding, bool explode)
{
    QList<QByteArray> out;
    for (const auto &[key, value] : encodedMembers(object, encoding)) {
        if (explode) {
            out.append(key + '=' + value);
        } else {
            out.append(key);
            out.append(value);
        }
    }
    return out;
}

bool allScalars(const json &array)
{
    for (const json &item : array)
        if (item.is_structured())
            return false;
    return true;
}

// deepObject. OAS 3.1 defines it only for an object with scalar members (color[R]=100); for
// nested objects and arrays we follow the bracket convention Stripe (and Rack, PHP) parse:
// a[b][c]=d, a[]=x for an array of scalars, a[0][b]=c for an array holding objects or arrays.
// Brackets are percent-encoded (%5B, %5D) as RFC 3986 requires in a query; servers decode them.
void deepPairs(const QByteArray &prefix, const json &value, Encoding encoding,
               QList<QByteArray> &out)
{
    if (value.is_null())
        return;
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            deepPairs(prefix + "%5B" + encodeKey(it.key()) + "%5D", it.value(), encoding, out);
        return;
    }
    if (value.is_array()) {
        if (allScalars(value)) {
            for (const json &item : value)
                if (!item.is_null())
                    out.append(prefix + "%5B%5D=" + encodeValue(item, encoding));
            return;
        }
        int index = 0;
        for (const json &item : value)
            deepPairs(prefix + "%5B" + QByteArray::number(index++) + "%5D", item, encoding, out);
        return;
    }
    out.append(prefix + '=' + encodeValue(value, encoding));
}

} // namespace

QByteArray ParameterSerializer::percentEncode(QByteArrayView utf8, Encoding encoding)
{
    static constexpr char hex[] = "0123456789ABCDEF"; // RFC 3986 §2.1: upper case
    QByteArray out;
    out.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        bool keep = false;
        switch (encoding) {
        case Encoding::Unreserved:
            keep = isUnreserved(c);
            break;
        case Encoding::Reserved:
            if (c == '%' && i + 2 < utf8.size() && isHex(utf8[i + 1]) && isHex(utf8[i + 2])) {
                keep = true;
                break;
            }
            keep = isUnreserved(c) ||
                   (isReserved(c) && c != '#' && c != '[' && c != ']' && c != '&' && c != '+');
            break;
        case Encoding::Cookie:
            keep = isCookieOctet(c) && c != '%';
            break;
        }
        if (keep) {
            out.append(char(c));
        } else {
            out.append('%');
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xF]);
        }
    }
    return out;
}

QByteArray ParameterSerializer::percentDecode(QByteArrayView encoded)
{
    QByteArray out;
    out.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '%' && i + 2 < encoded.size() && isHex(encoded[i + 1]) && isHex(encoded[i + 2])) {
            out.append(char(hexValue(encoded[i + 1]) * 16 + hexValue(encoded[i + 2])));
            i += 2;
        } else {
            out.append(c);
        }
    }
    return out;
}

QByteArray ParameterSerializer::scalarText(const json &value)
{
    switch (value.type()) {
    case json::value_t::null:
        return {};
    case json::value_t::string: {
        const auto &s = value.get_ref<const std::string &>();
        return QByteArray(s.data(), qsizetype(s.size()));
    }
    case json::value_t::boolean:
        return value.get<bool>() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    default: {
        const std::string s = value.dump(-1, ' ', false, json::error_handler_t::replace);
        return QByteArray(s.data(), qsizetype(s.size()));
    }
    }
}

bool ParameterSerializer::isUndefined(const json &value)
{
    return value.is_null() || (value.is_structured() && value.empty());
}

QByteArray ParameterSerializer::pathValue(const QString &name, ParameterStyle style, bool explode,
                                          const json &value)
{
    const Encoding e = Encoding::Unreserved; // allowReserved applies to query parameters only
    const QByteArray n = percentEncode(name.toUtf8());
    if (value.is_array()) {
        const QList<QByteArray> items = encodedItems(value, e);
        switch (style) {
        case ParameterStyle::Label:
            return '.' + join(items, explode ? "." : ",");
        case ParameterStyle::Matrix:
            if (!explode)
                return ';' + n + '=' + join(items, ",");
            {
                QByteArray out;
                for (const QByteArray &item : items)
                    out += ';' + n + (item.isEmpty() ? QByteArray() : '=' + item);
                return out;
            }
        default:
            return join(items, ",");
        }
    }
    if (value.is_object()) {
        const QList<QByteArray> members = memberTexts(value, e, explode);
        switch (style) {
        case ParameterStyle::Label:
            return '.' + join(members, explode ? "." : ",");
        case ParameterStyle::Matrix:
            if (explode)
                return ';' + join(members, ";");
            return ';' + n + '=' + join(members, ",");
        default:
            return join(members, ",");
        }
    }
    const QByteArray text = encodeValue(value, e);
    switch (style) {
    case ParameterStyle::Label:
        return '.' + text;
    case ParameterStyle::Matrix:
        return ';' + n + (text.isEmpty() ? QByteArray() : '=' + text);
    default:
        return text;
    }
}

QList<QByteArray> ParameterSerializer::queryPairs(const QString &name, ParameterStyle style,
                                                  bool explode, bool allowReserved,
                                                  const json &value)
{
    const Encoding e = allowReserved ? Encoding::Reserved : Encoding::Unreserved;
    const QByteArray n = percentEncode(name.toUtf8());
    QList<QByteArray> out;
    if (style == ParameterStyle::DeepObject) {
        deepPairs(n, value, e, out);
        return out;
    }
    QByteArrayView delimiter = ",";
    if (style == ParameterStyle::SpaceDelimited)
        delimiter = "%20";
    else if (style == ParameterStyle::PipeDelimited)
        delimiter = "%7C";
    // spaceDelimited and pipeDelimited with explode are undefined (n/a in the table); they are
    // sent like form with explode, as the 2.0 collectionFormat "multi" was.
    if (value.is_array()) {
        const QList<QByteArray> items = encodedItems(value, e);
        if (explode) {
            for (const QByteArray &item : items)
                out.append(n + '=' + item);
        } else {
            out.append(n + '=' + join(items, delimiter));
        }
        return out;
    }
    if (value.is_object()) {
        const QList<QByteArray> members = memberTexts(value, e, explode);
        if (explode)
            return members;
        out.append(n + '=' + join(members, delimiter));
        return out;
    }
    out.append(n + '=' + encodeValue(value, e));
    return out;
}

QByteArray ParameterSerializer::headerValue(bool explode, const json &value)
{
    if (value.is_array()) {
        QList<QByteArray> items;
        for (const json &item : value)
            items.append(scalarText(item));
        return join(items, ",");
    }
    if (value.is_object()) {
        QList<QByteArray> members;
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QByteArray key = QByteArray::fromStdString(it.key());
            if (explode) {
                members.append(key + '=' + scalarText(it.value()));
            } else {
                members.append(key);
                members.append(scalarText(it.value()));
            }
        }
        return join(members, ",");
    }
    return scalarText(value);
}

QList<QByteArray> ParameterSerializer::cookiePairs(const QString &name, bool explode,
                                                   const json &value)
{
    const Encoding e = Encoding::Cookie;
    const QByteArray n = name.toUtf8();
    QList<QByteArray> out;
    if (value.is_array()) {
        const QList<QByteArray> items = encodedItems(value, e);
        if (explode) {
            for (const QByteArray &item : items)
                out.append(n + '=' + item);
        } else {
            out.append(n + '=' + join(items, ","));
        }
        return out;
    }
    if (value.is_object()) {
        // Keys become cookie names when exploded, so they are encoded to tokens.
        const QList<QByteArray> members = memberTexts(value, e, explode);
        if (explode)
            return members;
        out.append(n + '=' + join(members, ","));
        return out;
    }
    out.append(n + '=' + encodeValue(value, e));
    return out;
}

bool ParameterSerializer::isFieldValue(QByteArrayView text)
{
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            return false;
    }
    return true;
}

bool ParameterSerializer::isCookieValue(QByteArrayView text)
{
    for (const char ch : text)
        if (!isCookieOctet(static_cast<unsigned char>(ch)))
            return false;
    return true;
}

} // namespace gatehouse::dispatch
