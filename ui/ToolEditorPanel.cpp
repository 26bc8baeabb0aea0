#include "ToolEditorPanel.h"

#include "PageTitle.h"
#include "WrappingLabel.h"

#include <QComboBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

enum Treatment
{
    Visible,
    Hidden,
    Fixed,
    Default,
};

enum ParameterColumn
{
    ParamName,
    ParamTreatment,
    ParamValue,
    ParamColumns,
};

// Set when filled: the row's treatment, the value's text and its JSON.
constexpr int ShownRole = Qt::UserRole + 1;
constexpr int ShownJsonRole = Qt::UserRole + 2;

// A value as the owner types it: JSON when it parses (42, true, "2024", ["a"]), else the text
// itself.
nlohmann::json valueOf(const QString &text)
{
    const nlohmann::json parsed =
        nlohmann::json::parse(text.toStdString(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded())
        return text.toStdString();
    return parsed;
}

// As JSON, so that the string "2024" (quoted) differs from the number 2024.
QString textOf(const nlohmann::json &value)
{
    return QString::fromStdString(value.dump());
}

QString typeOf(const nlohmann::json &schema)
{
    if (!schema.is_object())
        return {};
    if (schema.contains("type") && schema["type"].is_string())
        return QString::fromStdString(schema["type"].get<std::string>());
    return {};
}

// The properties of an object schema, or of an array's items.
const nlohmann::json *propertiesOf(const nlohmann::json &schema)
{
    if (!schema.is_object())
        return nullptr;
    if (schema.contains("properties") && schema["properties"].is_object())
        return &schema["properties"];
    if (schema.contains("items"))
        return propertiesOf(schema["items"]);
    return nullptr;
}

void addChildren(QTreeWidgetItem *parent, const nlohmann::json &schema, int depth)
{
    const nlohmann::json *properties = propertiesOf(schema);
    if (!properties || depth > 3)
        return;
    for (auto it = properties->begin(); it != properties->end(); ++it) {
        auto *child =
            new QTreeWidgetItem(parent, {QString::fromStdString(it.key()), typeOf(it.value())});
        addChildren(child, it.value(), depth + 1);
    }
}

} // namespace

ToolEditorPanel::ToolEditorPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("toolEditor"));
    setAccessibleName(tr("Tool editor"));

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("toolHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_heading->setWordWrap(true);

    m_empty = new WrappingLabel(QStringLiteral("toolEditorEmpty"), this);
    m_empty->setText(tr("Select a tool in the table to edit its name, description, parameters "
                        "and response."));

    m_form = new QWidget(this);
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("toolName"));
    m_name->setAccessibleName(tr("Tool name"));
    m_nameProblem = new WrappingLabel(QStringLiteral("toolNameProblem"), m_form);
    m_nameProblem->hide();
    m_description = new QPlainTextEdit(m_form);
    m_description->setObjectName(QStringLiteral("toolDescription"));
    m_description->setAccessibleName(tr("Tool description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(4 * m_description->fontMetrics().lineSpacing() +
                                  2 * m_description->frameWidth() + 8);
    m_action = new QComboBox(m_form);
    m_action->setObjectName(QStringLiteral("toolAction"));
    m_action->setAccessibleName(tr("Action"));
    m_action->addItem(tr("read"), QStringLiteral("read"));
    m_action->addItem(tr("create"), QStringLiteral("create"));
    m_action->addItem(tr("update"), QStringLiteral("update"));
    m_action->addItem(tr("delete"), QStringLiteral("delete"));
    m_resource = new QLineEdit(m_form);
    m_resource->setObjectName(QStringLiteral("toolResource"));
    m_resource->setAccessibleName(tr("Resource"));
    m_cost = new QLineEdit(m_form);
    m_cost->setObjectName(QStringLiteral("toolCost"));
    m_cost->setAccessibleName(tr("Cost per call"));
    m_cost->setPlaceholderText(tr("free"));
    auto *costValidator = new QDoubleValidator(0.0, 1e9, 4, m_cost);
    costValidator->setNotation(QDoubleValidator::StandardNotation);
    m_cost->setValidator(costValidator);
    m_credential = new QComboBox(m_form);
    m_credential->setObjectName(QStringLiteral("toolCredential"));
    m_credential->setAccessibleName(tr("Upstream credential"));

    m_parameters = new QTableWidget(0, ParamColumns, m_form);
    m_parameters->setObjectName(QStringLiteral("toolParameters"));
    m_parameters->setAccessibleName(tr("Parameters"));
    m_parameters->setHorizontalHeaderLabels({tr("Parameter"), tr("Clients"), tr("Value")});
    m_parameters->verticalHeader()->hide();
    m_parameters->setTabKeyNavigation(false);
    m_parameters->setSelectionMode(QAbstractItemView::NoSelection);
    m_parameters->horizontalHeader()->setSectionResizeMode(ParamName,
                                                           QHeaderView::ResizeToContents);
    m_parameters->horizontalHeader()->setSectionResizeMode(ParamTreatment,
                                                           QHeaderView::ResizeToContents);
    m_parameters->horizontalHeader()->setSectionResizeMode(ParamValue, QHeaderView::Stretch);
    m_parameters->verticalHeader()->setDefaultSectionSize(QComboBox().sizeHint().height());
    connect(m_parameters, &QTableWidget::itemChanged, this, &ToolEditorPanel::changed);

    m_responseFields = new QTreeWidget(m_form);
    m_responseFields->setObjectName(QStringLiteral("toolResponseFields"));
    m_responseFields->setAccessibleName(tr("Response fields"));
    m_responseFields->setAccessibleDescription(
        tr("Check the top-level fields a client receives; with none checked it receives the "
           "whole response."));
    m_responseFields->setHeaderLabels({tr("Field"), tr("Type")});
    m_responseFields->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_responseFields->setMinimumHeight(8 * m_responseFields->fontMetrics().lineSpacing());
    connect(m_responseFields, &QTreeWidget::itemChanged, this, &ToolEditorPanel::changed);

    m_notes = new WrappingLabel(QStringLiteral("toolNotes"), m_form);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameProblem);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("A&ction:"), m_action);
    form->addRow(tr("&Resource:"), m_resource);
    form->addRow(tr("C&ost per call:"), m_cost);
    form->addRow(tr("Cr&edential:"), m_credential);
    auto *paramsLabel = new QLabel(tr("&Parameters (what clients may pass):"), m_form);
    paramsLabel->setBuddy(m_parameters);
    auto *fieldsLabel =
        new QLabel(tr("Response &fields (checked: only these reach the client):"), m_form);
    fieldsLabel->setBuddy(m_responseFields);
    fieldsLabel->setWordWrap(true);

    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(form);
    formLayout->addWidget(paramsLabel);
    formLayout->addWidget(m_parameters);
    formLayout->addWidget(fieldsLabel);
    formLayout->addWidget(m_responseFields, 1);
    formLayout->addWidget(m_notes);

    m_apply = new QPushButton(tr("&Apply"), this);
    m_apply->setObjectName(QStringLiteral("applyTool"));
    m_apply->setAccessibleName(tr("Apply the changes to this tool"));
    connect(m_apply, &QPushButton::clicked, this, &ToolEditorPanel::apply);
    m_revert = new QPushButton(tr("Re&vert"), this);
    m_revert->setObjectName(QStringLiteral("revertTool"));
    m_revert->setAccessibleName(tr("Forget the changes to this tool"));
    connect(m_revert, &QPushButton::clicked, this, &ToolEditorPanel::revert);
    m_pendingCost = new WrappingLabel(QStringLiteral("pendingCost"), this);
    m_pendingCost->setAccessibleName(tr("What a client would receive with these changes"));
    m_pendingCost->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);

    auto *box = new QGroupBox(tr("Edit tool"), this);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(m_heading);
    boxLayout->addWidget(m_empty);
    // The fields scroll; Apply and Revert stay in view below them.
    auto *scroll = new QScrollArea(box);
    scroll->setObjectName(QStringLiteral("toolEditorScroll"));
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    boxLayout->addWidget(scroll, 1);
    boxLayout->addWidget(m_pendingCost);
    boxLayout->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);

    connect(m_name, &QLineEdit::textChanged, this, &ToolEditorPanel::changed);
    connect(m_description, &QPlainTextEdit::textChanged, this, &ToolEditorPanel::changed);
    connect(m_action, &QComboBox::currentIndexChanged, this, &ToolEditorPanel::changed);
    connect(m_resource, &QLineEdit::textChanged, this, &ToolEditorPanel::changed);
    connect(m_cost, &QLineEdit::textChanged, this, &ToolEditorPanel::changed);
    connect(m_credential, &QComboBox::currentIndexChanged, this, &ToolEditorPanel::changed);

    setTool(nullptr, nullptr, {});
}

void ToolEditorPanel::setTool(const gateway::ServerEditor *editor, const gateway::ToolRow *row,
                              const QStringList &credentials)
{
    m_filling = true;
    m_editor = editor;
    m_row = row ? std::optional<gateway::ToolRow>(*row) : std::nullopt;
    m_key = row ? row->key : QString();
    m_credentials = credentials;
    m_form->setEnabled(row != nullptr);
    m_form->setVisible(row != nullptr);
    m_empty->setVisible(row == nullptr);
    if (!row) {
        m_heading->setText(tr("Tool"));
        m_filling = false;
        m_modified = false;
        m_apply->setEnabled(false);
        m_revert->setEnabled(false);
        return;
    }
    const openapi::Tool &tool = row->tool;
    m_heading->setText(tr("%1 — %2 %3").arg(tool.name, tool.operation.method, tool.operation.path));
    m_name->setText(tool.name);
    m_description->setPlainText(tool.description);
    m_action->setCurrentIndex(m_action->findData(openapi::toolActionName(tool.action)));
    m_resource->setText(tool.resource);
    // Enough digits to show a stored cost whole; it is written back only when edited.
    m_cost->setText(tool.cost ? QLocale().toString(*tool.cost, 'g', 15) : QString());
    m_shownCost = m_cost->text();

    m_credential->clear();
    const QString serverDefault =
        editor ? editor->server().credential.value_or(QString()) : QString();
    m_credential->addItem(serverDefault.isEmpty()
                              ? tr("The server's default (none)")
                              : tr("The server's default (%1)").arg(serverDefault),
                          QString());
    for (const QString &name : credentials)
        m_credential->addItem(name, name);
    const QString own = tool.credential;
    if (!own.isEmpty() && m_credential->findData(own) < 0)
        m_credential->addItem(tr("%1 (not configured)").arg(own), own);
    m_credential->setCurrentIndex(own.isEmpty() ? 0 : m_credential->findData(own));
    m_shownCredential = m_credential->currentData().toString();

    fillParameters(*row);
    fillResponseFields(*row);
    QStringList notes;
    for (const openapi::EditorialNote &note : tool.notes)
        if (note.heuristic != u"compact_schemas")
            notes.append(tr("• %1: %2").arg(note.subject, note.reason));
    m_notes->setText(notes.isEmpty()
                         ? QString()
                         : tr("What the heuristics changed:\n%1").arg(notes.join(u'\n')));
    m_notes->setVisible(!notes.isEmpty());
    m_filling = false;
    m_modified = false;
    m_nameProblem->clear();
    m_nameProblem->hide();
    m_pendingCost->clear();
    m_pendingCost->hide();
    m_apply->setEnabled(false);
    m_revert->setEnabled(false);
}

void ToolEditorPanel::fillParameters(const gateway::ToolRow &row)
{
    m_parameters->setRowCount(0);
    const std::optional<store::ToolOverride> &o = row.override_;
    for (const gateway::EditableParameter &p : row.parameters) {
        const int r = m_parameters->rowCount();
        m_parameters->insertRow(r);
        auto *name =
            new QTableWidgetItem(p.required ? tr("%1 (%2, required)").arg(p.name, p.location)
                                            : tr("%1 (%2)").arg(p.name, p.location));
        name->setData(Qt::UserRole, p.name);
        name->setFlags(Qt::ItemIsEnabled);
        name->setToolTip(p.description);
        m_parameters->setItem(r, ParamName, name);

        Treatment treatment = Visible;
        QString value;
        QString json;
        if (o && o->hideParams && o->hideParams->contains(p.name)) {
            treatment = Hidden;
        } else if (o && o->fixedParams && o->fixedParams->contains(p.name)) {
            treatment = Fixed;
            json = textOf(o->fixedParams->value(p.name));
        } else if (o && o->paramDefaults && o->paramDefaults->contains(p.name)) {
            treatment = Default;
            json = textOf(o->paramDefaults->value(p.name));
        }
        value = json;
        name->setData(ShownRole, int(treatment));
        auto *combo = new QComboBox(m_parameters);
        combo->setObjectName(QStringLiteral("treatment_") + p.name);
        combo->setAccessibleName(tr("How clients see %1").arg(p.name));
        combo->addItem(tr("pass it"), Visible);
        combo->addItem(tr("hidden"), Hidden);
        combo->addItem(tr("fixed value"), Fixed);
        combo->addItem(tr("default value"), Default);
        combo->setCurrentIndex(combo->findData(treatment));
        m_parameters->setCellWidget(r, ParamTreatment, combo);
        auto *valueItem = new QTableWidgetItem(value);
        valueItem->setData(ShownRole, value);
        valueItem->setData(ShownJsonRole, json);
        valueItem->setToolTip(tr("For a fixed or default value: JSON such as 42, true, "
                                 "\"2024\" (text, in quotes) or [\"a\"]; other text is sent "
                                 "as text."));
        m_parameters->setItem(r, ParamValue, valueItem);
        connect(combo, &QComboBox::currentIndexChanged, this, &ToolEditorPanel::changed);
    }
    // As tall as its rows (a few at most): the response fields below get the rest.
    const int rows = qBound(1, m_parameters->rowCount(), 6);
    m_parameters->setFixedHeight(m_parameters->horizontalHeader()->sizeHint().height() +
                                 rows * m_parameters->verticalHeader()->defaultSectionSize() +
                                 2 * m_parameters->frameWidth());
}

void ToolEditorPanel::fillResponseFields(const gateway::ToolRow &row)
{
    m_responseFields->clear();
    const nlohmann::json *properties = propertiesOf(row.responseSchema);
    const QStringList chosen = row.tool.responseFields;
    if (!properties) {
        auto *none =
            new QTreeWidgetItem(m_responseFields, {tr("No JSON response described in the spec")});
        none->setFlags(Qt::ItemIsEnabled);
        return;
    }
    for (auto it = properties->begin(); it != properties->end(); ++it) {
        const QString name = QString::fromStdString(it.key());
        auto *field = new QTreeWidgetItem(m_responseFields, {name, typeOf(it.value())});
        field->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        field->setCheckState(0, chosen.contains(name) ? Qt::Checked : Qt::Unchecked);
        field->setData(0, Qt::UserRole, name);
        field->setData(0, ShownRole, chosen.contains(name));
        // Nested fields show what a top-level field carries; the gateway keeps or drops
        // top-level fields only (response_fields).
        addChildren(field, it.value(), 1);
        for (int i = 0; i < field->childCount(); ++i)
            field->child(i)->setFlags(Qt::ItemIsEnabled);
    }
}

gateway::OverrideChange ToolEditorPanel::changes() const
{
    if (!m_row)
        return [](store::ToolOverride &) {};
    const openapi::Tool &tool = m_row->tool;
    std::optional<QString> name;
    if (m_name->text().trimmed() != tool.name)
        name = m_name->text().trimmed();
    std::optional<QString> description;
    if (m_description->toPlainText() != tool.description)
        description = m_description->toPlainText();
    std::optional<QString> action;
    if (const QString a = m_action->currentData().toString();
        a != openapi::toolActionName(tool.action))
        action = a;
    std::optional<QString> resource;
    if (m_resource->text().trimmed() != tool.resource)
        resource = m_resource->text().trimmed();
    // Outer: edited; inner: the new value (none: free).
    std::optional<std::optional<double>> cost;
    if (m_cost->text() != m_shownCost) {
        bool ok = false;
        const double value = QLocale().toDouble(m_cost->text().trimmed(), &ok);
        if (m_cost->text().trimmed().isEmpty())
            cost = std::optional<double>();
        else if (ok)
            cost = value;
    }
    std::optional<QString> credential;
    if (const QString c = m_credential->currentData().toString(); c != m_shownCredential)
        credential = c;

    struct ParamEdit
    {
        QString name;
        Treatment treatment;
        nlohmann::json value;
    };
    QList<ParamEdit> params;
    for (int r = 0; r < m_parameters->rowCount(); ++r) {
        const QTableWidgetItem *nameItem = m_parameters->item(r, ParamName);
        const auto *combo = qobject_cast<QComboBox *>(m_parameters->cellWidget(r, ParamTreatment));
        const QTableWidgetItem *valueItem = m_parameters->item(r, ParamValue);
        const Treatment treatment = Treatment(combo->currentData().toInt());
        const QString text = valueItem ? valueItem->text().trimmed() : QString();
        const QString shown = valueItem ? valueItem->data(ShownRole).toString() : QString();
        const QString json = valueItem ? valueItem->data(ShownJsonRole).toString() : QString();
        if (treatment == Treatment(nameItem->data(ShownRole).toInt()) && text == shown)
            continue;
        // An unchanged cell keeps its typed value (a fixed value made a default, say).
        const nlohmann::json value = text == shown && !json.isEmpty()
                                         ? nlohmann::json::parse(json.toStdString(), nullptr, false)
                                         : valueOf(text);
        params.append({nameItem->data(Qt::UserRole).toString(), treatment, value});
    }
    QList<QPair<QString, bool>> fields;
    for (int i = 0; i < m_responseFields->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *field = m_responseFields->topLevelItem(i);
        const bool checked = field->checkState(0) == Qt::Checked;
        if (field->flags().testFlag(Qt::ItemIsUserCheckable) &&
            checked != field->data(0, ShownRole).toBool())
            fields.append({field->data(0, Qt::UserRole).toString(), checked});
    }

    return [=](store::ToolOverride &o) {
        if (name)
            o.name = *name;
        if (description)
            o.description = *description;
        if (action)
            o.action = *action;
        if (resource)
            o.resource = *resource;
        if (cost)
            o.cost = *cost;
        if (credential)
            o.credential = credential->isEmpty() ? std::nullopt : credential;
        if (!params.isEmpty()) {
            QStringList hidden = o.hideParams.value_or(QStringList());
            store::ParamValues fixed = o.fixedParams.value_or(store::ParamValues());
            store::ParamValues defaults = o.paramDefaults.value_or(store::ParamValues());
            for (const ParamEdit &p : params) {
                hidden.removeAll(p.name);
                fixed.remove(p.name);
                defaults.remove(p.name);
                if (p.treatment == Hidden)
                    hidden.append(p.name);
                else if (p.treatment == Fixed)
                    fixed.insert(p.name, p.value);
                else if (p.treatment == Default)
                    defaults.insert(p.name, p.value);
            }
            o.hideParams = hidden.isEmpty() ? std::nullopt : std::optional<QStringList>(hidden);
            o.fixedParams =
                fixed.isEmpty() ? std::nullopt : std::optional<store::ParamValues>(fixed);
            o.paramDefaults =
                defaults.isEmpty() ? std::nullopt : std::optional<store::ParamValues>(defaults);
        }
        if (!fields.isEmpty()) {
            QStringList chosen = o.responseFields.value_or(QStringList());
            for (const auto &[field, checked] : fields) {
                chosen.removeAll(field);
                if (checked)
                    chosen.append(field);
            }
            o.responseFields = chosen.isEmpty() ? std::nullopt : std::optional<QStringList>(chosen);
        }
    };
}

store::ToolOverride ToolEditorPanel::edited() const
{
    store::ToolOverride o;
    if (!m_row)
        return o;
    if (m_row->override_) {
        o = *m_row->override_;
    } else {
        o.server = m_editor ? m_editor->server().name : QString();
        o.key = m_row->key;
    }
    changes()(o);
    return o;
}

QString ToolEditorPanel::problem() const
{
    if (!m_row)
        return {};
    const QString name = m_name->text().trimmed();
    if (m_editor && name != m_row->tool.name)
        if (const QString p = m_editor->toolNameProblem(m_key, name); !p.isEmpty())
            return p;
    // A stored cost may have more decimals than the field accepts when typed.
    if (m_cost->text() != m_shownCost && !m_cost->text().trimmed().isEmpty() &&
        !m_cost->hasAcceptableInput())
        return tr("The cost is a number of at least 0, such as 0.05; leave it empty for free.");
    for (int r = 0; r < m_parameters->rowCount(); ++r) {
        const auto *combo = qobject_cast<QComboBox *>(m_parameters->cellWidget(r, ParamTreatment));
        const Treatment t = Treatment(combo->currentData().toInt());
        const QTableWidgetItem *valueItem = m_parameters->item(r, ParamValue);
        if ((t == Fixed || t == Default) && (!valueItem || valueItem->text().trimmed().isEmpty()))
            return tr("Parameter %1 needs a value to send.")
                .arg(m_parameters->item(r, ParamName)->data(Qt::UserRole).toString());
    }
    return {};
}

void ToolEditorPanel::changed()
{
    if (m_filling)
        return;
    m_modified = true;
    const QString p = problem();
    m_nameProblem->setText(p);
    m_nameProblem->setVisible(!p.isEmpty());
    m_apply->setEnabled(m_row.has_value() && p.isEmpty());
    m_revert->setEnabled(m_row.has_value());
    if (m_row && p.isEmpty())
        Q_EMIT editsChanged();
}

void ToolEditorPanel::showPendingCost(const QString &text)
{
    if (!m_modified)
        return;
    m_pendingCost->setText(text);
    m_pendingCost->setVisible(!text.isEmpty());
}

void ToolEditorPanel::apply()
{
    if (!m_row || !problem().isEmpty())
        return;
    const gateway::OverrideChange change = changes();
    m_modified = false;
    Q_EMIT applyRequested(m_key, change);
}

void ToolEditorPanel::revert()
{
    if (!m_row)
        return;
    const gateway::ToolRow row = *m_row;
    const QStringList credentials = m_credentials;
    setTool(m_editor, &row, credentials);
}

} // namespace gatehouse::ui
