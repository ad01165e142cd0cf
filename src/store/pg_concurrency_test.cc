// Several workers ingest overlapping batches into one PostgreSQL database at the same time:
// every article must end up stored exactly once, with one id that every worker agrees on.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "pressekarte/store.h"
#include "pg_schema.h"
#include "store_test_util.h"

namespace pk::store {
namespace {

using namespace pk::store::testing;

std::string scalar(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  PGresult* r = PQexec(c, sql.c_str());
  std::string out = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "<error>";
  PQclear(r);
  PQfinish(c);
  return out;
}

TEST(PgConcurrencyTest, OverlappingConcurrentIngestNeverDuplicates) {
  if (pg_url() == nullptr) GTEST_SKIP() << "PK_TEST_PG_URL is not set";
  const std::string url = fresh_pg_schema("conc");
  constexpr int kArticles = 600, kWorkers = 4, kBatch = 40;
  std::vector<ArticleRecord> all;
  for (int i = 0; i < kArticles; ++i) {
    auto r = record(fmt::format("https://conc.test/{}", i), fmt::format("2025-10-{:02}", 1 + i % 28),
                    fmt::format("Meldung {}", i), fmt::format("Text über Fulda und Kassel {}", i),
                    i % 3 ? fulda() : kassel());
    r.geo.places.push_back(berlin());
    r.geo.places.push_back(place(fmt::format("Ort{}", i % 50), 50 + (i % 50) * 0.01, 9, "DE", "05", 100000 + i % 50));
    all.push_back(std::move(r));
  }
  std::mutex mu;
  std::map<std::string, std::int64_t> id_of_url;
  std::vector<std::string> errors;
  int inserted_total = 0;
  auto worker = [&](int w) {
    StoreOptions o;
    o.db = url;
    auto s = Store::open(o);  // workers migrate concurrently too
    if (!s) {
      std::lock_guard lock(mu);
      errors.push_back(s.status().to_string());
      return;
    }
    // Each worker covers every article, in its own order and batch composition.
    std::vector<int> order(kArticles);
    for (int i = 0; i < kArticles; ++i) order[i] = i;
    std::mt19937 rng(1234 + w);
    std::shuffle(order.begin(), order.end(), rng);
    for (int start = 0; start < kArticles; start += kBatch) {
      std::vector<ArticleRecord> batch;
      for (int k = start; k < std::min(kArticles, start + kBatch); ++k) batch.push_back(all[order[k]]);
      std::vector<std::int64_t> ids;
      auto r = (*s)->put_batch(batch, &ids);
      std::lock_guard lock(mu);
      if (!r) {
        errors.push_back(r.status().to_string());
        continue;
      }
      for (std::size_t k = 0; k < batch.size(); ++k) {
        if (r.value()[k] == PutOutcome::kInserted) ++inserted_total;
        auto [it, fresh] = id_of_url.emplace(batch[k].article.url, ids[k]);
        if (!fresh && it->second != ids[k]) errors.push_back("two ids for " + batch[k].article.url);
      }
    }
  };
  std::vector<std::thread> threads;
  for (int w = 0; w < kWorkers; ++w) threads.emplace_back(worker, w);
  for (auto& t : threads) t.join();
  for (const auto& e : errors) ADD_FAILURE() << e;
  EXPECT_EQ(inserted_total, kArticles) << "each article inserted by exactly one worker";
  EXPECT_EQ(id_of_url.size(), static_cast<std::size_t>(kArticles));
  EXPECT_EQ(scalar(url, "SELECT count(*) FROM articles"), std::to_string(kArticles));
  EXPECT_EQ(scalar(url, "SELECT count(DISTINCT url) FROM articles"), std::to_string(kArticles));
  EXPECT_EQ(scalar(url, "SELECT count(*) FROM mentions"), std::to_string(3 * kArticles));
  EXPECT_EQ(scalar(url, "SELECT count(*) FROM places"), std::to_string(3 + 50));
  EXPECT_EQ(scalar(url, "SELECT count(*) FROM (SELECT place_key FROM places GROUP BY 1 HAVING count(*) > 1) d"), "0");
  EXPECT_EQ(scalar(url, "SELECT version FROM schema_version"), std::to_string(kPgSchemaVersion));
}

}  // namespace
}  // namespace pk::store

namespace pk::store {
namespace {

using namespace pk::store::testing;

// v5 dropped the content-hash index (no query reads it); a v4 database is v5 plus that index.
TEST(PgMigrationTest, MigratesAV4DatabaseToV5) {
  if (pg_url() == nullptr) GTEST_SKIP() << "PK_TEST_PG_URL is not set";
  const std::string url = fresh_pg_schema("v4");
  StoreOptions o;
  o.db = url;
  const std::vector<ArticleRecord> batch = {record("https://v4.test/1", "2025-10-01", "Mit URL", "Text", fulda()),
                                            record("", "2025-10-02", "Ohne URL", "Agenturtext")};
  {
    auto s = Store::open(o);
    ASSERT_TRUE(s.is_ok()) << s.status().to_string();
    ASSERT_TRUE((*s)->put_batch(batch).is_ok());
  }
  ASSERT_EQ(scalar(url, "CREATE INDEX articles_hash ON articles(content_hash); UPDATE schema_version SET version = 4; "
                        "SELECT 1"), "1");
  auto s = Store::open(o);
  ASSERT_TRUE(s.is_ok()) << s.status().to_string();
  EXPECT_EQ((*s)->schema_version(), 5);
  EXPECT_EQ(scalar(url, "SELECT count(*) FROM pg_indexes WHERE indexname = 'articles_hash' AND "
                        "schemaname = current_schema()"), "0");
  auto again = (*s)->put_batch(batch);  // URL-less articles are still found by their hash
  ASSERT_TRUE(again.is_ok()) << again.status().to_string();
  EXPECT_EQ(again->back(), PutOutcome::kUnchanged);
  EXPECT_EQ((*s)->count().value(), 2);
}

}  // namespace
}  // namespace pk::store
