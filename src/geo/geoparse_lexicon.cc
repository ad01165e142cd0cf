#include "geoparse_lexicon.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace pk::geo {
namespace {

using Set = std::unordered_set<std::string_view>;

const Set& prep_de() {
  static const Set s{"in", "nach", "aus", "bei", "von", "vom", "nahe", "naehe", "richtung",
                     "zwischen", "gen", "ueber", "durch", "ab", "bis", "um", "zu", "nahe",
                     "noerdlich", "suedlich", "oestlich", "westlich", "nordoestlich",
                     "nordwestlich", "suedoestlich", "suedwestlich", "rund", "innerhalb",
                     "ausserhalb", "unweit", "naechst"};
  return s;
}
const Set& prep_en() {
  static const Set s{"in", "near", "of", "from", "at", "to", "outside", "across", "into",
                     "toward", "towards", "throughout", "around", "between", "via", "within",
                     "through", "nearby", "visit", "visited", "visiting"};
  return s;
}
const Set& triggers() {
  static const Set s{
      "landkreis", "kreis", "lk", "lkr", "kr", "stadt", "gemeinde", "ort", "ortsteil", "stadtteil",
      "ortschaft", "region", "bundesland", "hauptstadt", "grossstadt", "kreisstadt", "kleinstadt",
      "metropole", "kanton", "bezirk", "stadtbezirk", "markt", "dorf", "raum", "grossraum",
      "insel", "landeshauptstadt", "hansestadt", "universitaetsstadt", "bundeshauptstadt",
      "kurstadt", "domstadt", "residenzstadt", "gemeindeteil", "stadtgebiet", "landkreises",
      "kreises", "stadtteils", "ortsteils", "gemeinde", "samtgemeinde", "verbandsgemeinde",
      "city", "town", "village", "county", "state", "province", "capital", "suburb", "borough",
      "township", "district", "parish"};
  return s;
}
const Set& determiners() {
  static const Set s{"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen",
                     "einer", "eines", "kein", "keine", "keinen", "keinem", "keiner", "sein",
                     "seine", "seinem", "seinen", "seiner", "ihr", "ihre", "ihrem", "ihren",
                     "ihrer", "unser", "unsere", "unseren", "dieser", "diese", "dieses",
                     "diesem", "diesen", "jede", "jeder", "jedes", "jeden", "mein", "meine",
                     "zum", "zur", "beim", "vom", "am", "im", "the", "a", "an", "this", "that",
                     "these", "those", "his", "her", "their", "our", "its", "my", "your",
                     "welche", "welcher", "alle", "allen"};
  return s;
}
const Set& titles() {
  static const Set s{
      "herr", "herrn", "frau", "praesident", "praesidentin", "praesidenten", "kanzler",
      "kanzlerin", "minister", "ministerin", "buergermeister", "buergermeisterin",
      "oberbuergermeister", "oberbuergermeisterin", "landrat", "landraetin", "dr", "prof",
      "pfarrer", "pfarrerin", "trainer", "trainerin", "kommissar", "kommissarin", "papst",
      "koenig", "koenigin", "prinz", "prinzessin", "fuerst", "graf", "graefin", "kapitaen",
      "mr", "mrs", "ms", "miss", "sen", "rep", "gov", "president", "mayor", "judge", "senator",
      "governor", "sheriff", "officer", "sgt", "lt", "capt", "chief", "coach", "rev", "pastor",
      "gen", "col", "maj", "sir", "lord", "lady", "king", "queen", "prince", "princess",
      "secretary", "commissioner", "councilman", "councilwoman", "detective", "deputy",
      "trooper", "attorney", "dean", "professor", "st", "saint", "spokesman", "spokeswoman",
      "chairman", "chairwoman", "superintendent", "director", "selectman", "councilor",
      "councillor", "constable", "const", "cpl", "pvt", "sgt", "insp", "inspector"};
  return s;
}
const Set& first_names() {
  static const Set s{
      // English
      "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
      "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven",
      "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald",
      "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan",
      "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory",
      "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry", "tyler", "aaron",
      "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle", "walter",
      "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl",
      "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe",
      "jordan", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan",
      "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah", "louis",
      "bobby", "philip", "johnny", "mary", "patricia", "jennifer", "linda", "elizabeth",
      "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret",
      "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol",
      "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
      "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole",
      "emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn",
      "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria",
      "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl",
      "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa",
      "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia",
      "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa",
      "sophia", "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose",
      "alexis", "kayla", "hillary", "barack", "bill", "bernie", "kamala", "joe", "mike",
      "jim", "tom", "bob", "dick", "ted", "chuck", "nancy", "rick", "tim", "dan", "ben",
      "sam", "tony", "jeff", "steve", "chris", "matt", "nick", "jon", "ken", "ron", "greg",
      "doug", "ed", "al", "jimmy", "tommy", "danny", "andy", "martin", "lincoln", "jackson",
      "clinton", "franklin", "warren", "marion", "dallas", "tyrone", "kobe", "rene",
      "chad", "brent", "tanya", "sidney", "hailey", "trent", "tara", "taylor",
      "shelby", "chelsea", "savannah", "sierra", "houston", "camden", "aurora", "lorraine",
      // German
      "hans", "peter", "klaus", "wolfgang", "juergen", "dieter", "manfred", "uwe", "guenter",
      "horst", "werner", "gerhard", "helmut", "heinz", "karl", "walter", "bernd", "rainer",
      "frank", "joerg", "stefan", "andreas", "thomas", "michael", "markus", "matthias",
      "christian", "sebastian", "tobias", "florian", "lukas", "jonas", "felix", "maximilian",
      "alexander", "jan", "tim", "niklas", "paul", "leon", "ralf", "olaf", "friedrich",
      "heinrich", "wilhelm", "otto", "fritz", "ernst", "kurt", "hermann", "ulrich", "norbert",
      "reinhard", "siegfried", "volker", "armin", "markus", "sven", "dirk", "holger", "lars",
      "jens", "kai", "timo", "philipp", "johannes", "martin", "georg", "franz", "josef",
      "ursula", "monika", "petra", "sabine", "renate", "helga", "karin", "brigitte", "ingrid",
      "erika", "andrea", "gabriele", "christa", "elke", "birgit", "claudia", "susanne",
      "angelika", "annette", "katrin", "stefanie", "julia", "anna", "lena", "leonie", "lea",
      "laura", "sophie", "marie", "hannah", "mia", "lisa", "sarah", "katharina", "johanna",
      "nina", "jana", "kerstin", "silke", "anja", "tanja", "heike", "bettina", "doris",
      "angela", "annalena", "olaf", "markus", "friedrich", "robert", "christian", "boris",
      "sanae", "xi", "wladimir", "vladimir", "emmanuel", "recep", "benjamin", "wolodymyr",
      "volodymyr", "sahra", "alice", "hubert", "winfried", "hendrik", "manuela", "malu",
      "bodo", "dietmar", "reiner", "gottfried", "hartmut", "rudolf", "lothar", "detlef"};
  return s;
}
const Set& street_words() {
  static const Set s{"strasse", "str", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer",
                     "chaussee", "steig", "pfad", "bruecke", "tor", "markt", "street", "avenue",
                     "ave", "road", "rd", "boulevard", "blvd", "drive", "lane", "ln", "way",
                     "court", "ct", "pike", "parkway", "pkwy", "circle", "terrace", "trail",
                     "plaza", "square", "hwy", "highway"};
  return s;
}
const Set& org_words_en() {
  static const Set s{
      "police", "department", "dept", "university", "college", "school", "hospital", "times",
      "post", "tribune", "herald", "journal", "gazette", "chronicle", "daily", "magazine",
      "company", "corporation", "inc", "corp", "club", "church", "center", "centre", "bank",
      "board", "committee", "institute", "museum", "zoo", "stadium", "mall", "hall", "council",
      "commission", "association", "authority", "agency", "office", "sheriff", "fire",
      "rescue", "press", "news", "record", "star", "sun", "mercury", "bee", "observer",
      "register", "republican", "democrat", "democrats", "republicans", "giants", "jets",
      "rangers", "cowboys", "lakers", "yankees", "mets", "braves", "redskins", "capitals",
      "senators", "nationals", "wizards", "hotel", "restaurant", "airlines", "airways",
      "motors", "energy", "group", "foundation", "society", "league", "union", "federation",
      "health", "medical", "clinic", "regional", "academy", "library", "cathedral", "chapel",
      "temple", "mosque", "prison", "jail", "correctional", "penitentiary", "observatory",
      "theatre", "theater", "opera", "orchestra", "symphony", "festival", "fair", "court",
      "courthouse", "bureau", "ministry", "tech", "state-run", "post-dispatch", "journal-constitution"};
  return s;
}
const Set& agencies() {
  static const Set s{"dpa", "ots", "afp", "ap", "reuters", "epd", "kna", "dts", "sid", "sda",
                     "apa", "red", "lnw", "lby", "lhe", "lni", "lsw", "lsn", "lrs", "lmv",
                     "lbn", "lah", "lth", "lsa", "cnn", "upi", "bbc", "idea", "kath", "ddp",
                     "afx", "ntv", "bnn", "mz", "sz", "faz", "taz", "hr", "ndr", "wdr", "mdr",
                     "swr", "br", "rbb", "sr", "rb", "pm", "pr", "eb", "jt", "aa", "ansa",
                     "efe", "xinhua", "tass", "itar-tass", "keystone-sda", "ats"};
  return s;
}
const Set& credit_words() {
  static const Set s{"bild", "bilder", "foto", "fotos", "quelle", "grafik", "photo", "photos",
                     "credit", "credits", "image", "picture", "video", "symbolbild",
                     "symbolfoto", "archivbild", "archivfoto", "copyright", "fotograf",
                     "fotografin"};
  return s;
}
const Set& connectors() {
  static const Set s{"am", "an", "der", "im", "ob", "bei", "in", "upon", "on", "de", "del",
                     "la", "le", "les", "of", "the", "da", "do", "dos", "das", "di", "sur",
                     "en", "y", "i", "and", "und", "vor", "auf", "zu", "zum", "zur", "unter",
                     "a", "al", "el", "van", "von", "den", "aan", "op",
                     "d"};  // French elision: "Côte d'Ivoire", "Val d'Isère"
  return s;
}
const Set& calendar() {
  static const Set s{"januar", "februar", "maerz", "april", "mai", "juni", "juli", "august",
                     "september", "oktober", "november", "dezember", "january", "february",
                     "march", "may", "june", "july", "october", "december", "montag",
                     "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
                     "sonnabend", "monday", "tuesday", "wednesday", "thursday", "friday",
                     "saturday", "sunday", "ostern", "pfingsten", "weihnachten", "christmas",
                     "easter"};
  return s;
}

const Set& bare_nouns_de() {
  static const Set s{"brand", "hoehe", "ende", "bord", "kraft", "betrieb", "gefahr", "hause",
                     "haus", "richtung", "sicht", "folge", "frage", "zukunft", "haft", "ruhe",
                     "not", "panik", "sorge", "kontakt", "anspruch", "angriff", "flammen",
                     "urlaub", "rente", "rente", "zeit", "teil", "mitte", "anfang", "beginn",
                     "front", "stelle", "ort", "land", "stadt", "see", "meer", "berg", "tal",
                     "wald", "feld", "rosa", "gold", "silber", "blau", "weiss", "rot", "gruen",
                     "gelb", "schwarz", "grau", "bild", "marine", "ziel", "weil", "keller", "mobil",
                     "linie", "frieden", "saal", "kirchen",
                     "kurs", "schule", "arbeit", "dienst", "einsatz", "fahrt", "verkehr"};
  return s;
}

}  // namespace

bool is_bare_noun_de(std::string_view w) { return bare_nouns_de().count(w) != 0; }

bool is_place_preposition(std::string_view w, Lang lang) {
  if (lang == Lang::kDe) return prep_de().count(w) != 0;
  if (lang == Lang::kEn) return prep_en().count(w) != 0;
  return prep_de().count(w) != 0 || prep_en().count(w) != 0;
}
bool is_place_trigger_noun(std::string_view w) { return triggers().count(w) != 0; }
bool is_determiner(std::string_view w) { return determiners().count(w) != 0; }
bool is_person_title(std::string_view w) { return titles().count(w) != 0; }
bool is_direction_word_en(std::string_view w) {
  static const Set s{"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                     "central", "upper", "lower", "greater", "northeast", "northwest", "southeast",
                     "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
                     "downtown", "midtown"};
  return s.count(w) != 0;
}
bool is_role_noun_en(std::string_view w) {
  static const Set s{"coach", "officer", "sheriff", "deputy", "trooper", "detective", "president",
                     "senator", "governor", "mayor", "spokesman", "spokeswoman", "superintendent",
                     "director", "chairman", "chairwoman", "attorney", "commissioner", "pastor",
                     "professor", "inspector", "constable", "councilman", "councilwoman",
                     "selectman", "secretary", "sgt", "capt", "lt", "rev", "dr", "mr", "mrs", "ms"};
  return s.count(w) != 0;
}
bool is_first_name(std::string_view w) { return first_names().count(w) != 0; }
bool is_street_word(std::string_view w) { return street_words().count(w) != 0; }
bool is_org_word_en(std::string_view w) { return org_words_en().count(w) != 0; }
bool is_agency(std::string_view w) { return agencies().count(w) != 0; }
bool is_credit_word(std::string_view w) { return credit_words().count(w) != 0; }
bool is_name_connector(std::string_view w) { return connectors().count(w) != 0; }
bool is_calendar_word(std::string_view w) { return calendar().count(w) != 0; }
bool is_known_non_place(std::string_view w) {
  static const Set s{"jesus", "god", "gott", "christ", "christus", "allah", "obama", "trump",
                     "biden", "putin", "merkel", "scholz", "hamas", "hisbollah", "hezbollah",
                     "taliban", "toyota", "honda", "nissan", "ford", "chevrolet", "google",
                     "apple", "amazon", "microsoft", "facebook", "twitter", "nato", "jan", "feb",
                     "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov", "dec",
                     "dez", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "mo", "di", "mi",
                     "do", "fr", "sa", "so"};
  return s.count(w) != 0;
}

bool is_known_non_place_phrase(std::string_view w) {
  static const Set s{"white house", "weisses haus", "capitol hill", "downing street", "wall street",
                     "the pentagon", "silicon valley", "ground zero", "the kremlin"};
  return s.count(w) != 0;
}

std::string_view english_demonym_country(std::string_view w) {
  static const std::unordered_map<std::string_view, std::string_view> m{
      {"Afghan", "Afghanistan"}, {"Albanian", "Albania"}, {"Algerian", "Algeria"},
      {"American", "United States"}, {"Americans", "United States"}, {"Angolan", "Angola"},
      {"Argentine", "Argentina"}, {"Argentinian", "Argentina"}, {"Armenian", "Armenia"},
      {"Armenians", "Armenia"}, {"Australian", "Australia"}, {"Australians", "Australia"},
      {"Austrian", "Austria"}, {"Azerbaijani", "Azerbaijan"}, {"Bahraini", "Bahrain"},
      {"Bangladeshi", "Bangladesh"}, {"Belarusian", "Belarus"}, {"Belgian", "Belgium"},
      {"Bolivian", "Bolivia"}, {"Bosnian", "Bosnia and Herzegovina"}, {"Brazilian", "Brazil"},
      {"Brazilians", "Brazil"}, {"British", "United Kingdom"}, {"Bulgarian", "Bulgaria"},
      {"Burmese", "Myanmar"}, {"Cambodian", "Cambodia"}, {"Cameroonian", "Cameroon"},
      {"Canadian", "Canada"}, {"Canadians", "Canada"}, {"Chadian", "Chad"}, {"Chilean", "Chile"},
      {"Chinese", "China"}, {"Colombian", "Colombia"}, {"Congolese", "Congo"},
      {"Croatian", "Croatia"}, {"Cuban", "Cuba"}, {"Cubans", "Cuba"}, {"Cypriot", "Cyprus"},
      {"Czech", "Czech Republic"}, {"Danish", "Denmark"}, {"Dominican", "Dominican Republic"},
      {"Dutch", "Netherlands"}, {"Ecuadorian", "Ecuador"}, {"Egyptian", "Egypt"},
      {"Egyptians", "Egypt"}, {"Emirati", "United Arab Emirates"}, {"Eritrean", "Eritrea"},
      {"Estonian", "Estonia"}, {"Ethiopian", "Ethiopia"}, {"Ethiopians", "Ethiopia"},
      {"Filipino", "Philippines"}, {"Filipinos", "Philippines"}, {"Finnish", "Finland"},
      {"French", "France"}, {"Georgian", "Georgia"}, {"Georgians", "Georgia"},
      {"German", "Germany"}, {"Germans", "Germany"}, {"Ghanaian", "Ghana"}, {"Greek", "Greece"},
      {"Guatemalan", "Guatemala"}, {"Haitian", "Haiti"}, {"Haitians", "Haiti"},
      {"Honduran", "Honduras"}, {"Hungarian", "Hungary"}, {"Icelandic", "Iceland"},
      {"Indonesian", "Indonesia"}, {"Iranian", "Iran"}, {"Iranians", "Iran"}, {"Iraqi", "Iraq"},
      {"Iraqis", "Iraq"}, {"Irish", "Ireland"}, {"Israeli", "Israel"}, {"Israelis", "Israel"},
      {"Italian", "Italy"}, {"Italians", "Italy"}, {"Jamaican", "Jamaica"}, {"Japanese", "Japan"},
      {"Jordanian", "Jordan"}, {"Kazakh", "Kazakhstan"}, {"Kenyan", "Kenya"}, {"Kenyans", "Kenya"},
      {"Kuwaiti", "Kuwait"}, {"Kyrgyz", "Kyrgyzstan"}, {"Laotian", "Laos"}, {"Latvian", "Latvia"},
      {"Lebanese", "Lebanon"}, {"Liberian", "Liberia"}, {"Libyan", "Libya"}, {"Libyans", "Libya"},
      {"Lithuanian", "Lithuania"}, {"Malaysian", "Malaysia"}, {"Malian", "Mali"},
      {"Mexican", "Mexico"}, {"Mexicans", "Mexico"}, {"Moldovan", "Moldova"},
      {"Mongolian", "Mongolia"}, {"Moroccan", "Morocco"}, {"Mozambican", "Mozambique"},
      {"Namibian", "Namibia"}, {"Nepalese", "Nepal"}, {"Nepali", "Nepal"},
      {"Nicaraguan", "Nicaragua"}, {"Nigerian", "Nigeria"}, {"Nigerians", "Nigeria"},
      {"Norwegian", "Norway"}, {"Omani", "Oman"}, {"Pakistani", "Pakistan"},
      {"Pakistanis", "Pakistan"}, {"Palestinian", "Palestine"}, {"Palestinians", "Palestine"},
      {"Panamanian", "Panama"}, {"Paraguayan", "Paraguay"}, {"Peruvian", "Peru"},
      {"Polish", "Poland"}, {"Portuguese", "Portugal"}, {"Qatari", "Qatar"},
      {"Romanian", "Romania"}, {"Russian", "Russia"}, {"Russians", "Russia"},
      {"Sri Lankan", "Sri Lanka"}, {"Sri Lankans", "Sri Lanka"}, {"South African", "South Africa"},
      {"South Africans", "South Africa"}, {"South Korean", "South Korea"},
      {"South Koreans", "South Korea"}, {"North Korean", "North Korea"},
      {"North Koreans", "North Korea"}, {"Saudi Arabian", "Saudi Arabia"},
      {"New Zealander", "New Zealand"}, {"New Zealanders", "New Zealand"},
      {"Costa Rican", "Costa Rica"}, {"Puerto Rican", "Puerto Rico"},
      {"Sierra Leonean", "Sierra Leone"}, {"South Sudanese", "South Sudan"},
      {"Rwandan", "Rwanda"}, {"Salvadoran", "El Salvador"}, {"Saudi", "Saudi Arabia"},
      {"Saudis", "Saudi Arabia"}, {"Senegalese", "Senegal"}, {"Serbian", "Serbia"},
      {"Serbs", "Serbia"}, {"Slovak", "Slovakia"}, {"Slovenian", "Slovenia"},
      {"Somali", "Somalia"}, {"Somalis", "Somalia"}, {"Sudanese", "Sudan"}, {"Swedish", "Sweden"},
      {"Swiss", "Switzerland"}, {"Syrian", "Syria"}, {"Syrians", "Syria"}, {"Taiwanese", "Taiwan"},
      {"Tajik", "Tajikistan"}, {"Tanzanian", "Tanzania"}, {"Thai", "Thailand"},
      {"Tunisian", "Tunisia"}, {"Turkish", "Turkey"}, {"Turks", "Turkey"}, {"Ugandan", "Uganda"},
      {"Ukrainian", "Ukraine"}, {"Ukrainians", "Ukraine"}, {"Uruguayan", "Uruguay"},
      {"Uzbek", "Uzbekistan"}, {"Venezuelan", "Venezuela"}, {"Vietnamese", "Vietnam"},
      {"Yemeni", "Yemen"}, {"Zambian", "Zambia"}, {"Zimbabwean", "Zimbabwe"}, {"Spanish", "Spain"},
      {"Abkhaz", "Abkhazia"}, {"Abkhazian", "Abkhazia"}, {"Scottish", "Scotland"},
      {"Welsh", "Wales"}};
  auto it = m.find(w);
  return it == m.end() ? std::string_view{} : it->second;
}

int language_vote(std::string_view w) {
  static const Set de{"der", "die", "das", "und", "ist", "nicht", "mit", "sich", "auf", "fuer",
                      "wurde", "ein", "eine", "im", "dem", "den", "von", "zu", "auch", "nach",
                      "bei", "wird", "sind", "hat", "haben", "werden", "des", "einem"};
  static const Set en{"the", "and", "of", "to", "is", "was", "for", "with", "that", "on",
                      "are", "were", "has", "have", "by", "this", "from", "be", "it", "at",
                      "said", "will", "been", "which", "their", "an"};
  if (de.count(w)) return 1;
  if (en.count(w)) return -1;
  return 0;
}

}  // namespace pk::geo
