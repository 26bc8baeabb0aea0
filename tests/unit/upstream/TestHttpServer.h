#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QSemaphore>
#include <QThread>
#include <QUrl>

#include <atomic>

// A small HTTP/1.1 server on 127.0.0.1 in its own thread, answering fixed routes:
//   /hello            200 "hello"
//   /echo             200, the request body; X-Method and X-Request-Content-Type headers
//   /head             200, the raw request head
//   /bytes?n=N        200, N bytes, Content-Length
//   /chunked?n=N      200, N bytes, chunked
//   /headers?n=N      200 with N filler header fields of 100 bytes
//   /silent           never answers
//   /stall            headers promising 1000 bytes, then 10 bytes and nothing more
//   /delay?ms=N       "hello" after N ms
//   /redirect?to=URL&code=C   C (302) with Location: URL
//   /loop             302 to /loop
//   /close-after      "hello", then the server closes the connection (no Connection: close)
//   /close-soon       "hello", then the server closes the connection 50 ms later
//   /first-only       "first" as a connection's first request; later ones: closed unanswered
//   /until-close      a body delimited by closing the connection
//   /garbage          bytes that are not an HTTP response, then close
// Keeps connections alive; counts accepted connections and requests; records request heads.
class TestHttpServer : public QThread
{
public:
    TestHttpServer();
    ~TestHttpServer() override;

    quint16 port() const { return m_port; }
    QUrl url(const QString &pathAndQuery) const;
    int accepts() const { return m_accepts.load(); }
    int requests() const { return m_requests.load(); }
    QList<QByteArray> heads() const;

    // Called on the server thread.
    void recordAccept() { ++m_accepts; }
    void recordRequest(const QByteArray &head);

protected:
    void run() override;

private:
    quint16 m_port = 0;
    std::atomic<int> m_accepts{0};
    std::atomic<int> m_requests{0};
    mutable QMutex m_mutex;
    QList<QByteArray> m_heads;
    QSemaphore m_ready;
};
