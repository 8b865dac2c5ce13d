// A HAR file read in the page without holding it: the worker reads the File itself (a File handed to
// a worker is a reference, not a copy), part by part through File.slice().stream(), into the calls
// module's HAR reader (ts.callsHarReader(), core/src/calls/har_stream.cpp), which keeps only
// log.entries[].request.method and .url without the query string or fragment (where tokens travel).
// Headers, cookies and bodies are skipped unread: nothing secret is kept, shown, stored or shared.
// The report says input.format "har", as the CLI's for the same file.
// The page's side (readHarParts) asks the worker for one part of PART bytes at a time and moves the
// progress bar between parts (a repaint per 16 MiB, not per chunk); no byte of the file crosses from
// the page to the worker.

export const MAX_HAR_BYTES = 2 * 1024 * 1024 * 1024; // 2 GiB

export class HarError extends Error {}

// The page reads a HAR through the worker in parts of PART bytes; the worker fills pieces of PIECE bytes
// (one buffer, reused) and feeds each to the calls module.
export const PART = 16 << 20;
const PIECE = 1 << 20;

/**
 * Reads a File through read(start, end) (the worker's harRead: it reads that part of the file itself
 * and feeds it to its reader; resolves to the bytes read), one part of PART bytes after the other, in
 * order; onProgress(bytesRead, total) after each part; signal (AbortSignal) cancels between parts.
 * Resolves to {bytes}. Rejects with a HarError for a file past the limit, with read's error for one
 * that is not a HAR, and with an AbortError when cancelled.
 */
export async function readHarParts(file, { read, onProgress = () => {}, signal } = {}) {
  if (file.size > MAX_HAR_BYTES) throw new HarError(`${file.name} is ${file.size} bytes; the limit for a HAR file is ${MAX_HAR_BYTES} bytes (2 GiB)`);
  let at = 0;
  do {
    if (signal && signal.aborted) throw new DOMException('cancelled', 'AbortError');
    const end = Math.min(file.size, at + PART);
    const n = await read(at, end);
    if (n !== end - at) throw new HarError(`${file.name} changed while it was read (${n} bytes where ${end - at} were expected at byte ${at})`);
    at = end;
    onProgress(at, file.size);
  } while (at < file.size);
  if (signal && signal.aborted) throw new DOMException('cancelled', 'AbortError');
  return { bytes: at };
}

// The worker's piece buffer: filled from the stream (a BYOB reader fills it in place where the stream
// allows, else each chunk is copied in), then fed to the calls module in one call.
let spare = null;

/** Reads a Blob's stream into the reader r in pieces of PIECE bytes; resolves to the bytes read. */
async function feedStream(r, stream) {
  let buf = spare || new ArrayBuffer(PIECE);
  spare = null;
  let filled = 0; let total = 0;
  let byob = null; let plain = null;
  try { byob = stream.getReader({ mode: 'byob' }); } catch { plain = stream.getReader(); }
  const flush = () => {
    if (!filled) return;
    r.feed(new Uint8Array(buf, 0, filled));
    total += filled; filled = 0;
  };
  try {
    for (;;) {
      if (byob) {
        const { done, value } = await byob.read(new Uint8Array(buf, filled, PIECE - filled));
        if (value) { buf = value.buffer; filled += value.byteLength; }
        if (done) break;
      } else {
        const { done, value } = await plain.read();
        if (done) break;
        for (let i = 0; i < value.byteLength;) {
          const n = Math.min(PIECE - filled, value.byteLength - i);
          new Uint8Array(buf, filled, n).set(value.subarray(i, i + n));
          filled += n; i += n;
          if (filled === PIECE) flush();
        }
        continue;
      }
      if (filled === PIECE) flush();
    }
    flush();
  } finally {
    (byob || plain).cancel().catch(() => {});
  }
  spare = buf;
  return total;
}

// The worker's side (worker.js routes these call names here): one calls-module HAR reader per id.
const readers = new Map();
let lastId = 0;
function readerOf(id) {
  const r = readers.get(id);
  if (!r) throw new HarError('this HAR file is no longer open: drop it again');
  return r;
}
export const harCalls = {
  async harOpen(ts) {
    lastId += 1;
    readers.set(lastId, await ts.callsHarReader());
    return lastId;
  },
  // One part [start, end) of a File, read here and fed to reader id: resolves to the bytes read.
  async harRead(ts, id, file, start, end) {
    const r = readerOf(id);
    try {
      return await feedStream(r, file.slice(start, end).stream());
    } catch (e) {
      readers.delete(id); // the reader closed itself (not a HAR) or the file could not be read
      r.close();
      throw e;
    }
  },
  harFinish: (ts, id, config) => readerOf(id).finish(config),
  harClose(ts, id) {
    const r = readers.get(id);
    if (r) r.close();
    readers.delete(id);
  },
};
