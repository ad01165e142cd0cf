# Extra link dependencies of pk_geo (edit freely; included by CMakeLists.txt).
target_link_libraries(pk_geo PUBLIC PkgConfig::MARISA)
