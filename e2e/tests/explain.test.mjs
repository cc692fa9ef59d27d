// Explained output (issue 18): pointing at a span of what the simulator
// printed (hover, tap, or focus and Enter) opens what it means and why it
// has its value here. The notes are the complete lab's: the first pointing
// switches to it, which replays the session, then asks again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, run, output, PHONE } from '../browser.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site.close(); });

// Seed 001's lines up to "tap1 up, tap2 still down".
const TAP1_UP = [
  'ip link add tap1 type veth peer name tap2',
  'ip netns add orange',
  'ip netns add green',
  'ip link set tap1 netns orange',
  'ip link set tap2 netns green',
  'ip netns exec orange ip link set tap1 up',
  'ip netns exec orange ifconfig tap1 192.168.1.2/24',
  'ip netns exec orange ip link show tap1',
];

async function tap1Up(page) {
  for (const line of TAP1_UP) await run(page, line);
}

/** The last output line of the simulator's that holds `text`. */
const lineWith = (page, text) => page.locator('.t-lines > div[data-entry]', { hasText: text }).last();
/** Its noted span whose whole text is `text` (once the notes came). */
const spanOf = (line, text) => line.locator('[data-note]', { hasText: new RegExp(`^${text}$`) }).first();
const explain = (page) => page.getByTestId('explain');

test('hovering LOWERLAYERDOWN explains it by the peer tap2 down in green, and a failed ping by its drop', async () => {
  const page = await open(site.browser, site.base);
  await tap1Up(page);
  const line = lineWith(page, 'LOWERLAYERDOWN');
  await line.hover();
  const state = spanOf(line, 'LOWERLAYERDOWN');
  await state.waitFor();
  await state.hover();
  await explain(page).waitFor();
  const text = await explain(page).textContent();
  assert.match(text, /tap2/);
  assert.match(text, /green/);
  // What it names is lit in the diagram, with the highlight of a change.
  assert.ok(await page.locator('.diagram .changed').count() > 0, 'the diagram lights what the note names');

  // A ping from tap1 to tap2's address: tap2 is down, nothing comes back.
  await run(page, 'ip netns exec orange ping -c 1 192.168.1.3');
  const dropped = await page.locator('[data-testid="trace"] .tr-drop strong').first().textContent();
  const reason = dropped.match(/dropped: (.*?) \(/)?.[1];
  assert.ok(reason, `the Packet path panel gives a drop reason: ${dropped}`);
  const stats = lineWith(page, '100% packet loss');
  await stats.hover();
  const loss = spanOf(stats, '100% packet loss');
  await loss.waitFor();
  await loss.hover();
  await page.waitForFunction((t) => document.querySelector('[data-testid="explain"]')?.textContent.includes(t), reason);
  assert.match(await explain(page).textContent(), /Packet loss/);
  assert.deepEqual(page.errors, []);
});

test('by keyboard alone: Shift+Tab to the output, Enter, Tab to the span, Enter, Escape', async () => {
  const page = await open(site.browser, site.base);
  await tap1Up(page);
  const input = page.getByTestId('terminal-input');
  await input.focus();
  // The field lets Tab through after Escape; Shift+Tab leaves it anyway.
  await page.keyboard.press('Shift+Tab');
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  assert.match(await focused(), /LOWERLAYERDOWN/, 'the output line above the prompt has the focus');
  await page.keyboard.press('Enter');
  await spanOf(lineWith(page, 'LOWERLAYERDOWN'), 'LOWERLAYERDOWN').waitFor();
  let guard = 0;
  while ((await focused()) !== 'LOWERLAYERDOWN') {
    await page.keyboard.press('Tab');
    assert.ok(guard++ < 40, 'Tab reaches the state');
  }
  await page.keyboard.press('Enter');
  await explain(page).waitFor();
  assert.match(await explain(page).textContent(), /tap2[\s\S]*green|green[\s\S]*tap2/);
  // The explanation is a live region, so screen readers read it out.
  assert.equal(await explain(page).getAttribute('aria-live'), 'polite');
  await page.keyboard.press('Escape');
  assert.equal(await explain(page).isVisible(), false, 'Escape closes it');
  assert.equal(await focused(), 'LOWERLAYERDOWN', 'and the focus is back on the span');
  assert.deepEqual(page.errors, []);
});

test('on a phone a tap opens the explanation and the prompt stays in view', async () => {
  const page = await open(site.browser, site.base, '#/sandbox', PHONE);
  await tap1Up(page);
  const line = lineWith(page, 'LOWERLAYERDOWN');
  await line.tap();
  const state = spanOf(line, 'LOWERLAYERDOWN');
  await state.waitFor();
  await state.tap();
  await explain(page).waitFor();
  assert.match(await explain(page).textContent(), /tap2/);
  const input = page.getByTestId('terminal-input');
  const box = await input.boundingBox();
  const panel = await explain(page).boundingBox();
  const viewport = page.viewportSize();
  const onScreen = (b) => b && b.y >= 0 && b.y + b.height <= viewport.height + 1;
  assert.ok(onScreen(box), `the prompt is on screen: ${JSON.stringify(box)}`);
  assert.ok(onScreen(panel), `and so is the explanation: ${JSON.stringify(panel)}`);
  const top = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.dataset.testid ?? '',
    { x: box.x + 4, y: box.y + box.height / 2 });
  assert.equal(top, 'terminal-input', 'nothing covers the prompt');
  assert.deepEqual(page.errors, []);
});

test('the terminal copies the same text before and after its notes are drawn', async () => {
  const page = await open(site.browser, site.base);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await tap1Up(page);
  const copy = async () => {
    await page.evaluate(() => {
      const sel = window.getSelection();
      sel.removeAllRanges();
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('[data-testid="terminal-output"]'));
      sel.addRange(range);
      document.execCommand('copy');
    });
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const before = await copy();
  const textBefore = await output(page);
  assert.match(before, /state LOWERLAYERDOWN mode/);
  const line = lineWith(page, 'LOWERLAYERDOWN');
  await line.hover();
  await spanOf(line, 'LOWERLAYERDOWN').waitFor();
  assert.ok(await page.locator('.t-lines [data-note]').count() > 3, 'the notes are drawn');
  const after = await copy();
  assert.equal(after, before);
  assert.equal(await output(page), textBefore, 'and the same text content');
  assert.deepEqual(page.errors, []);
});
