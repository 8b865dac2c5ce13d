// Small helpers of bench/run.mjs: medians and quantiles, a timing loop, and a site's bytes per file.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export function quantile(xs, q) {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return lo === i ? s[lo] : s[lo] + (s[lo + 1] - s[lo]) * (i - lo);
}

export const median = (xs) => quantile(xs, 0.5);

/** Median ms per call of fn: each of cfg.samples samples runs fn until cfg.minMs ms have passed. */
export function sample(fn, cfg) {
  const warm = performance.now(); // warm-up: let the engine tier the code up first
  do fn(); while (performance.now() - warm < cfg.minMs * 4);
  const per = [];
  for (let s = 0; s < cfg.samples; s++) {
    let reps = 0;
    const t0 = performance.now();
    let t = t0;
    do { fn(); reps += 1; t = performance.now(); } while (t - t0 < cfg.minMs);
    per.push((t - t0) / reps);
  }
  return median(per);
}

/** Raw, gzip -9 and brotli (quality 11) bytes of the files a first visit loaded (paths in the site). */
export function siteBytes(site, files) {
  const rows = [];
  for (const f of files) {
    const path = join(site, f);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    rows.push({ file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
  }
  return rows;
}
