// The first load carries the basic lab; a line that needs background jobs
// or sockets switches the page to the complete lab (dist/lab/), which
// replays the session and runs the line as if nothing had happened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, run, output } from '../browser.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site.close(); });

/** Counts the requests for the complete lab's module on `page`'s context. */
function countLabFetches(page) {
  const seen = { n: 0 };
  page.context().on('request', (r) => { if (r.url().includes('/lab/lab-complete_bg.wasm')) seen.n += 1; });
  return seen;
}

test('a background job switches to the complete lab, which keeps the session', async () => {
  const page = await open(site.browser, site.base);
  const fetches = countLabFetches(page);
  await run(page, 'ip netns add red');
  await run(page, 'ip -br link | grep -c lo');
  assert.equal(fetches.n, 0, 'the basic lab runs ip and the text tools');
  await run(page, 'sleep 2 & jobs; ip netns');
  const text = await output(page);
  assert.match(text, /\[1\] 1043\s*\[1\]\+\s+Running\s+sleep 2 &\s*red\s/);
  assert.equal(fetches.n, 1);
  // The text tools, fetched relative to the complete lab's own address.
  await run(page, 'echo one two | awk \'{print $2}\'');
  assert.match(await output(page), /awk '\{print \$2\}'\s*two\s/);
  assert.deepEqual(page.errors, []);
});

test('Ctrl-C and a reload stay in the complete lab', async () => {
  const page = await open(site.browser, site.base);
  const fetches = countLabFetches(page);
  await run(page, 'sleep 0.1; echo slept');
  assert.match(await output(page), /echo slept\s*slept\s/);
  const input = page.getByTestId('terminal-input');
  await input.fill('ping 127.0.0.1');
  await input.press('Enter');
  await input.press('Control+c');
  await run(page, 'echo after; jobs; echo $?');
  assert.match(await output(page), /after\s*0\s/);
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  await run(page, 'echo again');
  assert.match(await output(page), /echo slept\s*slept[\s\S]*again\s/);
  assert.ok(fetches.n >= 2, 'the reloaded page switched again while replaying');
  assert.deepEqual(page.errors, []);
});
