#include "pressekarte/extract.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "input_decode.h"
#include "language.h"
#include "pressekarte/text.h"

namespace pk {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

RawDocument doc_of(std::string format, std::string body, std::string source = "test.txt") {
  RawDocument d;
  d.format = std::move(format);
  d.body = std::move(body);
  d.source = std::move(source);
  return d;
}

// The seed page through the public entry point: the fields the dispatcher adds.
TEST(ExtractGolden, SeedPageThroughDispatcher) {
  const std::string base = std::string(PK_SHARED_DIR) + "/fixtures/crawl/2025-10-28-tokio-allianz";
  const auto expected = nlohmann::json::parse(read_file(base + ".expected.json"));
  RawDocument d = doc_of("crawl-text", read_file(base + ".txt"), base + ".txt");
  ASSERT_FALSE(d.body.empty());
  auto r = extract_article(d);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const Article& a = r.value();
  EXPECT_EQ(a.source_format, expected["source_format"].get<std::string>());
  EXPECT_EQ(a.language, expected["language"].get<std::string>());
  EXPECT_EQ(a.date, expected["date"].get<std::string>());
  EXPECT_EQ(a.site_title, expected["site_title"].get<std::string>());
  EXPECT_EQ(a.title, expected["title"].get<std::string>());
  EXPECT_EQ(a.dateline, expected["dateline"].get<std::string>());
  EXPECT_EQ(a.agency, expected["agency"].get<std::string>());
  EXPECT_EQ(a.subheadings, expected["subheadings"].get<std::vector<std::string>>());
  EXPECT_EQ(a.images.size(), expected["images"].size());
  EXPECT_EQ(a.source, base + ".txt");
  EXPECT_EQ(a.outlet, a.site_title);  // no URL: the site title names the outlet
  EXPECT_EQ(a.content_hash.size(), 32u);
  // Auto-detection by content reads it the same way.
  d.format = "auto";
  auto auto_r = extract_article(d);
  ASSERT_TRUE(auto_r.is_ok());
  EXPECT_EQ(auto_r->source_format, "crawl-text");
  EXPECT_EQ(auto_r->content_hash, a.content_hash);
}

TEST(Extract, EmptyAndBinaryInputAreInvalidAndNameTheSource) {
  auto r = extract_article(doc_of("crawl-text", "", "feeds/empty.txt"));
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("feeds/empty.txt"), std::string::npos);

  r = extract_article(doc_of("text", " \n\t\n", "blank.txt"));
  EXPECT_FALSE(r.is_ok());

  std::string binary(4096, '\0');
  for (std::size_t i = 0; i < binary.size(); i += 3) binary[i] = static_cast<char>(i * 7);
  r = extract_article(doc_of("crawl-text", binary, "image.png"));
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("image.png"), std::string::npos);
  EXPECT_NE(r.status().message().find("binary"), std::string::npos);
}

TEST(Extract, UnknownFormatIsUnsupported) {
  auto r = extract_article(doc_of("pdf", "x", "a.pdf"));
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), Status::Code::kUnsupported);
}

TEST(Extract, Latin1BodyBecomesUtf8) {
  // "Straßenfest in Köln" etc. in ISO-8859-1.
  std::string latin1 =
      " date 2024-07-01 Kurier\nStra\xDF" "enfest in K\xF6ln\nDas Stra\xDF" "enfest in K\xF6ln hat am "
      "Wochenende viele G\xE4ste angezogen, sagte die Stadt.\n\nDie Polizei meldete keine "
      "besonderen Vorkommnisse w\xE4hrend des ganzen Festes.\n";
  auto r = extract_article(doc_of("crawl-text", latin1));
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->title, "Straßenfest in Köln");
  EXPECT_TRUE(is_valid_utf8(r->text));
  EXPECT_NE(r->lead.find("Gäste"), std::string::npos);
}

TEST(Decode, CharsetFromContentTypeAndDetection) {
  std::string out;
  auto r = decode_to_utf8("Gr\x80\xDF" "e", "text/plain; charset=windows-1252", "x");
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value(), "Gr€ße");
  EXPECT_EQ(charset_from_content_type("text/html; charset=\"UTF-8\""), "utf-8");
  // UTF-16LE with BOM.
  std::string utf16("\xFF\xFE" "H\0i\0", 6);
  r = decode_to_utf8(utf16, "", "x");
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value(), "Hi");
  // Mostly UTF-8 with one broken byte stays UTF-8; the byte becomes U+FFFD.
  std::string mixed = "Müller und Söhne sind in München \xFF bekannt, sagt Jürgen.";
  r = decode_to_utf8(mixed, "", "x");
  ASSERT_TRUE(r.is_ok());
  EXPECT_TRUE(is_valid_utf8(r.value()));
  EXPECT_NE(r.value().find("München"), std::string::npos);
}

TEST(Extract, PlainTextWithHints) {
  RawDocument d = doc_of("text",
                         "Brücke gesperrt\n\nDie Brücke über die Fulda in Kassel ist seit Montag für "
                         "den Verkehr gesperrt, teilte die Stadt mit.\n");
  d.url = "https://www.hna.de/kassel/bruecke-123.html";
  d.date_hint = "Mon, 04 Mar 2024 10:00:00 +0100";
  d.author_hint = "Max Muster";
  d.title_hint = "Ignored because the text has a title";
  auto r = extract_article(d);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->title, "Brücke gesperrt");
  EXPECT_EQ(r->date, "2024-03-04T10:00:00+01:00");
  EXPECT_EQ(r->author, "Max Muster");
  EXPECT_EQ(r->url, d.url);
  EXPECT_EQ(r->outlet, "hna.de");
  EXPECT_EQ(r->language, "de");
  EXPECT_EQ(r->source_format, "text");
}

TEST(Extract, VerbatimTextKeepsOffsets) {
  ExtractOptions o;
  o.verbatim_text = true;
  const std::string body = "Berlin (dpa) - Ein Satz.\n\nNoch einer. (dpa)";
  auto r = extract_article(doc_of("text", body), o);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->text, body);
  EXPECT_EQ(r->dateline, "");
  EXPECT_EQ(r->paragraphs.size(), 2u);
}

TEST(Extract, ArticleJson) {
  nlohmann::json j = {{"title", "Hafen in Kiel erweitert"},
                      {"text", "Der Hafen in Kiel wird erweitert.\n\nDie Arbeiten beginnen 2026."},
                      {"date", "28.10.2025"},
                      {"url", "https://example.org/a"}};
  auto r = extract_article(doc_of("article", j.dump()));
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->title, "Hafen in Kiel erweitert");
  EXPECT_EQ(r->date, "2025-10-28");
  ASSERT_EQ(r->paragraphs.size(), 2u);
  EXPECT_EQ(r->source_format, "article");
  EXPECT_FALSE(r->content_hash.empty());

  auto bad = extract_article(doc_of("article", "{not json", "items.jsonl#3"));
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("items.jsonl#3"), std::string::npos);
}

TEST(ContentHash, StableAndTypographyInsensitive) {
  Article a, b, c;
  a.title = "Japan und USA stärken Allianz";
  a.text = "Die USA sind \"Japans\" Schutzmacht.";
  b.title = "JAPAN und USA  stärken Allianz";
  b.text = "Die USA sind „Japans“ Schutzmacht";
  c = a;
  c.text = "Die USA sind Chinas Rivale.";
  compute_content_hash(a);
  compute_content_hash(b);
  compute_content_hash(c);
  EXPECT_EQ(a.content_hash, b.content_hash);
  EXPECT_NE(a.content_hash, c.content_hash);
  EXPECT_EQ(a.content_hash.size(), 32u);
  Article again;
  again.title = a.title;
  again.text = a.text;
  compute_content_hash(again);
  EXPECT_EQ(again.content_hash, a.content_hash);
}

TEST(Language, GermanEnglishAndFallback) {
  EXPECT_EQ(detect_language("Die Bundesregierung hat am Montag in Berlin neue Regeln für den "
                            "Wohnungsbau beschlossen, teilte ein Sprecher mit."),
            "de");
  EXPECT_EQ(detect_language("The federal government on Monday approved new rules for housing "
                            "construction, a spokesman said in Washington."),
            "en");
  EXPECT_EQ(detect_language("", "de"), "de");
  EXPECT_EQ(detect_language("12345 67890", "fr"), "fr");
}

TEST(Extract, AutoFormatByContent) {
  auto r = extract_article(doc_of("auto", "{\"title\": \"Kurz\", \"text\": \"Ein Satz über Bonn.\"}"));
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->source_format, "article");
  r = extract_article(doc_of("", "Nur Text.\nMehr Text über Bonn."));
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->source_format, "text");
  r = extract_article(doc_of("auto", "date of birth: unknown\nmore text"));
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->source_format, "text");
}

// Every reader goes through finish_article, so every format carries a content hash, and every
// reader follows the one body rule: text = paragraphs joined by a blank line, subheadings in.
TEST(Extract, EveryFormatHasContentHashAndOneBodyRule) {
  const std::string html =
      "<html><head><title>Hafen in Kiel erweitert</title></head><body><article>"
      "<h1>Hafen in Kiel erweitert</h1><p>Der Hafen in Kiel wird erweitert, teilte die Stadt am "
      "Montag mit, und die Arbeiten beginnen bald.</p><h2>Kosten</h2><p>Die Kosten liegen bei "
      "zwei Millionen Euro, sagte ein Sprecher der Stadt am Montag.</p></article></body></html>";
  ExtractOptions verbatim;
  verbatim.verbatim_text = true;
  struct Case {
    std::string format, body;
    ExtractOptions options;
  };
  std::vector<Case> cases = {
      {"crawl-text", read_file(std::string(PK_SHARED_DIR) + "/fixtures/crawl/2025-10-28-tokio-allianz.txt"), {}},
      {"html", html, {}},
      {"text", "Titel\n\nEin Satz über Kiel. Noch einer.", {}},
      {"text", "Ein Satz über Kiel.\n\nNoch einer.", verbatim},
      {"article", "{\"title\": \"Kurz\", \"text\": \"Ein Satz über Bonn.\"}", {}},
  };
  for (const Case& c : cases) {
    auto r = extract_article(doc_of(c.format, c.body), c.options);
    ASSERT_TRUE(r.is_ok()) << c.format;
    EXPECT_EQ(r->content_hash.size(), 32u) << c.format;
    EXPECT_EQ(r->content_hash.find_first_not_of("0123456789abcdef"), std::string::npos) << c.format;
    if (!c.options.verbatim_text) {
      std::string joined;
      for (const auto& p : r->paragraphs) joined += (joined.empty() ? "" : "\n\n") + p;
      EXPECT_EQ(r->text, joined) << c.format;
    }
    for (const auto& h : r->subheadings)
      EXPECT_NE(std::find(r->paragraphs.begin(), r->paragraphs.end(), h), r->paragraphs.end())
          << c.format << ": " << h;
  }
  auto h = extract_article(doc_of("html", html));
  ASSERT_TRUE(h.is_ok());
  ASSERT_EQ(h->subheadings.size(), 1u);
  EXPECT_EQ(h->paragraphs.size(), 3u);
}

}  // namespace
}  // namespace pk
