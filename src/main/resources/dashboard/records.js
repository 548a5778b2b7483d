// Contact and company records and what the lists share with them: the portal's property
// catalogue, an input fit for each property type, and a record's page. A record shows every
// property, edited with an input fit for its type (admins only), with the history of each value.
// The lists themselves are in record-lists.js.
// Every value shown came from a visitor or an API client: it is set as text through h(), never as HTML.
import { call } from './api.js';
import { h } from './view.js';

/** The address each list was last shown at, for a record's link back to it. */
export const listAddresses = {};
const catalogs = {};

/** {@code path} of the dashboard API in the portal shown. */
export function inPortal(current, path) {
  return path + (path.includes('?') ? '&' : '?') + 'hubId=' + encodeURIComponent(current.hubId);
}

/** What follows the section in the hash: '#/contacts/12' gives '12' (the query after '?' is not part of it). */
export function subPath() {
  return location.hash.replace(/^#\/?/, '').split('?')[0].split('/').slice(1).join('/');
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
      box.replaceChildren(h('p', {}, h('a', { href: listAddresses[type] || '#/' + type, id: 'back' }, '← ' + backLabel)),
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
