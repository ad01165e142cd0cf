#include "pressekarte/pipeline.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <fstream>
#include <string>
#include <vector>

#include "geoparser_test_gazetteer.h"

namespace pk {
namespace {

namespace fs = std::filesystem;

// A JSONL input with wire reprints (story groups), distinct local items, and lines the reader
// or the extractor rejects, so the parallel path has to keep order, stories and warnings right.
std::string write_input(const fs::path& dir) {
  const std::vector<std::string> towns = {"Fulda", "Essen", "Vechta", "Berlin", "Paris", "Tokio"};
  std::ofstream out(dir / "in.jsonl");
  for (int i = 0; i < 120; ++i) {
    nlohmann::json j;
    const std::string& town = towns[i % towns.size()];
    j["url"] = "https://paper" + std::to_string(i % 7) + ".example/" + std::to_string(i);
    j["date"] = "2026-11-" + std::to_string(10 + i % 5) + "T08:00:00+01:00";
    if (i % 3 == 0) {  // a reprint of one of six wire stories
      j["title"] = "Wire story " + std::to_string(i % 6) + " from " + town;
      j["text"] = town + " (dpa) - Der Stadtrat in " + town + " hat am Montag über den Haushalt " +
                  std::to_string(i % 6) + " beraten. Die Sitzung dauerte bis in den Abend. Viele " +
                  "Bürger verfolgten die Debatte im Rathaus, die Entscheidung fällt im Dezember.";
    } else {
      j["title"] = "Local item " + std::to_string(i);
      j["text"] = "In " + town + " wurde am Sonntag das Fest Nummer " + std::to_string(i) +
                  " gefeiert. Besucher kamen aus der ganzen Region nach " + town + ".";
    }
    out << j.dump() << "\n";
    if (i % 40 == 5) out << "not json at all\n";
    if (i % 50 == 7) out << R"({"url":"https://x.example/empty","html":"<html><body></body></html>"})" << "\n";
  }
  return (dir / "in.jsonl").string();
}

struct RunResult {
  IngestStats stats;
  std::vector<std::string> warnings;
  std::vector<std::pair<std::string, std::int64_t>> rows;  // url, story id (0 = none), by id
};

RunResult ingest_with_jobs(const std::string& input, const fs::path& dir, std::size_t jobs) {
  PipelineOptions options;
  options.jobs = jobs;
  options.batch_size = 16;
  ArticleProcessor processor(std::make_shared<const Geoparser>(geo::testing::tiny_gazetteer(), options.geo));
  StoreOptions so;
  so.db = (dir / ("jobs" + std::to_string(jobs) + ".db")).string();
  auto store = Store::open(so);
  EXPECT_TRUE(store.is_ok()) << store.status().message();
  RunResult r;
  auto stats = ingest_paths({input}, options, processor, **store,
                            [&](const Status& w) { r.warnings.push_back(w.message()); }, {});
  EXPECT_TRUE(stats.is_ok()) << stats.status().message();
  r.stats = *stats;
  auto n = (*store)->count();
  for (std::int64_t id = 1; id <= *n; ++id) {
    auto a = (*store)->get(id);
    EXPECT_TRUE(a.is_ok() && a->has_value());
    r.rows.emplace_back((*a)->article.url, (*a)->story_id.value_or(0));
  }
  return r;
}

TEST(IngestPathsTest, ParallelWorkersStoreExactlyWhatOneThreadStores) {
  fs::path dir = fs::temp_directory_path() / ("pk_pipeline_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string input = write_input(dir);
  RunResult one = ingest_with_jobs(input, dir, 1);
  RunResult four = ingest_with_jobs(input, dir, 4);
  fs::remove_all(dir);

  EXPECT_EQ(one.stats.inserted, 120u);
  EXPECT_GE(one.warnings.size(), 3u);  // the non-JSON lines at least
  ASSERT_EQ(one.rows.size(), 120u);
  std::set<std::int64_t> stories;
  for (const auto& [url, story] : one.rows) stories.insert(story);
  EXPECT_LT(stories.size(), one.rows.size());  // the reprints were grouped

  // Same articles under the same ids, same stories, same warnings in the same order.
  EXPECT_EQ(four.stats.inserted, one.stats.inserted);
  EXPECT_EQ(four.stats.skipped, one.stats.skipped);
  EXPECT_EQ(four.stats.documents, one.stats.documents);
  EXPECT_EQ(four.rows, one.rows);
  EXPECT_EQ(four.warnings, one.warnings);
}

}  // namespace
}  // namespace pk
