// Painting quotations and speaker mentions on the page.
//
// With the CSS Custom Highlight API the page's DOM is not touched at all: ranges go into one
// `Highlight` per speaker colour × kind, registered as `quotelight-c<colour>-<kind>` and styled by
// `::highlight()` rules (tools/gen-css.js writes them from PALETTE). Where the API is missing, text
// is wrapped in <quotelight-mark> elements instead, and unwrapped again on clear().
//
// Loaded as a classic content script and as a side-effect ES module (see messages.js).
(function (ns) {
  'use strict';

  /**
   * Speaker colours: the Okabe–Ito palette, told apart with the common colour-vision
   * deficiencies, used at partial opacity so that page text stays readable on light and dark
   * backgrounds alike. The last entry is for quotations without a speaker.
   */
  const PALETTE = Object.freeze([
    { name: 'orange', rgb: [230, 159, 0] },
    { name: 'sky blue', rgb: [86, 180, 233] },
    { name: 'bluish green', rgb: [0, 158, 115] },
    { name: 'reddish purple', rgb: [204, 121, 167] },
    { name: 'blue', rgb: [0, 114, 178] },
    { name: 'vermillion', rgb: [213, 94, 0] },
    { name: 'yellow', rgb: [240, 228, 66] },
  ]);

  /** Colour slot of quotations without a speaker. */
  const NO_SPEAKER = 'x';

  /** Highlight kinds as painted; `mention` is a speaker's name where it is attributed. */
  const PAINT_KINDS = Object.freeze(['direct', 'partial', 'scare', 'indirect', 'mention']);

  /** Which settings switch (settings.js `kinds`) shows each quote kind. */
  const SWITCH_OF = Object.freeze({
    direct: 'direct', partial: 'partial', scare: 'scare', title: 'scare', indirect: 'indirect', mention: 'mentions',
  });

  /**
   * @typedef {object} ModelQuote
   * @property {number} index position in the analysis
   * @property {number} start
   * @property {number} end
   * @property {string} text
   * @property {string} kind
   * @property {number|null} speaker
   * @property {{start: number, end: number, text: string}|null} cue
   * @property {{start: number, end: number, text: string}|null} mention
   * @property {string|null} via
   * @property {number} confidence
   * @property {boolean} continued
   * @property {string} colour colour slot: a palette index or NO_SPEAKER
   */

  /**
   * @typedef {object} ModelSpeaker
   * @property {number} id
   * @property {string} name
   * @property {string|null} role
   * @property {string|null} affiliation
   * @property {string} type
   * @property {boolean} official
   * @property {Array<{start: number, end: number, text: string}>} mentions
   * @property {number} quotes direct and partial quotations
   * @property {number} claims reported speech without marks
   * @property {string} colour
   */

  /**
   * @typedef {object} Model
   * @property {ModelQuote[]} quotes
   * @property {ModelSpeaker[]} speakers officials first, then by number of quotations
   * @property {Map<number, ModelSpeaker>} byId
   */

  const asSpan = (/** @type {any} */ s) =>
    s && Number.isInteger(s.start) && Number.isInteger(s.end) ? { start: s.start, end: s.end, text: String(s.text ?? '') } : null;
  const asText = (/** @type {any} */ s) => (typeof s === 'string' && s !== '' ? s : null);

  /**
   * Turns an analysis (the wasm result) into what is painted and listed: checked fields, counts
   * per speaker, speakers ordered officials first, a colour per speaker.
   * @param {any} analysis
   * @returns {Model}
   */
  function buildModel(analysis) {
    /** @type {Map<number, ModelSpeaker>} */
    const byId = new Map();
    const firstSeen = new Map();
    for (const s of Array.isArray(analysis?.speakers) ? analysis.speakers : []) {
      if (!Number.isInteger(s?.id)) continue;
      byId.set(s.id, {
        id: s.id,
        name: String(s.name ?? ''),
        role: asText(s.role),
        affiliation: asText(s.affiliation),
        type: String(s.type ?? 'person'),
        official: s.official === true,
        mentions: (Array.isArray(s.mentions) ? s.mentions : []).map(asSpan).filter((m) => m !== null),
        quotes: 0,
        claims: 0,
        colour: NO_SPEAKER,
      });
    }
    /** @type {ModelQuote[]} */
    const quotes = [];
    (Array.isArray(analysis?.quotes) ? analysis.quotes : []).forEach((/** @type {any} */ q, /** @type {number} */ index) => {
      if (!Number.isInteger(q?.start) || !Number.isInteger(q?.end) || q.end <= q.start) return;
      const speaker = Number.isInteger(q.speaker) && byId.has(q.speaker) ? q.speaker : null;
      const kind = typeof q.kind === 'string' && q.kind in SWITCH_OF ? q.kind : 'direct';
      quotes.push({
        index, start: q.start, end: q.end, text: String(q.text ?? ''), kind, speaker,
        cue: asSpan(q.cue), mention: asSpan(q.mention), via: asText(q.via),
        confidence: typeof q.confidence === 'number' ? q.confidence : 0, continued: q.continued === true,
        colour: NO_SPEAKER,
      });
      if (speaker !== null) {
        const s = /** @type {ModelSpeaker} */ (byId.get(speaker));
        if (kind === 'direct' || kind === 'partial') s.quotes++;
        else if (kind === 'indirect') s.claims++;
        if (!firstSeen.has(speaker)) firstSeen.set(speaker, quotes.length);
      }
    });
    const speakers = [...byId.values()]
      .filter((s) => s.quotes + s.claims > 0)
      .sort((a, b) => Number(b.official) - Number(a.official)
        || (b.quotes + b.claims) - (a.quotes + a.claims)
        || (firstSeen.get(a.id) ?? 0) - (firstSeen.get(b.id) ?? 0));
    speakers.forEach((s, i) => { s.colour = String(i % PALETTE.length); });
    for (const q of quotes) {
      if (q.speaker !== null) q.colour = /** @type {ModelSpeaker} */ (byId.get(q.speaker)).colour;
    }
    return { quotes, speakers, byId };
  }

  /**
   * Returns the highlight name for a colour slot and kind.
   * @param {string} colour
   * @param {string} kind a PAINT_KINDS entry (title is painted as scare)
   * @returns {string}
   */
  function highlightName(colour, kind) {
    return `quotelight-c${colour}-${kind === 'title' ? 'scare' : kind}`;
  }

  /**
   * @typedef {object} Painted
   * @property {ModelQuote|null} quote the quotation, or null for a speaker mention
   * @property {string} name highlight name
   * @property {string} switchName settings switch that shows it
   * @property {Range} range
   */

  /**
   * Creates a painter for one document.
   * @param {Document} doc
   * @param {{wrap?: boolean}} [options] wrap: force the fallback (tests; browsers without the API)
   * @returns {{
   *   mode: 'highlight'|'wrap',
   *   paint: (model: Model, rangeFor: (start: number, end: number) => Range|null, kinds: Record<string, boolean>) => number,
   *   setKinds: (kinds: Record<string, boolean>) => void,
   *   clear: () => void,
   *   rangeOfQuote: (index: number) => Range|null,
   *   focus: (index: number) => void,
   *   hitTest: (x: number, y: number) => ModelQuote|null,
   *   paintedQuotes: () => ModelQuote[],
   * }}
   */
  function createPainter(doc, options = {}) {
    const win = /** @type {any} */ (doc.defaultView);
    const api = !options.wrap && win?.CSS?.highlights && typeof win.Highlight === 'function';
    /** @type {Painted[]} */
    let painted = [];
    /** @type {Map<string, any>} highlight objects by name */
    const highlights = new Map();
    /** @type {Record<string, boolean>} */
    let visible = {};
    /** @type {Element[]} wrapper elements of the fallback */
    let marks = [];

    const register = () => {
      for (const [name, h] of highlights) {
        const sw = name.endsWith('-mention') ? 'mentions' : /** @type {any} */ (SWITCH_OF)[name.split('-').pop() ?? ''];
        if (visible[sw] && h.size > 0) win.CSS.highlights.set(name, h);
        else win.CSS.highlights.delete(name);
      }
    };

    const wrap = (/** @type {Painted} */ p) => {
      const range = p.range;
      const root = range.commonAncestorContainer;
      /** @type {Text[]} */
      const nodes = [];
      if (root.nodeType === 3) nodes.push(/** @type {Text} */ (root));
      else {
        const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (range.intersectsNode(n)) nodes.push(/** @type {Text} */ (n));
        }
      }
      for (const node of nodes) {
        const from = node === range.startContainer ? range.startOffset : 0;
        const to = node === range.endContainer ? range.endOffset : node.length;
        if (to <= from || !node.data.slice(from, to).trim()) continue;
        let target = node;
        if (from > 0) target = target.splitText(from);
        if (to - from < target.length) target.splitText(to - from);
        const mark = doc.createElement('quotelight-mark');
        mark.setAttribute('class', `${p.name}${visible[p.switchName] ? '' : ' quotelight-off'}`);
        target.parentNode?.insertBefore(mark, target);
        mark.appendChild(target);
        marks.push(mark);
      }
    };

    const painter = {
      mode: /** @type {'highlight'|'wrap'} */ (api ? 'highlight' : 'wrap'),

      paint(model, rangeFor, kinds) {
        painter.clear();
        visible = { ...kinds };
        for (const q of model.quotes) {
          const range = rangeFor(q.start, q.end);
          if (range) painted.push({ quote: q, name: highlightName(q.colour, q.kind), switchName: SWITCH_OF[q.kind], range });
        }
        const paintedQuotes = painted.length;
        for (const s of model.speakers) {
          for (const m of s.mentions) {
            const range = rangeFor(m.start, m.end);
            if (range) painted.push({ quote: null, name: highlightName(s.colour, 'mention'), switchName: 'mentions', range });
          }
        }
        if (api) {
          for (const p of painted) {
            let h = highlights.get(p.name);
            if (!h) {
              h = new win.Highlight();
              highlights.set(p.name, h);
            }
            h.add(p.range);
          }
          register();
        } else {
          // Later ranges first: splitting a text node keeps its first part as the same node,
          // so ranges earlier in the document stay valid.
          const order = [...painted].sort((a, b) => b.range.compareBoundaryPoints(0 /* START_TO_START */, a.range));
          for (const p of order) wrap(p);
        }
        return paintedQuotes;
      },

      setKinds(kinds) {
        visible = { ...kinds };
        if (api) register();
        else {
          for (const mark of marks) {
            const name = mark.getAttribute('class')?.split(' ')[0] ?? '';
            const sw = name.endsWith('-mention') ? 'mentions' : /** @type {any} */ (SWITCH_OF)[name.split('-').pop() ?? ''];
            mark.classList.toggle('quotelight-off', !visible[sw]);
          }
        }
      },

      clear() {
        if (api) {
          for (const [name, h] of highlights) {
            h.clear();
            win.CSS.highlights.delete(name);
          }
          win.CSS.highlights.delete('quotelight-focus');
        } else {
          const parents = new Set();
          for (const mark of marks) {
            const parent = mark.parentNode;
            if (!parent) continue;
            while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
            parent.removeChild(mark);
            parents.add(parent);
          }
          // Re-joins the text nodes split for wrapping.
          for (const parent of parents) parent.normalize();
          marks = [];
        }
        painted = [];
      },

      rangeOfQuote(index) {
        return painted.find((p) => p.quote?.index === index)?.range ?? null;
      },

      focus(index) {
        const range = painter.rangeOfQuote(index);
        if (!range) return;
        if (api) win.CSS.highlights.set('quotelight-focus', new win.Highlight(range));
        const el = range.startContainer.parentElement;
        el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      },

      hitTest(x, y) {
        /** @type {{offsetNode: Node, offset: number}|null} */
        let pos = null;
        if (typeof doc.caretPositionFromPoint === 'function') pos = doc.caretPositionFromPoint(x, y);
        else if (typeof (/** @type {any} */ (doc)).caretRangeFromPoint === 'function') {
          const r = /** @type {any} */ (doc).caretRangeFromPoint(x, y);
          if (r) pos = { offsetNode: r.startContainer, offset: r.startOffset };
        }
        if (!pos || pos.offsetNode.nodeType !== 3) return null;
        for (const p of painted) {
          if (!p.quote || !visible[p.switchName]) continue;
          if (!p.range.isPointInRange(pos.offsetNode, pos.offset)) continue;
          // The caret lands on the nearest text even when the pointer is in a margin.
          for (const rect of p.range.getClientRects()) {
            if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return p.quote;
          }
        }
        return null;
      },

      paintedQuotes() {
        return painted.filter((p) => p.quote).map((p) => /** @type {ModelQuote} */ (p.quote));
      },
    };
    return painter;
  }

  ns.highlight = Object.freeze({ PALETTE, NO_SPEAKER, PAINT_KINDS, SWITCH_OF, buildModel, highlightName, createPainter });
})(globalThis.quotelight ??= {});
