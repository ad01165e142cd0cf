// pressekarte ingest: extract, geoparse and store articles; re-ingesting changes nothing.
#include <chrono>
#include <cstdio>

#include "commands.h"
#include "gazetteer_option.h"
#include "inputs.h"
#include "progress.h"

namespace pk::cli {

namespace {

struct IngestArgs {
  std::vector<std::string> files;
  std::string db;
  std::string format = "auto";
  std::string url;
  std::string gazetteer;
  std::size_t batch = 200;
  bool no_stories = false;
  std::string stories_since;
  std::size_t jobs = 0;
};

void run_ingest(const IngestArgs& args) {
  PipelineOptions options;
  options.gazetteer_path = args.gazetteer;
  options.read.format = args.format;
  options.read.url = args.url;
  options.batch_size = args.batch;
  options.stories = !args.no_stories;
  options.stories_since = args.stories_since;
  options.jobs = args.jobs;
  auto processor = open_processor_or_fail("ingest", options);

  StoreOptions store_options;
  store_options.db = args.db.empty() ? StoreOptions::default_db() : args.db;
  auto store = Store::open(store_options);
  if (!store) fail("ingest", store.status());

  std::vector<std::string> files = args.files.empty() ? std::vector<std::string>{"-"} : args.files;
  std::size_t warnings = 0;
  ProgressLine progress(!global_options().quiet);
  auto start = std::chrono::steady_clock::now();
  auto stats = ingest_paths(
      files, options, *processor, **store,
      [&](const Status& w) {
        ++warnings;
        progress.finish();
        warn("ingest", w.message());
      },
      [&](const IngestProgress& p) { progress.update(p.done_inputs, p.total_inputs, p.documents, "articles"); });
  progress.finish();
  if (!stats) fail("ingest", stats.status());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!global_options().quiet) {
    std::fprintf(stderr,
                 "pressekarte ingest: %zu files, %zu articles: %zu new, %zu already stored, %zu skipped "
                 "(%.1f s) into %s\n",
                 stats->inputs, stats->documents, stats->inserted, stats->unchanged, stats->skipped, secs,
                 store_options.db.c_str());
  }
  if (stats->inserted + stats->unchanged == 0) {
    fail("ingest", Status::invalid("no article could be read from the input"));
  }
  if (stats->skipped > 0) throw CLI::RuntimeError(1);  // partial success: stored what was readable
}

}  // namespace

void add_ingest_command(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  auto* cmd = app.add_subcommand(
      "ingest",
      "Extract, geoparse and store articles (files, directories, stdin). Each batch is one\n"
      "transaction; re-ingesting the same article (same URL or content) changes nothing.\n"
      "Exit 0: all stored; 1: some inputs skipped (see warnings); 2+: nothing stored.");
  cmd->add_option("FILE", args->files, "Input files or directories ('-' = stdin)");
  cmd->add_option("--db", args->db, "Database: a SQLite file or postgresql://… (default ./data/pressekarte.db)")
      ->envname("PRESSEKARTE_DB");
  cmd->add_option("-f,--format", args->format, "Input format (detected from the content by default)")
      ->check(CLI::IsMember(input_formats()))
      ->capture_default_str();
  cmd->add_option("--url", args->url, "URL to record for inputs that carry none");
  cmd->add_option("--gazetteer", args->gazetteer, "Gazetteer file (default: build/gazetteer.bin)");
  cmd->add_option("--batch", args->batch, "Articles per transaction")->check(CLI::Range(1, 100000))->capture_default_str();
  cmd->add_option("-j,--jobs", args->jobs,
                  "Threads that extract and geoparse in parallel (0 = one per core, at most 8); "
                  "articles are stored in input order either way")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  cmd->add_flag("--no-stories", args->no_stories, "Do not group reprints into stories while ingesting");
  cmd->add_option("--stories-since", args->stories_since,
                  "Rebuild the story index from stored articles since this ISO date, or 'all' "
                  "(default: the 14 days before the newest stored article)");
  cmd->callback([args] { run_ingest(*args); });
}

}  // namespace pk::cli
