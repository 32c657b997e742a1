// The real news pages of the evaluation set (../shared/eval/dev/*/source.html, outside the
// repository), loaded from 127.0.0.1 with every other request blocked. For each page: at least
// 90% of its gold direct and partial quotations are highlighted with the right speaker (the rule
// of eval/score.py), the page's text is unchanged, and the figures are printed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEV_PAGES, MSG, collectErrors, content, getState, highlights, lastToken, longestTask, median, pageSnapshot, screenshot, tabMessage, timings, waitForState, waitForStatus, withExtension,
} from './helpers.js';

/** Share of gold quotations that must be right on each page (QUOTELIGHT_GOLD_MIN overrides it). */
const MIN_RATE = Number(process.env.QUOTELIGHT_GOLD_MIN ?? 0.9);
/**
 * Loads of each page whose first paint is printed as a median besides the first load's: one
 * load's timing on a shared machine is noise as much as figure (QUOTELIGHT_PAINT_LOADS overrides it).
 */
const PAINT_LOADS = Number(process.env.QUOTELIGHT_PAINT_LOADS ?? 5);
const PRONOUNS = new Set(('i me my we us our you your he him his she her it its they them their who whom whose which that '
  + 'this these those one some many others all both').split(' '));

const slugs = existsSync(DEV_PAGES)
  ? readdirSync(DEV_PAGES).filter((d) => existsSync(join(DEV_PAGES, d, 'source.html')) && existsSync(join(DEV_PAGES, d, 'gold.json'))).sort()
  : [];
if (slugs.length === 0) console.log(`[real pages] skipped: no pages with source.html and gold.json under ${DEV_PAGES}`);

/**
 * Whether a predicted span (content string) holds at least half of a gold segment's characters,
 * as score.py counts them: the overlap of two spans of one text is a prefix or suffix of one of them.
 * @param {string} g gold content
 * @param {string} p predicted content
 * @returns {boolean}
 */
export function covers(g, p) {
  if (!g || !p) return false;
  if (p.includes(g)) return true;
  if (g.includes(p)) return p.length * 2 >= g.length;
  const half = Math.ceil(g.length / 2);
  for (let k = g.length - 1; k >= half; k--) {
    if (p.startsWith(g.slice(g.length - k)) || p.endsWith(g.slice(0, k))) return true;
  }
  return false;
}

/**
 * Whether the predicted speaker is the gold one (score.py `attributed`).
 * @param {any} gold
 * @param {any} gq gold quotation
 * @param {any} speaker predicted speaker, with mentions, or null
 * @returns {boolean}
 */
function attributed(gold, gq, speaker) {
  if (gq.speaker === null) return speaker === null;
  if (!speaker) return false;
  const entry = gold.speakers.find((/** @type {any} */ s) => s.name === gq.speaker);
  const want = new Set([gq.speaker, ...(entry?.aliases ?? [])].map(lastToken).filter(Boolean));
  const got = new Set([speaker.name, ...(speaker.mentions ?? [])].map(lastToken).filter(Boolean));
  if ([...got].some((t) => want.has(t))) return true;
  if ('source_span' in gq) {
    const head = gq.speaker.split(',')[0];
    return !PRONOUNS.has(head.toLowerCase()) && lastToken(speaker.name) === lastToken(head) && lastToken(head) !== '';
  }
  return false;
}

describe('real news pages', { skip: slugs.length === 0 && 'no ../shared/eval/dev' }, () => {
  const ctx = withExtension({ before, after });

  for (const slug of slugs) {
    test(slug, async () => {
      const gold = JSON.parse(readFileSync(join(DEV_PAGES, slug, 'gold.json'), 'utf8'));
      const page = await ctx.browser.context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${ctx.server.origin}/dev/${slug}/source.html`, { waitUntil: 'domcontentloaded' });
      const before = await pageSnapshot(page);
      let status = await waitForState(ctx.browser.worker, page, ['done', 'idle', 'error', 'too-large', 'off']);
      const auto = status === 'done';
      if (status === 'idle') {
        await tabMessage(ctx.browser.worker, page, { type: MSG.SET_ENABLED, enabled: true });
        status = await waitForStatus(page);
      }
      assert.equal(status, 'done');
      const state = await getState(ctx.browser.worker, page);
      const byId = new Map(state.speakers.map((/** @type {any} */ s) => [s.id, s]));
      const predicted = state.quotes.filter((/** @type {any} */ q) => q.kind === 'direct' || q.kind === 'partial')
        .map((/** @type {any} */ q) => ({ ...q, content: content(q.text) }));
      const wanted = gold.quotes.filter((/** @type {any} */ q) => q.kind === 'direct' || q.kind === 'partial');
      let right = 0;
      const misses = [];
      for (const gq of wanted) {
        const g = content(gq.text);
        const hits = predicted.filter((/** @type {any} */ p) => covers(g, p.content));
        if (hits.some((/** @type {any} */ p) => attributed(gold, gq, p.speaker === null ? null : byId.get(p.speaker) ?? null))) right++;
        else misses.push(`${hits.length ? 'wrong speaker' : 'not highlighted'}: “${gq.text.slice(0, 50)}” (${gq.speaker})`);
      }
      // The painted ranges are what the state says.
      const painted = new Set(Object.values(await highlights(page)).flat());
      for (const p of predicted) assert.ok(painted.has(p.text.trim()) || [...painted].some((t) => content(t) === p.content), `painted: ${p.text.slice(0, 40)}`);
      const t = await timings(page);
      const longest = await longestTask(page);
      const rate = wanted.length ? right / wanted.length : 1;
      console.log(`[figures] ${slug}: ${right}/${wanted.length} gold quotations highlighted with the right speaker (${(rate * 100).toFixed(0)}%); `
        + `${auto ? 'ran by itself' : 'switched on'}; first paint ${t.firstPaint?.toFixed(1)} ms after content-script start; `
        + `extract ${t.extract.toFixed(1)} ms (finding the article ${t.find.toFixed(1)} ms), wasm analyze ${t.analyze.toFixed(2)} ms, `
        + `round trip ${t.roundtrip.toFixed(1)} ms (of which in the worker ${t.worker.toFixed(1)} ms, waiting for the wasm to load ${t.init.toFixed(1)} ms, `
        + `confirming the article meanwhile ${t.confirm?.toFixed(1)} ms, `
        + `waiting for the settings ${t.gate.toFixed(1)} ms), paint ${t.paint.toFixed(1)} ms; `
        + `longest task during the run ${longest.during.toFixed(0)} ms (page overall ${longest.overall.toFixed(0)} ms)`);
      for (const m of misses) console.log(`[figures]   ${slug} ${m}`);
      await screenshot(page, `dev-${slug}`);
      const after = await pageSnapshot(page);
      assert.equal(after.text, before.text, 'the page’s text is unchanged');
      // A second picture at the first quotation (pages without their own CSS start with menus).
      await page.evaluate(() => {
        const h = [...CSS.highlights].find(([n]) => String(n).endsWith('-direct'))?.[1];
        const range = h ? [...h][0] : null;
        range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      });
      await screenshot(page, `dev-${slug}-quote`);
      assert.deepEqual(errors.filter((e) => /quotelight|chrome-extension:/i.test(e)), [], 'no console error from the extension');
      assert.ok(rate >= MIN_RATE, `${slug}: ${right}/${wanted.length} right, below ${MIN_RATE * 100}%:\n${misses.join('\n')}`);
      await page.close();
      // The same page loaded again in new tabs: the first paint as a median, and every load's.
      const paints = [t.firstPaint];
      for (let n = 1; n < PAINT_LOADS; n++) {
        const again = await ctx.browser.context.newPage();
        await again.goto(`${ctx.server.origin}/dev/${slug}/source.html?load=${n}`, { waitUntil: 'domcontentloaded' });
        if (await waitForStatus(again, ['done', 'idle', 'error', 'too-large', 'off']) === 'done') paints.push((await timings(again))?.firstPaint);
        await again.close();
      }
      const done = paints.filter((x) => typeof x === 'number');
      console.log(`[figures] ${slug}: first paint over ${done.length} loads: median ${median(done).toFixed(1)} ms, `
        + `max ${Math.max(...done).toFixed(1)} ms (runs: ${paints.map((x) => x?.toFixed(1)).join(' ')})`);
    });
  }

  test('nothing was fetched by the extension', () => {
    const foreign = ctx.browser.requests.filter((u) => u.startsWith('chrome-extension://') && !u.startsWith(`chrome-extension://${ctx.browser.extensionId}/`));
    assert.deepEqual(foreign, []);
    // Requests the pages themselves try to make are blocked (and counted), none are the extension's.
    console.log(`[real pages] requests blocked (made by the pages' own markup): ${ctx.browser.blocked.length}`);
  });
});
