// Both DOM builders (libxml2 and gumbo) must give the extractors the same view of a page:
// lower-case names, decoded text and attributes, valid UTF-8, no invisible characters.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "html_dom.h"
#include "pressekarte/text.h"

namespace pk::html {
namespace {

class DomBuilderTest : public ::testing::TestWithParam<HtmlParser> {
 protected:
  Document parse(std::string_view html) {
    ParseOptions o;
    o.parser = GetParam();
    auto r = Document::parse(html, o);
    EXPECT_TRUE(r.is_ok());
    return std::move(r).value();
  }
};

TEST_P(DomBuilderTest, NamesTextAndAttributes) {
  Document d = parse(
      "<HTML><head><TITLE>T&amp;x</TITLE></head><body><DIV ID=main Class='a b'>"
      "<p>Gr\xC3\xBC\xC3\x9F" "e &mdash; <b>fett</b></p></div></body></html>");
  NodeId div = d.find_first("div");
  ASSERT_NE(div, kNoNode);
  EXPECT_EQ(d.attr(div, "id"), "main");
  EXPECT_EQ(d.attr(div, "class"), "a b");
  EXPECT_EQ(d.text_of(d.find_first("p")), "Gr\xC3\xBC\xC3\x9F" "e \xE2\x80\x94 fett");
  EXPECT_EQ(d.text_of(d.find_first("title")), "T&x");
  EXPECT_EQ(d.node(d.find_first("b")).parent, d.find_first("p"));
}

TEST_P(DomBuilderTest, JsonLdBodyIsKeptAsText) {
  Document d = parse(
      "<head><script type=\"application/ld+json\">{\"headline\": \"a < b\"}</script></head><p>x</p>");
  NodeId s = d.find_first("script");
  ASSERT_NE(s, kNoNode);
  ASSERT_NE(d.node(s).first_child, kNoNode);
  EXPECT_EQ(d.node(d.node(s).first_child).text, "{\"headline\": \"a < b\"}");
}

TEST_P(DomBuilderTest, MetaCharsetDoesNotReDecodeUtf8) {
  Document d = parse("<meta charset=\"iso-8859-1\"><p>\xC3\xA4\xE2\x82\xAC</p>");
  EXPECT_EQ(d.text_of(d.find_first("p")), "\xC3\xA4\xE2\x82\xAC");
}

TEST_P(DomBuilderTest, InvisibleCharactersAreStripped) {
  Document d = parse("<p>Re&shy;st\xC2\xADlos\xE2\x80\x8B!</p>");
  EXPECT_EQ(d.text_of(d.find_first("p")), "Restlos!");
}

TEST_P(DomBuilderTest, OverflowingCharacterReferenceGivesValidUtf8) {
  Document d = parse("<p title=\"x&#22222222222;\">a &#22222222222; &#xD800; b</p>");
  for (NodeId n = 0; n < d.size(); ++n) {
    EXPECT_TRUE(is_valid_utf8(d.node(n).text));
    for (const Document::Attr* a = d.attrs_begin(n); a != d.attrs_end(n); ++a)
      EXPECT_TRUE(is_valid_utf8(a->second));
  }
  std::string p = d.text_of(d.find_first("p"));
  EXPECT_EQ(p.front(), 'a');
  EXPECT_EQ(p.back(), 'b');
}

TEST_P(DomBuilderTest, EmptyAndTruncatedInput) {
  EXPECT_GE(parse("").size(), 1u);
  Document d = parse("<div><p>open");
  EXPECT_EQ(d.text_of(d.find_first("p")), "open");
}

TEST_P(DomBuilderTest, DeepNestingIsFlattenedAndTextKept) {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<div>";
  html += "tief";
  for (int i = 0; i < 20000; ++i) html += "</div>";
  Document d = parse(html);
  std::uint32_t max_depth = 0;
  for (NodeId n = 0; n < d.size(); ++n) max_depth = std::max(max_depth, d.node(n).depth);
  EXPECT_LE(max_depth, 420u);
  EXPECT_EQ(d.text_of(d.root()), "tief");
}

// A <noscript> holding only the start of a wrapper (its end tag in a second <noscript> at the
// bottom) must not swallow the page: its content is raw text, as for a browser with scripting on.
TEST_P(DomBuilderTest, NoscriptWithUnclosedDivDoesNotHideThePage) {
  Document d = parse(
      "<body><noscript><div id=\"nojs\"></noscript><div id=main><p>Der Artikel.</p></div>"
      "<noscript></div></noscript><p>Ende</p></body>");
  NodeId p = d.find_first("p");
  ASSERT_NE(p, kNoNode);
  EXPECT_EQ(d.text_of(p), "Der Artikel.");
  EXPECT_NE(d.text_of(d.root()).find("Ende"), std::string::npos);
  for (NodeId a = d.node(p).parent; a != kNoNode && a != d.root(); a = d.node(a).parent)
    EXPECT_NE(d.node(a).tag, "noscript");
  EXPECT_EQ(d.find_first("div"), d.node(p).parent);  // the noscript's <div> is gone
  // Without an end tag nothing is dropped: the text stays in the page.
  Document open = parse("<body><noscript><p>offen</p>");
  EXPECT_EQ(open.text_of(open.find_first("p")), "offen");
}

INSTANTIATE_TEST_SUITE_P(Parsers, DomBuilderTest,
                         ::testing::Values(HtmlParser::kLibxml2, HtmlParser::kGumbo),
                         [](const auto& p) { return std::string(html_parser_name(p.param)); });

TEST(DefaultHtmlParser, CanBeSetAndReset) {
  HtmlParser before = default_html_parser();
  set_default_html_parser(HtmlParser::kGumbo);
  EXPECT_EQ(default_html_parser(), HtmlParser::kGumbo);
  set_default_html_parser(HtmlParser::kLibxml2);
  EXPECT_STREQ(html_parser_name(HtmlParser::kDefault), "libxml2");
  set_default_html_parser(HtmlParser::kDefault);
  EXPECT_EQ(default_html_parser(), before);
}

}  // namespace
}  // namespace pk::html
