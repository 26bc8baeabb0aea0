#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace gatehouse {

// The one error model of core: a machine code for programs and a sentence for people that says
// what was wrong, where, and what to do. No exception crosses a module boundary.
enum class ErrorCode
{
    InvalidArgument,  // the caller passed something malformed
    NotFound,         // the named entity does not exist
    AlreadyExists,    // a unique name is taken
    Conflict,         // the operation contradicts current state
    Validation,       // input parsed but breaks a rule (config, spec)
    Parse,            // input could not be parsed
    Io,               // file system or network failure
    Database,         // the store failed
    Unavailable,      // a dependency (keychain, upstream) cannot be reached
    PermissionDenied, // the caller may not do this
    Internal,         // a bug: an invariant did not hold
};

QString errorCodeName(ErrorCode code);

class Error
{
public:
    Error(ErrorCode code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    {}

    ErrorCode code() const { return m_code; }
    const QString &message() const { return m_message; }

    // Prefixes context, e.g. Error(...).withContext("import billing.yaml") -> "import billing.yaml:
    // ..."
    Error withContext(const QString &context) const
    {
        return Error(m_code, context + QStringLiteral(": ") + m_message);
    }

private:
    ErrorCode m_code;
    QString m_message;
};

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    // By value, so `for (auto &x : repo.list().value())` does not dangle.
    T value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error{ErrorCode::Internal, QString()};
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace gatehouse
