// The Firefox package in Firefox: installed as a temporary add-on with web-ext, headless. Playwright
// cannot drive Debian's Firefox, so the pages report what the extension published (report.js)
// to the test server. Every connection other than to 127.0.0.1 goes to a dead local proxy.
// Skipped, saying so, where firefox-esr is not installed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer } from './helpers.js';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const skip = !existsSync(FIREFOX) && `no Firefox at ${FIREFOX}`;
if (skip) console.log(`[firefox] skipped: ${skip} (apt-get install firefox-esr)`);

/** Preferences that keep Firefox off the network: only 127.0.0.1 is reached directly. */
const OFFLINE_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.socks': '127.0.0.1',
  'network.proxy.socks_port': 9,
  'network.proxy.socks_remote_dns': true,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'network.dns.disablePrefetch': true,
  'network.trr.mode': 5,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false,
  'app.update.enabled': false,
  'toolkit.telemetry.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
};

/** @type {any} */
let server = null;
/** @type {import('node:child_process').ChildProcess|null} */
let webExt = null;
let profile = '';

before(async () => {
  if (skip) return;
  server = await startServer();
});

after(async () => {
  if (webExt?.pid && webExt.exitCode === null) {
    // web-ext and Firefox run in their own process group: end all of it.
    const exited = new Promise((resolve) => {
      webExt?.once('exit', resolve);
      setTimeout(resolve, 5000);
    });
    try {
      process.kill(-webExt.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await exited;
  }
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('the Firefox package highlights quotations, also on a page whose CSP forbids wasm', { skip, timeout: 120000 }, async () => {
  profile = mkdtempSync(join(tmpdir(), 'quotelight-firefox-'));
  const pages = [`${server.origin}/pages/news-article.html?report=1`, `${server.origin}/pages/news-article.html?report=1&csp=strict`];
  const args = ['web-ext', 'run', '--source-dir', join(ROOT, 'dist/firefox'), `--firefox=${FIREFOX}`, `--firefox-profile=${profile}`,
    '--arg=--headless', '--no-input', '--no-reload', ...pages.flatMap((url) => ['--start-url', url]),
    ...Object.entries(OFFLINE_PREFS).map(([k, v]) => `--pref=${k}=${v}`)];
  let output = '';
  webExt = spawn(process.execPath, [join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), ...args.slice(1)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  webExt.stdout?.on('data', (d) => { output += d; });
  webExt.stderr?.on('data', (d) => { output += d; });
  const deadline = Date.now() + 90000;
  while (server.reports.length < pages.length && Date.now() < deadline && webExt.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.equal(server.reports.length, pages.length, `reports from both pages; web-ext said:\n${output.slice(-2000)}`);
  for (const report of server.reports) {
    console.log(`[firefox] ${report.page}: status ${report.status}, ${report.quotes} quotations painted, ${report.ranges.length} highlights, overlay ${report.overlay}`);
    assert.equal(report.status, 'done');
    const painted = report.ranges.flatMap((/** @type {[string, string[]]} */ [, texts]) => texts);
    assert.ok(painted.includes('“The repairs are overdue by a decade, and everyone in this building knows it,”'), painted.join('\n'));
    assert.equal(report.marks, 0, 'painted with the Highlight API, no wrapping');
    assert.match(report.userAgent, /Firefox/);
  }
});
