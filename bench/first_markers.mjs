// Page load to first markers: starts `pressekarte serve --read-only` on a store, opens the map
// page in Debian's chromium (playwright-core, headless) and measures the time from navigation
// start until the first cluster/marker element is on the map (in the DOM, by the page's clock).
//
//   node bench/first_markers.mjs --bin build/pressekarte --db /work/data1m/pk1m.db [--runs 7]
//        [--cold-runs 3] [--snapshot FILE] [--web-root DIR]
//
// "cold": the page is opened the moment the server listens, so the time includes the server's
// background load of the cluster index (one run per server start; --cold-runs N).
// "warm": the index is loaded; each run is a fresh browser context (empty HTTP cache) loading
// the page, then a reload in the same context (HTTP cache warm).
// --snapshot FILE: the server's map start snapshot (serve --map-snapshot). If FILE does not exist
// yet, a first server writes it (after its full load) before the runs. Without --snapshot the
// server runs with --map-snapshot - (none), i.e. the quick table path.
// --web-root DIR: serve another copy of the page (A/B runs: e.g. the page of the last commit,
// `git show HEAD:web/x`, beside the working tree's); node_modules stays the repo's.
import path from 'node:path';
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? args[i + 1] : dflt;
};
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const BIN = path.resolve(opt('bin', 'build/pressekarte'));
const DB = opt('db', '');
const RUNS = Number(opt('runs', '7'));
const COLD_RUNS = Number(opt('cold-runs', '3'));
const SNAPSHOT = opt('snapshot', '');
const WEB_ROOT = opt('web-root', '');
const CHROMIUM = process.env.PK_CHROMIUM || '/usr/bin/chromium';
if (!DB) {
  console.error('usage: node bench/first_markers.mjs --bin BUILD/pressekarte --db STORE [--runs N] [--cold-runs N]');
  process.exit(2);
}

const { chromium } = await import('playwright-core');

async function startServer() {
  const t0 = performance.now();
  const extra = WEB_ROOT ? ['--web-root', path.resolve(WEB_ROOT), '--node-modules', path.join(REPO, 'node_modules')] : [];
  const proc = spawn(BIN, ['serve', '--db', DB, '--port', '0', '--read-only', '--map-snapshot', SNAPSHOT ? path.resolve(SNAPSHOT) : '-', ...extra],
    { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve did not start: ' + err)), 60000);
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /listening on http:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited ${code}: ${err}`)); });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    listenMs: performance.now() - t0,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => { proc.once('exit', r); setTimeout(r, 30000); });
    },
  };
}

// Milliseconds from navigation start until the first marker element is in the DOM, on the
// page's own clock: a MutationObserver (installed before the page's scripts) notes the time.
// Until 2026-11-28 (session 4) this was performance.now() when waitForSelector returned, which
// added playwright's polling and a CDP round trip (tens to hundreds of ms on a busy machine).
const markersObserver = () => {
  const seen = () => document.querySelector('#map .pk-cluster, #map .pk-marker');
  new MutationObserver((_, obs) => {
    if (!window.pkFirstMarkersAt && seen()) { window.pkFirstMarkersAt = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
};
async function firstMarkers(page, origin, reload = false) {
  if (reload) await page.reload({ waitUntil: 'commit' });
  else await page.goto(origin + '/', { waitUntil: 'commit' });
  await page.waitForSelector('#map .pk-cluster, #map .pk-marker', { timeout: 120000 });
  return page.evaluate(() => window.pkFirstMarkersAt || performance.now());
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;

const browser = await chromium.launch({
  executablePath: CHROMIUM, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
const newPage = async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
  await context.addInitScript(markersObserver);
  return { context, page: await context.newPage() };
};

async function metric(origin, name) {
  const text = await (await fetch(origin + '/metrics')).text();
  const m = new RegExp('^' + name + ' (\\S+)$', 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

try {
  const fs = await import('node:fs');
  if (SNAPSHOT && !fs.existsSync(SNAPSHOT)) {
    const t0 = performance.now();
    const server = await startServer();
    while (!(await metric(server.origin, 'pk_map_snapshots_written_total') >= 1)) await new Promise((r) => setTimeout(r, 500));
    await server.stop();
    console.log(`snapshot written by a first server after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  // Cold: open the page as soon as the server listens.
  const cold = [];
  const listen = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const { context, page } = await newPage();
    const server = await startServer();
    listen.push(server.listenMs);
    cold.push(await firstMarkers(page, server.origin));
    await context.close();
    await server.stop();
  }
  // Warm: one server, the index loaded by the first page.
  const server = await startServer();
  const warmup = await newPage();
  await firstMarkers(warmup.page, server.origin);
  await warmup.context.close();
  const fresh = [];
  const reloads = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage();
    fresh.push(await firstMarkers(page, server.origin));
    reloads.push(await firstMarkers(page, server.origin, true));
    await context.close();
  }
  await server.stop();
  console.log(`store: ${DB}`);
  console.log(`server start to listening: ${fmt(listen)}`);
  console.log(`cold index (page opened when the server listens): ${fmt(cold)}`);
  console.log(`warm index, fresh browser context: ${fmt(fresh)}`);
  console.log(`warm index, reload (HTTP cache warm): ${fmt(reloads)}`);
} finally {
  await browser.close();
}
