#include "metrics.h"

#include <fmt/format.h>

namespace pk::serve {

void Metrics::observe(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{route, status}];
  auto& s = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++s.buckets[i];
  ++s.count;
  s.sum += seconds;
}

std::string Metrics::render(const std::string& extra) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  out += "# HELP pk_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE pk_http_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out += fmt::format("pk_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", key.first, key.second, n);
  out += "# HELP pk_http_request_duration_seconds Time to answer a request, by route.\n";
  out += "# TYPE pk_http_request_duration_seconds histogram\n";
  for (const auto& [route, s] : latency_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      out += fmt::format("pk_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route, kBuckets[i],
                         s.buckets[i]);
    out += fmt::format("pk_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route, s.count);
    out += fmt::format("pk_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route, s.sum);
    out += fmt::format("pk_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route, s.count);
  }
  out += extra;
  return out;
}

std::string route_of(const std::string& method, const std::string& path) {
  static const char* kPrefixes[] = {"/api/articles/", "/api/regions/", "/feeds/region/", "/feeds/near/",
                                    "/region/"};
  static const char* kExact[] = {"/api/articles", "/api/clusters", "/api/places",   "/api/geoparse",
                                 "/api/config",   "/api/openapi.json", "/feeds/search.atom", "/feeds/search.json",
                                 "/healthz",      "/metrics"};
  for (const char* e : kExact)
    if (path == e) return method == "GET" || method == "POST" ? path : "other";
  for (const char* p : kPrefixes) {
    const std::string pre(p);
    if (path.compare(0, pre.size(), pre) == 0) return pre + "{id}";
  }
  if (path.compare(0, 5, "/api/") == 0 || path.compare(0, 7, "/feeds/") == 0) return "other";
  return "static";
}

}  // namespace pk::serve
