import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const url = process.argv[2];
await page.goto(url);
await page.waitForSelector('[data-testid=terminal-input]');
const cmds = process.argv.slice(4);
for (const c of cmds) { await page.fill('[data-testid=terminal-input]', c); await page.press('[data-testid=terminal-input]', 'Enter'); await page.waitForTimeout(400); }
await page.waitForTimeout(1500);
await page.screenshot({ path: process.argv[3], fullPage: false });
await browser.close();
