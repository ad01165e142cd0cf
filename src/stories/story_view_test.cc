#include <algorithm>

#include <gtest/gtest.h>

#include "pressekarte/stories.h"

namespace pk {
namespace {

// A store holding articles in memory, paging by 2 in descending date order like the SQLite one.
class FakeStore : public Store {
 public:
  std::vector<StoredArticle> rows;
  std::vector<std::pair<std::int64_t, std::int64_t>> set_calls;

  Result<std::vector<PutOutcome>> put_batch(const std::vector<ArticleRecord>&, std::vector<std::int64_t>*) override {
    return Status::unsupported("fake");
  }
  Result<std::optional<StoredArticle>> get(std::int64_t) override { return std::optional<StoredArticle>(); }
  Result<ArticlePage> query(const ArticleQuery& q) override {
    auto sorted = rows;
    std::sort(sorted.begin(), sorted.end(),
              [](const StoredArticle& a, const StoredArticle& b) { return a.article.date > b.article.date; });
    std::size_t start = q.cursor.empty() ? 0 : std::stoul(q.cursor);
    ArticlePage page;
    for (std::size_t i = start; i < sorted.size() && i < start + 2; ++i)
      if (q.since.empty() || sorted[i].article.date >= q.since) page.items.push_back(sorted[i]);
    if (start + 2 < sorted.size()) page.next_cursor = std::to_string(start + 2);
    return page;
  }
  Status set_story(std::int64_t article_id, std::int64_t story_id) override {
    set_calls.emplace_back(article_id, story_id);
    return Status::ok();
  }
  Result<std::int64_t> count() override { return static_cast<std::int64_t>(rows.size()); }
  int schema_version() override { return 1; }
};

StoredArticle row(std::int64_t id, std::string date, std::string lead, std::optional<std::int64_t> story) {
  StoredArticle a;
  a.id = id;
  a.article.date = std::move(date);
  a.article.lead = lead;
  if (lead.find("Brücke") != std::string::npos) {
    a.article.paragraphs = {"Die Arbeiten an der alten Brücke über den Fluss dauern nach Angaben der Stadt "
                            "acht Monate, die Kosten teilen sich Land und Stadt."};
  }
  a.story_id = story;
  return a;
}

TEST(RebuildStoryIndex, RestoresStoredIdsAndAssignsTheRestOldestFirst) {
  FakeStore store;
  store.rows.push_back(row(1, "2026-11-10", "Die Stadtbrücke wird saniert und für Autos gesperrt.", 1));
  store.rows.push_back(row(2, "2026-11-12", "Die Stadtbrücke wird saniert und für Autos gesperrt.", std::nullopt));
  store.rows.push_back(row(3, "2026-11-11", "Ganz andere Meldung über einen Zoo mit neuen Pinguinen am Stadtrand.",
                           std::nullopt));
  StoryIndex index;
  auto n = rebuild_story_index(store, index, "", true);
  ASSERT_TRUE(n.is_ok()) << n.status().to_string();
  EXPECT_EQ(*n, 3u);
  EXPECT_EQ(index.story_of(2), 1);
  ASSERT_EQ(store.set_calls.size(), 2u);
  // Oldest first: the zoo item (11-11) is its own story, then the reprint (11-12) joins story 1.
  EXPECT_EQ(store.set_calls[0], std::make_pair(std::int64_t{3}, std::int64_t{3}));
  EXPECT_EQ(store.set_calls[1], std::make_pair(std::int64_t{2}, std::int64_t{1}));
}

TEST(RebuildStoryIndex, DefaultReadsOnlyTheRetainWindowAllReadsEverything) {
  FakeStore store;
  store.rows.push_back(row(1, "2026-10-01", "Ganz alte Meldung über einen Zoo mit neuen Pinguinen am Stadtrand.", 1));
  store.rows.push_back(row(2, "2026-11-01", "Die Stadtbrücke wird saniert und für Autos gesperrt.", 2));
  store.rows.push_back(row(3, "2026-11-12", "Die Stadtbrücke wird saniert und für Autos gesperrt.", 3));
  StoryOptions opt;
  opt.retain_days = 14;  // window: 2026-10-29 … 2026-11-12
  StoryIndex windowed(opt);
  auto n = rebuild_story_index(store, windowed, "", false);
  ASSERT_TRUE(n.is_ok()) << n.status().to_string();
  EXPECT_EQ(*n, 2u);
  EXPECT_FALSE(windowed.story_of(1).has_value());
  EXPECT_EQ(windowed.story_of(2), 2);
  EXPECT_EQ(windowed.newest_date(), "2026-11-12");

  StoryIndex all(opt);
  auto m = rebuild_story_index(store, all, "all", false);
  ASSERT_TRUE(m.is_ok());
  EXPECT_EQ(*m, 3u);
  EXPECT_TRUE(store.set_calls.empty());  // persist = false writes nothing
}

}  // namespace
}  // namespace pk
