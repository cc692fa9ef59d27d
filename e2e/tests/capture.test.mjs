// tcpdump in the page: a capture waiting in one terminal prints the ping
// another terminal sends, the diagram marks the captured interface, and
// Ctrl-C ends the capture with tcpdump's counts. The two lessons built on
// captures and curl tick when their commands are clicked in order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, run, idle, output } from '../browser.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site.close(); });

const tab = (page, n) => page.locator('[data-testid="terminal-tab"]:not([hidden])').nth(n);

/** Types a line in the terminal in front and presses Enter, without waiting for its end. */
async function startLine(page, line) {
  const input = page.getByTestId('terminal-input');
  await input.fill(line);
  await input.press('Enter');
}

const shows = (page, re) => page.waitForFunction(
  (src) => new RegExp(src).test(document.querySelector('[data-testid="terminal-output"]').textContent), re.source);

const PAIR = [
  'ip netns add a',
  'ip netns add b',
  'ip link add va netns a type veth peer name vb netns b',
  'ip -n a addr add 10.0.0.1/24 dev va',
  'ip -n b addr add 10.0.0.2/24 dev vb',
  'ip -n a link set va up',
  'ip -n b link set vb up',
];

test('a capture in one terminal shows the ping from another as it happens; Ctrl-C ends it with its counts', async () => {
  const page = await open(site.browser, site.base);
  for (const line of PAIR) await run(page, line);
  await startLine(page, 'ip netns exec b tcpdump -nn -i vb icmp');
  await shows(page, /listening on vb, link-type EN10MB \(Ethernet\), snapshot length 262144 bytes\s*$/);
  await page.waitForSelector('.t-busy');
  // The diagram marks the interface while the capture runs.
  await page.waitForSelector('[data-link="vb"][data-capturing]');
  assert.equal(await page.locator('[data-link="va"][data-capturing]').count(), 0);
  await page.getByTestId('new-terminal').click();
  await run(page, 'ip netns exec a ping -c 2 10.0.0.2');
  assert.match(await output(page), /2 packets transmitted, 2 received/);
  await tab(page, 0).click();
  // Printed while tcpdump still runs: four packets, each at its moment.
  await shows(page, /(IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request, id \d+, seq \d, length 64\s*\d\d:\d\d:\d\d\.\d{6} IP 10\.0\.0\.2 > 10\.0\.0\.1: ICMP echo reply, id \d+, seq \d, length 64\s*(\d\d:\d\d:\d\d\.\d{6} )?){2}$/);
  assert.equal(await page.locator('.t-busy').count(), 1, 'the capture still runs');
  await page.getByTestId('terminal-input').press('Control+c');
  await shows(page, /length 64\s*\^C\s*4 packets captured\s*4 packets received by filter\s*0 packets dropped by kernel\s*$/);
  await idle(page);
  await page.waitForFunction(() => !document.querySelector('[data-capturing]'));
  assert.deepEqual(page.errors, []);
});

/** Clicks every command of the lesson in order; each step must tick. */
async function playLesson(slug) {
  const page = await open(site.browser, site.base, `#/lesson/${slug}`);
  const steps = page.locator('[data-testid="lesson-step"]');
  const n = await steps.count();
  assert.ok(n >= 6, `${slug} has its steps`);
  for (let i = 1; i <= n; i++) {
    const step = page.locator(`[data-testid="lesson-step"][data-step="${i}"]`);
    const commands = step.getByTestId('lesson-command');
    for (let c = 0; c < await commands.count(); c++) {
      await commands.nth(c).click();
      await idle(page);
    }
    await page.waitForFunction((k) => document.querySelector(`[data-step="${k}"]`).dataset.done === 'true', i);
  }
  assert.equal(await page.getByTestId("lesson-progress").textContent(), "All steps done. Well wired!");
  return page;
}

test('the client and server lesson ticks, and its captures print what Linux prints', async () => {
  const page = await playLesson('client-server');
  const text = await output(page);
  assert.match(text, /Flags \[S\.\], seq \d+, ack \d+, win 65160, options \[mss 1460,sackOK,TS val \d+ ecr \d+,nop,wscale 10\], length 0/);
  assert.match(text, /curl: \(28\) Failed to connect to 10\.244\.0\.3 port 8080 after \d+ ms: Timeout was reached/);
  assert.deepEqual(page.errors, []);
});

test('the Service lesson ticks, and the capture on any shows the SYN before and after DNAT', async () => {
  const page = await playLesson('service');
  const text = await output(page);
  assert.match(text, /veth-a In  IP 10\.244\.0\.2\.2001 > 10\.96\.0\.10\.80: Flags \[S\]/);
  assert.match(text, /veth-b Out IP 10\.244\.0\.2\.2001 > 10\.244\.1\.2\.8080: Flags \[S\]/);
  assert.deepEqual(page.errors, []);
});
