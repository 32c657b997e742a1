// The toolbar popup: switch for this tab, speaker list, kinds to show, per-site rule.
// The tab it controls is the active tab, or `?tab=<id>` (tests open the popup as a page).
import '../shared/messages.js';
import '../shared/errors.js';
import '../shared/chrome-api.js';
import '../shared/settings.js';
import '../shared/highlight.js';
import '../shared/overlay.js';

const { MSG, message } = globalThis.quotelight.messages;
const { chromeApi, errors, settings: settingsMod, overlay } = globalThis.quotelight;

/**
 * Returns an element by id.
 * @param {string} id
 * @returns {any}
 */
const $ = (id) => document.getElementById(id);

/** Messages for each status of the tab. */
const STATUS_TEXT = {
  idle: 'Not an article page: switch on to highlight it.',
  running: 'Analysing…',
  off: 'Highlighting is off on this page.',
  error: 'Could not analyse this page.',
};

/**
 * Finds the tab to control.
 * @returns {Promise<number|null>}
 */
async function targetTab() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const tab = await chromeApi.activeTab();
  return tab?.id ?? null;
}

/**
 * Shows the tab's state.
 * @param {any} state
 */
function showState(state) {
  const status = $('status');
  status.classList.remove('problem');
  $('enabled').checked = Boolean(state?.enabled);
  if (!state) {
    status.textContent = 'quotelight cannot run on this page.';
    $('enabled').disabled = true;
  } else if (state.status === 'done') {
    const q = state.speakers.reduce((n, s) => n + s.quotes, 0);
    status.textContent = `${state.speakers.length} speaker${state.speakers.length === 1 ? '' : 's'}, ${q} attributed quotation${q === 1 ? '' : 's'}.`;
  } else if (state.status === 'too-large') {
    status.textContent = `This page is too long to analyse (${state.textLength.toLocaleString()} characters; the limit is ${state.maxLength.toLocaleString()}).`;
    status.classList.add('problem');
  } else {
    status.textContent = state.status === 'error' && state.error
      ? `${STATUS_TEXT.error} (${state.error})`
      : STATUS_TEXT[state.status] ?? '';
    if (state.status === 'error') status.classList.add('problem');
  }
  const list = $('speakers');
  list.replaceChildren();
  for (const s of state?.speakers ?? []) {
    const li = document.createElement('li');
    li.append(overlay.speakerButton(document, s));
    list.append(li);
  }
  $('speakers-section').hidden = !state?.speakers?.length;
  if (state?.host) $('site').textContent = state.host;
}

async function main() {
  const tabId = await targetTab();
  const stored = await chromeApi.storageGet('settings');
  let current = settingsMod.normalize(stored?.settings);
  const save = () => chromeApi.storageSet({ settings: current });

  /** @type {any} */
  let state = null;
  const refresh = async () => {
    if (tabId === null) return;
    try {
      state = await chromeApi.sendToTab(tabId, message(MSG.GET_STATE));
    } catch (error) {
      if (!errors.isIgnored(error)) throw error;
      state = null;
    }
    showState(state);
    if (state?.host) $('site-rule').value = settingsMod.siteRule(current, state.host);
  };

  for (const box of document.querySelectorAll('input[data-kind]')) {
    const input = /** @type {HTMLInputElement} */ (box);
    const kind = input.dataset.kind ?? '';
    input.checked = Boolean(current.kinds[kind]);
    input.addEventListener('change', () => {
      current = { ...current, kinds: { ...current.kinds, [kind]: input.checked } };
      save();
    });
  }
  $('auto-run').checked = current.autoRun;
  $('auto-run').addEventListener('change', () => {
    current = { ...current, autoRun: $('auto-run').checked };
    save();
  });
  $('site-rule').addEventListener('change', () => {
    if (!state?.host) return;
    current = settingsMod.withSiteRule(current, state.host, $('site-rule').value);
    save();
  });
  $('enabled').addEventListener('change', async () => {
    if (tabId === null) return;
    // Injects the content script first on tabs opened before installation (activeTab allows it).
    await chromeApi.sendToTabOrInject(tabId, message(MSG.SET_ENABLED, { enabled: $('enabled').checked }));
    // The analysis takes a moment; poll until it settles.
    for (let i = 0; i < 20; i++) {
      await refresh();
      if (state?.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  $('speakers').addEventListener('click', (/** @type {MouseEvent} */ event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button[data-id]');
    if (button && tabId !== null) {
      chromeApi.sendToTab(tabId, message(MSG.FOCUS_SPEAKER, { id: Number(button.getAttribute('data-id')) })).catch(() => {
        // The tab navigated away; the list will be refreshed on the next opening.
      });
    }
  });
  await refresh();
}

main().catch((error) => {
  $('status').textContent = `Something went wrong: ${errors.errorMessage(error)}`;
});
