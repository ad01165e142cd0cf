#include "api.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "feeds.h"
#include "pressekarte/stories.h"
#include "pressekarte/json_io.h"
#include "pressekarte/model_json.h"
#include "pressekarte/text.h"

namespace pk::serve {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxClusterFeatures = 5000;
constexpr int kMaxZoom = 22;

ApiResponse ok_json(const json& j) {
  ApiResponse r;
  r.body = json_line(j);
  return r;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "2025-10-28" for today minus `days` (UTC).
std::string date_days_ago(int days) {
  const std::time_t t = std::time(nullptr) - static_cast<std::time_t>(days) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

double round5(double v) { return std::round(v * 1e5) / 1e5; }

json point_geometry(double lon, double lat) {
  return json{{"type", "Point"}, {"coordinates", json::array({round5(lon), round5(lat)})}};
}

std::string outlet_of(const Article& a) { return a.outlet.empty() ? a.site_title : a.outlet; }

json article_feature(const StoredArticle& a, std::uint32_t story_size) {
  double lon = 0, lat = 0;
  std::string place, kind;
  const bool placed = focus_point(a, lon, lat, place, kind);
  const auto& art = a.article;
  json props{{"id", a.id},
             {"title", art.title},
             {"lead", art.lead},
             {"date", art.date},
             {"outlet", outlet_of(art)},
             {"language", art.language},
             {"agency", art.agency},
             {"dateline", art.dateline},
             {"url", is_web_url(art.url) ? art.url : std::string()},
             {"place", place},
             {"place_kind", kind},
             {"story_id", a.story_id ? json(*a.story_id) : json(nullptr)},
             {"story_size", story_size}};
  if (a.geo.focus && *a.geo.focus < a.geo.places.size()) {
    const auto& f = a.geo.places[*a.geo.focus];
    props["country"] = f.country;
    props["geonameid"] = f.geonameid ? json(*f.geonameid) : json(nullptr);
  }
  return json{{"type", "Feature"},
              {"id", a.id},
              {"geometry", placed ? point_geometry(lon, lat) : json(nullptr)},
              {"properties", std::move(props)}};
}

// A region id as the API, the store and the page use it: "country:DE", "admin1:DE.07",
// "admin2:DE.07.06631" or "place:<geonameid>" (ArticleQuery::region accepts these and names).
std::string region_key(const std::string& kind, const std::string& country, const std::string& admin1,
                       const std::string& admin2, std::optional<std::int64_t> geonameid, const std::string& name) {
  if (kind == "country" && !country.empty()) return "country:" + country;
  if (kind == "admin1" && !country.empty() && !admin1.empty()) return "admin1:" + country + "." + admin1;
  if (kind == "admin2" && !country.empty() && !admin1.empty() && !admin2.empty())
    return "admin2:" + country + "." + admin1 + "." + admin2;
  if (geonameid) return "place:" + std::to_string(*geonameid);
  return name;
}

std::string region_id_of(const GazetteerPlace& p) {
  return region_key(p.kind, p.country, p.admin1, "", p.geonameid, p.name);
}

json place_json(const GazetteerPlace& p) {
  return json{{"id", region_id_of(p)},
              {"geonameid", p.geonameid ? json(*p.geonameid) : json(nullptr)},
              {"name", p.name},
              {"name_de", p.name_de},
              {"country", p.country},
              {"admin1", p.admin1},
              {"admin1_name", p.admin1_name},
              {"kind", p.kind},
              {"lat", round5(p.lat)},
              {"lon", round5(p.lon)},
              {"population", p.population}};
}

// Normalises a region id from a URL: a bare number is a GeoNames id.
std::string normalise_region_id(std::string_view id) {
  if (parse_integer(id, "id", 1, (1LL << 53))) return "place:" + std::string(id);
  return sanitize_utf8(id);
}

std::optional<GazetteerPlace> resolve_region(const Gazetteer* gaz, const std::string& id) {
  if (!gaz) return std::nullopt;
  if (id.rfind("place:", 0) == 0) {
    auto n = parse_integer(std::string_view(id).substr(6), "id", 1, (1LL << 53));
    return n ? gaz->by_geonameid(*n) : std::nullopt;
  }
  const auto colon = id.find(':');
  if (colon != std::string::npos) {
    const std::string kind = id.substr(0, colon), code = id.substr(colon + 1);
    if (kind == "country") {
      for (const auto& p : gaz->lookup(code))
        if (p.kind == "country" && p.country == code) return p;
    }
    return std::nullopt;  // admin codes: named from the articles' own mentions instead
  }
  auto matches = gaz->lookup(id);
  if (!matches.empty()) return matches.front();
  return std::nullopt;
}

// The region's place as the articles mention it (when the gazetteer cannot name it).
std::optional<GazetteerPlace> region_from_mentions(const std::vector<StoredArticle>& items, const std::string& id) {
  for (const auto& a : items)
    for (const auto& m : a.geo.places)
      if (region_key(m.kind, m.country, m.admin1, m.admin2, m.geonameid, m.name) == id) {
        GazetteerPlace p;
        p.geonameid = m.geonameid;
        p.name = m.name;
        p.country = m.country;
        p.admin1 = m.admin1;
        p.kind = m.kind;
        p.lat = m.lat;
        p.lon = m.lon;
        return p;
      }
  return std::nullopt;
}

// The /api/clusters FeatureCollection, written directly: titles and places are JSON literals
// made at table load, so this is concatenation (nlohmann objects cost ~10x more per feature).
// `details` (for a quick table, see PointTable::quick): the full rows of the clusters' tops.
std::string cluster_collection(const PointTable& t, const std::vector<std::uint32_t>& rows,
                               const std::vector<Cluster>& found, int zoom, bool truncated, bool provisional,
                               const std::unordered_map<std::int64_t, FocusPoint>* details = nullptr) {
  auto literal = [](const std::string& s) { return json(s).dump(-1, ' ', false, json::error_handler_t::replace); };
  // Written straight into one buffer (fmt::appender, compiled format strings, reserved size):
  // through std::back_inserter fmt used a chunk buffer and regrew the output, a fifth of the
  // server's CPU under wrk with random views (perf, session 4).
  fmt::memory_buffer out;
  out.reserve(160 + found.size() * 360);
  auto to = fmt::appender(out);
  std::uint64_t total = 0;
  for (const auto& c : found) total += c.count;
  fmt::format_to(to, FMT_COMPILE("{{\"type\":\"FeatureCollection\",\"zoom\":{},\"total\":{},\"truncated\":{},\"provisional\":{},\"features\":["),
                 zoom, total, truncated, provisional);
  bool first = true;
  for (const auto& c : found) {
    // By reference: a copy of the row (two JSON strings) per feature was a measurable part of
    // an uncached answer. Only the quick table's rows are replaced, by their stored details.
    const PointRow* row_ptr = &t.rows[rows[c.top]];
    const std::string* outlet_ptr = &t.strings_json[row_ptr->outlet];
    PointRow detailed;
    std::string detailed_outlet;
    if (details) {
      if (auto d = details->find(row_ptr->id); d != details->end()) {
        detailed = *row_ptr;
        detailed.title_json = literal(d->second.title);
        detailed.place_json = literal(d->second.place_name);
        detailed.date = date_number(d->second.date);
        detailed_outlet = literal(d->second.outlet);
        row_ptr = &detailed;
        outlet_ptr = &detailed_outlet;
      }
    }
    const PointRow& row = *row_ptr;
    const std::string& outlet_json = *outlet_ptr;
    if (!first) out.push_back(',');
    first = false;
    fmt::format_to(to, FMT_COMPILE("{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{},{}]}},"
                   "\"properties\":{{\"cluster\":{},\"count\":{},\"id\":{},\"title\":{},\"date\":"),
                   round5(c.lon), round5(c.lat), c.count > 1, c.count, row.id, row.title_json);
    if (row.date)
      fmt::format_to(to, FMT_COMPILE("\"{:04}-{:02}-{:02}\""), row.date / 10000, row.date / 100 % 100, row.date % 100);
    else
      out.append(std::string_view("\"\""));
    fmt::format_to(to, FMT_COMPILE(",\"place\":{},\"outlet\":{},\"story_size\":{}}}}}"), row.place_json,
                   outlet_json, row.story_id ? t.story_size_of(row.story_id) : 1);
  }
  out.append(std::string_view("]}"));
  return fmt::to_string(out);
}

}  // namespace

ApiResponse json_error(int http_status, const std::string& message) {
  ApiResponse r;
  r.status = http_status;
  r.body = json_line(json{{"error", message}, {"status", http_status}});
  return r;
}

ApiResponse status_error(const Status& status, std::string_view what) {
  const int http = status.http_status();
  if (http >= 500) {
    std::fprintf(stderr, "pressekarte serve: %.*s failed: %s\n", static_cast<int>(what.size()), what.data(),
                 status.to_string().c_str());
    return json_error(500, fmt::format("internal error while answering {}; the details are in the server log", what));
  }
  std::string msg = status.message();
  if (msg.size() > 300) msg = msg.substr(0, 300) + "…";
  return json_error(http, msg);
}

Api::Api(ServerOptions options, ServerDeps deps)
    : options_(std::move(options)), deps_(std::move(deps)), store_(std::make_shared<LockedStore>(deps_.store)) {
  ClusterOptions co;
  co.radius = options_.cluster_radius_px;
  cache_ = std::make_unique<ClusterCache>(store_, co, options_.refresh_seconds);
  if (!options_.map_snapshot.empty()) cache_->set_snapshot(options_.map_snapshot, options_.db);
}

void Api::start_background() {
  cache_->start_background(deps_.index_store ? std::make_shared<LockedStore>(deps_.index_store) : store_);
}

bool Api::owns(std::string_view path) {
  return path.substr(0, 5) == "/api/" || path == "/api" || path.substr(0, 7) == "/feeds/" || path == "/healthz" ||
         path == "/metrics";
}

ApiResponse Api::handle(const ApiRequest& r) {
  const std::string& p = r.path;
  const bool get = r.method == "GET" || r.method == "HEAD";
  auto only_get = [&](auto&& fn) { return get ? fn() : json_error(405, fmt::format("{} allows GET only", p)); };
  if (p == "/api/geoparse") {
    return r.method == "POST" ? geoparse(r) : json_error(405, "/api/geoparse allows POST only");
  }
  if (p == "/api/articles") return only_get([&] { return articles(r); });
  if (p.rfind("/api/articles/", 0) == 0) return only_get([&] { return article(std::string_view(p).substr(14)); });
  if (p == "/api/clusters") return only_get([&] { return clusters(r); });
  if (p == "/api/places") return only_get([&] { return places(r); });
  if (p.rfind("/api/regions/", 0) == 0) return only_get([&] { return region(std::string_view(p).substr(13)); });
  if (p.rfind("/api/stories/", 0) == 0) return only_get([&] { return story(std::string_view(p).substr(13)); });
  if (p == "/api/openapi.json")
    return only_get([&] {
      ApiResponse res;
      res.body = openapi_json();
      return res;
    });
  if (p == "/api/config") return only_get([&] { return config(); });
  if (p.rfind("/feeds/", 0) == 0) return only_get([&] { return feed(r, std::string_view(p).substr(7)); });
  if (p == "/healthz") return only_get([&] { return healthz(); });
  if (p == "/metrics") return only_get([&] { return metrics_text(); });
  return json_error(404, "no such endpoint; see /api/openapi.json");
}

ApiResponse Api::articles(const ApiRequest& r) {
  auto q = parse_article_query(r.params, QueryLimits{100, options_.max_results});
  if (!q) return status_error(q.status(), "/api/articles");
  auto page = store_->with([&](Store& s) { return s.query(*q); });
  if (!page) return status_error(page.status(), "/api/articles");
  // Story sizes from the cluster table if it is loaded; the list never waits for it.
  auto table = cache_->current_table();
  json features = json::array();
  for (const auto& a : page->items)
    features.push_back(article_feature(a, table ? table->story_size_of(a.story_id) : 1));
  json out{{"type", "FeatureCollection"}, {"features", std::move(features)}};
  out["next_cursor"] = page->next_cursor.empty() ? json(nullptr) : json(page->next_cursor);
  return ok_json(out);
}

ApiResponse Api::article(std::string_view id_text) {
  auto id = parse_integer(id_text, "article id", 1, (1LL << 62));
  if (!id) return json_error(404, fmt::format("no article with id \"{}\"", sanitize_utf8(id_text.substr(0, 40))));
  auto got = store_->with([&](Store& s) { return s.get(*id); });
  if (!got) return status_error(got.status(), "/api/articles/{id}");
  if (!got->has_value()) return json_error(404, fmt::format("no article with id {}", *id));
  const StoredArticle& a = **got;
  json j = to_json(a.article, a.geo);
  j["id"] = a.id;
  j["ingested_at"] = a.ingested_at;
  j["url"] = is_web_url(a.article.url) ? a.article.url : std::string();
  j["story_id"] = a.story_id ? json(*a.story_id) : json(nullptr);
  json members = json::array();
  json lineage = nullptr;
  if (a.story_id) {
    ArticleQuery q;
    q.story_id = a.story_id;
    q.limit = 50;
    auto page = store_->with([&](Store& s) { return s.query(q); });
    if (page && page->items.size() > 1) {
      // This member's reprint lineage against the story's wire text.
      StoryView view = build_story_view(page->items);
      for (const auto& m : view.members)
        if (m.id == a.id) lineage = m.canonical ? json{{"kind", "canonical"}} : lineage_to_json(m.lineage);
    }
    if (page) {
      for (const auto& m : page->items) {
        if (m.id == a.id) continue;
        members.push_back(json{{"id", m.id},
                               {"title", m.article.title},
                               {"outlet", outlet_of(m.article)},
                               {"date", m.article.date},
                               {"url", is_web_url(m.article.url) ? m.article.url : std::string()}});
      }
    }
  }
  j["story"] = json{{"id", j["story_id"]}, {"size", members.size() + 1}, {"members", members}, {"lineage", lineage}};
  j["story_size"] = members.size() + 1;
  return ok_json(j);
}

// GET /api/stories/{id}: the story's members with their lineage (see pressekarte/stories.h).
ApiResponse Api::story(std::string_view id_text) {
  auto id = parse_integer(id_text, "story id", 1, (1LL << 62));
  if (!id) return json_error(404, fmt::format("no story with id \"{}\"", sanitize_utf8(id_text.substr(0, 40))));
  ArticleQuery q;
  q.story_id = *id;
  q.limit = 1000;
  auto page = store_->with([&](Store& s) { return s.query(q); });
  if (!page) return status_error(page.status(), "/api/stories/{id}");
  if (page->items.empty()) return json_error(404, fmt::format("no story with id {}", *id));
  json out = story_view_to_json(build_story_view(page->items));
  // Links only for web URLs, as everywhere else in the API.
  if (out.contains("members"))
    for (auto& m : out["members"])
      if (m.contains("url") && m["url"].is_string() && !is_web_url(m["url"].get<std::string>())) m["url"] = "";
  return ok_json(out);
}

ApiResponse Api::clusters(const ApiRequest& r) {
  auto q = parse_article_query(r.params, QueryLimits{100, options_.max_results});
  if (!q) return status_error(q.status(), "/api/clusters");
  auto zoom_text = param(r.params, "zoom");
  if (!zoom_text) return json_error(400, "zoom: required (an integer 0..22)");
  auto zoom = parse_integer(*zoom_text, "zoom", 0, kMaxZoom);
  if (!zoom) return status_error(zoom.status(), "/api/clusters");
  auto fi = cache_->index(*q, static_cast<int>(*zoom));
  if (!fi) return status_error(fi.status(), "/api/clusters");
  const FilteredIndex& index = **fi;
  const BBox box = q->bbox.value_or(BBox{});
  // The answer depends only on the index (filters + table generation), the zoom and the box.
  const std::string key = fmt::format("{}|{:.5f},{:.5f},{:.5f},{:.5f}", *zoom, box.west, box.south, box.east, box.north);
  ApiResponse res;
  if (auto cached = index.responses.find(key)) {
    res.body = *cached;
    return res;
  }
  auto found = index.index.clusters(box.west, box.south, box.east, box.north, static_cast<int>(*zoom));
  bool truncated = index.truncated;
  if (found.size() > kMaxClusterFeatures) {  // keep the biggest
    std::partial_sort(found.begin(), found.begin() + kMaxClusterFeatures, found.end(),
                      [](const Cluster& a, const Cluster& b) { return a.count > b.count; });
    found.resize(kMaxClusterFeatures);
    truncated = true;
  }
  std::unordered_map<std::int64_t, FocusPoint> details;
  if (index.table->quick) {  // titles etc. of the tops only, by id (a few hundred point reads)
    std::vector<std::int64_t> ids;
    ids.reserve(found.size());
    for (const auto& c : found) ids.push_back(index.table->rows[index.rows[c.top]].id);
    auto full = store_->with([&](Store& s) { return s.focus_points_by_id(ids); });
    if (!full) return status_error(full.status(), "/api/clusters");
    for (auto& fp : *full) details.emplace(fp.id, std::move(fp));
  }
  res.body = cluster_collection(*index.table, index.rows, found, static_cast<int>(*zoom), truncated,
                                index.table->provisional, index.table->quick ? &details : nullptr);
  index.responses.put(key, std::make_shared<const std::string>(res.body));
  return res;
}

ApiResponse Api::places(const ApiRequest& r) {
  auto q = param(r.params, "q");
  if (!q || q->empty()) return json_error(400, "q: required (the start of a place name)");
  if (q->size() > 100) return json_error(400, "q: longer than 100 bytes");
  std::size_t limit = 10;
  if (auto l = param(r.params, "limit")) {
    auto n = parse_integer(*l, "limit", 1, 50);
    if (!n) return status_error(n.status(), "/api/places");
    limit = static_cast<std::size_t>(*n);
  }
  if (!deps_.gazetteer) return json_error(503, "place search is unavailable: no gazetteer loaded");
  json out = json::array();
  for (const auto& p : deps_.gazetteer->complete(sanitize_utf8(*q), limit)) out.push_back(place_json(p));
  return ok_json(json{{"places", out}});
}

ApiResponse Api::region(std::string_view id) {
  if (id.empty() || id.size() > 100) return json_error(404, "no region with an empty or overlong id");
  const std::string rid = normalise_region_id(id);
  auto place = resolve_region(deps_.gazetteer.get(), rid);
  ArticleQuery q;
  q.region = rid;
  q.limit = 1000;
  auto all = store_->with([&](Store& s) { return s.query(q); });
  if (!all && all.status().code() == Status::Code::kNotFound)
    return json_error(404, fmt::format("no region \"{}\"", rid));
  if (!all) return status_error(all.status(), "/api/regions/{id}");
  if (!place) place = region_from_mentions(all->items, rid);
  if (!place && all->items.empty()) return json_error(404, fmt::format("no region \"{}\"", rid));
  auto count_since = [&](int days) {
    const std::string since = date_days_ago(days);
    std::size_t n = 0;
    for (const auto& a : all->items)
      if (a.article.date.substr(0, 10) >= since) ++n;
    return n;
  };
  auto table = cache_->current_table();
  json latest = json::array();
  for (std::size_t i = 0; i < all->items.size() && i < 20; ++i)
    latest.push_back(article_feature(all->items[i], table ? table->story_size_of(all->items[i].story_id) : 1));
  json j{{"id", rid},
         {"place", place ? place_json(*place) : json(nullptr)},
         {"counts",
          {{"total", all->items.size()},
           {"last_7_days", count_since(7)},
           {"last_30_days", count_since(30)},
           {"capped", !all->next_cursor.empty()}}},
         {"latest", {{"type", "FeatureCollection"}, {"features", latest}}},
         {"feeds", {{"atom", fmt::format("/feeds/region/{}.atom", rid)}, {"json", fmt::format("/feeds/region/{}.json", rid)}}}};
  return ok_json(j);
}

ApiResponse Api::geoparse(const ApiRequest& r) {
  if (r.body.size() > options_.payload_max_bytes)
    return json_error(413, fmt::format("request body is {} bytes; the limit is {}", r.body.size(), options_.payload_max_bytes));
  if (r.body.empty()) return json_error(400, "empty body: send the article as text/plain or text/html");
  if (!deps_.geoparse) return json_error(503, "geoparsing is unavailable: no gazetteer loaded");
  RawDocument doc;
  doc.source = "POST /api/geoparse";
  doc.content_type = r.content_type;
  doc.body = r.body;
  const std::string ct = to_lower_simple(r.content_type);
  if (ct.find("html") != std::string::npos) {
    doc.format = "html";
  } else if (ct.find("json") != std::string::npos) {
    auto j = json::parse(r.body, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      return json_error(400, "body: expected a JSON object {\"text\": …} or {\"html\": …}");
    auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
    doc.format = str("html").empty() ? "text" : "html";
    doc.body = doc.format == "html" ? str("html") : str("text");
    doc.url = str("url");
    doc.title_hint = str("title");
    if (doc.body.empty()) return json_error(400, "body: the JSON object has no \"text\" or \"html\"");
  } else {
    doc.format = "text";
  }
  try {
    auto rec = deps_.geoparse(doc);
    if (!rec) return status_error(rec.status(), "/api/geoparse");
    return ok_json(to_json(rec->article, rec->geo));
  } catch (const std::exception& e) {
    return status_error(Status::internal(e.what()), "/api/geoparse");
  }
}

ApiResponse Api::feed(const ApiRequest& r, std::string_view rest) {
  std::string format;
  if (ends_with(rest, ".atom")) {
    format = "atom";
  } else if (ends_with(rest, ".json")) {
    format = "json";
  } else {
    return json_error(404, "feeds end in .atom or .json");
  }
  rest.remove_suffix(format.size() + 1);
  ArticleQuery q;
  FeedInfo info;
  info.base_url = r.base_url;
  std::string self = fmt::format("{}/feeds/{}.{}", r.base_url, rest, format);
  if (rest.rfind("region/", 0) == 0) {
    const std::string rid = normalise_region_id(rest.substr(7));
    if (rid.empty() || rid.size() > 100) return json_error(404, "no region with an empty or overlong id");
    q.region = rid;
    auto place = resolve_region(deps_.gazetteer.get(), rid);
    const std::string name = place ? (place->name_de.empty() ? place->name : place->name_de) : rid;
    info.title = "Pressekarte: Nachrichten aus " + name;
    info.page_url = fmt::format("{}/region/{}", r.base_url, rid);
  } else if (rest.rfind("near/", 0) == 0) {
    std::string spec(rest.substr(5));
    auto c1 = spec.find(','), c2 = spec.rfind(',');
    if (c1 == std::string::npos || c2 == c1)
      return json_error(400, "near feed: expected /feeds/near/{lat},{lon},{km}.atom");
    auto lat = parse_number(spec.substr(0, c1), "latitude", -90, 90);
    auto lon = parse_number(spec.substr(c1 + 1, c2 - c1 - 1), "longitude", -180, 180);
    auto km = parse_number(spec.substr(c2 + 1), "radius km", 0.001, 20000);
    for (const auto* s : {&lat.status(), &lon.status(), &km.status()})
      if (!s->is_ok()) return status_error(*s, "near feed");
    q.near_lat = *lat;
    q.near_lon = *lon;
    q.radius_km = *km;
    info.title = fmt::format("Pressekarte: Nachrichten im Umkreis von {} km um {:.4f}, {:.4f}", *km, *lat, *lon);
    info.page_url = fmt::format("{}/?near={},{}&radius={}", r.base_url, *lat, *lon, *km);
  } else if (rest == "search") {
    auto parsed = parse_article_query(r.params, QueryLimits{50, 200});
    if (!parsed) return status_error(parsed.status(), "search feed");
    q = *parsed;
    info.title = q.text.empty() ? "Pressekarte: Suche" : "Pressekarte: Suche nach " + q.text;
    std::string qs;
    for (const auto& [k, v] : r.params) qs += (qs.empty() ? "?" : "&") + k + "=" + v;
    self += qs;
    info.page_url = r.base_url + "/";
  } else {
    return json_error(404, "feeds: /feeds/region/{id}, /feeds/near/{lat},{lon},{km} or /feeds/search");
  }
  if (q.limit == 50 || rest != "search") q.limit = 50;
  info.self_url = self;
  auto page = store_->with([&](Store& s) { return s.query(q); });
  if (!page && page.status().code() == Status::Code::kNotFound) return json_error(404, page.status().message());
  if (!page) return status_error(page.status(), "feed");
  ApiResponse res;
  if (format == "atom") {
    res.content_type = "application/atom+xml; charset=utf-8";
    res.body = atom_feed(info, page->items);
  } else {
    res.content_type = "application/feed+json; charset=utf-8";
    res.body = json_line(json_feed(info, page->items));
  }
  return res;
}

ApiResponse Api::healthz() {
  auto n = store_->with([](Store& s) { return s.count(); });
  if (!n) return status_error(n.status(), "/healthz");
  return ok_json(json{{"status", "ok"}, {"articles", *n}});
}

ApiResponse Api::metrics_text() {
  std::string extra;
  auto n = store_->with([](Store& s) { return s.count(); });
  extra += "# HELP pk_store_articles Articles in the store.\n# TYPE pk_store_articles gauge\n";
  extra += fmt::format("pk_store_articles {}\n", n ? *n : -1);
  extra += "# HELP pk_cluster_index_builds_total Cluster indices built (one per filter set and store change).\n";
  extra += "# TYPE pk_cluster_index_builds_total counter\n";
  extra += fmt::format("pk_cluster_index_builds_total {}\n", cache_->builds());
  extra += "# HELP pk_cluster_table_load_seconds Last load of the cluster table + unfiltered index (background).\n";
  extra += "# TYPE pk_cluster_table_load_seconds gauge\n";
  extra += fmt::format("pk_cluster_table_load_seconds {:.3f}\n", cache_->last_load_seconds());
  extra += "# HELP pk_cluster_index_full 1 once the full cluster table is loaded (0: none yet, or the quick one).\n";
  extra += "# TYPE pk_cluster_index_full gauge\n";
  extra += fmt::format("pk_cluster_index_full {}\n", cache_->full_ready() ? 1 : 0);
  extra += "# HELP pk_map_snapshot_in_use 1 while unfiltered maps are answered from the start snapshot.\n";
  extra += "# TYPE pk_map_snapshot_in_use gauge\n";
  extra += fmt::format("pk_map_snapshot_in_use {}\n", cache_->snapshot_in_use() ? 1 : 0);
  extra += "# HELP pk_map_snapshots_written_total Start snapshots written after full loads.\n";
  extra += "# TYPE pk_map_snapshots_written_total counter\n";
  extra += fmt::format("pk_map_snapshots_written_total {}\n", cache_->snapshots_written());
  ApiResponse res;
  res.content_type = "text/plain; version=0.0.4; charset=utf-8";
  res.body = metrics_.render(extra);
  return res;
}

ApiResponse Api::config() {
  return ok_json(json{{"tile_url", options_.tile_url},
                      {"attribution", "GeoNames (CC BY 4.0), Natural Earth"},
                      {"max_zoom", 18},
                      {"cluster_max_zoom", 16}});
}

}  // namespace pk::serve
