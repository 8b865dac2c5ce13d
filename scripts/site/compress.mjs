// Site build step: writes a .gz (gzip -9) and a .br (brotli, quality 11) sibling of every text and
// wasm file under DIR, for static hosts that serve precompressed files (nginx gzip_static /
// brotli_static, Caddy precompressed, …). node's own zlib does both: no extra tool.
//   compress DIR
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const COMPRESSED = ['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt', '.md'];

export function gzip(bytes) { return gzipSync(bytes, { level: 9 }); }
export function brotli(bytes) {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
}

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSED.includes(extname(name))) yield path;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) { console.error('compress: usage: compress DIR'); process.exit(2); }
  let n = 0;
  for (const path of [...files(dir)]) {
    const bytes = readFileSync(path);
    writeFileSync(path + '.gz', gzip(bytes));
    writeFileSync(path + '.br', brotli(bytes));
    n += 1;
  }
  console.log(`compress: .gz and .br beside ${n} files in ${dir}`);
}
