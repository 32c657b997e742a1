// The background worker: runs the wasm analyser for content scripts (the page's CSP does not
// apply here, unlike in a content script), keeps the toolbar badge, and handles the shortcut.
// It makes no network request: the wasm is read from the extension's own package.
import '../shared/messages.js';
import '../shared/errors.js';
import '../shared/chrome-api.js';
import '../shared/settings.js';
import init, { Analyzer } from '../pkg/quotelight.js';

const { MSG, PORT, message, isMessage } = globalThis.quotelight.messages;
const { chromeApi, errors, settings } = globalThis.quotelight;

/** @type {Promise<any>|null} the analyser, created once per worker lifetime */
let analyzerPromise = null;

/**
 * The stored settings (the value under `settings`, null when there is none), read when the
 * worker starts and kept up to date, or null when they could not be read. Analyses are answered
 * with them: a page learns whether it may paint from its first analysis, without reading storage
 * first (the first read after the browser starts is the slowest).
 * @type {Promise<{value: any}|null>}
 */
let storedSettings = readStoredSettings();

/**
 * Reads the stored settings (see storedSettings).
 * @returns {Promise<{value: any}|null>}
 */
function readStoredSettings() {
  return chromeApi.storageGet('settings').then((items) => ({ value: items?.settings ?? null }), () => null);
}

/**
 * Returns the analyser, loading the wasm on first use.
 * @returns {Promise<any>}
 */
function analyzer() {
  analyzerPromise ??= init({ module_or_path: chromeApi.getURL('pkg/quotelight_bg.wasm') })
    .then(() => new Analyzer())
    .catch((error) => {
      analyzerPromise = null; // let the next request try again
      throw error;
    });
  return analyzerPromise;
}

/**
 * Analyses text for a content script.
 * @param {unknown} text
 * @returns {Promise<{ok: true, analysis: any, analyzeMs: number, initMs: number, workerMs: number, settings?: any}|{ok: false, error: string}>}
 *   analyzeMs: inside wasm; initMs: waiting for the analyser to load (0 once it is warm);
 *   workerMs: from the request's arrival to the reply (the rest of the round trip is messaging);
 *   settings: the stored settings (see storedSettings), absent when they could not be read
 */
async function analyze(text) {
  if (typeof text !== 'string') return { ok: false, error: 'text must be a string' };
  try {
    const tIn = performance.now();
    const a = await analyzer();
    const initMs = performance.now() - tIn;
    // Read after init: the getter calls into the wasm.
    const limit = Math.min(settings.MAX_TEXT_LENGTH, Analyzer.maxInputLength ?? Infinity);
    if (text.length > limit) return { ok: false, error: `text too large (${text.length} > ${limit})` };
    const t0 = performance.now();
    const analysis = a.analyze(text);
    const t1 = performance.now();
    const known = await storedSettings;
    if (!known) storedSettings = readStoredSettings(); // for the next request; the page reads them itself
    return { ok: true, analysis, analyzeMs: t1 - t0, initMs, workerMs: t1 - tIn, ...(known ? { settings: known.value } : {}) };
  } catch (error) {
    return { ok: false, error: errors.errorMessage(error) };
  }
}

/**
 * Shows the number of quotations on the tab's toolbar button.
 * @param {number|undefined} tabId
 * @param {any} msg
 */
function updateBadge(tabId, msg) {
  if (tabId === undefined) return;
  const text = msg.status === 'done' && msg.count > 0 ? String(Math.min(msg.count, 999)) : msg.status === 'too-large' ? '!' : '';
  chromeApi.setBadge(tabId, text).catch(() => {
    // The tab may be gone; the badge went with it.
  });
}

/** Sets up the listeners; called once when the worker starts. */
export function start() {
  chromeApi.onStorageChanged((changes) => {
    if (changes.settings) storedSettings = Promise.resolve({ value: changes.settings.newValue ?? null });
  });
  chromeApi.onMessage((msg, sender) => {
    if (isMessage(msg, MSG.ANALYZE)) return analyze(msg.text);
    if (isMessage(msg, MSG.STATUS)) {
      updateBadge(sender?.tab?.id, msg);
      return { ok: true };
    }
    return undefined;
  });
  // A content script opens this port as soon as it has found an article; loading the wasm (when
  // the worker has just woken) then overlaps with its reading of the page.
  chromeApi.onRequestPort(PORT.ANALYZE, (msg) => (isMessage(msg, MSG.ANALYZE) ? analyze(msg.text) : { ok: false, error: 'unknown request' }), () => {
    analyzer().catch(() => {
      // Retried by the request itself, which reports the error.
    });
  });
  chromeApi.onCommand((command, tab) => {
    if (command !== 'toggle-highlights') return;
    (async () => {
      const target = tab ?? (await chromeApi.activeTab());
      if (target?.id !== undefined) await chromeApi.sendToTabOrInject(target.id, message(MSG.TOGGLE));
    })().catch((error) => {
      if (!errors.isIgnored(error)) console.warn('quotelight: shortcut failed:', errors.errorMessage(error));
    });
  });
}

/**
 * An article in news style that passes through every stage and most rules (quotations before
 * and after their speakers, colons, dashes, appositives, relative clauses, reported speech,
 * "according to", "was quoted by … as saying", organisations, an anonymous source, pronouns, a
 * quotation over two paragraphs, scare quotes and titles, straight and single marks, apostrophes,
 * abbreviations, non-ASCII names): analysing it compiles the code paths a real page needs.
 */
const WARM_UP_TEXT = [
  'City council approves new bus lanes after months of debate',
  'Transport commissioner Maria Okafor said on Tuesday that the lanes would open in March. “We have waited long enough,” she said.',
  '“This is a fair deal for riders,” said Council President Tom Reyes, a former bus driver. According to city figures, delays fell by a third.',
  'Shop owners were less sure. Dana Lee, who runs a bakery on Main Street, told reporters the plan was “rushed”: “Nobody asked us.',
  '“We will fight it,” Ms Lee added.',
  'The Department of Transportation said in a statement that it “remains committed to safer streets” and would publish the data in Jan. 2025. '
    + 'A spokesman for the agency, José Martínez, declined to comment further.',
  'Mr. Reyes, 58, was quoted by the Daily Ledger as saying the lanes were “long overdue.” He told the paper’s editorial board he didn’t '
    + 'expect the ’90s-era depot on O’Brien Avenue to close.',
  '“If the numbers hold up, we’ll extend the program,” Dr. Zoë Adebayo, the city’s chief operating officer, said in an interview. '
    + '“But we’re not there yet.” She added that the U.S. Department of Transportation had offered $12.5 million.',
  'Critics called the plan a “war on drivers.” An official who spoke on condition of anonymity said the mayor’s office had pushed for a '
    + 'quick vote. “They wanted it done before the summer,” the official said.',
  '“Safety first,” read one sign at the rally, where residents sang ‘We Shall Overcome’ and chanted "Buses, not cars!"',
  'Union leaders said they would support the measure, and the Riders Alliance, a nonprofit advocacy group, praised the vote. Its '
    + 'director, Sam Whitfield, wrote on social media: “A good day for everyone who takes the bus.”',
  'Asked whether the lanes would slow deliveries, Okafor said: “No. Our models show the opposite — trucks will move faster, too.”',
].join('\n\n');

/**
 * Times the warm-up text is analysed after the wasm loads. Functions start in the baseline
 * tier and are optimised only once they have run enough; two runs left the first pages after a
 * browser start analysing several times slower than later ones.
 */
const WARM_UP_RUNS = 40;

/**
 * The warm-up text six times over, as long as a long article, analysed a few times after the
 * short runs: some of the work grows with the text (speakers, their mentions, repeated words),
 * and short texts alone left a long page several times slower than later ones.
 */
const LONG_WARM_UP_TEXT = Array(6).fill(WARM_UP_TEXT).join('\n\n');
const LONG_WARM_UP_RUNS = 5;

/**
 * Analyses the warm-up texts, one run per task, so that a request arriving meanwhile waits for
 * one run (a few milliseconds) at most, never for the whole warm-up.
 * @param {any} a the analyser
 * @param {string[]} texts the runs left
 */
function warmUp(a, texts) {
  if (texts.length === 0) return;
  setTimeout(() => {
    try {
      a.analyze(texts[0]);
    } catch {
      return; // a broken analyser reports its error on the next real request
    }
    warmUp(a, texts.slice(1));
  }, 0);
}

start();
// Loads the analyser now, so that the first page does not wait for it, then warms it up after
// any request already waiting for it.
analyzer().then((a) => warmUp(a, [...Array(WARM_UP_RUNS).fill(WARM_UP_TEXT), ...Array(LONG_WARM_UP_RUNS).fill(LONG_WARM_UP_TEXT)]), () => {
  // Retried on the first real request; its error is reported there.
});
