// The tool panels (install URL builder, OAuth 1 migration, before/after diff, API calls) in the
// page's state: their inputs and which panels are open go into the share link (state.js encodes,
// leaving secrets out) and come back from it.
import { TOOL_TEXT, TOOL_FLAGS, TOOL_PANELS } from './state.js';

/** The tool panels as they are now. */
export function readTools() {
  const out = { open: [] };
  for (const id of TOOL_TEXT) { const e = document.getElementById(id); if (e && e.value) out[id] = e.value; }
  for (const id of TOOL_FLAGS) { const e = document.getElementById(id); if (e) out[id] = e.checked; }
  for (const id of TOOL_PANELS) { const e = document.getElementById(id); if (e && e.open) out.open.push(id); }
  return out;
}

/**
 * Puts restored tool state into the panels: values first (each gets an input or change event, so its
 * panel works as after typing), then the panels open.
 */
export function writeTools(tools) {
  if (!tools || !Object.keys(tools).length) return;
  for (const id of TOOL_TEXT) {
    const e = document.getElementById(id);
    if (!e || typeof tools[id] !== 'string') continue;
    e.value = tools[id];
    if (id === 'build-redirect') e.dataset.edited = 'true';
    e.dispatchEvent(new Event('input', { bubbles: true }));
  }
  for (const id of TOOL_FLAGS) {
    const e = document.getElementById(id);
    if (!e || typeof tools[id] !== 'boolean') continue;
    e.checked = tools[id];
    e.dispatchEvent(new Event('change', { bubbles: true }));
  }
  for (const id of tools.open || []) { const e = document.getElementById(id); if (e) e.open = true; }
}

/** Calls onChange() whenever a tool input changes or a panel opens or closes. */
export function watchTools(onChange) {
  for (const id of [...TOOL_TEXT, ...TOOL_FLAGS]) {
    const e = document.getElementById(id);
    if (e) { e.addEventListener('input', onChange); e.addEventListener('change', onChange); }
  }
  for (const id of TOOL_PANELS) { const e = document.getElementById(id); if (e) e.addEventListener('toggle', onChange); }
}
