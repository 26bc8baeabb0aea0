#include "ClientRegistry.h"

#include "Logging.h"
#include "OAuthJson.h"
#include "PasswordHash.h"
#include "RandomToken.h"
#include "RedirectUri.h"
#include "http/DocumentFetcher.h"

#include <QUrl>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace gatehouse::oauth {

namespace {

const QString authorizationCode = u"authorization_code"_s;
const QString refreshToken = u"refresh_token"_s;
const QString clientCredentials = u"client_credentials"_s;
const QStringList authMethods = {u"none"_s, u"client_secret_basic"_s, u"client_secret_post"_s};
constexpr qsizetype maxNameChars = 200;
constexpr qsizetype maxUrlChars = 2000;

// A name shown on the consent page: no control or format characters, bounded.
QString cleanName(const QString &name)
{
    QString clean;
    for (QChar c : name) {
        const auto category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format ||
            category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            continue;
        clean += c;
    }
    return clean.simplified().left(maxNameChars);
}

bool isHttpsUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && url.scheme() == u"https"_s && !url.host().isEmpty() &&
           text.size() <= maxUrlChars;
}

} // namespace

ClientRegistry::ClientRegistry(store::Database &database, AuthServerOptions options)
    : m_database(database)
    , m_options(std::move(options))
{}

QString ClientRegistry::hashSecret(const QString &secret)
{
    return u"sha256$"_s + RandomToken::hash(secret);
}

bool ClientRegistry::secretMatches(const QString &secret, const QString &stored)
{
    if (secret.isEmpty())
        return false;
    if (stored.startsWith(u"scrypt$"_s)) {
        auto verified = PasswordHash::verify(secret, stored);
        return verified && *verified;
    }
    return RandomToken::equal(hashSecret(secret), stored);
}

bool ClientRegistry::isDocumentUrl(const QString &clientId)
{
    // draft-ietf-oauth-client-id-metadata-document section 3: https, a path, no fragment, no
    // user information, no dot segments.
    if (!clientId.startsWith(u"https://"_s) && !clientId.startsWith(u"http://"_s))
        return false;
    const QUrl url(clientId, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || clientId.size() > maxUrlChars)
        return false;
    const QString path = url.path();
    return !path.isEmpty() && path != u"/"_s && !url.hasFragment() && url.userInfo().isEmpty() &&
           !path.split(u'/').contains(u"."_s) && !path.split(u'/').contains(u".."_s);
}

ClientRegistry::Client ClientRegistry::describe(const store::Client &row)
{
    Client client;
    client.row = row;
    const json metadata =
        row.metadata ? json::parse(row.metadata->toStdString(), nullptr, false) : json::object();
    if (row.kind == u"issued"_s) {
        client.grantTypes = {clientCredentials};
        if (!row.redirectUris.isEmpty())
            client.grantTypes << authorizationCode << refreshToken;
        client.authMethod = u"client_secret_basic"_s;
    } else {
        client.grantTypes = metadata.is_object() && metadata.contains("grant_types")
                                ? OAuthJson::strings(metadata["grant_types"])
                                : QStringList{authorizationCode, refreshToken};
        client.authMethod = metadata.is_object() && metadata.contains("token_endpoint_auth_method")
                                ? OAuthJson::text(metadata["token_endpoint_auth_method"])
                                : u"none"_s;
    }
    client.displayName = cleanName(row.name.value_or(QString()));
    if (client.displayName.isEmpty())
        client.displayName = row.clientId.left(60);
    return client;
}

Result<ClientRegistry::Client> ClientRegistry::find(const QString &clientId,
                                                    const QDateTime &now) const
{
    if (clientId.isEmpty() || clientId.size() > maxUrlChars)
        return Error(ErrorCode::NotFound, tr("the client_id is missing or too long"));
    auto stored = store::ClientRepository(m_database).get(clientId);
    if (!stored && stored.error().code() != ErrorCode::NotFound)
        return stored.error();
    if (stored) {
        if (stored->revoked)
            return Error(ErrorCode::PermissionDenied,
                         tr("the client %1 was revoked by the gateway's owner").arg(clientId));
        const bool stale = stored->kind == u"document"_s &&
                           stored->createdAt.secsTo(now) >= documentCacheTime.count();
        if (!stale)
            return describe(*stored);
    }
    if (isDocumentUrl(clientId))
        return fetchDocument(clientId, now);
    return Error(ErrorCode::NotFound,
                 tr("no client is registered with client_id %1: register the client again "
                    "(dynamic registration) or ask the gateway's owner for a client")
                     .arg(clientId.left(100)));
}

Result<ClientRegistry::Client> ClientRegistry::fetchDocument(const QString &clientId,
                                                             const QDateTime &now) const
{
    if (!m_options.clientMetadataDocuments)
        return Error(ErrorCode::NotFound,
                     tr("client_id %1 is a URL, but this gateway does not accept client metadata "
                        "documents: register the client instead")
                         .arg(clientId));
    const QUrl url(clientId);
    http::DocumentFetcher::Options fetch;
    fetch.addressPolicy = http::AddressPolicy::publicOnly();
    fetch.requireHttps = true;
    fetch.maxBytes = maxDocumentBytes;
    fetch.timeout = documentTimeout;
    fetch.maxRedirects = 0;
    const QUrl origin = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (m_options.insecureDocumentOrigins.contains(origin)) {
        fetch.requireHttps = false;
        fetch.addressPolicy.exemptForTesting(
            {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)});
    } else if (url.scheme() != u"https"_s) {
        return Error(ErrorCode::Validation,
                     tr("client_id %1 is not an https URL, so its metadata document is not "
                        "fetched")
                         .arg(clientId));
    }
    auto document = http::DocumentFetcher::fetch(url, fetch);
    if (!document)
        return Error(ErrorCode::Unavailable,
                     tr("the client's metadata document could not be fetched: %1")
                         .arg(document.error().message()));
    const json metadata =
        json::parse(document->body.constData(), document->body.constData() + document->body.size(),
                    nullptr, false);
    const auto refuse = [&](const QString &why) {
        return Error(
            ErrorCode::Validation,
            tr("the client's metadata document at %1 cannot be used: %2").arg(clientId, why));
    };
    if (!metadata.is_object())
        return refuse(tr("it is not a JSON object"));
    if (OAuthJson::text(metadata.value("client_id", json())) != clientId)
        return refuse(tr("its client_id must be the document's own URL"));
    if (metadata.contains("client_secret") || metadata.contains("client_secret_expires_at"))
        return refuse(tr("a metadata document must not carry a client secret"));
    const QString method =
        OAuthJson::text(metadata.value("token_endpoint_auth_method", json("none")));
    if (method != u"none"_s)
        return refuse(tr("token_endpoint_auth_method %1 is not supported for metadata documents; "
                         "use none")
                          .arg(method.left(40)));
    const QStringList redirects = OAuthJson::strings(metadata.value("redirect_uris", json()));
    if (redirects.isEmpty() || redirects.size() > maxRedirectUris)
        return refuse(tr("it needs between 1 and %1 redirect_uris").arg(maxRedirectUris));
    for (const QString &uri : redirects) {
        if (Status ok = RedirectUri::checkRegistrable(uri); !ok)
            return refuse(ok.error().message());
    }
    QStringList grants = metadata.contains("grant_types")
                             ? OAuthJson::strings(metadata["grant_types"])
                             : QStringList{authorizationCode};
    grants.removeAll(clientCredentials);
    if (!grants.contains(authorizationCode))
        grants.prepend(authorizationCode);

    store::Client row;
    row.clientId = clientId;
    row.name = cleanName(OAuthJson::text(metadata.value("client_name", json())));
    row.redirectUris = redirects;
    row.kind = u"document"_s;
    row.createdAt = now; // when it was fetched: the cache's age
    row.origin = store::Origin::Local;
    json kept = {{"grant_types", OAuthJson::array(grants)}, {"token_endpoint_auth_method", "none"}};
    if (isHttpsUrl(OAuthJson::text(metadata.value("client_uri", json()))))
        kept["client_uri"] = metadata["client_uri"];
    row.metadata = QString::fromStdString(kept.dump());
    if (Status saved = store::ClientRepository(m_database).upsert(row); !saved)
        return saved.error();
    qCInfo(lcOAuth).noquote() << "fetched the client metadata document" << clientId;
    return describe(row);
}

Result<ClientRegistry::Registration> ClientRegistry::registerClient(const json &metadata,
                                                                    const QDateTime &now) const
{
    const auto bad = [](const QString &why) { return Error(ErrorCode::InvalidArgument, why); };
    if (!metadata.is_object())
        return bad(tr("the registration request must be a JSON object of client metadata "
                      "(RFC 7591 section 2)"));

    const json redirectsJson = metadata.value("redirect_uris", json());
    if (!redirectsJson.is_null() && !redirectsJson.is_array())
        return bad(tr("redirect_uris must be an array of strings"));
    const QStringList redirects = OAuthJson::strings(redirectsJson);
    if (redirects.size() > maxRedirectUris)
        return bad(tr("at most %1 redirect_uris can be registered").arg(maxRedirectUris));
    for (const QString &uri : redirects) {
        if (Status ok = RedirectUri::checkRegistrable(uri); !ok)
            return Error(ErrorCode::Validation, ok.error().message());
    }

    QStringList grants{authorizationCode, refreshToken};
    if (metadata.contains("grant_types")) {
        if (!metadata["grant_types"].is_array())
            return bad(tr("grant_types must be an array of strings"));
        grants = OAuthJson::strings(metadata["grant_types"]);
        for (const QString &grant : grants) {
            if (grant != authorizationCode && grant != refreshToken)
                return bad(tr("the grant type %1 cannot be registered: use authorization_code "
                              "and refresh_token (client_credentials clients are issued by the "
                              "gateway's owner)")
                               .arg(grant.left(60)));
        }
        grants.removeDuplicates();
    }
    if (grants.contains(authorizationCode) && redirects.isEmpty())
        return Error(ErrorCode::Validation,
                     tr("redirect_uris is required for the authorization_code grant"));
    if (metadata.contains("response_types")) {
        const QStringList types = OAuthJson::strings(metadata["response_types"]);
        if (!metadata["response_types"].is_array() ||
            std::any_of(types.cbegin(), types.cend(),
                        [](const QString &t) { return t != u"code"_s; }))
            return bad(tr("response_types may only hold \"code\""));
    }
    QString method = u"client_secret_basic"_s; // RFC 7591 section 2's default
    if (metadata.contains("token_endpoint_auth_method")) {
        method = OAuthJson::text(metadata["token_endpoint_auth_method"]);
        if (!authMethods.contains(method))
            return bad(tr("token_endpoint_auth_method %1 is not supported; use none, "
                          "client_secret_basic or client_secret_post")
                           .arg(method.left(60)));
    }
    const json name = metadata.value("client_name", json());
    if (!name.is_null() && !name.is_string())
        return bad(tr("client_name must be a string"));
    const QString clientName = cleanName(OAuthJson::text(name));
    const QString clientUri = OAuthJson::text(metadata.value("client_uri", json()));
    if (!clientUri.isEmpty() && !isHttpsUrl(clientUri))
        return bad(tr("client_uri must be an https URL"));

    // Fields only the server sets (client_id, client_secret, their dates, registration tokens)
    // are ignored, never taken from the request.
    store::Client row;
    row.clientId = RandomToken::generate(clientIdPrefix());
    std::optional<QString> secret;
    if (method != u"none"_s) {
        secret = RandomToken::generate(clientSecretPrefix());
        row.clientSecretHash = hashSecret(*secret);
    }
    row.name = clientName.isEmpty() ? std::optional<QString>() : clientName;
    row.redirectUris = redirects;
    row.kind = u"registered"_s;
    row.createdAt = now;
    row.origin = store::Origin::Local;
    json kept = {{"grant_types", OAuthJson::array(grants)},
                 {"token_endpoint_auth_method", method.toStdString()}};
    if (!clientUri.isEmpty())
        kept["client_uri"] = clientUri.toStdString();
    row.metadata = QString::fromStdString(kept.dump());
    if (Status saved = store::ClientRepository(m_database).create(row); !saved)
        return saved.error();

    Registration registration;
    registration.clientId = row.clientId;
    json &r = registration.response;
    r = kept;
    r["client_id"] = row.clientId.toStdString();
    r["client_id_issued_at"] = now.toSecsSinceEpoch();
    r["redirect_uris"] = OAuthJson::array(redirects);
    r["response_types"] = json::array({"code"});
    if (!clientName.isEmpty())
        r["client_name"] = clientName.toStdString();
    if (secret) {
        r["client_secret"] = secret->toStdString();
        r["client_secret_expires_at"] = 0;
    }
    qCInfo(lcOAuth).noquote() << "registered client" << row.clientId
                              << (clientName.isEmpty() ? QString() : u"(%1)"_s.arg(clientName));
    return registration;
}

} // namespace gatehouse::oauth
