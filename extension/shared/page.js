// The page side of quotelight, shared by the content script and the demo page: take the
// article's text, have it analysed, paint the result, and run the hover card and the panel.
// Where the analysis runs is the caller's choice (`analyze`): the extension's worker, or the
// demo page's own wasm instance.
//
// Loaded as a classic content script and as a side-effect ES module (see messages.js).
(function (ns) {
  'use strict';

  /**
   * @typedef {object} Timings milliseconds
   * @property {number} extract taking the page text
   * @property {number} find the part of extract spent finding the article (a guess, see textmap.guessArticleRoots)
   * @property {number} confirm confirming the guessed article once its text is sent (part of roundtrip)
   * @property {number} analyze inside wasm
   * @property {number} init waiting for the analyser to load (0 once it is warm)
   * @property {number} worker time the request spent in the worker (includes init and analyze)
   * @property {number} gate waiting, once the analysis is back, for the settings that allow painting
   * @property {number} roundtrip asking for the analysis and getting it back (includes worker and gate)
   * @property {number} paint resolving ranges and painting
   */

  /**
   * @typedef {object} RunResult
   * @property {'done'|'too-large'|'error'|'stale'} status 'stale' when a newer run overtook it
   * @property {number} textLength
   * @property {string|null} error
   * @property {Timings|null} timings
   */

  /**
   * Tells whether two text maps cover the same text nodes in the same way.
   * @param {any} a
   * @param {any} b
   * @returns {boolean}
   */
  function sameNodes(a, b) {
    if (a.text !== b.text || a.segNode.length !== b.segNode.length) return false;
    for (let i = 0; i < a.segNode.length; i++) {
      if (a.segNode[i] !== b.segNode[i] || a.segStart[i] !== b.segStart[i] || a.segNodeStart[i] !== b.segNodeStart[i]) return false;
    }
    return true;
  }

  /**
   * Creates the controller for one document.
   * @param {object} options
   * @param {Document} options.doc
   * @param {(text: string) => Promise<{analysis: any, analyzeMs: number, initMs?: number, workerMs?: number}>} options.analyze
   *   analyses text (analyzeMs inside wasm, initMs waiting for it to load, workerMs all the time
   *   spent where it runs); throws with a readable message on failure
   * @param {number} options.maxLength texts longer than this are refused
   * @param {() => Element[]} [options.roots] where the article is (default: textmap.findArticleRoots)
   * @param {boolean} [options.wrap] force the wrapping fallback instead of the Highlight API
   * @param {Element} [options.overlayParent] where the overlay's host goes (default <html>)
   * @returns {object} the controller (see the returned methods)
   */
  function createController(options) {
    const { doc, analyze, maxLength } = options;
    const { textmap, highlight, overlay: overlayMod } = ns;
    const painter = highlight.createPainter(doc, { wrap: options.wrap });
    /** @type {Record<string, boolean>} */
    let kinds = { ...ns.settings.DEFAULT_KINDS };
    /** @type {any} */
    let model = null;
    /** @type {any} */
    let map = null;
    /** @type {string|null} text of the last analysis, to skip re-analysing unchanged text */
    let lastText = null;
    let lastAnalysis = null;
    /** @type {any} the analysis that is painted now */
    let lastPainted = null;
    let generation = 0;
    /** @type {Map<number, number>} per speaker, the last quotation scrolled to */
    const cursor = new Map();
    /** @type {ReturnType<typeof overlayMod.createOverlay>|null} */
    let ui = null;
    let hoverFrame = 0;
    /** @type {{x: number, y: number}|null} */
    let pointer = null;
    /** Whether the panel is to be open once the overlay exists. */
    let openPanel = false;

    const onPointer = (/** @type {MouseEvent} */ event) => {
      pointer = { x: event.clientX, y: event.clientY };
      if (hoverFrame) return;
      // At most one hit test per frame: mousemove fires far more often than the screen updates.
      hoverFrame = doc.defaultView?.requestAnimationFrame(() => {
        hoverFrame = 0;
        if (!pointer || !ui || !model) return;
        const q = painter.hitTest(pointer.x, pointer.y);
        if (q) ui.showCard(q, q.speaker === null ? null : model.byId.get(q.speaker), pointer.x, pointer.y);
        else ui.hideCard();
      }) ?? 0;
    };
    const onLeave = () => ui?.hideCard();

    const ensureUi = () => {
      if (ui) return;
      ui = overlayMod.createOverlay(doc, { onSpeaker: (id) => controller.focusSpeaker(id), parent: options.overlayParent });
      doc.addEventListener('mousemove', onPointer, { passive: true, capture: true });
      doc.addEventListener('mouseleave', onLeave, { passive: true });
    };

    /**
     * Roots known for sure, in the shape of textmap.guessArticleRoots's answer.
     * @param {Element[]} roots
     * @returns {{roots: Element[], sure: boolean, confirm: () => Element[]}}
     */
    const sure = (roots) => ({ roots, sure: true, confirm: () => roots });

    /**
     * Tells whether a text can be analysed: not cut short, not above maxLength.
     * @param {{text: string, truncated: boolean}} taken what extractText returned
     * @returns {boolean}
     */
    const fits = (taken) => !taken.truncated && taken.text.length <= maxLength;

    /**
     * Asks for the analysis of a text (at once: the request has left when this returns), or
     * answers with the last one when the text is unchanged.
     * @param {string} text
     * @returns {Promise<{analysis: any, analyzeMs: number, initMs: number, workerMs: number, cached: boolean}>}
     */
    const analysisOf = async (text) => {
      if (text === lastText && lastAnalysis) return { analysis: lastAnalysis, analyzeMs: 0, initMs: 0, workerMs: 0, cached: true };
      const reply = await analyze(text);
      return { analysis: reply.analysis, analyzeMs: reply.analyzeMs, initMs: reply.initMs ?? 0, workerMs: reply.workerMs ?? reply.analyzeMs, cached: false };
    };

    const controller = {
      /** @returns {any} the painted model, or null */
      get model() {
        return model;
      },
      /** @returns {any} the current text map, or null */
      get map() {
        return map;
      },
      /** @returns {string} 'highlight' or 'wrap' */
      get mode() {
        return painter.mode;
      },
      /** @returns {Element|null} the overlay's host element (the only element added to the page) */
      get host() {
        return ui ? ui.host : null;
      },

      /**
       * Takes the article's text, analyses it (unless unchanged since the last run) and paints.
       * A newer call overtakes an older one still in flight.
       * @param {{beforePaint?: () => void, afterPaint?: () => void, gate?: Promise<boolean>}} [hooks]
       *   beforePaint/afterPaint run around DOM writes (the content script pauses its
       *   MutationObserver there in wrap mode); painting waits for `gate`, and a false gate
       *   cancels the run (status 'stale'): the work can start before the settings are read
       * @returns {Promise<RunResult>}
       */
      async run(hooks = {}) {
        const gen = ++generation;
        /** @type {RunResult} */
        const stale = { status: 'stale', textLength: 0, error: null, timings: null };
        const t0 = performance.now();
        // The article is guessed without the page-wide search, and the guess's text sent to be
        // analysed at once; the search then confirms the guess while the analysis runs (on a
        // news page it does; else the right text is analysed instead).
        const guess = options.roots ? sure(options.roots()) : textmap.guessArticleRoots(doc);
        const found = performance.now();
        let next = await textmap.extractText(guess.roots, { maxLength, shouldStop: () => gen !== generation });
        if (gen !== generation) return stale;
        const t1 = performance.now();
        let reply = fits(next) ? analysisOf(next.text) : null;
        const sent = performance.now();
        if (!guess.sure) {
          const roots = guess.confirm();
          if (roots.length !== guess.roots.length || roots.some((root, i) => root !== guess.roots[i])) {
            // The guess's analysis is wanted only if the right text is the same, its failure never.
            reply?.catch(() => {});
            const guessed = next.text;
            next = await textmap.extractText(roots, { maxLength, shouldStop: () => gen !== generation });
            if (gen !== generation) return stale;
            if (next.text !== guessed) reply = fits(next) ? analysisOf(next.text) : null;
          }
        }
        const confirmed = performance.now();
        if (!reply) {
          controller.clear();
          return { status: 'too-large', textLength: next.text.length, error: null, timings: null };
        }
        let result;
        try {
          result = await reply;
        } catch (error) {
          if (gen !== generation) return stale;
          controller.clear();
          return { status: 'error', textLength: next.text.length, error: ns.errors.errorMessage(error), timings: null };
        }
        if (gen !== generation) return stale;
        if (!result.cached) {
          lastText = next.text;
          lastAnalysis = result.analysis;
        }
        const replied = performance.now();
        if (hooks.gate && !(await hooks.gate)) return stale;
        if (gen !== generation) return stale;
        const t2 = performance.now();
        const analysis = result.analysis;
        if (model && map && analysis === lastPainted && sameNodes(map, next)) {
          // Same text in the same nodes (the page changed elsewhere): what is painted still holds.
          return {
            status: 'done',
            textLength: next.text.length,
            error: null,
            timings: {
              extract: t1 - t0, find: found - t0, confirm: confirmed - sent, analyze: 0, init: 0, worker: 0, gate: t2 - replied, roundtrip: t2 - t1, paint: 0,
            },
          };
        }
        lastPainted = analysis;
        map = next;
        model = highlight.buildModel(analysis);
        hooks.beforePaint?.();
        try {
          painter.paint(model, (start, end) => textmap.rangeFor(next, start, end), kinds);
        } finally {
          hooks.afterPaint?.();
        }
        cursor.clear();
        const t3 = performance.now();
        // The card and panel are built after this task, so that the highlights reach the screen
        // in the next frame without waiting for them.
        const painted = model;
        setTimeout(() => {
          if (model !== painted) return;
          ensureUi();
          ui?.setModel(model);
          if (openPanel) ui?.setPanelOpen(true);
        }, 0);
        return {
          status: 'done',
          textLength: next.text.length,
          error: null,
          timings: {
            extract: t1 - t0,
            find: found - t0,
            confirm: confirmed - sent,
            analyze: result.analyzeMs,
            init: result.initMs,
            worker: result.workerMs,
            gate: t2 - replied,
            roundtrip: t2 - t1,
            paint: t3 - t2,
          },
        };
      },

      /**
       * Shows only the given kinds (settings.js `kinds`).
       * @param {Record<string, boolean>} next
       */
      setKinds(next) {
        kinds = { ...next };
        painter.setKinds(kinds);
      },

      /**
       * Scrolls to the speaker's next quotation, in document order, wrapping around.
       * @param {number} id
       * @returns {boolean} whether there was one
       */
      focusSpeaker(id) {
        const quotes = painter.paintedQuotes().filter((q) => q.speaker === id && kinds[highlight.SWITCH_OF[q.kind]]);
        if (quotes.length === 0) return false;
        const next = ((cursor.get(id) ?? -1) + 1) % quotes.length;
        cursor.set(id, next);
        painter.focus(quotes[next].index);
        return true;
      },

      /** @returns {any[]} the quotations that are painted */
      paintedQuotes() {
        return painter.paintedQuotes();
      },

      /**
       * Removes every highlight and the overlay; the page is as it was.
       * @param {{beforePaint?: () => void, afterPaint?: () => void}} [hooks]
       */
      clear(hooks = {}) {
        generation++;
        hooks.beforePaint?.();
        try {
          painter.clear();
        } finally {
          hooks.afterPaint?.();
        }
        model = null;
        map = null;
        lastPainted = null;
        if (ui) {
          ui.destroy();
          ui = null;
          doc.removeEventListener('mousemove', onPointer, { capture: true });
          doc.removeEventListener('mouseleave', onLeave);
        }
      },

      /**
       * Opens or closes the "Who is quoted" panel (it starts as a small button).
       * @param {boolean} open
       */
      setPanelOpen(open) {
        openPanel = open;
        ui?.setPanelOpen(open);
      },

      /** Forgets the cached analysis, so the next run analyses again. */
      forget() {
        lastText = null;
        lastAnalysis = null;
      },
    };
    return controller;
  }

  ns.page = Object.freeze({ createController });
})(globalThis.quotelight ??= {});
