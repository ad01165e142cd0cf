// The start snapshot of the map: the unfiltered cluster levels from the coarsest zoom up to
// where they stop being small, plus the rows of their top articles, in one binary file. The
// server writes it after a full table load and reads it when it starts, so the first views of
// the map are answered in milliseconds instead of after a scan of the store (1M articles:
// 1–2 s with a warm page cache, far more cold). Answers from it are marked provisional until
// the store has been read (ClusterCache checks the article count and drops a stale snapshot).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "pressekarte/status.h"
#include "snapshot.h"

namespace pk::serve {

struct MapSnapshot {
  // The saved levels as an index; its table holds only the top rows (PointTable::provisional).
  std::shared_ptr<const FilteredIndex> index;
  int last_zoom = -1;          // highest zoom with a saved level
  bool all_zooms = false;      // the finest level (every point alone) is saved too
  std::int64_t store_count = -1;  // Store::count() of the table the snapshot was made from
  std::int64_t db_bytes = -1;     // size of the SQLite file then; -1 = unknown
  bool covers(int zoom) const { return index && zoom >= 0 && (all_zooms || zoom <= last_zoom); }
};

struct MapSnapshotOptions {
  // Levels are saved from the coarsest zoom up while their items add up to at most this.
  // Default 400,000 (~28 bytes each; at 1M generated articles: zooms 0–16, ~10 MB).
  std::size_t max_items = 400000;
};

// Writes `unfiltered` (an index over a full table) to `path` atomically (a temporary file,
// then rename). Errors name the path.
Status write_map_snapshot(const std::string& path, const FilteredIndex& unfiltered, std::int64_t db_bytes,
                          const MapSnapshotOptions& options = {});
// Reads a snapshot; a missing, truncated or foreign file is an error naming the path.
Result<MapSnapshot> read_map_snapshot(const std::string& path);

// Size of a file in bytes, -1 if it cannot be read (e.g. a postgresql:// URL).
std::int64_t file_bytes(const std::string& path);

}  // namespace pk::serve
