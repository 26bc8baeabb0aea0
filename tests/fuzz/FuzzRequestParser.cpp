// Feeds arbitrary bytes to http::RequestParser: whole, split in two at a position taken from the
// data, and (for small inputs) one byte at a time. Besides memory errors (under the sanitizers),
// it checks a property: the parse results never depend on how the bytes were split.
#include "http/RequestParser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using gatehouse::http::Request;
using gatehouse::http::RequestParser;
using gatehouse::http::ServerLimits;

namespace {

ServerLimits smallLimits()
{
    // Small limits, so that short inputs reach the limit paths.
    ServerLimits limits;
    limits.maxRequestLine = 200;
    limits.maxHeaderLine = 120;
    limits.maxHeaderBlock = 400;
    limits.maxHeaderCount = 8;
    limits.maxBody = 300;
    limits.bodyLimits = {{QStringLiteral("/o/"), 20}};
    return limits;
}

void summarize(const Request &r, QByteArray &out)
{
    out += r.method() + ' ' + r.target() + ' ' + r.path().toUtf8() + ' ' + r.query() + ' ' +
           r.host() + ' ' + QByteArray::number(r.versionMinor()) + (r.keepAlive() ? " ka " : " c ");
    for (const auto &[name, value] : r.headers().fields())
        out += name + ':' + value + '|';
    out += QByteArray::number(r.body().size()) + ':' + r.body() + '|';
    for (const auto &[name, value] : r.trailers().fields())
        out += name + ':' + value + '|';
    out += '\n';
}

QByteArray run(const uint8_t *data, size_t size, const size_t *cuts, size_t cutCount)
{
    static const ServerLimits limits = smallLimits();
    RequestParser parser(limits);
    QByteArray out;
    size_t start = 0;
    for (size_t c = 0; c <= cutCount; ++c) {
        const size_t end = c < cutCount ? cuts[c] : size;
        parser.append(
            QByteArrayView(reinterpret_cast<const char *>(data) + start, qsizetype(end - start)));
        start = end;
        for (bool more = true; more;) {
            switch (parser.parse()) {
            case RequestParser::Progress::NeedMore:
                more = false;
                break;
            case RequestParser::Progress::ExpectContinue:
                break;
            case RequestParser::Progress::Request:
                summarize(parser.takeRequest(), out);
                break;
            case RequestParser::Progress::Failed:
                out += "ERR " + QByteArray::number(parser.errorStatus());
                if (parser.errorMessage().isEmpty())
                    std::abort();
                return out;
            }
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray whole = run(data, size, nullptr, 0);
    if (size > 1) {
        const size_t cut = 1 + (size_t(data[0]) * 251 + size_t(data[size - 1])) % (size - 1);
        if (run(data, size, &cut, 1) != whole) {
            std::fprintf(stderr, "split at %zu changed the result\n", cut);
            std::abort();
        }
    }
    if (size <= 512) {
        size_t cuts[512];
        for (size_t i = 1; i < size; ++i)
            cuts[i - 1] = i;
        if (run(data, size, cuts, size > 0 ? size - 1 : 0) != whole) {
            std::fprintf(stderr, "byte-at-a-time changed the result\n");
            std::abort();
        }
    }
    return 0;
}

#ifdef GATEHOUSE_FUZZ_REPLAY
#include "ReplayMain.h"
#endif
