#include "CredentialVault.h"

#include "Logging.h"
#include "secrets/EnvironmentKeyProvider.h"
#include "secrets/KeyFileKeyProvider.h"
#include "secrets/KeychainKeyProvider.h"
#include "secrets/MasterKey.h"
#include "secrets/RecoveryKey.h"
#include "secrets/SealedSecret.h"
#include "secrets/SystemdCredentialKeyProvider.h"
#include "store/Database.h"
#include "store/SecretRepository.h"

#include <QThread>

#include <openssl/crypto.h>

namespace gatehouse::secrets {

namespace {

constexpr auto kMarkUsedEvery = std::chrono::minutes(5);
// How often a command that lost the claim to create the master key looks for the winner's key.
constexpr auto kClaimPoll = std::chrono::milliseconds(100);
// A claim older than this whose key never reached the provider was left by a process that died
// in between; a live one stores its key within the keychain's timeout (25 s).
constexpr auto kStaleClaim = std::chrono::minutes(2);

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

namespace {

Error keyChanged()
{
    return Error(ErrorCode::Conflict,
                 CredentialVault::tr("The store's master key changed while this command ran "
                                     "(another command rotated it); run the command again."));
}

Error noKeyCheck()
{
    return Error(ErrorCode::Internal,
                 CredentialVault::tr("The store holds encrypted secrets but no master key check, "
                                     "so it cannot tell whether a key is the right one. Restore "
                                     "the store from a backup."));
}

Error missingKey(const MasterKeyProvider &provider)
{
    return Error(ErrorCode::NotFound,
                 CredentialVault::tr("The store holds encrypted credentials but %1 has no master "
                                     "key. Restore the key there, or enter the recovery key with "
                                     "`gatehouse credential restore-master-key`.")
                     .arg(provider.describe()));
}

struct Unlocked
{
    MasterKey key;
    Vault vault;
};

// A rotation that committed but did not promote its key leaves the key that opens the store as
// the provider's staged key: use it, and finish the promotion.
std::optional<Unlocked> recoverStaged(MasterKeyProvider &provider, const QString &check)
{
    auto staged = provider.loadStaged();
    if (!staged) {
        if (staged.error().code() != ErrorCode::NotFound)
            qCWarning(lcSecrets).noquote()
                << "cannot read the staged master key:" << staged.error().message();
        return std::nullopt;
    }
    auto vault = Vault::open(*staged, check);
    if (!vault)
        return std::nullopt; // left by a rotation that did not commit; the next one replaces it
    if (Status promoted = provider.promoteStaged(*staged); !promoted)
        qCWarning(lcSecrets).noquote()
            << "an interrupted master key rotation left key" << vault->keyId()
            << "staged; using it, but it could not be made the key of" << provider.describe()
            << "yet:" << promoted.error().message();
    else
        qCInfo(lcSecrets).noquote()
            << "finished an interrupted master key rotation:" << provider.describe()
            << "now holds key" << vault->keyId();
    return Unlocked{*staged, std::move(vault).value()};
}

// The provider's key when it opens `check`, else its staged key when that does; else the
// provider's error (NotFound: it holds no key) or, with `mismatched` set, why its key does not
// open the store.
Result<Unlocked> unlock(MasterKeyProvider &provider, const QString &check, bool &mismatched)
{
    mismatched = false;
    auto key = provider.load();
    if (!key && key.error().code() != ErrorCode::NotFound)
        return key.error();
    std::optional<Error> mismatch;
    if (key) {
        auto vault = Vault::open(*key, check);
        if (vault)
            return Unlocked{*key, std::move(vault).value()};
        mismatch = vault.error();
    }
    if (auto staged = recoverStaged(provider, check))
        return std::move(*staged);
    if (mismatch) {
        mismatched = true;
        return *mismatch;
    }
    return key.error();
}

} // namespace

Result<CredentialVault::Opened> CredentialVault::open(store::Database &database,
                                                      MasterKeyProvider &provider,
                                                      std::chrono::milliseconds claimWait)
{
    store::SecretRepository secrets(database);
    const auto deadline = std::chrono::steady_clock::now() + claimWait;
    // Another process's claim is in the way: false once the wait is over.
    const auto waitMore = [&] {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        QThread::msleep(kClaimPoll.count());
        return true;
    };
    auto made = [&database](Vault vault) {
        return std::shared_ptr<CredentialVault>(new CredentialVault(database, std::move(vault)));
    };

    for (;;) {
        const auto rowsExist = secrets.any();
        if (!rowsExist)
            return rowsExist.error();
        const auto check = secrets.keyCheckRecord();
        if (!check)
            return check.error();
        if (*rowsExist && check->value.isEmpty())
            return noKeyCheck();

        auto loaded = provider.load();
        if (!loaded && loaded.error().code() != ErrorCode::NotFound)
            return loaded.error();
        if (!check->value.isEmpty()) {
            if (loaded) {
                if (auto vault = Vault::open(*loaded, check->value))
                    return Opened{made(std::move(vault).value()), QString()};
            }
            if (auto staged = recoverStaged(provider, check->value))
                return Opened{made(std::move(staged->vault)), QString()};
            if (*rowsExist) {
                if (loaded)
                    return Vault::open(*loaded, check->value).error();
                return missingKey(provider);
            }
            // A key check that no key here opens and no secret depends on: a claim whose process
            // is still storing its key, or one left behind (a key since replaced, a process that
            // died before storing its key). Only the latter may be replaced.
            const QDateTime claimed = check->updatedAt;
            if (claimed.msecsTo(QDateTime::currentDateTimeUtc()) <
                std::chrono::milliseconds(kStaleClaim).count()) {
                if (waitMore())
                    continue;
                return Error(
                    ErrorCode::Unavailable,
                    tr("Another gatehouse command started creating the master key at %1 UTC, but "
                       "%2 holds no key that matches it yet. If no other command is running, run "
                       "this one again after %3 UTC: it then creates a new key.")
                        .arg(claimed.toString(Qt::ISODate), provider.describe(),
                             claimed.addSecs(std::chrono::seconds(kStaleClaim).count())
                                 .toString(Qt::ISODate)));
            }
        }

        // Record the key's check, compare-and-set: a fresh claim, or in place of the check left
        // behind. Whoever lands it first owns the key; the others come round and use it.
        std::optional<Vault> claimedVault;
        bool lost = false;
        const MasterKey::Claim claim = [&](const MasterKey &key) -> Status {
            auto vault = Vault::create(key);
            if (!vault)
                return vault.error();
            const QDateTime now = QDateTime::currentDateTimeUtc();
            Status s = check->value.isEmpty()
                           ? secrets.claimKeyCheck(vault->keyCheck(), now)
                           : secrets.replaceUnusedKeyCheck(check->value, vault->keyCheck(), now);
            if (s)
                claimedVault = std::move(vault).value();
            else
                lost = s.error().code() == ErrorCode::AlreadyExists ||
                       s.error().code() == ErrorCode::Conflict;
            return s;
        };
        if (loaded) {
            if (Status s = claim(*loaded); s)
                return Opened{made(std::move(*claimedVault)), QString()};
            else if (!lost)
                return s.error();
            if (waitMore())
                continue;
            return Error(ErrorCode::Conflict,
                         tr("Other gatehouse commands kept recording a different master key in "
                            "the store while this one ran; run it again."));
        }
        auto obtained = MasterKey::obtain(provider, false, claim);
        if (!obtained) {
            if (claimedVault) {
                // Claimed, but the key could not be kept: let the next attempt claim afresh.
                if (Status released = secrets.releaseKeyCheck(claimedVault->keyCheck()); !released)
                    qCWarning(lcSecrets).noquote() << released.error().message();
            }
            if (lost && waitMore())
                continue;
            return obtained.error();
        }
        if (!obtained->generated || !claimedVault)
            continue; // a key appeared in the provider meanwhile: start over with it
        return Opened{made(std::move(*claimedVault)), RecoveryKey::format(obtained->key)};
    }
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
        return noKeyCheck();
    // Never generates: with rows that would orphan them, without rows there is nothing to serve.
    bool mismatched = false;
    auto unlocked = unlock(provider, *check, mismatched);
    if (!unlocked) {
        if (!*rowsExist && (mismatched || unlocked.error().code() == ErrorCode::NotFound))
            return std::shared_ptr<CredentialVault>();
        if (unlocked.error().code() == ErrorCode::NotFound)
            return missingKey(provider);
        return unlocked.error();
    }
    return std::shared_ptr<CredentialVault>(
        new CredentialVault(database, std::move(unlocked->vault)));
}

Result<std::shared_ptr<CredentialVault>>
CredentialVault::forSealedSecrets(store::Database &database, MasterKeyProvider &provider)
{
    auto key = provider.load();
    if (!key)
        return Error(key.error().code(),
                     tr("the configuration holds sealed secrets, but the master key that unseals "
                        "them cannot be read from %1: %2. Install the deployment key that "
                        "`gatehouse export --seal-secrets` wrote beside the bundle there.")
                         .arg(provider.describe(), key.error().message()));
    auto vault = Vault::create(*key);
    if (!vault)
        return vault.error();
    return std::shared_ptr<CredentialVault>(
        new CredentialVault(database, std::move(vault).value()));
}

Result<MasterKey> CredentialVault::currentKey(store::Database &database,
                                              MasterKeyProvider &provider)
{
    const auto check = store::SecretRepository(database).keyCheck();
    if (!check)
        return check.error();
    if (check->isEmpty())
        return Error(ErrorCode::NotFound,
                     tr("the store has no master key yet; the first `gatehouse credential "
                        "import` creates one and prints its recovery key"));
    bool mismatched = false;
    auto unlocked = unlock(provider, *check, mismatched);
    if (!unlocked) {
        if (!mismatched && unlocked.error().code() == ErrorCode::NotFound)
            return missingKey(provider);
        return unlocked.error();
    }
    return std::move(unlocked->key);
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

Result<QString> CredentialVault::seal(const QString &credential, const Vault &deployment) const
{
    const auto stored = store::SecretRepository(m_database).get(credential, QString());
    if (!stored)
        return stored.error();
    auto plaintext = m_vault.decrypt(stored->ciphertext, binding(credential, QString()));
    if (!plaintext)
        return plaintext.error();
    Result<QString> sealed = SealedSecret::seal(deployment, *plaintext, credential);
    OPENSSL_cleanse(plaintext->data(), size_t(plaintext->size()));
    return sealed;
}

Result<QByteArray> CredentialVault::unseal(const QString &credential, const QString &sealed) const
{
    return SealedSecret::unseal(m_vault, sealed, credential);
}

Status CredentialVault::add(const QString &credential, const QString &user,
                            QByteArrayView plaintext)
{
    auto record = m_vault.encrypt(plaintext, binding(credential, user));
    if (!record)
        return record.error();
    return m_database.write([&](QSqlDatabase &) -> Status {
        store::SecretRepository secrets(m_database);
        // Shared: a rotation waits for this record, or this record for the rotation.
        const auto check = secrets.lockKeyCheck(store::SqlDialect::RowLock::Share);
        if (!check)
            return check.error();
        if (check->isEmpty()) {
            // The first record after the key check was dropped brings it back.
            if (Status claimed =
                    secrets.claimKeyCheck(m_vault.keyCheck(), QDateTime::currentDateTimeUtc());
                !claimed)
                return claimed.error().code() == ErrorCode::AlreadyExists ? Status(keyChanged())
                                                                          : claimed;
        } else if (*check != m_vault.keyCheck()) {
            return keyChanged();
        }
        return secrets.insert(store::StoredSecret{
            credential, user, *record, QDateTime::currentDateTimeUtc(), {}, {}});
    });
}

Status CredentialVault::replace(const QString &credential, const QString &user,
                                QByteArrayView plaintext)
{
    return storeRotated(credential, user, plaintext);
}

Status CredentialVault::storeRotated(const QString &credential, const QString &user,
                                     QByteArrayView plaintext) const
{
    auto record = m_vault.encrypt(plaintext, binding(credential, user));
    if (!record)
        return record.error();
    return m_database.write([&](QSqlDatabase &) -> Status {
        store::SecretRepository secrets(m_database);
        const auto check = secrets.lockKeyCheck(store::SqlDialect::RowLock::Share);
        if (!check)
            return check.error();
        if (*check != m_vault.keyCheck())
            return keyChanged();
        return secrets.replace(credential, user, *record, QDateTime::currentDateTimeUtc());
    });
}

Status CredentialVault::rotate(const MasterKey &next, MasterKeyProvider &provider)
{
    if (Status rotatable = provider.rotatable(); !rotatable)
        return rotatable;
    std::optional<Vault> rotated;
    const Status written = m_database.write([&](QSqlDatabase &) -> Status {
        store::SecretRepository secrets(m_database);
        // Exclusive: imports and replacements wait, then find the new key check and stop.
        const auto check = secrets.lockKeyCheck(store::SqlDialect::RowLock::Update);
        if (!check)
            return check.error();
        if (*check != m_vault.keyCheck())
            return keyChanged();
        // Kept before anything changes, under the lock, so no other rotation replaces it.
        if (Status staged = provider.storeStaged(next); !staged)
            return staged;
        const auto unstage = [&](Status failed) {
            if (Status removed = provider.removeStaged(); !removed)
                qCWarning(lcSecrets).noquote() << removed.error().message();
            return failed;
        };
        auto stored = secrets.list();
        if (!stored)
            return unstage(stored.error());
        QList<Vault::Field> fields;
        fields.reserve(stored->size());
        for (const store::StoredSecret &s : std::as_const(*stored))
            fields.append(Vault::Field{binding(s.credential, s.user), s.ciphertext});
        auto rotation = m_vault.rotate(next, fields);
        if (!rotation)
            return unstage(rotation.error());
        for (qsizetype i = 0; i < stored->size(); ++i)
            (*stored)[i].ciphertext = rotation->records.at(i);
        if (Status s =
                secrets.replaceAll(*stored, rotation->keyCheck, QDateTime::currentDateTimeUtc());
            !s)
            return unstage(s);
        auto opened = Vault::open(next, rotation->keyCheck);
        if (!opened)
            return unstage(opened.error());
        rotated = std::move(opened).value();
        return {};
    });
    // A failed commit keeps the staged key: if the commit did land, it is the key that opens the
    // store.
    if (!written)
        return written;
    m_vault = std::move(*rotated);
    if (Status promoted = provider.promoteStaged(next); !promoted)
        return Error(promoted.error().code(),
                     tr("The secrets are re-encrypted under the new master key %1, which is kept "
                        "as the staged key beside %2, but it could not be made the key there: %3 "
                        "The next `gatehouse credential` command or gateway start that can write "
                        "there finishes the switch; until then keep the new recovery key at hand.")
                         .arg(m_vault.keyId(), provider.describe(), promoted.error().message()));
    qCInfo(lcSecrets).noquote() << "rotated the master key to" << m_vault.keyId() << "in"
                                << provider.describe();
    return {};
}

} // namespace gatehouse::secrets
