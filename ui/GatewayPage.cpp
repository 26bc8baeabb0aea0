#include "GatewayPage.h"

#include "GatewayStatus.h"
#include "PageTitle.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace gatehouse::ui {

using State = gateway::Gateway::State;

GatewayPage::GatewayPage(const gateway::Gateway &gateway, QWidget *parent)
    : QWidget(parent)
    , m_gateway(gateway)
{
    setAccessibleName(tr("Gateway"));

    auto *purpose = new QLabel(tr("The gateway is the address that MCP clients, such as AI "
                                  "assistants, connect to. While it runs, they can call the tools "
                                  "their users are allowed to use."),
                               this);
    purpose->setWordWrap(true);
    purpose->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_stateIcon = new QLabel(this);
    m_stateText = new QLabel(this);
    m_stateText->setObjectName(QStringLiteral("gatewayStateText"));
    m_stateText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_stateIcon);
    stateRow->addWidget(m_stateText, 1);

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("mcpUrl"));
    m_url->setReadOnly(true);
    m_url->setAccessibleName(tr("MCP base URL"));
    m_url->setPlaceholderText(tr("Available while the gateway runs"));
    m_copyButton = new QPushButton(QIcon(QStringLiteral(":/icons/copy.svg")), tr("&Copy"), this);
    m_copyButton->setObjectName(QStringLiteral("copyUrlButton"));
    m_copyButton->setAccessibleName(tr("Copy MCP URL"));
    m_copyButton->setToolTip(tr("Copy the MCP base URL to the clipboard"));
    connect(m_copyButton, &QPushButton::clicked, this, &GatewayPage::copyUrl);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_copyButton);

    auto *urlHint = new QLabel(tr("Each server has its own endpoint: the base URL followed by "
                                  "/mcp/ and the server's name."),
                               this);
    urlHint->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *stateLabel = new QLabel(tr("State:"), this);
    form->addRow(stateLabel, stateRow);
    auto *urlLabel = new QLabel(tr("MCP &base URL:"), this);
    urlLabel->setBuddy(m_url);
    auto *urlCell = new QVBoxLayout;
    urlCell->addLayout(urlRow);
    urlCell->addWidget(urlHint);
    form->addRow(urlLabel, urlCell);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("gatewayError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setAccessibleName(tr("Why the gateway is not running"));
    m_errorIcon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_errorIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    m_errorIcon->setAlignment(Qt::AlignTop);
    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(m_errorIcon);
    errorRow->addWidget(m_error, 1);

    m_startStopButton = new QPushButton(this);
    m_startStopButton->setObjectName(QStringLiteral("startStopButton"));
    connect(m_startStopButton, &QPushButton::clicked, this, &GatewayPage::toggle);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_startStopButton);
    buttonRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Gateway"), this));
    layout->addWidget(purpose);
    layout->addSpacing(PageTitle::sectionSpacing(this));
    layout->addLayout(form);
    layout->addSpacing(PageTitle::sectionSpacing(this));
    layout->addLayout(buttonRow);
    layout->addLayout(errorRow);
    layout->addStretch(1);

    connect(&m_gateway, &gateway::Gateway::stateChanged, this, &GatewayPage::updateFromGateway);
    updateFromGateway();
}

void GatewayPage::updateFromGateway()
{
    const State state = m_gateway.state();
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_stateIcon->setPixmap(GatewayStatus::stateIcon(state).pixmap(iconSize, iconSize));
    m_stateText->setText(GatewayStatus::stateName(state));
    m_stateText->setAccessibleName(tr("Gateway state: %1").arg(GatewayStatus::stateName(state)));

    m_url->setText(GatewayStatus::mcpUrl(m_gateway));
    m_copyButton->setEnabled(state == State::Running);

    m_error->setVisible(state == State::Failed);
    m_errorIcon->setVisible(state == State::Failed);
    m_error->setText(state == State::Failed
                         ? tr("The gateway could not start: %1").arg(m_gateway.errorString())
                         : QString());

    const bool running = state == State::Running;
    m_startStopButton->setText(running ? tr("&Stop gateway") : tr("&Start gateway"));
    m_startStopButton->setIcon(
        QIcon(running ? QStringLiteral(":/icons/stop.svg") : QStringLiteral(":/icons/start.svg")));
    m_startStopButton->setAccessibleName(running ? tr("Stop gateway") : tr("Start gateway"));
}

void GatewayPage::toggle()
{
    if (m_gateway.state() == State::Running)
        Q_EMIT stopRequested();
    else
        Q_EMIT startRequested();
}

void GatewayPage::copyUrl()
{
    const QString url = GatewayStatus::mcpUrl(m_gateway);
    if (!url.isEmpty())
        QGuiApplication::clipboard()->setText(url);
}

} // namespace gatehouse::ui
