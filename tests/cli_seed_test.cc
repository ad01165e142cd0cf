// The seed page end to end through the CLI: `extract` must read it as the careful human in
// its .expected.json did, and `geoparse` must find and resolve its places.
#include <algorithm>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace pk::testing {
namespace {

using nlohmann::json;

json expected_seed() {
  return json::parse(read_file(shared_dir() + "/fixtures/crawl/2025-10-28-tokio-allianz.expected.json"));
}

json run_json(const std::string& args) {
  CommandResult r = run_pressekarte(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto nl = r.out.find('\n');
  EXPECT_NE(nl, std::string::npos) << "no output line; stderr: " << r.err;
  EXPECT_EQ(r.out.find('\n', nl + 1), std::string::npos) << "expected one article";
  return json::parse(r.out.substr(0, nl));
}

TEST(CliSeedTest, ExtractMatchesExpectedReading) {
  json want = expected_seed();
  json got = run_json("extract " + seed_path());
  EXPECT_EQ(got["date"], want["date"]);
  EXPECT_EQ(got["site_title"], want["site_title"]);
  EXPECT_EQ(got["language"], want["language"]);
  EXPECT_EQ(got["title"], want["title"]);
  EXPECT_EQ(got["dateline"], want["dateline"]);
  EXPECT_EQ(got["agency"], want["agency"]);
  EXPECT_EQ(got["subheadings"], want["subheadings"]);
  EXPECT_EQ(got["images"], want["images"]);
  std::string lead = got["lead"];
  EXPECT_EQ(lead.rfind(want["lead_starts_with"].get<std::string>(), 0), 0u) << lead;
  EXPECT_GE(got["paragraphs"].size(), want["body_paragraphs_min"].get<std::size_t>());
  const std::string text = got["text"];
  for (const auto& banned : want["body_must_not_contain"]) {
    EXPECT_EQ(text.find(banned.get<std::string>()), std::string::npos) << banned;
  }
  EXPECT_EQ(text.find("(dpa)"), std::string::npos) << "agency marker must leave the body";
  EXPECT_EQ(text.find(lead), std::string::npos) << "lead is not part of the body";
}

TEST(CliSeedTest, GeoparseFindsRequiredPlacesAndFocus) {
  json want = expected_seed();
  json got = run_json("geoparse " + seed_path());
  ASSERT_TRUE(got["focus"].is_object()) << got.dump();
  EXPECT_EQ(got["focus"]["geonameid"], want["focus"]["geonameid"]);
  const json& places = got["places"];
  for (const auto& req : want["places_required"]) {
    const std::string surface = req["surface"];
    bool found = false;
    for (const auto& p : places) {
      if (p["surface"] != surface) continue;
      if (req.contains("geonameid") && p["geonameid"] != req["geonameid"]) continue;
      if (req.contains("country") && p["country"] != req["country"]) continue;
      if (req.contains("country") && p["kind"] != "country") continue;
      found = true;
    }
    EXPECT_TRUE(found) << "required place not found or resolved wrongly: " << req.dump();
  }
  for (const auto& bad : want["places_forbidden"]) {
    const std::string surface = bad["surface"];
    for (const auto& p : places) {
      EXPECT_NE(p["surface"].get<std::string>(), surface) << "forbidden place reported: " << bad.dump();
    }
  }
}

// After `ingest`, the seed is found at Tokyo (its focus) and by German words through the store.
TEST(CliSeedTest, IngestedSeedIsFoundAtTokyoAndByStemmedWords) {
  TempDir dir;
  const std::string db = dir.str("pk.db");
  CommandResult ingest = run_pressekarte("--quiet ingest --db " + db + " " + seed_path());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  CommandResult at_tokyo = run_pressekarte("search --db " + db + " --bbox 139,35,141,36 --json");
  ASSERT_EQ(at_tokyo.exit_code, 0) << at_tokyo.err;
  EXPECT_NE(at_tokyo.out.find("Gegengewicht zu China"), std::string::npos) << at_tokyo.out;
  CommandResult in_germany = run_pressekarte("search --db " + db + " --bbox 5.8,47.2,15.1,55.1 --json");
  EXPECT_EQ(in_germany.out.find("Gegengewicht zu China"), std::string::npos) << "not placed in Germany";
  CommandResult by_word = run_pressekarte("search --db " + db + " --json Kirschbaum");
  EXPECT_NE(by_word.out.find("Gegengewicht zu China"), std::string::npos) << "Kirschbaum finds Kirschbäume";
  CommandResult again = run_pressekarte("--quiet ingest --db " + db + " " + seed_path());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  CommandResult all = run_pressekarte("search --db " + db + " --json");
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '\n'), 1) << "re-ingest must not duplicate";
}

// Regression: "nahe Tokio sagte Takaichi" looked like a speaker cue and removed every Tokio.
TEST(CliSeedTest, GeoparseReportsEveryOccurrenceOfTheFocusPlace) {
  json got = run_json("geoparse " + seed_path());
  for (const char* field : {"lead", "text"}) {
    const std::string body = got[field];
    std::size_t expected = 0;
    for (std::size_t at = body.find("Tokio"); at != std::string::npos; at = body.find("Tokio", at + 1)) ++expected;
    std::size_t found = 0;
    for (const auto& p : got["places"])
      if (p["field"] == field && p["surface"] == "Tokio" && p["geonameid"] == 1850147) ++found;
    EXPECT_EQ(found, expected) << field;
  }
}

}  // namespace
}  // namespace pk::testing
