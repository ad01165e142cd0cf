#include "pressekarte/store.h"

#include <cmath>
#include <cstdlib>
#include <unordered_set>

#include "backends.h"

namespace pk {

std::string StoreOptions::default_db() {
  const char* dir = std::getenv("PRESSEKARTE_DATA");
  std::string d = (dir != nullptr && *dir != '\0') ? dir : "./data";
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  return d + "/pressekarte.db";
}

Result<std::unique_ptr<Store>> Store::open(const StoreOptions& options) {
  const std::string db = options.db.empty() ? StoreOptions::default_db() : options.db;
  if (store::is_postgres_url(db)) {
    StoreOptions o = options;
    o.db = db;
    return store::open_pg_store(o);
  }
  return store::open_sqlite_store(options, db);
}

namespace {

// The first `max_chars` code points of UTF-8 text (continuation bytes never start a code point).
std::string first_code_points(const std::string& s, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == max_chars) return s.substr(0, i);
  }
  return s;
}

}  // namespace

bool focus_point_of(const StoredArticle& a, FocusPoint* out) {
  const auto& g = a.geo;
  bool found = false;
  if (g.focus && *g.focus < g.places.size()) {
    const auto& p = g.places[*g.focus];
    if (std::isfinite(p.lat) && std::isfinite(p.lon) && std::abs(p.lat) <= 90 && std::abs(p.lon) <= 180) {
      out->lat = p.lat;
      out->lon = p.lon;
      out->place_name = p.name.empty() ? p.surface : p.name;
      out->place_kind = p.kind;
      found = true;
    }
  }
  const auto& art = a.article;
  if (!found && art.lat_hint && art.lon_hint && std::isfinite(*art.lat_hint) && std::isfinite(*art.lon_hint) &&
      std::abs(*art.lat_hint) <= 90 && std::abs(*art.lon_hint) <= 180) {
    out->lat = *art.lat_hint;
    out->lon = *art.lon_hint;
    out->place_name.clear();
    out->place_kind = "point";
    found = true;
  }
  if (!found) return false;
  out->id = a.id;
  out->date = art.date;
  out->story_id = a.story_id;
  out->title = first_code_points(art.title, kFocusTitleMaxChars);
  out->outlet = art.outlet.empty() ? art.site_title : art.outlet;
  out->language = art.language;
  return true;
}

Result<std::vector<FocusPoint>> Store::focus_points(const ArticleQuery& filters) {
  ArticleQuery q = filters;
  q.sort = "date";
  q.limit = 1000;
  q.cursor.clear();
  std::vector<FocusPoint> out;
  std::unordered_set<std::int64_t> seen;
  while (true) {
    auto page = query(q);
    if (!page) return page.status();
    for (const auto& a : page->items) {
      FocusPoint fp;
      if (seen.insert(a.id).second && focus_point_of(a, &fp)) out.push_back(std::move(fp));
    }
    if (page->next_cursor.empty() || page->items.empty()) break;
    q.cursor = page->next_cursor;
  }
  return out;
}

Result<std::vector<FocusPoint>> Store::quick_focus_points() { return focus_points(ArticleQuery{}); }

Result<std::vector<FocusPoint>> Store::focus_points_by_id(const std::vector<std::int64_t>& ids) {
  std::vector<FocusPoint> out;
  for (auto id : ids) {
    auto a = get(id);
    if (!a) return a.status();
    FocusPoint fp;
    if (*a && focus_point_of(**a, &fp)) out.push_back(std::move(fp));
  }
  return out;
}

namespace store {
bool is_postgres_url(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}
}  // namespace store

}  // namespace pk
