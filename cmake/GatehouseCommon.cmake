# One INTERFACE target carries the language standard, warnings and Qt strictness defines;
# every Gatehouse target links it (the qBittorrent CommonConfig pattern).
add_library(gatehouse_common INTERFACE)
target_compile_features(gatehouse_common INTERFACE cxx_std_20)
target_compile_options(gatehouse_common INTERFACE -Wall -Wextra -Wpedantic)
if(GATEHOUSE_WERROR)
    target_compile_options(gatehouse_common INTERFACE -Werror)
endif()
target_compile_definitions(gatehouse_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
)
# QT_NO_CONTEXTLESS_CONNECT arrived in Qt 6.7; defining it earlier does nothing, so only where it exists.
if(Qt6_VERSION VERSION_GREATER_EQUAL 6.7)
    target_compile_definitions(gatehouse_common INTERFACE QT_NO_CONTEXTLESS_CONNECT)
endif()
