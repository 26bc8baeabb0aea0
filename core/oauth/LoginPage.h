#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gatehouse::oauth {

// The HTML a person sees at /oauth/authorize: sign in and approve (or deny) a client's request,
// or a page that says why the request cannot go on. Every value is escaped; the layout is the
// resource :/oauth/authorize.html.
class LoginPage
{
    Q_DECLARE_TR_FUNCTIONS(LoginPage)

public:
    struct Content
    {
        QString clientName;
        QString clientId;
        QString redirectHost;
        bool nameVerified = false; // issued by the owner; otherwise the client named itself
        QString server;            // empty: every server the user may use
        QStringList scopes;
        QString signedInAs; // empty: the form asks for a user name and password
        QString userName;   // pre-filled after a failed attempt
        QString requestHandle;
        QString csrf;
        QString problem; // shown above the form
    };

    static QByteArray render(const Content &content);
    static QByteArray message(const QString &heading, const QString &text);
    static QString escape(const QString &text);

private:
    static QByteArray fill(const QString &title, const QString &heading, const QString &problem,
                           const QString &body);
    static QString describeScope(const QString &scope);
};

} // namespace gatehouse::oauth
