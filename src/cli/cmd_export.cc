// pressekarte export: every stored article matching the filters as GeoJSON, CSV or JSON Lines,
// for analysts (QGIS, pandas, spreadsheets). Streams page by page: memory stays flat at 1M.
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

struct ExportArgs {
  QueryFlags filters;
  std::string format = "jsonl";
  std::string output;
  std::size_t max_articles = 0;
};

void run_export(const ExportArgs& args) {
  std::shared_ptr<const Gazetteer> gazetteer;
  auto query = build_query(args.filters, gazetteer);
  if (!query) fail("export", query.status());
  auto store = open_existing_store(args.filters.db, gazetteer);
  if (!store) fail("export", store.status());
  OutputFile out;
  if (Status s = out.open(args.output); !s.is_ok()) fail("export", s);
  std::ostream& os = out.stream();

  const bool geojson = args.format == "geojson", csv = args.format == "csv";
  if (geojson) os << "{\"type\":\"FeatureCollection\",\"features\":[\n";
  if (csv) {
    std::string header;
    for (const auto& c : csv_columns()) header += (header.empty() ? "" : ",") + c;
    os << header << "\r\n";
  }
  ProgressLine progress(!global_options().quiet);
  std::size_t written = 0, unplaced = 0;
  auto scanned = scan_articles(**store, *query, args.max_articles, [&](const StoredArticle& a) {
    if (geojson) {
      nlohmann::json feature;
      if (!stored_article_feature(a, feature)) {
        ++unplaced;
        return;
      }
      os << (written ? ",\n" : "") << json_line(feature);
    } else if (csv) {
      os << csv_row(a);
    } else {
      os << json_line(stored_article_json(a)) << '\n';
    }
    ++written;
    progress.update_count(written, "articles");
  });
  progress.finish();
  if (!scanned) fail("export", scanned.status());
  if (geojson) os << (written ? "\n" : "") << "]}\n";
  if (Status s = out.commit(); !s.is_ok()) fail("export", s);
  if (!global_options().quiet) {
    std::string note = unplaced ? fmt::format(" ({} without a place left out of the GeoJSON)", unplaced) : "";
    std::fprintf(stderr, "pressekarte export: %zu article%s as %s%s%s\n", written, written == 1 ? "" : "s",
                 args.format.c_str(), args.output.empty() || args.output == "-" ? "" : (" to " + args.output).c_str(),
                 note.c_str());
  }
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand(
      "export",
      "Write every stored article that matches the filters, newest first, as JSON Lines (the\n"
      "geoparse fields plus id and story_id), GeoJSON (a FeatureCollection of focus points; articles\n"
      "without a place are left out and counted) or CSV (one row per article, RFC 4180).\n"
      "With -o FILE the file appears only when complete. Same filters as `search`.\n"
      "Exit 0: done (also with no matches); 2: bad query; 3: unknown place or no database; 4: read or write error.");
  add_query_flags(*cmd, args->filters);
  cmd->add_option("--format", args->format, "jsonl, geojson or csv")
      ->check(CLI::IsMember({"jsonl", "geojson", "csv"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write to FILE instead of standard output");
  cmd->add_option("--max", args->max_articles, "Stop after this many articles (0 = all)")->capture_default_str();
  cmd->callback([args] { run_export(*args); });
}

}  // namespace pk::cli
