#pragma once

#include "Result.h"
#include "gateway/Gateway.h"
#include "gateway/ListenSettings.h"
#include "http/SelfSignedCertificate.h"

#include <QThreadPool>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace gatehouse::ui {

class BusyRow;
class ProblemRow;

// The Gateway page: is the gateway running, at which address do MCP clients reach it, one button
// to start or stop it, and where it listens: this computer only, or the LAN with TLS (a
// self-signed certificate made here, its fingerprint shown for clients to compare). The settings
// live in the data directory (gateway::ListenSettings); files are read and written on a
// background thread. The page asks; MainWindow starts, stops and restarts with the options.
class GatewayPage : public QWidget
{
    Q_OBJECT
public:
    // Without a data directory the listening settings are not shown (they could not be kept).
    explicit GatewayPage(const gateway::Gateway &gateway, QWidget *parent = nullptr);
    GatewayPage(const gateway::Gateway &gateway, const QString &dataDir, QWidget *parent = nullptr);
    ~GatewayPage() override;

    // The settings as the fields show them now (not yet saved).
    gateway::ListenSettings settingsFromFields() const;
    // Loading, saving or generating, or waiting for the gateway to restart with what was saved.
    bool isBusy() const { return m_work > 0 || m_restarting; }

public Q_SLOTS:
    void generateCertificate();
    // Saves the fields and, when they changed what the gateway listens on, asks MainWindow to
    // use them (restarting a running gateway, after asking when clients are connected).
    void applySettings();

Q_SIGNALS:
    void startRequested();
    void stopRequested();
    // Saved: the gateway should listen with these from now on; restart when it runs.
    void listenOptionsChanged(const gatehouse::gateway::ListenOptions &options);
    void settingsLoaded();
    void settingsSaved();
    void settingsFailed(const QString &message);
    void certificateGenerated(const QString &fingerprint);

private:
    void buildSettings(QWidget *box);
    void updateFromGateway();
    void updateSettingsControls();
    void toggle();
    void copyUrl();
    void copyFingerprint();
    void loaded(Result<gateway::ListenSettings> settings,
                QList<gateway::ListenSettings::LanInterface> lan, QString hostName);
    void fillAdvertisedHosts(const QString &selected);
    void showAdvertisedHostProblem();
    void removeSupersededCertificates();
    void showSettings(const gateway::ListenSettings &settings);
    void readFingerprint();
    void chooseFile(QLineEdit *field, const QString &title);
    void fieldsChanged();
    void saved(const gateway::ListenSettings &settings, const gateway::ListenOptions &options,
               const Status &status);
    // After the gateway settled with what was saved: say how, and tidy up.
    void applied(bool restarted);
    template <typename Work, typename Done>
    void runInBackground(Work work, Done done);

    const gateway::Gateway &m_gateway;
    QString m_dataDir;
    QThreadPool m_pool; // one thread: loads, saves and certificates in the order asked
    int m_work = 0;
    bool m_restarting = false; // saved; the gateway restarts in the background
    gateway::ListenSettings m_saved;
    QList<gateway::ListenSettings::LanInterface> m_lan;
    QString m_hostName;
    bool m_filling = false;

    QLabel *m_stateIcon = nullptr;
    QLabel *m_stateText = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_copyButton = nullptr;
    QLabel *m_errorIcon = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_startStopButton = nullptr;

    QGroupBox *m_settingsBox = nullptr;
    QRadioButton *m_loopback = nullptr;
    QRadioButton *m_allInterfaces = nullptr;
    QRadioButton *m_oneInterface = nullptr;
    QComboBox *m_interfaces = nullptr;
    QLabel *m_advertisedLabel = nullptr;
    QComboBox *m_advertised = nullptr;
    ProblemRow *m_advertisedProblem = nullptr;
    QLabel *m_lanHint = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_certificate = nullptr;
    QLineEdit *m_key = nullptr;
    QPushButton *m_browseCertificate = nullptr;
    QPushButton *m_browseKey = nullptr;
    QPushButton *m_generate = nullptr;
    QLineEdit *m_fingerprint = nullptr;
    QPushButton *m_copyFingerprint = nullptr;
    BusyRow *m_busy = nullptr;
    ProblemRow *m_settingsProblem = nullptr;
    QLabel *m_settingsMessage = nullptr;
    QPushButton *m_apply = nullptr;
};

} // namespace gatehouse::ui
