// Failures that are expected in normal use and must stay silent: the extension runs on every
// page, and none of these is a bug worth surfacing in the page's console.
//
// Loaded as a classic content script and as a side-effect ES module (see messages.js).
(function (ns) {
  'use strict';

  /** Patterns of expected error messages, with the situation each one comes from. */
  const IGNORED_ERRORS = Object.freeze([
    // The extension was reloaded or removed while this page stayed open.
    /Extension context invalidated/i,
    // The tab has no content script (browser pages, pages loaded before installation).
    /Receiving end does not exist/i,
    /Could not establish connection/i,
    // The page navigated or closed before the reply came back.
    /message port closed/i,
    /No tab with id/i,
    // Pages that extensions may not script (web store, browser UI, PDF viewer).
    /Cannot access (contents of|a chrome)/i,
    /cannot be scripted/i,
    /Missing host permission/i,
  ]);

  /**
   * Returns the message of anything that was thrown.
   * @param {unknown} error
   * @returns {string}
   */
  function errorMessage(error) {
    if (error instanceof Error) return error.message;
    if (typeof error === 'string') return error;
    return String(error);
  }

  /**
   * Tells whether an error is one of the expected failures above.
   * @param {unknown} error
   * @returns {boolean}
   */
  function isIgnored(error) {
    const text = errorMessage(error);
    return IGNORED_ERRORS.some((re) => re.test(text));
  }

  /**
   * Tells whether an error means this content script has lost its extension and must clean up.
   * @param {unknown} error
   * @returns {boolean}
   */
  function isContextInvalidated(error) {
    return /Extension context invalidated/i.test(errorMessage(error));
  }

  ns.errors = Object.freeze({ IGNORED_ERRORS, errorMessage, isIgnored, isContextInvalidated });
})(globalThis.quotelight ??= {});
