// Contact and company lists and records. A list is the CRM search: free text, a filter builder
// with every operator of the search, sortable columns and pages. A record shows every property,
// edited with an input fit for its type (admins only), with the history of each value.
// Every value shown came from a visitor or an API client: it is set as text through h(), never as HTML.
import { call } from './api.js';
import { h } from './view.js';

/** The operators of HubSpot's CRM search: wire name, how it reads, and the values it takes. */
export const OPERATORS = [
  ['EQ', 'is equal to', 'one'], ['NEQ', 'is not equal to', 'one'],
  ['LT', 'is less than', 'one'], ['LTE', 'is at most', 'one'],
  ['GT', 'is greater than', 'one'], ['GTE', 'is at least', 'one'],
  ['BETWEEN', 'is between', 'range'], ['IN', 'is any of', 'list'], ['NOT_IN', 'is none of', 'list'],
  ['HAS_PROPERTY', 'is known', 'none'], ['NOT_HAS_PROPERTY', 'is unknown', 'none'],
  ['CONTAINS_TOKEN', 'contains the word', 'one'], ['NOT_CONTAINS_TOKEN', 'does not contain the word', 'one'],
];

const PAGE = 25;
const lists = {};
const catalogs = {};

/** {@code path} of the dashboard API in the portal shown. */
export function inPortal(current, path) {
  return path + (path.includes('?') ? '&' : '?') + 'hubId=' + encodeURIComponent(current.hubId);
}

/** What follows the section in the hash: '#/contacts/12' gives '12' (the query after '?' is not part of it). */
export function subPath() {
  return location.hash.replace(/^#\/?/, '').split('?')[0].split('/').slice(1).join('/');
}

/** The query in the hash: '#/contacts?q=ada' gives q=ada. */
function hashQuery() {
  const i = location.hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : location.hash.slice(i + 1));
}

/** A date-time as the reader's locale shows it (the ISO value in the title). */
export function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return h('time', { datetime: iso, title: iso }, isNaN(date) ? iso : date.toLocaleString());
}

export function errorText(error) {
  return h('p', { class: 'error', role: 'alert' }, error.message);
}

/** The portal's visible properties of a type, read once per portal. */
export async function properties(current, type) {
  const key = current.hubId + '/' + type;
  if (!catalogs[key]) {
    catalogs[key] = call('GET', inPortal(current, '/properties/' + type)).then((r) => r.results);
  }
  return catalogs[key];
}

/**
 * A list's search text, applied filters, sort and page, read from the hash
 * (#/contacts?q=ada&filters=[…]&sort=email:DESCENDING&page=2), so a list view can be bookmarked,
 * shared and walked with back and forward.
 */
function listState() {
  const params = hashQuery();
  let filters = [];
  try {
    const parsed = JSON.parse(params.get('filters') || '[]');
    if (Array.isArray(parsed)) {
      filters = parsed.filter((f) => f && typeof f.name === 'string' && OPERATORS.some((o) => o[0] === f.operator))
        .map((f) => ({ name: f.name, operator: f.operator, value: String(f.value ?? ''),
          highValue: String(f.highValue ?? '') }));
    }
  } catch (e) {
    // a hand-edited address: the list opens without filters
  }
  const [name, direction] = (params.get('sort') || '').split(':');
  const page = Number.parseInt(params.get('page') || '1', 10);
  return {
    query: params.get('q') || '',
    filters,
    sort: name && (direction === 'ASCENDING' || direction === 'DESCENDING') ? { name, direction } : null,
    offset: Number.isFinite(page) && page > 1 ? (page - 1) * PAGE : 0,
  };
}

/** Puts a list's state in the hash (a new history entry); the page follows on hashchange. */
function showList(type, state, reload) {
  const params = hashQuery();
  const set = (key, value) => (value ? params.set(key, value) : params.delete(key));
  set('q', state.query);
  set('filters', state.filters.length ? JSON.stringify(state.filters) : '');
  set('sort', state.sort ? state.sort.name + ':' + state.sort.direction : '');
  set('page', state.offset > 0 ? String(Math.floor(state.offset / PAGE) + 1) : '');
  const query = params.toString();
  const next = '#/' + type + (query ? '?' + query : '');
  lists[type] = next;
  if (location.hash === next) reload();
  else location.hash = next;
}

/**
 * A searchable, sortable, paged list of records. {@code config}: type, title, columns
 * ([{name, label, cell(properties)}]), the properties to read, and the free text's label.
 */
export function listPage(config, current) {
  const state = listState();
  lists[config.type] = location.hash;
  const apply = () => showList(config.type, state, load);
  const status = h('p', { class: 'muted', role: 'status', id: config.type + '-status' }, 'Loading…');
  const table = h('div', { class: 'table-wrap' });
  const pager = h('div', { class: 'pager' });
  const filterRows = h('div', { class: 'filters', id: 'filters' });
  const search = h('input', {
    id: 'record-search', type: 'search', value: state.query, placeholder: config.searchHint,
  });
  const load = async () => {
    status.textContent = 'Loading…';
    try {
      const body = {
        query: state.query || undefined,
        filterGroups: state.filters.length ? [{ filters: state.filters.map(wireFilter) }] : [],
        sorts: state.sort ? [{ propertyName: state.sort.name, direction: state.sort.direction }] : [],
        properties: config.properties,
        limit: PAGE,
        after: String(state.offset),
      };
      const page = await call('POST', inPortal(current, '/search/' + config.type), body);
      table.replaceChildren(resultTable(config, current, page, state, apply));
      pager.replaceChildren(...pagerButtons(page, state, apply));
      status.textContent = page.total === 0 ? config.empty
        : `${state.offset + 1}–${state.offset + page.results.length} of ${page.total}`;
    } catch (e) {
      status.textContent = '';
      table.replaceChildren(errorText(e));
    }
  };
  const form = h('form', { class: 'list-search', role: 'search' },
    h('label', { for: 'record-search' }, config.searchLabel), search,
    h('button', { type: 'submit', class: 'primary' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.query = search.value.trim();
    state.offset = 0;
    apply();
  });
  const builder = filterBuilder(current, config.type, state, filterRows, () => { state.offset = 0; apply(); });
  load();
  return h('section', { class: 'panel', 'aria-labelledby': 'list-title' },
    h('h2', { id: 'list-title' }, config.title), form, builder, status, table, pager);
}

function wireFilter(f) {
  const filter = { propertyName: f.name, operator: f.operator };
  const arity = OPERATORS.find((o) => o[0] === f.operator)[2];
  if (arity === 'one') filter.value = f.value;
  if (arity === 'range') { filter.value = f.value; filter.highValue = f.highValue; }
  if (arity === 'list') filter.values = f.value.split(',').map((v) => v.trim()).filter((v) => v);
  return filter;
}

function resultTable(config, current, page, state, reload) {
  const header = h('tr', {}, config.columns.map((column) => {
    const sorted = state.sort && state.sort.name === column.name ? state.sort.direction : null;
    return h('th', { scope: 'col', 'aria-sort': sorted ? sorted.toLowerCase() : 'none' },
      h('button', {
        type: 'button',
        class: 'sort',
        onclick: () => {
          state.sort = { name: column.name, direction: sorted === 'ASCENDING' ? 'DESCENDING' : 'ASCENDING' };
          state.offset = 0;
          reload();
        },
      }, column.label, h('span', { 'aria-hidden': 'true' }, sorted === 'ASCENDING' ? ' ▲' : sorted ? ' ▼' : '')));
  }));
  const rows = page.results.map((record) => h('tr', {}, config.columns.map((column, i) => {
    const text = column.cell(record.properties) || '—';
    return i === 0
      ? h('th', { scope: 'row' }, h('a', { href: '#/' + config.type + '/' + record.id }, text))
      : h('td', {}, text);
  })));
  return h('table', { class: 'records', id: config.type + '-table' },
    h('caption', { class: 'visually-hidden' }, config.title), h('thead', {}, header), h('tbody', {}, rows));
}

function pagerButtons(page, state, reload) {
  return [
    h('button', {
      type: 'button', disabled: state.offset === 0,
      onclick: () => { state.offset = Math.max(0, state.offset - PAGE); reload(); },
    }, 'Previous'),
    h('button', {
      type: 'button', disabled: !page.paging,
      onclick: () => { state.offset = Number(page.paging.next.after); reload(); },
    }, 'Next'),
  ];
}

/** The filter builder: each filter a property, an operator and its values; all must match. */
function filterBuilder(current, type, state, rows, apply) {
  const render = (defs) => rows.replaceChildren(...state.filters.map((f, i) => filterRow(defs, f, i, state, () => {
    render(defs);
  })));
  const add = h('button', { type: 'button', id: 'add-filter' }, 'Add filter');
  const run = h('button', { type: 'button', class: 'primary', id: 'apply-filters' }, 'Apply filters');
  properties(current, type).then((defs) => {
    render(defs);
    add.addEventListener('click', () => {
      state.filters.push({ name: defs[0].name, operator: 'EQ', value: '', highValue: '' });
      render(defs);
      rows.querySelector('.filter:last-child select').focus();
    });
  });
  run.addEventListener('click', apply);
  return h('fieldset', { class: 'filter-builder' }, h('legend', {}, 'Filters (every one must match)'),
    rows, h('div', { class: 'actions' }, add, run));
}

function filterRow(defs, f, index, state, rerender) {
  const def = defs.find((d) => d.name === f.name) || defs[0];
  const arity = OPERATORS.find((o) => o[0] === f.operator)[2];
  const n = index + 1;
  const property = h('select', {
    'aria-label': `Filter ${n} property`,
    onchange: (e) => { f.name = e.target.value; f.value = ''; f.highValue = ''; rerender(); },
  }, defs.map((d) => h('option', { value: d.name, selected: d.name === f.name }, d.label)));
  const operator = h('select', {
    'aria-label': `Filter ${n} operator`,
    onchange: (e) => { f.operator = e.target.value; rerender(); },
  }, OPERATORS.map(([wire, text]) => h('option', { value: wire, selected: wire === f.operator }, text)));
  const values = [];
  if (arity === 'one' || arity === 'range' || arity === 'list') {
    values.push(valueInput(def, arity === 'list' ? 'list' : 'one', f.value, `Filter ${n} value`,
      (v) => { f.value = v; }));
  }
  if (arity === 'range') {
    values.push(h('span', {}, 'and'), valueInput(def, 'one', f.highValue, `Filter ${n} high value`,
      (v) => { f.highValue = v; }));
  }
  const remove = h('button', {
    type: 'button', class: 'link', 'aria-label': `Remove filter ${n}`,
    onclick: () => { state.filters.splice(index, 1); rerender(); },
  }, 'Remove');
  return h('div', { class: 'filter' }, property, operator, ...values, remove);
}

function valueInput(def, arity, value, label, set) {
  if (arity === 'one' && (def.type === 'enumeration' || def.type === 'bool')) {
    const input = typedInput(def, value, label);
    input.addEventListener('change', () => set(input.value));
    if (!value) set(input.value);
    return input;
  }
  const attributes = { 'aria-label': label, value };
  if (arity === 'list') attributes.placeholder = 'values, comma-separated';
  else if (def.type === 'number') { attributes.type = 'number'; attributes.step = 'any'; }
  else if (def.type === 'date' || def.type === 'datetime') attributes.type = 'date';
  const input = h('input', attributes);
  input.addEventListener('input', () => set(input.value));
  return input;
}

/** An input fit for a property's type: a select of its options, a date, a number, yes/no, or text. */
export function typedInput(def, value, label, attributes = {}) {
  const shared = { 'aria-label': label, name: def.name, ...attributes };
  if (def.type === 'enumeration') {
    const known = def.options.some((o) => o.value === value);
    return h('select', shared, h('option', { value: '' }, '—'),
      def.options.filter((o) => !o.hidden || o.value === value)
        .map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
      value && !known ? h('option', { value, selected: true }, value) : null);
  }
  if (def.type === 'bool') {
    return h('select', shared, h('option', { value: '' }, '—'),
      h('option', { value: 'true', selected: value === 'true' }, 'Yes'),
      h('option', { value: 'false', selected: value === 'false' }, 'No'));
  }
  if (def.type === 'date') return h('input', { ...shared, type: 'date', value: (value || '').slice(0, 10) });
  if (def.type === 'datetime') {
    return h('input', { ...shared, type: 'datetime-local', value: (value || '').slice(0, 16) });
  }
  if (def.type === 'number') return h('input', { ...shared, type: 'number', step: 'any', value: value || '' });
  if (def.fieldType === 'textarea') return h('textarea', shared, value || '');
  return h('input', { ...shared, type: 'text', value: value || '' });
}

/** What an input holds, as the API takes it: a datetime-local is read as UTC. */
function inputValue(def, input) {
  if (def.type === 'datetime' && input.value) return input.value + ':00Z';
  return input.value;
}

function shownValue(def, value) {
  if (value == null || value === '') return '';
  if (def.type === 'enumeration') {
    const option = def.options.find((o) => o.value === value);
    return option ? option.label : value;
  }
  if (def.type === 'bool') return value === 'true' ? 'Yes' : 'No';
  return value;
}

/**
 * A record's properties: those with a value first, the empty ones folded; each with its input
 * (read-only ones and viewers see text) and its history. Admins save what they changed.
 */
export function propertiesPanel(current, type, record, canEdit, onSaved) {
  const status = h('p', { role: 'status', class: 'copied', id: 'save-status' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const inputs = [];
  const row = (p) => {
    const editable = canEdit && !p.readOnly;
    const id = 'prop-' + p.name;
    const value = p.value == null ? '' : p.value;
    let shown;
    if (editable) {
      shown = typedInput(p, value, p.label, { id });
      inputs.push({ def: p, input: shown, before: inputValue(p, shown) });
    } else if ((p.type === 'datetime' || p.type === 'date') && value) {
      shown = h('span', { class: 'value', id }, when(value));
    } else {
      shown = h('span', { class: 'value', id }, shownValue(p, value) || '—');
    }
    return h('div', { class: 'prop' },
      h('label', { for: id }, p.label, h('span', { class: 'muted prop-name' }, p.name)),
      shown, historyOf(p));
  };
  const set = (p) => p.value != null && p.value !== '';
  const known = record.properties.filter((p) => set(p) && !p.readOnly);
  const computed = record.properties.filter((p) => set(p) && p.readOnly);
  const empty = record.properties.filter((p) => !set(p));
  const form = h('form', { class: 'props', 'aria-labelledby': 'props-title' },
    h('h3', { id: 'props-title' }, 'Properties'),
    known.map(row),
    empty.length ? h('details', { class: 'empty-props' },
      h('summary', {}, `${empty.length} properties without a value`), empty.map(row)) : null,
    computed.length ? h('details', { class: 'empty-props computed' },
      h('summary', {}, `${computed.length} properties Spoor computes`), computed.map(row)) : null,
    error, status,
    canEdit ? h('button', { type: 'submit', class: 'primary', id: 'save-properties' }, 'Save changes')
      : h('p', { class: 'muted' }, 'Viewers see; an admin can change properties.'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    status.textContent = '';
    const changed = {};
    for (const { def, input, before } of inputs) {
      const now = inputValue(def, input);
      if (now !== before) changed[def.name] = now;
    }
    if (!Object.keys(changed).length) {
      status.textContent = 'Nothing changed';
      return;
    }
    try {
      const saved = await call('PATCH', inPortal(current, '/records/' + type + '/' + record.id), { properties: changed });
      onSaved(saved, 'Saved ' + Object.keys(changed).length + ' change(s)');
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });
  return form;
}

function historyOf(p) {
  if (!p.history || !p.history.length) return null;
  return h('details', { class: 'history' },
    h('summary', {}, `History (${p.history.length})`),
    h('ol', {}, p.history.map((entry) => h('li', {},
      h('span', { class: 'value' }, shownValue(p, entry.value) || '(cleared)'), ' · ', when(entry.at), ' · ',
      h('span', { class: 'muted' }, entry.sourceId ? entry.sourceType + ' (' + entry.sourceId + ')' : entry.sourceType)))));
}

/** A record's linked records (a contact's companies, a company's contacts) as links. */
export function linkedPanel(record, title, empty) {
  const linked = record.linked;
  return h('section', { class: 'panel linked', 'aria-labelledby': 'linked-title' },
    h('h3', { id: 'linked-title' }, title + (linked.total ? ` (${linked.total})` : '')),
    linked.results.length
      ? h('ul', { id: 'linked' }, linked.results.map((r) => h('li', {},
        h('a', { href: '#/' + linked.type + '/' + r.id }, r.label))))
      : h('p', { class: 'muted' }, empty),
    linked.total > linked.results.length
      ? h('p', { class: 'muted' }, `The first ${linked.results.length} are shown.`) : null);
}

/** A record page: loads the record, then lays out what {@code build} makes of it. */
export function recordPage(current, type, id, backLabel, build) {
  const box = h('div', { class: 'record' }, h('p', { class: 'loading' }, 'Loading…'));
  const load = async (message) => {
    try {
      const record = await call('GET', inPortal(current, '/records/' + type + '/' + encodeURIComponent(id)));
      box.replaceChildren(h('p', {}, h('a', { href: lists[type] || '#/' + type, id: 'back' }, '← ' + backLabel)),
        ...build(record, (saved, text) => { load(text); }));
      if (message) {
        const status = box.querySelector('#save-status');
        if (status) status.textContent = message;
      }
    } catch (e) {
      box.replaceChildren(h('p', {}, h('a', { href: '#/' + type }, '← ' + backLabel)), errorText(e));
    }
  };
  load();
  return box;
}

/** A property's value in a record, or ''. */
export function valueOf(record, name) {
  const p = record.properties.find((x) => x.name === name);
  return p && p.value != null ? p.value : '';
}
