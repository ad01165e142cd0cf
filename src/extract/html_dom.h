// A small, flat, read-only DOM built by one of two HTML parsers behind this interface.
//
// libxml2's HTML parser (the default: SAX events straight into our nodes, ~2.5x the speed of
// gumbo; HTML4-era rules for misnested markup, e.g. no <tbody> inserted, no foster parenting)
// or gumbo (HTML5 tree construction). Both scored the same on the extraction gold sets. The tree is one vector
// of nodes (parent / first child / next sibling indices), parser memory is released at once (an
// arena), and every walk over the tree is iterative, so a page of a million nested elements
// cannot exhaust the stack. Input is assumed to be UTF-8 (see html_charset.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pressekarte/status.h"

namespace pk::html {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

// Strings are views into memory owned by the Document (valid as long as it lives).
struct Node {
  enum class Kind : std::uint8_t { kDocument, kElement, kText };
  Kind kind = Kind::kElement;
  std::string_view tag;   // lower-case element name ("div"); empty for text and the document
  std::string_view text;  // decoded character data (text nodes only; also raw script/style content)
  std::uint32_t attr_begin = 0, attr_count = 0;  // range in Document::attrs()
  NodeId parent = kNoNode;
  NodeId first_child = kNoNode;
  NodeId next_sibling = kNoNode;
  std::uint32_t depth = 0;
};

// Which parser builds the Document. kDefault means default_html_parser().
enum class HtmlParser : std::uint8_t { kDefault, kGumbo, kLibxml2 };

// The process-wide default: the build-time choice (CMake PK_DEFAULT_HTML_PARSER, libxml2 unless
// set to gumbo), unless
// the environment variable PK_HTML_PARSER=gumbo|libxml2 (read once, for evaluations and
// benchmarks) or set_default_html_parser() says otherwise. Thread-safe.
HtmlParser default_html_parser();
void set_default_html_parser(HtmlParser parser);
const char* html_parser_name(HtmlParser parser);

struct ParseOptions {
  // The parser. Default: default_html_parser().
  HtmlParser parser = HtmlParser::kDefault;
  // Elements nested deeper than this are flattened (their tags dropped, their text kept) before
  // the parser sees the input: both parsers' scope checks cost O(depth) per tag. Default 400.
  std::uint32_t max_depth = 400;
  // Bytes of input read at most; the rest is ignored. Default 16 MiB.
  std::size_t max_bytes = 16u << 20;
};

class Arena;

class Document {
 public:
  using Attr = std::pair<std::string_view, std::string_view>;  // name lower-case, value decoded

  // Parses UTF-8 HTML (a whole page or a fragment). Never fails on malformed HTML; an error only
  // for input the parser cannot represent at all.
  static Result<Document> parse(std::string_view utf8, const ParseOptions& options = {});

  NodeId root() const { return 0; }
  std::size_t size() const { return nodes_.size(); }
  const Node& node(NodeId id) const { return nodes_[id]; }
  bool is(NodeId id, std::string_view tag) const { return nodes_[id].tag == tag; }
  // Value of attribute `name` (lower-case) or "" if absent.
  std::string_view attr(NodeId id, std::string_view name) const;
  bool has_attr(NodeId id, std::string_view name) const;
  // The attributes of element `id`.
  const Attr* attrs_begin(NodeId id) const { return attrs_.data() + nodes_[id].attr_begin; }
  const Attr* attrs_end(NodeId id) const { return attrs_begin(id) + nodes_[id].attr_count; }
  // All descendant text of `id` concatenated (script/style/noscript/template excluded).
  std::string text_of(NodeId id) const;
  // First element with this tag in document order, or kNoNode.
  NodeId find_first(std::string_view tag, NodeId from = 0) const;
  // Node after `id` in document order, staying inside the subtree of `scope`; kNoNode at the end.
  NodeId next_in_subtree(NodeId id, NodeId scope) const;
  // Like next_in_subtree but does not descend into `id`'s children.
  NodeId skip_subtree(NodeId id, NodeId scope) const;

 private:
  static Result<Document> parse_gumbo(std::string_view utf8);
  static Result<Document> parse_libxml2(std::string_view utf8);  // html_dom_libxml2.cc

  std::vector<Node> nodes_;
  std::vector<Attr> attrs_;
  std::shared_ptr<Arena> arena_;  // the memory the views point into (and gumbo's parse tree)
};

// Whether `tag` is an element whose text is never visible content.
bool is_invisible_tag(std::string_view tag);

// Drops start/end tags nested deeper than `max_depth` (their text stays) and, if `drop_scripts`,
// the bodies of <script> (except JSON-LD), <style> and <noscript>, writing the result to *out
// and returning true; returns false (and leaves *out alone) when there was nothing to drop.
// A cheap tag scan, not a parser: tags whose end tag is optional (p, li, td …) are not counted.
bool flatten_deep_nesting(std::string_view html, std::uint32_t max_depth, std::string* out,
                          bool drop_scripts = false);

}  // namespace pk::html
