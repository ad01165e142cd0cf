#include "map_snapshot.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <type_traits>
#include <unordered_map>

#include <fmt/format.h>

namespace pk::serve {

namespace {

// Native byte order and sizes: the file is a cache read by the binary that wrote it (or one
// on the same machine); anything else fails the magic/version check or the bounds checks.
constexpr char kMagic[8] = {'P', 'K', 'M', 'A', 'P', 'S', 'N', 'P'};
constexpr std::uint32_t kVersion = 1;
constexpr char kEnd[4] = {'E', 'N', 'D', '!'};

class Writer {
 public:
  template <typename T>
  void put(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const char*>(&v);
    buf_.append(p, sizeof v);
  }
  template <typename T>
  void put_array(const std::vector<T>& v) {
    put(static_cast<std::uint64_t>(v.size()));
    buf_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void put_string(const std::string& s) {
    put(static_cast<std::uint32_t>(s.size()));
    buf_.append(s);
  }
  void raw(const char* p, std::size_t n) { buf_.append(p, n); }
  const std::string& bytes() const { return buf_; }

 private:
  std::string buf_;
};

class Reader {
 public:
  explicit Reader(const std::string& data) : data_(data) {}
  template <typename T>
  bool get(T& v) {
    if (data_.size() - pos_ < sizeof v) return false;
    std::memcpy(&v, data_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return true;
  }
  template <typename T>
  bool get_array(std::vector<T>& v, std::uint64_t expected) {
    std::uint64_t n = 0;
    if (!get(n) || n != expected || (data_.size() - pos_) / sizeof(T) < n) return false;
    v.resize(n);
    std::memcpy(v.data(), data_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool get_string(std::string& s) {
    std::uint32_t n = 0;
    if (!get(n) || data_.size() - pos_ < n) return false;
    s.assign(data_, pos_, n);
    pos_ += n;
    return true;
  }
  bool expect(const char* p, std::size_t n) {
    if (data_.size() - pos_ < n || std::memcmp(data_.data() + pos_, p, n) != 0) return false;
    pos_ += n;
    return true;
  }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  const std::string& data_;
  std::size_t pos_ = 0;
};

}  // namespace

std::int64_t file_bytes(const std::string& path) {
  std::error_code ec;
  const auto n = std::filesystem::file_size(path, ec);
  return ec ? -1 : static_cast<std::int64_t>(n);
}

Status write_map_snapshot(const std::string& path, const FilteredIndex& unfiltered, std::int64_t db_bytes,
                          const MapSnapshotOptions& options) {
  const auto& levels = unfiltered.index.levels();
  const ClusterOptions& co = unfiltered.index.options();
  if (levels.empty()) return Status::invalid(fmt::format("{}: no cluster levels to save", path));
  std::size_t saved = 0, items = 0;
  while (saved < levels.size() && (saved == 0 || items + levels[saved].size() <= options.max_items))
    items += levels[saved++].size();

  // The tops of the saved levels, renumbered into a compact table.
  const PointTable& t = *unfiltered.table;
  std::unordered_map<std::uint32_t, std::uint32_t> compact;  // item → compact row
  std::vector<std::uint32_t> table_rows;
  Writer w;
  w.raw(kMagic, sizeof kMagic);
  w.put(kVersion);
  w.put(t.store_count);
  w.put(db_bytes);
  w.put(static_cast<std::int32_t>(co.min_zoom));
  w.put(static_cast<std::int32_t>(co.max_zoom));
  w.put(static_cast<std::int32_t>(co.radius));
  w.put(static_cast<std::int32_t>(co.extent));
  w.put(static_cast<std::int32_t>(co.node_size));
  w.put(static_cast<std::int32_t>(co.min_points));
  w.put(static_cast<std::uint64_t>(unfiltered.index.point_count()));
  w.put(static_cast<std::uint32_t>(saved));
  w.put(static_cast<std::uint8_t>(saved == levels.size()));
  for (std::size_t i = 0; i < saved; ++i) {
    const ClusterLevel& l = levels[i];
    std::vector<std::uint32_t> tops(l.top.size());
    for (std::size_t k = 0; k < l.top.size(); ++k) {
      auto [it, fresh] = compact.emplace(l.top[k], static_cast<std::uint32_t>(table_rows.size()));
      if (fresh) table_rows.push_back(unfiltered.rows[l.top[k]]);
      tops[k] = it->second;
    }
    w.put(static_cast<std::uint64_t>(l.size()));
    w.put_array(l.x);
    w.put_array(l.y);
    w.put_array(l.count);
    w.put_array(tops);
    w.put_array(l.ids);
    w.put_array(l.coords);
  }
  w.put(static_cast<std::uint64_t>(table_rows.size()));
  for (auto r : table_rows) {
    const PointRow& row = t.rows[r];
    w.put(row.id);
    w.put(row.lon);
    w.put(row.lat);
    w.put(row.date);
    w.put(row.story_id);
    w.put(row.story_id ? t.story_size_of(row.story_id) : std::uint32_t{1});
    w.put_string(row.title_json);
    w.put_string(row.place_json);
    w.put_string(t.strings[row.outlet]);
  }
  w.raw(kEnd, sizeof kEnd);

  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
    if (!out.flush()) return Status::io_error(fmt::format("{}: cannot write the map snapshot", tmp));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Status::io_error(fmt::format("{}: cannot replace the map snapshot", path));
  }
  return Status::ok();
}

Result<MapSnapshot> read_map_snapshot(const std::string& path) {
  std::string data;
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::not_found(fmt::format("{}: no map snapshot", path));
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto bad = [&](const char* what) { return Status::invalid(fmt::format("{}: not a usable map snapshot ({})", path, what)); };
  Reader r(data);
  std::uint32_t version = 0;
  if (!r.expect(kMagic, sizeof kMagic) || !r.get(version)) return bad("no header");
  if (version != kVersion) return bad("another version");
  MapSnapshot snap;
  std::int32_t min_zoom = 0, max_zoom = 0, radius = 0, extent = 0, node_size = 0, min_points = 0;
  std::uint64_t points = 0;
  std::uint32_t saved = 0;
  std::uint8_t all = 0;
  if (!r.get(snap.store_count) || !r.get(snap.db_bytes) || !r.get(min_zoom) || !r.get(max_zoom) || !r.get(radius) ||
      !r.get(extent) || !r.get(node_size) || !r.get(min_points) || !r.get(points) || !r.get(saved) || !r.get(all))
    return bad("truncated header");
  if (min_zoom < 0 || max_zoom < min_zoom || max_zoom > 24 || saved == 0 ||
      saved > static_cast<std::uint32_t>(max_zoom - min_zoom + 2))
    return bad("zoom levels out of range");
  std::vector<ClusterLevel> levels(saved);
  std::uint32_t max_top = 0;
  for (auto& l : levels) {
    std::uint64_t n = 0;
    if (!r.get(n) || !r.get_array(l.x, n) || !r.get_array(l.y, n) || !r.get_array(l.count, n) ||
        !r.get_array(l.top, n) || !r.get_array(l.ids, n) || !r.get_array(l.coords, 2 * n))
      return bad("truncated level");
    for (auto id : l.ids)
      if (id >= n) return bad("level ids out of range");
    for (auto top : l.top) max_top = std::max(max_top, top + 1);
  }
  auto table = std::make_shared<PointTable>();
  table->provisional = true;
  table->store_count = snap.store_count;
  table->strings.push_back("");
  table->strings_json.push_back("\"\"");
  std::unordered_map<std::string, std::uint16_t> outlets{{"", 0}};
  std::uint64_t rows = 0;
  if (!r.get(rows) || rows < max_top || rows > data.size()) return bad("truncated rows");
  table->rows.resize(rows);
  for (auto& row : table->rows) {
    std::uint32_t story_size = 1;
    std::string outlet;
    if (!r.get(row.id) || !r.get(row.lon) || !r.get(row.lat) || !r.get(row.date) || !r.get(row.story_id) ||
        !r.get(story_size) || !r.get_string(row.title_json) || !r.get_string(row.place_json) || !r.get_string(outlet))
      return bad("truncated rows");
    if (row.story_id) table->story_size[row.story_id] = story_size;
    auto [it, fresh] = outlets.emplace(outlet, static_cast<std::uint16_t>(table->strings.size()));
    if (fresh && table->strings.size() < 65535) {
      table->strings.push_back(outlet);
      // Outlets were written as plain strings; the JSON literal is made the same way as at load.
      table->strings_json.push_back(json_string_literal(outlet));
    } else if (fresh) {
      it->second = 0;
    }
    row.outlet = it->second;
  }
  if (!r.expect(kEnd, sizeof kEnd) || !r.at_end()) return bad("truncated end");

  ClusterOptions co;
  co.min_zoom = min_zoom;
  co.radius = radius;
  co.extent = extent;
  co.node_size = node_size;
  co.min_points = min_points;
  snap.all_zooms = all != 0;
  snap.last_zoom = min_zoom + static_cast<int>(saved) - 1;
  co.max_zoom = snap.last_zoom - 1;  // so that the saved levels are min_zoom … max_zoom + 1
  auto fi = std::make_shared<FilteredIndex>();
  fi->table = table;
  fi->rows.resize(rows);
  for (std::uint32_t i = 0; i < rows; ++i) fi->rows[i] = i;
  fi->index = ClusterIndex::from_levels(co, points, std::move(levels));
  snap.index = std::move(fi);
  return snap;
}

}  // namespace pk::serve
