#include "html_extract.h"

#include <algorithm>
#include <cctype>
#include <utility>


#include "article_parts.h"
#include "html_article.h"
#include "html_charset.h"
#include "html_content.h"
#include "html_dom.h"
#include "html_meta.h"
#include "language.h"
#include "pressekarte/text.h"

namespace pk {
namespace html {
namespace {


// Compares two texts ignoring case and white space.
std::string norm(std::string_view s) { return collapse_whitespace_lower(s); }

bool starts_similar(const std::string& a, const std::string& b) {
  std::string na = norm(a), nb = norm(b);
  if (na.empty() || nb.empty()) return false;
  std::size_t n = std::min<std::size_t>({na.size(), nb.size(), 80});
  if (n < 20 && na != nb) return false;
  return na.compare(0, n, nb, 0, n) == 0;
}

std::string host_of(std::string_view url) {
  std::size_t p = url.find("://");
  if (p == std::string_view::npos) return {};
  std::string_view rest = url.substr(p + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  std::size_t at = rest.find('@');
  if (at != std::string_view::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string h = ascii_lower(rest);
  if (h.rfind("www.", 0) == 0) h = h.substr(4);
  return h;
}

std::string resolve_url(const std::string& href, std::string_view base) {
  if (href.empty() || href.find("://") != std::string::npos) return href;
  std::size_t p = base.find("://");
  if (p == std::string_view::npos) return href;
  std::string scheme(base.substr(0, p));
  if (href.rfind("//", 0) == 0) return scheme + ":" + href;
  std::size_t host_end = base.find('/', p + 3);
  std::string origin(base.substr(0, host_end));
  if (href[0] == '/') return origin + href;
  return href;
}

// Text search for a date when the metadata has none: short text nodes near words like
// "date"/"datum"/"published", or in a box whose class says so; else the first plausible one.
struct TextDates {
  std::string labelled;  // near "Veröffentlicht am", in a date/time/meta box
  std::string first;     // the first short text node holding a date
  std::string weak;      // in a comment thread or a "last changed" note
  std::string tooltip;   // the first date in an <abbr>/<span>/<div> title attribute
  std::string in_sentence;  // the first date inside a sentence
};

// "https://www.site.org/a/b/?x#y" → "site.org/a/b": what two links to the same page share.
std::string_view url_key(std::string_view url) {
  if (std::size_t p = url.find("://"); p != std::string_view::npos) url.remove_prefix(p + 3);
  if (url.rfind("www.", 0) == 0) url.remove_prefix(4);
  url = url.substr(0, url.find_first_of("?#"));
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return url;
}

// True if the teaser link around `id` (an <a> ancestor, or the links of its list item) points to
// the page itself: a "latest posts" list or a teaser grid naming this article dates it.
bool links_to_page(const Document& doc, NodeId id, std::string_view page_url) {
  std::string_view page = url_key(page_url);
  if (page.find('/') == std::string_view::npos) return false;  // a home page: every teaser is foreign
  auto same = [&](std::string_view href) {
    std::string_view h = url_key(href);
    if (h.empty()) return false;
    // Relative links ("/menschenrechte-achten", "menschenrechte-achten") match the path's end.
    return h == page || (page.size() > h.size() && page.compare(page.size() - h.size(), h.size(), h) == 0 &&
                         (h.front() == '/' || page[page.size() - h.size() - 1] == '/'));
  };
  for (int depth = 0; id != kNoNode && depth < 6; ++depth, id = doc.node(id).parent) {
    if (doc.is(id, "a")) return same(doc.attr(id, "href"));
    if (doc.is(id, "li")) {
      for (NodeId k = doc.next_in_subtree(id, id); k != kNoNode; k = doc.next_in_subtree(k, id))
        if (doc.is(k, "a") && same(doc.attr(k, "href"))) return true;
      return false;
    }
  }
  return false;
}

// Length of a dateline place before a date at the start of a paragraph: "Karlsruhe, (",
// "Bad Homburg, ", "Berlin (" — capitalised words without digits or sentence punctuation, ending
// in ", " or " (". 0 if the text does not open that way.
std::size_t dateline_place_length(std::string_view s) {
  if (s.empty() || !std::isupper(static_cast<unsigned char>(s[0]))) return 0;
  std::size_t i = 0;
  while (i < s.size() && i < 32 && s[i] != ',' && s[i] != '(') {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c) || c == '.' || c == ':' || c == ';' || c == '!' || c == '?') return 0;
    ++i;
  }
  if (i >= s.size() || i >= 32) return 0;
  if (s[i] == ',') ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && s[i] == '(') ++i;
  return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) ? i : 0;
}

// A text of at most 24 bytes that holds a date and no more than four letters ("am", "pm", "Uhr").
bool is_short_date_text(std::string_view text) {
  std::string t = collapse_whitespace(text);
  if (t.size() > 24) return false;
  int letters = 0;
  for (unsigned char c : t) letters += std::isalpha(c) ? 1 : 0;
  return letters <= 4;
}

bool is_time_or_date_only(const std::string& t);  // below

TextDates dates_in_text(const Document& doc, parts::SlashOrder order, std::string_view page_url) {
  std::string fallback, weak, tooltip, in_sentence;
  std::string last_text;  // the previous visible text if short: it may label the date ("Registriert:")
  for (NodeId id = 0; id < doc.size(); ++id) {
    const Node& n = doc.node(id);
    // A date kept in a tooltip: <abbr title="Freitag, 6. Oktober 2017 um 04:00">, hAtom's
    // <span class="updated" title="2013-04-04T18:52:11+00:00">, <div class="time-ago"
    // title="…">: the first one, after text dates.
    if (n.kind == Node::Kind::kElement && tooltip.empty() && (n.tag == "abbr" || n.tag == "span" || n.tag == "div") &&
        doc.has_attr(id, "title") && !in_comment_thread(doc, id)) {
      std::string_view title = doc.attr(id, "title");
      if (title.size() >= 8 && title.size() <= 60) tooltip = parts::normalize_date(title, order);
      continue;
    }
    if (n.kind != Node::Kind::kText) continue;
    const Node& parent = doc.node(n.parent);
    if (is_invisible_tag(parent.tag)) continue;
    std::string before;
    if (n.text.size() <= 60) {
      std::string t = collapse_whitespace(n.text);
      if (t.empty()) continue;
      before = std::exchange(last_text, std::move(t));
    } else {
      before = std::exchange(last_text, {});
    }
    if (n.text.size() < 6) continue;
    if (n.text.size() > 160) {
      // A paragraph that opens with its date ("27.1.2022 - Bei der Erinnerung …") or a press
      // release's dateline ("Karlsruhe, (12.11.2021). Traditionell …") dates the page.
      std::string_view head = n.text.substr(0, 48);
      std::size_t lead = head.find_first_not_of(" \t\r\n");
      if (lead != std::string_view::npos) lead += dateline_place_length(head.substr(lead));
      if (fallback.empty() && lead < head.size() &&
          std::isdigit(static_cast<unsigned char>(head[lead])) && !in_comment_thread(doc, n.parent)) {
        // The date must stand at the start: only the first 12 bytes ("27.1.2022 - ", "2022-01-27").
        std::string d = parts::normalize_date(head.substr(lead, 12), order);
        if (!d.empty()) fallback = d;
      }
      continue;
    }
    bool has_year = false;
    for (std::size_t i = 0; i + 4 <= n.text.size() && !has_year; ++i) {
      if ((n.text[i] == '1' && n.text[i + 1] == '9') || (n.text[i] == '2' && n.text[i + 1] == '0'))
        has_year = std::isdigit(static_cast<unsigned char>(n.text[i + 2])) &&
                   std::isdigit(static_cast<unsigned char>(n.text[i + 3]));
    }
    // A two-digit year ("31.10.23", "am 26/10/13, 03:48 pm") only in a text that is nothing but
    // a date and time: in running text such numbers are too often versions, scores or sizes.
    if (!has_year && (n.text.size() > 64 || !is_short_date_text(n.text))) continue;
    std::string d = parts::normalize_date(n.text, order);
    if (d.empty() || (in_foreign_date_box(doc, n.parent) && !links_to_page(doc, n.parent, page_url))) continue;
    // Readers' comments and "last changed" notes are a last resort, not the publication date.
    if (in_comment_thread(doc, n.parent)) {
      if (weak.empty()) weak = d;
      continue;
    }
    // Appended piece by piece: `a + " " + b` on temporaries trips GCC 12's false -Wrestrict.
    std::string ci = ascii_lower(doc.attr(n.parent, "class"));
    ci += ' ';
    ci += ascii_lower(doc.attr(n.parent, "id"));
    NodeId gp = parent.parent;
    if (gp != kNoNode) {
      ci += ' ';
      ci += ascii_lower(doc.attr(gp, "class"));
    }
    std::string label_text;
    if (before.size() <= 30) {
      label_text = before;
      label_text += ' ';
    }
    label_text += n.text;
    std::string lt = to_lower_simple(label_text);
    bool labelled = false;
    for (std::string_view label : {"veröffentlicht", "erstellt am", "publiziert", "published", "posted",
                                   "erschienen", "datum:", "stand:", "publié", "pubblicato", "publicado",
                                   // Blog themes: "Dieser Beitrag wurde am 3. Mai 2015 um 14:48 … veröffentlicht".
                                   "dieser artikel wurde am", "dieser beitrag wurde am", "dieser eintrag wurde am"})
      labelled = labelled || lt.find(label) != std::string::npos;
    // "Letzte Änderung: …", "Aktuelle Zeit: …", "last modified on …": not the publication.
    bool other_date = false;
    // Forum profiles ("Registriert: 18.09.2008", "Mitglied seit", "Joined") date the member.
    for (std::string_view label : {"änderung", "geändert", "aktuelle zeit", "modified", "last edited",
                                   "updated", "aktualisiert", "registriert", "mitglied seit", "joined",
                                   "member since"})
      other_date = other_date || lt.find(label) != std::string::npos;
    if (other_date && !labelled) {
      if (weak.empty()) weak = d;
      continue;
    }
    if (labelled || ci.find("date") != std::string::npos || ci.find("time") != std::string::npos ||
        ci.find("datum") != std::string::npos || ci.find("publish") != std::string::npos ||
        ci.find("meta") != std::string::npos || ci.find("posted") != std::string::npos)
      return {d, fallback, weak, tooltip, in_sentence};
    // A date inside a sentence ("Der nächste Stammtisch findet am 5. Februar 2020 statt") is
    // an event's: after the last-changed notes.
    if (is_short_date_text(n.text) || is_time_or_date_only(collapse_whitespace(n.text))) {
      if (fallback.empty()) fallback = d;
    } else if (in_sentence.empty()) {
      in_sentence = d;
    }
  }
  return {"", fallback, weak, tooltip, in_sentence};
}

// Last resorts when neither metadata nor page text gave a date.
// 1. A publication-date key in a page script's data ("publishedDate":"2016-11-04T20:37:27Z"):
//    many pages carry their article record as JSON for their own scripts.
std::string date_from_script_data(std::string_view html) {
  static constexpr std::string_view kKeys[] = {
      "\"datePublished\"", "\"publishedDate\"", "\"published_at\"", "\"publishDate\"",
      "\"publicationDate\"", "\"publishedAt\"", "\"publication_date\"", "\"createdAt\"",
      "\"created_at\"", "\"dateCreated\"",
      // A blog's trackback RDF (<rdf:Description … dc:date="2020-07-03T17:16:22+09:00">).
      " dc:date="};
  for (std::string_view key : kKeys) {
    std::size_t at = html.find(key);
    if (at == std::string_view::npos) continue;
    std::size_t i = at + key.size();
    while (i < html.size() && (html[i] == ' ' || html[i] == ':')) ++i;
    if (key.back() == '=') i = at + key.size();  // the attribute form: the quote follows
    if (i >= html.size() || html[i] != '"') continue;
    std::size_t end = html.find('"', i + 1);
    if (end == std::string_view::npos || end - i > 40) continue;
    std::string d = parts::normalize_date(html.substr(i + 1, end - i - 1));
    if (!d.empty()) return d;
  }
  return {};
}

// 2. The dated folder of the page's canonical URL or its share image
//    (".../uploads/2019/06/27/photo.jpg"): the day the article was filed.
std::string date_from_page_urls(const Document& doc, const std::string& canonical) {
  if (std::string d = date_from_url(canonical); !d.empty()) return d;
  for (NodeId id = 0; id < doc.size(); ++id) {
    const Node& n = doc.node(id);
    if (n.kind != Node::Kind::kElement || n.tag != "meta") continue;
    std::string key = ascii_lower(doc.attr(id, "property"));
    if (key.empty()) key = ascii_lower(doc.attr(id, "name"));
    if (key != "og:image" && key != "twitter:image") continue;
    if (std::string d = date_from_url(doc.attr(id, "content")); !d.empty()) return d;
  }
  return {};
}

bool is_time_or_date_only(const std::string& t) {
  if (t.size() > 40) return false;
  std::size_t letters = 0, digits = 0;
  for (unsigned char c : t) {
    if (std::isdigit(c)) ++digits;
    else if (std::isalpha(c)) ++letters;
  }
  if (digits == 0) return false;
  if (!parts::normalize_date(t).empty() && letters <= 14) return true;
  // "05:28 Uhr", "3:59 PM"
  return t.find(':') != std::string::npos && letters <= 3 && digits <= 4;
}

bool is_label(const std::string& normed) {
  std::string_view l = normed;
  while (!l.empty() && (l.back() == ':' || l.back() == '-' || l.back() == ' ')) l.remove_suffix(1);
  while (!l.empty() && (l.front() == '-' || l.front() == ' ')) l.remove_prefix(1);
  static constexpr std::string_view kLabels[] = {
      "anzeige", "werbung", "advertisement", "sponsored", "beitragsbild", "teilen", "share",
      "drucken", "print", "mehr zum thema", "das könnte sie auch interessieren",
      "auch interessant", "ähnliche beiträge", "verwandte artikel", "related", "related posts",
      "related articles", "you might also like", "read more", "weiterlesen", "mehr lesen",
      "kommentare", "comments", "leave a comment", "kommentar schreiben", "newsletter",
      "tags", "schlagworte", "themen", "zurück", "back", "top", "nach oben", "keine kommentare",
      "erschienen in", "externer inhalt", "permalink", "alle angaben ohne gewähr", "image illustrative",
      "bildergalerie", "galerie", "video", "audio", "podcast"};
  for (std::string_view k : kLabels)
    if (l == k) return true;
  return false;
}

// "Read more: <other article>", "Lesen Sie auch: …": a pointer to another page, not this one's text.
bool is_read_more(const std::string& normed) {
  if (normed.size() > 250) return false;
  static constexpr std::string_view kPrefixes[] = {
      "read more:", "read also:", "related:", "see also:", "lesen sie auch:", "lesen sie mehr:",
      "mehr dazu:", "mehr zum thema:", "auch interessant:", "weiterlesen:", "lea más:", "lee también:",
      "lire aussi:", "à lire aussi:", "leggi anche:", "czytaj też", "czytaj także", "neueste artikel",
      "bild anzeigen", "kategorie:", "category:", "kategorien:", "categories:", "lea también:",
      "lea:", "vea también:", "le puede interesar:", "te puede interesar:", "también te puede interesar:",
      "mira también:", "lire également:", "voir aussi:", "leggi:", "vedi anche:", "auch lesen:",
      "schon gelesen?", "czytaj również", "das thema könnte dich auch interessieren",
      "das könnte dich auch interessieren", "das könnte sie auch interessieren", "à lire aussi",
      "lire aussi", "dowiedz się więcej",
      // Subscription and newsletter pitches.
      "subscribe now", "subscribe to", "sign up for", "never miss", "to view the full story",
      "jetzt abonnieren", "abonnieren sie", "newsletter abonnieren", "melden sie sich jetzt",
      "gib deine e-mail", "geben sie ihre e-mail", "do you want to be informed",
      "zapraszamy też do subskrypcji", "hazte miembro"};
  // The prefixes go through the same folding as the text (to_lower_simple maps some Latin
  // Extended-A letters such as "ż" to a neighbour; folding both sides keeps them comparable).
  static const std::vector<std::string> kNormed = [] {
    std::vector<std::string> v;
    for (std::string_view k : kPrefixes) v.push_back(norm(k));
    return v;
  }();
  for (const std::string& k : kNormed)
    if (normed.rfind(k, 0) == 0) return true;
  return false;
}

// A publication note from the article header ("Updated Nov 19, 6:55 AM;Posted Nov 19",
// "Published 1 day ago", "Veröffentlicht am 3. Mai 2022").
bool is_header_note(const std::string& normed) {
  if (normed.size() > 100) return false;
  if (normed.find_first_of("0123456789") == std::string::npos) return false;
  for (std::string_view k : {"published", "updated", "posted", "last updated", "veröffentlicht",
                             "aktualisiert", "zuletzt aktualisiert", "erstellt am", "publié", "mis à jour",
                             "publicado", "actualizado"})
    if (normed.rfind(k, 0) == 0) return true;
  return false;
}

// A caption standing in the text: "Abbildung 4: klassische Schwachschicht.", "Abb. 2: …",
// "Titelbild: …", "Fig. 3: …".
bool is_caption_line(const std::string& normed) {
  if (normed.size() > 300) return false;
  for (std::string_view k : {"abbildung", "abb.", "fig.", "figure", "titelbild", "beitragsbild", "grafik"}) {
    if (normed.rfind(k, 0) != 0) continue;
    std::size_t i = k.size();
    while (i < normed.size() && normed[i] == ' ') ++i;
    while (i < normed.size() && (std::isdigit(static_cast<unsigned char>(normed[i])) || normed[i] == '.'))
      ++i;
    if (i < normed.size() && normed[i] == ':') return true;
  }
  return false;
}

// A photo caption with its credit standing in the text: "Marco Odermatt, Ski-Star. © AFP / X",
// "Roman Prymula, photo:".
bool is_caption_with_credit(const std::string& t, const std::string& n) {
  if (t.size() > 250) return false;
  parts::CaptionCredit cc = parts::split_photo_credit(t);
  if (!cc.credit.empty() && parts::is_photo_marker(cc.marker)) return true;
  for (std::string_view k : {", photo:", ", foto:", ", bild:", " photo:", " foto:"})
    if (n.size() > k.size() && n.compare(n.size() - k.size(), k.size(), k) == 0) return true;
  return false;
}

// A bare photo credit left over from a figure: "AFP / MARCO BERTORELLO", "Max Muster/dpa".
bool is_agency_credit(const std::string& t) {
  if (t.size() > 80 || t.find('/') == std::string::npos || t.find_first_of(".!?:") != std::string::npos)
    return false;
  std::string_view v(t);
  std::string first = parts::trim(v.substr(0, v.find('/')));
  std::string last = parts::trim(v.substr(v.rfind('/') + 1));
  return !parts::canonical_agency(first).empty() || !parts::canonical_agency(last).empty();
}

// A heading or label that opens the page furniture after an article: contact boxes, author
// boxes, source lists, related links, comments, share buttons ("Kontakt:", "Über die Autorin").
bool is_end_section_label(const Block& b) {
  if (b.text.size() > 60) return false;
  std::string n = norm(b.text);
  static constexpr std::string_view kLabels[] = {
      "kontakt", "pressekontakt", "ansprechpartner", "ansprechpartnerin", "ihr ansprechpartner",
      "ihre ansprechpartnerin", "contact", "media contact", "press contact", "über den autor",
      "über die autorin", "über die autoren", "zur person", "about the author", "quellen",
      "quelle", "quellenangaben", "einzelnachweise", "related", "related posts",
      "related articles", "verwandte artikel", "verwandte beiträge", "ähnliche beiträge",
      "ähnliche artikel", "mehr zum thema", "zum weiterlesen", "das könnte sie auch interessieren",
      "das könnte dich auch interessieren", "auch interessant", "weitere artikel",
      "weitere beiträge", "you may also like", "you might also like", "kommentare", "comments",
      "leave a reply", "leave a comment", "schreibe einen kommentar", "kommentar schreiben",
      "teilen", "share this", "share", "diesen beitrag teilen", "artikel teilen", "tags",
      "schlagwörter", "schlagworte", "newsletter", "zum autor", "zur autorin", "about the authors",
      "war der artikel nützlich", "war dieser artikel hilfreich", "war dieser beitrag hilfreich",
      "hat ihnen der artikel gefallen", "hat ihnen dieser artikel gefallen", "wie bewerten sie",
      "wie hat ihnen", "möchten sie den artikel teilen", "did you find this article helpful",
      "was this article helpful", "if you enjoyed reading this", "we want to hear what you think",
      "weitere informationen", "lust auf mehr", "weitere aktuelle themen", "weitere themen",
      "mehr aus", "mehr artikel", "meistgelesen", "meistgelesene artikel", "most read", "more stories",
      "more from", "latest news", "top-artikel", "das könnte dich auch interessieren",
      "empfohlene artikel", "unsere empfehlungen", "passend zum thema"};
  // A label alone ("AUTOR") opens an author box; "Autor: Max Muster" may be a gallery credit.
  std::string bare = n;
  while (!bare.empty() && (bare.back() == ':' || bare.back() == ' ')) bare.pop_back();
  for (std::string_view k : {"autor", "autorin", "der autor", "die autorin", "die autoren"})
    if (bare == k) return true;
  for (std::string_view k : kLabels) {
    if (n.rfind(k, 0) != 0) continue;
    std::string_view rest = std::string_view(n).substr(k.size());
    if (rest.empty() || rest == ":" || rest[0] == '?') return true;
    // "Ansprechpartnerin zum Thema:", "Kontakt: Max Muster"
    if ((rest[0] == ':' || rest[0] == ' ') && (b.kind == Block::Kind::kHeading || n.back() == ':' ||
                                               std::count(n.begin(), n.end(), ' ') < 4))
      return true;
  }
  return false;
}

// Drops blocks that are page furniture inside the content: bylines, lone dates and times,
// labels ("Anzeige"), and headings that introduced a removed teaser list. Returns norm() of
// each kept block (the caller compares them again; normalising once saves a walk per block).
std::vector<std::string> drop_block_boilerplate(Content& c, const std::string& author) {
  // Everything from an end-of-article label on, once most of the text has been read.
  {
    std::size_t total = 0, seen = 0;
    for (const Block& b : c.blocks) total += b.text.size();
    for (std::size_t i = 0; i < c.blocks.size(); ++i) {
      if (seen * 2 >= total && i > 0 && is_end_section_label(c.blocks[i])) {
        c.blocks.resize(i);
        break;
      }
      seen += c.blocks[i].text.size();
    }
  }
  std::vector<bool> drop(c.blocks.size(), false);
  for (std::size_t gap : c.blocks_before_gap) {
    if (gap == 0 || gap > c.blocks.size()) continue;
    const Block& b = c.blocks[gap - 1];
    bool short_label = b.text.size() < 40 && !b.text.empty() && b.text.back() != '.' &&
                       b.text.back() != '!' && b.text.back() != '?' &&
                       std::count(b.text.begin(), b.text.end(), ' ') < 4;
    if (b.kind == Block::Kind::kHeading || short_label || (b.text.size() < 60 && b.text.back() == ':'))
      drop[gap - 1] = true;
  }
  std::string author_norm = norm(author);
  std::vector<std::string> normed(c.blocks.size());
  for (std::size_t i = 0; i < c.blocks.size(); ++i) {
    const std::string& t = c.blocks[i].text;
    normed[i] = norm(t);
    const std::string& n = normed[i];
    const bool read_more = is_read_more(n);
    if (is_time_or_date_only(t) || is_label(n) || read_more || is_agency_credit(t) ||
        is_caption_line(n) || is_header_note(n) || is_caption_with_credit(t, n))
      drop[i] = true;
    // A bare "Schon gelesen?" / "Lesen Sie auch:" introduces teaser headlines: short lines
    // without a full stop, up to the next real paragraph.
    if (read_more && t.size() < 30) {
      for (std::size_t k = i + 1; k < c.blocks.size() && k <= i + 6; ++k) {
        const std::string& h = c.blocks[k].text;
        if (h.size() > 160 || h.empty() || h.back() == '.' || h.back() == '!' || h.back() == '"') break;
        drop[k] = true;
      }
    }
    if (!author_norm.empty() && t.size() < 80 &&
        (n == author_norm || n == "von " + author_norm || n == "by " + author_norm))
      drop[i] = true;
    if (t.size() < 60 && (n.rfind("von ", 0) == 0 || n.rfind("by ", 0) == 0) &&
        t.find('.') == std::string::npos && t.find(',') == std::string::npos)
      drop[i] = true;
  }
  // A heading with nothing after it closes no section.
  for (std::size_t i = c.blocks.size(); i-- > 0;) {
    if (drop[i]) continue;
    if (c.blocks[i].kind == Block::Kind::kHeading) drop[i] = true;
    break;
  }
  std::vector<Block> kept;
  std::vector<std::string> kept_normed;
  for (std::size_t i = 0; i < c.blocks.size(); ++i) {
    if (drop[i]) continue;
    kept.push_back(std::move(c.blocks[i]));
    kept_normed.push_back(std::move(normed[i]));
  }
  c.blocks = std::move(kept);
  return kept_normed;
}

// CLD2's cost grows with the text it reads. 16 KiB (cut at a space) gave the same language as
// the full 64 KiB on all 2,384 evaluation pages; 4 KiB and 8 KiB changed 3 and 2 pages that
// switch language half-way (docs/perf/extract-html.md, session 3).
constexpr std::size_t kLanguageSampleBytes = 16 * 1024;

// The text CLD2 reads: title, lead and body joined by newlines, cut after about `limit` bytes
// at a space (without copying the whole body first).
std::string language_sample(const Article& a, std::size_t limit) {
  std::string out;
  out.reserve(std::min(limit, a.title.size() + a.lead.size() + a.text.size() + 2));
  bool first = true;
  for (const std::string* part : {&a.title, &a.lead, &a.text}) {
    if (!first) out += '\n';
    first = false;
    out.append(*part, 0, limit > out.size() ? limit - out.size() : 0);
    if (out.size() >= limit) break;
  }
  if (out.size() >= limit) {
    std::size_t cut = out.find_last_of(" \n", limit);
    if (cut != std::string::npos && cut + 200 > limit) out.resize(cut);
  }
  return out;
}

}  // namespace

bool looks_like_fragment(std::string_view html) {
  std::string head = ascii_lower(html.substr(0, 4096));
  return head.find("<html") == std::string::npos && head.find("<body") == std::string::npos &&
         head.find("<head") == std::string::npos && head.find("<!doctype") == std::string::npos;
}

Result<HtmlExtraction> extract_html_detailed(const RawDocument& doc, const ExtractOptions& options) {
  DecodedHtml decoded = decode_html_bytes(doc.body, doc.content_type);
  bool fragment = looks_like_fragment(decoded.utf8);
  auto parsed = Document::parse(decoded.utf8);
  if (!parsed) return parsed.status().with_context(doc.source);
  const Document& dom = parsed.value();

  PageMeta meta = read_page_meta(dom, doc.url);
  ContentOptions copts;
  copts.fragment = fragment;
  copts.summary = meta.description;
  Content content = extract_content(dom, copts);

  HtmlExtraction out;
  out.charset = decoded.charset;
  Article& a = out.article;
  a.url = doc.url;
  a.source = doc.source;
  a.source_format = "html";
  a.title = !meta.title.empty() ? meta.title : collapse_whitespace(doc.title_hint);
  a.author = !meta.author.empty() ? meta.author : doc.author_hint;
  a.date = !meta.date.empty() ? meta.date : doc.date_hint;
  if (a.date.empty() && !fragment) {
    // Without metadata: the page's script data (a JSON-LD block we could not parse, a CMS's
    // article record), a labelled date in the text, a dated URL folder, then any date in a
    // short text node, then comment dates.
    TextDates td = dates_in_text(dom, parts::slash_order_for_language(meta.locale), doc.url);
    for (const std::string& d :
         {date_from_script_data(decoded.utf8), td.labelled,
          date_from_page_urls(dom, resolve_url(meta.canonical_url, doc.url)), td.first, td.tooltip, td.weak, td.in_sentence})
      if (a.date.empty()) a.date = d;
  }
  a.updated = meta.updated;
  a.site_title = !meta.site_name.empty() ? meta.site_name : doc.outlet_hint;
  a.canonical_url = resolve_url(meta.canonical_url, doc.url);
  std::string host = host_of(!doc.url.empty() ? doc.url : a.canonical_url);
  a.outlet = !host.empty() ? host : a.site_title;
  a.images = std::move(content.images);
  a.lat_hint = doc.lat_hint;
  a.lon_hint = doc.lon_hint;

  std::string title_norm = norm(a.title);
  std::string html_title_norm = norm(meta.html_title);
  std::vector<std::string> captions;
  for (const Image& img : a.images) captions.push_back(norm(img.caption));

  // Walk the blocks: drop the headline and repeated captions, split headings from paragraphs,
  // find the lead.
  const std::vector<std::string> block_norms = drop_block_boilerplate(content, a.author);
  std::vector<std::pair<bool, std::string>> ordered;  // (is_heading, text)
  bool lead_from_body = false;
  std::size_t paragraphs_seen = 0;
  std::size_t found_chars = 0;  // running text only, subheadings not counted
  for (std::size_t bi = 0; bi < content.blocks.size(); ++bi) {
    Block& b = content.blocks[bi];
    const std::string& n = block_norms[bi];
    if (n == title_norm || (!html_title_norm.empty() && n == html_title_norm)) continue;
    if (std::find(captions.begin(), captions.end(), n) != captions.end()) continue;
    if (b.kind == Block::Kind::kHeading) {
      if (b.heading_level == 1 && a.subheadings.empty() && paragraphs_seen == 0) {
        if (a.title.empty()) a.title = b.text;
        continue;
      }
      a.subheadings.push_back(b.text);
      // One rule for both readers (ExtractOptions::subheadings_in_body): the subheading also
      // stands in the body at its place.
      if (options.subheadings_in_body) a.paragraphs.push_back(b.text);
      ordered.emplace_back(true, b.text);
      continue;
    }
    if (parts::is_credit_line(b.text)) continue;
    if (a.lead.empty() && paragraphs_seen == 0 && b.kind == Block::Kind::kParagraph &&
        (b.lead_hint || starts_similar(b.text, meta.description) ||
         starts_similar(b.text, doc.lead_hint))) {
      a.lead = b.text;
      lead_from_body = true;
      ordered.emplace_back(false, b.text);
      continue;
    }
    ++paragraphs_seen;
    found_chars += b.text.size();
    a.paragraphs.push_back(b.text);
    ordered.emplace_back(false, b.text);
  }
  if (a.lead.empty()) a.lead = !meta.description.empty() ? meta.description : collapse_whitespace(doc.lead_hint);

  // Fallback: the page's own JSON-LD articleBody when our reading found much less.
  std::string ld_body = collapse_whitespace(meta.article_body);
  if (!fragment && ld_body.size() > 400 && found_chars * 2 < ld_body.size()) {
    a.paragraphs.clear();
    a.subheadings.clear();
    ordered.clear();
    lead_from_body = false;
    std::string_view raw = meta.article_body;
    std::size_t start = 0;
    while (start <= raw.size()) {
      std::size_t e = raw.find('\n', start);
      if (e == std::string_view::npos) e = raw.size();
      std::string p = collapse_whitespace(raw.substr(start, e - start));
      if (!p.empty()) {
        a.paragraphs.push_back(p);
        ordered.emplace_back(false, p);
      }
      start = e + 1;
    }
  }

  // Dateline and agency from the start of the body (lead first: wire copy starts there).
  // (The first running paragraph: a subheading standing in `paragraphs` holds no dateline.)
  const std::string* first_running = nullptr;
  bool lead_skipped = !lead_from_body;
  for (const auto& [is_heading, t] : ordered) {
    if (is_heading) continue;
    if (!lead_skipped) {  // the lead stands first in `ordered` when it came from the body
      lead_skipped = true;
      continue;
    }
    first_running = &t;
    break;
  }
  for (const std::string* first : {static_cast<const std::string*>(&a.lead), first_running}) {
    if (!first || first->empty() || (first == &a.lead && !lead_from_body)) continue;
    if (auto dl = parts::detect_dateline(*first)) {
      a.dateline = dl->place;
      a.agency = dl->agency;
      break;
    }
  }
  if (a.agency.empty() && !a.paragraphs.empty()) {
    if (auto ta = parts::trailing_agency(a.paragraphs.back())) a.agency = ta->agency;
  }

  for (std::size_t i = 0; i < a.paragraphs.size(); ++i) {
    if (i) a.text += "\n\n";
    a.text += a.paragraphs[i];
  }
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    if (i) out.body_in_order += "\n\n";
    out.body_in_order += ordered[i].second;
  }

  std::string fallback = !meta.language.empty() ? meta.language : options.language_hint;
  a.language = pk::detect_language(language_sample(a, kLanguageSampleBytes), fallback);

  if (a.text.empty() && a.title.empty() && a.lead.empty())
    return Status::invalid(doc.source + ": no readable text in the HTML page");
  return out;
}

}  // namespace html

Result<Article> extract_html(const RawDocument& doc, const ExtractOptions& options) {
  auto r = html::extract_html_detailed(doc, options);
  if (!r) return r.status();
  return std::move(r.value().article);
}

}  // namespace pk
