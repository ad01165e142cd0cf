// Small closed word classes the recogniser needs (prepositions, titles, first names, street and
// organisation words, agencies). Lookups take a lower-cased, umlaut-folded word (fold_key form).
#pragma once

#include <string_view>

namespace pk::geo {

enum class Lang : unsigned char { kUnknown, kDe, kEn };

// "in", "nach", "aus", "bei", "von", "near", "from", … — a place often follows.
bool is_place_preposition(std::string_view folded, Lang lang);
// "Landkreis", "Stadt", "Gemeinde", "city", "county", … — the next name is a place.
bool is_place_trigger_noun(std::string_view folded);
// "der", "die", "ein", "the", "a", "his", … — a following single common noun is no place name
// (countries and regions take articles in German, so callers weigh this by kind).
bool is_determiner(std::string_view folded);
// "Herr", "Präsident", "Mr", "Dr", … — a person follows.
bool is_person_title(std::string_view folded);
// English titles that name a role even in lower case ("coach Ripley", "officer Bell"); not
// "miss", "king", "judge" (verbs and common nouns more often than not).
bool is_role_noun_en(std::string_view folded);
// "north", "southern", "central", "upper", "greater", … — before a place name they make one
// region name with it ("North Texas", "Southern California").
bool is_direction_word_en(std::string_view folded);
// Frequent German and English given names ("george", "donald", "anna") — a person follows.
bool is_first_name(std::string_view folded);
// "Straße", "Weg", "Street", "Avenue", … — the name before is part of a street name.
bool is_street_word(std::string_view folded);
// "Police", "Department", "University", "Times", … (English) — the name before names an
// organisation, not a place.
bool is_org_word_en(std::string_view folded);
// "dpa", "ots", "AP", "Reuters", … — "(dpa)" after a line-initial name marks a dateline.
bool is_agency(std::string_view folded);
// "Bild", "Foto", "Quelle", "Photo" … followed by ":" starts a photo credit (names, no places).
bool is_credit_word(std::string_view folded);
// Function words that tell German from English text.
int language_vote(std::string_view folded);  // +1 German, -1 English, 0 neither
// Lower-case words allowed inside multi-word names ("am", "an", "der", "upon", "de", "la").
bool is_name_connector(std::string_view folded);
// German common nouns that follow prepositions without an article ("in Brand", "in Höhe von",
// "bis Ende", "an Bord") or are frequent homonyms of towns ("Halle", "Lage", "Ziel"): a town
// reading needs a trigger noun, a dateline or a qualifier.
bool is_bare_noun_de(std::string_view folded);
// Names that are never meant as places in news although tiny places carry them ("Jesus",
// "Toyota", "Obama", "Hamas", month/day abbreviations).
bool is_known_non_place(std::string_view folded);
// Multi-word names of buildings and institutions that tiny places share ("white house"); takes a
// fold_key form.
bool is_known_non_place_phrase(std::string_view folded);
// English nationality adjectives and plural nouns ("Russian", "Palestinians", "Sri Lankan"'s last
// word excluded) → the country's English name as the gazetteer knows it; "" for other words.
// Only words that name one country; languages and ethnic groups without a state ("Arab",
// "Tamil", "Kurdish") and continents are left out. Takes the word as written (case-sensitive).
std::string_view english_demonym_country(std::string_view word);
// Months and weekdays (capitalised in both languages, never places in news datelines).
bool is_calendar_word(std::string_view folded);

}  // namespace pk::geo
