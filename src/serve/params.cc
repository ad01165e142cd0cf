#include "params.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

namespace pk::serve {

namespace {

// Quotes a user-supplied value for an error message, cut to a readable length.
std::string quoted(std::string_view v) {
  std::string s(v.substr(0, 60));
  for (auto& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\') c = '?';
  return "\"" + s + (v.size() > 60 ? "…\"" : "\"");
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool valid_utf8_short(std::string_view s, std::size_t max_bytes) { return s.size() <= max_bytes; }

}  // namespace

std::optional<std::string> param(const Params& params, const std::string& key) {
  auto it = params.find(key);
  if (it == params.end()) return std::nullopt;
  return it->second;
}

Result<double> parse_number(std::string_view text, std::string_view name, double lo, double hi) {
  text = trim(text);
  if (text.empty() || text.size() > 40) return Status::invalid(fmt::format("{}: expected a number, got {}", name, quoted(text)));
  std::string s(text);
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v))
    return Status::invalid(fmt::format("{}: expected a number, got {}", name, quoted(text)));
  if (v < lo || v > hi) return Status::invalid(fmt::format("{}: {} is outside [{}, {}]", name, s, lo, hi));
  return v;
}

Result<long long> parse_integer(std::string_view text, std::string_view name, long long lo, long long hi) {
  text = trim(text);
  long long v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size())
    return Status::invalid(fmt::format("{}: expected an integer, got {}", name, quoted(text)));
  if (v < lo || v > hi) return Status::invalid(fmt::format("{}: {} is outside [{}, {}]", name, v, lo, hi));
  return v;
}

Result<BBox> parse_bbox(std::string_view text) {
  auto parts = split(text, ',');
  if (parts.size() != 4)
    return Status::invalid(fmt::format("bbox: expected west,south,east,north, got {}", quoted(text)));
  double v[4];
  const char* names[4] = {"bbox west", "bbox south", "bbox east", "bbox north"};
  for (int i = 0; i < 4; ++i) {
    const bool is_lat = i % 2 == 1;
    auto r = parse_number(parts[static_cast<std::size_t>(i)], names[i], is_lat ? -90 : -360, is_lat ? 90 : 360);
    if (!r) return r.status();
    v[i] = *r;
  }
  if (v[1] > v[3]) return Status::invalid("bbox: south must not be greater than north");
  BBox box{v[0], v[1], v[2], v[3]};
  if (box.east - box.west >= 360) {
    box.west = -180;
    box.east = 180;
  } else {
    auto wrap = [](double lon) { return std::fmod(std::fmod(lon + 180.0, 360.0) + 360.0, 360.0) - 180.0; };
    if (box.west < -180 || box.west > 180) box.west = wrap(box.west);
    if (box.east < -180 || box.east > 180) box.east = wrap(box.east);
  }
  return box;
}

Result<std::string> parse_date(std::string_view text, std::string_view name) {
  text = trim(text);
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
    return true;
  };
  const bool shape = text.size() >= 10 && digits(0, 4) && text[4] == '-' && digits(5, 2) && text[7] == '-' &&
                     digits(8, 2) && (text.size() == 10 || text[10] == 'T' || text[10] == ' ') && text.size() <= 40;
  if (shape) {
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    const int day = (text[8] - '0') * 10 + (text[9] - '0');
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return std::string(text.substr(0, 10));
  }
  return Status::invalid(fmt::format("{}: expected a date YYYY-MM-DD, got {}", name, quoted(text)));
}

std::uint32_t date_number(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return 0;
  std::uint32_t v = 0;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (iso[i] < '0' || iso[i] > '9') return 0;
    v = v * 10 + static_cast<std::uint32_t>(iso[i] - '0');
  }
  return v;
}

Result<ArticleQuery> parse_article_query(const Params& params, const QueryLimits& limits) {
  ArticleQuery q;
  q.limit = limits.default_limit;
  if (auto v = param(params, "bbox")) {
    auto box = parse_bbox(*v);
    if (!box) return box.status();
    q.bbox = *box;
  }
  if (auto v = param(params, "near")) {
    auto parts = split(*v, ',');
    if (parts.size() != 2) return Status::invalid(fmt::format("near: expected lat,lon, got {}", quoted(*v)));
    auto lat = parse_number(parts[0], "near latitude", -90, 90);
    if (!lat) return lat.status();
    auto lon = parse_number(parts[1], "near longitude", -180, 180);
    if (!lon) return lon.status();
    q.near_lat = *lat;
    q.near_lon = *lon;
  }
  if (auto v = param(params, "radius")) {
    auto r = parse_number(*v, "radius", 0.001, 20000);
    if (!r) return r.status();
    q.radius_km = *r;
  }
  auto text_param = [&](const char* key, std::size_t max, std::string& out) -> Status {
    if (auto v = param(params, key)) {
      if (!valid_utf8_short(*v, max)) return Status::invalid(fmt::format("{}: longer than {} bytes", key, max));
      out = std::string(trim(*v));
    }
    return Status::ok();
  };
  PK_RETURN_IF_ERROR(text_param("q", 500, q.text));
  PK_RETURN_IF_ERROR(text_param("region", 100, q.region));
  PK_RETURN_IF_ERROR(text_param("outlet", 200, q.outlet));
  PK_RETURN_IF_ERROR(text_param("lang", 16, q.language));
  PK_RETURN_IF_ERROR(text_param("cursor", 400, q.cursor));
  for (char c : q.language)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'))
      return Status::invalid(fmt::format("lang: expected a language code like de or en, got {}", quoted(q.language)));
  if (auto v = param(params, "since")) {
    auto d = parse_date(*v, "since");
    if (!d) return d.status();
    q.since = *d;
  }
  if (auto v = param(params, "until")) {
    auto d = parse_date(*v, "until");
    if (!d) return d.status();
    q.until = *d;
  }
  if (!q.since.empty() && !q.until.empty() && q.since > q.until)
    return Status::invalid("since: must not be after until");
  if (auto v = param(params, "limit")) {
    auto n = parse_integer(*v, "limit", 1, static_cast<long long>(limits.max_limit));
    if (!n) return n.status();
    q.limit = static_cast<std::size_t>(*n);
  }
  if (auto v = param(params, "sort")) {
    if (*v != "date" && *v != "relevance") return Status::invalid("sort: expected date or relevance");
    q.sort = *v;
  }
  if (auto v = param(params, "story")) {
    auto n = parse_integer(*v, "story", 0, (1LL << 62));
    if (!n) return n.status();
    q.story_id = *n;
  }
  return q;
}

bool is_web_url(std::string_view url) {
  auto starts = [&](std::string_view p) {
    if (url.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    return true;
  };
  return (starts("http://") || starts("https://")) && url.find_first_of(" \t\r\n<>\"") == std::string_view::npos;
}

}  // namespace pk::serve
