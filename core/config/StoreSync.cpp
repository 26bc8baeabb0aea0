#include "StoreSync.h"

#include "ConfigWriter.h"
#include "Logging.h"
#include "store/ClientRepository.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/PlanRepository.h"
#include "store/RoleRepository.h"
#include "store/SecretRepository.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"
#include "store/UserRepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <functional>

namespace gatehouse::config {

namespace {

using store::Origin;

// ---- Config -> store records -------------------------------------------------------------

store::Server toRecord(const ServerConfig &s)
{
    store::Server r;
    r.name = s.name;
    r.title = s.title;
    if (s.openapi)
        r.openapi = s.openapi->resolved;
    if (s.mcp)
        r.mcpUrl = s.mcp->toString();
    if (s.baseUrl)
        r.baseUrl = s.baseUrl->toString();
    r.openapiRemoteRefs = s.openapiRemoteRefs.value_or(false);
    r.discovery = toString(s.discovery.value_or(Discovery::Flat));
    r.credential = s.credential;
    r.credentials = s.credentials.value_or(QStringList());
    if (s.identityHeaders)
        r.identityHeaders =
            store::ServerIdentityHeaders{s.identityHeaders->user, s.identityHeaders->client};
    if (s.tools && s.tools->exclude)
        r.toolExcludes = *s.tools->exclude;
    if (s.tools && s.tools->include)
        r.toolIncludes = *s.tools->include;
    if (s.tools && s.tools->heuristics) {
        const HeuristicsConfig &h = *s.tools->heuristics;
        r.heuristics =
            store::ServerHeuristics{h.dropDeprecated, h.hidePagination,   h.maxDescriptionChars,
                                    h.shapeResponses, h.dropListWithRead, h.compactSchemas};
    }
    return r;
}

store::ToolOverride toRecord(const QString &server, const ToolOverride &o)
{
    store::ToolOverride r;
    r.server = server;
    r.key = o.key;
    r.name = o.name;
    r.description = o.description;
    r.hideParams = o.hideParams;
    r.responseFields = o.responseFields;
    r.credential = o.credential;
    r.scopes = o.scopes;
    r.cost = o.cost;
    r.costArgument = o.costArgument;
    r.costFactor = o.costFactor;
    r.refundOnFailure = o.refundOnFailure;
    if (o.action)
        r.action = toString(*o.action);
    r.resource = o.resource;
    r.enabled = o.enabled;
    r.fixedParams = o.fixedParams;
    r.paramDefaults = o.paramDefaults;
    return r;
}

store::Credential toRecord(const Credential &c)
{
    store::Credential r;
    r.name = c.name;
    r.type = toString(c.type);
    if (c.in)
        r.location = toString(*c.in);
    r.param = c.param;
    r.scopes = c.scopes;
    r.perUser = c.perUser.value_or(false);
    if (c.secret) {
        store::SecretReference ref;
        ref.kind = toString(c.secret->source);
        ref.value =
            c.secret->source == SecretSource::File ? c.secret->resolvedFile : c.secret->value;
        r.secret = ref;
    }
    if (c.tokenUrl)
        r.tokenUrl = c.tokenUrl->toString();
    r.clientId = c.clientId;
    r.resource = c.resource;
    return r;
}

store::Role toRecord(const Role &role)
{
    store::Role r;
    r.name = role.name;
    for (const RoleRule &rule : role.rules) {
        const QString target = rule.target.toString();
        switch (rule.effect) {
        case RuleEffect::Allow:
        case RuleEffect::Deny:
            r.rules.append({target,
                            rule.effect == RuleEffect::Allow ? QStringLiteral("allow")
                                                             : QStringLiteral("deny"),
                            QStringLiteral("*")});
            break;
        case RuleEffect::Actions:
            for (Action a : rule.actions)
                r.rules.append({target, QStringLiteral("allow"), toString(a)});
            break;
        }
    }
    return r;
}

QList<store::Rule> userRules(const User &user)
{
    QList<store::Rule> rules;
    for (const Grant &g : user.grants) {
        const QString target = g.target.toString();
        for (Action a : g.allow.value_or(QList<Action>{}))
            rules.append({target, QStringLiteral("allow"), toString(a)});
        for (Action a : g.deny.value_or(QList<Action>{}))
            rules.append({target, QStringLiteral("deny"), toString(a)});
    }
    return rules;
}

store::Plan toRecord(const Plan &p)
{
    store::Plan r;
    r.name = p.name;
    r.callsPerMonth = p.callsPerMonth;
    r.ratePerMinute = p.ratePerMinute;
    r.spendPerMonth = p.spendPerMonth;
    return r;
}

store::User toRecord(const User &u)
{
    store::User r;
    r.name = u.name;
    r.passwordHash = u.passwordHash;
    r.roles = u.roles.value_or(QStringList{});
    r.plan = u.plan;
    r.disabled = u.disabled.value_or(false);
    r.callsPerMonth = u.callsPerMonth;
    r.ratePerMinute = u.ratePerMinute;
    r.spendPerMonth = u.spendPerMonth;
    return r;
}

store::Client toRecord(const Client &c)
{
    store::Client r;
    r.clientId = c.clientId;
    r.clientSecretHash = c.clientSecretHash;
    r.user = c.user;
    r.name = c.name;
    r.kind = QStringLiteral("issued");
    return r;
}

// ---- store records -> Config --------------------------------------------------------------

Role fromRecord(const store::Role &r)
{
    Role role;
    role.name = r.name;
    // Consecutive allow rows on one target came from one `target: [actions]` line.
    for (const store::Rule &rule : r.rules) {
        const auto target = Target::parse(rule.target);
        if (!target)
            continue;
        if (rule.action == QLatin1String("*")) {
            RoleRule rr;
            rr.target = *target;
            rr.effect = rule.effect == QLatin1String("deny") ? RuleEffect::Deny : RuleEffect::Allow;
            role.rules.append(rr);
            continue;
        }
        const auto action = fromString<Action>(rule.action);
        if (!action)
            continue;
        if (!role.rules.isEmpty() && role.rules.last().target == *target &&
            role.rules.last().effect == RuleEffect::Actions) {
            role.rules.last().actions.append(*action);
            continue;
        }
        RoleRule rr;
        rr.target = *target;
        rr.effect = RuleEffect::Actions;
        rr.actions = {*action};
        role.rules.append(rr);
    }
    return role;
}

QList<Grant> grantsFromRules(const QList<store::Rule> &rules)
{
    QList<Grant> grants;
    for (const store::Rule &rule : rules) {
        const auto target = Target::parse(rule.target);
        const auto action = fromString<Action>(rule.action);
        if (!target || !action)
            continue;
        auto it = std::find_if(grants.begin(), grants.end(),
                               [&](const Grant &g) { return g.target == *target; });
        if (it == grants.end()) {
            grants.append(Grant{*target, std::nullopt, std::nullopt});
            it = grants.end() - 1;
        }
        auto &list = rule.effect == QLatin1String("deny") ? it->deny : it->allow;
        if (!list)
            list = QList<Action>{};
        list->append(*action);
    }
    return grants;
}

// ---- the generic add/change/remove step ----------------------------------------------------

template <typename Record>
struct Kind
{
    QString label; // "server", "user", ... for messages
    std::function<Result<QList<Record>>()> list;
    std::function<QString(const Record &)> key;
    std::function<Status(const Record &)> upsert;
    std::function<Status(const Record &)> remove;
    // Copies what the store keeps at run time (creation times, last use) from the stored record
    // into the wanted one, so comparing them tells whether the file changed anything.
    std::function<void(const Record &stored, Record &wanted)> carry;
};

template <typename Record>
Status sync(const Kind<Record> &kind, QList<Record> wanted, StoreSync::Mode mode,
            StoreSync::Report &report, QList<std::function<Status()>> &removals)
{
    const auto existing = kind.list();
    if (!existing)
        return existing.error();
    QHash<QString, Record> stored;
    for (const Record &r : *existing)
        stored.insert(kind.key(r), r);

    QSet<QString> declared;
    for (Record &w : wanted) {
        const QString key = kind.key(w);
        declared.insert(key);
        const auto it = stored.constFind(key);
        if (it == stored.constEnd()) {
            w.origin = mode == StoreSync::Mode::Mirror ? Origin::Config : Origin::Local;
            if (Status s = kind.upsert(w); !s)
                return s;
            ++report.added;
            continue;
        }
        if (mode == StoreSync::Mode::Mirror) {
            if (it->origin == Origin::Local)
                report.warnings << StoreSync::tr("%1 '%2' was made in the GUI or by a command; "
                                                 "the config file declares it too and wins")
                                       .arg(kind.label, key);
            w.origin = Origin::Config;
        } else {
            w.origin = it->origin;
        }
        if (kind.carry)
            kind.carry(*it, w);
        if (w == *it) {
            ++report.unchanged;
            continue;
        }
        if (Status s = kind.upsert(w); !s)
            return s;
        ++report.changed;
    }
    if (mode == StoreSync::Mode::Mirror) {
        for (const Record &r : *existing) {
            if (r.origin != Origin::Config || declared.contains(kind.key(r)))
                continue;
            removals.prepend([&kind, r, &report]() -> Status {
                if (Status s = kind.remove(r); !s)
                    return s;
                ++report.removed;
                return {};
            });
        }
    }
    return {};
}

} // namespace

QString StoreSync::Report::summary() const
{
    return tr("%1 added, %2 changed, %3 removed, %4 unchanged")
        .arg(added)
        .arg(changed)
        .arg(removed)
        .arg(unchanged);
}

StoreSync::StoreSync(store::Database &database)
    : m_database(database)
{}

Result<StoreSync::Report> StoreSync::apply(const Config &config, Mode mode)
{
    store::ServerRepository servers(m_database);
    store::ToolOverrideRepository overrides(m_database);
    store::CredentialRepository credentials(m_database);
    store::RoleRepository roles(m_database);
    store::PlanRepository plans(m_database);
    store::UserRepository users(m_database);
    store::ClientRepository clients(m_database);

    const Kind<store::Plan> planKind{tr("plan"),
                                     [&] { return plans.list(); },
                                     [](const store::Plan &p) { return p.name; },
                                     [&](const store::Plan &p) { return plans.upsert(p); },
                                     [&](const store::Plan &p) { return plans.remove(p.name); },
                                     {}};
    const Kind<store::Credential> credentialKind{
        tr("credential"),
        [&] { return credentials.list(); },
        [](const store::Credential &c) { return c.name; },
        [&](const store::Credential &c) { return credentials.upsert(c); },
        [&](const store::Credential &c) -> Status {
            // Imported secrets go with their credential (ON DELETE CASCADE): a config that no
            // longer names it must not silently destroy them.
            auto secrets = store::SecretRepository(m_database).listForCredential(c.name);
            if (!secrets)
                return secrets.error();
            if (!secrets->isEmpty())
                return Error(ErrorCode::Conflict,
                             tr("credential %1 is no longer in the configuration, but %2 imported "
                                "secret(s) of it are stored: put it back, or delete them first "
                                "with gatehouse credential delete %1")
                                 .arg(c.name)
                                 .arg(secrets->size()));
            return credentials.remove(c.name);
        },
        [](const store::Credential &stored, store::Credential &w) {
            w.lastUsedAt = stored.lastUsedAt;
        }};
    const Kind<store::Server> serverKind{
        tr("server"),
        [&] { return servers.list(); },
        [](const store::Server &s) { return s.name; },
        [&](const store::Server &s) { return servers.upsert(s); },
        [&](const store::Server &s) { return servers.remove(s.name); },
        [](const store::Server &stored, store::Server &w) { w.enabled = stored.enabled; }};
    const Kind<store::ToolOverride> overrideKind{
        tr("tool override"),
        [&] { return overrides.list(); },
        [](const store::ToolOverride &o) -> QString { return o.server + QLatin1Char('.') + o.key; },
        [&](const store::ToolOverride &o) { return overrides.upsert(o); },
        [&](const store::ToolOverride &o) { return overrides.remove(o.server, o.key); },
        [](const store::ToolOverride &stored, store::ToolOverride &w) {
            // A tool switched off or on in the GUI stays so unless the file says `enabled`.
            if (!w.enabled)
                w.enabled = stored.enabled;
        }};
    const Kind<store::Role> roleKind{tr("role"),
                                     [&] { return roles.list(); },
                                     [](const store::Role &r) { return r.name; },
                                     [&](const store::Role &r) { return roles.upsert(r); },
                                     [&](const store::Role &r) { return roles.remove(r.name); },
                                     {}};
    const Kind<store::User> userKind{tr("user"),
                                     [&] { return users.list(); },
                                     [](const store::User &u) { return u.name; },
                                     [&](const store::User &u) { return users.upsert(u); },
                                     [&](const store::User &u) { return users.remove(u.name); },
                                     [](const store::User &stored, store::User &w) {
                                         w.createdAt = stored.createdAt;
                                         if (!w.passwordHash)
                                             w.passwordHash = stored.passwordHash;
                                     }};
    const Kind<store::Client> clientKind{
        tr("client"),
        [&] { return clients.list(); },
        [](const store::Client &c) { return c.clientId; },
        [&](const store::Client &c) { return clients.upsert(c); },
        [&](const store::Client &c) { return clients.remove(c.clientId); },
        [](const store::Client &stored, store::Client &w) {
            w.createdAt = stored.createdAt;
            w.revoked = stored.revoked;
            w.redirectUris = stored.redirectUris;
        }};

    QList<store::Plan> wantedPlans;
    for (const Plan &p : config.plans)
        wantedPlans << toRecord(p);
    QList<store::Credential> wantedCredentials;
    for (const Credential &c : config.credentials)
        wantedCredentials << toRecord(c);
    QList<store::Server> wantedServers;
    QList<store::ToolOverride> wantedOverrides;
    for (const ServerConfig &s : config.servers) {
        wantedServers << toRecord(s);
        if (s.tools)
            for (const ToolOverride &o : s.tools->overrides)
                wantedOverrides << toRecord(s.name, o);
    }
    QList<store::Role> wantedRoles;
    for (const Role &r : config.roles)
        wantedRoles << toRecord(r);
    QList<store::User> wantedUsers;
    for (const User &u : config.users)
        wantedUsers << toRecord(u);
    QList<store::Client> wantedClients;
    for (const Client &c : config.clients)
        wantedClients << toRecord(c);

    Report report;
    const Status written = m_database.write([&](QSqlDatabase &) -> Status {
        report = Report{};
        // Removals run last and in reverse order of dependency (clients before users before
        // plans), after everything the file declares exists.
        QList<std::function<Status()>> removals;
        if (Status s = sync(planKind, wantedPlans, mode, report, removals); !s)
            return s;
        if (Status s = sync(credentialKind, wantedCredentials, mode, report, removals); !s)
            return s;
        if (Status s = sync(serverKind, wantedServers, mode, report, removals); !s)
            return s;
        if (Status s = sync(overrideKind, wantedOverrides, mode, report, removals); !s)
            return s;
        if (Status s = sync(roleKind, wantedRoles, mode, report, removals); !s)
            return s;
        if (Status s = sync(userKind, wantedUsers, mode, report, removals); !s)
            return s;
        for (const User &u : config.users) {
            if (Status s = roles.setUserRules(u.name, userRules(u)); !s)
                return s;
        }
        if (Status s = sync(clientKind, wantedClients, mode, report, removals); !s)
            return s;
        for (const auto &remove : removals)
            if (Status s = remove(); !s)
                return s;
        return {};
    });
    if (!written)
        return written.error().withContext(tr("nothing was changed"));
    return report;
}

Result<Config> StoreSync::exportConfig(const GatewayConfig &gateway)
{
    Config config;
    config.gateway = gateway;

    store::ServerRepository servers(m_database);
    store::ToolOverrideRepository overrides(m_database);
    store::CredentialRepository credentials(m_database);
    store::RoleRepository roles(m_database);
    store::PlanRepository plans(m_database);
    store::UserRepository users(m_database);
    store::ClientRepository clients(m_database);

    const auto serverList = servers.list();
    if (!serverList)
        return serverList.error();
    for (const store::Server &s : *serverList) {
        ServerConfig sc;
        sc.name = s.name;
        sc.title = s.title;
        if (s.openapi)
            sc.openapi = FilePath{*s.openapi, *s.openapi};
        if (s.mcpUrl)
            sc.mcp = QUrl(*s.mcpUrl);
        if (s.baseUrl)
            sc.baseUrl = QUrl(*s.baseUrl);
        if (s.openapiRemoteRefs)
            sc.openapiRemoteRefs = true;
        sc.discovery = fromString<Discovery>(s.discovery);
        sc.credential = s.credential;
        if (!s.credentials.isEmpty())
            sc.credentials = s.credentials;
        if (s.identityHeaders)
            sc.identityHeaders =
                IdentityHeadersConfig{s.identityHeaders->user, s.identityHeaders->client};
        const auto overrideList = overrides.listForServer(s.name);
        if (!overrideList)
            return overrideList.error();
        if (!s.toolExcludes.isEmpty() || !s.toolIncludes.isEmpty() || s.heuristics ||
            !overrideList->isEmpty()) {
            ToolsConfig tools;
            if (!s.toolExcludes.isEmpty())
                tools.exclude = s.toolExcludes;
            if (!s.toolIncludes.isEmpty())
                tools.include = s.toolIncludes;
            if (s.heuristics) {
                const store::ServerHeuristics &h = *s.heuristics;
                tools.heuristics =
                    HeuristicsConfig{h.dropDeprecated, h.hidePagination,   h.maxDescriptionChars,
                                     h.shapeResponses, h.dropListWithRead, h.compactSchemas};
            }
            for (const store::ToolOverride &o : *overrideList) {
                ToolOverride to;
                to.key = o.key;
                to.enabled = o.enabled;
                to.name = o.name;
                to.description = o.description;
                to.hideParams = o.hideParams;
                to.fixedParams = o.fixedParams;
                to.paramDefaults = o.paramDefaults;
                to.responseFields = o.responseFields;
                to.credential = o.credential;
                to.scopes = o.scopes;
                to.cost = o.cost;
                to.costArgument = o.costArgument;
                to.costFactor = o.costFactor;
                to.refundOnFailure = o.refundOnFailure;
                if (o.action)
                    to.action = fromString<Action>(*o.action);
                to.resource = o.resource;
                tools.overrides << to;
            }
            sc.tools = tools;
        }
        config.servers << sc;
    }

    const auto credentialList = credentials.list();
    if (!credentialList)
        return credentialList.error();
    for (const store::Credential &c : *credentialList) {
        Credential cc;
        cc.name = c.name;
        cc.type = fromString<CredentialType>(c.type).value_or(CredentialType::ApiKey);
        if (c.location)
            cc.in = fromString<ParamLocation>(*c.location);
        cc.param = c.param;
        cc.scopes = c.scopes;
        if (c.perUser)
            cc.perUser = true;
        if (c.secret) {
            SecretRef ref;
            ref.source = fromString<SecretSource>(c.secret->kind).value_or(SecretSource::Keychain);
            ref.value = c.secret->value;
            if (ref.source == SecretSource::File)
                ref.resolvedFile = c.secret->value;
            cc.secret = ref;
        }
        if (c.tokenUrl)
            cc.tokenUrl = QUrl(*c.tokenUrl);
        cc.clientId = c.clientId;
        cc.resource = c.resource;
        config.credentials << cc;
    }

    const auto roleList = roles.list();
    if (!roleList)
        return roleList.error();
    for (const store::Role &r : *roleList)
        config.roles << fromRecord(r);

    const auto planList = plans.list();
    if (!planList)
        return planList.error();
    for (const store::Plan &p : *planList)
        config.plans << Plan{p.name, p.callsPerMonth, p.ratePerMinute, p.spendPerMonth};

    const auto userList = users.list();
    if (!userList)
        return userList.error();
    const auto allRules = roles.allUserRules();
    if (!allRules)
        return allRules.error();
    for (const store::User &u : *userList) {
        User uc;
        uc.name = u.name;
        if (!u.roles.isEmpty())
            uc.roles = u.roles;
        uc.plan = u.plan;
        uc.passwordHash = u.passwordHash;
        if (u.disabled)
            uc.disabled = true;
        uc.callsPerMonth = u.callsPerMonth;
        uc.ratePerMinute = u.ratePerMinute;
        uc.spendPerMonth = u.spendPerMonth;
        uc.grants = grantsFromRules(allRules->value(u.name));
        config.users << uc;
    }

    const auto clientList = clients.list();
    if (!clientList)
        return clientList.error();
    for (const store::Client &c : *clientList) {
        // Clients registered at run time (DCR) and revoked ones are runtime state, not config.
        if (c.kind != QLatin1String("issued") || c.revoked || !c.user)
            continue;
        config.clients << Client{c.clientId, c.clientSecretHash, *c.user, c.name};
    }
    return config;
}

Result<QString> StoreSync::exportBundle(const QString &dir, const GatewayConfig &gateway,
                                        const SealedSecrets &sealed)
{
    auto config = exportConfig(gateway);
    if (!config)
        return config.error();
    for (Credential &c : config->credentials) {
        const auto value = sealed.values.constFind(c.name);
        if (value != sealed.values.cend())
            c.secret = SecretRef{SecretSource::Sealed, *value, QString()};
    }
    const QDir out(dir);
    if (!QDir().mkpath(out.filePath(QStringLiteral("specs"))))
        return Error(ErrorCode::Io,
                     tr("cannot create %1: check the permissions of its parent folder")
                         .arg(out.filePath(QStringLiteral("specs"))));
    if (!config->gateway.dataDir)
        config->gateway.dataDir =
            FilePath{QStringLiteral("./data"), out.filePath(QStringLiteral("data"))};

    QSet<QString> usedNames;
    for (ServerConfig &s : config->servers) {
        if (!s.openapi || isHttpUrl(s.openapi->resolved))
            continue;
        const QFileInfo source(s.openapi->resolved);
        QString name = s.name + QLatin1Char('-') + source.fileName();
        for (int i = 2; usedNames.contains(name); ++i)
            name = s.name + QString::number(i) + QLatin1Char('-') + source.fileName();
        usedNames.insert(name);
        const QString target = out.filePath(QStringLiteral("specs/") + name);
        QFile::remove(target);
        if (!QFile::copy(source.absoluteFilePath(), target))
            return Error(
                ErrorCode::Io,
                tr("server %1: cannot copy its OpenAPI spec %2 into the bundle: check that "
                   "the file exists, or import the server again")
                    .arg(s.name, source.absoluteFilePath()));
        s.openapi = FilePath{QStringLiteral("specs/") + name, target};
    }

    const QString configPath = out.filePath(QStringLiteral("gatehouse.yaml"));
    if (Status written = ConfigWriter::writeFile(*config, configPath); !written)
        return written.error();

    QFile readme(out.filePath(QStringLiteral("README.md")));
    if (readme.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QString text = tr("# Gatehouse deployment bundle\n\n"
                          "- `gatehouse.yaml`: the configuration (docs/configuration.md in the "
                          "Gatehouse sources describes every key).\n"
                          "- `specs/`: the OpenAPI specs it names.\n\n"
                          "Run it with:\n\n    gatehouse serve --config gatehouse.yaml\n\n"
                          "Credentials are referenced, never included: provide each secret on the "
                          "server as its `secret:` key says (env, file or keychain).\n");
        if (!sealed.values.isEmpty()) {
            QStringList names = sealed.values.keys();
            names.sort();
            text += tr("\n## Sealed secrets\n\n"
                       "The owner-wide secrets of %1 are in `gatehouse.yaml` as `secret: {sealed: "
                       "...}`, encrypted (AES-256-GCM) to the deployment key in `%2`, which was "
                       "written beside this folder, never inside it. The gateway unseals them "
                       "with its master key, so install that key as the server's master key, "
                       "then delete it from the machine it was exported on:\n\n"
                       "- as a systemd credential (recommended):\n\n"
                       "      systemd-creds encrypt --name=gatehouse-deployment %2 "
                       "/etc/credstore.encrypted/gatehouse-deployment\n\n"
                       "  with `LoadCredentialEncrypted=gatehouse-deployment:/etc/credstore."
                       "encrypted/gatehouse-deployment` in the service unit and, in "
                       "`gatehouse.yaml`:\n\n"
                       "      gateway:\n        master_key: {systemd: gatehouse-deployment}\n\n"
                       "- or as a key file owned by the user the gateway runs as, mode 0600, in a "
                       "directory only that user or root can write:\n\n"
                       "      gateway:\n        master_key: {file: /etc/gatehouse/%2}\n\n"
                       "As exported, `gateway.master_key` names the key file beside this folder, "
                       "so the bundle runs where it was written. Without the key, or with another "
                       "one, the gateway still starts and these credentials' tools answer with an "
                       "error that says so. A sealed value only opens for its own credential: "
                       "copied to another one, it does not decrypt.\n")
                        .arg(names.join(QStringLiteral(", ")), sealed.keyFile);
        }
        if (!sealed.perUser.isEmpty())
            text += tr("\nPer-user secrets are not exported: each user of %1 imports their own "
                       "on the server with `gatehouse credential import NAME --user USER "
                       "--from-stdin`.\n")
                        .arg(sealed.perUser.join(QStringLiteral(", ")));
        readme.write(text.toUtf8());
    }
    return configPath;
}

store::Credential StoreSync::credentialRecord(const Credential &credential)
{
    return toRecord(credential);
}

} // namespace gatehouse::config
