// The LAN certificate the Gateway page makes: a certificate Qt parses, naming the host and the
// addresses clients use, with the key that belongs to it, the fingerprint people compare, and the
// key readable only by its owner.
#include "http/SelfSignedCertificate.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

using gatehouse::http::SelfSignedCertificate;
using namespace Qt::StringLiterals;

namespace {

QSslCertificate readCertificate(const QString &path)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path);
    return certificates.size() == 1 ? certificates.first() : QSslCertificate();
}

// OpenSSL's own check that the private key belongs to the certificate's public key.
bool keyMatches(const QString &certificatePath, const QString &keyPath)
{
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    const QByteArray certificatePem = certificateFile.readAll();
    const QByteArray keyPem = keyFile.readAll();
    BIO *certificateBio = BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size()));
    BIO *keyBio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
    X509 *certificate = PEM_read_bio_X509(certificateBio, nullptr, nullptr, nullptr);
    EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
    const bool matches = certificate && key && X509_check_private_key(certificate, key) == 1;
    X509_free(certificate);
    EVP_PKEY_free(key);
    BIO_free(certificateBio);
    BIO_free(keyBio);
    return matches;
}

} // namespace

class TestSelfSignedCertificate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
    }

    void certificateNamesTheHostAndAddresses()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto files = SelfSignedCertificate::generate(
            dir.path(), {u"gatehouse-test-host"_s},
            {QHostAddress(u"192.0.2.10"_s), QHostAddress(u"2001:db8::5"_s)});
        QVERIFY2(files.ok(), files.ok() ? "" : qPrintable(files.error().message()));
        QCOMPARE(QFileInfo(files->certificateFile).absolutePath(), QDir(dir.path()).absolutePath());
        QVERIFY(SelfSignedCertificate::isGeneratedFileName(
            QFileInfo(files->certificateFile).fileName()));
        QVERIFY(SelfSignedCertificate::isGeneratedFileName(QFileInfo(files->keyFile).fileName()));
        QVERIFY(files->certificateFile.endsWith(u".crt"_s));
        QVERIFY(files->keyFile.endsWith(u".key"_s));

        const QSslCertificate certificate = readCertificate(files->certificateFile);
        QVERIFY(!certificate.isNull());
        QVERIFY(certificate.isSelfSigned());
        QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName),
                 QStringList{u"gatehouse-test-host"_s});

        const auto names = certificate.subjectAlternativeNames();
        const QStringList dns = names.values(QSsl::DnsEntry);
        QVERIFY2(dns.contains(u"gatehouse-test-host"_s), qPrintable(dns.join(u' ')));
        QVERIFY2(dns.contains(u"localhost"_s), qPrintable(dns.join(u' ')));
        QList<QHostAddress> ips;
        for (const QString &ip : names.values(QSsl::IpAddressEntry))
            ips << QHostAddress(ip);
        QVERIFY(ips.contains(QHostAddress(u"192.0.2.10"_s)));
        QVERIFY(ips.contains(QHostAddress(u"2001:db8::5"_s)));
        QVERIFY(ips.contains(QHostAddress(QHostAddress::LocalHost)));
        QVERIFY(ips.contains(QHostAddress(QHostAddress::LocalHostIPv6)));
        QVERIFY(!ips.contains(QHostAddress(QHostAddress::AnyIPv4)));

        // About a year, starting now (an hour back for clocks that lag a little).
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(certificate.effectiveDate() <= now);
        QVERIFY(certificate.effectiveDate() > now.addSecs(-2 * 3600));
        QVERIFY(certificate.expiryDate() > now.addDays(364));
        QVERIFY(certificate.expiryDate() < now.addDays(366));
    }

    void keyBelongsToTheCertificateAndOnlyItsOwnerReadsIt()
    {
        QTemporaryDir dir;
        const auto files = SelfSignedCertificate::generate(dir.path(), {u"host"_s}, {});
        QVERIFY(files.ok());
        QVERIFY(keyMatches(files->certificateFile, files->keyFile));
        QCOMPARE(QFile::permissions(files->keyFile),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        QVERIFY(QFile::permissions(files->certificateFile).testFlag(QFile::ReadOther));
        QVERIFY(!QFile::permissions(files->certificateFile).testFlag(QFile::WriteOther));
        // Only the two files: no temporary file is left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name),
                 (QStringList{QFileInfo(files->certificateFile).fileName(),
                              QFileInfo(files->keyFile).fileName()}));
    }

    void fingerprintIsTheSha256OfTheCertificate()
    {
        QTemporaryDir dir;
        const auto files = SelfSignedCertificate::generate(dir.path(), {u"host"_s}, {});
        QVERIFY(files.ok());
        const QSslCertificate certificate = readCertificate(files->certificateFile);
        const QByteArray digest = certificate.digest(QCryptographicHash::Sha256);
        QCOMPARE(files->fingerprint, QString::fromLatin1(digest.toHex(':').toUpper()));
        QCOMPARE(files->fingerprint.size(), 32 * 3 - 1);
        const auto read = SelfSignedCertificate::fingerprintOf(files->certificateFile);
        QVERIFY(read.ok());
        QCOMPARE(*read, files->fingerprint);
    }

    void generatingAgainLeavesTheEarlierPairUntouched()
    {
        // Settings name the first pair; a gateway started while a second one is made must still
        // find the first certificate with its own key.
        QTemporaryDir dir;
        const auto first = SelfSignedCertificate::generate(dir.path(), {u"host"_s}, {});
        QVERIFY(first.ok());
        QFile firstCertificate(first->certificateFile);
        QVERIFY(firstCertificate.open(QIODevice::ReadOnly));
        const QByteArray firstPem = firstCertificate.readAll();
        firstCertificate.close();
        const QSslCertificate before = readCertificate(first->certificateFile);
        const auto second = SelfSignedCertificate::generate(dir.path(), {u"host"_s}, {});
        QVERIFY(second.ok());
        QVERIFY(second->certificateFile != first->certificateFile);
        QVERIFY(second->keyFile != first->keyFile);
        const QSslCertificate after = readCertificate(second->certificateFile);
        QVERIFY(second->fingerprint != first->fingerprint);
        QVERIFY(after.serialNumber() != before.serialNumber());
        QVERIFY(after.publicKey() != before.publicKey());
        QVERIFY(keyMatches(second->certificateFile, second->keyFile));
        QVERIFY(firstCertificate.open(QIODevice::ReadOnly));
        QCOMPARE(firstCertificate.readAll(), firstPem);
        QVERIFY(keyMatches(first->certificateFile, first->keyFile));
    }

    void removeGeneratedKeepsTheNamedPairAndOtherFiles()
    {
        QTemporaryDir dir;
        const auto old = SelfSignedCertificate::generate(dir.path(), {u"host"_s}, {});
        const auto current = SelfSignedCertificate::generate(dir.path(), {u"host"_s}, {});
        QVERIFY(old.ok() && current.ok());
        // The fixed names of earlier versions are generated files too; other files are not.
        for (const QString &name : {u"gateway-tls.crt"_s, u"gateway-tls.key"_s, u"gatehouse.db"_s,
                                    u"gateway-tls-mine.crt"_s}) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        const auto removed = SelfSignedCertificate::removeGenerated(
            dir.path(), {current->certificateFile, current->keyFile});
        QVERIFY(removed.ok());
        QCOMPARE(*removed, 4);
        QStringList expected{QFileInfo(current->certificateFile).fileName(),
                             QFileInfo(current->keyFile).fileName(), u"gatehouse.db"_s,
                             u"gateway-tls-mine.crt"_s};
        expected.sort();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files, QDir::Name), expected);
    }

    void hostNamesCannotAddEntriesAndLongNamesKeepAValidSubject()
    {
        QTemporaryDir dir;
        const QString longName = QString(60, u'a') + u".example.org"_s; // 72 characters
        const auto files = SelfSignedCertificate::generate(
            dir.path(), {longName, u"evil,IP:203.0.113.9"_s, u"b\u00fccher.example"_s}, {});
        QVERIFY2(files.ok(), files.ok() ? "" : qPrintable(files.error().message()));
        const QSslCertificate certificate = readCertificate(files->certificateFile);
        QVERIFY(!certificate.isNull());
        QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName),
                 QStringList{u"Gatehouse gateway"_s});
        const auto names = certificate.subjectAlternativeNames();
        const QStringList dns = names.values(QSsl::DnsEntry);
        QVERIFY2(dns.contains(longName), qPrintable(dns.join(u' ')));
        QVERIFY2(dns.contains(u"xn--bcher-kva.example"_s), qPrintable(dns.join(u' ')));
        QVERIFY2(!dns.join(u' ').contains(u"evil"_s), qPrintable(dns.join(u' ')));
        QVERIFY(!names.values(QSsl::IpAddressEntry).contains(u"203.0.113.9"_s));
    }

    void validityOutsideItsRangeIsRefused()
    {
        QTemporaryDir dir;
        for (const int days : {0, -5, 826}) {
            const auto files = SelfSignedCertificate::generate(dir.path(), {u"host"_s}, {}, days);
            QVERIFY(!files.ok());
            QCOMPARE(files.error().code(), gatehouse::ErrorCode::InvalidArgument);
        }
        QVERIFY(QDir(dir.path()).isEmpty());
        QVERIFY(SelfSignedCertificate::generate(dir.path(), {u"host"_s}, {}, 825).ok());
    }

    void unreadableCertificateSaysWhat()
    {
        QTemporaryDir dir;
        const auto missing = SelfSignedCertificate::fingerprintOf(dir.filePath(u"none.pem"_s));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message().contains(u"none.pem"_s));
        QFile garbage(dir.filePath(u"garbage.pem"_s));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("not a certificate");
        garbage.close();
        const auto parsed = SelfSignedCertificate::fingerprintOf(garbage.fileName());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), gatehouse::ErrorCode::Parse);
    }

    void unwritableFolderIsAnError()
    {
        const auto files =
            SelfSignedCertificate::generate(u"/nonexistent/gatehouse-test"_s, {u"host"_s}, {});
        QVERIFY(!files.ok());
        QCOMPARE(files.error().code(), gatehouse::ErrorCode::Io);
        QVERIFY(files.error().message().contains(u"/nonexistent/gatehouse-test"_s));
    }
};

QTEST_GUILESS_MAIN(TestSelfSignedCertificate)
#include "TestSelfSignedCertificate.moc"
