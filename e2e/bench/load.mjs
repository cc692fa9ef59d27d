// Loading figures: navigation start → first contentful paint, → the page's
// `terminal-ready` mark, → the output of the first command (`ip -br link`
// typed as soon as the input accepts it, until a line starting `lo `).
// Each run is a fresh browser context with the cache disabled.
import { DESKTOP, PHONE } from '../browser.mjs';
import { THROTTLED } from './cdp.mjs';
import { summarise } from './stats.mjs';
import { freshPage, typeWhenReady, fired, marks, within, INPUT_READY } from './page.mjs';

const PROFILES = [
  { name: 'plain', throttled: null, viewport: DESKTOP, timeout: 20000 },
  { name: 'throttled', throttled: THROTTLED, viewport: PHONE, timeout: 60000 },
];

async function loadOnce(env, base, profile) {
  const { page, emu, close } = await freshPage(env, {
    throttled: profile.throttled, viewport: profile.viewport, armed: { input: { selector: INPUT_READY }, first: { prefix: 'lo ' } },
  });
  try {
    await within(profile.timeout, page.goto(`${base}#/sandbox`, { waitUntil: 'commit', timeout: profile.timeout }));
    await typeWhenReady(page, 'input', 'ip -br link', profile.timeout);
    const first = await fired(page, 'first', profile.timeout);
    const m = await marks(page);
    return { fcp: m.fcp, ready: m.ready, output: first.hitAt, enter: first.enterAt, wire: emu.wire, emu };
  } finally {
    await close();
  }
}

/** Adds the loading figures for one server (`serving` names its encoding). */
export async function loading(env, figures, base, serving, runs, log) {
  for (const profile of PROFILES) {
    const got = { fcp: [], ready: [], output: [], enter: [], wire: [] };
    const fails = [];
    for (let i = 0; i < runs; i++) {
      try {
        const r = await loadOnce(env, base, profile);
        for (const k of Object.keys(got)) got[k].push(r[k]);
        env.coverage(profile.name, r.emu);
      } catch (e) {
        fails.push(e.timeout ? `timed out (${e.message})` : e.message.split('\n')[0]);
      }
      log('.');
    }
    const setting = `${serving} ${profile.name}`;
    const missing = (what) => (fails.length ? fails : [`no ${what} entry`]);
    figures.add('Loading, navigation start → … (ms)', 'first contentful paint', setting,
      { values: got.fcp, fails: got.fcp.some((v) => v === null) ? missing('paint') : fails });
    figures.add('Loading, navigation start → … (ms)', "ready (the page's terminal-ready mark)", setting,
      { values: got.ready, fails: got.ready.some((v) => v === null) ? missing('terminal-ready') : fails });
    const med = (xs) => summarise(xs).median;
    const wire = got.wire.length ? `Enter at ${med(got.enter).toFixed(0)}; wire ${(med(got.wire) / 1000).toFixed(1)} KB` : '';
    figures.add('Loading, navigation start → … (ms)', 'first output (`ip -br link` → `lo `)', setting,
      { values: got.output, fails, note: wire });
  }
}
