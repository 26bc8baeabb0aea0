#include "WelcomePage.h"

#include "PageTitle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
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

    QLabel *howTo = paragraph(tr("Start by adding a server: import the OpenAPI spec of an API you "
                                 "use, from a file or an https:// address. You see the tools it "
                                 "would offer before anything is saved."),
                              this);

    auto *importButton = new QPushButton(tr("&Import an OpenAPI spec…"), this);
    importButton->setObjectName(QStringLiteral("welcomeImport"));
    importButton->setAccessibleName(tr("Import an OpenAPI spec"));
    importButton->setDefault(true);
    connect(importButton, &QPushButton::clicked, this, &WelcomePage::importRequested);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(importButton);
    buttonRow->addStretch(1);

    QLabel *next = paragraph(tr("What happens next: the gateway serves the server at its own MCP "
                                "address right away. Switch off or rename the tools you do not "
                                "want here, then decide on the Permissions page who may call "
                                "them: clients can call a tool only when a role allows it."),
                             this);
    next->setObjectName(QStringLiteral("nextSteps"));

    QLabel *command = paragraph(tr("Prefer the command line? gatehouse import FILE reads a whole "
                                   "configuration file."),
                                this);
    command->setObjectName(QStringLiteral("importCommand"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(PageTitle::sectionSpacing(this));
    layout->addWidget(howTo);
    layout->addLayout(buttonRow);
    layout->addSpacing(PageTitle::sectionSpacing(this));
    layout->addWidget(next);
    layout->addWidget(command);
    layout->addStretch(1);
}

} // namespace gatehouse::ui
