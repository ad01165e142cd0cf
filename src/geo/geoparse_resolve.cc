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
#include "pressekarte/text.h"

namespace pk::geo {
namespace {

constexpr std::size_t kMaxCandidates = 64;
constexpr std::size_t kMaxCoherenceGroups = 200;

struct Group {
  std::vector<std::size_t> mentions;
  std::span<const Candidate> cands;
  std::vector<std::uint32_t> hints;
  bool dateline = false;
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
  double pop = static_cast<double>(std::max<std::int64_t>(r.population, 0));
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
      bool names_area = false;
      for (const Candidate& c : g.cands) {
        auto k = static_cast<PlaceKind>(idx.record(c.place).kind);
        if (strong_kind(k) && (c.how & (kHowPrimary | kHowGerman | kHowEnglish | kHowAscii))) names_area = true;
      }
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
        double s = add("prior", kind_prior(r, fcode));
        if (c.how & (kHowPrimary | kHowAscii | kHowGerman | kHowEnglish)) s += add("main name", 1.0);
        else if (c.how & kHowAbbrev) s += add("abbreviation", 0.5);
        else if (c.how & kHowCode) s += add("code", -1.5);
        if (c.how & kHowNoExpand) s += add("unexpanded umlaut", -0.3);
        if (names_area && kind == PlaceKind::kCity && fcode != "PPLC" && r.population < 1000000 &&
            g.hints.empty())
          s += add("homonym of a state/country", -3.0);
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
          if (kind != PlaceKind::kCountry && !cc.empty()) {
            auto it = country_votes.find(cc);
            double v = it == country_votes.end() ? 0 : it->second;
            // Do not count this group's own vote.
            if (g.best != kNoPlace && idx.str(idx.record(g.best).country) == cc)
              v -= (static_cast<PlaceKind>(idx.record(g.best).kind) == PlaceKind::kCountry ||
                    static_cast<PlaceKind>(idx.record(g.best).kind) == PlaceKind::kAdmin1) ? 1.0 : 0.5;
            if (v >= 1.0) s += add("country named in text", 2.0);
            else if (v > 0.01) s += add("country of a nearby name", 1.0);
          }
          if (local_kind && r.admin1_place != kNoPlace) {
            auto it = admin1_votes.find(r.admin1_place);
            double v = it == admin1_votes.end() ? 0 : it->second;
            if (g.best != kNoPlace && idx.record(g.best).admin1_place == r.admin1_place) v -= 0.5;
            if (v >= 1.0) s += add("state named in text", 2.0);
            else if (v > 0.01) s += add("state of another place", 0.8);
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
        // Qualifiers: "(NI)", "(Kr. Fulda)", "Berlin-Kreuzberg".
        if (!g.hints.empty()) {
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
          s += add("qualifier", q);
        }
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
    if (inside) return static_cast<int>(i);
  }
  return focus;
}

}  // namespace

int choose_focus(const GazetteerIndex& idx, const Doc& doc) {
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    if (m.dateline && m.best != kNoPlace) return refine_area_focus(idx, doc, static_cast<int>(i));
  }
  std::unordered_map<std::uint32_t, double> score;
  std::unordered_map<std::uint32_t, int> first;
  bool first_local_seen = false;
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    if (m.best == kNoPlace) continue;
    const PlaceRecord& r = idx.record(m.best);
    double spec;
    switch (static_cast<PlaceKind>(r.kind)) {
      case PlaceKind::kCity: spec = 1.0; break;
      case PlaceKind::kAdmin2: spec = 0.8; break;
      case PlaceKind::kOther: spec = 0.7; break;
      case PlaceKind::kRegion: spec = 0.6; break;
      case PlaceKind::kAdmin1: spec = 0.45; break;
      case PlaceKind::kCountry: spec = 0.3; break;
      default: spec = 0.1;
    }
    const std::string& f = doc.segs[m.seg].field;
    double w = f == "title" ? 3.0 : f == "lead" ? 2.0 : f == "caption" ? 0.5 : 1.0;
    if (f == "text" && m.c0 < 400) w += 1.0;
    double add = w * spec;
    if (!first_local_seen && spec >= 0.7) {
      add += 1.0;
      first_local_seen = true;
    }
    score[m.best] += add;
    first.emplace(m.best, static_cast<int>(i));
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
  return refine_area_focus(idx, doc, best);
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
