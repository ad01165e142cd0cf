// kill -9 during ingest: the store stays readable and a re-run completes without duplicates.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "pressekarte/store.h"
#include "store_test_util.h"

namespace pk::store {
namespace {

using namespace pk::store::testing;

std::vector<std::vector<ArticleRecord>> corpus() {
  std::vector<std::vector<ArticleRecord>> batches;
  for (int b = 0; b < 40; ++b) {
    std::vector<ArticleRecord> batch;
    for (int i = 0; i < 50; ++i) {
      int n = b * 50 + i;
      auto r = record(fmt::format("https://crash.test/{}", n), fmt::format("2025-{:02}-{:02}", 1 + n % 12, 1 + n % 28),
                      fmt::format("Artikel {} aus Fulda", n),
                      fmt::format("Die Feuerwehr in Fulda meldet Einsatz {} am Kirschbaum.", n), n % 2 ? fulda() : berlin());
      r.geo.places.push_back(kassel());
      batch.push_back(std::move(r));
    }
    batches.push_back(std::move(batch));
  }
  return batches;
}

// Ingests every batch; writes one byte to `progress_fd` (if >= 0) after each commit.
Status ingest_all(const std::string& path, int progress_fd = -1) {
  StoreOptions o;
  o.db = path;
  auto s = Store::open(o);
  if (!s) return s.status();
  for (const auto& b : corpus()) {
    auto r = (*s)->put_batch(b);
    if (!r) return r.status();
    if (progress_fd >= 0 && write(progress_fd, "b", 1) != 1) _exit(3);
  }
  return Status::ok();
}

std::vector<std::string> column(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  std::vector<std::string> out;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
    out.push_back(std::string("<prepare failed: ") + sqlite3_errmsg(db) + ">");
  } else {
    while (sqlite3_step(st) == SQLITE_ROW) {
      const auto* t = sqlite3_column_text(st, 0);
      out.push_back(t ? reinterpret_cast<const char*>(t) : "");
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

TEST(CrashTest, KillNineDuringIngestLosesNothingAndDuplicatesNothing) {
  std::string path = temp_dir("crash") + "/crash.db";
  for (int round = 0; round < 4; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(fds[0]);
      for (;;) ingest_all(path, fds[1]);  // re-ingests forever: batches after the first pass are no-ops
      _exit(0);
    }
    close(fds[1]);
    // Kill after a few committed batches, at a varying point inside the next one.
    for (int seen = 0; seen < 3 + 7 * round;) {
      char c;
      if (read(fds[0], &c, 1) != 1) break;
      ++seen;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(300 + 1700 * round));
    kill(child, SIGKILL);
    close(fds[0]);
    int wstatus = 0;
    waitpid(child, &wstatus, 0);
    ASSERT_TRUE(WIFSIGNALED(wstatus));

    // Readable and consistent right after the kill.
    EXPECT_EQ(column(path, "PRAGMA integrity_check"), std::vector<std::string>{"ok"}) << "round " << round;
    EXPECT_TRUE(column(path, "SELECT dedup_key FROM articles GROUP BY dedup_key HAVING count(*) > 1").empty());
    auto n = column(path, "SELECT count(*) FROM articles");
    auto n_rtree = column(path, "SELECT count(*) FROM focus_rtree_tm");
    std::printf("round %d: %s articles stored when killed\n", round, n.empty() ? "?" : n[0].c_str());
    EXPECT_EQ(n, n_rtree) << "every article has its focus point";
    ASSERT_EQ(n.size(), 1u);
    EXPECT_EQ(std::atoi(n[0].c_str()) % 50, 0) << "whole batches only";
    auto orphans = column(path, "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)");
    EXPECT_EQ(orphans, std::vector<std::string>{"0"});
    EXPECT_EQ(column(path, "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM mentions)"),
              std::vector<std::string>{"0"});
  }
  // A re-run completes the ingest: every article exactly once, all indexes agree.
  ASSERT_TRUE(ingest_all(path).is_ok());
  EXPECT_EQ(column(path, "SELECT count(*) FROM articles"), std::vector<std::string>{"2000"});
  EXPECT_EQ(column(path, "SELECT count(DISTINCT url) FROM articles"), std::vector<std::string>{"2000"});
  EXPECT_EQ(column(path, "SELECT count(*) FROM focus_rtree_tm"), std::vector<std::string>{"2000"});
  EXPECT_EQ(column(path, "SELECT count(*) FROM mentions"), std::vector<std::string>{"4000"});
  EXPECT_EQ(column(path, "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
  StoreOptions o;
  o.db = path;
  auto s = Store::open(o);
  ASSERT_TRUE(s.is_ok());
  ArticleQuery q;
  q.text = "Feuerwehr";
  q.limit = 1000;
  std::size_t total = 0;
  for (;;) {
    auto page = (*s)->query(q);
    ASSERT_TRUE(page.is_ok()) << page.status().to_string();
    total += page->items.size();
    if (page->next_cursor.empty()) break;
    q.cursor = page->next_cursor;
  }
  EXPECT_EQ(total, 2000u) << "the text index holds each article once";
}

}  // namespace
}  // namespace pk::store
