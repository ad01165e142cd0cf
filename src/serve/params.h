// Query-string parsing for the API: every value is checked once here, and every failure is an
// InvalidArgument naming the parameter and what was wrong with it (HTTP 400).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "pressekarte/status.h"
#include "pressekarte/store.h"

namespace pk::serve {

using Params = std::multimap<std::string, std::string>;  // same shape as httplib::Params

// First value of `key`, or nullopt.
std::optional<std::string> param(const Params& params, const std::string& key);

// A finite number in [lo, hi], the whole string consumed.
Result<double> parse_number(std::string_view text, std::string_view name, double lo, double hi);
Result<long long> parse_integer(std::string_view text, std::string_view name, long long lo, long long hi);
// "w,s,e,n" in degrees: longitudes in [-360, 360], latitudes in [-90, 90], s <= n. Boxes wider
// than the world become the whole world; west > east means the box crosses the antimeridian.
Result<BBox> parse_bbox(std::string_view text);
// "YYYY-MM-DD" (optionally followed by a time); returns the date part.
Result<std::string> parse_date(std::string_view text, std::string_view name);
// Numeric yyyymmdd of an ISO date's date part, 0 if it has none.
std::uint32_t date_number(std::string_view iso);

struct QueryLimits {
  std::size_t default_limit = 100;
  std::size_t max_limit = 1000;
};

// The list filters shared by /api/articles, /api/clusters and the feeds:
// bbox, near=lat,lon, radius (km), region, q, since, until, outlet, lang, cursor, limit.
Result<ArticleQuery> parse_article_query(const Params& params, const QueryLimits& limits);

// True for http:// and https:// URLs (the only ones the page renders as links).
bool is_web_url(std::string_view url);

}  // namespace pk::serve
