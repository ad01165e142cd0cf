#include "text_features.h"

#include <algorithm>
#include <array>
#include <limits>
#include <unordered_set>

#include "pressekarte/text.h"

namespace pk::stories {
namespace {

// ASCII letters and digits, and any non-ASCII letter (other scripts still tokenise); Unicode
// punctuation and symbols („“ – … « » € ©, U+FFFD) separate words.
bool is_word_codepoint(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false;     // Latin-1 punctuation, × ÷
  if (c >= 0x2000 && c <= 0x2BFF) return false;              // general punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303F) return false;              // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if (c >= 0xFF00 && c <= 0xFF0F) return false;              // fullwidth punctuation
  if (c == 0xFFFD || c == 0xFEFF) return false;
  return true;
}

// Frequent German and English function words of four or more letters (folded spelling).
const std::unordered_set<std::string_view>& stop_words() {
  static const std::unordered_set<std::string_view> kWords = {
      "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "anderen", "andere",
      "auch", "auf", "aus", "beim", "bereits", "bisher", "bitte", "damit", "dann", "darauf",
      "daran", "darf", "darum", "dass", "dabei", "davon", "dazu", "denn", "deren", "derzeit",
      "dessen", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "durch",
      "eine", "einem", "einen", "einer", "eines", "einige", "einigen", "etwa", "etwas", "euro",
      "gegen", "gibt", "habe", "haben", "hatte", "hatten", "heute", "hier", "hieß", "hiess",
      "ihre", "ihrem", "ihren", "ihrer", "immer", "jahr", "jahre", "jahren", "jetzt", "kann",
      "kein", "keine", "koennen", "konnte", "konnten", "mehr", "mehrere", "muss", "muessen",
      "nach", "nicht", "noch", "nun", "oder", "ohne", "rund", "sagte", "sagt", "schon", "sehr",
      "sein", "seine", "seinem", "seinen", "seiner", "seit", "sich", "sie", "sind", "soll",
      "sollen", "sollte", "sowie", "ueber", "unter", "viele", "vielen", "vier", "vom", "von",
      "wann", "warum", "weil", "weitere", "weiteren", "wenn", "werde", "werden", "wieder",
      "will", "wird", "wurde", "wurden", "zwei", "drei", "zwischen", "heisst", "uhr", "prozent",
      "about", "after", "also", "been", "from", "have", "into", "more", "said", "some", "than",
      "that", "their", "them", "there", "they", "this", "were", "what", "when", "which",
      "while", "will", "with", "would", "your"};
  return kWords;
}

std::uint32_t h32(std::uint64_t h) { return static_cast<std::uint32_t>(mix64(h) >> 32); }

}  // namespace

std::uint64_t mix64(std::uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

std::uint64_t hash64(std::string_view s) {  // FNV-1a, then mixed
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return mix64(h);
}

std::vector<std::string> fold_words(std::string_view text) {
  std::string folded = fold_for_match(text);
  std::vector<std::string> words;
  std::string cur;
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t start = i;
    char32_t cp = next_codepoint(folded, i);
    if (is_word_codepoint(cp)) {
      cur.append(folded, start, i - start);
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::vector<std::uint32_t> shingle_hashes(const std::vector<std::string>& words, int n) {
  std::vector<std::uint64_t> wh(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) wh[i] = hash64(words[i]);
  std::vector<std::uint32_t> out;
  if (words.empty()) return out;
  std::size_t len = std::min<std::size_t>(static_cast<std::size_t>(n), words.size());
  out.reserve(words.size() - len + 1);
  for (std::size_t i = 0; i + len <= words.size(); ++i) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (std::size_t j = 0; j < len; ++j) h = mix64(h ^ (wh[i + j] + j));
    out.push_back(h32(h));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::uint32_t> content_word_hashes(const std::vector<std::string>& words) {
  const auto& stops = stop_words();
  std::vector<std::uint32_t> out;
  for (const auto& w : words) {
    if (w.size() < 4 || stops.count(w)) continue;
    if (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    std::size_t cut = 6;
    // Do not cut inside a multi-byte UTF-8 sequence.
    while (cut < w.size() && (static_cast<unsigned char>(w[cut]) & 0xC0) == 0x80) ++cut;
    out.push_back(h32(hash64(std::string_view(w).substr(0, cut))));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::uint32_t> bottom_k(const std::vector<std::uint32_t>& sorted, std::size_t k) {
  if (sorted.size() <= k) return sorted;
  return std::vector<std::uint32_t>(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k));
}

Overlap estimate_overlap(const std::uint32_t* a, std::size_t na, std::size_t total_a,
                         const std::uint32_t* b, std::size_t nb, std::size_t total_b) {
  Overlap o;
  if (total_a == 0 || total_b == 0 || na == 0 || nb == 0) return o;
  // A truncated sketch is complete up to its largest value; compare below both limits.
  constexpr std::uint32_t kAll = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t limit_a = na < total_a ? a[na - 1] : kAll;
  std::uint32_t limit_b = nb < total_b ? b[nb - 1] : kAll;
  std::uint32_t limit = std::min(limit_a, limit_b);
  std::size_t i = 0, j = 0, inter = 0, uni = 0;
  while ((i < na && a[i] <= limit) || (j < nb && b[j] <= limit)) {
    bool ai = i < na && a[i] <= limit, bj = j < nb && b[j] <= limit;
    if (ai && bj && a[i] == b[j]) {
      ++inter, ++uni, ++i, ++j;
    } else if (ai && (!bj || a[i] < b[j])) {
      ++uni, ++i;
    } else {
      ++uni, ++j;
    }
  }
  if (uni == 0) return o;
  o.jaccard = static_cast<double>(inter) / static_cast<double>(uni);
  double est_inter = o.jaccard * static_cast<double>(total_a + total_b) / (1.0 + o.jaccard);
  o.containment = std::min(1.0, est_inter / static_cast<double>(std::min(total_a, total_b)));
  return o;
}

std::vector<std::uint32_t> oph_signature(const std::vector<std::uint32_t>& sorted, int bins) {
  constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> sig(static_cast<std::size_t>(bins), kEmpty);
  if (sorted.empty()) return sig;
  for (std::uint32_t h : sorted) {
    // Re-hash so the bin and the in-bin order are independent of the sketch order.
    std::uint64_t m = mix64(h + 0x632be59bd9b4e019ULL);
    std::size_t bin = static_cast<std::size_t>((m >> 32) * static_cast<std::uint64_t>(bins) >> 32);
    std::uint32_t v = static_cast<std::uint32_t>(m);
    if (v < sig[bin]) sig[bin] = v;
  }
  // Rotation densification: an empty bin borrows the next filled bin's value, offset by the
  // distance so that two texts agree only if they borrow from the same place.
  std::vector<std::uint32_t> out(sig);
  for (int b = 0; b < bins; ++b) {
    if (sig[static_cast<std::size_t>(b)] != kEmpty) continue;
    for (int t = 1; t < bins; ++t) {
      std::uint32_t v = sig[static_cast<std::size_t>((b + t) % bins)];
      if (v != kEmpty) {
        out[static_cast<std::size_t>(b)] = static_cast<std::uint32_t>(mix64(v + static_cast<std::uint64_t>(t)));
        break;
      }
    }
  }
  return out;
}

int parse_day(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return -1;
  auto num = [&](std::size_t pos, std::size_t len) {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
  // Days from civil (Howard Hinnant's algorithm).
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = static_cast<unsigned>((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

}  // namespace pk::stories
