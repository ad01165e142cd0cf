// Serialises gazetteer rows (drafts) into the binary file format (gazetteer_format.h).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "gazetteer_file.h"
#include "pressekarte/status.h"

namespace pk::geo {

// One row before serialisation. Strings are UTF-8; empty means "unknown".
struct PlaceDraft {
  std::int64_t geonameid = 0;  // 0: not a GeoNames row
  std::string name, name_de, name_en;
  std::string country, admin1, admin2, admin1_name, admin2_name;
  std::string feature_code;
  char feature_class = 0;
  PlaceKind kind = PlaceKind::kOther;
  double lat = 0, lon = 0;
  std::int64_t population = 0;
  std::uint32_t admin1_place = kNoPlace;   // row numbers in the same draft vector
  std::uint32_t country_place = kNoPlace;
  // Every name to index, with MatchHow bits. Duplicates are merged by the writer.
  std::vector<std::pair<std::string, std::uint8_t>> names;
};

// Common-word lexicons; a missing one leaves its flag bits unset (and sets kFlagLexiconsMissing).
struct Lexicons {
  bool have_de = false, have_en = false;
  std::unordered_set<std::string> de, en;  // words exactly as listed (one per line)
};

struct WriteStats {
  std::size_t places = 0, names = 0, exact_keys = 0, folded_keys = 0;
  std::size_t exact_candidates = 0, folded_candidates = 0, file_bytes = 0;
};

// Writes `places` to `path` (via path + ".tmp" and a rename, so readers never see half a file).
// `meta` lines ("key=value") are stored verbatim in the meta section.
Status write_gazetteer_file(const std::vector<PlaceDraft>& places, const Lexicons& lexicons,
                            const std::vector<std::string>& meta, const std::string& path,
                            WriteStats* stats = nullptr);

}  // namespace pk::geo
