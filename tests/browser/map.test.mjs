// The map page in Debian's chromium: markers, click-to-headline, clusters splitting on zoom,
// place and word search, time filter, region page with a valid Atom feed, phone layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO, chromiumMissing, startServer, launchBrowser, watchRequests, screenshot, waitForLoads, loads, isoDaysAgo,
} from './helpers.mjs';

const site = 'Osthessen Testblatt';
const ARTICLES = [
  { date: isoDaysAgo(0), site, title: 'Feuerwehr löscht Scheunenbrand in Fulda',
    lead: 'In Fulda hat in der Nacht zum Freitag eine Scheune gebrannt. Verletzt wurde niemand, teilte die Polizei mit.',
    dateline: 'Fulda',
    body: ['Die Feuerwehr Fulda war mit 40 Kräften im Einsatz. Die Ursache ist noch unklar.', 'Die Polizei in Fulda ermittelt zur Ursache des Feuers.'] },
  { date: isoDaysAgo(3), site, title: 'Neue Straßenbahnlinie in Kassel eröffnet',
    lead: 'Kassel hat eine neue Straßenbahnlinie. Sie verbindet den Bahnhof Wilhelmshöhe mit dem Stadtrand, teilten die Verkehrsbetriebe mit.',
    dateline: 'Kassel',
    body: ['Die Stadt Kassel feierte die Eröffnung mit einem Bürgerfest. Tausende kamen zur ersten Fahrt.'] },
  { date: isoDaysAgo(15), site: 'Hamburger Testpost', title: 'Hafenfest in Hamburg zieht Tausende an',
    lead: 'Das Hafenfest in Hamburg lockte am Wochenende viele Besucher an die Elbe. Die Veranstalter sind zufrieden.',
    dateline: 'Hamburg',
    body: ['Beim Hafenfest in Hamburg gab es Musik und Feuerwerk. Die Polizei meldete kaum Zwischenfälle.'] },
  { date: isoDaysAgo(100), site: 'Münchner Testzeitung', title: 'Oktoberwiesn: München zieht Bilanz',
    lead: 'München zieht nach dem Volksfest eine positive Bilanz. Es kamen mehr Gäste als im Vorjahr, sagte der Festleiter.',
    dateline: 'München',
    body: ['Die Stadt München meldet weniger Einsätze als im Vorjahr. Die Polizei zeigte sich zufrieden.'] },
];

const skip = chromiumMissing ? 'skipped: chromium not found (/usr/bin/chromium)' : false;
if (skip) console.log(skip);

let server, browser;
before(async () => {
  if (skip) return;
  server = await startServer(ARTICLES, { name: 'pk-map' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openMap(path = '/') {
  const page = await browser.context.newPage();
  const foreign = watchRequests(page, server.origin);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.origin + path);
  await page.waitForSelector('#map[data-ready="true"]', { timeout: 15000 });
  return { page, foreign, errors };
}

async function listTitles(page) {
  return page.$$eval('#list .card-title', (els) => els.map((e) => e.textContent));
}

test('map shows markers; clicking one shows its headline', { skip }, async () => {
  const { page, foreign, errors } = await openMap();
  const n = await page.locator('.pk-marker, .pk-cluster').count();
  assert.ok(n > 0, 'markers or clusters are drawn');
  // first.js asked for the start view's clusters before Leaflet loaded, and app.js used that
  // answer (its bbox maths matches Leaflet's) instead of asking again.
  assert.equal(await page.evaluate(() => document.getElementById('map').dataset.prefetched), 'true');
  // The offline basemap follows the first markers (it is fetched after them).
  await page.waitForFunction(() => document.querySelectorAll('.leaflet-overlay-pane path').length > 50, null, { timeout: 15000 });
  // German Länder borders, when set-up derived them (node src/serve/make_laender.mjs).
  if (fs.existsSync(path.join(REPO, 'node_modules', '.pressekarte', 'de-laender.json'))) {
    await page.waitForSelector('path.pk-laender', { state: 'attached', timeout: 15000 });
    assert.match(await page.textContent('.leaflet-control-attribution'), /GeoNames/);
  }
  // A loaded server answers for real, not from its start snapshot (which it writes once its
  // full table is loaded: <db>.map beside the store).
  assert.equal(await page.evaluate(() => document.getElementById('map').dataset.provisional), 'false');
  const metrics = await (await page.request.get(server.origin + '/metrics')).text();
  assert.match(metrics, /^pk_map_snapshots_written_total 1$/m);
  assert.ok(fs.existsSync(server.db + '.map'), 'the map snapshot is beside the store');
  const leaflet = await page.request.get(server.origin + '/vendor/leaflet/leaflet.js');
  assert.match(leaflet.headers()['cache-control'] || '', /max-age=\d+/, 'vendored files are cacheable');
  await screenshot(page, 'map-start');
  // Zoom in until a single marker is visible, then click it.
  let before = await loads(page);
  await page.locator('.pk-cluster').first().click();
  await waitForLoads(page, before);
  await page.locator('.pk-marker').first().click();
  await page.waitForSelector('#panel:not([hidden]) #article-headline');
  const headline = await page.textContent('#article-headline');
  assert.ok(ARTICLES.some((a) => a.title === headline), `headline "${headline}" is one of ours`);
  await screenshot(page, 'map-article');
  assert.deepEqual(foreign, [], 'no request leaves the test server');
  assert.deepEqual(errors, []);
  await page.close();
});

test('clusters split when zooming in', { skip }, async () => {
  const { page, foreign } = await openMap();
  // At zoom 6 Fulda and Kassel (85 km apart) form one cluster of 2.
  const pair = page.locator('.pk-cluster[data-count="2"]');
  assert.equal(await pair.count(), 1, 'Fulda and Kassel are one cluster at zoom 6');
  const markersBefore = await page.locator('.pk-marker').count();
  const before = await loads(page);
  await pair.click();  // flies two zoom levels in
  await waitForLoads(page, before);
  await page.waitForFunction(() => document.querySelectorAll('.pk-cluster[data-count="2"]').length === 0);
  assert.ok(await page.locator('.pk-marker').count() >= Math.min(2, markersBefore + 1), 'the cluster became markers');
  await screenshot(page, 'map-zoomed');
  assert.deepEqual(foreign, []);
  await page.close();
});

test('search: a place flies there, a word filters the list', { skip }, async () => {
  const { page, foreign } = await openMap();
  const input = page.locator('#search-input');
  await input.fill('Fulda');
  await page.waitForSelector('#suggestions:not([hidden]) li');
  let before = await loads(page);
  await input.press('Enter');
  await waitForLoads(page, before);
  await page.waitForFunction(() => document.querySelectorAll('#list .card').length > 0);
  let titles = await listTitles(page);
  assert.ok(titles.includes(ARTICLES[0].title), 'the Fulda article is listed after flying to Fulda');
  assert.ok(!titles.includes(ARTICLES[2].title), 'Hamburg is out of view');
  await screenshot(page, 'search-place');

  await input.fill('Hafenfest');
  before = await loads(page);
  await input.press('Enter');
  await waitForLoads(page, before);
  await page.waitForFunction((t) => [...document.querySelectorAll('#list .card-title')].some((e) => e.textContent === t),
    ARTICLES[2].title);
  titles = await listTitles(page);
  assert.deepEqual(titles, [ARTICLES[2].title], 'only the Hamburg article matches the word');
  assert.equal(await page.isVisible('#filters'), true);
  await screenshot(page, 'search-word');
  assert.deepEqual(foreign, []);
  await page.close();
});

test('time filter changes the list', { skip }, async () => {
  const { page, foreign } = await openMap();
  const all = await listTitles(page);
  assert.equal(all.length, 4, `all four German articles are listed: ${all}`);
  let before = await loads(page);
  await page.selectOption('#time-select', '7');
  await waitForLoads(page, before);
  const week = await listTitles(page);
  assert.deepEqual(new Set(week), new Set([ARTICLES[0].title, ARTICLES[1].title]));
  before = await loads(page);
  await page.selectOption('#time-select', '30');
  await waitForLoads(page, before);
  assert.equal((await listTitles(page)).length, 3);
  before = await loads(page);
  await page.selectOption('#time-select', '1');
  await waitForLoads(page, before);
  assert.deepEqual(await listTitles(page), [ARTICLES[0].title]);
  await screenshot(page, 'time-filter');
  assert.deepEqual(foreign, []);
  await page.close();
});

test('region page with a subscribe link that returns valid Atom', { skip }, async () => {
  const { page, foreign } = await openMap();
  await page.locator('#list .card-title', { hasText: 'Fulda' }).click();
  await page.waitForSelector('#panel:not([hidden]) .region-link');
  await page.locator('#panel .places .focus + .region-link').first().click();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  assert.match(page.url(), /\/region\//);
  assert.match(await page.textContent('#region-name'), /Fulda/);
  assert.ok((await listTitles(page)).includes(ARTICLES[0].title));
  await screenshot(page, 'region');
  const href = await page.getAttribute('#feed-atom', 'href');
  assert.match(href, /^\/feeds\/region\/.+\.atom$/);
  const atom = await page.evaluate(async (url) => {
    const res = await fetch(url);
    const text = await res.text();
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const A = 'http://www.w3.org/2005/Atom';
    return {
      type: res.headers.get('content-type'),
      errors: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI,
      titles: [...doc.getElementsByTagNameNS(A, 'entry')].map((e) => e.getElementsByTagNameNS(A, 'title')[0]?.textContent),
      points: doc.getElementsByTagNameNS('http://www.georss.org/georss', 'point').length,
      feedTitle: doc.getElementsByTagNameNS(A, 'title')[0]?.textContent,
    };
  }, href);
  assert.equal(atom.errors, 0, 'well-formed XML');
  assert.equal(atom.root, 'feed');
  assert.equal(atom.ns, 'http://www.w3.org/2005/Atom');
  assert.match(atom.type, /application\/atom\+xml/);
  assert.ok(atom.titles.includes(ARTICLES[0].title), JSON.stringify(atom));
  assert.ok(atom.points >= 1, 'entries carry GeoRSS points');
  assert.deepEqual(foreign, []);
  await page.close();
});

test('phone layout (390 px): map on top, list below, no sideways scrolling', { skip }, async () => {
  const page = await browser.context.newPage();
  const foreign = watchRequests(page, server.origin);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(server.origin + '/');
  await page.waitForSelector('#map[data-ready="true"]');
  const box = await page.evaluate(() => {
    const m = document.getElementById('map').getBoundingClientRect();
    const l = document.querySelector('.listbox').getBoundingClientRect();
    return { mapH: m.height, mapW: m.width, mapBottom: m.bottom, listTop: l.top, scrollW: document.documentElement.scrollWidth };
  });
  assert.ok(box.mapH > 200 && box.mapH < 844 * 0.7, `map height ${box.mapH}`);
  assert.ok(box.mapW <= 390);
  assert.ok(box.listTop >= box.mapBottom - 1, 'the list follows the map');
  assert.ok(box.scrollW <= 390, `no horizontal scroll (${box.scrollW})`);
  await screenshot(page, 'phone');
  assert.deepEqual(foreign, []);
  await page.close();
});

test('English UI with ?lang=en', { skip }, async () => {
  const { page } = await openMap('/?lang=en');
  assert.equal(await page.textContent('#search button[type=submit]'), 'Search');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.close();
});
