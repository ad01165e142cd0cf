// pressekarte search: full-text, spatial, regional and time queries against the store.
#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "article_formats.h"
#include "commands.h"
#include "query_flags.h"
#include "pressekarte/geo.h"
#include "pressekarte/json_io.h"
#include "pressekarte/store.h"

namespace pk::cli {

namespace {

struct SearchArgs {
  QueryFlags filters;
  std::string sort = "date";
  std::size_t limit = 20;
  std::string cursor;
  bool json = false;
};

void run_search(const SearchArgs& args) {
  std::shared_ptr<const Gazetteer> gazetteer;
  auto built = build_query(args.filters, gazetteer);
  if (!built) fail("search", built.status());
  ArticleQuery q = std::move(built).value();
  // Without any filter the words-free "latest articles" listing is by date anyway.
  q.sort = has_no_filter(q) ? "date" : args.sort;
  q.limit = args.limit;
  q.cursor = args.cursor;
  auto store = open_existing_store(args.filters.db, gazetteer);
  if (!store) fail("search", store.status());
  auto page = (*store)->query(q);
  if (!page) fail("search", page.status());
  for (const auto& a : page->items) {
    if (args.json) {
      auto j = stored_article_json(a);
      if (q.sort == "relevance") j["score"] = a.score;
      std::cout << json_line(j) << '\n';
    } else {
      std::string where;
      if (a.geo.focus && *a.geo.focus < a.geo.places.size()) where = a.geo.places[*a.geo.focus].name;
      std::cout << fmt::format("{:>7}  {:<10.10}  {:<14.14}  {}{}\n", a.id, a.article.date, a.article.outlet,
                               a.article.title, where.empty() ? "" : "  [" + where + "]");
    }
  }
  if (!global_options().quiet) {
    std::fprintf(stderr, "pressekarte search: %zu article%s%s\n", page->items.size(),
                 page->items.size() == 1 ? "" : "s",
                 page->next_cursor.empty() ? "" : (" — more with --cursor " + page->next_cursor).c_str());
  }
}

}  // namespace

void add_search_command(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  auto* cmd = app.add_subcommand(
      "search",
      "Search stored articles by words, place, region, time, outlet and language.\n"
      "Words are stemmed and folded (\"Strasse\" finds \"Straße\", \"Kirschbaum\" finds\n"
      "\"Kirschbäume\"); \"quoted words\" are a phrase. Newest first unless --sort relevance.\n"
      "Exit 0: done (also with no hits); 2: bad query; 3: unknown place; 4: database error.");
  add_query_flags(*cmd, args->filters);
  cmd->add_option("--sort", args->sort, "date or relevance")
      ->check(CLI::IsMember({"date", "relevance"}))
      ->capture_default_str();
  cmd->add_option("--limit", args->limit, "Articles per page (1..1000)")->capture_default_str();
  cmd->add_option("--cursor", args->cursor, "Continue after the page that printed this cursor");
  cmd->add_flag("--json", args->json, "One JSON object per article (JSON Lines)");
  cmd->callback([args] { run_search(*args); });
}

}  // namespace pk::cli
