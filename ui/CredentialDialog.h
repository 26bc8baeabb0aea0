#pragma once

#include "store/CredentialRepository.h"

#include <QByteArray>
#include <QDialog>
#include <QList>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QToolButton;

namespace gatehouse::ui {

class BusyRow;

// Imports a secret into the vault: the credential's name, its type, where it goes upstream
// (header, query parameter or cookie, for an API key), owner-wide or a user's own, and the secret
// in a masked field with a show toggle. A name that is declared already takes its type and
// placement from there. With replace(), only the new secret is asked for.
//
// The dialog does not close by itself: submitted() hands the page the secret, and the page calls
// finish() when it is kept, or showProblem() to keep the dialog open, secret and all, to correct
// and try again.
class CredentialDialog : public QDialog
{
    Q_OBJECT
public:
    // existing: the credentials the store declares; users: who can own a per-user secret.
    CredentialDialog(const QList<store::Credential> &existing, const QStringList &users,
                     QWidget *parent = nullptr);
    // Replacing the secret of `credential` held by `user` (empty: owner-wide).
    static CredentialDialog *replace(const store::Credential &credential, const QString &user,
                                     QWidget *parent = nullptr);

    bool isReplace() const { return m_replace; }
    // The credential as it will be declared (or as it is, when it exists).
    store::Credential declaration() const;
    // Empty: owner-wide.
    QString user() const;
    // The secret typed, for the page to keep; finish() empties the field.
    QByteArray secret() const;

    // While the keychain and the store work: everything disabled, a busy line shown.
    void setWorking(bool working);
    void showProblem(const QString &text);
    void finish();

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *typeBox() const { return m_type; }
    QComboBox *locationBox() const { return m_location; }
    QLineEdit *paramEdit() const { return m_param; }
    QRadioButton *ownerWideButton() const { return m_ownerWide; }
    QRadioButton *perUserButton() const { return m_perUser; }
    QComboBox *userBox() const { return m_userBox; }
    QLineEdit *secretEdit() const { return m_secret; }
    QToolButton *showSecretButton() const { return m_show; }
    QPushButton *acceptButton() const;
    QString problem() const;

Q_SIGNALS:
    void submitted();

private:
    CredentialDialog(bool replace, QWidget *parent);
    void build(const QList<store::Credential> &existing, const QStringList &users);
    std::optional<store::Credential> existing() const;
    void nameChanged();
    void validate();
    void submit();
    void fitContents();

    bool m_replace = false;
    bool m_working = false;
    QList<store::Credential> m_existing;
    std::optional<store::Credential> m_fixed; // replace(): the credential
    QString m_fixedUser;
    QLineEdit *m_name = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_location = nullptr;
    QLineEdit *m_param = nullptr;
    QRadioButton *m_ownerWide = nullptr;
    QRadioButton *m_perUser = nullptr;
    QComboBox *m_userBox = nullptr;
    QLineEdit *m_secret = nullptr;
    QToolButton *m_show = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_problem = nullptr;
    BusyRow *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QList<QWidget *> m_fields;
};

} // namespace gatehouse::ui
