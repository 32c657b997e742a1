// The demo page (dist/www): the sample article analysed in the page, the same highlights, card
// and panel as the extension, JSON export, pasting, the size limit, and the wrapping fallback.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors, highlights, launch, screenshot, startServer } from './helpers.js';

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Awaited<ReturnType<typeof launch>>} */
let browser;

before(async () => {
  server = await startServer();
  browser = await launch({ extension: false });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens the demo and waits for its first analysis.
 * @param {string} [query]
 */
async function openDemo(query = '') {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.origin}/www/index.html${query}`);
  await page.waitForFunction(() => ['done', 'error', 'too-large'].includes(document.documentElement.dataset.quotelightStatus ?? ''), null, { timeout: 20000 });
  return { page, errors };
}

test('the sample article is analysed and highlighted, with the panel open', async () => {
  const { page, errors } = await openDemo();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.quotelightStatus), 'done');
  const painted = Object.values(await highlights(page)).flat();
  assert.ok(painted.length >= 3, `${painted.length} ranges painted`);
  const panel = await page.locator('quotelight-ui .panel').innerText();
  assert.match(panel, /Who is quoted/);
  assert.match(await page.locator('#status').innerText(), /\d+ quotations, \d+ speakers/);
  await screenshot(page, 'www');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the JSON export holds the text and the analysis', async () => {
  const { page } = await openDemo();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const json = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(typeof json.text, 'string');
  assert.ok(Array.isArray(json.quotes) && json.quotes.length > 0);
  assert.ok(Array.isArray(json.speakers));
  for (const q of json.quotes) assert.equal(json.text.slice(q.start, q.end), q.text, 'offsets are UTF-16 offsets into the text');
  await page.close();
});

test('a pasted article is analysed, and markup in it stays text', async () => {
  const { page, errors } = await openDemo();
  await page.locator('#paste summary').click();
  await page.locator('#input').fill('Harbour news\n\n“Try <img src=x onerror="window.__pwned=1"> now,” said Mayor Lena Park. “We are 😊 ready,” she said.');
  await page.locator('#analyse').click();
  await page.waitForFunction(() => document.getElementById('article')?.textContent?.includes('Lena Park'));
  await page.waitForFunction(() => document.documentElement.dataset.quotelightStatus === 'done');
  assert.equal(await page.evaluate(() => document.querySelectorAll('#article img').length), 0);
  assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined);
  const painted = Object.values(await highlights(page)).flat();
  assert.ok(painted.some((t) => t.includes('<img src=x')), painted.join('|'));
  // The overlay sets page-derived text as text: a speaker name made of markup stays characters.
  const card = await page.evaluate(() => {
    const ns = /** @type {any} */ (globalThis).quotelight;
    const ui = ns.overlay.createOverlay(document, { onSpeaker: () => {} });
    const name = '<img src=x onerror="window.__pwned=3"><script>window.__pwned=4</script>';
    ui.showCard({ kind: 'direct', colour: '0', confidence: 0.5, cue: { text: '<b>said</b>' }, via: 'javascript:alert(1)', mention: null },
      { name, role: '<i>role</i>', affiliation: null, official: true }, 10, 10);
    ui.setModel({ quotes: [], speakers: [{ id: 1, name, role: null, affiliation: null, official: false, quotes: 1, claims: 0, colour: '1' }] });
    const root = ui.host.shadowRoot;
    const out = {
      text: root.querySelector('.card').textContent, panel: root.querySelector('.panel').textContent,
      tags: [...root.querySelectorAll('*')].map((e) => e.localName),
    };
    ui.destroy();
    return out;
  });
  assert.match(card.text, /<img src=x onerror=/);
  assert.match(card.text, /<b>said<\/b>/);
  assert.match(card.panel, /<script>/);
  assert.deepEqual(card.tags.filter((t) => ['img', 'script', 'i', 'a'].includes(t)), []);
  assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a text above the limit is refused with a message', async () => {
  const { page } = await openDemo();
  await page.locator('#paste summary').click();
  await page.evaluate(() => {
    /** @type {HTMLTextAreaElement} */ (document.getElementById('input')).value = '“Too long,” she said. '.repeat(100000);
  });
  await page.locator('#analyse').click();
  await page.waitForFunction(() => /too long/.test(document.getElementById('status')?.textContent ?? ''));
  await page.close();
});

test('without the Highlight API the fallback wraps text, and unwrapping restores the DOM', async () => {
  const { page } = await openDemo('?wrap=1');
  const marks = await page.evaluate(() => document.querySelectorAll('#article quotelight-mark').length);
  assert.ok(marks > 0);
  const text = await page.evaluate(() => document.getElementById('article')?.innerText);
  await page.evaluate(() => /** @type {any} */ (window).quotelightDemo.controller.clear());
  assert.equal(await page.evaluate(() => document.querySelectorAll('quotelight-mark').length), 0);
  assert.equal(await page.evaluate(() => document.getElementById('article')?.innerText), text, 'same text with and without marks');
  const nodes = await page.evaluate(() => [...document.querySelectorAll('#article p')].every((p) => p.childNodes.length === 1));
  assert.ok(nodes, 'each paragraph is one text node again');
  await page.close();
});

test('the demo makes no request but its own files', () => {
  assert.deepEqual(browser.blocked, []);
  const own = server.requests.filter((p) => !p.startsWith('/www/'));
  assert.deepEqual(own, []);
});
