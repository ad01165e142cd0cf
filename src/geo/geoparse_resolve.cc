// Resolution (which place a recognised name means) and focus (which place the text is about).
//
// Mentions with the same surface form one group (one sense per discourse). Each candidate of a
// group gets a log-linear score: kind and feature-code priors, population, how the name matched,
// the text's language, countries/states named elsewhere, qualifiers ("(NI)", "Berlin-…"), and
// closeness to the other groups' current choices (spatial coherence, iterated twice).
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "geoparse_internal.h"
#include "geoparse_lexicon.h"
#include "pressekarte/text.h"

namespace pk::geo {
namespace {

constexpr std::size_t kMaxCandidates = 64;
constexpr std::size_t kMaxCoherenceGroups = 200;
// A town in a state the text names (or whose other towns lie in) beats a bigger namesake
// elsewhere: local news names its state ("Paris, Tenn."). 3.0 / 1.2 was tried: LGL equal,
// GeoVirus and TR-News worse.
constexpr double kStateNamedBonus = 2.0;
constexpr double kStateNearbyBonus = 0.8;
// "Buffalo, New York", "Washington state": the state, not its homonymous city.
constexpr double kAreaCueBonus = 3.0;
// A country whose places (towns, states, adjectives) the text names.
constexpr double kCountrySupportBonus = 1.5;
constexpr double kUnknownPopulation = 500;  // cities500's floor, for rows with population 0

struct Group {
  std::vector<std::size_t> mentions;
  std::span<const Candidate> cands;
  std::vector<std::uint32_t> hints;
  bool dateline = false;
  bool area_cue = false;
  std::uint32_t best = kNoPlace;
  double best_score = 0, second = -1e9;
  std::string why;
};


double kind_prior(const PlaceRecord& r, std::string_view fcode) {
  switch (static_cast<PlaceKind>(r.kind)) {
    case PlaceKind::kCountry: return 6.0;
    case PlaceKind::kContinent: return 4.5;
    case PlaceKind::kAdmin1: return 4.0;
    case PlaceKind::kAdmin2: return 2.5;
    case PlaceKind::kRegion: return 2.0;
    case PlaceKind::kOther: return 0.5;
    case PlaceKind::kCity: break;
  }
  // GeoNames writes 0 for "unknown" (many German Gemeinden, PPLA4): a municipal seat without a
  // count is no reason to rank it last. (Other 0 rows keep 0: the English sets lost with them.)
  const bool seat = fcode.size() >= 4 && fcode.substr(0, 4) == "PPLA";
  double pop = static_cast<double>(r.population > 0 || !seat ? std::max<std::int64_t>(r.population, 0)
                                                             : kUnknownPopulation);
  double s = 0.6 * std::log10(pop + 1.0);
  if (fcode == "PPLC") s += 2.0;
  else if (fcode == "PPLA") s += 1.0;
  else if (fcode == "PPLA2") s += 0.5;
  else if (fcode == "PPLX") s -= 1.0;
  else if (fcode == "PPLH" || fcode == "PPLQ" || fcode == "PPLW") s -= 2.0;
  return s;
}

}  // namespace

void resolve(const GazetteerIndex& idx, Doc& doc, const GeoparseOptions& options) {
  // A given span the gazetteer has no name for may be a demonym ("American officials", as LGL and
  // TR-News annotate): the recogniser's table names its country.
  // Its towns ("Canadian", TX; "Spanish", ON) yield to the country, as in running text.
  for (Mention& m : doc.mentions) {
    if (!m.forced) continue;
    bool area = false;
    for (const Candidate& c : m.cands) area |= strong_kind(static_cast<PlaceKind>(idx.record(c.place).kind));
    if (area) continue;
    std::string_view country = english_demonym_country(m.surface);
    if (country.empty()) continue;
    KeyHit h = idx.find(country);
    if (h.found && !h.candidates.empty()) m.cands = h.candidates;
  }
  // Group mentions by folded surface.
  std::vector<Group> groups;
  std::unordered_map<std::string, std::size_t> by_key;
  std::vector<std::size_t> group_of(doc.mentions.size(), 0);
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    Mention& m = doc.mentions[i];
    if (m.cands.empty()) continue;
    std::string key = fold_key(m.surface);
    auto [it, fresh] = by_key.emplace(key, groups.size());
    if (fresh) {
      groups.emplace_back();
      groups.back().cands = m.cands.subspan(0, std::min(m.cands.size(), kMaxCandidates));
    }
    Group& g = groups[it->second];
    g.mentions.push_back(i);
    g.dateline |= m.dateline;
    g.area_cue |= m.area_cue;
    if (g.hints.size() < 32) g.hints.insert(g.hints.end(), m.hints.begin(), m.hints.end());
    group_of[i] = it->second;
  }
  const Lang lang = doc.lang;
  std::string home = options.home_region;

  // Cluster coherence, independent of any choice: how close each candidate lies to some
  // candidate of the other names (local news names towns that lie together).
  constexpr std::size_t kClusterGroups = 40, kClusterCands = 16;
  std::vector<std::vector<double>> cluster(groups.size());
  {
    struct Pt { double lat, lon, coslat; std::size_t g; };
    std::vector<Pt> pts;
    for (std::size_t gi = 0; gi < groups.size() && gi < kClusterGroups; ++gi) {
      std::size_t n = 0;
      for (const Candidate& c : groups[gi].cands) {
        const PlaceRecord& r = idx.record(c.place);
        auto k = static_cast<PlaceKind>(r.kind);
        if (k == PlaceKind::kCountry || k == PlaceKind::kContinent || k == PlaceKind::kAdmin1) continue;
        pts.push_back({r.lat, r.lon, std::cos(r.lat * 0.017453292519943295), gi});
        if (++n >= kClusterCands) break;
      }
    }
    std::vector<double> best_per_group(std::min(groups.size(), kClusterGroups));
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      cluster[gi].assign(groups[gi].cands.size(), 0.0);
      if (pts.empty() || gi >= kClusterGroups) continue;
      for (std::size_t ci = 0; ci < groups[gi].cands.size() && ci < kMaxCandidates; ++ci) {
        const PlaceRecord& r = idx.record(groups[gi].cands[ci].place);
        auto k = static_cast<PlaceKind>(r.kind);
        if (k == PlaceKind::kCountry || k == PlaceKind::kContinent || k == PlaceKind::kAdmin1) continue;
        std::fill(best_per_group.begin(), best_per_group.end(), 0.0);
        const double cl = std::cos(r.lat * 0.017453292519943295);
        for (const Pt& p : pts) {
          if (p.g == gi) continue;
          // Equirectangular distance: exact enough below a few hundred km.
          double dy = (p.lat - r.lat) * 111.2;
          double dx = (p.lon - r.lon) * 111.2 * 0.5 * (cl + p.coslat);
          double d2 = dx * dx + dy * dy;
          double w = d2 < 30.0 * 30 ? 1.5 : d2 < 80.0 * 80 ? 1.0 : d2 < 250.0 * 250 ? 0.4 : 0;
          best_per_group[p.g] = std::max(best_per_group[p.g], w);
        }
        double sum = 0;
        for (double w : best_per_group) sum += w;
        cluster[gi][ci] = std::min(sum, 4.0);
      }
    }
  }

  // Per-round context.
  std::unordered_map<std::string_view, double> country_votes;
  std::unordered_map<std::uint32_t, double> admin1_votes;

  for (int round = 0; round < 3; ++round) {
    // Context from the previous round's choices.
    country_votes.clear();
    admin1_votes.clear();
    std::vector<std::pair<double, double>> points;  // chosen city/district points per group
    std::vector<std::size_t> point_group;
    if (round > 0) {
      for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& g = groups[gi];
        if (g.best == kNoPlace) continue;
        const PlaceRecord& r = idx.record(g.best);
        auto kind = static_cast<PlaceKind>(r.kind);
        std::string_view cc = idx.str(r.country);
        double w = (kind == PlaceKind::kCountry || kind == PlaceKind::kAdmin1) ? 1.0 : 0.5;
        if (!cc.empty()) country_votes[cc] += w;
        if (kind == PlaceKind::kAdmin1) admin1_votes[g.best] += 1.0;
        else if (r.admin1_place != kNoPlace) admin1_votes[r.admin1_place] += 0.5;
        if (kind != PlaceKind::kCountry && kind != PlaceKind::kContinent && kind != PlaceKind::kAdmin1 &&
            points.size() < kMaxCoherenceGroups) {
          points.emplace_back(r.lat, r.lon);
          point_group.push_back(gi);
        }
      }
    }
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      Group& g = groups[gi];
      // A name that is a state's or a country's main name means the area, unless the text ties it
      // to a town (qualifier) or the town is a capital or a million city ("New York", "Washington").
      // In German text a state only shadows towns of its own country: "Freiburg" is the German name
      // of the Swiss canton, yet in "SC Freiburg" the German city. (English sets lost with it:
      // LGL/GeoVirus Acc@161 -0.005, so English keeps the old rule.)
      bool names_area = false, names_country = false;
      std::string_view area_cc[4];
      std::size_t n_area_cc = 0;
      for (const Candidate& c : g.cands) {
        const PlaceRecord& ar = idx.record(c.place);
        auto k = static_cast<PlaceKind>(ar.kind);
        if (strong_kind(k) && (c.how & (kHowPrimary | kHowGerman | kHowEnglish | kHowAscii))) {
          names_area = true;
          names_country |= k == PlaceKind::kCountry;
          if (n_area_cc < 4) area_cc[n_area_cc++] = idx.str(ar.country);
        }
      }
      auto shadowed_by_area = [&](std::string_view cc) {
        if (names_country || doc.lang == Lang::kEn) return true;
        for (std::size_t a = 0; a < n_area_cc; ++a)
          if (area_cc[a] == cc) return true;
        return n_area_cc == 4;  // many areas: keep the old rule
      };
      double best = -1e9, second = -1e9;
      std::uint32_t best_place = kNoPlace;
      std::string best_why;
      for (std::size_t ci = 0; ci < g.cands.size(); ++ci) {
        const Candidate& c = g.cands[ci];
        const PlaceRecord& r = idx.record(c.place);
        auto kind = static_cast<PlaceKind>(r.kind);
        std::string_view fcode = idx.str(r.feature_code);
        std::string_view cc = idx.str(r.country);
        std::string why;
        auto add = [&](const char* what, double v) {
          if (doc.explain && v != 0) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%s%s %+.1f", why.empty() ? "" : ", ", what, v);
            why += buf;
          }
          return v;
        };
        // Qualifiers: "(NI)", "(Kr. Fulda)", "Berlin-Kreuzberg", "Paris, Texas".
        double q = 0;
        for (std::uint32_t h : g.hints) {
          if (h == c.place) continue;
          const PlaceRecord& hr = idx.record(h);
          auto hk = static_cast<PlaceKind>(hr.kind);
          if (hk == PlaceKind::kAdmin1 && r.admin1_place == h) q = std::max(q, 6.0);
          else if (hk == PlaceKind::kCountry && cc == idx.str(hr.country)) q = std::max(q, 4.0);
          else if (hk != PlaceKind::kCountry && hk != PlaceKind::kContinent) {
            double d = distance_km(r.lat, r.lon, hr.lat, hr.lon);
            if (d < 30) q = std::max(q, 5.0);
            else if (d < 80) q = std::max(q, 2.0);
          }
        }
        double s = add("prior", kind_prior(r, fcode));
        if (c.how & (kHowPrimary | kHowAscii | kHowGerman | kHowEnglish)) s += add("main name", 1.0);
        else if (c.how & kHowAbbrev) s += add("abbreviation", 0.5);
        else if (c.how & kHowCode) s += add("code", -1.5);
        if (c.how & kHowNoExpand) s += add("unexpanded umlaut", -0.3);
        if (g.area_cue && (kind == PlaceKind::kAdmin1 || kind == PlaceKind::kCountry))
          s += add("syntax names a state", kAreaCueBonus);
        // Only a qualifier that fits this town lifts it: in "Russia, Romania and Macedonia" the
        // comma makes "Romania" a qualifier of "Russia", which says nothing for Russia, OH.
        if (names_area && kind == PlaceKind::kCity && fcode != "PPLC" && r.population < 1000000 &&
            q == 0 && shadowed_by_area(cc)) {
          s += add("homonym of a state/country", -3.0);
          // A town that carries the area's name only as an alternate (Minneota, MN, listed as
          // "Minnesota") must not win it through its neighbours' support.
          if (!(c.how & (kHowPrimary | kHowAscii))) s += add("alternate name only", -3.0);
        }
        // A country's own name means the country, even when a capital carries it as a short
        // alternate ("Mexico" for Mexico City, "Guatemala", "Panama"); the city's own name does not.
        if (names_country && kind == PlaceKind::kCity && !(c.how & (kHowPrimary | kHowAscii)) && q == 0)
          s += add("short form of a country's capital", -3.0);
        const bool local_kind = kind == PlaceKind::kCity || kind == PlaceKind::kAdmin2 ||
                                kind == PlaceKind::kOther || kind == PlaceKind::kRegion;
        if (lang == Lang::kDe && local_kind) {
          if (cc == "DE") s += add("German text, DE", 2.0);
          else if (cc == "AT" || cc == "CH") s += add("German text, AT/CH", 1.5);
        } else if (lang == Lang::kEn && local_kind && cc == "US") {
          s += add("English text, US", 0.25);
        }
        if (!home.empty() && (home == cc || home == idx.str(r.admin1))) s += add("home region", 1.5);
        if (round > 0) {
          if (!cc.empty()) {
            auto it = country_votes.find(cc);
            double v = it == country_votes.end() ? 0 : it->second;
            // Do not count this group's own vote.
            if (g.best != kNoPlace && idx.str(idx.record(g.best).country) == cc)
              v -= (static_cast<PlaceKind>(idx.record(g.best).kind) == PlaceKind::kCountry ||
                    static_cast<PlaceKind>(idx.record(g.best).kind) == PlaceKind::kAdmin1) ? 1.0 : 0.5;
            if (kind != PlaceKind::kCountry) {
              if (v >= 1.0) s += add("country named in text", 2.0);
              else if (v > 0.01) s += add("country of a nearby name", 1.0);
            } else if (v >= 1.0) {
              // The country whose places the text names, as its towns get the country's support:
              // "Officials in Mexico … Mexican health ministry" is the country, not Mexico City.
              s += add("its places named in text", kCountrySupportBonus);
            }
          }
          if (local_kind && r.admin1_place != kNoPlace) {
            auto it = admin1_votes.find(r.admin1_place);
            double v = it == admin1_votes.end() ? 0 : it->second;
            if (g.best != kNoPlace && idx.record(g.best).admin1_place == r.admin1_place) v -= 0.5;
            if (v >= 1.0) s += add("state named in text", kStateNamedBonus);
            else if (v > 0.01) s += add("state of another place", kStateNearbyBonus);
          }
          // Spatial coherence with the other groups' choices.
          if (local_kind) {
            double coh = 0;
            for (std::size_t p = 0; p < points.size(); ++p) {
              if (point_group[p] == gi) continue;
              double d = distance_km(r.lat, r.lon, points[p].first, points[p].second);
              coh += d < 30 ? 1.5 : d < 100 ? 0.8 : d < 300 ? 0.3 : 0;
            }
            s += add("near other places", std::min(coh, 3.5));
          }
        }
        if (local_kind && !cluster[gi].empty()) {
          s += add("near other names' candidates", 0.8 * cluster[gi][ci]);
        }
        s += add("qualifier", q);
        if (s > best) {
          second = best;
          best = s;
          best_place = c.place;
          best_why = std::move(why);
        } else if (s > second) {
          second = s;
        }
      }
      g.best = best_place;
      g.best_score = best;
      g.second = second;
      g.why = std::move(best_why);
    }
  }
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    Mention& m = doc.mentions[i];
    if (m.cands.empty()) continue;
    const Group& g = groups[group_of[i]];
    m.best = g.best;
    m.best_score = g.best_score;
    m.margin = g.second < -1e8 ? 5.0 : g.best_score - g.second;
    if (doc.explain) m.rwhy = g.why;
  }
}

namespace {

// A focus on an area (district, state, region) becomes the town inside it that the text names
// early: "Landkreis Havelland, Brieselang, Forstweg" is about Brieselang.
int refine_area_focus(const GazetteerIndex& idx, const Doc& doc, int focus) {
  if (focus < 0) return focus;
  const PlaceRecord& fr = idx.record(doc.mentions[focus].best);
  auto fk = static_cast<PlaceKind>(fr.kind);
  if (fk != PlaceKind::kAdmin2 && fk != PlaceKind::kAdmin1 && fk != PlaceKind::kRegion) return focus;
  const Mention& fm = doc.mentions[focus];
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    if (m.best == kNoPlace || m.seg != fm.seg || m.c0 > fm.c0 + 200) continue;
    const PlaceRecord& r = idx.record(m.best);
    if (static_cast<PlaceKind>(r.kind) != PlaceKind::kCity) continue;
    bool inside = fk == PlaceKind::kAdmin1 ? r.admin1_place == doc.mentions[focus].best
                                           : distance_km(r.lat, r.lon, fr.lat, fr.lon) < 60;
    if (!inside) continue;
    // "die Lausitz … in Kamenz … die Lausitz": an area the text names more often than the town
    // is the subject, not a frame for it.
    int area_n = 0, town_n = 0;
    for (const Mention& o : doc.mentions) {
      area_n += o.best == fm.best;
      town_n += o.best == m.best;
    }
    if (area_n > town_n && fk == PlaceKind::kRegion) return focus;
    return static_cast<int>(i);
  }
  return focus;
}

}  // namespace

namespace {

// Focus weights. A place adjective ("Oldenburger Kramermarkt") counts less than a mention of the
// town itself; a place the outlet's title names ("Rhön-Bote | Lokales aus Fulda") lends a weak
// prior to the places near it; "in X" / "bei X" early in the text marks the event place.
constexpr double kDemonymWeight = 0.6;
constexpr double kSiteNearBonus = 0.75;
constexpr double kSiteNearKm = 30;
constexpr double kEarlyPlaceCueBonus = 0.75;
constexpr double kEventNearDatelineKm = 50;
// The first town, district or region named gets a bonus ("Suche nach Investoren für die Lausitz").
constexpr double kFirstNamedMinSpec = 0.6;
constexpr double kPinnedMargin = 1.5;
constexpr int kManyHomonyms = 5;
// A small place whose name is also a dictionary word ("bei Frost", "vom Lech") is a weak focus:
// more often the word or a river than the hamlet.
constexpr std::int64_t kWeakFocusPopulation = 5000;
constexpr double kWeakFocusFactor = 0.3;

double specificity(PlaceKind k) {
  switch (k) {
    case PlaceKind::kCity: return 1.0;
    case PlaceKind::kAdmin2: return 0.8;
    case PlaceKind::kOther: return 0.4;  // a river or lake is where things happen, rarely what a story is about
    case PlaceKind::kRegion: return 0.6;
    case PlaceKind::kAdmin1: return 0.45;
    case PlaceKind::kCountry: return 0.3;
    default: return 0.1;
  }
}

double field_weight(const std::string& f, std::uint32_t c0) {
  double w = f == "title" ? 3.0 : f == "lead" ? 2.0 : f == "caption" ? 0.5 : 1.0;
  if (f == "text" && c0 < 400) w += 1.0;
  return w;
}

bool early(const std::string& f, std::uint32_t c0) {
  return f == "title" || f == "lead" || (f == "text" && c0 < 400);
}

// "bei X", "in X": the event happened there ("Sperrzonen um X" is an area, not the event place).
// A bare headline town ("Umleitung legt X lahm") was tried: it also moved the focus from Essen to
// Dortmund and from Rostock to Warnemünde on the samples, so only the event prepositions count.
bool event_preposition_before(const Doc& doc, const Mention& m) {
  const DocSegment& seg = doc.segs[m.seg];
  if (m.t0 == 0) return false;
  const Token& p = seg.toks[m.t0 - 1];
  if (!p.word()) return false;
  std::string w = folded_word(p.text(seg.text));
  return w == "bei" || w == "in" || w == "im";
}

// "Polizei Fulda", "Polizeiinspektion Wolgast", "WSPI Wolgast": the station's home, named by
// every report of that station wherever the event was.
bool police_home(const Doc& doc, const Mention& m) {
  const DocSegment& seg = doc.segs[m.seg];
  if (m.t0 == 0) return false;
  const Token& p = seg.toks[m.t0 - 1];
  if (!p.word()) return false;
  std::string_view raw = p.text(seg.text);
  if (p.is(kTokAllCaps) && raw.size() >= 2 && raw.size() <= 5) return true;
  std::string w = folded_word(raw);
  return w.rfind("polizei", 0) == 0 || w.rfind("wasserschutzpolizei", 0) == 0;
}

// A bare name shared by many towns of one country ("Neustadt", "Neuenkirchen") that nothing in the
// text pins down (close call, no named place nearby) is no focus: any pick would be a guess.
bool unpinned_homonym(const GazetteerIndex& idx, const Doc& doc, const Mention& m) {
  if (m.margin >= kPinnedMargin || !m.hints.empty() || m.dateline) return false;
  const PlaceRecord& r = idx.record(m.best);
  std::string_view cc = idx.str(r.country);
  int same = 0;
  std::int64_t rival = 0;  // largest same-country namesake
  for (const Candidate& c : m.cands) {
    const PlaceRecord& o = idx.record(c.place);
    // Towns only: a city quarter ("Stuttgart Mühlhausen", PPLX) is no rival reading.
    if (static_cast<PlaceKind>(o.kind) != PlaceKind::kCity || idx.str(o.country) != cc ||
        idx.str(o.feature_code) == "PPLX")
      continue;
    ++same;
    if (c.place != m.best) rival = std::max(rival, o.population);
  }
  // A clearly biggest namesake (Mühlhausen/Thüringen) is the usual reading, not a guess.
  if (same < kManyHomonyms || r.population >= 2 * rival) return false;
  for (const Mention& o : doc.mentions) {
    if (o.best == kNoPlace || o.best == m.best) continue;
    const PlaceRecord& q = idx.record(o.best);
    auto k = static_cast<PlaceKind>(q.kind);
    if (k == PlaceKind::kCountry || k == PlaceKind::kContinent) continue;
    if (k == PlaceKind::kAdmin1 ? r.admin1_place == o.best : distance_km(r.lat, r.lon, q.lat, q.lon) < 60)
      return false;
  }
  return true;
}

}  // namespace

bool is_site_segment(const DocSegment& s) { return s.field == "site"; }

FocusChoice choose_focus(const GazetteerIndex& idx, const Doc& doc) {
  FocusChoice out;
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    if (m.dateline && m.best != kNoPlace && !is_site_segment(doc.segs[m.seg])) {
      out.mention = refine_area_focus(idx, doc, static_cast<int>(i));
      // A police report's dateline names the station's town ("Fulda (ots)"); a nearby town the
      // headline puts the event in ("Lastwagen kippt bei Neuhof um") is what it is about.
      const PlaceRecord& dr = idx.record(doc.mentions[out.mention].best);
      for (const Mention& t : doc.mentions) {
        if (t.best == kNoPlace || t.best == m.best || t.person_cue || doc.segs[t.seg].field != "title") continue;
        const PlaceRecord& tr = idx.record(t.best);
        if (static_cast<PlaceKind>(tr.kind) != PlaceKind::kCity || !event_preposition_before(doc, t)) continue;
        if (distance_km(tr.lat, tr.lon, dr.lat, dr.lon) < kEventNearDatelineKm) {
          out.mention = static_cast<int>(&t - doc.mentions.data());
          break;
        }
      }
      return out;
    }
  }
  // Places named in the outlet's title (resolved with the text, so "Fulda" is the Hessian one).
  std::vector<std::uint32_t> site_places;
  for (const Mention& m : doc.mentions)
    if (m.best != kNoPlace && is_site_segment(doc.segs[m.seg])) site_places.push_back(m.best);
  auto near_site = [&](std::uint32_t place) {
    const PlaceRecord& r = idx.record(place);
    auto k = static_cast<PlaceKind>(r.kind);
    if (k == PlaceKind::kCountry || k == PlaceKind::kContinent || k == PlaceKind::kAdmin1) return false;
    for (std::uint32_t sp : site_places) {
      const PlaceRecord& q = idx.record(sp);
      if (distance_km(r.lat, r.lon, q.lat, q.lon) < kSiteNearKm) return true;
    }
    return false;
  };

  std::unordered_map<std::uint32_t, double> score;
  std::unordered_map<std::uint32_t, int> first;
  bool first_local_seen = false;
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    if (m.best == kNoPlace || is_site_segment(doc.segs[m.seg])) continue;
    const PlaceRecord& r = idx.record(m.best);
    double spec = specificity(static_cast<PlaceKind>(r.kind));
    const std::string& f = doc.segs[m.seg].field;
    if (unpinned_homonym(idx, doc, m)) continue;
    if (m.adjectival) {  // "Russian troops": a hint at the country, weighed like a place adjective
      score[m.best] += kDemonymWeight * field_weight(f, m.c0);
      first.emplace(m.best, static_cast<int>(i));
      continue;
    }
    const bool weak = (static_cast<PlaceKind>(r.kind) == PlaceKind::kCity && r.population < kWeakFocusPopulation &&
                       (m.key_flags & (kFlagDeExact | kFlagDeLower | kFlagEnExact | kFlagEnLower)) && !m.dateline) ||
                      police_home(doc, m);
    double add = field_weight(f, m.c0) * spec;
    if (weak) {
      score[m.best] += kWeakFocusFactor * add;
      first.emplace(m.best, static_cast<int>(i));
      continue;
    }
    if (!first_local_seen && spec >= kFirstNamedMinSpec) {
      add += 1.0;
      first_local_seen = true;
    }
    if (m.place_cue && spec >= 0.7 && early(f, m.c0)) add += kEarlyPlaceCueBonus;
    score[m.best] += add;
    first.emplace(m.best, static_cast<int>(i));
  }
  for (auto& [place, s] : score) {
    if (!site_places.empty() && near_site(place)) s += kSiteNearBonus;
  }
  // Place adjectives support their town, and compete with the named places at a lower weight: a
  // national story's "Münchner Sicherheitskonferenz" does not beat "Berlin" in its lead.
  std::unordered_map<std::uint32_t, double> dscore;
  std::unordered_map<std::uint32_t, int> dfirst;
  for (std::size_t k = 0; k < doc.demonyms.size(); ++k) {
    const Demonym& d = doc.demonyms[k];
    double add = kDemonymWeight * field_weight(doc.segs[d.seg].field, d.c0);
    auto it = score.find(d.place);
    if (it != score.end()) it->second += add;
    else {
      dscore[d.place] += add;
      dfirst.emplace(d.place, static_cast<int>(k));
    }
  }
  int best = -1;
  double best_s = 0;
  for (const auto& [place, s] : score) {
    int fi = first[place];
    if (s > best_s || (s == best_s && best >= 0 && fi < best)) {
      best_s = s;
      best = fi;
    }
  }
  out.mention = refine_area_focus(idx, doc, best);
  if (dscore.empty()) return out;
  int dbest = -1;
  double dbest_s = 0;
  for (const auto& [place, s] : dscore) {
    int fi = dfirst[place];
    if (s > dbest_s || (s == dbest_s && dbest >= 0 && fi < dbest)) {
      dbest_s = s;
      dbest = fi;
    }
  }
  if (out.mention >= 0) {
    const PlaceRecord& fr = idx.record(doc.mentions[out.mention].best);
    const PlaceRecord& dr = idx.record(doc.demonyms[dbest].place);
    auto fk = static_cast<PlaceKind>(fr.kind);
    // A named town wins unless the adjective scores more; a named country or state yields to an
    // adjective's town inside it ("Weidener Altstadt … Oberpfalz").
    bool area = fk == PlaceKind::kCountry || fk == PlaceKind::kAdmin1 || fk == PlaceKind::kRegion;
    bool inside = fk == PlaceKind::kAdmin1 ? dr.admin1_place == doc.mentions[out.mention].best
                                           : idx.str(dr.country) == idx.str(fr.country);
    if (!(area && inside) && dbest_s <= best_s) return out;
  }
  out.mention = -1;
  out.demonym = dbest;
  return out;
}

std::string folded_word(std::string_view s) { return fold_for_match(s, true); }

bool strong_kind(PlaceKind k) {
  return k == PlaceKind::kCountry || k == PlaceKind::kContinent || k == PlaceKind::kAdmin1;
}

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  // Equirectangular approximation: callers only compare against radii of a few hundred km,
  // where it is within a few per cent, and it avoids trigonometry per pair.
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlon = std::fabs(lon2 - lon1);
  if (dlon > 180) dlon = 360 - dlon;
  double x = dlon * kRad * std::cos(0.5 * (lat1 + lat2) * kRad);
  double y = (lat2 - lat1) * kRad;
  return 6371.0 * std::sqrt(x * x + y * y);
}

}  // namespace pk::geo
