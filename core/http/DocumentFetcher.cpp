#include "DocumentFetcher.h"

#include "http/UpstreamClient.h"

#include <QEventLoop>
#include <QTimer>

#include <optional>

namespace gatehouse::http {

using namespace std::chrono;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kExcerptChars = 200;
constexpr auto kTimeoutSlack = 20ms;

bool isHttpScheme(const QString &scheme)
{
    return scheme == "http"_L1 || scheme == "https"_L1;
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool isTextual(const QByteArray &contentType)
{
    QByteArray type = contentType.toLower();
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    type = type.trimmed();
    return type.startsWith("text/") || type.contains("json") || type.contains("xml") ||
           type.contains("yaml");
}

// A server's words go into our messages: no control or format characters (terminal escapes,
// bidi overrides), whitespace collapsed, at most kExcerptChars characters.
QString excerpt(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body.left(kExcerptChars * 4));
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : text) {
        switch (c.category()) {
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            clean += u' ';
            break;
        default:
            clean += c;
        }
    }
    clean = clean.simplified();
    if (clean.size() > kExcerptChars) {
        qsizetype keep = kExcerptChars - 1;
        if (clean.at(keep - 1).isHighSurrogate())
            --keep;
        clean = clean.left(keep) + u'\u2026';
    }
    return clean;
}

// Sends one request and waits for its answer in a local event loop.
Result<UpstreamResponse> sendAndWait(UpstreamClient &client, UpstreamRequest request,
                                     milliseconds guard)
{
    std::optional<Result<UpstreamResponse>> result;
    QEventLoop loop;
    UpstreamClient::Handle handle =
        client.send(std::move(request), [&result, &loop](Result<UpstreamResponse> r) {
            result = std::move(r);
            loop.quit();
        });
    // The client never calls back from inside send(), but a quit() before exec() would be lost.
    if (!result) {
        // The client enforces the timeouts itself; this only keeps a client fault from hanging.
        QTimer guardTimer;
        guardTimer.setSingleShot(true);
        QObject::connect(&guardTimer, &QTimer::timeout, &loop, &QEventLoop::quit);
        guardTimer.start(guard);
        loop.exec();
    }
    if (!result) {
        handle.abort();
        return Error(
            ErrorCode::Internal,
            DocumentFetcher::tr("the HTTP client did not report within %1 ms").arg(guard.count()));
    }
    return std::move(*result);
}

Error statusError(const QString &shown, const UpstreamResponse &response)
{
    const int status = response.status;
    const QString text =
        isTextual(response.header("Content-Type")) ? excerpt(response.body) : QString();
    QString message =
        text.isEmpty()
            ? DocumentFetcher::tr("the document at %1 could not be fetched: the server answered "
                                  "with status %2")
                  .arg(shown, QString::number(status))
            : DocumentFetcher::tr("the document at %1 could not be fetched: the server answered "
                                  "with status %2 and \"%3\"")
                  .arg(shown, QString::number(status), text);
    ErrorCode code = ErrorCode::Unavailable;
    if (status == 404 || status == 410) {
        code = ErrorCode::NotFound;
        message += DocumentFetcher::tr("; check the URL");
    } else if (status == 401 || status == 403 || status == 407) {
        code = ErrorCode::PermissionDenied;
        message += DocumentFetcher::tr(
            "; no credentials are sent for documents: download the document and name it as a "
            "file");
    }
    return Error(code, message);
}

Error transportError(const QString &shown, const Error &cause,
                     const DocumentFetcher::Options &options, bool deadlinePassed)
{
    switch (cause.code()) {
    case ErrorCode::PermissionDenied:
        if (options.addressPolicy.mode() == AddressPolicy::Mode::PublicOnly)
            return Error(cause.code(),
                         DocumentFetcher::tr("cannot fetch the document at %1: %2; documents on "
                                             "private networks must be downloaded and named as "
                                             "a file")
                             .arg(shown, cause.message()));
        break;
    case ErrorCode::Validation: // the body (or, pathologically, the headers) hit the limit
        return Error(cause.code(),
                     DocumentFetcher::tr("the document at %1 is too large: the limit is %2 bytes; "
                                         "download it and name it as a file")
                         .arg(shown, QString::number(options.maxBytes)));
    case ErrorCode::Unavailable:
        if (deadlinePassed)
            return Error(cause.code(),
                         DocumentFetcher::tr("the document at %1 did not arrive within %2 ms; "
                                             "check that the server is reachable from this "
                                             "machine, or download the document and name it as "
                                             "a file")
                             .arg(shown, QString::number(options.timeout.count())));
        return Error(cause.code(),
                     DocumentFetcher::tr("cannot fetch the document at %1: %2; check the URL and "
                                         "that the server is reachable from this machine")
                         .arg(shown, cause.message()));
    default:
        break;
    }
    return Error(
        cause.code(),
        DocumentFetcher::tr("cannot fetch the document at %1: %2").arg(shown, cause.message()));
}

} // namespace

QString DocumentFetcher::displayUrl(const QUrl &url)
{
    QString shown =
        url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (url.hasQuery())
        shown += u"?\u2026"_s;
    return shown;
}

Result<DocumentFetcher::Document> DocumentFetcher::fetch(const QUrl &url, const Options &options)
{
    const QString shown = displayUrl(url);
    if (!url.isValid() || url.isRelative())
        return Error(ErrorCode::InvalidArgument,
                     tr("cannot fetch the document at \"%1\": it is not an absolute http or https "
                        "URL")
                         .arg(shown));
    if (!isHttpScheme(url.scheme()))
        return Error(ErrorCode::InvalidArgument,
                     tr("cannot fetch the document at %1: only http and https URLs can be "
                        "fetched; name a local document as a file")
                         .arg(shown));
    if (!url.userInfo().isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     tr("cannot fetch the document at %1: the URL contains a user name or "
                        "password, which is never sent because it would end up in logs and "
                        "messages; remove it, or download the document and name it as a file")
                         .arg(shown));
    if (url.host().isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     tr("cannot fetch the document at %1: the URL names no host").arg(shown));
    if (options.requireHttps && url.scheme() != "https"_L1)
        return Error(ErrorCode::PermissionDenied,
                     tr("cannot fetch the document at %1: only https URLs are allowed here; use "
                        "the https address of the document")
                         .arg(shown));
    if (!QCoreApplication::instance())
        return Error(ErrorCode::Internal,
                     tr("cannot fetch the document at %1: no QCoreApplication exists").arg(shown));

    const auto deadline = steady_clock::now() + options.timeout;
    UpstreamClient client;
    QUrl current = url.adjusted(QUrl::RemoveFragment);
    for (int redirects = 0;; ++redirects) {
        const auto remaining = duration_cast<milliseconds>(deadline - steady_clock::now());
        if (remaining <= 0ms)
            return transportError(shown, Error(ErrorCode::Unavailable, QString()), options, true);

        UpstreamRequest request;
        request.url = current;
        request.headers = {{"Accept", "application/json, application/yaml, text/yaml, */*;q=0.1"}};
        request.connectTimeout = std::min(remaining, milliseconds(10'000));
        request.totalTimeout = remaining;
        request.maxResponseBytes = options.maxBytes;
        request.requireHttps = options.requireHttps;
        request.addressPolicy = options.addressPolicy;
        // Redirects are followed here rather than by the client, so the final URL is known and a
        // redirect to another origin can be named. Each hop gets the time that is left.
        request.followRedirects = false;

        const Result<UpstreamResponse> answer =
            sendAndWait(client, std::move(request), remaining + 10s);
        if (!answer.ok())
            return transportError(shown, answer.error(), options,
                                  steady_clock::now() + kTimeoutSlack >= deadline);
        const UpstreamResponse &response = answer.value();

        if (isRedirect(response.status) && response.hasHeader("Location")) {
            const QUrl target = current.resolved(QUrl::fromEncoded(response.header("Location")))
                                    .adjusted(QUrl::RemoveFragment);
            if (!target.isValid() || target.host().isEmpty())
                return Error(ErrorCode::Unavailable,
                             tr("the document at %1 redirects to an address that is not a valid "
                                "URL")
                                 .arg(shown));
            if (!UpstreamClient::sameOrigin(current, target))
                return Error(ErrorCode::PermissionDenied,
                             tr("the document at %1 redirects to another origin, %2; use %2 "
                                "itself if you trust it")
                                 .arg(shown, displayUrl(target)));
            if (options.maxRedirects <= 0)
                return Error(ErrorCode::Unavailable,
                             tr("the document at %1 redirects to %2, and redirects are not "
                                "followed here; use %2 itself")
                                 .arg(shown, displayUrl(target)));
            if (redirects >= options.maxRedirects)
                return Error(ErrorCode::Unavailable,
                             tr("the document at %1 redirects more than %2 times; use the address "
                                "where it finally lives")
                                 .arg(shown, QString::number(options.maxRedirects)));
            current = target;
            continue;
        }
        if (response.status < 200 || response.status > 299)
            return statusError(shown, response);
        return Document{response.body, response.header("Content-Type"), current};
    }
}

} // namespace gatehouse::http
