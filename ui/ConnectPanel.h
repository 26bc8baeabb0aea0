#pragma once

#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace gatehouse::ui {

// "Connect a client": pick an MCP client program and one of the gateway's servers, and get the
// settings to paste into that program, with this gateway's MCP URL and a Copy button.
class ConnectPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectPanel(QWidget *parent = nullptr);

    void setServers(const QStringList &servers);
    void setBaseUrl(const QUrl &baseUrl);
    // The PEM certificate an https gateway presents (empty: none of its own).
    void setCertificateFile(const QString &certificateFile);
    // The settings shown now (empty without a server).
    QString snippet() const;

    QComboBox *programChoice() const { return m_program; }
    QComboBox *serverChoice() const { return m_server; }

private:
    void update();

    QUrl m_baseUrl;
    QString m_certificateFile;
    QComboBox *m_program = nullptr;
    QComboBox *m_server = nullptr;
    QLabel *m_url = nullptr;
    QLabel *m_where = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace gatehouse::ui
