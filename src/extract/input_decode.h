// Turning a document's raw bytes into UTF-8 text, shared by every extractor.
#pragma once

#include <string>
#include <string_view>

#include "pressekarte/status.h"

namespace pk {

// Decodes `bytes` to well-formed UTF-8. Order of evidence: a BOM (UTF-8/16), valid UTF-8 as is,
// the charset in `content_type` ("text/html; charset=windows-1252"), uchardet's guess, and finally
// Windows-1252. Conversion uses glibc iconv; anything still invalid becomes U+FFFD.
// Errors: invalid_argument naming `source` for empty/blank input and binary data (NUL bytes or
// control characters in more than 1 % of the first 64 KiB).
Result<std::string> decode_to_utf8(std::string_view bytes, std::string_view content_type,
                                   std::string_view source);

// Charset name from a Content-Type value ("text/html; charset="utf-8"" → "utf-8"), or "".
std::string charset_from_content_type(std::string_view content_type);

// Converts `bytes` from `charset` (an iconv name) to UTF-8; false if iconv does not know the
// charset or the bytes are not valid in it.
bool convert_charset(std::string_view bytes, std::string_view charset, std::string& out);

}  // namespace pk
