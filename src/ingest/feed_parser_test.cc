#include "feed_parser.h"

#include <gtest/gtest.h>

#include "dates.h"
#include "pressekarte/text.h"

namespace pk::ingest {
namespace {

std::vector<RawDocument> docs_of(const Feed& f, std::vector<std::string>* warnings = nullptr) {
  std::vector<RawDocument> out;
  feed_to_documents(f, "feed.xml", ReadOptions{}, [&](RawDocument&& d) { out.push_back(std::move(d)); },
                    [&](const Status& s) {
                      if (warnings) warnings->push_back(s.message());
                    });
  return out;
}

TEST(Dates, Rfc822AndRfc3339ToIso) {
  EXPECT_EQ(to_iso8601("Sun, 06 Jul 2014 12:56:00 GMT"), "2014-07-06T12:56:00Z");
  EXPECT_EQ(to_iso8601("Tue, 28 Oct 2025 09:15:00 +0100"), "2025-10-28T09:15:00+01:00");
  EXPECT_EQ(to_iso8601("28 Oct 25 09:15 CEST"), "2025-10-28T09:15:00+02:00");
  EXPECT_EQ(to_iso8601("Thu, 01 Jan 2004 19:48:21 EST"), "2004-01-01T19:48:21-05:00");
  EXPECT_EQ(to_iso8601("2003-12-13T18:30:02Z"), "2003-12-13T18:30:02Z");
  EXPECT_EQ(to_iso8601("2003-12-13T18:30:02.25+01:00"), "2003-12-13T18:30:02+01:00");
  EXPECT_EQ(to_iso8601("2003-12-13"), "2003-12-13");
  EXPECT_EQ(to_iso8601("gestern"), std::nullopt);
  EXPECT_EQ(iso_to_epoch("1970-01-02T00:00:00+01:00"), 86400 - 3600);
}

TEST(FeedParser, Rss2WithContentGeoAndDates) {
  const char* xml = R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:georss="http://www.georss.org/georss" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Osthessen News</title><link>https://o.example/</link>
<item><title>Unfall in Fulda</title><link>https://o.example/1</link>
<description>Kurz: ein Unfall.</description>
<content:encoded><![CDATA[<p>Fulda (ots) - Ein <b>Unfall</b>.</p>]]></content:encoded>
<pubDate>Tue, 28 Oct 2025 09:15:00 +0100</pubDate><dc:creator>Polizei</dc:creator>
<georss:point>50.55 9.68</georss:point></item>
<item><title>Nur Titel</title></item>
<item><description>Text ohne Markup</description><guid>https://o.example/3</guid></item>
<item></item>
</channel></rss>)";
  auto f = parse_feed(xml);
  ASSERT_TRUE(f.is_ok()) << f.status().to_string();
  EXPECT_FALSE(f->bozo);
  EXPECT_EQ(f->title, "Osthessen News");
  ASSERT_EQ(f->items.size(), 4u);
  std::vector<std::string> warnings;
  auto d = docs_of(*f, &warnings);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(warnings.size(), 1u);  // the empty item only
  EXPECT_EQ(d[0].format, "html");
  EXPECT_EQ(d[0].body, "<p>Fulda (ots) - Ein <b>Unfall</b>.</p>");
  EXPECT_EQ(d[0].url, "https://o.example/1");
  EXPECT_EQ(d[0].title_hint, "Unfall in Fulda");
  EXPECT_EQ(d[0].date_hint, "2025-10-28T09:15:00+01:00");
  EXPECT_EQ(d[0].author_hint, "Polizei");
  EXPECT_EQ(d[0].lead_hint, "Kurz: ein Unfall.");
  EXPECT_EQ(d[0].outlet_hint, "Osthessen News");
  ASSERT_TRUE(d[0].lat_hint && d[0].lon_hint);
  EXPECT_DOUBLE_EQ(*d[0].lat_hint, 50.55);
  EXPECT_DOUBLE_EQ(*d[0].lon_hint, 9.68);
  EXPECT_EQ(d[1].title_hint, "Nur Titel");  // no link: emitted without a warning
  EXPECT_EQ(d[1].url, "");
  EXPECT_EQ(d[2].format, "text");
  EXPECT_EQ(d[2].url, "https://o.example/3");  // guid as permalink
}

TEST(FeedParser, AtomEntries) {
  const char* xml = R"(<feed xmlns="http://www.w3.org/2005/Atom" xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#">
<title type="text">Atom Nachrichten</title><link rel="self" href="https://a.example/feed"/>
<link href="https://a.example/"/>
<entry><title>Eintrag</title><link rel="alternate" type="text/html" href="https://a.example/e1"/>
<link rel="enclosure" href="https://a.example/e1.jpg"/>
<updated>2025-10-28T08:00:00Z</updated><published>2025-10-27T08:00:00+02:00</published>
<author><name>Erika Muster</name></author><summary>Zusammenfassung</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hallo <em>Welt</em></p></div></content>
<geo:lat>52.52</geo:lat><geo:long>13.40</geo:long></entry>
</feed>)";
  auto f = parse_feed(xml);
  ASSERT_TRUE(f.is_ok());
  EXPECT_EQ(f->kind, "atom");
  EXPECT_EQ(f->link, "https://a.example/");
  auto d = docs_of(*f);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].url, "https://a.example/e1");
  EXPECT_EQ(d[0].format, "html");
  EXPECT_EQ(d[0].body, "<p>Hallo <em>Welt</em></p>");
  EXPECT_EQ(d[0].date_hint, "2025-10-27T08:00:00+02:00");
  EXPECT_EQ(d[0].author_hint, "Erika Muster");
  EXPECT_EQ(d[0].lead_hint, "Zusammenfassung");
  EXPECT_DOUBLE_EQ(*d[0].lat_hint, 52.52);
}

TEST(FeedParser, Rdf10AndGmlPos) {
  const char* xml = R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:georss="http://www.georss.org/georss" xmlns:gml="http://www.opengis.net/gml">
<channel><title>RDF</title><link>http://r.example/</link></channel>
<item><title>Eins</title><link>http://r.example/1</link>
<georss:where><gml:Point><gml:pos>48.1 11.5</gml:pos></gml:Point></georss:where></item>
</rdf:RDF>)";
  auto f = parse_feed(xml);
  ASSERT_TRUE(f.is_ok());
  EXPECT_EQ(f->kind, "rdf");
  ASSERT_EQ(f->items.size(), 1u);
  EXPECT_EQ(f->items[0].link, "http://r.example/1");
  EXPECT_DOUBLE_EQ(*f->items[0].lat, 48.1);
  EXPECT_DOUBLE_EQ(*f->items[0].lon, 11.5);
}

TEST(FeedParser, DeclaredLatin1IsConverted) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>K\xF6ln</title>"
                    "<item><title>Stra\xDF" "e</title><link>http://k/1</link></item></channel></rss>";
  auto f = parse_feed(xml);
  ASSERT_TRUE(f.is_ok());
  EXPECT_FALSE(f->bozo);
  EXPECT_EQ(f->encoding, "iso-8859-1");
  EXPECT_EQ(f->title, "K\xC3\xB6ln");
  EXPECT_EQ(f->items[0].title, "Stra\xC3\x9F" "e");
}

TEST(FeedParser, Windows1252AndUndeclaredLatin1) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><channel><title>\x93Zitat\x94 \x80</title></channel></rss>";
  auto f = parse_feed(xml);
  ASSERT_TRUE(f.is_ok());
  EXPECT_EQ(f->title, "\xE2\x80\x9CZitat\xE2\x80\x9D \xE2\x82\xAC");
  auto g = parse_feed("<rss><channel><title>K\xF6ln</title></channel></rss>");
  ASSERT_TRUE(g.is_ok());
  EXPECT_TRUE(g->bozo);  // claimed UTF-8 (by default) but was not
  EXPECT_EQ(g->title, "K\xC3\xB6ln");
  EXPECT_TRUE(is_valid_utf8(g->title));
}

TEST(FeedParser, BillionLaughsIsNotExpanded) {
  std::string xml = R"(<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&xxe;</title><link>http://x/1</link></item></channel></rss>)";
  auto f = parse_feed(xml);
  ASSERT_TRUE(f.is_ok());
  EXPECT_LT(f->title.size(), 20u);  // "&lol9;" stays literal
  EXPECT_EQ(f->title, "&lol9;");
  ASSERT_EQ(f->items.size(), 1u);
  EXPECT_EQ(f->items[0].title.find("root:"), std::string::npos);  // no external entity read
}

TEST(FeedParser, IllFormedFeedStillYieldsItemsAndBozo) {
  auto f = parse_feed("<rss><channel><title>T</title><item><title>A</title><link>http://x/1</link></item>"
                      "<item><title>B</title></chanel></rss>");
  ASSERT_TRUE(f.is_ok());
  EXPECT_TRUE(f->bozo);
  EXPECT_GE(f->items.size(), 1u);
  EXPECT_EQ(f->items[0].title, "A");
}

TEST(FeedParser, NotAFeed) {
  EXPECT_FALSE(parse_feed("<html><body>x</body></html>").is_ok());
  EXPECT_FALSE(parse_feed("just text").is_ok());
}

TEST(FeedParser, DeepNestingDoesNotCrash) {
  std::string xml = "<rss><channel><item><title>x</title><description>";
  for (int i = 0; i < 100000; ++i) xml += "<div>";
  xml += "tief";
  for (int i = 0; i < 100000; ++i) xml += "</div>";
  xml += "</description></item></channel></rss>";
  auto f = parse_feed(xml);
  ASSERT_TRUE(f.is_ok());
  ASSERT_EQ(f->items.size(), 1u);
}

}  // namespace
}  // namespace pk::ingest
