#include "ProblemRow.h"

#include "WrappingLabel.h"

#include <QAbstractButton>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace gatehouse::ui {

ProblemRow::ProblemRow(const QString &labelObjectName, QWidget *parent)
    : QWidget(parent)
{
    const int smallIcon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    auto *icon = new QLabel(this);
    icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(smallIcon));
    icon->setAlignment(Qt::AlignTop);
    m_label = new WrappingLabel(labelObjectName, this);
    m_label->setAccessibleName(tr("Problem"));
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(icon);
    m_layout->addWidget(m_label, 1);
    hide();
}

void ProblemRow::addButton(QAbstractButton *button)
{
    button->setParent(this);
    m_layout->addWidget(button, 0, Qt::AlignTop);
}

void ProblemRow::showProblem(const QString &text)
{
    m_label->setText(text);
    show();
}

void ProblemRow::clear()
{
    m_label->clear();
    hide();
}

QString ProblemRow::text() const
{
    return m_label->text();
}

} // namespace gatehouse::ui
