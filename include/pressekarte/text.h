// UTF-8 helpers shared by every stage. All functions are total: any byte sequence is accepted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pk {

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);
// Replaces each invalid byte with U+FFFD and drops NUL bytes; valid input is returned unchanged.
std::string sanitize_utf8(std::string_view s);
// Windows-1252 / ISO-8859-1 bytes to UTF-8.
std::string latin1_to_utf8(std::string_view s);
// Number of code points in valid UTF-8 (each invalid byte counts as one).
std::size_t codepoint_count(std::string_view s);
// Byte offset of code point number `cp` (clamped to s.size()).
std::size_t byte_offset_of_codepoint(std::string_view s, std::size_t cp);
// Decodes the code point at byte offset i and advances i; invalid bytes yield U+FFFD.
char32_t next_codepoint(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);
// Collapses runs of Unicode/ASCII white space to one space and trims both ends.
std::string collapse_whitespace(std::string_view s);
// to_lower_simple(collapse_whitespace(s)) in one pass (the form used to compare texts).
std::string collapse_whitespace_lower(std::string_view s);
// Lower-cases ASCII letters only (HTTP headers, charset names, tag names); other bytes unchanged.
std::string ascii_lower(std::string_view s);
// Trims ASCII white space (space, \t, \n, \v, \f, \r) from both ends.
std::string_view trim_ascii(std::string_view s);
// Lower-cases ASCII and the German/Latin-1 letters (Ä→ä, …); other bytes unchanged.
std::string to_lower_simple(std::string_view s);
// Lower-case and fold umlauts/ß/accents to ASCII ("Straße"→"strasse", "Köln"→"koeln" when
// `german_expand`, else "koln").
std::string fold_for_match(std::string_view s, bool german_expand = true);

}  // namespace pk
