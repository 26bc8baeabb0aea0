#include "DataTable.h"

#include <QHeaderView>
#include <QStyle>

namespace gatehouse::ui {

DataTable::DataTable(QWidget *parent, const QString &objectName, const QString &accessibleName,
                     QAbstractItemModel *model)
    : QTableView(parent)
{
    setObjectName(objectName);
    setAccessibleName(accessibleName);
    if (model)
        setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTabKeyNavigation(false);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setHighlightSections(false);
    // One line of text with the style's focus margins: more rows in view than the default.
    verticalHeader()->setDefaultSectionSize(
        fontMetrics().height() +
        2 * style()->pixelMetric(QStyle::PM_FocusFrameVMargin, nullptr, this) + 4);
}

} // namespace gatehouse::ui
