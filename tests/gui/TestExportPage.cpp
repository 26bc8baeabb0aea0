// The Export page against a real store and vault: the bundle it writes loads with the config
// loader and holds no secret in clear; with sealing, the owner-wide secret travels sealed to a
// deployment key written beside the bundle (mode 0600) that opens it again, and the per-user one
// stays behind.
#include "../unit/store/StoreTestSupport.h"
#include "ExportPage.h"
#include "TestSupport.h"
#include "config/ConfigLoader.h"
#include "config/StoreSync.h"
#include "secrets/CredentialVault.h"
#include "secrets/KeyFileKeyProvider.h"
#include "secrets/MasterKey.h"
#include "secrets/SealedSecret.h"
#include "secrets/Vault.h"

#include <QApplication>
#include <QCheckBox>
#include <QDirIterator>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <openssl/crypto.h>

using namespace gatehouse;
using namespace Qt::StringLiterals;
using gateway::BundleExporter;
using ui::ExportPage;

namespace {

constexpr int kWaitMs = 30000;
const QByteArray kSecret = "sk-live-export-page-7d1f0c2a9b";

bool anyFileContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

// The owner-wide secret as a server with the deployment key at keyPath unseals it from the bundle;
// empty when it cannot.
QByteArray unsealFromBundle(const QString &configFile, const QString &keyPath)
{
    const config::LoadResult loaded = config::ConfigLoader().loadFile(configFile);
    if (!loaded.ok())
        return {};
    QString sealedValue;
    for (const config::Credential &c : loaded.config->credentials)
        if (c.name == u"billing-key"_s && c.secret &&
            c.secret->source == config::SecretSource::Sealed)
            sealedValue = c.secret->value;
    secrets::KeyFileKeyProvider deploymentKey(keyPath);
    const auto key = deploymentKey.load();
    if (!key)
        return {};
    const auto vault = secrets::Vault::create(*key);
    if (!vault)
        return {};
    auto plaintext = secrets::SealedSecret::unseal(*vault, sealedValue, u"billing-key"_s);
    return plaintext ? *plaintext : QByteArray();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExportPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_out.isValid());
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);
        const QByteArray config = "servers:\n"
                                  "  - name: billing\n"
                                  "    openapi: " +
                                  (test::sourceDir() + u"/examples/specs/billing.yaml"_s).toUtf8() +
                                  "\n"
                                  "    base_url: http://127.0.0.1:9/v1\n"
                                  "    credential: billing-key\n"
                                  "credentials:\n"
                                  "  - name: billing-key\n"
                                  "    type: api_key\n"
                                  "    in: header\n"
                                  "    param: X-API-Key\n"
                                  "    secret: {keychain: billing-key}\n"
                                  "  - name: mine\n"
                                  "    type: bearer\n"
                                  "    per_user: true\n"
                                  "    secret: {keychain: mine}\n";
        const config::LoadResult loaded =
            config::ConfigLoader().loadString(config, u"owner.yaml"_s, m_dir.path());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.toResult().error().message()));
        GH_VERIFY_OK(
            config::StoreSync(*m_db).apply(*loaded.config, config::StoreSync::Mode::Merge));

        // The owner's secret, imported into the vault under a master key file.
        secrets::KeyFileKeyProvider provider(ownerKey());
        auto opened = secrets::CredentialVault::open(*m_db, provider);
        GH_VERIFY_OK(opened);
        GH_VERIFY_OK(opened->vault->add(u"billing-key"_s, QString(), kSecret));
    }

    void exportWritesALoadableBundleWithoutSecrets()
    {
        const QString bundle = QDir(m_out.path()).filePath(u"plain"_s);
        ExportPage page(*m_db, masterKey());
        auto *folder = page.findChild<QLineEdit *>(u"exportFolder"_s);
        auto *button = page.findChild<QPushButton *>(u"exportButton"_s);
        QVERIFY(folder && button);
        QVERIFY(!button->isEnabled()); // no folder yet
        QTest::keyClicks(folder, bundle);
        QVERIFY(button->isEnabled());

        QSignalSpy exported(&page, &ExportPage::exported);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(exported.wait(kWaitMs));
        const auto report = exported.first().first().value<BundleExporter::Report>();
        QCOMPARE(report.configFile, QDir(bundle).filePath(u"gatehouse.yaml"_s));
        QVERIFY(report.keyFile.isEmpty());

        const config::LoadResult loaded = config::ConfigLoader().loadFile(report.configFile);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.toResult().error().message()));
        QCOMPARE(loaded.config->servers.size(), 1);
        QVERIFY(!anyFileContains(bundle, kSecret));
        QVERIFY(QFile::exists(QDir(bundle).filePath(u"README.md"_s)));
        QVERIFY(!QFile::exists(BundleExporter::keyPathFor(bundle)));

        // The page lists what it wrote and what to do next.
        auto *files = page.findChild<QListWidget *>(u"exportedFiles"_s);
        QVERIFY(files);
        QStringList listed;
        for (int row = 0; row < files->count(); ++row)
            listed << files->item(row)->text();
        QVERIFY2(listed.contains(u"gatehouse.yaml"_s), qPrintable(listed.join(u',')));
        QVERIFY(listed.contains(u"README.md"_s));
        QVERIFY(listed.contains(u"specs/billing-billing.yaml"_s));
        const QString steps = page.findChild<QLabel *>(u"nextSteps"_s)->text();
        QVERIFY2(steps.contains(u"gatehouse serve --config plain/gatehouse.yaml"_s),
                 qPrintable(steps));
    }

    void sealingWritesTheKeyBesideTheBundle()
    {
        const QString bundle = QDir(m_out.path()).filePath(u"sealed"_s);
        ExportPage page(*m_db, masterKey());
        page.setFolder(bundle);
        auto *seal = page.findChild<QCheckBox *>(u"sealSecrets"_s);
        QVERIFY(seal);
        QTest::mouseClick(seal, Qt::LeftButton);
        QVERIFY(seal->isChecked());

        QSignalSpy exported(&page, &ExportPage::exported);
        QTest::mouseClick(page.findChild<QPushButton *>(u"exportButton"_s), Qt::LeftButton);
        QVERIFY(exported.wait(kWaitMs));
        const auto report = exported.first().first().value<BundleExporter::Report>();
        const QString keyPath = BundleExporter::keyPathFor(bundle);
        QCOMPARE(report.keyFile, keyPath);
        QCOMPARE(report.sealed, QStringList{u"billing-key"_s});
        QCOMPARE(report.perUser, QStringList{u"mine"_s});
        QCOMPARE(QFile::permissions(keyPath),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        QVERIFY(!anyFileContains(bundle, kSecret));
        QDirIterator inside(bundle, QDir::Files, QDirIterator::Subdirectories);
        while (inside.hasNext())
            QVERIFY(!inside.next().endsWith(u".deployment-key"_s));

        // The bundle loads, and its sealed value opens with the key beside it, for its
        // credential.
        const config::LoadResult loaded = config::ConfigLoader().loadFile(report.configFile);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.toResult().error().message()));
        QString sealedValue;
        for (const config::Credential &c : loaded.config->credentials)
            if (c.name == u"billing-key"_s && c.secret &&
                c.secret->source == config::SecretSource::Sealed)
                sealedValue = c.secret->value;
        QVERIFY(!sealedValue.isEmpty());
        secrets::KeyFileKeyProvider deploymentKey(keyPath);
        const auto key = deploymentKey.load();
        GH_VERIFY_OK(key);
        const auto vault = secrets::Vault::create(*key);
        GH_VERIFY_OK(vault);
        auto plaintext = secrets::SealedSecret::unseal(*vault, sealedValue, u"billing-key"_s);
        GH_VERIFY_OK(plaintext);
        QCOMPARE(*plaintext, kSecret);
        OPENSSL_cleanse(plaintext->data(), size_t(plaintext->size()));

        const QString steps = page.findChild<QLabel *>(u"nextSteps"_s)->text();
        QVERIFY2(steps.contains(keyPath), qPrintable(steps));
        QVERIFY(steps.contains(u"mine"_s)); // per-user: not exported, and said so
    }

    void anExistingKeyIsOnlyReplacedWhenTheOwnerSaysSo()
    {
        const QString bundle = QDir(m_out.path()).filePath(u"again"_s);
        const QString keyPath = BundleExporter::keyPathFor(bundle);
        ExportPage page(*m_db, masterKey());
        page.setFolder(bundle);
        page.setSealSecrets(true);
        QSignalSpy exported(&page, &ExportPage::exported);
        page.exportBundle();
        QVERIFY(exported.wait(kWaitMs));
        const QByteArray firstKey = readAll(keyPath);
        QVERIFY(!firstKey.isEmpty());

        // Asked, and declined: the key a server may run with stays, and the page says why.
        QString question;
        // The question comes when the background export finds the key: answer it once it shows.
        QTimer poll;
        poll.setInterval(10);
        QMessageBox::StandardButton reply = QMessageBox::Cancel;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                question = box->text();
                box->button(reply)->click();
            }
        });
        poll.start();
        const auto answer = [&reply](QMessageBox::StandardButton button) { reply = button; };
        QSignalSpy failed(&page, &ExportPage::exportFailed);
        page.exportBundle();
        answer(QMessageBox::Cancel);
        QVERIFY(failed.wait(kWaitMs));
        QVERIFY2(question.contains(keyPath), qPrintable(question));
        QCOMPARE(readAll(keyPath), firstKey);
        QVERIFY(page.findChild<QLabel *>(u"exportError"_s)->text().contains(keyPath));

        // Asked, and confirmed: a new key, and the new bundle opens with it.
        question.clear();
        page.exportBundle();
        answer(QMessageBox::Yes);
        QVERIFY(exported.wait(kWaitMs));
        QVERIFY(!question.isEmpty());
        QVERIFY(readAll(keyPath) != firstKey);
        QCOMPARE(unsealFromBundle(QDir(bundle).filePath(u"gatehouse.yaml"_s), keyPath), kSecret);
        QCOMPARE(QFile::permissions(keyPath),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    }

    void failureShowsOnThePage()
    {
        // A file where the bundle's folder should be.
        const QString blocked = QDir(m_out.path()).filePath(u"blocked"_s);
        QFile file(blocked);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        ExportPage page(*m_db, masterKey());
        page.setFolder(blocked);
        QSignalSpy failed(&page, &ExportPage::exportFailed);
        page.exportBundle();
        QVERIFY(failed.wait(kWaitMs));
        auto *problem = page.findChild<QLabel *>(u"exportError"_s);
        QVERIFY(problem);
        QVERIFY2(problem->text().contains(blocked), qPrintable(problem->text()));
        QVERIFY(!page.findChild<QGroupBox *>(u"exportResult"_s)->isVisibleTo(&page));
        QVERIFY(page.findChild<QPushButton *>(u"exportButton"_s)->isEnabled());
    }

    void theDataFolderAndFoldersAroundItAreRefused()
    {
        // The bundle folder is copied to a server whole: never with the store in it.
        const QString inside = QDir(m_dir.path()).filePath(u"bundle"_s);
        const QString parent = QFileInfo(m_dir.path()).absolutePath();
        for (const QString &folder : {m_dir.path(), inside, parent}) {
            ExportPage page(*m_db, masterKey());
            page.setFolder(folder);
            QSignalSpy failed(&page, &ExportPage::exportFailed);
            QSignalSpy exported(&page, &ExportPage::exported);
            page.exportBundle();
            QVERIFY(failed.wait(kWaitMs));
            QCOMPARE(exported.count(), 0);
            const QString message = failed.first().first().toString();
            QVERIFY2(message.contains(u"data folder"_s), qPrintable(message));
            QVERIFY2(message.contains(u"choose a new or empty folder"_s), qPrintable(message));
            QVERIFY2(page.findChild<QLabel *>(u"exportError"_s)->text().contains(folder),
                     qPrintable(folder));
        }
        QVERIFY(!QFile::exists(QDir(m_dir.path()).filePath(u"gatehouse.yaml"_s)));
        QVERIFY(!QFileInfo::exists(inside));
        QVERIFY(!QFile::exists(QDir(parent).filePath(u"gatehouse.yaml"_s)));
    }

    void onlyAnEmptyFolderOrAnEarlierBundleIsWritten()
    {
        // A folder of other things (here: a private note) is refused and left as it was.
        const QString home = QDir(m_out.path()).filePath(u"home"_s);
        QVERIFY(QDir().mkpath(home));
        QFile note(QDir(home).filePath(u"notes.txt"_s));
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write("private");
        note.close();
        {
            ExportPage page(*m_db, masterKey());
            page.setFolder(home);
            QSignalSpy failed(&page, &ExportPage::exportFailed);
            page.exportBundle();
            QVERIFY(failed.wait(kWaitMs));
            QVERIFY2(failed.first().first().toString().contains(u"not a Gatehouse bundle"_s),
                     qPrintable(failed.first().first().toString()));
            QCOMPARE(QDir(home).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                     QStringList{u"notes.txt"_s});
        }

        // An earlier bundle is written again.
        const QString bundle = QDir(m_out.path()).filePath(u"twice"_s);
        for (int round = 0; round < 2; ++round) {
            ExportPage page(*m_db, masterKey());
            page.setFolder(bundle);
            QSignalSpy exported(&page, &ExportPage::exported);
            page.exportBundle();
            QVERIFY2(exported.wait(kWaitMs),
                     qPrintable(page.findChild<QLabel *>(u"exportError"_s)->text()));
        }
        QVERIFY(BundleExporter::isBundle(bundle));
        // Once the bundle ran in place (its data/ folder holds a store), it is not one any more.
        QVERIFY(QDir(bundle).mkdir(u"data"_s));
        QVERIFY(!BundleExporter::isBundle(bundle));
    }

private:
    QString ownerKey() const { return QDir(m_dir.path()).filePath(u"owner.key"_s); }
    ExportPage::MasterKeyFactory masterKey() const
    {
        return [path = ownerKey()] { return std::make_unique<secrets::KeyFileKeyProvider>(path); };
    }

    QTemporaryDir m_dir; // the data folder: the store and the owner's key
    QTemporaryDir m_out; // where bundles go
    std::unique_ptr<store::Database> m_db;
};

QTEST_MAIN(TestExportPage)
#include "TestExportPage.moc"
