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
    // Generated files are named gateway-tls-<time>-<random>.crt and .key; the fixed names
    // gateway-tls.crt and gateway-tls.key of earlier versions count as generated too.
    static QString filePrefix() { return QStringLiteral("gateway-tls"); }

    struct Files
    {
        QString certificateFile; // PEM, mode 0644
        QString keyFile;         // PEM (PKCS#8), mode 0600
        QString fingerprint;     // SHA-256 of the DER certificate, "AB:CD:..."
    };

    // Writes a new certificate and key into `directory` under names no other generation uses,
    // so files that settings already name are never touched: a gateway (re)started meanwhile
    // keeps the old pair, and a failure leaves no half pair behind. Each file is written to a
    // temporary name, synced and renamed; the directory is synced after. `hostNames` and
    // `addresses` go into the subjectAltName (host names as IDNA A-labels; a name that is not a
    // valid DNS name is left out); "localhost" and the loopback addresses are always added. The
    // first host name is the common name when it fits (64 characters, RFC 5280 appendix A.1),
    // "Gatehouse gateway" otherwise. `validDays`: 1 to 825. Blocks for a few milliseconds: call
    // it off the GUI thread.
    static Result<Files> generate(const QString &directory, const QStringList &hostNames,
                                  const QList<QHostAddress> &addresses, int validDays = 365);

    // Whether `fileName` (no folder) is one generate() writes.
    static bool isGeneratedFileName(const QString &fileName);
    // Deletes the generated certificates and keys in `directory` except the files named in
    // `keep` (absolute paths), e.g. after settings switched to a new pair. Returns how many
    // files were removed.
    static Result<int> removeGenerated(const QString &directory, const QStringList &keep);

    // The SHA-256 fingerprint of a PEM certificate file, as generate() gives it.
    static Result<QString> fingerprintOf(const QString &certificateFile);
    // "ABCD..." hex of a digest as "AB:CD:...".
    static QString formatFingerprint(const QByteArray &digest);
};

} // namespace gatehouse::http
