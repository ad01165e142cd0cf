#include "record.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>

#include <fmt/format.h>

#include "pressekarte/model_json.h"
#include "pressekarte/text.h"

namespace pk::store {

using nlohmann::json;

namespace {

// FNV-1a 64, for articles that come without a content hash.
std::string fnv_hex(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

bool digits(const std::string& s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return false;
  for (std::size_t i = pos; i < pos + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
int num(const std::string& s, std::size_t pos, std::size_t n) { return std::stoi(s.substr(pos, n)); }

std::int64_t days_from_civil(int y, unsigned m, unsigned d) {  // H. Hinnant's algorithm
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool valid_day(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  int max = kDays[m - 1] + ((m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) ? 1 : 0);
  return d <= max;
}

std::string body_text(const Article& a) {
  std::string body = a.text;
  for (const auto& s : a.subheadings) body += "\n" + s;
  for (const auto& im : a.images) body += "\n" + im.caption;
  if (body.empty()) {
    for (const auto& p : a.paragraphs) body += p + "\n";
  }
  return body;
}

}  // namespace

std::string dedup_key(const Article& a) {
  if (!a.url.empty()) return "u:" + a.url;
  if (!a.content_hash.empty()) return "h:" + a.content_hash;
  return "h:" + fnv_hex(a.title + "\n" + a.lead + "\n" + a.text);
}

std::optional<std::int64_t> parse_iso_time(const std::string& in) {
  std::string s = in;
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  if (!digits(s, 0, 4) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2))
    return std::nullopt;
  int y = num(s, 0, 4), mo = num(s, 5, 2), d = num(s, 8, 2);
  if (!valid_day(y, mo, d)) return std::nullopt;
  std::int64_t t = days_from_civil(y, mo, d) * 86400;
  std::size_t i = 10;
  if (i == s.size()) return t;
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return std::nullopt;
  ++i;
  if (!digits(s, i, 2) || i + 2 >= s.size() || s[i + 2] != ':' || !digits(s, i + 3, 2)) return std::nullopt;
  int hh = num(s, i, 2), mm = num(s, i + 3, 2), ss = 0;
  i += 5;
  if (i < s.size() && s[i] == ':') {
    if (!digits(s, i + 1, 2)) return std::nullopt;
    ss = num(s, i + 1, 2);
    i += 3;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  t += hh * 3600 + mm * 60 + ss;
  if (i == s.size()) return t;  // no zone: taken as UTC
  if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) return t;
  if (s[i] == '+' || s[i] == '-') {
    int sign = s[i] == '+' ? 1 : -1;
    ++i;
    if (!digits(s, i, 2)) return std::nullopt;
    int oh = num(s, i, 2), om = 0;
    i += 2;
    if (i < s.size() && s[i] == ':') ++i;
    if (i < s.size()) {
      if (!digits(s, i, 2)) return std::nullopt;
      om = num(s, i, 2);
      i += 2;
    }
    if (i != s.size() || oh > 14 || om > 59) return std::nullopt;
    return t - sign * (oh * 3600 + om * 60);
  }
  return std::nullopt;
}

std::string format_iso_utc(std::int64_t ts) {
  std::time_t t = static_cast<std::time_t>(ts);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<Point> focus_point(const ArticleRecord& r) {
  if (r.geo.focus && *r.geo.focus < r.geo.places.size()) {
    const auto& p = r.geo.places[*r.geo.focus];
    if (std::isfinite(p.lat) && std::isfinite(p.lon) && std::abs(p.lat) <= 90 && std::abs(p.lon) <= 180)
      return Point{p.lat, p.lon};
  }
  if (r.article.lat_hint && r.article.lon_hint && std::abs(*r.article.lat_hint) <= 90 &&
      std::abs(*r.article.lon_hint) <= 180)
    return Point{*r.article.lat_hint, *r.article.lon_hint};
  return std::nullopt;
}

std::set<std::string> region_keys(const GeoparseResult& geo) {
  std::set<std::string> keys;
  for (const auto& p : geo.places) {
    if (p.country.empty()) continue;
    keys.insert("country:" + p.country);
    if (!p.admin1.empty()) keys.insert("admin1:" + p.country + "." + p.admin1);
    if (!p.admin1.empty() && !p.admin2.empty())
      keys.insert("admin2:" + p.country + "." + p.admin1 + "." + p.admin2);
    if (p.geonameid) keys.insert("place:" + std::to_string(*p.geonameid));
  }
  for (const auto& p : geo.places)
    if (p.country.empty() && p.geonameid) keys.insert("place:" + std::to_string(*p.geonameid));
  return keys;
}

std::string place_key(const PlaceMention& p) {
  if (p.geonameid) return "g:" + std::to_string(*p.geonameid);
  return fmt::format("{}:{}.{}.{}.{}", p.kind.empty() ? "other" : p.kind, p.country, p.admin1, p.admin2,
                     fold_for_match(p.name));
}

std::string encode_doc(const Article& a, const GeoparseResult& geo) {
  json places = json::array();
  for (const auto& p : geo.places) places.push_back(to_json(p));
  json art = to_json(a);
  // The body is usually stored twice (paragraphs and text = paragraphs joined): keep one.
  std::string joined;
  for (std::size_t i = 0; i < a.paragraphs.size(); ++i) joined += (i ? "\n\n" : "") + a.paragraphs[i];
  if (!a.paragraphs.empty() && joined == a.text) {
    art.erase("text");
    art["text_is_paragraphs"] = true;
  }
  json j{{"article", std::move(art)}, {"places", std::move(places)}};
  j["focus"] = geo.focus ? json(*geo.focus) : json(nullptr);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Status decode_doc(const std::string& doc, Article* a, GeoparseResult* geo) {
  json j = json::parse(doc, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::corruption("stored article document is not valid JSON");
  if (auto it = j.find("article"); it != j.end() && it->is_object()) {
    *a = article_from_json(*it);
    if (it->value("text_is_paragraphs", false)) {
      a->text.clear();
      for (std::size_t i = 0; i < a->paragraphs.size(); ++i) a->text += (i ? "\n\n" : "") + a->paragraphs[i];
    }
  }
  geo->places.clear();
  if (auto it = j.find("places"); it != j.end() && it->is_array())
    for (const auto& p : *it) geo->places.push_back(place_from_json(p));
  geo->focus.reset();
  if (auto it = j.find("focus"); it != j.end() && it->is_number_unsigned()) {
    auto f = it->get<std::size_t>();
    if (f < geo->places.size()) geo->focus = f;
  }
  return Status::ok();
}

IndexedText indexed_text(const Article& a) { return IndexedText{a.title, a.lead, body_text(a)}; }

std::string tsvector_literal(const IndexedText& t, Lang lang) {
  // lexeme → "pos+weight" list; tsvector positions cap at 16383 and 256 per lexeme.
  std::map<std::string, std::string> lex;
  std::map<std::string, int> counts;
  std::size_t pos = 0;
  auto add_field = [&](const std::string& text, char weight) {
    std::string g, e;
    split_words(text, [&](Word w) {
      ++pos;
      if (pos > 16383) return;
      terms_of_word(std::string_view(text).substr(w.begin, w.end - w.begin), lang, &g, &e);
      for (const std::string* term : {&g, &e}) {
        if (term->empty() || term->size() > 200) continue;
        if (++counts[*term] > 255) continue;
        std::string& l = lex[*term];
        if (!l.empty()) l += ',';
        l += std::to_string(pos);
        if (weight != 'D') l += weight;
      }
    });
  };
  add_field(t.title, 'A');
  add_field(t.lead, 'B');
  add_field(t.body, 'D');
  std::string out;
  for (const auto& [term, positions] : lex) {
    if (!out.empty()) out += ' ';
    out += '\'' + term + "':" + positions;  // terms never contain quotes or backslashes
  }
  return out;
}

Result<TextQuery> parse_text_query(const std::string& raw) {
  std::string text = sanitize_utf8(raw);
  if (text.size() > 1000) return Status::invalid("text query is longer than 1000 bytes");
  TextQuery q;
  std::size_t words = 0;
  // Double quotes (ASCII or typographic) delimit phrases; everything else is words.
  std::string current;
  bool in_phrase = false;
  auto flush = [&](bool phrase) {
    auto w = words_of(current);
    current.clear();
    if (w.empty()) return;
    words += w.size();
    if (phrase) {
      q.groups.push_back(std::move(w));
    } else {
      for (auto& one : w) q.groups.push_back({std::move(one)});
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    char32_t c = next_codepoint(text, i);
    if (c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB) {
      flush(in_phrase);
      in_phrase = !in_phrase;
    } else {
      current.append(text, start, i - start);
    }
  }
  flush(in_phrase);
  if (q.groups.empty()) return Status::invalid("text query \"" + raw.substr(0, 80) + "\" contains no words");
  if (words > 32) return Status::invalid("text query has more than 32 words");
  return q;
}

std::string fts5_match_expression(const TextQuery& q) {
  std::string out;
  for (const auto& g : q.groups) {
    if (!out.empty()) out += " AND ";
    out += '"';
    for (std::size_t i = 0; i < g.size(); ++i) out += (i ? " " : "") + g[i];
    out += '"';
    if (g.size() == 1 && codepoint_count(g[0]) >= kPrefixMinLetters) out += '*';
  }
  return out;
}

std::string tsquery_expression(const TextQuery& q) {
  auto lexemes = [](const std::string& word, bool prefix) {
    std::string g, e;
    terms_of_word(word, Lang::kBoth, &g, &e);
    std::string suffix = prefix ? ":*" : "";
    if (e.empty()) return "'" + g + "'" + suffix;
    return "('" + g + "'" + suffix + " | '" + e + "'" + suffix + ")";
  };
  std::string out;
  for (const auto& g : q.groups) {
    if (!out.empty()) out += " & ";
    if (g.size() == 1) {
      out += lexemes(g[0], codepoint_count(g[0]) >= kPrefixMinLetters);
    } else {
      out += '(';
      for (std::size_t i = 0; i < g.size(); ++i) out += (i ? " <-> " : "") + lexemes(g[i], false);
      out += ')';
    }
  }
  return out;
}

std::string encode_cursor(const Cursor& c) {
  if (c.by_score) return fmt::format("s_{:a}_{}_{}_{}", c.score, c.ts, c.id, c.now);
  return fmt::format("d_{}_{}", c.ts, c.id);
}

namespace {

Result<Cursor> decode_cursor(const std::string& s, bool by_score) {
  Cursor c;
  c.by_score = by_score;
  auto bad = Status::invalid("cursor \"" + s.substr(0, 60) + "\" is not one this query returned");
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == '_') {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  try {
    std::size_t used = 0;
    auto to_i = [&](const std::string& p) {
      auto v = std::stoll(p, &used);
      if (used != p.size()) throw std::invalid_argument("trailing");
      return v;
    };
    if (by_score) {
      if (parts.size() != 5 || parts[0] != "s") return bad;
      c.score = std::strtod(parts[1].c_str(), nullptr);
      if (!std::isfinite(c.score)) return bad;
      c.ts = to_i(parts[2]);
      c.id = to_i(parts[3]);
      c.now = to_i(parts[4]);
    } else {
      if (parts.size() != 3 || parts[0] != "d") return bad;
      c.ts = to_i(parts[1]);
      c.id = to_i(parts[2]);
    }
  } catch (const std::exception&) {
    return bad;
  }
  return c;
}

Result<std::optional<std::int64_t>> parse_bound(const std::string& s, const char* what, bool upper) {
  if (s.empty()) return std::optional<std::int64_t>();
  auto t = parse_iso_time(s);
  if (!t) return Status::invalid(fmt::format("{} date \"{}\" is not an ISO date (YYYY-MM-DD[THH:MM[:SS][Z]])", what,
                                             s.substr(0, 40)));
  // A bare date as upper bound includes the whole day.
  if (upper && s.size() == 10) return std::optional<std::int64_t>(*t + 86399);
  return std::optional<std::int64_t>(*t);
}

Status check_lat_lon(double lat, double lon, const char* what) {
  if (!std::isfinite(lat) || !std::isfinite(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180)
    return Status::invalid(fmt::format("{} {},{} is outside lat -90..90 / lon -180..180", what, lat, lon));
  return Status::ok();
}

}  // namespace

Result<PlannedQuery> plan_query(const ArticleQuery& q) {
  PlannedQuery p;
  if (q.bbox) {
    const BBox& b = *q.bbox;
    for (double v : {b.west, b.south, b.east, b.north})
      if (!std::isfinite(v)) return Status::invalid("bbox has a coordinate that is not a number");
    if (b.west < -180 || b.east > 180 || b.south < -90 || b.north > 90)
      return Status::invalid(fmt::format("bbox {},{},{},{} is outside lon -180..180 / lat -90..90", b.west, b.south,
                                         b.east, b.north));
    if (b.west > b.east || b.south > b.north)
      return Status::invalid(fmt::format("bbox {},{},{},{} is reversed: expected west,south,east,north", b.west,
                                         b.south, b.east, b.north));
    p.bbox = b;
  }
  if (q.near_lat.has_value() != q.near_lon.has_value())
    return Status::invalid("a radius query needs both latitude and longitude");
  if (q.near_lat) {
    PK_RETURN_IF_ERROR(check_lat_lon(*q.near_lat, *q.near_lon, "point"));
    if (!std::isfinite(q.radius_km) || q.radius_km <= 0 || q.radius_km > 20000)
      return Status::invalid(fmt::format("radius {} km is not in (0, 20000]", q.radius_km));
    p.near = Point{*q.near_lat, *q.near_lon};
    p.radius_km = q.radius_km;
    double dlat = q.radius_km / 111.2;
    double coslat = std::cos(*q.near_lat * M_PI / 180.0);
    BBox box{-180, std::max(-90.0, *q.near_lat - dlat), 180, std::min(90.0, *q.near_lat + dlat)};
    if (coslat > 1e-6) {
      double dlon = q.radius_km / (111.2 * coslat);
      if (dlon < 180 && *q.near_lon - dlon >= -180 && *q.near_lon + dlon <= 180) {
        box.west = *q.near_lon - dlon;
        box.east = *q.near_lon + dlon;
      }
    }
    if (box.north >= 90 || box.south <= -90) box.west = -180, box.east = 180;  // circle covers a pole
    p.radius_box = box;
  }
  if (!q.region.empty()) {
    const std::string& r = q.region;
    auto colon = r.find(':');
    std::string kind = colon == std::string::npos ? "" : r.substr(0, colon);
    if (kind == "country" || kind == "admin1" || kind == "admin2" || kind == "place") {
      std::string v = r.substr(colon + 1);
      bool ok = !v.empty() && v.size() <= 64;
      for (char ch : v)
        if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == '_')) ok = false;
      if (!ok) return Status::invalid("region \"" + r.substr(0, 80) + "\" has a malformed code");
      if (kind == "country" || kind == "admin1" || kind == "admin2") {
        // Country codes are upper case in GeoNames; accept "de" and "DE.07".
        auto dot = v.find('.');
        for (std::size_t i = 0; i < std::min(dot, v.size()); ++i) v[i] = std::toupper(static_cast<unsigned char>(v[i]));
      }
      p.region_key = kind + ":" + v;
    } else {
      if (r.size() > 200) return Status::invalid("region name is longer than 200 bytes");
      p.region_name = r;
    }
  }
  if (!q.text.empty()) {
    auto t = parse_text_query(q.text);
    if (!t) return t.status();
    p.text = std::move(t.value());
  }
  auto since = parse_bound(q.since, "since", false);
  if (!since) return since.status();
  auto until = parse_bound(q.until, "until", true);
  if (!until) return until.status();
  p.since_ts = *since;
  p.until_ts = *until;
  if (p.since_ts && p.until_ts && *p.since_ts > *p.until_ts)
    return Status::invalid("since " + q.since + " is after until " + q.until);
  p.outlet = q.outlet;
  p.language = q.language;
  if (q.sort == "relevance") {
    p.by_relevance = p.text.has_value();  // without words, relevance is just recency
  } else if (q.sort != "date" && !q.sort.empty()) {
    return Status::invalid("sort \"" + q.sort.substr(0, 40) + "\" is not one of date, relevance");
  }
  p.limit = std::clamp<std::size_t>(q.limit, 1, 1000);
  p.now = now_seconds();
  if (!q.cursor.empty()) {
    auto c = decode_cursor(q.cursor, p.by_relevance);
    if (!c) return c.status();
    p.cursor = *c;
    if (p.by_relevance) p.now = c->now;
  }
  p.story_id = q.story_id;
  return p;
}

double haversine_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kR = 6371.0088, kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kR * std::asin(std::min(1.0, std::sqrt(a)));
}

double blend_score(double bm25_positive, std::int64_t article_ts, std::int64_t now_ts) {
  double age_years = std::max<double>(0, static_cast<double>(now_ts - article_ts)) / 31557600.0;
  return bm25_positive * (0.5 + 0.5 / (1.0 + age_years));
}

}  // namespace pk::store
