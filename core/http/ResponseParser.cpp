#include "http/ResponseParser.h"

#include "http/Headers.h"

#include <cstring>
#include <limits>

namespace gatehouse::http {

namespace {

constexpr qsizetype kMaxContentLengthDigits = 18;
// Chunk size lines are not header lines, but their extensions must not grow m_line unbounded.
constexpr qint64 kMaxChunkSizeLine = 4096;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Calls f(element) for every comma-separated element of every field of that name, OWS-trimmed.
template <typename F>
void forEachElement(const UpstreamHeaders &headers, QByteArrayView name, F f)
{
    for (const auto &[fieldName, value] : headers) {
        if (!Headers::equalNames(fieldName, name))
            continue;
        for (QByteArrayView rest = value;;) {
            const qsizetype comma = rest.indexOf(',');
            f(trimOws(comma < 0 ? rest : rest.first(comma)));
            if (comma < 0)
                break;
            rest = rest.sliced(comma + 1);
        }
    }
}

bool hasToken(const UpstreamHeaders &headers, QByteArrayView name, QByteArrayView token)
{
    bool found = false;
    forEachElement(headers, name, [&](QByteArrayView element) {
        found = found || Headers::equalNames(element, token);
    });
    return found;
}

bool hasField(const UpstreamHeaders &headers, QByteArrayView name)
{
    for (const auto &field : headers) {
        if (Headers::equalNames(field.first, name))
            return true;
    }
    return false;
}

} // namespace

void ResponseParser::begin(bool headRequest, Limits limits)
{
    m_limits = limits;
    m_head = headRequest;
    m_state = State::StatusLine;
    m_line.clear();
    m_headerBytes = 0;
    m_remaining = 0;
    m_status = 0;
    m_minorVersion = 1;
    m_headers.clear();
    m_foldable = false;
    m_body = QByteArray();
    m_keepAlive = true;
    m_started = false;
    m_failure = Failure::None;
    m_errorMessage.clear();
}

ResponseParser::Progress ResponseParser::feed(QByteArrayView data, qsizetype *consumed)
{
    qsizetype pos = 0;
    auto done = [&](Progress p) {
        if (consumed)
            *consumed = pos;
        return p;
    };
    if (m_state == State::Complete)
        return done(Progress::Complete);
    if (m_state == State::Failed)
        return done(Progress::Failed);
    if (!data.isEmpty())
        m_started = true;

    while (m_state != State::Complete && pos < data.size()) {
        const qsizetype available = data.size() - pos;
        switch (m_state) {
        case State::Body:
        case State::ChunkData: {
            const auto n = qsizetype(qMin<qint64>(available, m_remaining));
            m_body.append(data.data() + pos, n);
            pos += n;
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = m_state == State::Body ? State::Complete : State::ChunkDataEnd;
            continue;
        }
        case State::UntilClose:
            if (available > m_limits.maxBodyBytes - m_body.size()) {
                pos = data.size();
                return done(fail(Failure::BodyTooLarge,
                                 tr("the upstream's response body exceeds the limit of %1 bytes")
                                     .arg(m_limits.maxBodyBytes)));
            }
            m_body.append(data.data() + pos, available);
            pos = data.size();
            continue;
        case State::ChunkDataEnd: {
            // RFC 9112 7.1: CRLF after chunk-data (a bare LF accepted, as for lines).
            const char c = data[pos];
            if (c == '\r' && m_line.isEmpty()) {
                m_line.append(c);
                ++pos;
                continue;
            }
            if (c != '\n')
                return done(fail(Failure::Malformed,
                                 tr("the upstream's response has chunk data longer than its "
                                    "chunk size")));
            ++pos;
            m_line.clear();
            m_state = State::ChunkSize;
            continue;
        }
        case State::StatusLine:
        case State::Headers:
        case State::ChunkSize:
        case State::Trailers: {
            const bool chunkSize = m_state == State::ChunkSize;
            const qint64 room =
                chunkSize ? kMaxChunkSizeLine : m_limits.maxHeaderBytes - m_headerBytes;
            QByteArrayView line;
            qsizetype rawLength = 0;
            switch (readLine(data, pos, room, line, rawLength)) {
            case Line::Incomplete:
                continue;
            case Line::TooLong:
                if (chunkSize)
                    return done(fail(Failure::Malformed,
                                     tr("the upstream's response has a chunk size line longer "
                                        "than %1 bytes")
                                         .arg(kMaxChunkSizeLine)));
                return done(fail(Failure::HeadersTooLarge,
                                 tr("the upstream's response headers exceed the limit of %1 bytes")
                                     .arg(m_limits.maxHeaderBytes)));
            case Line::Ok:
                break;
            }
            if (!chunkSize)
                m_headerBytes += rawLength;
            const Progress p = lineArrived(line);
            m_line.clear(); // after lineArrived: `line` may point into it
            if (p == Progress::Failed)
                return done(p);
            continue;
        }
        case State::Complete:
        case State::Failed:
            break;
        }
    }
    return done(m_state == State::Complete ? Progress::Complete : Progress::NeedMore);
}

ResponseParser::Progress ResponseParser::finishAtEof()
{
    switch (m_state) {
    case State::Complete:
        return Progress::Complete;
    case State::Failed:
        return Progress::Failed;
    case State::UntilClose:
        m_state = State::Complete;
        return Progress::Complete;
    default:
        break;
    }
    if (!m_started)
        return fail(Failure::Truncated,
                    tr("the upstream closed the connection without sending a response"));
    return fail(Failure::Truncated,
                tr("the upstream closed the connection before the response was complete"));
}

ResponseParser::Line ResponseParser::readLine(QByteArrayView data, qsizetype &pos, qint64 room,
                                              QByteArrayView &line, qsizetype &rawLength)
{
    // Only the new bytes are searched; a partial line waits in m_line.
    const char *from = data.data() + pos;
    const qsizetype available = data.size() - pos;
    const auto *lf = static_cast<const char *>(std::memchr(from, '\n', size_t(available)));
    const qsizetype take = lf ? lf - from + 1 : available;
    // Line ends count, so the verdict is the same however the bytes were split.
    if (m_line.size() + take > room)
        return Line::TooLong;
    pos += take;
    if (!lf) {
        m_line.append(from, take);
        return Line::Incomplete;
    }
    rawLength = m_line.size() + take;
    if (m_line.isEmpty()) {
        line = QByteArrayView(from, take - 1);
    } else {
        m_line.append(from, take - 1);
        line = m_line;
    }
    // RFC 9112 2.2: a recipient may take a bare LF as a line end.
    if (!line.isEmpty() && line.back() == '\r')
        line.chop(1);
    return Line::Ok;
}

ResponseParser::Progress ResponseParser::lineArrived(QByteArrayView line)
{
    switch (m_state) {
    case State::StatusLine:
        return parseStatusLine(line);
    case State::Headers:
        if (line.isEmpty())
            return finishHeaders();
        return parseFieldLine(line, true);
    case State::Trailers:
        if (line.isEmpty()) {
            m_state = State::Complete;
            return Progress::Complete;
        }
        return parseFieldLine(line, false); // RFC 9112 7.1.2: checked, then discarded
    case State::ChunkSize:
        return parseChunkSize(line);
    default:
        break;
    }
    Q_UNREACHABLE();
    return Progress::Failed;
}

ResponseParser::Progress ResponseParser::fail(Failure failure, QString message)
{
    m_state = State::Failed;
    m_failure = failure;
    m_errorMessage = std::move(message);
    return Progress::Failed;
}

ResponseParser::Progress ResponseParser::parseStatusLine(QByteArrayView line)
{
    // RFC 9112 4: HTTP-version SP status-code SP [ reason-phrase ]; the second SP is often
    // left out when the reason is empty, so it is optional here.
    if (line.size() < 12 || !line.startsWith("HTTP/") || !isDigit(line[5]) || line[6] != '.' ||
        !isDigit(line[7]) || line[8] != ' ')
        return fail(Failure::Malformed,
                    tr("the upstream's response does not start with an HTTP status line"));
    // RFC 9110 2.5: a higher minor version is processed as the highest one implemented.
    if (line[5] != '1')
        return fail(Failure::Malformed, tr("the upstream's response is not HTTP/1.x"));
    const QByteArrayView code = line.sliced(9, 3);
    if (code[0] < '1' || code[0] > '5' || !isDigit(code[1]) || !isDigit(code[2]) ||
        (line.size() > 12 && line[12] != ' '))
        return fail(Failure::Malformed, tr("the upstream's response has an invalid status code"));
    if (line.size() > 13 && !isFieldValue(line.sliced(13)))
        return fail(Failure::Malformed,
                    tr("the upstream's response has a control character in its reason phrase"));
    m_status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
    if (m_status == 101)
        return fail(Failure::Malformed,
                    tr("the upstream switched protocols (101), which is not supported"));
    m_minorVersion = line[7] - '0';
    m_headers.reserve(16);
    m_foldable = false;
    m_state = State::Headers;
    return Progress::NeedMore;
}

ResponseParser::Progress ResponseParser::parseFieldLine(QByteArrayView line, bool store)
{
    if (line.front() == ' ' || line.front() == '\t') {
        // RFC 9112 5.2: obs-fold is replaced by one SP before the value is interpreted.
        if (!m_foldable)
            return fail(Failure::Malformed,
                        tr("the upstream's response has a continuation line with no header "
                           "field before it"));
        const QByteArrayView more = trimOws(line);
        if (!isFieldValue(more))
            return fail(Failure::Malformed,
                        tr("the upstream's response has a control character in a header field "
                           "value"));
        if (store && !more.isEmpty()) {
            QByteArray &value = m_headers.last().second;
            if (!value.isEmpty())
                value.append(' ');
            value.append(more);
        }
        return Progress::NeedMore;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(Failure::Malformed,
                    tr("the upstream's response has a header line without a field name and "
                       "colon"));
    const QByteArrayView name = line.first(colon);
    // RFC 9112 5.1: no whitespace between the field name and the colon.
    if (name.back() == ' ' || name.back() == '\t')
        return fail(Failure::Malformed,
                    tr("the upstream's response has whitespace before a header field's colon"));
    if (!isToken(name))
        return fail(Failure::Malformed,
                    tr("the upstream's response has an invalid header field name"));
    const QByteArrayView value = trimOws(line.sliced(colon + 1));
    if (!isFieldValue(value))
        return fail(Failure::Malformed,
                    tr("the upstream's response has a control character in a header field value"));
    if (store)
        m_headers.emplace_back(Headers::name(name),
                               value.isEmpty() ? QByteArray("") : value.toByteArray());
    m_foldable = true;
    return Progress::NeedMore;
}

ResponseParser::Progress ResponseParser::finishHeaders()
{
    // Interim responses are skipped; their bytes stay counted against the header limit.
    if (m_status < 200) {
        m_headers.clear();
        m_state = State::StatusLine;
        return Progress::NeedMore;
    }

    // RFC 9112 9.3
    if (m_minorVersion == 0)
        m_keepAlive = hasToken(m_headers, "Connection", "keep-alive");
    if (hasToken(m_headers, "Connection", "close"))
        m_keepAlive = false;

    // RFC 9112 6.3: the rules in order.
    if (m_head || m_status == 204 || m_status == 304) {
        m_state = State::Complete;
        return Progress::Complete;
    }
    if (hasField(m_headers, "Transfer-Encoding")) {
        QByteArrayView last;
        forEachElement(m_headers, "Transfer-Encoding", [&](QByteArrayView coding) {
            if (!coding.isEmpty())
                last = coding;
        });
        // With Content-Length as well, Transfer-Encoding wins but the framing is suspect; an
        // HTTP/1.0 message with Transfer-Encoding is treated as faulty framing too (6.1).
        if (hasField(m_headers, "Content-Length") || m_minorVersion == 0)
            m_keepAlive = false;
        if (Headers::equalNames(last, "chunked")) {
            m_state = State::ChunkSize;
        } else {
            m_keepAlive = false;
            m_state = State::UntilClose;
        }
        return Progress::NeedMore;
    }
    if (hasField(m_headers, "Content-Length")) {
        // RFC 9110 8.6: repeated values (fields or a list) are accepted only when all agree.
        qint64 length = -1;
        bool valid = true;
        bool conflict = false;
        forEachElement(m_headers, "Content-Length", [&](QByteArrayView element) {
            if (element.isEmpty() || element.size() > kMaxContentLengthDigits) {
                valid = false;
                return;
            }
            qint64 n = 0;
            for (char c : element) {
                if (!isDigit(c)) {
                    valid = false;
                    return;
                }
                n = n * 10 + (c - '0');
            }
            if (length >= 0 && n != length)
                conflict = true;
            length = n;
        });
        if (!valid)
            return fail(Failure::Malformed,
                        tr("the upstream's response has an invalid Content-Length"));
        if (conflict)
            return fail(Failure::Malformed,
                        tr("the upstream's response has conflicting Content-Length values"));
        if (length > m_limits.maxBodyBytes)
            return fail(Failure::BodyTooLarge,
                        tr("the upstream's response body of %1 bytes exceeds the limit of %2 "
                           "bytes")
                            .arg(length)
                            .arg(m_limits.maxBodyBytes));
        if (length == 0) {
            m_state = State::Complete;
            return Progress::Complete;
        }
        m_body.reserve(qsizetype(length));
        m_remaining = length;
        m_state = State::Body;
        return Progress::NeedMore;
    }
    m_keepAlive = false;
    m_state = State::UntilClose;
    return Progress::NeedMore;
}

ResponseParser::Progress ResponseParser::parseChunkSize(QByteArrayView line)
{
    // RFC 9112 7.1: chunk-size [ chunk-ext ]; extensions are ignored.
    qint64 size = 0;
    qsizetype i = 0;
    for (; i < line.size(); ++i) {
        const int digit = hexValue(line[i]);
        if (digit < 0)
            break;
        if (size > (std::numeric_limits<qint64>::max() >> 4))
            return fail(Failure::Malformed,
                        tr("the upstream's response has an invalid chunk size"));
        size = size * 16 + digit;
    }
    const QByteArrayView ext = trimOws(line.sliced(i));
    if (i == 0 || (!ext.isEmpty() && (ext.front() != ';' || !isFieldValue(ext))))
        return fail(Failure::Malformed, tr("the upstream's response has an invalid chunk size"));
    if (size == 0) {
        m_foldable = false;
        m_state = State::Trailers;
        return Progress::NeedMore;
    }
    if (size > m_limits.maxBodyBytes - m_body.size())
        return fail(Failure::BodyTooLarge,
                    tr("the upstream's response body exceeds the limit of %1 bytes")
                        .arg(m_limits.maxBodyBytes));
    m_remaining = size;
    m_state = State::ChunkData;
    return Progress::NeedMore;
}

} // namespace gatehouse::http
