// Loads a pkg/ directory in node and analyses one sentence: exits non-zero if the wasm does not
// instantiate or answer. build.sh uses it to reject a wasm-opt output that breaks the module
// (older binaryen releases mangle the externref table of current wasm-bindgen).
// Usage: node extension/tools/check-wasm.js PKG_DIR
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? 'pkg');
const glue = await import(pathToFileURL(`${dir}/quotelight.js`).href);
await glue.default({ module_or_path: readFileSync(`${dir}/quotelight_bg.wasm`) });
const analysis = new glue.Analyzer().analyze('“We will open on time, 😊,” said Mayor Helen Okafor.');
if (!Array.isArray(analysis?.quotes) || analysis.quotes.length === 0) throw new Error('the analyser found nothing');
