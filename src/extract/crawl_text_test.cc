#include "crawl_text.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace pk {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The seed page: every field of the .expected.json must come out exactly.
TEST(CrawlTextGolden, SeedPageMatchesExpectedJson) {
  const std::string base = std::string(PK_SHARED_DIR) + "/fixtures/crawl/2025-10-28-tokio-allianz";
  const std::string text = read_file(base + ".txt");
  ASSERT_FALSE(text.empty()) << "missing fixture " << base << ".txt";
  const auto expected = nlohmann::json::parse(read_file(base + ".expected.json"));

  Article a = read_crawl_text(text);
  EXPECT_EQ(a.date, expected["date"].get<std::string>());
  EXPECT_EQ(a.site_title, expected["site_title"].get<std::string>());
  EXPECT_EQ(a.title, expected["title"].get<std::string>());
  EXPECT_EQ(a.lead.rfind(expected["lead_starts_with"].get<std::string>(), 0), 0u) << a.lead;
  EXPECT_EQ(a.dateline, expected["dateline"].get<std::string>());
  EXPECT_EQ(a.agency, expected["agency"].get<std::string>());
  EXPECT_EQ(a.subheadings, expected["subheadings"].get<std::vector<std::string>>());
  ASSERT_EQ(a.images.size(), expected["images"].size());
  for (std::size_t i = 0; i < a.images.size(); ++i) {
    EXPECT_EQ(a.images[i].caption, expected["images"][i]["caption"].get<std::string>());
    EXPECT_EQ(a.images[i].credit, expected["images"][i]["credit"].get<std::string>());
  }
  EXPECT_GE(a.paragraphs.size(), expected["body_paragraphs_min"].get<std::size_t>());
  for (const auto& forbidden : expected["body_must_not_contain"]) {
    const auto f = forbidden.get<std::string>();
    EXPECT_EQ(a.text.find(f), std::string::npos) << f;
    for (const auto& p : a.paragraphs) EXPECT_EQ(p.find(f), std::string::npos) << f;
  }
  // Structure beyond the expected file: lead, subheadings, captions and the signature are not body.
  for (const auto& p : a.paragraphs) {
    EXPECT_NE(p, a.lead);
    EXPECT_NE(p, "Tokio.");
    for (const auto& im : a.images) EXPECT_NE(p, im.caption);
  }
  // Subheadings stand in the body at their place (default) or not at all.
  EXPECT_EQ(a.paragraphs[3], a.subheadings[0]);
  ExtractOptions running_text_only;
  running_text_only.subheadings_in_body = false;
  Article b = read_crawl_text(text, running_text_only);
  EXPECT_EQ(b.paragraphs.size(), a.paragraphs.size() - a.subheadings.size());
  for (const auto& p : b.paragraphs)
    for (const auto& s : b.subheadings) EXPECT_NE(p, s);
  EXPECT_EQ(a.paragraphs.front().rfind("Japan und seine Schutzmacht USA", 0), 0u);
  const std::string& last = a.paragraphs.back();
  EXPECT_EQ(last.substr(last.size() - 19), "Sicherheitspolitik.");
  std::string joined;
  for (const auto& p : a.paragraphs) joined += (joined.empty() ? "" : "\n\n") + p;
  EXPECT_EQ(a.text, joined);
  EXPECT_EQ(a.text.find("(dpa)"), std::string::npos);
}

TEST(CrawlText, DatelineAndAgencyInFirstParagraph) {
  Article a = read_crawl_text(
      " date 2024-03-04 Osthessen News\n"
      "Unfall auf der B27 bei Fulda\n"
      "Ein Lastwagen ist am Montagmorgen auf der B27 umgekippt, die Straße war stundenlang gesperrt.\n"
      "\n"
      "Fulda (ots) - Am Montag gegen 6 Uhr kam ein Lastwagen auf der B27 von der Fahrbahn ab.\n"
      "\n"
      "Der Fahrer wurde leicht verletzt und kam in ein Krankenhaus.\n");
  EXPECT_EQ(a.date, "2024-03-04");
  EXPECT_EQ(a.site_title, "Osthessen News");
  EXPECT_EQ(a.title, "Unfall auf der B27 bei Fulda");
  EXPECT_EQ(a.dateline, "Fulda");
  EXPECT_EQ(a.agency, "ots");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  // The dateline stays in the text as written.
  EXPECT_EQ(a.paragraphs[0],
            "Fulda (ots) - Am Montag gegen 6 Uhr kam ein Lastwagen auf der B27 von der Fahrbahn ab.");
}

TEST(CrawlText, DatelineInLead) {
  Article a = read_crawl_text(
      " date 2024-05-01 Zeitung\n"
      "Koalition einigt sich auf Haushalt\n"
      "Berlin (dpa) - Nach langen Verhandlungen hat sich die Koalition auf einen Haushalt geeinigt.\n"
      "\n"
      "Die Einigung sieht Einsparungen in mehreren Ressorts vor, hieß es aus Regierungskreisen.\n");
  EXPECT_EQ(a.dateline, "Berlin");
  EXPECT_EQ(a.agency, "dpa");
  EXPECT_EQ(a.lead,
            "Berlin (dpa) - Nach langen Verhandlungen hat sich die Koalition auf einen Haushalt geeinigt.");
  ASSERT_EQ(a.paragraphs.size(), 1u);
}

TEST(CrawlText, WireDatelineAfterALocalIntroParagraph) {
  Article a = read_crawl_text(
      " date 2024-05-01 Zeitung\n"
      "Maut wird teurer\n"
      "Autofahrer müssen im kommenden Jahr in Österreich deutlich mehr für die Vignette bezahlen.\n"
      "\n"
      "Für Pendler aus der Region ist das eine schlechte Nachricht, sagen die Verbände hier.\n"
      "\n"
      "Wien (dpa) - Die Jahresvignette soll von Februar an knapp 14 Prozent mehr kosten.\n");
  EXPECT_EQ(a.dateline, "Wien");
  EXPECT_EQ(a.agency, "dpa");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[1], "Wien (dpa) - Die Jahresvignette soll von Februar an knapp 14 Prozent mehr kosten.");
}

TEST(CrawlText, NoDatelineNoAgency) {
  Article a = read_crawl_text(
      " date 2024-05-01 Zeitung\n"
      "Stadtfest lockt Tausende an\n"
      "Bei strahlendem Sonnenschein haben am Wochenende Tausende das Stadtfest besucht.\n"
      "\n"
      "Die Veranstalter zeigten sich mit dem Verlauf sehr zufrieden und planen schon das nächste Jahr.\n");
  EXPECT_EQ(a.title, "Stadtfest lockt Tausende an");
  EXPECT_EQ(a.dateline, "");
  EXPECT_EQ(a.agency, "");
  EXPECT_EQ(a.paragraphs.size(), 1u);
}

TEST(CrawlText, CreditLineBelowCaptionAndCopyright) {
  Article a = read_crawl_text(
      " date 2024-05-01 Zeitung\n"
      "Der neue Bahnhof in Kassel bei Nacht.\n"
      "Foto: Max Muster/dpa\n"
      "Bahnhof wird eröffnet\n"
      "Nach fünf Jahren Bauzeit wird der neue Bahnhof am Sonntag offiziell eröffnet werden.\n"
      "\n"
      "Der Oberbürgermeister sprach von einem großen Tag für die ganze Stadt Kassel.\n"
      "\n"
      "Die Eröffnungsfeier auf dem Vorplatz. © Erika Beispiel\n"
      "\n"
      "Zur Feier kamen nach Angaben der Stadt mehr als tausend Menschen auf den Vorplatz.\n");
  EXPECT_EQ(a.title, "Bahnhof wird eröffnet");
  ASSERT_EQ(a.images.size(), 2u);
  EXPECT_EQ(a.images[0].caption, "Der neue Bahnhof in Kassel bei Nacht.");
  EXPECT_EQ(a.images[0].credit, "Max Muster/dpa");
  EXPECT_EQ(a.images[1].caption, "Die Eröffnungsfeier auf dem Vorplatz.");
  EXPECT_EQ(a.images[1].credit, "Erika Beispiel");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.text.find("Foto:"), std::string::npos);
}

TEST(CrawlText, SeveralSubheadingsAndFurnitureAfterSignature) {
  Article a = read_crawl_text(
      " date 2024-06-10 Kurier\n"
      "Startseite\n"
      "Politik\n"
      "Wahl in der Stadt: Ergebnis steht fest\n"
      "Die Stimmen sind ausgezählt, der neue Bürgermeister steht nach einem langen Abend fest.\n"
      "\n"
      "Die Wahlbeteiligung lag bei knapp sechzig Prozent und damit höher als beim letzten Mal.\n"
      "\n"
      "Knappes Ergebnis\n"
      "\n"
      "Am Ende trennten die beiden Bewerber nur wenige hundert Stimmen voneinander, hieß es.\n"
      "\n"
      "Wie geht es weiter?\n"
      "\n"
      "Der neue Bürgermeister tritt sein Amt im Herbst an und will zuerst den Haushalt prüfen. (dpa)\n"
      "\n"
      "Mehr zum Thema\n"
      "Weitere Nachrichten aus der Region finden Sie hier auf unserer Seite mit vielen Artikeln.\n");
  EXPECT_EQ(a.title, "Wahl in der Stadt: Ergebnis steht fest");
  EXPECT_EQ(a.subheadings, (std::vector<std::string>{"Knappes Ergebnis", "Wie geht es weiter?"}));
  EXPECT_EQ(a.agency, "dpa");
  ASSERT_EQ(a.paragraphs.size(), 5u);  // three paragraphs and the two subheadings
  EXPECT_EQ(a.paragraphs[1], "Knappes Ergebnis");
  EXPECT_EQ(a.paragraphs.back(),
            "Der neue Bürgermeister tritt sein Amt im Herbst an und will zuerst den Haushalt prüfen.");
}

TEST(CrawlText, NoTitleCandidateKeepsEverySentenceAsBody) {
  Article a = read_crawl_text(
      " date 2024-06-10 Kurier\n"
      "Am Montag hat es in der Innenstadt gebrannt.\n"
      "Die Feuerwehr war schnell vor Ort.\n");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.lead, "");
  EXPECT_EQ(a.paragraphs.size(), 2u);
}

TEST(CrawlText, WithoutHeaderStillReads) {
  Article a = read_crawl_text(
      "Hochwasser in Passau\n"
      "PASSAU (AP) — The Danube rose above the old town walls on Monday, officials said.\n"
      "\n"
      "Residents were asked to move their cars to higher ground before the evening.\n");
  EXPECT_EQ(a.date, "");
  EXPECT_EQ(a.title, "Hochwasser in Passau");
  EXPECT_EQ(a.dateline, "Passau");
  EXPECT_EQ(a.agency, "AP");
  EXPECT_EQ(a.lead, "PASSAU (AP) — The Danube rose above the old town walls on Monday, officials said.");
}

TEST(CrawlText, BylineBetweenTitleAndLead) {
  Article a = read_crawl_text(
      " date 2024-06-10 Kurier\n"
      "Neue Radwege für die Innenstadt\n"
      "Von Max Muster\n"
      "Die Stadt baut in diesem Jahr zwölf Kilometer neue Radwege durch das Zentrum.\n"
      "\n"
      "Die Arbeiten beginnen im Frühjahr und sollen bis zum Herbst abgeschlossen sein.\n");
  EXPECT_EQ(a.title, "Neue Radwege für die Innenstadt");
  EXPECT_EQ(a.author, "Max Muster");
  EXPECT_EQ(a.lead.rfind("Die Stadt baut", 0), 0u);
}

TEST(CrawlText, EmptyAndGarbageInputAreTotal) {
  EXPECT_EQ(read_crawl_text("").paragraphs.size(), 0u);
  EXPECT_EQ(read_crawl_text(" date \n\n\n").title, "");
  EXPECT_EQ(read_crawl_text("Bild:").images.size(), 0u);  // a marker without a credit is no image
}

TEST(PlainText, TitleAndParagraphs) {
  Article a = read_plain_text(
      "Brücke gesperrt\n"
      "\n"
      "Kassel (dpa/lhe) - Die Brücke über die Fulda ist seit\n"
      "Montag gesperrt.\n"
      "\n"
      "Die Sanierung dauert bis zum Sommer. (dpa)\n");
  EXPECT_EQ(a.title, "Brücke gesperrt");
  EXPECT_EQ(a.dateline, "Kassel");
  EXPECT_EQ(a.agency, "dpa");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0], "Kassel (dpa/lhe) - Die Brücke über die Fulda ist seit Montag gesperrt.");
  EXPECT_EQ(a.paragraphs[1], "Die Sanierung dauert bis zum Sommer.");
  EXPECT_EQ(a.text, a.paragraphs[0] + "\n\n" + a.paragraphs[1]);
}

TEST(PlainText, SentenceFirstLineIsNotATitle) {
  Article a = read_plain_text("Es regnet in Bonn.\nMorgen auch.\n");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.paragraphs.size(), 2u);  // no blank lines: one paragraph per line
}

}  // namespace
}  // namespace pk
