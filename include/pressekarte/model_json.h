// JSON forms of the model structs: the CLI's JSON Lines, the API, the JSONL reader.
#pragma once

#include <nlohmann/json.hpp>

#include "pressekarte/model.h"

namespace pk {

nlohmann::json to_json(const Image& image);
nlohmann::json to_json(const Article& article);
nlohmann::json to_json(const PlaceMention& place);
// The article's fields plus "places" and "focus" (the focus place object, or null).
nlohmann::json to_json(const Article& article, const GeoparseResult& geo);
nlohmann::json geo_to_json(const GeoparseResult& geo);  // {"places": [...], "focus": {...}|null}

// Parses the to_json(Article) form back; unknown keys are ignored, missing ones left empty.
Article article_from_json(const nlohmann::json& j);
PlaceMention place_from_json(const nlohmann::json& j);

}  // namespace pk
