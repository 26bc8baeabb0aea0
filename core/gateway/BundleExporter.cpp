#include "BundleExporter.h"

#include "config/StoreSync.h"
#include "secrets/CredentialVault.h"
#include "secrets/KeyFileKeyProvider.h"
#include "secrets/MasterKey.h"
#include "secrets/Vault.h"
#include "store/CredentialRepository.h"

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

} // namespace

QString BundleExporter::keyPathFor(const QString &outDir)
{
    return bundleDirOf(outDir) + QStringLiteral(".deployment-key");
}

Status BundleExporter::checkDestination(const Options &options)
{
    if (options.outDir.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("choose the folder to write the bundle to"));
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
                     tr("the deployment key is written beside the bundle, into %1, which "
                        "other users can write (and so replace the key): choose a bundle "
                        "folder inside a folder only you can write")
                         .arg(keyDir.absoluteFilePath()));
    const QFileInfo keyInfo(keyPath);
    if (!options.replaceKey && (keyInfo.exists() || keyInfo.isSymLink()))
        return Error(ErrorCode::AlreadyExists,
                     tr("%1 already exists, and may be the key a server runs with: move it "
                        "away, or replace it (servers installed with it cannot unseal this "
                        "export's secrets until they get the new key)")
                         .arg(keyPath));
    return {};
}

Result<BundleExporter::Report> BundleExporter::run(store::Database &database,
                                                   const Options &options,
                                                   secrets::MasterKeyProvider *masterKey)
{
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
                         tr("the deployment key was not written, and nothing was exported "
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
