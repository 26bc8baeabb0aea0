#include "WelcomePage.h"

#include "PageTitle.h"

#include <QFontDatabase>
#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {
QLabel *paragraph(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Servers & tools"));

    auto *title = new PageTitle(tr("Welcome to Gatehouse"), this);

    QLabel *intro = paragraph(
        tr("Gatehouse gives AI assistants one address for your APIs. You decide which tools they "
           "see, who may call them and how often."),
        this);

    QLabel *howTo = paragraph(tr("Start by adding a server. Importing an OpenAPI spec from a file "
                                 "or URL right here arrives in a coming release. Today, import a "
                                 "configuration file on the command line:"),
                              this);

    auto *command = new QLabel(QStringLiteral("gatehouse import FILE"), this);
    command->setObjectName(QStringLiteral("importCommand"));
    command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    command->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    command->setFocusPolicy(Qt::StrongFocus);
    command->setAccessibleName(tr("Import command"));
    command->setAccessibleDescription(tr("Run this in a terminal, with the path of your "
                                         "configuration file in place of FILE."));

    QLabel *next = paragraph(tr("What happens next: the gateway serves each server of the file at "
                                "its own MCP address, and clients can call a tool only when a role "
                                "allows it. The editors on these pages arrive in coming releases."),
                             this);
    next->setObjectName(QStringLiteral("nextSteps"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(PageTitle::sectionSpacing(this));
    layout->addWidget(howTo);
    layout->addWidget(command);
    layout->addSpacing(PageTitle::sectionSpacing(this));
    layout->addWidget(next);
    layout->addStretch(1);
}

} // namespace gatehouse::ui
