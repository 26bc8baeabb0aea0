#include "CredentialDialog.h"

#include "BusyRow.h"
#include "WrappingLabel.h"
#include "secrets/CredentialManager.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gatehouse::ui {

namespace {

QString typeTitle(const QString &type)
{
    if (type == u"api_key"_s)
        return CredentialDialog::tr("API key");
    if (type == u"bearer"_s)
        return CredentialDialog::tr("Bearer token");
    if (type == u"basic"_s)
        return CredentialDialog::tr("Basic (user:password)");
    if (type == u"oauth2_client_credentials"_s)
        return CredentialDialog::tr("OAuth 2 client secret");
    if (type == u"oauth2_refresh_token"_s)
        return CredentialDialog::tr("OAuth 2 refresh token");
    return type;
}

QString secretHint(const QString &type)
{
    if (type == u"basic"_s)
        return CredentialDialog::tr("user:password");
    if (type == u"bearer"_s)
        return CredentialDialog::tr("The token the upstream issued");
    if (type == u"oauth2_client_credentials"_s)
        return CredentialDialog::tr("The OAuth client's secret");
    if (type == u"oauth2_refresh_token"_s)
        return CredentialDialog::tr("The refresh token");
    return CredentialDialog::tr("The key the upstream issued");
}

void selectData(QComboBox *box, const QString &data, const QString &title)
{
    int index = box->findData(data);
    if (index < 0) {
        box->addItem(title, data);
        index = box->count() - 1;
    }
    box->setCurrentIndex(index);
}

} // namespace

CredentialDialog::CredentialDialog(bool replace, QWidget *parent)
    : QDialog(parent)
    , m_replace(replace)
{
    setObjectName(QStringLiteral("credentialDialog"));
}

CredentialDialog::CredentialDialog(const QList<store::Credential> &existing,
                                   const QStringList &users, QWidget *parent)
    : CredentialDialog(false, parent)
{
    setWindowTitle(tr("Import a credential"));
    build(existing, users);
}

CredentialDialog *CredentialDialog::replace(const store::Credential &credential,
                                            const QString &user, QWidget *parent)
{
    auto *dialog = new CredentialDialog(true, parent);
    dialog->m_fixed = credential;
    dialog->m_fixedUser = user;
    dialog->setWindowTitle(tr("Replace the secret of %1").arg(credential.name));
    dialog->build({credential}, user.isEmpty() ? QStringList() : QStringList{user});
    return dialog;
}

void CredentialDialog::build(const QList<store::Credential> &existing, const QStringList &users)
{
    m_existing = existing;

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("credentialName"));
    m_name->setAccessibleName(tr("Credential name"));
    m_name->setPlaceholderText(tr("e.g. billing-key"));
    m_name->setToolTip(tr("Servers and tools refer to the credential by this name. The name of a "
                          "credential that exists adds a secret to it."));

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("credentialType"));
    m_type->setAccessibleName(tr("Credential type"));
    for (const QString &type : secrets::CredentialManager::declarableTypes())
        m_type->addItem(typeTitle(type), type);

    m_location = new QComboBox(this);
    m_location->setObjectName(QStringLiteral("credentialLocation"));
    m_location->setAccessibleName(tr("Where the key goes"));
    m_location->addItem(tr("Header"), u"header"_s);
    m_location->addItem(tr("Query parameter"), u"query"_s);
    m_location->addItem(tr("Cookie"), u"cookie"_s);
    m_param = new QLineEdit(this);
    m_param->setObjectName(QStringLiteral("credentialParam"));
    m_param->setAccessibleName(tr("Header, query parameter or cookie name"));
    m_param->setPlaceholderText(tr("e.g. X-API-Key"));
    auto *placement = new QWidget(this);
    auto *placementLayout = new QHBoxLayout(placement);
    placementLayout->setContentsMargins(0, 0, 0, 0);
    placementLayout->addWidget(m_location);
    placementLayout->addWidget(m_param, 1);

    m_ownerWide = new QRadioButton(tr("&Owner-wide: one secret for every user"), this);
    m_ownerWide->setObjectName(QStringLiteral("ownerWide"));
    m_perUser = new QRadioButton(tr("&Per user: this user's own secret"), this);
    m_perUser->setObjectName(QStringLiteral("perUser"));
    m_ownerWide->setChecked(true);
    m_userBox = new QComboBox(this);
    m_userBox->setObjectName(QStringLiteral("credentialUser"));
    m_userBox->setAccessibleName(tr("The user whose secret this is"));
    m_userBox->addItems(users);
    auto *perUserRow = new QHBoxLayout;
    perUserRow->addWidget(m_perUser);
    perUserRow->addWidget(m_userBox, 1);

    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("credentialSecret"));
    m_secret->setAccessibleName(tr("Secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    // No input method may keep or predict what is typed here.
    m_secret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                  Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_show = new QToolButton(this);
    m_show->setObjectName(QStringLiteral("showSecret"));
    m_show->setText(tr("S&how"));
    m_show->setCheckable(true);
    m_show->setAccessibleName(tr("Show the secret while typing"));
    m_show->setToolTip(tr("Shows the secret while the dialog is open; it is never shown after."));
    connect(m_show, &QToolButton::toggled, this, [this](bool shown) {
        m_secret->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_show->setText(shown ? tr("&Hide") : tr("S&how"));
    });
    auto *secretRow = new QWidget(this);
    auto *secretLayout = new QHBoxLayout(secretRow);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->addWidget(m_secret, 1);
    secretLayout->addWidget(m_show);

    auto *form = new QFormLayout;
    if (m_replace) {
        const QString who = m_fixedUser.isEmpty() ? tr("the owner-wide secret")
                                                  : tr("%1's own secret").arg(m_fixedUser);
        auto *what = new WrappingLabel(QStringLiteral("replaceWhat"), this);
        what->setText(tr("%1 (%2, %3): %4. Calls use the new secret from the next one on.")
                          .arg(m_fixed->name, typeTitle(m_fixed->type),
                               secrets::CredentialManager::placement(*m_fixed), who));
        form->addRow(what);
        form->addRow(tr("New &secret:"), secretRow);
        for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_type),
                           static_cast<QWidget *>(placement), static_cast<QWidget *>(m_ownerWide),
                           static_cast<QWidget *>(m_perUser), static_cast<QWidget *>(m_userBox)})
            w->hide();
        m_name->setText(m_fixed->name);
    } else {
        form->addRow(tr("&Name:"), m_name);
        form->addRow(tr("&Type:"), m_type);
        form->addRow(tr("&Goes in:"), placement);
        form->addRow(tr("Whose:"), m_ownerWide);
        form->addRow(QString(), perUserRow);
        form->addRow(tr("&Secret:"), secretRow);
    }

    m_note = new WrappingLabel(QStringLiteral("credentialNote"), this);
    m_note->hide();
    m_problem = new WrappingLabel(QStringLiteral("credentialProblem"), this);
    m_problem->setAccessibleName(tr("Problem"));
    m_problem->hide();
    m_busy = new BusyRow(tr("Keeping the secret in the vault (the keychain may ask to be "
                            "unlocked)…"),
                         tr("Importing"), this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *ok = m_buttons->addButton(m_replace ? tr("&Replace") : tr("&Import"),
                                    QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("credentialAccept"));
    ok->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CredentialDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *explanation = new QLabel(
        tr("The secret is encrypted in the store under the master key, which stays in the system "
           "keychain. The gateway adds it to each upstream call; MCP clients never see it, and "
           "Gatehouse never shows it again."),
        this);
    explanation->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(explanation);
    layout->addWidget(m_problem);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);

    m_fields = {m_name,    m_type,    m_location, m_param, m_ownerWide,
                m_perUser, m_userBox, m_secret,   m_show};

    connect(m_name, &QLineEdit::textChanged, this, &CredentialDialog::nameChanged);
    connect(m_type, &QComboBox::currentIndexChanged, this, &CredentialDialog::validate);
    connect(m_location, &QComboBox::currentIndexChanged, this, &CredentialDialog::validate);
    connect(m_param, &QLineEdit::textChanged, this, &CredentialDialog::validate);
    connect(m_perUser, &QRadioButton::toggled, this, &CredentialDialog::validate);
    connect(m_userBox, &QComboBox::currentIndexChanged, this, &CredentialDialog::validate);
    connect(m_secret, &QLineEdit::textChanged, this, &CredentialDialog::validate);
    nameChanged();
    (m_replace ? m_secret : m_name)->setFocus();
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
}

std::optional<store::Credential> CredentialDialog::existing() const
{
    if (m_fixed)
        return m_fixed;
    const QString name = m_name->text().trimmed();
    for (const store::Credential &c : m_existing)
        if (c.name == name)
            return c;
    return std::nullopt;
}

void CredentialDialog::nameChanged()
{
    const auto declared = existing();
    for (QWidget *w : {static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_location),
                       static_cast<QWidget *>(m_param), static_cast<QWidget *>(m_ownerWide),
                       static_cast<QWidget *>(m_perUser)})
        w->setEnabled(!declared && !m_working);
    if (declared) {
        selectData(m_type, declared->type, typeTitle(declared->type));
        selectData(m_location, declared->location.value_or(u"header"_s),
                   declared->location.value_or(u"header"_s));
        m_param->setText(declared->param.value_or(QString()));
        (declared->perUser ? m_perUser : m_ownerWide)->setChecked(true);
        if (!m_replace) {
            m_note->setText(
                tr("%1 exists (%2): this adds a secret to it, with the type and placement it was "
                   "declared with.")
                    .arg(declared->name, declared->origin == store::Origin::Config
                                             ? tr("declared in the configuration")
                                             : tr("declared here")));
            m_note->show();
        }
    } else {
        m_note->hide();
    }
    validate();
}

store::Credential CredentialDialog::declaration() const
{
    if (const auto declared = existing())
        return *declared;
    const QString type = m_type->currentData().toString();
    std::optional<QString> location;
    std::optional<QString> param;
    if (type == u"api_key"_s) {
        location = m_location->currentData().toString();
        param = m_param->text().trimmed();
    }
    return secrets::CredentialManager::declaration(m_name->text().trimmed(), type, location, param,
                                                   m_perUser->isChecked());
}

QString CredentialDialog::user() const
{
    if (m_replace)
        return m_fixedUser;
    return declaration().perUser ? m_userBox->currentText() : QString();
}

QByteArray CredentialDialog::secret() const
{
    return m_secret->text().toUtf8();
}

QPushButton *CredentialDialog::acceptButton() const
{
    return findChild<QPushButton *>(QStringLiteral("credentialAccept"));
}

QString CredentialDialog::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void CredentialDialog::validate()
{
    const store::Credential d = declaration();
    const bool apiKey = d.type == u"api_key"_s;
    const bool editable = !existing() && !m_working;
    m_location->setEnabled(apiKey && editable);
    m_param->setEnabled(apiKey && editable);
    m_userBox->setEnabled(d.perUser && !m_replace && !m_working);
    m_secret->setPlaceholderText(secretHint(d.type));

    QString problem;
    const bool named = !m_name->text().trimmed().isEmpty();
    if (named && !existing())
        problem = secrets::CredentialManager::problemWith(d);
    if (problem.isEmpty() && !m_replace && d.perUser && m_userBox->count() == 0)
        problem = tr("There are no users yet: add the user on the Users & clients page first, or "
                     "make the credential owner-wide.");
    if (problem.isEmpty() && d.type == u"basic"_s && !m_secret->text().isEmpty() &&
        !m_secret->text().contains(u':'))
        problem = tr("A basic credential's secret is user:password, with a colon between them.");
    if (problem.isEmpty() && m_secret->text() != m_secret->text().trimmed() &&
        !m_secret->text().isEmpty())
        problem = tr("The secret starts or ends with a space; pasted text often does. Remove it "
                     "unless the upstream's secret really has one.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        fitContents();
    const bool blocking = !problem.isEmpty() && !problem.startsWith(tr("The secret starts"));
    acceptButton()->setEnabled(!m_working && named && !m_secret->text().isEmpty() && !blocking);
}

void CredentialDialog::submit()
{
    if (!acceptButton()->isEnabled())
        return;
    Q_EMIT submitted();
}

void CredentialDialog::setWorking(bool working)
{
    m_working = working;
    for (QWidget *w : std::as_const(m_fields))
        w->setEnabled(!working);
    m_busy->setVisible(working);
    if (!working)
        nameChanged();
    else
        acceptButton()->setEnabled(false);
}

void CredentialDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
    fitContents();
}

void CredentialDialog::fitContents()
{
    // A wrapped sentence needs more height than the dialog was opened with.
    layout()->activate();
    resize(width(), qMax(height(), heightForWidth(width())));
}

void CredentialDialog::finish()
{
    m_secret->clear();
    accept();
}

} // namespace gatehouse::ui
