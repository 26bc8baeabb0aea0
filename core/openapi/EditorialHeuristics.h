#pragma once

#include "Spec.h"

#include <QCoreApplication>
#include <QSet>
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

    // compact_schemas: the description tools/list shows: the summary, else the description's
    // first sentence, cut to maxChars.
    static QString briefDescription(const QString &summary, const QString &description,
                                    int maxChars);
    // compact_schemas: the input schema tools/list shows, still a schema for the same arguments.
    // Prose goes except a short first sentence on required parameters whose name and description
    // are not in `recurring` (the same parameter described the same way across the catalog, as
    // GitHub's owner and repo are); titles, examples and other annotations go; objects keep
    // their properties two levels down (one level when the result is still over
    // kListedSchemaBudget bytes) and are plain objects below; enums of more than kMaxListedEnum
    // values, long patterns and length bounds of 1000 or more go; $refs become their
    // definition's type. The full schema is what arguments are checked against and what
    // get_tool_schema answers.
    static nlohmann::json compactSchema(const nlohmann::json &schema,
                                        const QSet<QString> &recurring);
    // The key compactSchema looks up in `recurring`.
    static QString recurringKey(const QString &property, const QString &description);

    static constexpr int kMaxBriefChars = 120;
    static constexpr int kListedSchemaBudget = 2000;
    static constexpr int kMaxListedEnum = 20;
    static constexpr int kMaxListedParameterChars = 80;
};

} // namespace gatehouse::openapi
