#pragma once

#include <QLabel>

namespace gatehouse::ui {

// A one-line label that shortens its text with "…" when space is short instead of widening the
// window; text() and the tooltip keep the whole text. For the status bar, where an error reason can
// be a long sentence.
class ElidingLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace gatehouse::ui
