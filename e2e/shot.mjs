// Screenshots of the site for looking at it: node shot.mjs OUTDIR [HASH] [commands...]
import { start, open, run, PHONE, DESKTOP } from './browser.mjs';
const [out = '/tmp/shots', hash = '#/lesson/veth-pairs', ...cmds] = process.argv.slice(2);
const { base, browser, close } = await start();
for (const [name, opts] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  const page = await open(browser, base, hash, opts);
  for (const c of cmds) await run(page, c);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: name === 'phone' });
  if (page.errors.length) console.log(name, 'page errors:', page.errors);
  await page.context().close();
}
await close();
