// Pages for the benchmark: a fresh browser context per measurement, the
// DevTools emulation of cdp.mjs, and a small in-page harness that timestamps
// (performance.now(), i.e. ms since navigation start) the keys pressed and the
// moment the terminal or the diagram shows what a watch waits for.
import { emulate } from './cdp.mjs';

export const TERMINAL = '[data-testid="terminal-output"], [data-testid="terminal"]';
export const INPUT = '[data-testid="terminal-input"]';
/** The input as it looks when it accepts a line. */
export const INPUT_READY = `${INPUT}:not([disabled]):not([readonly])`;

/** Runs in the page before its own scripts (an init script). */
function harness(armed) {
  if (window.__bench) return;
  const b = (window.__bench = { enterAt: null, ctrlCAt: null, watches: new Map(), done: {} });
  addEventListener('keydown', (e) => {
    if (e.key === 'Enter') b.enterAt = performance.now();
    if (e.ctrlKey && e.key.toLowerCase() === 'c') b.ctrlCAt = performance.now();
  }, true);
  // A terminal line is a child element's text, split at newlines.
  b.lines = () => {
    const t = document.querySelector('[data-testid="terminal-output"]') || document.querySelector('[data-testid="terminal"]');
    if (!t) return [];
    return (t.children.length ? [...t.children] : [t]).flatMap((k) => k.textContent.split('\n'));
  };
  const matches = (spec, line) => (spec.prefix !== undefined ? line.startsWith(spec.prefix)
    : spec.equals !== undefined ? line.trimEnd() === spec.equals : line.includes(spec.contains));
  b.count = (spec) => (spec.selector ? document.querySelectorAll(spec.selector).length
    : b.lines().filter((l) => matches(spec, l)).length);
  const check = () => {
    for (const [name, w] of b.watches) {
      if (b.count(w.spec) < (w.spec.count || 1)) continue;
      b.watches.delete(name);
      const hitAt = performance.now();
      const enterAt = b.enterAt;
      // Painted: the frame after the change has run, then its task ends.
      requestAnimationFrame(() => setTimeout(() => { b.done[name] = { hitAt, paintAt: performance.now(), enterAt }; }, 0));
    }
  };
  b.arm = (name, spec) => { delete b.done[name]; b.watches.set(name, { spec }); check(); };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  for (const [name, spec] of Object.entries(armed || {})) b.arm(name, spec);
}

/** Rejects after `ms` with a `timeout` flag, so a frozen page never hangs the bench. */
export function within(ms, promise) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer in ${ms / 1000} s`), { timeout: true })), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/**
 * A fresh context and page, cache disabled and `throttled` (or null) applied
 * through cdp.mjs, the harness installed with watches `armed` from the start.
 */
export async function freshPage(env, { throttled = null, viewport, armed = {}, storage = null } = {}) {
  const context = await env.browser.newContext(viewport);
  await context.addInitScript(harness, armed);
  if (storage) await context.addInitScript((s) => { for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }, storage);
  const page = await context.newPage();
  const emu = await emulate(env.cdp, page, throttled);
  return {
    page, emu,
    async close() {
      await within(10000, emu.detach()).catch(() => {});
      await within(20000, context.close()).catch(() => {});
    },
  };
}

/** Fills the terminal input as soon as it accepts input, then presses Enter. */
export async function type(page, line, timeout = 30000) {
  const input = page.locator(INPUT);
  await input.fill(line, { timeout });
  await input.press('Enter', { timeout });
}

/**
 * Types `line` the moment the in-page watch `name` (armed on INPUT_READY) saw
 * the input accept input: Playwright's own actionability wait polls and waits
 * for a stable box over frames, which costs a throttled page hundreds of ms.
 */
export async function typeWhenReady(page, name, line, timeout) {
  await fired(page, name, timeout);
  const input = page.locator(INPUT);
  await input.fill(line, { force: true, timeout });
  await input.press('Enter', { timeout });
}

/** Waits for watch `name` to have fired; returns { hitAt, paintAt, enterAt }. */
export async function fired(page, name, timeout) {
  const handle = await within(timeout + 2000,
    page.waitForFunction((n) => window.__bench.done[n], name, { timeout, polling: 10 }));
  return handle.jsonValue();
}

/** Arms a watch for the next occurrence of a line or selector (one more than now). */
export async function armNext(page, name, spec) {
  await page.evaluate(([n, s]) => window.__bench.arm(n, { ...s, count: window.__bench.count(s) + 1 }), [name, spec]);
}

/** Types `line` and waits until `spec` shows once more; returns the watch's times. */
export async function command(page, line, spec, timeout = 30000) {
  await armNext(page, 'cmd', spec);
  await type(page, line, timeout);
  return fired(page, 'cmd', timeout);
}

/** performance marks the page sets: first contentful paint and terminal-ready, or null. */
export const marks = (page) => page.evaluate(() => ({
  fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null,
  ready: performance.getEntriesByName('terminal-ready')[0]?.startTime ?? null,
}));
