#pragma once

#include "Result.h"
#include "gateway/ToolTrial.h"

#include <QDialog>
#include <QThreadPool>

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace gatehouse::store {
class Database;
}

namespace gatehouse::ui {

class BusyRow;
class ProblemRow;
class WrappingLabel;

// "Try it": calls one tool as a chosen user through the running gateway and shows how it was
// decided, the upstream request as sent (credentials masked), the upstream's answer and the
// result the MCP client would get. Arguments are a form made from the tool's input schema
// (strings, numbers, booleans, choices; JSON for anything else), or the whole object as JSON.
// A call that is not a read is a real change upstream: the dialog says so before it is sent.
class TryItDialog : public QDialog
{
    Q_OBJECT
public:
    TryItDialog(gateway::Gateway &gateway, store::Database &database, const QString &server,
                const QString &tool, QWidget *parent = nullptr);
    ~TryItDialog() override;

    // For tests and keyboard users' focus.
    QComboBox *userChoice() const { return m_user; }
    // The editor of one argument in the form (QLineEdit or QComboBox); null when none.
    QWidget *argumentEditor(const QString &name) const;
    QCheckBox *jsonToggle() const { return m_jsonToggle; }
    QPlainTextEdit *jsonEditor() const { return m_json; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *cancelButton() const { return m_cancel; }
    bool isRunning() const { return m_trial.isRunning(); }
    bool usersLoaded() const { return m_usersLoaded; }
    QString warningText() const;
    QString problemText() const;
    QString statusText() const;
    QString requestText() const;
    QString answerText() const;
    QString resultText() const;

    // The arguments as the form or the JSON editor holds them; an error names the field.
    Result<nlohmann::json> arguments() const;

public Q_SLOTS:
    void send();
    void cancelTrial();
    // Closing cancels a call in flight.
    void done(int result) override;

Q_SIGNALS:
    void usersReady();
    void trialFinished();

private:
    struct Field;
    void describe();
    void buildForm();
    void loadUsers();
    void usersLoadedWith(Result<QList<gateway::TrialUser>> users);
    void showOutcome(const gateway::TrialOutcome &outcome);
    void setJsonMode(bool on);
    void fillForm(const nlohmann::json &arguments);
    void updateWarning();
    void updateButtons();
    QPushButton *copyButton(const QString &what, QPlainTextEdit *view);

    gateway::Gateway &m_gateway;
    store::Database &m_database;
    QString m_server;
    QString m_toolName;
    std::optional<gateway::TrialTool> m_tool;
    gateway::ToolTrial m_trial;
    QThreadPool m_pool;
    bool m_usersLoaded = false;
    std::vector<Field> m_fields;

    WrappingLabel *m_summary = nullptr;
    WrappingLabel *m_description = nullptr;
    QComboBox *m_user = nullptr;
    BusyRow *m_usersBusy = nullptr;
    QWidget *m_formPage = nullptr;
    QFormLayout *m_form = nullptr;
    QStackedWidget *m_argumentPages = nullptr;
    QCheckBox *m_jsonToggle = nullptr;
    QPlainTextEdit *m_json = nullptr;
    ProblemRow *m_warning = nullptr;
    WrappingLabel *m_recorded = nullptr;
    ProblemRow *m_problem = nullptr;
    BusyRow *m_busy = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
    WrappingLabel *m_status = nullptr;
    QTabWidget *m_views = nullptr;
    QPlainTextEdit *m_request = nullptr;
    QPlainTextEdit *m_answer = nullptr;
    QPlainTextEdit *m_result = nullptr;
};

} // namespace gatehouse::ui
