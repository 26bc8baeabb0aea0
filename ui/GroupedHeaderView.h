#pragma once

#include <QHeaderView>

namespace gatehouse::ui {

// A horizontal header in three bands: the server, the resource and the column's own label
// (the action). Neighbouring columns with the same server (and resource) share one label that
// spans them, so the grouping reads at a glance. The model gives the bands through two roles.
class GroupedHeaderView : public QHeaderView
{
    Q_OBJECT
public:
    GroupedHeaderView(int topRole, int middleRole, QWidget *parent = nullptr);

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    QSize sectionSizeFromContents(int logicalIndex) const override;

private:
    int bandHeight() const;
    // The first and last section that share this section's band value(s).
    std::pair<int, int> span(int logicalIndex, int band) const;
    QString bandText(int logicalIndex, int band) const;

    int m_topRole;
    int m_middleRole;
};

} // namespace gatehouse::ui
