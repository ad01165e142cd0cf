// pressekarte counts: how many articles (and stories) per region and day, for analysts' time
// series and region dashboards. Each article counts once, under its focus place's region.
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "article_formats.h"
#include "article_scan.h"
#include "commands.h"
#include "output_file.h"
#include "progress.h"
#include "pressekarte/json_io.h"
#include "query_flags.h"

namespace pk::cli {

namespace {

struct CountsArgs {
  QueryFlags filters;
  std::string by = "region-day";
  std::string level = "admin1";
  std::string format = "csv";
  std::string output;
};

struct Region {
  std::string id;    // "country:DE", "admin1:DE.07", "admin2:DE.07.06631", "place:2950159", "none"
  std::string name;  // from the gazetteer when it knows the code; else ""
};

// The region an article counts under at `level`: its focus place's country / state / district /
// the place itself. A focus coarser than the level counts under the finest region it has (an
// article about "Deutschland" stays "country:DE" at level admin1).
Region region_of(const StoredArticle& a, const std::string& level, const Gazetteer* gaz) {
  if (!a.geo.focus || *a.geo.focus >= a.geo.places.size()) return {"none", ""};
  const PlaceMention& f = a.geo.places[*a.geo.focus];
  std::optional<GazetteerPlace> known;
  if (gaz && f.geonameid) known = gaz->by_geonameid(*f.geonameid);
  const bool want_place = level == "place", want_admin2 = want_place || level == "admin2",
             want_admin1 = want_admin2 || level == "admin1";
  if (want_place && f.geonameid) return {fmt::format("place:{}", *f.geonameid), f.name};
  if (want_admin2 && !f.country.empty() && !f.admin1.empty() && !f.admin2.empty())
    return {fmt::format("admin2:{}.{}.{}", f.country, f.admin1, f.admin2),
            f.kind == "admin2" ? f.name : known ? known->admin2_name : ""};
  if (want_admin1 && !f.country.empty() && !f.admin1.empty())
    return {fmt::format("admin1:{}.{}", f.country, f.admin1),
            f.kind == "admin1" ? f.name : known ? known->admin1_name : ""};
  if (!f.country.empty()) {
    std::string name = f.kind == "country" ? f.name : "";
    if (name.empty() && gaz)
      for (const auto& p : gaz->lookup(f.country))
        if (p.kind == "country" && p.country == f.country) name = p.name;
    return {"country:" + f.country, name};
  }
  return {"none", ""};
}

struct Tally {
  std::string name;
  std::size_t articles = 0;
  std::set<std::int64_t> stories;  // story ids; articles without one count as their own story
  std::size_t lone_articles = 0;
};

void run_counts(const CountsArgs& args) {
  std::shared_ptr<const Gazetteer> gazetteer;
  auto query = build_query(args.filters, gazetteer);
  if (!query) fail("counts", query.status());
  if (!gazetteer && args.by != "day") {
    // Region names come from the gazetteer; counting works without it (ids only).
    auto g = Gazetteer::open(args.filters.gazetteer.empty() ? Gazetteer::default_path() : args.filters.gazetteer);
    if (g) gazetteer = g.value();
  }
  auto store = open_existing_store(args.filters.db, gazetteer);
  if (!store) fail("counts", store.status());

  const bool by_region = args.by != "day", by_day = args.by != "region";
  std::map<std::pair<std::string, std::string>, Tally> tallies;  // (region id, day) → counts
  ProgressLine progress(!global_options().quiet);
  std::size_t seen = 0;
  auto scanned = scan_articles(**store, *query, 0, [&](const StoredArticle& a) {
    Region r = by_region ? region_of(a, args.level, gazetteer.get()) : Region{"", ""};
    std::string day = by_day ? (a.article.date.size() >= 10 ? a.article.date.substr(0, 10) : "undated") : "";
    Tally& t = tallies[{r.id, day}];
    if (t.name.empty()) t.name = r.name;
    ++t.articles;
    if (a.story_id) t.stories.insert(*a.story_id);
    else ++t.lone_articles;
    progress.update_count(++seen, "articles");
  });
  progress.finish();
  if (!scanned) fail("counts", scanned.status());

  OutputFile out;
  if (Status s = out.open(args.output); !s.is_ok()) fail("counts", s);
  std::ostream& os = out.stream();
  const bool csv = args.format == "csv";
  if (csv) {
    std::string header;
    if (by_region) header += "region,region_name,";
    if (by_day) header += "day,";
    os << header << "articles,stories\r\n";
  }
  for (const auto& [key, t] : tallies) {
    const std::size_t stories = t.stories.size() + t.lone_articles;
    if (csv) {
      std::string row;
      if (by_region) row += csv_field(key.first) + "," + csv_field(t.name) + ",";
      if (by_day) row += key.second + ",";
      os << row << t.articles << "," << stories << "\r\n";
    } else {
      nlohmann::json j;
      if (by_region) {
        j["region"] = key.first;
        j["region_name"] = t.name;
      }
      if (by_day) j["day"] = key.second;
      j["articles"] = t.articles;
      j["stories"] = stories;
      os << json_line(j) << '\n';
    }
  }
  if (Status s = out.commit(); !s.is_ok()) fail("counts", s);
  if (!global_options().quiet)
    std::fprintf(stderr, "pressekarte counts: %zu article%s in %zu row%s\n", seen, seen == 1 ? "" : "s",
                 tallies.size(), tallies.size() == 1 ? "" : "s");
}

}  // namespace

void add_counts_command(CLI::App& app) {
  auto args = std::make_shared<CountsArgs>();
  auto* cmd = app.add_subcommand(
      "counts",
      "Count the stored articles that match the filters per region and/or day, with the number of\n"
      "distinct stories (wire reprints count once). Each article counts once, under the region of\n"
      "its focus place at --level; a focus coarser than the level counts under the region it has\n"
      "(\"country:DE\"), articles without a place under \"none\", undated ones under \"undated\".\n"
      "Same filters as `search`. Reads every matching article (about a minute per million).\n"
      "Exit 0: done; 2: bad query; 3: unknown place or no database; 4: read or write error.");
  add_query_flags(*cmd, args->filters);
  cmd->add_option("--by", args->by, "region-day, region or day")
      ->check(CLI::IsMember({"region-day", "region", "day"}))
      ->capture_default_str();
  cmd->add_option("--level", args->level, "country, admin1 (Land/state), admin2 (Kreis/district) or place")
      ->check(CLI::IsMember({"country", "admin1", "admin2", "place"}))
      ->capture_default_str();
  cmd->add_option("--format", args->format, "csv or jsonl")
      ->check(CLI::IsMember({"csv", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write to FILE instead of standard output");
  cmd->callback([args] { run_counts(*args); });
}

}  // namespace pk::cli
