#include "GatewayPage.h"

#include "BusyRow.h"
#include "GatewayStatus.h"
#include "PageTitle.h"
#include "ProblemRow.h"
#include "WrappingLabel.h"

#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace gatehouse::ui {

using State = gateway::Gateway::State;
using gateway::ListenSettings;
using http::SelfSignedCertificate;

GatewayPage::GatewayPage(const gateway::Gateway &gateway, QWidget *parent)
    : GatewayPage(gateway, QString(), parent)
{}

GatewayPage::GatewayPage(const gateway::Gateway &gateway, const QString &dataDir, QWidget *parent)
    : QWidget(parent)
    , m_gateway(gateway)
    , m_dataDir(dataDir)
{
    setAccessibleName(tr("Gateway"));
    m_pool.setMaxThreadCount(1);

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

    m_settingsBox = new QGroupBox(tr("Where clients can reach it"), this);
    m_settingsBox->setObjectName(QStringLiteral("listenSettings"));
    buildSettings(m_settingsBox);
    m_settingsBox->setVisible(!m_dataDir.isEmpty());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Gateway"), this));
    layout->addWidget(purpose);
    layout->addSpacing(PageTitle::sectionSpacing(this));
    layout->addLayout(form);
    layout->addSpacing(PageTitle::sectionSpacing(this));
    layout->addLayout(buttonRow);
    layout->addLayout(errorRow);
    layout->addSpacing(PageTitle::sectionSpacing(this));
    layout->addWidget(m_settingsBox);
    layout->addStretch(1);

    connect(&m_gateway, &gateway::Gateway::stateChanged, this, &GatewayPage::updateFromGateway);
    updateFromGateway();

    if (!m_dataDir.isEmpty()) {
        m_busy->setText(tr("Reading the gateway settings…"));
        m_busy->show();
        runInBackground(
            [dataDir = m_dataDir] {
                return std::make_tuple(ListenSettings::load(dataDir),
                                       ListenSettings::lanInterfaces(), QHostInfo::localHostName());
            },
            [this](auto result) {
                loaded(std::move(std::get<0>(result)), std::move(std::get<1>(result)),
                       std::move(std::get<2>(result)));
            });
    }
}

GatewayPage::~GatewayPage()
{
    // Work in flight posts back to this page: let it end first.
    m_pool.waitForDone();
}

void GatewayPage::buildSettings(QWidget *box)
{
    m_loopback = new QRadioButton(tr("This &computer only (127.0.0.1)"), box);
    m_loopback->setObjectName(QStringLiteral("reachLoopback"));
    m_allInterfaces =
        new QRadioButton(tr("The local &network, on every address of this computer"), box);
    m_allInterfaces->setObjectName(QStringLiteral("reachAllInterfaces"));
    m_oneInterface = new QRadioButton(tr("The local network, on &one address:"), box);
    m_oneInterface->setObjectName(QStringLiteral("reachInterface"));
    m_interfaces = new QComboBox(box);
    m_interfaces->setObjectName(QStringLiteral("interfaceAddress"));
    m_interfaces->setAccessibleName(tr("Address to listen on"));
    m_interfaces->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *reach = new QButtonGroup(box);
    reach->addButton(m_loopback);
    reach->addButton(m_allInterfaces);
    reach->addButton(m_oneInterface);
    m_loopback->setChecked(true);
    auto *interfaceRow = new QHBoxLayout;
    interfaceRow->addWidget(m_oneInterface);
    interfaceRow->addWidget(m_interfaces);
    interfaceRow->addStretch(1);

    // On every address the URL still names one host: the OAuth issuer and the tokens' audience.
    m_advertised = new QComboBox(box);
    m_advertised->setObjectName(QStringLiteral("advertisedHost"));
    m_advertised->setAccessibleName(tr("Host name or address clients use"));
    m_advertised->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_advertised->setToolTip(tr("The MCP URL, and so every sign-in, names this host. The "
                                "computer's name stays the same when its address changes, if "
                                "the clients' network resolves it."));
    m_advertisedLabel = new QLabel(tr("Clients &use:"), box);
    m_advertisedLabel->setBuddy(m_advertised);
    auto *advertisedRow = new QHBoxLayout;
    advertisedRow->addSpacing(
        style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth, nullptr, m_allInterfaces) +
        style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing, nullptr, m_allInterfaces));
    advertisedRow->addWidget(m_advertisedLabel);
    advertisedRow->addWidget(m_advertised);
    advertisedRow->addStretch(1);
    m_advertisedProblem = new ProblemRow(QStringLiteral("advertisedHostProblem"), box);

    m_lanHint = new WrappingLabel(QStringLiteral("lanNeedsTls"), box);
    m_lanHint->setText(tr("The local network needs TLS: without it, sign-in tokens and tool "
                          "results would cross the network readable by anyone on it. Generate a "
                          "certificate below first."));

    m_port = new QSpinBox(box);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(8787);
    m_port->setAccessibleName(tr("Port"));

    m_certificate = new QLineEdit(box);
    m_certificate->setObjectName(QStringLiteral("certificateFile"));
    m_certificate->setAccessibleName(tr("TLS certificate file"));
    m_certificate->setPlaceholderText(tr("None: plain HTTP, for this computer only"));
    m_browseCertificate = new QPushButton(tr("Choose…"), box);
    m_browseCertificate->setAccessibleName(tr("Choose the TLS certificate file"));
    m_key = new QLineEdit(box);
    m_key->setObjectName(QStringLiteral("keyFile"));
    m_key->setAccessibleName(tr("TLS private key file"));
    m_browseKey = new QPushButton(tr("Choose…"), box);
    m_browseKey->setAccessibleName(tr("Choose the TLS private key file"));
    m_generate = new QPushButton(tr("&Generate a self-signed certificate"), box);
    m_generate->setObjectName(QStringLiteral("generateCertificate"));
    m_generate->setToolTip(tr("Makes a certificate and key for this computer's name and "
                              "addresses, valid for a year, in the data folder."));

    m_fingerprint = new QLineEdit(box);
    m_fingerprint->setObjectName(QStringLiteral("fingerprint"));
    m_fingerprint->setReadOnly(true);
    m_fingerprint->setAccessibleName(tr("SHA-256 fingerprint of the TLS certificate"));
    m_fingerprint->setPlaceholderText(tr("No certificate"));
    m_copyFingerprint =
        new QPushButton(QIcon(QStringLiteral(":/icons/copy.svg")), tr("Cop&y"), box);
    m_copyFingerprint->setObjectName(QStringLiteral("copyFingerprint"));
    m_copyFingerprint->setAccessibleName(tr("Copy the fingerprint"));
    auto *fingerprintHint = new WrappingLabel(QStringLiteral("fingerprintHint"), box);
    fingerprintHint->setText(tr("No authority vouches for a self-signed certificate: when a "
                                "client first connects and asks, compare the fingerprint it "
                                "shows with this one."));

    connect(m_browseCertificate, &QPushButton::clicked, this,
            [this] { chooseFile(m_certificate, tr("Choose the TLS certificate")); });
    connect(m_browseKey, &QPushButton::clicked, this,
            [this] { chooseFile(m_key, tr("Choose the TLS private key")); });
    connect(m_generate, &QPushButton::clicked, this, &GatewayPage::generateCertificate);
    connect(m_copyFingerprint, &QPushButton::clicked, this, &GatewayPage::copyFingerprint);
    connect(m_certificate, &QLineEdit::editingFinished, this, &GatewayPage::readFingerprint);
    for (QRadioButton *button : {m_loopback, m_allInterfaces, m_oneInterface})
        connect(button, &QRadioButton::toggled, this, &GatewayPage::fieldsChanged);
    connect(m_interfaces, &QComboBox::currentIndexChanged, this, &GatewayPage::fieldsChanged);
    connect(m_advertised, &QComboBox::currentIndexChanged, this, &GatewayPage::fieldsChanged);
    connect(m_port, &QSpinBox::valueChanged, this, &GatewayPage::fieldsChanged);
    connect(m_certificate, &QLineEdit::textChanged, this, &GatewayPage::fieldsChanged);
    connect(m_key, &QLineEdit::textChanged, this, &GatewayPage::fieldsChanged);

    m_busy = new BusyRow(QString(), tr("Working on the gateway settings"), box);
    m_busy->setObjectName(QStringLiteral("settingsBusy"));
    m_settingsProblem = new ProblemRow(QStringLiteral("settingsError"), box);
    m_settingsMessage = new WrappingLabel(QStringLiteral("settingsMessage"), box);
    m_settingsMessage->setAccessibleName(tr("Settings state"));
    m_apply = new QPushButton(tr("&Apply"), box);
    m_apply->setObjectName(QStringLiteral("applySettings"));
    connect(m_apply, &QPushButton::clicked, this, &GatewayPage::applySettings);
    auto *applyRow = new QHBoxLayout;
    applyRow->addWidget(m_apply);
    applyRow->addWidget(m_settingsMessage, 1);

    auto *certificateRow = new QHBoxLayout;
    certificateRow->addWidget(m_certificate, 1);
    certificateRow->addWidget(m_browseCertificate);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_browseKey);
    auto *generateRow = new QHBoxLayout;
    generateRow->addWidget(m_generate);
    generateRow->addStretch(1);
    auto *fingerprintRow = new QHBoxLayout;
    fingerprintRow->addWidget(m_fingerprint, 1);
    fingerprintRow->addWidget(m_copyFingerprint);
    auto *fingerprintCell = new QVBoxLayout;
    fingerprintCell->addLayout(fingerprintRow);
    fingerprintCell->addWidget(fingerprintHint);

    auto *reachCell = new QVBoxLayout;
    reachCell->addWidget(m_loopback);
    reachCell->addWidget(m_allInterfaces);
    reachCell->addLayout(advertisedRow);
    reachCell->addLayout(interfaceRow);
    reachCell->addWidget(m_lanHint);
    reachCell->addWidget(m_advertisedProblem);

    auto *form = new QFormLayout;
    auto *reachLabel = new QLabel(tr("Listen on:"), box);
    form->addRow(reachLabel, reachCell);
    auto *portLabel = new QLabel(tr("&Port:"), box);
    portLabel->setBuddy(m_port);
    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_port);
    portRow->addStretch(1);
    form->addRow(portLabel, portRow);
    auto *certificateLabel = new QLabel(tr("TLS ce&rtificate:"), box);
    certificateLabel->setBuddy(m_certificate);
    form->addRow(certificateLabel, certificateRow);
    auto *keyLabel = new QLabel(tr("TLS private &key:"), box);
    keyLabel->setBuddy(m_key);
    form->addRow(keyLabel, keyRow);
    form->addRow(QString(), generateRow);
    auto *fingerprintLabel = new QLabel(tr("SHA-256 &fingerprint:"), box);
    fingerprintLabel->setBuddy(m_fingerprint);
    form->addRow(fingerprintLabel, fingerprintCell);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(m_busy);
    layout->addWidget(m_settingsProblem);
    layout->addLayout(applyRow);
    updateSettingsControls();
}

template <typename Work, typename Done>
void GatewayPage::runInBackground(Work work, Done done)
{
    ++m_work;
    updateSettingsControls();
    m_pool.start([this, work = std::move(work), done = std::move(done)]() mutable {
        auto result = work();
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(result), done = std::move(done)]() mutable {
                --m_work;
                if (m_work == 0)
                    m_busy->hide();
                done(std::move(result));
                updateSettingsControls();
            },
            Qt::QueuedConnection);
    });
}

ListenSettings GatewayPage::settingsFromFields() const
{
    ListenSettings settings;
    if (m_allInterfaces->isChecked())
        settings.reach = ListenSettings::Reach::AllInterfaces;
    else if (m_oneInterface->isChecked())
        settings.reach = ListenSettings::Reach::Interface;
    if (settings.reach == ListenSettings::Reach::Interface)
        settings.interfaceAddress = QHostAddress(m_interfaces->currentData().toString());
    if (settings.reach == ListenSettings::Reach::AllInterfaces)
        settings.advertisedHost = m_advertised->currentData().toString();
    settings.port = quint16(m_port->value());
    settings.certificateFile = m_certificate->text().trimmed();
    settings.keyFile = m_key->text().trimmed();
    return settings;
}

void GatewayPage::loaded(Result<ListenSettings> settings, QList<ListenSettings::LanInterface> lan,
                         QString hostName)
{
    m_lan = std::move(lan);
    m_hostName = std::move(hostName);
    m_filling = true;
    m_interfaces->clear();
    for (const QHostAddress &address : ListenSettings::lanAddresses(m_lan))
        m_interfaces->addItem(address.toString(), address.toString());
    m_filling = false;
    if (!settings) {
        fillAdvertisedHosts(QString());
        m_settingsProblem->showProblem(settings.error().message());
        Q_EMIT settingsFailed(settings.error().message());
        return;
    }
    m_saved = *settings;
    // Settings saved without a choice use the default the gateway picked when it started; shown
    // as that choice, and kept from the next Apply on.
    if (m_saved.reach == ListenSettings::Reach::AllInterfaces && m_saved.advertisedHost.isEmpty())
        m_saved.advertisedHost = ListenSettings::defaultAdvertisedHost(m_lan);
    showSettings(m_saved);
    readFingerprint();
    Q_EMIT settingsLoaded();
}

void GatewayPage::fillAdvertisedHosts(const QString &selected)
{
    const bool filling = m_filling;
    m_filling = true;
    m_advertised->clear();
    if (!m_hostName.isEmpty())
        m_advertised->addItem(tr("%1 (this computer's name)").arg(m_hostName), m_hostName);
    for (const ListenSettings::LanInterface &lan : std::as_const(m_lan)) {
        const QString address = lan.address.toString();
        if (m_advertised->findData(address) < 0)
            m_advertised->addItem(tr("%1 (%2)").arg(address, lan.name), address);
    }
    QString choice = selected;
    if (choice.isEmpty())
        choice = ListenSettings::defaultAdvertisedHost(m_lan);
    if (choice.isEmpty())
        choice = m_hostName;
    int index = m_advertised->findData(choice);
    if (index < 0 && !choice.isEmpty()) {
        // Saved for an address this computer no longer has: shown, so it can be changed.
        m_advertised->addItem(tr("%1 (not present now)").arg(choice), choice);
        index = m_advertised->count() - 1;
    }
    m_advertised->setCurrentIndex(index);
    m_filling = filling;
}

void GatewayPage::showAdvertisedHostProblem()
{
    const QString problem = settingsFromFields().advertisedHostProblem(m_lan);
    if (problem.isEmpty())
        m_advertisedProblem->clear();
    else
        m_advertisedProblem->showProblem(problem);
}

void GatewayPage::showSettings(const ListenSettings &settings)
{
    m_filling = true;
    m_loopback->setChecked(settings.reach == ListenSettings::Reach::Loopback);
    m_allInterfaces->setChecked(settings.reach == ListenSettings::Reach::AllInterfaces);
    m_oneInterface->setChecked(settings.reach == ListenSettings::Reach::Interface);
    if (settings.reach == ListenSettings::Reach::Interface) {
        const QString address = settings.interfaceAddress.toString();
        int index = m_interfaces->findData(address);
        if (index < 0) {
            // Saved for an address this computer no longer has: shown, so it can be changed.
            m_interfaces->addItem(tr("%1 (not present now)").arg(address), address);
            index = m_interfaces->count() - 1;
        }
        m_interfaces->setCurrentIndex(index);
    }
    fillAdvertisedHosts(settings.advertisedHost);
    m_port->setValue(settings.port == 0 ? 8787 : settings.port);
    m_certificate->setText(settings.certificateFile);
    m_key->setText(settings.keyFile);
    m_filling = false;
    updateSettingsControls();
}

void GatewayPage::updateSettingsControls()
{
    if (!m_apply)
        return;
    const ListenSettings fields = settingsFromFields();
    const bool idle = !isBusy();
    const bool tls = fields.tls();
    // The LAN is not offered without TLS; a LAN choice stays selectable while it is the current
    // one, so the owner sees why it cannot be applied.
    m_allInterfaces->setEnabled(idle && (tls || m_allInterfaces->isChecked()));
    m_oneInterface->setEnabled(idle && m_interfaces->count() > 0 &&
                               (tls || m_oneInterface->isChecked()));
    m_interfaces->setEnabled(idle && m_oneInterface->isChecked());
    m_advertised->setEnabled(idle && m_allInterfaces->isChecked() && m_advertised->count() > 0);
    m_advertisedLabel->setEnabled(m_advertised->isEnabled());
    m_lanHint->setVisible(!tls);
    showAdvertisedHostProblem();
    // A start while a certificate is made or settings are saved would use files or settings
    // about to change.
    const State state = m_gateway.state();
    m_startStopButton->setEnabled(state != State::Stopping &&
                                  (idle || state == State::Running || state == State::Starting));
    m_loopback->setEnabled(idle);
    m_port->setEnabled(idle);
    m_certificate->setEnabled(idle);
    m_key->setEnabled(idle);
    m_browseCertificate->setEnabled(idle);
    m_browseKey->setEnabled(idle);
    m_generate->setEnabled(idle);
    m_copyFingerprint->setEnabled(!m_fingerprint->text().isEmpty());
    const bool changed = !(fields == m_saved);
    m_apply->setEnabled(idle && changed);
    const bool running = state == State::Running;
    m_apply->setText(running ? tr("&Apply and restart the gateway") : tr("&Apply"));
    m_apply->setAccessibleName(running ? tr("Apply and restart the gateway")
                                       : tr("Apply the gateway settings"));
}

void GatewayPage::fieldsChanged()
{
    if (m_filling)
        return;
    m_settingsMessage->clear();
    updateSettingsControls();
}

void GatewayPage::readFingerprint()
{
    const QString file = m_certificate->text().trimmed();
    if (file.isEmpty()) {
        m_fingerprint->clear();
        updateSettingsControls();
        return;
    }
    runInBackground([file] { return SelfSignedCertificate::fingerprintOf(file); },
                    [this, file](Result<QString> fingerprint) {
                        if (m_certificate->text().trimmed() != file)
                            return; // changed meanwhile; its own read follows
                        if (fingerprint) {
                            m_fingerprint->setText(*fingerprint);
                            m_settingsProblem->clear();
                        } else {
                            m_fingerprint->clear();
                            m_settingsProblem->showProblem(fingerprint.error().message());
                        }
                    });
}

void GatewayPage::chooseFile(QLineEdit *field, const QString &title)
{
    const QString start =
        field->text().isEmpty() ? m_dataDir : QFileInfo(field->text()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, title, start,
                                                      tr("PEM files (*.pem *.crt *.key);;All "
                                                         "files (*)"));
    if (file.isEmpty())
        return;
    field->setText(file);
    if (field == m_certificate)
        readFingerprint();
}

void GatewayPage::generateCertificate()
{
    if (m_dataDir.isEmpty() || m_work > 0)
        return;
    const ListenSettings fields = settingsFromFields();
    m_settingsProblem->clear();
    m_settingsMessage->clear();
    m_busy->setText(tr("Making a certificate and key…"));
    m_busy->show();
    runInBackground(
        [dataDir = m_dataDir, fields] {
            return SelfSignedCertificate::generate(dataDir, fields.certificateHostNames(),
                                                   fields.certificateAddresses());
        },
        [this](Result<SelfSignedCertificate::Files> files) {
            if (!files) {
                m_settingsProblem->showProblem(files.error().message());
                Q_EMIT settingsFailed(files.error().message());
                return;
            }
            m_certificate->setText(files->certificateFile);
            m_key->setText(files->keyFile);
            m_fingerprint->setText(files->fingerprint);
            // New files: the saved settings, and so the gateway, keep the current pair until
            // the owner applies.
            m_settingsMessage->setText(tr("Certificate made. Apply to use it; until then the "
                                          "gateway keeps its current one."));
            Q_EMIT certificateGenerated(files->fingerprint);
        });
}

void GatewayPage::applySettings()
{
    if (m_dataDir.isEmpty() || isBusy())
        return;
    const ListenSettings settings = settingsFromFields();
    m_settingsMessage->clear();
    if (const Status valid = settings.validate(); !valid) {
        m_settingsProblem->showProblem(valid.error().message());
        Q_EMIT settingsFailed(valid.error().message());
        return;
    }
    m_settingsProblem->clear();
    const int connections = m_gateway.connectionCount();
    if (m_gateway.state() == State::Running && connections > 0 &&
        QMessageBox::question(
            this, tr("Restart the gateway?"),
            tr("Clients connected now: %1. Applying restarts the gateway, which drops their "
               "connections. They reconnect by themselves if the address stays the same; with a "
               "new address or port, each client needs the new URL. Restart now?")
                .arg(connections),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    m_busy->setText(tr("Saving the gateway settings…"));
    m_busy->show();
    runInBackground(
        [dataDir = m_dataDir, settings] {
            Status status = settings.save(dataDir);
            return std::make_pair(std::move(status), settings.listenOptions());
        },
        [this, settings](auto result) { saved(settings, result.second, result.first); });
}

void GatewayPage::saved(const ListenSettings &settings, const gateway::ListenOptions &options,
                        const Status &status)
{
    if (!status) {
        m_settingsProblem->showProblem(status.error().message());
        Q_EMIT settingsFailed(status.error().message());
        return;
    }
    m_saved = settings;
    Q_EMIT listenOptionsChanged(options);
    // MainWindow restarts a running gateway in the background: the page waits for it to settle
    // (updateFromGateway) before it says how it went.
    const State state = m_gateway.state();
    if (state == State::Starting || m_gateway.restartPending()) {
        m_restarting = true;
        m_busy->setText(tr("Restarting the gateway…"));
        m_busy->show();
        updateSettingsControls();
        return;
    }
    applied(false);
}

void GatewayPage::applied(bool restarted)
{
    if (m_work == 0)
        m_busy->hide();
    // Said from what the gateway did, not from what was asked of it.
    switch (m_gateway.state()) {
    case State::Running:
        m_settingsMessage->setText(restarted ? tr("Saved; the gateway was restarted with them.")
                                             : tr("Saved; the gateway runs with them."));
        break;
    case State::Failed:
        m_settingsMessage->setText(tr("Saved, but the gateway could not start with them: see "
                                      "the reason above, change the settings and apply again."));
        break;
    case State::Starting:
    case State::Stopping:
    case State::Stopped:
        m_settingsMessage->setText(tr("Saved; the gateway uses them when it starts."));
        break;
    }
    removeSupersededCertificates();
    Q_EMIT settingsSaved();
}

void GatewayPage::removeSupersededCertificates()
{
    // Pairs generated here that the saved settings no longer name; the gateway has restarted
    // with the saved ones, so none of these is in use.
    runInBackground(
        [dataDir = m_dataDir, keep = QStringList{m_saved.certificateFile, m_saved.keyFile}] {
            return SelfSignedCertificate::removeGenerated(dataDir, keep);
        },
        [this](Result<int> removed) {
            if (!removed)
                m_settingsProblem->showProblem(removed.error().message());
        });
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

    // While it starts, the button stops it.
    const bool stops = state == State::Running || state == State::Starting;
    m_startStopButton->setText(stops ? tr("&Stop gateway") : tr("&Start gateway"));
    m_startStopButton->setIcon(
        QIcon(stops ? QStringLiteral(":/icons/stop.svg") : QStringLiteral(":/icons/start.svg")));
    m_startStopButton->setAccessibleName(stops ? tr("Stop gateway") : tr("Start gateway"));
    if (m_restarting && state != State::Starting && state != State::Stopping) {
        m_restarting = false;
        applied(true);
    }
    updateSettingsControls();
}

void GatewayPage::toggle()
{
    const State state = m_gateway.state();
    if (state == State::Stopping)
        return;
    if (state == State::Running || state == State::Starting)
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

void GatewayPage::copyFingerprint()
{
    if (!m_fingerprint->text().isEmpty())
        QGuiApplication::clipboard()->setText(m_fingerprint->text());
}

} // namespace gatehouse::ui
