// Working state shared by the geoparser's stages (recognise → resolve → focus). Internal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer_file.h"
#include "geoparse_lexicon.h"
#include "geoparse_tokenize.h"
#include "pressekarte/geo.h"

namespace pk::geo {

struct DocSegment {
  std::string field;
  std::string_view text;
  std::vector<Token> toks;
};

// One recognised name occurrence and, after resolution, the place it points to.
struct Mention {
  std::uint32_t seg = 0;
  std::uint32_t t0 = 0, t1 = 0;  // token range [t0, t1) in its segment
  std::uint32_t b0 = 0, b1 = 0;  // byte range of the surface
  std::uint32_t c0 = 0, c1 = 0;  // code-point range of the surface
  std::string surface;
  std::span<const Candidate> cands;
  std::uint32_t key_flags = 0;
  double evidence = 0;   // recognition log-odds (accepted when >= 0)
  bool dateline = false;
  bool forced = false;   // given span (resolution-only mode): never dropped
  bool person_cue = false;  // context says person ("Mr.", a given name, "… said")
  bool strong = false;      // a country/state/continent name
  bool common_cue = false;  // syntax says common noun ("das Essen", "die neue Halle")
  bool place_cue = false;   // syntax says place ("in X", "nach X", a dateline)
  bool adjectival = false;  // a nationality adjective standing for its country ("Russian troops")
  bool area_cue = false;    // syntax says state/country ("Buffalo, New York", "Washington state")
  std::vector<std::uint32_t> hints;  // places the text ties this name to ("(Kr. Fulda)", "Berlin-…")
  std::string why;       // recognition evidence, only with explain
  // Resolution.
  std::uint32_t best = kNoPlace;
  double best_score = 0;
  double margin = 0;
  std::string rwhy;
};

// A German place adjective ("Oldenburger") and its town: a focus vote, never a mention.
struct Demonym {
  std::uint32_t seg = 0;
  std::uint32_t c0 = 0, c1 = 0;  // code-point range of the adjective
  std::string surface;
  std::uint32_t place = kNoPlace;
};

struct Doc {
  Lang lang = Lang::kUnknown;
  std::vector<DocSegment> segs;
  std::vector<Mention> mentions;
  std::vector<Demonym> demonyms;
  bool explain = false;
};

// Splits every segment into tokens and guesses the language when `lang` is unknown.
void prepare_doc(Doc& doc);
// Finds place-name mentions (recognition). Appends to doc.mentions in text order.
void recognize(const GazetteerIndex& index, Doc& doc);
// Looks up the candidates of given spans (resolution-only mode) and appends them as forced mentions.
void add_given_span(const GazetteerIndex& index, Doc& doc, std::uint32_t seg, std::size_t c0,
                    std::size_t c1, std::size_t b0, std::size_t b1);
// Picks the best candidate for every mention; drops mentions that end up unresolvable.
void resolve(const GazetteerIndex& index, Doc& doc, const GeoparseOptions& options);
// The outlet-title segment (field "site"): a focus prior, never reported as places.
bool is_site_segment(const DocSegment& s);
// Finds German place adjectives outside mentions (after recognize). Appends to doc.demonyms.
void find_demonyms(const GazetteerIndex& index, Doc& doc);
// The focus: a mention (index into doc.mentions), else a demonym (index into doc.demonyms), else
// neither (both -1).
struct FocusChoice {
  int mention = -1;
  int demonym = -1;
};
FocusChoice choose_focus(const GazetteerIndex& index, const Doc& doc);

// Helpers shared by the stages.
std::string folded_word(std::string_view s);  // fold_key of one token
bool strong_kind(PlaceKind k);                // country, continent, admin1
double distance_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace pk::geo
