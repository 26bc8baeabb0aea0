#pragma once

#include "Config.h"
#include "Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace gatehouse::store {
class Database;
struct Credential;
} // namespace gatehouse::store

namespace gatehouse::config {

// Moves configuration between a Config (a file) and the store, in one transaction: a failure
// changes nothing.
//
// Mirror (`serve --config`, at start and on SIGHUP): the entities that came from the file are
// added, changed and removed to match it; entities made by commands or the GUI stay, unless the
// file declares the same name, in which case the file wins and a warning says so. Runtime state
// (tokens, registered clients, counters, audit) is never touched. A user the file declares
// without password_hash keeps a password set with `gatehouse user passwd`.
//
// Merge (`gatehouse import`): entities are added or updated by name and nothing is removed; new
// ones count as made locally.
class StoreSync
{
    Q_DECLARE_TR_FUNCTIONS(StoreSync)

public:
    enum class Mode
    {
        Mirror,
        Merge,
    };

    // A credential of the file as the store records it (origin left at its default).
    static store::Credential credentialRecord(const Credential &credential);

    struct Report
    {
        int added = 0;
        int changed = 0;
        int removed = 0;
        int unchanged = 0;
        QStringList warnings;

        QString summary() const;
    };

    explicit StoreSync(store::Database &database);

    Result<Report> apply(const Config &config, Mode mode);

    // Everything the store holds that a config file can express. The gateway section is the
    // given one (the store does not hold it); OpenAPI paths are absolute.
    Result<Config> exportConfig(const GatewayConfig &gateway = {});

    // What `export --seal-secrets` puts into a bundle: owner-wide secrets sealed to a deployment
    // key that is kept beside the bundle, never inside it.
    struct SealedSecrets
    {
        QHash<QString, QString> values; // credential name -> its `{sealed: BASE64}` value
        QString keyFile;                // the deployment key's file name, for the README
        QStringList perUser;            // per-user credentials, whose secrets stay behind
    };

    // Writes dir/gatehouse.yaml, copies the local OpenAPI specs it names to dir/specs/ (so the
    // bundle moves as one folder) and a README. Returns the config file's path. Secrets are
    // never written in clear: credentials keep their references, except those `sealed` names,
    // which get `secret: {sealed: ...}`.
    Result<QString> exportBundle(const QString &dir, const GatewayConfig &gateway = {},
                                 const SealedSecrets &sealed = {});

private:
    store::Database &m_database;
};

} // namespace gatehouse::config
