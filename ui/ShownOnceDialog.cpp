#include "ShownOnceDialog.h"

#include "WrappingLabel.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace gatehouse::ui {

ShownOnceDialog::ShownOnceDialog(const QString &title, const QString &explanation, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shownOnceDialog"));
    setWindowTitle(title);

    const int smallIcon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    auto *icon = new QLabel(this);
    icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(smallIcon));
    icon->setAlignment(Qt::AlignTop);
    auto *text = new WrappingLabel(QStringLiteral("shownOnceExplanation"), this);
    text->setText(explanation);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(text, 1);

    m_form = new QFormLayout;
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("I have stored it — &close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(m_form);
    layout->addWidget(buttons);
}

void ShownOnceDialog::addValue(const QString &label, const QString &value,
                               const QString &objectName)
{
    auto *field = new QLineEdit(value, this);
    field->setObjectName(objectName);
    field->setAccessibleName(label);
    field->setReadOnly(true);
    field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Wide enough to show the whole value: a secret scrolled out of view gets copied by hand
    // incompletely.
    field->setMinimumWidth(field->fontMetrics().horizontalAdvance(value) +
                           4 * field->fontMetrics().averageCharWidth());
    field->setCursorPosition(0);
    auto *copy = new QPushButton(QIcon(QStringLiteral(":/icons/copy.svg")), tr("Copy"), this);
    copy->setObjectName(objectName + QStringLiteral("Copy"));
    copy->setAccessibleName(tr("Copy %1").arg(label));
    connect(copy, &QPushButton::clicked, this, [field, copy] {
        QApplication::clipboard()->setText(field->text());
        copy->setText(tr("Copied"));
    });
    auto *row = new QHBoxLayout;
    row->addWidget(field, 1);
    row->addWidget(copy);
    m_form->addRow(label + QStringLiteral(":"), row);
    if (m_form->rowCount() == 1)
        field->setFocus();
}

QLineEdit *ShownOnceDialog::field(const QString &objectName) const
{
    return findChild<QLineEdit *>(objectName);
}

void ShownOnceDialog::done(int result)
{
    // A copied secret would otherwise outlive the dialog on the clipboard (and in clipboard
    // managers' histories); anything copied since is left alone.
    QClipboard *clipboard = QApplication::clipboard();
    const QString copied = clipboard->text();
    bool clearClipboard = false;
    for (QLineEdit *field : findChildren<QLineEdit *>()) {
        if (!copied.isEmpty() && field->text() == copied)
            clearClipboard = true;
        field->clear();
    }
    if (clearClipboard)
        clipboard->clear();
    QDialog::done(result);
}

} // namespace gatehouse::ui
