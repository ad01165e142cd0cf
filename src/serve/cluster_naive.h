// The O(n²) baseline for ClusterIndex: the same greedy supercluster pass with a brute-force
// neighbour scan instead of a KD-tree. Used by cluster_test (results must be identical) and by
// bench/serve_bench (the speed-up is what the tree buys). Not for production use.
#pragma once

#include <cmath>
#include <limits>
#include <vector>

#include "cluster.h"

namespace pk::serve::naive {

inline std::vector<Cluster> clusters_at(const std::vector<ClusterPoint>& points, const ClusterOptions& o,
                                        int zoom) {
  struct Item {
    float x, y;
    std::uint32_t count, top, rank;
  };
  auto make = [](const ClusterPoint& p) {
    return Item{static_cast<float>(lon_to_x(p.lon)), static_cast<float>(lat_to_y(p.lat)), 1, p.item, p.rank};
  };
  std::vector<Item> level;
  for (const auto& p : points)
    if (p.max_zoom > o.max_zoom) level.push_back(make(p));
  const int target = std::max(zoom, o.min_zoom);
  for (int z = o.max_zoom; z >= target; --z) {
    for (const auto& p : points)
      if (p.max_zoom == z) level.push_back(make(p));
    const double r = o.radius / (o.extent * std::pow(2.0, z));
    std::vector<bool> done(level.size(), false);
    std::vector<Item> next;
    for (std::size_t i = 0; i < level.size(); ++i) {
      if (done[i]) continue;
      done[i] = true;
      std::vector<std::size_t> nb;
      std::uint64_t total = level[i].count;
      for (std::size_t k = 0; k < level.size(); ++k) {
        const double dx = double(level[k].x) - level[i].x, dy = double(level[k].y) - level[i].y;
        if (!done[k] && dx * dx + dy * dy <= r * r) {
          nb.push_back(k);
          total += level[k].count;
        }
      }
      if (total > level[i].count && total >= std::uint64_t(o.min_points)) {
        double wx = level[i].x * double(level[i].count), wy = level[i].y * double(level[i].count);
        Item best = level[i];
        for (auto k : nb) {
          done[k] = true;
          wx += level[k].x * double(level[k].count);
          wy += level[k].y * double(level[k].count);
          if (level[k].rank > best.rank || (level[k].rank == best.rank && level[k].top < best.top)) best = level[k];
        }
        next.push_back(Item{float(wx / double(total)), float(wy / double(total)), std::uint32_t(total), best.top,
                            best.rank});
      } else {
        next.push_back(level[i]);
        if (total > 1)
          for (auto k : nb) {
            done[k] = true;
            next.push_back(level[k]);
          }
      }
    }
    level = std::move(next);
  }
  std::vector<Cluster> out;
  for (const auto& it : level) out.push_back(Cluster{x_to_lon(it.x), y_to_lat(it.y), it.count, it.top});
  return out;
}

}  // namespace pk::serve::naive
