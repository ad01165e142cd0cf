// Publication dates from page metadata (html_meta.cc): which source wins and which calendar day.
#include "html_meta.h"

#include <gtest/gtest.h>

#include <string>

namespace pk::html {
namespace {

std::string date_of(const std::string& head, const std::string& body = "", const std::string& lang = "en") {
  std::string page = "<html lang=\"" + lang + "\"><head>" + head + "</head><body>" + body + "</body></html>";
  auto doc = Document::parse(page);
  EXPECT_TRUE(doc.is_ok());
  return read_page_meta(*doc, "").date.substr(0, 10);
}

TEST(HtmlMetaDate, JsonLdPublicationBeatsMetaDate) {
  EXPECT_EQ(date_of(R"(<meta name="date" content="2021-12-20">
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-11-29T14:13:37+01:00",
      "dateModified":"2022-01-12T14:27:30+01:00"}</script>)"),
            "2021-11-29");
}

// A UTC time names the UTC day; the same instant written in local time elsewhere on the page
// (an og meta, a <time>, a video's uploadDate) gives the publisher's day.
TEST(HtmlMetaDate, UtcPublicationTakesTheLocalDayOfTheSameInstant) {
  EXPECT_EQ(date_of(R"(<meta property="article:published_time" content="2023-11-09T06:35:29+00:00">)",
                    R"(<time datetime="2023-11-08T22:35:29-08:00">Nov 8</time>)"),
            "2023-11-08");
  EXPECT_EQ(date_of(R"(<meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-10-18T22:04:00Z"}</script>)"),
            "2019-10-19");
  // A different instant in local time is another event (an update): the UTC day stays.
  EXPECT_EQ(date_of(R"(<meta property="article:published_time" content="2023-11-09T06:35:29Z">)",
                    R"(<time datetime="2023-11-08T21:00:00-08:00">Nov 8</time>)"),
            "2023-11-09");
}

TEST(HtmlMetaDate, UtcMidnightOfACentralEuropeanDateIsTheNextDay) {
  const std::string head = R"(<meta property="article:published_time" content="2021-11-04T23:00Z">)";
  EXPECT_EQ(date_of(head, "", "de"), "2021-11-05");
  EXPECT_EQ(date_of(head, "", "en-US"), "2021-11-04");  // US evening: a real time
  EXPECT_EQ(date_of(R"(<meta property="article:published_time" content="2021-12-31T23:00:00Z">)", "", "de"),
            "2022-01-01");
  EXPECT_EQ(date_of(R"(<meta property="article:published_time" content="2021-11-04T23:05:00Z">)", "", "de"),
            "2021-11-04");
}

}  // namespace
}  // namespace pk::html

namespace pk::html {
namespace {

// The date printed under the headline beats a generic <meta name=date> (often a build date) …
TEST(HtmlMetaDate, ShownHeaderDateBeatsGenericMetaDate) {
  EXPECT_EQ(date_of(R"(<meta name="date" content="2020-04-30">)",
                    R"(<h1>Mietenstreik</h1><ul><li>Von M. W.</li><li><time>29.04.2020, 12:01 Uhr</time></li></ul>
                       <p>)" + std::string(200, 'x') + R"(</p>)"),
            "2020-04-29");
  // … but not when labelled as an update, nor a date in the running text, nor the site's logo <h1>.
  EXPECT_EQ(date_of(R"(<meta name="date" content="2020-04-30">)",
                    R"(<h1>T</h1><span>Aktualisiert:</span><span>29.04.2020</span>)"),
            "2020-04-30");
  EXPECT_EQ(date_of(R"(<meta name="date" content="2020-04-30">)",
                    "<h1>T</h1><p>" + std::string(200, 'x') + "</p><p>28.04.2020</p>"),
            "2020-04-30");
  EXPECT_EQ(date_of(R"(<meta name="date" content="2020-04-30">)",
                    R"(<div id="masthead"><h1 id="site-title"><a href="/">Blog</a></h1><a href="/x">12.05.2012</a></div>)"),
            "2020-04-30");
  // A kicker line with the date above the headline, in the same block.
  EXPECT_EQ(date_of(R"(<meta name="date" content="2023-10-15">)",
                    R"(<div class="text"><div class="date">Party, 30.10.23</div><h1>Kostüme</h1></div>)"),
            "2023-10-30");
}

// An article's JSON-LD datePublished is not beaten by a later shown date (a live ticker's last
// entry, an update), only by an earlier one; "08/11/2023" that agrees day-first keeps the metadata.
TEST(HtmlMetaDate, JsonLdPublicationAgainstShownDate) {
  const std::string ld = R"(<script type="application/ld+json">{"@type":"NewsArticle",
      "datePublished":"2023-11-08T10:00:00+01:00"}</script>)";
  EXPECT_EQ(date_of(ld, "<h1>T</h1><span>18.07.2024, 11.08 Uhr</span>"), "2023-11-08");
  EXPECT_EQ(date_of(ld, "<h1>T</h1><span>01.11.2023</span>"), "2023-11-01");
  EXPECT_EQ(date_of(ld, "<h1>T</h1><span>08/11/2023</span>"), "2023-11-08");
}

// The date under the headline, found even when the headline sits in the article's own <header>,
// when the <h1> is for screen readers only, or in a language whose month names we do not read.
TEST(HtmlMetaDate, ShownDateInTheArticleHeader) {
  // A later <time pubdate> in a teaser link (headline + snippet wrapped in <a>) is not the article's.
  std::string teaser =
      R"(<ul><li><a href="/x"><span>Ein ganz anderer Artikel mit einer langen Überschrift</span>
      <p><time pubdate datetime="2019-09-24T13:34:33Z">24/09/2019</time></p></a></li></ul>)";
  EXPECT_EQ(date_of("", R"(<article><header class="cartouche"><h1>Titel des Artikels</h1>
      <p class="publication">Le <time datetime="2019-06-28T13:49:45Z">28 juin 2019</time></p></header>
      <p>Texte.</p></article>)" + teaser, "fr"),
            "2019-06-28");
  EXPECT_EQ(date_of(R"(<meta name="date" content="2021-12-20T11:02:44+01:00">)",
                    R"(<h1 class="sr-only">Details</h1><main><div class="header"><h2>Posts gewinnen</h2></div>
      <span class="date">27.01.2022</span><p>Die bedeutendste Rebsorte feiert.</p></main>)", "de"),
            "2022-01-27");
  // A <h2> stand-in for the headline does not beat an article's JSON-LD datePublished.
  EXPECT_EQ(date_of(R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-05-04T14:50:00+02:00"}</script>)",
                    R"(<main><h2>Kim ist zurück</h2><span>03.05.2020</span><p>Text.</p></main>)", "de"),
            "2020-05-04");
}

// "02/10/2020" on a British page is 2 October.
TEST(HtmlMetaDate, ShownSlashDateReadInThePageLocale) {
  EXPECT_EQ(date_of(R"(<meta name="date" content="2020-01-01">)",
                    "<h1>University life</h1><span class=\"time\">02/10/2020</span><p>Text.</p>", "en-GB"),
            "2020-10-02");
  EXPECT_EQ(date_of(R"(<meta name="date" content="2020-01-01">)",
                    "<h1>University life</h1><span class=\"time\">02/10/2020</span><p>Text.</p>", "en-US"),
            "2020-02-10");
}

TEST(HtmlMeta, WaybackCaptureStampIsNoPublicationDate) {
  EXPECT_EQ(date_from_url("https://web.archive.org/web/20131110121040im_/http://www.x.de/wp/uploads/a.jpg"), "");
  EXPECT_EQ(date_from_url("https://web.archive.org/web/20131110121040/http://www.x.de/2013/04/04/titel/"),
            "2013-04-04");
}

}  // namespace
}  // namespace pk::html
