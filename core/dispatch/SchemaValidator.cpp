#include "SchemaValidator.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gatehouse::dispatch {

using json = nlohmann::json;

namespace {

// Instance types as bits; an integral number carries both Number and Integer, so "number"
// accepts every number and "integer" accepts 1.0 (JSON Schema 2020-12 validation §6.1.1).
enum TypeBit : int
{
    TypeNull = 1,
    TypeBoolean = 2,
    TypeObject = 4,
    TypeArray = 8,
    TypeNumber = 16,
    TypeString = 32,
    TypeInteger = 64,
};

enum class Keyword
{
    Ref,
    Type,
    Enum,
    Const,
    Minimum,
    Maximum,
    ExclusiveMinimum,
    ExclusiveMaximum,
    MultipleOf,
    MinLength,
    MaxLength,
    Pattern,
    Format,
    Items,
    PrefixItems,
    AdditionalItems,
    MinItems,
    MaxItems,
    UniqueItems,
    Contains,
    Properties,
    PatternProperties,
    AdditionalProperties,
    Required,
    MinProperties,
    MaxProperties,
    PropertyNames,
    DependentRequired,
    DependentSchemas,
    Dependencies,
    AllOf,
    AnyOf,
    OneOf,
    Not,
    If,
};

std::optional<Keyword> keywordOf(const std::string &name)
{
    static const std::unordered_map<std::string_view, Keyword> table = {
        {"$ref", Keyword::Ref},
        {"type", Keyword::Type},
        {"enum", Keyword::Enum},
        {"const", Keyword::Const},
        {"minimum", Keyword::Minimum},
        {"maximum", Keyword::Maximum},
        {"exclusiveMinimum", Keyword::ExclusiveMinimum},
        {"exclusiveMaximum", Keyword::ExclusiveMaximum},
        {"multipleOf", Keyword::MultipleOf},
        {"minLength", Keyword::MinLength},
        {"maxLength", Keyword::MaxLength},
        {"pattern", Keyword::Pattern},
        {"format", Keyword::Format},
        {"items", Keyword::Items},
        {"prefixItems", Keyword::PrefixItems},
        {"additionalItems", Keyword::AdditionalItems},
        {"minItems", Keyword::MinItems},
        {"maxItems", Keyword::MaxItems},
        {"uniqueItems", Keyword::UniqueItems},
        {"contains", Keyword::Contains},
        {"properties", Keyword::Properties},
        {"patternProperties", Keyword::PatternProperties},
        {"additionalProperties", Keyword::AdditionalProperties},
        {"required", Keyword::Required},
        {"minProperties", Keyword::MinProperties},
        {"maxProperties", Keyword::MaxProperties},
        {"propertyNames", Keyword::PropertyNames},
        {"dependentRequired", Keyword::DependentRequired},
        {"dependentSchemas", Keyword::DependentSchemas},
        {"dependencies", Keyword::Dependencies},
        {"allOf", Keyword::AllOf},
        {"anyOf", Keyword::AnyOf},
        {"oneOf", Keyword::OneOf},
        {"not", Keyword::Not},
        {"if", Keyword::If},
    };
    const auto it = table.find(name);
    if (it == table.end())
        return std::nullopt;
    return it->second;
}

// One step of an instance location: an object member (key set) or an array item.
struct Segment
{
    const std::string *key = nullptr;
    std::size_t index = 0;
};

struct RawError
{
    std::vector<Segment> path;
    const char *keyword = "";
    QString message;
    int expectedTypes = 0; // of a "type" error, so anyOf/oneOf can merge alternatives
};

QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// JSON text that never throws: invalid UTF-8 in a value built by a program (not parsed)
// becomes U+FFFD.
QString jsonText(const json &value)
{
    return fromStd(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

bool isPlainKey(const std::string &key)
{
    if (key.empty())
        return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-' || c == '$' || c == '@';
    });
}

QString formatPath(const std::vector<Segment> &path)
{
    QString out;
    for (const Segment &segment : path) {
        if (!segment.key) {
            out += u'[' + QString::number(segment.index) + u']';
        } else if (isPlainKey(*segment.key)) {
            if (!out.isEmpty())
                out += u'.';
            out += fromStd(*segment.key);
        } else {
            out += u'[' + jsonText(json(*segment.key)) + u']';
        }
    }
    return out;
}

// Document order: by index for items, by name for members (nlohmann::json keeps members
// sorted), a location before the locations inside it.
bool pathLess(const std::vector<Segment> &a, const std::vector<Segment> &b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const Segment &x = a[i];
        const Segment &y = b[i];
        if (!x.key && !y.key) {
            if (x.index != y.index)
                return x.index < y.index;
        } else if (!x.key || !y.key) {
            return !x.key;
        } else if (*x.key != *y.key) {
            return *x.key < *y.key;
        }
    }
    return a.size() < b.size();
}

bool pathEqual(const std::vector<Segment> &a, const std::vector<Segment> &b)
{
    return !pathLess(a, b) && !pathLess(b, a);
}

// A short rendering of a value for messages: scalars as JSON, cut to a readable length.
QString summary(const json &value)
{
    if (value.is_object())
        return SchemaValidator::tr("an object");
    if (value.is_array())
        return SchemaValidator::tr("an array");
    QString text = jsonText(value);
    constexpr qsizetype maxChars = 40;
    if (text.size() > maxChars) {
        qsizetype keep = maxChars - 1;
        if (text.at(keep - 1).isHighSurrogate())
            --keep;
        text = text.left(keep) + QChar(0x2026);
    }
    return text;
}

QString typeName(int bit)
{
    switch (bit) {
    case TypeNull:
        return SchemaValidator::tr("null");
    case TypeBoolean:
        return SchemaValidator::tr("a boolean");
    case TypeObject:
        return SchemaValidator::tr("an object");
    case TypeArray:
        return SchemaValidator::tr("an array");
    case TypeNumber:
        return SchemaValidator::tr("a number");
    case TypeString:
        return SchemaValidator::tr("a string");
    case TypeInteger:
        return SchemaValidator::tr("an integer");
    }
    return {};
}

QString joinAlternatives(const QStringList &items)
{
    if (items.isEmpty())
        return {};
    if (items.size() == 1)
        return items.first();
    return SchemaValidator::tr("%1 or %2")
        .arg(items.mid(0, items.size() - 1).join(u", "), items.last());
}

QString typeList(int mask)
{
    if (mask & TypeNumber)
        mask &= ~TypeInteger;
    QStringList names;
    for (int bit :
         {TypeObject, TypeArray, TypeString, TypeInteger, TypeNumber, TypeBoolean, TypeNull}) {
        if (mask & bit)
            names.append(typeName(bit));
    }
    return joinAlternatives(names);
}

int typeBitsOfName(const std::string &name)
{
    if (name == "null")
        return TypeNull;
    if (name == "boolean")
        return TypeBoolean;
    if (name == "object")
        return TypeObject;
    if (name == "array")
        return TypeArray;
    if (name == "number")
        return TypeNumber;
    if (name == "string")
        return TypeString;
    if (name == "integer")
        return TypeInteger;
    return 0;
}

// The bits of a "type" keyword's value: one name or a list of names.
int typeBits(const json &type)
{
    int bits = 0;
    if (type.is_string()) {
        bits = typeBitsOfName(type.get_ref<const std::string &>());
    } else if (type.is_array()) {
        for (const json &name : type) {
            if (name.is_string())
                bits |= typeBitsOfName(name.get_ref<const std::string &>());
        }
    }
    return bits;
}

struct KeywordEntry
{
    Keyword keyword;
    const json *value;
    int types; // of Keyword::Type
};

int instanceTypeBits(const json &value)
{
    switch (value.type()) {
    case json::value_t::null:
        return TypeNull;
    case json::value_t::boolean:
        return TypeBoolean;
    case json::value_t::object:
        return TypeObject;
    case json::value_t::array:
        return TypeArray;
    case json::value_t::string:
        return TypeString;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return TypeNumber | TypeInteger;
    case json::value_t::number_float: {
        const double d = value.get<double>();
        return std::isfinite(d) && std::floor(d) == d ? TypeNumber | TypeInteger : TypeNumber;
    }
    default:
        return 0;
    }
}

QString gotDescription(const json &value, int expected)
{
    // "expected an integer, got 1.5" says more than "got a number".
    if (value.is_number_float() && (expected & TypeInteger) && !(expected & TypeNumber))
        return summary(value);
    int bits = instanceTypeBits(value);
    if (bits & TypeNumber)
        bits = TypeNumber;
    return typeName(bits);
}

// 80-bit long double holds every int64 and uint64 exactly, so comparisons are exact for
// integers and as good as the double for floats.
long double toLongDouble(const json &number)
{
    if (number.is_number_unsigned())
        return static_cast<long double>(number.get<std::uint64_t>());
    if (number.is_number_integer())
        return static_cast<long double>(number.get<std::int64_t>());
    return static_cast<long double>(number.get<double>());
}

bool isMultipleOf(const json &value, const json &divisor)
{
    if (!value.is_number_float() && !divisor.is_number_float()) {
        const long double d = toLongDouble(divisor);
        return d == 0 || std::fmod(toLongDouble(value), d) == 0;
    }
    const double x = value.get<double>();
    const double d = divisor.get<double>();
    if (d == 0)
        return true;
    const double q = x / d;
    if (!std::isfinite(q))
        return false;
    // Floats rarely divide exactly (0.0075 / 0.0001 = 74.99999999999999): a remainder within a
    // few units in the last place counts as none.
    const double r = std::round(q);
    return std::fabs(x - r * d) <= 8 * DBL_EPSILON * std::max(std::fabs(x), std::fabs(r * d));
}

qsizetype codePoints(const std::string &utf8)
{
    return std::count_if(utf8.begin(), utf8.end(),
                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

// --- format (JSON Schema 2020-12 validation §7.3; asserted here) -------------------------------

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int digitsAt(std::string_view s, std::size_t pos, std::size_t count)
{
    if (pos + count > s.size())
        return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!isDigit(s[i]))
            return -1;
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

// RFC 3339 §5.6 full-date.
bool isDate(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    const int year = digitsAt(s, 0, 4);
    const int month = digitsAt(s, 5, 2);
    const int day = digitsAt(s, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1)
        return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

// RFC 3339 §5.6 full-time; a leap second (§5.7) only where it is 23:59:60 in UTC.
bool isTime(std::string_view s)
{
    if (s.size() < 9 || s[2] != ':' || s[5] != ':')
        return false;
    const int hour = digitsAt(s, 0, 2);
    const int minute = digitsAt(s, 3, 2);
    const int second = digitsAt(s, 6, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        return false;
    std::size_t pos = 8;
    if (s[pos] == '.') {
        const std::size_t start = ++pos;
        while (pos < s.size() && isDigit(s[pos]))
            ++pos;
        if (pos == start)
            return false;
    }
    if (pos >= s.size())
        return false;
    int offset = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        if (pos + 6 != s.size() || s[pos + 3] != ':')
            return false;
        const int offsetHour = digitsAt(s, pos + 1, 2);
        const int offsetMinute = digitsAt(s, pos + 4, 2);
        if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59)
            return false;
        offset = (s[pos] == '+' ? 1 : -1) * (offsetHour * 60 + offsetMinute);
        pos += 6;
    } else {
        return false;
    }
    if (pos != s.size())
        return false;
    if (second == 60) {
        const int utc = ((hour * 60 + minute - offset) % 1440 + 1440) % 1440;
        return utc == 23 * 60 + 59;
    }
    return true;
}

bool isDateTime(std::string_view s)
{
    return s.size() > 11 && (s[10] == 'T' || s[10] == 't') && isDate(s.substr(0, 10)) &&
           isTime(s.substr(11));
}

// Dotted quad without leading zeros (RFC 2673 §3.2 "dotted-quad").
bool isIpv4(std::string_view s)
{
    int parts = 0;
    std::size_t pos = 0;
    while (true) {
        std::size_t end = pos;
        while (end < s.size() && isDigit(s[end]))
            ++end;
        const std::size_t length = end - pos;
        if (length == 0 || length > 3 || (length > 1 && s[pos] == '0'))
            return false;
        if (digitsAt(s, pos, length) > 255)
            return false;
        ++parts;
        if (end == s.size())
            return parts == 4;
        if (s[end] != '.' || parts == 4)
            return false;
        pos = end + 1;
    }
}

// Groups of an RFC 4291 §2.2 text form between "::"; -1 when malformed. An embedded IPv4
// address (last) counts as two groups.
int ipv6Groups(std::string_view part, bool ipv4AtEnd)
{
    if (part.empty())
        return 0;
    int groups = 0;
    std::size_t pos = 0;
    while (true) {
        const std::size_t colon = part.find(':', pos);
        const std::string_view piece = part.substr(
            pos, colon == std::string_view::npos ? std::string_view::npos : colon - pos);
        if (colon == std::string_view::npos && ipv4AtEnd &&
            piece.find('.') != std::string_view::npos) {
            return isIpv4(piece) ? groups + 2 : -1;
        }
        if (piece.empty() || piece.size() > 4 || !std::all_of(piece.begin(), piece.end(), isHex))
            return -1;
        ++groups;
        if (colon == std::string_view::npos)
            return groups;
        pos = colon + 1;
    }
}

bool isIpv6(std::string_view s)
{
    const std::size_t gap = s.find("::");
    if (gap == std::string_view::npos)
        return ipv6Groups(s, true) == 8;
    if (s.find("::", gap + 1) != std::string_view::npos)
        return false;
    const int head = ipv6Groups(s.substr(0, gap), false);
    const int tail = ipv6Groups(s.substr(gap + 2), true);
    return head >= 0 && tail >= 0 && head + tail <= 7;
}

bool isUuid(std::string_view s)
{
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool hyphen = i == 8 || i == 13 || i == 18 || i == 23;
        if (hyphen ? s[i] != '-' : !isHex(s[i]))
            return false;
    }
    return true;
}

bool isHostname(std::string_view s)
{
    if (s.empty() || s.size() > 253)
        return false;
    std::size_t pos = 0;
    while (true) {
        std::size_t end = s.find('.', pos);
        if (end == std::string_view::npos)
            end = s.size();
        const std::string_view label = s.substr(pos, end - pos);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (char c : label) {
            // Bytes of UTF-8 sequences pass: internationalised domains (RFC 6531).
            if (!isAlpha(c) && !isDigit(c) && c != '-' && static_cast<unsigned char>(c) < 0x80)
                return false;
        }
        if (end == s.size())
            return true;
        pos = end + 1;
    }
}

// RFC 5321 §4.1.2 Mailbox: a dot-atom or quoted local part, a domain or an address literal.
bool isEmail(std::string_view s)
{
    const std::size_t at = s.rfind('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == s.size())
        return false;
    const std::string_view local = s.substr(0, at);
    const std::string_view domain = s.substr(at + 1);
    if (local.size() > 64)
        return false;
    if (local.size() >= 2 && local.front() == '"' && local.back() == '"') {
        for (std::size_t i = 1; i + 1 < local.size(); ++i) {
            const auto c = static_cast<unsigned char>(local[i]);
            if (c == '\\' && i + 2 < local.size())
                ++i;
            else if (c == '"' || c == '\\' || c < 0x20 || c == 0x7F)
                return false;
        }
    } else {
        static constexpr std::string_view atext = "!#$%&'*+-/=?^_`{|}~";
        if (local.front() == '.' || local.back() == '.' ||
            local.find("..") != std::string_view::npos) {
            return false;
        }
        for (char c : local) {
            if (!isAlpha(c) && !isDigit(c) && c != '.' && atext.find(c) == std::string_view::npos &&
                static_cast<unsigned char>(c) < 0x80)
                return false;
        }
    }
    if (domain.front() == '[') {
        if (domain.back() != ']')
            return false;
        const std::string_view literal = domain.substr(1, domain.size() - 2);
        if (literal.substr(0, 5) == "IPv6:")
            return isIpv6(literal.substr(5));
        return isIpv4(literal);
    }
    return isHostname(domain);
}

bool isUnreserved(char c)
{
    return isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

bool isSubDelim(char c)
{
    return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos;
}

// Every character is unreserved, a sub-delim, one of `extra`, or a %HH escape.
bool uriChars(std::string_view s, std::string_view extra)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%') {
            if (i + 2 >= s.size() || !isHex(s[i + 1]) || !isHex(s[i + 2]))
                return false;
            i += 2;
        } else if (!isUnreserved(c) && !isSubDelim(c) && extra.find(c) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

// RFC 3986 §3 URI: scheme ":" hier-part [ "?" query ] [ "#" fragment ] (absolute, ASCII).
bool isUri(std::string_view s)
{
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || !isAlpha(s[0]))
        return false;
    for (std::size_t i = 1; i < colon; ++i) {
        if (!isAlpha(s[i]) && !isDigit(s[i]) && s[i] != '+' && s[i] != '-' && s[i] != '.')
            return false;
    }
    std::string_view rest = s.substr(colon + 1);
    if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos) {
        if (!uriChars(rest.substr(hash + 1), ":@/?"))
            return false;
        rest = rest.substr(0, hash);
    }
    if (const std::size_t question = rest.find('?'); question != std::string_view::npos) {
        if (!uriChars(rest.substr(question + 1), ":@/?"))
            return false;
        rest = rest.substr(0, question);
    }
    if (rest.substr(0, 2) == "//") {
        rest = rest.substr(2);
        const std::size_t slash = rest.find('/');
        std::string_view authority = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
        if (const std::size_t at = authority.find('@'); at != std::string_view::npos) {
            if (!uriChars(authority.substr(0, at), ":"))
                return false;
            authority = authority.substr(at + 1);
        }
        std::string_view port;
        if (!authority.empty() && authority.front() == '[') {
            const std::size_t close = authority.find(']');
            if (close == std::string_view::npos || !isIpv6(authority.substr(1, close - 1)))
                return false;
            port = authority.substr(close + 1);
        } else {
            const std::size_t portColon = authority.rfind(':');
            if (portColon != std::string_view::npos) {
                port = authority.substr(portColon);
                authority = authority.substr(0, portColon);
            }
            if (!uriChars(authority, {}))
                return false;
        }
        if (!port.empty() &&
            (port.front() != ':' || !std::all_of(port.begin() + 1, port.end(), isDigit))) {
            return false;
        }
    }
    return uriChars(rest, ":@/");
}

struct FormatCheck
{
    bool (*check)(std::string_view);
    const char *description; // translated in describeFormat()
};

std::optional<FormatCheck> formatCheck(const std::string &name)
{
    if (name == "date-time")
        return FormatCheck{isDateTime, "date-time"};
    if (name == "date")
        return FormatCheck{isDate, "date"};
    if (name == "time")
        return FormatCheck{isTime, "time"};
    if (name == "email")
        return FormatCheck{isEmail, "email"};
    if (name == "uri")
        return FormatCheck{isUri, "uri"};
    if (name == "uuid")
        return FormatCheck{isUuid, "uuid"};
    if (name == "ipv4")
        return FormatCheck{isIpv4, "ipv4"};
    if (name == "ipv6")
        return FormatCheck{isIpv6, "ipv6"};
    return std::nullopt;
}

QString describeFormat(std::string_view name)
{
    if (name == "date-time")
        return SchemaValidator::tr("a date-time as in RFC 3339 (2024-05-01T12:00:00Z)");
    if (name == "date")
        return SchemaValidator::tr("a date as in RFC 3339 (2024-05-01)");
    if (name == "time")
        return SchemaValidator::tr("a time as in RFC 3339 (12:00:00Z)");
    if (name == "email")
        return SchemaValidator::tr("an email address");
    if (name == "uri")
        return SchemaValidator::tr("an absolute URI");
    if (name == "uuid")
        return SchemaValidator::tr("a UUID");
    if (name == "ipv4")
        return SchemaValidator::tr("an IPv4 address");
    return SchemaValidator::tr("an IPv6 address");
}

// --- patterns ------------------------------------------------------------------------------

// ECMA-262 patterns run on PCRE2 with a few spellings rewritten: `\uXXXX` (and surrogate
// pairs) and `\u{...}` become `\x{...}`; `$` outside a class becomes `\z`, since ECMA's `$`
// does not match before a final newline.
QString ecmaToPcre(const QString &pattern)
{
    QString out;
    out.reserve(pattern.size() + 8);
    bool inClass = false;
    const qsizetype n = pattern.size();
    auto hex4 = [&](qsizetype at, uint *value) {
        if (at + 4 > n)
            return false;
        bool ok = false;
        *value = pattern.mid(at, 4).toUInt(&ok, 16);
        return ok && pattern.mid(at, 4).size() == 4;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = pattern.at(i);
        if (c == u'\\' && i + 1 < n) {
            const QChar d = pattern.at(i + 1);
            if (d == u'u') {
                uint value = 0;
                if (i + 2 < n && pattern.at(i + 2) == u'{') {
                    const qsizetype close = pattern.indexOf(u'}', i + 3);
                    if (close > i + 3) {
                        out += QStringLiteral("\\x{") + pattern.mid(i + 3, close - i - 3) + u'}';
                        i = close;
                        continue;
                    }
                } else if (hex4(i + 2, &value)) {
                    uint low = 0;
                    if (QChar::isHighSurrogate(value) && i + 7 < n && pattern.at(i + 6) == u'\\' &&
                        pattern.at(i + 7) == u'u' && hex4(i + 8, &low) &&
                        QChar::isLowSurrogate(low)) {
                        value = QChar::surrogateToUcs4(char16_t(value), char16_t(low));
                        i += 6;
                    }
                    out += QStringLiteral("\\x{") + QString::number(value, 16) + u'}';
                    i += 5;
                    continue;
                }
            }
            out += c;
            out += d;
            ++i;
            continue;
        }
        if (inClass) {
            if (c == u']')
                inClass = false;
        } else if (c == u'[') {
            inClass = true;
        } else if (c == u'$') {
            out += QStringLiteral("\\z");
            continue;
        }
        out += c;
    }
    return out;
}

// A JSON pointer (RFC 6901) within `document`; nullptr when it names nothing.
const json *evaluatePointer(const json &document, const QString &pointer)
{
    const json *node = &document;
    if (pointer.isEmpty())
        return node;
    if (!pointer.startsWith(u'/'))
        return nullptr;
    const QStringList tokens = pointer.mid(1).split(u'/');
    for (QString token : tokens) {
        token.replace(QStringLiteral("~1"), QStringLiteral("/"));
        token.replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (node->is_object()) {
            const auto it = node->find(token.toStdString());
            if (it == node->end())
                return nullptr;
            node = &*it;
        } else if (node->is_array()) {
            bool ok = false;
            const qulonglong index = token.toULongLong(&ok);
            if (!ok || index >= node->size() || (token.size() > 1 && token.startsWith(u'0')))
                return nullptr;
            node = &(*node)[std::size_t(index)];
        } else {
            return nullptr;
        }
    }
    return node;
}

constexpr int kMaxSchemaWalkDepth = 512;

} // namespace

struct SchemaValidator::Compiled
{
    json schema;
    ValidationLimits limits;
    QUrl rootBase;
    QHash<QString, const json *> resources; // absolute URI without fragment -> schema ($id)
    QHash<QString, const json *> anchors;   // "uri#name" -> schema ($anchor, draft-7 "$id": "#x")
    // Each schema object's keywords, looked up once here rather than by name on every call.
    std::unordered_map<const json *, std::vector<KeywordEntry>> keywords;
    std::unordered_map<const json *, const json *> refs; // schema with $ref -> target or nullptr
    std::unordered_map<const json *, QRegularExpression> patterns; // "pattern" value -> regex
    // "patternProperties" object -> (subschema, regex) for each pattern that compiled
    std::unordered_map<const json *, std::vector<std::pair<const json *, QRegularExpression>>>
        patternProperties;
    QStringList warnings;

    // Resolves `reference` against `base` within this schema.
    const json *resolve(const QUrl &base, const std::string &reference) const
    {
        const QUrl target = base.resolved(QUrl(fromStd(reference)));
        const QString resource = target.toString(QUrl::RemoveFragment | QUrl::FullyEncoded);
        const json *document = resources.value(resource);
        if (!document)
            return nullptr;
        const QString fragment = target.fragment(QUrl::FullyDecoded);
        if (fragment.isEmpty() || fragment.startsWith(u'/'))
            return evaluatePointer(*document, fragment);
        return anchors.value(resource + u'#' + fragment);
    }

    QRegularExpression compile(const std::string &source, QHash<QString, QRegularExpression> &cache)
    {
        const QString pattern = fromStd(source);
        if (const auto it = cache.constFind(pattern); it != cache.cend())
            return *it;
        QRegularExpression regex(ecmaToPcre(pattern));
        if (regex.isValid()) {
            regex.optimize(); // compiled now, so matching from several threads reads only
        } else {
            warnings.append(SchemaValidator::tr("The pattern `%1` does not compile (%2); it "
                                                "constrains nothing.")
                                .arg(pattern, regex.errorString()));
        }
        cache.insert(pattern, regex);
        return regex;
    }

    void walk(const json &node, const QUrl &base, int depth,
              std::vector<std::pair<const json *, QUrl>> &pendingRefs,
              QHash<QString, QRegularExpression> &regexCache)
    {
        if (depth > kMaxSchemaWalkDepth)
            return;
        if (node.is_array()) {
            for (const json &item : node)
                walk(item, base, depth + 1, pendingRefs, regexCache);
            return;
        }
        if (!node.is_object())
            return;
        auto &known = keywords[&node];
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (const std::optional<Keyword> keyword = keywordOf(it.key()))
                known.push_back({*keyword, &*it, *keyword == Keyword::Type ? typeBits(*it) : 0});
        }
        QUrl here = base;
        if (const auto id = node.find("$id");
            id != node.end() && id->is_string() && !id->get_ref<const std::string &>().empty()) {
            QUrl resolved = base.resolved(QUrl(fromStd(id->get_ref<const std::string &>())));
            const QString fragment = resolved.fragment(QUrl::FullyDecoded);
            resolved.setFragment(QString());
            const QString resource = resolved.toString(QUrl::RemoveFragment | QUrl::FullyEncoded);
            if (id->get_ref<const std::string &>().starts_with('#')) {
                // Draft 7 spelled a plain-name anchor as "$id": "#name".
                if (!fragment.isEmpty() && !fragment.startsWith(u'/'))
                    anchors.insert(resource + u'#' + fragment, &node);
            } else {
                resources.insert(resource, &node);
                here = resolved;
            }
        }
        if (const auto anchor = node.find("$anchor"); anchor != node.end() && anchor->is_string()) {
            anchors.insert(here.toString(QUrl::RemoveFragment | QUrl::FullyEncoded) + u'#' +
                               fromStd(anchor->get_ref<const std::string &>()),
                           &node);
        }
        if (const auto ref = node.find("$ref"); ref != node.end() && ref->is_string())
            pendingRefs.emplace_back(&node, here);
        if (const auto pattern = node.find("pattern");
            pattern != node.end() && pattern->is_string()) {
            patterns.emplace(&*pattern,
                             compile(pattern->get_ref<const std::string &>(), regexCache));
        }
        if (const auto props = node.find("patternProperties");
            props != node.end() && props->is_object()) {
            auto &compiled = patternProperties[&*props];
            for (auto it = props->begin(); it != props->end(); ++it) {
                QRegularExpression regex = compile(it.key(), regexCache);
                if (regex.isValid())
                    compiled.emplace_back(&it.value(), std::move(regex));
            }
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string &key = it.key();
            if (key == "enum" || key == "const" || key == "default" || key == "examples")
                continue; // values, not schemas: an "$id" in there identifies nothing
            const bool schemaMap = key == "properties" || key == "patternProperties" ||
                                   key == "$defs" || key == "definitions" ||
                                   key == "dependentSchemas" || key == "dependencies";
            if (schemaMap && it->is_object()) {
                for (const json &subschema : *it)
                    walk(subschema, here, depth + 1, pendingRefs, regexCache);
            } else {
                walk(*it, here, depth + 1, pendingRefs, regexCache);
            }
        }
    }
};

// One validate() call: the path walked so far, the budget spent, where errors go.
class SchemaValidator::Evaluator
{
public:
    explicit Evaluator(const Compiled &compiled)
        : m_c(compiled)
    {}

    std::vector<RawError> *sink = nullptr; // nullptr: only valid or not is wanted
    std::size_t cap = 0;
    std::optional<RawError> fatal; // a limit stopped the check

    // Checks the instance's nesting before anything recurses over it; recursion here stops at
    // the limit, so a 10,000-level value cannot exhaust the stack.
    bool checkDepth(const json &value, int depth)
    {
        if (!value.is_structured())
            return true;
        if (depth >= m_c.limits.maxInstanceDepth) {
            setFatal("depth", SchemaValidator::tr("the value is nested deeper than %1 levels")
                                  .arg(m_c.limits.maxInstanceDepth));
            return false;
        }
        if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                m_path.push_back({nullptr, i});
                const bool ok = checkDepth(value[i], depth + 1);
                m_path.pop_back();
                if (!ok)
                    return false;
            }
        } else {
            for (auto it = value.begin(); it != value.end(); ++it) {
                m_path.push_back({&it.key(), 0});
                const bool ok = checkDepth(*it, depth + 1);
                m_path.pop_back();
                if (!ok)
                    return false;
            }
        }
        return true;
    }

    bool eval(const json &schema, const json &x)
    {
        if (fatal)
            return false;
        if (++m_steps > m_c.limits.maxSteps) {
            stepsExceeded();
            return false;
        }
        if (schema.is_boolean()) {
            if (schema.get<bool>())
                return true;
            if (sink)
                report("false", SchemaValidator::tr("no value is allowed here"));
            return false;
        }
        if (!schema.is_object())
            return true;
        if (m_schemaDepth >= m_c.limits.maxSchemaDepth) {
            setFatal("depth", SchemaValidator::tr("the schema nests deeper than %1 levels here; "
                                                  "the value cannot be checked")
                                  .arg(m_c.limits.maxSchemaDepth));
            return false;
        }
        ++m_schemaDepth;
        bool ok = true;
        if (const auto known = m_c.keywords.find(&schema); known != m_c.keywords.end()) {
            for (const KeywordEntry &entry : known->second) {
                const bool passed = entry.keyword == Keyword::Type
                                        ? applyType(entry.types, x)
                                        : apply(entry.keyword, *entry.value, schema, x);
                if (!passed) {
                    ok = false;
                    if (!sink || full() || fatal)
                        break;
                }
            }
        } else { // a schema the constructor did not reach (inside "enum"...)
            for (auto it = schema.begin(); it != schema.end(); ++it) {
                const std::optional<Keyword> keyword = keywordOf(it.key());
                if (keyword && !apply(*keyword, *it, schema, x)) {
                    ok = false;
                    if (!sink || full() || fatal)
                        break;
                }
            }
        }
        --m_schemaDepth;
        return ok;
    }

private:
    const Compiled &m_c;
    std::vector<Segment> m_path;
    int m_schemaDepth = 0;
    long m_steps = 0;
    std::vector<std::pair<const json *, const json *>> m_refStack; // (target, instance)

    bool full() const { return sink && sink->size() >= cap; }

    void report(const char *keyword, QString message, const std::string *extraKey = nullptr,
                int expectedTypes = 0)
    {
        if (!sink || full())
            return;
        RawError error{m_path, keyword, std::move(message), expectedTypes};
        if (extraKey)
            error.path.push_back({extraKey, 0});
        sink->push_back(std::move(error));
    }

    void setFatal(const char *keyword, QString message)
    {
        if (!fatal)
            fatal = RawError{m_path, keyword, std::move(message), 0};
    }

    void stepsExceeded()
    {
        setFatal("steps", SchemaValidator::tr("the value takes more than %1 steps to check; "
                                              "send a smaller value")
                              .arg(m_c.limits.maxSteps));
    }

    bool spend(std::size_t steps)
    {
        m_steps += long(std::min<std::size_t>(steps, std::size_t(m_c.limits.maxSteps) + 1));
        if (m_steps > m_c.limits.maxSteps) {
            stepsExceeded();
            return false;
        }
        return true;
    }

    // Evaluates a member or item of x: one level deeper in the path.
    bool child(const json &schema, const json &value, Segment segment)
    {
        if (schema.is_boolean() && schema.get<bool>())
            return true;
        m_path.push_back(segment);
        const bool ok = eval(schema, value);
        m_path.pop_back();
        return ok;
    }

    // Runs f with errors going to `target` (nullptr: none), then restores the sink.
    template <typename F>
    bool redirected(std::vector<RawError> *target, std::size_t targetCap, F f)
    {
        std::vector<RawError> *savedSink = sink;
        const std::size_t savedCap = cap;
        sink = target;
        cap = targetCap;
        const bool ok = f();
        sink = savedSink;
        cap = savedCap;
        return ok;
    }

    bool quietly(const json &schema, const json &x)
    {
        return redirected(nullptr, 0, [&] { return eval(schema, x); });
    }

    bool apply(Keyword keyword, const json &value, const json &schema, const json &x)
    {
        switch (keyword) {
        case Keyword::Ref:
            return applyRef(value, schema, x);
        case Keyword::Type:
            return applyType(typeBits(value), x);
        case Keyword::Enum:
            if (!value.is_array() || std::find(value.begin(), value.end(), x) != value.end())
                return true;
            if (sink)
                report("enum", enumMessage(value, x));
            return false;
        case Keyword::Const:
            if (value == x)
                return true;
            if (sink)
                report("const",
                       SchemaValidator::tr("expected %1, got %2").arg(summary(value), summary(x)));
            return false;
        case Keyword::Minimum:
        case Keyword::Maximum:
        case Keyword::ExclusiveMinimum:
        case Keyword::ExclusiveMaximum:
            return applyBound(keyword, value, x);
        case Keyword::MultipleOf:
            if (!x.is_number() || !value.is_number() || isMultipleOf(x, value))
                return true;
            if (sink)
                report("multipleOf", SchemaValidator::tr("expected a multiple of %1, got %2")
                                         .arg(summary(value), summary(x)));
            return false;
        case Keyword::MinLength:
        case Keyword::MaxLength:
            return applyLength(keyword, value, x);
        case Keyword::Pattern:
            return applyPattern(value, x);
        case Keyword::Format:
            return applyFormat(value, x);
        case Keyword::Items:
            return applyItems(value, schema, x);
        case Keyword::PrefixItems:
            return applyItemRange(value, x);
        case Keyword::AdditionalItems: {
            const auto items = schema.find("items");
            if (items == schema.end() || !items->is_array())
                return true; // draft 7: only after an array-form "items"
            return applyItemsFrom(value, x, items->size(), "additionalItems");
        }
        case Keyword::MinItems:
        case Keyword::MaxItems:
            return applyCount(keyword, value, x);
        case Keyword::UniqueItems:
            return applyUnique(value, x);
        case Keyword::Contains:
            return applyContains(value, schema, x);
        case Keyword::Properties:
            return applyProperties(value, x);
        case Keyword::PatternProperties:
            return applyPatternProperties(value, x);
        case Keyword::AdditionalProperties:
            return applyAdditionalProperties(value, schema, x);
        case Keyword::Required:
            return applyRequired(value, x, nullptr);
        case Keyword::MinProperties:
        case Keyword::MaxProperties:
            return applyCount(keyword, value, x);
        case Keyword::PropertyNames:
            return applyPropertyNames(value, x);
        case Keyword::DependentRequired:
        case Keyword::DependentSchemas:
        case Keyword::Dependencies:
            return applyDependencies(keyword, value, x);
        case Keyword::AllOf: {
            if (!value.is_array())
                return true;
            bool ok = true;
            for (const json &branch : value) {
                if (!eval(branch, x)) {
                    ok = false;
                    if (!sink || full() || fatal)
                        break;
                }
            }
            return ok;
        }
        case Keyword::AnyOf:
        case Keyword::OneOf:
            return applyAlternatives(keyword, value, x);
        case Keyword::Not:
            if (!quietly(value, x))
                return !fatal;
            if (sink)
                report("not", SchemaValidator::tr("matches a form that is not allowed here"));
            return false;
        case Keyword::If: {
            const bool matched = quietly(value, x);
            if (fatal)
                return false;
            const auto branch = schema.find(matched ? "then" : "else");
            return branch == schema.end() || eval(*branch, x);
        }
        }
        return true;
    }

    bool applyRef(const json &value, const json &schema, const json &x)
    {
        if (!value.is_string())
            return true;
        const json *target = nullptr;
        if (const auto it = m_c.refs.find(&schema); it != m_c.refs.end())
            target = it->second;
        else // a schema the constructor did not reach (inside "enum"...): resolve from the root
            target = m_c.resolve(m_c.rootBase, value.get_ref<const std::string &>());
        if (!target)
            return true; // listed in warnings(); constrains nothing
        for (const auto &[seenTarget, seenInstance] : m_refStack) {
            if (seenTarget == target && seenInstance == &x) {
                // Evaluation is deterministic: the same schema on the same value again can only
                // loop forever.
                setFatal("$ref",
                         SchemaValidator::tr("the schema refers to itself through `%1` without "
                                             "descending into the value; it cannot be checked")
                             .arg(fromStd(value.get_ref<const std::string &>())));
                return false;
            }
        }
        m_refStack.emplace_back(target, &x);
        const bool ok = eval(*target, x);
        m_refStack.pop_back();
        return ok;
    }

    bool applyType(int expected, const json &x)
    {
        if (expected == 0 || (instanceTypeBits(x) & expected))
            return true;
        if (sink) {
            report("type",
                   SchemaValidator::tr("expected %1, got %2")
                       .arg(typeList(expected), gotDescription(x, expected)),
                   nullptr, expected);
        }
        return false;
    }

    static QString enumMessage(const json &values, const json &x)
    {
        constexpr std::size_t shown = 8;
        QStringList options;
        for (std::size_t i = 0; i < values.size() && i < shown; ++i)
            options.append(summary(values[i]));
        if (values.size() > shown)
            options.append(SchemaValidator::tr("%1 more").arg(values.size() - shown));
        if (values.size() == 1)
            return SchemaValidator::tr("expected %1, got %2").arg(options.first(), summary(x));
        return SchemaValidator::tr("expected one of %1, got %2")
            .arg(options.join(u", "), summary(x));
    }

    bool applyBound(Keyword keyword, const json &limit, const json &x)
    {
        if (!x.is_number() || !limit.is_number())
            return true; // draft 4's boolean exclusiveMinimum is not supported
        const long double a = toLongDouble(x);
        const long double b = toLongDouble(limit);
        QString message;
        const char *name = "";
        switch (keyword) {
        case Keyword::Minimum:
            if (a >= b)
                return true;
            name = "minimum";
            message = SchemaValidator::tr("expected at least %1, got %2");
            break;
        case Keyword::Maximum:
            if (a <= b)
                return true;
            name = "maximum";
            message = SchemaValidator::tr("expected at most %1, got %2");
            break;
        case Keyword::ExclusiveMinimum:
            if (a > b)
                return true;
            name = "exclusiveMinimum";
            message = SchemaValidator::tr("expected more than %1, got %2");
            break;
        default:
            if (a < b)
                return true;
            name = "exclusiveMaximum";
            message = SchemaValidator::tr("expected less than %1, got %2");
            break;
        }
        if (sink)
            report(name, message.arg(summary(limit), summary(x)));
        return false;
    }

    static bool asCount(const json &value, std::size_t *count)
    {
        if (value.is_number_unsigned() || (value.is_number_integer() && value.get<int64_t>() >= 0))
            *count = value.get<std::size_t>();
        else if (value.is_number_float() && value.get<double>() >= 0 &&
                 std::floor(value.get<double>()) == value.get<double>())
            *count = static_cast<std::size_t>(std::min(value.get<double>(), 1e18));
        else
            return false;
        return true;
    }

    bool applyLength(Keyword keyword, const json &value, const json &x)
    {
        std::size_t limit = 0;
        if (!x.is_string() || !asCount(value, &limit))
            return true;
        const auto length = std::size_t(codePoints(x.get_ref<const std::string &>()));
        const bool isMin = keyword == Keyword::MinLength;
        if (isMin ? length >= limit : length <= limit)
            return true;
        if (sink) {
            report(isMin ? "minLength" : "maxLength",
                   (isMin ? SchemaValidator::tr("too short: the minimum length is %1, got %2")
                          : SchemaValidator::tr("too long: the maximum length is %1, got %2"))
                       .arg(limit)
                       .arg(length));
        }
        return false;
    }

    bool applyCount(Keyword keyword, const json &value, const json &x)
    {
        std::size_t limit = 0;
        const bool items = keyword == Keyword::MinItems || keyword == Keyword::MaxItems;
        if (!(items ? x.is_array() : x.is_object()) || !asCount(value, &limit))
            return true;
        const bool isMin = keyword == Keyword::MinItems || keyword == Keyword::MinProperties;
        if (isMin ? x.size() >= limit : x.size() <= limit)
            return true;
        if (!sink)
            return false;
        QString message;
        const char *name = "";
        switch (keyword) {
        case Keyword::MinItems:
            name = "minItems";
            message = SchemaValidator::tr("too few items: the minimum is %1, got %2");
            break;
        case Keyword::MaxItems:
            name = "maxItems";
            message = SchemaValidator::tr("too many items: the maximum is %1, got %2");
            break;
        case Keyword::MinProperties:
            name = "minProperties";
            message = SchemaValidator::tr("too few properties: the minimum is %1, got %2");
            break;
        default:
            name = "maxProperties";
            message = SchemaValidator::tr("too many properties: the maximum is %1, got %2");
            break;
        }
        report(name, message.arg(limit).arg(x.size()));
        return false;
    }

    bool applyPattern(const json &value, const json &x)
    {
        if (!x.is_string() || !value.is_string())
            return true;
        QRegularExpression fallback;
        const QRegularExpression *regex = nullptr;
        if (const auto it = m_c.patterns.find(&value); it != m_c.patterns.end()) {
            regex = &it->second;
        } else {
            fallback =
                QRegularExpression(ecmaToPcre(fromStd(value.get_ref<const std::string &>())));
            regex = &fallback;
        }
        if (!regex->isValid() || regex->match(fromStd(x.get_ref<const std::string &>())).hasMatch())
            return true;
        if (sink) {
            report("pattern", SchemaValidator::tr("expected a string matching `%1`, got %2")
                                  .arg(fromStd(value.get_ref<const std::string &>()), summary(x)));
        }
        return false;
    }

    bool applyFormat(const json &value, const json &x)
    {
        if (!x.is_string() || !value.is_string())
            return true;
        const std::optional<FormatCheck> format = formatCheck(value.get_ref<const std::string &>());
        if (!format || format->check(x.get_ref<const std::string &>()))
            return true;
        if (sink) {
            report("format", SchemaValidator::tr("expected %1, got %2")
                                 .arg(describeFormat(format->description), summary(x)));
        }
        return false;
    }

    bool applyItems(const json &value, const json &schema, const json &x)
    {
        if (!x.is_array())
            return true;
        if (value.is_array()) // draft 7 tuple form; 2020-12 spells it prefixItems
            return applyItemRange(value, x);
        std::size_t start = 0;
        if (const auto prefix = schema.find("prefixItems");
            prefix != schema.end() && prefix->is_array()) {
            start = prefix->size();
        }
        return applyItemsFrom(value, x, start, "items");
    }

    // Each of `schemas` to the item at the same position.
    bool applyItemRange(const json &schemas, const json &x)
    {
        if (!x.is_array() || !schemas.is_array())
            return true;
        bool ok = true;
        const std::size_t n = std::min(schemas.size(), x.size());
        for (std::size_t i = 0; i < n; ++i) {
            if (!child(schemas[i], x[i], {nullptr, i})) {
                ok = false;
                if (!sink || full() || fatal)
                    break;
            }
        }
        return ok;
    }

    // One schema to every item from `start` on.
    bool applyItemsFrom(const json &itemSchema, const json &x, std::size_t start,
                        const char *keyword)
    {
        if (!x.is_array() || x.size() <= start)
            return true;
        if (itemSchema.is_boolean()) {
            if (itemSchema.get<bool>())
                return true;
            if (sink) {
                report(keyword, SchemaValidator::tr("too many items: the maximum is %1, got %2")
                                    .arg(start)
                                    .arg(x.size()));
            }
            return false;
        }
        bool ok = true;
        for (std::size_t i = start; i < x.size(); ++i) {
            if (!child(itemSchema, x[i], {nullptr, i})) {
                ok = false;
                if (!sink || full() || fatal)
                    break;
            }
        }
        return ok;
    }

    bool applyUnique(const json &value, const json &x)
    {
        if (!x.is_array() || x.size() < 2 || !value.is_boolean() || !value.get<bool>())
            return true;
        const std::size_t n = x.size();
        // n log n comparisons; nlohmann::json orders 1 and 1.0 as equal, like JSON Schema.
        if (!spend(n * std::size_t(std::log2(double(n)) + 1)))
            return false;
        std::vector<std::size_t> order(n);
        for (std::size_t i = 0; i < n; ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
        std::optional<std::pair<std::size_t, std::size_t>> duplicate;
        for (std::size_t i = 1; i < n; ++i) {
            if (x[order[i - 1]] == x[order[i]]) {
                const std::pair<std::size_t, std::size_t> pair{order[i - 1], order[i]};
                if (!duplicate || pair.second < duplicate->second)
                    duplicate = pair;
            }
        }
        if (!duplicate)
            return true;
        if (sink) {
            report("uniqueItems", SchemaValidator::tr("items [%1] and [%2] are equal; the items "
                                                      "must be unique")
                                      .arg(duplicate->first)
                                      .arg(duplicate->second));
        }
        return false;
    }

    bool applyContains(const json &value, const json &schema, const json &x)
    {
        if (!x.is_array())
            return true;
        std::size_t minimum = 1;
        std::optional<std::size_t> maximum;
        if (const auto it = schema.find("minContains"); it != schema.end())
            asCount(*it, &minimum);
        if (const auto it = schema.find("maxContains"); it != schema.end()) {
            std::size_t limit = 0;
            if (asCount(*it, &limit))
                maximum = limit;
        }
        std::size_t matches = 0;
        for (const json &item : x) {
            if (quietly(value, item))
                ++matches;
            if (fatal)
                return false;
            if (!maximum && matches >= minimum)
                return true;
        }
        if (matches >= minimum && (!maximum || matches <= *maximum))
            return true;
        if (sink) {
            if (matches < minimum) {
                report("contains", SchemaValidator::tr("too few items match `contains`: the "
                                                       "minimum is %1, got %2")
                                       .arg(minimum)
                                       .arg(matches));
            } else {
                report("maxContains", SchemaValidator::tr("too many items match `contains`: the "
                                                          "maximum is %1, got %2")
                                          .arg(*maximum)
                                          .arg(matches));
            }
        }
        return false;
    }

    bool applyProperties(const json &value, const json &x)
    {
        if (!x.is_object() || !value.is_object())
            return true;
        bool ok = true;
        for (auto it = x.begin(); it != x.end(); ++it) {
            const auto property = value.find(it.key());
            if (property == value.end())
                continue;
            if (!child(*property, *it, {&it.key(), 0})) {
                ok = false;
                if (!sink || full() || fatal)
                    break;
            }
        }
        return ok;
    }

    const std::vector<std::pair<const json *, QRegularExpression>> *
    compiledPatternProperties(const json &value) const
    {
        const auto it = m_c.patternProperties.find(&value);
        return it == m_c.patternProperties.end() ? nullptr : &it->second;
    }

    bool applyPatternProperties(const json &value, const json &x)
    {
        if (!x.is_object() || !value.is_object())
            return true;
        const auto *compiled = compiledPatternProperties(value);
        if (!compiled)
            return true; // a schema the constructor did not reach
        bool ok = true;
        for (auto it = x.begin(); it != x.end(); ++it) {
            const QString name = fromStd(it.key());
            for (const auto &[subschema, regex] : *compiled) {
                if (!regex.match(name).hasMatch())
                    continue;
                if (!child(*subschema, *it, {&it.key(), 0})) {
                    ok = false;
                    if (!sink || full() || fatal)
                        return false;
                }
            }
        }
        return ok;
    }

    bool applyAdditionalProperties(const json &value, const json &schema, const json &x)
    {
        if (!x.is_object() || (value.is_boolean() && value.get<bool>()))
            return true;
        const auto properties = schema.find("properties");
        const bool hasProperties = properties != schema.end() && properties->is_object();
        const std::vector<std::pair<const json *, QRegularExpression>> *patterns = nullptr;
        if (const auto it = schema.find("patternProperties"); it != schema.end())
            patterns = compiledPatternProperties(*it);
        bool ok = true;
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (hasProperties && properties->contains(it.key()))
                continue;
            if (patterns) {
                const QString name = fromStd(it.key());
                if (std::any_of(patterns->begin(), patterns->end(),
                                [&](const auto &p) { return p.second.match(name).hasMatch(); }))
                    continue;
            }
            bool itemOk = true;
            if (value.is_boolean()) {
                itemOk = false;
                if (sink) {
                    QString message = SchemaValidator::tr("unknown property");
                    if (hasProperties && !properties->empty())
                        message = SchemaValidator::tr("unknown property; the known ones are %1")
                                      .arg(propertyList(*properties));
                    report("additionalProperties", message, &it.key());
                }
            } else {
                itemOk = child(value, *it, {&it.key(), 0});
            }
            if (!itemOk) {
                ok = false;
                if (!sink || full() || fatal)
                    break;
            }
        }
        return ok;
    }

    static QString propertyList(const json &properties)
    {
        constexpr std::size_t shown = 10;
        QStringList names;
        for (auto it = properties.begin();
             it != properties.end() && names.size() < qsizetype(shown); ++it) {
            names.append(fromStd(it.key()));
        }
        if (properties.size() > shown)
            names.append(SchemaValidator::tr("%1 more").arg(properties.size() - shown));
        return names.join(u", ");
    }

    // `required`, or dependentRequired's list for `because` (the property that needs them).
    bool applyRequired(const json &value, const json &x, const std::string *because)
    {
        if (!x.is_object() || !value.is_array())
            return true;
        bool ok = true;
        for (const json &name : value) {
            if (!name.is_string() || x.contains(name.get_ref<const std::string &>()))
                continue;
            ok = false;
            if (!sink)
                return false;
            if (because) {
                report("dependentRequired",
                       SchemaValidator::tr("required when `%1` is present").arg(fromStd(*because)),
                       &name.get_ref<const std::string &>());
            } else {
                report("required", SchemaValidator::tr("required property missing"),
                       &name.get_ref<const std::string &>());
            }
        }
        return ok;
    }

    bool applyPropertyNames(const json &value, const json &x)
    {
        if (!x.is_object() || (value.is_boolean() && value.get<bool>()))
            return true;
        bool ok = true;
        for (auto it = x.begin(); it != x.end(); ++it) {
            const json name = it.key();
            if (quietly(value, name))
                continue;
            if (fatal)
                return false;
            ok = false;
            if (!sink)
                return false;
            std::vector<RawError> nameErrors;
            redirected(&nameErrors, 1, [&] { return eval(value, name); });
            const QString reason = nameErrors.empty() ? SchemaValidator::tr("not allowed")
                                                      : nameErrors.front().message;
            report("propertyNames", SchemaValidator::tr("invalid property name: %1").arg(reason),
                   &it.key());
            if (full())
                break;
        }
        return ok;
    }

    bool applyDependencies(Keyword keyword, const json &value, const json &x)
    {
        if (!x.is_object() || !value.is_object())
            return true;
        bool ok = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!x.contains(it.key()))
                continue;
            const bool list = it->is_array();
            bool dependencyOk = true;
            if (list && keyword != Keyword::DependentSchemas)
                dependencyOk = applyRequired(*it, x, &it.key());
            else if (!list && keyword != Keyword::DependentRequired)
                dependencyOk = eval(*it, x);
            if (!dependencyOk) {
                ok = false;
                if (!sink || full() || fatal)
                    break;
            }
        }
        return ok;
    }

    // anyOf and oneOf: a quiet pass decides; messages are composed only for failures.
    bool applyAlternatives(Keyword keyword, const json &branches, const json &x)
    {
        if (!branches.is_array() || branches.empty())
            return true;
        const bool oneOf = keyword == Keyword::OneOf;
        std::vector<std::size_t> matched;
        for (std::size_t i = 0; i < branches.size(); ++i) {
            if (quietly(branches[i], x)) {
                matched.push_back(i);
                if (!oneOf || matched.size() > 1)
                    break;
            }
            if (fatal)
                return false;
        }
        if (matched.size() == 1 || (!oneOf && !matched.empty()))
            return true;
        if (!sink)
            return false;
        const char *name = oneOf ? "oneOf" : "anyOf";
        if (matched.size() > 1) {
            report(name, SchemaValidator::tr("matches more than one of the allowed forms (forms "
                                             "%1 and %2); it must match exactly one")
                             .arg(matched[0] + 1)
                             .arg(matched[1] + 1));
            return false;
        }
        reportNoMatch(name, branches, x);
        return false;
    }

    // Says why no alternative fits: the errors of the one alternative that came clearly
    // closest (the value has its shape, only details are wrong), else one summary.
    void reportNoMatch(const char *name, const json &branches, const json &x)
    {
        std::vector<std::vector<RawError>> errors(branches.size());
        for (std::size_t i = 0; i < branches.size(); ++i) {
            redirected(&errors[i], cap, [&] { return eval(branches[i], x); });
            if (fatal)
                return;
        }
        const std::size_t here = m_path.size();
        // Weight: a mismatch of the value itself rules the form out; a wrong constant in a
        // member (a discriminator) nearly so; anything else is a detail.
        auto score = [&](const std::vector<RawError> &list) {
            long total = 0;
            for (const RawError &e : list) {
                const std::string_view keyword = e.keyword;
                if (e.path.size() <= here)
                    total += 1000;
                else if (keyword == "const" || keyword == "enum")
                    total += 100;
                else
                    total += 1;
            }
            return total;
        };
        long best = -1;
        std::size_t bestIndex = 0;
        bool tie = false;
        int mergedTypes = 0;
        bool allTypeErrors = true;
        QStringList reasons;
        for (std::size_t i = 0; i < errors.size(); ++i) {
            const long s = score(errors[i]);
            if (best < 0 || s < best) {
                best = s;
                bestIndex = i;
                tie = false;
            } else if (s == best) {
                tie = true;
            }
            if (errors[i].size() == 1 && errors[i].front().path.size() == here &&
                errors[i].front().expectedTypes != 0) {
                mergedTypes |= errors[i].front().expectedTypes;
            } else {
                allTypeErrors = false;
            }
            if (!errors[i].empty()) {
                const RawError &first = errors[i].front();
                if (first.path.size() > here) {
                    const std::vector<Segment> inside(first.path.begin() + qsizetype(here),
                                                      first.path.end());
                    reasons.append(u'`' + formatPath(inside) + QStringLiteral("`: ") +
                                   first.message);
                } else {
                    reasons.append(first.message);
                }
            }
        }
        if (allTypeErrors && mergedTypes) {
            report("type",
                   SchemaValidator::tr("expected %1, got %2")
                       .arg(typeList(mergedTypes), gotDescription(x, mergedTypes)),
                   nullptr, mergedTypes);
            return;
        }
        if (best >= 0 && best < 1000 && !tie) {
            for (RawError &e : errors[bestIndex]) {
                if (full())
                    break;
                sink->push_back(std::move(e));
            }
            return;
        }
        reasons.removeDuplicates();
        QString message =
            SchemaValidator::tr("matches none of the %1 allowed forms").arg(branches.size());
        constexpr qsizetype shownReasons = 4;
        if (!reasons.isEmpty() && reasons.size() <= shownReasons)
            message += u" (" + reasons.join(SchemaValidator::tr("; or ")) + u')';
        report(name, message);
    }
};

SchemaValidator::SchemaValidator(json schema, ValidationLimits limits)
{
    auto compiled = std::make_shared<Compiled>();
    compiled->schema = std::move(schema);
    compiled->limits = limits;
    const json &root = compiled->schema;
    // A base for a schema without "$id" (RFC 3986 §5.1.4: application-defined).
    compiled->rootBase = QUrl(QStringLiteral("gatehouse:/input-schema"));
    compiled->resources.insert(compiled->rootBase.toString(QUrl::FullyEncoded), &root);
    std::vector<std::pair<const json *, QUrl>> pendingRefs;
    QHash<QString, QRegularExpression> regexCache;
    compiled->walk(root, compiled->rootBase, 0, pendingRefs, regexCache);
    if (root.is_object()) {
        if (const auto id = root.find("$id"); id != root.end() && id->is_string())
            compiled->rootBase =
                compiled->rootBase.resolved(QUrl(fromStd(id->get_ref<const std::string &>())));
    }
    for (const auto &[node, base] : pendingRefs) {
        const std::string &reference = node->at("$ref").get_ref<const std::string &>();
        const json *target = compiled->resolve(base, reference);
        compiled->refs.emplace(node, target);
        if (!target) {
            compiled->warnings.append(tr("The reference `%1` names nothing in the schema; it "
                                         "constrains nothing.")
                                          .arg(fromStd(reference)));
        }
    }
    compiled->warnings.removeDuplicates();
    m_d = std::move(compiled);
}

QList<ValidationError> SchemaValidator::validate(const json &instance, int maxErrors) const
{
    maxErrors = std::max(1, maxErrors);
    auto convert = [](const RawError &e) {
        return ValidationError{formatPath(e.path), QString::fromLatin1(e.keyword), e.message};
    };
    Evaluator evaluator(*m_d);
    if (!evaluator.checkDepth(instance, 0))
        return {convert(*evaluator.fatal)};
    std::vector<RawError> errors;
    evaluator.sink = &errors;
    // Collected beyond maxErrors, so the first ones in document order survive the cut even
    // when keywords report out of order.
    evaluator.cap = std::size_t(maxErrors) * 4 + 8;
    evaluator.eval(m_d->schema, instance);
    if (evaluator.fatal)
        return {convert(*evaluator.fatal)};
    std::stable_sort(errors.begin(), errors.end(),
                     [](const RawError &a, const RawError &b) { return pathLess(a.path, b.path); });
    QList<ValidationError> out;
    for (std::size_t i = 0; i < errors.size() && out.size() < maxErrors; ++i) {
        const RawError &e = errors[i];
        const bool repeated = std::any_of(
            errors.begin(), errors.begin() + qsizetype(i), [&](const RawError &earlier) {
                return earlier.message == e.message && pathEqual(earlier.path, e.path);
            });
        if (!repeated)
            out.append(convert(e));
    }
    return out;
}

bool SchemaValidator::isValid(const json &instance) const
{
    Evaluator evaluator(*m_d);
    return evaluator.checkDepth(instance, 0) && evaluator.eval(m_d->schema, instance) &&
           !evaluator.fatal;
}

QStringList SchemaValidator::warnings() const
{
    return m_d->warnings;
}

const json &SchemaValidator::schema() const
{
    return m_d->schema;
}

QString SchemaValidator::describe(const QList<ValidationError> &errors)
{
    QStringList parts;
    for (const ValidationError &e : errors) {
        parts.append(e.path.isEmpty() ? tr("arguments: %1").arg(e.message)
                                      : tr("argument `%1`: %2").arg(e.path, e.message));
    }
    return parts.join(u"; ");
}

} // namespace gatehouse::dispatch
