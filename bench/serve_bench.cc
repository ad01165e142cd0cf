// Clustering speed: building the per-zoom KD-tree index for 100k / 1M synthetic articles and
// answering one map view per zoom, against the naive O(n²) greedy clusterer (same algorithm,
// brute-force neighbour scan) on sizes it can still do. Results: docs/perf/serve.md.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "cluster.h"
#include "cluster_naive.h"

namespace {

using pk::serve::ClusterIndex;
using pk::serve::ClusterPoint;

// Articles over ~20k "towns" with a skewed popularity (big towns get many articles), 5% at
// country level and 5% at state level, mostly in and around Germany plus a world-wide spread.
std::vector<ClusterPoint> synthetic(std::size_t n, unsigned seed = 42) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  struct Town { double lon, lat; };
  std::vector<Town> towns;
  for (int i = 0; i < 20000; ++i) {
    if (u(rng) < 0.7) towns.push_back({5.8 + u(rng) * 9.3, 47.2 + u(rng) * 7.9});
    else towns.push_back({-170 + u(rng) * 340, -55 + u(rng) * 125});
  }
  std::vector<ClusterPoint> pts(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double r = u(rng);
    const auto& t = towns[static_cast<std::size_t>(std::pow(u(rng), 3) * (towns.size() - 1))];
    pts[i].lon = t.lon;
    pts[i].lat = t.lat;
    pts[i].item = static_cast<std::uint32_t>(i);
    pts[i].rank = 20250000 + static_cast<std::uint32_t>(u(rng) * 1231);
    pts[i].max_zoom = r < 0.05 ? 3 : (r < 0.10 ? 6 : 255);
  }
  return pts;
}

void BM_Build(benchmark::State& state) {
  auto pts = synthetic(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ClusterIndex::build(pts));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pts.size()));
}
BENCHMARK(BM_Build)->Arg(5000)->Arg(20000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

// The naive clusterer answers one zoom at a time (it cannot reuse levels without the tree).
void BM_NaiveOneZoom(benchmark::State& state) {
  auto pts = synthetic(static_cast<std::size_t>(state.range(0)));
  pk::serve::ClusterOptions o;
  for (auto _ : state) benchmark::DoNotOptimize(pk::serve::naive::clusters_at(pts, o, 6));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pts.size()));
}
BENCHMARK(BM_NaiveOneZoom)->Arg(5000)->Arg(20000)->Unit(benchmark::kMillisecond);

// One map view (a 1280×800 window around Fulda) per zoom, the work behind /api/clusters.
void BM_QueryView(benchmark::State& state) {
  static const ClusterIndex index = ClusterIndex::build(synthetic(1000000));
  const int z = static_cast<int>(state.range(0));
  const double half_w = 1280.0 / 2 / 256 * 360 / std::pow(2.0, z);
  const double half_h = half_w * 800 / 1280 * 0.64;
  std::size_t found = 0;
  for (auto _ : state) {
    auto c = index.clusters(9.68 - half_w, 50.55 - half_h, 9.68 + half_w, 50.55 + half_h, z);
    found = c.size();
    benchmark::DoNotOptimize(c);
  }
  state.counters["clusters"] = static_cast<double>(found);
}
BENCHMARK(BM_QueryView)->Arg(3)->Arg(6)->Arg(10)->Arg(14)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
