// Prometheus text-format metrics: requests and latency histograms per route, plus gauges the
// server reads at scrape time (articles in the store, cluster index builds).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace pk::serve {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                       0.05,   0.1,   0.25,   0.5,   1,    2.5};
  // Records one finished request. `route` is a pattern name ("/api/clusters"), never a raw path.
  void observe(const std::string& route, int status, double seconds);
  // The metrics in text exposition format 0.0.4; `extra` is appended verbatim (gauges).
  std::string render(const std::string& extra) const;

 private:
  struct Series {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;  // (route, status) → count
  std::map<std::string, Series> latency_;
};

// The route name for a request path: the API pattern it belongs to, "static" or "other".
std::string route_of(const std::string& method, const std::string& path);

}  // namespace pk::serve
