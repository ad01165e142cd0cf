// Story views for the CLI and the API, and rebuilding the index from the store.
#include <algorithm>
#include <map>

#include "lineage_internal.h"
#include "pressekarte/stories.h"
#include "text_features.h"

namespace pk {

StoryView build_story_view(const std::vector<StoredArticle>& members_in) {
  StoryView v;
  if (members_in.empty()) return v;
  std::vector<const StoredArticle*> members;
  for (const auto& m : members_in) members.push_back(&m);
  std::sort(members.begin(), members.end(), [](const StoredArticle* a, const StoredArticle* b) {
    if (a->article.date != b->article.date) return a->article.date < b->article.date;
    return a->id < b->id;
  });
  // Canonical: the fullest wire text (see pick_wire_text); ties go to the earliest member.
  std::vector<const Article*> texts;
  for (const auto* m : members) texts.push_back(&m->article);
  const StoredArticle* canon = members[pick_wire_text(texts)];
  std::map<std::int64_t, int> story_votes;
  for (const auto* m : members)
    if (m->story_id) ++story_votes[*m->story_id];
  v.id = story_votes.empty() ? members.front()->id
                             : std::max_element(story_votes.begin(), story_votes.end(),
                                                [](auto& a, auto& b) { return a.second < b.second; })->first;
  v.canonical_id = canon->id;
  v.title = canon->article.title;
  v.first_seen = members.front()->article.date;
  v.last_seen = members.back()->article.date;
  if (canon->geo.focus && *canon->geo.focus < canon->geo.places.size()) v.focus = canon->geo.places[*canon->geo.focus];
  for (const auto* m : members) {
    std::string outlet = m->article.outlet.empty() ? m->article.site_title : m->article.outlet;
    if (!outlet.empty() && std::find(v.outlets.begin(), v.outlets.end(), outlet) == v.outlets.end())
      v.outlets.push_back(outlet);
    StoryMemberView mv;
    mv.id = m->id;
    mv.date = m->article.date;
    mv.outlet = outlet;
    mv.title = m->article.title;
    mv.url = m->article.url;
    mv.canonical = m == canon;
    if (mv.canonical) {
      mv.lineage.kind = "canonical";
    } else {
      mv.lineage = compare(canon->article, m->article);
    }
    v.members.push_back(std::move(mv));
  }
  return v;
}

nlohmann::json story_view_to_json(const StoryView& v, bool with_lineage) {
  nlohmann::json focus = nullptr;
  if (v.focus) focus = {{"name", v.focus->name}, {"lat", v.focus->lat}, {"lon", v.focus->lon}};
  nlohmann::json members = nlohmann::json::array();
  for (const auto& m : v.members) {
    nlohmann::json j = {{"id", m.id}, {"date", m.date}, {"outlet", m.outlet}, {"title", m.title}, {"url", m.url}};
    if (with_lineage) j["lineage"] = lineage_to_json(m.lineage);
    members.push_back(std::move(j));
  }
  return {{"id", v.id},
          {"size", v.members.size()},
          {"canonical_id", v.canonical_id},
          {"title", v.title},
          {"first_seen", v.first_seen},
          {"last_seen", v.last_seen},
          {"outlets", v.outlets},
          {"focus", focus},
          {"members", members}};
}

namespace {

// "" → retain_days before the newest stored article ("" again when the store is empty or its
// newest date is unreadable: then everything is read); "all" → "".
Result<std::string> rebuild_since(Store& store, const StoryIndex& index, const std::string& since) {
  if (since == "all") return std::string();
  if (!since.empty()) return since;
  ArticleQuery newest;
  newest.sort = "date";
  newest.limit = 1;
  auto page = store.query(newest);
  if (!page.is_ok()) return page.status().with_context("finding the newest article for the story index");
  if (page->items.empty()) return std::string();
  const int day = stories::parse_day(page->items[0].article.date);
  if (day < 0) return std::string();
  return stories::iso_day(day - index.options().retain_days);
}

}  // namespace

Result<std::size_t> rebuild_story_index(Store& store, StoryIndex& index, const std::string& since_arg, bool persist) {
  auto since = rebuild_since(store, index, since_arg);
  if (!since) return since.status();
  ArticleQuery q;
  q.since = *since;
  q.sort = "date";
  q.limit = 1000;
  std::vector<StoredArticle> pending;  // no story yet: added in date order after the rest
  std::size_t read = 0;
  for (;;) {
    auto page = store.query(q);
    if (!page.is_ok()) return page.status().with_context("rebuilding the story index");
    for (auto& a : page->items) {
      ++read;
      if (a.story_id) {
        index.restore(a.id, *a.story_id, a.article, a.geo);
      } else {
        pending.push_back(std::move(a));
      }
    }
    if (page->next_cursor.empty() || page->items.empty()) break;
    q.cursor = page->next_cursor;
  }
  std::sort(pending.begin(), pending.end(), [](const StoredArticle& a, const StoredArticle& b) {
    if (a.article.date != b.article.date) return a.article.date < b.article.date;
    return a.id < b.id;
  });
  for (const auto& a : pending) {
    StoryDecision d = index.add(a.id, a.article, a.geo);
    if (persist) PK_RETURN_IF_ERROR(store.set_story(a.id, d.story_id));
  }
  return read;
}

}  // namespace pk
