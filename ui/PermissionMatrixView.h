#pragma once

#include <QTableView>

namespace gatehouse::ui {

// The matrix table: a click or the space bar on a cell asks to cycle it; arrow keys move between
// cells, Tab leaves the table.
class PermissionMatrixView : public QTableView
{
    Q_OBJECT
public:
    explicit PermissionMatrixView(QWidget *parent = nullptr);

    // As tall as the header and every row, so that a short matrix does not leave an empty box.
    QSize sizeHint() const override;
    // The header and a few rows; more scroll.
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void cycleRequested(const QModelIndex &index);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    int heightFor(int rows) const;
    bool needsHorizontalScrolling() const;

    bool m_scrolls = true;
};

} // namespace gatehouse::ui
