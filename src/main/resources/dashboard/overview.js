// The overview: the figures compared with the previous period, the chart of the one picked, and
// the top sources and pages.
import * as api from './api.js';
import { timeChart } from './chart.js';
import { fmt, change } from './format.js';
import { h } from './view.js';
import { apiQuery, carried } from './report-filters.js';
import { table, col, sourcesTable } from './report-tables.js';

const FIGURES = [
  { key: 'visitors', label: 'Visitors', format: fmt.count },
  { key: 'sessions', label: 'Sessions', format: fmt.count },
  { key: 'pageViews', label: 'Page views', format: fmt.count },
  { key: 'pagesPerSession', label: 'Pages per session', format: fmt.decimal },
  { key: 'bounceRate', label: 'Bounce rate', format: fmt.percent, lowerIsBetter: true },
  { key: 'averageSessionDurationMs', label: 'Average session', format: fmt.duration },
  { key: 'newContacts', label: 'New contacts', format: fmt.count },
  { key: 'completions', label: 'Event completions', format: fmt.count },
  { key: 'revenue', label: 'Revenue', format: fmt.money },
];

let chartFigure = 'pageViews';
function figureCards(overview, filtered, redraw) {
  return h('div', { class: 'figures', role: 'group', 'aria-label': 'Figures, compared with the previous period' },
    FIGURES.map((f) => {
      const value = overview.totals[f.key];
      const c = change(overview.change[f.key], f.lowerIsBetter, value, overview.previous[f.key]);
      const notFiltered = filtered && value == null;
      return h('button', {
        type: 'button',
        class: 'figure',
        id: 'card-' + f.key,
        'aria-pressed': String(chartFigure === f.key),
        title: notFiltered ? 'Not tied to visits, so not filtered' : 'Show ' + f.label.toLowerCase() + ' on the chart',
        onclick: () => {
          chartFigure = f.key;
          redraw();
        },
      },
      h('span', { class: 'figure-label' }, f.label),
      h('span', { class: 'figure-value', id: 'figure-' + f.key }, f.format(value)),
      h('span', { class: 'figure-change ' + c.tone, 'aria-label': c.label, title: 'Previous period: '
        + f.format(overview.previous[f.key]) }, c.text));
    }));
}

export async function overviewPage(hubId, range, params, redraw) {
  const query = apiQuery(range, params);
  const [overview, sources, pages] = await Promise.all([api.report('overview', hubId, query),
    api.report('sources', hubId, query), api.report('pages', hubId, query)]);
  const figure = FIGURES.find((f) => f.key === chartFigure) || FIGURES[2];
  const hourly = range.interval === 'hour';
  return [
    figureCards(overview, Boolean(query.filter), redraw),
    h('div', { class: 'panel chart-panel' },
      h('h3', {}, figure.label + (hourly ? ' by hour' : ' by day')),
      timeChart({ id: 'overview-chart', title: figure.label + (hourly ? ' by hour' : ' by day'), hourly,
        whole: figure.format === fmt.count,
        starts: overview.series.map((p) => p.start),
        series: [{ label: figure.label, values: overview.series.map((p) => p[figure.key]), format: figure.format }] })),
    h('div', { class: 'grid-2' },
      h('div', { class: 'panel' }, sourcesTable(sources.results.slice(0, 6), false),
        h('a', { href: '#/sources' + carried() }, 'All sources →')),
      h('div', { class: 'panel' }, table({ id: 'table-top-pages', caption: 'Top pages',
        columns: query.filter ? [col('Entrances', 'entrances')] : [col('Views', 'views'), col('Entrances', 'entrances')],
        rows: pages.results.slice(0, 6), label: (r) => r.page, filter: (r) => [['page', r.page]] }),
      h('a', { href: '#/pages' + carried() }, 'All pages →'))),
  ];
}

