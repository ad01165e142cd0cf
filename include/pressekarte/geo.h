// Geo: the gazetteer (a memory-mapped binary file built at set-up from GeoNames data) and the
// geoparser that finds places in text and resolves them against it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pressekarte/model.h"
#include "pressekarte/status.h"

namespace pk {

// One gazetteer row (a city, a district, a state, a country, a continent, a region).
struct GazetteerPlace {
  std::uint32_t index = 0;                // row number in the gazetteer file
  std::optional<std::int64_t> geonameid;  // GeoNames id when the row comes from GeoNames
  std::string name;                       // preferred (English/GeoNames) name
  std::string name_de;                    // German name if known
  std::string country;                    // ISO 3166-1 alpha-2
  std::string admin1;                     // admin1 code (GeoNames), e.g. "07" for NRW
  std::string admin1_name;                // e.g. "Hessen"
  std::string kind;                       // city|admin1|admin2|country|continent|region|other
  double lat = 0, lon = 0;
  std::int64_t population = 0;
  // Appended for the geoparser (gazetteer file v1):
  std::string name_en;        // English name if known (countries, states, continents, regions)
  std::string feature_class;  // GeoNames feature class ("P", "A", "L", "H", "T"), "" if none
  std::string feature_code;   // "PPLC", "PPLA", "PPL", "ADM1", "ADM2", "PCLI", "CONT", "RGN", "STM" …
  std::string admin2;         // admin2 code (GeoNames) or our district key
  std::string admin2_name;    // district name if known ("Landkreis Fulda")
};

class Gazetteer {
 public:
  virtual ~Gazetteer() = default;

  // Opens (memory-maps) a gazetteer file. Errors name the path and what is wrong with it.
  static Result<std::shared_ptr<const Gazetteer>> open(const std::string& path);
  // Where to look when no path is given: $PRESSEKARTE_GAZETTEER, then gazetteer.bin next to
  // the running binary, then ./build/gazetteer.bin.
  static std::string default_path();

  virtual std::size_t size() const = 0;
  virtual GazetteerPlace place(std::uint32_t index) const = 0;
  virtual std::optional<GazetteerPlace> by_geonameid(std::int64_t id) const = 0;
  // Places whose name or alternate name folds to the same key as `name` (case/umlaut-insensitive).
  virtual std::vector<GazetteerPlace> lookup(std::string_view name) const = 0;
  // Prefix search for autocomplete, best (most populous) first.
  virtual std::vector<GazetteerPlace> complete(std::string_view prefix, std::size_t limit) const = 0;
  // Every name the place is indexed under (main, German, English, alternates, abbreviations).
  virtual std::vector<std::string> names(std::uint32_t /*index*/) const { return {}; }
};

struct GeoparseOptions {
  bool explain = false;         // fill PlaceMention::explain with the evidence. Default off.
  std::string home_region;      // outlet's home region (admin1 code or country) as a prior; "".
};

// A text to geoparse, given as named segments (title, lead, text, …) so offsets stay per field.
struct GeoparseInput {
  struct Segment {
    std::string field;
    std::string_view text;
  };
  std::vector<Segment> segments;
  std::string language;  // "de", "en" or "" (guess)
  std::string dateline;  // the article's dateline place name, if extract found one
};

class Geoparser {
 public:
  Geoparser(std::shared_ptr<const Gazetteer> gazetteer, GeoparseOptions options = {});
  ~Geoparser();
  Geoparser(const Geoparser&) = delete;
  Geoparser& operator=(const Geoparser&) = delete;

  // Thread-safe; linear in the input size.
  GeoparseResult parse(const GeoparseInput& input) const;
  // Convenience: title, lead, dateline, text and captions of an article.
  GeoparseResult parse_article(const Article& article) const;
  // Convenience: one plain text, field "text".
  GeoparseResult parse_text(std::string_view text, std::string_view language = "") const;
  // Resolution only (evaluation with gold spans): resolves exactly the given code-point spans
  // [start, end) of `text`, no recognition; spans without a gazetteer entry are left out.
  GeoparseResult resolve_spans(std::string_view text,
                               const std::vector<std::pair<std::size_t, std::size_t>>& spans,
                               std::string_view language = "") const;

  const Gazetteer& gazetteer() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pk
