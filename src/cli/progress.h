// A one-line progress display on a terminal (rate and ETA); silent when stderr is not a TTY.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace pk::cli {

class ProgressLine {
 public:
  // `enabled` false (e.g. --quiet) silences it even on a terminal.
  explicit ProgressLine(bool enabled);
  ~ProgressLine();
  // Redraws at most ~10 times a second.
  void update(std::size_t done, std::size_t total, std::size_t items, const char* unit);
  // For work of unknown size: "12,000 articles  3,400 articles/s".
  void update_count(std::size_t items, const char* unit);
  void finish();

 private:
  bool active_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace pk::cli
