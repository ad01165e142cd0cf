// German place adjectives ("Oldenburger Kramermarkt", "Münchner Straßenbahn", "Bremer Senat"):
// a focus signal only. Gold sets do not tag them as places, so they never become mentions; the
// focus chooser lets them vote for their town (see choose_focus).
#include <string>

#include "geoparse_internal.h"

namespace pk::geo {
namespace {

// Smallest town whose adjective we trust: below this, "<Stem>er" is more often a common noun
// ("Bauer", "Lehrer") whose stem happens to be a hamlet.
constexpr std::int64_t kMinDemonymPopulation = 10000;

bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// The German/Austrian/Swiss town the adjective `w` ("Münchner") names, or kNoPlace.
std::uint32_t town_of_adjective(const GazetteerIndex& idx, std::string_view w) {
  if (w.size() < 5 || w.compare(w.size() - 2, 2, "er") != 0) return kNoPlace;
  std::string stem(w.substr(0, w.size() - 2));
  std::vector<std::string> forms{stem, stem + "en", stem + "e", stem + "n"};  // Kaiserslauter-n
  // "Münchn" → "München", "Dresdn" → "Dresden": the "-en" of the name is syncopated.
  if (stem.size() >= 3 && stem.back() == 'n' && ascii_lower(stem[stem.size() - 2]) &&
      stem[stem.size() - 2] != 'e')
    forms.push_back(stem.substr(0, stem.size() - 1) + "en");
  for (const std::string& f : forms) {
    // Dictionary words are fine here ("Gießen", "Weiden"): the population floor and the noun
    // that must follow keep common nouns out.
    KeyHit hit = idx.find_exact(f);
    if (!hit.found) continue;
    for (const Candidate& c : hit.candidates) {
      const PlaceRecord& r = idx.record(c.place);
      if (static_cast<PlaceKind>(r.kind) != PlaceKind::kCity) continue;
      std::string_view cc = idx.str(r.country);
      if (cc != "DE" && cc != "AT" && cc != "CH") continue;
      if (r.population < kMinDemonymPopulation) break;  // ordered by population
      return c.place;
    }
  }
  return kNoPlace;
}

}  // namespace

void find_demonyms(const GazetteerIndex& idx, Doc& doc) {
  if (doc.lang != Lang::kDe) return;
  // Mentions are in text order (segment, then token): one cursor keeps the "inside a mention"
  // test linear ("Berlin Berlin …" ×100k).
  std::size_t cursor = 0;
  for (std::uint32_t s = 0; s < doc.segs.size(); ++s) {
    const DocSegment& seg = doc.segs[s];
    if (seg.field == "site") continue;
    const auto& t = seg.toks;
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
      if (!t[i].word() || !t[i].is(kTokCap) || t[i].is(kTokAllCaps)) continue;
      // An attributive adjective: followed by a capitalised noun ("Oldenburger Kramermarkt").
      if (!t[i + 1].word() || !t[i + 1].is(kTokCap) || t[i + 1].is(kTokGluedPrev)) continue;
      if (t[i].is(kTokGluedPrev)) continue;  // inside a compound
      while (cursor < doc.mentions.size() &&
             (doc.mentions[cursor].seg < s || (doc.mentions[cursor].seg == s && doc.mentions[cursor].t1 <= i)))
        ++cursor;
      const bool inside = cursor < doc.mentions.size() && doc.mentions[cursor].seg == s &&
                          doc.mentions[cursor].t0 <= i;
      if (inside) continue;
      std::uint32_t place = town_of_adjective(idx, t[i].text(seg.text));
      if (place == kNoPlace) continue;
      Demonym d;
      d.seg = s;
      d.c0 = t[i].c0;
      d.c1 = t[i].c1;
      d.surface = std::string(t[i].text(seg.text));
      d.place = place;
      doc.demonyms.push_back(std::move(d));
      if (doc.demonyms.size() >= 64) return;
    }
  }
}

}  // namespace pk::geo
