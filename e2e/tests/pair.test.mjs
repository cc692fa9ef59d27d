// Pairing the page with a real kernel (issue 15): `lab-agent serve` on
// loopback serves the site and runs the lines in its sandbox. The site it
// serves and the same site from another origin pair through the link it
// prints; vm runs lines on the kernel, both marks what printed otherwise.
// The agent makes network namespaces: as root only (CI runs as root).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { start, open, run, output, DIST } from '../browser.mjs';
import { serve } from '../serve.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const AGENT = path.join(ROOT, 'target', 'debug', 'lab-agent');
const TOKEN = `e2e-${process.pid}-${Date.now()}`;
const root = process.getuid?.() === 0;

let site; // the other origin, which the agent allows
let stranger; // a third origin, which it does not
let agent;
let link; // what the agent printed after `pair: `

/** A port free on loopback now. */
const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

before(async () => {
  if (!root) return;
  site = await start();
  stranger = await serve(DIST, 0);
  execFileSync('cargo', ['build', '--quiet', '-p', 'lab-agent'], { cwd: ROOT, stdio: 'inherit' });
  const port = await freePort();
  agent = spawn(AGENT, ['serve', '--listen', `127.0.0.1:${port}`, '--token', TOKEN, '--site', DIST,
    '--allow-origin', new URL(site.base).origin], { stdio: ['ignore', 'pipe', 'inherit'] });
  link = await new Promise((resolve, reject) => {
    agent.on('exit', (code) => reject(new Error(`lab-agent serve exited (${code})`)));
    readline.createInterface({ input: agent.stdout }).on('line', (l) => {
      if (l.startsWith('pair: ')) resolve(l.slice('pair: '.length).trim());
    });
  });
});

after(async () => {
  agent?.kill('SIGKILL');
  stranger?.close();
  await site?.close();
});

const opts = { skip: !root && 'lab-agent serve needs root (network namespaces)' };
/** The pairing link's fragment (`#/pair?agent=…&token=…`), with another token if given. */
const fragment = (token) => {
  const hash = new URL(link).hash;
  return token === undefined ? hash : hash.replace(/token=[^&]*/, `token=${encodeURIComponent(token)}`);
};
const status = (page) => page.getByTestId('pair-status').textContent();
const statusMatches = (page, re) => page.waitForFunction(
  (src) => new RegExp(src).test(document.querySelector('[data-testid="pair-status"]').textContent), re.source);
const marks = (page) => page.locator('[data-testid="terminal-output"] [data-testid="diff"]').count();

test('the site the agent serves pairs through its link and runs lines on the kernel', opts, async () => {
  const base = link.split('#')[0];
  const page = await open(site.browser, base, fragment());
  await statusMatches(page, /connected to \S+ \(Linux \S+\)/);
  assert.doesNotMatch(page.url(), /token/, 'the token leaves the address bar');
  assert.equal(await page.getByTestId('engine-vm').isDisabled(), false);
  await page.getByTestId('engine-vm').click();
  assert.equal(await page.getByTestId('engine-vm').getAttribute('aria-checked'), 'true', 'an empty session switches at once');
  await run(page, 'ip netns add red');
  await run(page, 'ip link add v1 type veth peer name v2');
  await run(page, 'ip netns');
  assert.match(await output(page), /ip netns\s*red\s/);
  await page.waitForSelector('[data-testid="diagram"] [data-ns="red"]');
  await page.waitForSelector('[data-testid="diagram"] [data-link="v2"]');
  // The kernel's own text: the sandbox's loopback.
  await run(page, 'ip -br link show lo');
  assert.match(await output(page), /lo\s+(UNKNOWN|DOWN)\s+00:00:00:00:00:00/);
  // Ctrl-C stops a line running on the VM (the agent answers 130), and the next line runs.
  const input = page.getByTestId('terminal-input');
  await input.fill('sleep 30');
  await input.press('Enter');
  await page.waitForSelector('.t-busy');
  await input.press('Control+c');
  await page.waitForFunction(() => !document.querySelector('.t-busy'), null, { timeout: 5000 });
  await run(page, 'echo $?');
  assert.match(await output(page), /sleep 30[\s\S]*echo \$\?\s*130\s*$/);
  // Back on the simulator, which replays what ran on the VM.
  await page.getByTestId('engine-sim').click();
  await page.waitForFunction(() => !document.querySelector('.t-busy'));
  await run(page, 'ip netns');
  assert.match(await output(page), /ip netns\s*red\s*$/);
  await page.getByTestId('pair-disconnect').click();
  assert.match(await status(page), /Disconnected/);
  assert.deepEqual(page.errors, []);
});

test('another origin pairs; both marks hostname and nothing over a lesson', opts, async () => {
  const page = await open(site.browser, site.base, fragment());
  await statusMatches(page, /connected to /);
  // A line on the simulator first: switching asks before it runs on the VM.
  await run(page, 'ip netns add blue');
  await page.getByTestId('engine-both').click();
  assert.equal(await page.getByTestId('pair-ask').isHidden(), false);
  assert.equal(await page.getByTestId('engine-sim').getAttribute('aria-checked'), 'true', 'nothing switched yet');
  await page.getByTestId('pair-agree').click();
  assert.equal(await page.getByTestId('engine-both').getAttribute('aria-checked'), 'true');
  await run(page, 'hostname');
  await page.waitForSelector('[data-testid="terminal-output"] [data-testid="diff"]');
  const view = page.getByTestId('diff-view');
  assert.match(await view.textContent(), /hostname/);
  assert.match(await view.locator('h3').allTextContents().then((t) => t.join(' ')), /sim vm/);
  // The first lesson's commands agree on both once masked.
  const lesson = ['ip link show lo', 'ip link add tap1 type veth peer name tap2', 'ip link show type veth',
    'ip netns add orange', 'ip netns add green', 'ip link set tap1 netns orange', 'ip link set tap2 netns green',
    'ip link show tap1', 'ip netns exec orange ip address', 'ip netns exec orange ip link set tap1 up',
    'ip netns exec orange ifconfig tap1 192.168.1.2/24', 'ip netns exec orange ip link show tap1',
    'ip netns exec green ip address', 'ip netns exec green ip link set tap2 up',
    'ip netns exec green ifconfig tap2 192.168.1.3/24', 'ip netns exec green ip link show tap2',
    'ip netns exec orange ping -c 3 192.168.1.3', 'ip netns exec green ping -c 3 192.168.1.2', 'ip netns list'];
  for (const line of lesson) await run(page, line);
  // The VM runs lines in order: a second hostname's mark comes after every lesson line's comparison.
  await run(page, 'hostname');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="terminal-output"] [data-testid="diff"]').length >= 2);
  assert.equal(await marks(page), 2, await view.textContent());
  // Only now has the VM caught up (on a loaded machine it answers lines
  // after the simulator): the two states are compared as they stand.
  assert.equal(await page.locator('[data-testid="diagram"] .differs').count(), 0, 'the same namespaces, links, addresses');
  // Each mark is under its own line's output, even when the VM answered after later lines ran.
  assert.equal((await output(page)).match(/hostname\s*host\s*≠/g)?.length, 2, await output(page));
  assert.deepEqual(page.errors, []);
});

test('a wrong token and a refused origin say so', opts, async () => {
  const page = await open(site.browser, site.base, fragment('not-the-token'));
  await statusMatches(page, /wrong token/);
  assert.equal(await page.getByTestId('engine-vm').isDisabled(), true);
  const base = `http://127.0.0.1:${stranger.address().port}/`;
  const other = await open(site.browser, base, fragment());
  await statusMatches(other, /origin/);
  assert.equal(await other.getByTestId('engine-both').isDisabled(), true);
});

test('a lesson on the VM: paired from the panel, its steps judged there, a reopened session asked about', opts, async () => {
  const page = await open(site.browser, site.base, '#/lesson/veth-pairs');
  // The first load's page has no panel: its button opens the paired page on the same lesson.
  await page.getByTestId('pair').click();
  await page.waitForURL(/pair\.html#\/lesson\/veth-pairs$/);
  await page.waitForSelector('body[data-ready]');
  await page.getByTestId('pair-agent').fill(`ws://127.0.0.1:${new URL(link).port}`);
  await page.getByTestId('pair-token').fill(TOKEN);
  await page.getByTestId('pair-connect').click();
  await statusMatches(page, /connected to /);
  await page.getByTestId('engine-vm').click();
  const done = (n) => page.waitForFunction((n) => document.querySelector(`[data-step="${n}"]`).dataset.done === 'true', n);
  await run(page, 'ip link show lo');
  await done(1);
  await run(page, 'ip link add tap1 type veth peer name tap2');
  await done(2);
  // Opened again (here: the sandbox, then the lesson), the lesson's saved lines run on
  // the VM only once the learner agrees; until then the simulator has them.
  await page.evaluate(() => { location.hash = '#/sandbox'; });
  await page.waitForFunction(() => !document.querySelector('.t-busy'));
  await page.evaluate(() => { location.hash = '#/lesson/veth-pairs'; });
  await page.waitForSelector('[data-testid="pair-ask"]:not([hidden])');
  assert.equal(await page.getByTestId('engine-sim').getAttribute('aria-checked'), 'true');
  await page.getByTestId('pair-agree').click();
  assert.equal(await page.getByTestId('engine-vm').getAttribute('aria-checked'), 'true');
  await page.waitForFunction(() => !document.querySelector('.t-busy'));
  await run(page, 'ip -br link show type veth');
  assert.match(await output(page), /tap2@tap1\s+DOWN/);
  assert.deepEqual(page.errors, []);
});

test('a dropped connection takes the same session up again', opts, async () => {
  // A TCP proxy in front of the agent, whose connections the test cuts.
  const cut = new Set();
  const proxy = net.createServer((c) => {
    const u = net.connect(Number(new URL(link).port), '127.0.0.1');
    c.pipe(u).pipe(c);
    const end = () => { c.destroy(); u.destroy(); cut.delete(end); };
    cut.add(end);
    for (const s of [c, u]) { s.on('error', end); s.on('close', end); }
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  try {
    const page = await open(site.browser, site.base,
      `#/pair?agent=ws://127.0.0.1:${proxy.address().port}&token=${encodeURIComponent(TOKEN)}`);
    await statusMatches(page, /connected to /);
    await page.getByTestId('engine-vm').click();
    await run(page, 'ip netns add kept');
    for (const end of [...cut]) end();
    await statusMatches(page, /dropped/);
    await statusMatches(page, /connected to /);
    assert.equal(await page.getByTestId('engine-vm').getAttribute('aria-checked'), 'true');
    await run(page, 'ip netns');
    const out = await output(page);
    assert.match(out, /taken up again/, out);
    assert.match(out, /ip netns\s*kept\s*$/, 'the same sandbox');
    assert.deepEqual(page.errors, []);
  } finally {
    proxy.close();
  }
});

test('an agent that is not there is unreachable', async () => {
  const local = await start();
  try {
    const page = await open(local.browser, local.base, '#/pair?agent=ws://127.0.0.1:9&token=x');
    await statusMatches(page, /unreachable/);
    assert.equal(await page.getByTestId('engine-vm').isDisabled(), true);
  } finally {
    await local.close();
  }
});
