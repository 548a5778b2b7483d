// The dashboard shell: sign-in (or the first start's setup), then a header with the portal and
// the user, the navigation, and each section. The report sections come from reports.js; the
// overview of a portal with no hits shows the snippet to paste until its first visit arrives.
import * as api from './api.js';
import { h, show, field } from './view.js';
import { contactsSection } from './contacts.js';
import { companiesSection } from './companies.js';
import { eventDefinitionsSection } from './events-page.js';
import { REPORTS, reportPage, carried, viewQuery } from './reports.js';
import * as live from './live.js';
import { settingsPage } from './settings.js';
import { usersPage, choosePasswordPage } from './users.js';

export const SECTIONS = ['Overview', 'Sources', 'Pages', 'Devices', 'Events', 'Event definitions', 'Contacts',
  'Companies', 'Settings', 'Users'];

const state = { me: null, hubId: null };

function sectionFromHash() {
  // #/contacts/123: the section is the first part; the section reads the rest itself
  const name = decodeURIComponent(location.hash.replace(/^#\/?/, '').split(/[/?]/)[0]).replace(/-/g, ' ');
  return SECTIONS.find((s) => s.toLowerCase() === name.toLowerCase()) || 'Overview';
}

function errorBox() {
  return h('p', { class: 'error', role: 'alert', hidden: true });
}

function fail(box, error) {
  box.textContent = error.message;
  box.hidden = false;
}

function signInPage(notice) {
  const error = errorBox();
  const form = h('form', { class: 'panel narrow', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in to Spoor'),
    notice ? h('p', { class: 'notice', id: 'sign-in-notice', role: 'status' }, notice) : null,
    field('email', 'Email', { type: 'email', autocomplete: 'username', required: true }),
    field('password', 'Password', { type: 'password', autocomplete: 'current-password', required: true }),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      enter(await api.signIn(form.email.value, form.password.value));
    } catch (e) {
      fail(error, e);
      form.password.focus();
    }
  });
  show(h('main', { id: 'main', class: 'centered' }, form));
  form.email.focus();
}

function setupPage(token) {
  const error = errorBox();
  const form = h('form', { class: 'panel narrow', 'aria-labelledby': 'setup-title' },
    h('h1', { id: 'setup-title' }, 'Welcome to Spoor'),
    h('p', {}, 'Create the first admin. This link works once.'),
    field('email', 'Email', { type: 'email', autocomplete: 'username', required: true }),
    field('password', 'Password (10 characters or more)',
      { type: 'password', autocomplete: 'new-password', required: true, minlength: 10 }),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Create admin and sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      const me = await api.setUp(token, form.email.value, form.password.value);
      history.replaceState(null, '', '/');
      enter(me);
    } catch (e) {
      fail(error, e);
    }
  });
  show(h('main', { id: 'main', class: 'centered' }, form));
  form.email.focus();
}

function portal() {
  return state.me.portals.find((p) => p.hubId === state.hubId) || state.me.portals[0];
}

function header() {
  const current = portal();
  const picker = state.me.portals.length > 1
    ? h('label', { class: 'portal' }, h('span', { class: 'visually-hidden' }, 'Portal'),
      h('select', {
        id: 'portal',
        onchange: (e) => {
          // the portal goes in the address too, so that a shared view opens on it
          const query = viewQuery();
          query.set('hubId', e.target.value);
          location.hash = '#/' + sectionFromHash().toLowerCase() + '?' + query;
        },
      }, state.me.portals.map((p) => h('option', { value: p.hubId, selected: p.hubId === current.hubId },
        p.name + ' (' + p.hubId + ')'))))
    : h('span', { class: 'portal', id: 'portal' }, current.name + ' · ' + current.hubId);
  return h('header', { class: 'top' },
    h('span', { class: 'brand' }, 'Spoor'),
    picker,
    h('span', { class: 'user' },
      h('span', { id: 'user-email' }, state.me.email),
      h('span', { class: 'role', id: 'user-role' }, state.me.role)),
    h('button', { type: 'button', id: 'sign-out', onclick: signOut }, 'Sign out'));
}

function nav(active) {
  return h('nav', { 'aria-label': 'Sections' },
    h('ul', {}, SECTIONS.map((name) => h('li', {},
      h('a', { href: '#/' + name.toLowerCase().replace(/ /g, '-') + (REPORTS.includes(name) ? carried() : ''),
        'aria-current': name === active ? 'page' : false }, name)))));
}

function snippetBlock(current) {
  const status = h('span', { class: 'copied', role: 'status' });
  const code = h('code', { id: 'snippet' }, current.snippet);
  return h('div', { class: 'snippet' },
    h('pre', { tabindex: 0, 'aria-label': 'Embed snippet' }, code),
    h('button', {
      type: 'button',
      class: 'primary',
      id: 'copy-snippet',
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(current.snippet);
          status.textContent = 'Copied';
        } catch (e) {
          getSelection().selectAllChildren(code);
          status.textContent = 'Selected: press Ctrl+C to copy';
        }
      },
    }, 'Copy snippet'),
    status);
}

function overview(current) {
  if (!current.hasHits) {
    // the first visit turns the empty state into the reports, live
    live.listen(current.hubId, () => {
      current.hasHits = true;
      render();
    });
    return h('section', { class: 'panel empty', id: 'empty-state', 'aria-labelledby': 'empty-title' },
      h('h2', { id: 'empty-title' }, 'No visits yet'),
      h('p', {}, 'Paste this snippet before the closing </body> tag of every page you want tracked. '
        + 'Visits show up here as soon as they arrive.'),
      snippetBlock(current));
  }
  return reportPage('Overview', current);
}

function settings(current) {
  const error = errorBox();
  const done = h('p', { role: 'status', class: 'copied' });
  const form = h('form', { 'aria-labelledby': 'password-title' },
    h('h3', { id: 'password-title' }, 'Change your password'),
    field('current-password', 'Current password', { type: 'password', autocomplete: 'current-password', required: true }),
    field('new-password', 'New password (10 characters or more)',
      { type: 'password', autocomplete: 'new-password', required: true, minlength: 10 }),
    error, done,
    h('button', { type: 'submit' }, 'Change password'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    done.textContent = '';
    try {
      await api.changePassword(form['current-password'].value, form['new-password'].value);
      form.reset();
      done.textContent = 'Password changed';
    } catch (e) {
      fail(error, e);
    }
  });
  return settingsPage({ me: state.me, current, snippet: snippetBlock(current), account: form });
}

function section(name, current) {
  if (name === 'Overview') return overview(current);
  if (REPORTS.includes(name)) return reportPage(name, current);
  live.stop();
  if (name === 'Settings') return settings(current);
  if (name === 'Contacts') return contactsSection(current, state.me);
  if (name === 'Companies') return companiesSection(current, state.me);
  if (name === 'Event definitions') return eventDefinitionsSection(current, state.me);
  if (name === 'Users') return usersPage(current, state.me);
  return h('section', { class: 'panel' }, h('h2', {}, name), h('p', { class: 'muted' }, 'Coming soon.'));
}

function render() {
  const asked = Number(viewQuery().get('hubId'));
  if (state.me.portals.some((p) => p.hubId === asked)) state.hubId = asked;
  const active = sectionFromHash();
  const current = portal();
  document.title = active + ' · ' + current.name + ' · Spoor';
  show(header(), h('div', { class: 'layout' }, nav(active),
    h('main', { id: 'main', tabindex: -1 }, section(active, current))));
}

function enter(me, keptHubId) {
  if (me.mustChangePassword) {
    choosePasswordPage(me, enter);
    return;
  }
  state.me = me;
  state.hubId = me.portals.some((p) => p.hubId === keptHubId) ? keptHubId : me.portals[0].hubId;
  render();
}

async function signOut() {
  live.stop();
  await api.signOut();
  state.me = null;
  signInPage();
}

window.addEventListener('hashchange', () => { if (state.me) render(); });

// the live stream ended with the session (or lost its portal): show who is signed in now, or the sign-in
live.whenEnded(async (reason) => {
  if (!state.me) return;
  try {
    const me = await api.me();
    // a stream refused for another cause (too many open) stays closed: no reconnecting in a loop
    if (me && reason !== 'closed') enter(me, state.hubId);
    else if (!me) {
      state.me = null;
      signInPage('Your session has ended. Sign in again.');
    }
  } catch (e) {
    // the server is away: the page stays as it is and the next action tells
  }
});

async function start() {
  const token = new URLSearchParams(location.search).get('token');
  if (location.pathname === '/setup' && token) {
    setupPage(token);
    return;
  }
  const me = await api.me();
  if (me) enter(me);
  else signInPage();
}

start().catch((e) => show(h('p', { class: 'panel error', role: 'alert' }, 'The dashboard could not load: ' + e.message)));
