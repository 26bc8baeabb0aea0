#include "ProtocolVersion.h"

namespace gatehouse::mcp {

const QString ProtocolVersion::V2025_11_25 = QStringLiteral("2025-11-25");
const QString ProtocolVersion::V2025_06_18 = QStringLiteral("2025-06-18");
const QString ProtocolVersion::V2025_03_26 = QStringLiteral("2025-03-26");

QStringList ProtocolVersion::supported()
{
    return {V2025_11_25, V2025_06_18, V2025_03_26};
}

bool ProtocolVersion::isSupported(const QString &version)
{
    return version == V2025_11_25 || version == V2025_06_18 || version == V2025_03_26;
}

QString ProtocolVersion::negotiate(const QString &requested)
{
    return isSupported(requested) ? requested : latest();
}

Result<QString> ProtocolVersion::resolve(const std::optional<QString> &header,
                                         const std::optional<QString> &sessionVersion)
{
    if (!header) {
        if (sessionVersion && isSupported(*sessionVersion))
            return *sessionVersion;
        return V2025_03_26;
    }
    const QString value = header->trimmed();
    if (!isSupported(value))
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("unsupported MCP-Protocol-Version \"%1\"; supported: %2")
                         .arg(value.left(64), supported().join(QStringLiteral(", "))));
    return value;
}

bool ProtocolVersion::supports(const QString &version, Feature feature)
{
    // The revisions are dates, so they order as strings.
    switch (feature) {
    case Feature::Batching:
        return version == V2025_03_26;
    case Feature::ProtocolVersionHeader:
    case Feature::ToolTitle:
        return version >= V2025_06_18;
    case Feature::Icons:
        return version >= V2025_11_25;
    }
    return false;
}

} // namespace gatehouse::mcp
