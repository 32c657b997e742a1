// The built packages (no browser needed): the wasm budget, least privilege in the manifests,
// and no network API anywhere in the extension's own code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './helpers.js';

const BUDGET = 250 * 1024;
const dist = (/** @type {string} */ p) => join(ROOT, 'dist', p);
const manifest = (/** @type {string} */ browser) => JSON.parse(readFileSync(dist(`${browser}/manifest.json`), 'utf8'));

/**
 * Lists the files under a directory.
 * @param {string} dir
 * @returns {string[]}
 */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('wasm + JS glue fit in 250 KB gzipped', () => {
  const wasm = gzipSync(readFileSync(dist('chromium/pkg/quotelight_bg.wasm')), { level: 9 }).length;
  const glue = gzipSync(readFileSync(dist('chromium/pkg/quotelight.js')), { level: 9 }).length;
  const raw = statSync(dist('chromium/pkg/quotelight_bg.wasm')).size;
  console.log(`[figures] package: wasm ${(raw / 1024).toFixed(1)} KB raw, ${(wasm / 1024).toFixed(1)} KB gzipped; glue ${(glue / 1024).toFixed(1)} KB gzipped; total ${((wasm + glue) / 1024).toFixed(1)} KB gzipped (budget 250 KB)`);
  assert.ok(wasm + glue <= BUDGET, `${wasm + glue} bytes`);
});

test('the manifest asks only for what the features use', () => {
  for (const browser of ['chromium', 'firefox']) {
    const m = manifest(browser);
    assert.equal(m.manifest_version, 3);
    assert.deepEqual([...m.permissions].sort(), ['activeTab', 'scripting', 'storage']);
    assert.equal(m.host_permissions, undefined, 'no host permissions');
    assert.equal(m.optional_permissions, undefined);
    assert.equal(m.web_accessible_resources, undefined, 'nothing exposed to pages: the wasm runs in the worker');
    assert.equal(m.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
    assert.deepEqual(m.content_scripts.map((/** @type {any} */ c) => c.matches), [['http://*/*', 'https://*/*']]);
    assert.equal(m.commands['toggle-highlights'].suggested_key.default, 'Alt+Shift+Q');
    for (const c of m.content_scripts) for (const f of [...c.js, ...c.css]) statSync(dist(`${browser}/${f}`));
  }
  const ff = manifest('firefox');
  assert.ok(ff.browser_specific_settings.gecko.id);
  assert.deepEqual(ff.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
  assert.deepEqual(ff.background.scripts, ['background/worker.js']);
  assert.equal(ff.background.service_worker, undefined);
});

test('the extension’s code has no way to send page content anywhere', () => {
  const NETWORK = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|importScripts)\s*\(|new\s+(WebSocket|EventSource|XMLHttpRequest|Worker)\b|\.src\s*=|\bimport\(\s*[^'"]/;
  const offenders = [];
  for (const file of files(dist('chromium')).filter((f) => f.endsWith('.js'))) {
    const rel = relative(dist('chromium'), file);
    const text = readFileSync(file, 'utf8');
    // The wasm-bindgen glue fetches the .wasm from the URL it is given: the worker gives it the
    // extension's own file (chrome.runtime.getURL), checked in the next assertion.
    if (rel === 'pkg/quotelight.js') continue;
    if (NETWORK.test(text)) offenders.push(rel);
  }
  assert.deepEqual(offenders, []);
  const worker = readFileSync(dist('chromium/background/worker.js'), 'utf8');
  assert.match(worker, /init\(\{ module_or_path: chromeApi\.getURL\('pkg\/quotelight_bg\.wasm'\) \}\)/);
});

test('the zip files hold the packages', () => {
  for (const browser of ['chromium', 'firefox']) {
    const zip = readFileSync(dist(`quotelight-${browser}.zip`));
    assert.equal(zip.readUInt32LE(0), 0x04034b50, 'a zip file');
    assert.ok(zip.includes(Buffer.from('manifest.json')), 'with manifest.json');
  }
});
