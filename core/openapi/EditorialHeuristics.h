#pragma once

#include "Spec.h"

#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>

namespace gatehouse::openapi {

// The text and parameter rules behind the editorial heuristics (HeuristicOptions). Each
// classifier returns the human reason recorded in an EditorialNote, or an empty string when the
// rule does not apply.
class EditorialHeuristics
{
    Q_DECLARE_TR_FUNCTIONS(EditorialHeuristics)

public:
    // Runs of whitespace (newlines included) become one space; the ends are trimmed.
    static QString collapseWhitespace(QStringView text);
    // Markdown links [text](url) and images ![alt](url) reduced to their text.
    static QString stripMarkdownLinks(const QString &text);
    // text when it fits in maxChars; else cut at the last sentence end in the second half of the
    // allowance, or else at the last word boundary, and marked with "…" (counted in maxChars).
    static QString cut(const QString &text, int maxChars);

    // hide_pagination: why an optional query parameter (or body property, for `expand`) with this
    // name and schema is hidden, or empty when it stays. Page sizes and output formatting are
    // hidden; positions (page, cursor, offset, starting_after) are not.
    static QString paginationReason(const QString &name, const nlohmann::json &schema);

    struct CutCount
    {
        int cut = 0;     // descriptions shortened
        int longest = 0; // the longest original length among them
    };
    // cut_descriptions inside a schema: every `description` (nested ones and $defs too) has its
    // links reduced and is cut to maxChars. Returns what was cut.
    static CutCount cutSchemaDescriptions(nlohmann::json &schema, int maxChars);
};

} // namespace gatehouse::openapi
