// SQLite-only behaviour: migrations from v1, atomic batches, disk full, read-only, corruption.
#include <filesystem>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "fts5_tokenizer.h"
#include "pressekarte/store.h"
#include "sqlite_plans.h"
#include "record.h"
#include "sqlite_schema.h"
#include "sqlite_util.h"
#include "store_test_util.h"

namespace pk::store {
namespace {

using namespace pk::store::testing;

std::string one_value(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  std::string out = "<error>";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    const auto* t = sqlite3_column_text(st, 0);
    out = t ? reinterpret_cast<const char*>(t) : "";
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

// Prefix words spelled out as verbatim index terms (date-ordered text queries) must match exactly
// the articles the FTS5 prefix query matches: compounds, inflections, German and English stems,
// prefixes of no term, phrases; and fall back when a prefix covers too many terms.
TEST(SqliteStoreTest, SpelledOutPrefixesMatchThePrefixQuery) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  ASSERT_TRUE(register_fts5_tokenizer(db).is_ok());
  ASSERT_TRUE(register_verbatim_query_terms(db).is_ok());
  ASSERT_EQ(exec(db, "CREATE VIRTUAL TABLE article_fts USING fts5(title, lead, body, content='', tokenize='pk_text');"
                     "CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, 'article_fts', 'row')"),
            SQLITE_OK);
  const char* texts[] = {"Kirschbaum im Garten", "Kirschbäume blühen", "die Kirschbaumblüte beginnt",
                         "Stadtschule und Stadtsenat", "the Stadtsenates decision", "Verteidigungsetat steigt",
                         "Verteidigung der Stadt", "Straße gesperrt", "Strasse offen", "Hafenkante Hafen Häfen",
                         "nothing here", "Kirschbaumallee am Hafen"};
  int rowid = 0;
  for (const char* t : texts) {
    for (const char* lang : {"de", "en"}) {
      std::string value = language_marker(lang) + t;
      sqlite3_stmt* st = nullptr;
      ASSERT_EQ(sqlite3_prepare_v2(db, "INSERT INTO article_fts(rowid, title, lead, body) VALUES (?, '', '', ?)", -1, &st,
                                   nullptr),
                SQLITE_OK);
      sqlite3_bind_int(st, 1, ++rowid);
      sqlite3_bind_text(st, 2, value.c_str(), -1, SQLITE_TRANSIENT);
      ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
      sqlite3_finalize(st);
    }
  }
  auto matches = [&](const std::string& expr) {
    std::vector<std::int64_t> ids;
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid DESC", -1, &st,
                                 nullptr),
              SQLITE_OK);
    sqlite3_bind_text(st, 1, expr.c_str(), -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(st, 0));
    EXPECT_EQ(rc, SQLITE_DONE) << expr << ": " << sqlite3_errmsg(db);
    sqlite3_finalize(st);
    return ids;
  };
  int listed = 0;
  TermLister list = [&](const std::string& prefix, int limit, std::vector<std::string>* terms) {
    ++listed;
    std::string next = prefix;
    next.back() = static_cast<char>(next.back() + 1);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT term FROM temp.terms WHERE term >= ? AND term < ? LIMIT ?", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, prefix.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, next.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, limit);
    while (sqlite3_step(st) == SQLITE_ROW) terms->push_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return true;
  };
  for (const char* query : {"Kirschbaum", "Kirschbäume", "Stadtsen", "Stadtschule", "Verteidigung", "Straße", "Hafen",
                            "Häfen", "Zzzyxwort", "Kirschbaum Hafen", "\"Stadtschule und\" Stadtsenat", "Stadt", "nothing"}) {
    auto q = parse_text_query(query);
    ASSERT_TRUE(q.is_ok()) << query;
    const std::string prefix_expr = fts5_match_expression(*q);
    auto spelled = spelled_out_match_expression(q->groups, 64, list);
    ASSERT_TRUE(spelled.has_value()) << query;
    EXPECT_EQ(matches(*spelled), matches(prefix_expr)) << query << ": " << *spelled << " vs " << prefix_expr;
  }
  EXPECT_GT(listed, 0);
  EXPECT_FALSE(matches(fts5_match_expression(*parse_text_query("Kirschbaum"))).empty());
  EXPECT_TRUE(matches(*spelled_out_match_expression(parse_text_query("Zzzyxwort")->groups, 64, list)).empty());
  // "Kirschbaum" covers kirschbaum, kirschbaumblut, kirschbaumalle: more than 2 terms, so no spelling out.
  EXPECT_FALSE(spelled_out_match_expression(parse_text_query("Kirschbaum")->groups, 2, list).has_value());
  // A failing term list keeps the prefix query.
  EXPECT_FALSE(spelled_out_match_expression(parse_text_query("Kirschbaum")->groups, 64,
                                            [](const std::string&, int, std::vector<std::string>*) { return false; })
                   .has_value());
  sqlite3_close(db);
}

TEST(SqliteStoreTest, OpensAV1DatabaseAndMigrates) {
  std::string path = temp_dir("v1") + "/old.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_TRUE(register_fts5_tokenizer(db).is_ok());
  ASSERT_EQ(sqlite3_exec(db, kSqliteSchemaV1, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  // One article as a v1 binary stored it.
  const char* rows = R"sql(
    INSERT INTO places(id, place_key, geonameid, name, name_fold, kind, country, admin1, admin2, lat, lon)
      VALUES (1, 'g:2896861', 2896861, 'Fulda', 'fulda', 'city', 'DE', '05', '06631', 50.5558, 9.6808);
    INSERT INTO articles(id, dedup_key, url, canonical_url, content_hash, outlet, site_title, published, updated,
      sort_ts, language, title, lead, dateline, agency, author, focus_place_id, focus_lat, focus_lon, ingested_at, doc)
      VALUES (1, 'u:https://old/1', 'https://old/1', '', 'h1', 'old', '', '2024-05-01', '', 1714521600, 'de',
      'Alter Artikel', '', '', '', '', 1, 50.5558, 9.6808, '2024-05-01T00:00:00Z',
      '{"article":{"url":"https://old/1","title":"Alter Artikel","date":"2024-05-01","text":"Kirschbäume"},"places":[],"focus":null}');
    INSERT INTO articles(id, dedup_key, url, canonical_url, content_hash, outlet, site_title, published, updated,
      sort_ts, language, title, lead, dateline, agency, author, focus_place_id, focus_lat, focus_lon, ingested_at, doc)
      VALUES (2, 'u:https://old/2', 'https://old/2', '', 'h2', 'old', '', '2024-05-01', '', 1714521600, 'de',
      'Gleiche Sekunde', '', '', '', '', 1, 50.5558, 9.6808, '2024-05-01T00:00:00Z',
      '{"article":{"url":"https://old/2","title":"Gleiche Sekunde","date":"2024-05-01","text":"Kirschbaum"},"places":[],"focus":null}'),
      (3, 'u:https://old/3', 'https://old/3', '', 'h3', 'old', '', '2023-11-14', '', 1699920000, 'de',
      'Älter', '', '', '', '', 1, 50.5558, 9.6808, '2023-11-14T00:00:00Z',
      '{"article":{"url":"https://old/3","title":"Älter","date":"2023-11-14","text":"Kirschbäumen"},"places":[],"focus":null}');
    INSERT INTO mentions VALUES (1, 0, 1, 'focus', 'text', 0, 5, 'Fulda', 0.9);
    INSERT INTO article_fts(rowid, title, lead, body) VALUES (1, 'Alter Artikel', '', 'Kirschbäume');
    INSERT INTO focus_rtree VALUES (1, 9.6808, 9.6808, 50.5558, 50.5558, 50.5558, 9.6808, 1714521600);
  )sql";
  ASSERT_EQ(sqlite3_exec(db, rows, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);

  StoreOptions o;
  o.db = path;
  auto s = Store::open(o);
  ASSERT_TRUE(s.is_ok()) << s.status().to_string();
  EXPECT_EQ((*s)->schema_version(), kSqliteSchemaVersion);
  ArticleQuery q;
  q.region = "admin2:DE.05.06631";  // needs the v2 region index, backfilled from mentions
  auto page = (*s)->query(q);
  ASSERT_TRUE(page.is_ok()) << page.status().to_string();
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].article.title, "Alter Artikel");
  q.region.clear();
  q.text = "Kirschbaum";  // v3 rebuilt the text index from the stored documents, in date order
  q.limit = 1;
  std::vector<std::string> order;
  for (int i = 0; i < 5; ++i) {
    auto p = (*s)->query(q);
    ASSERT_TRUE(p.is_ok()) << p.status().to_string();
    for (const auto& a : p->items) order.push_back(a.article.title);
    if (p->next_cursor.empty()) break;
    q.cursor = p->next_cursor;
  }
  EXPECT_EQ(order, (std::vector<std::string>{"Gleiche Sekunde", "Alter Artikel", "Älter"}));
  q = ArticleQuery{};
  q.text = "Kirschbaum";
  q.bbox = BBox{9, 50, 10, 51};
  q.since = "2024-01-01";
  EXPECT_EQ((*s)->query(q)->items.size(), 2u);
  // The migrated store keeps working.
  EXPECT_EQ((*s)->put_batch({record("https://new/1", "2025-01-01", "Neu", "x", fulda())}).value()[0],
            PutOutcome::kInserted);
  s = Result<std::unique_ptr<Store>>(Status::internal("closed"));
  EXPECT_EQ(one_value(path, "SELECT version FROM schema_version"), std::to_string(kSqliteSchemaVersion));
}

// Every row of `sql` as one string (columns joined by '|', rows by '\n').
std::string all_rows(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return std::string("<error> ") + sqlite3_errmsg(db);
  std::string out;
  while (sqlite3_step(st) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      const auto* t = sqlite3_column_text(st, c);
      if (c) out += '|';
      out += t ? reinterpret_cast<const char*>(t) : "";
    }
    out += "\n";
  }
  sqlite3_finalize(st);
  return out;
}

constexpr const char* kSchemaRows = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name";

// v5 only dropped two indexes, so a v5 store plus those indexes is exactly what a v4 binary
// wrote; the test checks that against a v4 schema built by the v1–v4 steps.
TEST(SqliteStoreTest, MigratesAV4StoreToV5) {
  const std::string dir = temp_dir("v4");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir + "/ref.db").c_str(), &db), SQLITE_OK);
  ASSERT_TRUE(register_fts5_tokenizer(db).is_ok());
  ASSERT_TRUE(sqlite_migrate(db, dir + "/ref.db", 4).is_ok());
  const std::string v4_schema = all_rows(db, kSchemaRows);
  sqlite3_close(db);
  ASSERT_NE(v4_schema.find("articles_date"), std::string::npos);

  StoreOptions o;
  o.db = dir + "/old.db";
  std::vector<ArticleRecord> batch;
  for (int i = 0; i < 40; ++i) {
    batch.push_back(record("https://v4/" + std::to_string(i), fmt::format("2024-0{}-{:02}T10:00:00Z", 1 + i % 9, 1 + i % 5),
                           "Titel " + std::to_string(i), "Text", i % 4 ? std::optional(fulda()) : std::nullopt,
                           i % 3 ? "de" : "en"));
  }
  batch.push_back(record("", "2024-02-02", "Ohne URL", "Agenturtext"));  // deduplicated by content hash
  {
    auto s = Store::open(o);
    ASSERT_TRUE(s.is_ok()) << s.status().to_string();
    ASSERT_TRUE((*s)->put_batch(batch).is_ok());
  }
  ASSERT_EQ(sqlite3_open(o.db.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE INDEX articles_date ON articles(sort_ts, id, focus_lat, focus_lon);"
                             "CREATE INDEX articles_hash ON articles(content_hash);"
                             "UPDATE schema_version SET version = 4;", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_EQ(all_rows(db, kSchemaRows), v4_schema) << "the test's store is not a v4 store";
  const std::string v4_listing = all_rows(db, "SELECT id FROM articles ORDER BY sort_ts DESC, id DESC");
  sqlite3_close(db);

  o.migrate = false;
  EXPECT_EQ(Store::open(o).status().code(), Status::Code::kUnsupported) << "a v4 store needs `pressekarte migrate`";
  o.migrate = true;
  auto s = Store::open(o);
  ASSERT_TRUE(s.is_ok()) << s.status().to_string();
  EXPECT_EQ((*s)->schema_version(), 5);
  // The newest-first listing (now read from article_order), page by page, is the v4 order.
  ArticleQuery q;
  q.limit = 6;
  std::string listing;
  for (int pages = 0; pages < 20; ++pages) {
    auto page = (*s)->query(q);
    ASSERT_TRUE(page.is_ok()) << page.status().to_string();
    for (const auto& a : page->items) listing += std::to_string(a.id) + "\n";
    if (page->next_cursor.empty()) break;
    q.cursor = page->next_cursor;
  }
  EXPECT_EQ(listing, v4_listing);
  EXPECT_EQ((*s)->count().value(), 41);
  auto points = (*s)->quick_focus_points();
  ASSERT_TRUE(points.is_ok());
  EXPECT_EQ(points->size(), 30u);
  // Re-putting the batch changes nothing: URL-less articles are still found by their hash.
  auto again = (*s)->put_batch(batch);
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(again->back(), PutOutcome::kUnchanged);
  EXPECT_EQ((*s)->count().value(), 41);
  s = Result<std::unique_ptr<Store>>(Status::internal("closed"));
  EXPECT_EQ(one_value(o.db, "SELECT count(*) FROM sqlite_master WHERE name IN ('articles_date', 'articles_hash')"), "0");
  EXPECT_EQ(one_value(o.db, "PRAGMA integrity_check"), "ok");
}

// The plans that replaced articles_date read article_order backwards in key order: no sort,
// no scan of the wide articles table (which holds the ~6 KB documents).
TEST(SqliteStoreTest, ListingPlansReadArticleOrderInKeyOrder) {
  StoreOptions o;
  o.db = temp_dir("plans") + "/p.db";
  ASSERT_TRUE(Store::open(o).is_ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(o.db.c_str(), &db), SQLITE_OK);
  ASSERT_TRUE(register_fts5_tokenizer(db).is_ok());
  for (const std::string& sql : {listing_sql("", false), listing_sql(" AND k.order_key < ?", false),
                                 listing_sql(" AND k.order_key >= ? AND k.order_key < ? AND a.language = ?", true),
                                 std::string(kQuickFocusPointsSql)}) {
    const std::string plan = all_rows(db, "EXPLAIN QUERY PLAN " + sql);
    const bool drives = plan.find("SCAN k\n") != std::string::npos || plan.find("SEARCH k USING INTEGER PRIMARY KEY") != std::string::npos;
    EXPECT_TRUE(drives) << sql << "\n" << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << sql << "\n" << plan;
    EXPECT_EQ(plan.find("SCAN a"), std::string::npos) << sql << "\n" << plan;
  }
  sqlite3_close(db);
}

TEST(SqliteStoreTest, RefusesANewerSchemaAndForeignFiles) {
  std::string dir = temp_dir("newer");
  StoreOptions o;
  o.db = dir + "/a.db";
  ASSERT_TRUE(Store::open(o).is_ok());
  sqlite3* db = nullptr;
  sqlite3_open(o.db.c_str(), &db);
  sqlite3_exec(db, "UPDATE schema_version SET version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto s = Store::open(o);
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(s.status().message().find("newer"), std::string::npos);

  o.db = dir + "/other.db";
  sqlite3_open(o.db.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  s = Store::open(o);
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.status().code(), Status::Code::kCorruption);

  o.db = dir + "/garbage.db";
  FILE* f = std::fopen(o.db.c_str(), "wb");
  std::fputs("this is not a database at all, just text that is long enough to have a header......", f);
  std::fclose(f);
  s = Store::open(o);
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.status().code(), Status::Code::kCorruption);
  EXPECT_EQ(s.status().message().find("SQL"), std::string::npos);
}

TEST(SqliteStoreTest, BatchIsAtomic) {
  StoreOptions o;
  o.db = temp_dir("atomic") + "/a.db";
  {
    auto s = Store::open(o);
    ASSERT_TRUE(s.is_ok());
  }
  // A trigger that rejects one article mid-batch stands in for any failure during a batch.
  sqlite3* db = nullptr;
  sqlite3_open(o.db.c_str(), &db);
  sqlite3_exec(db, "CREATE TRIGGER boom BEFORE INSERT ON articles WHEN NEW.title = 'boom' "
                   "BEGIN SELECT RAISE(ABORT, 'boom'); END", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto s = Store::open(o);
  ASSERT_TRUE(s.is_ok());
  auto r = (*s)->put_batch({record("a1", "2025-01-01", "ok", "x", fulda()), record("a2", "2025-01-02", "boom", "x"),
                            record("a3", "2025-01-03", "ok too", "x", berlin())});
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().message().find("RAISE"), std::string::npos) << "no SQL in messages";
  EXPECT_EQ((*s)->count().value(), 0);
  ArticleQuery q;
  q.text = "ok";
  EXPECT_TRUE((*s)->query(q)->items.empty());
  q = ArticleQuery{};
  q.bbox = BBox{5, 45, 15, 56};
  EXPECT_TRUE((*s)->query(q)->items.empty());
  // The same store works afterwards.
  ASSERT_TRUE((*s)->put_batch({record("a1", "2025-01-01", "ok", "x", fulda())}).is_ok());
  EXPECT_EQ((*s)->count().value(), 1);
}

// A long ingest must checkpoint as it goes: with a statement left mid-step (a query between
// batches, or the lookup of a newly stored place at COMMIT time) the auto-checkpoint failed, the
// -wal file grew with every commit and the database file stayed empty until close.
TEST(SqliteStoreTest, WalIsCheckpointedDuringALongIngest) {
  StoreOptions o;
  o.db = temp_dir("wal") + "/w.db";
  o.sqlite_wal_autocheckpoint_pages = 1000;  // SQLite's default, so this small test crosses it
  auto s = Store::open(o);
  ASSERT_TRUE(s.is_ok());
  const std::string body(3000, 'x');
  for (int batch = 0; batch < 20; ++batch) {
    ASSERT_TRUE((*s)->count().is_ok());
    ArticleQuery q;
    q.bbox = BBox{5, 45, 15, 56};
    ASSERT_TRUE((*s)->query(q).is_ok());
    std::vector<ArticleRecord> records;
    for (int i = 0; i < 100; ++i) {
      const std::string n = std::to_string(batch * 100 + i);
      // A new place in every article: storing a place leaves a SELECT mid-step until COMMIT.
      records.push_back(record("https://w/" + n, "2025-01-01", "Artikel " + n, body + n,
                               place("Ort " + n, 50.0 + i * 0.01, 9.0 + batch * 0.01, "DE", "05", 100000 + batch * 100 + i)));
    }
    ASSERT_TRUE((*s)->put_batch(records).is_ok());
  }
  // 2,000 articles of 3 KB are far more than SQLite's 1,000-page auto-checkpoint.
  EXPECT_GT(std::filesystem::file_size(o.db), 2'000'000u) << "nothing was checkpointed into the database file";
  EXPECT_LT(std::filesystem::file_size(o.db + "-wal"), 16'000'000u) << "the WAL grows without bound";
}

TEST(SqliteStoreTest, FullDiskIsAClearErrorAndStoresNothing) {
  StoreOptions o;
  o.db = temp_dir("full") + "/a.db";
  o.sqlite_max_bytes = 400 * 1024;
  auto s = Store::open(o);
  ASSERT_TRUE(s.is_ok()) << s.status().to_string();
  std::string big(20000, 'w');
  for (std::size_t i = 0; i < big.size(); i += 7) big[i] = ' ';
  Status failure;
  int stored_batches = 0;
  for (int b = 0; b < 100 && failure.is_ok(); ++b) {
    std::vector<ArticleRecord> batch;
    for (int i = 0; i < 5; ++i)
      batch.push_back(record(fmt::format("f{}_{}", b, i), "2025-01-01", "Voll", big + std::to_string(b * 10 + i), fulda()));
    auto r = (*s)->put_batch(batch);
    if (r.is_ok()) {
      ++stored_batches;
    } else {
      failure = r.status();
    }
  }
  ASSERT_FALSE(failure.is_ok()) << "the size cap was never reached";
  EXPECT_EQ(failure.code(), Status::Code::kIoError);
  EXPECT_NE(failure.message().find("disk full"), std::string::npos) << failure.message();
  EXPECT_EQ((*s)->count().value(), stored_batches * 5);  // whole batches only
  s = Result<std::unique_ptr<Store>>(Status::internal("closed"));
  EXPECT_EQ(one_value(o.db, "PRAGMA integrity_check"), "ok");
}

TEST(SqliteStoreTest, ReadOnlyStoreRefusesWritesButReads) {
  StoreOptions o;
  o.db = temp_dir("ro") + "/a.db";
  {
    auto s = Store::open(o);
    ASSERT_TRUE(s.is_ok());
    ASSERT_TRUE((*s)->put_batch({record("r1", "2025-01-01", "Lesbar", "x", fulda())}).is_ok());
  }
  o.read_only = true;
  auto s = Store::open(o);
  ASSERT_TRUE(s.is_ok()) << s.status().to_string();
  EXPECT_EQ((*s)->count().value(), 1);
  auto r = (*s)->put_batch({record("r2", "2025-01-01", "Nein", "x")});
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ((*s)->count().value(), 1);
  o.db = temp_dir("ro") + "/missing.db";
  EXPECT_EQ(Store::open(o).status().code(), Status::Code::kNotFound);
}

TEST(SqliteStoreTest, DefaultDbFollowsEnvironment) {
  setenv("PRESSEKARTE_DATA", "/tmp/pkdata/", 1);
  EXPECT_EQ(StoreOptions::default_db(), "/tmp/pkdata/pressekarte.db");
  unsetenv("PRESSEKARTE_DATA");
  EXPECT_EQ(StoreOptions::default_db(), "./data/pressekarte.db");
}

}  // namespace
}  // namespace pk::store
