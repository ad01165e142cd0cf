// How the CLI writes stored articles for scripts and analysts: JSON Lines (the extract/geoparse
// fields plus store ids), GeoJSON features (RFC 7946, one point per placed article) and CSV
// rows (RFC 4180).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "pressekarte/store.h"

namespace pk::cli {

// The article as `geoparse` prints it, plus "id" and "story_id".
nlohmann::json stored_article_json(const StoredArticle& a);

// A GeoJSON Feature with the focus point as geometry; false (and `out` untouched) when the
// article has no focus point.
bool stored_article_feature(const StoredArticle& a, nlohmann::json& out);

// The CSV columns of csv_row(), in order.
const std::vector<std::string>& csv_columns();
// One CSV record (with the line break) for the article.
std::string csv_row(const StoredArticle& a);
// One CSV field, quoted when it needs it. A field that a spreadsheet would run as a formula
// (starting with = + - @, a tab or a carriage return) gets a leading apostrophe (OWASP's advice
// against CSV injection): article text is untrusted.
std::string csv_field(std::string_view value);

}  // namespace pk::cli
