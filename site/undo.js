// Undo for the page's fixes: every applied fix (a diagnostic's, a suggestion's, the verdict bar's,
// the corrected install URL) first saves the input it changes. The Undo button and Ctrl+Z (Cmd+Z)
// put the last one back; in a text box Ctrl+Z stays the box's own undo.
const LIMIT = 20;

/**
 * button: the Undo button; take() → a snapshot of the input; put(snapshot, text) puts one back.
 * Returns {save(text), undo(), size()}.
 */
export function initUndo(button, take, put) {
  const stack = [];
  function show() {
    button.hidden = !stack.length;
    button.textContent = stack.length ? `Undo: ${stack[stack.length - 1].text}` : 'Undo';
  }
  function save(text) {
    stack.push({ snap: take(), text });
    if (stack.length > LIMIT) stack.shift();
    show();
  }
  function undo() {
    const last = stack.pop();
    show();
    if (last) put(last.snap, last.text);
    return !!last;
  }
  button.addEventListener('click', () => { undo(); if (button.hidden) document.getElementById('matrix-heading').focus(); });
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z' || !stack.length) return;
    const t = event.target;
    if (t && (t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && /^(text|search|url|)$/.test(t.type || '')) || t.isContentEditable)) return;
    event.preventDefault();
    undo();
  });
  show();
  return { save, undo, size: () => stack.length };
}
