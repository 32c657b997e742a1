// The only place that touches the `chrome.*` / `browser.*` extension APIs. Everything else goes
// through these functions, so the rest of the code is independent of the browser and easy to
// run without one (the demo page uses none of it).
//
// Loaded as a classic content script and as a side-effect ES module (see messages.js).
(function (ns) {
  'use strict';

  // Firefox exposes promise-based `browser`; Chromium's MV3 `chrome` returns promises too.
  /** @type {any} */
  const ext = globalThis.browser?.runtime ? globalThis.browser : globalThis.chrome;

  /**
   * Tells whether the extension APIs are there and this context is still connected to them
   * (after the extension is reloaded, an orphaned content script loses `runtime.id`).
   * @returns {boolean}
   */
  function available() {
    try {
      return Boolean(ext?.runtime?.id);
    } catch {
      return false;
    }
  }

  /**
   * Sends a message to the extension (worker or popup).
   * @param {object} msg
   * @returns {Promise<any>} the reply
   * @throws {Error} "Extension context invalidated" and the other errors in errors.js
   */
  function sendMessage(msg) {
    return ext.runtime.sendMessage(msg);
  }

  /**
   * Sends a message to the content script of a tab.
   * @param {number} tabId
   * @param {object} msg
   * @returns {Promise<any>} the reply
   */
  function sendToTab(tabId, msg) {
    return ext.tabs.sendMessage(tabId, msg);
  }

  /**
   * Listens for messages. The handler may return a value or a promise; it becomes the reply.
   * Returning `undefined` leaves the message to other listeners.
   * @param {(msg: any, sender: any) => any} handler
   * @returns {() => void} removes the listener
   */
  function onMessage(handler) {
    /** @type {(msg: any, sender: any, sendResponse: (r: any) => void) => boolean} */
    const listener = (msg, sender, sendResponse) => {
      let result;
      try {
        result = handler(msg, sender);
      } catch (error) {
        sendResponse({ ok: false, error: ns.errors.errorMessage(error) });
        return false;
      }
      if (result === undefined) return false;
      // The callback form works in every browser; returning true keeps the channel open.
      Promise.resolve(result).then(sendResponse, (error) =>
        sendResponse({ ok: false, error: ns.errors.errorMessage(error) }),
      );
      return true;
    };
    ext.runtime.onMessage.addListener(listener);
    return () => {
      try {
        ext.runtime.onMessage.removeListener(listener);
      } catch {
        // The context may already be gone; nothing is left to remove then.
      }
    };
  }

  /**
   * Opens a port to the extension's worker now, for one request to be sent later: opening it
   * wakes the worker, so that it gets ready while the caller is still preparing the request.
   * @param {string} name the port's name (the worker's onRequestPort handler is chosen by it)
   * @returns {{send: (msg: object) => Promise<any>, close: () => void}} send: sends one message
   *   and resolves with the reply (the worker closes the port after it); rejects when the port
   *   closes first or was used already. close: closes the port unused.
   * @throws {Error} "Extension context invalidated" when the extension is gone
   */
  function openRequest(name) {
    const port = ext.runtime.connect({ name });
    /** @type {Error|null} why the port can no longer be used, if it cannot */
    let unusable = null;
    const onClose = () => {
      unusable ??= new Error(ext.runtime.lastError?.message ?? 'the port closed');
    };
    port.onDisconnect.addListener(onClose);
    return {
      send: (msg) => new Promise((resolve, reject) => {
        if (unusable) {
          reject(unusable);
          return;
        }
        unusable = new Error('the port was used already');
        // Posted before the listeners are set: the reply cannot come before a later task, and
        // the request leaves sooner.
        port.postMessage(msg);
        port.onDisconnect.removeListener(onClose);
        port.onDisconnect.addListener(() => reject(new Error(ext.runtime.lastError?.message ?? 'the port closed')));
        // The worker closes the port once it has replied (onRequestPort): closing it from here
        // too would hold the reply's handling back by a call into the browser.
        port.onMessage.addListener((/** @type {any} */ reply) => resolve(reply));
      }),
      close: () => {
        unusable ??= new Error('the port was closed');
        try {
          port.disconnect();
        } catch {
          // Already gone with the extension.
        }
      },
    };
  }

  /**
   * Answers requests made on ports of one name (see openRequest): the port's one message gets the
   * handler's result (or its promise's) as its reply, and the port is closed after it.
   * @param {string} name
   * @param {(msg: any) => any} handler
   * @param {() => void} [onOpen] called when such a port opens, before its request arrives
   */
  function onRequestPort(name, handler, onOpen) {
    ext.runtime.onConnect.addListener((/** @type {any} */ port) => {
      if (port.name !== name) return;
      onOpen?.();
      port.onMessage.addListener((/** @type {any} */ msg) => {
        Promise.resolve()
          .then(() => handler(msg))
          .catch((error) => ({ ok: false, error: ns.errors.errorMessage(error) }))
          .then((reply) => {
            try {
              port.postMessage(reply);
              port.disconnect();
            } catch {
              // The tab closed or navigated while the request was being answered.
            }
          });
      });
    });
  }

  /**
   * Returns the absolute URL of a file packaged with the extension.
   * @param {string} path
   * @returns {string}
   */
  function getURL(path) {
    return ext.runtime.getURL(path);
  }

  /**
   * Reads settings from extension storage.
   * @param {string|string[]|null} keys
   * @returns {Promise<Record<string, any>>}
   */
  function storageGet(keys) {
    return ext.storage.local.get(keys);
  }

  /**
   * Writes settings to extension storage.
   * @param {Record<string, any>} items
   * @returns {Promise<void>}
   */
  function storageSet(items) {
    return ext.storage.local.set(items);
  }

  /**
   * Calls `fn(changes)` whenever local storage changes.
   * @param {(changes: Record<string, {newValue?: any, oldValue?: any}>) => void} fn
   * @returns {() => void} removes the listener
   */
  function onStorageChanged(fn) {
    /** @type {(changes: any, area: string) => void} */
    const listener = (changes, area) => {
      if (area === 'local') fn(changes);
    };
    ext.storage.onChanged.addListener(listener);
    return () => {
      try {
        ext.storage.onChanged.removeListener(listener);
      } catch {
        // Context gone: the listener went with it.
      }
    };
  }

  /**
   * Returns the active tab of the current window, or null.
   * @returns {Promise<any>}
   */
  async function activeTab() {
    const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
    return tab ?? null;
  }

  /**
   * Returns a tab by id, or null if it is gone.
   * @param {number} tabId
   * @returns {Promise<any>}
   */
  async function getTab(tabId) {
    try {
      return await ext.tabs.get(tabId);
    } catch {
      return null;
    }
  }

  /**
   * Shows a number (or nothing) on the toolbar button for one tab.
   * @param {number} tabId
   * @param {string} text
   * @returns {Promise<void>}
   */
  async function setBadge(tabId, text) {
    await ext.action.setBadgeText({ tabId, text });
    if (text) await ext.action.setBadgeBackgroundColor({ tabId, color: '#0b5394' });
  }

  /**
   * Calls `fn(command)` when the user presses one of the manifest's keyboard shortcuts.
   * @param {(command: string, tab: any) => void} fn
   */
  function onCommand(fn) {
    ext.commands.onCommand.addListener(fn);
  }

  /**
   * Injects the content script into a tab that has none yet (pages opened before installation,
   * or pages outside the declared matches) — allowed by `activeTab` after a user gesture.
   * @param {number} tabId
   * @param {string[]} files scripts, in order
   * @param {string[]} css style sheets
   * @returns {Promise<void>}
   */
  async function inject(tabId, files, css) {
    await ext.scripting.insertCSS({ target: { tabId }, files: css });
    await ext.scripting.executeScript({ target: { tabId }, files });
  }

  /**
   * Sends a message to a tab's content script, injecting the script first when the tab has none
   * (tabs opened before installation): `activeTab` allows it after the user's gesture.
   * @param {number} tabId
   * @param {object} msg
   * @returns {Promise<any>} the reply
   */
  async function sendToTabOrInject(tabId, msg) {
    try {
      return await sendToTab(tabId, msg);
    } catch (error) {
      if (!/Receiving end does not exist|Could not establish connection/i.test(ns.errors.errorMessage(error))) throw error;
      const cs = manifest().content_scripts?.[0] ?? {};
      await inject(tabId, cs.js ?? [], cs.css ?? []);
      return sendToTab(tabId, msg);
    }
  }

  /**
   * Returns the manifest (for the list of content-script files, and the version).
   * @returns {any}
   */
  function manifest() {
    return ext.runtime.getManifest();
  }

  ns.chromeApi = Object.freeze({
    available,
    sendMessage,
    sendToTab,
    onMessage,
    openRequest,
    onRequestPort,
    getURL,
    storageGet,
    storageSet,
    onStorageChanged,
    activeTab,
    getTab,
    setBadge,
    onCommand,
    inject,
    sendToTabOrInject,
    manifest,
  });
})(globalThis.quotelight ??= {});
