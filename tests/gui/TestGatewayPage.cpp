// The Gateway page's listening settings: what the owner applies is kept in the data directory
// and restarts the running gateway with it; the LAN is only offered with TLS; a generated
// certificate shows the fingerprint clients see.
#include "../unit/store/StoreTestSupport.h"
#include "GatewayPage.h"
#include "MainWindow.h"
#include "gateway/Gateway.h"
#include "gateway/ListenSettings.h"
#include "http/SelfSignedCertificate.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace gatehouse;
using namespace Qt::StringLiterals;
using gateway::Gateway;
using gateway::ListenSettings;
using ui::GatewayPage;
using ui::MainWindow;

namespace {

constexpr int kWaitMs = 15000;

template <typename T>
T *child(const QWidget *parent, const QString &name)
{
    T *widget = parent->findChild<T *>(name);
    if (!widget)
        qWarning("no %s", qPrintable(name));
    return widget;
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

gateway::ListenOptions loopbackAnyPort()
{
    gateway::ListenOptions options;
    options.port = 0;
    options.workerThreads = 1;
    return options;
}

bool waitLoaded(GatewayPage &page)
{
    QSignalSpy loaded(&page, &GatewayPage::settingsLoaded);
    return loaded.count() > 0 || loaded.wait(kWaitMs);
}

// The GUI starts the gateway in the background: until it settles, then whether it runs.
bool waitRunning(const Gateway &gateway)
{
    return QTest::qWaitFor(
               [&gateway] {
                   return gateway.state() != Gateway::State::Starting &&
                          gateway.state() != Gateway::State::Stopping;
               },
               kWaitMs) &&
           gateway.state() == Gateway::State::Running;
}

} // namespace

class TestGatewayPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_storeDir.isValid());
        m_db = store::test::openStore(m_storeDir);
        QVERIFY(m_db);
    }

    void appliedSettingsPersistAndRestartTheGateway()
    {
        QTemporaryDir dataDir;
        Gateway gateway(m_db.get());
        MainWindow window(gateway, *m_db, loopbackAnyPort(), dataDir.path());
        auto *page = qobject_cast<GatewayPage *>(window.page(MainWindow::Page::Gateway));
        QVERIFY(page);
        QVERIFY(waitLoaded(*page));
        window.show();
        window.showPage(MainWindow::Page::Gateway);
        window.startGateway();
        QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), Gateway::State::Running, kWaitMs);
        const quint16 before = gateway.port();

        const quint16 port = freePort();
        QVERIFY(port != 0 && port != before);
        auto *portBox = child<QSpinBox>(page, u"port"_s);
        auto *apply = child<QPushButton>(page, u"applySettings"_s);
        QVERIFY(portBox && apply);
        QVERIFY(!apply->isEnabled()); // nothing changed yet
        portBox->setValue(port);
        QVERIFY(apply->isEnabled());
        QVERIFY(apply->text().contains(u"restart"_s));
        QSignalSpy saved(page, &GatewayPage::settingsSaved);
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(saved.wait(kWaitMs));

        // In the data directory, and the running gateway moved to the new port.
        const auto stored = ListenSettings::load(dataDir.path());
        QVERIFY(stored.ok());
        QCOMPARE(stored->port, port);
        QCOMPARE(stored->reach, ListenSettings::Reach::Loopback);
        QCOMPARE(gateway.state(), Gateway::State::Running);
        QCOMPARE(gateway.port(), port);
        QCOMPARE(window.listenOptions().port, port);
        QVERIFY(!apply->isEnabled());

        // A new page (the next start of the application) shows what was saved.
        GatewayPage again(gateway, dataDir.path());
        QVERIFY(waitLoaded(again));
        QCOMPARE(child<QSpinBox>(&again, u"port"_s)->value(), int(port));
        gateway.stop();
    }

    void restartAsksFirstWhenClientsAreConnected()
    {
        QTemporaryDir dataDir;
        Gateway gateway(m_db.get());
        MainWindow window(gateway, *m_db, loopbackAnyPort(), dataDir.path());
        auto *page = qobject_cast<GatewayPage *>(window.page(MainWindow::Page::Gateway));
        QVERIFY(waitLoaded(*page));
        window.show();
        window.showPage(MainWindow::Page::Gateway);
        window.startGateway();
        QVERIFY2(waitRunning(gateway), qPrintable(gateway.errorString()));
        const quint16 before = gateway.port();
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, before);
        QTRY_COMPARE_WITH_TIMEOUT(gateway.connectionCount(), 1, kWaitMs);

        const quint16 port = freePort();
        child<QSpinBox>(page, u"port"_s)->setValue(port);
        // The owner reads the question and keeps the gateway as it is.
        QString question;
        QTimer::singleShot(0, this, [&question] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            question = box->text();
            box->button(QMessageBox::Cancel)->click();
        });
        page->applySettings();
        QVERIFY2(question.contains(u"Clients connected now: 1"_s), qPrintable(question));
        QVERIFY(question.contains(u"drops their connections"_s));
        QCOMPARE(gateway.port(), before);
        QCOMPARE(gateway.state(), Gateway::State::Running);
        QVERIFY(!QFile::exists(QDir(dataDir.path()).filePath(ListenSettings::fileName())));

        // Asked again and confirmed: saved, and the gateway moves.
        QTimer::singleShot(0, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        QSignalSpy saved(page, &GatewayPage::settingsSaved);
        page->applySettings();
        QVERIFY(saved.wait(kWaitMs));
        QCOMPARE(gateway.port(), port);
        gateway.stop();
    }

    void lanIsOnlyOfferedWithTls()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QTemporaryDir dataDir;
        Gateway gateway(m_db.get());
        MainWindow window(gateway, *m_db, loopbackAnyPort(), dataDir.path());
        auto *page = qobject_cast<GatewayPage *>(window.page(MainWindow::Page::Gateway));
        QVERIFY(waitLoaded(*page));
        window.show();
        window.showPage(MainWindow::Page::Gateway);

        auto *lan = child<QRadioButton>(page, u"reachAllInterfaces"_s);
        auto *hint = child<QLabel>(page, u"lanNeedsTls"_s);
        auto *certificate = child<QLineEdit>(page, u"certificateFile"_s);
        auto *key = child<QLineEdit>(page, u"keyFile"_s);
        QVERIFY(lan && hint && certificate && key);
        QVERIFY(!lan->isEnabled());
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains(u"TLS"_s));

        QSignalSpy generated(page, &GatewayPage::certificateGenerated);
        QTest::mouseClick(child<QPushButton>(page, u"generateCertificate"_s), Qt::LeftButton);
        QVERIFY(generated.wait(kWaitMs));
        QVERIFY(lan->isEnabled());
        QVERIFY(!hint->isVisible());

        const quint16 port = freePort();
        QVERIFY(port != 0);
        child<QSpinBox>(page, u"port"_s)->setValue(port);
        lan->setChecked(true);
        // Taking the certificate away again: applying is refused with the reason, nothing saved.
        const QString certificatePath = certificate->text();
        const QString keyPath = key->text();
        certificate->clear();
        key->clear();
        QSignalSpy failed(page, &GatewayPage::settingsFailed);
        page->applySettings();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(u"TLS"_s));
        QVERIFY(!QFile::exists(QDir(dataDir.path()).filePath(ListenSettings::fileName())));

        certificate->setText(certificatePath);
        key->setText(keyPath);
        QSignalSpy saved(page, &GatewayPage::settingsSaved);
        page->applySettings();
        QVERIFY(saved.wait(kWaitMs));
        const auto stored = ListenSettings::load(dataDir.path());
        QVERIFY(stored.ok());
        QCOMPARE(stored->reach, ListenSettings::Reach::AllInterfaces);
        QCOMPARE(stored->certificateFile, certificatePath);
        QCOMPARE(stored->keyFile, keyPath);

        // The gateway starts on the LAN with it, speaking HTTPS.
        window.startGateway();
        QVERIFY2(waitRunning(gateway), qPrintable(gateway.errorString()));
        QCOMPARE(gateway.port(), port);
        QCOMPARE(gateway.baseUrl().scheme(), u"https"_s);
        QVERIFY(gateway.baseUrl().host() != u"0.0.0.0"_s);
        gateway.stop();
    }

    void generatedCertificateShowsItsFingerprint()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QTemporaryDir dataDir;
        Gateway gateway;
        GatewayPage page(gateway, dataDir.path());
        QVERIFY(waitLoaded(page));
        page.show();
        auto *fingerprint = child<QLineEdit>(&page, u"fingerprint"_s);
        auto *copy = child<QPushButton>(&page, u"copyFingerprint"_s);
        QVERIFY(fingerprint && copy);
        QVERIFY(fingerprint->text().isEmpty());
        QVERIFY(!copy->isEnabled());

        QSignalSpy generated(&page, &GatewayPage::certificateGenerated);
        QTest::mouseClick(child<QPushButton>(&page, u"generateCertificate"_s), Qt::LeftButton);
        QVERIFY(generated.wait(kWaitMs));

        const QString certificatePath = child<QLineEdit>(&page, u"certificateFile"_s)->text();
        const QString keyPath = child<QLineEdit>(&page, u"keyFile"_s)->text();
        QCOMPARE(QFileInfo(certificatePath).absolutePath(), QDir(dataDir.path()).absolutePath());
        QCOMPARE(QFileInfo(keyPath).absolutePath(), QDir(dataDir.path()).absolutePath());
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificatePath);
        QCOMPARE(certificates.size(), 1);
        const QString expected = QString::fromLatin1(
            certificates.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
        QCOMPARE(fingerprint->text(), expected);
        QVERIFY(fingerprint->isReadOnly());
        QCOMPARE(QFile::permissions(keyPath),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);

        QVERIFY(copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
    }

    void newCertificateIsUsedOnlyAfterApplyAndReplacesTheOldPair()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QTemporaryDir dataDir;
        Gateway gateway(m_db.get());
        MainWindow window(gateway, *m_db, loopbackAnyPort(), dataDir.path());
        auto *page = qobject_cast<GatewayPage *>(window.page(MainWindow::Page::Gateway));
        QVERIFY(waitLoaded(*page));
        window.show();
        window.showPage(MainWindow::Page::Gateway);
        auto *generate = child<QPushButton>(page, u"generateCertificate"_s);
        auto *apply = child<QPushButton>(page, u"applySettings"_s);
        auto *startStop = child<QPushButton>(page, u"startStopButton"_s);
        auto *certificate = child<QLineEdit>(page, u"certificateFile"_s);
        auto *key = child<QLineEdit>(page, u"keyFile"_s);
        QVERIFY(generate && apply && startStop && certificate && key);

        // A first pair, applied: the settings name it.
        QSignalSpy generated(page, &GatewayPage::certificateGenerated);
        QTest::mouseClick(generate, Qt::LeftButton);
        // While it is made, neither starting nor applying can use half-made settings.
        QVERIFY(!startStop->isEnabled());
        QVERIFY(!apply->isEnabled());
        QVERIFY(generated.wait(kWaitMs));
        QVERIFY(startStop->isEnabled());
        const quint16 port = freePort();
        child<QSpinBox>(page, u"port"_s)->setValue(port);
        QSignalSpy saved(page, &GatewayPage::settingsSaved);
        page->applySettings();
        QVERIFY(saved.wait(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kWaitMs);
        const QString firstCertificate = certificate->text();
        const QString firstKey = key->text();
        const QString firstFingerprint = generated.first().first().toString();
        window.startGateway();
        QVERIFY2(waitRunning(gateway), qPrintable(gateway.errorString()));
        QCOMPARE(gateway.baseUrl().scheme(), u"https"_s);

        // A second pair: new files, while the saved settings and the gateway keep the first.
        QTest::mouseClick(generate, Qt::LeftButton);
        QVERIFY(generated.wait(kWaitMs));
        const QString secondFingerprint = generated.last().first().toString();
        QVERIFY(secondFingerprint != firstFingerprint);
        QVERIFY(certificate->text() != firstCertificate);
        QVERIFY(key->text() != firstKey);
        QVERIFY(QFile::exists(firstCertificate) && QFile::exists(firstKey));
        auto stored = ListenSettings::load(dataDir.path());
        QVERIFY(stored.ok());
        QCOMPARE(stored->certificateFile, firstCertificate);
        // A restart before Apply still serves the first certificate.
        window.stopGateway();
        QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), Gateway::State::Stopped, kWaitMs);
        window.startGateway();
        QVERIFY2(waitRunning(gateway), qPrintable(gateway.errorString()));
        QCOMPARE(servedFingerprint(port), firstFingerprint);

        // Applied: the gateway restarts with the second, and the first pair is deleted.
        QVERIFY(apply->isEnabled());
        // The fingerprint check's connection may still count as a client: confirm the restart.
        QTimer::singleShot(0, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(saved.wait(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kWaitMs);
        QCOMPARE(servedFingerprint(port), secondFingerprint);
        QVERIFY(!QFile::exists(firstCertificate));
        QVERIFY(!QFile::exists(firstKey));
        QVERIFY(QFile::exists(certificate->text()) && QFile::exists(key->text()));
        stored = ListenSettings::load(dataDir.path());
        QVERIFY(stored.ok());
        QCOMPARE(stored->certificateFile, certificate->text());
        QVERIFY(child<QLabel>(page, u"settingsMessage"_s)->text().contains(u"restarted"_s));
        gateway.stop();
    }

    void failedRestartIsNotReportedAsDone()
    {
        QTemporaryDir dataDir;
        Gateway gateway(m_db.get());
        MainWindow window(gateway, *m_db, loopbackAnyPort(), dataDir.path());
        auto *page = qobject_cast<GatewayPage *>(window.page(MainWindow::Page::Gateway));
        QVERIFY(waitLoaded(*page));
        window.startGateway();
        QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), Gateway::State::Running, kWaitMs);
        // Another program holds the port the owner chooses.
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        child<QSpinBox>(page, u"port"_s)->setValue(other.serverPort());
        QSignalSpy saved(page, &GatewayPage::settingsSaved);
        page->applySettings();
        QVERIFY(saved.wait(kWaitMs));
        QCOMPARE(gateway.state(), Gateway::State::Failed);
        const QString message = child<QLabel>(page, u"settingsMessage"_s)->text();
        QVERIFY2(message.contains(u"could not start"_s), qPrintable(message));
        QVERIFY2(!message.contains(u"restarted"_s), qPrintable(message));
        QVERIFY(child<QLabel>(page, u"gatewayError"_s)->isVisibleTo(page));
    }

    void advertisedHostIsChosenAndKept()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QTemporaryDir dataDir;
        // Saved earlier for an address this computer does not have (TEST-NET-1, RFC 5737).
        ListenSettings old;
        old.reach = ListenSettings::Reach::AllInterfaces;
        old.advertisedHost = u"192.0.2.99"_s;
        old.certificateFile = dataDir.filePath(u"c.pem"_s);
        old.keyFile = dataDir.filePath(u"k.pem"_s);
        QVERIFY(old.save(dataDir.path()).ok());
        Gateway gateway;
        GatewayPage page(gateway, dataDir.path());
        QVERIFY(waitLoaded(page));
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), kWaitMs); // reading the certificate
        auto *advertised = child<QComboBox>(&page, u"advertisedHost"_s);
        QVERIFY(advertised);
        QVERIFY(advertised->isEnabled());
        QCOMPARE(advertised->currentData().toString(), u"192.0.2.99"_s);
        QVERIFY(advertised->currentText().contains(u"not present"_s));
        auto *problem = child<QLabel>(&page, u"advertisedHostProblem"_s);
        QVERIFY(problem && problem->isVisibleTo(&page));
        QVERIFY2(problem->text().contains(u"192.0.2.99"_s), qPrintable(problem->text()));

        // The owner picks the computer's name: saved, the warning goes, and the URL names it.
        const QString hostName = QHostInfo::localHostName();
        const int index = advertised->findData(hostName);
        QVERIFY(index >= 0);
        advertised->setCurrentIndex(index);
        QVERIFY(!problem->isVisibleTo(&page));
        QSignalSpy options(&page, &GatewayPage::listenOptionsChanged);
        page.applySettings();
        QVERIFY(options.wait(kWaitMs));
        const auto stored = ListenSettings::load(dataDir.path());
        QVERIFY(stored.ok());
        QCOMPARE(stored->advertisedHost, hostName);
        const auto applied = options.first().first().value<gateway::ListenOptions>();
        QCOMPARE(applied.publicUrl.host(), QUrl::fromAce(QUrl::toAce(hostName)));
    }

private:
    // The SHA-256 fingerprint of the certificate the gateway serves on 127.0.0.1:port.
    static QString servedFingerprint(quint16 port)
    {
        QSslSocket socket;
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        // The gateway accepts on this thread's event loop: wait without blocking it.
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
        if (!encrypted.wait(kWaitMs))
            return socket.errorString();
        return QString::fromLatin1(
            socket.peerCertificate().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    }

    QTemporaryDir m_storeDir;
    std::unique_ptr<store::Database> m_db;
};

QTEST_MAIN(TestGatewayPage)
#include "TestGatewayPage.moc"
