// The hover card and the "Who is quoted" panel, drawn in a shadow root so that page styles
// cannot reach them and they cannot reach the page. Every piece of page-derived text is set with
// `textContent`: a quotation that contains "<script>" shows those characters, never markup.
//
// Loaded as a classic content script and as a side-effect ES module (see messages.js).
(function (ns) {
  'use strict';

  const STYLE = `
:host { all: initial; }
.card, .panel, .pill {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #f4f6fa; background: #1d2330; border: 1px solid #3a4356; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, .35);
}
.card { max-width: 340px; padding: 10px 12px; pointer-events: none; }
.card[hidden], .panel[hidden], .pill[hidden] { display: none; }
.name { font-weight: 650; font-size: 14px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; vertical-align: baseline; }
.badge { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 9px; font-size: 11px;
  background: #e8eefc; color: #0b2a66; font-weight: 600; }
.meta { color: #b9c2d4; }
.row { margin-top: 4px; }
.row b { color: #dfe5f1; font-weight: 600; }
.pill { right: 16px; bottom: 16px; padding: 6px 12px; cursor: pointer; border-radius: 18px; font-weight: 600; }
.panel { right: 16px; bottom: 16px; width: 320px; max-height: 60vh; display: flex; flex-direction: column; }
.panel header { display: flex; align-items: center; justify-content: space-between; padding: 10px 12px; border-bottom: 1px solid #3a4356; }
.panel h2 { all: unset; font-weight: 700; font-size: 14px; }
.panel button.close { all: unset; cursor: pointer; padding: 0 6px; font-size: 16px; color: #b9c2d4; }
.panel ul { list-style: none; margin: 0; padding: 4px 0; overflow: auto; }
.panel li button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 6px 12px; cursor: pointer; }
.panel li button:hover, .panel li button:focus-visible { background: #2a3244; }
.empty { padding: 10px 12px; color: #b9c2d4; }
`;

  /** Human names of the quote kinds. */
  const KIND_LABEL = Object.freeze({
    direct: 'direct quotation', partial: 'partial quotation', scare: 'scare quotes', title: 'title', indirect: 'reported speech',
  });

  /**
   * Returns the CSS colour of a colour slot.
   * @param {string} colour palette index or 'x'
   * @returns {string}
   */
  function cssColour(colour) {
    const entry = ns.highlight.PALETTE[Number(colour)];
    return entry ? `rgb(${entry.rgb.join(',')})` : '#999';
  }

  /**
   * Formats a speaker's counts: "7 quotations, 3 claims".
   * @param {{quotes: number, claims: number}} s
   * @returns {string}
   */
  function countsText(s) {
    const parts = [];
    if (s.quotes > 0) parts.push(`${s.quotes} quotation${s.quotes === 1 ? '' : 's'}`);
    if (s.claims > 0) parts.push(`${s.claims} claim${s.claims === 1 ? '' : 's'}`);
    return parts.join(', ');
  }

  /**
   * Creates an element with text content (never markup) and optional class.
   * @param {Document} doc
   * @param {string} tag
   * @param {string} [cls]
   * @param {string} [text]
   * @returns {HTMLElement}
   */
  function el(doc, tag, cls, text) {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /**
   * Builds the button of one speaker, as listed in the panel and in the popup: swatch, name,
   * "official" badge, role and affiliation, counts. Text only.
   * @param {Document} doc
   * @param {{id: number, name: string, role: string|null, affiliation: string|null, official: boolean,
   *   quotes: number, claims: number, colour: string}} s
   * @returns {HTMLElement} a <button data-id>
   */
  function speakerButton(doc, s) {
    const button = el(doc, 'button');
    button.setAttribute('data-id', String(s.id));
    const title = el(doc, 'div', 'name');
    const swatch = el(doc, 'span', 'swatch');
    swatch.style.background = cssColour(s.colour);
    title.append(swatch, doc.createTextNode(s.name));
    if (s.official) title.append(el(doc, 'span', 'badge', 'official'));
    const who = [s.role, s.affiliation].filter(Boolean).join(', ');
    button.append(title, el(doc, 'div', 'meta', [who, countsText(s)].filter(Boolean).join(' · ')));
    return button;
  }

  /**
   * Creates the overlay: a <quotelight-ui> host after <body> (outside the page's own content, so
   * that `body.innerText` is unchanged), holding the card, the pill and the panel.
   * @param {Document} doc
   * @param {{onSpeaker: (id: number) => void, parent?: Element}} options onSpeaker is called when
   *   a speaker is clicked in the panel; parent defaults to <html>
   * @returns {{
   *   host: Element,
   *   showCard: (q: any, speaker: any, x: number, y: number) => void,
   *   hideCard: () => void,
   *   setModel: (model: any) => void,
   *   setPanelOpen: (open: boolean) => void,
   *   destroy: () => void,
   * }}
   */
  function createOverlay(doc, options) {
    const host = doc.createElement('quotelight-ui');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = el(doc, 'style');
    style.textContent = STYLE;
    const card = el(doc, 'div', 'card');
    card.hidden = true;
    card.setAttribute('role', 'tooltip');
    const pill = el(doc, 'div', 'pill');
    pill.hidden = true;
    pill.setAttribute('role', 'button');
    pill.tabIndex = -1;
    const panel = el(doc, 'section', 'panel');
    panel.hidden = true;
    panel.setAttribute('aria-label', 'Who is quoted');
    const header = el(doc, 'header');
    header.append(el(doc, 'h2', '', 'Who is quoted'));
    const close = el(doc, 'button', 'close', '×');
    close.setAttribute('aria-label', 'Close');
    header.append(close);
    const list = el(doc, 'ul');
    panel.append(header, list);
    shadow.append(style, card, pill, panel);
    (options.parent ?? doc.documentElement).append(host);

    let model = null;
    const setPanelOpen = (/** @type {boolean} */ open) => {
      panel.hidden = !open || !model;
      pill.hidden = open || !model || model.quotes.length === 0;
    };
    pill.addEventListener('click', () => setPanelOpen(true));
    close.addEventListener('click', () => setPanelOpen(false));
    list.addEventListener('click', (event) => {
      const button = /** @type {Element} */ (event.target).closest?.('button[data-id]');
      if (button) options.onSpeaker(Number(button.getAttribute('data-id')));
    });

    return {
      host,
      showCard(q, speaker, x, y) {
        card.replaceChildren();
        const title = el(doc, 'div', 'name');
        const swatch = el(doc, 'span', 'swatch');
        swatch.style.background = cssColour(q.colour);
        title.append(swatch, doc.createTextNode(speaker ? speaker.name : 'Speaker not found'));
        if (speaker?.official) title.append(el(doc, 'span', 'badge', 'official'));
        card.append(title);
        const who = [speaker?.role, speaker?.affiliation].filter(Boolean).join(', ');
        if (who) card.append(el(doc, 'div', 'meta', who));
        const row = (/** @type {string} */ label, /** @type {string} */ value) => {
          const r = el(doc, 'div', 'row');
          r.append(el(doc, 'b', '', `${label}: `), doc.createTextNode(value));
          card.append(r);
        };
        row('Kind', /** @type {any} */ (KIND_LABEL)[q.kind] ?? q.kind);
        if (q.cue) row('Cue', q.cue.text);
        if (q.mention && q.mention.text !== speaker?.name) row('Named as', q.mention.text);
        if (q.via) row('Via', q.via);
        row('Confidence', `${Math.round(q.confidence * 100)}%`);
        card.hidden = false;
        // Placed below-right of the pointer, kept inside the viewport.
        const view = doc.defaultView;
        const w = card.offsetWidth;
        const h = card.offsetHeight;
        const vw = view?.innerWidth ?? 1024;
        const vh = view?.innerHeight ?? 768;
        card.style.left = `${Math.max(4, Math.min(x + 14, vw - w - 4))}px`;
        card.style.top = `${y + 18 + h > vh ? Math.max(4, y - h - 12) : y + 18}px`;
      },
      hideCard() {
        card.hidden = true;
      },
      setModel(m) {
        model = m;
        list.replaceChildren();
        const quotes = m ? m.quotes.filter((/** @type {any} */ q) => q.kind === 'direct' || q.kind === 'partial').length : 0;
        pill.textContent = `❝ ${quotes} quotation${quotes === 1 ? '' : 's'} · ${m ? m.speakers.length : 0} speakers`;
        if (m && m.speakers.length === 0) list.append(el(doc, 'li', 'empty', 'No attributed quotations on this page.'));
        for (const s of m ? m.speakers : []) {
          const li = el(doc, 'li');
          li.append(speakerButton(doc, s));
          list.append(li);
        }
        setPanelOpen(!panel.hidden);
      },
      setPanelOpen,
      destroy() {
        host.remove();
      },
    };
  }

  ns.overlay = Object.freeze({ createOverlay, speakerButton, countsText, cssColour, KIND_LABEL });
})(globalThis.quotelight ??= {});
