// Extract: reading one RawDocument as an editor would — title, lead, dateline, body,
// subheadings, captions with photo credits, agency, author, date, language.
#pragma once

#include <string>
#include <string_view>

#include "pressekarte/model.h"
#include "pressekarte/status.h"

namespace pk {

struct ExtractOptions {
  // Language to assume when detection is unsure ("" = detect only). Default: "".
  std::string language_hint;
  // Format "text" only: keep the body verbatim as `text` (no title, dateline or agency detection;
  // paragraphs = blank-line separated blocks), so offsets into `text` are offsets into the
  // input. Default: false.
  bool verbatim_text = false;
  // Crawl-text and HTML readers alike: subheadings also stand in `paragraphs` (and so in `text`)
  // at their place in the body, as the issue reads ("paragraphs: body paragraphs, lead
  // excluded") and the seed's expected.json needs (>= 12 paragraphs); they are always listed in
  // `subheadings` as well. Keeping them in
  // the text also lets the geoparser see places named in them. false: running text only.
  // Default: true.
  bool subheadings_in_body = true;
};

// Extracts the article from a document of format "crawl-text", "html", "text" or "article"
// ("" or "auto": guessed from the content — a " date YYYY-MM-DD" first line, a JSON object,
// markup near the start, else plain text; ingest's detect_format is the fuller detector).
// Converts any input encoding to UTF-8. Errors: invalid_argument for a document with no
// readable text (empty, binary), naming doc.source.
Result<Article> extract_article(const RawDocument& doc, const ExtractOptions& options = {});

// Fills Article::content_hash from the normalised title and text (stable across runs).
void compute_content_hash(Article& article);

}  // namespace pk
