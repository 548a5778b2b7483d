// Time series charts with uPlot (served from its webjar, nothing from a CDN), each with a table
// of the same numbers for people who do not see the chart (screen readers, keyboard users).
import uPlot from './vendor/uPlot.esm.js';
import { h } from './view.js';

const HOURS = [1, 2, 3, 6, 12, 24, 48].map((n) => n * 3600);
const DAYS = [1, 2, 7, 14, 28, 56, 91, 182].map((n) => n * 86400);
const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A point's time as the axis shows it: the UTC day, and for hours the hour (with its day at midnight). */
function when(seconds, hourly) {
  const date = new Date(seconds * 1000);
  if (!hourly) return DAY.format(date);
  const hour = date.toISOString().slice(11, 16);
  return date.getUTCHours() === 0 ? hour + '\n' + DAY.format(date) : hour;
}

const COLORS = ['#0b5cad', '#c2410c', '#15803d', '#7c3aed', '#be123c'];
/** Steps of the value axis for whole numbers: no tick between 1 and 2. */
const WHOLE = [1, 2, 5].flatMap((m) => [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9].map((p) => m * p))
  .sort((a, b) => a - b);

function css(href) {
  if (!document.querySelector('link[href="' + href + '"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href }));
  }
}

/**
 * A chart of {@code series} ([{label, values, format}]) over {@code starts} (ISO instants), and
 * its table fallback under a disclosure; {@code hourly} labels the x axis by hour, {@code whole}
 * keeps the value axis on whole numbers.
 */
export function timeChart({ id, title, starts, series, hourly, whole }) {
  css('/dashboard/assets/vendor/uPlot.min.css');
  const box = h('div', { class: 'chart', id, role: 'img',
    'aria-label': title + ': chart; the same numbers are in the table below' });
  const times = starts.map((s) => Date.parse(s) / 1000);
  const data = [times, ...series.map((s) => s.values)];
  const opts = {
    width: 600,
    height: 240,
    // ticks fall on UTC hours and days, as the reports count them
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    legend: { show: series.length > 1 },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [
      { stroke: '#57606a', grid: { stroke: '#eaeef2' }, incrs: hourly ? HOURS : DAYS, values: (u, ticks) =>
        ticks.map((t) => when(t, hourly)) },
      { stroke: '#57606a', grid: { stroke: '#eaeef2' }, size: 56, incrs: whole ? WHOLE : undefined,
        values: (u, ticks) => ticks.map((t) => series[0].format(t)) },
    ],
    series: [{ label: hourly ? 'Hour (UTC)' : 'Day (UTC)', value: (u, t) => (t == null ? '–' : when(t, hourly)) },
      ...series.map((s, i) => ({
        label: s.label,
        stroke: COLORS[i % COLORS.length],
        width: 2,
        fill: series.length === 1 ? 'rgba(11, 92, 173, 0.10)' : undefined,
        points: { show: times.length <= 48 },
        value: (u, v) => (v == null ? '–' : s.format(v)),
      }))],
  };
  const plot = new uPlot(opts, data, box);
  const fit = () => plot.setSize({ width: Math.max(240, box.clientWidth), height: 240 });
  new ResizeObserver(fit).observe(box);
  return h('div', { class: 'chart-block' }, box, tableFallback(id + '-table', title, starts, series, hourly));
}

function tableFallback(id, title, starts, series, hourly) {
  const when = (s) => (hourly ? s.slice(0, 13).replace('T', ' ') + ':00' : s.slice(0, 10));
  return h('details', { class: 'fallback', id },
    h('summary', {}, 'Show the chart as a table'),
    h('table', {},
      h('caption', { class: 'visually-hidden' }, title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, hourly ? 'Hour (UTC)' : 'Day (UTC)'),
        series.map((s) => h('th', { scope: 'col', class: 'num' }, s.label)))),
      h('tbody', {}, starts.map((start, i) => h('tr', {}, h('th', { scope: 'row' }, when(start)),
        series.map((s) => h('td', { class: 'num' }, s.values[i] == null ? '–' : s.format(s.values[i]))))))));
}
