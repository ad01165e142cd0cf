#include "cluster.h"

#include <algorithm>
#include <cmath>

namespace pk::serve {

double lon_to_x(double lon) { return lon / 360.0 + 0.5; }
double lat_to_y(double lat) {
  const double s = std::sin(lat * M_PI / 180.0);
  const double y = 0.5 - 0.25 * std::log((1 + s) / (1 - s)) / M_PI;
  return y < 0 ? 0 : (y > 1 ? 1 : y);
}
double x_to_lon(double x) { return (x - 0.5) * 360.0; }
double y_to_lat(double y) {
  const double y2 = (180.0 - y * 360.0) * M_PI / 180.0;
  return 360.0 * std::atan(std::exp(y2)) / M_PI - 90.0;
}

namespace {

constexpr int kUnvisited = std::numeric_limits<int>::max();

struct KdNode {
  float c[2];
  std::uint32_t id;
};

// Sorts nodes into KD order over [left, right] (inclusive), as KDBush does.
void kd_sort(std::vector<KdNode>& nodes, int node_size, std::int64_t left, std::int64_t right, int axis) {
  if (right - left <= node_size) return;
  const std::int64_t m = (left + right) >> 1;
  std::nth_element(nodes.begin() + left, nodes.begin() + m, nodes.begin() + right + 1,
                   [axis](const KdNode& a, const KdNode& b) { return a.c[axis] < b.c[axis]; });
  kd_sort(nodes, node_size, left, m - 1, 1 - axis);
  kd_sort(nodes, node_size, m + 1, right, 1 - axis);
}

void build_tree(ClusterLevel& level, int node_size) {
  const std::size_t n = level.size();
  std::vector<KdNode> nodes(n);
  for (std::size_t i = 0; i < n; ++i) nodes[i] = KdNode{{level.x[i], level.y[i]}, static_cast<std::uint32_t>(i)};
  if (n > 0) kd_sort(nodes, node_size, 0, static_cast<std::int64_t>(n) - 1, 0);
  level.ids.resize(n);
  level.coords.resize(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    level.ids[i] = nodes[i].id;
    level.coords[2 * i] = nodes[i].c[0];
    level.coords[2 * i + 1] = nodes[i].c[1];
  }
}

struct Frame {
  std::int64_t left, right;
  int axis;
};

template <typename Visit>
void range(const ClusterLevel& t, int node_size, double min_x, double min_y, double max_x, double max_y,
           Visit&& visit) {
  if (t.size() == 0) return;
  std::vector<Frame> stack{{0, static_cast<std::int64_t>(t.size()) - 1, 0}};
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    if (f.right - f.left <= node_size) {
      for (std::int64_t i = f.left; i <= f.right; ++i) {
        const double x = t.coords[2 * i], y = t.coords[2 * i + 1];
        if (x >= min_x && x <= max_x && y >= min_y && y <= max_y) visit(t.ids[i]);
      }
      continue;
    }
    const std::int64_t m = (f.left + f.right) >> 1;
    const double x = t.coords[2 * m], y = t.coords[2 * m + 1];
    if (x >= min_x && x <= max_x && y >= min_y && y <= max_y) visit(t.ids[m]);
    if (f.axis == 0 ? min_x <= x : min_y <= y) stack.push_back({f.left, m - 1, 1 - f.axis});
    if (f.axis == 0 ? max_x >= x : max_y >= y) stack.push_back({m + 1, f.right, 1 - f.axis});
  }
}

void within(const ClusterLevel& t, int node_size, double qx, double qy, double r,
            std::vector<std::uint32_t>& out) {
  out.clear();
  const double r2 = r * r;
  range(t, node_size, qx - r, qy - r, qx + r, qy + r, [&](std::uint32_t id) {
    const double dx = t.x[id] - qx, dy = t.y[id] - qy;
    if (dx * dx + dy * dy <= r2) out.push_back(id);
  });
}

bool ranks_higher(const ClusterLevel& l, std::uint32_t a, std::uint32_t b) {
  return l.rank[a] != l.rank[b] ? l.rank[a] > l.rank[b] : l.top[a] < l.top[b];
}

void push_item(ClusterLevel& out, const ClusterLevel& in, std::uint32_t i) {
  out.x.push_back(in.x[i]);
  out.y.push_back(in.y[i]);
  out.count.push_back(in.count[i]);
  out.top.push_back(in.top[i]);
  out.rank.push_back(in.rank[i]);
}

// One greedy pass at `zoom` over `in` (already a KD-tree), in input order.
ClusterLevel cluster_level(const ClusterLevel& in, int zoom, const ClusterOptions& o) {
  const double r = o.radius / (o.extent * std::pow(2.0, zoom));
  std::vector<int> marked(in.size(), kUnvisited);
  std::vector<std::uint32_t> neighbors;
  ClusterLevel out;
  for (std::uint32_t i = 0; i < in.size(); ++i) {
    if (marked[i] <= zoom) continue;
    marked[i] = zoom;
    within(in, o.node_size, in.x[i], in.y[i], r, neighbors);
    const std::uint32_t origin = in.count[i];
    std::uint64_t total = origin;
    for (auto k : neighbors)
      if (marked[k] > zoom) total += in.count[k];
    if (total > origin && total >= static_cast<std::uint64_t>(o.min_points)) {
      double wx = in.x[i] * double(origin), wy = in.y[i] * double(origin);
      std::uint32_t best = i;
      for (auto k : neighbors) {
        if (marked[k] <= zoom) continue;
        marked[k] = zoom;
        wx += in.x[k] * double(in.count[k]);
        wy += in.y[k] * double(in.count[k]);
        if (ranks_higher(in, k, best)) best = k;
      }
      out.x.push_back(static_cast<float>(wx / double(total)));
      out.y.push_back(static_cast<float>(wy / double(total)));
      out.count.push_back(static_cast<std::uint32_t>(total));
      out.top.push_back(in.top[best]);
      out.rank.push_back(in.rank[best]);
    } else {
      push_item(out, in, i);
      if (total > 1) {  // min_points > 2: the neighbours stay single too
        for (auto k : neighbors) {
          if (marked[k] <= zoom) continue;
          marked[k] = zoom;
          push_item(out, in, k);
        }
      }
    }
  }
  return out;
}

void append_point(ClusterLevel& l, const ClusterPoint& p) {
  l.x.push_back(static_cast<float>(lon_to_x(p.lon)));
  l.y.push_back(static_cast<float>(lat_to_y(p.lat)));
  l.count.push_back(1);
  l.top.push_back(p.item);
  l.rank.push_back(p.rank);
}

}  // namespace

ClusterIndex ClusterIndex::build(const std::vector<ClusterPoint>& points, const ClusterOptions& options) {
  ClusterIndex index;
  index.options_ = options;
  auto& o = index.options_;
  o.min_zoom = std::clamp(o.min_zoom, 0, 24);
  o.max_zoom = std::clamp(o.max_zoom, o.min_zoom, 24);
  o.node_size = std::max(o.node_size, 2);
  o.extent = std::max(o.extent, 1);
  const int levels = o.max_zoom - o.min_zoom + 2;
  index.levels_.resize(static_cast<std::size_t>(levels));

  // Points that appear only at coarser zooms, grouped by the zoom at which they join.
  std::vector<std::vector<std::uint32_t>> joins(static_cast<std::size_t>(o.max_zoom + 1));
  ClusterLevel top;
  for (std::uint32_t i = 0; i < points.size(); ++i) {
    const auto& p = points[i];
    if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) continue;
    if (p.max_zoom > o.max_zoom) {
      append_point(top, p);
    } else if (p.max_zoom >= o.min_zoom) {
      joins[p.max_zoom].push_back(i);
    } else {
      continue;
    }
    ++index.point_count_;
  }
  build_tree(top, o.node_size);
  index.levels_.back() = std::move(top);
  for (int z = o.max_zoom; z >= o.min_zoom; --z) {
    const ClusterLevel* input = &index.levels_[static_cast<std::size_t>(z + 1 - o.min_zoom)];
    ClusterLevel merged;
    if (!joins[z].empty()) {  // points coarse enough to show from this zoom down
      merged = *input;
      for (auto i : joins[z]) append_point(merged, points[i]);
      build_tree(merged, o.node_size);
      input = &merged;
    }
    ClusterLevel next = cluster_level(*input, z, o);
    build_tree(next, o.node_size);
    index.levels_[static_cast<std::size_t>(z - o.min_zoom)] = std::move(next);
  }
  return index;
}

ClusterIndex ClusterIndex::from_levels(const ClusterOptions& options, std::size_t point_count,
                                      std::vector<ClusterLevel> levels) {
  ClusterIndex index;
  index.options_ = options;
  index.point_count_ = point_count;
  index.levels_ = std::move(levels);
  return index;
}

std::size_t ClusterIndex::level_size(int zoom) const {
  if (levels_.empty()) return 0;
  const int z = std::clamp(zoom, options_.min_zoom, options_.max_zoom + 1);
  return levels_[static_cast<std::size_t>(z - options_.min_zoom)].size();
}

std::vector<Cluster> ClusterIndex::clusters(double west, double south, double east, double north,
                                            int zoom) const {
  std::vector<Cluster> out;
  if (levels_.empty()) return out;
  auto wrap = [](double lon) { return std::fmod(std::fmod(lon + 180.0, 360.0) + 360.0, 360.0) - 180.0; };
  double min_lon = wrap(west);
  double max_lon = east == 180 ? 180 : wrap(east);
  south = std::clamp(south, -90.0, 90.0);
  north = std::clamp(north, -90.0, 90.0);
  if (east - west >= 360) {
    min_lon = -180;
    max_lon = 180;
  } else if (min_lon > max_lon) {
    query(min_lon, south, 180, north, zoom, out);
    query(-180, south, max_lon, north, zoom, out);
    return out;
  }
  query(min_lon, south, max_lon, north, zoom, out);
  return out;
}

void ClusterIndex::query(double west, double south, double east, double north, int zoom,
                         std::vector<Cluster>& out) const {
  const int z = std::clamp(zoom, options_.min_zoom, options_.max_zoom + 1);
  const ClusterLevel& l = levels_[static_cast<std::size_t>(z - options_.min_zoom)];
  range(l, options_.node_size, lon_to_x(west), lat_to_y(north), lon_to_x(east), lat_to_y(south),
        [&](std::uint32_t id) {
          out.push_back(Cluster{x_to_lon(l.x[id]), y_to_lat(l.y[id]), l.count[id], l.top[id]});
        });
}

}  // namespace pk::serve
