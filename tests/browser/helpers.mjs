// Shared set-up for the browser tests: a temp store filled through `pressekarte ingest`, a
// `pressekarte serve` on a free port, and Debian's chromium driven by playwright-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';

export const CHROMIUM = process.env.PK_CHROMIUM || '/usr/bin/chromium';
export const chromiumMissing = !fs.existsSync(CHROMIUM);
export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const BIN = path.resolve(REPO, process.env.PK_BIN || 'build/pressekarte');
export const SHOTS = path.resolve(REPO, process.env.PK_SCREENSHOTS || 'build/screenshots');

export function isoDaysAgo(days) {
  return new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
}

// One article in the crawl-text format: " date YYYY-MM-DD Site", (caption twice), title, lead,
// the dateline on its own line ("Fulda."), then body paragraphs separated by blank lines.
export function crawlText({ date, site, title, lead, body, caption, dateline }) {
  const lines = [` date ${date} ${site}`];
  if (caption) lines.push(caption, caption);
  lines.push(title, lead, '');
  if (dateline) lines.push(`${dateline}.`, '');
  lines.push(...body.flatMap((p) => [p, '']));
  return lines.join('\n') + '\n';
}

// Writes the articles, ingests them into a fresh store and starts the server.
export async function startServer(articles, { name = 'pk' } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const input = path.join(dir, 'in');
  fs.mkdirSync(input);
  articles.forEach((a, i) => fs.writeFileSync(path.join(input, `${String(i).padStart(3, '0')}.txt`), crawlText(a)));
  const db = path.join(dir, 'test.db');
  execFileSync(BIN, ['ingest', '--db', db, input], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  const proc = spawn(BIN, ['serve', '--db', db, '--port', '0', '--host', '127.0.0.1'], {
    cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error('serve did not start: ' + err)), 15000);
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /listening on http:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited ${code}: ${err}`)); });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin, db, dir,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => { proc.once('exit', r); setTimeout(r, 3000); });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(options = {}) {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    locale: 'de-DE',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Fails the test (via the returned list) for any request that leaves the test server.
export function watchRequests(page, origin) {
  const foreign = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && url !== 'about:blank') foreign.push(url);
  });
  return foreign;
}

export async function screenshot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

// Waits until the map page has finished `n` more refreshes than `before`.
export async function waitForLoads(page, before) {
  await page.waitForFunction((b) => Number(document.getElementById('map').dataset.loads || 0) > b, before, { timeout: 15000 });
}
export async function loads(page) {
  return Number(await page.getAttribute('#map', 'data-loads') || 0);
}
