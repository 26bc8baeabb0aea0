#pragma once

#include "Result.h"
#include "gateway/BundleExporter.h"

#include <QThreadPool>
#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace gatehouse::secrets {
class MasterKeyProvider;
}

namespace gatehouse::store {
class Database;
}

namespace gatehouse::ui {

class BusyRow;
class ProblemRow;

// The Export page: writes the server-deployment bundle (gatehouse.yaml, the OpenAPI specs it
// names, a README for `gatehouse serve`) into a chosen folder, optionally with the owner-wide
// secrets sealed to a deployment key written beside it, then says what was written and what to do
// on the server. The export runs on a background thread (gateway::BundleExporter).
class ExportPage : public QWidget
{
    Q_OBJECT
public:
    // Makes the provider of the vault's master key, on the export's thread; used only when
    // sealing.
    using MasterKeyFactory = std::function<std::unique_ptr<secrets::MasterKeyProvider>()>;

    ExportPage(store::Database &database, MasterKeyFactory masterKey, QWidget *parent = nullptr);
    ~ExportPage() override;

    bool isBusy() const { return m_busyCount > 0; }
    void setFolder(const QString &folder);
    void setSealSecrets(bool seal);

public Q_SLOTS:
    void exportBundle();

Q_SIGNALS:
    void exported(const gatehouse::gateway::BundleExporter::Report &report);
    void exportFailed(const QString &message);

private:
    void start(const gateway::BundleExporter::Options &options);
    void finished(const gateway::BundleExporter::Options &options,
                  Result<gateway::BundleExporter::Report> report);
    void showReport(const gateway::BundleExporter::Report &report);
    void chooseFolder();
    void updateControls();

    store::Database &m_database;
    MasterKeyFactory m_masterKey;
    QThreadPool m_pool;
    int m_busyCount = 0;

    QLineEdit *m_folder = nullptr;
    QPushButton *m_choose = nullptr;
    QCheckBox *m_seal = nullptr;
    QPushButton *m_export = nullptr;
    BusyRow *m_busy = nullptr;
    ProblemRow *m_problem = nullptr;
    QGroupBox *m_resultBox = nullptr;
    QListWidget *m_files = nullptr;
    QLabel *m_nextSteps = nullptr;
};

} // namespace gatehouse::ui
