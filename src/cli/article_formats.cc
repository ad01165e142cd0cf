#include "article_formats.h"

#include <cmath>

#include <fmt/format.h>

#include "pressekarte/model_json.h"

namespace pk::cli {

namespace {

using nlohmann::json;

double round5(double v) { return std::round(v * 1e5) / 1e5; }

const PlaceMention* focus_of(const StoredArticle& a) {
  if (a.geo.focus && *a.geo.focus < a.geo.places.size()) return &a.geo.places[*a.geo.focus];
  return nullptr;
}

std::string outlet_of(const Article& a) { return a.outlet.empty() ? a.site_title : a.outlet; }

// "Berlin; Potsdam; Spree": the distinct place names in the order they were found.
std::string place_names(const GeoparseResult& geo) {
  std::string out;
  std::vector<std::string_view> seen;
  for (const auto& p : geo.places) {
    if (p.name.empty() || std::find(seen.begin(), seen.end(), p.name) != seen.end()) continue;
    seen.push_back(p.name);
    if (!out.empty()) out += "; ";
    out += p.name;
  }
  return out;
}

}  // namespace

json stored_article_json(const StoredArticle& a) {
  json j = to_json(a.article, a.geo);
  j["id"] = a.id;
  j["story_id"] = a.story_id ? json(*a.story_id) : json(nullptr);
  return j;
}

bool stored_article_feature(const StoredArticle& a, json& out) {
  FocusPoint point;
  if (!focus_point_of(a, &point)) return false;
  const PlaceMention* focus = focus_of(a);
  const Article& art = a.article;
  json props{{"id", a.id},
             {"title", art.title},
             {"lead", art.lead},
             {"date", art.date},
             {"url", art.url},
             {"outlet", outlet_of(art)},
             {"language", art.language},
             {"agency", art.agency},
             {"dateline", art.dateline},
             {"story_id", a.story_id ? json(*a.story_id) : json(nullptr)},
             {"place", point.place_name},
             {"place_kind", point.place_kind},
             {"geonameid", focus && focus->geonameid ? json(*focus->geonameid) : json(nullptr)},
             {"country", focus ? focus->country : ""},
             {"admin1", focus ? focus->admin1 : ""},
             {"admin2", focus ? focus->admin2 : ""},
             {"places", place_names(a.geo)}};
  out = json{{"type", "Feature"},
             {"id", a.id},
             {"geometry", {{"type", "Point"}, {"coordinates", json::array({round5(point.lon), round5(point.lat)})}}},
             {"properties", std::move(props)}};
  return true;
}

const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> columns = {
      "id",    "date",  "title", "url",     "outlet",     "language", "agency",   "dateline", "story_id",
      "place", "place_kind", "geonameid", "country", "admin1", "admin2", "lat", "lon", "places"};
  return columns;
}

std::string csv_field(std::string_view value) {
  std::string v(value);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(v.begin(), '\'');
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string quoted = "\"";
  for (char c : v) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string csv_row(const StoredArticle& a) {
  FocusPoint point;
  const bool placed = focus_point_of(a, &point);
  const PlaceMention* focus = focus_of(a);
  const Article& art = a.article;
  const std::string fields[] = {
      std::to_string(a.id),
      art.date,
      art.title,
      art.url,
      outlet_of(art),
      art.language,
      art.agency,
      art.dateline,
      a.story_id ? std::to_string(*a.story_id) : "",
      placed ? point.place_name : "",
      placed ? point.place_kind : "",
      focus && focus->geonameid ? std::to_string(*focus->geonameid) : "",
      focus ? focus->country : "",
      focus ? focus->admin1 : "",
      focus ? focus->admin2 : "",
      placed ? fmt::format("{:.5f}", point.lat) : "",
      placed ? fmt::format("{:.5f}", point.lon) : "",
      place_names(a.geo)};
  std::string row;
  for (const auto& f : fields) {
    if (!row.empty()) row += ',';
    row += csv_field(f);
  }
  row += "\r\n";
  return row;
}

}  // namespace pk::cli
