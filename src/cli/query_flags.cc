#include "query_flags.h"

#include <cstdlib>
#include <filesystem>
#include <optional>

namespace pk::cli {

namespace {

// "LAT,LON" → numbers; nullopt when the text is not two numbers.
std::optional<std::pair<double, double>> parse_lat_lon(const std::string& s) {
  auto comma = s.find(',');
  if (comma == std::string::npos) return std::nullopt;
  char* end = nullptr;
  std::string a = s.substr(0, comma), b = s.substr(comma + 1);
  double lat = std::strtod(a.c_str(), &end);
  if (a.empty() || *end != '\0') return std::nullopt;
  double lon = std::strtod(b.c_str(), &end);
  if (b.empty() || *end != '\0') return std::nullopt;
  return std::make_pair(lat, lon);
}

Result<BBox> parse_bbox(const std::string& s) {
  BBox b;
  double* v[] = {&b.west, &b.south, &b.east, &b.north};
  std::size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    std::size_t next = s.find(',', pos);
    if ((i < 3) != (next != std::string::npos))
      return Status::invalid("--bbox \"" + s + "\" is not W,S,E,N (four numbers separated by commas)");
    std::string part = s.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    char* end = nullptr;
    *v[i] = std::strtod(part.c_str(), &end);
    if (part.empty() || *end != '\0') return Status::invalid("--bbox \"" + s + "\": \"" + part + "\" is not a number");
    pos = next + 1;
  }
  return b;
}

std::shared_ptr<const Gazetteer> try_gazetteer(const std::string& path) {
  auto g = Gazetteer::open(path.empty() ? Gazetteer::default_path() : path);
  return g ? g.value() : nullptr;
}

}  // namespace

void add_query_flags(CLI::App& cmd, QueryFlags& f) {
  cmd.add_option("QUERY", f.words, "Words to search for (all must occur)");
  cmd.add_option("--db", f.db, "Database: a SQLite file or postgresql://… (default ./data/pressekarte.db)")
      ->envname("PRESSEKARTE_DB");
  cmd.add_option("--near", f.near, "Around a place name (gazetteer) or LAT,LON");
  cmd.add_option("--radius", f.radius_km, "Radius around --near in km")->capture_default_str();
  cmd.add_option("--since", f.since, "Published on or after this date (YYYY-MM-DD or ISO date-time)");
  cmd.add_option("--until", f.until, "Published on or before this date (inclusive)");
  cmd.add_option("--bbox", f.bbox, "Focus inside W,S,E,N (degrees)");
  cmd.add_option("--region", f.region,
                 "country:DE, admin1:DE.05, admin2:DE.05.06631, place:GEONAMEID or a name (\"Hessen\")");
  cmd.add_option("--outlet", f.outlet, "Only this outlet");
  cmd.add_option("--lang", f.lang, "Only this language (de, en)");
  cmd.add_option("--gazetteer", f.gazetteer, "Gazetteer file for place names (default: build/gazetteer.bin)");
}

Result<ArticleQuery> build_query(const QueryFlags& f, std::shared_ptr<const Gazetteer>& gazetteer) {
  ArticleQuery q;
  for (const auto& w : f.words) q.text += (q.text.empty() ? "" : " ") + w;
  q.since = f.since;
  q.until = f.until;
  q.region = f.region;
  q.outlet = f.outlet;
  q.language = f.lang;
  if (!f.bbox.empty()) {
    auto b = parse_bbox(f.bbox);
    if (!b) return b.status();
    q.bbox = *b;
  }
  const bool plain_region = !q.region.empty() && q.region.find(':') == std::string::npos;
  const auto near_point = f.near.empty() ? std::nullopt : parse_lat_lon(f.near);
  if (plain_region || (!f.near.empty() && !near_point)) gazetteer = try_gazetteer(f.gazetteer);
  if (!f.near.empty()) {
    if (near_point) {
      q.near_lat = near_point->first;
      q.near_lon = near_point->second;
    } else {
      if (!gazetteer)
        return Status::not_found("--near \"" + f.near +
                                 "\" needs the gazetteer to find the place (build it with `pressekarte "
                                 "gazetteer build`) — or give LAT,LON");
      auto found = gazetteer->lookup(f.near);
      if (found.empty()) return Status::not_found("--near: no place called \"" + f.near + "\"");
      const GazetteerPlace* best = &found[0];
      for (const auto& p : found)
        if (p.population > best->population) best = &p;
      q.near_lat = best->lat;
      q.near_lon = best->lon;
    }
    q.radius_km = f.radius_km;
  }
  return q;
}

bool has_no_filter(const ArticleQuery& q) {
  return q.text.empty() && !q.bbox && !q.near_lat && q.region.empty() && q.since.empty() && q.until.empty() &&
         q.outlet.empty() && q.language.empty();
}

Result<std::unique_ptr<Store>> open_existing_store(const std::string& db, std::shared_ptr<const Gazetteer> gazetteer) {
  StoreOptions options;
  options.db = db.empty() ? StoreOptions::default_db() : db;
  if (options.db.find("://") == std::string::npos && !std::filesystem::exists(options.db))
    return Status::not_found("no database at " + options.db + " (run `pressekarte ingest` first, or give --db)");
  options.gazetteer = std::move(gazetteer);
  return Store::open(options);
}

}  // namespace pk::cli
