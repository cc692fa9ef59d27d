// The lab runs in a Web Worker: the page never freezes, and Ctrl-C stops
// any command (the worker is restarted and the session replayed without it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, run, output } from '../browser.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site.close(); });

test('Ctrl-C stops an endless awk loop, and the next command runs', async () => {
  const page = await open(site.browser, site.base, '#/sandbox');
  await run(page, 'ip netns add before');
  const input = page.getByTestId('terminal-input');
  await input.fill("awk 'BEGIN{while(1){}}'");
  await input.press('Enter');
  // The page answers while the lab is busy: typing still works.
  await page.waitForSelector('.t-busy');
  await input.fill('still typing');
  assert.equal(await input.inputValue(), 'still typing');
  await input.fill('');
  await input.press('Control+c');
  await page.waitForFunction(() => document.querySelector('[data-testid="terminal-output"]').textContent.includes('^C'));
  await run(page, 'ip netns');
  const text = await output(page);
  assert.ok(text.endsWith('root@host:~# ip netnsbefore\n'), `the lab kept its state before the loop:\n${text}`);
  assert.deepEqual(page.errors, []);

  // The session has no trace of the runaway line: a reload comes back ready.
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  await run(page, 'echo ok');
  const after = await output(page);
  assert.ok(!after.includes('awk'), after);
  assert.ok(after.includes('root@host:~# ip netns add before'), after);
  assert.ok(after.endsWith('root@host:~# echo okok\n'), after);
});

test('a line typed while the lab starts runs once it is ready', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.base + '#/sandbox');
  const input = page.getByTestId('terminal-input');
  await input.fill('ip -br link');
  await input.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="terminal-output"]').textContent.includes('lo '));
  assert.match(await output(page), /^root@host:~# ip -br linklo +DOWN/);
  await context.close();
});

test('a saved session that never finishes replaying gives way to Ctrl-C', async () => {
  const page = await open(site.browser, site.base, '#/sandbox');
  await page.evaluate(() => localStorage.setItem('nslab.session.sandbox',
    JSON.stringify(['ip netns add kept', "awk 'BEGIN{while(1){}}'"])));
  await page.reload();
  await page.waitForSelector('.t-busy');
  await page.waitForTimeout(300);
  await page.getByTestId('terminal-input').press('Control+c');
  await page.waitForSelector('body[data-ready]');
  await run(page, 'ip netns');
  const text = await output(page);
  assert.ok(text.includes('the saved session did not finish replaying'), text);
  assert.ok(text.endsWith('root@host:~# ip netns'), `the lab starts empty:\n${text}`);
  assert.deepEqual(page.errors, []);
});
