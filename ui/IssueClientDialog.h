#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace gatehouse::ui {

// Before a client secret is issued to a user: a name for the client, so the owner can tell the
// user's clients apart later ("Bob's laptop"), and optionally redirect URIs, with which the client
// may also sign the user in (authorization_code) instead of using client_credentials only.
class IssueClientDialog : public QDialog
{
    Q_OBJECT
public:
    IssueClientDialog(const QString &user, QWidget *parent = nullptr);

    QString clientName() const;
    QStringList redirectUris() const;
    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *redirectEdit() const { return m_redirects; }

private:
    void validate();

    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_redirects = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace gatehouse::ui
