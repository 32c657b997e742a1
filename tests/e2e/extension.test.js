// The extension on realistic news pages written for these tests (tests/pages/): what it
// highlights, that it leaves the page as it was, the popup, late content, strict CSP, settings.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MSG, getState, highlights, lastToken, longestTask, openPage, pageSnapshot, screenshot, tabId, tabMessage, timings, waitForState, waitForStatus, withExtension,
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
 * Prints the figures of one page on one line (read into the project's notes, not asserted).
 * @param {string} label
 * @param {import('playwright-core').Page} page
 */
async function report(label, page) {
  const t = await timings(page);
  const longest = await longestTask(page);
  console.log(`[figures] ${label}: first paint ${t?.firstPaint?.toFixed(1)} ms after content-script start; `
    + `extract ${t?.extract?.toFixed(1)} ms, wasm analyze ${t?.analyze?.toFixed(2)} ms, round trip ${t?.roundtrip?.toFixed(1)} ms (of which waiting for the wasm to load ${t?.init?.toFixed(1)} ms), `
    + `paint ${t?.paint?.toFixed(1)} ms; longest task during the run ${longest.during.toFixed(0)} ms (page overall ${longest.overall.toFixed(0)} ms)`);
}

/**
 * Lists what would tell a page that the extension is installed: its attributes, elements, highlights.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
function traces(page) {
  return page.evaluate(() => [
    ...[...document.documentElement.attributes].map((a) => a.name).filter((n) => n.startsWith('data-quotelight')),
    ...[...document.querySelectorAll('quotelight-ui, quotelight-mark')].map((e) => e.localName),
    ...[...CSS.highlights.keys()].map(String).filter((n) => n.startsWith('quotelight')),
  ]);
}

/**
 * Finds the painted quotation containing a fragment.
 * @param {any} state
 * @param {string} fragment
 */
function quoteWith(state, fragment) {
  return state.quotes.find((/** @type {any} */ q) => q.text.includes(fragment));
}

/**
 * Returns the name of the speaker of a quotation.
 * @param {any} state
 * @param {any} quote
 */
function speakerOf(state, quote) {
  return state.speakers.find((/** @type {any} */ s) => s.id === quote?.speaker)?.name ?? null;
}

describe('news article page', () => {
  test('highlights the article’s quotations with their speakers, and nothing in the page furniture', async () => {
    const { page, errors, status } = await open('news-article.html');
    assert.equal(status, 'done');
    const state = await getState(ctx.browser.worker, page);
    const okafor = quoteWith(state, 'We will not let this bridge close again');
    assert.ok(okafor, 'the mayor’s quotation is highlighted');
    assert.equal(lastToken(speakerOf(state, okafor) ?? ''), 'okafor');
    const split = quoteWith(state, 'overdue by a decade');
    assert.ok(split, 'the quotation split by <a> and <em> is highlighted');
    assert.equal(lastToken(speakerOf(state, split) ?? ''), lastToken('Reyes'));
    for (const furniture of ['disgrace', 'We’ll see', 'best deals', 'century', 'Unacceptable', 'Tweet this', 'locally made']) {
      assert.equal(quoteWith(state, furniture), undefined, `nothing highlighted from the page furniture (“${furniture}”)`);
    }
    // The split quotation is painted exactly, across the link and the emphasis.
    const painted = Object.values(await highlights(page)).flat();
    // Every painted range is the analysed quotation (the page's white space collapsed), emoji included.
    const collapse = (/** @type {string} */ t) => t.replace(/[ \t\n\r\f]+/g, ' ');
    for (const q of state.quotes) assert.ok(painted.some((t) => collapse(t) === q.text), `painted exactly: ${q.text}`);
    assert.ok(state.quotes.some((/** @type {any} */ q) => q.text === '“We asked for this in 2019 🙄 and again in 2022,”'));
    assert.ok(painted.includes('“The repairs are overdue by a decade, and everyone in this building knows it,”'), painted.join('\n'));
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-quotelight-quotes')), String(state.quotes.length));
    await screenshot(page, 'news-article');
    await report('news-article (fixture)', page);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('leaves text, DOM, scroll and focus unchanged through analysis, toggling and re-analysis', async () => {
    // The page as it is without the extension's work: opened with the site set to “never”.
    await ctx.browser.worker.evaluate(() => chrome.storage.local.set({ settings: { sites: { '127.0.0.1': 'never' } } }));
    const { page, errors } = await open('news-article.html', null);
    assert.equal(await waitForState(ctx.browser.worker, page, ['off', 'done']), 'off');
    await ctx.browser.worker.evaluate(() => chrome.storage.local.set({ settings: {} }));
    await page.evaluate(() => {
      window.scrollTo(0, 300);
      document.querySelector('input[type=search]')?.focus();
    });
    const before = await pageSnapshot(page);
    await tabMessage(ctx.browser.worker, page, { type: MSG.SET_ENABLED, enabled: true });
    await waitForStatus(page, ['done']);
    assert.deepEqual(await pageSnapshot(page), before, 'after analysis and painting');
    assert.ok(Object.keys(await highlights(page)).length > 0);

    await tabMessage(ctx.browser.worker, page, { type: MSG.SET_ENABLED, enabled: false });
    await waitForStatus(page, ['off']);
    assert.deepEqual(await highlights(page), {}, 'toggling off removes every highlight');
    assert.equal(await page.evaluate(() => document.querySelector('quotelight-ui')), null, 'and the overlay');
    assert.deepEqual(await pageSnapshot(page), before, 'after toggling off');

    await tabMessage(ctx.browser.worker, page, { type: MSG.TOGGLE });
    await waitForStatus(page, ['done']);
    const restored = await highlights(page);
    assert.ok(Object.values(restored).flat().some((t) => t.includes('We will not let this bridge')), 'toggling on restores them');
    assert.deepEqual(await pageSnapshot(page), before, 'after toggling on');

    // A change in the page is re-analysed without duplicating highlights.
    const count = Object.values(restored).flat().length;
    await page.evaluate(() => document.querySelector('.story-body p')?.append(document.createTextNode(' ')));
    await page.waitForTimeout(900);
    await waitForStatus(page, ['done']);
    assert.equal(Object.values(await highlights(page)).flat().length, count, 'no duplicate highlights after re-analysis');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the hover card and the panel show the speaker', async () => {
    const { page } = await open('news-article.html');
    await page.waitForSelector('quotelight-ui', { state: 'attached' });
    const box = await page.evaluate(() => {
      const text = [...CSS.highlights].find(([name]) => String(name).endsWith('-direct'))?.[1];
      const range = text ? [...text][0] : null;
      const r = range?.getClientRects()[0];
      return r ? { x: r.left + 8, y: r.top + r.height / 2 } : null;
    });
    assert.ok(box);
    await page.mouse.move(box.x, box.y);
    await page.waitForFunction(() => !document.querySelector('quotelight-ui')?.shadowRoot?.querySelector('.card')?.hidden);
    const card = await page.evaluate(() => document.querySelector('quotelight-ui')?.shadowRoot?.querySelector('.card')?.textContent);
    assert.match(card ?? '', /Okafor/);
    assert.match(card ?? '', /Kind: direct quotation/);
    await screenshot(page, 'news-article-hover');
    const pill = page.locator('quotelight-ui .pill');
    await pill.click();
    const panel = await page.locator('quotelight-ui .panel').innerText();
    assert.match(panel, /Who is quoted/);
    assert.match(panel, /Okafor/);
    assert.match(panel, /\d+ quotations?/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('quotelight-ui .panel li button').last().click();
    // The speaker's quotation is marked and scrolled into view.
    await page.waitForFunction(() => {
      const focus = CSS.highlights.get('quotelight-focus');
      const rect = focus ? [...focus][0]?.getBoundingClientRect() : null;
      return rect && rect.top >= 0 && rect.bottom <= window.innerHeight;
    }, null, { timeout: 5000 });
    await screenshot(page, 'news-article-panel');
    await page.close();
  });

  test('the popup lists the speakers and switches the tab off and on', async () => {
    const { page } = await open('news-article.html');
    const id = await tabId(ctx.browser.worker, page);
    const state = await getState(ctx.browser.worker, page);
    const quotations = state.quotes.filter((/** @type {any} */ q) => q.kind === 'direct' || q.kind === 'partial').length;
    const badge = await ctx.browser.worker.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), id);
    assert.equal(badge, String(quotations), 'the badge shows the number of quotations');
    const popup = await ctx.browser.context.newPage();
    await popup.goto(`chrome-extension://${ctx.browser.extensionId}/popup/popup.html?tab=${id}`);
    await popup.waitForSelector('#speakers li');
    const list = await popup.locator('#speakers').innerText();
    assert.match(list, /Okafor/);
    assert.match(list, /Reyes/);
    assert.match(await popup.locator('#status').innerText(), /speakers?, \d+ attributed/);
    assert.equal(await popup.locator('#site').innerText(), '127.0.0.1');
    await popup.locator('#enabled').uncheck();
    await waitForStatus(page, ['off']);
    assert.deepEqual(await highlights(page), {});
    await popup.locator('#enabled').check();
    await waitForStatus(page, ['done']);
    assert.ok(Object.keys(await highlights(page)).length > 0);
    await screenshot(popup, 'popup');
    await popup.close();
    await page.close();
  });

  test('kinds switched off in the settings disappear, and come back', async () => {
    const { page } = await open('news-article.html');
    const hasMention = async () => Object.keys(await highlights(page)).some((n) => n.endsWith('-mention'));
    assert.ok(await hasMention());
    const set = (/** @type {boolean} */ on) => ctx.browser.worker.evaluate(async (value) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, kinds: { ...settings?.kinds, mentions: value } } });
    }, on);
    await set(false);
    await page.waitForFunction(() => ![...CSS.highlights.keys()].some((n) => String(n).endsWith('-mention')));
    await set(true);
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((n) => String(n).endsWith('-mention')));
    await page.close();
  });

  test('“never on this site” keeps it off; a page that is not an article waits to be asked', async () => {
    await ctx.browser.worker.evaluate(() => chrome.storage.local.set({ settings: { sites: { '127.0.0.1': 'never' } } }));
    const { page } = await open('news-article.html', null);
    assert.equal(await waitForState(ctx.browser.worker, page, ['off', 'done', 'idle']), 'off');
    assert.deepEqual(await highlights(page), {});
    assert.deepEqual(await traces(page), [], 'no trace of the extension on the page');
    await ctx.browser.worker.evaluate(() => chrome.storage.local.set({ settings: {} }));
    await page.close();

    const other = await open('not-article.html', null);
    assert.equal(await waitForState(ctx.browser.worker, other.page, ['idle', 'done']), 'idle', 'no article signals: no automatic run');
    assert.deepEqual(await traces(other.page), [], 'no trace of the extension on the page');
    // The toolbar shortcut sends this message (keyboard shortcuts cannot be pressed headless).
    await tabMessage(ctx.browser.worker, other.page, { type: MSG.TOGGLE });
    assert.equal(await waitForStatus(other.page, ['done']), 'done');
    const state = await getState(ctx.browser.worker, other.page);
    assert.ok(quoteWith(state, 'Bring an umbrella'));
    await other.page.close();
  });
});

test('highlights stay readable on a dark page', async () => {
  const { page, errors, status } = await open('dark-article.html');
  assert.equal(status, 'done');
  const state = await getState(ctx.browser.worker, page);
  assert.ok(quoteWith(state, 'bookings say otherwise'));
  await screenshot(page, 'dark-article');
  assert.deepEqual(errors, []);
  await page.close();
});

test('late paragraphs are highlighted when they arrive, once', async () => {
  const { page, errors } = await open('lazy.html');
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 10000 });
  await page.waitForFunction(() => [...CSS.highlights.values()].some((h) => [...h].some((r) => r.toString().includes('We listened'))), null, { timeout: 10000 });
  const state = await getState(ctx.browser.worker, page);
  assert.ok(quoteWith(state, 'Three weeks of this was enough'));
  const texts = state.quotes.map((/** @type {any} */ q) => q.text);
  assert.equal(new Set(texts).size, texts.length, 'no quotation painted twice');
  const painted = Object.values(await highlights(page)).flat().filter((t) => t.startsWith('“'));
  assert.equal(new Set(painted).size, painted.length, 'no range registered twice');
  await report('lazy (fixture)', page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a single-page site that swaps the article: the new story is highlighted, the old one is gone', async () => {
  const { page, errors, status } = await open('spa.html');
  assert.equal(status, 'done');
  const painted = async () => Object.values(await highlights(page)).flat().join('\n');
  assert.match(await painted(), /Families kept telling us/);
  await page.locator('#next').click();
  const deadline = Date.now() + 10000;
  while (!/earned its rest/.test(await painted()) && Date.now() < deadline) await page.waitForTimeout(100);
  const now = await painted();
  assert.match(now, /earned its rest/);
  assert.doesNotMatch(now, /Families kept telling us/);
  const state = await getState(ctx.browser.worker, page);
  assert.equal(lastToken(speakerOf(state, quoteWith(state, 'earned its rest')) ?? ''), 'novak');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a story outside <main>, whose <article> holds teasers: the story is highlighted, the teasers are not', async () => {
  // The article guessed first (the <article> in <main>) is not the one the full search finds:
  // the guess's analysis must give way to the story's.
  const { page, errors, status } = await open('story-outside-main.html');
  assert.equal(status, 'done');
  const state = await getState(ctx.browser.worker, page);
  assert.equal(lastToken(speakerOf(state, quoteWith(state, 'we changed our minds')) ?? ''), lastToken('Ingrid Solberg'));
  assert.equal(lastToken(speakerOf(state, quoteWith(state, 'A frozen fare is not a cheap fare')) ?? ''), lastToken('Aisha Rahman'));
  assert.equal(quoteWith(state, 'Bring a coat'), undefined, 'nothing painted in the teasers');
  const painted = Object.values(await highlights(page)).flat().join('\n');
  assert.match(painted, /we changed our minds/);
  assert.doesNotMatch(painted, /Bring a coat/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('works on a page whose CSP forbids wasm (analysis runs in the worker)', async () => {
  const { page, errors, status } = await open('strict-csp.html');
  assert.equal(status, 'done');
  const state = await getState(ctx.browser.worker, page);
  const q = quoteWith(state, 'We were elected to listen');
  assert.ok(q);
  assert.equal(lastToken(speakerOf(state, q) ?? ''), 'adeyemi');
  await screenshot(page, 'strict-csp');
  await report('strict-csp (fixture)', page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('no request leaves the browser, and the extension fetches nothing from the page’s server', () => {
  assert.deepEqual(ctx.browser.blocked, [], 'no request to anywhere but 127.0.0.1');
  // The browser itself may ask for /favicon.ico.
  const fromServer = ctx.server.requests.filter((p) => !/^\/pages\/[\w.-]+\.(html|css|js)$/.test(p) && p !== '/favicon.ico');
  assert.deepEqual(fromServer, [], 'only the fixture pages and their own files were asked for');
  const foreign = ctx.browser.requests.filter((u) => !u.startsWith(ctx.server.origin) && !u.startsWith(`chrome-extension://${ctx.browser.extensionId}/`));
  assert.deepEqual(foreign, []);
});
