// Pipeline: the glue that runs ingest → extract → geo → stories → store for the CLI, the
// server's POST /api/geoparse and the feed watcher.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pressekarte/extract.h"
#include "pressekarte/geo.h"
#include "pressekarte/ingest.h"
#include "pressekarte/model.h"
#include "pressekarte/status.h"
#include "pressekarte/store.h"

namespace pk {

struct PipelineOptions {
  ReadOptions read;
  ExtractOptions extract;
  GeoparseOptions geo;
  std::string gazetteer_path;     // "" = Gazetteer::default_path()
  std::size_t batch_size = 200;   // articles per store transaction
  // Group reprints into stories while ingesting. Default on.
  bool stories = true;
  // The story index is rebuilt on start from stored articles since this ISO date; "" = the
  // index's retain window (StoryOptions::retain_days before the newest stored article), "all" =
  // every stored article. Default "".
  std::string stories_since;
  // Threads that extract and geoparse in parallel; 0 = one per core (at most 8), 1 = all on the
  // calling thread. Articles are stored in input order either way, so runs are reproducible.
  std::size_t jobs = 0;
};

// Extract + geoparse for one document. Thread-safe after construction.
class ArticleProcessor {
 public:
  static Result<std::unique_ptr<ArticleProcessor>> open(const PipelineOptions& options);
  explicit ArticleProcessor(std::shared_ptr<const Geoparser> geoparser, ExtractOptions extract = {});

  Result<ArticleRecord> process(const RawDocument& doc) const;
  GeoparseResult geoparse(const Article& article) const;
  const Geoparser& geoparser() const { return *geoparser_; }
  std::shared_ptr<const Geoparser> shared_geoparser() const { return geoparser_; }

 private:
  std::shared_ptr<const Geoparser> geoparser_;
  ExtractOptions extract_;
};

struct IngestStats {
  std::size_t inputs = 0;        // files read
  std::size_t documents = 0;     // documents found in them
  std::size_t inserted = 0;
  std::size_t unchanged = 0;     // already stored
  std::size_t skipped = 0;       // unreadable documents (each reported as a warning)
};

struct IngestProgress {
  std::size_t done_inputs = 0, total_inputs = 0;
  std::size_t documents = 0;
};

// Reads every input, processes and stores it in batches of options.batch_size (each batch one
// transaction). Warnings go to `warn`; `progress` is called after each input (may be empty).
// Both callbacks run on the calling thread.
Result<IngestStats> ingest_paths(const std::vector<std::string>& paths, const PipelineOptions& options,
                                 const ArticleProcessor& processor, Store& store,
                                 const WarningSink& warn,
                                 const std::function<void(const IngestProgress&)>& progress);

}  // namespace pk
