// The keyboard shortcut (Alt+Shift+Q, commands API). Headless Chromium does not deliver extension
// shortcuts from synthetic key presses, so this test opens a real window on a virtual X server
// (Xvfb) and presses the keys with xdotool; it is skipped, saying so, where those are missing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { highlights, launch, startServer, waitForStatus } from './helpers.js';

const which = (/** @type {string} */ cmd) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const missing = ['Xvfb', 'xdotool'].filter((cmd) => !which(cmd));
if (missing.length) console.log(`[shortcut] skipped: ${missing.join(' and ')} not installed (scripts/setup.sh --test installs them)`);

/** @type {import('node:child_process').ChildProcess|null} */
let xvfb = null;
const display = `:${90 + (process.pid % 900)}`;
/** @type {any} */
let server = null;
/** @type {any} */
let browser = null;

before(async () => {
  if (missing.length) return;
  xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const socket = `/tmp/.X11-unix/X${display.slice(1)}`;
  for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  server = await startServer();
  browser = await launch({ headless: false, env: { DISPLAY: display } });
});

after(async () => {
  await browser?.close();
  await server?.close();
  xvfb?.kill();
});

/** Presses the extension's shortcut in the browser window, as a person would. */
function pressShortcut() {
  const env = { ...process.env, DISPLAY: display };
  execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--class', 'chromium', 'windowfocus', '--sync'], { env, timeout: 10000 });
  execFileSync('xdotool', ['key', '--clearmodifiers', 'alt+shift+q'], { env, timeout: 10000 });
}

test('Alt+Shift+Q switches the highlights off and on', { skip: missing.length > 0 && `needs ${missing.join(', ')}` }, async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/pages/news-article.html`);
  assert.equal(await waitForStatus(page), 'done');
  await page.bringToFront();
  pressShortcut();
  assert.equal(await waitForStatus(page, ['off'], 10000), 'off');
  assert.deepEqual(await highlights(page), {});
  pressShortcut();
  assert.equal(await waitForStatus(page, ['done'], 10000), 'done');
  assert.ok(Object.keys(await highlights(page)).length > 0);
  await page.close();
});
