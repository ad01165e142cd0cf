// A regional page: /region/{id} → /api/regions/{id}: name, counts, feeds, latest articles.
import { T, applyStrings } from './i18n.js';
import { el, getJSON, addBasemap, articleCard, groupStories, zoomForKind } from './common.js';

applyStrings();
const $ = (id) => document.getElementById(id);
const id = decodeURIComponent(location.pathname.replace(/^\/region\//, '').replace(/\/$/, ''));
const map = L.map('map', { minZoom: 2, maxZoom: 18 }).setView([51.1, 10.4], 5);
addBasemap(map);

async function load() {
  let r;
  try {
    r = await getJSON('/api/regions/' + encodeURIComponent(id));
  } catch (e) {
    $('region-name').textContent = T.region_missing;
    $('region-error').textContent = String(e.message || e);
    $('region-error').hidden = false;
    return;
  }
  const p = r.place;
  const name = p ? (document.documentElement.lang === 'de' && p.name_de ? p.name_de : p.name) : r.id;
  document.title = `Pressekarte – ${name}`;
  $('region-name').textContent = name;
  if (p) {
    $('region-meta').textContent = [T.kinds[p.kind] || p.kind, p.admin1_name, p.country].filter(Boolean).join(' · ');
    map.setView([p.lat, p.lon], zoomForKind(p.kind));
    const u = new URL('/', location.origin);
    u.searchParams.set('near', `${p.lat},${p.lon}`);
    u.searchParams.set('radius', '25');
    $('region-map').href = u.pathname + u.search;
  }
  $('region-counts').textContent = T.counts(r.counts);
  $('feed-atom').href = r.feeds.atom;
  $('feed-json').href = r.feeds.json;
  $('feed-alternate').href = r.feeds.atom;
  const list = $('list');
  const stories = groupStories(r.latest.features);
  for (const s of stories) {
    list.append(articleCard(s, { onOpen: (aid) => { location.href = '/#article=' + encodeURIComponent(aid); } }));
  }
  $('list-empty').hidden = stories.length > 0;
  for (const f of r.latest.features) {
    if (!f.geometry) continue;
    const [lon, lat] = f.geometry.coordinates;
    L.circleMarker([lat, lon], { radius: 6, color: '#b3261e' }).bindTooltip(el('span', {}, f.properties.title)).addTo(map);
  }
  document.body.dataset.ready = 'true';
}
load();
