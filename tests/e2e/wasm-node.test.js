// The wasm API as JavaScript calls it, under node: strings that JavaScript can hold but UTF-8
// cannot (lone surrogates, which wasm-bindgen replaces with U+FFFD one unit for one) still give
// offsets that index the caller's own string exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.js';

const glue = await import(pathToFileURL(join(ROOT, 'pkg', 'quotelight.js')).href);
await glue.default({ module_or_path: readFileSync(join(ROOT, 'pkg', 'quotelight_bg.wasm')) });

/**
 * Replaces lone surrogates as wasm-bindgen does on the way in.
 * @param {string} s
 * @returns {string}
 */
const wellFormed = (s) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

test('offsets index the original string even with lone surrogates', () => {
  const analyzer = new glue.Analyzer();
  const text = '\uD800 “We will \uDC00 not back down,” Chinese foreign minister Wang Yi said. 😊 \uDBFF\n\n'
    + 'Mr Wang said the talks were “constructive” \uD83D and “useful”.';
  const analysis = analyzer.analyze(text);
  assert.ok(analysis.quotes.length >= 3);
  for (const q of analysis.quotes) {
    const slice = text.slice(q.start, q.end);
    assert.equal(slice.length, q.text.length);
    assert.equal(wellFormed(slice), q.text);
  }
  assert.equal(analysis.speakers[analysis.quotes[0].speaker].name, 'Wang Yi');
  assert.ok(analyzer.lastAnalyzeMs >= 0);
});

test('text above the limit is refused with an Error, not a crash', () => {
  const analyzer = new glue.Analyzer();
  assert.throws(() => analyzer.analyze('a'.repeat(glue.Analyzer.maxInputLength + 1)), /input too large/);
  // The analyzer still works afterwards.
  assert.equal(analyzer.analyze('“Yes, we will,” she said.').quotes.length, 1);
});

test('hostile text comes back as plain data', () => {
  const analyzer = new glue.Analyzer();
  const text = '“<img src=x onerror=alert(1)> is not <script>alert(2)</script> html,” said Dr. Eve <b>Mallory</b>.';
  const analysis = analyzer.analyze(text);
  assert.equal(analysis.quotes[0].text, text.slice(analysis.quotes[0].start, analysis.quotes[0].end));
  assert.equal(typeof analysis.quotes[0].text, 'string');
});
