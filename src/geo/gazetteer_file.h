// The gazetteer's binary file format and the fast, allocation-free index API the geoparser uses.
//
// The public pk::Gazetteer (include/pressekarte/geo.h) is the narrow contract for the CLI and the
// server; this header is the richer internal view for src/geo only. Layout: docs/gazetteer-format.md.
//
// Keys. Every place name is indexed twice:
//   * exact:  the name as written, white space collapsed ("Frankfurt am Main", "NRW", "Tokio");
//   * folded: fold_key(name) = pk::fold_for_match(collapse_whitespace(name)) ("frankfurt am main",
//             "muenchen"). Names with umlauts are also indexed under their non-expanding fold
//             ("munchen", candidate how |= kHowNoExpand), so ASCII-only text still matches.
//             Names that are only abbreviations/codes ("NRW", "DEU", "MUC") are NOT folded: they
//             match only as written.
// Multi-word keys keep their inner punctuation and single spaces ("st. gallen", "halle (saale)",
// "baden-baden"); a recogniser joins tokens with one space before looking a sequence up.
//
// Thread safety: a GazetteerIndex is immutable after open(); every method is safe to call from
// any number of threads. All string_views and spans point into the mapped file and stay valid as
// long as the owning Gazetteer (shared_ptr) lives.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pressekarte/geo.h"
#include "pressekarte/status.h"

namespace pk::geo {

inline constexpr std::uint32_t kNoPlace = 0xFFFFFFFFu;

enum class PlaceKind : std::uint8_t {
  kOther = 0,      // rivers, lakes, seas, mountains (feature codes STM, LK, SEA, MTS, ISL …)
  kCity = 1,       // every cities500 row (feature class P)
  kAdmin1 = 2,     // Bundesland, Austrian state, Swiss canton, US state, UK nation (ADM1)
  kAdmin2 = 3,     // German Landkreis / Kreis (ADM2)
  kCountry = 4,    // PCLI; coordinates are the capital's
  kContinent = 5,  // CONT
  kRegion = 6,     // landscapes (Sauerland, Allgäu, Ruhrgebiet …) (RGN)
};
// "city", "admin1", … as used in PlaceMention::kind and GazetteerPlace::kind.
std::string_view kind_name(PlaceKind kind);

// How a name relates to the place it points to (bit set per candidate; several may be set).
enum MatchHow : std::uint8_t {
  kHowPrimary = 1,     // GeoNames `name` / our table's main name
  kHowAscii = 2,       // GeoNames `asciiname`
  kHowAlternate = 4,   // a GeoNames alternate name (language unknown)
  kHowGerman = 8,      // a German name from our tables (countries, states, continents, regions)
  kHowEnglish = 16,    // an English name from our tables
  kHowAbbrev = 32,     // abbreviation ("NRW", "RLP", "NI", "BW", "Lk. Fulda")
  kHowCode = 64,       // ISO alpha-2/alpha-3 code ("DEU", "USA") — treat as weak evidence
  kHowNoExpand = 128,  // only the non-expanding fold matched ("munchen" for "München") (folded keys)
};

// Per-key flags (8 bits on disk): common-word evidence from the lexicons the builder was given.
// On a folded key they are the OR over every surface folding to it, plus the lower-case bits
// when the folded key itself is a dictionary word.
enum KeyFlags : std::uint32_t {
  kFlagDeExact = 1,    // the exact-case form is a German dictionary word ("Essen", "Halle", "Weil")
  kFlagDeLower = 2,    // its lower-case form is a German dictionary word ("essen", "halle", "weil")
  kFlagEnExact = 4,    // same, English dictionary ("Bath", "Reading")
  kFlagEnLower = 8,    // lower-case form in the English dictionary ("reading", "nice", "bath")
  kFlagLexiconsMissing = 16,  // the builder had no dictionaries; the four bits above are unknown
  kFlagMultiWord = 32,        // key contains a space
};

// One candidate of a key: a place row and how the name points to it.
struct Candidate {
  std::uint32_t place;  // row index (< GazetteerIndex::size())
  std::uint8_t how;     // MatchHow bits
  std::uint8_t reserved[3];
};
static_assert(sizeof(Candidate) == 8);

// A place row as stored in the file (80 bytes, little-endian). String fields are offsets into
// the string pool: read them with GazetteerIndex::str(). Offset 0 is the empty string.
struct PlaceRecord {
  double lat;
  double lon;
  std::int64_t population;
  std::uint32_t geonameid;      // 0: not a GeoNames row (countries, states, districts, regions)
  std::uint32_t name;           // main name (GeoNames `name`; English for our table rows)
  std::uint32_t name_de;        // German name when known, else 0
  std::uint32_t name_en;        // English name when known, else 0
  std::uint32_t country;        // ISO 3166-1 alpha-2 ("DE"); 0 for continents
  std::uint32_t admin1;         // GeoNames admin1 code ("07")
  std::uint32_t admin2;         // GeoNames admin2 code / our district key
  std::uint32_t admin1_name;    // German name of the admin1 if we have one ("Nordrhein-Westfalen")
  std::uint32_t admin2_name;    // district name if known
  std::uint32_t feature_code;   // "PPLC", "PPLA2", "ADM1", "PCLI", "CONT", "RGN", "STM" …
  std::uint32_t names_begin;    // all names of the place: names section [begin, begin+count)
  std::uint32_t admin1_place;   // row of the place's admin1 (if in our admin1 table), else kNoPlace
  std::uint32_t country_place;  // row of the place's country, else kNoPlace
  std::uint16_t names_count;
  std::uint8_t kind;            // PlaceKind
  char feature_class;           // GeoNames feature class ('P', 'A', 'L', 'H', 'T') or 0
};
static_assert(sizeof(PlaceRecord) == 80);

// Result of a key lookup. Candidates are ordered by population, descending (ties: lower row
// first). Countries, states and continents carry a population too (see docs), so "Berlin" the
// state and "Berlin" the city both appear and the caller decides by kind.
struct KeyHit {
  bool found = false;
  std::uint32_t flags = 0;                 // KeyFlags
  std::span<const Candidate> candidates;   // empty when !found
};

// The fold used for folded keys (lookup side). Use this, not fold_for_match directly, so the
// white-space handling matches the builder.
std::string fold_key(std::string_view name);

class GazetteerIndex {
 public:
  virtual ~GazetteerIndex() = default;

  virtual std::size_t size() const = 0;
  virtual const PlaceRecord& record(std::uint32_t place) const = 0;
  // A string-pool field of a record; "" for 0 or out of range.
  virtual std::string_view str(std::uint32_t ref) const = 0;
  // All names of a place (main, ascii, alternates, table names), in file order.
  virtual std::vector<std::string_view> names(std::uint32_t place) const = 0;
  virtual std::uint32_t by_geonameid(std::int64_t id) const = 0;  // kNoPlace when absent

  // O(1) hash lookups. `find_exact` takes the surface as written (white space collapsed by the
  // caller); `find_folded` takes an already folded key (fold_key()).
  virtual KeyHit find_exact(std::string_view surface) const = 0;
  virtual KeyHit find_folded(std::string_view folded_key) const = 0;
  // Exact first, then folded: the usual recogniser call.
  KeyHit find(std::string_view surface) const {
    KeyHit hit = find_exact(surface);
    return hit.found ? hit : find_folded(fold_key(surface));
  }
  // True if some folded key is longer than `folded_prefix` and continues it at a word boundary:
  // the prefix ends just before or just after a non-letter (space, "-", ".", "(", "'", ’ …) of
  // the key ("frankfurt", "baden-", "st." yes; "frankfu" no). Is there a longer name to try? O(1).
  virtual bool has_folded_prefix(std::string_view folded_prefix) const = 0;
  // Most words in any key (split on spaces); recognisers need not try longer token windows.
  virtual std::size_t max_key_words() const = 0;

  // Enumerate folded keys in byte order (i < folded_key_count()).
  virtual std::size_t folded_key_count() const = 0;
  virtual std::string_view folded_key(std::size_t i) const = 0;
  virtual KeyHit folded_key_hit(std::size_t i) const = 0;

  // Builds the public struct for a row (allocates; avoid in hot loops).
  virtual GazetteerPlace place(std::uint32_t index) const = 0;
  // Build metadata ("key=value" lines: sources, build time, attribution).
  virtual std::string_view meta() const = 0;
};

// The index behind a Gazetteer opened from a file; nullptr for other implementations (mocks).
const GazetteerIndex* index_of(const Gazetteer& gazetteer);

}  // namespace pk::geo
