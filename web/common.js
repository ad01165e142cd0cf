// Shared by the map page and the region page. SAFETY: every string from an article, a place or
// the network is untrusted: it only ever reaches the page through textContent or attribute
// setters via el(); nothing here uses innerHTML.
import { T, formatDate } from './i18n.js';

// el('a', {href: u, class: 'x'}, 'text', child) — text children become text nodes.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// Only http(s) URLs become links (never javascript:, data:, …).
export function safeUrl(url) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export async function getJSON(url, options) {
  const res = await fetch(url, options);
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (!res.ok) throw new Error((body && body.error) || `HTTP ${res.status}`);
  return body;
}

// A region id for a place (the store's region keys): country:DE, admin1:DE.07, place:<geonameid>.
export function regionIdOf(p) {
  if (p.kind === 'country' && p.country) return 'country:' + p.country;
  if (p.kind === 'admin1' && p.country && p.admin1) return `admin1:${p.country}.${p.admin1}`;
  if (p.kind === 'admin2' && p.country && p.admin1 && p.admin2) return `admin2:${p.country}.${p.admin1}.${p.admin2}`;
  if (p.geonameid) return 'place:' + p.geonameid;
  return p.name || '';
}

export function zoomForKind(kind) {
  return { continent: 3, country: 5, admin1: 7, admin2: 9 }[kind] || 11;
}

// Natural Earth countries from world-atlas and the German Länder (served locally), plus an
// optional tile layer.
export async function addBasemap(map) {
  let config = {};
  try { config = await getJSON('/api/config'); } catch { /* offline basemap only */ }
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(T.attribution);
  if (config.tile_url && safeUrl(config.tile_url.replace(/[{}]/g, ''))) {
    L.tileLayer(config.tile_url, { maxZoom: 18 }).addTo(map);
  }
  try {
    // topo.js only draws the basemap: imported here, it is off the first markers' path.
    const [topo, { topoFeatures }] = await Promise.all([getJSON('/vendor/world-atlas/countries-50m.json'), import('./topo.js')]);
    const countries = topoFeatures(topo, 'countries');
    L.geoJSON(countries, {
      interactive: false,
      style: { color: '#8a8f98', weight: 0.8, fillColor: '#f4f1e8', fillOpacity: config.tile_url ? 0 : 1 },
    }).addTo(map);
  } catch (e) {
    console.warn('basemap', e);
  }
  // German Länder borders, derived at set-up by src/serve/make_laender.mjs (optional file).
  try {
    const laender = await getJSON('/vendor/pk/de-laender.json');
    L.geoJSON(laender, {
      interactive: false, attribution: T.laender_attribution, className: 'pk-laender',
      style: { color: '#8a8f98', weight: 0.7, dashArray: '4 3', fill: false },
    }).addTo(map);
  } catch (e) {
    console.warn('Länder borders', e);
  }
}

// One list card (a story: its newest article plus "+N sources").
export function articleCard(p, { onOpen, onHover } = {}) {
  const title = el('button', { type: 'button', class: 'card-title', onclick: () => onOpen && onOpen(p.id) }, p.title || '—');
  const meta = el('p', { class: 'meta' },
    [formatDate(p.date), p.outlet, p.place].filter(Boolean).join(' · '));
  const li = el('li', { class: 'card', dataset: { id: String(p.id) } }, title, meta);
  if (p.lead) li.append(el('p', { class: 'lead' }, p.lead));
  if (p.story_size > 1) li.append(el('span', { class: 'sources' }, T.more_sources(p.story_size - 1)));
  if (onHover) {
    li.addEventListener('mouseenter', () => onHover(p.id, true));
    li.addEventListener('mouseleave', () => onHover(p.id, false));
    title.addEventListener('focus', () => onHover(p.id, true));
    title.addEventListener('blur', () => onHover(p.id, false));
  }
  return li;
}

// One card per story: keeps the first (newest) article of each story_id, counts the rest.
export function groupStories(features) {
  const seen = new Map();
  const out = [];
  for (const f of features) {
    const p = { ...f.properties };
    if (p.story_id !== null && p.story_id !== undefined) {
      if (seen.has(p.story_id)) { seen.get(p.story_id).shown += 1; continue; }
      p.shown = 1;
      seen.set(p.story_id, p);
    }
    out.push(p);
  }
  return out;
}

// The article panel's content.
export function articleView(a, { onPlace } = {}) {
  const frag = document.createDocumentFragment();
  frag.append(el('h2', { class: 'headline', id: 'article-headline' }, a.title || '—'));
  frag.append(el('p', { class: 'meta' }, [formatDate(a.date), a.outlet || a.site_title, a.agency].filter(Boolean).join(' · ')));
  if (a.lead) frag.append(el('p', { class: 'lead' }, a.lead));
  const places = (a.places || []).filter((p) => p.name);
  if (places.length) {
    const ul = el('ul', { class: 'places' });
    const seen = new Set();
    for (const p of places) {
      const key = p.name + '|' + p.lat + '|' + p.lon;
      if (seen.has(key)) continue;
      seen.add(key);
      const rid = regionIdOf(p);
      ul.append(el('li', {},
        el('button', { type: 'button', class: 'place' + (p.role === 'focus' ? ' focus' : ''), onclick: () => onPlace && onPlace(p) }, p.name),
        rid ? el('a', { class: 'region-link', href: '/region/' + encodeURIComponent(rid), title: T.region_page }, '↗') : null));
    }
    frag.append(el('h3', {}, T.places), ul);
  }
  const url = safeUrl(a.url);
  if (url) frag.append(el('p', {}, el('a', { href: url, class: 'original', target: '_blank', rel: 'noopener noreferrer nofollow' }, T.original)));
  const members = (a.story && a.story.members) || [];
  if (members.length) {
    const ul = el('ul', { class: 'members' });
    for (const m of members) {
      const mu = safeUrl(m.url);
      const label = [m.outlet, m.title].filter(Boolean).join(': ');
      ul.append(el('li', {}, mu ? el('a', { href: mu, target: '_blank', rel: 'noopener noreferrer nofollow' }, label) : label));
    }
    frag.append(el('h3', {}, `${T.other_sources} (${T.more_sources(members.length)})`), ul);
  }
  const lin = a.story && a.story.lineage;
  if (lin && lin.kind) {
    // What this paper did with the wire text: unchanged, shortened, extended, … plus the sentences.
    const box = el('div', { class: 'lineage' }, el('h3', {}, T.lineage_title), el('p', {}, T.lineage_kind(lin.kind)));
    for (const [key, label] of [['added', T.lineage_added], ['dropped', T.lineage_dropped]]) {
      const items = Array.isArray(lin[key]) ? lin[key] : [];
      if (!items.length) continue;
      const ul = el('ul', { class: 'lineage-' + key });
      for (const sentence of items.slice(0, 20)) ul.append(el('li', {}, String(sentence)));
      box.append(el('h4', {}, label), ul);
    }
    frag.append(box);
  }
  return frag;
}
