// The desktop gateway on its self-signed certificate: a client that trusts exactly that
// certificate reaches /healthz over TLS on 127.0.0.1 and sees the fingerprint the Gateway page
// shows.
#include "gateway/Gateway.h"
#include "gateway/ListenSettings.h"
#include "http/SelfSignedCertificate.h"

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace Qt::StringLiterals;

class TestGatewayTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthzOverTlsWithTheFingerprint()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto files = http::SelfSignedCertificate::generate(dir.path(), {u"localhost"_s}, {});
        QVERIFY2(files.ok(), files.ok() ? "" : qPrintable(files.error().message()));

        gateway::ListenSettings settings;
        settings.port = 0;
        settings.certificateFile = files->certificateFile;
        settings.keyFile = files->keyFile;
        QVERIFY(settings.validate().ok());
        gateway::ListenOptions options = settings.listenOptions();
        options.workerThreads = 1;
        gateway::Gateway gateway;
        const Status started = gateway.start(options);
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message()));
        QCOMPARE(gateway.baseUrl().scheme(), u"https"_s);

        // Trusting only this certificate, and checking that it names 127.0.0.1.
        QSslSocket socket;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(files->certificateFile));
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        socket.setSslConfiguration(tls);
        // The gateway accepts on this thread: wait with the event loop running.
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        socket.connectToHostEncrypted(u"127.0.0.1"_s, gateway.port());
        QVERIFY2(encrypted.wait(10000), qPrintable(socket.errorString()));
        QCOMPARE(http::SelfSignedCertificate::formatFingerprint(
                     socket.peerCertificate().digest(QCryptographicHash::Sha256)),
                 files->fingerprint);

        socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QByteArray response;
        QTRY_VERIFY_WITH_TIMEOUT((response += socket.readAll()).contains("\r\n\r\n"), 10000);
        QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());

        // Plain HTTP on the same port gets no answer.
        QTcpSocket plain;
        QSignalSpy closed(&plain, &QTcpSocket::disconnected);
        plain.connectToHost(u"127.0.0.1"_s, gateway.port());
        plain.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY(closed.wait(10000));
        QVERIFY(!plain.readAll().startsWith("HTTP/1.1"));
        gateway.stop();
    }
};

QTEST_GUILESS_MAIN(TestGatewayTls)
#include "TestGatewayTls.moc"
