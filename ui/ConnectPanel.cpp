#include "ConnectPanel.h"

#include "WrappingLabel.h"
#include "oauth/ConnectSnippet.h"
#include "oauth/TokenService.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

using oauth::ConnectSnippet;

ConnectPanel::ConnectPanel(QWidget *parent)
    : QWidget(parent)
{
    m_program = new QComboBox(this);
    m_program->setObjectName(QStringLiteral("connectProgram"));
    m_program->setAccessibleName(tr("Client program"));
    for (ConnectSnippet::Program program : ConnectSnippet::programs())
        m_program->addItem(ConnectSnippet::programName(program), int(program));
    m_server = new QComboBox(this);
    m_server->setObjectName(QStringLiteral("connectServer"));
    m_server->setAccessibleName(tr("Server"));
    m_url = new WrappingLabel(QStringLiteral("connectUrl"), this);
    m_url->setAccessibleName(tr("MCP URL"));

    auto *choices = new QFormLayout;
    choices->addRow(tr("&Program:"), m_program);
    choices->addRow(tr("&Server:"), m_server);
    choices->addRow(tr("MCP URL:"), m_url);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("connectSnippet"));
    m_text->setAccessibleName(tr("Settings to paste"));
    m_text->setReadOnly(true);
    m_text->setTabChangesFocus(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy = new QPushButton(QIcon(QStringLiteral(":/icons/copy.svg")), tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("connectCopy"));
    m_copy->setAccessibleName(tr("Copy the settings"));
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_text->toPlainText());
        m_copy->setText(tr("Copied"));
    });
    m_where = new WrappingLabel(QStringLiteral("connectWhere"), this);

    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(m_where, 1);
    copyRow->addWidget(m_copy, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choices);
    layout->addWidget(m_text, 1);
    layout->addLayout(copyRow);

    connect(m_program, &QComboBox::currentIndexChanged, this, &ConnectPanel::update);
    connect(m_server, &QComboBox::currentIndexChanged, this, &ConnectPanel::update);
    update();
}

void ConnectPanel::setServers(const QStringList &servers)
{
    const QString current = m_server->currentText();
    QStringList present;
    for (int i = 0; i < m_server->count(); ++i)
        present << m_server->itemText(i);
    if (present == servers)
        return;
    {
        const QSignalBlocker blocker(m_server);
        m_server->clear();
        m_server->addItems(servers);
        m_server->setCurrentIndex(qMax(0, servers.indexOf(current)));
    }
    update();
}

void ConnectPanel::setBaseUrl(const QUrl &baseUrl)
{
    if (baseUrl == m_baseUrl)
        return;
    m_baseUrl = baseUrl;
    update();
}

void ConnectPanel::setCertificateFile(const QString &certificateFile)
{
    if (certificateFile == m_certificateFile)
        return;
    m_certificateFile = certificateFile;
    update();
}

QString ConnectPanel::snippet() const
{
    return m_server->count() > 0 ? m_text->toPlainText() : QString();
}

void ConnectPanel::update()
{
    m_copy->setText(tr("&Copy"));
    const QString server = m_server->currentText();
    if (server.isEmpty() || m_baseUrl.isEmpty()) {
        m_url->setText(tr("—"));
        m_text->setPlainText(QString());
        m_where->setText(tr("No servers yet: import an API on the Servers & tools page, then "
                            "come back here for the settings."));
        m_copy->setEnabled(false);
        return;
    }
    const QString url = oauth::TokenService::resourceUrl(m_baseUrl, server);
    m_url->setText(url);
    const auto program = ConnectSnippet::Program(m_program->currentData().toInt());
    const ConnectSnippet::Snippet s =
        ConnectSnippet::snippet(program, server, url, m_certificateFile);
    m_text->setPlainText(s.text);
    m_where->setText(s.where);
    m_copy->setEnabled(true);
}

} // namespace gatehouse::ui
