// The reports' range picker and filter chips, and the view's query in the URL
// (#/sources?range=7d&source=ORGANIC_SEARCH): a view can be bookmarked and shared, and clicking a
// row adds its filter to every report.
import { h } from './view.js';

export const REPORTS = ['Overview', 'Sources', 'Pages', 'Devices', 'Events'];

/** The filter keys of the reports API, as a person reads them. */
export const FILTERS = {
  source: 'Source', source_data_1: 'Source detail', source_data_2: 'Source detail 2', device: 'Device',
  browser: 'Browser', os: 'Operating system', page: 'Entry page', exit: 'Exit page', event: 'Event',
};

/** Event names by ID, as the events report last gave them: an event filter holds the ID and shows the name. */
const eventNames = new Map();

export function knowEventNames(events) {
  for (const e of events) if (e.name) eventNames.set(String(e.eventId), e.name);
}

const RANGES = [['today', 'Today'], ['yesterday', 'Yesterday'], ['7d', 'Last 7 days'], ['30d', 'Last 30 days'],
  ['month', 'This month'], ['last-month', 'Last month'], ['custom', 'Custom range']];

/** HubSpot's source buckets, named as its app names them. */
const SOURCES = {
  ORGANIC_SEARCH: 'Organic search', PAID_SEARCH: 'Paid search', EMAIL_MARKETING: 'Email marketing',
  SOCIAL_MEDIA: 'Organic social', PAID_SOCIAL: 'Paid social', REFERRALS: 'Referrals',
  OTHER_CAMPAIGNS: 'Other campaigns', DIRECT_TRAFFIC: 'Direct traffic', OFFLINE: 'Offline sources',
  AI_REFERRALS: 'AI referrals',
};

export function sourceName(bucket) {
  return SOURCES[bucket] || bucket.charAt(0) + bucket.slice(1).toLowerCase().replaceAll('_', ' ');
}

/** What a filter term shows: a source bucket or an event by its name, anything else as it is. */
function termText(key, value) {
  if (key === 'event') return eventNames.get(value) || 'Event ' + value;
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

export function today() {
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

export function filterOf(params) {
  return Object.keys(FILTERS).filter((k) => params.get(k)).map((k) => k + ':' + params.get(k)).join(';');
}

export function apiQuery(range, params, withFilter = true) {
  const query = { from: range.from, to: range.to, interval: range.interval };
  const filter = filterOf(params);
  if (withFilter && filter) query.filter = filter;
  return query;
}

/** Adds a filter term (and goes to {@code section}, else stays). */
export function addFilter(terms, section) {
  const params = viewQuery();
  for (const [key, value] of terms) params.set(key, value);
  go(section || currentSection(), params);
}

function currentSection() {
  const name = location.hash.replace(/^#\/?/, '').split('?')[0];
  return REPORTS.find((s) => s.toLowerCase() === name) || 'Overview';
}

export function toolbar(section, params, range, liveStatus) {
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

export function chips(section, params) {
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

