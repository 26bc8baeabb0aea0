#pragma once

#include "gateway/ServerEditor.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace gatehouse::ui {

// The side panel of the Servers & tools page: one tool's name, description, parameters (hide,
// fix a value, give a default), response fields (a checkable tree from the response schema),
// action, resource, cost and credential. Apply turns the changes into the tool's override; the
// page saves it.
class ToolEditorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ToolEditorPanel(QWidget *parent = nullptr);

    // The tool to edit (its server's editor for name checks), or none. credentials: the store's.
    void setTool(const gateway::ServerEditor *editor, const gateway::ToolRow *row,
                 const QStringList &credentials);
    QString key() const { return m_key; }
    bool isModified() const { return m_modified; }
    // What the owner edited, as a change to the stored override: fields and entries the owner
    // did not touch stay as stored (also entries the panel does not show).
    gateway::OverrideChange changes() const;
    // The override the panel's fields make, over the tool's override as loaded.
    store::ToolOverride edited() const;
    // What keeps Apply off: a sentence, or empty.
    QString problem() const;

public Q_SLOTS:
    void apply();
    void revert();
    // What a client would receive at session start with the changes (the page works it out).
    void showPendingCost(const QString &text);

Q_SIGNALS:
    void applyRequested(const QString &key, const gateway::OverrideChange &change);
    // The fields changed and make a valid override (edited()) that is not applied yet.
    void editsChanged();

private:
    void fillParameters(const gateway::ToolRow &row);
    void fillResponseFields(const gateway::ToolRow &row);
    void changed();

    const gateway::ServerEditor *m_editor = nullptr;
    std::optional<gateway::ToolRow> m_row;
    QStringList m_credentials;
    QString m_key;
    bool m_filling = false;
    bool m_modified = false;
    QString m_shownCost;       // the cost field's text as filled
    QString m_shownCredential; // the credential chosen when filled

    QLabel *m_heading = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameProblem = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QComboBox *m_action = nullptr;
    QLineEdit *m_resource = nullptr;
    QLineEdit *m_cost = nullptr;
    QComboBox *m_credential = nullptr;
    QTableWidget *m_parameters = nullptr;
    QTreeWidget *m_responseFields = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_pendingCost = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_revert = nullptr;
    QWidget *m_form = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace gatehouse::ui
