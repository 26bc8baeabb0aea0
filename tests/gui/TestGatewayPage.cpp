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
        QCOMPARE(gateway.state(), Gateway::State::Running);
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
        QVERIFY2(gateway.state() == Gateway::State::Running, qPrintable(gateway.errorString()));
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

        const QString certificatePath =
            QDir(dataDir.path()).filePath(http::SelfSignedCertificate::certificateFileName());
        const QString keyPath =
            QDir(dataDir.path()).filePath(http::SelfSignedCertificate::keyFileName());
        QCOMPARE(child<QLineEdit>(&page, u"certificateFile"_s)->text(), certificatePath);
        QCOMPARE(child<QLineEdit>(&page, u"keyFile"_s)->text(), keyPath);
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

private:
    QTemporaryDir m_storeDir;
    std::unique_ptr<store::Database> m_db;
};

QTEST_MAIN(TestGatewayPage)
#include "TestGatewayPage.moc"
