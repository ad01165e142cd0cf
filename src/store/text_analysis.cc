#include "text_analysis.h"

#include <libstemmer.h>

#include <functional>
#include <memory>
#include <cstdint>
#include <vector>

#include "pressekarte/text.h"

namespace pk::store {

namespace {

bool is_word_cp(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, currency, arrows, math, symbols
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  if (c == 0xFFFD || c == 0xFEFF) return false;
  if (c >= 0x1F000) return false;  // emoji and pictographs
  return true;
}

char32_t lower_cp(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F) {
    // Latin Extended-A alternates upper/lower, with an offset block between 0x139 and 0x148.
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
    if (c == 0x178) return 0xFF;
    return (c % 2 == 0 && c != 0x138) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

// ASCII replacement for a lower-case Latin letter with a diacritic; nullptr to keep it.
const char* fold_cp(char32_t c) {
  if (c < 0xDF) return nullptr;
  if (c <= 0xFF) {
    static const char* const kLatin1[] = {
        "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // DF..EF
        "d",  "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};  // F0..FF
    return kLatin1[c - 0xDF];
  }
  if (c >= 0x100 && c <= 0x17F) {
    // Base letter of each Latin Extended-A code point (lower-case entries matter after lower_cp).
    static const char kBase[] =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    if (c == 0x153) return "oe";
    if (c == 0x133) return "ij";
    static thread_local char one[2] = {0, 0};
    std::size_t i = c - 0x100;
    if (i < sizeof(kBase) - 1) {
      one[0] = kBase[i];
      return one;
    }
  }
  return nullptr;
}

// Open-addressing cache of stems: one probe usually lands on the slot holding the hash, so a hit
// costs one cache miss instead of the bucket + node (+ key) misses of std::unordered_map, which
// dominated ingest profiles. Power-of-two size (mask, no division), linear probing, cleared when
// half full (no deletions, so probing stays simple).
class StemCache {
 public:
  // nullptr when absent; the pointer stays valid until the next insert().
  const std::string* find(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = h & kMask;; i = (i + 1) & kMask) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && s.key == key) return &s.value;
    }
  }
  const std::string& insert(std::string_view key, std::uint64_t h, std::string value) {
    if (slots_.empty() || used_ >= kSlots / 2) {
      slots_.clear();
      slots_.resize(kSlots);
      used_ = 0;
    }
    std::size_t i = h & kMask;
    while (slots_[i].hash != 0) i = (i + 1) & kMask;
    Slot& s = slots_[i];
    s.hash = h;
    s.key.assign(key);
    s.value = std::move(value);
    ++used_;
    return s.value;
  }
  static std::uint64_t hash(std::string_view key) {
    return std::hash<std::string_view>{}(key) | 1;  // 0 marks an empty slot
  }

 private:
  static constexpr std::size_t kSlots = std::size_t{1} << 18;  // 131,072 words before a clear
  static constexpr std::size_t kMask = kSlots - 1;
  struct Slot {
    std::uint64_t hash = 0;
    std::string key, value;
  };
  std::vector<Slot> slots_;  // allocated on first use (English is often never needed)
  std::size_t used_ = 0;
};

// Snowball stemmers are not thread-safe: one set per thread, with a cache of recent words
// (news vocabulary is Zipfian, so most words hit).
class Stemmers {
 public:
  Stemmers()
      : german_(sb_stemmer_new("german", "UTF_8"), &sb_stemmer_delete),
        english_(sb_stemmer_new("english", "UTF_8"), &sb_stemmer_delete) {}

  const std::string& stem(std::string_view lower, bool german) {
    auto& cache = german ? german_cache_ : english_cache_;
    std::uint64_t h = StemCache::hash(lower);
    if (const std::string* hit = cache.find(lower, h)) return *hit;  // no allocation on hits
    return cache.insert(lower, h, fold_word(compute(lower, german)));
  }

 private:
  std::string compute(std::string_view lower, bool german) {
    sb_stemmer* s = german ? german_.get() : english_.get();
    if (s == nullptr || lower.size() > 64) return std::string(lower);
    for (char ch : lower)
      if (ch >= '0' && ch <= '9') return std::string(lower);  // numbers, codes: keep as written
    const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(lower.data()),
                                           static_cast<int>(lower.size()));
    if (out == nullptr) return std::string(lower);
    return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(s));
  }

  std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> german_, english_;
  StemCache german_cache_, english_cache_;
};

Stemmers& stemmers() {
  static thread_local Stemmers s;
  return s;
}

}  // namespace

Lang lang_from_code(std::string_view code) {
  if (code.size() >= 2 && (code.substr(0, 2) == "de" || code.substr(0, 2) == "DE")) return Lang::kGerman;
  if (code.size() >= 2 && (code.substr(0, 2) == "en" || code.substr(0, 2) == "EN")) return Lang::kEnglish;
  return Lang::kBoth;
}

void split_words(std::string_view text, const std::function<void(Word)>& on_word) {
  std::size_t i = 0, start = 0;
  bool in_word = false;
  while (i < text.size()) {
    std::size_t at = i;
    char32_t c = next_codepoint(text, i);
    bool w = is_word_cp(c);
    if (w && !in_word) {
      start = at;
      in_word = true;
    } else if (!w && in_word) {
      on_word(Word{start, at});
      in_word = false;
    }
  }
  if (in_word) on_word(Word{start, text.size()});
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  split_words(text, [&](Word w) { out.emplace_back(text.substr(w.begin, w.end - w.begin)); });
  return out;
}

namespace {

// lower_word into a caller's buffer, so the per-token path reuses one allocation.
void lower_into(std::string_view word, std::string& out) {
  out.clear();
  out.reserve(word.size());
  bool ascii = true;
  for (char ch : word) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (ascii) {
    for (char ch : word) out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
    return;
  }
  for (std::size_t i = 0; i < word.size();) {
    char32_t c = next_codepoint(word, i);
    if (c < 0x80) {
      out += static_cast<char>(lower_cp(c));
    } else {
      append_utf8(out, lower_cp(c));
    }
  }
}

}  // namespace

std::string lower_word(std::string_view word) {
  std::string out;
  lower_into(word, out);
  return out;
}

std::string fold_word(std::string_view lower) {
  bool ascii = true;
  for (char ch : lower)
    if (static_cast<unsigned char>(ch) >= 0x80) ascii = false;
  if (ascii) return std::string(lower);
  std::string out;
  out.reserve(lower.size());
  for (std::size_t i = 0; i < lower.size();) {
    char32_t c = next_codepoint(lower, i);
    if (const char* f = fold_cp(c)) {
      out += f;
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

void terms_of_word(std::string_view word, Lang lang, std::string* german, std::string* english) {
  static thread_local std::string lower;
  lower_into(word, lower);
  german->clear();
  english->clear();
  if (lang != Lang::kEnglish) *german = stemmers().stem(lower, true);
  if (lang != Lang::kGerman) {
    const std::string& e = stemmers().stem(lower, false);
    if (lang == Lang::kEnglish || e != *german) *english = e;
  }
}

std::string term_of_word(std::string_view word, Lang lang) {
  std::string g, e;
  terms_of_word(word, lang == Lang::kBoth ? Lang::kGerman : lang, &g, &e);
  return lang == Lang::kEnglish ? e : g;
}

}  // namespace pk::store
