// Server-side point clustering per zoom level: supercluster's algorithm (a static KD-tree per
// zoom over flat arrays; greedy merge of everything within radius / (extent · 2^z) in Web
// Mercator units), plus per-point visibility: a point whose place is coarse (a country) is only
// shown up to its max_zoom, so the zoom decides how precise a place must be to appear.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace pk::serve {

struct ClusterPoint {
  double lon = 0, lat = 0;
  std::uint32_t item = 0;   // the caller's index (e.g. a row of the point table)
  std::uint32_t rank = 0;   // the highest-ranked point names a cluster ("top headline")
  std::uint8_t max_zoom = std::numeric_limits<std::uint8_t>::max();  // visible at zoom <= this
};

struct ClusterOptions {
  int min_zoom = 0;     // coarsest level built. Default 0.
  int max_zoom = 16;    // finest clustered level; above it every point stands alone. Default 16.
  int radius = 60;      // cluster radius in pixels at `extent`. Default 60.
  int extent = 256;     // tile size in pixels (Leaflet: 256). Default 256.
  int node_size = 64;   // KD-tree leaf size. Default 64.
  int min_points = 2;   // smallest group that forms a cluster. Default 2.
};

struct Cluster {
  double lon = 0, lat = 0;
  std::uint32_t count = 0;  // points inside
  std::uint32_t top = 0;    // item of the highest-ranked point (ties: the smallest item)
};

// Web Mercator in [0,1]²; exposed for the naive baseline and tests.
double lon_to_x(double lon);
double lat_to_y(double lat);
double x_to_lon(double x);
double y_to_lat(double y);

// One zoom level's items stored in a KD-tree (KDBush layout: ids + coords sorted together,
// item data kept in input order).
struct ClusterLevel {
  std::vector<float> x, y;
  std::vector<std::uint32_t> count, top, rank;
  std::vector<std::uint32_t> ids;     // KD order → item index
  std::vector<float> coords;          // KD order, x/y interleaved
  std::size_t size() const { return x.size(); }
};

class ClusterIndex {
 public:
  ClusterIndex() = default;
  // O(n log n) per level. Points with max_zoom < options.min_zoom are never shown.
  static ClusterIndex build(const std::vector<ClusterPoint>& points, const ClusterOptions& options = {});

  // Clusters (and single points, count 1) inside the box at `zoom` (clamped to
  // [min_zoom, max_zoom + 1]). Handles boxes crossing the antimeridian (west > east).
  std::vector<Cluster> clusters(double west, double south, double east, double north, int zoom) const;

  const ClusterOptions& options() const { return options_; }
  std::size_t point_count() const { return point_count_; }
  std::size_t level_size(int zoom) const;

  // The levels min_zoom … max_zoom + 1 (for the start snapshot, map_snapshot.h).
  const std::vector<ClusterLevel>& levels() const { return levels_; }
  // An index from saved levels: levels[i] is zoom options.min_zoom + i, and there must be
  // options.max_zoom - options.min_zoom + 2 of them (a snapshot sets max_zoom to its last
  // level - 1). Queries need x, y, count, top, ids and coords; `rank` may be empty.
  static ClusterIndex from_levels(const ClusterOptions& options, std::size_t point_count,
                                  std::vector<ClusterLevel> levels);

 private:
  void query(double west, double south, double east, double north, int zoom, std::vector<Cluster>& out) const;
  ClusterOptions options_;
  std::size_t point_count_ = 0;
  std::vector<ClusterLevel> levels_;  // levels_[z - min_zoom], z in [min_zoom, max_zoom + 1]
};

}  // namespace pk::serve
