// The storage contract, run against every backend (PostgreSQL only when PK_TEST_PG_URL is set).
#include "pressekarte/store.h"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>
#include <tuple>

#include "record.h"

#include "store_test_util.h"

namespace pk::store {
namespace {

using namespace pk::store::testing;

std::string format_ts(std::int64_t ts) { return format_iso_utc(ts); }

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && pg_url() == nullptr) GTEST_SKIP() << "PK_TEST_PG_URL is not set";
    StoreOptions o;
    o.db = store_db_ = db_for(GetParam(), "contract");
    auto s = Store::open(o);
    ASSERT_TRUE(s.is_ok()) << s.status().to_string();
    store_ = std::move(s.value());
  }

  std::vector<std::int64_t> put(const std::vector<ArticleRecord>& batch) {
    std::vector<std::int64_t> ids;
    auto r = store_->put_batch(batch, &ids);
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return ids;
  }

  std::vector<std::string> titles(const ArticleQuery& q) {
    auto page = store_->query(q);
    EXPECT_TRUE(page.is_ok()) << page.status().to_string();
    std::vector<std::string> out;
    if (page.is_ok())
      for (const auto& a : page->items) out.push_back(a.article.title);
    return out;
  }

  std::unique_ptr<Store> store_;
  std::string store_db_;
};

TEST_P(StoreTest, PutGetRoundTrip) {
  auto r = record("https://x.de/1", "2025-10-28T09:30:00+01:00", "Erdbeben in Tokio", "Ein Text.", tokyo());
  r.article.lead = "Der Vorspann.";
  r.article.dateline = "Tokio";
  r.article.agency = "dpa";
  r.article.images.push_back(Image{"Ein Bild", "Foto: dpa"});
  r.article.subheadings = {"Zwischentitel"};
  r.geo.places.push_back(berlin());
  r.geo.places.back().role = "mentioned";
  auto ids = put({r});
  ASSERT_EQ(ids.size(), 1u);
  auto got = store_->get(ids[0]);
  ASSERT_TRUE(got.is_ok()) << got.status().to_string();
  ASSERT_TRUE(got->has_value());
  const StoredArticle& a = **got;
  EXPECT_EQ(a.id, ids[0]);
  EXPECT_EQ(a.article.title, "Erdbeben in Tokio");
  EXPECT_EQ(a.article.lead, "Der Vorspann.");
  EXPECT_EQ(a.article.agency, "dpa");
  ASSERT_EQ(a.article.images.size(), 1u);
  EXPECT_EQ(a.article.images[0].credit, "Foto: dpa");
  ASSERT_EQ(a.geo.places.size(), 2u);
  ASSERT_TRUE(a.geo.focus.has_value());
  EXPECT_EQ(a.geo.places[*a.geo.focus].geonameid, 1850147);
  EXPECT_FALSE(a.ingested_at.empty());
  auto missing = store_->get(ids[0] + 1000);
  ASSERT_TRUE(missing.is_ok());
  EXPECT_FALSE(missing->has_value());
  EXPECT_EQ(store_->count().value(), 1);
}

TEST_P(StoreTest, SameArticleTwiceInOneBatchIsStoredOnce) {
  std::vector<std::int64_t> ids;
  auto r = store_->put_batch({record("https://twice/1", "2025-10-01", "Zweimal", "x", fulda()),
                              record("https://twice/2", "2025-10-02", "Anders", "y", kassel()),
                              record("https://twice/1", "2025-10-01", "Zweimal", "x", fulda())},
                             &ids);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(*r, (std::vector<PutOutcome>{PutOutcome::kInserted, PutOutcome::kInserted, PutOutcome::kUnchanged}));
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0], ids[2]);
  EXPECT_NE(ids[0], ids[1]);
  EXPECT_EQ(store_->count().value(), 2);
}

TEST_P(StoreTest, RePutIsUnchangedByUrlOrHash) {
  auto a = record("https://x.de/a", "2025-10-01", "A", "Text a", berlin());
  auto b = record("", "2025-10-02", "B", "Text b", fulda());
  std::vector<std::int64_t> ids1, ids2;
  auto r1 = store_->put_batch({a, b}, &ids1);
  ASSERT_TRUE(r1.is_ok());
  EXPECT_EQ(r1.value(), (std::vector<PutOutcome>{PutOutcome::kInserted, PutOutcome::kInserted}));
  a.article.title = "A changed";  // same URL: still the same article
  auto r2 = store_->put_batch({a, b, b}, &ids2);
  ASSERT_TRUE(r2.is_ok());
  EXPECT_EQ(r2.value(), (std::vector<PutOutcome>{PutOutcome::kUnchanged, PutOutcome::kUnchanged, PutOutcome::kUnchanged}));
  EXPECT_EQ(ids2[0], ids1[0]);
  EXPECT_EQ(ids2[1], ids1[1]);
  EXPECT_EQ(ids2[2], ids1[1]);
  EXPECT_EQ(store_->count().value(), 2);
  // A wire reprint: same text, different URL → its own article.
  auto reprint = a;
  reprint.article.url = "https://y.de/a";
  auto r3 = store_->put_batch({reprint});
  ASSERT_TRUE(r3.is_ok());
  EXPECT_EQ(r3.value()[0], PutOutcome::kInserted);
}

TEST_P(StoreTest, BboxQueryAndBadBoxes) {
  put({record("u1", "2025-10-01", "Berlin", "x", berlin()), record("u2", "2025-10-02", "Fulda", "x", fulda()),
       record("u3", "2025-10-03", "Tokio", "x", tokyo()), record("u4", "2025-10-04", "Nirgends", "x")});
  ArticleQuery q;
  q.bbox = BBox{5.8, 47.2, 15.1, 55.1};
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Fulda", "Berlin"}));
  q.bbox = BBox{139, 35, 141, 36};
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Tokio"}));
  q.bbox = BBox{9.6808, 50.5558, 9.6808, 50.5558};  // a point box on Fulda's exact coordinates
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Fulda"}));
  q.bbox = BBox{9.69, 50.5558, 9.70, 50.5558};  // just east of Fulda
  EXPECT_TRUE(titles(q).empty());
  for (BBox bad : {BBox{15, 47, 5, 55}, BBox{5, 55, 15, 47}, BBox{-200, 0, 0, 10}, BBox{0, 0, 10, 95}}) {
    q.bbox = bad;
    auto r = store_->query(q);
    ASSERT_FALSE(r.is_ok());
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(r.status().message().find("bbox"), std::string::npos);
  }
  ArticleQuery all;
  EXPECT_EQ(titles(all).size(), 4u);
}

TEST_P(StoreTest, RadiusQuery) {
  put({record("u1", "2025-10-01", "Fulda", "x", fulda()), record("u2", "2025-10-02", "Kassel", "x", kassel()),
       record("u3", "2025-10-03", "Berlin", "x", berlin())});
  ArticleQuery q;
  q.near_lat = 50.55;
  q.near_lon = 9.68;
  q.radius_km = 30;
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Fulda"}));
  q.radius_km = 150;  // Kassel is ~140 km from Fulda by the great circle? no: ~ 95 km
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Kassel", "Fulda"}));
  q.radius_km = -1;
  EXPECT_EQ(store_->query(q).status().code(), Status::Code::kInvalidArgument);
}

TEST_P(StoreTest, RegionQueryByCodeAndName) {
  auto a = record("u1", "2025-10-01", "Fulda", "x", fulda());
  auto b = record("u2", "2025-10-02", "Tokio mit Kassel", "x", tokyo());
  b.geo.places.push_back(kassel());
  b.geo.places.back().role = "mentioned";
  auto c = record("u3", "2025-10-03", "Berlin", "x", berlin());
  auto d = record("u4", "2025-10-04", "Hessen", "x", hessen());
  put({a, b, c, d});
  ArticleQuery q;
  q.region = "admin1:DE.05";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Hessen", "Tokio mit Kassel", "Fulda"}));
  q.region = "country:de";
  EXPECT_EQ(titles(q).size(), 4u);
  q.region = "country:JP";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Tokio mit Kassel"}));
  q.region = "admin2:DE.05.06631";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Fulda"}));
  q.region = "place:2950159";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Berlin"}));
  q.region = "Hessen";  // by name, through the stored places
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Hessen", "Tokio mit Kassel", "Fulda"}));
  q.region = "Köln";
  EXPECT_EQ(store_->query(q).status().code(), Status::Code::kNotFound);
  q.region = "admin1:DE'; DROP TABLE articles; --";
  EXPECT_EQ(store_->query(q).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->count().value(), 4);
}

TEST_P(StoreTest, GermanTextSearch) {
  put({record("u1", "2025-10-01", "Neue Kirschbäume am Rhein", "Die Stadt pflanzt Bäume in der Hauptstraße.", koeln()),
       record("u2", "2025-10-02", "Bundestag berät den Verteidigungsetat", "Die Haushälter streiten.", berlin()),
       record("u3", "2025-10-03", "Storms hit the coast", "Houses were damaged by the storms.", tokyo(), "en"),
       record("u4", "2025-10-04", "Ein anderes Thema", "Hier geht es um etwas ganz anderes.", fulda()),
       record("u5", "2025-10-05", "Umleitung", "Die Bahnhofstrasse ist gesperrt.", fulda())});
  auto t = [&](const std::string& text) {
    ArticleQuery q;
    q.text = text;
    return titles(q);
  };
  EXPECT_EQ(t("Kirschbaum"), (std::vector<std::string>{"Neue Kirschbäume am Rhein"}));
  EXPECT_EQ(t("Hauptstrasse"), (std::vector<std::string>{"Neue Kirschbäume am Rhein"}));
  EXPECT_EQ(t("HAUPTSTRASSE"), (std::vector<std::string>{"Neue Kirschbäume am Rhein"}));
  EXPECT_EQ(t("Verteidigung"), (std::vector<std::string>{"Bundestag berät den Verteidigungsetat"}));
  EXPECT_EQ(t("storm house"), (std::vector<std::string>{"Storms hit the coast"}));
  EXPECT_EQ(t("\"hit the coast\""), (std::vector<std::string>{"Storms hit the coast"}));
  EXPECT_TRUE(t("\"the hit coast\"").empty());
  EXPECT_TRUE(t("Kirschbaum Verteidigung").empty());
  // ß folding both ways, compound heads, German phrases with inflected words.
  EXPECT_EQ(t("Bahnhofstraße"), (std::vector<std::string>{"Umleitung"}));
  EXPECT_EQ(t("Bahnhof"), (std::vector<std::string>{"Umleitung"}));
  EXPECT_EQ(t("\"neuen Kirschbaum\""), (std::vector<std::string>{"Neue Kirschbäume am Rhein"}));
  EXPECT_EQ(t("„Bundestag berät“"), (std::vector<std::string>{"Bundestag berät den Verteidigungsetat"}));
  EXPECT_TRUE(t("\"Kirschbaum neue\"").empty());
  EXPECT_TRUE(t("\"Bundestag Verteidigungsetat\"").empty());  // not adjacent
  // Operators, quotes and SQL are just words: no error, no injection.
  EXPECT_TRUE(t("Rhein OR Bundestag").empty());
  EXPECT_TRUE(t("x' OR 1=1; DROP TABLE articles; --").empty());
  EXPECT_TRUE(t("NEAR(a b) * ^ : \"unbalanced").empty());
  EXPECT_EQ(t("Kirsch* AND"), std::vector<std::string>{});
  ArticleQuery empty;
  empty.text = "\"\" ** ()";
  EXPECT_EQ(store_->query(empty).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->count().value(), 5);
}

TEST_P(StoreTest, TextWithBboxAndRelevance) {
  put({record("u1", "2025-10-01", "Hochwasser in Fulda", "Hochwasser Hochwasser an der Fulda.", fulda()),
       record("u2", "2025-10-05", "Kassel", "Auch in Kassel gab es Hochwasser.", kassel()),
       record("u3", "2025-10-06", "Berlin", "Hochwasser? Nein, in Berlin nicht.", berlin())});
  ArticleQuery q;
  q.text = "Hochwasser";
  q.sort = "relevance";
  auto r = titles(q);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0], "Hochwasser in Fulda");
  q.bbox = BBox{9, 50, 10, 52};
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Hochwasser in Fulda", "Kassel"}));
  q.sort = "date";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Kassel", "Hochwasser in Fulda"}));
  q.sort = "magic";
  EXPECT_EQ(store_->query(q).status().code(), Status::Code::kInvalidArgument);
}

TEST_P(StoreTest, TimeWindowOutletLanguage) {
  put({record("u1", "2025-09-30T23:59:59Z", "Sept", "x", berlin()),
       record("u2", "2025-10-01T00:00:00Z", "Okt1", "x", berlin(), "de", "hna"),
       record("u3", "2025-10-31T23:00:00Z", "Okt31", "x", berlin(), "en"),
       record("u4", "2025-11-01T00:00:00Z", "Nov", "x", berlin())});
  ArticleQuery q;
  q.since = "2025-10-01";
  q.until = "2025-10-31";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Okt31", "Okt1"}));
  q.outlet = "hna";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Okt1"}));
  q.outlet.clear();
  q.language = "en";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Okt31"}));
  for (std::string bad : {"2025-13-01", "yesterday", "2025-02-30", "2025-10-01T25:00"}) {
    ArticleQuery b;
    b.since = bad;
    auto r = store_->query(b);
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument) << bad;
  }
  ArticleQuery rev;
  rev.since = "2025-11-01";
  rev.until = "2025-10-01";
  EXPECT_EQ(store_->query(rev).status().code(), Status::Code::kInvalidArgument);
}

TEST_P(StoreTest, CursorPagingIsStableAndComplete) {
  std::vector<ArticleRecord> batch;
  for (int i = 0; i < 23; ++i)  // several articles share a date: ties broken by id
    batch.push_back(record(fmt::format("p{}", i), fmt::format("2025-10-{:02}", 1 + i / 3), fmt::format("T{}", i),
                           "Gemeinsames Wort Fulda", fulda()));
  put(batch);
  for (std::string mode : {"date", "bbox", "text", "relevance", "region"}) {
    ArticleQuery q;
    q.limit = 5;
    if (mode == "bbox") q.bbox = BBox{9, 50, 10, 51};
    if (mode == "text" || mode == "relevance") q.text = "Wort";
    if (mode == "relevance") q.sort = "relevance";
    if (mode == "region") q.region = "admin1:DE.05";
    std::set<std::string> seen;
    int pages = 0;
    for (;;) {
      auto page = store_->query(q);
      ASSERT_TRUE(page.is_ok()) << mode << ": " << page.status().to_string();
      for (const auto& a : page->items) EXPECT_TRUE(seen.insert(a.article.title).second) << mode << " dup " << a.article.title;
      ++pages;
      if (page->next_cursor.empty()) break;
      q.cursor = page->next_cursor;
      ASSERT_LT(pages, 10);
    }
    EXPECT_EQ(seen.size(), 23u) << mode;
    EXPECT_EQ(pages, 5) << mode;
  }
  ArticleQuery bad;
  bad.cursor = "garbage";
  EXPECT_EQ(store_->query(bad).status().code(), Status::Code::kInvalidArgument);
  ArticleQuery huge;
  huge.limit = 100000000;
  auto r = store_->query(huge);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->items.size(), 23u);
}

TEST_P(StoreTest, StoriesGroupArticles) {
  auto ids = put({record("s1", "2025-10-01", "A", "x", berlin()), record("s2", "2025-10-02", "B", "x", berlin()),
                  record("s3", "2025-10-03", "C", "x", berlin())});
  ASSERT_TRUE(store_->set_story(ids[0], 7).is_ok());
  ASSERT_TRUE(store_->set_story(ids[2], 7).is_ok());
  EXPECT_EQ(store_->set_story(ids[2] + 100, 7).code(), Status::Code::kNotFound);
  ArticleQuery q;
  q.story_id = 7;
  EXPECT_EQ(titles(q), (std::vector<std::string>{"C", "A"}));
  EXPECT_EQ(store_->get(ids[0])->value().story_id, 7);
  auto r = record("s4", "2025-10-04", "D", "x", berlin());
  r.story_id = 7;
  put({r});
  EXPECT_EQ(titles(q), (std::vector<std::string>{"D", "C", "A"}));
}

// focus_points(): the lean scan behind serve's cluster index. Each backend's answer must
// equal the default implementation built on query() (called non-virtually), for every filter.
TEST_P(StoreTest, FocusPointsMatchQueryFilters) {
  auto hinted = record("u5", "2025-10-05", "Nur GeoRSS", "Hafen", std::nullopt, "en", "");
  hinted.article.site_title = "Seite";
  hinted.article.lat_hint = 53.55;
  hinted.article.lon_hint = 9.99;
  auto berlin_story = record("u2", "2025-10-02T08:00:00Z", "Berlin Hafen", "Der Hafen", berlin(), "de", "hna");
  berlin_story.story_id = 7;
  const std::string long_title = std::string(kFocusTitleMaxChars - 1, 'T') + "\u00e4\u00e4";
  auto ids = put({record("u1", "2025-10-01", long_title, "x", fulda()), berlin_story,
                  record("u3", "2025-10-03", "Tokio", "Hafen", tokyo()), record("u4", "2025-10-04", "Nirgends", "x"),
                  hinted});
  ASSERT_EQ(ids.size(), 5u);
  auto all = store_->focus_points(ArticleQuery{});
  ASSERT_TRUE(all.is_ok()) << all.status().to_string();
  ASSERT_EQ(all->size(), 4u);  // "Nirgends" has no focus point
  const FocusPoint& h = (*all)[0];
  EXPECT_EQ(h.id, ids[4]);
  EXPECT_EQ(h.place_kind, "point");
  EXPECT_EQ(h.place_name, "");
  EXPECT_NEAR(h.lat, 53.55, 1e-9);
  EXPECT_EQ(h.outlet, "Seite");
  EXPECT_EQ(h.language, "en");
  const FocusPoint& b = (*all)[2];
  EXPECT_EQ(b.id, ids[1]);
  EXPECT_EQ(b.place_kind, berlin().kind);
  EXPECT_EQ(b.place_name, "Berlin");
  EXPECT_EQ(b.date, "2025-10-02T08:00:00Z");
  EXPECT_EQ(b.story_id, std::optional<std::int64_t>(7));
  EXPECT_NEAR(b.lon, berlin().lon, 1e-9);
  EXPECT_EQ((*all)[3].title, std::string(kFocusTitleMaxChars - 1, 'T') + "\u00e4");  // cut at code points
  EXPECT_FALSE((*all)[3].story_id.has_value());

  auto same = [&](const ArticleQuery& q, std::size_t expected) {
    auto lean = store_->focus_points(q);
    auto paged = store_->Store::focus_points(q);
    ASSERT_TRUE(lean.is_ok()) << lean.status().to_string();
    ASSERT_TRUE(paged.is_ok()) << paged.status().to_string();
    ASSERT_EQ(lean->size(), expected);
    ASSERT_EQ(paged->size(), expected);
    for (std::size_t i = 0; i < expected; ++i) {
      const FocusPoint &x = (*lean)[i], &y = (*paged)[i];
      EXPECT_EQ(x.id, y.id);
      EXPECT_DOUBLE_EQ(x.lat, y.lat);
      EXPECT_DOUBLE_EQ(x.lon, y.lon);
      EXPECT_EQ(x.date, y.date);
      EXPECT_EQ(x.place_kind, y.place_kind);
      EXPECT_EQ(x.place_name, y.place_name);
      EXPECT_EQ(x.story_id, y.story_id);
      EXPECT_EQ(x.title, y.title);
      EXPECT_EQ(x.outlet, y.outlet);
      EXPECT_EQ(x.language, y.language);
    }
  };
  same(ArticleQuery{}, 4);
  ArticleQuery q;
  q.bbox = BBox{5.8, 47.2, 15.1, 55.1};
  same(q, 3);  // Fulda, Berlin, the Hamburg hint
  q.text = "Hafen";
  same(q, 2);  // Berlin and the hint (Tokio is outside the box)
  q = ArticleQuery{};
  q.near_lat = 50.55, q.near_lon = 9.68, q.radius_km = 30;
  same(q, 1);
  q = ArticleQuery{};
  q.region = "country:DE";
  same(q, 2);
  q = ArticleQuery{};
  q.since = "2025-10-02", q.until = "2025-10-03";
  same(q, 2);
  q.outlet = "hna";
  same(q, 1);
  q = ArticleQuery{};
  q.language = "en";
  same(q, 1);
  q = ArticleQuery{};
  q.story_id = 7;
  same(q, 1);
  q.cursor = "not a cursor";  // ignored: the scan is never paged
  same(q, 1);
  ArticleQuery bad;
  bad.bbox = BBox{15, 47, 5, 55};
  EXPECT_EQ(store_->focus_points(bad).status().code(), Status::Code::kInvalidArgument);
}

// Every plan (date scan, R*Tree time windows, FTS5 in order-key order, region index, with
// cursors, time bounds and filters) must return exactly the brute-force answer: matching
// articles sorted by (date, id) descending, page after page. Many articles share a second.
TEST_P(StoreTest, PagesMatchABruteForceSort) {
  struct Row {
    std::int64_t id = 0, ts = 0;
    std::optional<double> lat, lon;
    bool alpha = false, beta = false, in_07 = false;
    bool cherry = false, town = false;  // prefix words covering several index terms
    std::string outlet, language;
  };
  std::mt19937 rng(42), words_rng(43);
  std::vector<ArticleRecord> batch;
  std::vector<Row> rows;
  const std::int64_t base = 1704067200;  // 2024-01-01T00:00:00Z
  for (int i = 0; i < 1200; ++i) {
    Row r;
    r.ts = (i > 10 && rng() % 5 == 0) ? rows[rng() % rows.size()].ts : base + 60 * static_cast<std::int64_t>(rng() % 1000000);
    std::uniform_real_distribution<double> u(0, 1);
    std::optional<PlaceMention> focus;
    if (rng() % 20 != 0) {
      bool cluster = rng() % 100 < 85;
      r.lat = cluster ? 50 + u(rng) : 40 + 20 * u(rng);
      r.lon = cluster ? 9 + u(rng) : -5 + 30 * u(rng);
      focus = place(fmt::format("Ort{}", i), *r.lat, *r.lon, "DE", cluster ? "05" : "07", 100000 + i);
      r.in_07 = !cluster;
    }
    r.alpha = rng() % 25 == 0;
    r.beta = rng() % 4 == 0;
    r.outlet = fmt::format("o{}", i % 3);
    r.language = i % 7 == 0 ? "en" : "de";
    std::string text = std::string("gamma") + (r.alpha ? " Alphawort" : "") + (r.beta ? " beta" : "");
    // Compounds and inflections whose terms share a prefix (SQLite spells such prefixes out).
    static const char* kCherry[] = {" Kirschbaum", " Kirschbäume", " Kirschbaumblüte", " Kirschbaumallee"};
    static const char* kTown[] = {" Stadtschule", " Stadtsenat", " Stadtsenates"};
    r.cherry = words_rng() % 6 == 0;  // its own generator: the other cases' rows stay as they were
    r.town = words_rng() % 5 == 0;
    if (r.cherry) text += kCherry[words_rng() % 4];
    if (r.town) text += kTown[words_rng() % 3];
    batch.push_back(record(fmt::format("https://b/{}", i), format_ts(r.ts), fmt::format("T{}", i), text, focus,
                           r.language, r.outlet));
    rows.push_back(r);
  }
  std::vector<std::int64_t> ids;
  for (std::size_t at = 0; at < batch.size(); at += 300) {
    auto part = put(std::vector<ArticleRecord>(batch.begin() + at, batch.begin() + std::min(batch.size(), at + 300)));
    ids.insert(ids.end(), part.begin(), part.end());
  }
  ASSERT_EQ(ids.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].id = ids[i];
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return std::tie(a.ts, a.id) > std::tie(b.ts, b.id); });

  auto in = [](const Row& r, const BBox& b) {
    return r.lat && *r.lat >= b.south && *r.lat <= b.north && *r.lon >= b.west && *r.lon <= b.east;
  };
  const BBox sparse{20, 40, 25, 50}, cluster{9.2, 50.2, 9.6, 50.5};
  struct Case {
    std::string name;
    ArticleQuery q;
    std::function<bool(const Row&)> match;
  };
  std::vector<Case> cases;
  auto add = [&](std::string name, std::function<void(ArticleQuery&)> set, std::function<bool(const Row&)> match) {
    Case c{std::move(name), {}, std::move(match)};
    c.q.limit = 7;
    set(c.q);
    cases.push_back(std::move(c));
  };
  const std::int64_t since = base + 60 * 200000, until = base + 60 * 700000;
  // No words, region or space: the newest-first listing (SQLite: article_order since schema v5).
  add("all", [&](ArticleQuery&) {}, [&](const Row&) { return true; });
  add("time", [&](ArticleQuery& q) { q.since = format_ts(since), q.until = format_ts(until); },
      [&](const Row& r) { return r.ts >= since && r.ts <= until; });
  add("language+time", [&](ArticleQuery& q) { q.language = "en", q.since = format_ts(since); },
      [&](const Row& r) { return r.language == "en" && r.ts >= since; });
  add("outlet", [&](ArticleQuery& q) { q.outlet = "o2"; }, [&](const Row& r) { return r.outlet == "o2"; });
  add("sparse box", [&](ArticleQuery& q) { q.bbox = sparse; }, [&](const Row& r) { return in(r, sparse); });
  add("cluster box", [&](ArticleQuery& q) { q.bbox = cluster; }, [&](const Row& r) { return in(r, cluster); });
  add("box+outlet", [&](ArticleQuery& q) { q.bbox = cluster, q.outlet = "o1"; },
      [&](const Row& r) { return in(r, cluster) && r.outlet == "o1"; });
  add("box+time", [&](ArticleQuery& q) { q.bbox = sparse, q.since = format_ts(since), q.until = format_ts(until); },
      [&](const Row& r) { return in(r, sparse) && r.ts >= since && r.ts <= until; });
  add("radius", [&](ArticleQuery& q) { q.near_lat = 50.3, q.near_lon = 9.4, q.radius_km = 12; },
      [&](const Row& r) { return r.lat && haversine_km(50.3, 9.4, *r.lat, *r.lon) <= 12; });
  add("text", [&](ArticleQuery& q) { q.text = "Alphawort"; }, [&](const Row& r) { return r.alpha; });
  add("text+box", [&](ArticleQuery& q) { q.text = "beta", q.bbox = cluster; },
      [&](const Row& r) { return r.beta && in(r, cluster); });
  add("text+time+outlet", [&](ArticleQuery& q) { q.text = "beta", q.since = format_ts(since), q.until = format_ts(until), q.outlet = "o2"; },
      [&](const Row& r) { return r.beta && r.ts >= since && r.ts <= until && r.outlet == "o2"; });
  // Text + a sparse box / a radius: a bounded FTS walk, then R*Tree windows intersected with
  // the word's keys (SQLite; scan rows 5 hands over mid-walk, 0 starts with the windows).
  const BBox outside{-5, 40, 25, 49.9};
  add("text+sparse box", [&](ArticleQuery& q) { q.text = "beta", q.bbox = outside; },
      [&](const Row& r) { return r.beta && in(r, outside); });
  add("text+sparse box+time", [&](ArticleQuery& q) { q.text = "beta", q.bbox = outside, q.since = format_ts(since), q.until = format_ts(until); },
      [&](const Row& r) { return r.beta && in(r, outside) && r.ts >= since && r.ts <= until; });
  add("text+radius", [&](ArticleQuery& q) { q.text = "beta", q.near_lat = 50.3, q.near_lon = 9.4, q.radius_km = 12; },
      [&](const Row& r) { return r.beta && r.lat && haversine_km(50.3, 9.4, *r.lat, *r.lon) <= 12; });
  // Prefix words: "Kirschbaum" covers kirschbaum, kirschbaumblut, kirschbaumalle; "Stadtsen" has
  // two stems (German stadts, English stadtsen), each a prefix.
  add("prefix text", [&](ArticleQuery& q) { q.text = "Kirschbaum"; }, [&](const Row& r) { return r.cherry; });
  add("two-stem prefix+box", [&](ArticleQuery& q) { q.text = "Stadtsen", q.bbox = cluster; },
      [&](const Row& r) { return r.town && in(r, cluster); });
  add("prefix+word+sparse box", [&](ArticleQuery& q) { q.text = "Kirschbaum gamma", q.bbox = outside; },
      [&](const Row& r) { return r.cherry && in(r, outside); });
  add("region+text", [&](ArticleQuery& q) { q.region = "admin1:DE.07", q.text = "beta"; },
      [&](const Row& r) { return r.beta && r.in_07; });

  for (int scan_rows : {3000, 5, 0}) {
    if (GetParam() == "sqlite") {  // 0: every box query takes the R*Tree time windows at once
      StoreOptions o;
      o.db = store_db_;
      o.sqlite_scan_rows = scan_rows;
      auto s = Store::open(o);
      ASSERT_TRUE(s.is_ok()) << s.status().to_string();
      store_ = std::move(s.value());
    }
    for (auto& c : cases) {
      std::vector<std::int64_t> expected, got;
      for (const auto& r : rows)
        if (c.match(r)) expected.push_back(r.id);
      ArticleQuery q = c.q;
      for (int pages = 0; pages < 200; ++pages) {
        auto page = store_->query(q);
        ASSERT_TRUE(page.is_ok()) << c.name << ": " << page.status().to_string();
        for (const auto& a : page->items) got.push_back(a.id);
        if (page->next_cursor.empty()) break;
        q.cursor = page->next_cursor;
      }
      EXPECT_GT(expected.size(), 7u) << c.name << ": the case should need several pages";
      EXPECT_EQ(got, expected) << c.name << " (scan rows " << scan_rows << ")";
      if (c.q.text.empty()) continue;
      // By relevance: another order, the same set, every page.
      q = c.q;
      q.sort = "relevance";
      got.clear();
      for (int pages = 0; pages < 200; ++pages) {
        auto page = store_->query(q);
        ASSERT_TRUE(page.is_ok()) << c.name << ": " << page.status().to_string();
        for (const auto& a : page->items) got.push_back(a.id);
        if (page->next_cursor.empty()) break;
        q.cursor = page->next_cursor;
      }
      std::sort(got.begin(), got.end());
      std::sort(expected.begin(), expected.end());
      EXPECT_EQ(got, expected) << c.name << " by relevance";
    }
  }
  // Map points of a time window: every located article in it, newest first.
  ArticleQuery window;
  window.since = format_ts(since), window.until = format_ts(until);
  std::vector<std::int64_t> expected, got;
  for (const auto& r : rows)
    if (r.lat && r.ts >= since && r.ts <= until) expected.push_back(r.id);
  auto points = store_->focus_points(window);
  ASSERT_TRUE(points.is_ok()) << points.status().to_string();
  for (const auto& fp : *points) got.push_back(fp.id);
  EXPECT_EQ(got, expected) << "focus points of a time window";
  // Every map point, newest first.
  expected.clear(), got.clear();
  for (const auto& r : rows)
    if (r.lat) expected.push_back(r.id);
  auto quick = store_->quick_focus_points();
  ASSERT_TRUE(quick.is_ok()) << quick.status().to_string();
  for (const auto& fp : *quick) got.push_back(fp.id);
  EXPECT_EQ(got, expected) << "quick focus points";
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace pk::store
