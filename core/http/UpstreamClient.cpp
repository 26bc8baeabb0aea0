#include "UpstreamClient.h"

#include "Logging.h"
#include "http/Headers.h"
#include "http/UpstreamConnection.h"

#include <QHash>
#include <QHostInfo>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <arpa/inet.h>
#include <curl/curl.h>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <sys/socket.h>
#include <unordered_map>
#include <vector>

namespace gatehouse::http {

using namespace std::chrono;

void initialiseCurl()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
        if (code != CURLE_OK)
            qCCritical(lcHttp) << "curl_global_init failed:" << curl_easy_strerror(code);
    });
}

namespace {

// What may go on the wire without splitting a header line (a caller's values are otherwise
// theirs: RFC 9110's stricter isFieldValue would refuse values callers have relied on).
bool isSendableValue(QByteArrayView s)
{
    for (char c : s)
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    return true;
}

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

QHostAddress parseIp(const char *text)
{
    if (!text)
        return {};
    in_addr a4;
    if (inet_pton(AF_INET, text, &a4) == 1)
        return QHostAddress(ntohl(a4.s_addr));
    in6_addr a6;
    if (inet_pton(AF_INET6, text, &a6) == 1)
        return QHostAddress(a6.s6_addr);
    return {};
}

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.chop(1);
    return s;
}

enum class LimitHit
{
    None,
    Body,
    Headers,
};

struct SocketWatch
{
    QSocketNotifier *read = nullptr;
    QSocketNotifier *write = nullptr;
};

} // namespace

struct UpstreamClient::Private final : UpstreamConnection::Listener
{
    struct Transfer
    {
        quint64 id = 0;
        Private *owner = nullptr;
        CURL *easy = nullptr;
        curl_slist *headerList = nullptr;
        UpstreamRequest request;
        QByteArray encodedUrl;
        Callback callback;
        QPointer<QObject> context;
        bool hasContext = false;
        bool inMulti = false;
        UpstreamResponse response;
        qint64 headerBytes = 0;
        LimitHit limitHit = LimitHit::None;
        std::optional<Error> refused;
        std::optional<Error> pendingError;
        steady_clock::time_point started;
        char errorBuffer[CURL_ERROR_SIZE] = {};

        // Own HTTP/1.1 connections (plain http without a proxy).
        bool own = false;
        UpstreamConnection *connection = nullptr; // connecting for it, or carrying its request
        QByteArray wire;                          // the request as it goes on the wire
        QByteArray poolKey;                       // "host:port"
        QList<QHostAddress> addresses;            // left to try for a new connection
        int hostLookup = -1;                      // QHostInfo lookup id while resolving
        bool retried = false;
        steady_clock::time_point deadline;
        steady_clock::time_point connectDeadline;
        steady_clock::time_point attemptDeadline; // this address's share of the connect timeout

        QString hostForMessages() const
        {
            const QUrl &url = request.url;
            if (url.port() < 0)
                return url.host();
            return url.host() + u':' + QString::number(url.port());
        }
        QString what() const
        {
            return QString::fromLatin1(request.method) + u' ' + hostForMessages();
        }
    };

    struct Pool
    {
        std::vector<UpstreamConnection *> idle; // most recently used last
        int open = 0;                           // connections of this pool, idle or not
        std::deque<quint64> waiting;            // transfers waiting for a connection
    };

    UpstreamClient *q = nullptr;
    Options options;
    CURLM *multi = nullptr;
    QTimer timer;
    QHash<QByteArray, Pool> pools;
    std::set<std::pair<steady_clock::time_point, quint64>> deadlines; // own transfers
    QTimer deadlineTimer;
    steady_clock::time_point armedFor;
    std::unordered_map<quint64, std::unique_ptr<Transfer>> transfers;
    std::unordered_map<curl_socket_t, SocketWatch> sockets;
    std::vector<CURL *> idleHandles;
    QByteArray scratch;
    quint64 nextId = 0;
    quint64 connectionsOpened = 0;

    // curl callbacks (multi-socket API, https://curl.se/libcurl/c/libcurl-multi.html)
    static int onSocket(CURL *, curl_socket_t s, int what, void *userp, void *);
    static int onTimer(CURLM *, long timeoutMs, void *userp);
    static size_t onHeader(char *data, size_t size, size_t count, void *userp);
    static size_t onBody(char *data, size_t size, size_t count, void *userp);
    static curl_socket_t onOpenSocket(void *clientp, curlsocktype purpose, curl_sockaddr *address);
    static int onPrereq(void *clientp, char *primaryIp, char *localIp, int primaryPort,
                        int localPort);

    void socketAction(curl_socket_t s, int events);
    void processMessages();
    Status start(Transfer *t);
    Status validate(Transfer *t);
    Status setUpCurl(Transfer *t);
    void finish(Transfer *t, CURLcode code);
    bool followCurlRedirect(Transfer *t);
    bool followRedirect(Transfer *t, const QUrl &next);
    std::optional<Error> redirectLimit(Transfer *t) const;

    // Own HTTP/1.1 connections.
    void startOwn(Transfer *t);
    void dispatchOwn(Transfer *t);
    void openConnection(Transfer *t, Pool &pool);
    void onResolved(quint64 id, const QHostInfo &info);
    void connectNext(Transfer *t);
    void sendOn(Transfer *t, UpstreamConnection *connection);
    void finishOwn(Transfer *t, UpstreamConnection *connection, ResponseParser::Progress progress);
    void returnConnection(UpstreamConnection *connection);
    void dropConnection(UpstreamConnection *connection);
    void discardConnection(Pool &pool, UpstreamConnection *connection);
    void servePool(Pool &pool);
    void failLater(Transfer *t, Error error);
    void armDeadline(Transfer *t, steady_clock::time_point when);
    void startDeadlineTimer(steady_clock::time_point when);
    void onDeadline();
    Transfer *transferOf(const UpstreamConnection *connection);
    void connectionOpened(UpstreamConnection *connection, const Status &status) override;
    void responseFinished(UpstreamConnection *connection,
                          ResponseParser::Progress progress) override;
    void idleConnectionLost(UpstreamConnection *connection) override;

    Error totalTimeoutError(const Transfer *t) const;
    Error connectTimeoutError(const Transfer *t) const;
    Error bodyLimitError(const Transfer *t) const;
    Error headerLimitError(const Transfer *t) const;
    Error errorFor(const Transfer *t, CURLcode code) const;
    void release(Transfer *t);
    void deliver(std::unique_ptr<Transfer> t, Result<UpstreamResponse> result);
    void deliverPendingError(quint64 id);
};

int UpstreamClient::Private::onSocket(CURL *, curl_socket_t s, int what, void *userp, void *)
{
    auto *d = static_cast<Private *>(userp);
    if (what == CURL_POLL_REMOVE) {
        const auto it = d->sockets.find(s);
        if (it == d->sockets.end())
            return 0;
        // Called from inside socket_action, maybe from this notifier's own signal: defer deletion.
        for (QSocketNotifier *n : {it->second.read, it->second.write}) {
            if (n) {
                n->setEnabled(false);
                n->deleteLater();
            }
        }
        d->sockets.erase(it);
        return 0;
    }
    SocketWatch &watch = d->sockets[s];
    const bool wantRead = what == CURL_POLL_IN || what == CURL_POLL_INOUT;
    const bool wantWrite = what == CURL_POLL_OUT || what == CURL_POLL_INOUT;
    auto update = [d, s](QSocketNotifier *&n, QSocketNotifier::Type type, bool want, int event) {
        if (!n) {
            if (!want)
                return;
            n = new QSocketNotifier(s, type, d->q);
            QObject::connect(n, &QSocketNotifier::activated, d->q,
                             [d, s, event] { d->socketAction(s, event); });
        }
        if (n->isEnabled() != want)
            n->setEnabled(want);
    };
    update(watch.read, QSocketNotifier::Read, wantRead, CURL_CSELECT_IN);
    update(watch.write, QSocketNotifier::Write, wantWrite, CURL_CSELECT_OUT);
    return 0;
}

int UpstreamClient::Private::onTimer(CURLM *, long timeoutMs, void *userp)
{
    // curl_multi_socket_action must not be called from here (CURLMOPT_TIMERFUNCTION docs).
    auto *d = static_cast<Private *>(userp);
    if (timeoutMs < 0)
        d->timer.stop();
    else
        d->timer.start(int(qMin<long>(timeoutMs, 24L * 3600 * 1000)));
    return 0;
}

size_t UpstreamClient::Private::onHeader(char *data, size_t size, size_t count, void *userp)
{
    auto *t = static_cast<Transfer *>(userp);
    const size_t n = size * count;
    t->headerBytes += qint64(n);
    if (t->headerBytes > t->request.maxHeaderBytes) {
        t->limitHit = LimitHit::Headers;
        return 0;
    }
    const QByteArrayView line = trimmed(QByteArrayView(data, qsizetype(n)));
    if (line.startsWith("HTTP/")) { // a new response: after 1xx, only the final one counts
        t->response.headers.clear();
        return n;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        t->response.headers.append(
            {line.first(colon).toByteArray(), trimmed(line.sliced(colon + 1)).toByteArray()});
    return n;
}

size_t UpstreamClient::Private::onBody(char *data, size_t size, size_t count, void *userp)
{
    auto *t = static_cast<Transfer *>(userp);
    const size_t n = size * count;
    QByteArray &body = t->response.body;
    if (body.size() + qint64(n) > t->request.maxResponseBytes) {
        t->limitHit = LimitHit::Body;
        return 0;
    }
    if (body.isEmpty()) {
        curl_off_t length = -1;
        curl_easy_getinfo(t->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
        if (length > 0)
            body.reserve(qsizetype(qMin<qint64>(length, t->request.maxResponseBytes)));
    }
    body.append(data, qsizetype(n));
    return n;
}

curl_socket_t UpstreamClient::Private::onOpenSocket(void *clientp, curlsocktype purpose,
                                                    curl_sockaddr *address)
{
    auto *t = static_cast<Transfer *>(clientp);
    if (purpose != CURLSOCKTYPE_IPCXN)
        return CURL_SOCKET_BAD;
    const Status allowed = t->request.addressPolicy.check(&address->addr, t->request.url.host());
    if (!allowed) {
        qCWarning(lcHttp).noquote() << "refused connection:" << allowed.error().message();
        t->refused = allowed.error();
        return CURL_SOCKET_BAD;
    }
    const curl_socket_t s =
        ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
    if (s != CURL_SOCKET_BAD)
        ++t->owner->connectionsOpened;
    return s;
}

int UpstreamClient::Private::onPrereq(void *clientp, char *primaryIp, char *, int, int)
{
    // Runs for new and reused connections alike, before the request is sent (7.80+).
    auto *t = static_cast<Transfer *>(clientp);
    const Status allowed =
        t->request.addressPolicy.check(parseIp(primaryIp), t->request.url.host());
    if (allowed)
        return CURL_PREREQFUNC_OK;
    qCWarning(lcHttp).noquote() << "refused request:" << allowed.error().message();
    t->refused = allowed.error();
    return CURL_PREREQFUNC_ABORT;
}

void UpstreamClient::Private::socketAction(curl_socket_t s, int events)
{
    int running = 0;
    curl_multi_socket_action(multi, s, events, &running);
    processMessages();
}

void UpstreamClient::Private::processMessages()
{
    const QPointer<UpstreamClient> alive(q);
    int left = 0;
    while (CURLMsg *message = curl_multi_info_read(multi, &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL *easy = message->easy_handle;
        const CURLcode code = message->data.result;
        Transfer *t = nullptr;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, &t);
        if (!t)
            continue;
        finish(t, code); // may run a callback, which may send, abort or deleteLater
        if (!alive)
            return;
    }
}

Status UpstreamClient::Private::start(Transfer *t)
{
    const Status valid = validate(t);
    if (!valid)
        return valid;
    if (options.ownPlainHttp && t->request.proxy.isEmpty() &&
        t->request.url.scheme() == QLatin1String("http")) {
        startOwn(t);
        return {};
    }
    return setUpCurl(t);
}

Status UpstreamClient::Private::validate(Transfer *t)
{
    const UpstreamRequest &r = t->request;
    const QUrl &url = r.url;
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return Error(ErrorCode::InvalidArgument,
                     tr("upstream URL must be an absolute http or https URL"));
    if (r.requireHttps && scheme != QLatin1String("https"))
        return Error(ErrorCode::PermissionDenied,
                     tr("upstream %1: this request requires https").arg(t->hostForMessages()));
    if (!url.userInfo().isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     tr("upstream %1: credentials in the URL are not supported; send them in a "
                        "header")
                         .arg(t->hostForMessages()));
    if (!r.proxy.isEmpty() && r.addressPolicy.mode() == AddressPolicy::Mode::PublicOnly)
        return Error(ErrorCode::InvalidArgument,
                     tr("upstream %1: a proxy cannot be used for a request limited to public "
                        "addresses, because the address check would only see the proxy")
                         .arg(t->hostForMessages()));
    if (!isToken(r.method))
        return Error(ErrorCode::InvalidArgument, tr("upstream request method is not a token"));

    for (const auto &[name, value] : r.headers) {
        if (!isToken(name) || !isSendableValue(value))
            return Error(ErrorCode::InvalidArgument,
                         tr("upstream %1: header name or value contains characters that are not "
                            "allowed (header %2)")
                             .arg(t->hostForMessages(), QString::fromLatin1(name.left(64))));
        if (sameName(name, "Content-Length") || sameName(name, "Transfer-Encoding") ||
            sameName(name, "Expect"))
            return Error(ErrorCode::InvalidArgument,
                         tr("upstream %1: header %2 is managed by the client and cannot be set")
                             .arg(t->hostForMessages(), QString::fromLatin1(name)));
    }

    const milliseconds remaining =
        r.totalTimeout - duration_cast<milliseconds>(steady_clock::now() - t->started);
    if (remaining <= milliseconds(0))
        return totalTimeoutError(t);
    return {};
}

Status UpstreamClient::Private::setUpCurl(Transfer *t)
{
    const UpstreamRequest &r = t->request;
    const QUrl &url = r.url;
    bool hasAccept = false, hasContentType = false;
    for (const auto &[name, value] : r.headers) {
        hasAccept = hasAccept || sameName(name, "Accept");
        hasContentType = hasContentType || sameName(name, "Content-Type");
        // "Name;" sends an empty field; "Name:" would remove it (CURLOPT_HTTPHEADER docs).
        scratch.resize(0);
        scratch.append(name).append(value.isEmpty() ? ";" : ": ").append(value);
        t->headerList = curl_slist_append(t->headerList, scratch.constData());
    }
    // Headers curl would add on its own: remove them, so only what the caller gave is sent.
    if (!hasAccept)
        t->headerList = curl_slist_append(t->headerList, "Accept:");
    if (!hasContentType)
        t->headerList = curl_slist_append(t->headerList, "Content-Type:");
    t->headerList = curl_slist_append(t->headerList, "Expect:");

    // At least 1 ms: CURLOPT_TIMEOUT_MS 0 would mean no timeout at all (validate() refused a
    // budget already spent, but a millisecond may have passed since).
    const milliseconds remaining =
        std::max(milliseconds(1),
                 r.totalTimeout - duration_cast<milliseconds>(steady_clock::now() - t->started));
    if (!t->easy) {
        if (!idleHandles.empty()) {
            t->easy = idleHandles.back();
            idleHandles.pop_back();
        } else {
            t->easy = curl_easy_init();
        }
        if (!t->easy)
            return Error(ErrorCode::Internal, tr("cannot create a curl easy handle"));
    }
    t->encodedUrl = url.toEncoded(QUrl::RemoveFragment);
    CURL *e = t->easy;
    const char *protocols = r.requireHttps ? "https" : "http,https";
    curl_easy_setopt(e, CURLOPT_PRIVATE, t);
    curl_easy_setopt(e, CURLOPT_URL, t->encodedUrl.constData());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, protocols);
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, protocols);
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L); // redirects are ours: followRedirect()
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(e, CURLOPT_HTTP_CONTENT_DECODING, 0L); // bodies are spliced as they come
    curl_easy_setopt(e, CURLOPT_PROXY, r.proxy.isEmpty() ? "" : r.proxy.constData());
    curl_easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, long(r.connectTimeout.count()));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, long(remaining.count()));
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(r.maxResponseBytes));
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headerList);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Private::onHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Private::onBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &Private::onOpenSocket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errorBuffer);
    if (r.addressPolicy.restricts()) {
        curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, &Private::onPrereq);
        curl_easy_setopt(e, CURLOPT_PREREQDATA, t);
    }

    const QByteArray &m = r.method;
    if (m == "HEAD") {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else if (m == "GET" && r.body.isEmpty()) {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else {
        // RFC 9110 §8.6: POST, PUT and PATCH carry Content-Length even when empty.
        if (!r.body.isEmpty() || m == "POST" || m == "PUT" || m == "PATCH") {
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(r.body.size()));
            curl_easy_setopt(e, CURLOPT_POSTFIELDS, r.body.isEmpty() ? "" : r.body.constData());
        }
        if (m != "POST")
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, m.constData());
    }

    const CURLMcode added = curl_multi_add_handle(multi, e);
    if (added != CURLM_OK)
        return Error(ErrorCode::Internal,
                     tr("upstream %1: cannot start the request: %2")
                         .arg(t->what(), QString::fromLatin1(curl_multi_strerror(added))));
    t->inMulti = true;
    return {};
}

bool UpstreamClient::Private::followCurlRedirect(Transfer *t)
{
    char *location = nullptr;
    curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_URL, &location);
    if (!location)
        return false;
    return followRedirect(t, QUrl::fromEncoded(QByteArray(location)));
}

bool UpstreamClient::Private::followRedirect(Transfer *t, const QUrl &next)
{
    if (!sameOrigin(t->request.url, next)) {
        qCDebug(lcHttp).noquote() << "not following a redirect from" << t->hostForMessages()
                                  << "to another origin:" << next.host();
        return false;
    }
    const int status = t->response.status;
    UpstreamRequest &r = t->request;
    // RFC 9110 §15.4: 303 turns into GET; 301/302 after POST do too, as user agents do.
    if ((status == 303 && r.method != "HEAD") ||
        ((status == 301 || status == 302) && r.method == "POST")) {
        r.method = QByteArrayLiteral("GET");
        r.body.clear();
        r.headers.removeIf([](const auto &h) { return sameName(h.first, "Content-Type"); });
    }
    r.url = next;
    const int redirects = t->response.redirects + 1;
    if (t->easy) {
        if (t->inMulti)
            curl_multi_remove_handle(multi, t->easy);
        t->inMulti = false;
        curl_easy_reset(t->easy);
    }
    curl_slist_free_all(t->headerList);
    t->headerList = nullptr;
    t->response = UpstreamResponse();
    t->response.redirects = redirects;
    t->headerBytes = 0;
    t->refused.reset();
    t->errorBuffer[0] = 0;
    t->retried = false;
    const Status started = start(t);
    if (!started)
        failLater(t, started.error()); // the transfer stays abortable meanwhile
    return true;
}

std::optional<Error> UpstreamClient::Private::redirectLimit(Transfer *t) const
{
    if (t->response.redirects < t->request.maxRedirects)
        return std::nullopt;
    return Error(ErrorCode::Unavailable, tr("upstream %1 redirected more than %2 times")
                                             .arg(t->what())
                                             .arg(t->request.maxRedirects));
}

void UpstreamClient::Private::finish(Transfer *t, CURLcode code)
{
    if (code == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
        t->response.status = int(status);
        if (t->request.followRedirects && status >= 300 && status < 400 && status != 304) {
            if (std::optional<Error> error = redirectLimit(t)) {
                auto owned = std::move(transfers.extract(t->id).mapped());
                deliver(std::move(owned), std::move(*error));
                return;
            }
            if (followCurlRedirect(t))
                return;
        }
    }

    auto owned = std::move(transfers.extract(t->id).mapped());
    if (code != CURLE_OK) {
        Error error = errorFor(t, code);
        deliver(std::move(owned), std::move(error));
        return;
    }
    UpstreamResponse &response = t->response;
    char *ip = nullptr;
    long port = 0, connects = 0;
    curl_easy_getinfo(t->easy, CURLINFO_PRIMARY_IP, &ip);
    curl_easy_getinfo(t->easy, CURLINFO_PRIMARY_PORT, &port);
    curl_easy_getinfo(t->easy, CURLINFO_NUM_CONNECTS, &connects);
    response.remoteAddress = parseIp(ip);
    response.remotePort = quint16(port);
    response.connectionReused = connects == 0;
    UpstreamResponse result = std::move(response);
    deliver(std::move(owned), std::move(result));
}

Error UpstreamClient::Private::errorFor(const Transfer *t, CURLcode code) const
{
    const UpstreamRequest &r = t->request;
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_ABORTED_BY_CALLBACK:
        if (t->refused)
            return *t->refused;
        break;
    case CURLE_WRITE_ERROR:
        if (t->limitHit == LimitHit::Body)
            return bodyLimitError(t);
        if (t->limitHit == LimitHit::Headers)
            return headerLimitError(t);
        break;
    case CURLE_FILESIZE_EXCEEDED:
        return bodyLimitError(t);
    case CURLE_OPERATION_TIMEDOUT: {
        curl_off_t connectTime = 0;
        curl_easy_getinfo(t->easy, CURLINFO_CONNECT_TIME_T, &connectTime);
        const auto elapsed = duration_cast<milliseconds>(steady_clock::now() - t->started);
        if (connectTime == 0 && elapsed < r.totalTimeout)
            return connectTimeoutError(t);
        return totalTimeoutError(t);
    }
    case CURLE_COULDNT_RESOLVE_HOST:
        return Error(ErrorCode::Unavailable,
                     tr("upstream %1: the host name cannot be resolved").arg(t->what()));
    case CURLE_UNSUPPORTED_PROTOCOL:
        return Error(
            ErrorCode::PermissionDenied,
            tr("upstream %1: the protocol is not allowed for this request").arg(t->what()));
    default:
        break;
    }
    const QString detail = t->errorBuffer[0] ? QString::fromUtf8(t->errorBuffer)
                                             : QString::fromUtf8(curl_easy_strerror(code));
    return Error(ErrorCode::Unavailable, tr("upstream %1: %2").arg(t->what(), detail));
}

Error UpstreamClient::Private::totalTimeoutError(const Transfer *t) const
{
    return Error(ErrorCode::Unavailable,
                 tr("upstream %1 did not answer within the total timeout of %2 ms")
                     .arg(t->what())
                     .arg(t->request.totalTimeout.count()));
}

Error UpstreamClient::Private::connectTimeoutError(const Transfer *t) const
{
    return Error(ErrorCode::Unavailable,
                 tr("upstream %1: could not connect within the connect timeout of %2 ms")
                     .arg(t->what())
                     .arg(t->request.connectTimeout.count()));
}

Error UpstreamClient::Private::bodyLimitError(const Transfer *t) const
{
    return Error(ErrorCode::Validation,
                 tr("upstream %1: the response body exceeds the limit of %2 bytes")
                     .arg(t->what())
                     .arg(t->request.maxResponseBytes));
}

Error UpstreamClient::Private::headerLimitError(const Transfer *t) const
{
    return Error(ErrorCode::Validation,
                 tr("upstream %1: the response headers exceed the limit of %2 bytes")
                     .arg(t->what())
                     .arg(t->request.maxHeaderBytes));
}

void UpstreamClient::Private::release(Transfer *t)
{
    if (t->own) {
        if (t->hostLookup >= 0) {
            QHostInfo::abortHostLookup(t->hostLookup);
            t->hostLookup = -1;
        }
        deadlines.erase({t->deadline, t->id});
        deadlines.erase({t->connectDeadline, t->id});
        deadlines.erase({t->attemptDeadline, t->id});
        if (UpstreamConnection *c = t->connection) {
            // Connecting for it or in the middle of its exchange: of no use to anyone else.
            t->connection = nullptr;
            c->transferId = 0;
            dropConnection(c);
        } else if (const auto pool = pools.find(t->poolKey); pool != pools.end()) {
            std::erase(pool->waiting, t->id);
        }
    }
    if (t->easy) {
        if (t->inMulti)
            curl_multi_remove_handle(multi, t->easy);
        t->inMulti = false;
        if (int(idleHandles.size()) < options.maxIdleHandles) {
            curl_easy_reset(t->easy); // keeps no pointer into the freed Transfer
            idleHandles.push_back(t->easy);
        } else {
            curl_easy_cleanup(t->easy);
        }
        t->easy = nullptr;
    }
    curl_slist_free_all(t->headerList);
    t->headerList = nullptr;
}

void UpstreamClient::Private::deliver(std::unique_ptr<Transfer> t, Result<UpstreamResponse> result)
{
    const auto elapsed = duration_cast<microseconds>(steady_clock::now() - t->started);
    if (result.ok()) {
        result->elapsed = elapsed;
        qCDebug(lcHttp).noquote().nospace()
            << t->request.method << ' ' << t->hostForMessages() << t->request.url.path() << " -> "
            << result->status << " in " << double(elapsed.count()) / 1000.0 << " ms"
            << (result->connectionReused ? " (reused)" : "");
    } else {
        qCDebug(lcHttp).noquote().nospace()
            << t->request.method << ' ' << t->hostForMessages() << t->request.url.path()
            << " failed in " << double(elapsed.count()) / 1000.0
            << " ms: " << result.error().message();
    }
    release(t.get());
    if (t->hasContext && !t->context)
        return;
    const Callback callback = std::move(t->callback);
    t.reset();
    if (callback)
        callback(std::move(result));
}

void UpstreamClient::Private::deliverPendingError(quint64 id)
{
    const auto it = transfers.find(id);
    if (it == transfers.end() || !it->second->pendingError)
        return; // aborted meanwhile
    auto owned = std::move(transfers.extract(it).mapped());
    Error error = *owned->pendingError;
    deliver(std::move(owned), std::move(error));
}

void UpstreamClient::Private::failLater(Transfer *t, Error error)
{
    // Reported on the next turn, never from inside send(); the transfer stays abortable.
    t->pendingError = std::move(error);
    QMetaObject::invokeMethod(
        q, [this, id = t->id] { deliverPendingError(id); }, Qt::QueuedConnection);
}

void UpstreamClient::Private::startOwn(Transfer *t)
{
    t->own = true;
    const UpstreamRequest &r = t->request;
    const QUrl &url = r.url;
    const QByteArray &m = r.method;
    QByteArray target =
        url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (!target.startsWith('/'))
        target.prepend('/');
    QByteArray &w = t->wire;
    w.clear();
    w.reserve(256 + r.body.size());
    w.append(m).append(' ').append(target).append(" HTTP/1.1\r\n");
    bool hasHost = false;
    for (const auto &[name, value] : r.headers)
        hasHost = hasHost || sameName(name, "Host");
    if (!hasHost) {
        // RFC 9110 §7.2: the authority without user-info; the port only when not the default,
        // an IPv6 literal in brackets and without its zone (RFC 6874 §4: never sent).
        const QString host = url.host(QUrl::FullyEncoded);
        w.append("Host: ");
        if (host.contains(u':'))
            w.append('[').append(host.section(u'%', 0, 0).toLatin1()).append(']');
        else
            w.append(host.toLatin1());
        if (url.port() != -1 && url.port() != 80)
            w.append(':').append(QByteArray::number(url.port()));
        w.append("\r\n");
    }
    for (const auto &[name, value] : r.headers) {
        w.append(name).append(':');
        if (!value.isEmpty())
            w.append(' ').append(value);
        w.append("\r\n");
    }
    // RFC 9110 §8.6: POST, PUT and PATCH carry Content-Length even when empty; HEAD never has a
    // body, and a bodiless GET or DELETE announces none (as curl sends them).
    const bool sendsBody =
        m != "HEAD" && (!r.body.isEmpty() || m == "POST" || m == "PUT" || m == "PATCH");
    if (sendsBody)
        w.append("Content-Length: ").append(QByteArray::number(r.body.size())).append("\r\n");
    w.append("\r\n");
    if (sendsBody)
        w.append(r.body);

    t->poolKey = url.host().toUtf8() + ':' + QByteArray::number(url.port(80));
    t->deadline = t->started + r.totalTimeout;
    armDeadline(t, t->deadline);
    dispatchOwn(t);
}

namespace {

// An idle connection is checked for the peer's close before reuse once it has rested this long
// (servers' keep-alive timeouts are seconds; connections in steady use are never checked), and
// not reused at all past the second (libcurl's CURLOPT_MAXAGE_CONN default).
constexpr milliseconds kPeekAfterIdle{50};
constexpr milliseconds kMaxIdle{118'000};

} // namespace

void UpstreamClient::Private::dispatchOwn(Transfer *t)
{
    Pool &pool = pools[t->poolKey];
    const bool capacity = options.maxHostConnections <= 0 || pool.open < options.maxHostConnections;
    // A retry goes on a new connection when it may: the connection that died may not have
    // been the only one the upstream closed (a restart closes them all).
    if (t->retried && capacity) {
        openConnection(t, pool);
        return;
    }
    while (!pool.idle.empty()) {
        UpstreamConnection *c = pool.idle.back();
        if (!c->stillUsable(kPeekAfterIdle, kMaxIdle)) {
            qCDebug(lcHttp).noquote() << "dropping a kept-alive connection to" << c->poolKey
                                      << "(closed by the peer or idle too long)";
            pool.idle.pop_back();
            discardConnection(pool, c);
            continue;
        }
        const AddressPolicy &policy = t->request.addressPolicy;
        if (policy.restricts()) {
            // As CURLOPT_PREREQFUNCTION does: a connection opened under a laxer policy is not
            // reused for this request.
            const Status allowed = policy.check(c->peerAddress(), t->request.url.host());
            if (!allowed) {
                qCWarning(lcHttp).noquote() << "refused request:" << allowed.error().message();
                failLater(t, allowed.error());
                return;
            }
        }
        pool.idle.pop_back();
        sendOn(t, c);
        return;
    }
    if (options.maxHostConnections > 0 && pool.open >= options.maxHostConnections) {
        pool.waiting.push_back(t->id);
        return;
    }
    openConnection(t, pool);
}

void UpstreamClient::Private::openConnection(Transfer *t, Pool &pool)
{
    ++pool.open;
    auto *c = new UpstreamConnection(this, q);
    c->poolKey = t->poolKey;
    c->transferId = t->id;
    t->connection = c;
    t->connectDeadline = steady_clock::now() + t->request.connectTimeout;
    armDeadline(t, t->connectDeadline);
    const QString host = t->request.url.host();
    const QHostAddress literal(host);
    if (!literal.isNull()) {
        t->addresses = {literal};
        connectNext(t);
        return;
    }
    if (const auto pinned = options.resolve.constFind(host); pinned != options.resolve.cend()) {
        t->addresses = *pinned;
        connectNext(t);
        return;
    }
    t->hostLookup = QHostInfo::lookupHost(
        host, q, [this, id = t->id](const QHostInfo &info) { onResolved(id, info); });
}

void UpstreamClient::Private::onResolved(quint64 id, const QHostInfo &info)
{
    const auto it = transfers.find(id);
    if (it == transfers.end())
        return;
    Transfer *t = it->second.get();
    t->hostLookup = -1;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        UpstreamConnection *c = t->connection;
        t->connection = nullptr;
        if (c)
            dropConnection(c);
        auto owned = std::move(transfers.extract(id).mapped());
        Error error(ErrorCode::Unavailable,
                    tr("upstream %1: the host name cannot be resolved").arg(owned->what()));
        deliver(std::move(owned), std::move(error));
        return;
    }
    t->addresses = info.addresses();
    connectNext(t);
}

void UpstreamClient::Private::connectNext(Transfer *t)
{
    UpstreamConnection *c = t->connection;
    const AddressPolicy &policy = t->request.addressPolicy;
    const quint16 port = quint16(t->request.url.port(80));
    QString reason = c->errorMessage();
    while (!t->addresses.isEmpty()) {
        const QHostAddress address = t->addresses.takeFirst();
        if (policy.restricts()) {
            const Status allowed = policy.check(address, t->request.url.host());
            if (!allowed) {
                qCWarning(lcHttp).noquote() << "refused connection:" << allowed.error().message();
                t->refused = allowed.error();
                continue;
            }
        }
        const Status opened = c->connectTo(address, port);
        if (opened) {
            ++connectionsOpened;
            if (!t->addresses.isEmpty()) {
                // An address that never answers (a dropped SYN) gets its share of the connect
                // timeout, then the next one is tried, as libcurl does.
                deadlines.erase({t->attemptDeadline, t->id});
                const auto now = steady_clock::now();
                t->attemptDeadline = now + (t->connectDeadline - now) / (t->addresses.size() + 1);
                armDeadline(t, t->attemptDeadline);
            }
            return;
        }
        reason = opened.error().message();
    }
    t->connection = nullptr;
    c->transferId = 0;
    dropConnection(c);
    if (t->refused) {
        failLater(t, *t->refused);
        return;
    }
    if (reason.isEmpty())
        reason = tr("no address to connect to");
    failLater(t, Error(ErrorCode::Unavailable,
                       tr("upstream %1: cannot connect: %2").arg(t->what(), reason)));
}

void UpstreamClient::Private::sendOn(Transfer *t, UpstreamConnection *c)
{
    t->connection = c;
    c->transferId = t->id;
    const UpstreamRequest &r = t->request;
    c->send(t->wire, r.method == "HEAD", {r.maxHeaderBytes, r.maxResponseBytes});
}

UpstreamClient::Private::Transfer *
UpstreamClient::Private::transferOf(const UpstreamConnection *connection)
{
    if (!connection->transferId)
        return nullptr;
    const auto it = transfers.find(connection->transferId);
    return it == transfers.end() ? nullptr : it->second.get();
}

void UpstreamClient::Private::connectionOpened(UpstreamConnection *c, const Status &status)
{
    Transfer *t = transferOf(c);
    if (!t) {
        dropConnection(c);
        return;
    }
    if (!status) {
        connectNext(t); // the next address, or the transfer fails with this reason
        return;
    }
    deadlines.erase({t->connectDeadline, t->id});
    sendOn(t, c);
}

void UpstreamClient::Private::responseFinished(UpstreamConnection *c,
                                               ResponseParser::Progress progress)
{
    Transfer *t = transferOf(c);
    c->transferId = 0;
    if (!t) {
        if (c->reusable())
            returnConnection(c);
        else
            dropConnection(c);
        return;
    }
    finishOwn(t, c, progress);
}

namespace {

// RFC 9110 §9.2.2
bool isIdempotent(const QByteArray &method)
{
    return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" ||
           method == "OPTIONS" || method == "TRACE";
}

} // namespace

void UpstreamClient::Private::finishOwn(Transfer *t, UpstreamConnection *c,
                                        ResponseParser::Progress progress)
{
    t->connection = nullptr;
    ResponseParser &parser = c->parser();
    const bool reused = c->requestsSent() > 1;
    if (progress == ResponseParser::Progress::Failed && reused && !parser.started() &&
        !t->retried && isIdempotent(t->request.method)) {
        // The upstream closed the kept-alive connection as the request went out (RFC 9112
        // §9.3.1): once more on another connection. Only idempotent methods, RFC 9110 §9.2.2.
        qCDebug(lcHttp).noquote() << "kept-alive connection to" << t->hostForMessages()
                                  << "was closed; sending again on another one";
        dropConnection(c);
        t->retried = true;
        dispatchOwn(t);
        return;
    }

    std::optional<Error> error;
    UpstreamResponse &response = t->response;
    response.remoteAddress = c->peerAddress();
    response.remotePort = c->peerPort();
    response.connectionReused = reused;
    if (progress == ResponseParser::Progress::Complete) {
        response.status = parser.status();
        response.headers = parser.takeHeaders();
        response.body = parser.takeBody();
    } else {
        switch (parser.failure()) {
        case ResponseParser::Failure::BodyTooLarge:
            error = bodyLimitError(t);
            break;
        case ResponseParser::Failure::HeadersTooLarge:
            error = headerLimitError(t);
            break;
        case ResponseParser::Failure::None:
            error = Error(ErrorCode::Unavailable,
                          tr("upstream %1: %2").arg(t->what(), c->errorMessage()));
            break;
        default:
            error = Error(ErrorCode::Unavailable,
                          tr("upstream %1: %2").arg(t->what(), parser.errorMessage()));
            break;
        }
    }
    // Back to the pool before any callback runs, so that a request sent from it can use it.
    if (c->reusable())
        returnConnection(c);
    else
        dropConnection(c);

    const int status = response.status;
    if (!error && t->request.followRedirects && status >= 300 && status < 400 && status != 304) {
        error = redirectLimit(t);
        if (!error) {
            const QByteArray location = response.header("Location");
            if (!location.isEmpty() &&
                followRedirect(t, t->request.url.resolved(QUrl::fromEncoded(location))))
                return;
        }
    }
    auto owned = std::move(transfers.extract(t->id).mapped());
    if (error) {
        deliver(std::move(owned), std::move(*error));
        return;
    }
    UpstreamResponse result = std::move(owned->response);
    deliver(std::move(owned), std::move(result));
}

void UpstreamClient::Private::returnConnection(UpstreamConnection *c)
{
    Pool &pool = pools[c->poolKey];
    if (int(pool.idle.size()) >= options.maxCachedConnections) {
        discardConnection(pool, c);
    } else {
        pool.idle.push_back(c);
    }
    servePool(pool);
}

void UpstreamClient::Private::dropConnection(UpstreamConnection *c)
{
    Pool &pool = pools[c->poolKey];
    std::erase(pool.idle, c);
    discardConnection(pool, c);
    servePool(pool);
}

void UpstreamClient::Private::discardConnection(Pool &pool, UpstreamConnection *c)
{
    --pool.open;
    c->transferId = 0;
    c->close();
    c->deleteLater();
}

void UpstreamClient::Private::servePool(Pool &pool)
{
    // Until a waiting request takes the idle connection or the free slot: one that is refused
    // (its address policy) or fails leaves them to the next.
    while (!pool.waiting.empty() && (!pool.idle.empty() || options.maxHostConnections <= 0 ||
                                     pool.open < options.maxHostConnections)) {
        const auto it = transfers.find(pool.waiting.front());
        pool.waiting.pop_front();
        if (it != transfers.end())
            dispatchOwn(it->second.get());
    }
}

void UpstreamClient::Private::idleConnectionLost(UpstreamConnection *c)
{
    qCDebug(lcHttp).noquote() << "kept-alive connection" << c->poolKey << "closed by the peer";
    dropConnection(c);
}

void UpstreamClient::Private::armDeadline(Transfer *t, steady_clock::time_point when)
{
    deadlines.insert({when, t->id});
    if (deadlineTimer.isActive() && armedFor <= when)
        return;
    startDeadlineTimer(when);
}

void UpstreamClient::Private::startDeadlineTimer(steady_clock::time_point when)
{
    armedFor = when;
    // One millisecond late rather than early: a timer that fires before the deadline re-arms.
    const auto wait = duration_cast<milliseconds>(when - steady_clock::now()) + milliseconds(1);
    deadlineTimer.start(int(std::clamp<long long>(wait.count(), 0, 24LL * 3600 * 1000)));
}

void UpstreamClient::Private::onDeadline()
{
    const QPointer<UpstreamClient> alive(q);
    for (;;) {
        const auto now = steady_clock::now();
        if (deadlines.empty() || deadlines.begin()->first > now)
            break;
        const quint64 id = deadlines.begin()->second;
        deadlines.erase(deadlines.begin());
        const auto it = transfers.find(id);
        if (it == transfers.end())
            continue;
        Transfer *t = it->second.get();
        const bool connecting =
            t->hostLookup >= 0 ||
            (t->connection && t->connection->state() != UpstreamConnection::State::Busy);
        std::optional<Error> error;
        if (now >= t->deadline) {
            error = totalTimeoutError(t);
        } else if (connecting && now >= t->connectDeadline) {
            error = connectTimeoutError(t);
        } else if (connecting && t->connection && !t->addresses.isEmpty() &&
                   now >= t->attemptDeadline) {
            qCDebug(lcHttp).noquote()
                << "no answer from" << t->connection->peerAddress()
                << "in time; trying the next address of" << t->hostForMessages();
            t->connection->close();
            connectNext(t);
            continue;
        }
        if (!error)
            continue;
        auto owned = std::move(transfers.extract(it).mapped());
        deliver(std::move(owned), std::move(*error));
        if (!alive)
            return;
    }
    if (!deadlines.empty())
        startDeadlineTimer(deadlines.begin()->first);
}

bool UpstreamClient::sameOrigin(const QUrl &a, const QUrl &b)
{
    const int defaultPort = a.scheme() == QLatin1String("https") ? 443 : 80;
    return a.scheme() == b.scheme() && a.host() == b.host() &&
           a.port(defaultPort) == b.port(defaultPort);
}

UpstreamClient::UpstreamClient(QObject *parent)
    : UpstreamClient(Options(), parent)
{}

UpstreamClient::UpstreamClient(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    initialiseCurl();
    d->q = this;
    d->options = options;
    d->timer.setSingleShot(true);
    d->timer.setTimerType(Qt::PreciseTimer);
    d->deadlineTimer.setSingleShot(true);
    d->deadlineTimer.setTimerType(Qt::PreciseTimer);
    connect(&d->deadlineTimer, &QTimer::timeout, this, [this] { d->onDeadline(); });
    connect(&d->timer, &QTimer::timeout, this, [this] { d->socketAction(CURL_SOCKET_TIMEOUT, 0); });
    d->multi = curl_multi_init();
    curl_multi_setopt(d->multi, CURLMOPT_SOCKETFUNCTION, &Private::onSocket);
    curl_multi_setopt(d->multi, CURLMOPT_SOCKETDATA, d.get());
    curl_multi_setopt(d->multi, CURLMOPT_TIMERFUNCTION, &Private::onTimer);
    curl_multi_setopt(d->multi, CURLMOPT_TIMERDATA, d.get());
    curl_multi_setopt(d->multi, CURLMOPT_MAX_HOST_CONNECTIONS, options.maxHostConnections);
    curl_multi_setopt(d->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, options.maxTotalConnections);
    curl_multi_setopt(d->multi, CURLMOPT_MAXCONNECTS, options.maxCachedConnections);
    curl_multi_setopt(d->multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
}

UpstreamClient::~UpstreamClient()
{
    for (auto &[id, t] : d->transfers) {
        if (t->hostLookup >= 0)
            QHostInfo::abortHostLookup(t->hostLookup);
        if (t->inMulti)
            curl_multi_remove_handle(d->multi, t->easy);
        if (t->easy)
            curl_easy_cleanup(t->easy);
        curl_slist_free_all(t->headerList);
    }
    d->transfers.clear();
    for (CURL *easy : d->idleHandles)
        curl_easy_cleanup(easy);
    d->idleHandles.clear();
    curl_multi_cleanup(d->multi); // closes pooled connections; notifiers die with this QObject
    d->timer.stop();
    d->deadlineTimer.stop();
    // Own connections are children of this object and close their sockets when deleted.
}

UpstreamClient::Handle UpstreamClient::send(UpstreamRequest request, Callback callback)
{
    return send(std::move(request), nullptr, std::move(callback));
}

UpstreamClient::Handle UpstreamClient::send(UpstreamRequest request, QObject *context,
                                            Callback callback)
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "UpstreamClient::send",
               "an UpstreamClient is used only on its own thread");
    auto t = std::make_unique<Private::Transfer>();
    t->id = ++d->nextId;
    t->owner = d.get();
    t->request = std::move(request);
    t->callback = std::move(callback);
    t->context = context;
    t->hasContext = context != nullptr;
    t->started = steady_clock::now();
    Private::Transfer *raw = t.get();
    const quint64 id = t->id;
    d->transfers.emplace(id, std::move(t));
    const Status started = d->start(raw);
    if (!started)
        d->failLater(raw, started.error());
    return Handle(this, id);
}

void UpstreamClient::abortRequest(quint64 id)
{
    const auto it = d->transfers.find(id);
    if (it == d->transfers.end())
        return;
    auto owned = std::move(d->transfers.extract(it).mapped());
    qCDebug(lcHttp).noquote() << "aborted" << owned->what() << owned->request.url.path();
    d->release(owned.get());
}

bool UpstreamClient::isActive(quint64 id) const
{
    return d->transfers.find(id) != d->transfers.end();
}

int UpstreamClient::activeRequests() const
{
    return int(d->transfers.size());
}

quint64 UpstreamClient::connectionsOpened() const
{
    return d->connectionsOpened;
}

void UpstreamClient::Handle::abort()
{
    if (m_client)
        m_client->abortRequest(m_id);
}

bool UpstreamClient::Handle::isActive() const
{
    return m_client && m_client->isActive(m_id);
}

} // namespace gatehouse::http
