#include "TryItDialog.h"

#include "BusyRow.h"
#include "PageTitle.h"
#include "ProblemRow.h"
#include "WrappingLabel.h"
#include "gateway/CatalogProvider.h"
#include "gateway/Gateway.h"
#include "store/Database.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace gatehouse::ui {

using nlohmann::json;

struct TryItDialog::Field
{
    enum class Kind
    {
        Text,
        Integer,
        Number,
        Boolean,
        Choice,
        Json, // objects, arrays, $ref, anything the form cannot edit: typed as JSON
    };
    QString name;
    Kind kind = Kind::Text;
    bool required = false;
    QWidget *editor = nullptr;
    json choices; // Choice: the enum's values, in the combo box's order after "(not set)"
};

namespace {

// The schema's type, skipping "null" in a list of types.
QString typeOf(const json &schema)
{
    const auto type = schema.find("type");
    if (type == schema.end())
        return {};
    if (type->is_string())
        return QString::fromStdString(type->get<std::string>());
    if (type->is_array())
        for (const json &t : *type)
            if (t.is_string() && t != "null")
                return QString::fromStdString(t.get<std::string>());
    return {};
}

QString display(const json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>())
                             : QString::fromStdString(value.dump());
}

// JSON bodies are easier to read indented; anything else is shown as it came.
QString readableBody(const QByteArray &body)
{
    if (body.isEmpty())
        return {};
    const json parsed = json::parse(body.toStdString(), nullptr, false);
    if (!parsed.is_discarded() && (parsed.is_object() || parsed.is_array()))
        return QString::fromStdString(parsed.dump(2));
    return QString::fromUtf8(body);
}

QString headerLines(const http::UpstreamHeaders &headers)
{
    QString text;
    for (const auto &[name, value] : headers)
        text += QString::fromUtf8(name) + u": " + QString::fromUtf8(value) + u'\n';
    return text;
}

QPlainTextEdit *monospaceView(const QString &objectName, const QString &accessibleName,
                              QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setReadOnly(true);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Wrapped, so a long URL or message reads without scrolling; Copy takes the text as it is.
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    view->setTabChangesFocus(true);
    return view;
}

} // namespace

TryItDialog::TryItDialog(gateway::Gateway &gateway, store::Database &database,
                         const QString &server, const QString &tool, QWidget *parent)
    : QDialog(parent)
    , m_gateway(gateway)
    , m_database(database)
    , m_server(server)
    , m_toolName(tool)
    , m_trial(gateway)
{
    setWindowTitle(tr("Try %1").arg(server + u'.' + tool));
    setAccessibleName(tr("Try it"));
    m_pool.setMaxThreadCount(1);

    m_summary = new WrappingLabel(QStringLiteral("trySummary"), this);
    m_summary->setAccessibleName(tr("Where the call goes"));
    m_description = new WrappingLabel(QStringLiteral("tryDescription"), this);
    m_description->setAccessibleName(tr("What the tool does"));

    // Who calls.
    m_user = new QComboBox(this);
    m_user->setObjectName(QStringLiteral("tryUser"));
    m_user->setAccessibleName(tr("User to call the tool as"));
    m_user->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_user->setEnabled(false);
    m_usersBusy = new BusyRow(tr("Reading users…"), tr("Loading users"), this);
    auto *userRow = new QHBoxLayout;
    auto *userLabel = new QLabel(tr("Call &as:"), this);
    userLabel->setBuddy(m_user);
    userRow->addWidget(userLabel);
    userRow->addWidget(m_user);
    userRow->addWidget(m_usersBusy, 1);
    userRow->addStretch(1);

    // Arguments: the form, or the whole object as JSON.
    m_formPage = new QWidget(this);
    m_form = new QFormLayout(m_formPage);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_formPage);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_json = new QPlainTextEdit(this);
    m_json->setObjectName(QStringLiteral("tryJson"));
    m_json->setAccessibleName(tr("Arguments as JSON"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setTabChangesFocus(true);
    m_argumentPages = new QStackedWidget(this);
    m_argumentPages->addWidget(scroll);
    m_argumentPages->addWidget(m_json);
    m_jsonToggle = new QCheckBox(tr("Edit as &JSON"), this);
    m_jsonToggle->setObjectName(QStringLiteral("tryJsonToggle"));
    m_jsonToggle->setAccessibleName(tr("Edit the arguments as JSON"));
    connect(m_jsonToggle, &QCheckBox::toggled, this, &TryItDialog::setJsonMode);
    auto *argumentsBox = new QGroupBox(tr("Arguments"), this);
    auto *argumentsLayout = new QVBoxLayout(argumentsBox);
    argumentsLayout->addWidget(m_argumentPages, 1);
    argumentsLayout->addWidget(m_jsonToggle);

    m_warning = new ProblemRow(QStringLiteral("tryWarning"), this);
    m_recorded = new WrappingLabel(QStringLiteral("tryRecorded"), this);
    m_recorded->setAccessibleName(tr("How the call is counted"));
    m_problem = new ProblemRow(QStringLiteral("tryProblem"), this);
    m_busy = new BusyRow(QString(), tr("Waiting for the answer"), this);

    m_send = new QPushButton(tr("&Send"), this);
    m_send->setObjectName(QStringLiteral("trySend"));
    m_send->setAccessibleName(tr("Send the call"));
    m_send->setDefault(true);
    connect(m_send, &QPushButton::clicked, this, &TryItDialog::send);
    m_cancel = new QPushButton(tr("&Cancel call"), this);
    m_cancel->setObjectName(QStringLiteral("tryCancel"));
    m_cancel->setAccessibleName(tr("Cancel the call in flight"));
    connect(m_cancel, &QPushButton::clicked, this, &TryItDialog::cancelTrial);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_send);
    sendRow->addWidget(m_cancel);
    sendRow->addWidget(m_busy, 1);
    sendRow->addStretch(1);

    // What happened.
    m_status = new WrappingLabel(QStringLiteral("tryStatus"), this);
    m_status->setAccessibleName(tr("Outcome"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_request = monospaceView(QStringLiteral("tryRequest"), tr("Request sent upstream"), this);
    m_answer = monospaceView(QStringLiteral("tryAnswer"), tr("Upstream answer"), this);
    m_result = monospaceView(QStringLiteral("tryResult"), tr("Result for the client"), this);
    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("tryViews"));
    const std::pair<QPlainTextEdit *, QString> views[] = {
        {m_request, tr("&Request")}, {m_answer, tr("&Upstream answer")}, {m_result, tr("Res&ult")}};
    for (const auto &[view, title] : views) {
        auto *page = new QWidget(m_views);
        auto *pageLayout = new QVBoxLayout(page);
        pageLayout->addWidget(view, 1);
        auto *copyRow = new QHBoxLayout;
        copyRow->addStretch(1);
        copyRow->addWidget(copyButton(view->accessibleName(), view));
        pageLayout->addLayout(copyRow);
        m_views->addTab(page, title);
    }

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The call above, what came of it below; the owner moves the line between them.
    auto *callPart = new QWidget(this);
    auto *callLayout = new QVBoxLayout(callPart);
    callLayout->setContentsMargins(0, 0, 0, 0);
    callLayout->addLayout(userRow);
    callLayout->addWidget(argumentsBox, 1);
    callLayout->addWidget(m_warning);
    callLayout->addWidget(m_recorded);
    callLayout->addWidget(m_problem);
    callLayout->addLayout(sendRow);
    auto *outcomePart = new QWidget(this);
    auto *outcomeLayout = new QVBoxLayout(outcomePart);
    outcomeLayout->setContentsMargins(0, PageTitle::sectionSpacing(this) / 2, 0, 0);
    outcomeLayout->addWidget(m_status);
    outcomeLayout->addWidget(m_views, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(callPart);
    splitter->addWidget(outcomePart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Try %1").arg(tool), this));
    layout->addWidget(m_summary);
    layout->addWidget(m_description);
    layout->addWidget(splitter, 1);
    layout->addWidget(close);

    connect(&m_trial, &gateway::ToolTrial::finished, this, &TryItDialog::showOutcome);
    connect(&m_gateway, &gateway::Gateway::stateChanged, this, [this] {
        if (!m_tool)
            describe();
        updateButtons();
    });
    connect(m_user, &QComboBox::currentIndexChanged, this, &TryItDialog::updateWarning);

    const int em = fontMetrics().averageCharWidth();
    resize(qMax(sizeHint().width(), 100 * em),
           qMax(sizeHint().height(), 48 * fontMetrics().height()));
    describe();
    loadUsers();
    updateButtons();
}

TryItDialog::~TryItDialog()
{
    // The user list is read in the background and posts back here: let it end first.
    m_pool.waitForDone();
}

void TryItDialog::done(int result)
{
    // Nothing keeps running behind a closed dialog.
    m_trial.cancel();
    QDialog::done(result);
}

void TryItDialog::describe()
{
    auto described = gateway::ToolTrial::describe(m_gateway, m_server, m_toolName);
    if (!described) {
        m_summary->setText(tr("Tool %1 of server %2.").arg(m_toolName, m_server));
        m_problem->showProblem(described.error().message());
        return;
    }
    m_problem->clear();
    m_tool = std::move(described).value();
    m_summary->setText(tr("Sends %1 %2 (%3) as the user you choose, through the running "
                          "gateway: the same permission check, limits and credential as that "
                          "user's MCP client gets.")
                           .arg(m_tool->method, m_tool->upstream, m_tool->action));
    m_description->setText(m_tool->description);
    m_description->setVisible(!m_tool->description.isEmpty());
    buildForm();
    updateWarning();
}

void TryItDialog::buildForm()
{
    m_fields.clear();
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    const json &schema = m_tool->inputSchema;
    const json properties = schema.value("properties", json::object());
    QStringList required;
    for (const json &name : schema.value("required", json::array()))
        if (name.is_string())
            required << QString::fromStdString(name.get<std::string>());
    for (const auto &[key, property] : properties.items()) {
        Field field;
        field.name = QString::fromStdString(key);
        field.required = required.contains(field.name);
        const QString type = typeOf(property);
        const QString hint = QString::fromStdString(property.value("description", std::string()));
        if (property.contains("enum") && property["enum"].is_array()) {
            field.kind = Field::Kind::Choice;
            field.choices = property["enum"];
        } else if (type == u"boolean") {
            field.kind = Field::Kind::Boolean;
        } else if (type == u"integer") {
            field.kind = Field::Kind::Integer;
        } else if (type == u"number") {
            field.kind = Field::Kind::Number;
        } else if (type == u"string") {
            field.kind = Field::Kind::Text;
        } else {
            field.kind = Field::Kind::Json;
        }
        if (field.kind == Field::Kind::Choice || field.kind == Field::Kind::Boolean) {
            auto *combo = new QComboBox(m_formPage);
            combo->addItem(tr("(not set)"));
            if (field.kind == Field::Kind::Boolean)
                combo->addItems({QStringLiteral("true"), QStringLiteral("false")});
            else
                for (const json &value : field.choices)
                    combo->addItem(display(value));
            field.editor = combo;
        } else {
            auto *edit = new QLineEdit(m_formPage);
            switch (field.kind) {
            case Field::Kind::Integer:
                edit->setPlaceholderText(tr("a whole number"));
                break;
            case Field::Kind::Number:
                edit->setPlaceholderText(tr("a number"));
                break;
            case Field::Kind::Json:
                edit->setPlaceholderText(type == u"array" ? tr("JSON, e.g. [\"a\", \"b\"]")
                                                          : tr("JSON, e.g. {\"key\": \"value\"}"));
                break;
            default:
                if (property.contains("default"))
                    edit->setPlaceholderText(tr("default: %1").arg(display(property["default"])));
                else if (property.contains("format"))
                    edit->setPlaceholderText(
                        QString::fromStdString(property["format"].dump()).remove(u'"'));
                break;
            }
            field.editor = edit;
        }
        field.editor->setObjectName(QStringLiteral("tryArg_") + field.name);
        field.editor->setAccessibleName(tr("Argument %1").arg(field.name));
        if (!hint.isEmpty()) {
            field.editor->setToolTip(hint);
            field.editor->setAccessibleDescription(hint);
        }
        auto *label = new QLabel(
            field.required ? tr("%1 (required):").arg(field.name) : field.name + u':', m_formPage);
        label->setBuddy(field.editor);
        m_form->addRow(label, field.editor);
        m_fields.push_back(std::move(field));
    }
    // Fields are made after the rest of the dialog: put them where the eye reads them.
    QWidget *previous = m_user;
    for (const Field &field : m_fields) {
        setTabOrder(previous, field.editor);
        previous = field.editor;
    }
    setTabOrder(previous, m_jsonToggle);
    if (m_fields.empty()) {
        auto *none = new QLabel(properties.empty() && !schema.contains("$ref")
                                    ? tr("This tool takes no arguments.")
                                    : tr("Edit this tool's arguments as JSON."),
                                m_formPage);
        m_form->addRow(none);
    }
    // Nothing the form can show: the JSON editor is the form.
    const bool onlyJson = m_fields.empty() && (schema.contains("$ref") || !properties.empty());
    if (onlyJson)
        m_jsonToggle->setChecked(true);
    if (m_json->toPlainText().isEmpty())
        m_json->setPlainText(QStringLiteral("{}"));
}

QWidget *TryItDialog::argumentEditor(const QString &name) const
{
    for (const Field &field : m_fields)
        if (field.name == name)
            return field.editor;
    return nullptr;
}

Result<json> TryItDialog::arguments() const
{
    if (m_jsonToggle->isChecked()) {
        const json parsed = json::parse(m_json->toPlainText().toStdString(), nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object())
            return Error(ErrorCode::InvalidArgument,
                         tr("The arguments are not a JSON object. Write them as {\"name\": "
                            "value, …}, or clear Edit as JSON to use the form."));
        return parsed;
    }
    json out = json::object();
    const QLocale c = QLocale::c();
    for (const Field &field : m_fields) {
        const std::string key = field.name.toStdString();
        if (auto *combo = qobject_cast<QComboBox *>(field.editor)) {
            const int index = combo->currentIndex();
            if (index <= 0)
                continue;
            if (field.kind == Field::Kind::Boolean)
                out[key] = index == 1;
            else
                out[key] = field.choices.at(size_t(index - 1));
            continue;
        }
        const QString text = static_cast<QLineEdit *>(field.editor)->text().trimmed();
        if (text.isEmpty())
            continue;
        bool ok = true;
        switch (field.kind) {
        case Field::Kind::Integer: {
            const qlonglong value = c.toLongLong(text, &ok);
            if (!ok)
                return Error(ErrorCode::InvalidArgument,
                             tr("%1 must be a whole number, like 42.").arg(field.name));
            out[key] = value;
            break;
        }
        case Field::Kind::Number: {
            const double value = c.toDouble(text, &ok);
            if (!ok)
                return Error(ErrorCode::InvalidArgument,
                             tr("%1 must be a number, like 12.5 (with a point).").arg(field.name));
            out[key] = value;
            break;
        }
        case Field::Kind::Json: {
            const json value = json::parse(text.toStdString(), nullptr, false);
            if (value.is_discarded())
                return Error(ErrorCode::InvalidArgument,
                             tr("%1 is not valid JSON. Write text in quotes, lists in [ ] and "
                                "objects in { }.")
                                 .arg(field.name));
            out[key] = value;
            break;
        }
        default:
            out[key] = text.toStdString();
            break;
        }
    }
    return out;
}

void TryItDialog::fillForm(const json &arguments)
{
    for (const Field &field : m_fields) {
        const auto it = arguments.find(field.name.toStdString());
        const bool given = it != arguments.end() && !it->is_null();
        if (auto *combo = qobject_cast<QComboBox *>(field.editor)) {
            int index = 0;
            if (given && field.kind == Field::Kind::Boolean && it->is_boolean())
                index = it->get<bool>() ? 1 : 2;
            else if (given && field.kind == Field::Kind::Choice)
                for (size_t i = 0; i < field.choices.size(); ++i)
                    if (field.choices.at(i) == *it)
                        index = int(i) + 1;
            combo->setCurrentIndex(index);
            continue;
        }
        auto *edit = static_cast<QLineEdit *>(field.editor);
        if (!given)
            edit->clear();
        else if (field.kind == Field::Kind::Json || !it->is_primitive())
            edit->setText(QString::fromStdString(it->dump()));
        else
            edit->setText(display(*it));
    }
}

void TryItDialog::setJsonMode(bool on)
{
    m_problem->clear();
    if (on) {
        // The form's values carry over, so switching loses nothing typed so far.
        QSignalBlocker block(m_jsonToggle);
        m_jsonToggle->setChecked(false);
        const auto current = arguments();
        m_jsonToggle->setChecked(true);
        if (current)
            m_json->setPlainText(QString::fromStdString(current->dump(2)));
        m_argumentPages->setCurrentWidget(m_json);
        return;
    }
    const json parsed = json::parse(m_json->toPlainText().toStdString(), nullptr, false);
    if (parsed.is_object())
        fillForm(parsed);
    m_argumentPages->setCurrentIndex(0);
}

void TryItDialog::loadUsers()
{
    if (m_gateway.authMode() == gateway::AuthMode::None) {
        m_user->addItem(tr("anonymous (this gateway runs without sign-in)"));
        m_usersLoaded = true;
        updateButtons();
        return;
    }
    m_usersBusy->show();
    m_pool.start([this, database = &m_database] {
        auto users = gateway::ToolTrial::loadUsers(*database);
        QMetaObject::invokeMethod(
            this, [this, users = std::move(users)]() mutable { usersLoadedWith(std::move(users)); },
            Qt::QueuedConnection);
    });
}

void TryItDialog::usersLoadedWith(Result<QList<gateway::TrialUser>> users)
{
    m_usersBusy->hide();
    if (!users) {
        m_problem->showProblem(tr("The users could not be read: %1 Check that the data folder is "
                                  "reachable, then open Try it again.")
                                   .arg(users.error().message()));
        return;
    }
    if (users->isEmpty()) {
        m_problem->showProblem(
            tr("There are no users yet. Add one on the Users & clients page, grant them this "
               "tool on the Permissions page, then try it as them."));
    }
    for (const gateway::TrialUser &user : std::as_const(*users))
        m_user->addItem(user.disabled ? tr("%1 (disabled)").arg(user.name) : user.name, user.name);
    m_user->setEnabled(!users->isEmpty());
    m_usersLoaded = true;
    updateWarning();
    updateButtons();
    Q_EMIT usersReady();
}

void TryItDialog::updateWarning()
{
    if (!m_tool) {
        m_warning->clear();
        m_recorded->clear();
        return;
    }
    const QString user = m_user->currentData().toString().isEmpty()
                             ? tr("the chosen user")
                             : m_user->currentData().toString();
    if (m_tool->action != u"read")
        m_warning->showProblem(tr("This sends a real %1 request to %2: the upstream will carry "
                                  "it out, as if %3 had asked.")
                                   .arg(m_tool->action, m_tool->upstream, user));
    else
        m_warning->clear();
    m_recorded->setText(
        tr("A trial is a real call: it counts against %1's quota and spend, and "
           "the Activity page lists it with the client %2.")
            .arg(user, QString::fromLatin1(gateway::CatalogProvider::kTrialClient)));
}

void TryItDialog::updateButtons()
{
    const bool running = m_trial.isRunning();
    const bool gatewayUp = m_gateway.state() == gateway::Gateway::State::Running;
    m_send->setEnabled(!running && m_tool && m_usersLoaded && m_user->count() > 0 && gatewayUp);
    m_cancel->setEnabled(running);
    m_busy->setVisible(running);
    const QString stopped = tr("The gateway is stopped, so nothing can be called. Start the "
                               "gateway first (Gateway page or the tray menu).");
    if (!gatewayUp && !running)
        m_problem->showProblem(stopped);
    else if (gatewayUp && m_problem->text() == stopped)
        m_problem->clear();
}

void TryItDialog::send()
{
    if (m_trial.isRunning())
        return;
    m_problem->clear();
    auto args = arguments();
    if (!args) {
        m_problem->showProblem(args.error().message());
        return;
    }
    const QString user = m_user->currentData().toString();
    const Status started = m_trial.start(user, m_server, m_toolName, *args);
    if (!started) {
        m_problem->showProblem(started.error().message());
        return;
    }
    m_busy->setText(
        tr("Calling %1 as %2…").arg(m_toolName, user.isEmpty() ? tr("anonymous") : user));
    m_status->setText(tr("Waiting for the answer…"));
    m_request->clear();
    m_answer->clear();
    m_result->clear();
    updateButtons();
}

void TryItDialog::cancelTrial()
{
    m_trial.cancel();
}

void TryItDialog::showOutcome(const gateway::TrialOutcome &o)
{
    updateButtons();
    const QString elapsed = tr("%1 ms").arg(QLocale().toString(qlonglong(o.elapsed.count())));
    // The policy's reason reads "allowed by role clerk: …"; without sign-in there is none.
    QString allowedBy = o.reason.isEmpty()
                            ? tr("Allowed (this gateway runs without sign-in, so every call is)")
                            : o.reason;
    allowedBy[0] = allowedBy[0].toUpper();
    QString status;
    if (o.cancelled) {
        status = o.error.isEmpty() ? tr("Cancelled. If the request had left, the upstream may "
                                        "still carry it out; the Activity page records the call.")
                                   : o.error;
    } else if (!o.error.isEmpty()) {
        status = tr("Not called: %1").arg(o.error);
    } else if (o.decision == u"deny") {
        status = tr("Denied: %1. Nothing was sent upstream. Grant the permission on the "
                    "Permissions page to let %2 call it.")
                     .arg(o.reason, o.user);
    } else if (o.decision == u"quota" || o.decision == u"rate" || o.decision == u"spend") {
        status = tr("Stopped by a limit: %1 Nothing was sent upstream.").arg(o.reason);
    } else if (!o.sent) {
        status = tr("%1, but not sent: the Result tab says why.").arg(allowedBy);
    } else if (!o.answered) {
        status = tr("Sent, but no answer came back (%1): the Result tab says why.").arg(elapsed);
    } else {
        status = tr("%1. The upstream answered HTTP %2 in %3.")
                     .arg(allowedBy)
                     .arg(o.upstreamStatus)
                     .arg(elapsed);
        if (o.cost > 0)
            status += u' ' + tr("Charged %1.").arg(QLocale().toString(o.cost, 'f', 2));
        if (o.isError)
            status += u' ' + tr("The client sees a tool error.");
    }
    m_status->setText(status);

    m_request->setPlainText(o.sent ? QString::fromUtf8(o.request.method) + u' ' + o.request.url +
                                         u'\n' + headerLines(o.request.headers) + u'\n' +
                                         readableBody(o.request.body)
                                   : tr("Nothing was sent upstream."));
    m_answer->setPlainText(
        o.answered ? QStringLiteral("HTTP ") + QString::number(o.upstreamStatus) + u'\n' +
                         headerLines(o.upstreamHeaders) + u'\n' + readableBody(o.upstreamBody)
                   : tr("No answer from the upstream."));
    m_result->setPlainText(o.result.isEmpty() ? o.error : readableBody(o.result));
    m_views->setCurrentIndex(o.sent ? (o.answered ? 1 : 0) : 2);
    Q_EMIT trialFinished();
}

QPushButton *TryItDialog::copyButton(const QString &what, QPlainTextEdit *view)
{
    auto *button = new QPushButton(tr("Copy"), this);
    button->setObjectName(view->objectName() + QStringLiteral("Copy"));
    button->setAccessibleName(tr("Copy the %1").arg(what.toLower()));
    button->setAutoDefault(false);
    connect(button, &QPushButton::clicked, this,
            [view] { QApplication::clipboard()->setText(view->toPlainText()); });
    return button;
}

QString TryItDialog::warningText() const
{
    return m_warning->isVisibleTo(this) ? m_warning->text() : QString();
}

QString TryItDialog::problemText() const
{
    return m_problem->isVisibleTo(this) ? m_problem->text() : QString();
}

QString TryItDialog::statusText() const
{
    return m_status->text();
}

QString TryItDialog::requestText() const
{
    return m_request->toPlainText();
}

QString TryItDialog::answerText() const
{
    return m_answer->toPlainText();
}

QString TryItDialog::resultText() const
{
    return m_result->toPlainText();
}

} // namespace gatehouse::ui
