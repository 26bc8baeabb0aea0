#include "PermissionMatrixView.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>

namespace gatehouse::ui {

PermissionMatrixView::PermissionMatrixView(QWidget *parent)
    : QTableView(parent)
{
    setSelectionMode(QAbstractItemView::NoSelection); // the cell colours stay visible
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTabKeyNavigation(false);
    setMouseTracking(true);
    setCornerButtonEnabled(false);
    connect(this, &QAbstractItemView::clicked, this, &PermissionMatrixView::cycleRequested);
    // Group labels in the header span columns and stay in view while scrolling: repaint rather
    // than let the header shift its old pixels.
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { horizontalHeader()->viewport()->update(); });
}

int PermissionMatrixView::heightFor(int rows) const
{
    int height = horizontalHeader()->sizeHint().height() + 2 * frameWidth();
    if (needsHorizontalScrolling())
        height += horizontalScrollBar()->sizeHint().height();
    const int count = model() ? model()->rowCount() : 0;
    for (int row = 0; row < qMin(rows, count); ++row)
        height += qMax(sizeHintForRow(row), verticalHeader()->sectionSizeHint(row));
    if (rows > count)
        height += (rows - count) * verticalHeader()->defaultSectionSize();
    return height;
}

bool PermissionMatrixView::needsHorizontalScrolling() const
{
    return horizontalHeader()->length() + verticalHeader()->sizeHint().width() + 2 * frameWidth() +
               verticalScrollBar()->sizeHint().width() >
           width();
}

void PermissionMatrixView::resizeEvent(QResizeEvent *event)
{
    const bool before = m_scrolls;
    QTableView::resizeEvent(event);
    m_scrolls = needsHorizontalScrolling();
    if (m_scrolls != before)
        updateGeometry();
}

QSize PermissionMatrixView::sizeHint() const
{
    QSize hint = QTableView::sizeHint();
    hint.setHeight(heightFor(model() ? model()->rowCount() : 0));
    return hint;
}

QSize PermissionMatrixView::minimumSizeHint() const
{
    constexpr int rowsAlwaysShown = 3;
    QSize hint = QTableView::minimumSizeHint();
    hint.setHeight(heightFor(rowsAlwaysShown));
    return hint;
}

void PermissionMatrixView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier) {
        if (const QModelIndex current = currentIndex(); current.isValid()) {
            Q_EMIT cycleRequested(current);
            event->accept();
            return;
        }
    }
    QTableView::keyPressEvent(event);
}

} // namespace gatehouse::ui
