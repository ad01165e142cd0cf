// Crawl text and plain text → Article.
//
// The crawl-text reader works on non-empty, trimmed lines and applies these rules in order:
//  1. Header: " date YYYY-MM-DD <site title>" gives date and site title; lines equal to the site
//     title are dropped elsewhere.
//  2. Images: a line "<caption> Bild:|Foto:|© <credit>" is an image; a line that repeats such a
//     caption without the credit, and a line directly followed (no blank line) by a credit-only
//     line ("Foto: Max Muster/dpa"), are captions too. Caption lines leave the text; images are
//     deduplicated by caption, in order of first appearance.
//  3. Repeated lines: only the first occurrence of an identical line is kept.
//  4. Title and lead: the first title-like line (short, no final period) followed by a
//     paragraph-like line (sentence punctuation at the end, several words) is the title, that
//     paragraph the lead. A standalone dateline ("Tokio."), a byline ("Von Max Muster") or a short
//     date line between the two is allowed. Lines before the title are page furniture. Without
//     such a pair there is no title and no lead; every line is body.
//  5. Dateline: "Tokio." on its own line at the top of the body, or "Berlin (dpa) - …" at the
//     start of the lead or one of the first three paragraphs (the prefix stays in the text).
//  6. Body: a short line without final punctuation (or a question) followed by a paragraph is a
//     subheading (kept in the paragraphs too if options.subheadings_in_body); other
//     lines without sentence punctuation and shorter than 20 words are furniture and dropped.
//     A "(dpa)" signature ends the article: it is removed and sets the agency, and lines after
//     it are furniture, as are lines after a "Mehr zum Thema"-style heading.
#include "crawl_text.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "article_parts.h"
#include "pressekarte/text.h"

namespace pk {

namespace {

struct Line {
  std::string text;
  bool blank_before = false;
};

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Last code point of s as a UTF-8 string_view ("" for empty input).
std::string_view last_char(std::string_view s) {
  if (s.empty()) return s;
  std::size_t k = s.size() - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  return s.substr(k);
}

bool ends_sentence_raw(std::string_view s) {
  std::string_view c = last_char(s);
  if (c == "." || c == "!" || c == "?" || c == "\"" || c == "'" || c == ")" || c == "\xE2\x80\xA6")
    return c != ")" || (s.size() >= 2 && (s[s.size() - 2] == '.' || s[s.size() - 2] == '!' ||
                                          s[s.size() - 2] == '?'));
  // Closing quotes: “ ” » « ’
  return c == "\xE2\x80\x9C" || c == "\xE2\x80\x9D" || c == "\xC2\xBB" || c == "\xC2\xAB" ||
         c == "\xE2\x80\x99";
}

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> tails) {
  for (auto t : tails)
    if (s.size() >= t.size() && s.substr(s.size() - t.size()) == t) return true;
  return false;
}

// Sentence punctuation at the end, looking through an agency signature ("… prüfen. (dpa)").
bool ends_sentence(std::string_view s) {
  if (auto sig = parts::trailing_agency(s)) s = s.substr(0, sig->strip_from);
  return ends_sentence_raw(s);
}

// A paragraph: sentence punctuation at the end and at least 6 words, or a long run of text.
bool paragraph_like(std::string_view s) {
  std::size_t w = word_count(s);
  return (ends_sentence(s) && w >= 6) || w >= 20;
}

// A heading (title or subheading): a short line that does not end like a sentence fragment.
bool heading_like(std::string_view s, std::size_t max_words, std::size_t max_bytes) {
  std::size_t w = word_count(s);
  if (w < 1 || w > max_words || s.size() > max_bytes) return false;
  if (ends_with_any(s, {".", ",", ";", ":", "-", "\xE2\x80\x93", "|"})) return false;
  if (parts::is_credit_line(s)) return false;
  return true;
}

bool title_like(std::string_view s) { return word_count(s) >= 2 && heading_like(s, 25, 250); }
bool subheading_like(std::string_view s) { return heading_like(s, 15, 150); }

// Headings after which a page lists other articles: the article is over.
bool furniture_heading(std::string_view s) {
  if (word_count(s) > 6) return false;
  std::string l = to_lower_simple(s);
  static constexpr std::array<std::string_view, 14> kStarts = {
      "mehr zum thema", "lesen sie auch", "das könnte sie auch interessieren", "weitere artikel",
      "weitere nachrichten", "mehr aus", "zur startseite", "kommentare", "artikel teilen",
      "related", "read more", "more from", "more on this", "auch interessant"};
  for (auto k : kStarts)
    if (l.rfind(k, 0) == 0) return true;
  return false;
}

// A short line that is only a date ("28.10.2025, 14:03 Uhr", "Aktualisiert am 28.10.2025").
bool date_line(std::string_view s) { return word_count(s) <= 6 && !parts::normalize_date(s).empty(); }

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> out;
  bool blank = false;
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) nl = text.size();
    std::string t = parts::trim(text.substr(i, nl - i));
    if (t.empty()) {
      blank = true;
    } else {
      out.push_back({std::move(t), blank});
      blank = false;
    }
    i = nl + 1;
  }
  return out;
}

// Images in order of first appearance, deduplicated by caption (or by credit when there is no
// caption); the index keeps pages with thousands of credit lines linear.
class ImageList {
 public:
  explicit ImageList(std::vector<Image>& images) : images_(images) {}
  void add(const std::string& caption, const std::string& credit) {
    const std::string key = caption.empty() ? "\x01" + credit : caption;
    auto [it, inserted] = index_.emplace(key, images_.size());
    if (inserted) {
      images_.push_back({caption, credit});
    } else if (images_[it->second].credit.empty()) {
      images_[it->second].credit = credit;
    }
  }

 private:
  std::vector<Image>& images_;
  std::unordered_map<std::string, std::size_t> index_;
};

// Rule 2: removes caption and credit lines, collecting images.
std::vector<Line> take_images(std::vector<Line> lines, std::vector<Image>& image_out) {
  ImageList images(image_out);
  std::vector<bool> is_caption(lines.size(), false);
  std::unordered_set<std::string> captions;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    parts::CaptionCredit cc = parts::split_photo_credit(lines[k].text);
    if (cc.credit.empty()) continue;
    if (!cc.caption.empty()) {
      if (!parts::is_photo_marker(cc.marker)) continue;  // "… Quelle: Bundesamt" ends a paragraph
      images.add(cc.caption, cc.credit);
      captions.insert(cc.caption);
      is_caption[k] = true;
    } else {
      is_caption[k] = true;
      // The caption is the line right above (no blank line between), unless it is already one.
      if (k > 0 && !lines[k].blank_before && !is_caption[k - 1] && word_count(lines[k - 1].text) <= 80) {
        is_caption[k - 1] = true;
        captions.insert(lines[k - 1].text);
        images.add(lines[k - 1].text, cc.credit);
      } else if (k > 0 && is_caption[k - 1]) {
        // Credit under a caption that already has one: nothing new.
      } else {
        images.add("", cc.credit);
      }
    }
  }
  std::vector<Line> out;
  bool pending_blank = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    pending_blank = pending_blank || lines[k].blank_before;
    if (is_caption[k] || captions.count(lines[k].text)) continue;
    out.push_back({std::move(lines[k].text), pending_blank});
    pending_blank = false;
  }
  return out;
}

// Lines that may stand between the title and the lead.
bool meta_line(std::string_view s) {
  return parts::standalone_dateline(s).has_value() || parts::byline_author(s).has_value() || date_line(s);
}

// Consumes a meta line into the article (dateline, author); date lines fill an empty date.
void take_meta_line(const std::string& s, Article& a) {
  if (auto place = parts::standalone_dateline(s)) {
    if (a.dateline.empty()) a.dateline = *place;
  } else if (auto author = parts::byline_author(s)) {
    if (a.author.empty()) a.author = *author;
  } else if (a.date.empty()) {
    a.date = parts::normalize_date(s);
  }
}

// The dateline prefix stays in the text, as written (the gold sets keep it too, and geoparser
// offsets then match the page); only dateline and agency are recorded.
void take_dateline_prefix(const std::string& paragraph, Article& a) {
  if (!a.dateline.empty()) return;
  if (auto d = parts::detect_dateline(paragraph)) {
    a.dateline = d->place;
    if (a.agency.empty()) a.agency = d->agency;
  }
}

void finish_text(Article& a) {
  a.text.clear();
  for (const auto& p : a.paragraphs) {
    if (!a.text.empty()) a.text += "\n\n";
    a.text += p;
  }
}

// Header line " date 2025-10-28 Site Title"; returns true if it was one.
bool read_header(const std::string& line, Article& a) {
  std::string_view s = line;
  if (s.rfind("date ", 0) != 0) return false;
  s.remove_prefix(5);
  std::size_t sp = s.find(' ');
  std::string_view date_token = s.substr(0, sp);
  std::string date = parts::normalize_date(date_token);
  if (date.empty()) return false;
  a.date = date;
  if (sp != std::string_view::npos) a.site_title = parts::trim(s.substr(sp + 1));
  return true;
}

}  // namespace

Article read_crawl_text(std::string_view utf8, const ExtractOptions& options) {
  Article a;
  std::vector<Line> lines = split_lines(utf8);
  // Rule 1.
  if (!lines.empty() && read_header(lines.front().text, a)) lines.erase(lines.begin());
  if (!a.site_title.empty()) {
    std::erase_if(lines, [&](const Line& l) { return l.text == a.site_title; });
  }
  // Rules 2 and 3.
  lines = take_images(std::move(lines), a.images);
  {
    std::unordered_set<std::string> seen;
    std::vector<Line> unique;
    for (auto& l : lines)
      if (seen.insert(l.text).second) unique.push_back(std::move(l));
    lines = std::move(unique);
  }
  // Rule 4: title, optional meta lines, lead.
  std::size_t body_start = 0;
  const std::size_t search_limit = std::min<std::size_t>(lines.size(), 25);
  for (std::size_t i = 0; i + 1 < search_limit; ++i) {
    if (!title_like(lines[i].text) || meta_line(lines[i].text)) continue;
    std::size_t j = i + 1;
    while (j < lines.size() && j <= i + 3 && meta_line(lines[j].text)) ++j;
    if (j < lines.size() && paragraph_like(lines[j].text)) {
      a.title = lines[i].text;
      for (std::size_t k = i + 1; k < j; ++k) take_meta_line(lines[k].text, a);
      a.lead = lines[j].text;
      body_start = j + 1;
      break;
    }
  }
  // Rule 5 (and bylines/date lines directly below the lead).
  while (body_start < lines.size() && body_start < 8 && meta_line(lines[body_start].text)) {
    take_meta_line(lines[body_start].text, a);
    ++body_start;
  }
  take_dateline_prefix(a.lead, a);
  // Rule 6. An agency dateline may open any of the first paragraphs (a regional paper often
  // puts its own sentence before the wire copy).
  std::size_t dateline_paragraphs_left = 3;
  for (std::size_t k = body_start; k < lines.size(); ++k) {
    const std::string& t = lines[k].text;
    if (furniture_heading(t) && !a.paragraphs.empty()) break;
    bool next_is_paragraph = k + 1 < lines.size() && paragraph_like(lines[k + 1].text);
    // Questions count as subheadings too ("Was bedeutet das für Mieter?").
    bool heading_end = !ends_sentence(t) || last_char(t) == "?";
    if (heading_end && subheading_like(t) && next_is_paragraph && !paragraph_like(t)) {
      if (!a.paragraphs.empty() || !a.lead.empty()) {
        a.subheadings.push_back(t);
        if (options.subheadings_in_body) a.paragraphs.push_back(t);
      }
      continue;
    }
    if (!ends_sentence(t) && word_count(t) < 20) continue;  // furniture
    std::string p = t;
    if (dateline_paragraphs_left > 0) {
      take_dateline_prefix(p, a);
      --dateline_paragraphs_left;
    }
    bool article_ends = false;
    if (auto sig = parts::trailing_agency(p)) {
      if (a.agency.empty()) a.agency = sig->agency;
      p = parts::trim(std::string_view(p).substr(0, sig->strip_from));
      article_ends = true;
    }
    if (!p.empty()) a.paragraphs.push_back(std::move(p));
    if (article_ends) break;
  }
  if (a.paragraphs.empty()) {
    if (auto sig = parts::trailing_agency(a.lead)) {
      if (a.agency.empty()) a.agency = sig->agency;
      a.lead = parts::trim(std::string_view(a.lead).substr(0, sig->strip_from));
    }
  }
  finish_text(a);
  return a;
}

Article read_plain_text(std::string_view utf8) {
  Article a;
  std::vector<Line> lines = split_lines(utf8);
  bool any_blank = std::any_of(lines.begin(), lines.end(), [](const Line& l) { return l.blank_before; });
  // Blocks: blank-line separated (lines joined by a space), or one per line.
  std::vector<std::string> blocks;
  std::vector<std::size_t> block_lines;
  for (auto& l : lines) {
    if (blocks.empty() || !any_blank || l.blank_before) {
      blocks.push_back(l.text);
      block_lines.push_back(1);
    } else {
      blocks.back() += ' ';
      blocks.back() += l.text;
      ++block_lines.back();
    }
  }
  std::size_t start = 0;
  if (blocks.size() >= 2 && block_lines[0] == 1 && blocks[0].size() <= 200 &&
      !ends_with_any(blocks[0], {".", ",", ";", ":"})) {
    a.title = blocks[0];
    start = 1;
  }
  for (std::size_t k = start; k < blocks.size(); ++k) a.paragraphs.push_back(std::move(blocks[k]));
  if (!a.paragraphs.empty()) {
    take_dateline_prefix(a.paragraphs.front(), a);
    if (auto sig = parts::trailing_agency(a.paragraphs.back())) {
      a.agency = a.agency.empty() ? sig->agency : a.agency;
      a.paragraphs.back() = parts::trim(std::string_view(a.paragraphs.back()).substr(0, sig->strip_from));
    }
    std::erase_if(a.paragraphs, [](const std::string& p) { return p.empty(); });
  }
  finish_text(a);
  return a;
}

}  // namespace pk
