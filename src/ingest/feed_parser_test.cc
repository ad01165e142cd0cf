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

// RFC 3986 section 5.4.1 (normal) and 5.4.2 (abnormal) examples, base "http://a/b/c/d;p?q".
TEST(ResolveUrl, Rfc3986Examples) {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
      // abnormal
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", "http:g"},  // strict parser
  };
  for (const auto& [ref, want] : cases) EXPECT_EQ(resolve_url(base, ref), want) << "ref '" << ref << "'";
}

TEST(ResolveUrl, EdgeCases) {
  EXPECT_EQ(resolve_url("", "/x"), "/x");                                   // no base: unchanged
  EXPECT_EQ(resolve_url("http://example.com", "x"), "http://example.com/x");  // empty path with authority
  EXPECT_EQ(resolve_url("https://example.com/a/", "//cdn.example.org/i.png"), "https://cdn.example.org/i.png");
  EXPECT_EQ(resolve_url("http://example.com/a/b", " ../c "), "http://example.com/c");  // feed text is trimmed
  EXPECT_EQ(resolve_url("http://example.com/a/b", "HTTPS://Other.org/"), "HTTPS://Other.org/");
  EXPECT_EQ(resolve_url("http://example.com/", "a:b/c"), "a:b/c");
  EXPECT_EQ(resolve_url("http://example.com/", "./a:b"), "http://example.com/a:b");  // colon after a slash: path
  EXPECT_EQ(resolve_url("http://www.詹姆斯.com/feed/", "ä"), "http://www.詹姆斯.com/feed/ä");
}

TEST(FeedParser, RelativeLinksUseDocumentUrl) {
  const char* rss = R"(<rss version="2.0"><channel><title>T</title><link>/</link>
    <item><title>A</title><link>/politik/a.html</link></item>
    <item><title>B</title><link>b.html?x=1#top</link></item>
    <item><title>C</title><link>https://other.example/c</link></item></channel></rss>)";
  auto f = parse_feed(rss, {}, "https://news.example/feeds/rss.xml");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->link, "https://news.example/");
  ASSERT_EQ(f->items.size(), 3u);
  EXPECT_EQ(f->items[0].link, "https://news.example/politik/a.html");
  EXPECT_EQ(f->items[1].link, "https://news.example/feeds/b.html?x=1#top");
  EXPECT_EQ(f->items[2].link, "https://other.example/c");
  EXPECT_EQ(docs_of(*f)[0].url, "https://news.example/politik/a.html");
}

TEST(FeedParser, RelativeLinksFallBackToTheFeedLink) {
  const char* rss = R"(<rss version="2.0"><channel><link>https://news.example/de/</link>
    <item><title>A</title><link>artikel/1</link></item></channel></rss>)";
  auto f = parse_feed(rss);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->items[0].link, "https://news.example/de/artikel/1");
  // Without any base the link stays as written.
  auto g = parse_feed(R"(<rss version="2.0"><channel><item><link>artikel/1</link></item></channel></rss>)");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->items[0].link, "artikel/1");
}

TEST(FeedParser, XmlBaseIsInheritedAndResolvedAgainstItsParent) {
  const char* atom = R"X(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="feed/">
    <link href="/home"/>
    <entry xml:base="entry/"><title>A</title><link rel="alternate" href="a.html"/></entry>
    <entry xml:base="http://other.example/x/"><title>B</title><link href="../b"/></entry>
    <entry><title>C</title><link xml:base="/abs/" href="c"/></entry>
    <entry xml:base="javascript:alert(1)"><title>D</title><link href="d"/></entry>
  </feed>)X";
  auto f = parse_feed(atom, {}, "http://example.com/");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->link, "http://example.com/home");
  ASSERT_EQ(f->items.size(), 4u);
  EXPECT_EQ(f->items[0].link, "http://example.com/feed/entry/a.html");
  EXPECT_EQ(f->items[1].link, "http://other.example/b");
  EXPECT_EQ(f->items[2].link, "http://example.com/abs/c");
  EXPECT_EQ(f->items[3].link, "http://example.com/feed/d");  // an unsafe xml:base is ignored
}

TEST(FeedParser, RssXmlBaseAndAtomLinkInItems) {
  const char* rss = R"(<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xml:base="http://a.example/n/">
    <channel><item><title>A</title><atom:link href="../a"/></item>
    <item xml:base="sub/"><title>B</title><link>b</link></item></channel></rss>)";
  auto f = parse_feed(rss, {}, "http://ignored.example/");
  ASSERT_TRUE(f);
  ASSERT_EQ(f->items.size(), 2u);
  EXPECT_EQ(f->items[0].link, "http://a.example/a");
  EXPECT_EQ(f->items[1].link, "http://a.example/n/sub/b");
}

TEST(FeedParser, UrlsInsideItemHtmlAreResolved) {
  const char* rss = R"(<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
    <item xml:base="http://news.example/2025/"><title>A</title>
    <description>&lt;a href=" ../impressum "&gt;x&lt;/a&gt; &lt;img alt="a href=b" src='bild.jpg'/&gt; 3 &lt; 4</description>
    <content:encoded><![CDATA[<p><a HREF=/abs title="t">y</a><a href="https://o.example/">z</a><a href=#top>t</a></p>]]></content:encoded>
    </item></channel></rss>)";
  auto f = parse_feed(rss);
  ASSERT_TRUE(f);
  ASSERT_EQ(f->items.size(), 1u);
  EXPECT_EQ(f->items[0].summary,
            R"(<a href="http://news.example/impressum">x</a> <img alt="a href=b" src='http://news.example/2025/bild.jpg'/> 3 < 4)");
  EXPECT_EQ(f->items[0].content,
            R"(<p><a HREF=http://news.example/abs title="t">y</a><a href="https://o.example/">z</a><a href=http://news.example/2025/#top>t</a></p>)");
  // Plain text is left alone, and without a base so is markup.
  auto g = parse_feed(R"(<rss version="2.0"><channel><item><description>&lt;a href="x"&gt;x&lt;/a&gt;</description></item></channel></rss>)");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->items[0].summary, R"(<a href="x">x</a>)");
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
