#pragma once

#include "Result.h"
#include "Spec.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace gatehouse::openapi {

struct SpecLoadOptions
{
    // The owner's base_url: replaces the document's servers when set.
    QString baseUrlOverride;
    // Remote (http/https) `$ref`s. Fetching them is not implemented yet: they are refused
    // either way, with a message saying which.
    bool allowNetworkRefs = false;
    // Bounds on the work a hostile or broken document can cause.
    qint64 maxDocumentBytes = 64 * 1024 * 1024; // per file
    int maxDocumentDepth = 512;                 // nesting of the JSON or YAML document
    int maxDepth = 200;                         // nesting of a schema, $refs inlined
    int maxRefChain = 32;                       // $ref pointing at $ref pointing at ...
    int maxFiles = 64;                          // files reached through relative $refs
    qint64 maxYamlNodes = 5'000'000;            // YAML aliases can multiply a small file
};

// Loads OpenAPI 3.0, 3.1 and Swagger 2.0 documents, JSON or YAML, into a Spec.
//
// A malformed document (not JSON or YAML, not a mapping, no or an unknown version) is an
// error. An operation that cannot be read is skipped and listed in Spec::skipped() with the
// JSON pointer and the reason; the others still load. See Spec for how schemas are normalised.
class SpecLoader
{
    Q_DECLARE_TR_FUNCTIONS(SpecLoader)

public:
    explicit SpecLoader(SpecLoadOptions options = {});

    // Relative-file `$ref`s resolve against the file's directory. displayName names the file
    // in messages (defaults to the file name).
    Result<Spec> loadFile(const QString &path, const QString &displayName = {}) const;
    // baseDir, when given, is where relative-file `$ref`s resolve; without it they are errors.
    Result<Spec> loadData(const QByteArray &data, const QString &displayName,
                          const QString &baseDir = {}) const;

private:
    SpecLoadOptions m_options;
};

} // namespace gatehouse::openapi
