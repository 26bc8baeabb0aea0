#include "IssueClientDialog.h"

#include "oauth/ClientRegistry.h"
#include "oauth/RedirectUri.h"
#include "oauth/UserDirectory.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

IssueClientDialog::IssueClientDialog(const QString &user, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("issueClientDialog"));
    setWindowTitle(tr("Issue a client secret to %1").arg(user));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("clientName"));
    m_name->setAccessibleName(tr("Client name"));
    m_name->setPlaceholderText(tr("e.g. %1's laptop").arg(user));
    m_name->setMaxLength(int(oauth::UserDirectory::maxClientNameChars));
    m_redirects = new QPlainTextEdit(this);
    m_redirects->setObjectName(QStringLiteral("clientRedirectUris"));
    m_redirects->setAccessibleName(tr("Redirect URIs, one per line"));
    m_redirects->setPlaceholderText(tr("Only for a program that signs %1 in, e.g. "
                                       "http://127.0.0.1:33418/callback")
                                        .arg(user));
    m_redirects->setTabChangesFocus(true);
    m_redirects->setMaximumHeight(m_redirects->fontMetrics().lineSpacing() * 4 +
                                  2 * m_redirects->frameWidth() + 8);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name (optional):"), m_name);
    form->addRow(tr("&Redirect URIs (optional):"), m_redirects);
    auto *explanation = new QLabel(
        tr("%1 gets a client_id and a client secret. With them a program gets access tokens for "
           "%1 (client_credentials grant at the gateway's /oauth/token). The secret is shown "
           "once, next.")
            .arg(user),
        this);
    explanation->setWordWrap(true);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("clientProblem"));
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem"));
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Issue"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_redirects, &QPlainTextEdit::textChanged, this, &IssueClientDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(explanation);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    m_name->setFocus();
}

QString IssueClientDialog::clientName() const
{
    return m_name->text().trimmed();
}

QStringList IssueClientDialog::redirectUris() const
{
    QStringList uris;
    for (const QString &line : m_redirects->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        const QString uri = line.trimmed();
        if (!uri.isEmpty() && !uris.contains(uri))
            uris << uri;
    }
    return uris;
}

void IssueClientDialog::validate()
{
    QString problem;
    const QStringList uris = redirectUris();
    if (uris.size() > oauth::ClientRegistry::maxRedirectUris)
        problem = tr("A client has at most %1 redirect URIs.")
                      .arg(oauth::ClientRegistry::maxRedirectUris);
    for (const QString &uri : uris) {
        if (!problem.isEmpty())
            break;
        if (const Status s = oauth::RedirectUri::checkRegistrable(uri); !s)
            problem = s.error().message();
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace gatehouse::ui
