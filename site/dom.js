// Tiny DOM helpers: every text goes through textContent, never through HTML parsing.

/** h('li.cls', {attr: v}, child, …): children are nodes or strings (become text nodes). */
export function h(tag, attrs, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name);
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) { el.addEventListener(k.slice(2), v); fresh.add(el); }
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);

/**
 * Runs fn in an idle period, at the latest after `timeout` ms; where there is no requestIdleCallback, after
 * `fallback` ms. Returns an id for cancelIdle.
 */
export function whenIdle(fn, timeout, fallback = 50) {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout }) : setTimeout(fn, fallback);
}
export function cancelIdle(id) {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(id); else clearTimeout(id);
}

export const STATUS = {
  installs: { icon: '✓', text: 'Installs', short: 'Installs' },
  'permission-error': { icon: '✕', text: 'Permission error', short: 'Perm. error' },
  'invalid-scope': { icon: '⊘', text: 'Invalid scope', short: 'Invalid' },
  uncertain: { icon: '?', text: 'Uncertain', short: 'Uncertain' },
  'unknown-scope': { icon: '?', text: 'Unknown scope', short: 'Unknown' },
  'url-mismatch': { icon: '≠', text: 'URL mismatch', short: 'Mismatch' },
  'insufficient-scopes': { icon: '⊖', text: 'Insufficient scopes', short: 'Insuff.' },
};

/** "12.5 %" with at most one decimal; tiny non-zero shares show as "< 0.1 %". */
export function pct(n, total) {
  if (!total) return '0 %';
  const p = (100 * n) / total;
  if (p > 0 && p < 0.1) return '< 0.1 %';
  if (p < 100 && p > 99.9) return '> 99.9 %';
  return (Math.round(p * 10) / 10).toLocaleString('en-US') + ' %';
}

export function replaceChildren(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/** Copies text to the clipboard; false when the clipboard is not available (then show a fallback). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Scope names as <code> elements separated by spaces. */
export function codes(names) {
  return names.flatMap((n, i) => (i ? [' ', h('code', { text: n })] : [h('code', { text: n })]));
}

/** A status as a badge: icon (hidden from screen readers) and words. */
export function statusBadge(status) {
  const st = STATUS[status] || { icon: '•', text: status };
  return h(`span.badge.status-${status}`, {}, h('span', { 'aria-hidden': 'true', text: `${st.icon} ` }), st.text);
}

/**
 * A scope name as text nodes with a line-break opportunity (<wbr>) after each "." and "_", so a
 * long name wraps only there (never mid-word). No HTML is parsed.
 */
export function breakable(name) {
  const out = [];
  for (const part of String(name).split(/(?<=[._])/)) {
    if (out.length) out.push(document.createElement('wbr'));
    out.push(document.createTextNode(part));
  }
  return out;
}

/** Names separated by spaces, each breakable only after "." or "_". */
export function breakableList(names) {
  return names.flatMap((n, i) => (i ? [' ', ...breakable(n)] : breakable(n)));
}

// Elements never reused by morphChildren in place of a new one: those h() gave an event listener (its
// handler belongs to the new content) and those marked with alwaysNew (something will write into them).
const fresh = new WeakSet();
export const alwaysNew = (el) => { fresh.add(el); return el; };

/**
 * Makes root's children the given nodes (strings become text), reusing the elements already there that
 * match: same tag and attributes, then their children likewise, text changed in place. A panel rebuilt
 * per key whose content changed in one line then lays out that line, not the whole panel (issue 21:
 * the consent preview of 100 scopes, ~800 layout objects, was laid out again after every key). Form
 * controls, elements with listeners and alwaysNew ones are replaced, never reused.
 */
export function morphChildren(root, ...children) {
  const nodes = children.flat().filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (typeof c === 'string' ? document.createTextNode(c) : c));
  const from = document.createDocumentFragment();
  from.append(...nodes);
  morphInto(root, from);
}

/** root's children become from's (which it takes), reusing root's where they match (reuse). */
function morphInto(root, from) {
  let x = root.firstChild;
  for (let y = from.firstChild; y;) {
    const next = y.nextSibling;
    if (!x) root.appendChild(y);
    else if (reuse(x, y)) x = x.nextSibling;
    else { const after = x.nextSibling; root.replaceChild(y, x); x = after; }
    y = next;
  }
  while (x) { const after = x.nextSibling; x.remove(); x = after; }
}

const CONTROLS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON']);
function reuse(x, y) {
  if (x.nodeType !== y.nodeType) return false;
  if (x.nodeType === 3) { if (x.data !== y.data) x.data = y.data; return true; }
  if (x.nodeType !== 1 || x.tagName !== y.tagName || fresh.has(x) || fresh.has(y) || CONTROLS.has(x.tagName)) return false;
  const a = y.attributes;
  if (x.attributes.length !== a.length) return false;
  for (let i = 0; i < a.length; i++) if (x.getAttribute(a[i].name) !== a[i].value) return false;
  morphInto(x, y);
  return true;
}
