#include "Result.h"

namespace gatehouse {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::AlreadyExists:
        return QStringLiteral("already_exists");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::Validation:
        return QStringLiteral("validation");
    case ErrorCode::Parse:
        return QStringLiteral("parse");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::Database:
        return QStringLiteral("database");
    case ErrorCode::Unavailable:
        return QStringLiteral("unavailable");
    case ErrorCode::PermissionDenied:
        return QStringLiteral("permission_denied");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace gatehouse
