// The article filters shared by the commands that read the store (search, export, counts):
// words, --near/--radius, --bbox, --region, --since/--until, --outlet, --lang, --db, --gazetteer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "pressekarte/geo.h"
#include "pressekarte/status.h"
#include "pressekarte/store.h"

namespace pk::cli {

struct QueryFlags {
  std::vector<std::string> words;
  std::string db;
  std::string near;
  double radius_km = 25;
  std::string since, until, bbox, region, outlet, lang;
  std::string gazetteer;
};

// Adds the QUERY words and the filter options to `cmd`, bound to `flags`.
void add_query_flags(CLI::App& cmd, QueryFlags& flags);

// The filters as a store query (sort "date", the store's default limit). A place name in
// --near or --region loads the gazetteer into `gazetteer` (left empty when nothing needs it).
Result<ArticleQuery> build_query(const QueryFlags& flags, std::shared_ptr<const Gazetteer>& gazetteer);

// True when no filter narrows the query (all stored articles).
bool has_no_filter(const ArticleQuery& q);

// Opens an existing store for reading (a missing SQLite file is an error, not a new store).
Result<std::unique_ptr<Store>> open_existing_store(const std::string& db, std::shared_ptr<const Gazetteer> gazetteer);

}  // namespace pk::cli
