#pragma once

#include "PageStore.h"
#include "gateway/ServerEditor.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QStandardItem;
class QStandardItemModel;
class QTableView;
class QToolButton;

namespace gatehouse::gateway {
class Gateway;
}

namespace gatehouse::store {
class Database;
}

namespace gatehouse::ui {

class BusyRow;
class ImportServerDialog;
class ProblemRow;
class ToolEditorPanel;
class WelcomePage;

// The Servers & tools page: the servers, and for the selected one its tools (switch on and off,
// search, edit in the side panel), what a client receives at session start per discovery mode,
// and what the heuristics removed with a way to bring each back. Servers are added by importing
// an OpenAPI spec with a preview; with none yet, the page shows the welcome. Loads and edits run
// on a background thread, one at a time and in order; the running gateway then reloads them.
class ServersPage : public QWidget
{
    Q_OBJECT
public:
    enum ToolColumn
    {
        ToolEnabled,
        ToolName,
        ToolAction,
        ToolResource,
        ToolTokens,
        ToolCredential,
        ToolCost,
        ToolColumns
    };
    static constexpr int KeyRole = Qt::UserRole + 1;

    ServersPage(gateway::Gateway &gateway, store::Database &database, QWidget *parent = nullptr);

    bool isBusy() const;
    QStringList servers() const;
    QString currentServer() const { return m_selected; }
    // The selected server's model, once loaded.
    const std::optional<gateway::ServerEditor> &editor() const { return m_editor; }
    // The import dialog while it is open (tests, keyboard users' focus).
    ImportServerDialog *importDialog() const;
    ToolEditorPanel *toolEditor() const { return m_panel; }

public Q_SLOTS:
    void reload();
    void importSpec();
    void selectServer(const QString &name);
    void removeServer();
    void undo();

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);
    // A change is in the store; the running gateway takes it in the background.
    void changeSaved();
    void changeFailed(const QString &message);
    // "Try it…" for the selected tool (the call itself is another dialog's).
    void tryToolRequested(const QString &server, const QString &tool);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Loaded
    {
        Result<gateway::ServerEditor::Overview> overview = Error(ErrorCode::Internal, QString());
        std::optional<Result<gateway::ServerEditor>> editor;
    };
    struct Undo
    {
        QString server;
        QString key;
        std::optional<store::ToolOverride> previous;
    };

    void finished(Loaded result);
    void fillServers();
    void fillTools();
    void fillRemoved();
    void updateButtons();
    void currentToolChanged();
    const gateway::ToolRow *currentRow() const;
    void toolItemChanged(QStandardItem *item);
    void updateOverride(const QString &key, const gateway::OverrideChange &change,
                        const QString &what);
    void bringBack();
    void addServer(const gateway::ImportPreview &preview, const QString &name);
    // change may set the undo of what it did.
    void write(const QString &what,
               std::function<Status(store::Database &, std::optional<Undo> &)> change);
    void written(const QString &what, const Result<std::optional<Undo>> &result);
    void applied(const Status &status);
    void workOutPendingCost();
    void showMessage(const QString &message, bool canUndo = false);

    gateway::Gateway &m_gateway;
    std::optional<gateway::ServerEditor::Overview> m_overview;
    std::optional<gateway::ServerEditor> m_editor;
    QString m_selected;
    QString m_selectedKey; // the tool selected in the table
    bool m_filling = false;
    bool m_showingLoadProblem = false;
    std::optional<Undo> m_undo;
    QPointer<ImportServerDialog> m_importDialog;
    QTimer m_pendingCostTimer; // the panel's edits settle before their cost is worked out
    PageStore m_store;         // loads and edits in the order the owner made them

    QStackedWidget *m_stack = nullptr;
    WelcomePage *m_welcome = nullptr;
    BusyRow *m_busy = nullptr;
    ProblemRow *m_errorRow = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_undoButton = nullptr;
    QListWidget *m_serverList = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_serverHeading = nullptr;
    QLabel *m_cost = nullptr;
    QLineEdit *m_search = nullptr;
    QStandardItemModel *m_toolModel = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QTableView *m_tools = nullptr;
    QPushButton *m_tryIt = nullptr;
    QToolButton *m_removedToggle = nullptr;
    QWidget *m_removedBox = nullptr;
    QStandardItemModel *m_removedModel = nullptr;
    QTableView *m_removed = nullptr;
    QPushButton *m_bringBack = nullptr;
    ToolEditorPanel *m_panel = nullptr;
};

} // namespace gatehouse::ui
