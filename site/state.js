// Page state and the share link. The whole state lives in the URL fragment (#s=<base64url JSON>),
// which browsers never send to a server. An install URL's client_id and redirect_uri are removed
// from the link (the pasted text and the install URL checked against a config) unless the user opts in.

import { lowestTier } from './model.js';

// Hub, tier and feature ids as the catalog writes them; the page keeps those of its model (model.js).
const ID = /^[a-z0-9_]{1,40}$/;
const KINDS = ['required', 'conditional', 'optional'];
const MAX_TEXT = 1 << 20;

export function defaultState(example) {
  return {
    paste: example,
    installUrl: '', // an install URL checked against the pasted app config (optional)
    mode: 'paste', // 'paste': the report follows the pasted text; 'fields': it follows the three fields
    fields: { required: '', conditional: '', optional: '' },
    withoutConditional: false,
    account: { hubs: {}, features: [] },
    selected: 'free',
    includeSecrets: false,
    tools: {}, // the tool panels: their inputs and which are open (tools.js)
  };
}

/** Removes client_id and redirect_uri query parameters from any URL in the text. */
export function stripSecrets(text) {
  return text.replace(/(?<=[?&])(?:client_id|redirect_uri)=[^&#\s"']*&?/g, '').replace(/[?&](?=[#\s"']|$)/gm, '');
}

function toBase64Url(str) {
  const bytes = new TextEncoder().encode(str);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(b64) {
  const bin = atob(b64.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** The fragment for a state: "#s=…". */
export function encodeState(state) {
  const paste = state.includeSecrets ? state.paste : stripSecrets(state.paste);
  const data = { v: 1, paste, mode: state.mode };
  if (state.installUrl) data.url = state.includeSecrets ? state.installUrl : stripSecrets(state.installUrl);
  if (state.mode === 'fields') data.fields = state.fields;
  if (state.withoutConditional) data.wc = true;
  const hubs = Object.fromEntries(Object.entries(state.account.hubs).filter(([, t]) => t && t !== lowestTier()));
  if (Object.keys(hubs).length || state.account.features.length) data.account = { hubs, features: state.account.features };
  if (state.selected && state.selected !== 'free') data.sel = state.selected;
  if (state.includeSecrets) data.secrets = true;
  const tools = encodeTools(state.tools || {}, state.includeSecrets);
  if (Object.keys(tools).length) data.tools = tools;
  return '#s=' + toBase64Url(JSON.stringify(data));
}

const str = (v) => (typeof v === 'string' && v.length <= MAX_TEXT ? v : '');

/** Reads a fragment into a state, or returns null when it holds none (or garbage). */
export function decodeState(hash, example) {
  const m = /^#?s=([A-Za-z0-9_-]+)$/.exec(hash || '');
  if (!m) return null;
  let data;
  try { data = JSON.parse(fromBase64Url(m[1])); } catch { return null; }
  if (!data || typeof data !== 'object' || data.v !== 1) return null;
  const s = defaultState(example);
  s.paste = str(data.paste);
  s.installUrl = str(data.url);
  s.mode = data.mode === 'fields' ? 'fields' : 'paste';
  if (data.fields && typeof data.fields === 'object') for (const k of KINDS) s.fields[k] = str(data.fields[k]);
  s.withoutConditional = data.wc === true;
  if (data.account && typeof data.account === 'object') {
    const hubs = data.account.hubs && typeof data.account.hubs === 'object' ? data.account.hubs : {};
    for (const [h, t] of Object.entries(hubs)) if (ID.test(h) && typeof t === 'string' && ID.test(t)) s.account.hubs[h] = t;
    if (Array.isArray(data.account.features)) s.account.features = data.account.features.filter((f) => typeof f === 'string' && ID.test(f)).slice(0, 64);
  }
  if (typeof data.sel === 'string' && /^[a-z-]{1,40}$/.test(data.sel)) s.selected = data.sel;
  s.includeSecrets = data.secrets === true;
  if (data.tools && typeof data.tools === 'object') s.tools = decodeTools(data.tools);
  return s;
}

/** Splits a field's text into scope names (spaces, commas, new lines). */
export function words(text) {
  return String(text || '').split(/[\s,]+/).filter(Boolean);
}

/**
 * Rewrites the pasted text so that it requests the given scopes, keeping its format. Returns the
 * new text, or null when the format cannot express the request (the fields then lead).
 */
export function rewritePaste(format, text, fields) {
  const req = words(fields.required); const cond = words(fields.conditional); const opt = words(fields.optional);
  try {
    if (format === 'install-url') {
      const lead = /^\s*/.exec(text)[0];
      const u = new URL(text.trim());
      u.searchParams.set('scope', [...req, ...cond].join(' '));
      if (opt.length) u.searchParams.set('optional_scope', opt.join(' '));
      else u.searchParams.delete('optional_scope');
      return lead + u.toString().replace(/\+/g, '%20');
    }
    if (format === 'list') return cond.length || opt.length ? null : req.join(' ');
    if (format === 'private-app' || format === 'public-app' || format === 'app-hsmeta') {
      const j = JSON.parse(text);
      if (format === 'private-app') {
        if (cond.length || opt.length) return null;
        j.scopes = req;
      } else {
        const auth = format === 'public-app' ? j.auth : j.config && j.config.auth;
        if (!auth || typeof auth !== 'object') return null;
        auth.requiredScopes = req;
        if (auth.type === 'static') { // static auth takes required scopes only: its other lists go
          if (cond.length || opt.length) return null;
          delete auth.optionalScopes;
          delete auth.conditionallyRequiredScopes;
        }
        if (opt.length || 'optionalScopes' in auth) auth.optionalScopes = opt;
        if (cond.length || 'conditionallyRequiredScopes' in auth) auth.conditionallyRequiredScopes = cond;
      }
      return JSON.stringify(j, null, 2);
    }
  } catch {
    return null;
  }
  return null;
}

// The tool panels in a share link: text fields (TOOL_TEXT), switches (TOOL_FLAGS) and which panels
// are open. Secrets stay out unless the user opts in: the builder's client ID and redirect URI, and
// client_id / redirect_uri in any pasted URL. A HAR file is never in a text box (the calls module
// reads it), and text that looks like one (JSON) is left out all the same.
export const TOOL_TEXT = ['migrate-input', 'diff-before', 'diff-after', 'calls-input', 'build-account', 'build-client-id', 'build-redirect'];
export const TOOL_FLAGS = ['calls-compare', 'build-eu'];
export const TOOL_PANELS = ['builder-panel', 'migrate-panel', 'diff-panel', 'calls-panel'];
const SECRET_TOOLS = ['build-client-id', 'build-redirect'];

function encodeTools(tools, secrets) {
  const out = {};
  for (const k of TOOL_TEXT) {
    let v = tools[k];
    if (typeof v !== 'string' || !v || v.length > MAX_TEXT) continue;
    if (!secrets && SECRET_TOOLS.includes(k)) continue;
    if (k === 'calls-input' && /^\s*[{[]/.test(v)) continue;
    out[k] = secrets ? v : stripSecrets(v);
  }
  for (const k of TOOL_FLAGS) if (typeof tools[k] === 'boolean') out[k] = tools[k];
  const open = TOOL_PANELS.filter((k) => (tools.open || []).includes(k));
  if (open.length) out.open = open;
  return out;
}

function decodeTools(data) {
  const out = {};
  for (const k of TOOL_TEXT) if (typeof data[k] === 'string' && data[k].length <= MAX_TEXT) out[k] = data[k];
  for (const k of TOOL_FLAGS) if (typeof data[k] === 'boolean') out[k] = data[k];
  if (Array.isArray(data.open)) out.open = TOOL_PANELS.filter((k) => data.open.includes(k));
  return out;
}
