// Contacts: the list, and a contact's record with its analytics, its companies and its timeline
// (visits with their page views and source, events with their properties, identifies), newest
// first and filterable by kind. Values from visitors are text only (h()).
import { call } from './api.js';
import { h } from './view.js';
import {
  recordPage, propertiesPanel, linkedPanel, inPortal, subPath, when, errorText, valueOf,
} from './records.js';
import { listPage } from './record-lists.js';

const name = (p) => [p.firstname, p.lastname].filter((x) => x).join(' ');

const CONTACTS = {
  type: 'contacts',
  title: 'Contacts',
  searchLabel: 'Search contacts',
  searchHint: 'Name, email, phone or company',
  empty: 'No contacts match. Contacts appear when a visitor identifies, or through the CRM API or an import.',
  properties: ['firstname', 'lastname', 'email', 'company', 'hs_analytics_source', 'hs_analytics_num_page_views',
    'hs_analytics_last_timestamp'],
  columns: [
    { name: 'lastname', label: 'Name', cell: (p) => name(p) || p.email },
    { name: 'email', label: 'Email', cell: (p) => p.email },
    { name: 'company', label: 'Company', cell: (p) => p.company },
    { name: 'hs_analytics_source', label: 'Original source', cell: (p) => sourceName(p.hs_analytics_source) },
    { name: 'hs_analytics_num_page_views', label: 'Page views', cell: (p) => p.hs_analytics_num_page_views },
    {
      name: 'hs_analytics_last_timestamp', label: 'Last seen',
      cell: (p) => (p.hs_analytics_last_timestamp ? new Date(p.hs_analytics_last_timestamp).toLocaleString() : ''),
    },
  ],
};

/** HubSpot's source bucket as people read it: ORGANIC_SEARCH → Organic search. */
export function sourceName(source) {
  if (!source) return '';
  const text = source.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function contactsSection(current, me) {
  const id = subPath();
  if (!id) return listPage(CONTACTS, current);
  return recordPage(current, 'contacts', id, 'All contacts', (record, saved) => [
    h('h2', { id: 'record-title' }, name({ firstname: valueOf(record, 'firstname'), lastname: valueOf(record, 'lastname') })
      || valueOf(record, 'email') || 'Contact ' + record.id),
    h('div', { class: 'record-grid' },
      h('div', { class: 'panel' }, propertiesPanel(current, 'contacts', record, me.role === 'admin', saved)),
      h('div', { class: 'record-side' },
        analyticsPanel(record.analytics),
        linkedPanel(record, 'Company', 'Not associated with a company.'),
        timelinePanel(current, record.id))),
  ]);
}

function analyticsPanel(a) {
  const row = (label, value, id) => [h('dt', {}, label), h('dd', { id }, value == null || value === '' ? '—' : value)];
  const drill = [a.sourceData1, a.sourceData2].filter((x) => x).join(' / ');
  return h('section', { class: 'panel', 'aria-labelledby': 'analytics-title' },
    h('h3', { id: 'analytics-title' }, 'Analytics'),
    h('dl', { class: 'facts' },
      row('Original source', sourceName(a.source) + (drill ? ' · ' + drill : ''), 'original-source'),
      row('First page', a.firstUrl, 'first-url'),
      row('First referrer', a.firstReferrer, 'first-referrer'),
      row('First visit', a.firstVisit ? when(a.firstVisit) : null, 'first-visit'),
      row('Last visit', a.lastVisit ? when(a.lastVisit) : null, 'last-visit'),
      row('Page views', String(a.pageViews), 'page-views'),
      row('Visits', String(a.visits), 'visits'),
      row('Event completions', String(a.eventCompletions), 'event-completions'),
      row('Revenue', a.revenue, 'revenue')));
}

const KINDS = [['PAGE_VIEW', 'Visits'], ['EVENT', 'Events'], ['IDENTIFY', 'Identifies']];

/** Where an event or an identify came from, as people name it. */
const VIA = {
  TRACKING_CODE: 'the tracking code',
  'tracking-code': 'the tracking code',
  EVENTS_API: 'the Events HTTP API',
  'events-http-api': 'the Events HTTP API',
  BEHAVIORAL_EVENTS_API: 'the behavioural events API',
  segment: 'Segment',
};
const via = (source) => (Object.hasOwn(VIA, source) ? VIA[source] : source);

function timelinePanel(current, contactId) {
  const shown = new Set(KINDS.map(([k]) => k));
  let limit = 100;
  const list = h('ol', { class: 'timeline', id: 'timeline' });
  const more = h('button', { type: 'button', hidden: true, id: 'timeline-more' }, 'Show older');
  const load = async () => {
    try {
      const kinds = [...shown].join(',');
      const answer = await call('GET', inPortal(current, `/contacts/${contactId}/timeline?limit=${limit}`
        + (kinds ? '&kinds=' + kinds : '')));
      list.replaceChildren(...(shown.size === 0 ? [] : answer.results.map(item)));
      if (!list.children.length) list.append(h('li', { class: 'muted' }, 'Nothing to show yet.'));
      more.hidden = !answer.more;
    } catch (e) {
      list.replaceChildren(h('li', {}, errorText(e)));
    }
  };
  more.addEventListener('click', () => { limit += 100; load(); });
  const filters = h('fieldset', { class: 'kinds' }, h('legend', {}, 'Show'),
    KINDS.map(([kind, label]) => h('label', { class: 'check' },
      h('input', {
        type: 'checkbox', checked: true, value: kind,
        onchange: (e) => { if (e.target.checked) shown.add(kind); else shown.delete(kind); load(); },
      }), ' ' + label)));
  load();
  return h('section', { class: 'panel', 'aria-labelledby': 'timeline-title' },
    h('h3', { id: 'timeline-title' }, 'Timeline'), filters, list, more);
}

function properties(values) {
  const entries = Object.entries(values || {});
  if (!entries.length) return null;
  return h('dl', { class: 'facts small' }, entries.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]));
}

function item(entry) {
  if (entry.kind === 'visit') {
    const source = entry.source
      ? sourceName(entry.source.type) + [entry.source.data1, entry.source.data2].filter((x) => x).map((x) => ' · ' + x).join('')
      : 'From the site itself';
    return h('li', { class: 'item visit' },
      h('p', { class: 'what' }, h('strong', {}, 'Visit'), ` · ${entry.pages.length} page view${entry.pages.length === 1 ? '' : 's'} · `,
        h('span', { class: 'source' }, source)),
      h('p', { class: 'muted' }, when(entry.startedAt), ' – ', when(entry.at)),
      h('details', { class: 'pages', open: entry.pages.length <= 3 },
        h('summary', {}, 'Page views'),
        h('ol', {}, entry.pages.map((p) => h('li', {},
          h('span', { class: 'page-title' }, p.title || p.url), h('br'),
          h('span', { class: 'muted url' }, p.url), ' · ', when(p.at))))));
  }
  if (entry.kind === 'event') {
    return h('li', { class: 'item event' },
      h('p', { class: 'what' }, h('strong', {}, 'Event'), ' · ', h('span', { class: 'event-name' }, entry.name),
        entry.value ? ' · value ' + entry.value : ''),
      h('p', { class: 'muted' }, when(entry.at), ' · from ', via(entry.source), ' · ID ', entry.eventId),
      properties(entry.properties));
  }
  return h('li', { class: 'item identify' },
    h('p', { class: 'what' }, h('strong', {}, 'Identified'), ' · by ', via(entry.via)),
    h('p', { class: 'muted' }, when(entry.at)),
    properties(entry.values));
}
