// Several terminals on one lab: tabs, each with its own screen and history;
// the session log says which terminal ran what, so a reload and a
// permalink bring every terminal back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, run, output } from '../browser.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site.close(); });

const tab = (page, n) => page.locator('[data-testid="terminal-tab"]:not([hidden])').nth(n);

test('a second terminal shares the lab and keeps its own screen', async () => {
  const page = await open(site.browser, site.base);
  await run(page, 'ip netns add red');
  await page.getByTestId('new-terminal').click();
  assert.equal(await tab(page, 1).getAttribute('aria-selected'), 'true');
  assert.equal((await output(page)).trim(), '', 'a new terminal starts empty');
  await run(page, 'ip netns');
  assert.match(await output(page), /ip netns\s*red\s/);
  await run(page, 'echo second');
  await tab(page, 0).click();
  const first = await output(page);
  assert.match(first, /ip netns add red/);
  assert.doesNotMatch(first, /second/);
  // Each terminal has its own history.
  const input = page.getByTestId('terminal-input');
  await input.press('ArrowUp');
  assert.equal(await input.inputValue(), 'ip netns add red');
  assert.deepEqual(page.errors, []);
});

test('a reload and a permalink bring both terminals back', async () => {
  const page = await open(site.browser, site.base);
  await run(page, 'ip link add v1 type veth peer name v2');
  await page.getByTestId('new-terminal').click();
  await run(page, 'ip -br link show v2');
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.locator('[data-testid="terminal-tab"]:not([hidden])').count(), 2);
  assert.match(await output(page), /ip link add v1 type veth peer name v2/);
  await tab(page, 1).click();
  assert.match(await output(page), /ip -br link show v2\s*v2@v1\s+DOWN/);
  await page.getByTestId('permalink').click();
  const url = await page.getByTestId('permalink-url').inputValue();
  const fresh = await site.browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await other.waitForSelector('body[data-ready]');
  assert.equal(await other.locator('[data-testid="terminal-tab"]:not([hidden])').count(), 2);
  await other.getByTestId('terminal-tab').nth(1).click();
  assert.match(await other.getByTestId('terminal-output').textContent(), /v2@v1\s+DOWN/);
  assert.deepEqual(page.errors, []);
});

test('a job of one terminal prints there while another terminal runs lines', async () => {
  const page = await open(site.browser, site.base);
  await run(page, '(sleep 1; echo from-the-job) & echo started');
  assert.doesNotMatch(await output(page), /\nfrom-the-job/, 'no time has passed yet');
  await page.getByTestId('new-terminal').click();
  await run(page, 'sleep 5; echo later');
  assert.doesNotMatch(await output(page), /from-the-job/, 'the job is the first terminal\'s');
  await tab(page, 0).click();
  // Shown after its virtual second, paced as all output is.
  await page.waitForFunction(() => /\nfrom-the-job/.test(document.querySelector('[data-testid="terminal-output"]').textContent));
  assert.match(await output(page), /started\s*from-the-job\s*$/);
  assert.deepEqual(page.errors, []);
});

/** Types a line in the terminal in front and presses Enter, without waiting for its end. */
async function start_line(page, line) {
  const input = page.getByTestId('terminal-input');
  await input.fill(line);
  await input.press('Enter');
}

const shows = (page, re) => page.waitForFunction(
  (src) => new RegExp(src).test(document.querySelector('[data-testid="terminal-output"]').textContent), re.source);

test('a server in one terminal, its client in another; Ctrl-C ends the server; a reload brings both back', async () => {
  const page = await open(site.browser, site.base);
  // The lab's host starts as a fresh network namespace does: lo down.
  await run(page, 'ip link set lo up');
  await start_line(page, 'nc -lk 8080');
  await page.waitForSelector('.t-busy');
  await page.getByTestId('new-terminal').click();
  await run(page, 'echo one | nc -N 127.0.0.1 8080; echo client $?');
  assert.match(await output(page), /client 0/);
  await run(page, 'ss -tln | grep -c 8080');
  assert.match(await output(page), /grep -c 8080\s*1\s/);
  await tab(page, 0).click();
  await shows(page, /nc -lk 8080\s*one\s*$/);
  assert.equal(await page.locator('.t-busy').count(), 1, 'the server still runs');
  await page.getByTestId('terminal-input').press('Control+c');
  await shows(page, /one\s*\^C\s*$/);
  await page.waitForFunction(() => !document.querySelector('.t-busy'));
  await tab(page, 1).click();
  await run(page, 'ss -tln | grep -c 8080');
  assert.match(await output(page), /grep -c 8080\s*1\s*root@host:~# ss -tln \| grep -c 8080\s*0\s/);
  // A server still listening when the page reloads listens again after it.
  await tab(page, 0).click();
  await start_line(page, 'nc -l 9090');
  await page.waitForSelector('.t-busy');
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.locator('[data-testid="terminal-tab"]:not([hidden])').count(), 2);
  assert.match(await output(page), /nc -lk 8080\s*one\s*\^C[\s\S]*nc -l 9090/);
  assert.equal(await page.locator('.t-busy').count(), 1, 'the restored server runs');
  await tab(page, 1).click();
  await run(page, 'echo two | nc -N 127.0.0.1 9090; echo client $?');
  assert.match(await output(page), /client 0/);
  await tab(page, 0).click();
  await shows(page, /nc -l 9090\s*two\s*$/);
  await page.waitForFunction(() => !document.querySelector('.t-busy'));
  assert.deepEqual(page.errors, []);
});
