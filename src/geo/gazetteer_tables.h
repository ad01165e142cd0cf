// Small project-written tables the builder adds to GeoNames: first-level regions with their
// German/English names and abbreviations, continents, landscapes/rivers/seas, country aliases.
// Each is semicolon-separated text (one row a line, "|" between alternatives, "#" comments)
// compiled into the binary, so `gazetteer build` needs no extra files.
#pragma once

#include <string_view>

namespace pk::geo::tables {

// country ; GeoNames admin1 code ; German names (|) ; English names (|) ; abbreviations (|)
// Coordinates come from the admin1's capital (PPLC, else the most populous PPLA) in cities500.
extern const std::string_view kAdmin1;

// English name ; German names (|) ; English names (|) ; lat ; lon ; population
extern const std::string_view kContinents;

// German names (|) ; English names (|) ; kind (region|other) ; feature code ; country ;
// admin1 ; lat ; lon   — representative coordinates (a central town or the centroid).
extern const std::string_view kRegions;

// country alpha-2 ; extra names (|) ; how (de|en|abbrev)  — aliases the ISO tables lack.
extern const std::string_view kCountryAliases;

}  // namespace pk::geo::tables
