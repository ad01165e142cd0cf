#include "html_meta.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "article_parts.h"
#include "pressekarte/text.h"

namespace pk::html {
namespace {


bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "2019-05-31…" at the start → normalised via article_parts (keeps time and zone), else the
// general parser (German/English/RFC 822 dates).
std::string normalize(std::string_view raw) {
  std::string t = collapse_whitespace(raw);
  if (t.empty() || t.size() > 200) return {};
  return parts::normalize_date(t);
}

constexpr int kWeakDateSource = 3;  // date priorities from here on: generic meta, <time>, …
constexpr int kStrongDateSource = 1;  // an article's JSON-LD datePublished: a later shown date does not beat it

struct Candidate {
  int priority = 1000;  // lower wins
  std::string value;
  void offer(int p, std::string v) {
    if (!v.empty() && p < priority) {
      priority = p;
      value = std::move(v);
    }
  }
};

bool is_article_type(const nlohmann::json& type) {
  auto check = [](const std::string& t) {
    return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" ||
           t == "LiveBlogPosting" || t == "WebPage" || t == "Posting" || t == "SocialMediaPosting";
  };
  if (type.is_string()) return check(type.get<std::string>());
  if (type.is_array())
    for (const auto& t : type)
      if (t.is_string() && check(t.get<std::string>())) return true;
  return false;
}

bool is_webpage_type(const nlohmann::json& type) {
  return type.is_string() && type.get<std::string>() == "WebPage";
}

std::string json_text(const nlohmann::json& v) {
  if (v.is_string()) return collapse_whitespace(v.get<std::string>());
  if (v.is_array() && !v.empty()) return json_text(v[0]);
  if (v.is_object()) {
    if (v.contains("name")) return json_text(v["name"]);
    if (v.contains("@value")) return json_text(v["@value"]);
  }
  return {};
}

std::string json_authors(const nlohmann::json& v) {
  std::vector<std::string> names;
  auto add = [&](const nlohmann::json& a) {
    std::string n;
    if (a.is_string()) n = collapse_whitespace(a.get<std::string>());
    else if (a.is_object() && a.contains("name")) n = json_text(a["name"]);
    if (!n.empty() && n.find("://") == std::string::npos && n.size() < 120) names.push_back(n);
  };
  if (v.is_array()) {
    for (const auto& a : v) add(a);
  } else {
    add(v);
  }
  std::string out;
  for (const auto& n : names) {
    if (out.find(n) != std::string::npos) continue;
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

struct JsonLdFields {
  Candidate headline, author, date, updated, site, description, body;
  std::vector<std::string> stamps;  // every date-time the JSON-LD gives (see local_day_of)
};

// Visits every object in a JSON-LD value (iteratively: @graph arrays, nested mainEntity …).
void scan_json_ld(const nlohmann::json& root, JsonLdFields& f) {
  std::vector<const nlohmann::json*> stack{&root};
  std::size_t visited = 0;
  while (!stack.empty() && ++visited < 5000) {
    const nlohmann::json* j = stack.back();
    stack.pop_back();
    if (j->is_array()) {
      for (const auto& e : *j) stack.push_back(&e);
      continue;
    }
    if (!j->is_object()) continue;
    const nlohmann::json type = j->contains("@type") ? (*j)["@type"] : nlohmann::json();
    bool article = is_article_type(type);
    int p = article ? (is_webpage_type(type) ? 5 : 0) : 10;
    for (const char* k : {"datePublished", "dateCreated", "dateModified", "uploadDate"})
      if (j->contains(k) && f.stamps.size() < 200) f.stamps.push_back(normalize(json_text((*j)[k])));
    if (article || j->contains("datePublished") || j->contains("headline")) {
      if (j->contains("headline")) f.headline.offer(p, json_text((*j)["headline"]));
      if (article && j->contains("name")) f.headline.offer(p + 2, json_text((*j)["name"]));
      if (j->contains("author")) f.author.offer(p, json_authors((*j)["author"]));
      if (j->contains("creator")) f.author.offer(p + 1, json_authors((*j)["creator"]));
      if (j->contains("datePublished")) f.date.offer(p, normalize(json_text((*j)["datePublished"])));
      if (j->contains("dateCreated")) f.date.offer(p + 1, normalize(json_text((*j)["dateCreated"])));
      if (j->contains("dateModified")) f.updated.offer(p, normalize(json_text((*j)["dateModified"])));
      if (j->contains("description")) f.description.offer(p, json_text((*j)["description"]));
      if (j->contains("articleBody") && (*j)["articleBody"].is_string())
        f.body.offer(p, (*j)["articleBody"].get<std::string>());
      if (j->contains("publisher")) {
        const auto& pub = (*j)["publisher"];
        if (pub.is_object() && pub.contains("name")) f.site.offer(p, json_text(pub["name"]));
      }
    }
    if (type.is_string() && (type.get<std::string>() == "WebSite" ||
                             type.get<std::string>() == "Organization" ||
                             type.get<std::string>() == "NewsMediaOrganization") &&
        j->contains("name"))
      f.site.offer(20, json_text((*j)["name"]));
    for (auto it = j->begin(); it != j->end(); ++it)
      if (it->is_object() || it->is_array()) stack.push_back(&*it);
  }
}

// Removes " - Site", " | Site", " – Site" suffixes/prefixes from a <title>.
std::string trim_site_from_title(const std::string& title, const std::string& site) {
  static const std::array<std::string_view, 10> kSeps = {" | ", " - ", " – ", " — ", " :: ", " · ",
                                                         " › ", " » ", " « ", " // "};
  std::string best = title;
  for (std::string_view sep : kSeps) {
    std::size_t p = title.rfind(sep);
    if (p != std::string::npos && p > 10) {
      std::string head = title.substr(0, p);
      std::string tail = title.substr(p + sep.size());
      if (!site.empty() && ascii_lower(head).find(ascii_lower(site)) != std::string::npos &&
          ascii_lower(tail).find(ascii_lower(site)) == std::string::npos)
        best = tail;
      else if (tail.size() < head.size())
        best = head;
      break;
    }
  }
  return best;
}

// "von Heiko", "View all posts by X", "Veröffentlicht von X am 3. Mai" → the name.
std::string clean_author(std::string a) {
  a = collapse_whitespace(a);
  static constexpr std::string_view kPrefixes[] = {
      "view all posts by", "all posts by", "posted by", "written by", "published by", "veröffentlicht von",
      "geschrieben von", "verfasst von", "ein beitrag von", "beitrag von", "autor:", "autorin:",
      "author:", "autor", "author", "von:", "von", "vom", "by:", "by", "~", "-", "|"};
  bool changed = true;
  while (changed) {
    changed = false;
    std::string l = to_lower_simple(a);
    for (std::string_view p : kPrefixes) {
      if (l.rfind(p, 0) == 0 && a.size() > p.size()) {
        bool word_end = !std::isalpha(static_cast<unsigned char>(a[p.size()])) || !std::isalpha(static_cast<unsigned char>(p.back()));
        if (!word_end && p != "autor" && p != "author") continue;
        a = collapse_whitespace(a.substr(p.size()));
        changed = true;
        break;
      }
    }
  }
  for (std::string_view cut : {" am ", " on ", " | ", " - ", " – ", " (", " posted "}) {
    std::size_t p = a.find(cut);
    if (p != std::string::npos && p > 1) a.resize(p);
  }
  while (!a.empty() && (a.back() == '-' || a.back() == ',' || a.back() == ' ' || a.back() == '|')) a.pop_back();
  return a;
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
long long days_from_civil(int y, int mo, int d) {
  y -= mo <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// Minutes since 1970 of an ISO date-time with a zone ("2023-11-09T06:35:29+00:00"); false
// without time or zone.
bool instant_of(const std::string& iso, long long& minutes, int& offset) {
  int y, mo, d, h, mi;
  if (iso.size() < 17 || std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5) return false;
  std::size_t z = iso.find_first_of("Z+-", 16);
  if (z == std::string::npos) return false;
  offset = 0;
  if (iso[z] != 'Z') {
    int oh = 0, om = 0;
    if (std::sscanf(iso.c_str() + z + 1, "%2d:%2d", &oh, &om) != 2) return false;
    offset = (iso[z] == '-' ? -1 : 1) * (oh * 60 + om);
  }
  minutes = days_from_civil(y, mo, d) * 1440 + h * 60 + mi - offset;
  return true;
}

// "…T03:28:35Z": a time in UTC before 08:00.
bool is_early_utc(const std::string& iso) {
  long long at;
  int offset;
  return instant_of(iso, at, offset) && offset == 0 && ((at % 1440) + 1440) % 1440 < 8 * 60;
}

// Day number of the calendar day an ISO date starts with ("2020-07-09…"); -1 if none.
long long day_number(const std::string& iso) {
  int y, mo, d;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &mo, &d) != 3) return -1;
  return days_from_civil(y, mo, d);
}

// A publication time given in UTC ("…T06:35:29Z", "+00:00") names the UTC calendar day, which
// is not the publisher's when the page is not on UTC. If another date-time on the page is the same
// instant written in local time ("2023-11-08T22:35:29-08:00": a <time>, og meta, a video's
// uploadDate), that one carries the publisher's day.
std::string local_day_of(const std::string& date, const std::vector<std::string>& stamps) {
  long long at;
  int offset;
  if (!instant_of(date, at, offset) || offset != 0) return date;
  for (const auto& s : stamps) {
    long long other;
    int other_offset;
    if (instant_of(s, other, other_offset) && other_offset != 0 && other == at) return s;
  }
  return date;
}

// "2021-11-04T23:00:00Z" on a German page is a date without time stored as local midnight
// (CET = UTC+1, CEST = UTC+2) and converted to UTC: the day meant is the next one. Only exact
// 22:00:00/23:00:00 UTC on pages in a Central European language. (Converting every UTC time to
// Central European time was tried: WordPress sites set to UTC print their UTC times, −1.)
std::string central_european_midnight(const std::string& date, std::string_view page_lang) {
  long long at;
  int offset;
  if (!instant_of(date, at, offset) || offset != 0 || date.compare(16, 3, ":00") != 0) return date;
  int hour = std::atoi(date.c_str() + 11);
  if ((hour != 22 && hour != 23) || date.compare(14, 2, "00") != 0) return date;
  std::string l = ascii_lower(page_lang.substr(0, 2));
  static constexpr std::string_view kCet[] = {"de", "fr", "it", "nl", "pl", "cs", "da", "sv", "no", "nb",
                                              "hu", "sk", "sl", "hr", "es", "lb"};
  bool cet = false;
  for (std::string_view c : kCet) cet = cet || l == c;
  if (!cet) return date;
  long long days = (at + 24 * 60) / 1440;  // the next UTC day
  // Civil from days (H. Hinnant).
  days += 719468;
  long long era = (days >= 0 ? days : days - 146096) / 146097;
  long long doe = days - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  long long y = yoe + era * 400 + (m <= 2);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", y, m, d);
  return buf;
}

// True if `id` sits in an element marked as the modification date (itemprop=dateModified,
// class "updated"/"modified" without "published").
bool in_modified_note(const Document& doc, NodeId id) {
  for (int depth = 0; id != kNoNode && depth < 4; ++depth, id = doc.node(id).parent) {
    std::string ip = ascii_lower(doc.attr(id, "itemprop"));
    std::string cls = ascii_lower(doc.attr(id, "class"));
    if (ip == "datemodified") return true;
    if ((cls.find("updated") != std::string::npos || cls.find("modified") != std::string::npos) &&
        cls.find("publish") == std::string::npos)
      return true;
  }
  return false;
}

// The article's visible headline: the first <h1> that is not the site's logo line in the page
// header or navigation, nor a heading for screen readers only; without one, the first <h2> of
// the page's <main> or <article> (news templates whose <h1> is the site's). kNoNode if none.
NodeId headline_node(const Document& doc) {
  NodeId h1 = doc.find_first("h1");
  for (int tries = 0; h1 != kNoNode; ++tries, h1 = doc.find_first("h1", h1 + 1)) {
    if (tries == 5) {
      h1 = kNoNode;
      break;
    }
    std::string own = ascii_lower(doc.attr(h1, "class"));
    bool site_banner = own.find("sr-only") != std::string::npos || own.find("visuallyhidden") != std::string::npos ||
                       own.find("visually-hidden") != std::string::npos ||
                       own.find("screen-reader") != std::string::npos;
    for (NodeId a = h1; a != kNoNode && !site_banner; a = doc.node(a).parent) {
      if (doc.is(a, "article") || doc.is(a, "main")) break;
      std::string ci = ascii_lower(doc.attr(a, "class")) + " " + ascii_lower(doc.attr(a, "id"));
      // A <header> inside <article>/<main> is the article's head, not the site's.
      bool article_head = false;
      if (doc.is(a, "header"))
        for (NodeId up = doc.node(a).parent; up != kNoNode && !article_head; up = doc.node(up).parent)
          article_head = doc.is(up, "article") || doc.is(up, "main");
      site_banner = (doc.is(a, "header") && !article_head) || doc.is(a, "nav") || doc.is(a, "a");
      for (std::string_view k : {"site-title", "site-name", "branding", "masthead", "logo"})
        site_banner = site_banner || ci.find(k) != std::string::npos;
    }
    if (!site_banner) return h1;
  }
  for (std::string_view box : {"main", "article"}) {
    NodeId c = doc.find_first(box);
    if (c == kNoNode) continue;
    for (NodeId id = doc.next_in_subtree(c, c); id != kNoNode; id = doc.next_in_subtree(id, c))
      if (doc.is(id, "h2")) return id;
  }
  return kNoNode;
}

// True inside a teaser of another article: a box whose class says teaser, read-more or related
// ("teaser__info" under a "Lesen Sie auch" box). (An <aside> is not one: bylines stand in them.)
bool in_teaser(const Document& doc, NodeId id) {
  for (int depth = 0; id != kNoNode && depth < 12; ++depth, id = doc.node(id).parent) {
    std::string cls = ascii_lower(doc.attr(id, "class"));
    for (std::string_view k : {"teaser", "readmore", "read-more", "related"})
      if (cls.find(k) != std::string::npos) return true;
  }
  return false;
}

// True inside a box whose class names the article's lead: intro, lead, standfirst, summary,
// abstract, dek, subtitle.
bool in_lead_box(const Document& doc, NodeId id) {
  for (int depth = 0; id != kNoNode && depth < 4; ++depth, id = doc.node(id).parent) {
    std::string cls = ascii_lower(doc.attr(id, "class"));
    for (std::string_view k : {"intro", "lead", "standfirst", "summary", "abstract", "dek", "subtitle"})
      if (cls.find(k) != std::string::npos) return true;
  }
  return false;
}

// A heading whose whole text is one link: a blog or section title more often than an article's.
bool is_link_heading(const Document& doc, NodeId h) {
  for (NodeId c = doc.node(h).first_child; c != kNoNode; c = doc.node(c).next_sibling) {
    const Node& k = doc.node(c);
    if (k.kind == Node::Kind::kText && !collapse_whitespace(k.text).empty()) return false;
    if (k.kind == Node::Kind::kElement) return k.tag == "a";
  }
  return false;
}

// The date printed in the article's head: the first short text holding a date among the few
// text nodes right after the first <h1>, before the running text starts ("29.04.2020, 12:01 Uhr"
// in the byline row). "" if none.
// `from_h1` tells whether a real <h1> headed it (a <h2> stand-in is weaker evidence);
// `updated` receives the first date there labelled as an update ("Aktualisiert am …").
std::string header_date(const Document& doc, parts::SlashOrder order, bool& from_h1, std::string& updated) {
  NodeId h1 = headline_node(doc);
  if (h1 == kNoNode) return {};
  from_h1 = doc.is(h1, "h1");
  int texts = 0;
  std::string previous;  // the text before, which may label the date
  // An opinion piece's template may call itself "comment" (a Kommentar): a comment box holding
  // the headline is the article, not a readers' thread.
  bool headline_in_comment = in_comment_thread(doc, h1);
  NodeId next = kNoNode;
  for (NodeId id = doc.skip_subtree(h1, doc.root()); id != kNoNode && texts < 25; id = next) {
    next = doc.next_in_subtree(id, doc.root());
    const Node& n = doc.node(id);
    // An <h2> standing right after the headline, its sibling, is the subtitle (dek); a later one
    // starts a new section. Not under a linked blog title (<h1><a>Blog</a></h1><h2>tagline</h2>).
    if (n.kind == Node::Kind::kElement && (n.tag == "h1" || n.tag == "h2")) {
      if (n.tag != "h2" || texts > 0 || n.parent != doc.node(h1).parent || is_link_heading(doc, h1)) break;
      next = doc.skip_subtree(id, doc.root());
      continue;
    }
    if (n.kind != Node::Kind::kText || n.parent == kNoNode || is_invisible_tag(doc.node(n.parent).tag))
      continue;
    std::string t = collapse_whitespace(n.text);
    if (t.empty()) continue;
    ++texts;
    // The running text has started: its dates are events. Only the text right under the
    // headline may be long if its box calls it the lead ("article__intro"): the byline row
    // with the date may follow it.
    if (t.size() > 150 && (texts > 1 || !in_lead_box(doc, id))) break;
    if (t.size() > 80 || (in_comment_thread(doc, id) && !headline_in_comment) || in_modified_note(doc, id) ||
        in_foreign_date_box(doc, id) || in_teaser(doc, id))
      continue;
    std::string d = parts::normalize_date(t, order);
    // "28 juin 2019" in a language we do not read: the <time datetime> around it says it.
    if (d.empty() && doc.is(n.parent, "time")) d = parts::normalize_date(doc.attr(n.parent, "datetime"));
    if (d.empty()) {
      previous = std::move(t);
      continue;
    }
    // "Aktualisiert: 18.07.2024" / "Updated Nov 19": an edit, not the publication.
    std::string label = to_lower_simple(previous + " " + t);
    bool update = false, member = false;
    for (std::string_view k : {"aktualisiert", "updated", "update:", "geändert", "modified", "mis à jour",
                               "actualizado", "aggiornato"})
      update = update || label.find(k) != std::string::npos;
    // Forum profiles ("Registriert: 18.09.2008", "Joined") date the member, not the post.
    for (std::string_view k : {"registriert", "mitglied seit", "joined", "member since"})
      member = member || label.find(k) != std::string::npos;
    if (!update && !member) return d;
    if (update && updated.empty()) updated = d;
    previous.clear();
  }
  // A kicker line above the headline in the same block ("Party, 30.10.23" / <h1>).
  NodeId block = doc.node(h1).parent;
  if (block == kNoNode) return {};
  for (NodeId id = doc.next_in_subtree(block, block); id != kNoNode && id != h1;
       id = doc.next_in_subtree(id, block)) {
    const Node& n = doc.node(id);
    if (n.kind != Node::Kind::kText || is_invisible_tag(doc.node(n.parent).tag)) continue;
    std::string t = collapse_whitespace(n.text);
    if (t.empty() || t.size() > 80 || in_modified_note(doc, id)) continue;
    if (std::string d = parts::normalize_date(t, order); !d.empty()) return d;
  }
  return {};
}

// True if `key` occurs in `s` at the start of a word: "comments", "js-comment-list",
// "wp_comment" but not "articleheadercomment" (an opinion column's header: a Kommentar is an
// article).
bool has_word_start(std::string_view s, std::string_view key) {
  for (std::size_t at = s.find(key); at != std::string_view::npos; at = s.find(key, at + 1))
    if (at == 0 || !std::isalpha(static_cast<unsigned char>(s[at - 1]))) return true;
  return false;
}

}  // namespace

std::string strip_markup(std::string_view s) {
  std::string out;
  std::string l = ascii_lower(s);
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '<') {
      for (std::string_view raw : {"<script", "<style"}) {
        if (l.compare(i, raw.size(), raw) == 0) {
          std::string close = "</" + std::string(raw.substr(1));
          std::size_t e = l.find(close, i);
          i = e == std::string::npos ? s.size() : e;
          break;
        }
      }
      std::size_t gt = s.find('>', i);
      if (i < s.size() && gt != std::string_view::npos &&
          (i + 1 < s.size() && (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/'))) {
        i = gt + 1;
        out += ' ';
        continue;
      }
      if (i >= s.size()) break;
    }
    out += s[i++];
  }
  return collapse_whitespace(out);
}

std::string date_from_url(std::string_view url) {
  // A Wayback Machine copy ("…/web/20131110121040im_/http://site/…"): the 14-digit stamp is the
  // capture, not the publication; only the archived URL can hold a date.
  if (std::size_t wb = url.find("/web/"); wb != std::string_view::npos && wb + 19 <= url.size() &&
                                           url.substr(wb + 5, 14).find_first_not_of("0123456789") ==
                                               std::string_view::npos) {
    std::size_t next = url.find('/', wb + 19);
    return next == std::string_view::npos ? std::string() : date_from_url(url.substr(next + 1));
  }
  // /YYYY/MM/DD/, /YYYY/M/D/, -YYYY-MM-DD, _YYYY_MM_DD, or 8 digits YYYYMMDD.
  auto digits_at = [&](std::size_t at, std::size_t min_len, std::size_t max_len, int& v) {
    std::size_t k = 0;
    v = 0;
    while (k < max_len && at + k < url.size() && is_digit(url[at + k])) v = v * 10 + (url[at + k++] - '0');
    if (k < min_len || (at + k < url.size() && is_digit(url[at + k]))) return std::size_t{0};
    return k;
  };
  std::size_t path = url.find("://");
  path = path == std::string_view::npos ? 0 : url.find('/', path + 3);
  if (path == std::string_view::npos) return {};
  char buf[16];
  for (std::size_t i = path; i + 8 <= url.size(); ++i) {
    if (i > path && is_digit(url[i - 1])) continue;  // inside a longer number
    int y, m, d;
    std::size_t ny = digits_at(i, 4, 4, y);
    if (ny == 4 && y >= 1995 && y <= 2100) {
      std::size_t j = i + 4;
      char sep = j < url.size() ? url[j] : '\0';
      if (sep != '/' && sep != '-' && sep != '_') continue;
      std::size_t nm = digits_at(j + 1, 1, 2, m);
      if (!nm || m < 1 || m > 12) continue;
      std::size_t k = j + 1 + nm;
      if (k >= url.size() || url[k] != sep) continue;
      std::size_t nd = digits_at(k + 1, 1, 2, d);
      if (!nd || d < 1 || d > 31) continue;
      // "/2023/10/3-fragen-an/": a path date's day ends its path segment; digits running into a
      // slug are the slug's.
      std::size_t after = k + 1 + nd;
      if (sep == '/' && after < url.size() && url[after] != '/' && url[after] != '?' &&
          url[after] != '#' && url[after] != '.')
        continue;
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      return buf;
    }
    // "/meldungen/29-10-2021": a day-month-year path segment.
    if (i > 0 && url[i - 1] == '/' && digits_at(i, 2, 2, d) == 2 && i + 10 <= url.size() &&
        (url[i + 2] == '-' || url[i + 2] == '.') && url[i + 5] == url[i + 2] &&
        digits_at(i + 3, 2, 2, m) == 2 && digits_at(i + 6, 4, 4, y) == 4 && d >= 1 && d <= 31 &&
        m >= 1 && m <= 12 && y >= 1995 && y <= 2100 &&
        (i + 10 == url.size() || url[i + 10] == '/' || url[i + 10] == '?' || url[i + 10] == '#' ||
         url[i + 10] == '.')) {
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      return buf;
    }
    int v;
    if (digits_at(i, 8, 8, v) == 8) {
      int yy = v / 10000, mm = (v / 100) % 100, dd = v % 100;
      if (yy >= 1995 && yy <= 2100 && mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", yy, mm, dd);
        return buf;
      }
    }
  }
  return {};
}

// True inside a comment or reply thread: its dates are the readers', not the article's.
bool in_comment_thread(const Document& doc, NodeId id) {
  for (int depth = 0; id != kNoNode && depth < 25; ++depth, id = doc.node(id).parent) {
    std::string ci = ascii_lower(doc.attr(id, "class")) + " " + ascii_lower(doc.attr(id, "id"));
    for (std::string_view k : {"comment", "kommentar", "reply", "replies"})
      if (has_word_start(ci, k)) return true;
  }
  return false;
}

bool in_foreign_date_box(const Document& doc, NodeId id) {
  for (int depth = 0; id != kNoNode && depth < 30; ++depth, id = doc.node(id).parent) {
    std::string_view eid = doc.attr(id, "id");
    if (eid.rfind("wm-ipp", 0) == 0 || eid == "wm-toolbar" || eid == "donato") return true;
    if (depth >= 5) continue;
    // A link that wraps the date together with a headline or snippet is a teaser; a date link
    // alone ("<a rel=bookmark><time>3. Juni 2019</time></a>") is the article's permalink.
    if (doc.is(id, "a") && collapse_whitespace(doc.text_of(id)).size() >= 60) return true;
    if (doc.is(id, "li")) {
      for (NodeId k = doc.next_in_subtree(id, id); k != kNoNode; k = doc.next_in_subtree(k, id))
        if (doc.is(k, "a") && collapse_whitespace(doc.text_of(k)).size() >= 25) return true;
    }
  }
  return false;
}

PageMeta read_page_meta(const Document& doc, std::string_view url) {
  PageMeta m;
  JsonLdFields ld;
  Candidate title, author, date, updated, site, description, canonical, lang;
  std::string first_time, first_h1;
  std::vector<std::string> stamps;  // date-times from <meta> and <time>, for local_day_of

  for (NodeId id = 0; id < doc.size(); ++id) {
    const Node& n = doc.node(id);
    if (n.kind != Node::Kind::kElement) continue;
    std::string_view tag = n.tag;
    if (tag == "meta") {
      std::string key = ascii_lower(doc.attr(id, "property"));
      if (key.empty()) key = ascii_lower(doc.attr(id, "name"));
      if (key.empty()) key = ascii_lower(doc.attr(id, "itemprop"));
      std::string hk = ascii_lower(doc.attr(id, "http-equiv"));
      std::string content = collapse_whitespace(doc.attr(id, "content"));
      if (content.empty()) continue;
      if (stamps.size() < 200 && content.size() >= 16 && content.size() < 60) stamps.push_back(normalize(content));
      if (hk == "content-language") lang.offer(5, content);
      if (key == "og:title" || key == "twitter:title") title.offer(key == "og:title" ? 2 : 3, content);
      else if (key == "dc.title" || key == "headline") title.offer(4, content);
      else if (key == "author" || key == "article:author" || key == "dc.creator" ||
               key == "sailthru.author" || key == "parsely-author" || key == "byl" ||
               key == "citation_author" || key == "dcterms.creator") {
        if (content.find("://") == std::string::npos) author.offer(key == "author" ? 2 : 3, content);
      } else if (key == "article:published_time" || key == "og:article:published_time" ||
                 key == "datepublished" || key == "parsely-pub-date" || key == "sailthru.date" ||
                 key == "pubdate" || key == "publishdate" || key == "publish-date" ||
                 key == "publish_date" || key == "article.published" || key == "published_time" ||
                 key == "og:published_time" || key == "citation_publication_date" ||
                 key == "dc.date.issued" || key == "dcterms.issued" || key == "date_published" ||
                 key == "article_date_original" || key == "original-publish-date" ||
                 key == "cxenseparse:recs:publishtime" || key == "bt:pubdate" ||
                 key == "release_date" || key == "dc.date.created" || key == "dcterms.created" ||
                 key == "publicationdate" || key == "publication_date" || key == "bepress_citation_date" ||
                 key == "citation_date" || key == "dc:date" || key == "dcterms:created" ||
                 key == "article:published" || key == "datecreated")
        date.offer(2, normalize(content));
      else if (key == "date" || key == "dc.date" || key == "dcterms.date" || key == "created" ||
               key == "creation_date" || key == "dc.date.publication")
        date.offer(3, normalize(content));
      else if (key == "article:modified_time" || key == "og:updated_time" ||
               key == "datemodified" || key == "last-modified" || key == "dcterms.modified" ||
               key == "dc.date.modified" || key == "parsely-updated-date")
        updated.offer(2, normalize(content));
      else if (key == "og:site_name") site.offer(1, content);
      else if (key == "application-name" || key == "twitter:site") site.offer(key == "twitter:site" ? 6 : 4, content);
      else if (key == "og:description") description.offer(1, content);
      else if (key == "description" || key == "twitter:description" || key == "dc.description")
        description.offer(2, content);
      else if (key == "og:url") canonical.offer(2, content);
      else if (key == "language" || key == "dc.language" || key == "og:locale") lang.offer(6, content);
    } else if (tag == "link") {
      std::string rel = ascii_lower(doc.attr(id, "rel"));
      if (rel == "canonical") canonical.offer(1, std::string(doc.attr(id, "href")));
    } else if (tag == "title" && m.html_title.empty()) {
      m.html_title = strip_markup(doc.text_of(id));
    } else if (tag == "html") {
      if (doc.has_attr(id, "lang")) lang.offer(1, std::string(doc.attr(id, "lang")));
      else if (doc.has_attr(id, "xml:lang")) lang.offer(2, std::string(doc.attr(id, "xml:lang")));
    } else if (tag == "script") {
      std::string type = ascii_lower(doc.attr(id, "type"));
      if (type.find("ld+json") == std::string::npos) continue;
      std::string body = doc.text_of(id);
      if (body.size() > 2'000'000) continue;
      auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
      if (!j.is_discarded()) scan_json_ld(j, ld);
    } else if (tag == "time") {
      std::string dt(doc.attr(id, "datetime"));
      if (dt.empty() || in_comment_thread(doc, id) || in_foreign_date_box(doc, id)) continue;
      if (stamps.size() < 200) stamps.push_back(normalize(dt));
      std::string cls = ascii_lower(doc.attr(id, "class"));
      std::string ip = ascii_lower(doc.attr(id, "itemprop"));
      if (ip == "datemodified") {
        updated.offer(4, normalize(dt));
      } else if (doc.has_attr(id, "pubdate") || ip == "datepublished" ||
                 cls.find("publish") != std::string::npos || cls.find("entry-date") != std::string::npos) {
        date.offer(4, normalize(dt));
      } else if (first_time.empty() && cls.find("modif") == std::string::npos &&
                 cls.find("update") == std::string::npos) {
        first_time = normalize(dt);
      }
    } else if (tag == "h1" && first_h1.empty()) {
      first_h1 = collapse_whitespace(doc.text_of(id));
    } else if (doc.has_attr(id, "property") && doc.has_attr(id, "content") && tag != "meta") {
      // RDFa on any element: <span property="schema:dateCreated" content="2022-01-28T12:45:46">.
      std::string prop = ascii_lower(doc.attr(id, "property"));
      if (prop == "schema:datepublished" || prop == "schema:datecreated" || prop == "dc:date" ||
          prop == "dcterms:created" || prop == "dcterms:issued" || prop == "datepublished")
        date.offer(4, normalize(std::string(doc.attr(id, "content"))));
    } else if (doc.has_attr(id, "itemprop")) {
      std::string ip = ascii_lower(doc.attr(id, "itemprop"));
      if (ip == "datepublished") {
        std::string v(doc.attr(id, "content"));
        if (v.empty()) v = doc.attr(id, "datetime");
        if (v.empty() && n.tag == "abbr") v = doc.attr(id, "title");
        if (v.empty() || normalize(v).empty()) v = doc.text_of(id);
        date.offer(4, normalize(v));
      } else if (ip == "author" || ip == "creator") {
        std::string v(doc.attr(id, "content"));
        if (v.empty()) v = collapse_whitespace(doc.text_of(id));
        if (v.size() < 100) author.offer(4, v);
      } else if (ip == "headline") {
        title.offer(3, collapse_whitespace(doc.text_of(id)));
      }
    } else if (tag == "a" || tag == "span" || tag == "div" || tag == "p") {
      std::string rel = ascii_lower(doc.attr(id, "rel"));
      std::string cls = ascii_lower(doc.attr(id, "class"));
      if (rel == "author" || cls == "author" || cls == "byline" || cls.find("author-name") != std::string::npos ||
          cls == "fn" || cls.find("byline__author") != std::string::npos) {
        std::string v = collapse_whitespace(doc.text_of(id));
        if (!v.empty() && v.size() < 80) author.offer(6, v);
      }
    } else if (tag == "abbr") {
      std::string cls = ascii_lower(doc.attr(id, "class"));
      if (cls.find("published") != std::string::npos) date.offer(5, normalize(doc.attr(id, "title")));
    }
  }

  // JSON-LD is the most deliberate metadata a page has; prefer it.
  m.title = !ld.headline.value.empty() ? ld.headline.value : title.value;
  site.offer(ld.site.priority + 1, ld.site.value);
  m.site_name = site.value;
  if (m.title.empty() && !first_h1.empty()) m.title = first_h1;
  if (m.title.empty()) m.title = trim_site_from_title(m.html_title, m.site_name);
  // og:title often carries the site suffix too.
  if (!m.site_name.empty() && m.title != first_h1) m.title = trim_site_from_title(m.title, m.site_name);
  // The page's own <h1> is the headline when the metadata title merely decorates it (site name,
  // category): it is then contained in the <title> or og:title.
  if (first_h1.size() >= 4 && first_h1.size() < 300 && first_h1 != m.title &&
      (m.html_title.find(first_h1) != std::string::npos || title.value.find(first_h1) != std::string::npos ||
       m.title.find(first_h1) != std::string::npos))
    m.title = first_h1;
  m.title = strip_markup(m.title);
  author.offer(ld.author.priority, ld.author.value);
  m.author = clean_author(author.value);
  date.offer(ld.date.priority, ld.date.value);
  if (date.value.empty()) date.offer(50, first_time);
  // Generic or weak sources (<meta name=date>, a <time>) are often a build or edit date; the
  // date the page prints under its headline is the one readers see.
  {
    bool from_h1 = false;
    std::string shown_update;
    std::string shown = header_date(doc, parts::slash_order_for_language(lang.value), from_h1, shown_update);
    // "08/11/2023" read month-first is 2023-08-11; when the metadata has 2023-11-08, the page
    // meant day-first and agrees with it.
    bool swapped_agrees = shown.size() >= 10 && date.value.size() >= 10 &&
                          shown.compare(0, 5, date.value, 0, 5) == 0 &&
                          shown.compare(5, 2, date.value, 8, 2) == 0 && shown.compare(8, 2, date.value, 5, 2) == 0;
    // Against a deliberate publication field (JSON-LD datePublished, article:published_time),
    // a later shown date is an update note; only an earlier one wins.
    bool later = shown.compare(0, 10, date.value, 0, 10) > 0;
    if (!shown.empty() && !swapped_agrees && shown.compare(0, 10, date.value, 0, 10) != 0 &&
        !((later || !from_h1) && date.priority < kStrongDateSource))
      date.value = shown;
    // The page shows only its update ("Updated May 06, 2019") and not the publication day:
    // the update is the date readers see.
    if (shown.empty() && !shown_update.empty() && shown_update.compare(0, 10, date.value, 0, 10) > 0)
      date.value = shown_update;
  }
  stamps.insert(stamps.end(), ld.stamps.begin(), ld.stamps.end());
  date.value = local_day_of(date.value, stamps);
  date.value = central_european_midnight(date.value, lang.value);
  // A full date in the URL path is what the publisher filed the page under: it wins over
  // metadata, which often carries re-publication or template dates (kept if the day agrees).
  std::string from_url = date_from_url(url);
  // Except the day after: a page filed under its URL late in the evening and published after
  // midnight (the metadata then names the next day, which is the publication). A UTC time before
  // 08:00 is still the URL's evening in the Americas, so there the URL keeps its day.
  bool next_day = !from_url.empty() && day_number(date.value) == day_number(from_url) + 1 &&
                  !is_early_utc(date.value);
  if (!from_url.empty() && date.value.compare(0, 10, from_url) != 0 && !next_day) date.value = from_url;
  m.date = date.value;
  updated.offer(ld.updated.priority, ld.updated.value);
  m.updated = updated.value;
  description.offer(ld.description.priority + 1, ld.description.value);
  m.description = description.value;
  m.canonical_url = canonical.value;
  m.article_body = ld.body.value;
  m.locale = lang.value;
  std::string l = ascii_lower(lang.value);
  std::size_t cut = l.find_first_of("-_");
  if (cut != std::string::npos) l.resize(cut);
  if (l.size() == 2 || l.size() == 3) m.language = l;
  return m;
}

}  // namespace pk::html
