#include "Translations.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace gatehouse::ui {

Translations::Translations(QCoreApplication &app)
    : m_app(app)
{}

Translations::~Translations()
{
    remove();
}

bool Translations::install(const QLocale &locale)
{
    remove();
    // Picks the best match from the locale's UI languages: gatehouse_de_AT.qm, gatehouse_de.qm...
    if (m_gatehouse.load(locale, QStringLiteral("gatehouse"), QStringLiteral("_"),
                         QStringLiteral(":/i18n"))) {
        m_gatehouseInstalled = m_app.installTranslator(&m_gatehouse);
    }
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        m_qtInstalled = m_app.installTranslator(&m_qt);
    }
    qCDebug(lcUi) << "translations for" << locale.name() << "gatehouse:" << m_gatehouseInstalled
                  << "qtbase:" << m_qtInstalled;
    return m_gatehouseInstalled;
}

void Translations::remove()
{
    if (m_gatehouseInstalled)
        m_app.removeTranslator(&m_gatehouse);
    if (m_qtInstalled)
        m_app.removeTranslator(&m_qt);
    m_gatehouseInstalled = false;
    m_qtInstalled = false;
}

} // namespace gatehouse::ui
