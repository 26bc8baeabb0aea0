#include "ToolSearch.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace gatehouse::gateway {

namespace {

bool isStopWord(const QString &word)
{
    static const QSet<QString> words = {
        QStringLiteral("a"),    QStringLiteral("an"),   QStringLiteral("the"),
        QStringLiteral("of"),   QStringLiteral("to"),   QStringLiteral("for"),
        QStringLiteral("in"),   QStringLiteral("on"),   QStringLiteral("and"),
        QStringLiteral("or"),   QStringLiteral("by"),   QStringLiteral("with"),
        QStringLiteral("from"), QStringLiteral("is"),   QStringLiteral("are"),
        QStringLiteral("be"),   QStringLiteral("this"), QStringLiteral("that"),
        QStringLiteral("it"),   QStringLiteral("as"),   QStringLiteral("at"),
        QStringLiteral("my"),   QStringLiteral("your"), QStringLiteral("all"),
    };
    return words.contains(word);
}

QString stem(QString word)
{
    if (word.size() > 4 && word.endsWith(QLatin1String("ies")))
        return word.chopped(3) + u'y';
    if (word.size() > 4 &&
        (word.endsWith(QLatin1String("ses")) || word.endsWith(QLatin1String("xes")) ||
         word.endsWith(QLatin1String("ches")) || word.endsWith(QLatin1String("shes"))))
        return word.chopped(2);
    if (word.size() > 3 && word.endsWith(u's') && !word.endsWith(QLatin1String("ss")) &&
        !word.endsWith(QLatin1String("us")))
        return word.chopped(1);
    return word;
}

// Query and document terms match exactly, or one is a prefix of the other when both are long
// enough to mean something ("repo" finds "repository", "invoice" finds "invoices_list").
double matchStrength(const QString &queryTerm, const QStringList &field)
{
    double best = 0;
    for (const QString &word : field) {
        if (word == queryTerm)
            return 1.0;
        const QString &shorter = word.size() < queryTerm.size() ? word : queryTerm;
        const QString &longer = word.size() < queryTerm.size() ? queryTerm : word;
        if (shorter.size() >= 4 && longer.startsWith(shorter))
            best = std::max(best, 0.6);
    }
    return best;
}

// The share of field's words that some query term matches.
double coverage(const QStringList &queryTerms, const QStringList &field)
{
    if (field.isEmpty())
        return 0;
    double covered = 0;
    for (const QString &word : field) {
        double best = 0;
        for (const QString &term : queryTerms)
            best = std::max(best, matchStrength(term, QStringList{word}));
        covered += best;
    }
    return covered / double(field.size());
}

} // namespace

QStringList ToolSearch::terms(const QString &text)
{
    QStringList out;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty()) {
            const QString lower = word.toLower();
            if (!isStopWord(lower))
                out << stem(lower);
            word.clear();
        }
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!c.isLetterOrNumber()) {
            flush();
            continue;
        }
        // camelCase hump: a capital after a lower-case letter starts a word
        if (c.isUpper() && !word.isEmpty() && word.back().isLower())
            flush();
        word += c;
    }
    flush();
    return out;
}

ToolSearch::ToolSearch(const openapi::ToolCatalog &catalog)
{
    m_entries.reserve(catalog.tools.size());
    for (const openapi::Tool &tool : catalog.tools) {
        Entry entry;
        entry.name = terms(tool.name);
        entry.title = terms(tool.title);
        entry.labels = terms(tool.resource + u' ' + tool.tags.join(u' ') + u' ' +
                             openapi::toolActionName(tool.action));
        entry.description = terms(tool.description);
        QSet<QString> seen;
        for (const QStringList *field :
             {&entry.name, &entry.title, &entry.labels, &entry.description})
            for (const QString &term : *field)
                seen.insert(term);
        for (const QString &term : std::as_const(seen))
            ++m_documentFrequency[term];
        m_entries.append(std::move(entry));
    }
}

double ToolSearch::weight(const QString &term, const Entry &entry) const
{
    const double strength = std::max(
        {3.0 * matchStrength(term, entry.name), 2.5 * matchStrength(term, entry.title),
         1.5 * matchStrength(term, entry.labels), 1.0 * matchStrength(term, entry.description)});
    if (strength == 0)
        return 0;
    // Rare terms count more; a term no tool has exactly still counts through prefix matches.
    const double n = double(m_entries.size());
    const double df = double(m_documentFrequency.value(term, 0));
    return strength * std::log(1.0 + n / (1.0 + df));
}

QList<ToolSearch::Hit>
ToolSearch::search(const openapi::ToolCatalog &catalog, const QString &query, int limit,
                   const std::function<bool(const openapi::Tool &)> &visible) const
{
    QStringList queryTerms = terms(query);
    queryTerms.removeDuplicates();
    QList<Hit> hits;
    if (queryTerms.isEmpty() || limit <= 0)
        return hits;
    for (qsizetype i = 0; i < m_entries.size() && i < catalog.tools.size(); ++i) {
        double score = 0;
        int matched = 0;
        for (const QString &term : std::as_const(queryTerms)) {
            const double w = weight(term, m_entries.at(i));
            score += w;
            matched += w > 0 ? 1 : 0;
        }
        if (score <= 0)
            continue;
        // Tools that match every term rank above tools that match one term very well, and a
        // tool whose name or title the query covers ranks above one where the query's terms are
        // a small part ("get a repository": repos_get before
        // code_security_get_repositories_for_configuration).
        score *= double(matched) / double(queryTerms.size());
        const Entry &entry = m_entries.at(i);
        score *= 0.5 + 0.5 * std::max(coverage(queryTerms, entry.name),
                                      coverage(queryTerms, entry.title));
        if (visible && !visible(catalog.tools.at(i)))
            continue;
        hits.append(Hit{i, score});
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const Hit &a, const Hit &b) { return a.score > b.score; });
    if (hits.size() > limit)
        hits.resize(limit);
    return hits;
}

} // namespace gatehouse::gateway
