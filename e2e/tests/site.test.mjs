// End-to-end tests of the site in headless Chromium, against dist/.
// Expected outputs are those of a real kernel (../shared/transcripts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { start, open, run, idle, output, PHONE, DIST } from '../browser.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site.close(); });

const LO = '1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n' +
  '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00';

const VETH_LESSON = [
  'ip link add tap1 type veth peer name tap2',
  'ip netns add orange',
  'ip netns add green',
  'ip link set tap1 netns orange',
  'ip link set tap2 netns green',
];

const diagramHas = (page, ns, link) =>
  page.locator(`[data-testid="diagram"] [data-ns="${ns}"]${link ? ` [data-link="${link}"]` : ''}`).count();

test('typed commands print what Linux prints', async () => {
  const page = await open(site.browser, site.base);
  await run(page, 'ip link show lo');
  const text = await output(page);
  assert.ok(text.includes('root@host:~# ip link show lo'), 'the command is echoed after the prompt');
  assert.ok(text.includes(LO), `expected ${LO} in:\n${text}`);
  await run(page, 'ip link show tap9');
  assert.ok((await output(page)).includes('Device "tap9" does not exist.'));
  await run(page, 'sudo ip netns add red');
  await run(page, 'ip netns add red');
  assert.ok((await output(page)).includes('Cannot create namespace file "/run/netns/red": File exists'));
  assert.deepEqual(page.errors, []);
});

test('the page loads cleanly: every file it links is there, and any integrity hash matches', async () => {
  // The rust link sets data-integrity=none (scripts/minify-glue rewrites
  // the glue after Trunk); a hash, if one comes back, must still hold.
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).filter((t) => /href="?\.\/web-/.test(t));
  assert.ok(links.length >= 2, `expected the js and wasm links in:\n${html}`);
  for (const tag of links) {
    const href = tag.match(/href="?\.\/([^" >]+)/)[1];
    assert.ok(fs.existsSync(path.join(DIST, href)), href);
    const want = tag.match(/integrity="?([^" >]+)/)?.[1];
    if (!want) continue;
    const got = 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(path.join(DIST, href))).digest('base64');
    assert.equal(want, got, `integrity of ${href}`);
  }
  const page = await open(site.browser, site.base);
  await page.waitForTimeout(200);
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(page.errors, []);
});

test('a mistyped object prints iproute2\'s message', async () => {
  const page = await open(site.browser, site.base);
  await run(page, 'ip lnk show');
  assert.ok((await output(page)).includes('Object "lnk" is unknown, try "ip help".'));
});

test('colours of ip -c are rendered, not printed as escapes', async () => {
  const page = await open(site.browser, site.base);
  await run(page, 'ip -c link show lo');
  const text = await output(page);
  assert.ok(!text.includes('\x1b'), 'no raw escape codes');
  assert.ok(await page.locator('[data-testid="terminal-output"] .sgr-31').count() > 0, 'DOWN in red');
});

test('the diagram shows the namespaces and both veth ends', async () => {
  const page = await open(site.browser, site.base);
  assert.equal(await diagramHas(page, 'host'), 1);
  await run(page, VETH_LESSON[0]);
  assert.equal(await diagramHas(page, 'host', 'tap1'), 1);
  assert.equal(await diagramHas(page, 'host', 'tap2'), 1);
  for (const line of VETH_LESSON.slice(1)) await run(page, line);
  assert.equal(await diagramHas(page, 'orange', 'tap1'), 1);
  assert.equal(await diagramHas(page, 'green', 'tap2'), 1);
  assert.equal(await diagramHas(page, 'host', 'tap1'), 0, 'moved out of the host');
  assert.equal(await page.locator('[data-testid="diagram"] .cable').count(), 1, 'one cable for the pair');
  const text = await page.locator('.diagram-text').textContent();
  assert.ok(text.includes('tap1 (veth)') && text.includes('cable to tap2 in green'), text);
});

test('the IPv6 toggle shows the other family\'s addresses and routes', async () => {
  const page = await open(site.browser, site.base);
  for (const line of [
    'ip link add v1 type veth peer name v2',
    'ip addr add 10.0.0.1/24 dev v1',
    'ip -6 addr add 2001:db8::1/64 dev v1',
    'ip link set v1 up',
    'ip link set v2 up',
  ]) await run(page, line);
  const v1 = page.locator('[data-testid="diagram"] [data-link="v1"]');
  const addrs = async () => (await v1.locator('.port-addr').allTextContents()).join(' ');
  assert.equal(await addrs(), '10.0.0.1/24 ');
  await page.locator('[data-toggle="notes"]').check();
  await page.locator('[data-toggle="ipv6"]').check();
  await page.waitForFunction(() => document.querySelector('[data-link="v1"] .port-addr').textContent === '2001:db8::1/64');
  assert.match(await addrs(), /^2001:db8::1\/64 fe80::[0-9a-f:]+\/64$/);
  const notes = await page.locator('[data-testid="diagram"] [data-ns="host"]').textContent();
  assert.ok(notes.includes('2001:db8::/64 dev v1 proto kernel metric 256'), notes);
  const text = await page.locator('.diagram-text').textContent();
  assert.ok(text.includes('IPv6 routes:'), text);
  assert.deepEqual(page.errors, []);
});

test('adding a namespace does not move the existing boxes', async () => {
  const page = await open(site.browser, site.base);
  await run(page, 'ip netns add orange');
  const box = async (ns) => page.locator(`[data-ns="${ns}"]`).getAttribute('transform');
  const before = await box('orange');
  await run(page, 'ip netns add green');
  await run(page, 'ip netns add blue');
  assert.deepEqual(await box('orange'), before);
});

test('a box that moves is moved, not drawn anew', async () => {
  const page = await open(site.browser, site.base);
  await run(page, 'ip netns add orange');
  await run(page, 'ip link add o1 type veth peer name o2 netns orange');
  const orange = page.locator('[data-testid="diagram"] [data-ns="orange"]');
  const before = await orange.getAttribute('transform');
  await orange.evaluate((g) => { g.dataset.seen = 'yes'; g.querySelector('[data-link="o2"]').dataset.seen = 'yes'; });
  // More host interfaces than fit in a row: the host's box grows and the
  // boxes under it move down.
  await run(page, 'for i in $(seq 8); do ip link add h$i type veth peer name p$i; done');
  assert.notEqual(await orange.getAttribute('transform'), before, 'the box moved');
  assert.equal(await orange.getAttribute('data-seen'), 'yes', 'the same box element');
  assert.equal(await orange.locator('[data-link="o2"]').getAttribute('data-seen'), 'yes', 'the same tile element');
  assert.deepEqual(page.errors, []);
});

test('reload keeps the session and the history', async () => {
  const page = await open(site.browser, site.base);
  await run(page, 'ip netns add orange');
  await run(page, 'ip link add tap1 type veth peer name tap2');
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  const text = await output(page);
  assert.ok(text.includes('root@host:~# ip netns add orange'), text);
  assert.equal(await diagramHas(page, 'orange'), 1);
  assert.equal(await diagramHas(page, 'host', 'tap1'), 1);
  const input = page.getByTestId('terminal-input');
  await input.press('ArrowUp');
  assert.equal(await input.inputValue(), 'ip link add tap1 type veth peer name tap2');
  await input.press('ArrowUp');
  assert.equal(await input.inputValue(), 'ip netns add orange');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  assert.equal(await input.inputValue(), '');
});

test('a lesson step ticks when its check holds, and stays ticked', async () => {
  const page = await open(site.browser, site.base, '#/lesson/veth-pairs');
  const step = (n) => page.locator(`[data-testid="lesson-step"][data-step="${n}"]`);
  assert.equal(await step(1).getAttribute('data-done'), 'false');
  await step(1).getByTestId('lesson-command').first().click();
  await page.waitForFunction(() => document.querySelector('[data-step="1"]').dataset.done === 'true');
  assert.ok((await output(page)).includes(LO));
  // Step 2: both commands of the block; its checks list shows what is missing first.
  assert.ok((await step(2).locator('.checks').textContent()).includes('link tap1 is a veth'));
  await run(page, 'ip link add tap1 type veth peer name tap2');
  await page.waitForFunction(() => document.querySelector('[data-step="2"]').dataset.done === 'true');
  assert.match(await page.getByTestId('lesson-progress').textContent(), /^2 of \d+ steps done$/);
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  assert.equal(await step(2).getAttribute('data-done'), 'true');
});

test('a permalink restores the session in a fresh browser', async () => {
  const page = await open(site.browser, site.base);
  for (const line of VETH_LESSON) await run(page, line);
  await page.getByTestId('permalink').click();
  const url = await page.getByTestId('permalink-url').inputValue();
  assert.match(url, /#\/sandbox\/s=v1\.[A-Za-z0-9_-]+$/);
  const other = await site.browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(url);
  await fresh.waitForSelector('body[data-ready]');
  assert.ok((await output(fresh)).includes('root@host:~# ip link set tap2 netns green'));
  assert.equal(await diagramHas(fresh, 'green', 'tap2'), 1);
  assert.equal(new URL(fresh.url()).hash, '#/sandbox', 'the payload leaves the address bar');
  await other.close();
});

test('a damaged permalink says so and gives an empty lab', async () => {
  const page = await open(site.browser, site.base, '#/sandbox/s=v1.@@not-base64@@');
  assert.match(await page.getByTestId('link-error').textContent(), /could not be opened/);
  assert.equal((await output(page)).trim(), '');
  assert.equal(await page.locator('[data-testid="diagram"] [data-ns]').count(), 1, 'only the host');
});

test('undo, reset, export and import', async () => {
  const page = await open(site.browser, site.base);
  await run(page, 'ip netns add orange');
  await run(page, 'ip netns add green');
  await page.getByTestId('undo').click();
  await idle(page);
  assert.equal(await diagramHas(page, 'green'), 0);
  assert.equal(await diagramHas(page, 'orange'), 1);
  await run(page, 'ip lnk show');
  await page.getByTestId('export').click();
  const script = await page.getByTestId('export-text').inputValue();
  assert.ok(script.startsWith('#!/bin/sh\n'));
  assert.ok(script.includes('\nset -e\n'));
  assert.ok(script.includes('\nip netns add orange\n'));
  assert.ok(script.includes('\nip lnk show || true'), script);
  await page.getByTestId('reset').click();
  await idle(page);
  assert.equal(await diagramHas(page, 'orange'), 0);
  await page.getByTestId('import').click();
  await page.getByTestId('import-text').fill('$ ip netns add blue\nroot@host:~# ip netns add pink\n');
  await page.getByTestId('import-run').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="diagram"] [data-ns]').length === 3);
  assert.equal(await diagramHas(page, 'pink'), 1);
});

test('Tab completes names from the lab; clear and Ctrl-L empty the screen', async () => {
  const page = await open(site.browser, site.base);
  await run(page, 'ip netns add orange');
  const input = page.getByTestId('terminal-input');
  await input.fill('ip netns exec or');
  await input.press('Tab');
  assert.equal(await input.inputValue(), 'ip netns exec orange ');
  await input.fill('');
  await run(page, 'clear');
  assert.equal((await output(page)).trim(), '');
  await run(page, 'ip netns list');
  await input.press('Control+l');
  assert.equal((await output(page)).trim(), '');
});

test('a multi-line paste runs line by line', async () => {
  const page = await open(site.browser, site.base);
  await page.getByTestId('terminal-input').focus();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text', 'ip netns add a1\nip netns add a2\nip netns li');
    document.querySelector('[data-testid="terminal-input"]').dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="diagram"] [data-ns]').length === 3);
  assert.equal(await page.getByTestId('terminal-input').inputValue(), 'ip netns li', 'the unfinished line waits');
});

test('ping lines arrive one after another', async (t) => {
  const page = await open(site.browser, site.base);
  await run(page, 'ping -c 1 127.0.0.1');
  if ((await output(page)).includes('command not found')) return t.skip('ping is not simulated yet');
  await run(page, 'ip link set lo up');
  const input = page.getByTestId('terminal-input');
  await input.fill('ping -c 3 127.0.0.1');
  await input.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="terminal-output"]').textContent.includes('icmp_seq=1'));
  assert.ok(!(await output(page)).includes('packets transmitted'), 'statistics come last, later');
  await page.waitForFunction(() => !document.querySelector('.t-busy'));
  assert.ok((await output(page)).includes('3 packets transmitted, 3 received, 0% packet loss'));
});

test('a ping can be followed hop by hop, and a failed one explained', async () => {
  const page = await open(site.browser, site.base);
  for (const line of [
    'sudo ip netns add red',
    'sudo ip netns add blue',
    'sudo ip link add veth-red type veth peer name veth-blue',
    'sudo ip link set veth-red netns red',
    'sudo ip link set veth-blue netns blue',
    'sudo ip netns exec red ip addr add 10.0.0.1/24 dev veth-red',
    'sudo ip netns exec blue ip addr add 10.0.0.2/24 dev veth-blue',
    'sudo ip netns exec red ip link set veth-red up',
    'sudo ip netns exec blue ip link set veth-blue up',
    'sudo ip netns exec red ip link set lo up',
    'sudo ip netns exec blue ip link set lo up',
  ]) await run(page, line);
  const trace = page.getByTestId('trace');
  assert.ok(await trace.isHidden(), 'no packets moved yet');
  await run(page, 'sudo ip netns exec red ping -c 2 10.0.0.2');
  const text = await trace.textContent();
  assert.ok(text.includes('Packet path'), text);
  assert.ok(text.includes('ping: 2 replies via veth-red → veth-blue'), text);
  assert.ok(text.includes('delivered: ICMP echo request'), text);
  assert.equal(await page.locator('[data-testid="trace"] [role="status"]').count(), 1);
  // The steps light the interfaces of the diagram one after another.
  await page.getByTestId('trace-replay').click();
  await page.waitForSelector('[data-testid="diagram"] [data-ns="red"] [data-link="veth-red"].tr-on');
  await page.waitForSelector('[data-testid="diagram"] [data-ns="blue"] [data-link="veth-blue"].tr-on');
  await run(page, 'sudo ip netns exec red ping -c 1 10.0.0.9');
  const failed = await trace.textContent();
  assert.ok(failed.includes('ping failed: ARP got no answer (neighbour FAILED) in red'), failed);
  assert.ok(failed.includes('dropped: ARP got no answer (neighbour FAILED)'), failed);
  await page.waitForSelector('[data-testid="diagram"] [data-link="veth-red"].tr-bad', { timeout: 15000 });
  assert.deepEqual(page.errors, []);
});

test('on a phone: stacked, no sideways scrolling, on-screen Tab', async () => {
  const page = await open(site.browser, site.base, '#/sandbox', PHONE);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page is ${width}px wide`);
  // Every lesson and the sandbox can be reached without scrolling the menu.
  const clipped = await page.evaluate(() => [...document.querySelectorAll('.top nav a')]
    .filter((a) => a.getBoundingClientRect().right > a.closest('nav').getBoundingClientRect().right + 0.5)
    .map((a) => a.textContent));
  assert.deepEqual(clipped, [], 'menu entries cut off on a phone');
  const term = await page.locator('#terminal').boundingBox();
  const diagram = await page.locator('#diagram').boundingBox();
  assert.ok(diagram.y >= term.y + term.height - 1, 'the diagram is below the terminal');
  await run(page, 'ip netns add orange');
  const input = page.getByTestId('terminal-input');
  await input.fill('ip netns exec ora');
  await page.getByRole('button', { name: 'Tab', exact: true }).click();
  assert.equal(await input.inputValue(), 'ip netns exec orange ');
  await page.getByRole('button', { name: 'Previous command' }).click();
  assert.equal(await input.inputValue(), 'ip netns add orange');
});

test('keyboard only: skip link to the terminal, visible focus', async () => {
  const page = await open(site.browser, site.base);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the terminal');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'terminal-input');
  await page.keyboard.type('ip netns add kb');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-ns="kb"]'));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'terminal-input', 'Tab completes');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.dataset.testid), 'terminal-input', 'Escape, Tab leaves');
});
