#include "html_extract.h"

#include <gtest/gtest.h>

#include <string>

#include "html_article.h"
#include "html_charset.h"
#include "html_dom.h"
#include "html_meta.h"
#include "pressekarte/text.h"

namespace pk {
namespace {

RawDocument page(std::string body, std::string content_type = "") {
  RawDocument d;
  d.source = "test.html";
  d.format = "html";
  d.url = "https://www.example.de/politik/2025/10/28/artikel.html";
  d.content_type = std::move(content_type);
  d.body = std::move(body);
  return d;
}

const char* kArticle = R"(<!doctype html><html lang="de"><head>
<meta charset="utf-8"><title>Japan und USA stärken Allianz | Beispiel-Zeitung</title>
<meta property="og:site_name" content="Beispiel-Zeitung">
<meta name="description" content="Die USA sind Japans Schutzmacht. Nun wollen beide Länder enger zusammenarbeiten.">
<link rel="canonical" href="/politik/artikel.html">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Beispiel-Zeitung"},
 {"@type":"NewsArticle","headline":"Japan und USA stärken Allianz",
  "datePublished":"2025-10-28T09:15:00+01:00","dateModified":"2025-10-28T11:00:00+01:00",
  "author":[{"@type":"Person","name":"Erika Muster"},{"@type":"Person","name":"Max Beispiel"}],
  "publisher":{"@type":"Organization","name":"Beispiel-Zeitung"}}]}</script>
<style>.x { color: red }</style></head><body>
<div id="cookie-banner">Wir verwenden Cookies. Akzeptieren?</div>
<nav><ul><li><a href="/">Start</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<main><article>
<h1>Japan und USA stärken Allianz</h1>
<p class="article-lead">Die USA sind Japans Schutzmacht. Nun wollen beide Länder enger zusammenarbeiten.</p>
<figure><img src="a.jpg"><figcaption>Trump und Takaichi in Tokio. Bild: Mark Schiefelbein/AP/dpa</figcaption></figure>
<p>Tokio (dpa) - Die Regierungen in Tokio und Washington haben am Dienstag ein Abkommen unterzeichnet, das die Zusammenarbeit bei Rohstoffen und Verteidigung vertieft.</p>
<script>document.write("SCRIPTTEXT")</script>
<p>Der Besuch fällt in eine Zeit wachsender Spannungen in der Region, wie Beobachter sagen &amp; schreiben.</p>
<h2>Kirschbäume als Geschenk</h2>
<p>Zum Abschluss überreichte die Regierungschefin 250 Kirschbäume, die in Washington gepflanzt werden sollen, sagte ein Sprecher.</p>
<div class="related"><h3>Mehr zum Thema</h3><ul><li><a href="/a">Anderer Artikel eins</a></li><li><a href="/b">Anderer Artikel zwei</a></li></ul></div>
</article></main>
<footer>Impressum · Datenschutz · Kontakt</footer>
<div class="comments"><p>Kommentar: Das ist ja interessant, finde ich, wirklich sehr.</p></div>
</body></html>)";

TEST(HtmlExtract, ReadsNewsArticle) {
  auto r = extract_html(page(kArticle), {});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const Article& a = r.value();
  EXPECT_EQ(a.title, "Japan und USA stärken Allianz");
  EXPECT_EQ(a.author, "Erika Muster, Max Beispiel");
  EXPECT_EQ(a.date.substr(0, 10), "2025-10-28");
  EXPECT_EQ(a.updated.substr(0, 10), "2025-10-28");
  EXPECT_EQ(a.site_title, "Beispiel-Zeitung");
  EXPECT_EQ(a.outlet, "example.de");
  EXPECT_EQ(a.canonical_url, "https://www.example.de/politik/artikel.html");
  EXPECT_EQ(a.language, "de");
  EXPECT_EQ(a.lead, "Die USA sind Japans Schutzmacht. Nun wollen beide Länder enger zusammenarbeiten.");
  EXPECT_EQ(a.dateline, "Tokio");
  EXPECT_EQ(a.agency, "dpa");
  ASSERT_EQ(a.subheadings.size(), 1u);
  EXPECT_EQ(a.subheadings[0], "Kirschbäume als Geschenk");
  ASSERT_EQ(a.images.size(), 1u);
  EXPECT_EQ(a.images[0].caption, "Trump und Takaichi in Tokio.");
  EXPECT_EQ(a.images[0].credit, "Mark Schiefelbein/AP/dpa");
  // Subheadings stand in the body at their place (ExtractOptions::subheadings_in_body).
  ASSERT_EQ(a.paragraphs.size(), 4u);
  EXPECT_EQ(a.paragraphs[2], "Kirschbäume als Geschenk");
  EXPECT_EQ(a.text.find("Tokio (dpa)"), 0u);
  EXPECT_NE(a.text.find("\n\nKirschbäume als Geschenk\n\nZum Abschluss"), std::string::npos);
  for (const char* junk : {"Cookies", "Impressum", "Kommentar", "Anderer Artikel", "Start",
                           "SCRIPTTEXT", "color: red", "Mehr zum Thema", "Bild:"})
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk;
}

TEST(HtmlExtract, SubheadingsOutOfBodyWhenAsked) {
  ExtractOptions o;
  o.subheadings_in_body = false;
  auto r = extract_html(page(kArticle), o);
  ASSERT_TRUE(r.is_ok());
  const Article& a = r.value();
  ASSERT_EQ(a.subheadings.size(), 1u);
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.text.find("Kirschbäume als Geschenk"), std::string::npos);
}

TEST(HtmlExtract, SoftHyphensAndZeroWidthSpacesDropped) {
  auto r = extract_html(page("<html><body><article><p>Die Lan&shy;des&shy;re&shy;gie&shy;rung in "
                             "Baden-W\xC3\xBCrt\xC2\xADtemberg tagte\xE2\x80\x8B am Montag, sagte ein "
                             "Sprecher.</p></article></body></html>"),
                        {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value().text, "Die Landesregierung in Baden-Württemberg tagte am Montag, sagte ein Sprecher.");
}

TEST(HtmlExtract, ReadMorePointersAndBareCreditsDropped) {
  auto r = extract_html(page("<html><body><article><p>Der Hafen in Kiel wird erweitert, teilte die "
                             "Stadt am Montag mit, und die Arbeiten beginnen bald.</p>"
                             "<p>AFP / MARCO BERTORELLO</p><p>Lesen Sie auch: Neue Fähre nach Oslo</p>"
                             "<p>Die Kosten liegen bei zwei Millionen Euro, sagte ein Sprecher der Stadt.</p>"
                             "</article></body></html>"),
                        {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value().paragraphs.size(), 2u);
  EXPECT_EQ(r.value().text.find("BERTORELLO"), std::string::npos);
  EXPECT_EQ(r.value().text.find("Oslo"), std::string::npos);
}

// Figures outside the chosen text (the lead image above the body) belong to the article;
// teaser figures (inside a link or a list) do not; captions without a credit marker are split.
TEST(HtmlExtract, FiguresAndUnmarkedCredits) {
  auto r = extract_html(
      page("<html><body><article>"
           "<figure><img src=a.jpg><div class=\"md:hidden\"><small>\xC2\xA9 Max Muster</small></div>"
           "<figcaption>Der Hafen am Morgen</figcaption></figure>"
           "<div class=text><p>Der Hafen in Kiel wird erweitert, teilte die Stadt am Montag mit, und die "
           "Arbeiten beginnen bald, sagte ein Sprecher.</p>"
           "<p>Die Kosten liegen bei zwei Millionen Euro, sagte ein Sprecher der Stadt am Montag.</p>"
           "<figure><img src=b.jpg><figcaption>Die Fähre nach Oslo. <!-- -->(Jane Roe/AP)</figcaption></figure>"
           "<figure><img src=c.jpg><figcaption>Hafenarbeiter am Kai. | Erika Beispiel/dpa</figcaption></figure>"
           "<figure><img src=d.jpg><figcaption><span class=caption>Containerschiff im Hafen.</span> "
           "<span class=credit>Photo by Max Muster</span> /<span class=distributor>AFP</span></figcaption></figure>"
           "<div class=\"media-info\"><span>Der Kran am Abend.</span> <span>Bildrechte: Stadt Kiel</span></div>"
           "<p>Die Arbeiten sollen im Sommer beginnen und zwei Jahre dauern, sagte der Sprecher.</p></div>"
           "<ul class=teasers><li><a href=/x><figure><img src=e.jpg><figcaption>Teaser</figcaption></figure>"
           "Ein anderer Artikel</a></li></ul>"
           "</article></body></html>"),
      {});
  ASSERT_TRUE(r.is_ok());
  const auto& imgs = r.value().images;
  ASSERT_EQ(imgs.size(), 5u);
  EXPECT_EQ(imgs[0].caption, "Der Hafen am Morgen");
  EXPECT_EQ(imgs[0].credit, "Max Muster");
  EXPECT_EQ(imgs[1].caption, "Die Fähre nach Oslo.");
  EXPECT_EQ(imgs[1].credit, "Jane Roe/AP");
  EXPECT_EQ(imgs[2].caption, "Hafenarbeiter am Kai.");
  EXPECT_EQ(imgs[2].credit, "Erika Beispiel/dpa");
  EXPECT_EQ(imgs[3].caption, "Containerschiff im Hafen.");
  EXPECT_EQ(imgs[3].credit, "Max Muster/AFP");
  EXPECT_EQ(imgs[4].caption, "Der Kran am Abend.");
  EXPECT_EQ(imgs[4].credit, "Stadt Kiel");
  EXPECT_EQ(r.value().text.find("Kran"), std::string::npos);  // the caption is not body text
}

// Page furniture after the article: everything from a "Kontakt:" / "Über die Autorin" label on
// (once most of the text is read), "Abbildung 3: …" captions and read-more teasers go.
TEST(HtmlExtract, EndSectionsCaptionsAndTeasersDropped) {
  std::string para = "<p>Der Hafen in Kiel wird erweitert, teilte die Stadt am Montag mit, und die Arbeiten "
                     "beginnen im Sommer, sagte ein Sprecher der Stadt.</p>";
  auto r = extract_html(
      page("<html><body><article>" + para + para + para +
           "<p>Abbildung 3: Der Hafen im Jahr 1950.</p>"
           "<p>Der neue Kran am Kai. \xC2\xA9 AFP / Max Muster</p>"
           "<p>Subscribe now to our newsletter for the full story.</p>"
           "<p>Schon gelesen?</p><p>Neue F\xC3\xA4hre nach Oslo</p>" + para +
           "<h3>Kontakt:</h3><p>Max Muster, Telefon 0431 123456</p><p>presse@example.de</p>"
           "</article></body></html>"),
      {});
  ASSERT_TRUE(r.is_ok());
  const std::string& t = r.value().text;
  EXPECT_NE(t.find("Hafen in Kiel"), std::string::npos);
  EXPECT_EQ(t.find("Abbildung"), std::string::npos);
  EXPECT_EQ(t.find("Kran"), std::string::npos);
  EXPECT_EQ(t.find("Subscribe"), std::string::npos);
  EXPECT_EQ(t.find("Oslo"), std::string::npos);
  EXPECT_EQ(t.find("Kontakt"), std::string::npos);
  EXPECT_EQ(t.find("Max Muster"), std::string::npos);
}

// The teaser under the headline stands outside the body container but repeats the page's
// summary: it is the lead. A <header> inside the <article> is not site navigation. A class that
// only hides a label ("field--label-hidden") does not hide the text.
TEST(HtmlExtract, VisibleTeaserArticleHeaderAndLabelHiddenFields) {
  auto r = extract_html(
      page("<html><head><meta name=description content=\"Die Stadt Kiel baut ihren Hafen aus. Die "
           "Arbeiten beginnen im Sommer.\"></head><body><nav><a href=/>Start</a></nav>"
           "<h1>Kiel baut aus</h1><p class=a-lead>Die Stadt Kiel baut ihren Hafen aus. Die Arbeiten "
           "beginnen im Sommer.</p>"
           "<div class=main><article><header><p class=intro>Ein Kran f\xC3\xBCr den Hafen: die Stadt hat "
           "ihn gestern bestellt, er kommt im Mai.</p></header>"
           "<div class=\"text field--label-hidden\"><p>Der Hafen in Kiel wird erweitert, teilte die Stadt "
           "am Montag mit, und die Arbeiten beginnen bald, sagte ein Sprecher.</p></div>"
           "<div class=\"text field--label-hidden\"><p>Die Kosten liegen bei zwei Millionen Euro, sagte "
           "ein Sprecher der Stadt am Montag.</p></div>"
           "<div class=\"text field--label-hidden\"><p>Der Bund zahlt die H\xC3\xA4lfte, die andere H\xC3\xA4lfte "
           "tragen das Land und die Stadt.</p></div>"
           "<div class=\"hidden-xs\"><p>Ein Kasten, den die Seite auf kleinen Bildschirmen verbirgt.</p></div>"
           "</article></div></body></html>"),
      {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value().lead, "Die Stadt Kiel baut ihren Hafen aus. Die Arbeiten beginnen im Sommer.");
  const std::string& t = r.value().text;
  EXPECT_NE(t.find("Kran"), std::string::npos);
  EXPECT_NE(t.find("zwei Millionen"), std::string::npos);
  EXPECT_NE(t.find("Der Bund"), std::string::npos);
  EXPECT_EQ(t.find("Kasten"), std::string::npos);
}

TEST(HtmlExtract, EntitiesDecoded) {
  auto r = extract_html(page("<html><body><article><p>Caf&eacute; &amp; Bar &#8211; &quot;gut&quot; &lt;3 "
                             "und noch ein paar W&ouml;rter mehr, damit es ein Absatz ist.</p></article></body></html>"),
                        {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value().text, "Café & Bar – \"gut\" <3 und noch ein paar Wörter mehr, damit es ein Absatz ist.");
}

TEST(HtmlExtract, ScriptAndStyleNeverInText) {
  std::string html = "<html><head><style>p{}</style></head><body><div class=content><p>Erster Absatz mit "
                     "genug Text, um als Inhalt zu gelten, und einem Komma.</p><script>var secret = 1;"
                     "</script><noscript>NOSCRIPT</noscript><p>Zweiter <style>.q{}</style>Absatz mit "
                     "noch mehr Text, der ebenfalls zählt.</p></div></body></html>";
  auto r = extract_html(page(html), {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value().text.find("secret"), std::string::npos);
  EXPECT_EQ(r.value().text.find(".q{}"), std::string::npos);
  EXPECT_EQ(r.value().text.find("NOSCRIPT"), std::string::npos);
  EXPECT_NE(r.value().text.find("Zweiter Absatz"), std::string::npos);
}

TEST(HtmlExtract, PageWithoutBodyText) {
  auto r = extract_html(page("<html><head><title>Nur ein Titel</title></head><body></body></html>"), {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value().title, "Nur ein Titel");
  EXPECT_TRUE(r.value().text.empty());
  EXPECT_TRUE(r.value().paragraphs.empty());
  auto empty = extract_html(page(""), {});
  EXPECT_FALSE(empty.is_ok());
  EXPECT_NE(empty.status().message().find("test.html"), std::string::npos);
}

TEST(HtmlExtract, MillionNestedDivs) {
  std::string html = "<html><body>";
  const int n = 1000000;
  html.reserve(n * 11 + 100);
  for (int i = 0; i < n; ++i) html += "<div>";
  html += "<p>Tief verschachtelter Text, der trotzdem gelesen wird, ganz am Ende.</p>";
  for (int i = 0; i < n; ++i) html += "</div>";
  html += "</body></html>";
  auto r = extract_html(page(html), {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_NE(r.value().text.find("Tief verschachtelter Text"), std::string::npos);
}

TEST(HtmlExtract, Latin1WithMetaCharset) {
  std::string html = "<html><head><meta charset=\"iso-8859-1\"><title>Gr\xFC\xDF" "e</title></head><body>"
                     "<article><p>K\xF6ln und M\xFCnchen sind St\xE4" "dte in Deutschland, sch\xF6n und gro\xDF.</p>"
                     "</article></body></html>";
  auto r = extract_html(page(html), {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_TRUE(is_valid_utf8(r.value().text));
  EXPECT_EQ(r.value().title, "Grüße");
  EXPECT_EQ(r.value().text, "Köln und München sind Städte in Deutschland, schön und groß.");
}

TEST(HtmlExtract, Windows1252WithoutDeclaration) {
  std::string html = "<html><body><article><p>\x84" "Anf\xFChrungszeichen\x93 kosten 5 \x80 \x96 "
                     "sagt die Stra\xDF" "enbahn-Gesellschaft in D\xFCsseldorf, nicht mehr.</p></article></body></html>";
  auto r = extract_html(page(html), {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_TRUE(is_valid_utf8(r.value().text));
  EXPECT_NE(r.value().text.find("„Anführungszeichen“ kosten 5 € – sagt die Straßenbahn-Gesellschaft in Düsseldorf"),
            std::string::npos)
      << r.value().text;
}

TEST(HtmlExtract, HttpCharsetWins) {
  html::DecodedHtml d = html::decode_html_bytes("<p>Gr\xFC\xDF" "e</p>", "text/html; charset=ISO-8859-1");
  EXPECT_EQ(d.utf8, "<p>Grüße</p>");
  EXPECT_EQ(d.how, "http");
}

TEST(HtmlExtract, TitleWithScriptInsideIsTextOnly) {
  auto r = extract_html(page("<html><head><title>Wahl <script>alert(1)</script>in Bayern</title></head>"
                             "<body><p>Ein Absatz mit ausreichend viel Text, um gelesen zu werden.</p></body></html>"),
                        {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value().title, "Wahl in Bayern");
}

TEST(HtmlExtract, FragmentIsTheBody) {
  RawDocument d = page("<p>Erster Satz des Feed-Eintrags.</p><p>Zweiter Satz.</p><ul><li>Punkt</li></ul>");
  d.title_hint = "Feed-Titel";
  auto r = extract_html(d, {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value().title, "Feed-Titel");
  EXPECT_EQ(r.value().paragraphs.size(), 3u);
}

TEST(HtmlExtract, NeverEmitsInvalidUtf8) {
  std::string html = "<html><head><meta charset=utf-8></head><body><p>Kaputt \xC3\x28 und \xFF "
                     "Text mit genug L\xC3\xA4nge und Gr\xC3\xB6\xC3\x9F" "e, damit er als Absatz gilt.</p></body></html>";
  auto r = extract_html(page(html), {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_TRUE(is_valid_utf8(r.value().text));
  EXPECT_NE(r.value().text.find("Länge und Größe"), std::string::npos);
}

TEST(HtmlExtract, BylineAndHeadlineCleanedUp) {
  auto r = extract_html(page("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                             "<title>Br\xFC" "cke gesperrt \xBB Stadtblog</title><meta name=author content=\"von Heiko\"></head>"
                             "<body><h1>Br\xFC" "cke gesperrt</h1><div class=entry-content><p>Die Br\xFC" "cke bleibt bis "
                             "Montag gesperrt, teilte die Stadt mit, und Umleitungen sind ausgeschildert.</p></div>"
                             "</body></html>"),
                        {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value().title, "Brücke gesperrt");
  EXPECT_EQ(r.value().author, "Heiko");
  EXPECT_EQ(r.value().date, "2025-10-28");  // from the URL path
}

TEST(HtmlDom, FlattenDeepNestingKeepsText) {
  std::string out;
  EXPECT_FALSE(html::flatten_deep_nesting("<div><p>a</p></div>", 5, &out));
  ASSERT_TRUE(html::flatten_deep_nesting("<div><div><div>x</div></div></div>", 2, &out));
  EXPECT_EQ(out, "<div><div>x</div></div>");
}

TEST(HtmlMeta, DateFromUrl) {
  EXPECT_EQ(html::date_from_url("https://a.de/2019/05/31/titel"), "2019-05-31");
  EXPECT_EQ(html::date_from_url("https://a.de/news-20190531-x.html"), "2019-05-31");
  EXPECT_EQ(html::date_from_url("https://a.de/artikel/12345678901"), "");
  // The day must end its path segment: "/2023/10/3-fragen-an-x/" is a month archive plus a slug.
  EXPECT_EQ(html::date_from_url("https://a.de/2023/10/3-fragen-an-x/"), "");
  EXPECT_EQ(html::date_from_url("https://a.de/2019/05/31.html"), "2019-05-31");
  EXPECT_EQ(html::date_from_url("https://a.de/meldungen/29-10-2021"), "2021-10-29");
  EXPECT_EQ(html::date_from_url("https://a.de/meldungen/29-10-2021-nachlese/"), "");
}

RawDocument page_without_url_date(std::string body) {
  RawDocument d = page(std::move(body));
  d.url = "https://www.example.de/politik/artikel.html";
  return d;
}

// Text dates when the page has no date metadata: the Wayback toolbar, teaser list items and
// forum profiles do not date the article; a blog's trackback RDF and script data do.
TEST(HtmlExtract, TextDateFallbackSkipsForeignBoxes) {
  auto r = extract_html(page_without_url_date(
      "<html><body><div id=\"wm-ipp-base\"><div>10 Nov 2013</div></div>"
      "<ul><li><a href=\"/b\">Ein anderer Artikel mit langer Überschrift</a><span class=\"post-date\">09.09.2019</span></li></ul>"
      "<article><h1>Titel</h1><p>Der Hafen in Kiel wird erweitert, teilte die Stadt am Montag mit. "
      "Die Arbeiten beginnen im Frühjahr und dauern zwei Jahre.</p>"
      "<span class=\"datum\">27.09.2016</span></article></body></html>"),
                         {});
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(r->date.substr(0, 10), "2016-09-27");

  auto forum = extract_html(page_without_url_date(
      "<html><body><article><h1>Regeln</h1><div><p>Registriert: 18.09.2008</p></div>"
      "<p>Bitte lest die Regeln vor dem ersten Beitrag gründlich durch, danke an alle.</p>"
      "<div>21.01.2009, 05:42</div></article></body></html>"),
                            {});
  ASSERT_TRUE(forum.is_ok());
  EXPECT_EQ(forum->date.substr(0, 10), "2009-01-21");

  auto rdf = extract_html(page_without_url_date(
      "<html><body><!-- <rdf:RDF><rdf:Description dc:date=\"2020-07-03T17:16:22+09:00\" /></rdf:RDF> -->"
      "<article><h1>Blog</h1><p>Ein Tag in den Bergen mit viel Sonne, Wind und einer Wiese voller "
      "Blumen, dazu ein langer Abstieg durch den Wald, eine Einkehr in der Hütte und ein Bad im kalten "
      "See.</p><div>2020/7/2 Wanderung</div></article></body></html>"),
                          {});
  ASSERT_TRUE(rdf.is_ok());
  EXPECT_EQ(rdf->date.substr(0, 10), "2020-07-03");
}

TEST(HtmlDate, CommentDatesAndChangeNotesAreNotThePublication) {
  const std::string body =
      "<p>Ein Absatz mit genug Text, damit er als Inhalt gilt, und einem Komma.</p>"
      "<p>Zweiter Absatz mit noch mehr Text, der ebenfalls zum Artikel gehört.</p></article>"
      "<div class=\"comment-list\"><div class=\"comment\"><time datetime=\"2019-08-24T03:36:11+02:00\">"
      "24. August 2019</time><p>Toller Beitrag, danke schön, wirklich sehr hilfreich.</p></div></div>"
      "</body></html>";
  auto r = extract_html(page_without_url_date("<html><body><article><p>Letzte Änderung: 31.10.2019 - 14:49</p>"
                             "<p>Erschienen am: 16.08.2019</p>" + body), {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value().date.substr(0, 10), "2019-08-16");
  // With nothing else on the page, a comment's date is still better than none.
  r = extract_html(page_without_url_date("<html><body><article>" + body), {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value().date.substr(0, 10), "2019-08-24");
}

TEST(HtmlDate, FallbacksRdfaScriptDataImageFolderAndOpeningDate) {
  const std::string para =
      "<p>Ein Absatz mit genug Text, damit er als Inhalt gilt, und einem Komma dazu, und noch viel "
      "mehr Text, damit dieser Absatz sicher länger als einhundertsechzig Bytes ist, wirklich.</p>";
  auto date_of = [&](const std::string& head, const std::string& body) {
    auto r = extract_html(page_without_url_date("<html><head>" + head + "</head><body><article>" + body +
                                                para + "</article></body></html>"),
                          {});
    return r.is_ok() ? r.value().date.substr(0, 10) : std::string("error");
  };
  EXPECT_EQ(date_of("", "<span property=\"schema:dateCreated\" content=\"2022-01-28T12:45:46+00:00\"></span>"),
            "2022-01-28");
  EXPECT_EQ(date_of("<script>var page = {\"publishedDate\":\"2016-11-04T20:37:27Z\"};</script>", ""),
            "2016-11-04");
  EXPECT_EQ(date_of("<meta property=\"og:image\" content=\"https://x.org/files/2016/05/04/a.png\">", ""),
            "2016-05-04");
  EXPECT_EQ(date_of("", "<p>27.1.2022 - Bei der Erinnerung an die Verfolgten sprach die Bürgermeisterin "
                        "lange über die Geschichte der Stadt, die Opfer und die Verantwortung der "
                        "Gegenwart, und viele Gäste hörten zu.</p>"),
            "2022-01-27");
  EXPECT_EQ(date_of("", ""), "");
}

TEST(HtmlDate, DateTimeKeepsItsOwnCalendarDay) {
  auto r = extract_html(page_without_url_date("<html><head><meta property=\"article:published_time\" "
                             "content=\"2023-11-08T22:35:29-08:00\"></head><body><p>Ein Absatz mit "
                             "genug Text, damit er als Inhalt gilt, und einem Komma.</p></body></html>"), {});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value().date.substr(0, 10), "2023-11-08");
}

// ---------------------------------------------------------------- body text, session 3 (exbody)

// An article split into CMS content elements: an intro section, then a bigger interview
// section. Both are the article; the author box after it is not.
TEST(HtmlContent, EarlierSectionsOfASplitArticleAreRead) {
  std::string sentence =
      "Die Regierung hat am Montag ihr neues Kabinett vorgestellt, das vor großen Aufgaben steht, "
      "sagen Beobachter in der Hauptstadt. ";
  std::string intro, interview;
  for (int i = 0; i < 4; ++i) intro += "<p>Einleitung " + std::to_string(i) + ": " + sentence + sentence + "</p>";
  for (int i = 0; i < 8; ++i)
    interview += "<p>Antwort " + std::to_string(i) + ": " + sentence + sentence + sentence + "</p>";
  std::string html = "<html><head><title>Große Aufgaben</title></head><body>"
                     "<nav><a href=\"/\">Start</a></nav><div class=\"content\"><h1>Große Aufgaben</h1>"
                     "<div id=\"c1\"><div class=\"media\"><img src=\"a.jpg\"></div>" + intro + "</div>"
                     "<div id=\"c2\"><div class=\"panel\"><h4>Interview</h4><div class=\"panel-body\">" +
                     interview + "</div></div></div>"
                     "<div id=\"c3\"><p>Über die Autorin: Erika Muster schreibt seit vielen Jahren über "
                     "Politik, Wirtschaft und Gesellschaft in Nordafrika.</p></div>"
                     "</div><footer>Impressum</footer></body></html>";
  auto r = extract_html(page(html), {});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const std::string& text = r.value().text;
  EXPECT_NE(text.find("Einleitung 0:"), std::string::npos) << text;
  EXPECT_NE(text.find("Einleitung 3:"), std::string::npos);
  EXPECT_NE(text.find("Antwort 7:"), std::string::npos);
  EXPECT_LT(text.find("Einleitung 3:"), text.find("Antwort 0:"));  // page order
  EXPECT_EQ(text.find("Über die Autorin"), std::string::npos);
}

// A short blog post whose page wrapper also holds a sidebar and a comment form: the whole page
// is read, and the wrapper looks like clutter (links, form fields) but holds the text.
TEST(HtmlContent, WrapperThatLooksLikeClutterButHoldsThePostIsRead) {
  std::string sidebar = "<ul>";
  for (int i = 0; i < 40; ++i)
    sidebar += "<li><a href=\"/k" + std::to_string(i) + "\">Kategorie Nummer " + std::to_string(i) + "</a></li>";
  sidebar += "</ul>";
  for (int i = 0; i < 12; ++i)  // "about me" widgets: enough text that the whole page is read
    sidebar += "<div class=\"widget\"><p>Über mich Teil " + std::to_string(i) +
               ": Ich schreibe hier seit vielen Jahren über Katzen und Gärten und Bücher und das "
               "Leben auf dem Land und das mal ernst und mal heiter.</p></div>";
  std::string form;  // name, e-mail, website, notify boxes, hidden ids, submit
  for (int i = 0; i < 10; ++i) form += "<input type=\"text\" name=\"f" + std::to_string(i) + "\">";
  std::string html =
      "<html><head><title>Nummer zwei</title></head><body><div id=\"wrapper\">"
      "<div id=\"header\"><h1><a href=\"/\">Seelenblog</a></h1></div><div id=\"content\"><div class=\"post\">"
      "<h2>Nummer zwei</h2><div class=\"postentry\">"
      "<p>Es ist schon einige Zeit her, als der Erste auf die Welt kam. Vor ein paar Tagen hat es "
      "auch der Zweite geschafft, und alle sind sehr froh darüber.</p>"
      "<p>So sah es aus, als beide sich das erste Mal sahen und mit geschlossenen Augen beschnupperten.</p>"
      "</div></div><h2 id=\"postcomment\">Say your words</h2><form id=\"commentform\">" + form +
      "</form></div><div id=\"sidebar\">" + sidebar +
      "</div></div></body></html>";
  auto r = extract_html(page(html), {});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const std::string& text = r.value().text;
  EXPECT_NE(text.find("Es ist schon einige Zeit her"), std::string::npos) << text;
  EXPECT_NE(text.find("So sah es aus"), std::string::npos) << text;
  EXPECT_EQ(text.find("Kategorie Nummer"), std::string::npos) << text;
}


// ---------------------------------------------------------------- body text, session 4 (exbody2)

std::string repeat_paragraphs(int n, const std::string& prefix, const std::string& sentence) {
  std::string out;
  for (int i = 0; i < n; ++i) out += "<p>" + prefix + " " + std::to_string(i) + ": " + sentence + "</p>";
  return out;
}

// A related-articles link list under the text must not make the article lose to a teaser box
// elsewhere in the page: the container's link density is taken without its link lists.
TEST(HtmlContent, LinkListUnderTheTextDoesNotSinkTheArticle) {
  std::string sentence =
      "Die Stadt hat am Montag den neuen Haushalt beschlossen, nach langer Debatte im Rat. Die "
      "Opposition stimmte dagegen, weil die Schulden steigen. Der Kämmerer sprach von einem "
      "schwierigen Jahr mit hohen Kosten für Energie und Personal in allen Ämtern der Stadt.";
  std::string links = "<ul>";
  for (int i = 0; i < 30; ++i)
    links += "<li><a href=\"/r" + std::to_string(i) + "\">Weitere Meldung aus der Region Nummer " +
             std::to_string(i) + "</a></li>";
  links += "</ul>";
  std::string html =
      "<html><head><title>Haushalt</title></head><body><div id=\"left\"><div class=\"col\">"
      "<h1>Haushalt beschlossen</h1>" + repeat_paragraphs(3, "Absatz", sentence) + links +
      "</div></div><div id=\"right\"><div class=\"card\"><p>Kurz gemeldet: Wetter, Verkehr, "
      "Sport, Kultur, Termine und Baustellen aus dem Landkreis und den Gemeinden rund um die "
      "Stadt, jeden Tag neu für Sie zusammengestellt von unserer Redaktion im Verlagshaus am "
      "Markt.</p></div></div></body></html>";
  auto r = extract_html(page(html), {});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const std::string& text = r.value().text;
  EXPECT_NE(text.find("Absatz 0:"), std::string::npos) << text;
  EXPECT_NE(text.find("Absatz 2:"), std::string::npos) << text;
  EXPECT_EQ(text.find("Kurz gemeldet"), std::string::npos) << text;
}

// An advertising disclosure or editorial disclaimer box inside the article is not its text.
TEST(HtmlContent, DisclaimerBoxIsNotText) {
  std::string sentence =
      "Der Verein hat am Wochenende sein neues Vereinsheim eröffnet, mit vielen Gästen aus dem "
      "Ort und einem großen Fest für die ganze Familie.";
  std::string html =
      "<html><head><title>Fest</title></head><body><div class=\"post-body\"><h1>Fest</h1>" +
      repeat_paragraphs(5, "Absatz", sentence) +
      "<div class=\"editorial-disclaimer\"><p>Advertising disclosure: we may receive compensation "
      "when you click on links to products in this post, which does not change our opinion.</p>"
      "</div></div></body></html>";
  auto r = extract_html(page(html), {});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const std::string& text = r.value().text;
  EXPECT_NE(text.find("Absatz 4:"), std::string::npos) << text;
  EXPECT_EQ(text.find("Advertising disclosure"), std::string::npos) << text;
}

// A standfirst set as a heading with a lead class is the lead, not a subheading.
TEST(HtmlContent, StandfirstInAHeadingIsTheLead) {
  std::string sentence =
      "Der neue Wagen fährt leise und sparsam, sagt der Hersteller, und die Tester bestätigen das "
      "nach einer langen Fahrt über Land.";
  std::string standfirst =
      "Das Facelift des Modells geht weit über die üblichen Maßnahmen hinaus und bringt eine neue "
      "Plattform.";
  std::string html =
      "<html><head><title>Test</title></head><body><article><h1>Der Test</h1>"
      "<h2 class=\"article-lead\"><span>" + standfirst + "</span></h2>"
      "<div class=\"entry-content\">" + repeat_paragraphs(5, "Absatz", sentence) +
      "<h2>Fazit</h2><p>Ein gutes Auto.</p></div></article></body></html>";
  auto r = extract_html(page(html), {});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r.value().lead, standfirst);
  ASSERT_EQ(r.value().subheadings.size(), 1u);
  EXPECT_EQ(r.value().subheadings[0], "Fazit");
}

// The visible teaser that repeats the (shortened) meta description may be a heading outside
// the article container ("<h2 class=hero__teaser>"): it is read as the lead, in full.
TEST(HtmlContent, VisibleSummaryInAHeadingIsTheLead) {
  std::string sentence =
      "Die Spieler trafen sich am Abend im Stadion, wo der Trainer die Aufstellung bekannt gab "
      "und viele Fans warteten.";
  std::string teaser =
      "Der Präsident des Verbandes tritt nach zwölf Jahren zurück und schlägt seinen Nachfolger "
      "vor, der im Mai gewählt werden soll.";
  std::string html =
      "<html><head><title>Rücktritt</title><meta name=\"description\" content=\"" + teaser.substr(0, 70) +
      "…\"></head><body><div class=\"hero\"><h1>Rücktritt</h1><h2 class=\"hero__sub\">" + teaser +
      "</h2></div><div class=\"wrap\"><div class=\"article-body\">" +
      repeat_paragraphs(6, "Absatz", sentence) + "</div></div></body></html>";
  auto r = extract_html(page(html), {});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r.value().lead, teaser);
  EXPECT_EQ(r.value().text.find("Der Präsident"), std::string::npos);  // the lead stays out of text
}


// A page footer made of <article class=widget> boxes is still a footer: an <article> inside a
// footer/aside/nav keeps it only when it holds a real share of the page's text.
TEST(HtmlContent, FooterOfArticleWidgetsIsBoilerplate) {
  std::string html =
      "<html><head><title>Termine</title></head><body><main><h1>Termine</h1><p>Der Elternabend "
      "der dritten Klassen findet am Dienstag um 18 Uhr in der Aula statt.</p><p>Bitte bringen "
      "Sie die ausgefüllten Anmeldungen für die Projektwoche mit.</p></main>"
      "<footer><section class=\"widgets\"><article class=\"widget\"><div class=\"textwidget\">"
      "Direktor: Max Mustermann</div></article>"
      "<article class=\"widget\"><div class=\"textwidget\">Verein der Freunde der Schule"
      "</div></article></section></footer>"
      "</body></html>";
  auto r = extract_html(page(html), {});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const std::string& text = r.value().text;
  EXPECT_NE(text.find("Der Elternabend"), std::string::npos) << text;
  EXPECT_EQ(text.find("Direktor"), std::string::npos) << text;
  EXPECT_EQ(text.find("Verein der Freunde"), std::string::npos) << text;
}

}  // namespace
}  // namespace pk
