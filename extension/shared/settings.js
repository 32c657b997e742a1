// User settings, their defaults, and the rules that decide when the extension runs on a page.
// Pure functions over plain objects; storage access is the caller's (chrome-api.js).
//
// Loaded as a classic content script and as a side-effect ES module (see messages.js).
(function (ns) {
  'use strict';

  /**
   * The largest text (UTF-16 code units) the extension analyses. Above it the page is left
   * alone and the popup says why: analysis stays well under a second up to this size, and
   * larger "articles" are almost always whole archives or machine-generated pages.
   */
  const MAX_TEXT_LENGTH = 2_000_000;

  /** Kinds of highlight the user can switch on and off, with their defaults. */
  const DEFAULT_KINDS = Object.freeze({
    direct: true,
    partial: true,
    indirect: true,
    mentions: true,
    // Scare quotes and titles are not quotations of anyone: off unless asked for.
    scare: false,
  });

  /** Settings as stored under the key `settings`. */
  const DEFAULTS = Object.freeze({
    /** Run by itself on pages that look like articles. */
    autoRun: true,
    /** Per-site rule, by host name: 'always' | 'never' (absent = follow autoRun). */
    sites: Object.freeze({}),
    kinds: DEFAULT_KINDS,
  });

  /**
   * Merges stored settings over the defaults, dropping anything malformed.
   * @param {any} stored the value stored under `settings`, or undefined
   * @returns {{autoRun: boolean, sites: Record<string, string>, kinds: Record<string, boolean>}}
   */
  function normalize(stored) {
    const s = typeof stored === 'object' && stored !== null ? stored : {};
    /** @type {Record<string, string>} */
    const sites = {};
    if (typeof s.sites === 'object' && s.sites !== null) {
      for (const [host, rule] of Object.entries(s.sites)) {
        if (rule === 'always' || rule === 'never') sites[host] = rule;
      }
    }
    /** @type {Record<string, boolean>} */
    const kinds = { ...DEFAULT_KINDS };
    if (typeof s.kinds === 'object' && s.kinds !== null) {
      for (const k of Object.keys(DEFAULT_KINDS)) {
        if (typeof s.kinds[k] === 'boolean') kinds[k] = s.kinds[k];
      }
    }
    return { autoRun: typeof s.autoRun === 'boolean' ? s.autoRun : DEFAULTS.autoRun, sites, kinds };
  }

  /**
   * Returns the per-site rule for a host: 'always', 'never' or 'default'.
   * @param {{sites: Record<string, string>}} settings
   * @param {string} host
   * @returns {'always'|'never'|'default'}
   */
  function siteRule(settings, host) {
    const rule = settings.sites[host];
    return rule === 'always' || rule === 'never' ? rule : 'default';
  }

  /**
   * Decides whether to run without being asked.
   * @param {ReturnType<typeof normalize>} settings
   * @param {string} host
   * @param {boolean} articleLike whether the page looks like an article
   * @returns {boolean}
   */
  function shouldAutoRun(settings, host, articleLike) {
    const rule = siteRule(settings, host);
    if (rule !== 'default') return rule === 'always';
    return settings.autoRun && articleLike;
  }

  /**
   * Returns new settings with the rule for one host changed ('default' removes it).
   * @param {ReturnType<typeof normalize>} settings
   * @param {string} host
   * @param {'always'|'never'|'default'} rule
   * @returns {ReturnType<typeof normalize>}
   */
  function withSiteRule(settings, host, rule) {
    const sites = { ...settings.sites };
    if (rule === 'default') delete sites[host];
    else sites[host] = rule;
    return { ...settings, sites };
  }

  ns.settings = Object.freeze({
    MAX_TEXT_LENGTH,
    DEFAULTS,
    DEFAULT_KINDS,
    normalize,
    siteRule,
    shouldAutoRun,
    withSiteRule,
  });
})(globalThis.quotelight ??= {});
