// Character encodings of containers (feed XML declarations, HTTP charsets) → UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "pressekarte/status.h"

namespace pk::ingest {

// Converts `bytes` in `charset` (any name iconv knows; "latin1", "windows-1252", "utf-16" …) to
// UTF-8. UTF-8 input is sanitized (invalid bytes → U+FFFD). Unknown charset → unsupported error.
Result<std::string> to_utf8(std::string_view bytes, std::string_view charset);

// The charset parameter of a Content-Type header ("text/html; charset=ISO-8859-1" → "iso-8859-1").
std::string charset_of(std::string_view content_type);
// The media type without parameters, lower-cased ("text/html").
std::string media_type_of(std::string_view content_type);

// Encoding named in an XML declaration (<?xml … encoding="…"?>), lower-cased, or "".
std::string xml_declared_encoding(std::string_view head);

// "utf-16le"/"utf-16be"/"utf-8" from a byte-order mark, or "".
std::string bom_encoding(std::string_view head);

// True if the text contains HTML markup (a tag like <p>, <br/>, <a href…> or an entity).
bool looks_like_html(std::string_view s);
// Markup removed, common entities decoded, white space collapsed (for hints such as a lead).
std::string html_to_plain(std::string_view s);

}  // namespace pk::ingest
