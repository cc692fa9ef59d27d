// Interaction figures, unthrottled, each in a fresh context: command → diagram
// painted on 50 namespaces, reload of a 1000-command session, command → output
// at 50/500/2000 namespaces, Ctrl-C on an endless loop → next output.
import { DESKTOP } from '../browser.mjs';
import { freshPage, type, fired, command, marks, within } from './page.mjs';

const SECTION = 'Interaction, plain (ms)';
const DIAGRAM = '[data-testid="diagram"]';
const short = (e) => (e.timeout ? `timed out (${e.message})` : e.message.split('\n')[0]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A fresh page at #/sandbox whose input accepts a line. */
async function sandbox(env, base, options = {}) {
  const p = await freshPage(env, { viewport: DESKTOP, ...options });
  await p.page.goto(`${base}#/sandbox`, { timeout: 30000 });
  await p.page.locator('[data-testid="terminal-input"]').waitFor({ timeout: 30000 });
  return p;
}

/** One typed line of bash builds `n` namespaces (with `extra` per namespace). */
async function build(page, n, extra = '') {
  const t = await command(page, `for i in $(seq ${n}); do ip netns add n$i;${extra} done; echo built`,
    { equals: 'built' }, 180000);
  return t.hitAt - t.enterAt;
}

export async function diagram(env, base, figures, count, log) {
  const { page, close } = await sandbox(env, base);
  const painted = [], dom = [], fails = [];
  try {
    await build(page, 50, ' ip link add v$i type veth peer name w$i; ip link set w$i netns n$i;');
    const boxes = await page.locator(`${DIAGRAM} [data-ns]`).count();
    for (let i = 1; fails.length < 3 && painted.length + fails.length < count; i++) {
      const steps = [[`ip link add a${i} type veth peer name b${i}`, `${DIAGRAM} [data-ns] [data-link="a${i}"]`],
        [`ip link set b${i} netns n${((i - 1) % 50) + 1}`, `${DIAGRAM} [data-ns="n${((i - 1) % 50) + 1}"] [data-link="b${i}"]`]];
      for (const [line, selector] of steps) {
        try {
          const t = await command(page, line, { selector }, 5000);
          painted.push(t.paintAt - t.enterAt);
          dom.push(t.hitAt - t.enterAt);
        } catch (e) { fails.push(`${line}: ${short(e)}`); }
      }
      if (i % 10 === 0) log('.');
    }
    figures.add(SECTION, 'command → diagram painted, 50 namespaces', 'gzip', { values: painted, fails, percentiles: true, note: `(${boxes} boxes drawn at start)` });
    figures.add(SECTION, 'command → diagram DOM changed, 50 namespaces', 'gzip', { values: dom, fails, percentiles: true });
  } catch (e) {
    figures.add(SECTION, 'command → diagram painted, 50 namespaces', 'gzip', { fails: [short(e)] });
  } finally { await close(); }
}

/** 100 namespaces wired and queried, ten lines each: 1000 lines. */
function longSession() {
  const lines = [];
  for (let i = 0; i < 100; i++) {
    lines.push(`ip netns add r${i}`, `ip link add a${i} type veth peer name b${i}`, `ip link set a${i} netns r${i}`,
      `ip -n r${i} addr add 10.9.${i}.1/24 dev a${i}`, `ip -n r${i} link set a${i} up`, `ip addr add 10.9.${i}.2/24 dev b${i}`,
      `ip link set b${i} up`, `ip -n r${i} link show`, 'ip -br addr', `echo step ${i}`);
  }
  return lines;
}

export async function reload(env, base, figures, runs, log) {
  const session = longSession().join('\n');
  const ready = [], output = [], fails = [];
  for (let i = 0; i < runs; i++) {
    const { page, close } = await sandbox(env, base);
    try {
      await page.evaluate((s) => localStorage.setItem('nslab.session.sandbox', s), session);
      await within(60000, page.reload({ waitUntil: 'commit' }));
      await page.waitForFunction(() => performance.getEntriesByName('terminal-ready').length, null, { timeout: 60000 });
      ready.push((await marks(page)).ready);
      output.push((await command(page, 'echo ok', { equals: 'ok' }, 60000)).hitAt);
    } catch (e) { fails.push(short(e)); } finally { await close(); }
    log('.');
  }
  figures.add(SECTION, 'reload of a 1000-command session → ready mark', 'gzip', { values: ready, fails });
  figures.add(SECTION, 'reload of a 1000-command session → `echo ok`', 'gzip', { values: output, fails, note: 'from navigation start' });
}

export async function scale(env, base, figures, runs, sizes, log) {
  for (const n of sizes) {
    const { page, close } = await sandbox(env, base);
    const link = [], add = [], fails = [];
    let built = null;
    try {
      built = await build(page, n);
      for (let k = 0; k < runs && fails.length < 2; k++) {
        try {
          const a = await command(page, 'ip -br link', { prefix: 'lo ' }, 30000);
          link.push(a.hitAt - a.enterAt);
          const b = await command(page, `ip netns add x${k}; echo added${k}`, { equals: `added${k}` }, 30000);
          add.push(b.hitAt - b.enterAt);
        } catch (e) { fails.push(short(e)); }
        log('.');
      }
    } catch (e) { fails.push(`building: ${short(e)}`); } finally { await close(); }
    const note = built === null ? '' : `(built by one for-loop line in ${built.toFixed(0)} ms)`;
    figures.add(SECTION, `\`ip -br link\` → output, ${n} namespaces`, 'gzip', { values: link, fails, note });
    figures.add(SECTION, `\`ip netns add x; echo\` → output, ${n} ns`, 'gzip', { values: add, fails });
  }
}

/** Ctrl-C on `awk 'BEGIN{while(1){}}'` → `^C` shown, and → the next command's output. */
export async function interrupt(env, base, figures, runs, limitMs, log) {
  const caret = [], ready = [], fails = [];
  for (let i = 0; i < runs && !fails.length; i++) {
    const { page, close } = await sandbox(env, base);
    try {
      await page.evaluate(() => { window.__bench.arm('caret', { contains: '^C' }); window.__bench.arm('ok', { equals: 'ok' }); });
      await within(limitMs, (async () => {
        await type(page, "awk 'BEGIN{while(1){}}'", limitMs);
        await sleep(300);
        await page.locator('[data-testid="terminal-input"]').press('Control+c', { timeout: limitMs });
        await type(page, 'echo ok', limitMs);
        const c = await fired(page, 'caret', limitMs);
        const o = await fired(page, 'ok', limitMs);
        const at = await page.evaluate(() => window.__bench.ctrlCAt);
        caret.push(c.hitAt - at);
        ready.push(o.hitAt - at);
      })());
    } catch (e) {
      fails.push(e.timeout ? `froze (no answer in ${limitMs / 1000} s)` : short(e));
    } finally { await close(); }
    log('.');
  }
  figures.add(SECTION, 'Ctrl-C on an endless awk → `^C` shown', 'gzip', { values: caret, fails });
  figures.add(SECTION, 'Ctrl-C → next command (`echo ok`) answered', 'gzip', { values: ready, fails });
}

/** Pointing at output → its notes drawn: the first time on the first
 *  load's lab (which fetches the complete lab and replays the session
 *  there), then on a later line, the complete lab already running. */
export async function explain(env, base, figures, runs, log) {
  const first = [], later = [], fails = [];
  const line = (page, text) => page.locator('.t-lines > div[data-entry]', { hasText: text }).last();
  const noted = (page, text) => line(page, text).locator('[data-note]').first().waitFor({ timeout: 60000 });
  for (let i = 0; i < runs && !fails.length; i++) {
    const { page, close } = await sandbox(env, base);
    try {
      await command(page, 'ip link add tap1 type veth peer name tap2; ip link set tap1 up; ip link show tap1', { contains: 'LOWERLAYERDOWN' }, 30000);
      let t = Date.now();
      await line(page, 'LOWERLAYERDOWN').hover();
      await noted(page, 'LOWERLAYERDOWN');
      first.push(Date.now() - t);
      await command(page, 'ip link show tap2', { contains: 'tap2@tap1' }, 30000);
      await page.mouse.move(0, 0);
      t = Date.now();
      await line(page, 'tap2@tap1').hover();
      await noted(page, 'tap2@tap1');
      later.push(Date.now() - t);
    } catch (e) {
      fails.push(short(e));
    } finally { await close(); }
    log('.');
  }
  figures.add(SECTION, 'point at output → notes drawn (first: fetches the complete lab)', 'gzip', { values: first, fails });
  figures.add(SECTION, 'point at output → notes drawn (complete lab running)', 'gzip', { values: later, fails });
}
