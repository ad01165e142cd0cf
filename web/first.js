// The first /api/clusters request, started before Leaflet has loaded: the start view is fixed
// (START below; app.js uses the same), so its bbox follows from the map's size with Leaflet's
// Web-Mercator maths. app.js takes the answer from window.pkFirstClusters when its own first
// request names the same view, so the markers no longer wait for leaflet.js + the request in
// series (bench/first_markers.mjs). A classic deferred script: it runs once the page is parsed
// and styled, before leaflet.js (deferred after it) and before the app module.
(() => {
  'use strict';
  const START = { lat: 51.1, lon: 10.4, zoom: 6 };
  // A filter or a start place in the URL: app.js chooses another first view.
  const q = new URLSearchParams(location.search);
  if (q.has('near') || q.has('q')) return;
  const box = document.getElementById('map');
  if (!box || !window.fetch) return;
  const w = box.clientWidth;
  const h = box.clientHeight;
  if (!w || !h) return;

  // Leaflet 1.9's EPSG:3857: pixel = 256·2^zoom · (0.5 + x/(2πR), 0.5 − y/(2πR)).
  const R = 6378137;
  const D = Math.PI / 180;
  const scale = 256 * 2 ** START.zoom;
  const a = 0.5 / (Math.PI * R);
  const project = (lat, lon) => {
    const s = Math.sin(Math.max(Math.min(85.0511287798, lat), -85.0511287798) * D);
    return [scale * (a * R * lon * D + 0.5), scale * (-a * R * Math.log((1 + s) / (1 - s)) / 2 + 0.5)];
  };
  const unproject = (x, y) => [
    (2 * Math.atan(Math.exp((y / scale - 0.5) / -a / R)) - Math.PI / 2) / D,
    (x / scale - 0.5) / a / R / D,
  ];
  // L.Map#getBounds after setView: the pixel origin is the projected centre minus half the
  // size, rounded; the bounds run from there over the map's size.
  const [cx, cy] = project(START.lat, START.lon);
  const left = Math.round(cx - w / 2);
  const top = Math.round(cy - h / 2);
  const [south, west] = unproject(left, top + h);
  const [north, east] = unproject(left + w, top);
  const c = (v, lo, hi) => Math.max(lo, Math.min(hi, v)).toFixed(5);
  const bbox = [c(west, -180, 180), c(south, -90, 90), c(east, -180, 180), c(north, -90, 90)].join(',');
  const url = `/api/clusters?bbox=${encodeURIComponent(bbox)}&zoom=${START.zoom}`;
  window.pkFirstClusters = {
    start: START,
    bbox: bbox.split(',').map(Number),
    zoom: START.zoom,
    // Errors are app.js's to report: it asks again itself.
    body: fetch(url).then((r) => (r.ok ? r.json() : null)).catch(() => null),
  };
})();
