// Recognition: which capitalised token sequences are place names here.
//
// Candidates come from the gazetteer's key index (longest match, exact then folded). Each
// candidate span gets an evidence score from the name itself (kind, population, whether it is a
// dictionary word) and from its context (prepositions, trigger nouns, datelines, persons,
// streets, organisations); spans scoring below zero are dropped.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "geoparse_internal.h"
#include "pressekarte/text.h"

namespace pk::geo {
namespace {

constexpr std::size_t kMaxWindowTokens = 14;
// A place at least this big "says" or "said" as its government does ("Moscow said"): no person.
constexpr std::int64_t kMetonymyPopulation = 100000;

std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += ch;
    }
  }
  return out;
}

struct Ctx {
  const GazetteerIndex& idx;
  Doc& doc;
  const DocSegment& seg;
  std::uint32_t seg_no;
  bool dateline_field;
  std::string_view tok(std::size_t i) const { return seg.toks[i].text(seg.text); }
  std::string fw(std::size_t i) const { return folded_word(tok(i)); }
};

// Best prior of a hit's candidates: how strongly the name alone says "place".
double name_prior(const GazetteerIndex& idx, std::span<const Candidate> cands, bool* strong) {
  double best = -1;
  *strong = false;
  for (std::size_t k = 0; k < cands.size() && k < 64; ++k) {
    const auto& c = cands[k];
    const PlaceRecord& r = idx.record(c.place);
    auto kind = static_cast<PlaceKind>(r.kind);
    double p;
    bool weak_name = (c.how & (kHowPrimary | kHowAscii | kHowGerman | kHowEnglish | kHowAbbrev)) == 0;
    if (strong_kind(kind)) {
      p = weak_name ? 1.5 : 3.0;
      if (!weak_name) *strong = true;
    } else if (kind == PlaceKind::kAdmin2 || kind == PlaceKind::kRegion) {
      p = weak_name ? 1.0 : 2.0;
    } else {
      double pop = static_cast<double>(std::max<std::int64_t>(r.population, 0));
      p = pop >= 1e6 ? 3.0 : pop >= 1e5 ? 2.0 : pop >= 2e4 ? 1.0 : pop >= 5e3 ? 0.5 : 0.0;
      if (weak_name) p -= 0.5;
    }
    best = std::max(best, p);
  }
  return best;
}

bool hit_has_place_kind(const GazetteerIndex& idx, std::span<const Candidate> cands) {
  for (const auto& c : cands) {
    auto k = static_cast<PlaceKind>(idx.record(c.place).kind);
    if (k != PlaceKind::kOther) return true;
  }
  return !cands.empty();
}

// End (exclusive token index) of the hyphen compound starting at word token i ("Berlin-Kreuzberg",
// "US-Präsident", "Kurt-Schumacher-Straße"); i+1 when the word stands alone.
std::size_t compound_end(const std::vector<Token>& t, std::size_t i) {
  std::size_t j = i + 1;
  while (j + 1 < t.size() && t[j].is_punct('-') && t[j].is(kTokGluedPrev) &&
         t[j + 1].is(kTokGluedPrev) && (t[j + 1].word() || t[j + 1].kind == TokKind::kNumber)) {
    j += 2;
  }
  return j;
}

// Longest gazetteer key starting at token i, ending at or before `limit`. Returns the end token
// (exclusive) or i when nothing matched.
std::size_t longest_match(const Ctx& x, std::size_t i, std::size_t limit, KeyHit* out) {
  const auto& t = x.seg.toks;
  std::size_t best_end = i;
  std::size_t words = 0;
  const std::size_t max_words = std::max<std::size_t>(1, std::min<std::size_t>(x.idx.max_key_words(), 8));
  // May token j continue a name that started at i?
  auto continues = [&](std::size_t j) {
    if (j >= t.size() || j >= limit || j >= i + kMaxWindowTokens) return false;
    const Token& tj = t[j];
    if (tj.is(kTokLineStart)) return false;
    if (tj.kind == TokKind::kPunct) {
      char32_t p = tj.punct;
      return p == '-' || p == '.' || p == '(' || p == ')' || p == '\'' || p == '/';
    }
    if (tj.word() && !tj.is(kTokCap) && !tj.is(kTokGluedPrev) &&
        (tj.b1 - tj.b0 > 5 || !is_name_connector(x.fw(j))))
      return false;
    return true;
  };
  for (std::size_t j = i; j < t.size() && j < limit && j < i + kMaxWindowTokens; ++j) {
    const Token& tj = t[j];
    if (j > i && !continues(j)) break;
    if (tj.kind != TokKind::kPunct && (!tj.is(kTokGluedPrev) || j == i)) {
      if (++words > max_words) break;
    }
    std::string sur = collapse(x.seg.text.substr(t[i].b0, tj.b1 - t[i].b0));
    std::string folded = fold_key(sur);
    bool can_end = tj.kind != TokKind::kPunct || tj.punct == ')' || tj.punct == '.';
    if (can_end) {
      // Folded first: most tokens are no key at all, and one miss is cheaper than two.
      KeyHit hit = x.idx.find_folded(folded);
      if (hit.found) {
        KeyHit exact = x.idx.find_exact(sur);
        if (exact.found) hit = exact;
      } else if (t[i].is(kTokAllCaps) || (t[i].is(kTokCap) && t[i].c1 - t[i].c0 == 1)) {
        // Abbreviations are exact-only keys ("NSW", "DRC"); dotted ones ("U.K.", "B.C.") are
        // tried without their dots as well.
        hit = x.idx.find_exact(sur);
        if (!hit.found && j > i && sur.find('.') != std::string::npos) {
          std::string undotted;
          for (char ch : sur)
            if (ch != '.') undotted += ch;
          hit = x.idx.find_exact(undotted);
        }
      }
      if (hit.found && !hit.candidates.empty()) {
        best_end = j + 1;
        *out = hit;
      }
    }
    if (!continues(j + 1) || !x.idx.has_folded_prefix(folded)) break;
  }
  // "U.K.", "B.C.": a dotted abbreviation keeps its final dot.
  if (best_end > i + 1 && best_end < t.size() && t[best_end].is_punct('.') && t[best_end].is(kTokGluedPrev) &&
      t[best_end - 1].word() && t[best_end - 1].c1 - t[best_end - 1].c0 == 1 && t[best_end - 2].is_punct('.'))
    ++best_end;
  return best_end;
}

bool is_lower_word(const Token& t) { return t.word() && !t.is(kTokCap); }

bool looks_like_adjective(std::string_view folded) {
  auto ends = [&](std::string_view suf) {
    return folded.size() > suf.size() + 2 &&
           folded.compare(folded.size() - suf.size(), suf.size(), suf) == 0;
  };
  return ends("e") || ends("en") || ends("er") || ends("es") || ends("em");
}

// Index of the previous word token before token i (skipping quotes), or -1.
long prev_word(const std::vector<Token>& t, std::size_t i) {
  long k = static_cast<long>(i) - 1;
  while (k >= 0 && t[k].kind == TokKind::kPunct && t[k].punct == '"') --k;
  if (k >= 0 && t[k].kind != TokKind::kPunct) return k;
  return -1;
}

void note(const Ctx& x, Mention& m, std::string_view what, double delta) {
  m.evidence += delta;
  if (x.doc.explain) {
    if (!m.why.empty()) m.why += ", ";
    m.why += std::string(what);
    char buf[32];
    std::snprintf(buf, sizeof buf, " %+.1f", delta);
    m.why += buf;
  }
}

// "Gov. Charlie Crist", "Jason Terrell Jones", "Mrs. Lincoln", "coach Ripley": a title or a given
// name among the (up to three) capitalised words and initials right before token i.
bool person_name_before(const Ctx& x, std::size_t i) {
  const auto& t = x.seg.toks;
  std::size_t k = i;
  for (int words = 0; k > 0 && words < 3;) {
    const Token& p = t[k - 1];
    if (p.is(kTokLineStart) && !p.word()) break;
    if (p.is_punct('.') && k >= 2 && t[k - 2].word() && t[k - 2].b1 - t[k - 2].b0 <= 4) {
      --k;  // "Gov.", "Sgt.", "D."
      continue;
    }
    if (!p.word()) break;
    std::string w = x.fw(k - 1);
    if (is_person_title(w) && w != "st" && w != "saint" &&
        (p.is(kTokCap) || (x.doc.lang == Lang::kEn && is_role_noun_en(w))))
      return true;
    if (!p.is(kTokCap)) break;
    if (is_first_name(w)) return true;
    if (p.is(kTokLineStart)) break;
    ++words;
    --k;
  }
  return false;
}

// "Chad Walker", "Tanya Campbell", "Warren Buffett": a one-word name that is a frequent given
// name, right before a capitalised word that is neither a place nor an organisation or street
// word, is a person's first name ("Dallas Cowboys", "Jackson Street", "Virginia Beach" are not).
bool given_name_then_surname(const Ctx& x, const Mention& m) {
  const auto& t = x.seg.toks;
  if (m.t1 != m.t0 + 1 || m.t1 >= t.size() || m.dateline) return false;
  const Token& n = t[m.t1];
  if (!n.word() || !n.is(kTokCap) || n.is(kTokAllCaps) || n.is(kTokSentStart) || n.is(kTokLineStart) ||
      n.is(kTokGluedPrev))
    return false;
  if (!is_first_name(x.fw(m.t0))) return false;
  std::string nw = x.fw(m.t1);
  if (is_org_word_en(nw) || is_street_word(nw) || is_place_trigger_noun(nw) || is_calendar_word(nw))
    return false;
  static constexpr std::string_view kSchoolWords[] = {"elementary", "junior", "senior", "high",
                                                      "middle", "primary", "public", "area"};
  for (std::string_view w : kSchoolWords)
    if (nw == w) return false;
  KeyHit h = x.idx.find(x.tok(m.t1));
  if (h.found) {
    for (const Candidate& c : h.candidates) {
      const PlaceRecord& r = x.idx.record(c.place);
      if (strong_kind(static_cast<PlaceKind>(r.kind)) || r.population >= 100000) return false;
    }
  }
  return true;
}

// "Flores, 26, had …", "Müller (45)": a name followed by an age is a person.
bool age_apposition(const Ctx& x, const Mention& m) {
  const auto& t = x.seg.toks;
  std::size_t j = m.t1;
  if (j + 2 >= t.size() || t[j + 1].kind != TokKind::kNumber || t[j + 1].b1 - t[j + 1].b0 > 2) return false;
  // Not "Berlin, 12. Mai" (a dateline): the English comma form only.
  if (t[j].is_punct(',')) return x.doc.lang == Lang::kEn && t[j + 2].is_punct(',');
  return t[j].is_punct('(') && t[j + 2].is_punct(')') && x.doc.lang != Lang::kEn;
}

// English prepositions after which a name is a place rather than a person or company ("in",
// "near"); "to", "from", "at", "with" also take persons ("according to Jones").
bool strong_place_preposition_en(std::string_view w) {
  return w == "in" || w == "near" || w == "outside" || w == "across" || w == "throughout" ||
         w == "into" || w == "within" || w == "around" || w == "nearby" || w == "toward" ||
         w == "towards";
}

// Scores a candidate mention from its name and context.
void score(const Ctx& x, Mention& m, bool multiword, bool genitive) {
  const auto& t = x.seg.toks;
  const Lang lang = x.doc.lang;
  const Token& first = t[m.t0];
  bool strong = false;
  double prior = name_prior(x.idx, m.cands, &strong);
  note(x, m, "name prior", prior);
  const std::uint32_t f = m.key_flags;
  const bool lex_known = (f & kFlagLexiconsMissing) == 0;
  if (multiword) note(x, m, "multi-word name", 1.5);
  if (genitive) note(x, m, "inflected form", -0.5);
  const bool sent_start = first.is(kTokSentStart);
  if (!multiword && lex_known && !strong) {
    if (lang != Lang::kEn) {
      if (f & kFlagDeExact) note(x, m, "German dictionary word", -0.5);
      if ((f & kFlagDeLower) && (sent_start || lang == Lang::kUnknown))
        note(x, m, "German lower-case word", -3.0);
      else if (f & kFlagDeLower)
        note(x, m, "German lower-case word", -0.5);
    }
    if (lang != Lang::kDe) {
      if (f & kFlagEnLower) note(x, m, "English common word", sent_start ? -3.0 : -1.5);
    }
  }
  bool all_weak = true, any_home = false;
  std::int64_t max_pop = 0;
  for (const auto& c : m.cands) {
    const PlaceRecord& r = x.idx.record(c.place);
    if (c.how & (kHowPrimary | kHowAscii | kHowGerman | kHowEnglish | kHowAbbrev)) all_weak = false;
    std::string_view cc = x.idx.str(r.country);
    if (lang == Lang::kDe ? (cc == "DE" || cc == "AT" || cc == "CH" || cc == "LI" || cc == "LU")
                          : (cc == "US" || cc == "GB" || cc == "CA" || cc == "AU" || cc == "IE"))
      any_home = true;
    max_pop = std::max(max_pop, r.population);
  }
  if (!multiword && all_weak) note(x, m, "only an alternate name", -1.0);
  if (!multiword && !strong && lang == Lang::kDe && !any_home && max_pop < 100000)
    note(x, m, "small place abroad in German text", -1.5);
  const bool trigger_before = [&] {
    long pw = prev_word(t, m.t0);
    return pw >= 0 && is_place_trigger_noun(x.fw(pw));
  }();
  if (!multiword && lang != Lang::kEn && !strong && !trigger_before && !m.dateline &&
      m.hints.empty() && is_bare_noun_de(x.fw(m.t0)))
    note(x, m, "German common noun", -4.0);
  if (!multiword && !strong && sent_start && lang == Lang::kEn && !first.is(kTokLineStart))
    note(x, m, "sentence start", -0.5);
  std::string_view s0 = x.tok(m.t0);
  if (!multiword && first.is(kTokAllCaps) && s0.size() <= 4) {
    bool abbrev_ok = false;
    const bool framed = m.t0 > 0 && (t[m.t0 - 1].is_punct('(') || t[m.t0 - 1].is_punct(',') ||
                                      t[m.t0 - 1].is_punct('/'));
    for (const auto& c : m.cands) {
      auto k = static_cast<PlaceKind>(x.idx.record(c.place).kind);
      if (k == PlaceKind::kCountry && (c.how & (kHowAbbrev | kHowCode | kHowGerman | kHowEnglish | kHowPrimary)))
        abbrev_ok = true;
      // State abbreviations ("NI", "BY", "TX") only where they qualify: "(NI)", ", TX".
      if (k == PlaceKind::kAdmin1 && framed && (c.how & (kHowAbbrev | kHowPrimary))) abbrev_ok = true;
      // Three-letter state abbreviations of the text's own countries are unambiguous enough
      // ("NRW", "RLP").
      std::string_view cc = x.idx.str(x.idx.record(c.place).country);
      if (k == PlaceKind::kAdmin1 && (c.how & kHowAbbrev) && s0.size() >= 3 && lang == Lang::kDe &&
          (cc == "DE" || cc == "AT" || cc == "CH"))
        abbrev_ok = true;
      // English: three-letter state abbreviations ("NSW", "QLD"); two letters are words too
      // ("IN", "OR", "ME").
      if (k == PlaceKind::kAdmin1 && (c.how & kHowAbbrev) && s0.size() >= 3 && lang == Lang::kEn)
        abbrev_ok = true;
    }
    if (!abbrev_ok) note(x, m, "acronym", -4.0);
    // "SC Freiburg", "SV Werder": in German text a bare two-/three-letter acronym that only
    // names something abroad is a club or party prefix, not a US state.
    if (!abbrev_ok && lang == Lang::kDe && !any_home) note(x, m, "foreign acronym in German text", -3.0);
  }
  m.strong = strong;
  if (!multiword && codepoint_count(m.surface) <= 2 && !first.is(kTokAllCaps)) note(x, m, "very short", -2.0);
  const std::string w0 = x.fw(m.t0);
  if (!multiword && is_calendar_word(w0)) note(x, m, "month/weekday", -5.0);
  if (!multiword && is_known_non_place(w0)) note(x, m, "well-known non-place name", -5.0);
  if (!multiword && !strong && lang != Lang::kDe && m.t1 < t.size() && t[m.t1].is_punct('.') &&
      t[m.t1].is(kTokGluedPrev) && s0.size() <= 4 && m.t1 + 1 < t.size() && t[m.t1 + 1].is(kTokCap) &&
      !t[m.t1 + 1].is(kTokLineStart))
    note(x, m, "abbreviation (\"Sen.\", \"Nov.\")", -3.0);
  if (!multiword && !strong &&
      (is_place_preposition(w0, Lang::kUnknown) || is_determiner(w0) || is_name_connector(w0)))
    note(x, m, "function word", -5.0);
  if (!multiword && is_first_name(w0) && m.t1 < t.size() && t[m.t1].word() && t[m.t1].is(kTokCap) &&
      !is_place_trigger_noun(x.fw(m.t1)))
    note(x, m, "given name followed by a name", -3.0);

  // Left context.
  long p = prev_word(t, m.t0);
  if (p >= 0 && !t[m.t0].is(kTokLineStart)) {
    std::string pw = x.fw(p);
    const Token& tp = t[p];
    if (is_place_trigger_noun(pw) && (lang != Lang::kEn || !tp.is(kTokCap))) {
      // English triggers are lower-case ("the city of …"); "City Council" is a name.
      note(x, m, "after trigger noun", 3.0);
    } else if (is_place_preposition(pw, lang)) {
      note(x, m, "after place preposition", pw == "of" || pw == "von" || pw == "zu" ? 1.0 : 2.0);
      // "in Flores' honor", "into Bell's back": a possessive after the name says person.
      const bool possessive = m.t1 < t.size() && t[m.t1].is_punct('\'') && t[m.t1].is(kTokGluedPrev);
      m.place_cue = lang == Lang::kEn ? strong_place_preposition_en(pw) && !possessive
                                      : pw != "of" && pw != "von" && pw != "zu";
    } else if (is_first_name(pw) && tp.is(kTokCap)) {
      note(x, m, "after a given name", -5.0);
      m.person_cue = true;
    } else if (is_person_title(pw) && (tp.is(kTokCap) || (lang == Lang::kEn && is_role_noun_en(pw))) &&
               !(pw == "st" || pw == "saint")) {
      note(x, m, "after a title", -4.0);
      m.person_cue = true;
    } else if (pw == "said" || pw == "says" || pw == "sagte" || pw == "sagt") {
      note(x, m, "after 'said'", -2.0);
      // Not "said Rock Hill City Manager Carey Smith": the name modifies what follows.
      const bool modifier = m.t1 < t.size() && t[m.t1].word() && t[m.t1].is(kTokCap);
      m.person_cue = !strong && max_pop < kMetonymyPopulation && !modifier;
    } else if (is_determiner(pw)) {
      bool area = strong || (multiword && is_place_trigger_noun(w0));
      // Regions, and the rivers, lakes, islands and mountains of the name tables (kind "other"),
      // take an article in German: "die Weser", "der Bodensee", "den Harz".
      for (std::size_t k = 0; k < m.cands.size() && k < 8 && !area; ++k) {
        auto ck = static_cast<PlaceKind>(x.idx.record(m.cands[k].place).kind);
        area = ck == PlaceKind::kRegion || ck == PlaceKind::kOther;
      }
      // English capitalises names only, so "the Atlanta area" is still a place; German
      // capitalises every noun, so "das Essen" is food.
      note(x, m, "after a determiner", area ? -0.5 : lang == Lang::kEn ? -1.0 : -3.0);
      m.common_cue = lang != Lang::kEn &&
                     !(pw == "im" || pw == "am" || pw == "zum" || pw == "zur" || pw == "beim" || pw == "vom");
    } else if (lang != Lang::kEn && is_lower_word(tp) && looks_like_adjective(pw) && !strong) {
      note(x, m, "after an adjective", -2.0);
      m.common_cue = true;
    } else if (lang != Lang::kEn && tp.is(kTokCap) && !strong && pw.size() > 4 &&
               pw.compare(pw.size() - 2, 2, "er") == 0 && !x.idx.find(x.tok(p)).found) {
      // "Marschlinger Hof", "Frankfurter Straße", "Bocholter Stadtteil": a place adjective
      // modifies this noun.
      note(x, m, "after a place adjective", -3.0);
    } else if (lang == Lang::kEn && tp.is(kTokCap) && !tp.is(kTokSentStart) && !tp.is(kTokAllCaps)) {
      // "Chiquita Raquel Henry", "George Washington": part of a longer proper name.
      KeyHit ph = x.idx.find(x.tok(p));
      if (!ph.found) note(x, m, "after a capitalised non-place word", -3.0);
      // "United Russia", "United Georgia Party": a party or movement named after the country
      // ("United States", "United Kingdom" are names of their own and never reach here).
      if (strong && !multiword && x.fw(p) == "united") {
        note(x, m, "after 'United'", -6.0);
        m.common_cue = true;
      }
    }
  }
  if (m.t0 >= 3 && t[m.t0 - 1].is_punct('.') && t[m.t0 - 2].word() && t[m.t0 - 2].c1 - t[m.t0 - 2].c0 == 1 &&
      t[m.t0 - 2].is(kTokCap) && t[m.t0 - 3].word() && t[m.t0 - 3].is(kTokCap) && !strong) {
    note(x, m, "after a middle initial", -4.0);
    m.person_cue = true;
  }
  // German capitalises every noun, so a run of capitalised words says little there.
  if (!m.person_cue && !strong && lang == Lang::kEn && person_name_before(x, m.t0)) {
    note(x, m, "part of a person's name", -4.0);
    m.person_cue = true;
  }
  if (!m.person_cue && !strong && lang == Lang::kEn && given_name_then_surname(x, m)) {
    note(x, m, "a given name before a surname", -4.0);
    m.person_cue = true;
  }
  if (!m.person_cue && !strong && age_apposition(x, m)) {
    note(x, m, "followed by an age", -4.0);
    m.person_cue = true;
  }
  // "Stevens & Wilkinson", "Procter & Gamble": a firm.
  if ((m.t1 < t.size() && t[m.t1].is_punct('&')) || (m.t0 > 0 && t[m.t0 - 1].is_punct('&'))) {
    note(x, m, "next to '&'", -5.0);
    m.common_cue = true;
  }
  if (multiword && is_known_non_place_phrase(fold_key(m.surface))) {
    note(x, m, "well-known non-place name", -6.0);
    m.common_cue = true;
  }
  // Lists: "Japan, China und Südkorea".
  if (!x.doc.mentions.empty()) {
    const Mention& last = x.doc.mentions.back();
    if (last.seg == x.seg_no && last.t1 + 1 == m.t0 && last.evidence >= 0) {
      const Token& sep = t[last.t1];
      if (sep.is_punct(',') || sep.is_punct('/')) note(x, m, "in a list of places", 1.0);
    }
    if (last.seg == x.seg_no && last.t1 + 1 == m.t0 && t[last.t1].word()) {
      std::string c = x.fw(last.t1);
      if (c == "und" || c == "and" || c == "oder" || c == "or" || c == "sowie")
        note(x, m, "in a list of places", 1.0);
    }
  }
  // Right context.
  if (m.t1 < t.size()) {
    const Token& n = t[m.t1];
    if (n.word()) {
      std::string nw = x.fw(m.t1);
      if (is_street_word(nw) && n.is(kTokCap)) note(x, m, "before a street word", -6.0);
      // Place names inside organisation names count as mentions in the gold sets ("Dublin City
      // Council", "Polizei Fulda"): only a weak penalty.
      // "Werder Bremen", "Union Berlin": a dictionary word right before a place name is the
      // first word of a (club) name, not a town of its own.
      if (lang != Lang::kEn && !multiword && !strong && (m.key_flags & kFlagDeExact) &&
          (m.key_flags & kFlagLexiconsMissing) == 0 && n.is(kTokCap) && !n.is(kTokLineStart) &&
          !n.is(kTokGluedPrev) && !is_place_trigger_noun(nw) && x.idx.find(x.tok(m.t1)).found)
        note(x, m, "dictionary word before a place name", -4.0);
      if (lang != Lang::kDe && n.is(kTokCap) && is_org_word_en(nw))
        note(x, m, "before an organisation word", -1.0);
      else if (lang == Lang::kEn && n.is(kTokCap) && !n.is(kTokAllCaps) && !multiword && !strong &&
               !is_place_trigger_noun(nw)) {
        KeyHit nh = x.idx.find(x.tok(m.t1));
        if (!nh.found) note(x, m, "before a capitalised non-place word", -1.0);
      }
      if (!strong && (nw == "said" || nw == "says" || nw == "told" || nw == "added" || nw == "sagte")) {
        note(x, m, "before 'said'", -2.0);
        // "Moscow said", "Tbilisi says": big cities speak for their governments.
        m.person_cue = m.person_cue || max_pop < kMetonymyPopulation;
      }
    }
  }
  if (m.dateline) note(x, m, "dateline", 5.0);
}

// Dateline shapes at the start of a line: "Tokio.\n", "Fulda (ots) -", "WASHINGTON (AP) —",
// "KONSTANZ -", "Berlin/Hamburg (dpa) -". Also fills qualifier hints "(Kr. Fulda)".
bool dateline_shape(const Ctx& x, const Mention& m) {
  const auto& t = x.seg.toks;
  if (x.dateline_field) return true;
  if (!t[m.t0].is(kTokLineStart)) {
    std::size_t k = m.t0, words = 0;
    while (k > 0 && !t[k].is(kTokLineStart)) {
      --k;
      if (!t[k].word() || !t[k].is(kTokCap) || ++words > 2) return false;
    }
    if (m.t1 >= t.size() || !t[m.t1].is_punct('(')) return false;
  }
  std::size_t j = m.t1;
  if (j >= t.size()) return t[m.t0].is(kTokParaStart);
  const Token& n = t[j];
  if (n.is_punct('.') && (j + 1 >= t.size() || t[j + 1].is(kTokLineStart))) return true;
  if (n.is(kTokLineStart)) return t[m.t0].is(kTokAllCaps);
  if (n.is_punct('(')) {
    for (std::size_t k = j + 1; k < t.size() && k < j + 8; ++k) {
      if (t[k].is_punct(')')) {
        return k + 1 < t.size() && (t[k + 1].is_punct('-') || t[k + 1].is_punct(':') ||
                                    t[k + 1].is_punct(','));
      }
      if (t[k].word() && is_agency(x.fw(k))) {
        return true;
      }
    }
    return false;
  }
  if (n.is_punct('-') && !n.is(kTokGluedPrev)) return true;
  if (t[m.t0].is(kTokAllCaps) && (n.is_punct(',') || n.is_punct(':'))) return true;
  return false;
}

// "(NI)", "(Kr. Fulda)", "(Saale)", "(Oder)" right after a name: places it must lie near.
void qualifier_hints(const Ctx& x, Mention& m) {
  const auto& t = x.seg.toks;
  std::size_t j = m.t1;
  if (j >= t.size() || !t[j].is_punct('(')) return;
  std::size_t k = j + 1;
  std::size_t close = 0;
  for (std::size_t q = k; q < t.size() && q < k + 6; ++q) {
    if (t[q].is_punct(')')) {
      close = q;
      break;
    }
  }
  if (close == 0 || close == k) return;
  // Skip "Kr.", "Lkr.", "Kreis", "Landkreis", "LK" prefixes.
  while (k < close && t[k].word() && is_place_trigger_noun(x.fw(k))) {
    ++k;
    if (k < close && t[k].is_punct('.')) ++k;
  }
  if (k >= close) return;
  std::string inner = collapse(x.seg.text.substr(t[k].b0, t[close - 1].b1 - t[k].b0));
  if (t[k].word() && is_agency(x.fw(k))) return;
  KeyHit h = x.idx.find(inner);
  if (!h.found) return;
  for (std::size_t c = 0; c < h.candidates.size() && c < 8; ++c) m.hints.push_back(h.candidates[c].place);
}

// AP-style state abbreviations ("Kan.", "W.Va.", "N.D.") → the state's name; sets *end.
std::string_view ap_state(const Ctx& x, std::size_t i, std::size_t* end) {
  static const std::unordered_map<std::string_view, std::string_view> kStates{
      {"ala", "Alabama"}, {"ariz", "Arizona"}, {"ark", "Arkansas"}, {"calif", "California"},
      {"colo", "Colorado"}, {"conn", "Connecticut"}, {"del", "Delaware"}, {"fla", "Florida"},
      {"ga", "Georgia"}, {"ill", "Illinois"}, {"ind", "Indiana"}, {"kan", "Kansas"},
      {"kans", "Kansas"}, {"ky", "Kentucky"}, {"la", "Louisiana"}, {"md", "Maryland"},
      {"mass", "Massachusetts"}, {"mich", "Michigan"}, {"minn", "Minnesota"},
      {"miss", "Mississippi"}, {"mo", "Missouri"}, {"mont", "Montana"}, {"neb", "Nebraska"},
      {"nebr", "Nebraska"}, {"nev", "Nevada"}, {"nh", "New Hampshire"}, {"nj", "New Jersey"},
      {"nm", "New Mexico"}, {"ny", "New York"}, {"nc", "North Carolina"},
      {"nd", "North Dakota"}, {"okla", "Oklahoma"}, {"ore", "Oregon"}, {"pa", "Pennsylvania"},
      {"ri", "Rhode Island"}, {"sc", "South Carolina"}, {"sd", "South Dakota"},
      {"tenn", "Tennessee"}, {"tex", "Texas"}, {"vt", "Vermont"}, {"va", "Virginia"},
      {"wash", "Washington"}, {"wva", "West Virginia"}, {"wis", "Wisconsin"},
      {"wisc", "Wisconsin"}, {"wyo", "Wyoming"}, {"dc", "Washington"},
      // Canadian Press style.
      {"bc", "British Columbia"}, {"alta", "Alberta"}, {"sask", "Saskatchewan"},
      {"man", "Manitoba"}, {"ont", "Ontario"}, {"que", "Quebec"}, {"ns", "Nova Scotia"},
      {"nb", "New Brunswick"}, {"nfld", "Newfoundland and Labrador"},
      {"pei", "Prince Edward Island"}};
  const auto& t = x.seg.toks;
  std::string key;
  std::size_t j = i;
  bool dot_last = false;
  while (j < t.size() && j < i + 6) {
    if (j > i && !t[j].is(kTokGluedPrev) && !(t[j].word() && t[j - 1].is_punct('.'))) break;
    if (t[j].word()) {
      if (t[j].b1 - t[j].b0 > 5) return {};
      key += x.fw(j);
      dot_last = false;
    } else if (t[j].is_punct('.')) {
      dot_last = true;
    } else {
      break;
    }
    ++j;
    if (dot_last && (j >= t.size() || !t[j].word() || !t[j].is(kTokCap) ||
                     (!t[j].is(kTokGluedPrev) && t[j].b1 - t[j].b0 > 2)))
      break;
  }
  if (!dot_last) return {};
  auto it = kStates.find(key);
  if (it == kStates.end()) return {};
  *end = j;
  return it->second;
}

// Capitalised only because they start a sentence; ASCII, no allocation.
bool is_sentence_function_word(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords{
      "the", "a", "an", "in", "on", "at", "of", "for", "from", "with", "by", "to", "and", "but",
      "or", "if", "as", "he", "she", "it", "we", "they", "i", "you", "his", "her", "their", "our",
      "this", "that", "these", "those", "there", "then", "when", "while", "after", "before",
      "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "und", "aber", "wenn",
      "als", "am", "im", "auf", "mit", "bei", "nach", "von", "zu", "es", "er", "sie", "wir",
      "ihr", "man", "auch", "so", "da", "wie", "was", "wer", "noch", "nur", "doch", "laut"};
  char buf[8];
  std::size_t k = 0;
  for (; k < w.size() && k < sizeof buf; ++k) {
    char ch = w[k];
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
    buf[k] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  return kWords.count(std::string_view(buf, k)) != 0;
}

bool skip_credit(const Ctx& x, std::size_t i) {
  const auto& t = x.seg.toks;
  if (!t[i].word()) return t[i].kind == TokKind::kPunct && t[i].punct == 0xA9;  // ©
  if (i + 1 >= t.size() || !t[i + 1].is_punct(':')) return false;
  return is_credit_word(x.fw(i));
}

// "Washington state", "New York Gov. …", "the Georgia Legislature": the name before means the
// state, not its homonymous city.
bool state_word_after(const Ctx& x, std::size_t n) {
  const auto& t = x.seg.toks;
  if (n >= t.size() || !t[n].word() || t[n].is(kTokGluedPrev)) return false;
  std::string w = x.fw(n);
  if (w == "state" || w == "lawmakers" || w == "legislators") return !t[n].is(kTokCap) || w != "state";
  if (!t[n].is(kTokCap)) return false;
  return w == "gov" || w == "governor" || w == "legislature" || w == "lt";
}

// "Paris, Texas", "Halle, Sachsen-Anhalt": a state or country right after a comma qualifies the
// place before it.
void comma_qualifiers(const GazetteerIndex& idx, Doc& doc, std::size_t from) {
  for (std::size_t k = from; k + 1 < doc.mentions.size(); ++k) {
    Mention& a = doc.mentions[k];
    Mention& b = doc.mentions[k + 1];
    if (a.seg != b.seg || a.t1 + 1 != b.t0 || !doc.segs[a.seg].toks[a.t1].is_punct(',')) continue;
    for (std::size_t c = 0; c < b.cands.size() && c < 8; ++c) {
      auto kind = static_cast<PlaceKind>(idx.record(b.cands[c].place).kind);
      if (kind == PlaceKind::kAdmin1 || kind == PlaceKind::kCountry) {
        a.hints.push_back(b.cands[c].place);
        // The qualifier itself is the state ("Buffalo, New York" is not New York City), unless
        // the first name is a state or country too ("Russia, Romania and Macedonia").
        if (!a.strong) b.area_cue = true;
      }
    }
  }
}

// "spoke only French", "in English and Spanish", "translated into Russian": a singular
// nationality word that no noun follows, after a verb of speech or "in"/"into", is a language.
bool language_use(const Ctx& x, std::size_t i, std::size_t len) {
  const auto& t = x.seg.toks;
  std::string_view w = x.tok(i + len - 1);
  if (w.empty() || w.back() == 's') return false;  // "Russians" are people
  std::size_t n = i + len;
  if (n < t.size() && t[n].word()) {
    std::string nw = x.fw(n);
    if (nw != "and" && nw != "or") return false;  // "French troops", "French Foreign Ministry"
  }
  long p = prev_word(t, i);
  if (p >= 0 && (x.fw(p) == "only" || x.fw(p) == "fluent" || x.fw(p) == "both")) p = prev_word(t, p);
  if (p < 0) return false;
  std::string pw = x.fw(p);
  static constexpr std::string_view kCues[] = {"in", "into", "speak", "speaks", "spoke", "spoken",
                                               "speaking", "learn", "learned", "learning", "teach",
                                               "teaches", "taught", "translated", "fluent"};
  for (std::string_view c : kCues)
    if (pw == c) return true;
  if (pw == "and" || pw == "or") {  // "English and Spanish": the first one was a language
    long q = prev_word(t, static_cast<std::size_t>(p));
    return q >= 0 && !english_demonym_country(x.tok(q)).empty() && language_use(x, q, 1);
  }
  return false;
}

// A state's own bodies ("the Georgian Interior Ministry", "Russian Police") stand for the country,
// as LGL and TR-News annotate; a firm or society named after it ("American Farm Bureau") does not.
bool is_state_body_word_en(std::string_view w) {
  return w == "ministry" || w == "police" || w == "embassy" || w == "court";
}

// A nationality adjective or plural noun at word token i ("Russian", "Palestinians") naming
// `country`: a mention of the country, as LGL and TR-News annotate, unless it is part of a
// longer name ("Native American", "American Red Cross") or a person ("Monica French said").
void demonym_mention(const Ctx& x, std::size_t i, std::string_view country, std::size_t len = 1) {
  const auto& t = x.seg.toks;
  // "The Georgian authorities", "A Russian officer": a capitalised sentence-initial article is no
  // first word of a longer name.
  const bool initial_article = i > 0 && (t[i - 1].is(kTokSentStart) || t[i - 1].is(kTokLineStart)) &&
                               is_sentence_function_word(x.tok(i - 1));
  if (i > 0 && (t[i].is(kTokGluedPrev) ||
                (t[i - 1].word() && t[i - 1].is(kTokCap) && !t[i].is(kTokSentStart) && !initial_article)))
    return;
  if (person_name_before(x, i)) return;
  std::size_t j = i + len;
  for (; j < t.size() && j < i + len + 3 && t[j].word() && t[j].is(kTokCap) && !t[j].is(kTokSentStart); ++j)
    if (is_org_word_en(x.fw(j)) && !is_state_body_word_en(x.fw(j))) return;
  if (j < t.size() && t[j].word()) {
    std::string nw = x.fw(j);
    if (j == i + len && (nw == "said" || nw == "says" || nw == "told")) return;
  }
  if (language_use(x, i, len)) return;
  KeyHit hit = x.idx.find(country);
  if (!hit.found) return;
  for (std::size_t k = 0; k < hit.candidates.size(); ++k) {
    if (!strong_kind(static_cast<PlaceKind>(x.idx.record(hit.candidates[k].place).kind))) continue;
    Mention m;
    m.seg = x.seg_no;
    m.t0 = static_cast<std::uint32_t>(i);
    m.t1 = static_cast<std::uint32_t>(i + len);
    m.b0 = t[i].b0;
    m.b1 = t[i + len - 1].b1;
    m.c0 = t[i].c0;
    m.c1 = t[i + len - 1].c1;
    m.surface = std::string(x.seg.text.substr(m.b0, m.b1 - m.b0));
    m.cands = hit.candidates.subspan(k, 1);
    m.adjectival = true;
    note(x, m, "nationality adjective", 1.0);
    x.doc.mentions.push_back(std::move(m));
    return;
  }
}

// A German dictionary word ("Derby", "Dreieck") whose towns all lie outside DE/AT/CH and are no
// metropolis: after a hyphen it is the head of a compound noun, not a second place.
bool common_noun_abroad(const GazetteerIndex& idx, const KeyHit& hit) {
  if (!(hit.flags & kFlagDeExact) || (hit.flags & kFlagLexiconsMissing)) return false;
  for (const auto& c : hit.candidates) {
    const PlaceRecord& r = idx.record(c.place);
    std::string_view cc = idx.str(r.country);
    if (cc == "DE" || cc == "AT" || cc == "CH" || r.population >= 1000000) return false;
  }
  return true;
}

// "in Koblenz-Oberwerth", "Ort: Bremerhaven-Fischereihafen": a city, a hyphen and one unknown
// capitalised word right after a place preposition or trigger noun name a quarter of that city
// (the gazetteer has few quarters). Only towns of DE/AT/CH above kQuarterCityPopulation whose
// lower-case form is no word; "nach Berlin-Besuch" takes an article in practice.
constexpr std::int64_t kQuarterCityPopulation = 20000;
bool city_quarter_compound(const Ctx& x, std::size_t i, std::size_t end, std::size_t cend, const KeyHit& hit) {
  const auto& t = x.seg.toks;
  if (x.doc.lang != Lang::kDe || !hit.found || end != i + 1 || cend != i + 3 || t[i].is(kTokAllCaps)) return false;
  if (!t[i + 2].is(kTokCap) || t[i + 2].is(kTokAllCaps) || is_street_word(x.fw(i + 2))) return false;
  if (hit.flags & kFlagDeLower) return false;  // "Essen-Ausgabe"; proper nouns ("Koblenz") are fine
  if (t[i].is(kTokLineStart)) return false;
  long p = prev_word(t, i);
  // Report headers: "Ort: Bremerhaven-Fischereihafen".
  if (p < 0 && i >= 2 && t[i - 1].is_punct(':') && is_place_trigger_noun(x.fw(i - 2))) p = static_cast<long>(i) - 2;
  if (p < 0) return false;
  std::string pw = x.fw(p);
  if (!is_place_trigger_noun(pw) && !(is_place_preposition(pw, Lang::kDe) && pw != "von" && pw != "zu")) return false;
  const PlaceRecord& r = x.idx.record(hit.candidates.front().place);
  std::string_view cc = x.idx.str(r.country);
  return static_cast<PlaceKind>(r.kind) == PlaceKind::kCity && r.population >= kQuarterCityPopulation &&
         (cc == "DE" || cc == "AT" || cc == "CH");
}

// "Lautertal-Derby", "Fulda-Brücke": a German town as the first part of a compound noun is no
// mention (the gold sets leave these untagged) but says where the story is, like a place
// adjective: one focus vote for the town of DE/AT/CH that carries the name.
void compound_town_vote(Ctx& x, std::size_t i, std::size_t end, std::size_t cend, const KeyHit& hit) {
  const auto& t = x.seg.toks;
  if (x.doc.lang != Lang::kDe || !hit.found || end != i + 1 || cend <= i + 2 || t[i].is(kTokAllCaps)) return;
  if (hit.flags & (kFlagDeExact | kFlagDeLower | kFlagEnLower | kFlagLexiconsMissing)) return;
  if (is_street_word(x.fw(cend - 1)) || x.doc.demonyms.size() >= 64) return;
  for (const Candidate& c : hit.candidates) {
    const PlaceRecord& r = x.idx.record(c.place);
    if (static_cast<PlaceKind>(r.kind) != PlaceKind::kCity) continue;
    std::string_view cc = x.idx.str(r.country);
    if (cc != "DE" && cc != "AT" && cc != "CH") continue;
    Demonym d;
    d.seg = x.seg_no;
    d.c0 = t[i].c0;
    d.c1 = t[i].c1;
    d.surface = std::string(x.tok(i));
    d.place = c.place;
    x.doc.demonyms.push_back(std::move(d));
    return;
  }
}

void recognize_segment(const GazetteerIndex& idx, Doc& doc, std::uint32_t seg_no) {
  const std::size_t first_mention = doc.mentions.size();
  const DocSegment& seg = doc.segs[seg_no];
  Ctx x{idx, doc, seg, seg_no, seg.field == "dateline"};
  const auto& t = seg.toks;
  std::size_t i = 0;
  while (i < t.size()) {
    if (skip_credit(x, i)) {  // "Bild: Mark Schiefelbein/AP/dpa" — names up to the line end
      // A credit is a short run of names: it also ends at a lower-case word, since texts
      // without line breaks go on ("Photo: AP Walker, who was …").
      const std::size_t stop = i + 12;
      ++i;
      while (i < t.size() && i < stop && !t[i].is(kTokLineStart) && !is_lower_word(t[i])) ++i;
      continue;
    }
    const Token& ti = t[i];
    if (!ti.word() || !ti.is(kTokCap)) {
      ++i;
      continue;
    }
    if (doc.lang != Lang::kDe && i + 2 < t.size() && t[i + 1].is_punct('.')) {
      std::size_t ap_end = 0;
      std::string_view state = ap_state(x, i, &ap_end);
      // "Kan." alone only after a comma ("Wichita, Kan."); dotted pairs ("S.C.", "D.C.") anywhere.
      if (!state.empty() && ap_end <= i + 2 && !(i > 0 && t[i - 1].is_punct(','))) state = {};
      KeyHit sh = state.empty() ? KeyHit{} : idx.find(state);
      if (sh.found && !sh.candidates.empty()) {
        Mention m;
        m.seg = seg_no;
        m.t0 = static_cast<std::uint32_t>(i);
        m.t1 = static_cast<std::uint32_t>(ap_end);
        m.b0 = t[i].b0;
        m.b1 = t[ap_end - 1].b1;
        m.c0 = t[i].c0;
        m.c1 = t[ap_end - 1].c1;
        m.surface = std::string(seg.text.substr(m.b0, m.b1 - m.b0));
        m.cands = sh.candidates;
        m.key_flags = sh.flags;
        note(x, m, "state abbreviation", 3.0);
        doc.mentions.push_back(std::move(m));
        i = ap_end;
        continue;
      }
    }
    if (ti.is(kTokSentStart) && !ti.is(kTokAllCaps) && ti.b1 - ti.b0 <= 6 && is_sentence_function_word(x.tok(i))) {
      ++i;  // "The", "Der", "In", "Sie": no lookup needed
      continue;
    }
    std::size_t cend = compound_end(t, i);
    KeyHit hit;
    std::size_t end = longest_match(x, i, t.size(), &hit);
    if (doc.lang == Lang::kEn && cend == i + 1 && end <= i + 1 && i + 1 < t.size() && t[i + 1].word() &&
        t[i + 1].is(kTokCap) && !t[i + 1].is(kTokLineStart) && is_direction_word_en(x.fw(i))) {
      // "North Texas", "Southern California", "East Oxford": the place is the name; the
      // direction word is no town of its own ("North", SC). LGL annotates the place alone.
      KeyHit rest;
      std::size_t rend = longest_match(x, i + 1, t.size(), &rest);
      // "North Central Regional Jail", "Central Anatolia": a direction word before any
      // capitalised word starts a longer name (or a region the gazetteer lacks), no town.
      if ((rend > i + 1 && rest.found) || !t[i + 1].is(kTokSentStart)) {
        ++i;
        continue;
      }
    }
    if (doc.lang == Lang::kEn && cend == i + 1 && end <= i + 2 && i + 1 < t.size() && t[i + 1].word() &&
        t[i + 1].is(kTokCap) && !t[i + 1].is(kTokGluedPrev) && compound_end(t, i + 1) == i + 2) {
      // "Sri Lankan", "South Korean", "Saudi Arabian": two-word adjectives name one country.
      std::string_view first = x.tok(i);
      std::string_view country;
      if (first == "Sri" || first == "South" || first == "North" || first == "Saudi" || first == "New" ||
          first == "Costa" || first == "Puerto" || first == "Sierra") {
        std::string two = std::string(first) + " " + std::string(x.tok(i + 1));
        country = english_demonym_country(two);
      }
      if (!country.empty()) {
        demonym_mention(x, i, country, 2);
        i += 2;
        continue;
      }
    }
    if (doc.lang == Lang::kEn && cend == i + 1 && end <= i + 1) {
      // "Russian troops", "Palestinians": the country, unless a longer name ("Indian Ocean")
      // matched. A town that happens to carry the adjective ("Canadian", TX) never does.
      std::string_view country = english_demonym_country(x.tok(i));
      if (!country.empty()) {
        demonym_mention(x, i, country);
        ++i;
        continue;
      }
    }
    bool genitive = false;
    std::vector<std::uint32_t> compound_hints;
    if (cend > i + 1 && end < cend) {
      // Inside a hyphen compound with no key for the whole: a place + place compound
      // ("Berlin-Kreuzberg") is one mention of the last part; "US-Präsident" is none.
      KeyHit last;
      std::size_t lw = cend - 1;
      bool ok = t[lw].is(kTokCap) && longest_match(x, lw, cend, &last) == cend;
      if (!(ok && end > i && hit.found)) {
        if (doc.lang != Lang::kDe && end > i && hit.found && end + 1 < cend && t[end].is_punct('-') &&
            is_lower_word(t[end + 1])) {
          // English "Gainesville-area", "Texas-based": the place part is a mention.
          cend = end;
        } else if (doc.lang != Lang::kDe && ok && cend == i + 3 && t[i].c1 - t[i].c0 == 1) {
          // "D-Columbus", "R-Texas": party and home of a politician.
          ++i;
          continue;
        } else if (city_quarter_compound(x, i, end, cend, hit)) {
          end = cend;  // "in Koblenz-Oberwerth": the city, for a quarter the gazetteer lacks
        } else {
          compound_town_vote(x, i, end, cend, hit);
          i = cend;  // "US-Präsident", "Kurt-Schumacher-Straße", "Lautertal-Derby"
          continue;
        }
      } else {
      // "Berlin-Kreuzberg" (a place and its quarter) vs "München-Salzburg" (two places).
      bool near = false;
      for (std::size_t a = 0; a < hit.candidates.size() && a < 16 && !near; ++a) {
        const PlaceRecord& ra = idx.record(hit.candidates[a].place);
        for (std::size_t b = 0; b < last.candidates.size() && b < 32 && !near; ++b) {
          const PlaceRecord& rb = idx.record(last.candidates[b].place);
          near = distance_km(ra.lat, ra.lon, rb.lat, rb.lon) < 25;
        }
      }
      if (near) {
        for (std::size_t c = 0; c < hit.candidates.size() && c < 8; ++c)
          compound_hints.push_back(hit.candidates[c].place);
        hit = last;
        end = cend;
      } else if (end < cend && t[end].is_punct('-') && lw == end + 1 && !t[i].is(kTokAllCaps) &&
                 t[i].c1 - t[i].c0 > 3 &&
                 !(doc.lang == Lang::kDe && common_noun_abroad(idx, last))) {
        // ("Lautertal-Derby": a German noun that only names a town abroad makes a compound noun.)
        // Two places joined by a hyphen: the first here, the second on the next turn.
      } else {
        compound_town_vote(x, i, end, cend, hit);
        i = cend;
        continue;
      }
      }
    }
    if (end == i && doc.lang != Lang::kEn) {
      // Genitive "Japans", "Hessens", "Nordkoreas".
      std::string_view w = x.tok(i);
      if (w.size() >= 5 && (w.back() == 's' || (w.back() == 'n' && w[w.size() - 2] == 'e')) && cend == i + 1) {
        KeyHit g = idx.find(w.substr(0, w.size() - 1));
        if (g.found && !g.candidates.empty()) {
          hit = g;
          end = i + 1;
          genitive = true;
        }
      }
    }
    if (end == i) {
      i = cend;
      continue;
    }
    Mention m;
    m.seg = seg_no;
    m.t0 = static_cast<std::uint32_t>(i);
    m.t1 = static_cast<std::uint32_t>(end);
    m.b0 = t[i].b0;
    m.b1 = t[end - 1].b1;
    m.c0 = t[i].c0;
    m.c1 = t[end - 1].c1;
    m.surface = std::string(seg.text.substr(m.b0, m.b1 - m.b0));
    m.cands = hit.candidates;
    m.key_flags = hit.flags;
    m.hints = std::move(compound_hints);
    bool multiword = end > i + 1 && !(t[end - 1].is_punct('.'));
    bool county = false;
    if (doc.lang != Lang::kDe && end < t.size() && t[end].word() && t[end].is(kTokCap) && end >= cend) {
      std::string nw = x.fw(end);
      county = nw == "county" || nw == "parish" || nw == "township" || nw == "borough";
    }
    m.dateline = dateline_shape(x, m);
    qualifier_hints(x, m);
    if (!hit_has_place_kind(idx, m.cands)) {
      i = end;
      continue;
    }
    if (county) {
      ++m.t1;
      m.b1 = t[m.t1 - 1].b1;
      m.c1 = t[m.t1 - 1].c1;
      m.surface = std::string(seg.text.substr(m.b0, m.b1 - m.b0));
      end = m.t1;
    }
    score(x, m, multiword || county, genitive);
    if (m.strong) m.area_cue = state_word_after(x, m.t1);
    if (county) note(x, m, "county", 2.0);
    if (!m.hints.empty()) note(x, m, "qualified by a nearby place", 1.0);
    bool split_compound = end < cend;
    if (m.evidence >= -3.5 || m.person_cue) doc.mentions.push_back(std::move(m));
    i = split_compound ? end : std::max(end, cend);
  }
  comma_qualifiers(idx, doc, first_mention);
}

}  // namespace

void prepare_doc(Doc& doc) {
  int vote = 0;
  for (auto& s : doc.segs) {
    tokenize(s.text, s.toks);
    if (doc.lang == Lang::kUnknown) {
      // Function words are short and ASCII: lower-case into a stack buffer, no allocation.
      std::size_t n = 0;
      char buf[8];
      for (const auto& tk : s.toks) {
        if (!tk.word() || tk.b1 - tk.b0 > 6) continue;
        std::string_view w = tk.text(s.text);
        std::size_t k = 0;
        for (; k < w.size(); ++k) {
          char ch = w[k];
          buf[k] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
        }
        vote += language_vote(std::string_view(buf, k));
        if (++n > 400) break;
      }
    }
  }
  if (doc.lang == Lang::kUnknown) doc.lang = vote > 0 ? Lang::kDe : vote < 0 ? Lang::kEn : Lang::kUnknown;
}

void recognize(const GazetteerIndex& index, Doc& doc) {
  for (std::uint32_t s = 0; s < doc.segs.size(); ++s) recognize_segment(index, doc, s);
  // One sense per discourse for persons: a name the text uses for a person once ("Mr. Jones",
  // "Jones said") is no town elsewhere in it either.
  // Likewise a name the text clearly uses as a place (dateline, "in X") keeps that sense where
  // an occurrence alone looked doubtful ("rund im Ratzeburg").
  // Person and place cues are counted: the sense used more often wins ("Elizabeth Fairfield …
  // in Fairfield hearing … Fairfield's lawyers"); a dateline counts twice.
  std::unordered_map<std::string, int> persons, cued_places;
  std::unordered_set<std::string> places;
  for (const auto& m : doc.mentions) {
    if (m.person_cue) ++persons[fold_key(m.surface)];
    else if (m.evidence >= 1.5 || m.dateline) places.insert(fold_key(m.surface));
    if (!m.person_cue && (m.place_cue || m.dateline)) cued_places[fold_key(m.surface)] += m.dateline ? 2 : 1;
  }
  std::erase_if(doc.mentions, [&](const Mention& m) {
    std::string key = fold_key(m.surface);
    // A person cue ("Tokio sagte") does not outvote place syntax elsewhere ("in Tokio", a
    // dateline); a bare high prior ("Paris agreed") does not protect against "Mr. Paris".
    auto pc = persons.find(key);
    auto cc = cued_places.find(key);
    bool person = pc != persons.end() && pc->second >= (cc == cued_places.end() ? 1 : cc->second);
    if (m.evidence < 0) return m.person_cue || m.common_cue || person || places.count(key) == 0;
    return !m.strong && !m.dateline && person;
  });
}

void add_given_span(const GazetteerIndex& index, Doc& doc, std::uint32_t seg_no, std::size_t c0,
                    std::size_t c1, std::size_t b0, std::size_t b1) {
  const DocSegment& seg = doc.segs[seg_no];
  if (b1 <= b0 || b1 > seg.text.size()) return;
  Mention m;
  m.seg = seg_no;
  m.b0 = static_cast<std::uint32_t>(b0);
  m.b1 = static_cast<std::uint32_t>(b1);
  m.c0 = static_cast<std::uint32_t>(c0);
  m.c1 = static_cast<std::uint32_t>(c1);
  m.surface = std::string(seg.text.substr(b0, b1 - b0));
  m.forced = true;
  std::string key = collapse(m.surface);
  KeyHit hit = index.find(key);
  if ((!hit.found || hit.candidates.empty()) && key.size() > 3 && key.back() == 's')
    hit = index.find(std::string_view(key).substr(0, key.size() - 1));
  if ((!hit.found || hit.candidates.empty()) && key.size() > 3) {
    // "the Philippines'", "Berlin-Kreuzberg": try the last and the first word.
    std::size_t sp = key.find_last_of(" -");
    if (sp != std::string::npos) hit = index.find(std::string_view(key).substr(sp + 1));
    if (!hit.found || hit.candidates.empty()) {
      std::size_t fs = key.find_first_of(" -");
      if (fs != std::string::npos) hit = index.find(std::string_view(key).substr(0, fs));
    }
  }
  if (hit.found) {
    m.cands = hit.candidates;
    m.key_flags = hit.flags;
  }
  // Token range for context (first token starting at or after b0).
  const auto& t = seg.toks;
  auto it = std::lower_bound(t.begin(), t.end(), m.b0, [](const Token& a, std::uint32_t b) { return a.b0 < b; });
  m.t0 = static_cast<std::uint32_t>(it - t.begin());
  auto it2 = std::lower_bound(t.begin(), t.end(), m.b1, [](const Token& a, std::uint32_t b) { return a.b0 < b; });
  m.t1 = static_cast<std::uint32_t>(it2 - t.begin());
  doc.mentions.push_back(std::move(m));
}

}  // namespace pk::geo
