#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse::http {

// A self-signed TLS certificate for the desktop gateway on the LAN: an EC P-256 key, the host
// names and addresses clients may use as subjectAltName (RFC 5280 4.2.1.6), one year of
// validity and a random serial. No CA vouches for it, so a person compares its SHA-256
// fingerprint on the client with the one Gatehouse shows.
class SelfSignedCertificate
{
    Q_DECLARE_TR_FUNCTIONS(SelfSignedCertificate)

public:
    static QString certificateFileName() { return QStringLiteral("gateway-tls.crt"); }
    static QString keyFileName() { return QStringLiteral("gateway-tls.key"); }

    struct Files
    {
        QString certificateFile; // PEM, mode 0644
        QString keyFile;         // PEM (PKCS#8), mode 0600
        QString fingerprint;     // SHA-256 of the DER certificate, "AB:CD:..."
    };

    // Writes certificateFileName() and keyFileName() into `directory`, each atomically (a reader
    // sees the old file or the new one, never a part). `hostNames` and `addresses` go into the
    // subjectAltName; "localhost" and the loopback addresses are always added. The first host
    // name is the subject's common name. Blocks for a few milliseconds: call it off the GUI thread.
    static Result<Files> generate(const QString &directory, const QStringList &hostNames,
                                  const QList<QHostAddress> &addresses, int validDays = 365);

    // The SHA-256 fingerprint of a PEM certificate file, as generate() gives it.
    static Result<QString> fingerprintOf(const QString &certificateFile);
    // "ABCD..." hex of a digest as "AB:CD:...".
    static QString formatFingerprint(const QByteArray &digest);
};

} // namespace gatehouse::http
