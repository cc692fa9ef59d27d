// A tiny static file server for dist/, bound to 127.0.0.1 only.
// Usage: node serve.mjs [DIR] [PORT] [gzip|br]   (PORT 0 picks a free one)
//
// By default files go out as they are on disk. With an encoding, every file
// of a compressible type is compressed once at startup (gzip at zlib level 9,
// brotli at quality 11) and sent with Content-Encoding to clients that accept
// it, as static hosts (Netlify, Cloudflare, GitHub Pages) do.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.md': 'text/markdown; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.md', '.txt']);

const COMPRESS = {
  gzip: (data) => zlib.gzipSync(data, { level: 9 }),
  br: (data) => zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }),
};

/** Every file under `root`, compressed with `encoding`: Map of absolute path → Buffer. */
function precompress(root, encoding) {
  const out = new Map();
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isFile() && COMPRESSIBLE.has(path.extname(file))) out.set(file, COMPRESS[encoding](fs.readFileSync(file)));
  }
  return out;
}

/** Serves `dir` on `port`; `encoding` is null (as on disk), 'gzip' or 'br'. */
export function serve(dir, port = 0, encoding = null) {
  const root = path.resolve(dir);
  if (encoding && !COMPRESS[encoding]) throw new Error(`serve: unknown encoding ${encoding}`);
  const packed = encoding ? precompress(root, encoding) : new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
    const accepts = (req.headers['accept-encoding'] || '').split(',').map((s) => s.trim().split(';')[0]);
    if (packed.has(file) && accepts.includes(encoding)) {
      res.writeHead(200, { ...headers, 'content-encoding': encoding, vary: 'Accept-Encoding' });
      return res.end(packed.get(file));
    }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); return res.end('not found'); }
      res.writeHead(200, encoding ? { ...headers, vary: 'Accept-Encoding' } : headers);
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const encoding = process.argv[4] || null;
  const server = await serve(dir, Number(process.argv[3] || 8080), encoding);
  console.log(`nslab is served at http://127.0.0.1:${server.address().port}/${encoding ? ` (${encoding})` : ''}  (Ctrl-C stops)`);
}
