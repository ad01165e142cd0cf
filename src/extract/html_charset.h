// Turning the bytes of an HTML page into UTF-8 before parsing.
#pragma once

#include <string>
#include <string_view>

namespace pk::html {

struct DecodedHtml {
  std::string utf8;     // always valid UTF-8
  std::string charset;  // what was used, lower-case ("utf-8", "windows-1252", …)
  std::string how;      // "bom" | "utf-8-valid" | "http" | "meta" | "detected" | "fallback"
};

// Order: BOM; bytes that are valid UTF-8 (mislabelled pages are common, and valid UTF-8 with
// non-ASCII bytes is almost never another encoding); the HTTP Content-Type charset; <meta charset>
// or <meta http-equiv=Content-Type> in the first 8 KB; uchardet; windows-1252.
// ISO-8859-1 and US-ASCII labels mean windows-1252 (as in the HTML standard). Invalid sequences
// become U+FFFD. Never fails.
DecodedHtml decode_html_bytes(std::string_view bytes, std::string_view content_type);

// The charset label in a Content-Type value ("text/html; charset=ISO-8859-1" → "iso-8859-1"),
// lower-case, or "".
std::string charset_from_content_type(std::string_view content_type);
// The charset declared by a <meta> tag in the first `limit` bytes, lower-case, or "".
std::string charset_from_meta(std::string_view html, std::size_t limit = 8192);

}  // namespace pk::html
