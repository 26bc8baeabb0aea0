#pragma once

#include "Result.h"
#include "Spec.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <functional>

namespace gatehouse::openapi {

struct SpecLoadOptions
{
    // The owner's base_url: replaces the document's servers when set.
    QString baseUrlOverride;
    // Remote (http/https) `$ref`s, and relative ones inside a document that came from a URL:
    // fetched through `fetch` only when the owner allows them; refused with a message otherwise.
    // Other schemes (file:, ftp:, ...) are always refused.
    bool allowNetworkRefs = false;
    // Fetches a document by URL (the spec itself for loadUrl(), remote `$ref`s). The caller
    // decides the address policy, size and time bounds; the loader still checks the size.
    std::function<Result<QByteArray>(const QUrl &url)> fetch;
    // Normalise response schemas too. The gateway needs only the responses' media types; on
    // Stripe's spec, inlining the response schemas was 13 of its 13.3 s of loading. Off, each
    // SpecMediaType of a response has a null schema.
    bool responseSchemas = true;
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
    // The spec at url, fetched with options.fetch; its relative `$ref`s resolve against url and
    // are remote references.
    Result<Spec> loadUrl(const QUrl &url) const;
    // A document already fetched from url (the caller fetched it): as loadUrl().
    Result<Spec> loadFetched(const QByteArray &data, const QUrl &url) const;

private:
    SpecLoadOptions m_options;
};

} // namespace gatehouse::openapi
