#include "Workspace.h"

#include "store/Migrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace gatehouse::app {

QString Workspace::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Workspace::Workspace(QString dataDir, std::unique_ptr<store::Database> database)
    : m_dataDir(std::move(dataDir))
    , m_database(std::move(database))
{}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &dataDir)
{
    const QString dir = QDir(dataDir).absolutePath();
    if (!QDir().mkpath(dir))
        return Error(ErrorCode::Io, QCoreApplication::translate(
                                        "Workspace", "cannot create the data directory %1: check "
                                                     "its parent's permissions or pass --data DIR")
                                        .arg(dir));
    // The store holds password hashes and, later, encrypted credentials: keep it private.
    QFile::setPermissions(dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    store::DatabaseOptions options;
    options.sqlitePath = QDir(dir).filePath(databaseFileName());
    auto database = store::Database::open(options);
    if (!database)
        return database.error();
    store::Migrator migrator(**database);
    if (Status migrated = migrator.migrate(); !migrated)
        return migrated.error();
    return std::unique_ptr<Workspace>(new Workspace(dir, std::move(*database)));
}

} // namespace gatehouse::app
