// The content script: decides whether to run on this page, asks the worker for the analysis
// (wasm cannot be compiled here on pages whose CSP forbids it), follows late content, answers
// the popup, and cleans up when the extension goes away.
//
// Test hook (documented in extension/README.md): the state is published as attributes on <html>:
// (only on pages where it has run: elsewhere it leaves no trace)
//   data-quotelight-status   running | done | off | too-large | error
//   data-quotelight-quotes   number of quotations painted (all kinds)
//   data-quotelight-timings  JSON {extract, find, confirm, analyze, init, worker, gate, roundtrip, paint, start, firstPaint} in ms:
//                            start is this script's start (page clock), firstPaint the time from
//                            there to the first paint
// The full list of quotations and speakers is available through MSG.GET_STATE, as the popup uses it.
(function (ns) {
  'use strict';

  // Injected twice (declared content script, then again by the toolbar on old tabs): one is enough.
  if (ns.content) return;
  const startedAt = performance.now();
  const { MSG, PORT, message, isMessage } = ns.messages;
  const { chromeApi, errors, settings: settingsMod } = ns;

  /** Delay after the last change in the article before re-reading it. */
  const MUTATION_DEBOUNCE_MS = 400;
  /** The same for changes elsewhere (ads, widgets, clocks): they rarely touch the article. */
  const OUTSIDE_DEBOUNCE_MS = 2000;
  /**
   * How long a run that started by itself stays unannounced. Announcing (a message to the worker,
   * attributes on <html>) while the analysis is on its way competed with its reply for this
   * thread; most runs are done sooner, and 'done' is announced then.
   */
  const RUNNING_NOTICE_MS = 100;

  const host = location.hostname;
  const state = {
    /** @type {string} 'starting' until init has decided */
    status: 'starting',
    /** Whether the extension has run on this page: until then it leaves no trace on it. */
    touched: false,
    enabled: false,
    /** @type {string|null} */
    error: null,
    textLength: 0,
    /** @type {any} */
    timings: null,
    firstPaint: /** @type {number|null} */ (null),
    settings: settingsMod.normalize(undefined),
  };
  /** @type {Array<() => void>} */
  const disposers = [];
  /** @type {MutationObserver|null} */
  let observer = null;
  let debounce = 0;
  let dead = false;

  /** @type {{send: (msg: object) => Promise<any>, close: () => void}|null} port for the first analysis (see init) */
  let firstRequest = null;

  /**
   * Hands over the stored settings (the value under `settings`) when they first arrive, from an
   * analysis's reply or from storage (see init); later calls do nothing.
   * @type {(stored: any) => void}
   */
  let settingsArrived = () => {};

  /**
   * Asks the worker to analyse text: over the port opened at the start while it is unused and
   * open, else with a one-off message.
   * @param {string} text
   * @returns {Promise<any>} the worker's reply
   */
  async function requestAnalysis(text) {
    const msg = message(MSG.ANALYZE, { text });
    const request = firstRequest;
    firstRequest = null;
    if (request) {
      // A port closed under the request (the worker restarted) falls back to a message.
      const reply = await request.send(msg).catch(() => null);
      if (reply) return reply;
    }
    return chromeApi.sendMessage(msg);
  }

  /** Closes the first analysis's port if no analysis used it (too large, cancelled, shut down). */
  function dropFirstRequest() {
    firstRequest?.close();
    firstRequest = null;
  }

  const controller = ns.page.createController({
    doc: document,
    maxLength: settingsMod.MAX_TEXT_LENGTH,
    analyze: async (text) => {
      const reply = await requestAnalysis(text);
      if (reply?.ok && 'settings' in reply) settingsArrived(reply.settings);
      if (!reply?.ok) throw new Error(reply?.error ?? 'no reply from the extension');
      return { analysis: reply.analysis, analyzeMs: reply.analyzeMs, initMs: reply.initMs, workerMs: reply.workerMs };
    },
  });

  /** Pauses the observer while the fallback wraps text, so that its own writes are not news. */
  const domHooks = {
    beforePaint: () => observer?.disconnect(),
    afterPaint: () => {
      if (observer && state.enabled) observe();
    },
  };

  /**
   * Publishes the state for the badge and, once the extension has run on this page, for tests
   * (on pages where it does not run, nothing tells the page that the extension is installed).
   * Never throws.
   */
  function publish() {
    const count = controller.model
      ? controller.model.quotes.filter((/** @type {any} */ q) => q.kind === 'direct' || q.kind === 'partial').length
      : 0;
    send(message(MSG.STATUS, { status: state.status, count }));
    if (!state.touched) return;
    const root = document.documentElement;
    const painted = state.status === 'done' ? controller.paintedQuotes().length : 0;
    root.setAttribute('data-quotelight-status', state.status);
    root.setAttribute('data-quotelight-quotes', String(painted));
    if (state.timings) {
      root.setAttribute('data-quotelight-timings', JSON.stringify({ ...state.timings, start: startedAt, firstPaint: state.firstPaint }));
    }
  }

  /**
   * Sends to the worker, swallowing the expected failures (and cleaning up if the extension is gone).
   * @param {object} msg
   */
  function send(msg) {
    if (!chromeApi.available()) {
      shutdown();
      return;
    }
    chromeApi.sendMessage(msg).catch(handleError);
  }

  /**
   * Handles an error without letting it reach the page's console.
   * @param {unknown} error
   */
  function handleError(error) {
    if (errors.isContextInvalidated(error) || !chromeApi.available()) {
      shutdown();
      return;
    }
    if (errors.isIgnored(error)) return;
    state.status = 'error';
    state.error = errors.errorMessage(error);
    try {
      document.documentElement.setAttribute('data-quotelight-status', 'error');
    } catch {
      // Nothing more can be done from here.
    }
  }

  /**
   * Analyses and paints (again).
   * @param {Promise<boolean>} [gate] paint only if it resolves to true (see init)
   */
  async function run(gate) {
    if (dead) return;
    state.enabled = true;
    state.status = 'running';
    state.error = null;
    // A speculative run (gate) shows itself only once the settings allow it.
    const announce = () => {
      state.touched = true;
      publish();
    };
    let allowed = !gate;
    if (gate) {
      gate.then((ok) => {
        allowed = ok;
        if (!ok || dead) return;
        if (state.status !== 'running') announce();
        else setTimeout(() => state.status === 'running' && !dead && announce(), RUNNING_NOTICE_MS);
      }, () => {});
    } else {
      announce();
    }
    const result = await controller.run({ ...domHooks, gate });
    if (result.status === 'stale' || !state.enabled || dead) return;
    // The settings let it run (a result that came before them is announced when they do).
    if (allowed) state.touched = true;
    state.status = result.status;
    state.textLength = result.textLength;
    state.error = result.error;
    if (result.timings) {
      state.timings = result.timings;
      state.firstPaint ??= performance.now() - startedAt;
    }
    if (result.status === 'error' && !chromeApi.available()) {
      shutdown();
      return;
    }
    observe();
    publish();
  }

  /** Starts following late content (lazy paragraphs, SPA navigation). */
  function observe() {
    if (!observer) {
      observer = new MutationObserver((records) => {
        // An orphaned script (extension reloaded or removed) learns it here at the latest.
        if (!chromeApi.available()) {
          shutdown();
          return;
        }
        const ui = controller.host;
        // Changes inside the overlay are not new article text.
        if (records.every((r) => ui && ui.contains(r.target))) return;
        const roots = controller.map?.roots ?? [];
        const inArticle = roots.length === 0 || roots.some((root) => !root.isConnected)
          || records.some((r) => roots.some((root) => root.contains(r.target) || r.target.contains(root)));
        // Changes in the article are debounced; changes elsewhere schedule one re-read at most
        // every OUTSIDE_DEBOUNCE_MS, so that a ticking widget neither delays nor floods it.
        if (!inArticle && debounce) return;
        clearTimeout(debounce);
        debounce = setTimeout(() => {
          debounce = 0;
          if (state.enabled && !dead) run().catch(handleError);
        }, inArticle ? MUTATION_DEBOUNCE_MS : OUTSIDE_DEBOUNCE_MS);
      });
    }
    if (document.body) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  /** Switches highlighting off in this tab: every highlight and the overlay go away. */
  function stop() {
    state.enabled = false;
    clearTimeout(debounce);
    debounce = 0;
    observer?.disconnect();
    controller.clear(domHooks);
    controller.forget();
    state.status = 'off';
    publish();
  }

  /** The extension is gone (reloaded, updated, removed): leave the page as it was, silently. */
  function shutdown() {
    if (dead) return;
    dead = true;
    dropFirstRequest();
    clearTimeout(debounce);
    debounce = 0;
    observer?.disconnect();
    try {
      controller.clear(domHooks);
    } catch {
      // The page may have torn the nodes down already.
    }
    for (const dispose of disposers.splice(0)) dispose();
    for (const name of ['status', 'quotes', 'timings']) document.documentElement.removeAttribute(`data-quotelight-${name}`);
  }

  /**
   * The state as the popup shows it; with `detail`, also every painted quotation (tests use it).
   * @param {boolean} detail
   * @returns {object}
   */
  function stateForUi(detail) {
    const model = controller.model;
    return {
      ok: true,
      host,
      url: location.href,
      status: state.status,
      enabled: state.enabled,
      error: state.error,
      textLength: state.textLength,
      maxLength: settingsMod.MAX_TEXT_LENGTH,
      timings: state.timings ? { ...state.timings, firstPaint: state.firstPaint } : null,
      mode: controller.mode,
      speakers: model ? model.speakers.map((/** @type {any} */ s) => ({
        id: s.id, name: s.name, role: s.role, affiliation: s.affiliation, type: s.type, official: s.official,
        quotes: s.quotes, claims: s.claims, colour: s.colour,
        ...(detail ? { mentions: s.mentions.map((/** @type {any} */ m) => m.text) } : {}),
      })) : [],
      quotes: detail && model ? controller.paintedQuotes().map((/** @type {any} */ q) => ({
        text: q.text, kind: q.kind, speaker: q.speaker, confidence: q.confidence,
      })) : undefined,
    };
  }

  /**
   * Answers the popup and the worker.
   * @param {any} msg
   * @returns {any} the reply, or undefined for messages that are not ours
   */
  function onMessage(msg) {
    if (dead) return undefined;
    if (isMessage(msg, MSG.GET_STATE)) return stateForUi(msg.detail === true);
    if (isMessage(msg, MSG.SET_ENABLED)) {
      if (msg.enabled) run().catch(handleError);
      else stop();
      return { ok: true, enabled: msg.enabled === true };
    }
    if (isMessage(msg, MSG.TOGGLE)) {
      if (state.enabled) stop();
      else run().catch(handleError);
      return { ok: true, enabled: state.enabled };
    }
    if (isMessage(msg, MSG.FOCUS_SPEAKER)) return { ok: controller.focusSpeaker(Number(msg.id)) };
    return undefined;
  }

  /**
   * Takes stored settings (the value under `settings`) as the tab's settings.
   * @param {any} stored
   */
  function applySettings(stored) {
    state.settings = settingsMod.normalize(stored);
    controller.setKinds(state.settings.kinds);
  }

  async function init() {
    const articleLike = ns.textmap.looksLikeArticle(document);
    // Nothing is painted before the settings allow it. On an article they come back with the
    // first analysis (the worker keeps them), so that the page's text leaves before anything else
    // is asked of the browser; storage is read as well, once the text has left, and whichever
    // answers first decides. (The first storage read after the browser starts is slow.)
    /** @type {(error: unknown) => void} */
    let storageFailed = () => {};
    const stored = new Promise((resolve, reject) => {
      settingsArrived = resolve;
      storageFailed = reject;
    });
    const allowed = stored.then((value) => {
      applySettings(value);
      return settingsMod.shouldAutoRun(state.settings, host, articleLike);
    });
    // On an article, the port for the analysis opens first: it wakes the worker (and its wasm)
    // while this script reads the page and sends its text. The rest of the set-up overlaps with
    // the analysis: the run's next step is queued before this function's.
    if (articleLike) firstRequest = chromeApi.openRequest(PORT.ANALYZE);
    const running = articleLike ? run(allowed).finally(dropFirstRequest) : null;
    if (running) await null;
    disposers.push(chromeApi.onStorageChanged((changes) => {
      if (changes.settings) applySettings(changes.settings.newValue);
    }));
    // Read after the listener is set, so that no later change is missed; what storage says
    // holds over what the worker said, if that came first.
    chromeApi.storageGet('settings').then((items) => {
      settingsArrived(items?.settings);
      applySettings(items?.settings);
    }, storageFailed);
    disposers.push(chromeApi.onMessage(onMessage));
    // Cheap checks for having been orphaned, on the events that follow a reload of the extension.
    const checkAlive = () => {
      if (!chromeApi.available()) shutdown();
    };
    for (const type of ['visibilitychange', 'focus', 'pageshow']) {
      window.addEventListener(type, checkAlive, { passive: true });
      disposers.push(() => window.removeEventListener(type, checkAlive));
    }
    if (await allowed) {
      await (running ?? run());
      return;
    }
    await running;
    state.enabled = false;
    state.status = settingsMod.siteRule(state.settings, host) === 'never' ? 'off' : 'idle';
    publish();
  }

  ns.content = Object.freeze({ stateForUi });
  init().catch(handleError);
})(globalThis.quotelight ??= {});
