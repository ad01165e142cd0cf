// pressekarte search: full-text, spatial, regional and time queries against the store.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "commands.h"
#include "pressekarte/geo.h"
#include "pressekarte/json_io.h"
#include "pressekarte/model_json.h"
#include "pressekarte/store.h"

namespace pk::cli {

namespace {

struct SearchArgs {
  std::vector<std::string> words;
  std::string db;
  std::string near;
  double radius_km = 25;
  std::string since, until, bbox, region, outlet, lang;
  std::string sort = "date";
  std::size_t limit = 20;
  std::string cursor;
  std::string gazetteer;
  bool json = false;
};

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

void run_search(const SearchArgs& args) {
  ArticleQuery q;
  for (const auto& w : args.words) q.text += (q.text.empty() ? "" : " ") + w;
  q.since = args.since;
  q.until = args.until;
  q.region = args.region;
  q.outlet = args.outlet;
  q.language = args.lang;
  q.sort = args.sort;
  q.limit = args.limit;
  q.cursor = args.cursor;
  if (!args.bbox.empty()) {
    auto b = parse_bbox(args.bbox);
    if (!b) fail("search", b.status());
    q.bbox = *b;
  }
  std::shared_ptr<const Gazetteer> gazetteer;
  bool plain_region = !q.region.empty() && q.region.find(':') == std::string::npos;
  if (plain_region || (!args.near.empty() && !parse_lat_lon(args.near))) gazetteer = try_gazetteer(args.gazetteer);
  if (!args.near.empty()) {
    if (auto ll = parse_lat_lon(args.near)) {
      q.near_lat = ll->first;
      q.near_lon = ll->second;
    } else {
      if (!gazetteer)
        fail("search", Status::not_found("--near \"" + args.near +
                                         "\" needs the gazetteer to find the place (build it with `pressekarte "
                                         "gazetteer build`) — or give LAT,LON"));
      auto found = gazetteer->lookup(args.near);
      if (found.empty()) fail("search", Status::not_found("--near: no place called \"" + args.near + "\""));
      const GazetteerPlace* best = &found[0];
      for (const auto& p : found)
        if (p.population > best->population) best = &p;
      q.near_lat = best->lat;
      q.near_lon = best->lon;
    }
    q.radius_km = args.radius_km;
  }
  if (q.text.empty() && !q.bbox && !q.near_lat && q.region.empty() && q.since.empty() && q.until.empty() &&
      q.outlet.empty() && q.language.empty())
    q.sort = "date";  // "latest articles"

  StoreOptions options;
  options.db = args.db.empty() ? StoreOptions::default_db() : args.db;
  if (options.db.find("://") == std::string::npos && !std::filesystem::exists(options.db))
    fail("search", Status::not_found("no database at " + options.db + " (run `pressekarte ingest` first, or give --db)"));
  options.gazetteer = gazetteer;
  auto store = Store::open(options);
  if (!store) fail("search", store.status());
  auto page = (*store)->query(q);
  if (!page) fail("search", page.status());
  for (const auto& a : page->items) {
    if (args.json) {
      auto j = to_json(a.article, a.geo);
      j["id"] = a.id;
      j["story_id"] = a.story_id ? nlohmann::json(*a.story_id) : nlohmann::json(nullptr);
      if (q.sort == "relevance") j["score"] = a.score;
      std::cout << json_line(j) << '\n';
    } else {
      std::string where;
      if (a.geo.focus && *a.geo.focus < a.geo.places.size()) where = a.geo.places[*a.geo.focus].name;
      std::cout << fmt::format("{:>7}  {:<10.10}  {:<14.14}  {}{}\n", a.id, a.article.date, a.article.outlet,
                               a.article.title, where.empty() ? "" : "  [" + where + "]");
    }
  }
  if (!global_options().quiet) {
    std::fprintf(stderr, "pressekarte search: %zu article%s%s\n", page->items.size(),
                 page->items.size() == 1 ? "" : "s",
                 page->next_cursor.empty() ? "" : (" — more with --cursor " + page->next_cursor).c_str());
  }
}

}  // namespace

void add_search_command(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  auto* cmd = app.add_subcommand(
      "search",
      "Search stored articles by words, place, region, time, outlet and language.\n"
      "Words are stemmed and folded (\"Strasse\" finds \"Straße\", \"Kirschbaum\" finds\n"
      "\"Kirschbäume\"); \"quoted words\" are a phrase. Newest first unless --sort relevance.\n"
      "Exit 0: done (also with no hits); 2: bad query; 3: unknown place; 4: database error.");
  cmd->add_option("QUERY", args->words, "Words to search for (all must occur)");
  cmd->add_option("--db", args->db, "Database: a SQLite file or postgresql://… (default ./data/pressekarte.db)")
      ->envname("PRESSEKARTE_DB");
  cmd->add_option("--near", args->near, "Around a place name (gazetteer) or LAT,LON");
  cmd->add_option("--radius", args->radius_km, "Radius around --near in km")->capture_default_str();
  cmd->add_option("--since", args->since, "Published on or after this date (YYYY-MM-DD or ISO date-time)");
  cmd->add_option("--until", args->until, "Published on or before this date (inclusive)");
  cmd->add_option("--bbox", args->bbox, "Focus inside W,S,E,N (degrees)");
  cmd->add_option("--region", args->region,
                  "country:DE, admin1:DE.05, admin2:DE.05.06631, place:GEONAMEID or a name (\"Hessen\")");
  cmd->add_option("--outlet", args->outlet, "Only this outlet");
  cmd->add_option("--lang", args->lang, "Only this language (de, en)");
  cmd->add_option("--sort", args->sort, "date or relevance")
      ->check(CLI::IsMember({"date", "relevance"}))
      ->capture_default_str();
  cmd->add_option("--limit", args->limit, "Articles per page (1..1000)")->capture_default_str();
  cmd->add_option("--cursor", args->cursor, "Continue after the page that printed this cursor");
  cmd->add_option("--gazetteer", args->gazetteer, "Gazetteer file for place names (default: build/gazetteer.bin)");
  cmd->add_flag("--json", args->json, "One JSON object per article (JSON Lines)");
  cmd->callback([args] { run_search(*args); });
}

}  // namespace pk::cli
