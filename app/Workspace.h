#pragma once

#include "Result.h"
#include "store/Database.h"

#include <QString>

#include <memory>

namespace gatehouse::app {

// The data directory and the store in it, as every command and the GUI find them:
// `--data DIR`, else the config file's gateway.data_dir, else the user's data directory.
class Workspace
{
public:
    static QString defaultDataDir();
    static QString databaseFileName() { return QStringLiteral("gatehouse.db"); }

    // Creates the directory (private to the user) if needed, opens the database and brings its
    // schema up to date.
    static Result<std::unique_ptr<Workspace>> open(const QString &dataDir);

    const QString &dataDir() const { return m_dataDir; }
    store::Database &database() { return *m_database; }

private:
    Workspace(QString dataDir, std::unique_ptr<store::Database> database);

    QString m_dataDir;
    std::unique_ptr<store::Database> m_database;
};

} // namespace gatehouse::app
