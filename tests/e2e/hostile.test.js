// Hostile pages: markup-looking quotations, broken globals, 100k text nodes, frames, shadow
// trees, editable regions, a text above the size limit. The extension keeps working or stays
// out of the way, shows page text as text, and never throws into the page's console.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  collectErrors, getState, highlights, longestTask, openPage, pageSnapshot, screenshot, tabId, timings, waitForStatus, withExtension,
} from './helpers.js';

const ctx = withExtension({ before, after });

/**
 * Opens a fixture page and waits for the extension to settle.
 * @param {string} name
 * @param {string[]} [statuses]
 * @param {number} [timeout]
 */
const open = (name, statuses, timeout) => openPage(ctx, `/pages/${name}`, statuses, timeout);

/**
 * Console errors that come from the extension (the hostile pages make their own on purpose).
 * @param {string[]} errors
 */
const fromExtension = (errors) => errors.filter((e) => /quotelight|chrome-extension:/i.test(e));

test('markup in quotations is shown as text in the hover card and the panel, never run', async () => {
  const { page, errors, status } = await open('hostile-markup.html');
  assert.equal(status, 'done');
  await page.waitForSelector('quotelight-ui', { state: 'attached' });
  const state = await getState(ctx.browser.worker, page);
  assert.ok(state.quotes.some((/** @type {any} */ q) => q.text.includes('<script>alert(document.cookie)</script>')));
  // Hover every painted quotation in turn; the card must hold text only.
  const boxes = await page.evaluate(() => [...CSS.highlights].filter(([n]) => /-(direct|partial)$/.test(String(n)))
    .flatMap(([, h]) => [...h]).map((r) => {
      const rect = r.getClientRects()[0];
      return { x: rect.left + 6, y: rect.top + rect.height / 2, text: r.toString() };
    }));
  assert.ok(boxes.length >= 2);
  let sawMarkup = false;
  for (const box of boxes) {
    await page.mouse.move(box.x, box.y);
    await page.waitForFunction(() => !document.querySelector('quotelight-ui')?.shadowRoot?.querySelector('.card')?.hidden);
    const card = await page.evaluate(() => {
      const root = document.querySelector('quotelight-ui')?.shadowRoot;
      return {
        text: root?.querySelector('.card')?.textContent ?? '',
        elements: [...(root?.querySelectorAll('.card *') ?? [])].map((e) => e.localName),
      };
    });
    assert.deepEqual([...new Set(card.elements)].filter((n) => !['div', 'span', 'b'].includes(n)), [], 'only the card’s own elements');
    if (/<i>|<b>|<img|<script>/.test(card.text)) sawMarkup = true;
    await page.mouse.move(1, 1);
  }
  await page.locator('quotelight-ui .pill').click();
  const panel = await page.evaluate(() => {
    const root = document.querySelector('quotelight-ui')?.shadowRoot;
    return [...(root?.querySelectorAll('.panel *') ?? [])].map((e) => e.localName);
  });
  assert.deepEqual([...new Set(panel)].filter((n) => !['header', 'h2', 'button', 'ul', 'li', 'div', 'span'].includes(n)), []);
  assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined, 'no page-supplied code ran');
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, script').length), 0, 'no element was made from page text');
  console.log(`[hostile] markup seen as text in a card: ${sawMarkup}`);
  await screenshot(page, 'hostile-markup');
  assert.deepEqual(fromExtension(errors), []);
  await page.close();
});

test('a page that breaks JSON, Range, textContent, MutationObserver and freezes prototypes', async () => {
  const { page, errors, status } = await open('hostile-globals.html');
  assert.equal(status, 'done');
  const state = await getState(ctx.browser.worker, page);
  assert.ok(state.quotes.some((/** @type {any} */ q) => q.text.includes('pays its bills')));
  assert.ok(Object.keys(await highlights(page)).length > 0);
  assert.ok(errors.some((e) => e.includes('page error on purpose')), 'the page’s own error is there');
  assert.deepEqual(fromExtension(errors), [], 'and nothing from the extension');
  await page.close();
});

test('100,000 text nodes: works, without freezing the page', async () => {
  const { page, errors, status } = await open('hostile-big.html', undefined, 60000);
  assert.equal(status, 'done');
  const state = await getState(ctx.browser.worker, page);
  assert.ok(state.quotes.length >= 150, `${state.quotes.length} quotations`);
  const t = await timings(page);
  const longest = await longestTask(page);
  console.log(`[figures] hostile-big (100k text nodes, ${state.textLength} chars): first paint ${t.firstPaint.toFixed(0)} ms, `
    + `extract ${t.extract.toFixed(0)} ms, wasm analyze ${t.analyze.toFixed(1)} ms, paint ${t.paint.toFixed(0)} ms, longest task during the run ${longest.during.toFixed(0)} ms`);
  assert.deepEqual(fromExtension(errors), []);
  await page.close();
});

test('frames, the page’s shadow trees and editable regions are left alone', async () => {
  const page = await ctx.browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${ctx.server.origin}/pages/hostile-embedded.html`, { waitUntil: 'domcontentloaded' });
  const before = await pageSnapshot(page);
  assert.equal(await waitForStatus(page), 'done');
  const state = await getState(ctx.browser.worker, page);
  assert.ok(state.quotes.some((/** @type {any} */ q) => q.text.includes('library for people who do not work')));
  assert.ok(state.quotes.some((/** @type {any} */ q) => q.text.includes('we chose books')));
  for (const left of ['Type your own quote', 'Shadow words', 'Should the library']) {
    assert.ok(!state.quotes.some((/** @type {any} */ q) => q.text.includes(left)), `nothing from “${left}”`);
  }
  assert.deepEqual(await pageSnapshot(page), before);
  // Typing in the editable region works and is not disturbed.
  await page.locator('.reader-note p').click();
  await page.keyboard.type(' Hello.');
  await page.waitForTimeout(700);
  assert.match(await page.locator('.reader-note').innerText(), /Hello\./);
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'reader-note', 'focus stays in the editor');
  assert.deepEqual(fromExtension(errors), []);
  await page.close();
});

test('a text above the size limit is refused gracefully, and the popup says why', async () => {
  const { page, errors, status } = await open('too-large.html', undefined, 60000);
  assert.equal(status, 'too-large');
  assert.deepEqual(await highlights(page), {});
  const id = await tabId(ctx.browser.worker, page);
  const popup = await ctx.browser.context.newPage();
  await popup.goto(`chrome-extension://${ctx.browser.extensionId}/popup/popup.html?tab=${id}`);
  await popup.waitForFunction(() => /too long/.test(document.getElementById('status')?.textContent ?? ''));
  assert.match(await popup.locator('#status').innerText(), /limit is 2,000,000/);
  assert.deepEqual(fromExtension(errors), []);
  await popup.close();
  await page.close();
});

test('no request left the browser (checked before the extension is reloaded)', () => {
  assert.deepEqual(ctx.browser.blocked, []);
});

test('when the extension is reloaded, an open page’s highlights go away quietly', async () => {
  const { page, errors, status } = await open('news-article.html');
  assert.equal(status, 'done');
  assert.ok(Object.keys(await highlights(page)).length > 0);
  await ctx.browser.worker.evaluate(() => chrome.runtime.reload());
  // The next change of the page makes the orphaned content script look, and leave.
  await page.evaluate(() => document.querySelector('.story-body')?.append(document.createElement('p')));
  const deadline = Date.now() + 10000;
  while (Object.keys(await highlights(page)).length > 0 && Date.now() < deadline) await page.waitForTimeout(100);
  assert.deepEqual(await highlights(page), {});
  assert.equal(await page.evaluate(() => document.querySelector('quotelight-ui')), null);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-quotelight-status')), false);
  assert.deepEqual(fromExtension(errors), []);
  await page.close();
});
