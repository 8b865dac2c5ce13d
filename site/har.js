// A HAR file read in the page without holding it: File.stream() in chunks, each chunk handed to the
// calls module's HAR reader (ts.callsHarReader(), core/src/calls/har_stream.cpp) in the worker, which
// keeps only log.entries[].request.method and .url without the query string or fragment (where tokens
// travel). Headers, cookies and bodies are skipped unread: nothing secret is kept, shown, stored or
// shared. The report says input.format "har", as the CLI's for the same file.

export const MAX_HAR_BYTES = 2 * 1024 * 1024 * 1024; // 2 GiB

export class HarError extends Error {}

/**
 * Reads a File in chunks (never the whole file): feed(chunk: Uint8Array) for each chunk in order (a
 * promise: the next chunk is read when it settles; a rejection stops the read with that error),
 * onProgress(bytesRead, total) after each chunk; signal (AbortSignal) cancels. Resolves to {bytes}.
 * Rejects with a HarError for a file past the limit, with feed's error for one that is not a HAR, and
 * with an AbortError when cancelled.
 */
export async function readHar(file, { feed, onProgress = () => {}, signal } = {}) {
  if (file.size > MAX_HAR_BYTES) throw new HarError(`${file.name} is ${file.size} bytes; the limit for a HAR file is ${MAX_HAR_BYTES} bytes (2 GiB)`);
  const reader = file.stream().getReader();
  let read = 0;
  try {
    for (;;) {
      if (signal && signal.aborted) throw new DOMException('cancelled', 'AbortError');
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      await feed(value);
      onProgress(read, file.size);
    }
  } finally {
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
