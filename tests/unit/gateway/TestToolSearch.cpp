#include "gateway/ToolSearch.h"

#include <QtTest>

using namespace gatehouse;
using gateway::ToolSearch;
using namespace Qt::StringLiterals;

namespace {

openapi::Tool tool(const char *name, const char *title, const char *resource,
                   const char *description = "")
{
    openapi::Tool t;
    t.name = QString::fromUtf8(name);
    t.title = QString::fromUtf8(title);
    t.resource = QString::fromUtf8(resource);
    t.description = QString::fromUtf8(description);
    return t;
}

openapi::ToolCatalog catalog()
{
    openapi::ToolCatalog c;
    c.tools = {
        tool("repos_list_for_org", "List organization repositories", "repos"),
        tool("repos_get", "Get a repository", "repos",
             "The parent and source objects are present when the repository is a fork."),
        tool("repos_get_branch", "Get a branch", "repos"),
        // From GitHub's spec: every query term in its name, but they are a small part of it.
        tool("code_security_get_repositories_for_configuration",
             "Get repositories associated with a code security configuration", "code-security",
             "Lists the repositories associated with a code security configuration in an "
             "organization."),
        tool("issues_create", "Create an issue", "issues",
             "Any user with pull access to a repository can create an issue."),
        tool("post_customers", "Create a customer", "customers"),
        tool("get_customers_customer", "Retrieve a customer", "customers"),
        tool("post_invoices", "Create an invoice", "invoices",
             "This endpoint creates a draft invoice for a given customer."),
    };
    for (qsizetype i = 0; i < c.tools.size(); ++i)
        c.byName.insert(c.tools[i].name, i);
    return c;
}

} // namespace

class TestToolSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void terms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("terms");
        QTest::newRow("snake") << u"repos_get_branch"_s
                               << QStringList{u"repo"_s, u"get"_s, u"branch"_s};
        QTest::newRow("camel") << u"createInvoiceItem"_s
                               << QStringList{u"create"_s, u"invoice"_s, u"item"_s};
        QTest::newRow("stop words")
            << u"Get a repository"_s << QStringList{u"get"_s, u"repository"_s};
        QTest::newRow("plurals") << u"List repositories and invoices"_s
                                 << QStringList{u"list"_s, u"repository"_s, u"invoice"_s};
        QTest::newRow("empty") << u"  -- "_s << QStringList{};
    }
    void terms()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, terms);
        QCOMPARE(ToolSearch::terms(text), terms);
    }

    void ranking_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("best");
        QTest::newRow("get a repository") << u"get a repository"_s << u"repos_get"_s;
        QTest::newRow("create a customer") << u"create a customer"_s << u"post_customers"_s;
        QTest::newRow("retrieve customer") << u"retrieve customer"_s << u"get_customers_customer"_s;
        QTest::newRow("new invoice draft") << u"draft invoice"_s << u"post_invoices"_s;
        QTest::newRow("branch") << u"branch"_s << u"repos_get_branch"_s;
        QTest::newRow("prefix") << u"repo branches"_s << u"repos_get_branch"_s;
    }
    void ranking()
    {
        QFETCH(QString, query);
        QFETCH(QString, best);
        const openapi::ToolCatalog c = catalog();
        const ToolSearch search(c);
        const auto hits = search.search(c, query, 3);
        QVERIFY(!hits.isEmpty());
        QCOMPARE(c.tools.at(hits.first().index).name, best);
    }

    void limitsAndVisibility()
    {
        const openapi::ToolCatalog c = catalog();
        const ToolSearch search(c);
        QCOMPARE(search.search(c, u"create"_s, 1).size(), 1);
        QVERIFY(search.search(c, u"zebra"_s, 5).isEmpty());
        QVERIFY(search.search(c, QString(), 5).isEmpty());
        const auto hidden = search.search(c, u"get a repository"_s, 5, [](const openapi::Tool &t) {
            return t.name != QLatin1String("repos_get");
        });
        for (const auto &hit : hidden)
            QVERIFY(c.tools.at(hit.index).name != QLatin1String("repos_get"));
    }
};

QTEST_GUILESS_MAIN(TestToolSearch)
#include "TestToolSearch.moc"
