#include "BusyRow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace gatehouse::ui {

BusyRow::BusyRow(const QString &text, const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
{
    auto *progress = new QProgressBar(this);
    progress->setRange(0, 0);
    progress->setAccessibleName(accessibleName);
    progress->setTextVisible(false);
    progress->setMaximumWidth(fontMetrics().averageCharWidth() * 24);
    m_text = new QLabel(text, this);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(progress);
    row->addWidget(m_text, 1);
    hide();
}

void BusyRow::setText(const QString &text)
{
    m_text->setText(text);
}

} // namespace gatehouse::ui
