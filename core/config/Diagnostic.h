#pragma once

#include <QList>
#include <QString>

namespace gatehouse::config {

// One finding about a configuration file, printed as
//   config.yaml:41 servers[0].tools.overrides.createInvoice.cost: expected a number, got "abc"
// `file` is the name the caller gave (loadFile's path or loadString's display name).
struct Diagnostic
{
    enum class Severity
    {
        Error,
        Warning,
    };

    Severity severity = Severity::Error;
    QString file;
    int line = 0; // 1-based; 0 when the finding has no line (e.g. the file cannot be read)
    QString path; // key path, e.g. servers[0].credential; empty for the whole file
    QString message;

    bool isError() const { return severity == Severity::Error; }
    // "file:line path: message"; ":line" and " path" are left out when unknown.
    QString toString() const;
    bool operator==(const Diagnostic &) const = default;
};

bool hasErrors(const QList<Diagnostic> &diagnostics);

} // namespace gatehouse::config
