#include "MintTokenDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gatehouse::ui {

using oauth::TokenService;

namespace {

const QStringList kActions = {QStringLiteral("read"), QStringLiteral("create"),
                              QStringLiteral("update"), QStringLiteral("delete")};
constexpr qint64 kUnitSeconds[] = {60, 3600, 86400};

} // namespace

MintTokenDialog::MintTokenDialog(const QString &user, const QStringList &servers, QWidget *parent)
    : QDialog(parent)
    , m_user(user)
{
    setObjectName(QStringLiteral("mintTokenDialog"));
    setWindowTitle(tr("Mint a token for %1").arg(user));

    m_server = new QComboBox(this);
    m_server->setObjectName(QStringLiteral("tokenServer"));
    m_server->setAccessibleName(tr("Server"));
    for (const QString &server : servers)
        m_server->addItem(server, server);
    m_server->addItem(tr("Every server %1 may use").arg(user), QString());

    auto *actions = new QWidget(this);
    auto *actionsLayout = new QHBoxLayout(actions);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    const QStringList labels = {tr("&read"), tr("cr&eate"), tr("&update"), tr("&delete")};
    for (int i = 0; i < kActions.size(); ++i) {
        auto *box = new QCheckBox(labels.at(i), actions);
        box->setObjectName(QStringLiteral("tokenAction_") + kActions.at(i));
        box->setAccessibleName(tr("Allow %1").arg(kActions.at(i)));
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, &MintTokenDialog::update);
        actionsLayout->addWidget(box);
        m_actions << box;
    }
    actionsLayout->addStretch(1);

    auto *lifetime = new QWidget(this);
    auto *lifetimeLayout = new QHBoxLayout(lifetime);
    lifetimeLayout->setContentsMargins(0, 0, 0, 0);
    m_lifetime = new QSpinBox(lifetime);
    m_lifetime->setObjectName(QStringLiteral("tokenLifetime"));
    m_lifetime->setAccessibleName(tr("Lifetime"));
    m_lifetime->setRange(1, 525600);
    m_lifetime->setValue(1);
    m_unit = new QComboBox(lifetime);
    m_unit->setObjectName(QStringLiteral("tokenLifetimeUnit"));
    m_unit->setAccessibleName(tr("Lifetime unit"));
    m_unit->addItems({tr("minutes"), tr("hours"), tr("days")});
    m_unit->setCurrentIndex(1);
    lifetimeLayout->addWidget(m_lifetime, 1);
    lifetimeLayout->addWidget(m_unit);
    connect(m_lifetime, &QSpinBox::valueChanged, this, &MintTokenDialog::update);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &MintTokenDialog::update);

    auto *cap = new QWidget(this);
    auto *capLayout = new QHBoxLayout(cap);
    capLayout->setContentsMargins(0, 0, 0, 0);
    m_cap = new QDoubleSpinBox(cap);
    m_cap->setObjectName(QStringLiteral("tokenSpendCap"));
    m_cap->setAccessibleName(tr("Spend cap"));
    m_cap->setRange(0.0, 1e9);
    m_cap->setDecimals(2);
    m_cap->setValue(10.0);
    m_noCap = new QCheckBox(tr("No cap"), cap);
    m_noCap->setObjectName(QStringLiteral("tokenNoCap"));
    m_noCap->setAccessibleName(tr("No spend cap"));
    connect(m_noCap, &QCheckBox::toggled, m_cap, &QWidget::setDisabled);
    capLayout->addWidget(m_cap, 1);
    capLayout->addWidget(m_noCap);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("Actions:"), actions);
    form->addRow(tr("&Lifetime:"), lifetime);
    form->addRow(tr("Spend &cap:"), cap);

    auto *explanation = new QLabel(tr("The token is shown once, for an MCP client that takes only "
                                      "a header (Authorization: Bearer …). The gateway keeps "
                                      "only its hash; the cap is the most the token's calls may "
                                      "cost in total."),
                                   this);
    explanation->setWordWrap(true);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("tokenProblem"));
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem"));
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Mint"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_server, &QComboBox::currentIndexChanged, this, &MintTokenDialog::update);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(explanation);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    update();
    m_server->setFocus();
}

std::chrono::seconds MintTokenDialog::ttl() const
{
    return std::chrono::seconds(qint64(m_lifetime->value()) *
                                kUnitSeconds[qBound(0, m_unit->currentIndex(), 2)]);
}

TokenService::MintRequest MintTokenDialog::request() const
{
    TokenService::MintRequest r;
    r.user = m_user;
    r.server = m_server->currentData().toString();
    r.ttl = ttl();
    if (!r.server.isEmpty()) {
        for (int i = 0; i < m_actions.size(); ++i)
            if (m_actions.at(i)->isChecked())
                r.scopes << r.server + u':' + kActions.at(i);
    }
    if (!m_noCap->isChecked())
        r.spendCap = m_cap->value();
    return r;
}

void MintTokenDialog::update()
{
    const bool server = !m_server->currentData().toString().isEmpty();
    for (QCheckBox *box : std::as_const(m_actions)) {
        box->setEnabled(server);
        box->setToolTip(server ? QString()
                               : tr("A token for every server is narrowed by the user's roles "
                                    "only."));
    }
    QString problem;
    if (server && std::none_of(m_actions.cbegin(), m_actions.cend(),
                               [](const QCheckBox *box) { return box->isChecked(); }))
        problem = tr("Allow at least one action, e.g. read.");
    else if (ttl() > TokenService::maxTtl)
        problem = tr("A token lives at most 365 days.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace gatehouse::ui
