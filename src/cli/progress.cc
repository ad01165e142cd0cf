#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace pk::cli {

ProgressLine::ProgressLine(bool enabled)
    : active_(enabled && isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()), last_(start_) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::update(std::size_t done, std::size_t total, std::size_t items, const char* unit) {
  if (!active_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done != total) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? items / secs : 0;
  double eta = (done > 0 && total > done) ? secs * (total - done) / done : 0;
  const int width = 24;
  int filled = total ? static_cast<int>(width * done / total) : 0;
  std::string bar(filled, '=');
  bar.resize(width, ' ');
  std::fprintf(stderr, "\r[%s] %zu/%zu files  %zu %s  %.0f %s/s  ETA %.0fs   ", bar.c_str(), done, total, items,
               unit, rate, unit, eta);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::update_count(std::size_t items, const char* unit) {
  if (!active_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r%zu %s  %.0f %s/s   ", items, unit, secs > 0 ? items / secs : 0.0, unit);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::finish() {
  if (active_ && drawn_) std::fputc('\n', stderr);
  drawn_ = false;
}

}  // namespace pk::cli
