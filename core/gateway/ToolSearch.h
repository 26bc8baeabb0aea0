#pragma once

#include "openapi/Tool.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace gatehouse::gateway {

// Keyword search over a catalog's tools for the search discovery mode: each query term is matched
// against the tool's name, title, resource and tags, and description, weighted in that order and
// by how rare the term is in the catalog (a TF-IDF flavour that needs no model and no network).
class ToolSearch
{
public:
    struct Hit
    {
        qsizetype index = -1; // into ToolCatalog::tools
        double score = 0;
    };

    explicit ToolSearch(const openapi::ToolCatalog &catalog);

    // Best first, ties in catalog order; only tools `visible` accepts (all when empty).
    // `catalog` is the one this index was built from.
    QList<Hit> search(const openapi::ToolCatalog &catalog, const QString &query, int limit,
                      const std::function<bool(const openapi::Tool &)> &visible = {}) const;

    // Lower-case words of text, split at non-letters and camelCase humps, with stop words
    // dropped and plurals reduced (repositories -> repository, invoices -> invoice).
    static QStringList terms(const QString &text);

private:
    struct Entry
    {
        QStringList name;
        QStringList title;
        QStringList labels; // resource, tags, action
        QStringList description;
    };
    double weight(const QString &term, const Entry &entry) const;

    QList<Entry> m_entries;
    QHash<QString, int> m_documentFrequency;
};

} // namespace gatehouse::gateway
