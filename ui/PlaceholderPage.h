#pragma once

#include <QWidget>

namespace gatehouse::ui {

// A page whose editor has not been built yet: its title, one sentence saying what the page is for,
// and an honest note that the editor arrives in a coming release.
class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    // purpose: what the page answers; comingNext: which editor arrives here later.
    PlaceholderPage(const QString &title, const QString &purpose, const QString &comingNext,
                    QWidget *parent = nullptr);

    QString title() const { return m_title; }

private:
    QString m_title;
};

} // namespace gatehouse::ui
