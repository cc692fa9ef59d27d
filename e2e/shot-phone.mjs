import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
const page = await ctx.newPage();
await page.goto(process.argv[2]);
await page.waitForSelector('[data-testid=terminal-input]');
await page.waitForTimeout(500);
await page.screenshot({ path: process.argv[3], fullPage: false });
await browser.close();
