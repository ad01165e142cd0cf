#include <chrono>
#include <cstdio>

#include <gtest/gtest.h>

#include "pressekarte/stories.h"

namespace pk {
namespace {

Article make(std::string date, std::string title, std::string lead, std::vector<std::string> paragraphs) {
  Article a;
  a.date = std::move(date);
  a.title = std::move(title);
  a.lead = std::move(lead);
  a.paragraphs = std::move(paragraphs);
  return a;
}

GeoparseResult at(std::int64_t geonameid, std::string name) {
  GeoparseResult g;
  PlaceMention p;
  p.geonameid = geonameid;
  p.name = std::move(name);
  g.places.push_back(p);
  g.focus = 0;
  return g;
}

const std::vector<std::string> kWireBody = {
    "Frankfurt (Oder) (dpa/bb) - Bei Prüfungen waren Schäden an den Lagern und der Fahrbahnplatte "
    "festgestellt worden. Die Sperrung für Autos und Lastwagen soll nach Angaben der Stadtverwaltung "
    "etwa acht Monate dauern. Beide Städte teilen sich die Kosten, die EU beteiligt sich.",
    "Für die Doppelstadt ist die Brücke eine Lebensader. Täglich überqueren sie mehrere Tausend "
    "Menschen, viele Polen arbeiten in Frankfurt, viele Deutsche kaufen in Słubice ein oder tanken dort.",
    "Die grenzüberschreitende Buslinie soll während der Bauzeit häufiger fahren, teilten die "
    "Verkehrsbetriebe beider Städte am Nachmittag gemeinsam mit.",
    "Händler auf beiden Seiten der Oder reagierten besorgt und forderten zusätzliche Parkplätze an der Brücke."};
const std::string kWireLead =
    "Die Oderbrücke zwischen Frankfurt (Oder) und Słubice muss saniert werden. Vom Januar an dürfen "
    "nur noch Fußgänger, Radfahrer und Busse hinüber.";

TEST(StoryIndex, ReprintsWithNewHeadlineCutAndLocalParagraphJoinTheFirstStory) {
  StoryIndex idx;
  auto geo = at(2925533, "Frankfurt (Oder)");
  auto d1 = idx.add(10, make("2026-11-13", "Stadtbrücke wird gesperrt", kWireLead, kWireBody), geo);
  EXPECT_TRUE(d1.new_story);
  EXPECT_EQ(d1.story_id, 10);
  EXPECT_EQ(d1.reason, "new");

  // New headline, last two paragraphs cut, no place known.
  auto d2 = idx.add(11, make("2026-11-14", "Oderbrücke dicht", kWireLead, {kWireBody[0], kWireBody[1]}), {});
  EXPECT_FALSE(d2.new_story);
  EXPECT_EQ(d2.story_id, 10);
  EXPECT_EQ(d2.reason, "reprint");
  EXPECT_EQ(d2.matched_article, 10);
  EXPECT_GE(d2.similarity, 0.9);

  // Umlauts spelled out, a local paragraph added, boilerplate line appended.
  auto body = kWireBody;
  body[1] = "Fuer die Doppelstadt ist die Bruecke eine Lebensader. Taeglich ueberqueren sie mehrere "
            "Tausend Menschen, viele Polen arbeiten in Frankfurt, viele Deutsche kaufen in Slubice ein "
            "oder tanken dort.";
  body.push_back("In Eisenhüttenstadt hofft der Bürgermeister auf mehr Kundschaft in der Lindenallee.");
  body.push_back("Mehr Nachrichten aus der Region lesen Sie in unserer App. Jetzt kostenlos testen!");
  auto d3 = idx.add(12, make("2026-11-13", "Acht Monate ohne Autos", kWireLead, body), geo);
  EXPECT_EQ(d3.story_id, 10);
  EXPECT_EQ(d3.reason, "reprint");
  EXPECT_EQ(idx.story_of(12), 10);
  EXPECT_EQ(idx.size(), 3u);
}

TEST(StoryIndex, UnrelatedArticleAndOutOfWindowReprintStartNewStories) {
  StoryIndex idx;
  idx.add(1, make("2026-11-13", "Brücke", kWireLead, kWireBody), {});
  auto other = idx.add(2, make("2026-11-13", "Zoo",
                              "Der Zoo in Eberswalde will im Winter mehr Gäste anlocken. Neu sind Fütterungen.",
                              {"Die Besucherzahlen sinken im Winter meist stark. Führungen im Dunkeln sollen helfen."}),
                       {});
  EXPECT_TRUE(other.new_story);
  // The same wire text 10 days later is outside the default ±3 day window.
  auto late = idx.add(3, make("2026-11-23", "Brücke", kWireLead, kWireBody), {});
  EXPECT_TRUE(late.new_story);
  EXPECT_EQ(late.story_id, 3);
}

TEST(StoryIndex, OutOfOrderArrivalStillJoinsWithinWindow) {
  StoryIndex idx;
  idx.add(5, make("2026-11-15", "Brücke", kWireLead, kWireBody), {});
  auto early = idx.add(6, make("2026-11-13", "Früher gedruckt", kWireLead, {kWireBody[0], kWireBody[2]}), {});
  EXPECT_EQ(early.story_id, 5);  // story ids are stable: the first member added
}

TEST(StoryIndex, SameEventDifferentTextSamePlaceJoins) {
  StoryIndex idx;
  auto kassel = at(2892518, "Kassel");
  idx.add(1, make("2026-11-21", "Straßenbahn springt am Königsplatz aus den Gleisen",
                  "Eine Straßenbahn der Linie 4 ist am Königsplatz entgleist. Verletzt wurde niemand.",
                  {"Die Bahn war mit geringer Geschwindigkeit in die Kurve zur Oberen Königsstraße gefahren, "
                   "als das hintere Drehgestell aus der Schiene sprang. Ein Kran hob den Wagen zurück."}),
          kassel);
  auto d = idx.add(2, make("2026-11-22", "Entgleisung in Kassel: Gutachter prüfen Weiche",
                           "Nach der Entgleisung einer Straßenbahn am Königsplatz untersuchen Experten die Weiche.",
                           {"Ein Zug der Linie 4 war beim Einbiegen in die Obere Königsstraße mit dem hinteren "
                            "Drehgestell aus der Schiene gesprungen. Für die Bergung wurde ein Kran benötigt."}),
                   kassel);
  EXPECT_EQ(d.story_id, 1);
  EXPECT_EQ(d.reason, "same_event");
  // The same words about another town are not the same event.
  auto elsewhere = idx.add(3, make("2026-11-22", "Tram entgleist an der Weiche",
                                   "Am Alexanderplatz ist eine Straßenbahn aus den Gleisen gesprungen. "
                                   "Experten untersuchen nun, ob die Weiche defekt war.",
                                   {"Die Bahn der Linie 4 fuhr langsam in die Kurve, dann sprang das Drehgestell "
                                    "aus der Schiene. Ein Kran wurde benötigt, niemand wurde verletzt."}),
                           at(2950159, "Berlin"));
  EXPECT_TRUE(elsewhere.new_story);
}

TEST(StoryIndex, EmptyAndOneWordArticlesAreTheirOwnStory) {
  StoryIndex idx;
  auto a = idx.add(1, make("2026-11-01", "", "", {}), {});
  auto b = idx.add(2, make("2026-11-01", "", "", {}), {});
  auto c = idx.add(3, make("2026-11-01", "Eilmeldung", "Eilmeldung", {}), {});
  auto d = idx.add(4, make("2026-11-01", "Eilmeldung", "Eilmeldung", {}), {});
  EXPECT_EQ(a.reason, "too_short");
  EXPECT_EQ(b.story_id, 2);
  EXPECT_EQ(c.story_id, 3);
  EXPECT_EQ(d.story_id, 4);
  EXPECT_EQ(d.reason, "too_short");
}

TEST(StoryIndex, DuplicateIdChangesNothing) {
  StoryIndex idx;
  idx.add(1, make("2026-11-13", "Brücke", kWireLead, kWireBody), {});
  auto again = idx.add(1, make("2026-11-13", "ganz anders", "Etwas völlig anderes steht hier jetzt.", {}), {});
  EXPECT_EQ(again.reason, "duplicate_id");
  EXPECT_EQ(again.story_id, 1);
  EXPECT_EQ(idx.size(), 1u);
}

TEST(StoryIndex, TenThousandIdenticalCopiesStayBounded) {
  // Without an outlet, and from one outlet (every block then is "seen": a re-run, kept whole).
  for (const char* outlet : {"", "bote"}) {
    StoryIndex idx;
    Article a = make("2026-11-13", "Brücke", kWireLead, kWireBody);
    a.outlet = outlet;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 10000; ++i) {
      auto d = idx.add(100 + i, a, at(2925533, "Frankfurt (Oder)"));
      ASSERT_EQ(d.story_id, 100) << "outlet '" << outlet << "' copy " << i;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(secs, 10.0);  // capped buckets: linear, not quadratic
    EXPECT_LT(idx.memory_bytes() / idx.size(), 2000u);
  }
}

TEST(StoryIndex, TwoLanguageArticleMatchesItsGermanHalf) {
  StoryIndex idx;
  idx.add(1, make("2026-11-13", "Brücke", kWireLead, kWireBody), {});
  auto body = kWireBody;
  body.push_back("The bridge between Frankfurt (Oder) and Slubice will be closed to cars for eight months "
                 "from January, the city said on Friday.");
  body.push_back("Buses, cyclists and pedestrians may still cross, and the cross-border bus line will run more often.");
  auto d = idx.add(2, make("2026-11-13", "Brücke / Bridge", kWireLead, body), {});
  EXPECT_EQ(d.story_id, 1);
}

TEST(StoryIndex, RestoreKeepsStoredStoryIds) {
  StoryIndex idx;
  idx.restore(40, 7, make("2026-11-13", "Brücke", kWireLead, kWireBody), {});
  EXPECT_EQ(idx.story_of(40), 7);
  auto d = idx.add(41, make("2026-11-14", "Brücke", kWireLead, kWireBody), {});
  EXPECT_EQ(d.story_id, 7);
}

const std::string kCookieBanner =
    "Um die Funktion unserer Website zu verbessern und Ihnen passende Inhalte anzuzeigen, verwenden wir "
    "Cookies und ähnliche Technologien. Mit einem Klick auf Akzeptieren stimmen Sie der Verarbeitung Ihrer "
    "Daten durch uns und unsere Partner zu. Ihre Einwilligung können Sie jederzeit in den Einstellungen "
    "widerrufen. Weitere Informationen finden Sie in unserer Datenschutzerklärung.";

Article with_outlet(Article a, std::string outlet) {
  a.outlet = std::move(outlet);
  return a;
}

TEST(StoryIndex, CookieBannerSharedByOneOutletDoesNotMergeItsArticles) {
  for (bool drop : {true, false}) {
    StoryOptions opt;
    opt.drop_outlet_boilerplate = drop;
    StoryIndex idx(opt);
    auto bridge = make("2026-11-13", "Brücke", kWireLead, kWireBody);
    bridge.paragraphs.push_back(kCookieBanner);
    idx.add(1, with_outlet(bridge, "oderland-kurier"), {});
    auto zoo = make("2026-11-13", "Zoo", "Der Zoo in Eberswalde will im Winter mehr Gäste anlocken.",
                    {kCookieBanner, "Neu sind Führungen im Dunkeln und Fütterungen am Abend.",
                     "Die Besucherzahlen sinken im Winter meist stark, sagte die Direktorin am Dienstag. Vor allem "
                     "Familien mit kleinen Kindern blieben von November bis Februar aus, die Kassen seien dann leer.",
                     "Im Tropenhaus soll es deshalb an den Wochenenden Vorträge der Tierpfleger geben, dazu ein "
                     "Café mit Blick auf die Krokodile und einen neuen Spielplatz im Eingangsbereich."});
    auto d = idx.add(2, with_outlet(zoo, "oderland-kurier"), {});
    // A short item of the outlet: the banner is most of its text.
    auto fire = make("2026-11-14", "Feuer", "In Seelow hat in der Nacht eine Scheune gebrannt. Verletzt wurde niemand.",
                     {kCookieBanner, "Die Feuerwehr war mit vierzig Kräften im Einsatz, die Ursache ist unklar."});
    auto f = idx.add(3, with_outlet(fire, "oderland-kurier"), {});
    if (!drop) {
      EXPECT_FALSE(f.new_story) << "control: without the filter the banner alone makes a reprint";
      continue;
    }
    EXPECT_TRUE(d.new_story) << d.reason;
    EXPECT_TRUE(f.new_story) << f.reason;
    // … a second copy of the same article under another URL (all its text seen) joins it …
    auto again = idx.add(5, with_outlet(zoo, "oderland-kurier"), {});
    EXPECT_EQ(again.story_id, 2);
    // … while another outlet's reprint of the wire text still joins.
    auto reprint = make("2026-11-14", "Oderbrücke dicht", kWireLead, {kWireBody[0], kWireBody[1], kWireBody[2]});
    auto r = idx.add(4, with_outlet(reprint, "maz"), {});
    EXPECT_EQ(r.story_id, 1);
    EXPECT_EQ(r.reason, "reprint");
  }
}

TEST(StoryIndex, OldDaysAreEvictedButABackfillStillClusters) {
  StoryOptions opt;
  opt.retain_days = 7;
  opt.evict_idle_adds = 500;
  StoryIndex idx(opt);
  // 60 days of unrelated short news, 200 a day.
  std::int64_t id = 1;
  for (int day = 0; day < 60; ++day) {
    char date[16];
    std::snprintf(date, sizeof date, "2026-%02d-%02d", 1 + day / 28, 1 + day % 28);
    for (int i = 0; i < 200; ++i, ++id) {
      std::string n = std::to_string(id);
      idx.add(id, make(date, "Meldung " + n, "Meldung Nummer " + n + " über Ereignis " + n + " in Ort " + n + " heute.", {}), {});
    }
  }
  // Only about retain_days (+ one generation) of days are held, not 60.
  EXPECT_LT(idx.size(), 200u * (7 + 3 + 2));
  EXPECT_FALSE(idx.story_of(1).has_value());
  // A backfill from long before the horizon: its reprint still finds it while it runs.
  auto first = idx.add(900001, make("2025-06-01", "Brücke", kWireLead, kWireBody), {});
  auto again = idx.add(900002, make("2025-06-02", "Brücke neu", kWireLead, {kWireBody[0], kWireBody[1]}), {});
  EXPECT_TRUE(first.new_story);
  EXPECT_EQ(again.story_id, 900001);
}

TEST(StoryIndex, ArticleCapEvictsOldestDays) {
  StoryOptions opt;
  opt.max_articles = 1000;
  opt.retain_days = 3650;
  StoryIndex idx(opt);
  for (int i = 0; i < 5000; ++i) {
    char date[16];
    std::snprintf(date, sizeof date, "2026-%02d-%02d", 1 + (i / 100) / 28 % 12, 1 + (i / 100) % 28);
    idx.add(i, make(date, "x", "Meldung Nummer " + std::to_string(i) + " über ein ganz anderes Ereignis heute.", {}), {});
  }
  EXPECT_LE(idx.size(), 1000u);
  EXPECT_GE(idx.size(), 500u);
  EXPECT_TRUE(idx.story_of(4999).has_value());
  EXPECT_FALSE(idx.story_of(0).has_value());
}

TEST(StoryView, CanonicalIsEarliestAndMembersCarryLineage) {
  std::vector<StoredArticle> members(2);
  members[0].id = 21;
  members[0].story_id = 20;
  members[0].article = make("2026-11-14", "Kurz", kWireLead, {kWireBody[0]});
  members[0].article.outlet = "havel";
  members[1].id = 20;
  members[1].story_id = 20;
  members[1].article = make("2026-11-13", "Lang", kWireLead, kWireBody);
  members[1].article.outlet = "oderland";
  StoryView v = build_story_view(members);
  EXPECT_EQ(v.id, 20);
  EXPECT_EQ(v.canonical_id, 20);
  ASSERT_EQ(v.members.size(), 2u);
  EXPECT_EQ(v.members[0].lineage.kind, "canonical");
  EXPECT_EQ(v.members[1].lineage.kind, "shortened");
  auto j = story_view_to_json(v);
  EXPECT_EQ(j["size"], 2);
  EXPECT_EQ(j["outlets"][0], "oderland");
  EXPECT_EQ(j["first_seen"], "2026-11-13");
}

}  // namespace
}  // namespace pk
