// Lays out the loadable extension packages and the demo site from the sources and pkg/:
//   dist/chromium/  load unpacked in Chromium (manifest.json as written)
//   dist/firefox/   the same files with a Firefox manifest (background scripts, gecko id)
//   dist/www/       the demo page with the shared page code and pkg/
// Usage (from the repository root, after the wasm build): node extension/tools/package.js
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const DIST = 'dist';
const PKG_FILES = ['quotelight.js', 'quotelight_bg.wasm'];

/** The Firefox add-on id; fixed so that stored settings survive updates. */
const GECKO_ID = '{6f1c3a52-8e7b-4d0a-9a35-2f4b7c1d9e60}';

/**
 * Returns the Firefox manifest made from the Chromium one.
 * @param {any} manifest
 * @returns {any}
 */
export function firefoxManifest(manifest) {
  const out = structuredClone(manifest);
  delete out.minimum_chrome_version;
  // Firefox runs MV3 backgrounds as event pages: scripts, not a service worker.
  out.background = { scripts: [manifest.background.service_worker], type: 'module' };
  out.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      // 142: the first release that supports every key used here (data_collection_permissions).
      strict_min_version: '142.0',
      // Nothing is collected or transmitted.
      data_collection_permissions: { required: ['none'] },
    },
  };
  return out;
}

/**
 * Copies the files every package needs into a directory.
 * @param {string} dir
 */
function copyCommon(dir) {
  mkdirSync(join(dir, 'pkg'), { recursive: true });
  for (const f of PKG_FILES) cpSync(join('pkg', f), join(dir, 'pkg', f));
  cpSync('extension/shared', join(dir, 'shared'), { recursive: true });
}

/**
 * Writes one extension package.
 * @param {string} dir
 * @param {any} manifest
 */
function writeExtension(dir, manifest) {
  rmSync(dir, { recursive: true, force: true });
  copyCommon(dir);
  for (const sub of ['background', 'popup', 'content']) {
    cpSync(join('extension', sub), join(dir, sub), { recursive: true });
  }
  execFileSync('node', ['extension/tools/gen-css.js', join(dir, 'content', 'highlights.css')]);
  execFileSync('node', ['extension/tools/make-icons.js', join(dir, 'icons')]);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

function writeWww() {
  const dir = join(DIST, 'www');
  rmSync(dir, { recursive: true, force: true });
  copyCommon(dir);
  cpSync('www', dir, { recursive: true });
  execFileSync('node', ['extension/tools/gen-css.js', join(dir, 'highlights.css')]);
  execFileSync('node', ['extension/tools/make-icons.js', join(dir, 'icons')]);
}

function main() {
  for (const f of PKG_FILES) {
    if (!existsSync(join('pkg', f))) throw new Error(`pkg/${f} is missing: build the wasm first (scripts/build.sh)`);
  }
  const manifest = JSON.parse(readFileSync('extension/manifest.json', 'utf8'));
  writeExtension(join(DIST, 'chromium'), manifest);
  writeExtension(join(DIST, 'firefox'), firefoxManifest(manifest));
  writeWww();
}

main();
