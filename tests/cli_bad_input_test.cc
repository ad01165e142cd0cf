// Bad input through the CLI: each gives a clear message and a sane exit code, never a crash,
// and a batch keeps what it could read. Exit codes: 0 ok, 1 partial, 2 bad input, 3 not found.
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace pk::testing {
namespace {

using nlohmann::json;

std::string crawl_doc(const std::string& date, const std::string& title, const std::string& body) {
  return " date " + date + " Testblatt\n" + title + "\n" + body + "\n";
}

long long count_articles(const std::string& db) {
  sqlite3* handle = nullptr;
  long long n = -1;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(handle, "SELECT count(*) FROM articles", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(handle);
  return n;
}

TEST(CliBadInputTest, EmptyFileIsAClearError) {
  TempDir dir;
  write_file(dir.path() / "empty.txt", "");
  CommandResult r = run_pressekarte("extract " + dir.str("empty.txt"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_LT(r.exit_code, 128) << "crashed";
  EXPECT_NE(r.err.find("empty"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("empty.txt"), std::string::npos) << "message must name the input: " << r.err;
}

TEST(CliBadInputTest, BinaryFileIsAClearError) {
  TempDir dir;
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 7919) % 256);
  write_file(dir.path() / "blob.bin", bytes);
  CommandResult r = run_pressekarte("extract " + dir.str("blob.bin"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_LT(r.exit_code, 128) << "crashed";
  EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
}

TEST(CliBadInputTest, MissingFileIsNotFound) {
  CommandResult r = run_pressekarte("extract /nonexistent/pk-nothing.txt");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("pk-nothing.txt"), std::string::npos) << r.err;
}

TEST(CliBadInputTest, Latin1IsConvertedToUtf8) {
  TempDir dir;
  // "Köln feiert den Straßenkarneval" in ISO-8859-1.
  write_file(dir.path() / "latin1.txt",
             crawl_doc("2025-11-11", "K\xF6ln feiert den Stra\xDF" "enkarneval",
                       "Tausende Menschen feierten am Dienstag in der K\xF6lner Innenstadt den Beginn der "
                       "Session. Die Polizei z\xE4hlte nur wenige Eins\xE4tze.\n"));
  CommandResult r = run_pressekarte("extract " + dir.str("latin1.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json a = json::parse(r.out.substr(0, r.out.find('\n')));
  EXPECT_EQ(a["title"], "Köln feiert den Straßenkarneval");
}

TEST(CliBadInputTest, HugeFileWithoutNewlineFinishes) {
  TempDir dir;
  std::string big;
  const std::string sentence = "Berlin liegt an der Spree und Hamburg an der Elbe. ";
  while (big.size() < (50u << 20)) big += sentence;
  write_file(dir.path() / "big.txt", big);
  CommandResult r = run_pressekarte("geoparse --format text " + dir.str("big.txt") + " --gazetteer " +
                                    std::string(PK_BINARY_DIR) + "/gazetteer.bin");
  EXPECT_LT(r.exit_code, 128) << "crashed";
  EXPECT_TRUE(r.exit_code == 0 || !r.err.empty()) << "a failure must say why";
}

TEST(CliBadInputTest, DirectoryOfTenThousandFilesIngestsAllAndIsIdempotent) {
  TempDir dir;
  const int n = 10000;
  for (int i = 0; i < n; ++i) {
    write_file(dir.path() / "in" / ("doc" + std::to_string(i) + ".txt"),
               crawl_doc("2025-11-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1),
                         "Meldung Nummer " + std::to_string(i) + " aus Fulda",
                         "Fulda (ots) - In Fulda wurde am Montag Fall " + std::to_string(i) +
                             " gemeldet. Die Polizei ermittelt."));
  }
  write_file(dir.path() / "in" / "zz-empty.txt", "");
  const std::string db = dir.str("pk.db");
  CommandResult first = run_pressekarte("--quiet ingest --db " + db + " " + dir.str("in"));
  EXPECT_EQ(first.exit_code, 1) << "one empty file skipped → partial success; stderr: " << first.err;
  EXPECT_NE(first.err.find("zz-empty.txt"), std::string::npos) << first.err;
  EXPECT_EQ(count_articles(db), n);
  CommandResult second = run_pressekarte("--quiet ingest --db " + db + " " + dir.str("in"));
  EXPECT_EQ(count_articles(db), n) << "re-ingest must not duplicate";
}

TEST(CliBadInputTest, KillNineMidIngestLosesNothingOnRerun) {
  TempDir dir;
  const int n = 3000;
  for (int i = 0; i < n; ++i) {
    write_file(dir.path() / "in" / ("doc" + std::to_string(i) + ".txt"),
               crawl_doc("2025-10-01", "Bericht " + std::to_string(i) + " aus Kassel",
                         "Kassel (dpa) - Die Stadt Kassel meldet Vorgang " + std::to_string(i) + "."));
  }
  const std::string db = dir.str("pk.db");
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::string bin = binary();
    std::string in = dir.str("in");
    execl(bin.c_str(), bin.c_str(), "--quiet", "ingest", "--batch", "50", "--db", db.c_str(), in.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it once the first batches are committed, i.e. in the middle of the ingest.
  for (int i = 0; i < 400 && count_articles(db) <= 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  long long partial = count_articles(db);
  EXPECT_GE(partial, 0) << "store must stay readable after kill -9";
  EXPECT_EQ(partial % 50 == 0 || partial == n, true) << "only whole batches are visible: " << partial;
  CommandResult rerun = run_pressekarte("--quiet ingest --db " + db + " " + dir.str("in"));
  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(count_articles(db), n);
}

}  // namespace
}  // namespace pk::testing
