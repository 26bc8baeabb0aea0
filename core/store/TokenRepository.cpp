#include "TokenRepository.h"

#include "Database.h"
#include "Query.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gatehouse::store {

namespace {

const QString columns = u"token_hash, kind, client_id, user_name, audience, scopes, grant_id, "
                        "created_at, expires_at, revoked, spend_cap, details"_s;
const QString joinedColumns =
    u"t.token_hash, t.kind, t.client_id, t.user_name, t.audience, t.scopes, t.grant_id, "
    "t.created_at, t.expires_at, t.revoked, t.spend_cap, t.details"_s;
const int columnCount = 12;
const QStringList kinds = {u"access"_s, u"refresh"_s, u"code"_s, u"request"_s};

Token readToken(const Query &q)
{
    Token t;
    t.tokenHash = q.text(0);
    t.kind = q.text(1);
    t.clientId = q.text(2);
    t.user = q.optionalText(3);
    t.audience = q.optionalText(4);
    t.scopes = q.list(5);
    t.grantId = q.optionalText(6);
    t.createdAt = q.time(7);
    t.expiresAt = q.time(8);
    t.revoked = q.flag(9);
    t.spendCap = q.optionalReal(10);
    t.details = q.optionalText(11);
    return t;
}

bool isLowerHex(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

} // namespace

TokenRepository::TokenRepository(Database &database)
    : m_database(database)
{}

Result<QList<Token>> TokenRepository::select(QSqlDatabase &db, const QString &where,
                                             const QVariant &value)
{
    return select(db, where, Bindings{std::pair{u":v"_s, value}});
}

Result<QList<Token>> TokenRepository::select(QSqlDatabase &db, const QString &where,
                                             const Bindings &bindings)
{
    Query q(m_database, db,
            u"SELECT "_s + columns + u" FROM oauth_tokens"_s + where + u" ORDER BY created_at"_s);
    for (const auto &[placeholder, value] : bindings)
        q.bind(placeholder, value);
    if (auto s = q.exec(tr("Reading OAuth tokens")); !s.ok())
        return s.error();
    QList<Token> result;
    while (q.next())
        result.append(readToken(q));
    return result;
}

Status TokenRepository::insert(const Token &t)
{
    if (t.tokenHash.isEmpty() || t.clientId.isEmpty() || !t.expiresAt.isValid())
        return Error(ErrorCode::InvalidArgument,
                     tr("A token needs its hash, a client_id and an expiry time."));
    if (!kinds.contains(t.kind))
        return Error(ErrorCode::InvalidArgument,
                     tr("Token kind '%1' is not one of %2.").arg(t.kind, kinds.join(u", "_s)));
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db,
                u"INSERT INTO oauth_tokens ("_s + columns +
                    u") VALUES (:hash, :kind, :client_id, :user, :audience, :scopes, :grant_id, "
                    ":created_at, :expires_at, :revoked, :spend_cap, :details)"_s);
        q.bind(u":hash"_s, t.tokenHash)
            .bind(u":kind"_s, t.kind)
            .bind(u":client_id"_s, t.clientId)
            .bind(u":user"_s, Query::fromText(t.user))
            .bind(u":audience"_s, Query::fromText(t.audience))
            .bind(u":scopes"_s, Query::fromList(t.scopes))
            .bind(u":grant_id"_s, Query::fromText(t.grantId))
            .bind(u":created_at"_s,
                  Query::fromTime(t.createdAt.isValid() ? t.createdAt
                                                        : QDateTime::currentDateTimeUtc()))
            .bind(u":expires_at"_s, Query::fromTime(t.expiresAt))
            .bind(u":revoked"_s, Query::fromFlag(t.revoked))
            .bind(u":spend_cap"_s, Query::fromReal(t.spendCap))
            .bind(u":details"_s, Query::fromText(t.details));
        Status s = q.exec(tr("Saving a %1 token for OAuth client '%2'").arg(t.kind, t.clientId));
        if (q.failure() == SqlDialect::Failure::UniqueViolation)
            return Error(ErrorCode::AlreadyExists,
                         tr("A token with this hash already exists; generate a new token."));
        if (q.failure() == SqlDialect::Failure::ForeignKeyViolation)
            return Error(ErrorCode::NotFound,
                         tr("Cannot save a %1 token: OAuth client '%2'%3 does not exist.")
                             .arg(t.kind, t.clientId,
                                  t.user ? tr(" or user '%1'").arg(*t.user) : QString()));
        return s;
    });
}

Result<Token> TokenRepository::get(const QString &tokenHash)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    auto rows = select(*conn, u" WHERE token_hash = :v"_s, tokenHash);
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("The token is not known; it may have expired and "
                                             "been removed. Request a new one."));
    return rows->first();
}

Result<TokenAccess> TokenRepository::access(const QString &tokenHash)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT "_s + joinedColumns +
                u", u.name, u.disabled FROM oauth_tokens t LEFT JOIN users u ON u.name = "
                "t.user_name WHERE t.token_hash = :v"_s);
    q.bind(u":v"_s, tokenHash);
    if (auto s = q.exec(tr("Reading an OAuth token")); !s.ok())
        return s.error();
    if (!q.next())
        return Error(ErrorCode::NotFound, tr("The token is not known; it may have expired and "
                                             "been removed. Request a new one."));
    TokenAccess found;
    found.token = readToken(q);
    found.userExists = q.optionalText(columnCount).has_value();
    found.userDisabled = q.optionalFlag(columnCount + 1).value_or(false);
    return found;
}

Result<QList<Token>> TokenRepository::list(const QString &kind, const std::optional<QString> &user)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    if (user)
        return select(*conn, u" WHERE kind = :kind AND user_name = :user"_s,
                      Bindings{std::pair{u":kind"_s, QVariant(kind)},
                               std::pair{u":user"_s, QVariant(*user)}});
    return select(*conn, u" WHERE kind = :kind"_s, Bindings{std::pair{u":kind"_s, QVariant(kind)}});
}

Result<QList<Token>> TokenRepository::findByHashPrefix(const QString &kind, const QString &prefix)
{
    // Hex only, so the LIKE pattern holds no wildcard but the one appended here.
    if (prefix.size() < 4 || prefix.size() > 64 || !isLowerHex(prefix))
        return Error(ErrorCode::InvalidArgument,
                     tr("'%1' is not a token id: ids are 4 to 64 lowercase hexadecimal characters.")
                         .arg(prefix.left(80)));
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    return select(*conn, u" WHERE kind = :kind AND token_hash LIKE :prefix"_s,
                  Bindings{std::pair{u":kind"_s, QVariant(kind)},
                           std::pair{u":prefix"_s, QVariant(QString(prefix + u'%'))}});
}

Result<Token> TokenRepository::consume(const QString &tokenHash)
{
    // One conditional UPDATE decides who used the token: under PostgreSQL's READ COMMITTED a
    // SELECT then UPDATE would let two concurrent callers both see it unused.
    std::optional<Token> found;
    Status s = m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db,
                u"UPDATE oauth_tokens SET revoked = 1 WHERE token_hash = :h AND revoked = 0"_s);
        q.bind(u":h"_s, tokenHash);
        if (Status st = q.exec(tr("Using up a token")); !st.ok())
            return st;
        const bool usedNow = q.rowsAffected() == 1;
        auto rows = select(db, u" WHERE token_hash = :v"_s, tokenHash);
        if (!rows.ok())
            return rows.error();
        if (rows->isEmpty())
            return Error(ErrorCode::NotFound, tr("The token is not known; it may have expired "
                                                 "and been removed. Request a new one."));
        found = rows->first();
        found->revoked = !usedNow; // as it was before this call
        return {};
    });
    if (!s.ok())
        return s.error();
    return *found;
}

Result<int> TokenRepository::update(const QString &sql, const QVariant &value,
                                    const QString &action)
{
    int changed = 0;
    Status s = m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db, sql);
        q.bind(u":v"_s, value);
        Status st = q.exec(action);
        changed = q.rowsAffected();
        return st;
    });
    // Revocations must reach the gateway's verified-token caches now.
    if (changed > 0)
        m_database.noteAuthChange();
    if (!s.ok())
        return s.error();
    return changed;
}

Status TokenRepository::revoke(const QString &tokenHash)
{
    auto changed = update(u"UPDATE oauth_tokens SET revoked = 1 WHERE token_hash = :v"_s, tokenHash,
                          tr("Revoking a token"));
    if (!changed.ok())
        return changed.error();
    if (*changed == 0)
        return Error(ErrorCode::NotFound, tr("Cannot revoke the token: it is not known."));
    return {};
}

Result<int> TokenRepository::revokeGrant(const QString &grantId)
{
    return update(u"UPDATE oauth_tokens SET revoked = 1 WHERE grant_id = :v"_s, grantId,
                  tr("Revoking the tokens of grant '%1'").arg(grantId));
}

Result<int> TokenRepository::revokeForUser(const QString &user)
{
    return update(u"UPDATE oauth_tokens SET revoked = 1 WHERE user_name = :v"_s, user,
                  tr("Revoking the tokens of user '%1'").arg(user));
}

Result<int> TokenRepository::removeExpired(const QDateTime &now)
{
    return update(u"DELETE FROM oauth_tokens WHERE expires_at <= :v"_s, Query::fromTime(now),
                  tr("Removing expired tokens"));
}

Result<QList<Token>> TokenRepository::listForClient(const QString &clientId)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    return select(*conn, u" WHERE client_id = :v"_s, clientId);
}

} // namespace gatehouse::store
