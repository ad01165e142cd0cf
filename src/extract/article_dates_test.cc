// Publication dates, session 4: month names of more languages (article_dates.cc), the date
// shown with the headline and the URL rule (html_meta.cc), and the text fallback when a page has
// no metadata (html_extract.cc). Each test pins one general rule and fails with it switched off.
#include <gtest/gtest.h>

#include <string>

#include "article_parts.h"
#include "html_extract.h"
#include "html_meta.h"

namespace pk {
namespace {

using parts::normalize_date;

// ---------------------------------------------------------------- month names (article_dates.cc)

TEST(DateMonthNames, FrenchSpanishItalianPortugueseDutchPolish) {
  EXPECT_EQ(normalize_date("Publié le 29 juin 2019"), "2019-06-29");
  EXPECT_EQ(normalize_date("jeudi 13 juin 2019"), "2019-06-13");
  EXPECT_EQ(normalize_date("1er décembre 2020"), "2020-12-01");
  EXPECT_EQ(normalize_date("17 février 2021"), "2021-02-17");
  EXPECT_EQ(normalize_date("jueves 2 de abril de 2020"), "2020-04-02");
  EXPECT_EQ(normalize_date("Notizia del 14 Gennaio 2020"), "2020-01-14");
  EXPECT_EQ(normalize_date("5 de outubro de 2019"), "2019-10-05");
  EXPECT_EQ(normalize_date("3 maart 2022"), "2022-03-03");
  EXPECT_EQ(normalize_date("12 maja 2020"), "2020-05-12");
  EXPECT_EQ(normalize_date("7 września 2018"), "2018-09-07");
}

TEST(DateMonthNames, NamesAloneOrWithoutADayAreNoDate) {
  EXPECT_EQ(normalize_date("mars 2019"), "");
  EXPECT_EQ(normalize_date("de mayo"), "");
  EXPECT_EQ(normalize_date("Le 3 mars les élèves"), "");
}

// ---------------------------------------------------------------- metadata (html_meta.cc)

std::string meta_date(const std::string& head, const std::string& body, const std::string& url = "",
                      const std::string& lang = "de") {
  std::string page = "<html lang=\"" + lang + "\"><head>" + head + "</head><body>" + body + "</body></html>";
  auto doc = html::Document::parse(page);
  EXPECT_TRUE(doc.is_ok());
  return html::read_page_meta(*doc, url).date.substr(0, 10);
}

// "<h1>Title</h1><h2>Subtitle</h2><ul><li><time>29.04.2020</time></li></ul>": the subtitle
// does not end the article head.
TEST(DateShownWithHeadline, SubtitleH2RightAfterTheHeadlineIsPartOfTheHead) {
  const std::string head = R"(<meta name="date" content="2020-04-30">)";
  EXPECT_EQ(meta_date(head, R"(<h1>Kein Geld für die Miete</h1><h2>Aktivisten trommeln für einen Stopp</h2>
      <ul class="Infoline"><li>Von M. W.</li><li class="Date"><time>29.04.2020, 12:01 Uhr</time></li></ul>)"),
            "2020-04-29");
  // A linked blog title with its tagline: the <h2> is no subtitle, the date below belongs to a post.
  EXPECT_EQ(meta_date(head, R"(<h1><a href="/">Mein Blog</a></h1><h2>Alles über Pferde</h2>
      <h3>Eintrag vom 11.07.2020</h3>)"),
            "2020-04-30");
}

TEST(DateShownWithHeadline, TheLeadRightUnderTheHeadlineMayBeLong) {
  std::string lead(200, 'x');
  lead = "Der Schuh ist ein vielseitiger Freetouring-Schuh " + lead;
  EXPECT_EQ(meta_date(R"(<meta name="Date" content="2022-01-26T14:32:06+02:00">)",
                      "<h1>Das Beste aus zwei Welten</h1><div class=intro><p>" + lead +
                          R"(</p></div><aside class="meta"><time datetime="2022-01-21">21.01.2022 - 13:30</time></aside>)"),
            "2022-01-21");
  // A long text not marked as the lead, or a second one, is the running text: its dates are events.
  EXPECT_EQ(meta_date(R"(<meta name="Date" content="2022-01-26">)",
                      "<h1>Titel</h1><p>" + lead + "</p><p>21.01.2022</p>"),
            "2022-01-26");
  EXPECT_EQ(meta_date(R"(<meta name="Date" content="2022-01-26">)",
                      "<h1>Titel</h1><p class=lead>" + lead + "</p><p>" + lead + "</p><p>21.01.2022</p>"),
            "2022-01-26");
}

TEST(DateShownWithHeadline, TeaserOfAnotherArticleIsSkipped) {
  EXPECT_EQ(meta_date(R"(<meta name="date" content="2022-08-14">)",
                      R"(<h1>Erzbischof ehrt Pater Kolbe</h1><div class="article__readmore"><span>Lesen Sie auch</span>
      <div class="teaser__info"><span>14/08/2021</span></div></div>)"),
            "2022-08-14");
}

// An opinion column's template calls itself "Comment": dates next to its headline are the
// article's, not a readers' thread.
TEST(DateShownWithHeadline, CommentTemplateAroundTheHeadlineIsTheArticle) {
  EXPECT_EQ(meta_date("", R"(<div class="PageArticle_comment"><h1>Was sich ändert</h1>
      <div class="PublishDate"><span>Dienstag,</span> <span>29. Januar 2019</span></div></div>
      <blockquote><time datetime="2018-03-12T19:30:12+00:00">Mär 12, 2018</time></blockquote>)"),
            "2019-01-29");
  // "articleheadercomment" has no comment thread in it: "comment" must start a class word.
  EXPECT_EQ(meta_date("", R"(<div class="ArticleHeaderComment"><h1>Was sich ändert</h1>
      <span>29. Januar 2019</span></div><time datetime="2018-03-12">x</time>)"),
            "2019-01-29");
}

// "Updated May 06, 2019" under the headline, and the publication day shown nowhere there: the
// update is the date readers see.
TEST(DateShownWithHeadline, AShownUpdateWinsWhenThePublicationIsNotShown) {
  const std::string ld = R"(<script type="application/ld+json">{"@type":"Article",
      "datePublished":"2016-08-29T21:54:39.000Z","dateModified":"2019-05-06T10:00:00.000Z"}</script>)";
  EXPECT_EQ(meta_date(ld, R"(<h1>Hydrangea care</h1><div class="timestamp">Updated May 06, 2019</div>)", "", "en"),
            "2019-05-06");
  // Shown with the publication date: the publication stays.
  EXPECT_EQ(meta_date(ld, R"(<h1>Hydrangea care</h1><div>Published August 29, 2016</div>
      <div class="timestamp">Updated May 06, 2019</div>)", "", "en"),
            "2016-08-29");
}

TEST(DateFromUrl, TheNextDayInMetadataIsThePublication) {
  const std::string url = "https://news.example.com/politics/2020/07/08/some-story.html";
  EXPECT_EQ(meta_date(R"(<meta property="article:published_time" content="2020-07-09T10:04:04Z">)", "", url, "en"),
            "2020-07-09");
  // Early UTC hours are still the URL's evening in the Americas: the URL keeps its day.
  EXPECT_EQ(meta_date(R"(<meta property="article:published_time" content="2020-07-09T03:28:35Z">)", "", url, "en"),
            "2020-07-08");
  // Any other day: the URL wins as before.
  EXPECT_EQ(meta_date(R"(<meta property="article:published_time" content="2020-07-12T10:00:00Z">)", "", url, "en"),
            "2020-07-08");
}

// ---------------------------------------------------------------- text fallback (html_extract.cc)

std::string page_date(const std::string& body, const std::string& url = "https://www.example.de/news/artikel") {
  RawDocument d;
  d.source = "test.html";
  d.format = "html";
  d.url = url;
  d.body = "<html lang=\"de\"><head><title>T</title></head><body>" + body + "</body></html>";
  auto r = extract_html(d, {});
  EXPECT_TRUE(r.is_ok());
  return r.is_ok() ? r->date.substr(0, 10) : "";
}

TEST(DateInText, TwoDigitYearOnlyInADateOnlyText) {
  EXPECT_EQ(page_date("<p>Von: Björn Jahner <span>|</span> <span>31.10.23</span></p><p>Text.</p>"), "2023-10-31");
  EXPECT_EQ(page_date("<p>Version 1.10.23 ist erschienen und bringt viele kleine Verbesserungen mit.</p>"), "");
}

TEST(DateInText, ALabelInThePreviousElementCounts) {
  // "Registriert:" stands in its own <strong>: a member's date, not the post's.
  EXPECT_EQ(page_date(R"(<dl><dd><strong>Registriert:</strong> 18.09.2008, 05:56</dd></dl>
      <p class="author">r23 » 21.01.2009, 05:42</p>)"),
            "2009-01-21");
}

TEST(DateInText, DatesInsideSentencesComeAfterLastChangedNotes) {
  EXPECT_EQ(page_date(R"(<p>Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr statt.</p>
      <ul><li id="footer-info-lastmod">Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</li></ul>)"),
            "2020-01-29");
  // A blog's publication note is a label, not a sentence.
  EXPECT_EQ(page_date(R"(<div class="post-footer">Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von
      <a href="/author/admin/">admin</a> geschrieben.</div>
      <div class="comment-meta">27. Mai 2016 at 16:55</div>)"),
            "2015-12-14");
}

TEST(DateInText, ADatelineOpensTheParagraph) {
  std::string rest(200, 'y');
  EXPECT_EQ(page_date("<p>Karlsruhe, (12.11.2021). Traditionell " + rest +
                      "</p><aside><div>Sa.&nbsp;13.11.2021</div></aside>"),
            "2021-11-12");
  // Not a sentence that merely mentions a date later on.
  EXPECT_EQ(page_date("<p>Die Synode tagt seit Jahren, zuletzt am 12.11.2021. " + rest +
                      "</p><aside><div>Sa.&nbsp;13.11.2021</div></aside>"),
            "2021-11-13");
}

TEST(DateInText, ATeaserLinkingThisVeryPageDatesIt) {
  const std::string list = R"(<ul><li><a href="https://www.example.de/blog/wahlzensur/">Wahlzensur: Angriff auf Universitäten</a>
      <span class="post-date">26/10/2018</span></li><li><a href="/blog/anderes/">Ein anderer langer Beitragstitel hier</a>
      <span class="post-date">20/10/2018</span></li></ul>)";
  EXPECT_EQ(page_date(list, "http://www.example.de/blog/wahlzensur/"), "2018-10-26");
  EXPECT_EQ(page_date(list, "http://www.example.de/blog/drittes/"), "");
}

TEST(DateInText, TooltipDatesAreALateFallback) {
  EXPECT_EQ(page_date(R"(<span class="updated" title="2013-04-04T18:52:11+00:00"></span><p>Ohne Datum.</p>)"),
            "2013-04-04");
  EXPECT_EQ(page_date(R"(<div class="news-time-ago" title="2020-09-20T14:20:02Z">vor 15 Minuten</div>)"), "2020-09-20");
  // After the dates the page prints.
  EXPECT_EQ(page_date(R"(<abbr title="Freitag, 6. Oktober 2017 um 04:00">Fr</abbr><p class="date">8. Oktober 2017</p>)"),
            "2017-10-08");
}

}  // namespace
}  // namespace pk
