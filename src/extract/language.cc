#include "language.h"

#include <cld2/public/compact_lang_det.h>

#include "pressekarte/text.h"

namespace pk {

std::string detect_language(std::string_view utf8_text, std::string_view fallback) {
  // CLD2 reads past nothing but requires valid UTF-8 for its fast path; sanitise a bounded prefix.
  std::string_view prefix = utf8_text.substr(0, 64 * 1024);
  std::string repaired;
  if (!is_valid_utf8(prefix)) {
    repaired = sanitize_utf8(prefix);
    prefix = repaired;
  }
  if (prefix.empty()) return std::string(fallback);
  std::string_view text = prefix;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(text.data(), static_cast<int>(text.size()),
                                                      /*is_plain_text=*/true, &reliable, &valid_prefix);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return std::string(fallback);
  // Short texts (titles, one-line items) are often "unreliable" but right; accept CLD2's answer
  // when there is no fallback to prefer.
  if (!reliable && !fallback.empty()) return std::string(fallback);
  std::string code = CLD2::LanguageCode(lang);
  // CLD2 uses a few non-ISO-639-1 codes ("zh-Hant", "sr-ME"): keep the primary subtag.
  if (auto dash = code.find('-'); dash != std::string::npos) code.resize(dash);
  return code;
}

}  // namespace pk
