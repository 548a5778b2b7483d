// Event definitions: every live definition with its completions and when it was last seen;
// admins create app events (shown with their ID ready to paste into the tracking code or an
// Events HTTP API URL) and delete definitions. Event names came from hits: text only (h()).
import { call } from './api.js';
import { h, field } from './view.js';
import { inPortal, when, errorText } from './records.js';

const DYNAMIC_RULE = 'Delete for good: hits naming it will never create it again';

export function eventDefinitionsSection(current, me) {
  const admin = me.role === 'admin';
  const table = h('div', { class: 'table-wrap', id: 'definitions' }, h('p', { class: 'loading' }, 'Loading…'));
  const created = h('div', { id: 'created-event', 'aria-live': 'polite' });
  const load = async () => {
    try {
      const answer = await call('GET', inPortal(current, '/event-definitions'));
      table.replaceChildren(answer.results.length ? definitionsTable(answer.results, admin, current, load)
        : h('p', { class: 'muted', id: 'no-definitions' }, 'No events yet. Events appear when a page sends '
          + '_hsq.push([\'trackEvent\', …]) or the Events HTTP API is called; admins can create app events here.'));
    } catch (e) {
      table.replaceChildren(errorText(e));
    }
  };
  load();
  return h('section', { class: 'panel', 'aria-labelledby': 'definitions-title' },
    h('h2', { id: 'definitions-title' }, 'Event definitions'),
    table,
    admin ? createForm(current, created, load)
      : h('p', { class: 'muted' }, 'Viewers see the events; an admin can create and delete them.'),
    created);
}

function createForm(current, created, reload) {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'inline-form', 'aria-labelledby': 'create-event-title' },
    h('h3', { id: 'create-event-title' }, 'Create an app event'),
    h('p', { class: 'muted' }, 'An app event is triggered by its ID only, never by a name a page sends.'),
    field('event-name', 'Event name', { required: true, maxlength: 255 }),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Create app event'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      const d = await call('POST', inPortal(current, '/event-definitions'), { name: form['event-name'].value });
      form.reset();
      created.replaceChildren(howToSend(current, d));
      reload();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });
  return form;
}

/** The new event's ID as the tracking code and the Events HTTP API take it, each ready to copy. */
function howToSend(current, d) {
  const tracking = `_hsq.push(['trackEvent', {id: '${d.id}'}]);`;
  const url = `${location.origin}/v1/event?_a=${current.hubId}&_n=${d.id}&email=ada%40example.com`;
  return h('div', { class: 'panel created' },
    h('p', {}, 'Created ', h('strong', {}, d.name), ' with ID ', h('code', { id: 'created-id' }, d.id), '.'),
    copyable('In the tracking code', tracking, 'created-snippet'),
    copyable('As an Events HTTP API call', url, 'created-url'));
}

function copyable(label, text, id) {
  const status = h('span', { class: 'copied', role: 'status' });
  const code = h('code', { id }, text);
  return h('div', { class: 'snippet' },
    h('p', { class: 'snippet-label' }, label),
    h('pre', { tabindex: 0, 'aria-label': label }, code),
    h('button', {
      type: 'button',
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(text);
          status.textContent = 'Copied';
        } catch (e) {
          getSelection().selectAllChildren(code);
          status.textContent = 'Selected: press Ctrl+C to copy';
        }
      },
    }, 'Copy'),
    status);
}

function definitionsTable(definitions, admin, current, reload) {
  const head = ['Name', 'ID', 'Origin', 'Completions', 'Last seen'].concat(admin ? ['Delete'] : []);
  return h('table', { class: 'records' },
    h('caption', { class: 'visually-hidden' }, 'Event definitions'),
    h('thead', {}, h('tr', {}, head.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, definitions.map((d) => h('tr', { 'data-id': d.numericId },
      h('th', { scope: 'row', class: 'event-name' }, d.name),
      h('td', {}, h('code', {}, d.id)),
      h('td', {}, d.origin === 'app' ? 'App' : 'From hits'),
      h('td', { class: 'num' }, String(d.completions)),
      h('td', {}, d.lastSeen ? when(d.lastSeen) : 'Never'),
      admin ? h('td', {}, deleteButton(d, current, reload)) : null))));
}

function deleteButton(d, current, reload) {
  const text = d.origin === 'dynamic' ? DYNAMIC_RULE : 'Delete';
  return h('button', {
    type: 'button',
    class: 'danger',
    'aria-label': `${text} (${d.name})`,
    onclick: async (event) => {
      event.target.disabled = true;
      try {
        await call('DELETE', inPortal(current, '/event-definitions/' + d.numericId));
        reload();
      } catch (e) {
        event.target.disabled = false;
        event.target.after(errorText(e));
      }
    },
  }, text);
}
