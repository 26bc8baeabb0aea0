// Feeds arbitrary bytes to http::ResponseParser: whole, split in two at a position taken from the
// data, and (for small inputs) one byte at a time, parsing responses one after another as on a
// keep-alive connection. An input starting with '!' is the answer to a HEAD request (the '!' is
// not fed). Besides memory errors (under the sanitizers), it checks that the results never depend
// on how the bytes were split and that feed() consumes what its contract says.
#include "http/ResponseParser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using gatehouse::http::ResponseParser;

namespace {

// Small limits, so that short inputs reach the limit paths.
constexpr ResponseParser::Limits kLimits{400, 300};

void summarize(ResponseParser &parser, QByteArray &out)
{
    out += QByteArray::number(parser.status()) + (parser.keepAlive() ? " ka " : " c ");
    for (const auto &[name, value] : parser.takeHeaders())
        out += name + ':' + value + '|';
    const QByteArray body = parser.takeBody();
    out += QByteArray::number(body.size()) + ':' + body + '\n';
}

void failed(const ResponseParser &parser, QByteArray &out)
{
    if (parser.errorMessage().isEmpty() || parser.failure() == ResponseParser::Failure::None)
        std::abort();
    out += "ERR " + QByteArray::number(int(parser.failure())) +
           (parser.started() ? " started" : " idle");
}

QByteArray run(QByteArrayView data, bool head, const size_t *cuts, size_t cutCount)
{
    ResponseParser parser;
    parser.begin(head, kLimits);
    QByteArray out;
    qsizetype start = 0;
    for (size_t c = 0; c <= cutCount; ++c) {
        const qsizetype end = c < cutCount ? qsizetype(cuts[c]) : data.size();
        QByteArrayView piece = data.sliced(start, end - start);
        start = end;
        while (!piece.isEmpty()) {
            qsizetype consumed = -1;
            switch (parser.feed(piece, &consumed)) {
            case ResponseParser::Progress::NeedMore:
                if (consumed != piece.size())
                    std::abort();
                break;
            case ResponseParser::Progress::Complete:
                // A response is at least a status line, so something of this piece was used.
                if (consumed <= 0 || consumed > piece.size())
                    std::abort();
                summarize(parser, out);
                parser.begin(head, kLimits);
                break;
            case ResponseParser::Progress::Failed:
                failed(parser, out);
                return out;
            }
            piece = piece.sliced(consumed);
        }
    }
    if (parser.finishAtEof() == ResponseParser::Progress::Complete)
        summarize(parser, out);
    else
        failed(parser, out);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    QByteArrayView data(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const bool head = data.startsWith('!');
    if (head)
        data = data.sliced(1);
    const size_t n = size_t(data.size());

    const QByteArray whole = run(data, head, nullptr, 0);
    if (n > 1) {
        const size_t cut = 1 + (size_t(bytes[0]) * 251 + size_t(bytes[size - 1])) % (n - 1);
        if (run(data, head, &cut, 1) != whole) {
            std::fprintf(stderr, "split at %zu changed the result\n", cut);
            std::abort();
        }
    }
    if (n <= 512) {
        size_t cuts[512];
        for (size_t i = 1; i < n; ++i)
            cuts[i - 1] = i;
        if (run(data, head, cuts, n > 0 ? n - 1 : 0) != whole) {
            std::fprintf(stderr, "byte-at-a-time changed the result\n");
            std::abort();
        }
    }
    return 0;
}

#ifdef GATEHOUSE_FUZZ_REPLAY
#include "ReplayMain.h"
#endif
