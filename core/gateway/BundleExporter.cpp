#include "BundleExporter.h"

#include "config/StoreSync.h"
#include "secrets/CredentialVault.h"
#include "secrets/KeyFileKeyProvider.h"
#include "secrets/MasterKey.h"
#include "secrets/Vault.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace gatehouse::gateway {

namespace {

QString bundleDirOf(const QString &outDir)
{
    return QDir::cleanPath(QFileInfo(outDir).absoluteFilePath());
}

QStringList bundleFiles(const QString &bundleDir)
{
    QStringList files;
    const QDir dir(bundleDir);
    for (const QString &name : {QStringLiteral("gatehouse.yaml"), QStringLiteral("README.md")})
        if (QFileInfo::exists(dir.filePath(name)))
            files << name;
    QDirIterator specs(dir.filePath(QStringLiteral("specs")), QDir::Files,
                       QDirIterator::Subdirectories);
    QStringList specFiles;
    while (specs.hasNext())
        specFiles << dir.relativeFilePath(specs.next());
    specFiles.sort();
    return files + specFiles;
}

// The path with symbolic links resolved as far as it exists, so that a link to the data folder
// or a path through one compares equal to the folder itself.
QString resolvedPath(const QString &path)
{
    QFileInfo info(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    QStringList missing;
    while (!info.exists() && !info.isSymLink() && !QDir(info.absoluteFilePath()).isRoot()) {
        missing.prepend(info.fileName());
        info = QFileInfo(info.absolutePath());
    }
    QString resolved = info.canonicalFilePath();
    if (resolved.isEmpty())
        resolved = info.absoluteFilePath();
    for (const QString &part : std::as_const(missing))
        resolved = QDir(resolved).filePath(part);
    return QDir::cleanPath(resolved);
}

bool isWithin(const QString &path, const QString &folder)
{
    return path == folder ||
           path.startsWith(folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/'));
}

bool command(const BundleExporter::Options &options)
{
    return options.wording == BundleExporter::Wording::CommandLine;
}

// The folder must not carry the store or the TLS key along when it is copied to a server.
Status checkAwayFrom(const BundleExporter::Options &options, const QString &protectedDir)
{
    if (protectedDir.isEmpty())
        return {};
    const QString bundle = resolvedPath(options.outDir);
    const QString data = resolvedPath(protectedDir);
    if (bundle == data)
        return Error(ErrorCode::InvalidArgument,
                     command(options)
                         ? BundleExporter::tr("%1 is Gatehouse's data folder, where the store and "
                                              "the TLS key are kept: choose another --out, a new "
                                              "or empty folder outside it")
                               .arg(options.outDir)
                         : BundleExporter::tr("%1 is Gatehouse's data folder, where the store and "
                                              "the TLS key are kept: choose a new or empty folder "
                                              "outside it, for example in your documents")
                               .arg(options.outDir));
    if (isWithin(bundle, data))
        return Error(ErrorCode::InvalidArgument,
                     command(options)
                         ? BundleExporter::tr(
                               "%1 is inside Gatehouse's data folder %2, where the store and the "
                               "TLS key are kept: choose another --out, a new or empty folder "
                               "outside it")
                               .arg(options.outDir, protectedDir)
                         : BundleExporter::tr(
                               "%1 is inside Gatehouse's data folder %2, where the store and the "
                               "TLS key are kept: choose a new or empty folder outside it, for "
                               "example in your documents")
                               .arg(options.outDir, protectedDir));
    if (isWithin(data, bundle))
        return Error(ErrorCode::InvalidArgument,
                     command(options)
                         ? BundleExporter::tr(
                               "%1 contains Gatehouse's data folder %2, so copying the bundle "
                               "would copy the store and the TLS key too: choose another --out, "
                               "a new or empty folder")
                               .arg(options.outDir, protectedDir)
                         : BundleExporter::tr(
                               "%1 contains Gatehouse's data folder %2, so copying the bundle "
                               "would copy the store and the TLS key too: choose a new or empty "
                               "folder")
                               .arg(options.outDir, protectedDir));
    return {};
}

} // namespace

bool BundleExporter::isBundle(const QString &dir)
{
    const QDir folder(dir);
    QFile config(folder.filePath(QStringLiteral("gatehouse.yaml")));
    if (!config.open(QIODevice::ReadOnly) ||
        config.readLine().trimmed() != "# Gatehouse configuration: see docs/configuration.md")
        return false;
    const QFileInfoList entries =
        folder.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        const QString name = entry.fileName();
        if (entry.isSymLink())
            return false;
        if ((name == QLatin1String("gatehouse.yaml") || name == QLatin1String("README.md")) &&
            entry.isFile())
            continue;
        if (name != QLatin1String("specs") || !entry.isDir())
            return false;
        const QFileInfoList specs = QDir(entry.absoluteFilePath())
                                        .entryInfoList(QDir::AllEntries | QDir::Hidden |
                                                       QDir::System | QDir::NoDotAndDotDot);
        for (const QFileInfo &spec : specs)
            if (!spec.isFile() || spec.isSymLink())
                return false;
    }
    return true;
}

QString BundleExporter::keyPathFor(const QString &outDir)
{
    return bundleDirOf(outDir) + QStringLiteral(".deployment-key");
}

Status BundleExporter::checkDestination(const Options &options)
{
    if (options.outDir.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("choose the folder to write the bundle to"));
    if (Status away = checkAwayFrom(options, options.dataDir); !away)
        return away;
    const QDir bundle(bundleDirOf(options.outDir));
    if (QFileInfo(bundle.path()).isDir() &&
        !bundle.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot) &&
        !isBundle(bundle.path()))
        return Error(ErrorCode::InvalidArgument,
                     command(options)
                         ? tr("%1 holds files that are not a Gatehouse bundle, and the bundle "
                              "folder is meant to be copied to the server whole: choose another "
                              "--out, a new or empty folder or the folder of an earlier export")
                               .arg(options.outDir)
                         : tr("%1 holds files that are not a Gatehouse bundle, and the bundle "
                              "folder is meant to be copied to the server whole: choose a new or "
                              "empty folder, or the folder of an earlier export")
                               .arg(options.outDir));
    if (!options.sealSecrets)
        return {};
    // The key goes beside the bundle, so that copying the folder never copies the key.
    if (QDir(bundleDirOf(options.outDir)).isRoot())
        return Error(ErrorCode::InvalidArgument,
                     tr("the bundle cannot be the root folder: the deployment key is written "
                        "beside the bundle, never inside it"));
    const QString keyPath = keyPathFor(options.outDir);
    const QFileInfo keyDir(QFileInfo(keyPath).absolutePath());
    if (keyDir.permissions() & (QFile::WriteGroup | QFile::WriteOther))
        return Error(ErrorCode::PermissionDenied,
                     command(options)
                         ? tr("the deployment key is written beside the bundle, into %1, which "
                              "other users can write (and so replace the key): choose --out "
                              "inside a folder only you can write")
                               .arg(keyDir.absoluteFilePath())
                         : tr("the deployment key is written beside the bundle, into %1, which "
                              "other users can write (and so replace the key): choose a bundle "
                              "folder inside a folder only you can write")
                               .arg(keyDir.absoluteFilePath()));
    const QFileInfo keyInfo(keyPath);
    if (!options.replaceKey && (keyInfo.exists() || keyInfo.isSymLink()))
        return Error(ErrorCode::AlreadyExists,
                     command(options)
                         ? tr("%1 already exists, and may be the key a server runs with: move it "
                              "away, or pass --force to replace it (servers installed with it "
                              "cannot unseal this export's secrets until they get the new key)")
                               .arg(keyPath)
                         : tr("%1 already exists, and may be the key a server runs with: move it "
                              "away, or replace it (servers installed with it cannot unseal this "
                              "export's secrets until they get the new key)")
                               .arg(keyPath));
    return {};
}

Result<BundleExporter::Report> BundleExporter::run(store::Database &database,
                                                   const Options &options,
                                                   secrets::MasterKeyProvider *masterKey)
{
    // The store's own folder, when it is a SQLite file (the desktop's data folder); first, so
    // that a folder containing it is refused for that rather than for holding other files.
    const QString sqlitePath = database.options().sqlitePath;
    if (database.options().url.isEmpty() && !sqlitePath.isEmpty())
        if (Status away = checkAwayFrom(options, QFileInfo(sqlitePath).absolutePath()); !away)
            return away.error();
    if (Status checked = checkDestination(options); !checked)
        return checked.error();
    Report report;
    report.bundleDir = bundleDirOf(options.outDir);
    config::StoreSync sync(database);
    if (!options.sealSecrets) {
        auto bundle = sync.exportBundle(options.outDir);
        if (!bundle)
            return bundle.error();
        report.configFile = *bundle;
        report.files = bundleFiles(report.bundleDir);
        return report;
    }
    if (!masterKey)
        return Error(ErrorCode::Internal, tr("sealing secrets needs the vault's master key"));

    const auto vault = secrets::CredentialVault::openExisting(database, *masterKey);
    if (!vault)
        return vault.error().withContext(tr("the credential vault"));
    const auto credentials = store::CredentialRepository(database).list();
    if (!credentials)
        return credentials.error();

    auto key = secrets::MasterKey::generate();
    if (!key)
        return key.error();
    const auto deployment = secrets::Vault::create(*key);
    if (!deployment)
        return deployment.error();
    const QString keyPath = keyPathFor(options.outDir);
    const QString keyName = QFileInfo(keyPath).fileName();
    config::StoreSync::SealedSecrets sealed;
    sealed.keyFile = keyName;
    for (const store::Credential &c : *credentials) {
        if (c.perUser) {
            sealed.perUser << c.name;
            continue;
        }
        if (c.secret && c.secret->kind != QLatin1String("keychain"))
            continue; // env, file and sealed references are exported as they are
        // A rotated refresh token is stored back into the vault, which a sealed one cannot be.
        if (c.type == QLatin1String("oauth2_refresh_token")) {
            report.refreshTokens << c.name;
            continue;
        }
        if (!*vault) {
            report.notImported << c.name;
            continue;
        }
        auto value = (*vault)->seal(c.name, *deployment);
        if (!value) {
            if (value.error().code() != ErrorCode::NotFound)
                return value.error().withContext(tr("credential %1").arg(c.name));
            report.notImported << c.name;
            continue;
        }
        sealed.values.insert(c.name, *value);
    }

    config::GatewayConfig gateway;
    secrets::KeyFileKeyProvider keyFile(keyPath);
    if (!sealed.values.isEmpty()) {
        if (Status written = options.replaceKey ? keyFile.replace(*key) : keyFile.store(*key);
            !written)
            return Error(written.error().code(),
                         command(options)
                             ? tr("the deployment key was not written, and nothing was exported "
                                  "(%1). Choose --out inside a folder of yours.")
                                   .arg(written.error().message())
                             : tr("the deployment key was not written, and nothing was exported "
                                  "(%1). Choose a bundle folder inside a folder of yours.")
                                   .arg(written.error().message()));
        // As exported, the bundle runs where it was written; the README says how to install
        // the key on a server.
        gateway.masterKey = config::MasterKeyConfig{config::MasterKeySource::File,
                                                    QStringLiteral("../") + keyName, keyPath};
    }
    const auto bundle = sync.exportBundle(options.outDir, gateway, sealed);
    if (!bundle) {
        if (!sealed.values.isEmpty()) {
            [[maybe_unused]] const Status removed = keyFile.remove(); // it seals nothing now
        }
        return bundle.error();
    }
    report.configFile = *bundle;
    report.files = bundleFiles(report.bundleDir);
    report.sealed = sealed.values.keys();
    report.sealed.sort();
    report.perUser = sealed.perUser;
    if (!sealed.values.isEmpty())
        report.keyFile = keyPath;
    return report;
}

} // namespace gatehouse::gateway
