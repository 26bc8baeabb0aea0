#pragma once

#include <QLocale>
#include <QTranslator>

class QCoreApplication;

namespace gatehouse::ui {

// Installs Gatehouse's translation for a locale (embedded as :/i18n/gatehouse_<lang>.qm) and Qt's
// own qtbase translation when the Qt installation has one. Holds the translators, so it must live
// as long as the application shows translated text: create it in main() right after the
// application object, before any widget.
class Translations
{
public:
    explicit Translations(QCoreApplication &app);
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    // Replaces what an earlier call installed. Returns true when Gatehouse has a translation for
    // the locale; false means the interface stays in English (the source language), which is also
    // right for English locales.
    bool install(const QLocale &locale);
    void remove();

    bool hasGatehouseTranslation() const { return m_gatehouseInstalled; }
    bool hasQtTranslation() const { return m_qtInstalled; }

private:
    QCoreApplication &m_app;
    QTranslator m_gatehouse;
    QTranslator m_qt;
    bool m_gatehouseInstalled = false;
    bool m_qtInstalled = false;
};

} // namespace gatehouse::ui
