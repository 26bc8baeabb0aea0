#include "LoginPage.h"

#include <QFile>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace gatehouse::oauth {

QString LoginPage::escape(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\'', u"&#39;"_s);
}

QString LoginPage::describeScope(const QString &scope)
{
    if (scope == u"offline_access"_s)
        return tr("stay connected without signing in again (until you revoke it)");
    const QString action = scope.mid(scope.lastIndexOf(u':') + 1);
    const QString server = scope.left(scope.lastIndexOf(u':'));
    if (action == u"read"_s)
        return tr("read data through %1").arg(server);
    if (action == u"create"_s)
        return tr("create new records through %1").arg(server);
    if (action == u"update"_s)
        return tr("change existing records through %1").arg(server);
    if (action == u"delete"_s)
        return tr("delete records through %1").arg(server);
    return scope;
}

QByteArray LoginPage::fill(const QString &title, const QString &heading, const QString &problem,
                           const QString &body)
{
    QFile file(u":/oauth/authorize.html"_s);
    QString page = file.open(QIODevice::ReadOnly)
                       ? QString::fromUtf8(file.readAll())
                       : u"<!DOCTYPE html><title>{{title}}</title><h1>{{heading}}</h1>"
                         "{{problem}}{{body}}"_s;
    const QString language = QLocale().name().section(u'_', 0, 0);
    page.replace(u"{{lang}}"_s, escape(language.isEmpty() ? u"en"_s : language));
    page.replace(u"{{title}}"_s, escape(title));
    page.replace(u"{{heading}}"_s, escape(heading));
    page.replace(u"{{problem}}"_s, problem.isEmpty() ? QString()
                                                     : u"<p class=\"problem\" role=\"alert\">"_s +
                                                           escape(problem) + u"</p>"_s);
    page.replace(u"{{body}}"_s, body);
    return page.toUtf8();
}

QByteArray LoginPage::render(const Content &c)
{
    QString body;
    const QString where = c.server.isEmpty() ? tr("the MCP servers of this gateway")
                                             : tr("the MCP server %1").arg(c.server);
    body +=
        u"<p>"_s +
        tr("%1 wants to use %2 on your behalf.")
            .arg(u"<span class=\"who\">"_s + escape(c.clientName) + u"</span>"_s, escape(where)) +
        u"</p>"_s;
    QStringList listed;
    for (const QString &scope : c.scopes)
        listed << u"<li>"_s + escape(describeScope(scope)) + u"</li>"_s;
    // No server scope: the token is not narrowed (TokenService::verify), so say so.
    if (std::none_of(c.scopes.cbegin(), c.scopes.cend(),
                     [](const QString &s) { return s != u"offline_access"_s; }))
        listed.prepend(u"<li>"_s + escape(tr("everything your permissions allow")) + u"</li>"_s);
    body +=
        u"<p>"_s + escape(tr("It asks to:")) + u"</p><ul>"_s + listed.join(QString()) + u"</ul>"_s;
    if (!c.nameVerified)
        body += u"<p class=\"note\">"_s +
                escape(tr("The application chose the name %1 itself; Gatehouse has not "
                          "verified it. Allow only if you started this sign-in.")
                           .arg(c.clientName)) +
                u"</p>"_s;
    body += u"<p class=\"note\">"_s +
            escape(tr("After you decide, you go back to %1. Client id: %2")
                       .arg(c.redirectHost, c.clientId.left(120))) +
            u"</p>"_s;
    body += u"<form method=\"post\" action=\"authorize\">"_s;
    body += u"<input type=\"hidden\" name=\"request\" value=\""_s + escape(c.requestHandle) +
            u"\"><input type=\"hidden\" name=\"csrf\" value=\""_s + escape(c.csrf) + u"\">"_s;
    if (c.signedInAs.isEmpty()) {
        body += u"<label for=\"username\">"_s + escape(tr("User name")) +
                u"</label><input type=\"text\" id=\"username\" name=\"username\" "
                "autocomplete=\"username\" autocapitalize=\"none\" required value=\""_s +
                escape(c.userName) + u"\"><label for=\"password\">"_s + escape(tr("Password")) +
                u"</label><input type=\"password\" id=\"password\" name=\"password\" "
                "autocomplete=\"current-password\" required>"_s;
    } else {
        body += u"<p>"_s + escape(tr("Signed in as %1.").arg(c.signedInAs)) + u"</p>"_s;
    }
    body += u"<div class=\"buttons\"><button type=\"submit\" name=\"decision\" value=\"deny\" "
            "formnovalidate>"_s +
            escape(tr("Deny")) +
            u"</button><button class=\"allow\" type=\"submit\" name=\"decision\" "
            "value=\"allow\">"_s +
            escape(c.signedInAs.isEmpty() ? tr("Sign in and allow") : tr("Allow")) +
            u"</button></div></form>"_s;
    return fill(tr("Allow access? - Gatehouse"),
                c.signedInAs.isEmpty() ? tr("Sign in to Gatehouse") : tr("Allow access?"),
                c.problem, body);
}

QByteArray LoginPage::message(const QString &heading, const QString &text)
{
    return fill(heading + u" - Gatehouse"_s, heading, text,
                u"<p class=\"note\">"_s +
                    escape(tr("Close this page and start again from your application.")) +
                    u"</p>"_s);
}

} // namespace gatehouse::oauth
