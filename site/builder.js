// The install URL builder: the correct install URL(s) for the pasted app config (ts.buildUrls), with
// client ID, redirect URI, EU host and account-pinned path, each URL with its reach and a copy button.
import { model } from './model.js';
import { h, replaceChildren, copyText, pct } from './dom.js';


function labelText(label) {
  return label === 'base' ? 'Base: the required scopes only' : label.charAt(0).toUpperCase() + label.slice(1);
}

/** The redirect_uri a built URL carries (the config's first redirect URL), or '' for the placeholder. */
function redirectOf(url) {
  try {
    const v = new URL(url).searchParams.get('redirect_uri') || '';
    return v === 'YOUR_REDIRECT_URI' ? '' : v;
  } catch {
    return '';
  }
}

/**
 * getSource() → {text, format, config}: config is true when text is an app config the report follows.
 * ts: the evaluator (its functions answer with promises). Returns {update()}, to call after the paste
 * changes; the URLs are built only while the panel is open (and when it opens).
 */
export function initBuilder(ts, getSource) {
  const $ = (id) => document.getElementById(id);
  const panel = $('builder-panel'); const form = $('builder-form'); const none = $('build-none');
  const clientId = $('build-client-id'); const redirect = $('build-redirect'); const account = $('build-account');
  const eu = $('build-eu'); const error = $('build-error'); const notes = $('build-notes');
  const list = $('build-urls'); const status = $('build-status');
  let last = ''; let asked = 0;

  async function update() {
    const src = getSource();
    const applies = src.config || src.format === 'private-app';
    panel.hidden = !applies;
    if (!applies) { last = ''; return; }
    if (!panel.open) return;
    const opts = { eu: eu.checked };
    if (clientId.value.trim()) opts.clientId = clientId.value.trim();
    if (redirect.dataset.edited === 'true' && redirect.value.trim()) opts.redirectUri = redirect.value.trim();
    if (account.value.trim()) opts.accountId = account.value.trim();
    const key = JSON.stringify([src.text, src.format, opts]);
    if (key === last) return;
    last = key;

    if (src.format === 'private-app') {
      form.hidden = true; none.hidden = false;
      none.textContent = 'A private app (app.json) has no install URL: it is installed in its own account, from the app\'s settings.';
      replaceChildren(list); status.textContent = '';
      return;
    }
    form.hidden = false; none.hidden = true;
    let out;
    const mine = ++asked;
    try {
      out = await ts.buildUrls(src.text, opts);
      if (mine !== asked) return; // a newer edit asked again
    } catch (e) {
      if (mine !== asked) return;
      error.hidden = false;
      error.textContent = plainError(e.message);
      // The field the evaluator refused is marked invalid (its option name never shows).
      const field = e.code === 'bad-options' ? optionOf(e.message) : '';
      for (const [name, input] of [['accountId', account], ['redirectUri', redirect], ['clientId', clientId]]) {
        if (name === field) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
      }
      replaceChildren(list);
      return;
    }
    error.hidden = true; error.textContent = '';
    for (const input of [account, redirect, clientId]) input.removeAttribute('aria-invalid');
    if (redirect.dataset.edited !== 'true' && out.urls.length) redirect.value = redirectOf(out.urls[0].url);
    replaceChildren(notes, out.diagnostics.map((d) => h('li', { 'data-code': d.code, text: d.message })));
    replaceChildren(list, out.urls.map((u, i) => {
      const id = `built-url-${i}`;
      return h('li.url-item', { 'data-label': u.label },
        h('h3', { id: `${id}-label`, text: labelText(u.label) }),
        h('p.url-reach', {}, h('strong', { text: `Installs on ${u.installs_profiles} of ${model.profiles.length} tiers` }),
          ` · ${pct(u.combinations, model.configurations)} of account configurations`),
        u.installs_profiles === 0 ? h('p.error-text.url-fails', { text: 'This URL fails on every standard tier: the config\'s own scopes do (see the verdict at the top and the diagnostics). Fix the config first.' }) : '',
        h('label.sr-only', { for: id, text: `Install URL: ${labelText(u.label)}` }),
        h('textarea.url-text', { id, rows: '3', readOnly: true, spellcheck: 'false', text: u.url }),
        h('button.copy-url', { type: 'button', 'aria-describedby': `${id}-label`, onclick: () => copy(id, u.label) }, 'Copy URL'));
    }));
  }

  async function copy(id, label) {
    const box = $(id);
    if (await copyText(box.value)) status.textContent = `Copied the install URL (${label}).`;
    else { box.focus(); box.select(); status.textContent = 'The clipboard is not available: the URL is selected, copy it from there.'; }
  }

  for (const input of [clientId, account]) input.addEventListener('input', update);
  redirect.addEventListener('input', () => { redirect.dataset.edited = 'true'; update(); });
  eu.addEventListener('change', update);
  panel.addEventListener('toggle', update);
  return { update };
}

// The builder's fields by the names its options have in the evaluator (never shown to the reader).
const FIELD_NAMES = { redirectUri: 'Redirect URI', clientId: 'Client ID', accountId: 'Account ID', eu: 'EU data centre' };

const OPTION = /^(?:the )?options?:\s*(?:(\w+)\b)?/i;

/** The option an evaluator error is about ("options: accountId must be digits" → "accountId"), or ''. */
function optionOf(message) {
  const m = OPTION.exec(String(message || ''));
  return m && m[1] && FIELD_NAMES[m[1]] ? m[1] : '';
}

/**
 * An evaluator error in the builder's words: the "options:" prefix goes and the option's name becomes
 * its field's label. Only the name the message is about is renamed: text quoted from the fields stays as typed.
 */
export function plainError(message) {
  let text = String(message || '');
  const m = OPTION.exec(text);
  if (m) {
    const name = m[1] && FIELD_NAMES[m[1]] ? FIELD_NAMES[m[1]] : m[1] || '';
    text = name + text.slice(m[0].length);
  }
  text = text.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
