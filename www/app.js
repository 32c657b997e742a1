// The demo page: the extension's page code (shared/*.js) on an article typed or pasted here,
// with the analyser running in this page. `?wrap=1` forces the wrapping fallback that browsers
// without the CSS Custom Highlight API get.
import init, { Analyzer, version } from './pkg/quotelight.js';

const ns = globalThis.quotelight;
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));

/** The demo's size limit: the extension's, or the analyser's own if lower. */
let maxLength = ns.settings.MAX_TEXT_LENGTH;
/** @type {any} */
let analyzer = null;
/** @type {any} the last analysis and the text it was made on, for the export */
let last = null;

/**
 * Shows a status line.
 * @param {string} text
 * @param {boolean} [problem]
 */
function status(text, problem = false) {
  $('status').textContent = text;
  $('status').classList.toggle('problem', problem);
}

/**
 * Lays the text out as paragraphs (one per line, as the analyser reads it); text only, no markup.
 * @param {string} text
 */
function render(text) {
  const paragraphs = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  $('article').replaceChildren(...paragraphs.map((line) => {
    const p = document.createElement('p');
    p.textContent = line;
    return p;
  }));
}

const controller = ns.page.createController({
  doc: document,
  maxLength,
  roots: () => [$('article')],
  wrap: new URLSearchParams(location.search).get('wrap') === '1',
  analyze: async (/** @type {string} */ text) => {
    const t0 = performance.now();
    const analysis = analyzer.analyze(text);
    const analyzeMs = performance.now() - t0;
    last = { text, analysis };
    return { analysis, analyzeMs };
  },
});

/** Test hook: the last run's result, read by tests/e2e/www.test.js. */
const demo = { result: /** @type {any} */ (null), controller };
Object.defineProperty(globalThis, 'quotelightDemo', { value: demo });

/**
 * Shows a text and its quotations.
 * @param {string} text
 */
async function show(text) {
  if (text.length > maxLength) {
    status(`This text is too long (${text.length.toLocaleString()} characters; the limit is ${maxLength.toLocaleString()}).`, true);
    return;
  }
  controller.clear();
  render(text);
  const result = await controller.run();
  demo.result = result;
  $('export').disabled = result.status !== 'done';
  if (result.status === 'done') {
    const model = controller.model;
    const quotes = model.quotes.filter((/** @type {any} */ q) => q.kind === 'direct' || q.kind === 'partial').length;
    status(`${quotes} quotations, ${model.speakers.length} speakers · analysed in ${result.timings.analyze.toFixed(1)} ms`);
  } else if (result.status === 'error') {
    status(`Could not analyse this text: ${result.error}`, true);
  } else if (result.status === 'too-large') {
    status(`This text is too long (limit ${maxLength.toLocaleString()} characters).`, true);
  }
  document.documentElement.dataset.quotelightStatus = result.status;
}

function exportJson() {
  if (!last) return;
  const blob = new Blob([JSON.stringify({ text: last.text, ...last.analysis }, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'quotelight-analysis.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function main() {
  status('Loading the analyser…');
  await init({ module_or_path: new URL('./pkg/quotelight_bg.wasm', import.meta.url) });
  analyzer = new Analyzer();
  maxLength = Math.min(maxLength, Analyzer.maxInputLength ?? Infinity);
  $('version').textContent = typeof version === 'function' ? version() : '';
  const kinds = { ...ns.settings.DEFAULT_KINDS };
  for (const box of document.querySelectorAll('input[data-kind]')) {
    const input = /** @type {HTMLInputElement} */ (box);
    const kind = input.dataset.kind ?? '';
    input.checked = Boolean(/** @type {any} */ (kinds)[kind]);
    input.addEventListener('change', () => {
      /** @type {any} */ (kinds)[kind] = input.checked;
      controller.setKinds(kinds);
    });
  }
  controller.setKinds(kinds);
  const sample = await (await fetch('sample-article.txt')).text();
  $('input').value = sample;
  $('analyse').addEventListener('click', () => show($('input').value));
  $('sample').addEventListener('click', () => {
    $('input').value = sample;
    show(sample);
  });
  $('export').addEventListener('click', exportJson);
  await show(sample);
  controller.setPanelOpen(true);
}

main().catch((error) => {
  status(`The analyser could not start: ${ns.errors.errorMessage(error)}`, true);
  document.documentElement.dataset.quotelightStatus = 'error';
});
