#include "PlanDialog.h"

#include "policy/PlanOverview.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace gatehouse::ui {

namespace {

// A limit's field and its "Unlimited" box on one form row.
QWidget *limitRow(QWidget *parent, QWidget *field, QCheckBox *unlimited)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(unlimited);
    QObject::connect(unlimited, &QCheckBox::toggled, field, &QWidget::setDisabled);
    return row;
}

} // namespace

PlanDialog::PlanDialog(const std::optional<store::Plan> &plan, const QStringList &takenNames,
                       QWidget *parent)
    : QDialog(parent)
    , m_new(!plan)
    , m_origin(plan ? plan->origin : store::Origin::Local)
    , m_taken(takenNames)
{
    setObjectName(QStringLiteral("planDialog"));
    setWindowTitle(m_new ? tr("New plan") : tr("Edit plan %1").arg(plan->name));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("planName"));
    m_name->setAccessibleName(tr("Plan name"));
    m_name->setPlaceholderText(tr("e.g. free, team"));
    if (plan) {
        m_name->setText(plan->name);
        m_name->setReadOnly(true);
        m_name->setToolTip(tr("Users refer to the plan by its name, so it stays."));
    }

    const auto spin = [this](const QString &objectName, const QString &accessible,
                             const QString &suffix) {
        auto *box = new QSpinBox(this);
        box->setObjectName(objectName);
        box->setAccessibleName(accessible);
        box->setRange(0, std::numeric_limits<int>::max());
        box->setGroupSeparatorShown(true);
        box->setSuffix(suffix);
        return box;
    };
    m_calls = spin(QStringLiteral("callsPerMonth"), tr("Calls per month"), tr(" calls"));
    m_calls->setSingleStep(100);
    m_rate = spin(QStringLiteral("ratePerMinute"), tr("Calls per minute"), tr(" calls"));
    m_spend = new QDoubleSpinBox(this);
    m_spend->setObjectName(QStringLiteral("spendPerMonth"));
    m_spend->setAccessibleName(tr("Spend per month"));
    m_spend->setRange(0.0, 1e9);
    m_spend->setDecimals(2);
    m_spend->setGroupSeparatorShown(true);

    const auto unlimited = [this](const QString &objectName, const QString &accessible) {
        auto *box = new QCheckBox(tr("Unlimited"), this);
        box->setObjectName(objectName);
        box->setAccessibleName(accessible);
        return box;
    };
    m_callsUnlimited = unlimited(QStringLiteral("callsUnlimited"), tr("Unlimited calls per month"));
    m_rateUnlimited = unlimited(QStringLiteral("rateUnlimited"), tr("Unlimited calls per minute"));
    m_spendUnlimited = unlimited(QStringLiteral("spendUnlimited"), tr("Unlimited spend per month"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Calls per &month:"), limitRow(this, m_calls, m_callsUnlimited));
    form->addRow(tr("Calls per m&inute:"), limitRow(this, m_rate, m_rateUnlimited));
    form->addRow(tr("&Spend per month:"), limitRow(this, m_spend, m_spendUnlimited));

    auto *explanation = new QLabel(tr("Monthly limits count per user and server, and start again "
                                      "on the 1st (UTC). Spend is the summed cost of the tools "
                                      "called. A user's own limits, set on the Users & clients "
                                      "page, replace the plan's."),
                                   this);
    explanation->setWordWrap(true);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("planProblem"));
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem"));
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(explanation);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    const auto setLimit = [](auto *field, QCheckBox *box, const auto &value, auto fallback) {
        field->setValue(value ? *value : fallback);
        box->setChecked(!value);
        field->setDisabled(!value);
    };
    setLimit(m_calls, m_callsUnlimited, plan ? plan->callsPerMonth : std::optional<qint64>(1000),
             1000);
    setLimit(m_rate, m_rateUnlimited, plan ? plan->ratePerMinute : std::optional<qint64>(60), 60);
    setLimit(m_spend, m_spendUnlimited, plan ? plan->spendPerMonth : std::nullopt, 10.0);

    connect(m_name, &QLineEdit::textChanged, this, &PlanDialog::validate);
    validate();
    (m_new ? static_cast<QWidget *>(m_name) : m_calls)->setFocus();
}

store::Plan PlanDialog::plan() const
{
    store::Plan p;
    p.name = m_name->text();
    if (!m_callsUnlimited->isChecked())
        p.callsPerMonth = m_calls->value();
    if (!m_rateUnlimited->isChecked())
        p.ratePerMinute = m_rate->value();
    if (!m_spendUnlimited->isChecked())
        p.spendPerMonth = m_spend->value();
    p.origin = m_origin;
    return p;
}

void PlanDialog::validate()
{
    QString problem;
    if (m_new && m_taken.contains(m_name->text().trimmed()))
        problem = tr("There is a plan named %1 already: choose another name, or edit that plan.")
                      .arg(m_name->text().trimmed());
    else if (!m_name->text().isEmpty())
        problem = policy::PlanOverview::problemWith(plan());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(problem.isEmpty() && !m_name->text().trimmed().isEmpty());
}

} // namespace gatehouse::ui
