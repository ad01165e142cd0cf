// The quick cluster-table load (Store::quick_focus_points + focus_points_by_id) against the
// full one, on a real SQLite store: same points in the same order, kinds recovered from the
// places' coordinates, and the full rows by id.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "fake_store_testing.h"
#include "pressekarte/store.h"

namespace pk::serve {
namespace {

using testing::place;
using testing::record;

TEST(QuickLoad, SqliteQuickPointsMatchFullOnes) {
  const auto dir = std::filesystem::temp_directory_path() / ("pk_quick_load_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  StoreOptions o;
  o.db = (dir / "q.db").string();
  auto store = Store::open(o);
  ASSERT_TRUE(store) << store.status().to_string();
  auto fulda = place("Fulda", 50.55, 9.68, "city", 2896817);
  auto germany = place("Deutschland", 51.16, 10.45, "country", 2921044);
  std::vector<ArticleRecord> batch = {
      record("Brand in Fulda", "2025-10-28T09:30:00+01:00", fulda),
      record("Bundesweite Warnung", "2025-10-27T12:00:00Z", germany, "dpa"),
      record("Ohne Ort", "2025-10-26", std::nullopt),
      record("Brand: zweite Quelle", "2025-10-28T10:00:00Z", fulda, "Osthessen News"),
  };
  batch[2].article.lat_hint = 48.1;  // a GeoRSS point, no place
  batch[2].article.lon_hint = 11.5;
  batch[0].story_id = 7;
  ASSERT_TRUE((*store)->put_batch(batch));
  auto full = (*store)->focus_points(ArticleQuery{});
  auto quick = (*store)->quick_focus_points();
  ASSERT_TRUE(full && quick);
  ASSERT_EQ(full->size(), 4u);
  ASSERT_EQ(quick->size(), full->size());
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < full->size(); ++i) {
    const FocusPoint &f = (*full)[i], &q = (*quick)[i];
    SCOPED_TRACE(f.title);
    EXPECT_EQ(q.id, f.id);
    EXPECT_EQ(q.lat, f.lat);
    EXPECT_EQ(q.lon, f.lon);
    EXPECT_EQ(q.place_kind, f.place_kind);
    EXPECT_EQ(q.place_name, f.place_name);
    EXPECT_EQ(q.story_id, f.story_id);
    EXPECT_EQ(q.date.size(), 10u);
    EXPECT_TRUE(q.title.empty());
    ids.push_back(f.id);
  }
  EXPECT_EQ((*quick)[0].date, "2025-10-28");
  std::reverse(ids.begin(), ids.end());
  ids.push_back(999999);  // unknown: left out
  auto by_id = (*store)->focus_points_by_id(ids);
  ASSERT_TRUE(by_id);
  ASSERT_EQ(by_id->size(), full->size());
  for (std::size_t i = 0; i < by_id->size(); ++i) {
    const FocusPoint &b = (*by_id)[i], &f = (*full)[full->size() - 1 - i];
    EXPECT_EQ(b.id, f.id);
    EXPECT_EQ(b.title, f.title);
    EXPECT_EQ(b.date, f.date);
    EXPECT_EQ(b.outlet, f.outlet);
    EXPECT_EQ(b.place_name, f.place_name);
    EXPECT_EQ(b.language, f.language);
  }
  store->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace pk::serve
