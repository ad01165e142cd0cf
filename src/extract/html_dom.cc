#include "html_dom.h"

#include <gumbo.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "html_dom_internal.h"
#include "pressekarte/text.h"

namespace pk::html {

namespace {

void* arena_alloc(void* userdata, size_t n) { return static_cast<Arena*>(userdata)->allocate(n); }
void arena_free(void*, void*) {}

bool is_void_or_optional_end(std::string_view t) {
  static constexpr std::string_view kTags[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr",
      "td", "th", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head",
      "body", "frame", "basefont", "bgsound", "image", "menuitem", "!doctype"};
  for (std::string_view k : kTags)
    if (t == k) return true;
  return false;
}

bool is_raw_text_tag(std::string_view t) {
  return t == "script" || t == "style" || t == "textarea" || t == "title" || t == "xmp" ||
         t == "noscript" || t == "iframe" || t == "noembed" || t == "noframes" || t == "plaintext";
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Case-insensitive search for "</tag" from `from`; returns npos if absent.
std::size_t find_end_tag(std::string_view s, std::string_view tag, std::size_t from) {
  while (true) {
    std::size_t p = s.find("</", from);
    if (p == std::string_view::npos) return p;
    bool match = p + 2 + tag.size() <= s.size();
    for (std::size_t k = 0; match && k < tag.size(); ++k) match = lower(s[p + 2 + k]) == tag[k];
    if (match) return p;
    from = p + 2;
  }
}

}  // namespace

std::string_view Arena::copy(std::string_view s) {
  if (s.empty()) return {};  // memcpy from a null view would be undefined
  char* p = static_cast<char*>(allocate(s.size() + 1));
  if (!p) return {};
  std::memcpy(p, s.data(), s.size());
  return std::string_view(p, s.size());
}

// Gumbo can emit invalid UTF-8 (an overflowing numeric character reference such as
// "&#22222222222;"): such strings are replaced by a sanitised copy in the arena.
std::string_view valid_copy(std::string_view s, Arena& arena) {
  if (is_valid_utf8(s)) return s;
  return arena.copy(sanitize_utf8(s));
}


namespace {

// Length of the invisible character at `p` (at least one byte before `end`), or 0.
// Soft hyphens (U+00AD) and zero-width characters (U+200B-U+200D, U+2060, U+FEFF) are
// invisible hyphenation and joining hints: "réac&shy;tion" reads, and must match, as "réaction".
std::size_t invisible_at(const unsigned char* p, const unsigned char* end) {
  if (p[0] == 0xC2) return end - p >= 2 && p[1] == 0xAD ? 2 : 0;
  if (end - p < 3) return 0;
  if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x8B || p[2] == 0x8C || p[2] == 0x8D)) return 3;
  if (p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0xA0) return 3;
  if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) return 3;
  return 0;
}

// Length of the well-formed UTF-8 sequence starting with the non-ASCII byte at `p`, or 0
// (overlong forms, surrogates and code points above U+10FFFF are ill-formed).
std::size_t utf8_sequence(const unsigned char* p, const unsigned char* end) {
  auto cont = [](unsigned char c) { return (c & 0xC0) == 0x80; };
  std::ptrdiff_t left = end - p;
  unsigned char c = p[0];
  if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(p[1]) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !cont(p[1]) || !cont(p[2])) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3])) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

std::string_view strip_invisible(std::string_view s, Arena& arena) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const auto* e = b + s.size();
  const unsigned char* p = b;
  while (p < e && !(*p >= 0x80 && invisible_at(p, e))) ++p;
  if (p == e) return s;
  std::string out(s.substr(0, static_cast<std::size_t>(p - b)));
  while (p < e) {
    if (std::size_t n = *p >= 0x80 ? invisible_at(p, e) : 0) {
      p += n;
    } else {
      out += static_cast<char>(*p++);
    }
  }
  return arena.copy(out);
}

// One pass over the text: ASCII runs are skipped eight bytes at a time; only non-ASCII
// sequences are validated and checked for invisible characters. Most text needs no copy.
std::string_view clean_text(std::string_view s, Arena& arena) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const auto* e = b + s.size();
  const unsigned char* p = b;
  bool invisible = false;
  while (p < e) {
    if (e - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        p += 8;
        continue;
      }
    }
    if (*p < 0x80) {
      ++p;
      continue;
    }
    std::size_t n = utf8_sequence(p, e);
    if (n == 0) return strip_invisible(arena.copy(sanitize_utf8(s)), arena);
    invisible = invisible || invisible_at(p, e) != 0;
    p += n;
  }
  return invisible ? strip_invisible(s, arena) : s;
}

std::string_view valid_text(std::string_view s, Arena& arena) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const auto* e = b + s.size();
  for (const unsigned char* p = b; p < e;) {
    if (*p < 0x80) {
      ++p;
    } else if (std::size_t n = utf8_sequence(p, e)) {
      p += n;
    } else {
      return arena.copy(sanitize_utf8(s));
    }
  }
  return s;
}

bool flatten_deep_nesting(std::string_view s, std::uint32_t max_depth, std::string* out,
                          bool drop_scripts) {
  std::vector<std::pair<std::size_t, std::size_t>> dropped;  // [begin, end) byte ranges
  std::int64_t depth = 0;
  std::string name;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t lt = s.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= s.size()) break;
    i = lt + 1;
    if (s.compare(lt, 4, "<!--") == 0) {
      std::size_t e = s.find("-->", lt + 4);
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    bool closing = s[i] == '/';
    if (closing) ++i;
    if (i >= s.size() || !std::isalpha(static_cast<unsigned char>(s[i]))) continue;
    name.clear();
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-' ||
                            s[i] == ':'))
      name.push_back(lower(s[i++]));
    std::size_t gt = s.find('>', i);
    std::size_t tag_end = gt == std::string_view::npos ? s.size() : gt + 1;
    bool self_closing = gt != std::string_view::npos && gt > 0 && s[gt - 1] == '/';
    i = tag_end;
    if (!closing && is_raw_text_tag(name)) {
      std::size_t e = find_end_tag(s, name, i);
      std::size_t content_end = e == std::string_view::npos ? s.size() : e;
      // Script and style bodies are never read (except JSON-LD): skipping them here spares
      // gumbo's byte-by-byte tokenizer most of a modern page.
      if (drop_scripts && (name == "style" || name == "script") && content_end - i > 64) {
        std::string_view open_tag = s.substr(lt, tag_end - lt);
        bool json_ld = false;
        for (std::size_t k = 0; k + 8 <= open_tag.size() && !json_ld; ++k)
          json_ld = lower(open_tag[k]) == 'l' && lower(open_tag[k + 1]) == 'd' && open_tag[k + 2] == '+' &&
                    lower(open_tag[k + 3]) == 'j';
        if (!json_ld) dropped.emplace_back(i, content_end);
      }
      // <noscript> content is raw text for a browser with scripting on (HTML5 spec), never
      // shown. Both parsers read it as markup, so "<noscript><div></noscript>" left a <div>
      // open that libxml2 would not close at </noscript>: the rest of the page became
      // invisible noscript content. Dropped here, up to its end tag (kept if there is none).
      if (drop_scripts && name == "noscript" && e != std::string_view::npos && e > i)
        dropped.emplace_back(i, e);
      i = content_end;
      continue;
    }
    if (is_void_or_optional_end(name) || self_closing) continue;
    if (closing) {
      if (depth > static_cast<std::int64_t>(max_depth)) dropped.emplace_back(lt, tag_end);
      depth = std::max<std::int64_t>(0, depth - 1);
    } else {
      ++depth;
      if (depth > static_cast<std::int64_t>(max_depth)) dropped.emplace_back(lt, tag_end);
    }
  }
  if (dropped.empty()) return false;
  out->clear();
  out->reserve(s.size());
  std::size_t pos = 0;
  for (auto [b, e] : dropped) {
    out->append(s.substr(pos, b - pos));
    pos = e;
  }
  out->append(s.substr(pos));
  return true;
}

bool is_invisible_tag(std::string_view t) {
  return t == "script" || t == "style" || t == "noscript" || t == "template" || t == "svg" ||
         t == "math" || t == "iframe" || t == "object" || t == "embed" || t == "canvas" ||
         t == "head" || t == "title" || t == "select" || t == "textarea" || t == "button" ||
         t == "input" || t == "option";
}

namespace {

HtmlParser build_time_default() {
#ifdef PK_HTML_PARSER_DEFAULT_GUMBO
  HtmlParser p = HtmlParser::kGumbo;
#else
  HtmlParser p = HtmlParser::kLibxml2;
#endif
  if (const char* env = std::getenv("PK_HTML_PARSER")) {
    std::string_view e = env;
    if (e == "gumbo") p = HtmlParser::kGumbo;
    if (e == "libxml2") p = HtmlParser::kLibxml2;
  }
  return p;
}

std::atomic<HtmlParser>& default_parser_slot() {
  static std::atomic<HtmlParser> slot{build_time_default()};
  return slot;
}

}  // namespace

HtmlParser default_html_parser() { return default_parser_slot().load(std::memory_order_relaxed); }

void set_default_html_parser(HtmlParser parser) {
  if (parser == HtmlParser::kDefault) parser = build_time_default();
  default_parser_slot().store(parser, std::memory_order_relaxed);
}

const char* html_parser_name(HtmlParser parser) {
  if (parser == HtmlParser::kDefault) parser = default_html_parser();
  return parser == HtmlParser::kLibxml2 ? "libxml2" : "gumbo";
}

Result<Document> Document::parse(std::string_view input, const ParseOptions& options) {
  if (input.size() > options.max_bytes) input = input.substr(0, options.max_bytes);
  std::string flattened;
  if (flatten_deep_nesting(input, options.max_depth, &flattened, /*drop_scripts=*/true)) input = flattened;
  HtmlParser parser = options.parser == HtmlParser::kDefault ? default_html_parser() : options.parser;
  return parser == HtmlParser::kLibxml2 ? parse_libxml2(input) : parse_gumbo(input);
}

Result<Document> Document::parse_gumbo(std::string_view input) {
  auto arena = std::make_shared<Arena>();
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.allocator = arena_alloc;
  gopts.deallocator = arena_free;
  gopts.userdata = arena.get();
  gopts.max_errors = 0;  // error records cost time and memory; we never read them
  GumboOutput* out = gumbo_parse_with_options(&gopts, input.data(), input.size());
  if (!out || !out->document) return Status::internal("html parser returned no document");

  Document doc;
  doc.arena_ = arena;
  doc.nodes_.reserve(input.size() / 40 + 16);
  doc.nodes_.push_back(Node{Node::Kind::kDocument, {}, {}, 0, 0, kNoNode, kNoNode, kNoNode, 0});

  // Iterative copy: (gumbo node, our parent id). Children pushed in reverse so they are visited
  // (and therefore linked) in document order.
  struct Item {
    const GumboNode* g;
    NodeId parent;
  };
  std::vector<Item> stack;
  std::vector<NodeId> last_child(1, kNoNode);
  const GumboVector& top = out->document->v.document.children;
  for (unsigned k = top.length; k-- > 0;)
    stack.push_back({static_cast<const GumboNode*>(top.data[k]), 0});
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const GumboNode* g = it.g;
    Node n;
    n.parent = it.parent;
    n.depth = doc.nodes_[it.parent].depth + 1;
    const GumboVector* children = nullptr;
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      const GumboElement& e = g->v.element;
      n.kind = Node::Kind::kElement;
      if (e.tag != GUMBO_TAG_UNKNOWN) {
        n.tag = gumbo_normalized_tagname(e.tag);
      } else {
        GumboStringPiece piece = e.original_tag;
        gumbo_tag_from_original_text(&piece);
        // original_tag points into the input, which does not outlive parse(): copy, lower-cased.
        std::size_t len = piece.data ? piece.length : 0;
        char* copy = static_cast<char*>(arena->allocate(len + 1));
        if (copy) {
          for (std::size_t k = 0; k < len; ++k) copy[k] = lower(piece.data[k]);
          n.tag = std::string_view(copy, len);
        }
      }
      n.attr_begin = static_cast<std::uint32_t>(doc.attrs_.size());
      n.attr_count = e.attributes.length;
      for (unsigned a = 0; a < e.attributes.length; ++a) {
        // The tokenizer lower-cases attribute names already.
        const auto* at = static_cast<const GumboAttribute*>(e.attributes.data[a]);
        doc.attrs_.emplace_back(valid_copy(at->name ? at->name : "", *arena),
                                valid_text(at->value ? at->value : "", *arena));
      }
      children = &e.children;
    } else if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
               g->type == GUMBO_NODE_CDATA) {
      n.kind = Node::Kind::kText;
      n.text = g->v.text.text ? g->v.text.text : "";
      n.text = clean_text(n.text, *arena);
    } else {
      continue;  // comments
    }
    NodeId id = static_cast<NodeId>(doc.nodes_.size());
    doc.nodes_.push_back(std::move(n));
    last_child.push_back(kNoNode);
    Node& parent = doc.nodes_[it.parent];
    if (last_child[it.parent] == kNoNode) {
      parent.first_child = id;
    } else {
      doc.nodes_[last_child[it.parent]].next_sibling = id;
    }
    last_child[it.parent] = id;
    if (children) {
      for (unsigned k = children->length; k-- > 0;)
        stack.push_back({static_cast<const GumboNode*>(children->data[k]), id});
    }
  }
  // `out` lives in the arena; nothing else to free.
  return doc;
}

std::string_view Document::attr(NodeId id, std::string_view name) const {
  for (const Attr* a = attrs_begin(id); a != attrs_end(id); ++a)
    if (a->first == name) return a->second;
  return {};
}

bool Document::has_attr(NodeId id, std::string_view name) const {
  for (const Attr* a = attrs_begin(id); a != attrs_end(id); ++a)
    if (a->first == name) return true;
  return false;
}

NodeId Document::next_in_subtree(NodeId id, NodeId scope) const {
  if (nodes_[id].first_child != kNoNode) return nodes_[id].first_child;
  return skip_subtree(id, scope);
}

NodeId Document::skip_subtree(NodeId id, NodeId scope) const {
  while (id != scope && id != kNoNode) {
    if (nodes_[id].next_sibling != kNoNode) return nodes_[id].next_sibling;
    id = nodes_[id].parent;
  }
  return kNoNode;
}

std::string Document::text_of(NodeId id) const {
  std::string out;
  if (nodes_[id].kind == Node::Kind::kText) return std::string(nodes_[id].text);
  for (NodeId n = nodes_[id].first_child; n != kNoNode;) {
    const Node& nd = nodes_[n];
    if (nd.kind == Node::Kind::kText) {
      out += nd.text;
    } else if (nd.kind == Node::Kind::kElement && is_invisible_tag(nd.tag) && nd.tag != "title") {
      n = skip_subtree(n, id);
      continue;
    } else if (nd.tag == "br") {
      out += '\n';
    }
    n = next_in_subtree(n, id);
  }
  return out;
}

NodeId Document::find_first(std::string_view tag, NodeId from) const {
  for (NodeId n = from; n < nodes_.size(); ++n)
    if (nodes_[n].tag == tag) return n;
  return kNoNode;
}

}  // namespace pk::html
