#include "api.h"

#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fake_store_testing.h"

namespace pk::serve {
namespace {

using nlohmann::json;
using testing::FakeGazetteer;
using testing::FakeStore;
using testing::place;
using testing::record;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store = std::make_shared<FakeStore>();
    auto fulda = place("Fulda", 50.55, 9.68, "city", 2896817);
    auto kassel = place("Kassel", 51.31, 9.50, "city", 2892518);
    auto tokio = place("Tokyo", 35.69, 139.69, "city", 1850147, "JP");
    auto germany = place("Germany", 51.16, 10.45, "country", std::nullopt);
    std::vector<ArticleRecord> batch = {
        record("Brand in der Fuldaer Altstadt", "2025-10-28", fulda),
        record("Neue Buslinie für Kassel", "2025-10-20", kassel, "HNA"),
        record("Gipfel in Tokio", "2025-10-28", tokio, "dpa"),
        record("Bundesweite Warnung", "2025-10-27", germany),
        record("Ohne Ort", "2025-10-26", std::nullopt),
        record("Brand: zweite Quelle", "2025-10-28", fulda, "Osthessen News"),
    };
    batch[0].story_id = 42;
    batch[5].story_id = 42;
    ASSERT_TRUE(store->put_batch(batch));
    ServerOptions o;
    o.refresh_seconds = 0;
    deps.store = store;
    deps.gazetteer = std::make_shared<FakeGazetteer>();
    deps.geoparse = [](const RawDocument& d) -> Result<ArticleRecord> {
      if (d.body.find("Fulda") == std::string::npos) return Status::invalid("no article text found");
      ArticleRecord r;
      r.article.title = d.format;
      r.geo.places.push_back(place("Fulda", 50.55, 9.68));
      r.geo.focus = 0;
      return r;
    };
    api = std::make_unique<Api>(o, deps);
  }

  ApiResponse get(const std::string& path, Params params = {}) {
    ApiRequest r;
    r.path = path;
    r.params = std::move(params);
    r.base_url = "http://test";
    return api->handle(r);
  }
  static json body(const ApiResponse& r) { return json::parse(r.body); }

  std::shared_ptr<FakeStore> store;
  ServerDeps deps;
  std::unique_ptr<Api> api;
};

TEST_F(ApiTest, ArticlesInBoxAreGeoJsonFeaturesAtTheirFocus) {
  auto r = get("/api/articles", {{"bbox", "5.8,47.2,15.1,55.1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = body(r);
  EXPECT_EQ(j["type"], "FeatureCollection");
  ASSERT_EQ(j["features"].size(), 4u);  // Fulda ×2, Kassel, Germany; not Tokyo, not the unplaced one
  const auto& f = j["features"][0];
  EXPECT_EQ(f["type"], "Feature");
  EXPECT_EQ(f["geometry"]["type"], "Point");
  EXPECT_DOUBLE_EQ(f["geometry"]["coordinates"][0].get<double>(), 9.68);  // RFC 7946: lon first
  EXPECT_DOUBLE_EQ(f["geometry"]["coordinates"][1].get<double>(), 50.55);
  EXPECT_EQ(f["properties"]["place"], "Fulda");
  EXPECT_EQ(f["properties"]["story_size"], 2);
  auto tokyo = body(get("/api/articles", {{"bbox", "139,35,141,36"}}));
  ASSERT_EQ(tokyo["features"].size(), 1u);
  EXPECT_EQ(tokyo["features"][0]["properties"]["title"], "Gipfel in Tokio");
}

TEST_F(ApiTest, FiltersAndCursorPaging) {
  auto j = body(get("/api/articles", {{"q", "brand"}}));
  EXPECT_EQ(j["features"].size(), 2u);
  j = body(get("/api/articles", {{"since", "2025-10-28"}}));
  EXPECT_EQ(j["features"].size(), 3u);
  j = body(get("/api/articles", {{"outlet", "HNA"}}));
  ASSERT_EQ(j["features"].size(), 1u);
  j = body(get("/api/articles", {{"limit", "2"}}));
  ASSERT_EQ(j["features"].size(), 2u);
  ASSERT_TRUE(j["next_cursor"].is_string());
  auto next = body(get("/api/articles", {{"limit", "2"}, {"cursor", j["next_cursor"]}}));
  EXPECT_NE(next["features"][0]["id"], j["features"][0]["id"]);
}

TEST_F(ApiTest, OneArticleWithPlacesAndStory) {
  auto r = get("/api/articles/1");
  ASSERT_EQ(r.status, 200);
  auto j = body(r);
  EXPECT_EQ(j["title"], "Brand in der Fuldaer Altstadt");
  EXPECT_EQ(j["places"][0]["name"], "Fulda");
  EXPECT_EQ(j["story"]["size"], 2);
  EXPECT_EQ(j["story"]["members"][0]["outlet"], "Osthessen News");
}

TEST_F(ApiTest, BadInputGivesJson4xxNeverInternals) {
  for (auto [path, params, status] : std::vector<std::tuple<std::string, Params, int>>{
           {"/api/articles/999", Params{}, 404},
           {"/api/articles/abc", Params{}, 404},
           {"/api/articles/-1", Params{}, 404},
           {"/api/articles", Params{{"bbox", "1,2"}}, 400},
           {"/api/clusters", Params{{"zoom", "99"}}, 400},
           {"/api/clusters", Params{}, 400},
           {"/api/clusters", Params{{"zoom", "3"}, {"bbox", "0,0,1e400,1"}}, 400},
           {"/api/places", Params{}, 400},
           {"/api/nope", Params{}, 404},
           {"/feeds/near/1000,0,5.atom", Params{}, 400},
           {"/feeds/region/x.rss", Params{}, 404},
       }) {
    auto r = get(path, params);
    EXPECT_EQ(r.status, status) << path << " " << r.body;
    auto j = body(r);
    EXPECT_TRUE(j["error"].is_string()) << path;
  }
  store->fail_next = true;
  auto r = get("/api/articles");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("SQL"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("SELECT"), std::string::npos) << r.body;
}

TEST_F(ApiTest, ClustersMergeAtLowZoomAndSplitWhenZoomedIn) {
  auto low = body(get("/api/clusters", {{"zoom", "3"}, {"bbox", "5.8,47.2,15.1,55.1"}}));
  ASSERT_EQ(low["features"].size(), 1u) << low.dump();
  EXPECT_EQ(low["features"][0]["properties"]["count"], 4);  // incl. the country-level article
  EXPECT_EQ(low["features"][0]["properties"]["cluster"], true);
  auto high = body(get("/api/clusters", {{"zoom", "10"}, {"bbox", "5.8,47.2,15.1,55.1"}}));
  ASSERT_EQ(high["features"].size(), 2u) << high.dump();  // Fulda (2 at one point), Kassel; no country
  std::set<int> counts;
  for (const auto& f : high["features"]) counts.insert(f["properties"]["count"].get<int>());
  EXPECT_EQ(counts, (std::set<int>{1, 2}));
  auto filtered = body(get("/api/clusters", {{"zoom", "10"}, {"q", "Buslinie"}}));
  ASSERT_EQ(filtered["features"].size(), 1u);
  EXPECT_EQ(filtered["features"][0]["properties"]["title"], "Neue Buslinie für Kassel");
}

TEST_F(ApiTest, ClusterCacheRebuildsWhenTheStoreGrows) {
  auto before = body(get("/api/clusters", {{"zoom", "16"}, {"bbox", "139,35,141,36"}}));
  ASSERT_EQ(before["features"].size(), 1u);
  ASSERT_TRUE(store->put_batch({record("Zweiter Gipfel", "2025-10-29", place("Yokohama", 35.44, 139.64))}));
  auto after = body(get("/api/clusters", {{"zoom", "16"}, {"bbox", "139,35,141,36"}}));
  EXPECT_EQ(after["features"].size(), 2u);
}

// The cluster cache must load through the lean Store::focus_points scan (one call for the
// table, one per store-backed filter set), not through pages of query().
TEST_F(ApiTest, ClusterTableLoadsThroughFocusPoints) {
  struct LeanStore : FakeStore {
    int lean_calls = 0;
    Result<std::vector<FocusPoint>> focus_points(const ArticleQuery& f) override {
      ++lean_calls;
      return Store::focus_points(f);
    }
  };
  auto lean = std::make_shared<LeanStore>();
  ASSERT_TRUE(lean->put_batch({record("Brand in Fulda", "2025-10-28", place("Fulda", 50.55, 9.68)),
                               record("Ohne Ort", "2025-10-26", std::nullopt)}));
  ServerDeps d = deps;
  d.store = lean;
  ServerOptions o;
  Api lean_api(o, d);
  ApiRequest r;
  r.path = "/api/clusters";
  r.params = {{"zoom", "10"}};
  r.base_url = "http://test";
  auto all = json::parse(lean_api.handle(r).body);
  ASSERT_EQ(all["features"].size(), 1u);
  EXPECT_EQ(all["features"][0]["properties"]["place"], "Fulda");
  EXPECT_EQ(lean->lean_calls, 1);
  r.params = {{"zoom", "10"}, {"q", "Brand"}};
  EXPECT_EQ(json::parse(lean_api.handle(r).body)["features"].size(), 1u);
  EXPECT_EQ(lean->lean_calls, 2);
}

// The server's mode: the table and the unfiltered index load on a background thread; requests
// wait only for the first load, later store growth is swapped in without a request asking.
TEST_F(ApiTest, BackgroundCacheLoadsAtStartAndFollowsTheStore) {
  struct SharedFake : FakeStore {  // the test thread writes while the loader reads
    std::recursive_mutex mu;  // the default focus_points() calls query()
    Result<std::vector<PutOutcome>> put_batch(const std::vector<ArticleRecord>& b, std::vector<std::int64_t>* ids) override {
      std::lock_guard<std::recursive_mutex> lock(mu);
      return FakeStore::put_batch(b, ids);
    }
    Result<std::int64_t> count() override {
      std::lock_guard<std::recursive_mutex> lock(mu);
      return FakeStore::count();
    }
    Result<std::vector<FocusPoint>> focus_points(const ArticleQuery& f) override {
      std::lock_guard<std::recursive_mutex> lock(mu);
      ++loads;
      return Store::focus_points(f);
    }
    Result<ArticlePage> query(const ArticleQuery& q) override {
      std::lock_guard<std::recursive_mutex> lock(mu);
      return FakeStore::query(q);
    }
    int loads = 0;
  };
  auto shared = std::make_shared<SharedFake>();
  ASSERT_TRUE(shared->put_batch({record("Brand in Fulda", "2025-10-28", place("Fulda", 50.55, 9.68))}, nullptr));
  ServerDeps d = deps;
  d.store = shared;
  d.index_store = shared;
  ServerOptions o;
  o.refresh_seconds = 0;  // poll as often as the loop allows (200 ms)
  Api bg(o, d);
  bg.start_background();
  ApiRequest r;
  r.path = "/api/clusters";
  r.params = {{"zoom", "10"}, {"bbox", "0,40,20,60"}};
  auto first = bg.handle(r);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(json::parse(first.body)["features"].size(), 1u);
  EXPECT_TRUE(bg.cache().ready());
  EXPECT_GE(bg.cache().last_load_seconds(), 0.0);
  EXPECT_EQ(bg.handle(r).body, first.body);  // served again (from the response cache)
  ASSERT_TRUE(shared->put_batch({record("Bus in Kassel", "2025-10-29", place("Kassel", 51.31, 9.50))}, nullptr));
  bool seen = false;
  for (int i = 0; i < 300 && !seen; ++i) {
    seen = json::parse(bg.handle(r).body)["features"].size() == 2;
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(seen) << "the background refresh never picked up the new article";
  EXPECT_EQ(shared->loads, 2);  // one load per store change, none per request
}

// Titles are untrusted: the hand-written cluster JSON must escape them like a JSON library.
TEST_F(ApiTest, ClusterJsonEscapesTitles) {
  const std::string nasty = "Quote \" back\\slash </script><img src=x onerror=alert(1)> tab\t nl\n \x01 \xff end";
  ASSERT_TRUE(store->put_batch({record(nasty, "2025-10-30", place("Nowhere", -40.0, -70.0, "city", 1))}));
  auto r = get("/api/clusters", {{"zoom", "10"}, {"bbox", "-80,-50,-60,-30"}});
  ASSERT_EQ(r.status, 200);
  auto j = json::parse(r.body);  // throws (fails the test) on invalid JSON
  ASSERT_EQ(j["features"].size(), 1u);
  const std::string title = j["features"][0]["properties"]["title"];
  EXPECT_EQ(title.substr(0, 30), nasty.substr(0, 30));
  EXPECT_NE(title.find("</script>"), std::string::npos);
  EXPECT_EQ(j["features"][0]["geometry"]["coordinates"][0], -70.0);
  EXPECT_EQ(j["features"][0]["properties"]["date"], "2025-10-30");
  EXPECT_EQ(j["features"][0]["properties"]["cluster"], false);
}

TEST_F(ApiTest, PlacesRegionsAndFeeds) {
  auto p = body(get("/api/places", {{"q", "ful"}}));
  ASSERT_GE(p["places"].size(), 1u);
  EXPECT_EQ(p["places"][0]["name"], "Fulda");
  EXPECT_EQ(p["places"][0]["id"], "place:2896817");
  auto fu = body(get("/api/places", {{"q", "fues"}}));
  ASSERT_EQ(fu["places"].size(), 1u);

  auto reg = get("/api/regions/2896817");
  ASSERT_EQ(reg.status, 200) << reg.body;
  auto rj = body(reg);
  EXPECT_EQ(rj["counts"]["total"], 2);
  EXPECT_EQ(rj["place"]["name_de"], "Fulda");
  EXPECT_EQ(rj["feeds"]["atom"], "/feeds/region/place:2896817.atom");
  EXPECT_EQ(body(get("/api/regions/place:2896817"))["counts"]["total"], 2);
  EXPECT_EQ(body(get("/api/regions/country:DE"))["counts"]["total"], 1);
  EXPECT_EQ(get("/api/regions/0").status, 404);

  auto atom = get("/feeds/region/2896817.atom");
  ASSERT_EQ(atom.status, 200);
  EXPECT_EQ(atom.content_type, "application/atom+xml; charset=utf-8");
  EXPECT_NE(atom.body.find("Nachrichten aus Fulda"), std::string::npos);
  EXPECT_NE(atom.body.find("<georss:point>"), std::string::npos);
  auto near = get("/feeds/near/50.55,9.68,20.json");
  ASSERT_EQ(near.status, 200) << near.body;
  EXPECT_EQ(body(near)["items"].size(), 2u);
  auto search = get("/feeds/search.atom", {{"q", "Gipfel"}});
  ASSERT_EQ(search.status, 200);
  EXPECT_NE(search.body.find("Gipfel in Tokio"), std::string::npos);
}

TEST_F(ApiTest, GeoparseDoesNotStoreAndLimitsTheBody) {
  ApiRequest r;
  r.method = "POST";
  r.path = "/api/geoparse";
  r.content_type = "text/html";
  r.body = "<p>In Fulda brannte es.</p>";
  auto res = api->handle(r);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(body(res)["focus"]["name"], "Fulda");
  EXPECT_EQ(body(res)["title"], "html");
  EXPECT_EQ(*store->count(), 6);
  r.body.assign(2 << 20, 'x');
  EXPECT_EQ(api->handle(r).status, 413);
  r.body = "nothing here";
  EXPECT_EQ(api->handle(r).status, 400);
  r.method = "GET";
  EXPECT_EQ(api->handle(r).status, 405);
}

TEST_F(ApiTest, HealthMetricsAndOpenApi) {
  auto h = body(get("/healthz"));
  EXPECT_EQ(h["articles"], 6);
  api->metrics().observe("/api/clusters", 200, 0.003);
  auto m = get("/metrics");
  EXPECT_NE(m.body.find("pk_http_requests_total{route=\"/api/clusters\",status=\"200\"} 1"), std::string::npos) << m.body;
  EXPECT_NE(m.body.find("pk_store_articles 6"), std::string::npos);
  auto o = get("/api/openapi.json");
  auto doc = body(o);
  EXPECT_EQ(doc["openapi"], "3.0.3");
  for (const char* path : {"/api/articles", "/api/clusters", "/api/places", "/api/geoparse", "/healthz"})
    EXPECT_TRUE(doc["paths"].contains(path)) << path;
}

}  // namespace
}  // namespace pk::serve
