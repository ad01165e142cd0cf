// Main-content extraction: finds the article body in a page full of navigation, teasers, ads,
// comments and cookie banners, and returns it as ordered text blocks plus figure captions.
//
// Readability-style: boilerplate subtrees are dropped by tag, ARIA role, visibility and
// class/id hints; paragraph-like blocks score their ancestors (text length, commas, link
// density, class hints, <article>/<main>/itemprop=articleBody); the best container and its
// good siblings are read block by block, and link-heavy or list-like clutter inside is removed.
#pragma once

#include <string>
#include <vector>

#include "html_dom.h"
#include "pressekarte/model.h"

namespace pk::html {

struct Block {
  enum class Kind { kParagraph, kHeading, kListItem, kQuote, kPre, kCell };
  Kind kind = Kind::kParagraph;
  int heading_level = 0;    // 1..6 for headings
  std::string text;         // white space collapsed
  bool lead_hint = false;   // class/id says lead/intro/teaser/summary
};

struct ContentOptions {
  // Treat the whole document as the article (an HTML fragment such as RSS content:encoded).
  // Default false; extract_html sets it when the input has no <html>/<body>/<head>.
  bool fragment = false;
  // The page's own summary (meta description), or "". A paragraph before the chosen content
  // that opens with it is the visible teaser and is read as the first block. Default "".
  std::string summary;
};

struct Content {
  std::vector<Block> blocks;      // in document order
  std::vector<Image> images;      // figures inside the content: caption + credit split
  std::size_t text_chars = 0;     // total characters in blocks
  // Positions in `blocks` where dropped boilerplate (a link list, a removed box) stood: a
  // heading right before one ("Mehr zum Thema") introduced the boilerplate.
  std::vector<std::size_t> blocks_before_gap;
};

Content extract_content(const Document& doc, const ContentOptions& options = {});

}  // namespace pk::html
