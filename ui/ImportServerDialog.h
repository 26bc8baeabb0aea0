#pragma once

#include "gateway/ServerImport.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace gatehouse::ui {

class BusyRow;
class ProblemRow;

// Adds a server from an OpenAPI spec: a file or an http(s) URL, loaded and turned into tools in
// the background, then a preview (the tools with their action and resource, and what the
// heuristics removed and why) before the owner names the server and confirms. Nothing is saved
// here: on accept, the page saves preview() under serverName().
class ImportServerDialog : public QDialog
{
    Q_OBJECT
public:
    // taken: the servers' names, which a new one may not repeat.
    ImportServerDialog(const QStringList &taken, QWidget *parent = nullptr);
    ~ImportServerDialog() override;

    // Loads the spec at source (a path or URL) and shows its preview.
    void load(const QString &source);
    bool isLoading() const { return m_loading; }
    const std::optional<gateway::ImportPreview> &preview() const { return m_preview; }
    QString serverName() const;

Q_SIGNALS:
    void previewShown();
    void loadFailed(const QString &message);

private:
    void browse();
    void loaded(Result<gateway::ImportPreview> preview);
    void validate();

    QStringList m_taken;
    bool m_loading = false;
    std::optional<gateway::ImportPreview> m_preview;

    QLineEdit *m_source = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_load = nullptr;
    BusyRow *m_busy = nullptr;
    ProblemRow *m_problem = nullptr;
    QWidget *m_previewBox = nullptr;
    QWidget *m_filler = nullptr;
    QLabel *m_specName = nullptr;
    QLabel *m_summary = nullptr;
    QStandardItemModel *m_toolModel = nullptr;
    QTableView *m_tools = nullptr;
    QStandardItemModel *m_removedModel = nullptr;
    QTableView *m_removed = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameProblem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace gatehouse::ui
