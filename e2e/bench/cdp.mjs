// A second DevTools client beside Playwright's, over the browser's WebSocket.
// Playwright's CDPSession cannot talk to the sessions that
// Target.setAutoAttach creates (it drops messages for session ids it did not
// make), and the lab is moving into a dedicated Worker whose fetches and CPU
// must be throttled like the page's. So this client attaches to the page
// target itself, in flat mode, and sets the same emulation on every worker
// target it auto-attaches (paused at start until that is done).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ws: WebSocket } = require('playwright-core/lib/utilsBundle');

/** Lighthouse's mobile profile as the issue states it (1.6 Mbit/s = 1.6e6 bits, not 1.6 × 1024²). */
export const THROTTLED = {
  latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8, cpuRate: 4,
  label: '150 ms latency, 1.6 Mbit/s down (200 000 B/s), 750 kbit/s up (93 750 B/s), CPU x4',
};

/** Opens a raw CDP connection to the browser listening on `port`. */
export async function connect(port) {
  const version = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
  const sock = new WebSocket(version.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 1 << 28 });
  await new Promise((resolve, reject) => { sock.once('open', resolve); sock.once('error', reject); });
  let lastId = 0;
  const calls = new Map();
  const listeners = new Set();
  sock.on('message', (data) => {
    const m = JSON.parse(data.toString());
    const call = m.id && calls.get(m.id);
    if (call) {
      calls.delete(m.id);
      if (m.error) call.reject(new Error(`${call.method}: ${m.error.message}`));
      else call.resolve(m.result);
    } else if (!m.id) {
      for (const listener of listeners) listener(m);
    }
  });
  return {
    send(method, params = {}, sessionId = undefined) {
      const id = ++lastId;
      sock.send(JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params }));
      return new Promise((resolve, reject) => calls.set(id, { method, resolve, reject }));
    },
    on(listener) { listeners.add(listener); return () => listeners.delete(listener); },
    close() { sock.close(); },
  };
}

/** What a step gave: 'ok' or the protocol's complaint. */
const attempt = (promise) => promise.then(() => 'ok', (e) => e.message.replace(/^[\w.]+: /, ''));

/** Cache off, optional throttling, and auto-attach (paused) for one session. */
async function setUp(cdp, sessionId, throttled) {
  const r = {};
  r.network = await attempt(cdp.send('Network.enable', {}, sessionId));
  r.cache = await attempt(cdp.send('Network.setCacheDisabled', { cacheDisabled: true }, sessionId));
  if (throttled) {
    const { latency, downloadThroughput, uploadThroughput, cpuRate } = throttled;
    r.throttle = await attempt(cdp.send('Network.emulateNetworkConditions',
      { offline: false, latency, downloadThroughput, uploadThroughput }, sessionId));
    r.cpu = await attempt(cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate }, sessionId));
  }
  r.autoAttach = await attempt(cdp.send('Target.setAutoAttach',
    { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId));
  return r;
}

/**
 * Applies the profile to a Playwright page (before it navigates) and to every
 * worker it starts. Returns { page, workers, bytes(), detach() }: what each
 * target accepted, and the bytes received on the wire (encodedDataLength).
 */
export async function emulate(cdp, page, throttled) {
  const probe = await page.context().newCDPSession(page);
  const { targetInfo } = await probe.send('Target.getTargetInfo');
  await probe.detach();
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: true });
  const sessions = new Set([sessionId]);
  const out = { page: null, workers: [], wire: 0 };
  const off = cdp.on(async (m) => {
    if (!sessions.has(m.sessionId)) return;
    if (m.method === 'Network.loadingFinished') out.wire += m.params.encodedDataLength;
    if (m.method !== 'Target.attachedToTarget') return;
    const child = m.params.sessionId;
    sessions.add(child);
    const worker = { type: m.params.targetInfo.type, url: m.params.targetInfo.url };
    out.workers.push(worker);
    worker.result = await setUp(cdp, child, throttled);
    await cdp.send('Runtime.runIfWaitingForDebugger', {}, child).catch(() => {});
  });
  out.page = await setUp(cdp, sessionId, throttled);
  out.detach = async () => {
    off();
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  };
  return out;
}
