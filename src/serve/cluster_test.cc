#include "cluster.h"

#include <algorithm>
#include <random>
#include <tuple>

#include <gtest/gtest.h>

#include "cluster_naive.h"

namespace pk::serve {
namespace {

constexpr double kWorld[4] = {-180, -85, 180, 85};

std::vector<Cluster> world(const ClusterIndex& index, int zoom) {
  return index.clusters(kWorld[0], kWorld[1], kWorld[2], kWorld[3], zoom);
}

ClusterPoint pt(double lon, double lat, std::uint32_t item, std::uint32_t rank = 0,
                std::uint8_t max_zoom = 255) {
  return ClusterPoint{lon, lat, item, rank, max_zoom};
}

TEST(ClusterTest, MercatorRoundTrips) {
  EXPECT_DOUBLE_EQ(lon_to_x(0), 0.5);
  EXPECT_NEAR(lat_to_y(0), 0.5, 1e-12);
  EXPECT_NEAR(y_to_lat(lat_to_y(50.55)), 50.55, 1e-9);
  EXPECT_NEAR(x_to_lon(lon_to_x(9.68)), 9.68, 1e-9);
  EXPECT_EQ(lat_to_y(89.9), 0.0);  // clamped at the Mercator limit
}

// Fulda–Kassel is 0.00339 Mercator units apart; with radius 60 px at 256 px tiles they merge
// while 60 / (256 · 2^z) >= 0.00339, i.e. up to zoom 6 (hand-computed).
TEST(ClusterTest, TwoTownsMergeUpToZoomSixAndSplitAtSeven) {
  auto index = ClusterIndex::build({pt(9.68, 50.55, 0, 20251030), pt(9.50, 51.31, 1, 20251101)});
  for (int z = 0; z <= 6; ++z) {
    auto c = world(index, z);
    ASSERT_EQ(c.size(), 1u) << "zoom " << z;
    EXPECT_EQ(c[0].count, 2u);
    EXPECT_EQ(c[0].top, 1u) << "the newer article (Kassel) names the cluster";
    EXPECT_NEAR(c[0].lon, (9.68 + 9.50) / 2, 1e-4);
  }
  for (int z : {7, 10, 16, 17, 30}) {
    auto c = world(index, z);
    ASSERT_EQ(c.size(), 2u) << "zoom " << z;
    EXPECT_EQ(c[0].count + c[1].count, 2u);
  }
}

TEST(ClusterTest, WeightedCentreFollowsPointCounts) {
  auto index = ClusterIndex::build({pt(0, 0, 0), pt(0, 0, 1), pt(3, 0, 2)});
  auto c = world(index, 0);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].count, 3u);
  EXPECT_NEAR(c[0].lon, 1.0, 1e-5);
  EXPECT_NEAR(c[0].lat, 0.0, 1e-5);
  EXPECT_EQ(c[0].top, 0u) << "equal ranks: the smallest item wins";
}

TEST(ClusterTest, CoarsePlacesShowOnlyUpToTheirMaxZoom) {
  // A country-level article (max zoom 3) at Germany's centre and two town articles.
  auto index = ClusterIndex::build({pt(9.68, 50.55, 0), pt(9.50, 51.31, 1), pt(10.45, 51.16, 2, 0, 3)});
  auto z3 = world(index, 3);
  ASSERT_EQ(z3.size(), 1u);
  EXPECT_EQ(z3[0].count, 3u);
  auto z10 = world(index, 10);
  ASSERT_EQ(z10.size(), 2u);
  for (const auto& c : z10) EXPECT_NE(c.top, 2u) << "country article must not show at zoom 10";
  // Never visible: max zoom below min zoom.
  ClusterOptions o;
  o.min_zoom = 2;
  auto hidden = ClusterIndex::build({pt(0, 0, 0, 0, 1)}, o);
  EXPECT_EQ(hidden.point_count(), 0u);
  EXPECT_TRUE(world(hidden, 2).empty());
}

TEST(ClusterTest, BoxFiltersAndCrossesTheAntimeridian) {
  auto index = ClusterIndex::build({pt(179.5, 0, 0), pt(-179.5, 0, 1), pt(10, 50, 2)});
  EXPECT_EQ(index.clusters(170, -10, -170, 10, 16).size(), 2u);
  EXPECT_EQ(index.clusters(0, 40, 20, 60, 16).size(), 1u);
  EXPECT_TRUE(index.clusters(20, 40, 30, 60, 16).empty());
  EXPECT_EQ(index.clusters(-540, -90, 540, 90, 16).size(), 3u);  // wider than the world
}

TEST(ClusterTest, SkipsNonFiniteCoordinates) {
  auto index = ClusterIndex::build({pt(NAN, 0, 0), pt(1, 1, 1)});
  EXPECT_EQ(index.point_count(), 1u);
}

TEST(ClusterTest, SameResultAsTheNaiveClusterer) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> lon(5.8, 15.1), lat(47.2, 55.1), u(0, 1);
  std::vector<ClusterPoint> points;
  for (std::uint32_t i = 0; i < 3000; ++i) {
    std::uint8_t mz = u(rng) < 0.1 ? 3 : (u(rng) < 0.1 ? 8 : 255);
    points.push_back(pt(lon(rng), lat(rng), i, static_cast<std::uint32_t>(u(rng) * 1000), mz));
  }
  // A few exact duplicates (many articles about the same town).
  for (std::uint32_t i = 0; i < 50; ++i) points.push_back(pt(9.68, 50.55, 3000 + i, i));
  ClusterOptions o;
  o.max_zoom = 14;
  auto index = ClusterIndex::build(points, o);
  for (int z : {0, 3, 6, 8, 10, 14, 15}) {
    auto fast = world(index, z);
    auto slow = naive::clusters_at(points, o, z);
    ASSERT_EQ(fast.size(), slow.size()) << "zoom " << z;
    auto key = [](const Cluster& c) { return std::make_tuple(c.top, c.count); };
    auto by_key = [&](const Cluster& a, const Cluster& b) { return key(a) < key(b); };
    std::sort(fast.begin(), fast.end(), by_key);
    std::sort(slow.begin(), slow.end(), by_key);
    for (std::size_t i = 0; i < fast.size(); ++i) {
      ASSERT_EQ(key(fast[i]), key(slow[i])) << "zoom " << z << " cluster " << i;
      EXPECT_NEAR(fast[i].lon, slow[i].lon, 1e-4);
      EXPECT_NEAR(fast[i].lat, slow[i].lat, 1e-4);
    }
  }
}

}  // namespace
}  // namespace pk::serve
