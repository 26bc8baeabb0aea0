#include "UserDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace gatehouse::ui {

using oauth::UserDirectory;

namespace {

// A limit's field and its "Plan's" box on one form row: checked, the plan's limit applies.
QWidget *limitRow(QWidget *parent, QWidget *field, QCheckBox *fromPlan)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(fromPlan);
    QObject::connect(fromPlan, &QCheckBox::toggled, field, &QWidget::setDisabled);
    return row;
}

} // namespace

UserDialog::UserDialog(Mode mode, const std::optional<oauth::DirectoryUser> &user,
                       const QStringList &roles, const QStringList &plans,
                       const QStringList &takenNames, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_taken(takenNames)
{
    setObjectName(QStringLiteral("userDialog"));
    const QString name = user ? user->name : QString();
    switch (mode) {
    case Mode::NewUser:
        setWindowTitle(tr("Add user"));
        break;
    case Mode::RolesAndPlan:
        setWindowTitle(tr("Roles, plan and limits of %1").arg(name));
        break;
    case Mode::Password:
        setWindowTitle(tr("Set the password of %1").arg(name));
        break;
    }

    auto *form = new QFormLayout;
    m_name = new QLineEdit(name, this);
    m_name->setObjectName(QStringLiteral("userName"));
    m_name->setAccessibleName(tr("User name"));
    m_name->setPlaceholderText(tr("e.g. bob or bob@example.com"));
    m_name->setMaxLength(int(UserDirectory::maxUserNameChars));
    if (mode == Mode::NewUser)
        form->addRow(tr("&Name:"), m_name);
    else
        m_name->hide();

    if (mode != Mode::RolesAndPlan) {
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("userPassword"));
        m_password->setAccessibleName(tr("Password"));
        m_password->setEchoMode(QLineEdit::Password);
        m_confirm = new QLineEdit(this);
        m_confirm->setObjectName(QStringLiteral("userPasswordAgain"));
        m_confirm->setAccessibleName(tr("Password again"));
        m_confirm->setEchoMode(QLineEdit::Password);
        form->addRow(mode == Mode::NewUser ? tr("&Password:") : tr("New &password:"), m_password);
        form->addRow(tr("&Again:"), m_confirm);
        connect(m_password, &QLineEdit::textChanged, this, &UserDialog::validate);
        connect(m_confirm, &QLineEdit::textChanged, this, &UserDialog::validate);
    }

    if (mode != Mode::Password) {
        m_roles = new QListWidget(this);
        m_roles->setObjectName(QStringLiteral("userRoles"));
        m_roles->setAccessibleName(tr("Roles"));
        m_roles->setAccessibleDescription(tr("Check the roles the user has; space toggles one."));
        for (const QString &role : roles) {
            auto *item = new QListWidgetItem(role, m_roles);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(user && user->roles.contains(role) ? Qt::Checked : Qt::Unchecked);
        }
        m_roles->setMaximumHeight(m_roles->sizeHintForRow(0) * 6 + 2 * m_roles->frameWidth());
        if (roles.isEmpty())
            form->addRow(tr("Roles:"), new QLabel(tr("No roles yet: add them on the Permissions "
                                                     "page."),
                                                  this));
        else
            form->addRow(tr("&Roles:"), m_roles);

        m_plan = new QComboBox(this);
        m_plan->setObjectName(QStringLiteral("userPlan"));
        m_plan->setAccessibleName(tr("Plan"));
        m_plan->addItem(tr("No plan"), QString());
        for (const QString &plan : plans)
            m_plan->addItem(plan, plan);
        if (user && user->plan)
            m_plan->setCurrentIndex(qMax(0, m_plan->findData(*user->plan)));
        form->addRow(tr("P&lan:"), m_plan);
    }

    if (mode == Mode::RolesAndPlan) {
        const auto spin = [this](const QString &objectName, const QString &accessible) {
            auto *box = new QSpinBox(this);
            box->setObjectName(objectName);
            box->setAccessibleName(accessible);
            box->setRange(0, std::numeric_limits<int>::max());
            box->setGroupSeparatorShown(true);
            return box;
        };
        const auto fromPlan = [this](const QString &objectName, const QString &accessible) {
            auto *box = new QCheckBox(tr("Plan's"), this);
            box->setObjectName(objectName);
            box->setAccessibleName(accessible);
            return box;
        };
        m_calls = spin(QStringLiteral("ownCallsPerMonth"), tr("Own calls per month"));
        m_calls->setSingleStep(100);
        m_callsFromPlan = fromPlan(QStringLiteral("callsFromPlan"), tr("Plan's calls per month"));
        m_rate = spin(QStringLiteral("ownRatePerMinute"), tr("Own calls per minute"));
        m_rateFromPlan = fromPlan(QStringLiteral("rateFromPlan"), tr("Plan's calls per minute"));
        m_spend = new QDoubleSpinBox(this);
        m_spend->setObjectName(QStringLiteral("ownSpendPerMonth"));
        m_spend->setAccessibleName(tr("Own spend per month"));
        m_spend->setRange(0.0, 1e9);
        m_spend->setDecimals(2);
        m_spendFromPlan = fromPlan(QStringLiteral("spendFromPlan"), tr("Plan's spend per month"));
        const auto setLimit = [](auto *field, QCheckBox *box, const auto &value, auto fallback) {
            field->setValue(value ? *value : fallback);
            box->setChecked(!value);
            field->setDisabled(!value);
        };
        setLimit(m_calls, m_callsFromPlan, user ? user->callsPerMonth : std::nullopt, 1000);
        setLimit(m_rate, m_rateFromPlan, user ? user->ratePerMinute : std::nullopt, 60);
        setLimit(m_spend, m_spendFromPlan, user ? user->spendPerMonth : std::nullopt, 10.0);
        form->addRow(tr("Own calls per &month:"), limitRow(this, m_calls, m_callsFromPlan));
        form->addRow(tr("Own calls per m&inute:"), limitRow(this, m_rate, m_rateFromPlan));
        form->addRow(tr("Own &spend per month:"), limitRow(this, m_spend, m_spendFromPlan));
    }

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("userProblem"));
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem"));
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    if (mode == Mode::NewUser)
        m_buttons->button(QDialogButtonBox::Save)->setText(tr("&Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    if (mode == Mode::RolesAndPlan) {
        auto *hint = new QLabel(tr("Own limits replace the plan's for this user only; monthly "
                                   "limits count per server and start again on the 1st (UTC)."),
                                this);
        hint->setWordWrap(true);
        layout->addWidget(hint);
    } else {
        auto *hint = new QLabel(tr("The user signs in with this password at the gateway's login "
                                   "page. Only a scrypt hash of it is kept."),
                                this);
        hint->setWordWrap(true);
        layout->addWidget(hint);
    }
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &UserDialog::validate);
    validate();
    if (mode == Mode::NewUser)
        m_name->setFocus();
    else if (m_password)
        m_password->setFocus();
    else if (!roles.isEmpty())
        m_roles->setFocus();
}

QString UserDialog::userName() const
{
    return m_name->text();
}

QString UserDialog::password() const
{
    return m_password ? m_password->text() : QString();
}

QStringList UserDialog::roles() const
{
    QStringList chosen;
    if (!m_roles)
        return chosen;
    for (int row = 0; row < m_roles->count(); ++row)
        if (m_roles->item(row)->checkState() == Qt::Checked)
            chosen << m_roles->item(row)->text();
    return chosen;
}

std::optional<QString> UserDialog::plan() const
{
    if (!m_plan || m_plan->currentData().toString().isEmpty())
        return std::nullopt;
    return m_plan->currentData().toString();
}

UserDirectory::OwnLimits UserDialog::ownLimits() const
{
    UserDirectory::OwnLimits limits;
    if (m_calls && !m_callsFromPlan->isChecked())
        limits.callsPerMonth = m_calls->value();
    if (m_rate && !m_rateFromPlan->isChecked())
        limits.ratePerMinute = m_rate->value();
    if (m_spend && !m_spendFromPlan->isChecked())
        limits.spendPerMonth = m_spend->value();
    return limits;
}

void UserDialog::validate()
{
    QString problem;
    bool complete = true;
    if (m_mode == Mode::NewUser) {
        const QString name = m_name->text();
        if (m_taken.contains(name))
            problem = tr("There is a user named %1 already: choose another name.").arg(name);
        else if (!name.isEmpty())
            problem = UserDirectory::problemWithName(name);
        complete = !name.isEmpty();
    }
    if (problem.isEmpty() && m_password) {
        if (!m_confirm->text().isEmpty() && m_password->text() != m_confirm->text())
            problem = tr("The two passwords differ: type the same password twice.");
        complete =
            complete && !m_password->text().isEmpty() && m_password->text() == m_confirm->text();
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty() && complete);
}

} // namespace gatehouse::ui
