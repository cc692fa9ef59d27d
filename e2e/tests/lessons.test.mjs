// Lessons on demand: a lesson's prose is its own file (lessons/SLUG.json),
// fetched when it opens, and readable before the wasm has arrived.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, DESKTOP } from '../browser.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site.close(); });

/** A page whose requests for lesson files are listed in `page.lessonFetches`. */
async function tracked(options = DESKTOP) {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  page.lessonFetches = [];
  page.errors = [];
  page.on('request', (r) => {
    const m = r.url().match(/\/lessons\/([^/]+\.json)$/);
    if (m) page.lessonFetches.push(m[1]);
  });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return page;
}

test('a lesson\'s prose is fetched when the lesson opens, once', async () => {
  const page = await tracked();
  await page.goto(site.base + '#/sandbox');
  await page.waitForSelector('[data-testid="terminal-input"]');
  assert.deepEqual(page.lessonFetches, [], 'the sandbox fetches no lesson');
  await page.click('.top nav a[href="#/lesson/veth-pairs"]');
  await page.waitForFunction(() => (document.querySelector('#lesson .prose')?.textContent || '').includes('network namespace'));
  assert.deepEqual(page.lessonFetches, ['veth-pairs.json']);
  await page.click('.top nav a[href="#/sandbox"]');
  await page.click('.top nav a[href="#/lesson/veth-pairs"]');
  await page.waitForFunction(() => (document.querySelector('#lesson .prose')?.textContent || '').includes('network namespace'));
  assert.deepEqual(page.lessonFetches, ['veth-pairs.json'], 'opened again from memory');
  assert.deepEqual(page.errors, []);
});

test('the lesson is readable while the lab starts', async () => {
  const page = await tracked();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(site.base + '#/lesson/bridge-and-nat');
  await page.waitForSelector('#boot .prose');
  assert.equal(await page.locator('#boot .lesson-head h2').textContent(), 'A bridge for your pods, and a way out');
  assert.ok((await page.locator('#boot [role="status"]').textContent()).includes('Starting the lab'));
  assert.equal(await page.locator('#boot .top nav a[aria-current="page"]').getAttribute('href'), '#/lesson/bridge-and-nat');
  release();
  await page.waitForSelector('[data-testid="terminal-input"]');
  assert.equal(await page.locator('#boot').count(), 0, 'the app removed the boot frame');
  await page.waitForSelector('#lesson .prose');
  assert.ok((await page.locator('[data-testid="lesson-step"]').count()) > 0);
  assert.deepEqual(page.lessonFetches, ['bridge-and-nat.json'], 'the app read the boot loader\'s fetch');
  assert.deepEqual(page.errors, []);
});

test('a quiz answer is kept across a reload, and Start over forgets it', async () => {
  const page = await tracked();
  await page.goto(site.base + '#/lesson/veth-anatomy');
  await page.waitForSelector('body[data-ready] [data-testid="quiz"]');
  const quiz = page.getByTestId('quiz').first();
  assert.ok((await quiz.locator('legend').textContent()).includes('both ends down'));
  await quiz.locator('label').nth(0).click();
  assert.equal(await quiz.getByTestId('quiz-verdict').innerText(), 'Not this one: try another answer.');
  await quiz.locator('label').nth(1).click();
  assert.ok((await quiz.getByTestId('quiz-verdict').innerText()).startsWith('Right. '));
  await page.reload();
  await page.waitForSelector('body[data-ready] [data-testid="quiz"]');
  const again = page.getByTestId('quiz').first();
  assert.ok(await again.locator('input').nth(1).isChecked());
  assert.ok((await again.getByTestId('quiz-verdict').innerText()).startsWith('Right. '));
  await page.getByRole('button', { name: 'Start over' }).click();
  assert.equal(await again.getByTestId('quiz-verdict').innerText(), '');
  await page.reload();
  await page.waitForSelector('body[data-ready] [data-testid="quiz"]');
  assert.equal(await page.getByTestId('quiz').first().getByTestId('quiz-verdict').innerText(), '');
  assert.deepEqual(page.errors, []);
});

test('a troubleshooting lesson starts broken, stays broken across a reload, and ticks when fixed', async () => {
  const page = await tracked();
  await page.goto(site.base + '#/lesson/troubleshooting');
  await page.waitForSelector('body[data-ready] [data-testid="lesson-step"]');
  const progressText = () => page.getByTestId('lesson-progress').textContent();
  assert.equal(await progressText(), '0 of 7 steps done');
  const input = page.getByTestId('terminal-input');
  const run = async (line) => {
    await input.fill(line);
    await input.press('Enter');
    await page.waitForFunction(() => !document.querySelector('.t-busy'));
  };
  await run('ip -br link show cni0');
  let out = await page.getByTestId('terminal-output').textContent();
  assert.match(out, /cni0\s+DOWN/, 'the setup made the bridge, and left it down');
  assert.ok(!out.includes('ip link add cni0'), 'the setup is not in the terminal');
  await page.reload();
  await page.waitForSelector('body[data-ready] [data-testid="lesson-step"]');
  assert.equal(await progressText(), '0 of 7 steps done');
  await run('ip netns exec pod-d ping -c 1 -W 1 10.244.0.1');
  assert.match(await page.getByTestId('terminal-output').textContent(), /100% packet loss/, 'still broken after a reload');
  await run('ip link set cni0 up');
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-progress"]').textContent === '1 of 7 steps done');
  await page.reload();
  await page.waitForSelector('body[data-ready] [data-testid="lesson-step"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-progress"]')?.textContent === '1 of 7 steps done');
  // The next step's fix is there when asked for, and it works.
  const solution = page.locator('[aria-current="step"] details[data-summary="Show the solution"]');
  await solution.locator('summary').click();
  assert.ok((await solution.textContent()).includes('ip link set veth-a up'));
  await run('ip link set veth-a up');
  await run('ip netns exec pod-a ping -c 1 -W 2 10.244.0.1');
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-progress"]').textContent === '2 of 7 steps done');
  assert.deepEqual(page.errors, []);
});
