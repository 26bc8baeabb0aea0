#include "http/RequestParser.h"

#include <QStringDecoder>

#include <cstring>
#include <limits>

namespace gatehouse::http {

namespace {

constexpr qsizetype kMaxBodyReserve = 64 * 1024;
constexpr int kMaxLeadingEmptyLines = 4;
constexpr qsizetype kMaxContentLengthDigits = 18;

bool isHostChar(unsigned char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return std::strchr("-._~!$&'()*+,;=:[]%", c) != nullptr && c != 0;
}

bool startsWithIgnoreCase(QByteArrayView v, QByteArrayView prefix)
{
    return v.size() >= prefix.size() && Headers::equalNames(v.first(prefix.size()), prefix);
}

} // namespace

RequestParser::RequestParser(ServerLimits limits)
    : m_limits(std::move(limits))
{}

void RequestParser::append(QByteArrayView data)
{
    compact();
    m_buf.append(data);
}

void RequestParser::append(const QByteArray &data)
{
    compact();
    if (m_buf.isEmpty())
        m_buf = data; // shares, no copy
    else
        m_buf.append(data);
}

void RequestParser::compact()
{
    if (m_pos == 0)
        return;
    if (m_pos >= m_buf.size()) {
        m_buf.clear();
        m_pos = m_scan = 0;
    } else if (m_pos > 4096 && m_pos > m_buf.size() / 2) {
        m_buf.remove(0, m_pos);
        m_scan -= m_pos;
        m_pos = 0;
    }
}

RequestParser::Phase RequestParser::phase() const
{
    switch (m_state) {
    case State::RequestLine:
        return (m_pos < m_buf.size() || m_emptyLines > 0) ? Phase::Headers : Phase::Idle;
    case State::Headers:
        return Phase::Headers;
    case State::Body:
    case State::ChunkSize:
    case State::ChunkData:
    case State::ChunkDataEnd:
    case State::Trailers:
        return Phase::Body;
    case State::Complete:
    case State::Failed:
        break;
    }
    return Phase::Idle;
}

RequestParser::Line RequestParser::nextLine(qsizetype maxLength, QByteArrayView &line)
{
    const qsizetype from = qMax(m_scan, m_pos);
    const char *base = m_buf.constData();
    const void *lf =
        from < m_buf.size() ? std::memchr(base + from, '\n', size_t(m_buf.size() - from)) : nullptr;
    if (!lf) {
        m_scan = m_buf.size();
        // One byte of slack for a CR whose LF has not arrived yet.
        return (m_buf.size() - m_pos > maxLength + 1) ? Line::TooLong : Line::Incomplete;
    }
    const qsizetype lfIndex = static_cast<const char *>(lf) - base;
    // Length first, with the same slack as above, so the verdict does not depend on how the
    // bytes were split into reads.
    if (lfIndex - m_pos > maxLength + 1)
        return Line::TooLong;
    // RFC 9112 2.2: a bare LF is accepted by lenient parsers; we require CRLF.
    if (lfIndex == m_pos || base[lfIndex - 1] != '\r')
        return Line::BareLf;
    const qsizetype length = lfIndex - 1 - m_pos;
    line = QByteArrayView(base + m_pos, length);
    m_pos = lfIndex + 1;
    m_scan = m_pos;
    return Line::Ok;
}

RequestParser::Progress RequestParser::fail(int status, QString message)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorMessage = std::move(message);
    return Progress::Failed;
}

Request RequestParser::takeRequest()
{
    Q_ASSERT(m_state == State::Complete);
    Request out = std::move(m_request);
    m_request = Request();
    m_state = State::RequestLine;
    m_emptyLines = 0;
    m_blockBytes = 0;
    m_remaining = 0;
    return out;
}

RequestParser::Progress RequestParser::parse()
{
    for (;;) {
        QByteArrayView line;
        switch (m_state) {
        case State::Complete:
            return Progress::Request;
        case State::Failed:
            return Progress::Failed;

        case State::RequestLine: {
            switch (nextLine(m_limits.maxRequestLine, line)) {
            case Line::Incomplete:
                return Progress::NeedMore;
            case Line::TooLong:
                return fail(
                    414,
                    tr("The request line is longer than %1 bytes.").arg(m_limits.maxRequestLine));
            case Line::BareLf:
                return fail(400, tr("Lines must end with CRLF."));
            case Line::Ok:
                break;
            }
            if (line.isEmpty()) {
                // RFC 9112 2.2: ignore empty lines before the request line (a few).
                if (++m_emptyLines > kMaxLeadingEmptyLines)
                    return fail(400, tr("Too many empty lines before the request line."));
                continue;
            }
            if (parseRequestLine(line) == Progress::Failed)
                return Progress::Failed;
            m_state = State::Headers;
            m_blockBytes = 0;
            m_request.headers().reserve(16);
            continue;
        }

        case State::Headers:
        case State::Trailers: {
            const bool trailers = m_state == State::Trailers;
            const qsizetype room = m_limits.maxHeaderBlock - m_blockBytes;
            switch (nextLine(qMin(m_limits.maxHeaderLine, room), line)) {
            case Line::Incomplete:
                return Progress::NeedMore;
            case Line::TooLong:
                return fail(431, tr("A header line is longer than %1 bytes or the header block "
                                    "is longer than %2 bytes.")
                                     .arg(m_limits.maxHeaderLine)
                                     .arg(m_limits.maxHeaderBlock));
            case Line::BareLf:
                return fail(400, tr("Lines must end with CRLF."));
            case Line::Ok:
                break;
            }
            m_blockBytes += line.size() + 2;
            if (line.isEmpty()) {
                if (trailers) {
                    m_state = State::Complete;
                    continue;
                }
                const Progress p = finishHeaders();
                if (p != Progress::NeedMore)
                    return p;
                continue;
            }
            Headers &into = trailers ? m_request.trailers() : m_request.headers();
            if (into.size() >= m_limits.maxHeaderCount)
                return fail(431, tr("More than %1 header fields.").arg(m_limits.maxHeaderCount));
            if (parseFieldLine(line, into) == Progress::Failed)
                return Progress::Failed;
            continue;
        }

        case State::Body:
        case State::ChunkData: {
            const qsizetype available = m_buf.size() - m_pos;
            if (available == 0)
                return Progress::NeedMore;
            const qsizetype n = qsizetype(qMin<qint64>(available, m_remaining));
            m_request.body().append(m_buf.constData() + m_pos, n);
            m_pos += n;
            m_scan = m_pos;
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = m_state == State::Body ? State::Complete : State::ChunkDataEnd;
            continue;
        }

        case State::ChunkDataEnd: {
            const qsizetype available = m_buf.size() - m_pos;
            if (available == 0 || (available == 1 && m_buf.at(m_pos) == '\r'))
                return Progress::NeedMore;
            if (m_buf.at(m_pos) != '\r' || m_buf.at(m_pos + 1) != '\n')
                return fail(400, tr("Chunk data is not followed by CRLF."));
            m_pos += 2;
            m_scan = m_pos;
            m_state = State::ChunkSize;
            continue;
        }

        case State::ChunkSize: {
            switch (nextLine(m_limits.maxHeaderLine, line)) {
            case Line::Incomplete:
                return Progress::NeedMore;
            case Line::TooLong:
                return fail(400, tr("A chunk size line is too long."));
            case Line::BareLf:
                return fail(400, tr("Lines must end with CRLF."));
            case Line::Ok:
                break;
            }
            if (parseChunkSize(line) == Progress::Failed)
                return Progress::Failed;
            continue;
        }
        }
    }
}

RequestParser::Progress RequestParser::parseRequestLine(QByteArrayView line)
{
    // RFC 9112 3: method SP request-target SP HTTP-version
    const qsizetype sp1 = line.indexOf(' ');
    if (sp1 <= 0)
        return fail(400, tr("The request line is malformed."));
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView rest = line.sliced(sp1 + 1);
    const qsizetype sp2 = rest.indexOf(' ');
    if (sp2 <= 0)
        return fail(400, tr("The request line is malformed."));
    const QByteArrayView target = rest.first(sp2);
    const QByteArrayView version = rest.sliced(sp2 + 1);

    if (!isToken(method))
        return fail(400, tr("The method is not a valid token."));
    // RFC 9112 2.3: HTTP-version = "HTTP/" DIGIT "." DIGIT
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' ||
        version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9')
        return fail(400, tr("The HTTP version is malformed."));
    if (version[5] != '1')
        return fail(505, tr("Only HTTP/1.0 and HTTP/1.1 are supported."));
    m_request.setVersionMinor(version[7] - '0');
    m_request.setMethod(method.toByteArray());

    for (char ch : target) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7F)
            return fail(400, tr("The request target contains a control or non-ASCII character."));
    }
    if (method == "CONNECT")
        return fail(501, tr("CONNECT is not supported."));
    return parseTarget(target);
}

RequestParser::Progress RequestParser::parseTarget(QByteArrayView target)
{
    m_request.setTarget(target.toByteArray());
    if (target.contains('#'))
        return fail(400, tr("The request target contains a fragment."));

    QByteArrayView pathAndQuery;
    if (target.startsWith('/')) {
        pathAndQuery = target;
    } else if (target == "*") {
        // RFC 9112 3.2.4: asterisk-form only for OPTIONS
        if (m_request.method() != "OPTIONS")
            return fail(400, tr("The asterisk-form target is only allowed with OPTIONS."));
        m_request.setRawPath(QByteArrayLiteral("*"));
        m_request.setPath(QStringLiteral("*"));
        return Progress::NeedMore;
    } else {
        // RFC 9112 3.2.2: absolute-form; its authority replaces the Host field.
        qsizetype schemeLength = 0;
        if (startsWithIgnoreCase(target, "http://"))
            schemeLength = 7;
        else if (startsWithIgnoreCase(target, "https://"))
            schemeLength = 8;
        else
            return fail(400, tr("The request target is neither a path nor an http(s) URL."));
        const QByteArrayView afterScheme = target.sliced(schemeLength);
        qsizetype end = 0;
        while (end < afterScheme.size() && afterScheme[end] != '/' && afterScheme[end] != '?')
            ++end;
        const QByteArrayView authority = afterScheme.first(end);
        if (authority.isEmpty() || authority.contains('@'))
            return fail(400, tr("The request target has an empty authority or user info."));
        for (char c : authority) {
            if (!isHostChar(static_cast<unsigned char>(c)))
                return fail(400, tr("The request target's authority is malformed."));
        }
        m_request.setHost(authority.toByteArray());
        pathAndQuery = afterScheme.sliced(end);
    }

    const qsizetype question = pathAndQuery.indexOf('?');
    QByteArrayView rawPath = question < 0 ? pathAndQuery : pathAndQuery.first(question);
    if (question >= 0) {
        QByteArray query = pathAndQuery.sliced(question + 1).toByteArray();
        if (query.isNull())
            query = QByteArray("");
        m_request.setQuery(std::move(query));
    }
    if (rawPath.isEmpty())
        rawPath = "/";
    m_request.setRawPath(rawPath.toByteArray());

    // Decode the path, refusing what would make the decoded path name something else than the
    // raw one: encoded '/', NUL and controls, invalid UTF-8, dot segments (RFC 3986 5.2.4).
    QByteArray decoded;
    if (rawPath.contains('%')) {
        decoded.reserve(rawPath.size());
        for (qsizetype i = 0; i < rawPath.size(); ++i) {
            if (rawPath[i] != '%') {
                decoded.append(rawPath[i]);
                continue;
            }
            const int hi = i + 2 < rawPath.size() ? hexValue(rawPath[i + 1]) : -1;
            const int lo = hi >= 0 ? hexValue(rawPath[i + 2]) : -1;
            if (lo < 0)
                return fail(400, tr("The path contains an invalid percent-encoding."));
            const auto c = static_cast<unsigned char>(hi * 16 + lo);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7F)
                return fail(400, tr("The path contains an encoded slash or control character."));
            decoded.append(char(c));
            i += 2;
        }
    } else {
        decoded = m_request.rawPath();
    }
    for (qsizetype start = 1; start <= decoded.size();) {
        qsizetype end = decoded.indexOf('/', start);
        if (end < 0)
            end = decoded.size();
        const QByteArrayView segment(decoded.constData() + start, end - start);
        if (segment == "." || segment == "..")
            return fail(400, tr("The path contains a dot segment."));
        start = end + 1;
    }
    if (decoded.size() == rawPath.size()) {
        m_request.setPath(QString::fromLatin1(decoded)); // nothing decoded: checked ASCII
        return Progress::NeedMore;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString path = utf8.decode(decoded);
    if (utf8.hasError())
        return fail(400, tr("The path is not valid UTF-8."));
    m_request.setPath(std::move(path));
    return Progress::NeedMore;
}

RequestParser::Progress RequestParser::parseFieldLine(QByteArrayView line, Headers &into)
{
    // RFC 9112 5.2: obs-fold is refused.
    if (line.front() == ' ' || line.front() == '\t')
        return fail(400, tr("Folded header lines (obs-fold) are not accepted."));
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(400, tr("A header line has no field name or no colon."));
    // RFC 9112 5.1: no whitespace between field name and colon.
    const QByteArrayView name = line.first(colon);
    if (!isToken(name))
        return fail(400, tr("A header field name is not a valid token."));
    const QByteArrayView value = trimOws(line.sliced(colon + 1));
    if (!isFieldValue(value))
        return fail(400, tr("A header field value contains a control character."));
    into.add(Headers::name(name), value.isEmpty() ? QByteArray("") : value.toByteArray());
    return Progress::NeedMore;
}

RequestParser::Progress RequestParser::finishHeaders()
{
    const Headers &h = m_request.headers();
    const bool http11 = m_request.versionMinor() >= 1;

    // RFC 9112 3.2: exactly one Host on HTTP/1.1, never two.
    const qsizetype hosts = h.count("Host");
    if (hosts > 1)
        return fail(400, tr("The request has more than one Host field."));
    if (hosts == 0 && http11)
        return fail(400, tr("An HTTP/1.1 request needs a Host field."));
    if (hosts == 1) {
        const QByteArray host = h.value("Host");
        for (char c : host) {
            if (!isHostChar(static_cast<unsigned char>(c)))
                return fail(400, tr("The Host field is malformed."));
        }
        if (m_request.host().isNull())
            m_request.setHost(host);
    }

    const qsizetype teCount = h.count("Transfer-Encoding");
    const qsizetype clCount = h.count("Content-Length");
    bool chunked = false;
    qint64 length = 0;
    if (teCount > 0) {
        // RFC 9112 6.1: Transfer-Encoding with Content-Length is a smuggling shape.
        if (clCount > 0)
            return fail(400, tr("The request has both Transfer-Encoding and Content-Length."));
        if (!http11)
            return fail(400, tr("Transfer-Encoding is not allowed in HTTP/1.0."));
        const QList<QByteArray> codings = h.combined("Transfer-Encoding").split(',');
        int chunkedCount = 0;
        for (const QByteArray &coding : codings) {
            const QByteArrayView c = trimOws(coding);
            if (c.isEmpty())
                return fail(400, tr("Transfer-Encoding has an empty element."));
            if (Headers::equalNames(c, "chunked"))
                ++chunkedCount;
        }
        // RFC 9112 6.3: chunked must be the final coding, and only once.
        if (chunkedCount != 1 || !Headers::equalNames(trimOws(codings.last()), "chunked"))
            return fail(400, tr("Transfer-Encoding must end with a single chunked."));
        if (codings.size() > 1)
            return fail(501, tr("Only the chunked transfer coding is supported."));
        chunked = true;
    } else if (clCount > 0) {
        if (clCount > 1)
            return fail(400, tr("The request has more than one Content-Length field."));
        const QByteArray value = h.value("Content-Length");
        if (value.isEmpty() || value.size() > kMaxContentLengthDigits)
            return fail(400, tr("Content-Length is malformed."));
        for (char c : value) {
            if (c < '0' || c > '9')
                return fail(400, tr("Content-Length is malformed."));
            length = length * 10 + (c - '0');
        }
    }

    // RFC 9112 9.3
    if (http11)
        m_request.setKeepAlive(!h.hasToken("Connection", "close"));
    else
        m_request.setKeepAlive(h.hasToken("Connection", "keep-alive") &&
                               !h.hasToken("Connection", "close"));

    bool expectContinue = false;
    if (h.contains("Expect")) {
        // RFC 9110 10.1.1
        if (!Headers::equalNames(trimOws(h.combined("Expect")), "100-continue"))
            return fail(417, tr("Only the 100-continue expectation is supported."));
        expectContinue = http11;
    }

    m_bodyLimit = m_limits.bodyLimitFor(m_request.path());
    if (chunked) {
        m_state = State::ChunkSize;
    } else if (length > 0) {
        if (length > m_bodyLimit)
            return fail(413, tr("The body is larger than %1 bytes.").arg(m_bodyLimit));
        m_request.body().reserve(qsizetype(qMin<qint64>(length, kMaxBodyReserve)));
        m_remaining = length;
        m_state = State::Body;
    } else {
        m_state = State::Complete;
    }
    if (expectContinue && m_state != State::Complete && m_pos == m_buf.size())
        return Progress::ExpectContinue;
    return Progress::NeedMore;
}

RequestParser::Progress RequestParser::parseChunkSize(QByteArrayView line)
{
    // RFC 9112 7.1: chunk-size [ chunk-ext ] CRLF; extensions are ignored.
    qint64 size = 0;
    qsizetype i = 0;
    for (; i < line.size(); ++i) {
        const int digit = hexValue(line[i]);
        if (digit < 0)
            break;
        if (size > (std::numeric_limits<qint64>::max() >> 4))
            return fail(400, tr("A chunk size overflows."));
        size = size * 16 + digit;
    }
    if (i == 0)
        return fail(400, tr("A chunk size is not a hexadecimal number."));
    QByteArrayView ext = line.sliced(i);
    while (!ext.isEmpty() && (ext.front() == ' ' || ext.front() == '\t'))
        ext = ext.sliced(1);
    if (!ext.isEmpty() && (ext.front() != ';' || !isFieldValue(ext)))
        return fail(400, tr("A chunk size line is malformed."));

    if (size == 0) {
        m_state = State::Trailers;
        m_blockBytes = 0;
        return Progress::NeedMore;
    }
    if (size > m_bodyLimit - m_request.body().size())
        return fail(413, tr("The body is larger than %1 bytes.").arg(m_bodyLimit));
    m_remaining = size;
    m_state = State::ChunkData;
    return Progress::NeedMore;
}

} // namespace gatehouse::http
