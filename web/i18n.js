// UI strings, German first. Language: ?lang=de|en, else the browser's first language if it is
// English, else German.
const STRINGS = {
  de: {
    title: 'Pressekarte',
    search_label: 'Ort oder Stichwort',
    search_placeholder: 'Ort oder Stichwort, z. B. Fulda',
    search_button: 'Suchen',
    time_label: 'Zeitraum', time_all: 'Alle', time_today: 'Heute', time_7: '7 Tage', time_30: '30 Tage',
    time_custom: 'Benutzerdefiniert', time_from: 'von', time_to: 'bis', time_slider: 'Tage zurück',
    days_back: (n) => `letzte ${n} Tage`,
    filter_clear: 'Filter löschen',
    filter_word: (q) => `Stichwort: „${q}“`,
    map_label: 'Karte der Nachrichten',
    close: 'Schließen',
    list_title: 'Artikel im Kartenausschnitt',
    list_empty: 'Keine Artikel in diesem Ausschnitt.',
    subscribe: 'Diesen Ausschnitt abonnieren (Atom)',
    attribution: 'Orte: GeoNames (CC BY 4.0) · Karte: Natural Earth',
    laender_attribution: 'Ländergrenzen: aus GeoNames-Orten abgeleitet',
    more_sources: (n) => `+${n} ${n === 1 ? 'Quelle' : 'Quellen'}`,
    cluster_label: (n, t) => `${n} Artikel, u. a. „${t}“`,
    places: 'Orte',
    original: 'Zum Originalartikel',
    other_sources: 'Weitere Quellen',
    lineage_title: 'Herkunft des Textes',
    lineage_kind: (k) => ({ canonical: 'Agenturtext (Ausgangsfassung)', unchanged: 'Agenturtext unverändert übernommen',
      shortened: 'Agenturtext gekürzt', extended: 'Agenturtext um eigene Absätze ergänzt',
      edited: 'Agenturtext gekürzt und ergänzt', rewritten: 'Eigene Fassung desselben Ereignisses' })[k] || k,
    lineage_added: 'Eigene Ergänzungen', lineage_dropped: 'Gegenüber dem Agenturtext gestrichen',
    region_page: 'Regionalseite',
    feed_atom: 'Feed abonnieren (Atom)', feed_json: 'JSON Feed', show_on_map: 'Auf der Karte zeigen',
    latest: 'Neueste Artikel',
    counts: (c) => `${c.total}${c.capped ? '+' : ''} Artikel · ${c.last_7_days} in 7 Tagen · ${c.last_30_days} in 30 Tagen`,
    region_missing: 'Diese Region gibt es nicht.',
    load_error: 'Laden fehlgeschlagen.',
    other_lang: 'English', other_lang_code: 'en',
    kinds: { city: 'Ort', admin1: 'Bundesland/Region', admin2: 'Kreis', country: 'Staat', continent: 'Kontinent' },
  },
  en: {
    title: 'Pressekarte',
    search_label: 'Place or keyword',
    search_placeholder: 'Place or keyword, e.g. Fulda',
    search_button: 'Search',
    time_label: 'Time', time_all: 'All', time_today: 'Today', time_7: '7 days', time_30: '30 days',
    time_custom: 'Custom', time_from: 'from', time_to: 'to', time_slider: 'Days back',
    days_back: (n) => `last ${n} days`,
    filter_clear: 'Clear filter',
    filter_word: (q) => `Keyword: “${q}”`,
    map_label: 'Map of the news',
    close: 'Close',
    list_title: 'Articles in this view',
    list_empty: 'No articles in this view.',
    subscribe: 'Subscribe to this view (Atom)',
    attribution: 'Places: GeoNames (CC BY 4.0) · Map: Natural Earth',
    laender_attribution: 'German state borders: derived from GeoNames towns',
    more_sources: (n) => `+${n} ${n === 1 ? 'source' : 'sources'}`,
    cluster_label: (n, t) => `${n} articles, e.g. “${t}”`,
    places: 'Places',
    original: 'Read the original',
    other_sources: 'Other sources',
    lineage_title: 'Where this text comes from',
    lineage_kind: (k) => ({ canonical: 'Wire text (the original version)', unchanged: 'Wire text, unchanged',
      shortened: 'Wire text, shortened', extended: 'Wire text with added paragraphs',
      edited: 'Wire text, cut and extended', rewritten: 'Own write-up of the same event' })[k] || k,
    lineage_added: 'Added by this paper', lineage_dropped: 'Cut from the wire text',
    region_page: 'Regional page',
    feed_atom: 'Subscribe (Atom)', feed_json: 'JSON Feed', show_on_map: 'Show on the map',
    latest: 'Latest articles',
    counts: (c) => `${c.total}${c.capped ? '+' : ''} articles · ${c.last_7_days} in 7 days · ${c.last_30_days} in 30 days`,
    region_missing: 'There is no such region.',
    load_error: 'Loading failed.',
    other_lang: 'Deutsch', other_lang_code: 'de',
    kinds: { city: 'place', admin1: 'state/region', admin2: 'district', country: 'country', continent: 'continent' },
  },
};

export function pickLanguage() {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'de' || q === 'en') return q;
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || 'de';
  return first.toLowerCase().startsWith('en') ? 'en' : 'de';
}

export const lang = pickLanguage();
export const T = STRINGS[lang];

// Fills [data-i18n] text, [data-i18n-placeholder] and [data-i18n-aria] from the dictionary.
export function applyStrings(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const v = T[el.dataset.i18n];
    if (typeof v === 'string') el.textContent = v;
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = T[el.dataset.i18nPlaceholder];
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', T[el.dataset.i18nAria]);
  const sw = document.getElementById('lang-switch');
  if (sw) {
    const u = new URL(location.href);
    u.searchParams.set('lang', T.other_lang_code);
    sw.href = u.pathname + u.search + u.hash;
    sw.textContent = T.other_lang;
  }
}

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? iso + 'T12:00:00Z' : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}
