// Figures and their table. A figure is { section, name, setting, values (ms),
// fails: [reasons] }; printed as median (or p50/p99), min, max and n.

/** Nearest-rank percentile of sorted `s` (p in 0..100). */
const rank = (s, p) => s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];

export function summarise(values) {
  const s = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (!s.length) return { n: 0 };
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
  return { n: s.length, median, min: s[0], max: s[s.length - 1], p50: rank(s, 50), p99: rank(s, 99) };
}

/** Collects figures in order; `add` returns the figure so callers can attach notes. */
export class Figures {
  constructor() { this.list = []; }
  add(section, name, setting, { values = [], fails = [], percentiles = false, unit = 'ms', note = '' } = {}) {
    const figure = { section, name, setting, unit, percentiles, note, fails, ...summarise(values), values };
    this.list.push(figure);
    return figure;
  }
}

const ms = (v) => (v === undefined || v === null ? '' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

function row(f) {
  const head = `  ${f.name.padEnd(46)} ${f.setting.padEnd(15)}`;
  if (!f.n) return `${head} ${f.fails[0] || 'no figure'}`;
  const centre = f.percentiles ? `p50 ${ms(f.p50)}  p99 ${ms(f.p99)}` : `median ${ms(f.median)}`;
  const spread = `min ${ms(f.min)}  max ${ms(f.max)}  n=${f.n}`;
  const failed = f.fails.length ? `  (${f.fails.length} failed: ${f.fails[0]})` : '';
  return `${head} ${centre.padEnd(22)} ${spread}${f.note ? `  ${f.note}` : ''}${failed}`;
}

/** The compact table, one section after another, times in ms. */
export function table(figures) {
  const out = [];
  let section = null;
  for (const f of figures.list) {
    if (f.section !== section) { section = f.section; out.push('', section); }
    out.push(row(f));
  }
  return out.join('\n');
}
