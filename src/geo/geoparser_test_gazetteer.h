// A tiny gazetteer file for geoparser tests, written with the real file writer (test-only).
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gazetteer_writer.h"
#include "pressekarte/geo.h"

namespace pk::geo::testing {

inline PlaceDraft city(std::int64_t id, const std::string& name, const std::string& cc,
                       const std::string& a1, double lat, double lon, std::int64_t pop,
                       const std::string& fcode = "PPL", std::vector<std::string> alt = {}) {
  PlaceDraft d;
  d.geonameid = id;
  d.name = name;
  d.country = cc;
  d.admin1 = a1;
  d.feature_code = fcode;
  d.feature_class = 'P';
  d.kind = PlaceKind::kCity;
  d.lat = lat;
  d.lon = lon;
  d.population = pop;
  d.names.push_back({name, kHowPrimary});
  for (auto& a : alt) d.names.push_back({a, kHowAlternate});
  return d;
}

inline PlaceDraft table_row(PlaceKind kind, const std::string& en, const std::string& de,
                            const std::string& cc, const std::string& a1, double lat, double lon,
                            std::vector<std::string> abbrev = {}) {
  PlaceDraft d;
  d.name = en;
  d.name_en = en;
  d.name_de = de;
  d.country = cc;
  d.admin1 = a1;
  d.kind = kind;
  d.feature_code = kind == PlaceKind::kCountry ? "PCLI" : kind == PlaceKind::kAdmin1 ? "ADM1" : "CONT";
  d.lat = lat;
  d.lon = lon;
  d.names.push_back({en, kHowEnglish | kHowPrimary});
  if (!de.empty()) d.names.push_back({de, kHowGerman});
  for (auto& a : abbrev) d.names.push_back({a, kHowAbbrev});
  return d;
}

// Writes the test gazetteer once per process and opens it.
inline std::shared_ptr<const Gazetteer> tiny_gazetteer() {
  static std::shared_ptr<const Gazetteer> gaz = [] {
    std::vector<PlaceDraft> p;
    p.push_back(table_row(PlaceKind::kCountry, "Germany", "Deutschland", "DE", "", 52.52, 13.41));
    p.push_back(table_row(PlaceKind::kCountry, "Japan", "Japan", "JP", "", 35.69, 139.69));
    p.push_back(table_row(PlaceKind::kCountry, "United States", "Vereinigte Staaten", "US", "", 38.9, -77.04, {"USA", "US"}));
    p.push_back(table_row(PlaceKind::kAdmin1, "Hesse", "Hessen", "DE", "05", 50.08, 8.24, {"HE"}));
    p.push_back(table_row(PlaceKind::kAdmin1, "Lower Saxony", "Niedersachsen", "DE", "06", 52.37, 9.73, {"NI"}));
    p.push_back(table_row(PlaceKind::kAdmin1, "Saxony-Anhalt", "Sachsen-Anhalt", "DE", "14", 52.13, 11.62, {"ST"}));
    p.push_back(table_row(PlaceKind::kAdmin1, "Washington", "Washington", "US", "WA", 47.5, -120.5));
    p.push_back(table_row(PlaceKind::kAdmin1, "North Rhine-Westphalia", "Nordrhein-Westfalen", "DE", "07", 51.2, 6.8, {"NRW"}));
    for (std::uint32_t i = 3; i <= 7; ++i) p[i].country_place = 0;
    p[6].country_place = 2;
    p.push_back(city(1850147, "Tokyo", "JP", "40", 35.6895, 139.69171, 8336599, "PPLC", {"Tokio"}));
    p.push_back(city(4140963, "Washington", "US", "DC", 38.89511, -77.03637, 601723, "PPLC", {"Washington, D.C."}));
    p.push_back(city(4248000, "Marine", "US", "IL", 38.78, -89.78, 900));
    p.push_back(city(2928810, "Essen", "DE", "07", 51.45657, 7.01228, 593085, "PPLA2"));
    p.push_back(city(2911522, "Halle (Saale)", "DE", "14", 51.48158, 11.97947, 239257, "PPLA2", {"Halle"}));
    p.push_back(city(2911527, "Halle", "DE", "07", 52.06007, 8.36083, 21000, "PPL", {"Halle (Westf.)"}));
    p.push_back(city(2950159, "Berlin", "DE", "16", 52.52437, 13.41053, 3426354, "PPLC"));
    p.push_back(city(2885536, "Kreuzberg", "DE", "16", 52.49973, 13.40338, 147227, "PPLX"));
    p.push_back(city(2924585, "Fulda", "DE", "05", 50.55162, 9.67518, 68635, "PPLA2"));
    p.push_back(city(2866100, "Neuhof", "DE", "05", 50.45, 9.61667, 11000));
    p.push_back(city(2866101, "Neuhof", "DE", "08", 54.1, 11.4, 1500));
    p.push_back(city(2866102, "Neuhof", "DE", "02", 49.8, 10.6, 2500));
    p.push_back(city(2866103, "Neuhof", "DE", "09", 53.6, 10.1, 9000));
    p.push_back(city(2866104, "Neuhof", "DE", "01", 48.3, 9.1, 8000));
    p.push_back(city(2857000, "Vechta", "DE", "06", 52.72632, 8.28598, 32000, "PPLA2"));
    p.push_back(city(2988507, "Paris", "FR", "11", 48.85341, 2.3488, 2138551, "PPLC"));
    p.push_back(city(6000000, "Bild", "XX", "", 0, 0, 600));
    p.push_back(city(2970797, "Val d'Isère", "FR", "84", 45.45, 6.98, 1700));
    for (auto& d : p) {
      if (d.admin1 == "05") d.admin1_place = 3;
      if (d.admin1 == "06") d.admin1_place = 4;
      if (d.admin1 == "14") d.admin1_place = 5;
      if (d.admin1 == "07") d.admin1_place = 7;
      if (d.country == "DE") d.country_place = 0;
    }
    Lexicons lex;
    lex.have_de = lex.have_en = true;
    for (const char* w : {"Essen", "essen", "Bild", "Marine", "Halle", "weil", "man", "Berlin", "Fulda"}) lex.de.insert(w);
    for (const char* w : {"Paris", "Washington", "Marine", "marine"}) lex.en.insert(w);
    auto dir = std::filesystem::temp_directory_path() / ("pk_geoparse_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string path = (dir / "tiny.bin").string();
    Status st = write_gazetteer_file(p, lex, {"test=1"}, path);
    if (!st.is_ok()) std::abort();
    auto g = Gazetteer::open(path);
    if (!g.is_ok()) std::abort();
    std::filesystem::remove_all(dir);
    return g.value();
  }();
  return gaz;
}

}  // namespace pk::geo::testing
