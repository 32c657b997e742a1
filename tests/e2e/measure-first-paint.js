// Measures the extension's first paint on the real pages of ../shared/eval/dev, several times
// each, and prints the medians of its timings (one Chromium at a time, pages opened in turn).
// Not a test: `node tests/e2e/measure-first-paint.js [rounds] [slug filter]` (default 7 rounds).
// By default each round starts a new Chromium, as the test run does (its first pages meet a worker
// whose wasm has just loaded); FIRST_PAINT_WARM=1 keeps one browser for every round.
// FIRST_PAINT_COMPARE=<dir of another unpacked build> alternates the rounds between that build
// and dist/chromium, so that both meet the same load on the machine, and prints both.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_PAGES, EXTENSION, launch, median, recordLongTasks, startServer, timings, waitForStatus } from './helpers.js';

const rounds = Number(process.argv[2] ?? 7);
const only = process.argv[3] ?? '';
const slugs = existsSync(DEV_PAGES)
  ? readdirSync(DEV_PAGES).filter((d) => existsSync(join(DEV_PAGES, d, 'source.html')) && d.includes(only)).sort()
  : [];
if (slugs.length === 0) {
  console.log(`no pages under ${DEV_PAGES}`);
  process.exit(0);
}
const warm = process.env.FIRST_PAINT_WARM === '1';
const builds = [EXTENSION, ...(process.env.FIRST_PAINT_COMPARE ? [process.env.FIRST_PAINT_COMPARE] : [])];

/**
 * The marks of a trace (ms from the content script's start, the worker's converted through
 * performance.timeOrigin), in the order of the critical path, when the build publishes them as
 * `trace` in data-quotelight-timings (an instrumented build; the extension itself does not).
 */
const ORDER = ['article', 'portOpened', 'found', 'extracted', 'csPost', 'wRecv', 'wAnalyzed', 'wPost', 'csRecv',
  'replyAwaited', 'gated', 'model', 'ranges', 'registered', 'painted', 'firstPaint'];

const server = await startServer();
/** @type {Map<string, {browser: Awaited<ReturnType<typeof launch>>|null, results: Map<string, any[]>}>} */
const runs = new Map(builds.map((b) => [b, { browser: null, results: new Map(slugs.map((s) => [s, []])) }]));
let n = 0;
try {
  for (let r = 0; r < rounds; r++) {
    // Each build goes first every other round: the first one of a round met a busier machine.
    for (const build of r % 2 ? [...builds].reverse() : builds) {
      const run = /** @type {any} */ (runs.get(build));
      if (!run.browser || !warm) {
        await run.browser?.close();
        run.browser = null;
        run.browser = await launch({ extensionDir: build });
        await recordLongTasks(run.browser.context);
      }
      for (const slug of slugs) {
        const page = await run.browser.context.newPage();
        await page.goto(`${server.origin}/dev/${slug}/source.html?m=${++n}`, { waitUntil: 'domcontentloaded' });
        await waitForStatus(page, ['done', 'error', 'too-large', 'off']);
        run.results.get(slug).push(await timings(page));
        await page.close();
      }
      if (!warm) {
        await run.browser.close();
        run.browser = null;
      }
    }
  }
} finally {
  for (const run of runs.values()) await run.browser?.close();
  await server.close();
}

for (const [build, run] of runs) {
  console.log(`== ${build} (${warm ? 'one browser' : 'a new browser per round'}, ${rounds} rounds)`);
  const all = [];
  for (const slug of slugs) {
    const list = /** @type {any[]} */ (run.results.get(slug));
    const fp = list.map((t) => t?.firstPaint);
    all.push(median(fp));
    console.log(`${slug}: first paint median ${median(fp).toFixed(1)} ms (runs: ${fp.map((x) => x?.toFixed(0)).join(' ')})`);
    const keys = ['extract', 'find', 'confirm', 'analyze', 'init', 'worker', 'gate', 'roundtrip', 'paint'];
    console.log(`  ${keys.map((k) => `${k} ${median(list.map((t) => t?.[k])).toFixed(1)}`).join(', ')}`);
    if (list[0]?.trace) {
      const steps = ORDER.map((k, i) => `${k} +${median(list.map((t) => (t?.trace?.[k] ?? NaN) - (i ? t?.trace?.[ORDER[i - 1]] ?? NaN : 0))).toFixed(1)}`);
      console.log(`  steps: ${steps.join(', ')}`);
    }
  }
  console.log(`  all pages: max of medians ${Math.max(...all).toFixed(1)}, mean of medians ${(all.reduce((a, b) => a + b, 0) / all.length).toFixed(1)}`);
}
