// A HAR file read in the page without holding it: File.stream() in chunks, each chunk handed to the
// calls module's HAR reader (ts.callsHarReader(), core/src/calls/har_stream.cpp) in the worker, which
// keeps only log.entries[].request.method and .url without the query string or fragment (where tokens
// travel). Headers, cookies and bodies are skipped unread: nothing secret is kept, shown, stored or
// shared. The report says input.format "har", as the CLI's for the same file.

export const MAX_HAR_BYTES = 2 * 1024 * 1024 * 1024; // 2 GiB

export class HarError extends Error {}

// Pieces of about 1 MiB go to feed (the stream's chunks are ~64 KB: one message to the worker per
// chunk costs more than the reading), and up to 4 pieces are in flight at once.
const PIECE = 1 << 20;
const IN_FLIGHT = 4;

/**
 * Reads a File in chunks (never the whole file): feed(piece: Uint8Array) for each piece in order
 * (pieces of ~1 MiB; a promise: at most 4 are pending, and a rejection stops the read with that
 * error), onProgress(bytesRead, total) as pieces are handed over; signal (AbortSignal) cancels.
 * Resolves to {bytes} once every piece is fed. Rejects with a HarError for a file past the limit,
 * with feed's error for one that is not a HAR, and with an AbortError when cancelled.
 */
export async function readHar(file, { feed, onProgress = () => {}, signal } = {}) {
  if (file.size > MAX_HAR_BYTES) throw new HarError(`${file.name} is ${file.size} bytes; the limit for a HAR file is ${MAX_HAR_BYTES} bytes (2 GiB)`);
  const reader = file.stream().getReader();
  const pending = [];
  let read = 0; let held = []; let heldBytes = 0;
  const send = async () => {
    if (!heldBytes) return;
    let piece = held[0];
    if (held.length > 1) {
      piece = new Uint8Array(heldBytes);
      let at = 0;
      for (const c of held) { piece.set(c, at); at += c.byteLength; }
    }
    held = []; heldBytes = 0;
    pending.push(Promise.resolve(feed(piece)));
    if (pending.length >= IN_FLIGHT) await pending.shift();
  };
  try {
    for (;;) {
      if (signal && signal.aborted) throw new DOMException('cancelled', 'AbortError');
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      held.push(value); heldBytes += value.byteLength;
      if (heldBytes >= PIECE) { await send(); onProgress(read, file.size); }
    }
    await send();
    while (pending.length) await pending.shift();
    onProgress(read, file.size);
  } finally {
    for (const p of pending) p.catch(() => {}); // a failed piece's siblings: already answered by the error
    reader.cancel().catch(() => {});
  }
  return { bytes: read };
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
  harFeed(ts, id, chunk) {
    const r = readerOf(id);
    try {
      r.feed(chunk);
    } catch (e) {
      readers.delete(id); // the reader closed itself: a file that is not a HAR
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
