// Extract: reading one RawDocument as an editor would — title, lead, dateline, body,
// subheadings, captions with photo credits, agency, author, date, language.
#pragma once

#include <string>

#include "pressekarte/model.h"
#include "pressekarte/status.h"

namespace pk {

struct ExtractOptions {
  // Language to assume when detection is unsure ("" = detect only). Default: "".
  std::string language_hint;
};

// Extracts the article from a document of format "crawl-text", "html", "text" or "article".
// Converts any input encoding to UTF-8. Errors: invalid_argument for a document with no
// readable text (empty, binary), naming doc.source.
Result<Article> extract_article(const RawDocument& doc, const ExtractOptions& options = {});

// Fills Article::content_hash from the normalised title and text (stable across runs).
void compute_content_hash(Article& article);

}  // namespace pk
