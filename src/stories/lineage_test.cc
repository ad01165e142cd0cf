#include <gtest/gtest.h>

#include "pressekarte/stories.h"

namespace pk {
namespace {

Article make(std::string title, std::string lead, std::vector<std::string> paragraphs) {
  Article a;
  a.title = std::move(title);
  a.lead = std::move(lead);
  a.paragraphs = std::move(paragraphs);
  return a;
}

TEST(SplitSentences, RespectsGermanAbbreviationsAndDates) {
  auto s = split_sentences(
      "Am 28. Oktober sprach Dr. Weber z. B. über die Brücke. Sie kostet 1.200 Euro, u. a. für "
      "Stahl. „Das reicht nicht!“ Danach ging es weiter? Ja. Im Jahr 2014. Dann kam St. Martin.");
  ASSERT_EQ(s.size(), 7u) << ::testing::PrintToString(s);
  EXPECT_EQ(s[0], "Am 28. Oktober sprach Dr. Weber z. B. über die Brücke.");
  EXPECT_EQ(s[1], "Sie kostet 1.200 Euro, u. a. für Stahl.");
  EXPECT_EQ(s[2], "„Das reicht nicht!“");
  EXPECT_EQ(s[6], "Dann kam St. Martin.");
}

TEST(SplitSentences, ParagraphBreaksAndEmptyText) {
  EXPECT_TRUE(split_sentences("").empty());
  EXPECT_EQ(split_sentences("Ohne Punkt\n\nZweiter Absatz").size(), 2u);
}

const Article kWire = make("Brücke gesperrt", "Die Stadtbrücke wird saniert. Autos müssen umfahren.",
                           {"Die Arbeiten dauern acht Monate. Die Kosten teilen sich beide Städte.",
                            "Busse fahren häufiger. Radfahrer dürfen weiter über die Brücke."});

TEST(Compare, UnchangedEvenWithNewHeadline) {
  Article m = kWire;
  m.title = "Neue Überschrift";
  Lineage l = compare(kWire, m);
  EXPECT_EQ(l.kind, "unchanged");
  EXPECT_TRUE(l.title_changed);
  EXPECT_EQ(l.kept, 6u);
}

TEST(Compare, ShortenedExtendedEditedRewritten) {
  Article cut = make("x", kWire.lead, {kWire.paragraphs[0]});
  Lineage l = compare(kWire, cut);
  EXPECT_EQ(l.kind, "shortened");
  ASSERT_EQ(l.dropped.size(), 2u);
  EXPECT_EQ(l.dropped[0], "Busse fahren häufiger.");

  Article ext = kWire;
  ext.paragraphs.push_back("In Słubice freuen sich die Händler nicht.");
  l = compare(kWire, ext);
  EXPECT_EQ(l.kind, "extended");
  ASSERT_EQ(l.added.size(), 1u);
  EXPECT_EQ(l.added[0], "In Słubice freuen sich die Händler nicht.");

  Article both = cut;
  both.paragraphs.push_back("Ein Händler sagt, das sei schlecht fürs Geschäft.");
  EXPECT_EQ(compare(kWire, both).kind, "edited");

  Article other = make("y", "Ganz andere Nachricht aus dem Rathaus.", {"Der Rat tagte lange."});
  EXPECT_EQ(compare(kWire, other).kind, "rewritten");
}

TEST(Compare, SmallEditsStillMatch) {
  Article m = kWire;
  m.lead = "Die Stadtbruecke wird saniert! Autos muessen umfahren.";
  EXPECT_EQ(compare(kWire, m).kind, "unchanged");
}

TEST(Compare, JsonShape) {
  auto j = lineage_to_json(compare(kWire, kWire));
  EXPECT_EQ(j["kind"], "unchanged");
  EXPECT_EQ(j["kept"], 6);
  EXPECT_TRUE(j["added"].is_array());
}

}  // namespace
}  // namespace pk
