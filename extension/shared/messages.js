// Message types exchanged between the content script, the background worker and the popup.
//
// This file is loaded both as a classic content script and as a side-effect ES module (worker,
// popup, demo page), so it uses no import/export: it registers itself on `globalThis.quotelight`.
// Values are prefixed by direction (sender-receiver), so a stray message is easy to recognise.
(function (ns) {
  'use strict';

  /**
   * Message types. `cs` = content script, `bg` = background worker, `ui` = popup.
   * @readonly
   * @enum {string}
   */
  const MSG = Object.freeze({
    /**
     * cs→bg `{text}`: analyse text; reply `{ok, analysis, analyzeMs, initMs, workerMs, settings}` or
     * `{ok: false, error}`. `settings` is the stored value under `settings` (null when none), absent
     * when the worker could not read it.
     */
    ANALYZE: 'cs-bg-analyze',
    /** cs→bg `{status, count}`: the tab's state changed (drives the badge). */
    STATUS: 'cs-bg-status',
    /** ui→cs `{detail?}`: reply with the tab's state (see content.js `stateForUi`). */
    GET_STATE: 'ui-cs-get-state',
    /** ui→cs `{enabled}`: switch highlighting on or off in this tab. */
    SET_ENABLED: 'ui-cs-set-enabled',
    /** bg→cs: flip highlighting in this tab (toolbar shortcut). */
    TOGGLE: 'bg-cs-toggle',
    /** ui→cs `{id}`: scroll to the next quotation of speaker `id`. */
    FOCUS_SPEAKER: 'ui-cs-focus-speaker',
  });

  /** Names of ports. */
  const PORT = Object.freeze({
    /** cs→bg: carries one MSG.ANALYZE request and its reply (opened early to wake the worker). */
    ANALYZE: 'cs-bg-analyze-port',
  });

  const KNOWN = new Set(Object.values(MSG));

  /**
   * Builds a message of a known type.
   * @param {string} type one of MSG
   * @param {object} [payload] extra fields
   * @returns {{type: string}}
   * @throws {TypeError} when the type is unknown (a programming error)
   */
  function message(type, payload) {
    if (!KNOWN.has(type)) throw new TypeError(`unknown message type ${type}`);
    return { ...payload, type };
  }

  /**
   * Tells whether a received value is a message of the given type (messages come from other
   * contexts, so their shape is checked rather than trusted).
   * @param {unknown} msg
   * @param {string} type
   * @returns {boolean}
   */
  function isMessage(msg, type) {
    return typeof msg === 'object' && msg !== null && /** @type {any} */ (msg).type === type;
  }

  ns.messages = Object.freeze({ MSG, PORT, message, isMessage });
})(globalThis.quotelight ??= {});
