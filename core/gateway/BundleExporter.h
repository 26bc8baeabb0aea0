#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gatehouse::secrets {
class MasterKeyProvider;
}

namespace gatehouse::store {
class Database;
}

namespace gatehouse::gateway {

// The server-deployment bundle, for `gatehouse export` and the Export page alike: the store as
// gatehouse.yaml, the local OpenAPI specs it names and a README (config::StoreSync), and on
// request the owner-wide secrets of the vault sealed to a fresh deployment key that is written
// beside the bundle as DIR.deployment-key (mode 0600), never inside it. Per-user secrets stay
// behind. It lives above config and secrets because it needs both.
class BundleExporter
{
    Q_DECLARE_TR_FUNCTIONS(BundleExporter)

public:
    // Whose words the errors use: the Export page's ("choose a bundle folder") or the
    // command's ("choose --out", "pass --force").
    enum class Wording
    {
        Page,
        CommandLine,
    };

    struct Options
    {
        QString outDir;
        bool sealSecrets = false;
        bool replaceKey = false; // an existing DIR.deployment-key is replaced instead of refused
        // Gatehouse's data folder (the store, gateway-tls.key): the bundle must not be it, be
        // inside it or contain it. run() also keeps away from the SQLite store's folder.
        QString dataDir;
        Wording wording = Wording::Page;
    };

    struct Report
    {
        QString bundleDir;         // absolute
        QString configFile;        // bundleDir/gatehouse.yaml
        QStringList files;         // what the bundle holds, relative to bundleDir, sorted
        QString keyFile;           // the deployment key written beside it; empty when none
        QStringList sealed;        // credentials whose secret is in the bundle, sealed
        QStringList perUser;       // per-user credentials, whose secrets stay behind
        QStringList notImported;   // owner-wide credentials with no secret in the vault
        QStringList refreshTokens; // rotated by their upstream, so only the server can hold them
    };

    // Where the deployment key of a bundle written to `outDir` goes.
    static QString keyPathFor(const QString &outDir);

    // The checks that need no store. The bundle folder is copied to a server whole, so it is
    // new, empty or an earlier bundle (isBundle), and neither options.dataDir nor inside it nor
    // containing it. With sealing, it is not the root folder (the key could not go beside it),
    // the key's folder is not writable by others, and no key is there already unless
    // replaceKey.
    static Status checkDestination(const Options &options);

    // An earlier export: gatehouse.yaml as ConfigWriter writes it, and besides it at most
    // README.md and the specs/ folder of OpenAPI files. Anything else (a data/ folder left by
    // running the bundle in place, other files) makes it an ordinary folder.
    static bool isBundle(const QString &dir);

    // Blocks on the store, the files and (with sealing) the master key: call it off the GUI
    // thread. `masterKey` opens the owner's vault; only used with sealSecrets.
    static Result<Report> run(store::Database &database, const Options &options,
                              secrets::MasterKeyProvider *masterKey);
};

} // namespace gatehouse::gateway
