// The map page: clusters from /api/clusters, the list from /api/articles, both for the current
// view and filters; search (places + words), time filter, article panel. See common.js for the
// no-innerHTML rule.
import { T, applyStrings, lang } from './i18n.js';
import { el, getJSON, addBasemap, articleCard, articleView, groupStories, zoomForKind } from './common.js';

applyStrings();

const state = { q: '', since: '', until: '', near: null, radius: null };
const $ = (id) => document.getElementById(id);

const map = L.map('map', { minZoom: 2, maxZoom: 18, worldCopyJump: false, maxBounds: [[-85, -200], [85, 200]] })
  .setView([51.1, 10.4], 6);
map.getContainer().dataset.ready = 'false';
// The offline basemap (a 750 KB TopoJSON drawn as SVG) is fetched once the first markers are on
// the map: they are what the reader waits for (bench/first_markers.mjs).
let basemap = null;
const startBasemap = () => { if (!basemap) basemap = addBasemap(map); };
const markerLayer = L.layerGroup().addTo(map);
const markersById = new Map();

function isoDaysAgo(days) {
  const d = new Date(Date.now() - days * 86400000);
  return d.toISOString().slice(0, 10);
}

function filterParams() {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.since) p.set('since', state.since);
  if (state.until) p.set('until', state.until);
  if (state.near) { p.set('near', state.near.join(',')); p.set('radius', String(state.radius || 25)); }
  return p;
}

function bboxParam() {
  const b = map.getBounds();
  const c = (v, lo, hi) => Math.max(lo, Math.min(hi, v)).toFixed(5);
  return [c(b.getWest(), -180, 180), c(b.getSouth(), -90, 90), c(b.getEast(), -180, 180), c(b.getNorth(), -90, 90)].join(',');
}

// ---- markers ----------------------------------------------------------------------------

function highlight(id, on) {
  const m = markersById.get(String(id));
  if (m && m.getElement()) m.getElement().classList.toggle('pk-highlight', on);
  const card = document.querySelector(`#list li[data-id="${CSS.escape(String(id))}"]`);
  if (card) card.classList.toggle('highlight', on);
}

function markerFor(f) {
  const p = f.properties;
  const [lon, lat] = f.geometry.coordinates;
  const isCluster = p.cluster;
  const size = isCluster ? Math.min(56, 26 + Math.log2(p.count) * 5) : 16;
  const label = isCluster ? T.cluster_label(p.count, p.title) : p.title;
  const node = el('div', {
    class: isCluster ? 'pk-cluster' : 'pk-marker',
    role: 'button', tabindex: '0', 'aria-label': label, dataset: { id: String(p.id), count: String(p.count) },
  }, isCluster ? String(p.count) : '');
  const icon = L.divIcon({ html: node, className: 'pk-icon', iconSize: [size, size] });
  const m = L.marker([lat, lon], { icon, keyboard: true, title: '' });
  m.bindTooltip(el('span', {}, label), { direction: 'top', offset: [0, -size / 2] });
  const activate = () => {
    // Articles about the same town stay one cluster until the deepest zoom: from zoom 12 on,
    // a click opens the newest one (the list beside the map shows the others).
    if (isCluster && map.getZoom() < 12) map.flyTo([lat, lon], Math.min(map.getZoom() + 2, 18));
    else openArticle(p.id);
  };
  m.on('click', activate);
  node.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); activate(); } });
  m.on('mouseover', () => highlight(p.id, true));
  m.on('mouseout', () => highlight(p.id, false));
  return m;
}

// The answer first.js asked for while leaflet.js loaded, if it is for this very request (no
// filter, same zoom, the same view to within rounding); used once.
async function takeFirstClusters(p) {
  const first = window.pkFirstClusters;
  window.pkFirstClusters = null;
  if (!first || [...p.keys()].some((k) => k !== 'bbox' && k !== 'zoom')) return null;
  const bbox = p.get('bbox').split(',').map(Number);
  if (Number(p.get('zoom')) !== first.zoom || bbox.some((v, i) => Math.abs(v - first.bbox[i]) > 1e-4)) return null;
  const data = await first.body;
  if (!data || !Array.isArray(data.features)) return null;
  map.getContainer().dataset.prefetched = 'true';  // for tests: the early request was used
  return data;
}

let clusterSeq = 0;
let provisionalTimer = 0;
async function loadClusters() {
  const seq = ++clusterSeq;
  const p = filterParams();
  p.set('bbox', bboxParam());
  p.set('zoom', String(Math.round(map.getZoom())));
  const data = (await takeFirstClusters(p)) || await getJSON('/api/clusters?' + p.toString());
  if (seq !== clusterSeq) return;
  markerLayer.clearLayers();
  markersById.clear();
  for (const f of data.features) {
    const m = markerFor(f);
    markerLayer.addLayer(m);
    if (!f.properties.cluster) markersById.set(String(f.properties.id), m);
  }
  map.getContainer().dataset.clusters = String(data.features.filter((f) => f.properties.cluster).length);
  map.getContainer().dataset.markers = String(data.features.length);
  map.getContainer().dataset.provisional = String(!!data.provisional);
  // A provisional answer (the server's start snapshot, or the newest matches of a filter while
  // its index loads): ask again shortly unless the view changes first.
  clearTimeout(provisionalTimer);
  if (data.provisional) provisionalTimer = setTimeout(() => { if (seq === clusterSeq) loadClusters().catch(console.warn); }, 1500);
  startBasemap();
}

// ---- list -------------------------------------------------------------------------------

let listSeq = 0;
async function loadList() {
  const seq = ++listSeq;
  const p = filterParams();
  if (!state.near) p.set('bbox', bboxParam());
  p.set('limit', '100');
  const data = await getJSON('/api/articles?' + p.toString());
  if (seq !== listSeq) return;
  const list = $('list');
  list.replaceChildren();
  const stories = groupStories(data.features);
  for (const s of stories) list.append(articleCard(s, { onOpen: openArticle, onHover: highlight }));
  $('list-count').textContent = `(${stories.length}${data.next_cursor ? '+' : ''})`;
  $('list-empty').hidden = stories.length > 0;
  const feed = filterParams();
  if (!state.near) feed.set('bbox', bboxParam());
  $('subscribe').href = '/feeds/search.atom?' + feed.toString();
}

async function refresh() {
  try {
    await Promise.all([loadClusters(), loadList()]);
    const c = map.getContainer().dataset;
    c.ready = 'true';
    c.loads = String(Number(c.loads || 0) + 1);
  } catch (e) {
    console.warn(e);
  }
  startBasemap();
}

let moveTimer = 0;
map.on('moveend', () => { clearTimeout(moveTimer); moveTimer = setTimeout(refresh, 120); });

// ---- article panel ----------------------------------------------------------------------

async function openArticle(id) {
  const body = $('panel-body');
  try {
    const a = await getJSON('/api/articles/' + encodeURIComponent(id));
    body.replaceChildren(articleView(a, { onPlace: (pl) => map.flyTo([pl.lat, pl.lon], zoomForKind(pl.kind)) }));
    $('panel').hidden = false;
    history.replaceState(null, '', '#article=' + encodeURIComponent(id));
    $('panel').focus?.();
  } catch (e) {
    body.replaceChildren(el('p', { class: 'error' }, T.load_error));
    $('panel').hidden = false;
  }
}
$('panel-close').addEventListener('click', () => {
  $('panel').hidden = true;
  history.replaceState(null, '', location.pathname + location.search);
});

// ---- search: places (autocomplete) and words --------------------------------------------

const input = $('search-input');
const sugg = $('suggestions');
let suggestions = [];
let suggestTimer = 0;

function placeLabel(p) {
  const name = lang === 'de' && p.name_de ? p.name_de : p.name;
  const where = [p.admin1_name, p.country].filter(Boolean).join(', ');
  return where ? `${name} (${where})` : name;
}

function flyToPlace(p) {
  sugg.hidden = true;
  input.setAttribute('aria-expanded', 'false');
  map.flyTo([p.lat, p.lon], zoomForKind(p.kind));
}

function showSuggestions(list) {
  suggestions = list;
  sugg.replaceChildren(...list.map((p, i) => el('li', {
    role: 'option', id: 'sugg-' + i, class: 'suggestion', tabindex: '-1',
    onmousedown: (e) => { e.preventDefault(); input.value = lang === 'de' && p.name_de ? p.name_de : p.name; flyToPlace(p); },
  }, placeLabel(p))));
  sugg.hidden = list.length === 0;
  input.setAttribute('aria-expanded', String(list.length > 0));
}

input.addEventListener('input', () => {
  clearTimeout(suggestTimer);
  const q = input.value.trim();
  if (q.length < 2) { showSuggestions([]); return; }
  suggestTimer = setTimeout(async () => {
    try { showSuggestions((await getJSON('/api/places?limit=8&q=' + encodeURIComponent(q))).places); } catch { showSuggestions([]); }
  }, 150);
});
input.addEventListener('keydown', (e) => { if (e.key === 'Escape') showSuggestions([]); });

$('search').addEventListener('submit', async (e) => {
  e.preventDefault();
  const q = input.value.trim();
  if (!q) return;
  let places = suggestions;
  try { places = (await getJSON('/api/places?limit=8&q=' + encodeURIComponent(q))).places; } catch { /* words only */ }
  const fold = (s) => (s || '').toLocaleLowerCase('de');
  const exact = places.find((p) => fold(p.name) === fold(q) || fold(p.name_de) === fold(q));
  if (exact) { flyToPlace(exact); return; }
  showSuggestions([]);
  state.q = q;
  showFilters();
  // Word search covers the whole map: fit the view to the matches (the view's refresh follows).
  try {
    const p = filterParams();
    p.set('limit', '200');
    const hits = (await getJSON('/api/articles?' + p.toString())).features.filter((f) => f.geometry);
    if (hits.length) {
      const bounds = L.latLngBounds(hits.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
      map.fitBounds(bounds.pad(0.3), { maxZoom: 9 });
    }
  } catch { /* keep the view */ }
  refresh();
});

function showFilters() {
  $('filters').hidden = !state.q;
  $('filter-text').textContent = state.q ? T.filter_word(state.q) : '';
}
$('filter-clear').addEventListener('click', () => { state.q = ''; input.value = ''; showFilters(); refresh(); });

// ---- time filter ------------------------------------------------------------------------

const sel = $('time-select');
const days = $('days');
function setDays(n) {
  $('days-out').textContent = T.days_back(n);
}
sel.addEventListener('change', () => {
  $('custom-range').hidden = sel.value !== 'custom';
  state.until = '';
  if (sel.value === 'all') state.since = '';
  else if (sel.value === 'custom') { state.since = $('since').value; state.until = $('until').value; }
  else { const n = Number(sel.value); state.since = isoDaysAgo(n - 1); days.value = String(n); setDays(n); }
  refresh();
});
for (const id of ['since', 'until']) {
  $(id).addEventListener('change', () => { state.since = $('since').value; state.until = $('until').value; refresh(); });
}
days.addEventListener('input', () => setDays(Number(days.value)));
days.addEventListener('change', () => {
  const n = Number(days.value);
  sel.value = 'custom';
  $('custom-range').hidden = false;
  state.since = isoDaysAgo(n - 1);
  state.until = '';
  $('since').value = state.since;
  $('until').value = '';
  refresh();
});
setDays(Number(days.value));

// ---- start ------------------------------------------------------------------------------

const params = new URLSearchParams(location.search);
const near = (params.get('near') || '').split(',').map(Number);
if (near.length === 2 && near.every(Number.isFinite)) {
  state.near = near;
  state.radius = Number(params.get('radius')) || 25;
  map.setView(near, 10);
}
if (params.get('q')) { state.q = params.get('q'); input.value = state.q; showFilters(); }
refresh();
const m = /^#article=(\d+)$/.exec(location.hash);
if (m) openArticle(m[1]);
