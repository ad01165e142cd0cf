// Article parts shared by every extractor (crawl text, plain text, HTML): datelines, agencies,
// photo credits, captions, date normalisation. All functions are pure and total: they take any
// UTF-8 text and return an empty result when nothing is recognised. Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pk::parts {

// A dateline found at the start of a paragraph: "Berlin (dpa) - Am Montag …",
// "Fulda (ots) - …", "WASHINGTON (AP) — …", "Tokio (dpa/lby) - …".
struct Dateline {
  std::string place;   // "Berlin", "Washington" (all-caps places are title-cased), may be ""
  std::string agency;  // canonical agency ("dpa", "AP", "ots"), may be ""
  std::string rest;    // the paragraph without the dateline prefix (trimmed)
};

// Detects "<Place> (<agency>) -|–|—|:" or "<PLACE> (<agency>) —" at the start of `paragraph`.
// A place alone followed by a dash ("Berlin - Am Montag") counts only if `allow_without_agency`.
std::optional<Dateline> detect_dateline(std::string_view paragraph, bool allow_without_agency = false);

// A dateline standing on its own line: "Tokio." or "Berlin/Washington." (1–4 capitalised words,
// ending in a period, no sentence verb). Returns the place ("Tokio") or nullopt.
std::optional<std::string> standalone_dateline(std::string_view line);

// Canonical spelling of a news agency token ("DPA"→"dpa", "afp"→"AFP", "Reuters", "dpa-AFX",
// "dpa/lby"→"dpa"); "" if the token is not a known agency.
std::string canonical_agency(std::string_view token);

// An agency signature at the very end of a paragraph: "… Atomprogramm. (dpa)" or "… (AFP/dpa)".
struct TrailingAgency {
  std::string agency;        // canonical, first agency named ("AFP" for "(AFP/dpa)")
  std::size_t strip_from = 0;  // byte offset where the signature (and the space before it) begins
};
std::optional<TrailingAgency> trailing_agency(std::string_view paragraph);

// A caption line split from its photo credit: "Trump besucht Truppen. Bild: Mark S./AP/dpa",
// "Foto: Max Muster/dpa", "… © Max Muster", "… (Foto: dpa)", "Quelle: …".
struct CaptionCredit {
  std::string caption;  // without the credit part (trimmed); may be ""
  std::string credit;   // without the "Bild:"/"Foto:"/"©" prefix; "" if the line has no credit
  std::string marker;   // the marker that introduced the credit ("Bild:", "Foto:", "©", "Quelle:" …)
};
CaptionCredit split_photo_credit(std::string_view line);

// True if the whole line is a photo credit and nothing else ("Foto: dpa", "© Max Muster/dpa",
// "Bild: picture alliance").
bool is_credit_line(std::string_view line);

// Normalises a date/time to ISO 8601: "2025-10-28", "2025-10-28T14:03:00+01:00",
// "2025-10-28T14:03:00Z". Understands ISO 8601 / RFC 3339, RFC 822 ("Tue, 28 Oct 2025 14:03:00
// +0100"), German ("28.10.2025", "28.10.25", "28. Oktober 2025, 14:03 Uhr", "28. Okt. 2025") and
// English ("October 28, 2025", "28 October 2025", "Oct. 28, 2025 2:03 PM"), and day-month-year
// with French/Spanish/Italian/Portuguese/Dutch/Scandinavian/Polish month names ("29 juin 2019",
// "2 de abril de 2020", "12 maja 2020"). Text around the date
// is ignored ("Veröffentlicht am 28.10.2025"). Returns "" if no plausible date (year 1990..2100)
// is found. A time without a zone is given without an offset.
std::string normalize_date(std::string_view text);

// How "03/04/2025" reads: month first (US English, and the default when the language is
// unknown) or day first (British and every other locale that writes slashes).
enum class SlashOrder { kMonthFirst, kDayFirst };
std::string normalize_date(std::string_view text, SlashOrder order);

// The slash order of a page language ("en-GB", "de", "en_US"): month first for US/Canadian/
// Philippine English and for bare "en" or an unknown language, day first otherwise.
SlashOrder slash_order_for_language(std::string_view lang);

// The author of a byline line: "Von Max Muster", "By Jane Doe and John Roe", "Von Max Muster,
// Tokio" → "Max Muster"; nullopt if the line is not a byline (2–8 name words, no sentence).
std::optional<std::string> byline_author(std::string_view line);

// True if the photo-credit marker is one that only photo credits use ("Bild:", "Foto:", "©" …),
// as opposed to "Quelle:"/"Source:" which also close ordinary paragraphs.
bool is_photo_marker(std::string_view marker);

// Trims ASCII and Unicode white space (incl. NBSP) from both ends.
std::string trim(std::string_view s);

}  // namespace pk::parts
