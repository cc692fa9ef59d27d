// Benchmark (a report, never a test): how long a learner waits for the site,
// in headless Chromium against a built site served as static hosts serve it.
// Usage: node bench.mjs [--dist DIR] [--runs N] [--json FILE] [--skip-load] [--skip-interaction]
//   --dist   the built site (default $NSLAB_DIST or dist/)
//   --runs   runs per loading figure, and per interaction median (default 5)
//   --json   also write the figures to FILE
// Modules: bench/cdp.mjs (DevTools emulation of page and workers),
// bench/page.mjs (fresh pages, in-page timestamps), bench/load.mjs,
// bench/interact.mjs, bench/stats.mjs (medians and the table).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { LAUNCH, DIST } from './browser.mjs';
import { serve } from './serve.mjs';
import { connect, THROTTLED } from './bench/cdp.mjs';
import { loading } from './bench/load.mjs';
import { diagram, reload, scale, interrupt, explain } from './bench/interact.mjs';
import { Figures, table } from './bench/stats.mjs';

const { values: opt } = parseArgs({
  options: {
    dist: { type: 'string', default: DIST }, runs: { type: 'string', default: '5' }, json: { type: 'string' },
    'skip-load': { type: 'boolean' }, 'skip-interaction': { type: 'boolean' },
  },
});
const runs = Math.max(1, Number(opt.runs));
const dist = path.resolve(opt.dist);
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`bench: no site at ${dist} (build it with scripts/build-site, or pass --dist)`);
  process.exit(1);
}

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const log = (s) => process.stderr.write(s);

// Which DevTools settings each kind of target accepted, over all runs.
const coverage = new Map();
function record(profile, emu) {
  const note = (who, r) => {
    const key = `${profile} ${who}`;
    const was = coverage.get(key) || {};
    const merged = { ...r };
    for (const [k, v] of Object.entries(was)) if (v !== 'ok') merged[k] = v; // a complaint, once seen, stays
    coverage.set(key, merged);
  };
  note('page', emu.page);
  for (const w of emu.workers) note(`${w.type} ${path.basename(new URL(w.url || 'about:blank').pathname) || w.url}`, w.result);
  if (!emu.workers.length && !coverage.has(`${profile} workers`)) coverage.set(`${profile} workers`, 'none started');
}

const port = await freePort();
const browser = await chromium.launch({ ...LAUNCH, args: [...LAUNCH.args, `--remote-debugging-port=${port}`] });
const cdp = await connect(port);
const env = { browser, cdp, coverage: record };
const servers = {};
for (const encoding of ['gzip', 'br']) servers[encoding] = await serve(dist, 0, encoding);
const base = (encoding) => `http://127.0.0.1:${servers[encoding].address().port}/`;

const figures = new Figures();
const started = Date.now();
const loadBefore = os.loadavg()[0];
try {
  if (!opt['skip-load']) {
    log('loading (gzip) ');
    await loading(env, figures, base('gzip'), 'gzip', runs, log);
    log('\nloading (brotli) ');
    await loading(env, figures, base('br'), 'br', runs, log);
    log('\n');
  }
  if (!opt['skip-interaction']) {
    log('diagram ');
    await diagram(env, base('gzip'), figures, 120, log);
    log('\nreload ');
    await reload(env, base('gzip'), figures, runs, log);
    log('\nlarge labs ');
    await scale(env, base('gzip'), figures, runs, [50, 500, 2000], log);
    log('\nCtrl-C ');
    await interrupt(env, base('gzip'), figures, runs, 10000, log);
    log('\nexplain ');
    await explain(env, base('gzip'), figures, runs, log);
    log('\n');
  }
} finally {
  cdp.close();
  await browser.close();
  for (const s of Object.values(servers)) s.close();
}

const meta = {
  dist, runs, chromium: browser.version(), loadavg: [loadBefore, os.loadavg()[0]].map((l) => +l.toFixed(2)), cores: os.cpus().length, date: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000),
  serving: 'precompressed once: gzip (zlib level 9) or br (quality 11), Content-Encoding, Cache-Control: no-cache; browser cache disabled (Network.setCacheDisabled)',
  plain: 'no throttling, 1440x900', throttled: `${THROTTLED.label}, 390x844 phone viewport`,
  devtools: Object.fromEntries(coverage),
};
const covered = [...coverage].map(([k, v]) => `  ${k}: ${typeof v === 'string' ? v : Object.entries(v).map(([a, b]) => `${a} ${b}`).join(', ')}`);
console.log(`nslab bench-site — ${dist}, Chromium ${meta.chromium}, ${runs} runs a figure, ${meta.seconds} s`);
console.log(`machine: ${meta.cores} cores, load average ${meta.loadavg.join(' → ')} (other work on the machine slows every figure)`);
console.log(`serving: ${meta.serving}`);
console.log(`plain: ${meta.plain}; throttled: ${meta.throttled}`);
if (covered.length) console.log(`DevTools settings accepted per target (loading runs):\n${covered.join('\n')}`);
if ([...coverage].some(([k, v]) => !k.endsWith(' page') && v.cpu && v.cpu !== 'ok')) {
  console.log('  note: a worker\'s fetches follow the page\'s network throttling, but Chromium slows only a page\'s CPU;');
  console.log('  the lab\'s work in a worker runs at full speed in the throttled figures (see web/README.md)');
}
console.log(table(figures));
if (opt.json) fs.writeFileSync(opt.json, JSON.stringify({ meta, figures: figures.list }, null, 2) + '\n');
