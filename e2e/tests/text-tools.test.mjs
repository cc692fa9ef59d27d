// The text tools (grep, awk, …), man's pages, iptables and the usage texts
// of ip, ping, ifconfig and sysctl are a module of
// their own that the lab fetches the first time a line runs one, not part
// of the first load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, run, output } from '../browser.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site.close(); });

/** Counts the requests for the text tools' module on `page`'s context. */
function countToolFetches(page) {
  const seen = { n: 0 };
  page.context().on('request', (r) => { if (r.url().includes('/tools/text-tools.wasm')) seen.n += 1; });
  return seen;
}

test('the text tools are fetched on the first pipe into one, once', async () => {
  const page = await open(site.browser, site.base);
  const fetches = countToolFetches(page);
  await run(page, 'ip -br link');
  assert.equal(fetches.n, 0, 'ip needs no text tool');
  await run(page, 'ip -br link | grep -c lo');
  assert.match(await output(page), /grep -c lo\s*1\s/);
  await run(page, "echo one two | awk '{print $2}'");
  assert.match(await output(page), /awk '\{print \$2\}'\s*two\s/);
  assert.equal(fetches.n, 1, 'fetched once, then kept');
  assert.deepEqual(page.errors, []);
});

test('a failed fetch says so, leaves the lab working, and the next try loads', async () => {
  const page = await open(site.browser, site.base);
  await page.context().route('**/tools/text-tools.wasm*', (route) => route.abort());
  await run(page, 'echo x | grep x');
  assert.match(await output(page), /nslab: grep could not run: the text tools' module did not load/);
  await run(page, 'ip -br link show lo');
  assert.match(await output(page), /lo\s+DOWN/);
  await page.context().unroute('**/tools/text-tools.wasm*');
  await run(page, 'echo y | grep -c y');
  assert.match(await output(page), /grep -c y\s*1\s/);
  assert.deepEqual(page.errors, []);
});

test('iptables runs in the module and its rules stay in the lab', async () => {
  const page = await open(site.browser, site.base);
  const fetches = countToolFetches(page);
  // iptables is the complete lab's (the first load lacks its tables' wire).
  const complete = { n: 0 };
  page.context().on('request', (r) => { if (r.url().includes('/lab/lab-complete')) complete.n += 1; });
  await run(page, 'iptables -t nat -A POSTROUTING -s 10.0.0.0/24 ! -o br0 -j MASQUERADE');
  await run(page, 'iptables -t nat -S POSTROUTING');
  assert.match(await output(page), /-A POSTROUTING -s 10\.0\.0\.0\/24 ! -o br0 -j MASQUERADE/);
  await run(page, 'iptables -A NOPE -j DROP');
  assert.match(await output(page), /iptables: No chain\/target\/match by that name\./);
  await run(page, 'ip route help');
  assert.match(await output(page), /Usage: ip route \{ list \| flush \} SELECTOR/);
  await run(page, 'ping -c');
  assert.match(await output(page), /ping: option requires an argument -- 'c'\n+Usage\n  ping \[options\] <destination>/);
  await run(page, 'ifconfig lo mtu');
  assert.match(await output(page), /Usage:\n  ifconfig \[-a\] \[-v\] \[-s\] <interface>/);
  await run(page, 'man veth | head -1');
  assert.match(await output(page), /veth\(4\)\s+Kernel Interfaces Manual/);
  assert.equal(fetches.n, 1);
  assert.ok(complete.n >= 1, 'the complete lab ran iptables');
  assert.deepEqual(page.errors, []);
});
