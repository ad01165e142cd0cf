// Test helpers shared by the store tests: fresh stores per backend, article records.
#pragma once

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "pressekarte/store.h"

namespace pk::store::testing {

inline std::string temp_dir(const std::string& tag) {
  static std::atomic<int> n{0};
  auto dir = std::filesystem::temp_directory_path() /
             fmt::format("pk_store_{}_{}_{}_{}", tag, getpid(), n++, std::rand());
  std::filesystem::create_directories(dir);
  return dir.string();
}

inline const char* pg_url() {
  const char* u = std::getenv("PK_TEST_PG_URL");
  return (u != nullptr && *u != '\0') ? u : nullptr;
}

// A fresh PostgreSQL schema for one test: returns a URL whose search_path points at it.
inline std::string fresh_pg_schema(const std::string& tag) {
  static std::atomic<int> n{0};
  std::string schema = fmt::format("t_{}_{}_{}", tag, getpid(), n++);
  PGconn* c = PQconnectdb(pg_url());
  if (PQstatus(c) == CONNECTION_OK) {
    PQclear(PQexec(c, ("SET client_min_messages = warning; DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema).c_str()));
  }
  PQfinish(c);
  std::string url = pg_url();
  url += (url.find('?') == std::string::npos ? "?" : "&");
  url += "options=-csearch_path%3D" + schema + "%2Cpublic";
  return url;
}

inline std::string db_for(const std::string& backend, const std::string& tag) {
  if (backend == "postgres") return fresh_pg_schema(tag);
  return temp_dir(tag) + "/test.db";
}

inline PlaceMention place(const std::string& name, double lat, double lon, const std::string& country,
                          const std::string& admin1, std::optional<std::int64_t> geonameid,
                          const std::string& kind = "city", const std::string& admin2 = "") {
  PlaceMention p;
  p.surface = name;
  p.field = "text";
  p.name = name;
  p.lat = lat;
  p.lon = lon;
  p.country = country;
  p.admin1 = admin1;
  p.admin2 = admin2;
  p.geonameid = geonameid;
  p.kind = kind;
  p.role = "focus";
  p.confidence = 0.9;
  return p;
}

inline ArticleRecord record(const std::string& url, const std::string& date, const std::string& title,
                            const std::string& text, std::optional<PlaceMention> focus = std::nullopt,
                            const std::string& language = "de", const std::string& outlet = "test") {
  ArticleRecord r;
  r.article.url = url;
  r.article.date = date;
  r.article.title = title;
  r.article.text = text;
  r.article.paragraphs = {text};
  r.article.language = language;
  r.article.outlet = outlet;
  r.article.content_hash = fmt::format("{:x}", std::hash<std::string>{}(title + text));
  if (focus) {
    r.geo.places.push_back(*focus);
    r.geo.focus = 0;
  }
  return r;
}

// Known places.
inline PlaceMention berlin() { return place("Berlin", 52.52, 13.405, "DE", "16", 2950159); }
inline PlaceMention fulda() { return place("Fulda", 50.5558, 9.6808, "DE", "05", 2896861, "city", "06631"); }
inline PlaceMention kassel() { return place("Kassel", 51.3127, 9.4797, "DE", "05", 2892518); }
inline PlaceMention koeln() { return place("Köln", 50.9333, 6.95, "DE", "07", 2886242); }
inline PlaceMention tokyo() { return place("Tokio", 35.6895, 139.6917, "JP", "40", 1850147); }
inline PlaceMention hessen() { return place("Hessen", 50.5, 9.0, "DE", "05", 2905330, "admin1"); }

}  // namespace pk::store::testing
