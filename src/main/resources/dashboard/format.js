// How report figures are written: counts, rates, durations, money and changes.
const count = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const money = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const dash = (fn) => (v) => (v == null ? '–' : fn(v));

export const fmt = {
  count: dash((v) => count.format(v)),
  decimal: dash((v) => decimal.format(v)),
  percent: dash((v) => percent.format(v)),
  money: dash((v) => money.format(v)),
  duration: dash((ms) => {
    const s = Math.round(ms / 1000);
    if (s < 60) return s + 's';
    const m = Math.floor(s / 60);
    if (m < 60) return m + 'm ' + String(s % 60).padStart(2, '0') + 's';
    return Math.floor(m / 60) + 'h ' + String(m % 60).padStart(2, '0') + 'm';
  }),
};

/** A change against the previous period as {text, label, tone}: tone is good, bad or flat. */
export function change(value, lowerIsBetter, now, before) {
  if (value == null && before === 0 && now > 0) {
    return { text: 'New', label: 'none in the previous period', tone: lowerIsBetter ? 'bad' : 'good' };
  }
  if (value == null) return { text: '–', label: 'no figure for the previous period', tone: 'flat' };
  if (Math.abs(value) < 0.0005) return { text: '0%', label: 'no change on the previous period', tone: 'flat' };
  const up = value > 0;
  const text = (up ? '▲ ' : '▼ ') + percent.format(Math.abs(value));
  const good = up !== Boolean(lowerIsBetter);
  return { text, label: (up ? 'up ' : 'down ') + percent.format(Math.abs(value)) + ' on the previous period',
    tone: good ? 'good' : 'bad' };
}
