#include "http/Headers.h"

#include <cstring>

namespace gatehouse::http {

bool isToken(QByteArrayView value)
{
    if (value.isEmpty())
        return false;
    for (char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            continue;
        switch (c) {
        case '!':
        case '#':
        case '$':
        case '%':
        case '&':
        case '\'':
        case '*':
        case '+':
        case '-':
        case '.':
        case '^':
        case '_':
        case '`':
        case '|':
        case '~':
            continue;
        default:
            return false;
        }
    }
    return true;
}

bool isFieldValue(QByteArrayView value)
{
    for (char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            return false;
    }
    return true;
}

QByteArrayView trimOws(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

namespace {

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
}

} // namespace

bool Headers::equalNames(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

QByteArray Headers::name(QByteArrayView name)
{
    // Exact spelling only: another spelling is kept as sent (names keep their case).
    static const QByteArray common[] = {
        QByteArrayLiteral("Accept"),
        QByteArrayLiteral("Accept-Encoding"),
        QByteArrayLiteral("Accept-Ranges"),
        QByteArrayLiteral("Authorization"),
        QByteArrayLiteral("Cache-Control"),
        QByteArrayLiteral("Connection"),
        QByteArrayLiteral("Content-Length"),
        QByteArrayLiteral("Content-Type"),
        QByteArrayLiteral("Date"),
        QByteArrayLiteral("ETag"),
        QByteArrayLiteral("Host"),
        QByteArrayLiteral("Keep-Alive"),
        QByteArrayLiteral("Last-Modified"),
        QByteArrayLiteral("Mcp-Session-Id"),
        QByteArrayLiteral("MCP-Protocol-Version"),
        QByteArrayLiteral("Origin"),
        QByteArrayLiteral("Server"),
        QByteArrayLiteral("Transfer-Encoding"),
        QByteArrayLiteral("User-Agent"),
        QByteArrayLiteral("Vary"),
        QByteArrayLiteral("accept"),
        QByteArrayLiteral("content-length"),
        QByteArrayLiteral("content-type"),
        QByteArrayLiteral("host"),
        QByteArrayLiteral("mcp-protocol-version"),
        QByteArrayLiteral("mcp-session-id"),
    };
    for (const QByteArray &known : common) {
        if (known.size() == name.size() &&
            std::memcmp(known.constData(), name.data(), size_t(name.size())) == 0)
            return known;
    }
    return name.toByteArray();
}

void Headers::add(QByteArray name, QByteArray value)
{
    m_fields.emplace_back(std::move(name), std::move(value));
}

void Headers::set(QByteArrayView name, QByteArray value)
{
    remove(name);
    m_fields.emplace_back(name.toByteArray(), std::move(value));
}

void Headers::remove(QByteArrayView name)
{
    m_fields.removeIf([name](const Field &f) { return equalNames(f.first, name); });
}

bool Headers::contains(QByteArrayView name) const
{
    for (const Field &f : m_fields) {
        if (equalNames(f.first, name))
            return true;
    }
    return false;
}

qsizetype Headers::count(QByteArrayView name) const
{
    qsizetype n = 0;
    for (const Field &f : m_fields) {
        if (equalNames(f.first, name))
            ++n;
    }
    return n;
}

QByteArray Headers::value(QByteArrayView name) const
{
    for (const Field &f : m_fields) {
        if (equalNames(f.first, name))
            return f.second;
    }
    return {};
}

QList<QByteArray> Headers::values(QByteArrayView name) const
{
    QList<QByteArray> out;
    for (const Field &f : m_fields) {
        if (equalNames(f.first, name))
            out.append(f.second);
    }
    return out;
}

QByteArray Headers::combined(QByteArrayView name) const
{
    QByteArray out;
    for (const Field &f : m_fields) {
        if (!equalNames(f.first, name))
            continue;
        if (!out.isNull())
            out += ", ";
        out += f.second;
        if (out.isNull())
            out = QByteArray("");
    }
    return out;
}

bool Headers::hasToken(QByteArrayView name, QByteArrayView token) const
{
    for (const Field &f : m_fields) {
        if (!equalNames(f.first, name))
            continue;
        QByteArrayView rest(f.second);
        while (!rest.isEmpty()) {
            const qsizetype comma = rest.indexOf(',');
            const QByteArrayView item = trimOws(comma < 0 ? rest : rest.first(comma));
            if (equalNames(item, token))
                return true;
            if (comma < 0)
                break;
            rest = rest.sliced(comma + 1);
        }
    }
    return false;
}

} // namespace gatehouse::http
