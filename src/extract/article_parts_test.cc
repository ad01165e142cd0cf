#include "article_parts.h"

#include <gtest/gtest.h>

namespace pk::parts {
namespace {

TEST(Dateline, GermanAgencyStyle) {
  auto d = detect_dateline("Fulda (ots) - Am Montag kam es zu einem Unfall.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Fulda");
  EXPECT_EQ(d->agency, "ots");
  EXPECT_EQ(d->rest, "Am Montag kam es zu einem Unfall.");

  d = detect_dateline("Berlin (dpa) – Die Koalition streitet.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Berlin");
  EXPECT_EQ(d->agency, "dpa");
  EXPECT_EQ(d->rest, "Die Koalition streitet.");

  d = detect_dateline("Frankfurt am Main (dpa/lhe) - Der Flughafen meldet Rekorde.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Frankfurt am Main");
  EXPECT_EQ(d->agency, "dpa");
}

TEST(Dateline, PlaceWithParenthesisedRiver) {
  auto d = detect_dateline("Frankfurt (Oder) (dpa/bb) - Die Brücke wird gesperrt.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Frankfurt (Oder)");
  EXPECT_EQ(d->agency, "dpa");
  EXPECT_EQ(d->rest, "Die Brücke wird gesperrt.");
}

TEST(Dateline, EnglishAllCapsWithEmDash) {
  auto d = detect_dateline("WASHINGTON (AP) — The Senate voted on Tuesday.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Washington");
  EXPECT_EQ(d->agency, "AP");
  EXPECT_EQ(d->rest, "The Senate voted on Tuesday.");

  d = detect_dateline("NEW YORK, Oct 28 (Reuters) - Stocks rose.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "New York");
  EXPECT_EQ(d->agency, "Reuters");
  EXPECT_EQ(d->rest, "Stocks rose.");
}

TEST(Dateline, RejectsOrdinarySentences) {
  EXPECT_FALSE(detect_dateline("Am Montag sagte die Ministerin (SPD) - wie erwartet - nichts."));
  EXPECT_FALSE(detect_dateline("Die Polizei (Foto) sucht Zeugen."));
  EXPECT_FALSE(detect_dateline("Berlin - Am Montag"));  // no agency, not allowed by default
  auto d = detect_dateline("Berlin - Am Montag tagte der Rat.", /*allow_without_agency=*/true);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Berlin");
  EXPECT_EQ(d->agency, "");
}

TEST(Dateline, Standalone) {
  EXPECT_EQ(standalone_dateline("Tokio."), "Tokio");
  EXPECT_EQ(standalone_dateline(" Berlin/Washington. "), "Berlin/Washington");
  EXPECT_EQ(standalone_dateline("Bad Hersfeld."), "Bad Hersfeld");
  EXPECT_FALSE(standalone_dateline("Tokio"));
  EXPECT_FALSE(standalone_dateline("Das war es."));
  EXPECT_FALSE(standalone_dateline("Am 3. Mai."));
  EXPECT_FALSE(standalone_dateline("Die Regierung hat heute in Berlin getagt."));
}

TEST(Agency, Canonical) {
  EXPECT_EQ(canonical_agency("DPA"), "dpa");
  EXPECT_EQ(canonical_agency("afp"), "AFP");
  EXPECT_EQ(canonical_agency("dpa/lby"), "dpa");
  EXPECT_EQ(canonical_agency("Reuters"), "Reuters");
  EXPECT_EQ(canonical_agency("epd"), "epd");
  EXPECT_EQ(canonical_agency("Foto"), "");
}

TEST(Agency, TrailingSignature) {
  std::string p = "Das ist ein Satz. (dpa)";
  auto t = trailing_agency(p);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->agency, "dpa");
  EXPECT_EQ(p.substr(0, t->strip_from), "Das ist ein Satz.");
  t = trailing_agency("Er sagte: „Nein.“ (AFP/dpa) ");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->agency, "AFP");
  EXPECT_FALSE(trailing_agency("Das regelt die Partei (AP)"));  // not after a sentence end
  EXPECT_FALSE(trailing_agency("Ein Bild. (Foto: dpa)"));
  EXPECT_FALSE(trailing_agency("Ende. (Seite 3)"));
  t = trailing_agency("(dpa)");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->strip_from, 0u);
}

TEST(PhotoCredit, SplitsCaptionAndCredit) {
  auto cc = split_photo_credit("Trump besucht US-Truppen. Bild: Mark Schiefelbein/AP/dpa");
  EXPECT_EQ(cc.caption, "Trump besucht US-Truppen.");
  EXPECT_EQ(cc.credit, "Mark Schiefelbein/AP/dpa");
  EXPECT_EQ(cc.marker, "Bild:");

  cc = split_photo_credit("Foto: Max Muster/dpa");
  EXPECT_EQ(cc.caption, "");
  EXPECT_EQ(cc.credit, "Max Muster/dpa");
  EXPECT_TRUE(is_credit_line("Foto: Max Muster/dpa"));

  cc = split_photo_credit("Der Marktplatz am Abend. © Erika Beispiel");
  EXPECT_EQ(cc.caption, "Der Marktplatz am Abend.");
  EXPECT_EQ(cc.credit, "Erika Beispiel");

  cc = split_photo_credit("Der Marktplatz am Abend (Foto: picture alliance / dpa)");
  EXPECT_EQ(cc.caption, "Der Marktplatz am Abend");
  EXPECT_EQ(cc.credit, "picture alliance / dpa");

  cc = split_photo_credit("Traders at work. Photo by David Kawai/Bloomberg");
  EXPECT_EQ(cc.caption, "Traders at work.");
  EXPECT_EQ(cc.credit, "David Kawai/Bloomberg");

  cc = split_photo_credit("Feuerwehr im Einsatz | Foto: © Stadt Kassel");
  EXPECT_EQ(cc.caption, "Feuerwehr im Einsatz");
  EXPECT_EQ(cc.credit, "Stadt Kassel");

  // A dash before the credit and markers in capitals.
  cc = split_photo_credit("Verlinden tijdens de coronacrisis. \xE2\x80\x94 \xC2\xA9 BELGA");
  EXPECT_EQ(cc.caption, "Verlinden tijdens de coronacrisis.");
  EXPECT_EQ(cc.credit, "BELGA");
  cc = split_photo_credit("BILD: SN/APA/GEORG HOCHMUTH");
  EXPECT_EQ(cc.caption, "");
  EXPECT_EQ(cc.credit, "SN/APA/GEORG HOCHMUTH");
  cc = split_photo_credit("Schlachthalle in Schmalkalden. Bildrechte: MDR/David Straub");
  EXPECT_EQ(cc.credit, "MDR/David Straub");
}

TEST(PhotoCredit, LeavesOrdinaryTextAlone) {
  auto cc = split_photo_credit("Kirschbäume sind ein beliebtes Foto-Motiv in Washington.");
  EXPECT_EQ(cc.credit, "");
  EXPECT_EQ(cc.caption, "Kirschbäume sind ein beliebtes Foto-Motiv in Washington.");
  EXPECT_FALSE(is_credit_line("Das Bild zeigt den Hafen."));
  // A long sentence after "Foto:" is not a credit.
  cc = split_photo_credit(
      "Foto: Das ist kein Bildnachweis, sondern ein ganzer Satz mit sehr vielen Wörtern, der "
      "einfach immer weiter geht und nicht aufhört.");
  EXPECT_EQ(cc.credit, "");
}

TEST(Byline, Authors) {
  EXPECT_EQ(byline_author("Von Max Muster"), "Max Muster");
  EXPECT_EQ(byline_author("By Jane Doe and John Roe"), "Jane Doe and John Roe");
  EXPECT_EQ(byline_author("Von Max Muster, Tokio"), "Max Muster");
  EXPECT_FALSE(byline_author("Von wegen, das stimmt nicht."));
  EXPECT_FALSE(byline_author("Von Berlin aus fuhr der Zug weiter."));
  EXPECT_FALSE(byline_author("Max Muster"));
}

TEST(Dates, IsoForms) {
  EXPECT_EQ(normalize_date("2025-10-28"), "2025-10-28");
  EXPECT_EQ(normalize_date("2025-10-28T14:03:00+01:00"), "2025-10-28T14:03:00+01:00");
  EXPECT_EQ(normalize_date("2025-10-28T13:03:00.123Z"), "2025-10-28T13:03:00Z");
  EXPECT_EQ(normalize_date("2025-10-28 14:03"), "2025-10-28T14:03:00");
  EXPECT_EQ(normalize_date("2025-10-28T14:03:00+0100"), "2025-10-28T14:03:00+01:00");
  // A date-time keeps its own calendar day (no conversion to UTC).
  EXPECT_EQ(normalize_date("2023-11-08T22:35:29-08:00"), "2023-11-08T22:35:29-08:00");
  // Non-ASCII spaces and punctuation before a date are word boundaries; letters are not.
  EXPECT_EQ(normalize_date("Bonn,\xC2\xA0" "11.10.2021"), "2021-10-11");
  EXPECT_EQ(normalize_date("Handball Schweiz \xE2\x80\xA2 02.02.2022"), "2022-02-02");
  EXPECT_EQ(normalize_date("Gr\xC3\xB6\xC3\x9F" "e12.10.2021"), "");
  EXPECT_EQ(normalize_date("2025/10/28"), "2025-10-28");
}

// Slash dates need the page's locale: month first in US English (and when unknown), else day first.
TEST(Dates, SlashOrderFollowsTheLocale) {
  EXPECT_EQ(normalize_date("03/04/2025"), "2025-03-04");
  EXPECT_EQ(normalize_date("03/04/2025", SlashOrder::kDayFirst), "2025-04-03");
  EXPECT_EQ(normalize_date("03/04/2025", SlashOrder::kMonthFirst), "2025-03-04");
  // A first number over 12 is a day in either order, a second one over 12 a day too.
  EXPECT_EQ(normalize_date("28/10/2025", SlashOrder::kMonthFirst), "2025-10-28");
  EXPECT_EQ(normalize_date("10/28/2025", SlashOrder::kDayFirst), "2025-10-28");
  // Dotted dates are day first everywhere.
  EXPECT_EQ(normalize_date("03.04.2025", SlashOrder::kMonthFirst), "2025-04-03");
  EXPECT_EQ(slash_order_for_language("en-GB"), SlashOrder::kDayFirst);
  EXPECT_EQ(slash_order_for_language("de"), SlashOrder::kDayFirst);
  EXPECT_EQ(slash_order_for_language("fr_FR"), SlashOrder::kDayFirst);
  EXPECT_EQ(slash_order_for_language("en-US"), SlashOrder::kMonthFirst);
  EXPECT_EQ(slash_order_for_language("en_us"), SlashOrder::kMonthFirst);
  EXPECT_EQ(slash_order_for_language("en"), SlashOrder::kMonthFirst);
  EXPECT_EQ(slash_order_for_language(""), SlashOrder::kMonthFirst);
}

TEST(Dates, GermanForms) {
  EXPECT_EQ(normalize_date("28.10.2025"), "2025-10-28");
  EXPECT_EQ(normalize_date("Veröffentlicht am 28.10.2025, 14:03 Uhr"), "2025-10-28T14:03:00");
  EXPECT_EQ(normalize_date("28. Oktober 2025, 14:03 Uhr"), "2025-10-28T14:03:00");
  EXPECT_EQ(normalize_date("28. Okt. 2025"), "2025-10-28");
  EXPECT_EQ(normalize_date("3. März 2024 um 9.15 Uhr"), "2024-03-03T09:15:00");
  EXPECT_EQ(normalize_date("28.10.25"), "2025-10-28");
  EXPECT_EQ(normalize_date("Dienstag, 28.10.2025 14:03 MEZ"), "2025-10-28T14:03:00+01:00");
}

TEST(Dates, EnglishForms) {
  EXPECT_EQ(normalize_date("October 28, 2025"), "2025-10-28");
  EXPECT_EQ(normalize_date("Oct. 28, 2025 2:03 PM EST"), "2025-10-28T14:03:00-05:00");
  EXPECT_EQ(normalize_date("28 October 2025"), "2025-10-28");
  EXPECT_EQ(normalize_date("Tue, 28 Oct 2025 14:03:00 +0100"), "2025-10-28T14:03:00+01:00");
  EXPECT_EQ(normalize_date("Tue, 28 Oct 2025 14:03:00 GMT"), "2025-10-28T14:03:00Z");
  EXPECT_EQ(normalize_date("10/28/2025"), "2025-10-28");
  EXPECT_EQ(normalize_date("28/10/2025"), "2025-10-28");
}

TEST(Dates, RejectsNonDates) {
  EXPECT_EQ(normalize_date(""), "");
  EXPECT_EQ(normalize_date("Version 1.2.3"), "");
  EXPECT_EQ(normalize_date("31.02.2025"), "");
  EXPECT_EQ(normalize_date("1850-01-01"), "");
  EXPECT_EQ(normalize_date("Telefon 0561 12345"), "");
  EXPECT_EQ(normalize_date("2025-13-01"), "");
}

TEST(Trim, UnicodeSpaces) {
  EXPECT_EQ(trim("\xC2\xA0 Hallo \xC2\xA0"), "Hallo");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim("ä"), "ä");
}

}  // namespace
}  // namespace pk::parts
