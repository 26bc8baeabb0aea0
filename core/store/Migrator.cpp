#include "Migrator.h"

#include "Database.h"
#include "Logging.h"
#include "Query.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gatehouse::store {

namespace {

// Index i holds the statements of version i + 1. Never edit a released version; add one.
QList<QStringList> migrations(const SqlDialect &dialect)
{
    const QString autoId = dialect.autoIncrementPrimaryKey();
    return {
        // v1: what the configuration file describes.
        {
            uR"(CREATE TABLE credentials (
                name TEXT PRIMARY KEY,
                type TEXT NOT NULL,
                location TEXT,
                param TEXT,
                scopes TEXT,
                per_user INTEGER NOT NULL DEFAULT 0,
                secret_kind TEXT,
                secret_ref TEXT,
                token_url TEXT,
                client_id TEXT,
                resource TEXT,
                origin TEXT NOT NULL))"_s,
            uR"(CREATE TABLE servers (
                name TEXT PRIMARY KEY,
                title TEXT,
                openapi TEXT,
                mcp_url TEXT,
                base_url TEXT,
                discovery TEXT NOT NULL,
                credential TEXT REFERENCES credentials(name) ON UPDATE CASCADE ON DELETE RESTRICT,
                tool_excludes TEXT NOT NULL,
                enabled INTEGER NOT NULL,
                origin TEXT NOT NULL))"_s,
            uR"(CREATE TABLE tool_overrides (
                server TEXT NOT NULL REFERENCES servers(name) ON UPDATE CASCADE ON DELETE CASCADE,
                override_key TEXT NOT NULL,
                sort_order BIGINT NOT NULL,
                name TEXT,
                description TEXT,
                hide_params TEXT,
                response_fields TEXT,
                credential TEXT REFERENCES credentials(name) ON UPDATE CASCADE ON DELETE RESTRICT,
                cost DOUBLE PRECISION,
                action TEXT,
                resource TEXT,
                enabled INTEGER,
                origin TEXT NOT NULL,
                PRIMARY KEY (server, override_key)))"_s,
            uR"(CREATE TABLE plans (
                name TEXT PRIMARY KEY,
                calls_per_month BIGINT,
                rate_per_minute BIGINT,
                spend_per_month DOUBLE PRECISION,
                origin TEXT NOT NULL))"_s,
            uR"(CREATE TABLE roles (
                name TEXT PRIMARY KEY,
                origin TEXT NOT NULL))"_s,
            uR"(CREATE TABLE users (
                name TEXT PRIMARY KEY,
                password_hash TEXT,
                plan TEXT REFERENCES plans(name) ON UPDATE CASCADE ON DELETE RESTRICT,
                disabled INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                origin TEXT NOT NULL))"_s,
            uR"(CREATE TABLE user_roles (
                user_name TEXT NOT NULL REFERENCES users(name) ON UPDATE CASCADE ON DELETE CASCADE,
                role TEXT NOT NULL REFERENCES roles(name) ON UPDATE CASCADE ON DELETE RESTRICT,
                sort_order BIGINT NOT NULL,
                PRIMARY KEY (user_name, role)))"_s,
            u"CREATE INDEX user_roles_role ON user_roles(role)"_s,
            uR"(CREATE TABLE rules (
                id %1,
                role TEXT REFERENCES roles(name) ON UPDATE CASCADE ON DELETE CASCADE,
                user_name TEXT REFERENCES users(name) ON UPDATE CASCADE ON DELETE CASCADE,
                sort_order BIGINT NOT NULL,
                target TEXT NOT NULL,
                effect TEXT NOT NULL,
                action TEXT NOT NULL,
                CHECK ((role IS NULL) <> (user_name IS NULL))))"_s.arg(autoId),
            u"CREATE INDEX rules_role ON rules(role)"_s,
            u"CREATE INDEX rules_user ON rules(user_name)"_s,
            u"CREATE INDEX servers_credential ON servers(credential)"_s,
            u"CREATE INDEX tool_overrides_credential ON tool_overrides(credential)"_s,
            u"CREATE INDEX users_plan ON users(plan)"_s,
        },
        // v2: the OAuth authorization server.
        {
            uR"(CREATE TABLE oauth_clients (
                client_id TEXT PRIMARY KEY,
                client_secret_hash TEXT,
                user_name TEXT REFERENCES users(name) ON UPDATE CASCADE ON DELETE CASCADE,
                name TEXT,
                redirect_uris TEXT NOT NULL,
                kind TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                revoked INTEGER NOT NULL,
                origin TEXT NOT NULL))"_s,
            u"CREATE INDEX oauth_clients_user ON oauth_clients(user_name)"_s,
            uR"(CREATE TABLE oauth_tokens (
                token_hash TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                client_id TEXT NOT NULL
                    REFERENCES oauth_clients(client_id) ON UPDATE CASCADE ON DELETE CASCADE,
                user_name TEXT REFERENCES users(name) ON UPDATE CASCADE ON DELETE CASCADE,
                audience TEXT,
                scopes TEXT NOT NULL,
                grant_id TEXT,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                revoked INTEGER NOT NULL))"_s,
            u"CREATE INDEX oauth_tokens_client ON oauth_tokens(client_id)"_s,
            u"CREATE INDEX oauth_tokens_user ON oauth_tokens(user_name)"_s,
            u"CREATE INDEX oauth_tokens_grant ON oauth_tokens(grant_id)"_s,
            u"CREATE INDEX oauth_tokens_expiry ON oauth_tokens(expires_at)"_s,
        },
        // v3: usage counters, the audit log, and when a credential was last used.
        {
            u"ALTER TABLE credentials ADD COLUMN last_used_at BIGINT"_s,
            uR"(CREATE TABLE usage_counters (
                user_name TEXT NOT NULL,
                server TEXT NOT NULL,
                period TEXT NOT NULL,
                calls BIGINT NOT NULL,
                cost DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (user_name, server, period)))"_s,
            uR"(CREATE TABLE audit_log (
                id %1,
                at_ms BIGINT NOT NULL,
                user_name TEXT,
                client_id TEXT,
                server TEXT,
                tool TEXT,
                decision TEXT NOT NULL,
                reason TEXT,
                upstream_status INTEGER,
                latency_ms BIGINT,
                cost DOUBLE PRECISION))"_s.arg(autoId),
            u"CREATE INDEX audit_log_at ON audit_log(at_ms)"_s,
            u"CREATE INDEX audit_log_user ON audit_log(user_name, at_ms)"_s,
        },
        // v4: what instances sharing this database must agree on for MCP sessions: the key that
        // signs session ids, and the sessions that were ended before they expired.
        {
            uR"(CREATE TABLE gateway_keys (
                name TEXT PRIMARY KEY,
                secret TEXT NOT NULL,
                created_at BIGINT NOT NULL))"_s,
            uR"(CREATE TABLE ended_sessions (
                nonce TEXT PRIMARY KEY,
                expires_at BIGINT NOT NULL))"_s,
        },
        // v5: the editorial layer of generated tools: which operations a server includes and its
        // heuristic switches (JSON, NULL: the defaults), and per override the parameters it fixes
        // or gives defaults (JSON objects, NULL: none). Existing servers include everything.
        {
            u"ALTER TABLE servers ADD COLUMN tool_includes TEXT NOT NULL DEFAULT '[]'"_s,
            u"ALTER TABLE servers ADD COLUMN heuristics TEXT"_s,
            u"ALTER TABLE tool_overrides ADD COLUMN fixed_params TEXT"_s,
            u"ALTER TABLE tool_overrides ADD COLUMN param_defaults TEXT"_s,
        },
        // v6: static bearer tokens minted on the command line carry an optional spend cap (the
        // policy enforces it; NULL: none).
        {
            u"ALTER TABLE oauth_tokens ADD COLUMN spend_cap DOUBLE PRECISION"_s,
        },
        // v7: whether a server's spec may pull in remote $refs (off unless the owner says so).
        {
            u"ALTER TABLE servers ADD COLUMN openapi_remote_refs INTEGER NOT NULL DEFAULT 0"_s,
        },
        // v8: the authorization server's flows. A code or pending sign-in keeps what the later
        // step must check (redirect_uri, PKCE challenge; JSON in details); a registered client
        // keeps its RFC 7591 metadata; consent is remembered per (user, client, redirect_uri,
        // resource, scopes) so a new client never inherits another's approval.
        {
            u"ALTER TABLE oauth_tokens ADD COLUMN details TEXT"_s,
            u"ALTER TABLE oauth_clients ADD COLUMN metadata TEXT"_s,
            uR"(CREATE TABLE oauth_consents (
                user_name TEXT NOT NULL
                    REFERENCES users(name) ON UPDATE CASCADE ON DELETE CASCADE,
                client_id TEXT NOT NULL
                    REFERENCES oauth_clients(client_id) ON UPDATE CASCADE ON DELETE CASCADE,
                redirect_uri TEXT NOT NULL,
                resource TEXT NOT NULL,
                scopes TEXT NOT NULL,
                granted_at BIGINT NOT NULL,
                PRIMARY KEY (user_name, client_id, redirect_uri, resource, scopes)))"_s,
            u"CREATE INDEX oauth_consents_client ON oauth_consents(client_id)"_s,
        },
        // v9: the credential vault. Imported secrets, encrypted under the master key; the record's
        // associated data names the credential and the user, so names are never changed under a
        // record (ON UPDATE RESTRICT). NULL user: the owner-wide secret, one per credential (the
        // unique index on COALESCE, since NULLs never collide in a primary key). vault_meta keeps
        // the master key's key check, replaced in the same transaction as the records it checks.
        {
            uR"(CREATE TABLE credential_secrets (
                credential TEXT NOT NULL
                    REFERENCES credentials(name) ON UPDATE RESTRICT ON DELETE CASCADE,
                user_name TEXT REFERENCES users(name) ON UPDATE RESTRICT ON DELETE CASCADE,
                ciphertext TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                rotated_at BIGINT,
                last_used_at BIGINT))"_s,
            uR"(CREATE UNIQUE INDEX credential_secrets_owner
                ON credential_secrets (credential, COALESCE(user_name, '')))"_s,
            u"CREATE INDEX credential_secrets_user ON credential_secrets(user_name)"_s,
            uR"(CREATE TABLE vault_meta (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_at BIGINT NOT NULL))"_s,
        },
        // v10: limits and spend. What a capped token has spent so far (reserved before the
        // upstream call); a user's own limits over their plan's (NULL: the plan's); a tool's cost
        // taken from an argument (cost_argument times cost_factor, added to cost) and whether a
        // failed upstream call gives its reservation back (NULL: no); and the identity headers a
        // server's upstream receives (JSON, NULL: none).
        {
            u"ALTER TABLE oauth_tokens ADD COLUMN spent DOUBLE PRECISION NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE users ADD COLUMN calls_per_month BIGINT"_s,
            u"ALTER TABLE users ADD COLUMN rate_per_minute BIGINT"_s,
            u"ALTER TABLE users ADD COLUMN spend_per_month DOUBLE PRECISION"_s,
            u"ALTER TABLE tool_overrides ADD COLUMN cost_argument TEXT"_s,
            u"ALTER TABLE tool_overrides ADD COLUMN cost_factor DOUBLE PRECISION"_s,
            u"ALTER TABLE tool_overrides ADD COLUMN refund_on_failure INTEGER"_s,
            u"ALTER TABLE servers ADD COLUMN identity_headers TEXT"_s,
        },
        // v11: per-tool credential selection by upstream scope. The upstream scopes a tool needs
        // (JSON list; NULL: the spec's security requirements decide), and a server's candidate
        // credentials after its default, in order (a credential in use cannot be deleted).
        {
            u"ALTER TABLE tool_overrides ADD COLUMN scopes TEXT"_s,
            uR"(CREATE TABLE server_credentials (
                server TEXT NOT NULL
                    REFERENCES servers(name) ON UPDATE CASCADE ON DELETE CASCADE,
                credential TEXT NOT NULL
                    REFERENCES credentials(name) ON UPDATE CASCADE ON DELETE RESTRICT,
                sort_order BIGINT NOT NULL,
                PRIMARY KEY (server, credential)))"_s,
            u"CREATE INDEX server_credentials_credential ON server_credentials(credential)"_s,
        },
        // v12: an audit row may stand for more calls than itself: refusals by a limit repeated
        // within a minute are written as one row counting the others.
        {
            u"ALTER TABLE audit_log ADD COLUMN repeats BIGINT NOT NULL DEFAULT 0"_s,
        },
    };
}

const QString versionTable = u"schema_version"_s;

} // namespace

Migrator::Migrator(Database &database)
    : m_database(database)
{}

int Migrator::latestVersion()
{
    return static_cast<int>(migrations(SqlDialect(SqlDialect::Kind::Sqlite)).size());
}

Result<int> Migrator::currentVersion()
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    if (!conn->tables().contains(versionTable))
        return 0;
    Query q(m_database, *conn, u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s);
    if (auto s = q.exec(tr("Reading the schema version")); !s.ok())
        return s.error();
    return q.next() ? static_cast<int>(q.integer(0)) : 0;
}

Status Migrator::migrate()
{
    return migrateTo(latestVersion());
}

Status Migrator::migrateTo(int version)
{
    const int latest = latestVersion();
    auto current = currentVersion();
    if (!current.ok())
        return current.error();
    if (*current > latest)
        return Error(ErrorCode::Conflict,
                     tr("The store database '%1' has schema version %2, but this Gatehouse knows "
                        "versions up to %3: it was written by a newer Gatehouse. Run that version "
                        "or a newer one; the database is not downgraded.")
                         .arg(m_database.description())
                         .arg(*current)
                         .arg(latest));
    if (version < 0 || version > latest)
        return Error(ErrorCode::InvalidArgument,
                     tr("Schema version %1 does not exist; this Gatehouse knows versions 0 to %2.")
                         .arg(version)
                         .arg(latest));
    if (version < *current)
        return Error(ErrorCode::Conflict,
                     tr("The store database '%1' is at schema version %2 and cannot be taken "
                        "back to version %3; migrations only go forward.")
                         .arg(m_database.description())
                         .arg(*current)
                         .arg(version));
    for (int v = *current + 1; v <= version; ++v) {
        if (auto s = applyVersion(v); !s.ok())
            return s;
    }
    return {};
}

Status Migrator::applyVersion(int version)
{
    const QStringList statements = migrations(m_database.dialect()).at(version - 1);
    return m_database.write([&](QSqlDatabase &db) -> Status {
        QSqlQuery raw(db);
        if (const QString lock = m_database.dialect().migrationLockStatement();
            !lock.isEmpty() && !raw.exec(lock))
            return Error(ErrorCode::Unavailable,
                         tr("Cannot take the migration lock of the store database '%1' "
                            "(another Gatehouse may be migrating it): %2. Start this one again.")
                             .arg(m_database.description(), raw.lastError().text()));
        if (!raw.exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                      "applied_at BIGINT NOT NULL)"_s))
            return Error(ErrorCode::Database,
                         tr("Cannot create the schema_version table in '%1': %2.")
                             .arg(m_database.description(), raw.lastError().text()));
        // Another process may have migrated while we waited for the write lock.
        Query current(m_database, db, u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s);
        if (auto s = current.exec(tr("Reading the schema version")); !s.ok())
            return s;
        if (current.next() && current.integer(0) >= version)
            return {};
        for (const QString &statement : statements) {
            if (!raw.exec(statement))
                return Error(ErrorCode::Database,
                             tr("Migrating the store database '%1' to schema version %2 failed "
                                "and was rolled back: %3 (in: %4).")
                                 .arg(m_database.description())
                                 .arg(version)
                                 .arg(raw.lastError().text(), statement.simplified()));
        }
        Query mark(m_database, db,
                   u"INSERT INTO schema_version (version, applied_at) VALUES (:v, :at)"_s);
        mark.bind(u":v"_s, version)
            .bind(u":at"_s, QDateTime::currentDateTimeUtc().toMSecsSinceEpoch());
        if (auto s = mark.exec(tr("Recording schema version %1").arg(version)); !s.ok())
            return s;
        qCInfo(lcStore) << "migrated" << m_database.description() << "to schema version" << version;
        return {};
    });
}

} // namespace gatehouse::store
