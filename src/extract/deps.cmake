# Extra link dependencies of pk_extract (edit freely; included by CMakeLists.txt).
# libxml-2.0: the second HTML parser behind html_dom.h (html_dom_libxml2.cc).
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
target_link_libraries(pk_extract PUBLIC PkgConfig::GUMBO PkgConfig::UCHARDET PkgConfig::LIBXML2 ${CLD2_LIB})
# Which HTML parser Document::parse uses by default: libxml2 (2x faster, same accuracy on the
# gold sets; see docs/perf/extract-html.md) or gumbo (HTML5 tree construction).
set(PK_DEFAULT_HTML_PARSER "libxml2" CACHE STRING "default HTML parser: libxml2 or gumbo")
if(PK_DEFAULT_HTML_PARSER STREQUAL "gumbo")
  target_compile_definitions(pk_extract PRIVATE PK_HTML_PARSER_DEFAULT_GUMBO=1)
endif()
