// The report pages: Overview, Sources, Pages, Devices and Events, on the reports API. The date
// range and the filter live in the URL (#/sources?range=7d&source=ORGANIC_SEARCH), so a view can
// be bookmarked and shared; clicking a row adds its filter to every report. For a range that
// includes today the page is live: each batch of hits applied refreshes it, no reload.
import * as api from './api.js';
import * as live from './live.js';
import { timeChart } from './chart.js';
import { fmt, change } from './format.js';
import { h } from './view.js';

export const REPORTS = ['Overview', 'Sources', 'Pages', 'Devices', 'Events'];

/** The filter keys of the reports API, as a person reads them. */
const FILTERS = {
  source: 'Source', source_data_1: 'Source detail', source_data_2: 'Source detail 2', device: 'Device',
  browser: 'Browser', os: 'Operating system', page: 'Entry page', exit: 'Exit page',
};

const RANGES = [['today', 'Today'], ['yesterday', 'Yesterday'], ['7d', 'Last 7 days'], ['30d', 'Last 30 days'],
  ['month', 'This month'], ['last-month', 'Last month'], ['custom', 'Custom range']];

/** HubSpot's source buckets, named as its app names them. */
const SOURCES = {
  ORGANIC_SEARCH: 'Organic search', PAID_SEARCH: 'Paid search', EMAIL_MARKETING: 'Email marketing',
  SOCIAL_MEDIA: 'Organic social', PAID_SOCIAL: 'Paid social', REFERRALS: 'Referrals',
  OTHER_CAMPAIGNS: 'Other campaigns', DIRECT_TRAFFIC: 'Direct traffic', OFFLINE: 'Offline sources',
  AI_REFERRALS: 'AI referrals',
};

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
/** The shortest time between two reads of a live page's reports. */
const LIVE_GAP_MS = 500;

function sourceName(bucket) {
  return SOURCES[bucket] || bucket.charAt(0) + bucket.slice(1).toLowerCase().replaceAll('_', ' ');
}

/** What a filter term shows: a source bucket by its name, anything else as it is. */
function termText(key, value) {
  return key === 'source' ? sourceName(value) : value;
}

/** The view's query in the URL: range, from, to, interval, live and the filter terms. */
export function viewQuery() {
  const i = location.hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : location.hash.slice(i + 1));
}

/** The query a section link carries, so moving between reports keeps the range and the filter. */
export function carried() {
  const query = viewQuery().toString();
  return query ? '?' + query : '';
}

function go(section, params) {
  const query = params.toString();
  location.hash = '#/' + section.toLowerCase() + (query ? '?' + query : '');
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

function addDays(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function isDay(s) {
  return /^\d{4}-\d{2}-\d{2}$/.test(s || '') && !Number.isNaN(Date.parse(s + 'T00:00:00Z'));
}

/** The range the URL names, in whole UTC days, its interval, and whether it is live. */
export function rangeOf(params) {
  const now = today();
  let key = params.get('range') || 'today';
  let from;
  let to = now;
  if (key === 'yesterday') {
    from = addDays(now, -1);
    to = from;
  } else if (key === '7d') from = addDays(now, -6);
  else if (key === '30d') from = addDays(now, -29);
  else if (key === 'month') from = now.slice(0, 8) + '01';
  else if (key === 'last-month') {
    to = addDays(now.slice(0, 8) + '01', -1);
    from = to.slice(0, 8) + '01';
  } else if (key === 'custom' && isDay(params.get('from')) && isDay(params.get('to'))
    && params.get('from') <= params.get('to')) {
    from = params.get('from');
    to = params.get('to');
  } else {
    key = 'today';
    from = now;
  }
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86400000) + 1;
  const asked = params.get('interval');
  const interval = days > 31 ? 'day' : asked === 'hour' || asked === 'day' ? asked : days <= 2 ? 'hour' : 'day';
  const includesToday = from <= now && now <= to;
  return { key, from, to, days, interval, includesToday, live: includesToday && params.get('live') !== 'off' };
}

function filterOf(params) {
  return Object.keys(FILTERS).filter((k) => params.get(k)).map((k) => k + ':' + params.get(k)).join(';');
}

function apiQuery(range, params, withFilter = true) {
  const query = { from: range.from, to: range.to, interval: range.interval };
  const filter = filterOf(params);
  if (withFilter && filter) query.filter = filter;
  return query;
}

/** Adds a filter term (and goes to {@code section}, else stays). */
function addFilter(terms, section) {
  const params = viewQuery();
  for (const [key, value] of terms) params.set(key, value);
  go(section || currentSection(), params);
}

function currentSection() {
  const name = location.hash.replace(/^#\/?/, '').split('?')[0];
  return REPORTS.find((s) => s.toLowerCase() === name) || 'Overview';
}

function toolbar(section, params, range, liveStatus) {
  const rangeSelect = h('select', {
    id: 'range',
    onchange: (e) => {
      const next = viewQuery();
      next.set('range', e.target.value);
      next.delete('interval');
      if (e.target.value === 'custom') {
        next.set('from', range.from);
        next.set('to', range.to);
      } else {
        next.delete('from');
        next.delete('to');
      }
      go(section, next);
    },
  }, RANGES.map(([value, label]) => h('option', { value, selected: value === range.key }, label)));
  const parts = [h('div', { class: 'field inline' }, h('label', { for: 'range' }, 'Date range'), rangeSelect)];
  if (range.key === 'custom') {
    const form = h('form', { class: 'custom-range' },
      h('div', { class: 'field inline' }, h('label', { for: 'from' }, 'From'),
        h('input', { id: 'from', name: 'from', type: 'date', value: range.from, max: today(), required: true })),
      h('div', { class: 'field inline' }, h('label', { for: 'to' }, 'To'),
        h('input', { id: 'to', name: 'to', type: 'date', value: range.to, required: true })),
      h('button', { type: 'submit' }, 'Apply'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const next = viewQuery();
      next.set('range', 'custom');
      const [from, to] = [form.from.value, form.to.value].sort();
      next.set('from', from);
      next.set('to', to);
      go(section, next);
    });
    parts.push(form);
  }
  if ((section === 'Overview' || section === 'Events') && range.days <= 31) {
    parts.push(h('div', { class: 'field inline' }, h('label', { for: 'interval' }, 'By'),
      h('select', {
        id: 'interval',
        onchange: (e) => {
          const next = viewQuery();
          next.set('interval', e.target.value);
          go(section, next);
        },
      }, h('option', { value: 'hour', selected: range.interval === 'hour' }, 'Hour'),
      h('option', { value: 'day', selected: range.interval === 'day' }, 'Day'))));
  }
  parts.push(h('button', {
    type: 'button',
    id: 'live-toggle',
    class: 'live-toggle',
    'aria-pressed': String(range.live),
    disabled: !range.includesToday,
    title: range.includesToday ? 'New visits show as they arrive' : 'Live mode is for ranges that include today',
    onclick: () => {
      const next = viewQuery();
      if (range.live) next.set('live', 'off');
      else next.delete('live');
      go(section, next);
    },
  }, h('span', { class: 'dot', 'aria-hidden': 'true' }), 'Live'), liveStatus);
  parts.push(h('span', { class: 'muted tz' }, 'Days and hours in UTC'));
  return h('div', { class: 'toolbar' }, parts);
}

function chips(section, params) {
  const terms = Object.keys(FILTERS).filter((k) => params.get(k));
  if (terms.length === 0) return h('div', { id: 'filters', class: 'chips', hidden: true });
  const remove = (keys) => {
    const next = viewQuery();
    keys.forEach((k) => next.delete(k));
    go(section, next);
  };
  return h('div', { id: 'filters', class: 'chips', role: 'group', 'aria-label': 'Filters' },
    terms.map((k) => {
      const text = FILTERS[k] + ' is ' + termText(k, params.get(k));
      return h('span', { class: 'chip', 'data-filter': k },
        h('span', {}, h('span', { class: 'chip-key' }, FILTERS[k]), ' is ', h('strong', {}, termText(k, params.get(k)))),
        h('button', { type: 'button', class: 'chip-remove', 'aria-label': 'Remove filter: ' + text,
          onclick: () => remove([k]) }, '×'));
    }),
    terms.length > 1 ? h('button', { type: 'button', class: 'link', onclick: () => remove(terms) }, 'Clear all') : null);
}

/**
 * A table of report rows; the first column's button filters every report by the row
 * ({@code filter(row)} gives the terms), unless the table takes no filter.
 */
function table({ id, caption, columns, rows, label, filter, empty = 'Nothing in this range yet.', extra }) {
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

const col = (label, key, format = fmt.count) => ({ label, value: (r) => r[key], format });

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

async function overviewPage(hubId, range, params, redraw) {
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

function sourcesTable(rows, withDrillDowns) {
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

async function sourcesPage(hubId, range, params) {
  const sources = await api.report('sources', hubId, apiQuery(range, params));
  return [h('div', { class: 'panel' }, sourcesTable(sources.results, true),
    h('p', { class: 'muted note' }, 'Expand a source for its details (search engine, referring site, campaign). '
      + 'Click any name to filter every report by it.'))];
}

async function pagesPage(hubId, range, params) {
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

async function devicesPage(hubId, range, params) {
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

async function eventsPage(hubId, range, params) {
  const report = await api.report('events', hubId, apiQuery(range, params, false));
  const events = report.results;
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
    filterOf(params) ? h('p', { class: 'notice' }, 'Event completions are not tied to visits, so the filter does '
      + 'not apply to this page.') : null,
    ...charts,
    h('div', { class: 'panel' }, table({ id: 'table-events', caption: 'Events', columns, rows: events, label: name,
      empty: 'No event completions in this range. Create events under Events, or send them with '
        + "_hsq.push(['trackEvent', …]) or the Events HTTP API." })),
  ];
}

const PAGES = { Overview: overviewPage, Sources: sourcesPage, Pages: pagesPage, Devices: devicesPage, Events: eventsPage };

function liveText(state, range) {
  if (!range.live) return '';
  return { open: 'Updating as visits arrive', connecting: 'Connecting…', closed: 'Live updates unavailable' }[state]
    || '';
}

/** A report section of the portal, filled as its figures arrive and, when live, kept up to date. */
export function reportPage(section, portal) {
  const params = viewQuery();
  const range = rangeOf(params);
  const liveStatus = h('span', { class: 'live-status', id: 'live-status', role: 'status' });
  const updated = h('span', { class: 'muted updated', id: 'updated' });
  const body = h('div', { class: 'report-body', id: 'report-body', 'aria-busy': 'true' },
    h('p', { class: 'loading' }, 'Loading…'));
  let loading = false;
  let again = false;
  let started = 0;
  let waiting = null;
  const load = async () => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    started = Date.now();
    const open = [...body.querySelectorAll('details[open]')].map((d) => d.id);
    try {
      const parts = await PAGES[section](portal.hubId, range, params, load);
      body.replaceChildren(...parts.filter(Boolean));
      open.forEach((id) => document.getElementById(id)?.setAttribute('open', ''));
      body.removeAttribute('aria-busy');
      body.dataset.loadedAt = String(Date.now());
      updated.textContent = 'Updated ' + new Date().toISOString().slice(11, 19) + ' UTC';
    } catch (e) {
      body.replaceChildren(h('p', { class: 'error', role: 'alert' }, 'The report could not load: ' + e.message));
    } finally {
      loading = false;
      if (again) {
        again = false;
        load();
      }
    }
  };
  load();
  if (range.live) {
    // under a steady stream of batches, a page reads its reports at most every LIVE_GAP_MS
    const onApplied = () => {
      const wait = started + LIVE_GAP_MS - Date.now();
      if (wait <= 0) load();
      else if (!waiting) waiting = setTimeout(() => { waiting = null; load(); }, wait);
    };
    live.listen(portal.hubId, onApplied, (state) => {
      liveStatus.textContent = liveText(state, range);
      liveStatus.dataset.state = state;
    });
  } else {
    live.stop();
  }
  return h('section', { class: 'report', 'aria-labelledby': 'report-title' },
    h('div', { class: 'report-head' }, h('h2', { id: 'report-title' }, section), updated),
    toolbar(section, params, range, liveStatus),
    chips(section, params),
    body);
}
