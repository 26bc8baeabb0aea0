#include "CredentialVault.h"

#include "Logging.h"
#include "secrets/EnvironmentKeyProvider.h"
#include "secrets/KeyFileKeyProvider.h"
#include "secrets/KeychainKeyProvider.h"
#include "secrets/MasterKey.h"
#include "secrets/RecoveryKey.h"
#include "secrets/SystemdCredentialKeyProvider.h"
#include "store/Database.h"
#include "store/SecretRepository.h"

#include <openssl/crypto.h>

namespace gatehouse::secrets {

namespace {

constexpr auto kMarkUsedEvery = std::chrono::minutes(5);

} // namespace

CredentialVault::CredentialVault(store::Database &database, Vault vault)
    : m_database(database)
    , m_vault(std::move(vault))
{}

std::unique_ptr<MasterKeyProvider>
CredentialVault::provider(const std::optional<config::MasterKeyConfig> &masterKey)
{
    if (!masterKey)
        return std::make_unique<KeychainKeyProvider>();
    switch (masterKey->source) {
    case config::MasterKeySource::Keychain:
        return std::make_unique<KeychainKeyProvider>(KeychainKeyProvider::defaultService(),
                                                     masterKey->value);
    case config::MasterKeySource::File:
        return std::make_unique<KeyFileKeyProvider>(
            masterKey->resolvedFile.isEmpty() ? masterKey->value : masterKey->resolvedFile);
    case config::MasterKeySource::Systemd:
        return std::make_unique<SystemdCredentialKeyProvider>(masterKey->value);
    case config::MasterKeySource::Env:
        return std::make_unique<EnvironmentKeyProvider>(masterKey->value);
    }
    return std::make_unique<KeychainKeyProvider>();
}

Binding CredentialVault::binding(const QString &credential, const QString &user)
{
    return Binding{QStringLiteral("credential_secrets"), credential, QStringLiteral("ciphertext"),
                   user};
}

Result<bool> CredentialVault::inUse(store::Database &database)
{
    store::SecretRepository secrets(database);
    const auto any = secrets.any();
    if (!any)
        return any.error();
    if (*any)
        return true;
    const auto check = secrets.keyCheck();
    if (!check)
        return check.error();
    return !check->isEmpty();
}

Result<CredentialVault::Opened> CredentialVault::open(store::Database &database,
                                                      MasterKeyProvider &provider)
{
    store::SecretRepository secrets(database);
    const auto rowsExist = secrets.any();
    if (!rowsExist)
        return rowsExist.error();
    const auto check = secrets.keyCheck();
    if (!check)
        return check.error();
    if (*rowsExist && check->isEmpty())
        return Error(ErrorCode::Internal,
                     tr("The store holds encrypted secrets but no master key check, so it cannot "
                        "tell whether a key is the right one. Restore the store from a backup."));

    auto obtained = MasterKey::obtain(provider, *rowsExist);
    if (!obtained)
        return obtained.error();
    Opened opened;
    if (obtained->generated)
        opened.recoveryKey = RecoveryKey::format(obtained->key);

    if (!check->isEmpty()) {
        auto vault = Vault::open(obtained->key, *check);
        if (vault) {
            opened.vault = std::shared_ptr<CredentialVault>(
                new CredentialVault(database, std::move(vault).value()));
            return opened;
        }
        // A key check without records only remembers an earlier key; nothing depends on it.
        if (*rowsExist)
            return vault.error();
    }
    auto vault = Vault::create(obtained->key);
    if (!vault)
        return vault.error();
    if (Status saved = secrets.setKeyCheck(vault->keyCheck(), QDateTime::currentDateTimeUtc());
        !saved)
        return saved.error();
    opened.vault =
        std::shared_ptr<CredentialVault>(new CredentialVault(database, std::move(vault).value()));
    return opened;
}

Result<std::shared_ptr<CredentialVault>> CredentialVault::openExisting(store::Database &database,
                                                                       MasterKeyProvider &provider)
{
    store::SecretRepository secrets(database);
    const auto check = secrets.keyCheck();
    if (!check)
        return check.error();
    const auto rowsExist = secrets.any();
    if (!rowsExist)
        return rowsExist.error();
    if (check->isEmpty() && !*rowsExist)
        return std::shared_ptr<CredentialVault>();
    if (check->isEmpty())
        return Error(ErrorCode::Internal,
                     tr("The store holds encrypted secrets but no master key check, so it cannot "
                        "tell whether a key is the right one. Restore the store from a backup."));
    // Never generates: with rows that would orphan them, without rows there is nothing to serve.
    auto key = provider.load();
    if (!key) {
        if (key.error().code() != ErrorCode::NotFound)
            return key.error();
        if (!*rowsExist)
            return std::shared_ptr<CredentialVault>();
        return Error(ErrorCode::NotFound,
                     tr("The store holds encrypted credentials but %1 has no master key. Restore "
                        "the key there, or enter the recovery key with `gatehouse credential "
                        "restore-master-key`.")
                         .arg(provider.describe()));
    }
    auto vault = Vault::open(*key, *check);
    if (!vault) {
        if (!*rowsExist)
            return std::shared_ptr<CredentialVault>();
        return vault.error();
    }
    return std::shared_ptr<CredentialVault>(
        new CredentialVault(database, std::move(vault).value()));
}

Result<QByteArray> CredentialVault::secret(const QString &credential, const QString &user) const
{
    store::SecretRepository secrets(m_database);
    const auto stored = secrets.get(credential, user);
    if (!stored)
        return stored.error();
    auto plaintext = m_vault.decrypt(stored->ciphertext, binding(credential, user));
    if (!plaintext)
        return plaintext.error();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString key = credential + QLatin1Char('\n') + user;
    bool mark = false;
    {
        QMutexLocker lock(&m_usedMutex);
        const auto last = m_lastMarked.constFind(key);
        if (last == m_lastMarked.cend() ||
            last->msecsTo(now) >= std::chrono::milliseconds(kMarkUsedEvery).count()) {
            m_lastMarked.insert(key, now);
            mark = true;
        }
    }
    if (mark) {
        if (Status marked = secrets.markUsed(credential, user, now); !marked)
            qCWarning(lcSecrets).noquote() << marked.error().message();
    }
    return plaintext;
}

Status CredentialVault::add(const QString &credential, const QString &user,
                            QByteArrayView plaintext)
{
    auto record = m_vault.encrypt(plaintext, binding(credential, user));
    if (!record)
        return record.error();
    return m_database.write([&](QSqlDatabase &) -> Status {
        store::SecretRepository secrets(m_database);
        // The first record after the key check was dropped (or never written) brings it back.
        const auto check = secrets.keyCheck();
        if (!check)
            return check.error();
        if (*check != m_vault.keyCheck()) {
            const auto any = secrets.any();
            if (!any)
                return any.error();
            if (*any)
                return Error(ErrorCode::Conflict,
                             tr("The store's master key changed while this command ran (another "
                                "command rotated it); run the command again."));
            if (Status s = secrets.setKeyCheck(m_vault.keyCheck(), QDateTime::currentDateTimeUtc());
                !s)
                return s;
        }
        return secrets.insert(store::StoredSecret{
            credential, user, *record, QDateTime::currentDateTimeUtc(), {}, {}});
    });
}

Status CredentialVault::replace(const QString &credential, const QString &user,
                                QByteArrayView plaintext)
{
    auto record = m_vault.encrypt(plaintext, binding(credential, user));
    if (!record)
        return record.error();
    return store::SecretRepository(m_database)
        .replace(credential, user, *record, QDateTime::currentDateTimeUtc());
}

Status CredentialVault::storeRotated(const QString &credential, const QString &user,
                                     QByteArrayView plaintext) const
{
    auto record = m_vault.encrypt(plaintext, binding(credential, user));
    if (!record)
        return record.error();
    return store::SecretRepository(m_database)
        .replace(credential, user, *record, QDateTime::currentDateTimeUtc());
}

Status CredentialVault::rotate(const MasterKey &next)
{
    std::optional<Vault> rotated;
    const Status written = m_database.write([&](QSqlDatabase &) -> Status {
        store::SecretRepository secrets(m_database);
        const auto check = secrets.keyCheck();
        if (!check)
            return check.error();
        if (!check->isEmpty() && *check != m_vault.keyCheck())
            return Error(ErrorCode::Conflict,
                         tr("The store's master key changed while this command ran (another "
                            "command rotated it); run the command again."));
        auto stored = secrets.list();
        if (!stored)
            return stored.error();
        QList<Vault::Field> fields;
        fields.reserve(stored->size());
        for (const store::StoredSecret &s : std::as_const(*stored))
            fields.append(Vault::Field{binding(s.credential, s.user), s.ciphertext});
        auto rotation = m_vault.rotate(next, fields);
        if (!rotation)
            return rotation.error();
        for (qsizetype i = 0; i < stored->size(); ++i)
            (*stored)[i].ciphertext = rotation->records.at(i);
        if (Status s =
                secrets.replaceAll(*stored, rotation->keyCheck, QDateTime::currentDateTimeUtc());
            !s)
            return s;
        auto opened = Vault::open(next, rotation->keyCheck);
        if (!opened)
            return opened.error();
        rotated = std::move(opened).value();
        return {};
    });
    if (!written)
        return written;
    m_vault = std::move(*rotated);
    return {};
}

} // namespace gatehouse::secrets
