// Page text for analysis, and the way back from text offsets to the DOM.
//
// `extractText` walks the article's visible text once and builds one string, with "\n\n" at block
// boundaries and runs of HTML white space collapsed to one space (as rendered). Alongside it keeps
// segments: runs of the string that map one-to-one onto a run of one Text node. A quotation that
// spans <a>, <em> or several text nodes therefore maps back exactly, and `rangeFor` turns analysis
// offsets (UTF-16 code units, what DOM Ranges use) into a Range only when it is painted.
//
// Loaded as a classic content script and as a side-effect ES module (see messages.js).
(function (ns) {
  'use strict';

  const HTML_NS = 'http://www.w3.org/1999/xhtml';

  /** Elements whose content is never article text. */
  const SKIP_TAGS = new Set([
    'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CANVAS', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED',
    'VIDEO', 'AUDIO', 'BUTTON', 'INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'NAV', 'ASIDE', 'FORM',
    'FOOTER', 'IMG', 'PICTURE', 'HEAD', 'TITLE', 'META', 'LINK', 'DIALOG', 'MENU',
    'QUOTELIGHT-UI',
  ]);

  /** Inline formatting elements: assumed visible and inline without asking the style engine. */
  const INLINE_TAGS = new Set([
    'A', 'EM', 'STRONG', 'B', 'I', 'U', 'S', 'SMALL', 'SUB', 'SUP', 'Q', 'CITE', 'ABBR', 'TIME',
    'MARK', 'CODE', 'DFN', 'VAR', 'KBD', 'SAMP', 'BDI', 'BDO', 'INS', 'DEL', 'FONT', 'WBR',
    'QUOTELIGHT-MARK',
  ]);

  /** Block-level tags, used when the style engine is not asked (fast path). */
  const BLOCK_TAGS = new Set([
    'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
    'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'TD',
    'TH', 'CAPTION', 'PRE', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY', 'BR', 'BODY', 'HTML',
  ]);

  /** Block tags that, without any attribute, are taken as shown blocks without asking the style engine. */
  const BARE_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION']);

  /** Roles of regions that are not the article. */
  const SKIP_ROLES = new Set(['navigation', 'complementary', 'banner', 'contentinfo', 'dialog',
    'menu', 'menubar', 'search', 'alert', 'toolbar']);

  /** Class or id tokens of page furniture (after Readability's "unlikely candidates"). */
  const FURNITURE = /(?:^|[\s_-])(?:comments?|disqus|replies|related|share|sharing|social|newsletter|promo|sponsored|advert(?:isement)?|ads?|adslot|ad-slot|banner|sidebar|breadcrumbs?|menu|nav|subscribe|signup|cookie|gdpr|popup|modal|outbrain|taboola|recirc|recommended|most-popular|trending)(?:$|[\s_-])/i;

  /**
   * HTML white space (not NBSP, which browsers do not collapse either) that rendering changes or
   * that may collapse with a neighbour's: runs at either end of a text node, and runs inside it of
   * two or more characters or of another character than a space. A single space between two
   * words stays as it is, so that a text node is usually taken in one piece.
   */
  const WS = /^[ \t\n\r\f]+|[ \t\n\r\f]+$|[ \t\n\r\f]{2,}|[\t\n\r\f]/g;

  /**
   * Work done between two yields to the page, so that big pages make no long task (50 ms). Not
   * much less: a yield lets the page's own tasks run first (its load event, a frame), which
   * delays the highlights of an ordinary article by more than the reading itself takes.
   */
  const SLICE_MS = 20;

  /**
   * @typedef {object} TextMap
   * @property {string} text the analysed text
   * @property {Text[]} segNode Text node of each segment
   * @property {number[]} segStart start of each segment in `text`
   * @property {number[]} segNodeStart start of each segment in its node's data
   * @property {number[]} segLen length of each segment
   * @property {Element[]} roots the elements the text came from
   */

  /** @type {Map<Element, {len: number, commas: number}>|null} text measures, during one findArticleRoots */
  let measures = null;

  /**
   * Measures an element's text (trimmed length and commas), once per findArticleRoots call:
   * reading textContent is what costs on pages with many nodes.
   * @param {Element} el
   * @returns {{len: number, commas: number}}
   */
  function measure(el) {
    let m = measures?.get(el);
    if (!m) {
      const text = (el.textContent ?? '').trim();
      let commas = 0;
      for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) commas++;
      m = { len: text.length, commas };
      measures?.set(el, m);
    }
    return m;
  }

  /**
   * Text length of an element's paragraphs, a cheap measure of how much article it holds.
   * @param {Element} el
   * @returns {number}
   */
  function paragraphText(el) {
    let n = 0;
    for (const p of el.querySelectorAll('p')) {
      const len = measure(p).len;
      if (len >= 40) n += len;
    }
    return n;
  }

  /**
   * Tells whether an element is page furniture (navigation, comments, ads, related links …).
   * @param {Element} el
   * @returns {boolean}
   */
  function isFurniture(el) {
    if (SKIP_TAGS.has(el.tagName)) return true;
    const role = el.getAttribute('role');
    if (role && SKIP_ROLES.has(role)) return true;
    const tokens = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
    return tokens.length > 1 && FURNITURE.test(tokens);
  }

  /**
   * Scores the parents of paragraph-like elements by the text they hold (a light Readability).
   * @param {Element} body
   * @returns {Element|null} the element holding most paragraph text
   */
  function densest(body) {
    /** @type {Map<Element, number>} */
    const scores = new Map();
    const add = (/** @type {Element|null} */ el, /** @type {number} */ s) => {
      if (el) scores.set(el, (scores.get(el) ?? 0) + s);
    };
    for (const p of body.querySelectorAll('p, div, td, pre')) {
      // A container of blocks is scored through its children; one with scripts would count code as text.
      // (childElementCount, not firstElementChild: this runs for hundreds of elements, and handing
      // script an element it does not keep still costs a wrapper object for it.)
      if (p.tagName !== 'P' && p.childElementCount > 0 && p.querySelector('p, div, table, ul, ol, section, article, script, style')) continue;
      const { len, commas } = measure(p);
      if (len < 40) continue;
      // After the length test: most candidates are short, and this walks up to the root.
      if (p.closest('nav, aside, footer, form, [role="navigation"], [role="complementary"]')) continue;
      const score = 2 + commas + Math.min(len / 100, 3);
      add(p.parentElement, score);
      add(p.parentElement?.parentElement ?? null, score / 2);
    }
    let best = null;
    let bestScore = 0;
    for (const [el, score] of scores) {
      if (score > bestScore && !isFurniture(el)) {
        best = el;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Widens a body element to its enclosing <article>, when that adds the headline and standfirst
   * rather than a whole page of teasers.
   * @param {Element} el
   * @returns {Element}
   */
  function widenToArticle(el) {
    const article = el.parentElement?.closest('article');
    if (!article) return el;
    const inner = (el.textContent ?? '').length;
    return (article.textContent ?? '').length <= inner * 1.6 + 2000 ? article : el;
  }

  /**
   * Finds the elements holding the article: [itemprop=articleBody], then the <article>/<main>
   * holding most paragraph text, then the densest block of paragraphs, then <body>.
   * @param {Document} doc
   * @returns {Element[]} roots in document order, never empty when the document has a body
   */
  function findArticleRoots(doc) {
    return measuring(new Map(), () => findRoots(doc));
  }

  /**
   * Guesses what findArticleRoots will answer without its page-wide step, the scoring of every
   * block of paragraphs (densest), which takes milliseconds on a news page. The articleBody
   * elements need no more (`sure`); else the <article> or <main> with most paragraph text, or
   * the <article> inside it that holds most of that text, is the answer on news pages, but only
   * the full search can tell (not `sure`): `confirm` finishes it from where the guess stopped,
   * on the page as it is then, with the paragraph text the guess measured. The guess's text can
   * be sent for analysis before it is confirmed.
   * @param {Document} doc
   * @returns {{roots: Element[], sure: boolean, confirm: () => Element[]}} confirm: what
   *   findArticleRoots answers
   */
  function guessArticleRoots(doc) {
    /** @type {Map<Element, {len: number, commas: number}>} */
    const taken = new Map();
    return measuring(taken, () => {
      const body = doc.body;
      if (!body) return { roots: [], sure: true, confirm: () => [] };
      const bodies = articleBodies(doc);
      if (bodies) return { roots: bodies, sure: true, confirm: () => bodies };
      const largest = largestArticle(doc);
      const confirm = () => measuring(taken, () => aroundLargest(body, largest));
      if (!largest.best || largest.bestText < 500) {
        const roots = aroundLargest(body, largest);
        return { roots, sure: true, confirm: () => roots };
      }
      const { best, bestText, measured } = largest;
      let inner = null;
      let innerText = 0;
      for (const [el, n] of measured) {
        // Ties go to the later one in document order: the inner of two nested <article>s.
        if (el !== best && el.tagName === 'ARTICLE' && n >= innerText && best.contains(el)) {
          inner = el;
          innerText = n;
        }
      }
      return { roots: [inner && innerText >= bestText * 0.6 ? inner : best], sure: false, confirm };
    });
  }

  /**
   * Runs a search with the given text measures (see measure), kept for its duration.
   * @template T
   * @param {Map<Element, {len: number, commas: number}>} kept
   * @param {() => T} search
   * @returns {T}
   */
  function measuring(kept, search) {
    measures = kept;
    try {
      return search();
    } finally {
      measures = null;
    }
  }

  /**
   * The outermost [itemprop=articleBody] elements, when they hold enough paragraph text (one
   * alone is widened to its <article>); else null.
   * @param {Document} doc
   * @returns {Element[]|null}
   */
  function articleBodies(doc) {
    const bodies = [...doc.querySelectorAll('[itemprop="articleBody"]')]
      .filter((el, _i, all) => el.tagName !== 'META' && !all.some((other) => other !== el && other.contains(el)));
    if (bodies.length > 0 && bodies.reduce((n, el) => n + paragraphText(el), 0) >= 200) {
      return bodies.length === 1 ? [widenToArticle(bodies[0])] : bodies;
    }
    return null;
  }

  /**
   * @typedef {object} Largest
   * @property {Element|null} best the <article>, <main> or [role=main] holding most paragraph
   *   text (the first of equals)
   * @property {number} bestText its paragraph text
   * @property {Array<[Element, number]>} measured every such element with its paragraph text, in
   *   document order
   */

  /**
   * Measures the <article>, <main> and [role=main] elements.
   * @param {Document} doc
   * @returns {Largest}
   */
  function largestArticle(doc) {
    let best = null;
    let bestText = 0;
    /** @type {Array<[Element, number]>} */
    const measured = [];
    for (const el of doc.querySelectorAll('article, main, [role="main"]')) {
      const n = paragraphText(el);
      measured.push([el, n]);
      if (n > bestText) {
        best = el;
        bestText = n;
      }
    }
    return { best, bestText, measured };
  }

  /**
   * The search behind findArticleRoots.
   * @param {Document} doc
   * @returns {Element[]}
   */
  function findRoots(doc) {
    const body = doc.body;
    if (!body) return [];
    return articleBodies(doc) ?? aroundLargest(body, largestArticle(doc));
  }

  /**
   * The end of the search, without articleBody elements: the largest article, unless the densest
   * block of paragraphs lies outside it and holds more, or an <article> inside it around that
   * block holds most of its text; else that block; else <body>.
   * @param {HTMLElement} body
   * @param {Largest} largest
   * @returns {Element[]}
   */
  function aroundLargest(body, largest) {
    let best = largest.best;
    const bestText = largest.bestText;
    const dense = densest(body);
    if (best && dense && !best.contains(dense) && paragraphText(dense) > bestText) best = null;
    if (best && bestText >= 500) {
      // A <main> or a teaser <article> may hold the real <article>: prefer the innermost one
      // that still has most of the text.
      const inner = dense?.closest('article');
      if (inner && best.contains(inner) && paragraphText(inner) >= bestText * 0.6) return [inner];
      return [best];
    }
    if (dense) return [widenToArticle(dense)];
    return [body];
  }

  /**
   * Tells whether the page looks like a news article (for running without being asked):
   * schema.org Article JSON-LD, og:type article, or an <article> with enough text.
   * @param {Document} doc
   * @returns {boolean}
   */
  function looksLikeArticle(doc) {
    // og:type first: one <meta> near the top of <head>, where JSON-LD means reading every script
    // of that type in the document (and is tried only when og:type does not say article).
    const og = doc.querySelector('meta[property="og:type"]');
    if (/^article$/i.test(og?.getAttribute('content')?.trim() ?? '')) return true;
    for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
      // Types are matched in the raw JSON: pages often ship JSON-LD that does not parse.
      if (/"@type"\s*:\s*(?:\[[^\]]*)?"(?:News|Reportage|Analysis|Opinion|Review|Background)?Article"|"(?:Live)?BlogPosting"/.test(script.textContent ?? '')) {
        return true;
      }
    }
    for (const article of doc.querySelectorAll('article')) {
      if (paragraphText(article) >= 1000) return true;
    }
    return false;
  }

  /**
   * Builds the text of the given roots and its map back to the DOM. Skips page furniture, hidden
   * elements, editable regions, shadow trees and frames. Yields to the page every few
   * milliseconds, so a huge page does not freeze it.
   * @param {Element[]} roots elements in document order
   * @param {{maxLength?: number, shouldStop?: () => boolean}} [options] stop early above
   *   maxLength (the caller refuses such pages), or when shouldStop() turns true
   * @returns {Promise<TextMap & {truncated: boolean}>}
   */
  async function extractText(roots, options = {}) {
    const maxLength = options.maxLength ?? Infinity;
    const shouldStop = options.shouldStop ?? (() => false);
    const view = roots[0]?.ownerDocument?.defaultView;
    /** @type {string[]} */
    const parts = [];
    /** @type {TextMap} */
    const map = { text: '', segNode: [], segStart: [], segNodeStart: [], segLen: [], roots };
    let length = 0;
    let pendingBreak = false;
    /** @type {[Text, number]|null} */
    let pendingSpace = null;
    let truncated = false;

    /** Appends text mapped to node[nodeStart…], merging with the previous segment when contiguous. */
    const emit = (/** @type {string} */ s, /** @type {Text|null} */ node, /** @type {number} */ nodeStart) => {
      parts.push(s);
      if (node) {
        const last = map.segNode.length - 1;
        if (last >= 0 && map.segNode[last] === node
          && map.segStart[last] + map.segLen[last] === length
          && map.segNodeStart[last] + map.segLen[last] === nodeStart) {
          map.segLen[last] += s.length;
        } else {
          map.segNode.push(node);
          map.segStart.push(length);
          map.segNodeStart.push(nodeStart);
          map.segLen.push(s.length);
        }
      }
      length += s.length;
    };

    const blockBoundary = () => {
      if (length > 0) pendingBreak = true;
      pendingSpace = null;
    };

    /** Appends one Text node, collapsing white space runs as the browser renders them. */
    const addText = (/** @type {Text} */ node) => {
      const data = node.data;
      let i = 0;
      WS.lastIndex = 0;
      for (;;) {
        const m = WS.exec(data);
        // Words, with the single spaces between them.
        const wordEnd = m ? m.index : data.length;
        if (wordEnd > i) {
          if (pendingBreak) {
            emit('\n\n', null, 0);
            pendingBreak = false;
          } else if (pendingSpace) {
            emit(' ', pendingSpace[0], pendingSpace[1]);
          }
          pendingSpace = null;
          emit(i === 0 && wordEnd === data.length ? data : data.slice(i, wordEnd), node, i);
        }
        if (!m) break;
        if (length > 0 && !pendingBreak) pendingSpace = [node, m.index];
        i = m.index + m[0].length;
      }
    };

    /**
     * Decides how to treat an element: 'skip' its subtree, or enter it as 'block' or 'inline'.
     * @param {Element} el
     * @param {boolean} isRoot
     * @returns {'skip'|'block'|'inline'}
     */
    const classify = (el, isRoot) => {
      if (el.namespaceURI !== HTML_NS) return 'skip';
      const tag = el.tagName;
      if (tag === 'BR') return 'block';
      if (el.hasAttributes()) {
        if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return 'skip';
        // The editing host carries the attribute; its whole subtree is skipped with it.
        const editable = el.getAttribute('contenteditable');
        if (editable !== null && editable !== 'false') return 'skip';
        if (!isRoot && isFurniture(el)) return 'skip';
      } else if (SKIP_TAGS.has(tag)) {
        return 'skip';
      } else if (tag === 'SPAN') {
        // A bare <span> is inline and shown; asking the style engine about each one is what
        // makes pages with tens of thousands of them slow.
        return 'inline';
      } else if (BARE_BLOCKS.has(tag)) {
        // Likewise a bare paragraph or heading: only page-wide rules could hide it.
        return 'block';
      }
      if (INLINE_TAGS.has(tag)) return 'inline';
      const style = view?.getComputedStyle(el);
      if (!style) return BLOCK_TAGS.has(tag) ? 'block' : 'inline';
      // Not `visibility`: pages hide the whole body until their scripts run (anti-flicker), and
      // the text is still the article.
      if (style.display === 'none' || style.contentVisibility === 'hidden') return 'skip';
      return style.display.startsWith('inline') || style.display === 'contents' ? 'inline' : 'block';
    };

    let sliceStart = performance.now();
    let visited = 0;
    for (const root of roots) {
      // An explicit stack instead of recursion: pages nest deep enough to overflow the JS stack.
      /** @type {Array<Node|null>} */
      const stack = [root];
      let isRoot = true;
      while (stack.length > 0) {
        const node = stack.pop();
        if (node === null) {
          blockBoundary();
          continue;
        }
        if (++visited % 32 === 0 && performance.now() - sliceStart > SLICE_MS) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (shouldStop()) return { ...map, text: parts.join(''), truncated: true };
          sliceStart = performance.now();
        }
        if (node.nodeType === 3) {
          addText(/** @type {Text} */ (node));
          if (length > maxLength) {
            truncated = true;
            break;
          }
          continue;
        }
        if (node.nodeType !== 1) continue;
        const el = /** @type {Element} */ (node);
        const kind = classify(el, isRoot);
        isRoot = false;
        if (kind === 'skip') continue;
        if (kind === 'block') {
          blockBoundary();
          stack.push(null);
        }
        // Children are pushed in reverse so that they pop in document order.
        for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
      }
      blockBoundary();
      if (truncated) break;
    }
    map.text = parts.join('');
    return { ...map, truncated };
  }

  /**
   * Returns the index of the segment holding text offset `pos`, or -1.
   * @param {TextMap} map
   * @param {number} pos
   * @returns {number}
   */
  function segmentAt(map, pos) {
    let lo = 0;
    let hi = map.segStart.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (map.segStart[mid] <= pos) lo = mid + 1;
      else hi = mid - 1;
    }
    if (hi < 0 || pos >= map.segStart[hi] + map.segLen[hi]) return -1;
    return hi;
  }

  /**
   * Returns the first segment starting at or after `pos`.
   * @param {TextMap} map
   * @param {number} pos
   * @returns {number}
   */
  function segmentFrom(map, pos) {
    const i = segmentAt(map, pos);
    if (i >= 0) return i;
    let lo = 0;
    let hi = map.segStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (map.segStart[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < map.segStart.length ? lo : -1;
  }

  /**
   * Resolves a span of the analysed text to a live DOM Range, or null when the page has changed
   * under it since the text was taken (the caller re-analyses then).
   * @param {TextMap} map
   * @param {number} start UTF-16 offset, inclusive
   * @param {number} end UTF-16 offset, exclusive
   * @returns {Range|null}
   */
  function rangeFor(map, start, end) {
    if (!(start >= 0 && end > start && end <= map.text.length)) return null;
    const a = segmentFrom(map, start);
    const b = segmentAt(map, end - 1) >= 0 ? segmentAt(map, end - 1) : segmentFrom(map, end - 1) - 1;
    if (a < 0 || b < a) return null;
    const startNode = map.segNode[a];
    const startOffset = map.segNodeStart[a] + Math.max(0, start - map.segStart[a]);
    const endNode = map.segNode[b];
    const endOffset = map.segNodeStart[b] + Math.min(map.segLen[b], end - map.segStart[b]);
    if (!startNode.isConnected || !endNode.isConnected) return null;
    if (startOffset >= startNode.data.length || endOffset > endNode.data.length) return null;
    // The node's text must still be what was analysed at both ends.
    const textStart = map.segStart[a] + startOffset - map.segNodeStart[a];
    if (startNode.data[startOffset] !== map.text[textStart]) return null;
    const range = startNode.ownerDocument.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    return range;
  }

  ns.textmap = Object.freeze({ findArticleRoots, guessArticleRoots, looksLikeArticle, extractText, rangeFor, isFurniture, densest, paragraphText });
})(globalThis.quotelight ??= {});
