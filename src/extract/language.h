// Language identification (CLD2) for extracted articles.
#pragma once

#include <string>
#include <string_view>

namespace pk {

// ISO 639-1 code ("de", "en", …) of the dominant language of `utf8_text`, or `fallback` when
// CLD2 is not reliable (too little text, mixed languages). Invalid UTF-8 is tolerated. Only the
// first 64 KiB are examined. Thread-safe.
std::string detect_language(std::string_view utf8_text, std::string_view fallback = "");

}  // namespace pk
