// Text analysis shared by the SQLite FTS5 tokenizer and the query builders: word splitting,
// lower-casing, stemming (Snowball German/English) and diacritic folding.
//
// A word becomes one index term: lower-case → stem (German or English) → fold (ä→a, ß→ss, é→e).
// "Straße" and "Strasse" both become "strass"; "Kirschbäume" and "Kirschbaum" "kirschbaum".
// Compound heads ("Verteidigung" in "Verteidigungsetat") are found by prefix queries on the
// stemmed query term (see query_text.h), so the index holds one term per word.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pk::store {

enum class Lang { kGerman, kEnglish, kBoth };

// Maps an ISO 639-1 code to the stemmer(s) to use: "de" → German, "en" → English, else both.
Lang lang_from_code(std::string_view code);

// One word found in a text: byte range [begin, end) in the input.
struct Word {
  std::size_t begin = 0, end = 0;
};

// Splits UTF-8 text into words (runs of letters and digits). Punctuation, quotes, operators and
// symbols separate words and are never part of one.
void split_words(std::string_view text, const std::function<void(Word)>& on_word);
std::vector<std::string> words_of(std::string_view text);

// Lower-cases ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic letters.
std::string lower_word(std::string_view word);
// Folds diacritics of a lower-case word to ASCII: ä→a, ß→ss, é→e, ł→l, æ→ae.
std::string fold_word(std::string_view lower);

// The index term(s) of one word: German and/or English stem of the folded word. With kBoth,
// returns the German stem first and the English one only when it differs. Thread-safe
// (per-thread stemmers with a small cache).
void terms_of_word(std::string_view word, Lang lang, std::string* german, std::string* english);
std::string term_of_word(std::string_view word, Lang lang);  // one language, kBoth → German

}  // namespace pk::store
