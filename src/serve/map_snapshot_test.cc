#include "map_snapshot.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "api.h"
#include "fake_store_testing.h"

namespace pk::serve {
namespace {

using nlohmann::json;
using testing::FakeStore;
using testing::place;
using testing::record;

std::vector<ArticleRecord> corpus() {
  std::vector<ArticleRecord> out;
  const struct {
    const char* name;
    double lat, lon;
  } towns[] = {{"Fulda", 50.55, 9.68}, {"Kassel", 51.31, 9.50}, {"Hünfeld", 50.67, 9.77},
               {"Gießen", 50.58, 8.67}, {"Tokyo", 35.69, 139.69}, {"Paris", 48.85, 2.35}};
  for (int i = 0; i < 240; ++i) {
    const auto& t = towns[i % 6];
    // Spread around the town so the finer zooms split the clusters.
    auto p = place(t.name, t.lat + (i % 7) * 0.01, t.lon + (i % 5) * 0.013);
    out.push_back(record(std::string(i % 3 ? "Bericht " : "Brand ") + std::to_string(i) + " \"<b>\" aus " + t.name,
                         "2025-10-" + std::to_string(10 + i % 19), p, i % 2 ? "HNA" : "Fuldaer Zeitung"));
    if (i % 10 == 0) out.back().story_id = 7;
  }
  out.push_back(record("Bundesweit", "2025-10-27", place("Germany", 51.16, 10.45, "country")));
  return out;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))).string();
}

class MapSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store = std::make_shared<FakeStore>();
    ASSERT_TRUE(store->put_batch(corpus()));
    ServerOptions o;
    o.refresh_seconds = 0;
    deps.store = store;
    api = std::make_unique<Api>(o, deps);  // synchronous cache: the reference answers
    path = temp_path("pk-map-snapshot");
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
  static ApiResponse get(Api& a, Params params) {
    ApiRequest r;
    r.path = "/api/clusters";
    r.params = std::move(params);
    return a.handle(r);
  }
  std::shared_ptr<FakeStore> store;
  ServerDeps deps;
  std::unique_ptr<Api> api;
  std::string path;
};

TEST_F(MapSnapshotTest, SavedLevelsAnswerLikeTheFullIndex) {
  auto fi = api->cache().index(ArticleQuery{});
  ASSERT_TRUE(fi);
  MapSnapshotOptions small;
  small.max_items = 60;  // only the coarse levels fit
  ASSERT_TRUE(write_map_snapshot(path, **fi, 1234, small).is_ok());
  auto snap = read_map_snapshot(path);
  ASSERT_TRUE(snap) << snap.status().to_string();
  EXPECT_EQ(snap->store_count, 241);
  EXPECT_EQ(snap->db_bytes, 1234);
  EXPECT_FALSE(snap->all_zooms);
  ASSERT_GE(snap->last_zoom, 3);
  EXPECT_LT(snap->last_zoom, 16);
  EXPECT_TRUE(snap->covers(snap->last_zoom));
  EXPECT_FALSE(snap->covers(snap->last_zoom + 1));
  EXPECT_TRUE(snap->index->table->provisional);
  const FilteredIndex& s = *snap->index;
  const FilteredIndex& full = **fi;
  for (int z = 0; z <= snap->last_zoom; ++z) {
    for (const BBox& b : {BBox{}, BBox{5, 45, 15, 55}, BBox{170, -10, -170, 60}}) {
      auto want = full.index.clusters(b.west, b.south, b.east, b.north, z);
      auto got = s.index.clusters(b.west, b.south, b.east, b.north, z);
      ASSERT_EQ(got.size(), want.size()) << "zoom " << z;
      for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].count, want[i].count);
        EXPECT_DOUBLE_EQ(got[i].lon, want[i].lon);
        EXPECT_DOUBLE_EQ(got[i].lat, want[i].lat);
        const PointRow& g = s.table->rows[s.rows[got[i].top]];
        const PointRow& w = full.table->rows[full.rows[want[i].top]];
        EXPECT_EQ(g.id, w.id);
        EXPECT_EQ(g.title_json, w.title_json);
        EXPECT_EQ(g.place_json, w.place_json);
        EXPECT_EQ(g.date, w.date);
        EXPECT_EQ(s.table->strings[g.outlet], full.table->strings[w.outlet]);
        EXPECT_EQ(s.table->story_size_of(g.story_id), full.table->story_size_of(w.story_id));
      }
    }
  }
  // Everything fits with the default budget: then every zoom is covered.
  ASSERT_TRUE(write_map_snapshot(path, **fi, -1).is_ok());
  auto all = read_map_snapshot(path);
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->all_zooms);
  EXPECT_TRUE(all->covers(22));
  EXPECT_EQ(all->index->index.clusters(-180, -90, 180, 90, 20).size(), full.index.clusters(-180, -90, 180, 90, 20).size());
}

TEST_F(MapSnapshotTest, BrokenFilesAreErrorsNamingThePath) {
  EXPECT_EQ(read_map_snapshot(path).status().code(), Status::Code::kNotFound);
  auto fi = api->cache().index(ArticleQuery{});
  ASSERT_TRUE(fi);
  ASSERT_TRUE(write_map_snapshot(path, **fi, -1).is_ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (std::size_t cut : {std::size_t{3}, std::size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(cut));
    auto r = read_map_snapshot(path);
    ASSERT_FALSE(r) << "cut at " << cut;
    EXPECT_NE(r.status().message().find(path), std::string::npos);
  }
  std::string flipped = bytes;
  flipped[sizeof(std::uint64_t) + 4] ^= 0x55;  // the store count: still readable
  std::ofstream(path, std::ios::binary | std::ios::trunc) << flipped;
  EXPECT_TRUE(read_map_snapshot(path));
  std::ofstream(path, std::ios::binary | std::ios::trunc) << "PKMAPSNP garbage";
  EXPECT_FALSE(read_map_snapshot(path));
}

// The index store blocks until released: what the server answers while a large store is still
// being read at start.
struct GatedStore : FakeStore {
  std::mutex mu;
  std::condition_variable cv;
  bool open = false;
  void wait() {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [this] { return open; });
  }
  void release() {
    {
      std::lock_guard<std::mutex> lock(mu);
      open = true;
    }
    cv.notify_all();
  }
  Result<std::int64_t> count() override {
    wait();
    return FakeStore::count();
  }
  Result<std::vector<FocusPoint>> focus_points(const ArticleQuery& f) override {
    wait();
    return Store::focus_points(f);
  }
};

TEST_F(MapSnapshotTest, ServerAnswersFromTheSnapshotAndBoundedQueriesWhileTheStoreLoads) {
  const Params view = {{"zoom", "5"}, {"bbox", "-20,30,40,65"}};
  const Params filtered = {{"zoom", "5"}, {"bbox", "-20,30,40,65"}, {"q", "Brand"}};
  const json want = json::parse(get(*api, view).body);
  const json want_filtered = json::parse(get(*api, filtered).body);
  ASSERT_FALSE(want["provisional"].get<bool>());
  ASSERT_GT(want_filtered["total"].get<int>(), 0);
  ASSERT_LT(want_filtered["total"], want["total"]);
  auto fi = api->cache().index(ArticleQuery{});
  ASSERT_TRUE(fi);
  MapSnapshotOptions small;
  small.max_items = 60;
  ASSERT_TRUE(write_map_snapshot(path, **fi, -1, small).is_ok());
  const int last_zoom = read_map_snapshot(path)->last_zoom;
  ASSERT_GE(last_zoom, 5);

  auto gated = std::make_shared<GatedStore>();
  ASSERT_TRUE(gated->put_batch(corpus()));
  ServerDeps d = deps;
  d.index_store = gated;
  ServerOptions o;
  o.refresh_seconds = 0;
  o.map_snapshot = path;
  {
    Api bg(o, d);
    bg.start_background();
    // The snapshot is read on the loader thread right at start.
    for (int i = 0; i < 200 && !bg.cache().snapshot_in_use(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_TRUE(bg.cache().snapshot_in_use());
    auto first = get(bg, view);
    ASSERT_EQ(first.status, 200) << first.body;
    json got = json::parse(first.body);
    EXPECT_TRUE(got["provisional"].get<bool>());
    EXPECT_EQ(got["features"], want["features"]);
    EXPECT_EQ(got["total"], want["total"]);
    // A filter does not wait for the table either: the newest matches from the store.
    auto f = get(bg, filtered);
    ASSERT_EQ(f.status, 200) << f.body;
    json gf = json::parse(f.body);
    EXPECT_TRUE(gf["provisional"].get<bool>());
    EXPECT_EQ(gf["total"], want_filtered["total"]);
    EXPECT_EQ(gf["features"].size(), want_filtered["features"].size());
    for (const auto& feat : gf["features"])
      EXPECT_EQ(feat["properties"]["title"].get<std::string>().rfind("Brand", 0), 0u) << feat.dump();
    // The list never waits for the cluster table.
    ApiRequest list;
    list.path = "/api/articles";
    list.params = {{"bbox", "-20,30,40,65"}};
    EXPECT_EQ(bg.handle(list).status, 200);
    EXPECT_FALSE(bg.cache().ready());

    gated->release();
    for (int i = 0; i < 400 && !bg.cache().full_ready(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_TRUE(bg.cache().full_ready());
    EXPECT_FALSE(bg.cache().snapshot_in_use());
    json after = json::parse(get(bg, view).body);
    EXPECT_FALSE(after["provisional"].get<bool>());
    EXPECT_EQ(after["features"], want["features"]);
    json after_f = json::parse(get(bg, filtered).body);
    EXPECT_FALSE(after_f["provisional"].get<bool>());
    EXPECT_EQ(after_f["features"], want_filtered["features"]);
    EXPECT_EQ(bg.cache().snapshots_written(), 0u);  // the store had not changed
  }

  // A store that grew since the snapshot: the snapshot is dropped once the count is known,
  // and the full load writes a new one.
  ASSERT_TRUE(gated->put_batch({record("Neu in Fulda", "2025-10-30", place("Fulda", 50.55, 9.68))}));
  {
    Api bg(o, d);
    bg.start_background();
    for (int i = 0; i < 400 && !bg.cache().full_ready(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_TRUE(bg.cache().full_ready());
    EXPECT_EQ(json::parse(get(bg, view).body)["total"].get<int>(), want["total"].get<int>() + 1);
    EXPECT_EQ(bg.cache().snapshots_written(), 1u);
  }
  auto rewritten = read_map_snapshot(path);
  ASSERT_TRUE(rewritten);
  EXPECT_EQ(rewritten->store_count, 242);
}

TEST_F(MapSnapshotTest, SnapshotOfAnotherStoreFileIsIgnored) {
  auto fi = api->cache().index(ArticleQuery{});
  ASSERT_TRUE(fi);
  const std::string db = temp_path("pk-map-snapshot-db");
  std::ofstream(db) << "twelve bytes";
  ASSERT_TRUE(write_map_snapshot(path, **fi, 99, {}).is_ok());  // recorded size ≠ 12
  auto gated = std::make_shared<GatedStore>();
  ServerDeps d = deps;
  d.index_store = gated;
  ServerOptions o;
  o.map_snapshot = path;
  o.db = db;
  {
    Api bg(o, d);
    bg.start_background();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_FALSE(bg.cache().snapshot_in_use());
    gated->release();
  }
  std::filesystem::remove(db);
}

}  // namespace
}  // namespace pk::serve
