// SQL of the SQLite plans that replaced the articles_date index (schema v5), shared with
// sqlite_store_test.cc, which checks with EXPLAIN QUERY PLAN that they read article_order in
// key order (no sort, no scan of the wide articles table).
#pragma once

#include <string>

namespace pk::store {

// The newest-first listing without words, region, space, outlet or story. `filters` is a list of
// " AND …" clauses on k (article_order) and, when `join_articles`, on a (articles); the last
// parameter is the limit.
inline std::string listing_sql(const std::string& filters, bool join_articles) {
  return std::string("SELECT k.article_id, k.order_key FROM article_order k") +
         (join_articles ? " CROSS JOIN articles a ON a.id = k.article_id" : "") + " WHERE 1" + filters +
         " ORDER BY k.order_key DESC LIMIT ?";
}

// Every focus point newest first: id, lat, lon, sort_ts (order keys are sort_ts·2^20 + rank, so
// key order is (sort_ts, id) order and `>> 20` is sort_ts, also for dates before 1970).
inline constexpr const char* kQuickFocusPointsSql =
    "SELECT k.article_id, k.focus_lat, k.focus_lon, k.order_key >> 20 FROM article_order k WHERE k.focus_lat IS NOT NULL "
    "ORDER BY k.order_key DESC";

}  // namespace pk::store
