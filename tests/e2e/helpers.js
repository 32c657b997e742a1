// Shared machinery of the browser tests: a static server on 127.0.0.1, Chromium with the
// unpacked extension, a network guard, and readers for the state the extension publishes.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION = join(ROOT, 'dist/chromium');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
/** The real pages with gold keys, outside the repository; absent in some checkouts. */
export const DEV_PAGES = resolve(ROOT, '../shared/eval/dev');

/** Message types, as in extension/shared/messages.js (tests speak the same protocol). */
export const MSG = { GET_STATE: 'ui-cs-get-state', SET_ENABLED: 'ui-cs-set-enabled', TOGGLE: 'bg-cs-toggle', FOCUS_SPEAKER: 'ui-cs-focus-speaker' };

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/** Mounts of the test server: URL prefix → directory. */
const MOUNTS = [['/pages/', join(ROOT, 'tests/pages')], ['/www/', join(ROOT, 'dist/www')], ['/dev/', DEV_PAGES]];

/**
 * Starts the static server on 127.0.0.1 (a free port). Pages named `strict-csp*.html`, and any
 * page asked for with `?csp=strict`, are served with `Content-Security-Policy: script-src 'self'`,
 * which forbids wasm in the page. `?report=1` adds tests/pages/report.js to an HTML page.
 * Pages can POST a JSON report to /report (collected in `reports`).
 * @returns {Promise<{origin: string, requests: string[], reports: any[], close: () => Promise<void>}>}
 */
export async function startServer() {
  /** @type {string[]} every path asked for, so tests can check who fetched what */
  const requests = [];
  /** @type {any[]} what pages posted to /report (tests/pages/report.js) */
  const reports = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    requests.push(path);
    if (req.method === 'POST' && path === '/report') {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        try {
          reports.push(JSON.parse(body));
        } catch {
          reports.push({ invalid: body });
        }
        res.writeHead(204).end();
      });
      return;
    }
    const mount = MOUNTS.find(([prefix]) => path.startsWith(prefix));
    const file = mount ? normalize(join(mount[1], path.slice(mount[0].length))) : '';
    if (!mount || !file.startsWith(mount[1] + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    /** @type {Record<string, string>} */
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (/\/strict-csp[^/]*\.html$/.test(path) || url.searchParams.get('csp') === 'strict') {
      headers['content-security-policy'] = "script-src 'self'";
    }
    let body = readFileSync(file);
    if (url.searchParams.get('report') === '1' && extname(file) === '.html') {
      // For browsers the tests cannot drive: the page reports the extension's state itself.
      body = Buffer.from(body.toString('utf8').replace('</head>', '<script src="/pages/report.js" defer></script></head>'));
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    reports,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}

/**
 * Launches Chromium with the extension and a network guard: every request that is not to
 * 127.0.0.1 or to the extension itself is aborted and recorded.
 * @param {{extension?: boolean, extensionDir?: string, headless?: boolean, env?: Record<string, string>}} [options]
 *   extension: false for the demo page alone; extensionDir: another unpacked build than
 *   dist/chromium (to compare two builds); headless: false with env.DISPLAY for a real window
 * @returns {Promise<{context: import('playwright-core').BrowserContext, extensionId: string|null,
 *   worker: import('playwright-core').Worker|null, blocked: string[], requests: string[], close: () => Promise<void>}>}
 */
export async function launch(options = {}) {
  const withExtension = options.extension !== false;
  const extension = options.extensionDir ?? EXTENSION;
  if (withExtension && !existsSync(join(extension, 'manifest.json'))) throw new Error(`${extension} is missing: run scripts/build.sh`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'quotelight-e2e-'));
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
  if (withExtension) args.unshift(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  // Report requests made by the extension's service worker too.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    args,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    viewport: { width: 1100, height: 900 },
  });
  /** @type {string[]} */
  const blocked = [];
  /** @type {string[]} */
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || ['data:', 'blob:', 'chrome-extension:'].includes(url.protocol)) return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  let worker = null;
  let extensionId = null;
  if (withExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    worker,
    blocked,
    requests,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts collecting a page's console errors and uncaught exceptions.
 * @param {import('playwright-core').Page} page
 * @returns {string[]}
 */
export function collectErrors(page) {
  /** @type {string[]} */
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`${msg.type()}: ${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/**
 * Waits until the content script has settled (done, off, idle, too-large or error).
 * @param {import('playwright-core').Page} page
 * @param {string[]} [statuses]
 * @param {number} [timeout]
 * @returns {Promise<string>} the status
 */
export async function waitForStatus(page, statuses = ['done', 'too-large', 'error', 'off'], timeout = 20000) {
  // Polled from here rather than with waitForFunction, whose page-side helpers a hostile page
  // can break (it may replace MutationObserver or JSON).
  const deadline = Date.now() + timeout;
  for (;;) {
    const status = await page.evaluate(() => document.documentElement.getAttribute('data-quotelight-status'));
    if (status && statuses.includes(status)) return status;
    if (Date.now() > deadline) throw new Error(`status ${status} after ${timeout} ms, waiting for ${statuses.join('|')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the content script's own state (asked through the worker, as the popup does) has
 * one of the given statuses: for pages where it does not run, which carry no attribute.
 * @param {import('playwright-core').Worker} worker
 * @param {import('playwright-core').Page} page
 * @param {string[]} statuses
 * @param {number} [timeout]
 * @returns {Promise<string>}
 */
export async function waitForState(worker, page, statuses, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    // Null while the content script is not there yet.
    const status = await tabMessage(worker, page, { type: MSG.GET_STATE }).then((s) => s?.status, () => null);
    if (status && statuses.includes(status)) return status;
    if (Date.now() > deadline) throw new Error(`state ${status} after ${timeout} ms, waiting for ${statuses.join('|')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Sends a message to the content script of the tab showing `page`, through the extension's
 * worker (as the popup does), and returns the reply.
 * @param {import('playwright-core').Worker} worker
 * @param {import('playwright-core').Page} page
 * @param {object} msg
 * @returns {Promise<any>}
 */
export async function tabMessage(worker, page, msg) {
  const id = await tabId(worker, page);
  return worker.evaluate(([tab, m]) => chrome.tabs.sendMessage(tab, m), [id, msg]);
}

/**
 * Returns the id of the tab showing `page`.
 * @param {import('playwright-core').Worker} worker
 * @param {import('playwright-core').Page} page
 * @returns {Promise<number>}
 */
export async function tabId(worker, page) {
  // Without the "tabs" permission tab URLs are hidden: ask each tab's content script instead.
  const id = await worker.evaluate(async (url) => {
    for (const tab of await chrome.tabs.query({})) {
      try {
        const state = await chrome.tabs.sendMessage(tab.id, { type: 'ui-cs-get-state' });
        if (state?.url === url) return tab.id;
      } catch {
        // A tab without the content script.
      }
    }
    return null;
  }, page.url());
  if (id === null) throw new Error(`no tab with the content script for ${page.url()}`);
  return id;
}

/**
 * Returns the content script's full state (every painted quotation and the speakers).
 * @param {import('playwright-core').Worker} worker
 * @param {import('playwright-core').Page} page
 * @returns {Promise<any>}
 */
export function getState(worker, page) {
  return tabMessage(worker, page, { type: MSG.GET_STATE, detail: true });
}

/**
 * Returns what the page's highlight registry holds: for each quotelight highlight, its ranges' text.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Record<string, string[]>>}
 */
export function highlights(page) {
  return page.evaluate(() => {
    /** @type {Record<string, string[]>} */
    const out = {};
    for (const [name, h] of CSS.highlights) {
      if (String(name).startsWith('quotelight-')) out[name] = [...h].map((r) => r.toString());
    }
    return out;
  });
}

/**
 * Returns a snapshot of what the extension must not change: the body's rendered text, the DOM
 * outside the extension's own shadow host, scroll position and focus. Uses no page globals that
 * a hostile page could have replaced (JSON, textContent).
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{text: string, dom: string, scroll: number[], focus: string}>}
 */
export function pageSnapshot(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = (/** @type {Node} */ node, /** @type {number} */ depth) => {
      if (node.nodeType === 1) {
        const el = /** @type {Element} */ (node);
        if (el.localName === 'quotelight-ui') return;
        const attrs = [...el.attributes].filter((a) => !a.name.startsWith('data-quotelight-')).map((a) => `${a.name}=${a.value}`);
        out.push(`${depth}<${el.localName} ${attrs.join(' ')}>`);
        for (let c = el.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
      } else if (node.nodeType === 3 || node.nodeType === 8) {
        out.push(`${depth}#${node.nodeType}:${node.nodeValue}`);
      }
    };
    walk(document.documentElement, 0);
    const active = document.activeElement;
    return {
      text: document.body.innerText,
      dom: out.join('\n'),
      scroll: [window.scrollX, window.scrollY],
      focus: active ? `${active.localName}#${active.id}` : 'none',
    };
  });
}

/**
 * Saves a screenshot of a page to tests/e2e/artifacts/.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/**
 * Starts recording long tasks (over 50 ms) in every page of the context.
 * @param {import('playwright-core').BrowserContext} context
 */
export async function recordLongTasks(context) {
  await context.addInitScript(() => {
    const tasks = [];
    Object.defineProperty(window, '__quotelightLongTasks', { value: tasks });
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No longtask support: nothing is recorded.
    }
  });
}

/**
 * Returns the longest task (ms) that overlapped the extension's work on the page, from the
 * content script's start to its first paint, and the longest overall.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{during: number, overall: number}>}
 */
export async function longestTask(page) {
  // Parsed here, not in the page: a hostile page may have replaced its JSON.
  const [raw, tasks] = await page.evaluate(() => [
    document.documentElement.getAttribute('data-quotelight-timings'),
    /** @type {any} */ (window).__quotelightLongTasks ?? [],
  ]);
  const t = raw ? JSON.parse(raw) : {};
  const from = t.start ?? 0;
  const to = from + (t.firstPaint ?? Infinity);
  let during = 0;
  let overall = 0;
  for (const [start, duration] of tasks) {
    overall = Math.max(overall, duration);
    if (start < to && start + duration > from) during = Math.max(during, duration);
  }
  return { during, overall };
}

/**
 * Reads the timings the content script published.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<any>}
 */
export async function timings(page) {
  const raw = await page.evaluate(() => document.documentElement.getAttribute('data-quotelight-timings'));
  return raw ? JSON.parse(raw) : null;
}

/**
 * The median of the numbers among `xs` (timings of runs that did not finish are left out), NaN for none.
 * @param {Array<number|null|undefined>} xs
 * @returns {number}
 */
export function median(xs) {
  const s = /** @type {number[]} */ (xs.filter((x) => typeof x === 'number' && Number.isFinite(x))).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Returns the quotation marks and white space-free content of a text (as score.py counts). */
export function content(text) {
  return text.replace(/["“”„‟«»‹›「」『』'‘’‚‛\s]/gu, '');
}

/**
 * Returns the last name token of a name, as score.py does.
 * @param {string} name
 * @returns {string}
 */
export function lastToken(name) {
  const toks = name.replace(/’/g, "'").split(/\s+/).filter((t) => /^[\p{L}\p{N}]/u.test(t));
  if (toks.length === 0) return '';
  return toks[toks.length - 1].toLowerCase().replace(/^[.,'s]+|[.,'s]+$/g, '');
}

/**
 * Registers before/after hooks that start the server and Chromium with the extension (recording
 * long tasks), and returns the handle they fill in.
 * @param {{before: Function, after: Function}} hooks node:test's before and after
 * @returns {{server: Awaited<ReturnType<typeof startServer>>, browser: Awaited<ReturnType<typeof launch>>}}
 */
export function withExtension(hooks) {
  const handle = /** @type {any} */ ({ server: null, browser: null });
  hooks.before(async () => {
    handle.server = await startServer();
    handle.browser = await launch();
    await recordLongTasks(handle.browser.context);
  });
  hooks.after(async () => {
    await handle.browser?.close();
    await handle.server?.close();
  });
  return handle;
}

let openings = 0;

/**
 * Opens a page of the test server and waits for the extension to settle.
 * @param {{server: any, browser: any}} handle from withExtension
 * @param {string} path e.g. /pages/news-article.html
 * @param {string[]|null} [statuses] null: do not wait
 * @param {number} [timeout]
 * @returns {Promise<{page: import('playwright-core').Page, errors: string[], status: string|null}>}
 */
export async function openPage(handle, path, statuses, timeout) {
  const page = await handle.browser.context.newPage();
  const errors = collectErrors(page);
  // A distinct URL per opening: tabs are told apart by URL (tabId), and a page left open by a
  // failed test must not be mistaken for the next one.
  await page.goto(`${handle.server.origin}${path}${path.includes('?') ? '&' : '?'}open=${++openings}`);
  const status = statuses === null ? null : await waitForStatus(page, statuses, timeout);
  return { page, errors, status };
}
