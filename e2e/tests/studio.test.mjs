// The studio page (issue 16): lessons opened from a URL and from a file,
// hostile lessons rendered inert, the lab embedded in another site's page,
// and the lesson builder's export, which opens and passes `lab-agent lesson
// check`. A second server on another port plays "another site": it serves
// the lessons (with or without CORS) and the instructor's page with the iframe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { start, open, run, DESKTOP } from '../browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(here, '..', '..');
const FILES = {
  '/two-ends.md': path.join(here, '..', 'fixtures', 'two-ends.md'),
  '/broken.md': path.join(here, '..', 'fixtures', 'broken.md'),
  '/hostile.md': path.join(ROOT, 'lesson-format', 'tests', 'data', 'hostile.md'),
};

let site;
let other;
let otherBase;
before(async () => {
  site = await start();
  other = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/course.html') {
      // An instructor's page: the snippet of content/README.md.
      const src = site.base + 'index.html' + decodeURIComponent(url.search.slice(1));
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(`<!doctype html><h1>My course</h1><iframe src="${src}" width="1200" height="700"
        title="nslab lab" style="border:1px solid #888"></iframe>`);
    }
    const cors = !url.pathname.startsWith('/nocors/');
    const file = FILES[url.pathname.replace(/^\/nocors/, '')];
    if (!file) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': 'text/markdown', ...(cors ? { 'access-control-allow-origin': '*' } : {}) });
    res.end(fs.readFileSync(file));
  });
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
  otherBase = `http://127.0.0.1:${other.address().port}`;
});
after(async () => { await site.close(); other.close(); });

const fromUrl = (u) => `#/lesson?src=${encodeURIComponent(u)}`;
const progress = (page) => page.getByTestId('lesson-progress').textContent();

test('a lesson from another site opens on the studio page, ticks its steps, and keeps them across a reload', async () => {
  const page = await open(site.browser, site.base, fromUrl(otherBase + '/two-ends.md'));
  assert.match(page.url(), /\/studio\.html#\/lesson\?src=/, 'the first load\'s page sent it to the studio page');
  await page.waitForFunction(() => document.querySelector('#lesson-title')?.textContent === 'Two ends of one cable');
  assert.equal(await progress(page), '0 of 2 steps done');
  await run(page, 'ip link add left type veth peer name right');
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-progress"]').textContent === '1 of 2 steps done');
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-progress"]')?.textContent === '1 of 2 steps done');
  await run(page, 'ip link set left up');
  await run(page, 'ip link set right up');
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-progress"]').textContent.startsWith('All steps done'));
  assert.deepEqual(page.errors, []);
});

test('a lesson that cannot be read says why, with its line, and the terminal still works', async () => {
  const page = await open(site.browser, site.base, fromUrl(otherBase + '/broken.md'));
  await page.waitForFunction(() => !document.querySelector('[data-testid="lesson-error"]')?.hidden);
  const error = await page.getByTestId('lesson-error').textContent();
  assert.ok(error.includes(`${otherBase}/broken.md:15: in \`Make a cable\``), error);
  await run(page, 'ip netns add red');
  const page2 = await open(site.browser, site.base, fromUrl(otherBase + '/nocors/two-ends.md'));
  await page2.waitForFunction(() => !document.querySelector('[data-testid="lesson-error"]')?.hidden);
  assert.ok((await page2.getByTestId('lesson-error').textContent()).includes('/nocors/two-ends.md'));
  assert.deepEqual(page.errors, []);
});

test('a lesson from a local file opens by picking it or dropping it, and a reload keeps it', async () => {
  const page = await open(site.browser, site.base, 'studio.html#/sandbox');
  await page.getByTestId('lesson-file').setInputFiles(FILES['/two-ends.md']);
  await page.waitForFunction(() => document.querySelector('#lesson-title')?.textContent === 'Two ends of one cable');
  assert.match(page.url(), /#\/lesson\?file=two-ends\.md$/);
  await run(page, 'ip link add left type veth peer name right');
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-progress"]').textContent === '1 of 2 steps done');
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-progress"]')?.textContent === '1 of 2 steps done');

  // Dropped anywhere on the page.
  await page.goto(site.base + 'studio.html#/sandbox');
  await page.waitForSelector('[data-testid="open-lesson"]');
  const text = fs.readFileSync(FILES['/broken.md'], 'utf8');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
    document.querySelector('.terminal, main').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction(() => !document.querySelector('[data-testid="lesson-error"]')?.hidden);
  assert.ok((await page.getByTestId('lesson-error').textContent()).includes('dropped.md:15:'));
});

test('a hostile lesson renders inert: no markup, no script address, nothing runs', async () => {
  const page = await open(site.browser, site.base, fromUrl(otherBase + '/hostile.md'));
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-step"]'));
  // Hover and click everything the lesson drew, then look for what ran.
  for (const a of await page.locator('#lesson a, #lesson b, #lesson .prose *').all()) {
    await a.hover().catch(() => {});
  }
  for (const a of await page.locator('#lesson .prose a').all()) {
    const href = await a.getAttribute('href');
    assert.match(href, /^https:\/\//, `a link kept: ${href}`);
  }
  const found = await page.evaluate(() => ({
    pwned: window.pwned,
    tags: [...document.querySelectorAll('#lesson script, #lesson img, #lesson svg, #lesson iframe, #lesson object, #lesson embed')]
      .map((e) => e.tagName),
    handlers: [...document.querySelectorAll('#lesson *')].flatMap((e) => [...e.attributes].map((a) => a.name))
      .filter((n) => n.startsWith('on')),
    title: document.querySelector('#lesson-title').textContent,
  }));
  assert.deepEqual(found, {
    pwned: undefined, tags: [], handlers: [], title: 'Hostile <img src=x onerror=window.pwned=1>',
  });
  assert.deepEqual(page.errors, []);
});

test('an embedded lab works inside another site\'s iframe, with no site navigation', async () => {
  for (const [route, title] of [
    ['#/embed/lesson/veth-pairs', null],
    ['#/embed/sandbox', 'Sandbox'],
    [`#/embed/lesson?src=${encodeURIComponent(otherBase + '/two-ends.md')}`, 'Two ends of one cable'],
  ]) {
    const context = await site.browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${otherBase}/course.html?${encodeURIComponent(route)}`);
    const frame = page.frameLocator('iframe');
    await frame.locator('body[data-ready]').waitFor();
    assert.equal(await frame.locator('[data-testid="site-nav"]').count(), 0, route);
    const full = await frame.getByTestId('open-site').getAttribute('href');
    assert.ok(full.endsWith(route.replace('/embed', '')), `${route}: ${full}`);
    if (title) await frame.locator('#lesson h2', { hasText: title }).first().waitFor();
    const input = frame.getByTestId('terminal-input');
    await input.fill('ip netns add blue');
    await input.press('Enter');
    await input.fill('ip netns');
    await input.press('Enter');
    await frame.getByTestId('terminal-output').filter({ hasText: /^[\s\S]*blue[\s\S]*blue/ }).waitFor();
    await context.close();
  }
  // And the full site still has its navigation.
  const page = await open(site.browser, site.base, '#/lesson/veth-pairs');
  assert.equal(await page.getByTestId('site-nav').count(), 1);
});

test('the builder records a lesson, suggests its checks, and exports one that opens and passes lesson check', async () => {
  const page = await open(site.browser, site.base, '#/build');
  assert.match(page.url(), /\/studio\.html#\/build$/);
  await page.getByTestId('builder-title').fill('Orange and blue');
  await page.getByTestId('builder-summary').fill('Two namespaces joined by a cable.');
  await page.getByTestId('builder-step').click();
  for (const line of ['ip netns add orange', 'ip netns add blue',
    'ip link add tap1 netns orange type veth peer name tap2 netns blue']) await run(page, line);
  await page.getByTestId('builder-step').click();
  for (const line of ['ip -n orange addr add 192.168.1.2/24 dev tap1', 'ip -n blue addr add 192.168.1.3/24 dev tap2',
    'ip -n orange link set tap1 up', 'ip -n blue link set tap2 up', 'ip netns exec orange ping -c 1 192.168.1.3']) {
    await run(page, line);
  }
  await page.getByTestId('builder-stop').click();
  await run(page, 'ip netns add not-in-the-lesson');
  const checks = await page.getByTestId('step-checks').evaluateAll((t) => t.map((e) => e.value));
  assert.ok(checks[0].includes('netns orange exists'), checks[0]);
  assert.ok(checks[1].includes('link tap1 in orange has 192.168.1.2/24'), checks[1]);
  assert.ok(checks[1].includes('ping orange -> 192.168.1.3 succeeds'), checks[1]);
  await page.getByTestId('step-title').nth(0).fill('Two namespaces and a cable');
  await page.getByTestId('step-title').nth(1).fill('Addresses, and a ping');
  assert.equal(await page.getByTestId('builder-problems').textContent(), '');
  const markdown = await page.getByTestId('builder-markdown').textContent();
  assert.ok(!markdown.includes('not-in-the-lesson'), 'recording had stopped');

  // lab-agent lesson check accepts it: on the real kernel too when root.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nslab-builder-'));
  const file = path.join(dir, 'orange-and-blue.md');
  fs.writeFileSync(file, markdown);
  execFileSync('cargo', ['build', '--quiet', '-p', 'lab-agent'], { cwd: ROOT, stdio: 'inherit' });
  const agent = path.join(ROOT, 'target', 'debug', 'lab-agent');
  const sim = process.getuid() === 0 ? [] : ['--sim-only'];
  const report = execFileSync(agent, ['lesson', 'check', ...sim, file], { encoding: 'utf8' });
  assert.ok(report.includes('step 1 `Two namespaces and a cable`: ticks'), report);
  assert.ok(report.includes('step 2 `Addresses, and a ping`: ticks'), report);
  fs.rmSync(dir, { recursive: true });

  // And it opens as a lesson, whose steps tick.
  await page.getByTestId('builder-open').click();
  await page.waitForFunction(() => document.querySelector('#lesson-title')?.textContent === 'Orange and blue');
  assert.equal(await progress(page), '0 of 2 steps done');
  for (const line of ['ip netns add orange', 'ip netns add blue',
    'ip link add tap1 netns orange type veth peer name tap2 netns blue']) await run(page, line);
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-progress"]').textContent === '1 of 2 steps done');
  assert.deepEqual(page.errors, []);
});
