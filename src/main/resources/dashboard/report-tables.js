// The breakdown reports: sources with their drill-downs, pages (entry and exit), devices and
// events, each a table whose first column filters every report by its row.
import * as api from './api.js';
import { timeChart } from './chart.js';
import { fmt } from './format.js';
import { h } from './view.js';
import { sourceName, apiQuery, addFilter, knowEventNames } from './report-filters.js';

/**
 * A table of report rows; the first column's button filters every report by the row
 * ({@code filter(row)} gives the terms), unless the table takes no filter.
 */
export function table({ id, caption, columns, rows, label, filter, empty = 'Nothing in this range yet.', extra }) {
  const body = rows.length === 0
    ? [h('tr', {}, h('td', { colspan: columns.length + 1, class: 'muted' }, empty))]
    : rows.flatMap((row) => {
      const name = label(row);
      const head = filter
        ? h('button', { type: 'button', class: 'row-filter', title: 'Filter every report by this',
          onclick: () => addFilter(filter(row)) }, name)
        : h('span', {}, name);
      const tr = h('tr', {}, h('th', { scope: 'row' }, head),
        columns.map((c) => h('td', { class: 'num' }, c.format(c.value(row)))));
      return extra ? [tr, ...extra(row, tr)] : [tr];
    });
  return h('table', { id, class: 'report-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, columns[0].first || ''),
      columns.map((c) => h('th', { scope: 'col', class: 'num' }, c.label)))),
    h('tbody', {}, body));
}

export const col = (label, key, format = fmt.count) => ({ label, value: (r) => r[key], format });

export function sourcesTable(rows, withDrillDowns) {
  const columns = withDrillDowns
    ? [col('Sessions', 'sessions'), col('Visitors', 'visitors'), col('Page views', 'pageViews'),
      col('New contacts', 'newContacts'), col('Session to contact rate', 'sessionToContactRate', fmt.percent),
      col('Bounce rate', 'bounceRate', fmt.percent)]
    : [col('Sessions', 'sessions'), col('New contacts', 'newContacts')];
  columns[0].first = 'Source';
  return table({
    id: withDrillDowns ? 'table-sources' : 'table-top-sources',
    caption: withDrillDowns ? 'Traffic sources' : 'Top sources',
    columns,
    rows,
    label: (r) => sourceName(r.source),
    filter: (r) => [['source', r.source]],
    extra: withDrillDowns ? (r, tr) => drillDowns(r, tr, columns) : undefined,
  });
}

/** A source's drill-downs as rows under it, shown by its expand button. */
function drillDowns(source, sourceRow, columns) {
  if (source.drillDowns.length === 0) return [];
  const rows = source.drillDowns.map((d) => h('tr', { class: 'drill', hidden: true },
    h('th', { scope: 'row' }, h('button', { type: 'button', class: 'row-filter',
      title: 'Filter every report by this', onclick: () => addFilter([['source', source.source], ['source_data_1', d.value]]) },
    d.value)),
    columns.map((c) => h('td', { class: 'num' }, c.format(c.value(d))))));
  const toggle = h('button', {
    type: 'button',
    class: 'expand',
    'aria-expanded': 'false',
    'aria-label': 'Show the details of ' + sourceName(source.source),
    onclick: () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      rows.forEach((r) => { r.hidden = !open; });
    },
  }, '▸');
  sourceRow.firstChild.prepend(toggle);
  return rows;
}

export async function sourcesPage(hubId, range, params) {
  const sources = await api.report('sources', hubId, apiQuery(range, params));
  return [h('div', { class: 'panel' }, sourcesTable(sources.results, true),
    h('p', { class: 'muted note' }, 'Expand a source for its details (search engine, referring site, campaign). '
      + 'Click any name to filter every report by it.'))];
}

export async function pagesPage(hubId, range, params) {
  const query = apiQuery(range, params);
  const pages = (await api.report('pages', hubId, query)).results;
  const by = (key) => [...pages].filter((p) => p[key] > 0).sort((a, b) => b[key] - a[key]);
  const all = [col('Views', 'views'), col('Entrances', 'entrances'), col('Exits', 'exits'),
    col('Bounce rate', 'bounceRate', fmt.percent)];
  all[0].first = 'Page';
  const entries = [col('Entrances', 'entrances'), col('Bounce rate', 'bounceRate', fmt.percent)];
  const exits = [col('Exits', 'exits')];
  entries[0].first = 'Page';
  exits[0].first = 'Page';
  return [
    h('div', { class: 'panel' }, table({ id: 'table-pages', caption: 'Pages', columns: all, rows: pages,
      label: (r) => r.page, filter: (r) => [['page', r.page]] }),
    query.filter ? h('p', { class: 'muted note' }, 'Filtered, a page counts the matching visits that entered or '
      + 'left on it; page views are not tied to visits yet.') : null),
    h('div', { class: 'grid-2' },
      h('div', { class: 'panel' }, table({ id: 'table-entry-pages', caption: 'Entry pages',
        columns: entries, rows: by('entrances'), label: (r) => r.page, filter: (r) => [['page', r.page]] })),
      h('div', { class: 'panel' }, table({ id: 'table-exit-pages', caption: 'Exit pages',
        columns: exits, rows: by('exits'), label: (r) => r.page,
        filter: (r) => [['exit', r.page]] }))),
  ];
}

export async function devicesPage(hubId, range, params) {
  const report = await api.report('devices', hubId, apiQuery(range, params));
  const columns = [col('Sessions', 'sessions'), col('Visitors', 'visitors'), col('Page views', 'pageViews'),
    col('Bounce rate', 'bounceRate', fmt.percent)];
  const panel = (id, caption, rows, key) => h('div', { class: 'panel' }, table({ id, caption, columns, rows,
    label: (r) => r.name, filter: (r) => [[key, r.name]] }));
  return [
    panel('table-devices', 'Devices', report.devices, 'device'),
    h('div', { class: 'grid-2' },
      panel('table-browsers', 'Browsers', report.browsers, 'browser'),
      panel('table-os', 'Operating systems', report.operatingSystems, 'os')),
  ];
}

export async function eventsPage(hubId, range, params) {
  const report = await api.report('events', hubId, apiQuery(range, params));
  const events = report.results;
  knowEventNames(events);
  const name = (e) => e.name || 'Event ' + e.eventId;
  const hourly = range.interval === 'hour';
  const top = events.slice(0, 5);
  const starts = top.length ? top[0].series.map((p) => p.start) : [];
  const charts = top.length === 0 ? [] : [
    h('div', { class: 'panel chart-panel' }, h('h3', {}, 'Completions' + (hourly ? ' by hour' : ' by day')),
      timeChart({ id: 'events-chart', title: 'Completions of the top events', hourly, starts, whole: true,
        series: top.map((e) => ({ label: name(e), values: e.series.map((p) => p.completions), format: fmt.count })) })),
  ];
  if (top.some((e) => e.revenue > 0)) {
    charts.push(h('div', { class: 'panel chart-panel' }, h('h3', {}, 'Revenue' + (hourly ? ' by hour' : ' by day')),
      timeChart({ id: 'revenue-chart', title: 'Revenue of the top events', hourly, starts,
        series: top.map((e) => ({ label: name(e), values: e.series.map((p) => p.revenue), format: fmt.money })) })));
  }
  const columns = [col('Completions', 'completions'), col('Revenue', 'revenue', fmt.money)];
  columns[0].first = 'Event';
  return [
    ...charts,
    h('div', { class: 'panel' }, table({ id: 'table-events', caption: 'Events', columns, rows: events, label: name,
      filter: (e) => [['event', String(e.eventId)]],
      empty: 'No event completions in this range. Create events under Events, or send them with '
        + "_hsq.push(['trackEvent', …]) or the Events HTTP API." })),
  ];
}

