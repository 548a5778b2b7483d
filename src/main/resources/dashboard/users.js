// Accounts in the page: the "choose your password" form a one-time password leads to, and the
// Users section, where admins list a portal's users, add one and remove one (never the last
// admin; a removed user's sessions end at once).
import * as api from './api.js';
import { h, show, field } from './view.js';

function errorBox() {
  return h('p', { class: 'error', role: 'alert', hidden: true });
}

function fail(box, error) {
  box.textContent = error.message;
  box.hidden = false;
}

/** The only page of a session signed in with a one-time password, until a new one is set. */
export function choosePasswordPage(me, onDone) {
  const error = errorBox();
  const form = h('form', { class: 'panel narrow', id: 'choose-password', 'aria-labelledby': 'choose-title' },
    h('h1', { id: 'choose-title' }, 'Choose your password'),
    h('p', {}, 'You signed in as ' + me.email + ' with a one-time password. Choose your own to go on.'),
    field('current-password', 'One-time password', { type: 'password', autocomplete: 'current-password', required: true }),
    field('new-password', 'New password (10 characters or more)',
      { type: 'password', autocomplete: 'new-password', required: true, minlength: 10 }),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Set password'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      await api.changePassword(form['current-password'].value, form['new-password'].value);
      onDone(await api.me());
    } catch (e) {
      fail(error, e);
    }
  });
  show(h('main', { id: 'main', class: 'centered' }, form));
  form['current-password'].focus();
}

function userRow(current, me, user, reload, error) {
  const remove = h('button', {
    type: 'button',
    class: 'remove-user',
    'aria-label': 'Remove ' + user.email,
    onclick: async () => {
      if (!confirm('Remove ' + user.email + ' from this portal? Their sessions end at once.')) return;
      error.hidden = true;
      try {
        await api.removeUser(current.hubId, user.id);
        reload();
      } catch (e) {
        fail(error, e);
      }
    },
  }, 'Remove');
  return h('tr', {}, h('td', {}, user.email + (user.email === me.email ? ' (you)' : '')), h('td', {}, user.role),
    h('td', {}, remove));
}

function addForm(current, reload) {
  const error = errorBox();
  const form = h('form', { id: 'add-user', 'aria-labelledby': 'add-user-title' },
    h('h3', { id: 'add-user-title' }, 'Add a user'),
    field('user-email', 'Email', { type: 'email', required: true }),
    h('div', { class: 'field' }, h('label', { for: 'user-role' }, 'Role'),
      h('select', { id: 'user-role', name: 'user-role' },
        h('option', { value: 'viewer' }, 'Viewer (sees)'), h('option', { value: 'admin' }, 'Admin (also changes)'))),
    field('user-password', 'Password (10 characters or more; tell them to change it)',
      { type: 'password', autocomplete: 'new-password', required: true, minlength: 10 }),
    error,
    h('button', { type: 'submit' }, 'Add user'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      await api.addUser(current.hubId, form['user-email'].value, form['user-role'].value, form['user-password'].value);
      form.reset();
      reload();
    } catch (e) {
      fail(error, e);
    }
  });
  return form;
}

/** The Users section: admins manage the portal's users; viewers are told who can. */
export function usersPage(current, me) {
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'users-title' }, h('h2', { id: 'users-title' }, 'Users'));
  if (me.role !== 'admin') {
    panel.append(h('p', { class: 'muted' }, 'Only an admin of this portal can see and change its users.'));
    return panel;
  }
  const error = errorBox();
  const body = h('tbody', {});
  const reload = async () => {
    try {
      const users = await api.users(current.hubId);
      body.replaceChildren(...users.map((user) => userRow(current, me, user, reload, error)));
    } catch (e) {
      fail(error, e);
    }
  };
  panel.append(
    h('table', { id: 'users' }, h('caption', { class: 'visually-hidden' }, 'Users of this portal'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Email'), h('th', { scope: 'col' }, 'Role'),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      body),
    error,
    addForm(current, reload),
    h('p', { class: 'muted' }, 'Change your own password under Settings.'));
  reload();
  return panel;
}
