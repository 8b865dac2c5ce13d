// Reading a HubSpot project's files in the browser, for the page's "Whole project" panel (site/project.js)
// and <tierscope-preview>'s `project` property and `project-src` attribute (imported by the element only
// when a project is given): a FileList or File[] (an <input webkitdirectory>), a dropped folder
// (FileSystemDirectoryEntry), or a .zip, into {path: text}. Only what the CLI reads is read (no
// node_modules, .git, dist, build, ...; .json and JS/TS/Python files of at most 1 MiB, 20,000 files and
// 64 MiB together); the core applies the same rule again.
// A .zip: fflate (npm, ~8 KB min) was the library that fits; the browser's own DecompressionStream
// ('deflate-raw', Chrome 103+, Firefox 113+, Safari 16.4+) inflates instead, so only the zip's directory
// (~40 lines, below) is read here and nothing is added from outside. No dependencies.

const MAX_FILE = 1024 * 1024;
const MAX_TOTAL = 64 * MAX_FILE;
const MAX_FILES = 20000;
const MAX_ZIP = 256 * MAX_FILE; // the .zip itself (its entries are bounded again one by one)
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', '.hs-build', '.hs-cache', '__pycache__', '.venv']);
const READ = /\.(json|js|jsx|ts|tsx|mjs|cjs|py)$/i;

export class ProjectError extends Error {}

/** Whether a path (folders separated by '/') is one the project is read from. */
export function wanted(path) {
  const parts = path.split('/');
  const name = parts.pop();
  return !parts.some((p) => SKIP_DIRS.has(p)) && name !== 'package-lock.json' && READ.test(name) && !/\.(d\.ts|min\.js)$/i.test(name);
}

/** Collects files: add(path, size, read) with read() → Promise<string>; bounds counted as it goes. */
export function collector() {
  const files = {};
  let count = 0; let total = 0; let skipped = 0;
  return {
    files,
    get count() { return count; },
    get skipped() { return skipped; },
    async add(path, size, read) {
      if (!wanted(path) || size > MAX_FILE) { skipped += 1; return; }
      if (++count > MAX_FILES) throw new ProjectError(`more than ${MAX_FILES} files to read (node_modules, .git, dist and build are skipped)`);
      total += size;
      if (total > MAX_TOTAL) throw new ProjectError('the files to read are more than 64 MiB together');
      const text = await read();
      if (text.includes('\u0000')) { count -= 1; total -= size; skipped += 1; return; } // binary, not code
      files[path] = text;
    },
  };
}

/** The folder's own name is dropped from each path: paths are relative to the chosen folder. */
function relative(path) {
  const i = path.indexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** Files of an <input webkitdirectory> (each with webkitRelativePath). */
export async function fromFileList(list) {
  const c = collector();
  for (const f of list) await c.add(relative(f.webkitRelativePath || f.name), f.size, () => f.text());
  return c;
}

/** A dropped folder (FileSystemDirectoryEntry): walked without entering the skipped folders. */
export async function fromEntry(root) {
  const c = collector();
  const file = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));
  const list = (reader) => new Promise((resolve, reject) => reader.readEntries(resolve, reject));
  async function walk(dir, prefix, depth) {
    if (depth > 32) throw new ProjectError(`folders nested deeper than 32 levels at ${prefix}`);
    const reader = dir.createReader();
    const entries = [];
    for (let got = await list(reader); got.length; got = await list(reader)) entries.push(...got);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = prefix + e.name;
      if (e.isDirectory) { if (!SKIP_DIRS.has(e.name)) await walk(e, `${path}/`, depth + 1); } else if (e.isFile && wanted(path)) {
        const f = await file(e);
        await c.add(path, f.size, () => f.text());
      } else await c.add(path, Infinity, null);
    }
  }
  await walk(root, '', 0);
  return c;
}

/** A .zip: its central directory read here; stored and deflated entries (inflated by the browser). */
export async function fromZip(blob) {
  if (blob.size > MAX_ZIP) throw new ProjectError(`the .zip is more than ${MAX_ZIP / MAX_FILE} MiB`);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const view = new DataView(bytes.buffer);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) throw new ProjectError('not a .zip file (no end of central directory)');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (entries === 0xffff || at === 0xffffffff) throw new ProjectError('ZIP64 archives are not read; zip the project folder without node_modules');
  const names = new TextDecoder();
  const c = collector();
  const items = [];
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ProjectError('the .zip\'s central directory is damaged');
    const flags = view.getUint16(at + 8, true); const method = view.getUint16(at + 10, true);
    const packed = view.getUint32(at + 20, true); const size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true); const extra = view.getUint16(at + 30, true); const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extra + comment;
    if (!name.endsWith('/')) items.push({ name, flags, method, packed, size, local });
  }
  // A single folder around everything (project.zip → project/...) is dropped, as a chosen folder's name.
  const top = items.length && items.every((e) => e.name.includes('/') && e.name.startsWith(items[0].name.split('/')[0] + '/')) ? items[0].name.split('/')[0].length + 1 : 0;
  for (const e of items.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = e.name.slice(top);
    if (path.split("/").some((p) => p === ".." || p === "")) { await c.add(path, Infinity, null); continue; }
    await c.add(path, e.size, async () => {
      if (e.flags & 1) throw new ProjectError(`${path}: encrypted entries are not read`);
      if (e.local + 30 > bytes.length || view.getUint32(e.local, true) !== 0x04034b50) throw new ProjectError(`${path}: damaged entry`);
      const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
      const data = bytes.subarray(start, start + e.packed);
      if (e.method === 0) return names.decode(data.subarray(0, MAX_FILE));
      if (e.method !== 8) throw new ProjectError(`${path}: compression method ${e.method} is not read (stored and deflate are)`);
      return names.decode(await inflate(data, path));
    });
  }
  return c;
}

/** Inflates raw deflate data, stopping past 1 MiB (a declared size is not trusted). */
async function inflate(data, path) {
  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts = []; let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > MAX_FILE) { reader.cancel(); throw new ProjectError(`${path}: more than 1 MiB once unpacked`); }
    parts.push(value);
  }
  const out = new Uint8Array(n); let k = 0;
  for (const p of parts) { out.set(p, k); k += p.length; }
  return out;
}


/** A .zip at a URL of the page's own origin (no redirect followed), read up to the .zip bound. */
export async function fetchZip(src, base = document.baseURI) {
  let url;
  try { url = new URL(src, base); } catch { throw new ProjectError(`project-src is not a URL: ${JSON.stringify(String(src).slice(0, 200))}`); }
  if (url.origin !== location.origin) throw new ProjectError(`project-src must be on this page's origin (${location.origin}), not ${url.origin}`);
  let res;
  try { res = await fetch(url, { credentials: 'same-origin', redirect: 'error' }); } catch (e) {
    throw new ProjectError(`project-src ${url.pathname}: cannot be fetched (${(e && e.message) || e})`);
  }
  if (!res.ok) throw new ProjectError(`project-src ${url.pathname}: HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_ZIP) throw new ProjectError(`project-src ${url.pathname}: the .zip is more than ${MAX_ZIP / MAX_FILE} MiB`);
  const reader = res.body.getReader();
  const parts = []; let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > MAX_ZIP) { reader.cancel(); throw new ProjectError(`project-src ${url.pathname}: the .zip is more than ${MAX_ZIP / MAX_FILE} MiB`); }
    parts.push(value);
  }
  return new Blob(parts);
}

/**
 * What <tierscope-preview>'s `project` property (or `project-src`) names -> the files for ts.checkProject:
 * a FileList or an array of File (a chosen folder: paths from webkitRelativePath, the folder's own name
 * dropped), a Blob or File (a .zip), or {path: text} / [{path, text}] as they are (the engine checks them).
 */
export async function projectFiles(value, src) {
  if (value == null) value = await fetchZip(src);
  const list = typeof FileList !== 'undefined' && value instanceof FileList ? [...value] : value;
  if (Array.isArray(list) && list.length && list.every((f) => f instanceof Blob)) return (await fromFileList(list)).files;
  if (value instanceof Blob) return (await fromZip(value)).files;
  return value;
}
