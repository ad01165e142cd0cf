// Atom (RFC 4287 with GeoRSS-Simple points) and JSON Feed 1.1 for any article query.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pressekarte/store.h"

namespace pk::serve {

struct FeedInfo {
  std::string title;     // "Pressekarte: Nachrichten aus Fulda"
  std::string self_url;  // absolute URL of this feed
  std::string page_url;  // absolute URL of the matching map/region page
  std::string base_url;  // "http://host:port", for article links without a web URL
};

std::string atom_feed(const FeedInfo& info, const std::vector<StoredArticle>& items);
nlohmann::json json_feed(const FeedInfo& info, const std::vector<StoredArticle>& items);

// Text safe inside XML 1.0 element content and attribute values: & < > " ' escaped, control
// characters that XML forbids (and invalid UTF-8) dropped.
std::string xml_escape(std::string_view s);

}  // namespace pk::serve
