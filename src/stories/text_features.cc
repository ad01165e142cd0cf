#include "text_features.h"

#include <algorithm>
#include <array>
#include <cstdio>
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
  FoldedWords f;
  fold_into(text, f);
  std::vector<std::string> words;
  words.reserve(f.spans.size());
  for (auto v : f.views()) words.emplace_back(v);
  return words;
}

std::vector<std::string_view> FoldedWords::views() const {
  std::vector<std::string_view> v;
  v.reserve(spans.size());
  for (auto [off, len] : spans) v.emplace_back(text.data() + off, len);
  return v;
}

void fold_into(std::string_view in, FoldedWords& out) {
  std::string& t = out.text;
  constexpr std::size_t kNone = std::string::npos;
  std::size_t start = kNone;
  auto word_char = [&](std::string_view bytes) {
    if (start == kNone) start = t.size();
    t.append(bytes);
  };
  auto end_word = [&] {
    if (start == kNone) return;
    out.spans.emplace_back(static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(t.size() - start));
    start = kNone;
  };
  for (std::size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        const char lower = static_cast<char>(c + 32);
        word_char(std::string_view(&lower, 1));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word_char(in.substr(i, 1));
      } else {
        end_word();
      }
      ++i;
      continue;
    }
    // A run of non-ASCII bytes: UTF-8 sequences never contain ASCII bytes, so folding the run
    // alone gives what folding the whole text would.
    std::size_t j = i;
    while (j < in.size() && static_cast<unsigned char>(in[j]) >= 0x80) ++j;
    const std::string folded = fold_for_match(in.substr(i, j - i));
    for (std::size_t k = 0; k < folded.size();) {
      const std::size_t s = k;
      if (is_word_codepoint(next_codepoint(folded, k))) {
        word_char(std::string_view(folded).substr(s, k - s));
      } else {
        end_word();
      }
    }
    i = j;
  }
  end_word();
}

std::vector<std::uint32_t> shingle_hashes(const std::vector<std::string>& words, int n) {
  return shingle_hashes(std::vector<std::string_view>(words.begin(), words.end()), n);
}

std::vector<std::uint32_t> content_word_hashes(const std::vector<std::string>& words) {
  return content_word_hashes(std::vector<std::string_view>(words.begin(), words.end()));
}

std::vector<std::uint32_t> shingle_hashes(const std::vector<std::string_view>& words, int n) {
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

std::vector<std::uint32_t> content_word_hashes(const std::vector<std::string_view>& words) {
  const auto& stops = stop_words();
  std::vector<std::uint32_t> out;
  for (const auto& w : words) {
    if (w.size() < 4 || stops.count(w)) continue;
    if (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    std::size_t cut = 6;
    // Do not cut inside a multi-byte UTF-8 sequence.
    while (cut < w.size() && (static_cast<unsigned char>(w[cut]) & 0xC0) == 0x80) ++cut;
    out.push_back(h32(hash64(w.substr(0, cut))));
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

SketchProbe::SketchProbe(const std::uint32_t* a, std::size_t na, std::size_t total_a)
    : a_(a), na_(na), total_a_(total_a) {
  for (std::size_t i = 0; i < na; ++i) bits_[(a[i] >> 6) & 63] |= std::uint64_t{1} << (a[i] & 63);
}

Overlap SketchProbe::estimate(const std::uint32_t* b, std::size_t nb, std::size_t total_b) const {
  Overlap o;
  if (total_a_ == 0 || total_b == 0 || na_ == 0 || nb == 0) return o;
  constexpr std::uint32_t kAll = std::numeric_limits<std::uint32_t>::max();
  const std::uint32_t limit_a = na_ < total_a_ ? a_[na_ - 1] : kAll;
  const std::uint32_t limit_b = nb < total_b ? b[nb - 1] : kAll;
  const std::uint32_t limit = std::min(limit_a, limit_b);
  std::size_t nb_le = 0, inter = 0;
  for (; nb_le < nb && b[nb_le] <= limit; ++nb_le) {
    const std::uint32_t v = b[nb_le];
    if ((bits_[(v >> 6) & 63] >> (v & 63)) & 1) inter += std::binary_search(a_, a_ + na_, v);
  }
  const std::size_t na_le = static_cast<std::size_t>(std::upper_bound(a_, a_ + na_, limit) - a_);
  const std::size_t uni = na_le + nb_le - inter;
  if (uni == 0) return o;
  o.jaccard = static_cast<double>(inter) / static_cast<double>(uni);
  double est_inter = o.jaccard * static_cast<double>(total_a_ + total_b) / (1.0 + o.jaccard);
  o.containment = std::min(1.0, est_inter / static_cast<double>(std::min(total_a_, total_b)));
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

std::string iso_day(int day) {  // civil_from_days (Howard Hinnant's algorithm)
  const int z = day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int y = static_cast<int>(yoe) + era * 400 + (m <= 2);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

}  // namespace pk::stories
