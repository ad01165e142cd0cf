// `export` and `counts` end to end: the sample corpus is ingested once, then read back in every
// format and checked against itself (same articles, valid GeoJSON/CSV, counts that add up).
#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace pk::testing {
namespace {

using nlohmann::json;

// One shared store of the samples plus an article with a spreadsheet formula as its title.
class CliExportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    write_file(dir_->path() / "formula.txt",
               " date 2026-11-20 Testblatt\n=1+1 Fulda beschließt den Haushalt, \"wie erwartet\"\n"
               "In Fulda hat der Stadtrat am Dienstag, \"wie erwartet\", den Haushalt beschlossen.\n\n"
               "Der Haushalt hat ein Volumen von 200 Millionen Euro.\n");
    CommandResult r = run_pressekarte("--quiet ingest --db " + db() + " " + std::string(PK_SOURCE_DIR) +
                                      "/samples/crawl " + dir_->str("formula.txt"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return dir_->str("pk.db"); }

  static std::vector<json> jsonl(const std::string& text) {
    std::vector<json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) out.push_back(json::parse(line));
    return out;
  }

  static inline TempDir* dir_ = nullptr;
};

// RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += text[i++];
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

TEST_F(CliExportTest, JsonLinesHoldEveryArticleOnce) {
  CommandResult r = run_pressekarte("export --db " + db());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto articles = jsonl(r.out);
  EXPECT_EQ(articles.size(), 160u);  // 159 samples + the formula article
  std::set<std::int64_t> ids;
  for (const auto& a : articles) ids.insert(a["id"].get<std::int64_t>());
  EXPECT_EQ(ids.size(), articles.size());
  EXPECT_NE(r.err.find("160 articles as jsonl"), std::string::npos) << r.err;
}

TEST_F(CliExportTest, GeoJsonIsAFeatureCollectionOfPointsInsideTheFilter) {
  // Germany's box: every feature must lie in it.
  CommandResult r = run_pressekarte("export --db " + db() + " --format geojson --bbox 5.8,47.2,15.1,55.1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json fc = json::parse(r.out);
  EXPECT_EQ(fc["type"], "FeatureCollection");
  ASSERT_GT(fc["features"].size(), 100u);
  for (const auto& f : fc["features"]) {
    EXPECT_EQ(f["type"], "Feature");
    EXPECT_EQ(f["geometry"]["type"], "Point");
    double lon = f["geometry"]["coordinates"][0], lat = f["geometry"]["coordinates"][1];
    EXPECT_TRUE(lon >= 5.8 && lon <= 15.1 && lat >= 47.2 && lat <= 55.1) << f.dump();
    EXPECT_FALSE(f["properties"]["title"].get<std::string>().empty());
  }
  CommandResult all = run_pressekarte("export --db " + db() + " --format geojson");
  EXPECT_GT(json::parse(all.out)["features"].size(), fc["features"].size()) << "foreign datelines are outside";
}

TEST_F(CliExportTest, CsvHasOneWellFormedRowPerArticleAndDisarmsFormulas) {
  CommandResult r = run_pressekarte("export --db " + db() + " --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = parse_csv(r.out);
  ASSERT_EQ(rows.size(), 161u);  // header + 160
  const auto& header = rows[0];
  ASSERT_EQ(header[0], "id");
  const auto title = std::find(header.begin(), header.end(), "title") - header.begin();
  bool formula_seen = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), header.size()) << "row " << i;
    const std::string& t = rows[i][title];
    EXPECT_FALSE(!t.empty() && (t[0] == '=' || t[0] == '+' || t[0] == '@')) << t;
    if (t == "'=1+1 Fulda beschließt den Haushalt, \"wie erwartet\"") formula_seen = true;
  }
  EXPECT_TRUE(formula_seen) << "the formula title is kept, behind an apostrophe";
}

TEST_F(CliExportTest, OutputFileAppearsOnlyWhenTheExportSucceeds) {
  const std::string out = dir_->str("out.csv");
  CommandResult ok = run_pressekarte("--quiet export --db " + db() + " --format csv -o " + out + " --max 5");
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(parse_csv(read_file(out)).size(), 6u);
  const std::string bad = dir_->str("bad.csv");
  CommandResult missing = run_pressekarte("export --db " + dir_->str("nope.db") + " -o " + bad);
  EXPECT_EQ(missing.exit_code, 3) << missing.err;
  EXPECT_NE(missing.err.find("no database"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(bad));
  EXPECT_FALSE(std::filesystem::exists(bad + ".part"));
  CommandResult bad_box = run_pressekarte("export --db " + db() + " --bbox 1,2,3");
  EXPECT_EQ(bad_box.exit_code, 2) << bad_box.err;
}

TEST_F(CliExportTest, CountsPerRegionAndDayAddUpToTheArticles) {
  CommandResult by_region = run_pressekarte("counts --db " + db() + " --by region --format jsonl");
  ASSERT_EQ(by_region.exit_code, 0) << by_region.err;
  std::size_t total = 0;
  bool hessen = false;
  for (const auto& row : jsonl(by_region.out)) {
    total += row["articles"].get<std::size_t>();
    EXPECT_LE(row["stories"].get<std::size_t>(), row["articles"].get<std::size_t>());
    EXPECT_GE(row["stories"].get<std::size_t>(), 1u);
    if (row["region"] == "admin1:DE.05") {
      hessen = true;
      EXPECT_EQ(row["region_name"], "Hessen");
    }
  }
  EXPECT_EQ(total, 160u);
  EXPECT_TRUE(hessen);

  CommandResult by_day = run_pressekarte("counts --db " + db() + " --by day --format jsonl");
  ASSERT_EQ(by_day.exit_code, 0) << by_day.err;
  std::size_t day_total = 0;
  std::string previous;
  for (const auto& row : jsonl(by_day.out)) {
    day_total += row["articles"].get<std::size_t>();
    EXPECT_LT(previous, row["day"].get<std::string>()) << "days ascend, each once";
    previous = row["day"];
  }
  EXPECT_EQ(day_total, 160u);

  // Wire reprints count once as stories: fewer stories than articles overall.
  CommandResult csv = run_pressekarte("counts --db " + db() + " --by region-day --level country");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  auto rows = parse_csv(csv.out);
  ASSERT_GT(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"region", "region_name", "day", "articles", "stories"}));
  std::size_t articles = 0, stories = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    articles += std::stoul(rows[i][3]);
    stories += std::stoul(rows[i][4]);
  }
  EXPECT_EQ(articles, 160u);
  EXPECT_LT(stories, articles);
}

}  // namespace
}  // namespace pk::testing
