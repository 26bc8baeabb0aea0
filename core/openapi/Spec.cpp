#include "Spec.h"

#include "OperationLookup.h"

namespace gatehouse::openapi {

QString SpecServer::resolvedUrl(const QHash<QString, QString> &values) const
{
    QString out = url;
    for (const ServerVariable &variable : variables) {
        const QString value = values.value(variable.name, variable.defaultValue);
        out.replace(u'{' + variable.name + u'}', value);
    }
    return out;
}

QString parameterLocationName(ParameterLocation location)
{
    switch (location) {
    case ParameterLocation::Path:
        return QStringLiteral("path");
    case ParameterLocation::Query:
        return QStringLiteral("query");
    case ParameterLocation::Header:
        return QStringLiteral("header");
    case ParameterLocation::Cookie:
        return QStringLiteral("cookie");
    }
    return {};
}

QString parameterStyleName(ParameterStyle style)
{
    switch (style) {
    case ParameterStyle::Form:
        return QStringLiteral("form");
    case ParameterStyle::Simple:
        return QStringLiteral("simple");
    case ParameterStyle::Matrix:
        return QStringLiteral("matrix");
    case ParameterStyle::Label:
        return QStringLiteral("label");
    case ParameterStyle::SpaceDelimited:
        return QStringLiteral("spaceDelimited");
    case ParameterStyle::PipeDelimited:
        return QStringLiteral("pipeDelimited");
    case ParameterStyle::DeepObject:
        return QStringLiteral("deepObject");
    }
    return {};
}

const SpecMediaType *SpecRequestBody::find(QStringView contentType) const
{
    for (const SpecMediaType &media : content) {
        if (media.contentType.compare(contentType, Qt::CaseInsensitive) == 0)
            return &media;
    }
    return nullptr;
}

QString Spec::baseUrl() const
{
    if (m_servers.isEmpty())
        return {};
    return m_servers.first().resolvedUrl();
}

QString Spec::baseUrlFor(const SpecOperation &operation) const
{
    if (!m_baseUrlOverridden && !operation.servers.isEmpty())
        return operation.servers.first().resolvedUrl();
    return baseUrl();
}

const SpecOperation *Spec::find(QStringView operationIdOrKey) const
{
    return findOperation(m_operations, operationIdOrKey);
}

} // namespace gatehouse::openapi
