#include "html_content.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>

#include "article_parts.h"
#include "pressekarte/text.h"

namespace pk::html {
namespace {

bool contains_any(std::string_view s, std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles)
    if (s.find(n) != std::string_view::npos) return true;
  return false;
}


bool is_block_tag(std::string_view t) {
  static constexpr std::string_view kTags[] = {
      "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt",
      "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
      "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
      "thead", "tfoot", "tr", "td", "th", "ul", "center", "summary", "caption", "body"};
  for (std::string_view k : kTags)
    if (t == k) return true;
  return false;
}

int heading_level(std::string_view t) {
  if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') return t[1] - '0';
  return 0;
}

// Class/id words that mark boilerplate, and words that rescue an element anyway.
// Short words count only at the start of a class word: "pager" is not in "apageroot", "rss"
// not in "progress", "menu" is in "main-menu" but not in "somenumber".
bool contains_word_start(std::string_view ci, std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles) {
    for (std::size_t p = ci.find(n); p != std::string_view::npos; p = ci.find(n, p + 1)) {
      char before = p == 0 ? ' ' : ci[p - 1];
      if (before == ' ' || before == '-' || before == '_' || before == ':') return true;
    }
  }
  return false;
}

bool negative_hint(std::string_view ci) {
  return contains_any(ci, {"comment", "footer", "sidebar", "side-bar", "navbar",
                           "navigation", "breadcrumb", "related", "teaser-list", "share",
                           "sharing", "social", "cookie", "consent", "gdpr", "newsletter",
                           "promo-", "promobox", "banner", "advert", "sponsor", "popup",
                           "pagination", "subscribe", "paywall", "skyscraper",
                           "disqus", "shoutbox", "masthead", "recommend",
                           "outbrain", "taboola", "tagcloud", "author-bio", "author-box", "authorbox",
                           "author-info", "about-author", "about-the-author", "autor-box", "autorbox",
                           "saboxplugin", "author-profile",
                           "meta-nav", "skip-link", "print-only", "-ad-",
                           "ad-slot", "adslot", "ad-container", "ad_container", "ads-",
                           "mehr-zum-thema", "more-from", "read-more", "weiterlesen",
                           "signup", "toolbar", "overlay", "rating", "disclaimer", "disclosure"}) ||
         contains_word_start(ci, {"pager", "tags", "rss", "jump", "login", "modal", "menu"});
}

// A class that hides the element itself ("hidden", "hidden-xs", "d-none"); not Drupal's
// "field--label-hidden" (the label is hidden, the field is not) nor Tailwind's "md:hidden"
// (hidden on wide screens only).
bool hiding_class(std::string_view ci) {
  std::size_t i = 0;
  while (i < ci.size()) {
    std::size_t e = ci.find(' ', i);
    if (e == std::string_view::npos) e = ci.size();
    std::string_view tok = ci.substr(i, e - i);
    i = e + 1;
    bool label_only = tok.size() >= 12 && tok.substr(tok.size() - 12) == "label-hidden";
    if ((tok.find("hidden") != std::string_view::npos && !label_only &&
         tok.find(':') == std::string_view::npos) ||
        tok == "d-none" || tok == "hide" || tok == "sr-only" || tok == "screen-reader-text" ||
        tok == "invisible" || tok == "element-invisible")
      return true;
  }
  return false;
}

bool positive_hint(std::string_view ci) {
  return contains_any(ci, {"article", "content", "story", "entry", "post-body", "postbody",
                           "main", "text", "body", "blog", "artikel", "beitrag", "page"});
}

bool strong_positive(std::string_view ci) {
  return contains_any(ci, {"article-body", "articlebody", "article__body", "article-text",
                           "story-body", "storybody", "entry-content", "post-content",
                           "artikeltext", "article-content", "main-content", "maincontent"});
}

bool lead_hint(std::string_view ci) {
  return contains_any(ci, {"lead", "intro", "teaser", "summary", "standfirst", "abstract",
                           "excerpt", "description", "subtitle", "deck"});
}

// A credit after a caption without a marker word: "… Higgins. | Niall Carson/PA Images",
// "… Epstein. (AP)", "… an hour. AP". Only names that look like credits: a known agency, or a
// short "Name/Agency" list after a bar.
parts::CaptionCredit split_unmarked_credit(const std::string& caption) {
  parts::CaptionCredit out;
  out.caption = caption;
  auto short_name = [](std::string_view t) {
    return !t.empty() && t.size() <= 80 && std::count(t.begin(), t.end(), ' ') < 8 &&
           t.find_first_of(".!?:;") == std::string_view::npos;
  };
  auto agency_like = [](std::string_view t) {
    if (!parts::canonical_agency(t).empty()) return true;
    std::size_t slash = t.find('/');
    return slash != std::string_view::npos &&
           (!parts::canonical_agency(t.substr(0, slash)).empty() ||
            !parts::canonical_agency(t.substr(t.rfind('/') + 1)).empty());
  };
  std::size_t bar = caption.rfind(" | ");
  if (bar != std::string::npos && bar > 0) {
    std::string credit = parts::trim(std::string_view(caption).substr(bar + 3));
    if (short_name(credit)) {
      out.caption = parts::trim(std::string_view(caption).substr(0, bar));
      out.credit = credit;
      return out;
    }
  }
  // After a full sentence, the closing parenthesis or the capitalised words are a credit.
  auto after_sentence = [&](std::size_t pos) {
    std::size_t e = pos;
    while (e > 0 && caption[e - 1] == ' ') --e;
    if (e == 0) return false;
    unsigned char c = static_cast<unsigned char>(caption[e - 1]);
    // ASCII sentence ends and the last byte of a closing quote: ” (E2 80 9D), « (C2 AB), » (C2 BB).
    return c == '.' || c == '!' || c == '?' || c == '"' || c == 0x9D || c == 0xAB || c == 0xBB;
  };
  auto name_words = [](std::string_view t) {
    std::size_t words = 0;
    for (std::size_t i = 0; i < t.size();) {
      std::size_t e = t.find(' ', i);
      if (e == std::string_view::npos) e = t.size();
      std::string_view w = t.substr(i, e - i);
      i = e + 1;
      if (w.empty()) continue;
      ++words;
      bool upper = std::isupper(static_cast<unsigned char>(w[0])) || static_cast<unsigned char>(w[0]) >= 0x80;
      if (!upper && w != "via" && w != "of" && w != "and" && w != "de" && w != "von" && w != "/" &&
          w.find('/') == std::string_view::npos)
        return false;
    }
    return words > 0 && words <= 6;
  };
  if (caption.size() > 4 && caption.back() == ')') {
    std::size_t open = caption.rfind('(');
    if (open != std::string::npos && open > 0) {
      std::string inner = caption.substr(open + 1, caption.size() - open - 2);
      if (short_name(inner) && (agency_like(inner) || (after_sentence(open) && name_words(inner)))) {
        out.caption = parts::trim(std::string_view(caption).substr(0, open));
        out.credit = inner;
        return out;
      }
    }
  }
  // "… an hour. AP": a bare agency after the last sentence.
  std::size_t stop = caption.find_last_of(".!?");
  // A sentence end, not an abbreviation ("U.S. President Joe Biden"): a lower-case word before.
  bool sentence_end = stop != std::string::npos && stop >= 3 &&
                      std::islower(static_cast<unsigned char>(caption[stop - 1])) &&
                      std::islower(static_cast<unsigned char>(caption[stop - 2]));
  if (sentence_end && stop + 2 < caption.size() && caption[stop + 1] == ' ') {
    std::string tail = parts::trim(std::string_view(caption).substr(stop + 1));
    if (short_name(tail) && (agency_like(tail) || name_words(tail))) {
      out.caption = caption.substr(0, stop + 1);
      out.credit = tail;
    }
  }
  return out;
}

struct Stats {
  std::uint32_t text = 0;      // visible characters (non-space bytes) in the subtree
  std::uint32_t link = 0;      // of which inside <a>
  std::uint32_t commas = 0;
  std::uint32_t paragraphs = 0;  // <p> with text
  std::uint32_t list_items = 0;
  std::uint32_t images = 0;
  std::uint32_t inputs = 0;
  bool block_child = false;    // has a block-level element child
  std::uint32_t inline_text = 0;    // text in child text nodes and inline children (loose text)
  std::uint32_t inline_commas = 0;
  std::uint32_t inline_link = 0;
  std::uint32_t inline_br = 0;      // <br> children: "<br><br>" separates virtual paragraphs
};

class Extractor {
 public:
  Extractor(const Document& doc, const ContentOptions& options) : doc_(doc), options_(options) {}

  Content run() {
    mark_removed();
    compute_stats();
    std::vector<NodeId> roots = options_.fragment ? std::vector<NodeId>{body()} : pick_content();
    // Pages that are not one article (a product page, a portal section) spread their text over
    // several boxes: when the chosen container holds under half of the page's good paragraphs,
    // read the whole page instead (boilerplate is removed either way).
    if (!options_.fragment && good_text_in({body()}) > 3 * good_text_in(roots) + 400)
      roots = {body()};
    else if (!options_.fragment)
      widen_to_earlier_sections(roots);
    Content c;
    for (NodeId r : roots) read_blocks(r, c);
    if (!options_.fragment && c.text_chars < 200) {
      // Nothing convincing: read the whole body, still without the removed boilerplate.
      Content all;
      figures_.clear();
      read_blocks(body(), all);
      if (all.text_chars > c.text_chars) c = std::move(all);
    }
    read_images(c);
    return c;
  }

 private:
  NodeId body() const {
    NodeId b = doc_.find_first("body");
    return b == kNoNode ? doc_.root() : b;
  }

  std::string class_id(NodeId id) const {
    std::string s = ascii_lower(doc_.attr(id, "class"));
    s += ' ';
    s += ascii_lower(doc_.attr(id, "id"));
    return s;
  }

  bool hidden(NodeId id) const {
    if (doc_.has_attr(id, "hidden")) return true;
    std::string_view style = doc_.attr(id, "style");
    if (!style.empty()) {
      std::string s = ascii_lower(style);
      s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
      if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos)
        return true;
    }
    return false;
  }

  bool boilerplate(NodeId id) const {
    const Node& n = doc_.node(id);
    std::string_view t = n.tag;
    if (is_invisible_tag(t) || t == "dialog" || t == "menu") return true;
    if (hidden(id)) return true;
    std::string_view role = doc_.attr(id, "role");
    if (role == "dialog" || role == "alertdialog" || role == "search") return true;
    // Page regions are boilerplate unless the article itself sits inside them (some templates
    // wrap the whole page in <aside> or <header>).
    // An <article> counts only with a real share of the page's text: footers and sidebars are
    // often built of <article class=widget> boxes.
    bool holds_article =
        (raw_[id].article_marker && raw_text_[id] * 4 > total_text_) || raw_[id].max_p >= 150;
    if ((t == "nav" || t == "footer" || t == "aside" || role == "navigation" ||
         role == "complementary" || role == "banner" || role == "contentinfo" || role == "menu" ||
         role == "menubar") && !holds_article)
      return true;
    if (options_.fragment) return false;
    // A <header> inside the article holds its headline, teaser and byline, not site navigation.
    if (t == "header" && !holds_article && !inside_article(id)) return true;
    if (t == "body" || t == "html" || t == "article" || t == "main" || t == "a") return false;
    std::string ci = class_id(id);
    if (ci.size() <= 1) return false;
    // An element holding most of the page's paragraph text is the content, whatever its class
    // says ("tab-menu" around a product text) — except comment threads.
    bool most_text = (raw_[id].p_text * 2 > raw_[0].p_text && raw_[0].p_text > 0) ||
                     raw_text_[id] * 2 > total_text_;
    if (contains_any(ci, {"comment", "disqus", "cookie", "consent"}) && !raw_[id].article_marker &&
        !strong_positive(ci))
      return true;
    if ((negative_hint(ci) || hiding_class(ci)) && !strong_positive(ci) && !raw_[id].article_marker &&
        !most_text &&
        !contains_any(ci, {"article", "content", "main", "story", "body", "entry"}))
      return true;
    return false;
  }

  bool inside_article(NodeId id) const {
    for (NodeId a = doc_.node(id).parent; a != kNoNode && a != 0; a = doc_.node(a).parent) {
      const Node& an = doc_.node(a);
      if (an.tag == "article" || an.tag == "main") return true;
      std::string_view it = doc_.attr(a, "itemtype");
      if (it.find("Article") != std::string_view::npos || it.find("BlogPosting") != std::string_view::npos)
        return true;
    }
    return false;
  }

  // Facts about each subtree before anything is removed, to protect the article itself.
  struct Raw {
    std::uint32_t max_p = 0;       // longest <p> text (non-space bytes)
    std::uint32_t p_text = 0;      // text inside <p> elements
    bool article_marker = false;   // holds <article>, <main>, itemprop=articleBody or an Article itemtype
  };
  void compute_raw() {
    raw_.assign(doc_.size(), Raw{});
    raw_text_.assign(doc_.size(), 0);
    total_text_ = 0;
    std::vector<std::uint32_t> text(doc_.size(), 0);
    for (NodeId id = static_cast<NodeId>(doc_.size()); id-- > 1;) {
      const Node& n = doc_.node(id);
      Raw& r = raw_[id];
      if (n.kind == Node::Kind::kText) {
        for (char c : n.text)
          if (c != ' ' && c != '\n' && c != '\t' && c != '\r') ++text[id];
      } else if (n.kind == Node::Kind::kElement) {
        if (is_invisible_tag(n.tag)) {
          text[id] = 0;
          r = Raw{};
          continue;
        }
        if (n.tag == "p") r.max_p = std::max(r.max_p, text[id]);
        if (n.tag == "article" || n.tag == "main") r.article_marker = true;
        std::string_view ip = doc_.attr(id, "itemprop");
        if (ip == "articleBody" || ip == "articlebody") r.article_marker = true;
        std::string_view it = doc_.attr(id, "itemtype");
        if (it.find("Article") != std::string_view::npos || it.find("BlogPosting") != std::string_view::npos)
          r.article_marker = true;
      }
      Raw& p = raw_[n.parent];
      text[n.parent] += text[id];
      raw_text_[id] = text[id];
      if (n.parent == 0) total_text_ += text[id];
      p.max_p = std::max(p.max_p, r.max_p);
      if (n.tag != "p") p.p_text += r.p_text;
      else p.p_text += text[id];
      p.article_marker = p.article_marker || r.article_marker;
    }
  }

  void mark_removed() {
    compute_raw();
    removed_.assign(doc_.size(), 0);
    for (NodeId id = 1; id < doc_.size(); ++id) {
      const Node& n = doc_.node(id);
      if (removed_[n.parent]) {
        removed_[id] = 1;
        continue;
      }
      if (n.kind == Node::Kind::kElement && boilerplate(id)) removed_[id] = 1;
    }
  }

  // Bottom-up sums: node ids are in document (pre-)order, so children come after parents.
  void compute_stats() {
    stats_.assign(doc_.size(), Stats{});
    in_link_.assign(doc_.size(), 0);
    for (NodeId id = 1; id < doc_.size(); ++id) {
      const Node& n = doc_.node(id);
      in_link_[id] = in_link_[n.parent] || n.tag == "a";
    }
    for (NodeId id = static_cast<NodeId>(doc_.size()); id-- > 1;) {
      const Node& n = doc_.node(id);
      Stats& s = stats_[id];
      if (removed_[id]) continue;
      if (n.kind == Node::Kind::kText) {
        for (char c : n.text) {
          if (c != ' ' && c != '\n' && c != '\t' && c != '\r') ++s.text;
          if (c == ',') ++s.commas;
        }
        if (in_link_[id]) s.link = s.text;
      } else {
        if (n.tag == "p" && s.text > 0) ++s.paragraphs;
        if (n.tag == "li") ++s.list_items;
        if (n.tag == "img") ++s.images;
        if (n.tag == "input" || n.tag == "select" || n.tag == "textarea") ++s.inputs;
      }
      Stats& p = stats_[n.parent];
      p.text += s.text;
      p.link += s.link;
      p.commas += s.commas;
      p.paragraphs += s.paragraphs;
      p.list_items += s.list_items;
      p.images += s.images;
      p.inputs += s.inputs;
      if (n.kind == Node::Kind::kElement && is_block_tag(n.tag)) {
        p.block_child = true;
      } else {
        p.inline_text += s.text;
        p.inline_commas += s.commas;
        p.inline_link += s.link;
        if (n.tag == "br") ++p.inline_br;
      }
    }
  }

  double link_density(NodeId id) const {
    const Stats& s = stats_[id];
    return s.text == 0 ? 0.0 : static_cast<double>(s.link) / s.text;
  }

  // Per element: (text, link text) inside link lists (<ul>/<ol> mostly of links: related
  // articles, tag clouds, menus left in the page) in its subtree, outer lists only.
  using TextLinks = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
  TextLinks link_list_text() const {
    TextLinks acc(doc_.size(), {0, 0});
    for (NodeId id = static_cast<NodeId>(doc_.size()); id-- > 1;) {
      const Node& n = doc_.node(id);
      if (removed_[id] || n.kind != Node::Kind::kElement) continue;
      if ((n.tag == "ul" || n.tag == "ol") && link_density(id) > kLinkListDensity)
        acc[id] = {stats_[id].text, stats_[id].link};
      acc[n.parent].first += acc[id].first;
      acc[n.parent].second += acc[id].second;
    }
    return acc;
  }

  // A container's link density without the link lists inside it: a related-articles list under
  // the text must not sink the article below a teaser box that holds none.
  double link_density_outside_lists(NodeId id, const TextLinks& lists) const {
    const Stats& s = stats_[id];
    std::uint32_t text = s.text - lists[id].first, link = s.link - lists[id].second;
    return text == 0 ? link_density(id) : static_cast<double>(link) / text;
  }

  double initial_score(NodeId id) const {
    std::string_view t = doc_.node(id).tag;
    double s = 0;
    if (t == "div" || t == "article" || t == "section" || t == "main") s = 5;
    else if (t == "pre" || t == "td" || t == "blockquote") s = 3;
    else if (t == "address" || t == "ol" || t == "ul" || t == "dl" || t == "dd" || t == "dt" ||
             t == "li" || t == "form")
      s = -3;
    else if (heading_level(t) || t == "th")
      s = -5;
    if (t == "article" || t == "main") s += 10;
    std::string ci = class_id(id);
    if (strong_positive(ci)) s += 35;
    else if (positive_hint(ci)) s += 25;
    if (negative_hint(ci)) s -= 25;
    std::string_view ip = doc_.attr(id, "itemprop");
    if (ip == "articleBody" || ip == "articlebody") s += 50;
    return s;
  }

  bool paragraph_like(NodeId id) const {
    const Node& n = doc_.node(id);
    if (n.kind != Node::Kind::kElement || removed_[id]) return false;
    std::string_view t = n.tag;
    if (t == "p" || t == "pre") return true;
    if ((t == "td" || t == "div" || t == "section" || t == "span" || t == "font" || t == "blockquote" ||
         t == "dd") && !stats_[id].block_child && stats_[id].inline_br < 2)
      return true;
    return false;
  }

  std::vector<NodeId> pick_content() {
    score_.assign(doc_.size(), 0.0);
    std::vector<std::uint8_t> is_candidate(doc_.size(), 0);
    std::vector<NodeId> candidates;
    auto touch = [&](NodeId a) {
      if (!is_candidate[a]) {
        is_candidate[a] = 1;
        score_[a] = initial_score(a);
        candidates.push_back(a);
      }
    };
    for (NodeId id = 1; id < doc_.size(); ++id) {
      const Stats& s = stats_[id];
      std::uint32_t text = s.text, commas = s.commas;
      double ld = link_density(id);
      NodeId a = doc_.node(id).parent;
      if (!paragraph_like(id)) {
        // Loose text between blocks ("<div>text<br>text<div>box</div></div>") is a paragraph
        // of its container, as if wrapped in <p>.
        if (removed_[id] || doc_.node(id).kind != Node::Kind::kElement ||
            (!s.block_child && s.inline_br < 2) || s.inline_text < 25)
          continue;
        text = s.inline_text;
        commas = s.inline_commas;
        ld = static_cast<double>(s.inline_link) / s.inline_text;
        a = id;
      }
      if (text < 25) continue;
      // Text split by <br><br> counts as that many paragraphs (readability turns them into <p>).
      double paras = a == id ? std::max(1.0, std::min(s.inline_br / 2.0, text / 80.0)) : 1.0;
      double sc = (paras + commas + std::min(std::floor(text / 100.0), 3.0 * paras)) * (1.0 - ld);
      for (int level = 0; level < 5 && a != kNoNode && a != 0; ++level) {
        if (doc_.node(a).kind != Node::Kind::kElement) break;
        touch(a);
        double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        score_[a] += sc / div;
        a = doc_.node(a).parent;
      }
    }
    NodeId top = kNoNode;
    double best = -1e9;
    const TextLinks lists = link_list_text();
    for (NodeId c : candidates) {
      score_[c] *= (1.0 - link_density_outside_lists(c, lists));
      if (score_[c] > best) {
        best = score_[c];
        top = c;
      }
    }
    if (top == kNoNode) return {body()};
    top_ = top;
    // Readability: a parent that scores higher than a third of the top is the better container.
    double last = score_[top];
    double threshold = last / 3;
    for (NodeId p = doc_.node(top).parent; p != kNoNode && p != 0 && doc_.node(p).tag != "body";
         p = doc_.node(p).parent) {
      if (!is_candidate[p]) continue;
      if (score_[p] < threshold) break;
      if (score_[p] > last) {
        top = p;
        break;
      }
      last = score_[p];
    }
    // A lone child says nothing: its parent holds the same content plus perhaps more.
    while (doc_.node(top).parent != kNoNode && doc_.node(doc_.node(top).parent).tag != "body" &&
           doc_.node(top).parent != 0 && element_children(doc_.node(top).parent) == 1)
      top = doc_.node(top).parent;

    top_ = top;
    // The head of the enclosing <article> (a subtitle or teaser before the body) belongs to the
    // text; only real paragraphs from it, not bylines, dates or photo captions.
    std::vector<NodeId> head;
    {
      NodeId a = doc_.node(top).parent;
      for (int level = 0; level < 4 && a != kNoNode && a != 0; ++level, a = doc_.node(a).parent) {
        const Node& an = doc_.node(a);
        bool article = an.tag == "article" || doc_.attr(a, "itemtype").find("Article") != std::string_view::npos;
        if (!article) continue;
        if (removed_[a]) break;
        for (NodeId k = a + 1; k < top; ++k) {
          const Node& kn = doc_.node(k);
          if (removed_[k] || kn.kind != Node::Kind::kElement) continue;
          if (kn.tag == "figure" || kn.tag == "figcaption") {
            k = last_descendant(k);
            continue;
          }
          if (kn.tag != "p" && !(lead_hint(class_id(k)) && !stats_[k].block_child)) continue;
          if (stats_[k].text < 50 || link_density(k) > 0.3) continue;
          if (contains_any(class_id(k), {"caption", "credit", "byline", "author", "date", "meta"})) continue;
          head.push_back(k);
          k = last_descendant(k);
        }
        break;
      }
    }
    if (head.empty()) {
      NodeId teaser = visible_summary(top);
      if (teaser != kNoNode) head.push_back(teaser);
      summary_ = teaser;
    }
    std::vector<NodeId> roots;
    NodeId parent = doc_.node(top).parent;
    if (parent == kNoNode || parent == 0) {
      if (!head.empty() && head.front() < top) return {head.front(), top};
      return {top};
    }
    double sib_threshold = std::max(10.0, score_[top] * 0.2);
    std::string top_class(doc_.attr(top, "class"));
    for (NodeId s = doc_.node(parent).first_child; s != kNoNode; s = doc_.node(s).next_sibling) {
      if (s == top) {
        roots.push_back(s);
        continue;
      }
      const Node& sn = doc_.node(s);
      if (sn.kind != Node::Kind::kElement || removed_[s]) continue;
      double bonus = (!top_class.empty() && doc_.attr(s, "class") == top_class) ? score_[top] * 0.2 : 0;
      bool append = is_candidate[s] && score_[s] + bonus >= sib_threshold;
      // Pages built of same-class blocks (a CMS's "field__item" or "paragraph" per text part):
      // a sibling block of the top's kind with text and few links is more of the same text.
      if (!append && !top_class.empty() && doc_.attr(s, "class") == top_class && stats_[s].text >= 20 &&
          link_density(s) < 0.3)
        append = true;
      if (!append && (sn.tag == "p" || !stats_[s].block_child)) {
        double ld = link_density(s);
        const Stats& st = stats_[s];
        if (st.text > 80 && ld < 0.25) append = true;
        else if (st.text > 0 && st.text < 80 && ld == 0 && sn.tag == "p") {
          std::string t = collapse_whitespace(doc_.text_of(s));
          append = !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?');
        }
      }
      if (append) roots.push_back(s);
    }
    std::vector<NodeId> head_kept;
    for (NodeId h : head) {
      bool inside = false;
      for (NodeId a = h; a != kNoNode && !inside; a = doc_.node(a).parent)
        inside = std::find(roots.begin(), roots.end(), a) != roots.end();
      if (!inside) head_kept.push_back(h);
    }
    roots.insert(roots.begin(), head_kept.begin(), head_kept.end());
    return roots;
  }

  // An article split into sibling sections (a CMS's content elements: an intro, then an
  // interview, each its own <div>) scores only its biggest section. When the sections before
  // the chosen container, up to a few ancestors, hold much of the page's good text that the
  // container misses, with few links, they are read too. Only sections before it: what follows
  // an article is mostly its furniture (author bio, comment form); widening both ways leaked
  // more than it gained (trafilatura_eval 0.929 → 0.927).
  void widen_to_earlier_sections(std::vector<NodeId>& roots) const {
    if (top_ == kNoNode) return;
    const std::size_t page = good_text_in({body()});
    const std::size_t have = good_text_in(roots);
    if (page < have + kWidenMinGain) return;
    std::vector<NodeId> earlier;  // preceding siblings of top and of its ancestors below `a`
    NodeId x = top_;
    for (int level = 0; level < kWidenLevels; ++level, x = doc_.node(x).parent) {
      NodeId a = doc_.node(x).parent;
      if (a == kNoNode || a == 0 || a == body() || removed_[a]) return;
      for (NodeId s = doc_.node(a).first_child; s != x; s = doc_.node(s).next_sibling)
        if (doc_.node(s).kind == Node::Kind::kElement && !removed_[s]) earlier.push_back(s);
      std::vector<NodeId> part = earlier;
      part.insert(part.end(), roots.begin(), roots.end());
      std::size_t got = good_text_in(part);
      if (got < have + kWidenMinGain) continue;
      if (link_density(a) > kWidenMaxLinkDensity) return;
      if (static_cast<double>(got) < have + kWidenShare * static_cast<double>(page - have)) continue;
      // Outermost roots only (a teaser root may lie inside an earlier section), in page order.
      std::sort(part.begin(), part.end());
      std::vector<NodeId> merged;
      for (NodeId r : part)
        if (merged.empty() || r > last_descendant(merged.back())) merged.push_back(r);
      roots = std::move(merged);
      return;
    }
  }

  // The teaser paragraph before `top` that repeats the page's summary ("<p class=a-lead>" under
  // the headline, outside the body container), or kNoNode.
  NodeId visible_summary(NodeId top) const {
    std::string want = to_lower_simple(collapse_whitespace(options_.summary));
    if (want.size() < 40) return kNoNode;
    want.resize(std::min<std::size_t>(want.size(), 60));
    for (NodeId k = body(); k < top && k < doc_.size(); ++k) {
      const Node& kn = doc_.node(k);
      if (kn.kind != Node::Kind::kElement) continue;
      if (removed_[k]) {
        k = last_descendant(k);
        continue;
      }
      bool text_box = kn.tag == "div" || heading_level(kn.tag) >= 2;
      if ((kn.tag != "p" && !(text_box && !stats_[k].block_child)) || stats_[k].text < 40 ||
          link_density(k) > 0.3)
        continue;
      std::string t = to_lower_simple(collapse_whitespace(doc_.text_of(k)));
      if (t.compare(0, want.size(), want) == 0) return k;
    }
    return kNoNode;
  }

  // The paragraph with the most text outside links under `root` (at least
  // kWrapperMinGoodText bytes of it), or kNoNode.
  NodeId longest_paragraph(NodeId root) const {
    NodeId best = kNoNode;
    std::uint32_t best_own = kWrapperMinGoodText - 1;
    for (NodeId n = root; n != kNoNode;) {
      if (removed_[n] && n != root) {
        n = doc_.skip_subtree(n, root);
        continue;
      }
      const Stats& s = stats_[n];
      if (paragraph_like(n)) {
        std::uint32_t own = s.text - std::min(s.text, s.link);
        if (own > best_own) {
          best_own = own;
          best = n;
        }
        n = doc_.skip_subtree(n, root);
        continue;
      }
      n = doc_.next_in_subtree(n, root);
    }
    return best;
  }

  // Text of good paragraphs (long, few links) inside the given subtrees.
  std::size_t good_text_in(const std::vector<NodeId>& roots) const {
    std::size_t total = 0;
    for (NodeId r : roots) {
      for (NodeId n = r; n != kNoNode;) {
        if (removed_[n] && n != r) {
          n = doc_.skip_subtree(n, r);
          continue;
        }
        const Stats& s = stats_[n];
        if (paragraph_like(n) && s.text >= 80 && link_density(n) < 0.25) {
          total += s.text;
          n = doc_.skip_subtree(n, r);
          continue;
        }
        if (doc_.node(n).kind == Node::Kind::kElement && s.inline_text >= 80 &&
            s.inline_link * 4 < s.inline_text)
          total += s.inline_text;
        n = doc_.next_in_subtree(n, r);
      }
    }
    return total;
  }

  NodeId last_descendant(NodeId id) const {
    NodeId next = doc_.skip_subtree(id, 0);
    return next == kNoNode ? static_cast<NodeId>(doc_.size() - 1) : next - 1;
  }

  std::size_t element_children(NodeId id) const {
    std::size_t n = 0;
    for (NodeId c = doc_.node(id).first_child; c != kNoNode; c = doc_.node(c).next_sibling) {
      const Node& cn = doc_.node(c);
      if (cn.kind == Node::Kind::kElement && !removed_[c]) ++n;
      if (cn.kind == Node::Kind::kText && stats_[c].text > 0) return 2;
    }
    return n;
  }

  // Readability's conditional cleaning, per container inside the content: link farms, lists
  // of teasers, image galleries and forms go.
  bool clutter(NodeId id) const {
    const Node& n = doc_.node(id);
    std::string_view t = n.tag;
    if (!(t == "div" || t == "section" || t == "ul" || t == "ol" || t == "table" || t == "dl" ||
          t == "form" || t == "aside" || t == "center"))
      return false;
    const Stats& s = stats_[id];
    if (s.text == 0) return false;
    std::string ci = class_id(id);
    double weight = (strong_positive(ci) ? 35 : positive_hint(ci) ? 25 : 0) - (negative_hint(ci) ? 25 : 0);
    if (s.commas >= 10) return false;
    double ld = link_density(id);
    bool list = t == "ul" || t == "ol" || t == "dl";
    if (weight < 25 && ld > 0.33 && s.text < 2000) return true;
    if (weight >= 25 && ld > 0.5) return true;
    if (!list && s.list_items > s.paragraphs + 3 && ld > 0.2) return true;
    if (s.inputs > s.paragraphs / 3 + 1) return true;
    return false;
  }

  void flush(Content& c, std::string& buf, std::uint32_t link_chars, NodeId block) {
    std::string text = collapse_whitespace(buf);
    buf.clear();
    if (text.empty()) return;
    const Node& n = doc_.node(block);
    Block b;
    int level = heading_level(n.tag);
    if (level) {
      b.kind = Block::Kind::kHeading;
      b.heading_level = level;
    } else if (n.tag == "li" || n.tag == "dd" || n.tag == "dt") {
      b.kind = Block::Kind::kListItem;
    } else if (n.tag == "blockquote") {
      b.kind = Block::Kind::kQuote;
    } else if (n.tag == "pre") {
      b.kind = Block::Kind::kPre;
    } else if (n.tag == "td" || n.tag == "th") {
      b.kind = Block::Kind::kCell;
    }
    std::size_t chars = codepoint_count(text);
    // Link-only blocks inside lists and boxes are navigation; inside a paragraph they are text.
    if ((link_chars * 2 > chars && b.kind != Block::Kind::kParagraph && b.kind != Block::Kind::kHeading) ||
        (link_chars * 10 > chars * 9 && n.tag != "p" && chars < 100)) {
      if (c.blocks_before_gap.empty() || c.blocks_before_gap.back() != c.blocks.size())
        c.blocks_before_gap.push_back(c.blocks.size());
      return;
    }
    b.lead_hint = lead_hint(class_id(block));
    // A standfirst set as a heading ("<h2 class=article-lead>…</h2>" under the headline) is
    // running text, not a subheading: read as the lead paragraph (headlines are shorter).
    // So is the visible summary, whatever element holds it.
    if (block == summary_) b.lead_hint = true;
    if (b.kind == Block::Kind::kHeading && b.lead_hint &&
        (chars >= kHeadingLeadMinChars || block == summary_)) {
      b.kind = Block::Kind::kParagraph;
      b.heading_level = 0;
    }
    b.text = std::move(text);
    c.text_chars += chars;
    c.blocks.push_back(std::move(b));
  }

  // A photo caption outside <figure>: a short box whose class says caption
  // ("<div class=mediaInfo><span class=mediaSubtitleText>…</span><span class=mediaRights>…").
  bool caption_box(NodeId id) const {
    const Node& n = doc_.node(id);
    if (n.tag != "div" && n.tag != "span" && n.tag != "p") return false;
    std::uint32_t text = raw_text_[id];
    if (text < 10 || text > 600 || link_density(id) > 0.3 || stats_[id].block_child) return false;
    std::string ci = class_id(id);
    return contains_any(ci, {"caption", "bildunterschrift", "mediainfo", "media-info", "image-info",
                             "img-info", "bildtext"}) &&
           !contains_any(ci, {"figcaption"});
  }

  // A figure outside the chosen text (the lead image above the body, a photo between text
  // sections) still illustrates the article, unless it is part of a teaser: inside a link or a
  // list item, or carrying a headline or a link of its own.
  bool article_figure(NodeId fig) const {
    if (removed_[fig]) return false;
    for (NodeId a = doc_.node(fig).parent; a != kNoNode && a != 0; a = doc_.node(a).parent) {
      std::string_view t = doc_.node(a).tag;
      if (t == "a" || t == "li" || t == "nav" || t == "aside" || t == "footer") return false;
      if (t != "body" && t != "html" && clutter(a)) return false;
    }
    for (NodeId k = fig; k != kNoNode; k = doc_.next_in_subtree(k, fig)) {
      const Node& kn = doc_.node(k);
      if (kn.kind != Node::Kind::kElement) continue;
      if (heading_level(kn.tag)) return false;
      if (kn.tag == "a" && stats_[k].text > 20) return false;
    }
    return true;
  }

  // Images of the article in page order: figures met in the content plus figures elsewhere in
  // the page that are not teasers; one image per caption.
  void read_images(Content& c) {
    std::vector<NodeId> figs = figures_;
    if (!options_.fragment) {
      for (NodeId id = doc_.find_first("figure"); id != kNoNode; id = doc_.find_first("figure", id + 1))
        if (std::find(figs.begin(), figs.end(), id) == figs.end() && article_figure(id)) figs.push_back(id);
    }
    std::sort(figs.begin(), figs.end());
    figs.erase(std::unique(figs.begin(), figs.end()), figs.end());
    for (NodeId f : figs) {
      // A figure inside another one is read with it.
      bool nested = false;
      for (NodeId a = doc_.node(f).parent; a != kNoNode && !nested; a = doc_.node(a).parent)
        nested = doc_.node(a).tag == "figure";
      if (!nested) read_figure(f, c);
    }
    std::vector<Image> unique;
    for (Image& img : c.images) {
      bool seen = false;
      for (const Image& u : unique)
        seen = seen || (!img.caption.empty() && u.caption == img.caption);
      if (!seen) unique.push_back(std::move(img));
    }
    c.images = std::move(unique);
  }

  void read_figure(NodeId fig, Content& c) {
    std::string caption, credit;
    if (doc_.node(fig).tag != "figure") {
      read_caption_text(fig, caption, credit);
      finish_image(caption, credit, c);
      return;
    }
    for (NodeId n = doc_.node(fig).first_child; n != kNoNode;) {
      const Node& nd = doc_.node(n);
      if (nd.kind == Node::Kind::kElement) {
        std::string ci = class_id(n);
        if (contains_any(ci, {"credit", "copyright", "source", "author", "photographer"}) &&
            nd.tag != "figcaption") {
          if (credit.empty()) credit = collapse_whitespace(doc_.text_of(n));
          n = doc_.skip_subtree(n, fig);
          continue;
        }
        // An overlay on the photo ("<small>© Max Muster</small>") without a telling class.
        if (nd.tag != "figcaption" && raw_text_[n] > 0 && raw_text_[n] < 100) {
          std::string t = collapse_whitespace(doc_.text_of(n));
          if (parts::is_credit_line(t)) {
            if (credit.empty()) credit = t;
            n = doc_.skip_subtree(n, fig);
            continue;
          }
        }
        if (nd.tag == "figcaption") {
          read_caption_text(n, caption, credit);
          n = doc_.skip_subtree(n, fig);
          continue;
        }
      }
      n = doc_.next_in_subtree(n, fig);
    }
    finish_image(caption, credit, c);
  }

  // The text of a caption element; credits inside it in their own element go to `credit`.
  void read_caption_text(NodeId n, std::string& caption, std::string& credit) const {
    std::string cap;
    for (NodeId k = doc_.node(n).first_child; k != kNoNode;) {
      const Node& kn = doc_.node(k);
      if (kn.kind == Node::Kind::kText) {
        cap += kn.text;
        k = doc_.next_in_subtree(k, n);
        continue;
      }
      if (kn.kind == Node::Kind::kElement && !removed_[k] &&
          contains_any(class_id(k), {"credit", "copyright", "source", "author", "photographer",
                                     "distributor", "agency", "rights"})) {
        // "<span class=credit>Photo by X</span> /<span class=distributor>AP</span>"
        std::string part = collapse_whitespace(doc_.text_of(k));
        if (credit.empty()) credit = part;
        else if (!part.empty()) credit += "/" + part;
        k = doc_.skip_subtree(k, n);
        continue;
      }
      if (kn.kind == Node::Kind::kElement && is_invisible_tag(kn.tag)) {
        k = doc_.skip_subtree(k, n);
        continue;
      }
      // "…auf Tiktok.<span>Getty Images</span>": an element after a sentence starts a new word.
      if (kn.kind == Node::Kind::kElement &&
          (is_block_tag(kn.tag) ||
           (!cap.empty() && (cap.back() == '.' || cap.back() == '!' || cap.back() == '?'))))
        cap += ' ';
      k = doc_.next_in_subtree(k, n);
    }
    caption += ' ' + cap;
  }

  void finish_image(std::string caption, const std::string& credit, Content& c) const {
    caption = collapse_whitespace(caption);
    // The separator left behind by a credit element ("Caption. /", "Caption |").
    while (!caption.empty() && (caption.back() == '/' || caption.back() == '|' || caption.back() == ' '))
      caption.pop_back();
    if (caption.empty() && credit.empty()) return;
    parts::CaptionCredit cc = parts::split_photo_credit(caption);
    Image img;
    img.caption = cc.caption;
    img.credit = !cc.credit.empty() ? cc.credit : credit;
    if (!credit.empty() && !cc.credit.empty() && credit != cc.credit) img.credit = cc.credit;
    // A separate credit element often repeats the prefix ("Foto: dpa").
    if (img.credit == credit && !credit.empty()) {
      parts::CaptionCredit only = parts::split_photo_credit(credit);
      if (!only.credit.empty() && only.caption.empty()) img.credit = only.credit;
    }
    if (img.credit.empty()) {
      parts::CaptionCredit tail = split_unmarked_credit(img.caption);
      img.caption = tail.caption;
      img.credit = tail.credit;
    }
    c.images.push_back(std::move(img));
  }

  void read_blocks(NodeId root, Content& c) {
    // A box judged clutter (many links, list items or form fields) that holds the longest
    // paragraph or most of the text worth reading is the page's wrapper around article,
    // sidebar and comment form (or a one-paragraph post with share buttons): descend into it
    // instead of dropping everything; its real clutter children still go.
    const std::size_t root_good = good_text_in({root});
    const NodeId longest = longest_paragraph(root);
    auto holds_the_text = [&](NodeId id) {
      if (longest != kNoNode && longest > id && longest <= last_descendant(id)) return true;
      if (root_good < kWrapperMinGoodText) return false;
      return good_text_in({id}) * 2 > root_good;
    };
    std::string buf;
    std::uint32_t link_chars = 0;
    std::vector<NodeId> open;  // enclosing block elements, innermost last
    NodeId current_block = root;
    // Iterative walk with explicit exits: when leaving a block element, flush.
    NodeId n = root;
    auto enter_block = [&](NodeId id) {
      flush(c, buf, link_chars, current_block);
      link_chars = 0;
      open.push_back(current_block);
      current_block = id;
    };
    auto leave_block = [&]() {
      flush(c, buf, link_chars, current_block);
      link_chars = 0;
      current_block = open.back();
      open.pop_back();
    };
    // Walk: visit node; descend; on the way up, leave blocks.
    std::vector<NodeId> path;
    while (n != kNoNode) {
      const Node& nd = doc_.node(n);
      bool descend = false;
      if (removed_[n] && n != root) {
        if (raw_text_[n] > 40) c.blocks_before_gap.push_back(c.blocks.size());
      } else if (nd.kind == Node::Kind::kText) {
        buf += nd.text;
        if (in_link_[n]) link_chars += static_cast<std::uint32_t>(codepoint_count(collapse_whitespace(nd.text)));
      } else if (nd.kind == Node::Kind::kElement) {
        if (nd.tag == "figure") {
          figures_.push_back(n);
        } else if (n != root && caption_box(n)) {
          figures_.push_back(n);
        } else if (n != root && clutter(n) && !holds_the_text(n)) {
          c.blocks_before_gap.push_back(c.blocks.size());  // a teaser list or link box went here
        } else if (nd.tag == "br" || nd.tag == "hr") {
          flush(c, buf, link_chars, current_block);
          link_chars = 0;
        } else if (nd.tag == "img") {
          // images outside <figure> carry no caption we can trust
        } else {
          descend = nd.first_child != kNoNode;
          if (descend) {
            bool block = is_block_tag(nd.tag) || n == root;
            path.push_back(block ? n : kNoNode);
            if (block) enter_block(n);
            n = nd.first_child;
            continue;
          }
        }
      }
      // Move to next sibling, closing finished ancestors.
      while (true) {
        if (n == root) {
          n = kNoNode;
          break;
        }
        if (doc_.node(n).next_sibling != kNoNode) {
          n = doc_.node(n).next_sibling;
          break;
        }
        n = doc_.node(n).parent;
        NodeId b = path.back();
        path.pop_back();
        if (b != kNoNode) leave_block();
        if (n == root) {
          n = kNoNode;
          break;
        }
      }
    }
    while (!path.empty()) {
      if (path.back() != kNoNode) leave_block();
      path.pop_back();
    }
    flush(c, buf, link_chars, current_block);
  }

  const Document& doc_;
  const ContentOptions& options_;
  std::vector<Raw> raw_;
  std::vector<std::uint32_t> raw_text_;
  std::uint32_t total_text_ = 0;
  std::vector<std::uint8_t> removed_;
  std::vector<std::uint8_t> in_link_;
  std::vector<Stats> stats_;
  std::vector<double> score_;
  std::vector<NodeId> figures_;  // <figure>s met while reading the content
  NodeId top_ = kNoNode;          // the container pick_content chose
  NodeId summary_ = kNoNode;      // the visible teaser repeating the summary (visible_summary)
  // read_blocks: a clutter box is read anyway when it holds the root's longest paragraph
  // (at least this many bytes outside links) or over half of its good text (at least this).
  static constexpr std::size_t kWrapperMinGoodText = 80;
  // widen_to_earlier_sections: the earlier sections must add this much good text (bytes) and
  // at least this share of the good text outside the container; ancestors climbed; the
  // widest ancestor's link density allowed.
  static constexpr std::size_t kWidenMinGain = 400;
  // flush: a heading whose class says lead, with at least this many characters, is the lead.
  static constexpr std::size_t kHeadingLeadMinChars = 80;
  // pick_content: a <ul>/<ol> with more link text than this share is a link list.
  static constexpr double kLinkListDensity = 0.5;
  static constexpr double kWidenShare = 0.5;
  static constexpr int kWidenLevels = 4;
  static constexpr double kWidenMaxLinkDensity = 0.25;
};

}  // namespace

Content extract_content(const Document& doc, const ContentOptions& options) {
  return Extractor(doc, options).run();
}

}  // namespace pk::html
