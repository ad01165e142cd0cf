// Flat open-addressing tables for the story index: a band-key → slot multimap with a per-key cap,
// and a set of 64-bit keys. Private to pk_stories.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "text_features.h"

namespace pk::stories {

// Multimap from a 32-bit key (0 is reserved for "empty") to a 32-bit slot; several cells may
// share a key. Linear probing, load ≤ 70 %.
class BandTable {
 public:
  struct Cell {
    std::uint32_t key = 0;  // 0 = empty
    std::uint32_t slot = 0;
  };

  template <typename F>
  void for_each(std::uint32_t key, F&& f) const {
    if (cells_.empty()) return;
    for (std::size_t i = start(key);; i = (i + 1) & mask_) {
      const Cell& c = cells_[i];
      if (c.key == 0) return;
      if (c.key == key) f(c.slot);
    }
  }

  // Inserts; when `cap` cells already hold the key, the one whose doc is oldest (by `day_of`)
  // is replaced instead, if the new doc is not older. This bounds what a flood of identical
  // texts (or a shingle every article shares) can cost a lookup.
  template <typename DayOf>
  void insert(std::uint32_t key, std::uint32_t slot, int cap, DayOf&& day_of) {
    if ((used_ + 1) * 10 > cells_.size() * 7) grow();
    int count = 0;
    std::size_t oldest = 0;
    for (std::size_t i = start(key);; i = (i + 1) & mask_) {
      Cell& c = cells_[i];
      if (c.key == 0) {
        if (count >= cap) break;
        c = {key, slot};
        ++used_;
        return;
      }
      if (c.key == key) {
        if (count == 0 || day_of(c.slot) < day_of(cells_[oldest].slot)) oldest = i;
        ++count;
      }
    }
    if (day_of(cells_[oldest].slot) <= day_of(slot)) cells_[oldest].slot = slot;
  }

  std::size_t bytes() const { return cells_.capacity() * sizeof(Cell); }

 private:
  std::size_t start(std::uint32_t key) const { return static_cast<std::size_t>(mix64(key)) & mask_; }
  void grow() {
    std::vector<Cell> old;
    old.swap(cells_);
    cells_.assign(old.empty() ? 256 : old.size() * 2, Cell{});
    mask_ = cells_.size() - 1;
    used_ = 0;
    for (const Cell& c : old) {
      if (c.key == 0) continue;
      std::size_t i = start(c.key);
      while (cells_[i].key != 0) i = (i + 1) & mask_;
      cells_[i] = c;
      ++used_;
    }
  }
  std::vector<Cell> cells_;
  std::size_t mask_ = 0, used_ = 0;
};

// Set of non-zero 64-bit keys (0 is mapped to 1). Linear probing, load ≤ 50 %.
class KeySet {
 public:
  bool contains(std::uint64_t key) const {
    if (cells_.empty()) return false;
    key = key ? key : 1;
    for (std::size_t i = static_cast<std::size_t>(key) & mask_;; i = (i + 1) & mask_) {
      if (cells_[i] == key) return true;
      if (cells_[i] == 0) return false;
    }
  }
  void insert(std::uint64_t key) {
    key = key ? key : 1;
    if ((used_ + 1) * 2 > cells_.size()) grow();
    std::size_t i = static_cast<std::size_t>(key) & mask_;
    while (cells_[i] != 0) {
      if (cells_[i] == key) return;
      i = (i + 1) & mask_;
    }
    cells_[i] = key;
    ++used_;
  }
  std::size_t bytes() const { return cells_.capacity() * sizeof(std::uint64_t); }

 private:
  void grow() {
    std::vector<std::uint64_t> old;
    old.swap(cells_);
    cells_.assign(old.empty() ? 256 : old.size() * 2, 0);
    mask_ = cells_.size() - 1;
    used_ = 0;
    for (std::uint64_t k : old)
      if (k) insert(k);
  }
  std::vector<std::uint64_t> cells_;  // keys are already mixed hashes: low bits index directly
  std::size_t mask_ = 0, used_ = 0;
};

}  // namespace pk::stories
