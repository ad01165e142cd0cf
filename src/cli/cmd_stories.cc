// pressekarte stories: wire reprints and same-event write-ups grouped into stories, with their
// sizes, outlets and first/last seen. Stored story ids are used where the pipeline set them;
// articles without one are clustered here (in memory, oldest first) with the same StoryIndex.
#include <algorithm>
#include <cstdio>
#include <map>

#include "commands.h"
#include "pressekarte/json_io.h"
#include "pressekarte/stories.h"
#include "pressekarte/store.h"
#include "pressekarte/text.h"

namespace pk::cli {

namespace {

struct StoriesArgs {
  std::string db;
  std::string since;
  std::string region;
  bool json = false;
  bool lineage = false;
  std::size_t limit = 50;
  std::size_t min_size = 1;
};

Result<std::vector<StoredArticle>> load(Store& store, const StoriesArgs& args) {
  ArticleQuery q;
  q.since = args.since;
  q.region = args.region;
  q.sort = "date";
  q.limit = 1000;
  std::vector<StoredArticle> all;
  for (;;) {
    auto page = store.query(q);
    if (!page) return page.status();
    for (auto& a : page->items) all.push_back(std::move(a));
    if (page->next_cursor.empty() || page->items.empty()) break;
    q.cursor = page->next_cursor;
  }
  return all;
}

void run_stories(const StoriesArgs& args) {
  StoreOptions so;
  so.db = args.db.empty() ? StoreOptions::default_db() : args.db;
  so.read_only = true;
  so.migrate = false;
  auto store = Store::open(so);
  if (!store) fail("stories", store.status());
  auto articles = load(**store, args);
  if (!articles) fail("stories", articles.status().with_context(so.db));

  // Oldest first, so a story's id is its first member when we assign it here.
  auto& all = *articles;
  std::sort(all.begin(), all.end(), [](const StoredArticle& a, const StoredArticle& b) {
    return a.article.date != b.article.date ? a.article.date < b.article.date : a.id < b.id;
  });
  StoryIndex index;
  for (const auto& a : all)
    if (a.story_id) index.restore(a.id, *a.story_id, a.article, a.geo);
  std::map<std::int64_t, std::vector<StoredArticle>> groups;
  for (auto& a : all) {
    std::int64_t story = a.story_id ? *a.story_id : index.add(a.id, a.article, a.geo).story_id;
    a.story_id = story;
    groups[story].push_back(std::move(a));
  }

  std::vector<StoryView> views;
  for (const auto& [id, members] : groups) {
    if (members.size() < args.min_size) continue;
    views.push_back(build_story_view(members));
    views.back().id = id;
  }
  std::sort(views.begin(), views.end(), [](const StoryView& a, const StoryView& b) {
    if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
    return a.last_seen > b.last_seen;
  });
  if (views.size() > args.limit) views.resize(args.limit);

  if (args.json) {
    for (const auto& v : views) std::printf("%s\n", json_line(story_view_to_json(v, args.lineage)).c_str());
    return;
  }
  std::printf("%-8s %-5s %-10s %-10s %-40s %s\n", "STORY", "SIZE", "FIRST", "LAST", "TITLE", "OUTLETS");
  for (const auto& v : views) {
    std::string outlets;
    for (std::size_t i = 0; i < v.outlets.size() && i < 3; ++i) outlets += (i ? "; " : "") + v.outlets[i];
    if (v.outlets.size() > 3) outlets += "; +" + std::to_string(v.outlets.size() - 3);
    std::string title = v.title;
    if (codepoint_count(title) > 60) title = title.substr(0, byte_offset_of_codepoint(title, 57)) + "...";
    std::printf("%-8lld %-5zu %-10.10s %-10.10s %-40s %s\n", static_cast<long long>(v.id), v.members.size(),
                v.first_seen.c_str(), v.last_seen.c_str(), title.c_str(), outlets.c_str());
  }
  if (!global_options().quiet)
    std::fprintf(stderr, "pressekarte stories: %zu articles in %zu stories\n", all.size(), groups.size());
}

}  // namespace

void add_stories_command(CLI::App& app) {
  auto args = std::make_shared<StoriesArgs>();
  auto* cmd = app.add_subcommand(
      "stories",
      "List stories: wire reprints and write-ups of the same event grouped together, largest first,\n"
      "with size, first/last seen and outlets. Reads every stored article in the range.");
  cmd->add_option("--db", args->db, "Database: a SQLite file or postgresql://… (default ./data/pressekarte.db)")
      ->envname("PRESSEKARTE_DB");
  cmd->add_option("--since", args->since, "Only articles on or after this date (YYYY-MM-DD)");
  cmd->add_option("--region", args->region, "Only articles in this region (focus or mention)");
  cmd->add_flag("--json", args->json, "One JSON object per story (see include/pressekarte/stories.h)");
  cmd->add_flag("--lineage", args->lineage, "With --json: each member's lineage against the canonical text");
  cmd->add_option("--limit", args->limit, "At most N stories")->check(CLI::Range(1, 100000))->capture_default_str();
  cmd->add_option("--min-size", args->min_size, "Only stories with at least N articles")->capture_default_str();
  cmd->callback([args] { run_stories(*args); });
}

}  // namespace pk::cli
