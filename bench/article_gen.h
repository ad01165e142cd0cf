// Synthetic but realistic articles for the store benchmarks: places weighted by population
// (from the gazetteer when one is available, else a built-in list of German towns), German-like
// text with a Zipfian vocabulary and compounds, dates over two years, several outlets.
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "pressekarte/geo.h"
#include "pressekarte/store.h"

namespace pk::bench {

struct GenPlace {
  std::string name, country, admin1;
  double lat, lon;
  double weight;
  std::optional<std::int64_t> geonameid;
  std::string kind = "city";
};

// ~100 German towns and cities (approximate coordinates, GeoNames admin1 codes, population in
// thousands as weight) for when no gazetteer file is present.
inline std::vector<GenPlace> builtin_places() {
  struct Row { const char* name; const char* a1; double lat, lon, pop; };
  static const Row kRows[] = {
      {"Berlin", "16", 52.52, 13.40, 3645}, {"Hamburg", "04", 53.55, 9.99, 1841}, {"München", "02", 48.14, 11.58, 1472},
      {"Köln", "07", 50.94, 6.96, 1086}, {"Frankfurt am Main", "05", 50.11, 8.68, 763}, {"Stuttgart", "01", 48.78, 9.18, 635},
      {"Düsseldorf", "07", 51.23, 6.78, 621}, {"Leipzig", "13", 51.34, 12.37, 597}, {"Dortmund", "07", 51.51, 7.47, 588},
      {"Essen", "07", 51.46, 7.01, 583}, {"Bremen", "03", 53.08, 8.80, 567}, {"Dresden", "13", 51.05, 13.74, 556},
      {"Hannover", "06", 52.37, 9.73, 536}, {"Nürnberg", "02", 49.45, 11.08, 518}, {"Duisburg", "07", 51.43, 6.76, 498},
      {"Bochum", "07", 51.48, 7.22, 365}, {"Wuppertal", "07", 51.26, 7.15, 355}, {"Bielefeld", "07", 52.02, 8.53, 334},
      {"Bonn", "07", 50.73, 7.10, 329}, {"Münster", "07", 51.96, 7.63, 315}, {"Mannheim", "01", 49.49, 8.47, 310},
      {"Karlsruhe", "01", 49.01, 8.40, 308}, {"Augsburg", "02", 48.37, 10.90, 296}, {"Wiesbaden", "05", 50.08, 8.24, 278},
      {"Mönchengladbach", "07", 51.19, 6.44, 261}, {"Gelsenkirchen", "07", 51.51, 7.10, 260}, {"Aachen", "07", 50.78, 6.08, 249},
      {"Braunschweig", "06", 52.27, 10.52, 249}, {"Kiel", "10", 54.32, 10.14, 246}, {"Chemnitz", "13", 50.83, 12.92, 243},
      {"Halle (Saale)", "14", 51.48, 11.97, 238}, {"Magdeburg", "14", 52.13, 11.62, 237}, {"Freiburg im Breisgau", "01", 47.99, 7.85, 231},
      {"Krefeld", "07", 51.33, 6.56, 227}, {"Mainz", "08", 50.00, 8.27, 218}, {"Lübeck", "10", 53.87, 10.69, 216},
      {"Erfurt", "15", 50.98, 11.03, 213}, {"Oberhausen", "07", 51.47, 6.85, 210}, {"Rostock", "12", 54.09, 12.10, 209},
      {"Kassel", "05", 51.31, 9.48, 201}, {"Hagen", "07", 51.36, 7.47, 188}, {"Potsdam", "11", 52.39, 13.06, 182},
      {"Saarbrücken", "09", 49.23, 7.00, 180}, {"Hamm", "07", 51.68, 7.82, 179}, {"Ludwigshafen", "08", 49.48, 8.44, 172},
      {"Oldenburg", "06", 53.14, 8.21, 169}, {"Mülheim an der Ruhr", "07", 51.43, 6.88, 170}, {"Osnabrück", "06", 52.28, 8.05, 165},
      {"Leverkusen", "07", 51.03, 6.98, 163}, {"Darmstadt", "05", 49.87, 8.65, 159}, {"Heidelberg", "01", 49.40, 8.69, 159},
      {"Solingen", "07", 51.17, 7.08, 159}, {"Regensburg", "02", 49.01, 12.10, 153}, {"Herne", "07", 51.54, 7.22, 156},
      {"Paderborn", "07", 51.72, 8.75, 151}, {"Neuss", "07", 51.20, 6.69, 152}, {"Ingolstadt", "02", 48.77, 11.43, 137},
      {"Offenbach am Main", "05", 50.10, 8.77, 130}, {"Würzburg", "02", 49.79, 9.95, 127}, {"Fürth", "02", 49.48, 10.99, 128},
      {"Ulm", "01", 48.40, 9.99, 126}, {"Heilbronn", "01", 49.14, 9.22, 125}, {"Pforzheim", "01", 48.89, 8.70, 125},
      {"Wolfsburg", "06", 52.42, 10.79, 124}, {"Göttingen", "06", 51.54, 9.93, 118}, {"Bottrop", "07", 51.52, 6.93, 117},
      {"Reutlingen", "01", 48.49, 9.21, 116}, {"Koblenz", "08", 50.36, 7.59, 114}, {"Bremerhaven", "03", 53.55, 8.58, 113},
      {"Recklinghausen", "07", 51.61, 7.20, 111}, {"Erlangen", "02", 49.60, 11.00, 112}, {"Bergisch Gladbach", "07", 50.99, 7.13, 111},
      {"Trier", "08", 49.75, 6.64, 111}, {"Jena", "15", 50.93, 11.59, 110}, {"Remscheid", "07", 51.18, 7.19, 111},
      {"Salzgitter", "06", 52.15, 10.33, 104}, {"Moers", "07", 51.45, 6.63, 103}, {"Siegen", "07", 50.87, 8.02, 102},
      {"Hildesheim", "06", 52.15, 9.95, 101}, {"Cottbus", "11", 51.76, 14.33, 99}, {"Gütersloh", "07", 51.91, 8.38, 100},
      {"Kaiserslautern", "08", 49.44, 7.77, 100}, {"Schwerin", "12", 53.63, 11.41, 96}, {"Witten", "07", 51.44, 7.34, 96},
      {"Gera", "15", 50.88, 12.08, 93}, {"Zwickau", "13", 50.72, 12.49, 88}, {"Flensburg", "10", 54.78, 9.44, 90},
      {"Fulda", "05", 50.56, 9.68, 68}, {"Marburg", "05", 50.81, 8.77, 77}, {"Gießen", "05", 50.58, 8.68, 90},
      {"Bamberg", "02", 49.89, 10.89, 77}, {"Passau", "02", 48.57, 13.43, 52}, {"Konstanz", "01", 47.66, 9.18, 85},
      {"Lüneburg", "06", 53.25, 10.41, 76}, {"Stralsund", "12", 54.31, 13.09, 59}, {"Görlitz", "13", 51.15, 14.99, 56},
      {"Weimar", "15", 50.98, 11.33, 65}, {"Dessau-Roßlau", "14", 51.83, 12.24, 80}, {"Frankfurt (Oder)", "11", 52.34, 14.55, 57},
      {"Neubrandenburg", "12", 53.56, 13.26, 63}, {"Wismar", "12", 53.89, 11.46, 43}, {"Landshut", "02", 48.54, 12.15, 73},
      {"Rosenheim", "02", 47.86, 12.12, 64}, {"Kempten", "02", 47.73, 10.31, 69}, {"Tübingen", "01", 48.52, 9.06, 91}};
  std::vector<GenPlace> out;
  for (const auto& r : kRows) out.push_back(GenPlace{r.name, "DE", r.a1, r.lat, r.lon, r.pop, std::nullopt});
  // A few foreign datelines.
  out.push_back(GenPlace{"Paris", "FR", "11", 48.85, 2.35, 300, std::nullopt});
  out.push_back(GenPlace{"Wien", "AT", "09", 48.21, 16.37, 200, std::nullopt});
  out.push_back(GenPlace{"Washington", "US", "DC", 38.90, -77.04, 150, std::nullopt});
  out.push_back(GenPlace{"Tokio", "JP", "40", 35.69, 139.69, 150, std::nullopt});
  out.push_back(GenPlace{"Brüssel", "BE", "BRU", 50.85, 4.35, 150, std::nullopt});
  return out;
}

// German places from the gazetteer weighted by population, plus 10% weight for foreign cities.
inline std::vector<GenPlace> gazetteer_places(const Gazetteer& g) {
  std::vector<GenPlace> de, world;
  for (std::uint32_t i = 0; i < g.size(); ++i) {
    GazetteerPlace p = g.place(i);
    if (p.kind != "city" || p.population <= 0) continue;
    GenPlace gp{p.name_de.empty() ? p.name : p.name_de, p.country, p.admin1, p.lat, p.lon,
                static_cast<double>(p.population), p.geonameid};
    if (p.country == "DE") {
      de.push_back(gp);
    } else if (p.population > 500000) {
      world.push_back(gp);
    }
  }
  double de_total = 0, world_total = 0;
  for (auto& p : de) de_total += p.weight;
  for (auto& p : world) world_total += p.weight;
  for (auto& p : world) p.weight = p.weight / world_total * de_total * 0.1;
  de.insert(de.end(), world.begin(), world.end());
  return de;
}

class ArticleGenerator {
 public:
  ArticleGenerator(std::vector<GenPlace> places, std::uint64_t seed) : places_(std::move(places)), rng_(seed) {
    std::vector<double> w;
    for (const auto& p : places_) w.push_back(p.weight);
    pick_place_ = std::discrete_distribution<std::size_t>(w.begin(), w.end());
    static const char* kWords[] = {
        "Stadt", "Rat", "Polizei", "Feuerwehr", "Unfall", "Straße", "Schule", "Kinder", "Bürgermeister", "Gemeinde",
        "Haushalt", "Bahn", "Zug", "Brücke", "Baustelle", "Verkehr", "Wetter", "Regen", "Sturm", "Hochwasser",
        "Wahl", "Partei", "Landtag", "Bundestag", "Regierung", "Minister", "Gericht", "Prozess", "Urteil", "Klage",
        "Firma", "Betrieb", "Arbeit", "Stellen", "Streik", "Gewerkschaft", "Preis", "Energie", "Strom", "Gas",
        "Krankenhaus", "Klinik", "Ärzte", "Pflege", "Gesundheit", "Museum", "Theater", "Konzert", "Festival", "Verein",
        "Fußball", "Spiel", "Trainer", "Saison", "Tor", "Sieg", "Niederlage", "Meister", "Liga", "Fans",
        "Wohnung", "Miete", "Haus", "Neubau", "Quartier", "Park", "Baum", "Kirsche", "Garten", "Wald",
        "Tier", "Hund", "Katze", "Zoo", "Natur", "Umwelt", "Klima", "Wasser", "Fluss", "See",
        "Flughafen", "Hafen", "Schiff", "Auto", "Fahrrad", "Radweg", "Bus", "Linie", "Ticket", "Kosten",
        "Millionen", "Euro", "Prozent", "Jahr", "Woche", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
        "Samstag", "Sonntag", "Morgen", "Abend", "Nacht", "Zeugen", "Täter", "Opfer", "Ermittlungen", "Staatsanwaltschaft",
        "Verteidigung", "Etat", "Sicherheit", "Bundeswehr", "Soldaten", "Kaserne", "Rathaus", "Markt", "Weihnachtsmarkt", "Fest"};
    static const char* kFunction[] = {"der", "die", "das", "und", "in", "mit", "auf", "für", "von", "den",
                                      "im", "ist", "sich", "nicht", "ein", "eine", "am", "nach", "bei", "auch",
                                      "hat", "wird", "wurde", "sind", "noch", "über", "zum", "zur", "aus", "wie"};
    for (auto* word : kWords) nouns_.push_back(word);
    for (auto* word : kFunction) function_.push_back(word);
    // Compounds multiply the vocabulary like real news text does.
    std::size_t n = nouns_.size();
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; j += 7)
        if (i != j) {
          std::string second = nouns_[(j + i) % n];
          second[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(second[0])));
          compounds_.push_back(nouns_[i] + ((i + j) % 3 == 0 ? "s" : "") + second);
        }
    // A realistic term distribution: 30,000 content words with Zipf frequencies (rank r has
    // weight 1/r); the real nouns sit at ranks 20..140, pseudo-German words (syllable
    // combinations) fill the rest. Mid-rank words then occur in ~1% of articles, as in news.
    static const char* kSyllables[] = {"ber", "gen", "stein", "hau", "sen", "wal", "der", "lin", "mar", "kel",
                                       "rot", "feld", "burg", "bach", "dorf", "heim", "au", "tal", "ho", "fen",
                                       "lan", "ge", "wer", "ke", "schul", "amt", "ver", "kehr", "bau", "platz",
                                       "zeit", "rich", "ter", "ung", "land", "wirt", "schaft", "kreis", "stadt", "weg"};
    constexpr std::size_t kS = sizeof(kSyllables) / sizeof(kSyllables[0]);
    std::vector<std::string> vocab;
    std::mt19937_64 vrng(42);
    std::unordered_set<std::string> seen(nouns_.begin(), nouns_.end());
    while (vocab.size() < 30000) {
      int parts = std::uniform_int_distribution<int>(2, 4)(vrng);
      std::string word;
      for (int k = 0; k < parts; ++k) word += kSyllables[std::uniform_int_distribution<std::size_t>(0, kS - 1)(vrng)];
      word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
      if (seen.insert(word).second) vocab.push_back(word);
    }
    vocab.insert(vocab.begin() + 20, nouns_.begin(), nouns_.end());
    nouns_ = std::move(vocab);
    std::vector<double> zipf;
    for (std::size_t i = 0; i < nouns_.size(); ++i) zipf.push_back(1.0 / (i + 1));
    pick_noun_ = std::discrete_distribution<std::size_t>(zipf.begin(), zipf.end());
  }

  const std::vector<std::string>& nouns() const { return nouns_; }
  const std::vector<GenPlace>& places() const { return places_; }
  const GenPlace& random_place() { return places_[pick_place_(rng_)]; }

  ArticleRecord next(std::int64_t serial) {
    ArticleRecord r;
    Article& a = r.article;
    const GenPlace& focus = random_place();
    a.outlet = kOutlets[serial % 8];
    a.url = fmt::format("https://{}.example/artikel/{}", a.outlet, serial);
    std::int64_t day = std::uniform_int_distribution<int>(0, 729)(rng_);
    std::int64_t ts = 1704067200 + day * 86400 + std::uniform_int_distribution<int>(0, 86399)(rng_);
    a.date = format_ts(ts);
    a.language = (serial % 20 == 0) ? "en" : "de";
    a.dateline = focus.name;
    a.agency = serial % 3 == 0 ? "dpa" : "";
    a.title = sentence(6, focus.name);
    a.lead = sentence(22, focus.name);
    int paragraphs = std::uniform_int_distribution<int>(3, 6)(rng_);
    for (int i = 0; i < paragraphs; ++i) a.paragraphs.push_back(sentence(45, i == 1 ? focus.name : ""));
    for (const auto& p : a.paragraphs) a.text += (a.text.empty() ? "" : "\n\n") + p;
    a.content_hash = fmt::format("{:016x}", std::hash<std::string>{}(a.title + a.text));
    r.geo.places.push_back(mention(focus, "focus"));
    r.geo.focus = 0;
    int others = std::uniform_int_distribution<int>(0, 3)(rng_);
    for (int i = 0; i < others; ++i) r.geo.places.push_back(mention(random_place(), "mentioned"));
    return r;
  }

 private:
  static constexpr const char* kOutlets[] = {"hna", "fnp", "ksta", "swp", "mopo", "lvz", "nwz", "sz"};

  static std::string format_ts(std::int64_t ts) {
    std::time_t t = ts;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
  }

  PlaceMention mention(const GenPlace& p, const char* role) {
    PlaceMention m;
    m.surface = m.name = p.name;
    m.field = "text";
    m.country = p.country;
    m.admin1 = p.admin1;
    m.lat = p.lat;
    m.lon = p.lon;
    m.kind = p.kind;
    m.role = role;
    m.confidence = 0.8;
    m.geonameid = p.geonameid;
    if (!m.geonameid) m.geonameid = static_cast<std::int64_t>(std::hash<std::string>{}(p.name) % 10000000);
    return m;
  }

  std::string sentence(int words, const std::string& place) {
    std::string s;
    std::uniform_int_distribution<int> coin(0, 9);
    for (int i = 0; i < words; ++i) {
      if (!s.empty()) s += ' ';
      int c = coin(rng_);
      if (c < 4) {
        s += function_[std::uniform_int_distribution<std::size_t>(0, function_.size() - 1)(rng_)];
      } else if (c < 8) {
        s += nouns_[pick_noun_(rng_)];
      } else {
        s += compounds_[std::uniform_int_distribution<std::size_t>(0, compounds_.size() - 1)(rng_)];
      }
      if (i == words / 2 && !place.empty()) s += " in " + place;
    }
    return s + ".";
  }

  std::vector<GenPlace> places_;
  std::mt19937_64 rng_;
  std::discrete_distribution<std::size_t> pick_place_, pick_noun_;
  std::vector<std::string> nouns_, function_, compounds_;
};

// Gazetteer places when a gazetteer file opens, else the built-in list.
inline std::vector<GenPlace> load_places(const std::string& gazetteer_path, std::string* source) {
  auto g = Gazetteer::open(gazetteer_path.empty() ? Gazetteer::default_path() : gazetteer_path);
  if (g) {
    auto places = gazetteer_places(**g);
    if (places.size() > 100) {
      *source = fmt::format("gazetteer ({} places)", places.size());
      return places;
    }
  }
  *source = "built-in list of German towns";
  return builtin_places();
}

}  // namespace pk::bench
