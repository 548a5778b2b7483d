// Contact and company lists. A list is the CRM search: free text, a filter builder with every
// operator of the search, sortable columns and pages, all kept in the address.
// Every value shown came from a visitor or an API client: it is set as text through h(), never as HTML.
import { call } from './api.js';
import { h } from './view.js';
import { inPortal, errorText, properties, typedInput, listAddresses } from './records.js';

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

/** The query in the hash: '#/contacts?q=ada' gives q=ada. */
function hashQuery() {
  const i = location.hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : location.hash.slice(i + 1));
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
  listAddresses[type] = next;
  if (location.hash === next) reload();
  else location.hash = next;
}

/**
 * A searchable, sortable, paged list of records. {@code config}: type, title, columns
 * ([{name, label, cell(properties)}]), the properties to read, and the free text's label.
 */
export function listPage(config, current) {
  const state = listState();
  listAddresses[config.type] = location.hash;
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

