#include "article_scan.h"

namespace pk::cli {

Result<std::size_t> scan_articles(Store& store, ArticleQuery query, std::size_t max_articles,
                                  const std::function<void(const StoredArticle&)>& visit) {
  query.sort = "date";
  query.limit = 1000;
  query.cursor.clear();
  std::size_t visited = 0;
  while (true) {
    auto page = store.query(query);
    if (!page) return page.status();
    for (const auto& a : page->items) {
      if (max_articles != 0 && visited == max_articles) return visited;
      visit(a);
      ++visited;
    }
    if (page->next_cursor.empty() || page->items.empty()) return visited;
    query.cursor = page->next_cursor;
  }
}

}  // namespace pk::cli
