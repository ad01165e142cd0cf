# Extra link dependencies of pk_extract (edit freely; included by CMakeLists.txt).
target_link_libraries(pk_extract PUBLIC PkgConfig::GUMBO PkgConfig::UCHARDET ${CLD2_LIB})
