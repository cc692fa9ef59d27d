// Shared set-up for the browser tests, the screenshots and the benchmark:
// the system Chromium through playwright-core, dist/ on a loopback server.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.NSLAB_DIST || path.join(here, '..', 'dist');

export const LAUNCH = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
};

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1440, height: 900 } };

/** Starts the server and the browser; returns { base, browser, close }. */
export async function start() {
  const server = await serve(DIST, 0);
  const browser = await chromium.launch(LAUNCH);
  const base = `http://127.0.0.1:${server.address().port}/`;
  return { base, browser, async close() { await browser.close(); server.close(); } };
}

/** Opens the site at `hash` in a fresh context and waits until its lab is ready. */
export async function open(browser, base, hash = '#/sandbox', options = DESKTOP) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  const consoleErrors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.goto(base + hash);
  // The lab (a Web Worker) has answered: the prompt accepts a line.
  await page.waitForSelector('body[data-ready]');
  page.errors = errors;
  page.consoleErrors = consoleErrors;
  return page;
}

/** Types a command line and presses Enter, then waits until its output is printed. */
export async function run(page, line) {
  const input = page.getByTestId('terminal-input');
  await input.fill(line);
  await input.press('Enter');
  await page.waitForFunction(() => !document.querySelector('.t-busy'));
}

/** Waits until the lab has answered everything sent so far (e.g. after Undo or Reset). */
export async function idle(page) {
  await page.waitForFunction(() => !document.querySelector('.t-busy'));
}

export const output = (page) => page.getByTestId('terminal-output').textContent();
