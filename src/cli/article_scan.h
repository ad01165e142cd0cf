// Reads every stored article matching a query, newest first, page by page (export, counts).
#pragma once

#include <cstddef>
#include <functional>

#include "pressekarte/status.h"
#include "pressekarte/store.h"

namespace pk::cli {

// Calls `visit` for each match, up to `max_articles` (0 = all). Returns how many were visited,
// or the store's error. Pages of 1,000 follow the store's stable cursor, so articles stored
// while the scan runs do not shift it.
Result<std::size_t> scan_articles(Store& store, ArticleQuery query, std::size_t max_articles,
                                  const std::function<void(const StoredArticle&)>& visit);

}  // namespace pk::cli
