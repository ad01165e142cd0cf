#include "pressekarte/model_json.h"

namespace pk {

using nlohmann::json;

namespace {
std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}
std::optional<double> opt_number(const json& j, const char* key) {
  auto it = j.find(key);
  if (it != j.end() && it->is_number()) return it->get<double>();
  return std::nullopt;
}

}  // namespace

json to_json(const Image& image) { return json{{"caption", image.caption}, {"credit", image.credit}}; }

json to_json(const Article& a) {
  json images = json::array();
  for (const auto& im : a.images) images.push_back(to_json(im));
  json j{{"url", a.url},
         {"canonical_url", a.canonical_url},
         {"date", a.date},
         {"updated", a.updated},
         {"site_title", a.site_title},
         {"outlet", a.outlet},
         {"language", a.language},
         {"title", a.title},
         {"lead", a.lead},
         {"dateline", a.dateline},
         {"agency", a.agency},
         {"author", a.author},
         {"subheadings", a.subheadings},
         {"images", images},
         {"paragraphs", a.paragraphs},
         {"text", a.text},
         {"source_format", a.source_format},
         {"source", a.source},
         {"content_hash", a.content_hash}};
  if (a.lat_hint && a.lon_hint) j["point"] = json{{"lat", *a.lat_hint}, {"lon", *a.lon_hint}};
  return j;
}

json to_json(const PlaceMention& p) {
  json j{{"surface", p.surface},
         {"field", p.field},
         {"start", p.start},
         {"end", p.end},
         {"name", p.name},
         {"geonameid", p.geonameid ? json(*p.geonameid) : json(nullptr)},
         {"country", p.country},
         {"admin1", p.admin1},
         {"admin2", p.admin2},
         {"lat", p.lat},
         {"lon", p.lon},
         {"kind", p.kind},
         {"role", p.role},
         {"confidence", p.confidence}};
  if (!p.explain.empty()) j["explain"] = p.explain;
  return j;
}

json geo_to_json(const GeoparseResult& geo) {
  json places = json::array();
  for (const auto& p : geo.places) places.push_back(to_json(p));
  json focus = (geo.focus && *geo.focus < geo.places.size()) ? to_json(geo.places[*geo.focus]) : json(nullptr);
  return json{{"places", places}, {"focus", focus}};
}

json to_json(const Article& article, const GeoparseResult& geo) {
  json j = to_json(article);
  json g = geo_to_json(geo);
  j["places"] = std::move(g["places"]);
  j["focus"] = std::move(g["focus"]);
  return j;
}

Article article_from_json(const json& j) {
  Article a;
  a.url = str(j, "url");
  a.canonical_url = str(j, "canonical_url");
  a.date = str(j, "date");
  a.updated = str(j, "updated");
  a.site_title = str(j, "site_title");
  a.outlet = str(j, "outlet");
  a.language = str(j, "language");
  a.title = str(j, "title");
  a.lead = str(j, "lead");
  a.dateline = str(j, "dateline");
  a.agency = str(j, "agency");
  a.author = str(j, "author");
  if (auto it = j.find("subheadings"); it != j.end() && it->is_array())
    for (const auto& s : *it)
      if (s.is_string()) a.subheadings.push_back(s.get<std::string>());
  if (auto it = j.find("images"); it != j.end() && it->is_array())
    for (const auto& im : *it)
      if (im.is_object()) a.images.push_back(Image{str(im, "caption"), str(im, "credit")});
  if (auto it = j.find("paragraphs"); it != j.end() && it->is_array())
    for (const auto& s : *it)
      if (s.is_string()) a.paragraphs.push_back(s.get<std::string>());
  a.text = str(j, "text");
  a.source_format = str(j, "source_format");
  a.source = str(j, "source");
  a.content_hash = str(j, "content_hash");
  if (auto it = j.find("point"); it != j.end() && it->is_object()) {
    a.lat_hint = opt_number(*it, "lat");
    a.lon_hint = opt_number(*it, "lon");
  }
  return a;
}

PlaceMention place_from_json(const json& j) {
  PlaceMention p;
  p.surface = str(j, "surface");
  p.field = str(j, "field");
  if (auto it = j.find("start"); it != j.end() && it->is_number_unsigned()) p.start = it->get<std::size_t>();
  if (auto it = j.find("end"); it != j.end() && it->is_number_unsigned()) p.end = it->get<std::size_t>();
  p.name = str(j, "name");
  if (auto it = j.find("geonameid"); it != j.end() && it->is_number_integer()) p.geonameid = it->get<std::int64_t>();
  p.country = str(j, "country");
  p.admin1 = str(j, "admin1");
  p.admin2 = str(j, "admin2");
  p.lat = opt_number(j, "lat").value_or(0);
  p.lon = opt_number(j, "lon").value_or(0);
  p.kind = str(j, "kind");
  p.role = str(j, "role");
  p.confidence = opt_number(j, "confidence").value_or(0);
  p.explain = str(j, "explain");
  return p;
}

}  // namespace pk
