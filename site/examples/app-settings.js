// Parent side of the iframe embed: sends tierscope:set when the form changes, shows the reports
// that come back and sizes the frame from tierscope:resize. Copy this pattern into your page.
const frame = document.getElementById('preview-frame');
const form = document.getElementById('scopes-form');
const lastReport = document.getElementById('last-report');
const log = document.getElementById('log');
// The embed's origin: accept messages only from it, and post only to it (never "*").
const EMBED_ORIGIN = new URL(frame.src, location.href).origin;

function currentScopes() {
  const required = form.elements.required.value.split(/[\s,]+/).filter(Boolean);
  const optional = [];
  for (const box of form.querySelectorAll('input[name="feature"]:checked')) {
    (box.dataset.kind === 'required' ? required : optional).push(box.value);
  }
  return {
    type: 'tierscope:set',
    required,
    optional,
    profiles: form.elements['marketing-only'].checked
      ? 'free marketing-starter marketing-professional marketing-enterprise' : null,
    compact: form.elements.compact.checked,
  };
}

function send() {
  const message = currentScopes();
  frame.contentWindow.postMessage(message, EMBED_ORIGIN);
  addLog('sent tierscope:set', `required: ${message.required.join(' ') || '(none)'}; optional: ${message.optional.join(' ') || '(none)'}`);
}

function addLog(what, text) {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${what}: ${text}`;
  log.prepend(li);
  while (log.children.length > 8) log.lastElementChild.remove();
}

let timer = 0;
form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(send, 150); });
form.addEventListener('submit', (e) => e.preventDefault());

window.addEventListener('message', (event) => {
  if (event.origin !== EMBED_ORIGIN || event.source !== frame.contentWindow) return;
  const msg = event.data;
  if (!msg || typeof msg !== 'object') return;
  switch (msg.type) {
    case 'tierscope:ready':
      addLog('received tierscope:ready', 'sending the current scopes');
      send();
      break;
    case 'tierscope:resize':
      if (Number.isFinite(msg.height) && msg.height > 0) {
        frame.style.height = `${Math.min(Math.ceil(msg.height), 5000)}px`;
        addLog('received tierscope:resize', `${msg.height}px`);
      }
      break;
    case 'tierscope:report': {
      const r = msg.report;
      const cov = r.coverage.profiles;
      const free = r.profiles.find((p) => p.id === 'free');
      lastReport.textContent = `Installs on ${cov.installs} of ${cov.total} standard tiers` +
        (free ? `; free accounts: ${free.status.replace('-', ' ')}` : '') + '.';
      lastReport.dataset.installs = String(cov.installs);
      addLog('received tierscope:report', `${cov.installs}/${cov.total} install, ${r.profiles.length} rows`);
      break;
    }
    case 'tierscope:error':
      lastReport.textContent = `The preview cannot read these scopes: ${msg.error.message}`;
      addLog('received tierscope:error', msg.error.message);
      break;
    default:
      break;
  }
});
