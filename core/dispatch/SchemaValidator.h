#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <nlohmann/json.hpp>

namespace gatehouse::dispatch {

struct ValidationError
{
    QString path; // instance location as the user knows it: "amount", "items[2].sku"; "" for root
    QString keyword; // "type", "required", ...; "false" for a false schema; "depth", "steps"
                     // or "$ref" when a limit or a reference cycle stopped the check
    QString message; // one human sentence: "expected a number, got a string"

    bool operator==(const ValidationError &) const = default;
};

// Bounds on the work of one validate() call: the arguments come from clients.
struct ValidationLimits
{
    int maxInstanceDepth = 64; // nesting of arrays and objects in the value
    int maxSchemaDepth = 256;  // nested subschema applications, $refs included
    int maxSteps = 200000;     // subschema evaluations (and uniqueItems comparisons) per call
};

// Checks a tool call's arguments against the tool's inputSchema (JSON Schema 2020-12, with the
// draft-7 spellings `definitions`, array-form `items` + `additionalItems` and `dependencies`).
// `format` is an assertion here (date-time, date, time, email, uri, uuid, ipv4, ipv6); other
// formats and unknown keywords are ignored. `$ref` resolves within the schema only: JSON pointers,
// `$id` and `$anchor`; a reference that cannot be resolved and a pattern that does not compile
// constrain nothing and are listed in warnings(). Immutable after construction: one validator
// can serve several threads at once, and copies share their compiled state.
class SchemaValidator
{
    Q_DECLARE_TR_FUNCTIONS(SchemaValidator)

public:
    explicit SchemaValidator(nlohmann::json schema, ValidationLimits limits = {});

    // Errors in document order (object members by name, array items by index; a value's own
    // errors before those of its members), at most maxErrors. Empty: the instance is valid.
    // When a limit stops the check, the one error says which. maxErrors below 1 counts as 1.
    QList<ValidationError> validate(const nlohmann::json &instance, int maxErrors = 8) const;
    // validate(instance).isEmpty(), without composing messages.
    bool isValid(const nlohmann::json &instance) const;

    // Problems of the schema itself found at construction: patterns that do not compile,
    // references that resolve to nothing.
    QStringList warnings() const;
    const nlohmann::json &schema() const;

    // "argument `amount`: expected a number, got a string; argument `x`: ..." for a tool error.
    static QString describe(const QList<ValidationError> &errors);

private:
    struct Compiled;
    class Evaluator;
    std::shared_ptr<const Compiled> m_d;
};

} // namespace gatehouse::dispatch
