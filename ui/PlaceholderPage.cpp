#include "PlaceholderPage.h"

#include "PageTitle.h"

#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse::ui {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &purpose,
                                 const QString &comingNext, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
{
    setAccessibleName(title);

    auto *purposeLabel = new QLabel(purpose, this);
    purposeLabel->setWordWrap(true);
    purposeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    purposeLabel->setObjectName(QStringLiteral("purposeLabel"));

    auto *comingLabel = new QLabel(comingNext, this);
    comingLabel->setWordWrap(true);
    comingLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    comingLabel->setObjectName(QStringLiteral("comingLabel"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(title, this));
    layout->addWidget(purposeLabel);
    layout->addSpacing(PageTitle::sectionSpacing(this));
    layout->addWidget(comingLabel);
    layout->addStretch(1);
}

} // namespace gatehouse::ui
