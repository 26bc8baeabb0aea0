#include "WrappingLabel.h"

namespace gatehouse::ui {

WrappingLabel::WrappingLabel(const QString &objectName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

} // namespace gatehouse::ui
