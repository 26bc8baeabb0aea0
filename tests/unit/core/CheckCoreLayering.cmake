cmake_minimum_required(VERSION 3.21)
# Proves that gatehouse_core never uses Qt Widgets (ARCHITECTURE.md: core never includes a
# Widgets header). Run by CTest with -DSOURCE_DIR, -DWIDGETS_INCLUDE_DIR, -DCORE_LIBS and
# -DCORE_ONLY_BINARY (an executable linking gatehouse_core but not gatehouse_ui).
set(problems "")

# 1. No source in core/ includes a header that Qt Widgets installs.
file(GLOB widget_headers RELATIVE "${WIDGETS_INCLUDE_DIR}" "${WIDGETS_INCLUDE_DIR}/Q*")
if(NOT widget_headers)
    message(FATAL_ERROR "no Qt Widgets headers found in ${WIDGETS_INCLUDE_DIR}: the check would prove nothing")
endif()
file(GLOB_RECURSE core_sources "${SOURCE_DIR}/core/*.h" "${SOURCE_DIR}/core/*.cpp")
foreach(source IN LISTS core_sources)
    file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*<")
    foreach(line IN LISTS includes)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*<([^>]+)>.*" "\\1" header "${line}")
        string(REGEX REPLACE "^QtWidgets/" "" header "${header}")
        if(header STREQUAL "QtWidgets" OR header IN_LIST widget_headers)
            list(APPEND problems "${source} includes <${header}>, a Qt Widgets header")
        endif()
    endforeach()
endforeach()

# 2. gatehouse_core's own link libraries name neither Widgets nor Gui.
if(CORE_LIBS MATCHES "Widgets|Qt6::Gui")
    list(APPEND problems "gatehouse_core links ${CORE_LIBS}")
endif()

# 3. A binary that links only gatehouse_core does not load libQt6Widgets.
execute_process(COMMAND readelf -d "${CORE_ONLY_BINARY}" OUTPUT_VARIABLE dynamic RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    list(APPEND problems "cannot read ${CORE_ONLY_BINARY} with readelf")
elseif(dynamic MATCHES "libQt6Widgets")
    list(APPEND problems "${CORE_ONLY_BINARY} needs libQt6Widgets")
endif()

if(problems)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "core must not use Qt Widgets:\n  ${text}")
endif()
list(LENGTH core_sources count)
message(STATUS "checked ${count} core sources against the Qt Widgets headers: none included")
