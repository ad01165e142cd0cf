// In-memory Store and Gazetteer for serve's tests: enough of the contracts to exercise every
// endpoint (bbox, near, text, since/until, outlet, language, story, region, cursor paging).
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "pressekarte/geo.h"
#include "pressekarte/store.h"
#include "pressekarte/text.h"

namespace pk::serve::testing {

inline PlaceMention place(std::string name, double lat, double lon, std::string kind = "city",
                          std::optional<std::int64_t> geonameid = std::nullopt, std::string country = "DE") {
  PlaceMention p;
  p.surface = p.name = std::move(name);
  p.lat = lat;
  p.lon = lon;
  p.kind = std::move(kind);
  p.geonameid = geonameid;
  p.country = std::move(country);
  p.role = "focus";
  p.confidence = 0.9;
  return p;
}

inline ArticleRecord record(std::string title, std::string date, std::optional<PlaceMention> focus,
                            std::string outlet = "Fuldaer Bote", std::string url = "") {
  ArticleRecord r;
  r.article.title = std::move(title);
  r.article.lead = "Lead of " + r.article.title;
  r.article.date = std::move(date);
  r.article.outlet = std::move(outlet);
  r.article.language = "de";
  r.article.url = url.empty() ? "https://example.org/" + std::to_string(std::hash<std::string>{}(r.article.title)) : url;
  if (focus) {
    r.geo.places.push_back(*focus);
    r.geo.focus = 0;
  }
  return r;
}

class FakeStore : public Store {
 public:
  Result<std::vector<PutOutcome>> put_batch(const std::vector<ArticleRecord>& batch,
                                            std::vector<std::int64_t>* ids = nullptr) override {
    std::vector<PutOutcome> out;
    for (const auto& r : batch) {
      StoredArticle a;
      a.id = static_cast<std::int64_t>(rows_.size()) + 1;
      a.article = r.article;
      a.geo = r.geo;
      a.story_id = r.story_id;
      a.ingested_at = "2025-10-28T12:00:00Z";
      rows_.push_back(a);
      if (ids) ids->push_back(a.id);
      out.push_back(PutOutcome::kInserted);
    }
    return out;
  }
  Result<std::optional<StoredArticle>> get(std::int64_t id) override {
    if (fail_next) return Status::io_error("SQL logic error near \"SELECT secret\"");
    if (id < 1 || id > static_cast<std::int64_t>(rows_.size())) return std::optional<StoredArticle>();
    return std::optional<StoredArticle>(rows_[static_cast<std::size_t>(id - 1)]);
  }
  Result<ArticlePage> query(const ArticleQuery& q) override {
    ++queries;
    if (fail_next) return Status::io_error("SQL logic error near \"SELECT secret\"");
    std::vector<const StoredArticle*> hits;
    for (const auto& a : rows_)
      if (matches(a, q)) hits.push_back(&a);
    std::stable_sort(hits.begin(), hits.end(), [](auto* x, auto* y) {
      return x->article.date != y->article.date ? x->article.date > y->article.date : x->id > y->id;
    });
    const std::size_t start = q.cursor.empty() ? 0 : std::stoul(q.cursor);
    const std::size_t limit = std::clamp<std::size_t>(q.limit, 1, 1000);
    ArticlePage page;
    for (std::size_t i = start; i < hits.size() && page.items.size() < limit; ++i) page.items.push_back(*hits[i]);
    if (start + limit < hits.size()) page.next_cursor = std::to_string(start + limit);
    return page;
  }
  Status set_story(std::int64_t article_id, std::int64_t story_id) override {
    rows_.at(static_cast<std::size_t>(article_id - 1)).story_id = story_id;
    return Status::ok();
  }
  Result<std::int64_t> count() override { return static_cast<std::int64_t>(rows_.size()); }
  int schema_version() override { return 1; }

  bool fail_next = false;
  int queries = 0;

 private:
  static bool matches(const StoredArticle& a, const ArticleQuery& q) {
    const PlaceMention* f = a.geo.focus ? &a.geo.places[*a.geo.focus] : nullptr;
    if (q.bbox && (!f || f->lon < q.bbox->west || f->lon > q.bbox->east || f->lat < q.bbox->south ||
                   f->lat > q.bbox->north))
      return false;
    if (q.near_lat && (!f || std::hypot(f->lat - *q.near_lat, (f->lon - *q.near_lon) * 0.64) * 111 > q.radius_km))
      return false;
    if (!q.text.empty() && to_lower_simple(a.article.title + " " + a.article.lead).find(to_lower_simple(q.text)) ==
                               std::string::npos)
      return false;
    if (!q.since.empty() && a.article.date.substr(0, 10) < q.since) return false;
    if (!q.until.empty() && a.article.date.substr(0, 10) > q.until) return false;
    if (!q.outlet.empty() && a.article.outlet != q.outlet) return false;
    if (!q.language.empty() && a.article.language != q.language) return false;
    if (q.story_id && a.story_id != q.story_id) return false;
    if (!q.region.empty()) {
      bool in = false;
      for (const auto& p : a.geo.places)
        in |= p.name == q.region || (p.kind == "country" && "country:" + p.country == q.region) ||
              (p.geonameid && "place:" + std::to_string(*p.geonameid) == q.region);
      if (!in) return false;
    }
    return true;
  }
  std::vector<StoredArticle> rows_;
};

class FakeGazetteer : public Gazetteer {
 public:
  FakeGazetteer() {
    add("Fulda", "Fulda", "city", 50.55, 9.68, 2896817, 68000);
    add("Kassel", "Kassel", "city", 51.31, 9.50, 2892518, 200000);
    add("Füssen", "Füssen", "city", 47.57, 10.70, 2918432, 15000);
    add("Germany", "Deutschland", "country", 51.16, 10.45, std::nullopt, 83000000);
  }
  std::size_t size() const override { return rows_.size(); }
  GazetteerPlace place(std::uint32_t index) const override { return rows_.at(index); }
  std::optional<GazetteerPlace> by_geonameid(std::int64_t id) const override {
    for (const auto& p : rows_)
      if (p.geonameid == id) return p;
    return std::nullopt;
  }
  std::vector<GazetteerPlace> lookup(std::string_view name) const override {
    std::vector<GazetteerPlace> out;
    for (const auto& p : rows_)
      if (fold_for_match(p.name) == fold_for_match(name) || fold_for_match(p.name_de) == fold_for_match(name) ||
          (name.size() == 2 && p.country == name))
        out.push_back(p);
    return out;
  }
  std::vector<GazetteerPlace> complete(std::string_view prefix, std::size_t limit) const override {
    std::vector<GazetteerPlace> out;
    const std::string key = fold_for_match(prefix);
    for (const auto& p : rows_)
      if (fold_for_match(p.name).rfind(key, 0) == 0 || fold_for_match(p.name_de).rfind(key, 0) == 0) out.push_back(p);
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.population > b.population; });
    if (out.size() > limit) out.resize(limit);
    return out;
  }

 private:
  void add(std::string name, std::string de, std::string kind, double lat, double lon,
           std::optional<std::int64_t> id, std::int64_t pop) {
    GazetteerPlace p;
    p.index = static_cast<std::uint32_t>(rows_.size());
    p.geonameid = id;
    p.name = std::move(name);
    p.name_de = std::move(de);
    p.country = "DE";
    p.kind = std::move(kind);
    p.lat = lat;
    p.lon = lon;
    p.population = pop;
    rows_.push_back(p);
  }
  std::vector<GazetteerPlace> rows_;
};

}  // namespace pk::serve::testing
