// The HTML reader's full result, for tools that need more than the Article (the evaluation
// driver): the body in reading order, with subheadings where they stood.
#pragma once

#include <string>

#include "pressekarte/extract.h"
#include "pressekarte/model.h"
#include "pressekarte/status.h"

namespace pk::html {

struct HtmlExtraction {
  Article article;
  // Lead (when it came from the page body), paragraphs and subheadings in document order,
  // joined by "\n\n": what a reader sees as the article text.
  std::string body_in_order;
  std::string charset;  // the encoding the page was read in
};

Result<HtmlExtraction> extract_html_detailed(const RawDocument& doc, const ExtractOptions& options);

// True if `html` looks like a fragment (no <html>, <head>, <body> or doctype near the start).
bool looks_like_fragment(std::string_view html);

}  // namespace pk::html
