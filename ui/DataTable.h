#pragma once

#include <QTableView>

class QAbstractItemModel;

namespace gatehouse::ui {

// The pages' read-only tables: whole rows selected one at a time, no grid editing, Tab leaves the
// table, one line of text per row with the style's focus margins, left-aligned headers.
class DataTable : public QTableView
{
    Q_OBJECT
public:
    DataTable(QWidget *parent, const QString &objectName, const QString &accessibleName,
              QAbstractItemModel *model = nullptr);
};

} // namespace gatehouse::ui
