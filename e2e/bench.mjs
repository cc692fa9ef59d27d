// Benchmark (a report, not a test): navigation to terminal ready, and command
// to diagram updated, in headless Chromium against dist/.
// Usage: node bench.mjs [RUNS]
import { start, open, DESKTOP } from './browser.mjs';

const runs = Number(process.argv[2] || 7);
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const med = s[Math.floor(s.length / 2)];
  return `median ${med.toFixed(1)} ms  (min ${s[0].toFixed(1)}, max ${s[s.length - 1].toFixed(1)}, n=${s.length})`;
};

const { base, browser, close } = await start();
const ready = [];
for (let i = 0; i < runs; i++) {
  const page = await open(browser, base, '#/sandbox', DESKTOP);
  await page.waitForFunction(() => performance.getEntriesByName('terminal-ready').length > 0);
  ready.push(await page.evaluate(() => performance.getEntriesByName('terminal-ready')[0].startTime));
  await page.context().close();
}

// In the page: type a command, press Enter, and time until the diagram's DOM
// shows the change, then until the next frame is painted.
const page = await open(browser, base, '#/sandbox', DESKTOP);
const dom = [], frame = [];
const commands = [];
for (let i = 0; i < runs; i++) {
  commands.push([`ip netns add ns${i}`, `[data-ns="ns${i}"]`]);
  commands.push([`ip link add v${i} type veth peer name w${i}`, `[data-ns="host"] [data-link="v${i}"]`]);
  commands.push([`ip link set v${i} netns ns${i}`, `[data-ns="ns${i}"] [data-link="v${i}"]`]);
}
for (const [cmd, selector] of commands) {
  const [d, f] = await page.evaluate(([cmd, selector]) => new Promise((resolve) => {
    const input = document.querySelector('[data-testid="terminal-input"]');
    const diagram = document.querySelector('.diagram-scroll');
    let domAt = 0;
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (!domAt && diagram.querySelector(selector)) {
        domAt = performance.now();
        obs.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve([domAt - t0, performance.now() - t0]), 0));
      }
    });
    obs.observe(diagram, { subtree: true, childList: true, attributes: true });
    input.value = cmd;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  }), [cmd, selector]);
  dom.push(d);
  frame.push(f);
}
const namespaces = await page.locator('[data-testid="diagram"] [data-ns]').count();

// Reload with a long saved session: everything is replayed before the terminal is ready.
const long = [];
for (let i = 0; i < 60; i++) {
  long.push(`ip netns add r${i}`, `ip link add a${i} type veth peer name b${i}`, `ip link set a${i} netns r${i}`,
    `ip -n r${i} addr add 10.9.${i}.1/24 dev a${i}`, `ip -n r${i} link show`);
}
const replay = [];
for (let i = 0; i < Math.max(3, Math.floor(runs / 2)); i++) {
  const p = await open(browser, base, '#/sandbox', DESKTOP);
  await p.evaluate((lines) => localStorage.setItem('nslab.session.sandbox', lines.join('\n')), long);
  await p.reload();
  await p.waitForFunction(() => performance.getEntriesByName('terminal-ready').length > 0);
  replay.push(await p.evaluate(() => performance.getEntriesByName('terminal-ready')[0].startTime));
  await p.context().close();
}
await close();

console.log(`navigation → terminal ready:          ${stats(ready)}`);
console.log(`command → diagram DOM updated:        ${stats(dom)}`);
console.log(`command → diagram painted (next frame): ${stats(frame)}`);
console.log(`(${commands.length} commands; the lab ended with ${namespaces} boxes)`);
console.log(`reload with ${long.length} saved commands → ready: ${stats(replay)}`);
