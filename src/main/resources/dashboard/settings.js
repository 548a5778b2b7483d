// The settings pages: the snippet; tokens and write keys (shown once, revoked); privacy and consent
// with a preview of the banner; bot filtering; rate limits; forwarding with its dead letters; the
// rejection list by reason with each hit's raw parameters; export and import; one's own account.
// Viewers see every page; only admins get the controls that change something.
import * as api from './api.js';
import { h, field } from './view.js';
import { transferPage } from './import-export.js';

export const PAGES = [
  ['snippet', 'Embed snippet'], ['tokens', 'Tokens'], ['write-keys', 'Write keys'],
  ['privacy', 'Privacy & consent'], ['bots', 'Bot filtering'], ['limits', 'Rate limits'],
  ['forwarding', 'Forwarding'], ['rejections', 'Rejections'], ['data', 'Export & import'], ['account', 'Your account'],
];

const SCOPES = ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.companies.read',
  'crm.objects.companies.write', 'crm.schemas.contacts.read', 'crm.schemas.contacts.write',
  'crm.schemas.companies.read', 'crm.schemas.companies.write', 'analytics.behavioral_events.send',
  'behavioral_events.event_definitions.read_write', 'spoor.admin', 'business-intelligence'];

function pageFromHash() {
  const name = decodeURIComponent(location.hash.replace(/^#\/?/, '').split('?')[0]).split('/')[1] || 'snippet';
  return PAGES.find(([id]) => id === name) ? name : 'snippet';
}

function errorBox() {
  return h('p', { class: 'error', role: 'alert', hidden: true });
}

function showError(box, e) {
  box.textContent = e.message;
  box.hidden = false;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

function viewerNote(isAdmin) {
  return isAdmin ? null : h('p', { class: 'note' }, 'You can see these settings; only an admin can change them.');
}

/** Fills {box} with what {load} renders, saying so while it loads and when it fails. */
function loading(box, load) {
  box.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  load().then((nodes) => box.replaceChildren(...[nodes].flat().filter((n) => n != null && n !== false)))
    .catch((e) => box.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message)));
  return box;
}

function table(id, caption, headers, rows, empty) {
  if (!rows.length) return h('p', { class: 'muted', id: id + '-empty' }, empty);
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows)));
}

/** A secret shown once, with a copy button. */
function secretOnce(id, label, value) {
  const status = h('span', { class: 'copied', role: 'status' });
  const code = h('code', { id }, value);
  return h('div', { class: 'secret', role: 'region', 'aria-label': label },
    h('p', {}, h('strong', {}, label + ': '), 'copy it now. It is not shown again.'),
    h('pre', { tabindex: 0 }, code),
    h('button', {
      type: 'button',
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(value);
          status.textContent = 'Copied';
        } catch (e) {
          getSelection().selectAllChildren(code);
          status.textContent = 'Selected: press Ctrl+C to copy';
        }
      },
    }, 'Copy'), status);
}

function credentialsPage(kind, isAdmin) {
  const tokens = kind === 'tokens';
  const path = tokens ? '/settings/tokens' : '/settings/write-keys';
  const noun = tokens ? 'token' : 'write key';
  const list = h('div', { id: kind + '-list' });
  const shown = h('div', {});
  const error = errorBox();
  const refresh = () => loading(list, async () => {
    const page = await api.get(path + '?limit=100');
    return table(kind + '-table', (tokens ? 'Private-app tokens' : 'Segment write keys') + ' of this portal',
      ['Name', tokens ? 'Scopes' : null, 'Ends with', 'Created', 'Status', ''].filter((x) => x !== null),
      page.results.map((t) => h('tr', {},
        h('td', {}, t.name),
        tokens ? h('td', { class: 'scopes' }, SCOPES.every((x) => t.scopes.includes(x)) ? 'All scopes' : t.scopes.join(', ')) : null,
        h('td', {}, h('code', {}, '…' + t.hint.slice(-4))),
        h('td', {}, when(t.createdAt)),
        h('td', {}, t.revokedAt ? 'Revoked ' + when(t.revokedAt) : 'Active'),
        h('td', {}, isAdmin && !t.revokedAt ? h('button', {
          type: 'button', class: 'danger', 'aria-label': 'Revoke ' + noun + ' ' + t.name,
          onclick: async () => {
            if (!confirm('Revoke the ' + noun + ' "' + t.name + '"? Calls using it stop working at once.')) return;
            try { await api.send('DELETE', path + '/' + t.id); refresh(); } catch (e) { showError(error, e); }
          },
        }, 'Revoke') : null))),
      'No ' + noun + 's yet.');
  });
  const scopes = tokens ? h('fieldset', { class: 'scopes-pick' }, h('legend', {}, 'Scopes'),
    SCOPES.map((s) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'scope', value: s, checked: true }), ' ' + s)))
    : null;
  const form = h('form', { 'aria-labelledby': kind + '-new-title', id: kind + '-form' },
    h('h3', { id: kind + '-new-title' }, 'New ' + noun),
    field(kind + '-name', 'Name', { required: true, maxlength: 200, autocomplete: 'off' }),
    scopes, error, h('button', { type: 'submit', class: 'primary' }, 'Create ' + noun));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const body = { name: form[kind + '-name'].value };
    if (tokens) body.scopes = [...form.querySelectorAll('input[name=scope]:checked')].map((c) => c.value);
    try {
      const made = await api.send('POST', path, body);
      shown.replaceChildren(secretOnce('new-secret', 'The new ' + noun, tokens ? made.token : made.key));
      form.reset();
      refresh();
    } catch (e) {
      showError(error, e);
    }
  });
  refresh();
  return h('div', {}, h('p', { class: 'muted' }, tokens
    ? 'Tokens let programs call the API as this portal: Authorization: Bearer <token>.'
    : 'Write keys let Segment libraries send to this portal.'), viewerNote(isAdmin), shown, list,
  isAdmin ? form : null);
}

/** A form over some of the portal's settings, saved with PATCH as the API takes them. */
function portalForm(id, title, isAdmin, fields, read, extra) {
  const box = h('div', {});
  loading(box, async () => {
    const portal = await api.get('/settings/portal');
    const error = errorBox();
    const done = h('p', { class: 'copied', role: 'status' });
    const form = h('form', { id, 'aria-label': title }, fields(portal), extra ? extra(portal) : null, error, done,
      isAdmin ? h('button', { type: 'submit', class: 'primary' }, 'Save') : null);
    if (!isAdmin) form.querySelectorAll('input, textarea').forEach((i) => { i.disabled = true; });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      done.textContent = '';
      try {
        await api.send('PATCH', '/settings/portal', read(form));
        done.textContent = 'Saved';
      } catch (e) {
        showError(error, e);
      }
    });
    return [viewerNote(isAdmin), form];
  });
  return box;
}

function check(id, label, checked, hint) {
  return h('div', { class: 'check-field' },
    h('label', { class: 'check', for: id }, h('input', { type: 'checkbox', id, name: id, checked: !!checked }), ' ' + label),
    hint ? h('p', { class: 'muted hint' }, hint) : null);
}

function bannerPreview(text) {
  const words = h('p', { id: 'banner-preview-text' }, text || 'This website uses cookies to analyse its traffic.');
  return {
    words,
    node: h('figure', { class: 'banner-preview' },
      h('figcaption', {}, 'Preview of the banner visitors see'),
      h('div', { class: 'banner', id: 'banner-preview' }, words,
        h('span', { class: 'fake-button' }, 'Accept'), h('span', { class: 'fake-button' }, 'Decline'))),
  };
}

function privacyPage(isAdmin) {
  let preview;
  return portalForm('privacy-form', 'Privacy and consent', isAdmin, (p) => {
    preview = bannerPreview(p.bannerText);
    const text = h('textarea', { id: 'bannerText', name: 'bannerText', rows: 3, maxlength: 2000 }, p.bannerText);
    text.addEventListener('input', () => {
      preview.words.textContent = text.value || 'This website uses cookies to analyse its traffic.';
    });
    return h('div', {},
      check('requireConsent', 'Ask visitors for consent before tracking', p.requireConsent,
        'The tracker shows a banner and writes no cookie until the visitor accepts.'),
      check('cookielessBeforeConsent', 'Count visits without cookies until they answer', p.cookielessBeforeConsent),
      check('honorGpc', 'Treat Global Privacy Control and Do Not Track as a decline', p.honorGpc),
      h('div', { class: 'field' }, h('label', { for: 'bannerText' }, 'Banner text'), text),
      preview.node,
      h('div', { class: 'field' }, h('label', { for: 'domains' }, 'Your own domains (one per line)'),
        h('textarea', { id: 'domains', name: 'domains', rows: 3 }, p.domains.join('\n'))));
  }, (form) => ({
    requireConsent: form.requireConsent.checked,
    cookielessBeforeConsent: form.cookielessBeforeConsent.checked,
    honorGpc: form.honorGpc.checked,
    bannerText: form.bannerText.value,
    domains: form.domains.value.split(/[\s,]+/).map((d) => d.trim().toLowerCase()).filter(Boolean),
  }));
}

function botsPage(isAdmin) {
  return portalForm('bots-form', 'Bot filtering', isAdmin, (p) => h('div', {},
    check('filterBots', 'Keep bots and crawlers out of the analytics', p.filterBots,
      'Hits whose user agent is a known bot are counted in spoor_bot_hits_total and not in the reports or '
      + 'contacts.')), (form) => ({ filterBots: form.filterBots.checked }));
}

function limitsPage(isAdmin) {
  return portalForm('limits-form', 'Rate limits', isAdmin, (p) => h('div', {},
    h('p', { class: 'muted' }, 'How many API calls each token of this portal may make (0: no limit). '
      + 'HubSpot allows private apps 10 per second and 40,000 per day.'),
    field('rateLimitSecondly', 'Calls per second, per token', { type: 'number', min: 0, max: 100000, value: p.rateLimitSecondly, required: true }),
    field('rateLimitDaily', 'Calls per UTC day, per token', { type: 'number', min: 0, value: p.rateLimitDaily, required: true })),
  (form) => ({ rateLimitSecondly: Number(form.rateLimitSecondly.value), rateLimitDaily: Number(form.rateLimitDaily.value) }));
}

function statusList(s) {
  const items = [['Queued', s.queued], ['Sending', s.inFlight], ['Delivered', s.delivered], ['Retried', s.retried],
    ['Dead letters', s.dead]];
  if (s.lastAnswer) items.push(['Last answer', s.lastAnswer.status + ' ' + s.lastAnswer.message + ' (' + when(s.lastAnswer.at) + ')']);
  if (s.pausedUntil) items.push(['Paused until', when(s.pausedUntil)]);
  return h('dl', { class: 'stats', id: 'forwarding-status' }, items.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, String(v)))));
}

function deadLetters(isAdmin, error) {
  const box = h('div', {});
  const refresh = () => loading(box, async () => {
    const page = await api.get('/settings/forwarding/dead-letters?limit=100');
    const row = (d) => {
      const act = async (method, suffix) => {
        try {
          await api.send(method, '/settings/forwarding/dead-letters/' + d.id + suffix);
          refresh();
        } catch (e) {
          showError(error, e);
        }
      };
      return h('tr', {},
        h('td', {}, d.kind), h('td', {}, String(d.attempts)), h('td', {}, when(d.queuedAt)),
        h('td', { class: 'wrap' }, d.lastError || ''),
        h('td', { class: 'actions' }, isAdmin ? [
          h('button', { type: 'button', onclick: () => act('POST', '/retry') }, 'Retry'),
          h('button', { type: 'button', class: 'danger', onclick: () => act('DELETE', '') }, 'Delete')] : null));
    };
    return table('dead-letters', 'Calls that failed for good', ['Kind', 'Attempts', 'Queued', 'Last error', ''],
      page.results.map(row), 'No dead letters.');
  });
  refresh();
  return box;
}

function forwardingForm(target, isAdmin, error, reload) {
  const t = target || {};
  const form = h('form', { id: 'forwarding-form', 'aria-labelledby': 'forwarding-form-title' },
    h('h3', { id: 'forwarding-form-title' }, target ? 'Change the target' : 'Forward to HubSpot (or another Spoor)'),
    field('baseUrl', 'API base URL', { type: 'url', required: true, value: t.baseUrl || 'https://api.hubapi.com', placeholder: 'https://api.hubapi.com' }),
    field('accessToken', 'Private-app token of the remote' + (target ? ' (enter it again to change anything)' : ''),
      { type: 'password', required: true, autocomplete: 'off' }),
    field('hubId', 'Remote hub id', { type: 'number', min: 1, required: true, value: t.hubId || '' }),
    field('trackingUrl', 'Tracking URL of the remote', { type: 'url', value: t.trackingUrl || '', placeholder: 'https://track.hubspot.com' }),
    field('secondly', 'Calls per second', { type: 'number', min: 1, max: 100000, value: t.secondly || 10 }),
    field('daily', 'Calls per day', { type: 'number', min: 1, value: t.daily || 40000 }),
    check('forwardTracking', 'Forward tracking hits too (page views, events)', t.forwardTracking),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save target'),
      target ? h('button', {
        type: 'button', class: 'danger', id: 'forwarding-stop',
        onclick: async () => {
          if (!confirm('Stop forwarding? Calls not yet sent are dropped.')) return;
          try { await api.send('DELETE', '/settings/forwarding'); reload(); } catch (e) { showError(error, e); }
        },
      }, 'Stop forwarding') : null));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const body = {
      baseUrl: form.baseUrl.value, accessToken: form.accessToken.value, hubId: Number(form.hubId.value),
      secondly: Number(form.secondly.value), daily: Number(form.daily.value), forwardTracking: form.forwardTracking.checked,
    };
    if (form.trackingUrl.value) body.trackingUrl = form.trackingUrl.value;
    try { await api.send('PUT', '/settings/forwarding', body); reload(); } catch (e) { showError(error, e); }
  });
  return isAdmin ? form : null;
}

function forwardingPage(isAdmin) {
  const box = h('div', {});
  const reload = () => loading(box, async () => {
    const error = errorBox();
    let target = null;
    try {
      target = await api.get('/settings/forwarding');
    } catch (e) {
      if (e.status !== 404) throw e;
    }
    const about = target
      ? h('div', {}, h('p', {}, 'Forwarding to ', h('code', { id: 'forwarding-target' }, target.baseUrl),
        ' (hub ' + target.hubId + ', token ' + target.accessToken + ')' + (target.forwardTracking ? ', tracking hits included.' : '.')),
      statusList(target.status))
      : h('p', { id: 'forwarding-none' }, 'Not forwarding. Contacts, companies and events stay in Spoor only.');
    return [viewerNote(isAdmin), about, error, forwardingForm(target, isAdmin, error, reload),
      h('h3', {}, 'Dead letters'), deadLetters(isAdmin, error)];
  });
  reload();
  return box;
}

function rejectionRows(results) {
  return results.map((r) => h('tr', {},
    h('td', {}, when(r.receivedAt)),
    h('td', {}, h('code', {}, r.reason)),
    h('td', {}, r.outcome.toLowerCase().replace(/_/g, ' ')),
    h('td', { class: 'wrap' }, r.parts.map((p) => h('div', {}, p.reason === r.reason ? '' : p.reason + ': ', p.detail)),
      r.moreParts ? h('div', { class: 'muted' }, '+' + r.moreParts + ' more') : null),
    h('td', { class: 'wrap' }, h('code', { class: 'params' }, r.params || ''))));
}

function rejectionsPage() {
  const box = h('div', {});
  const list = h('div', { id: 'rejections-list' });
  const select = h('select', { id: 'reason', name: 'reason' }, h('option', { value: '' }, 'Every reason'));
  const more = h('button', { type: 'button', id: 'rejections-more', hidden: true }, 'Show older');
  let after = null;
  let body = null;
  const load = async (reset) => {
    if (reset) { after = null; }
    const page = await api.get('/settings/rejections?limit=50' + (select.value ? '&reason=' + select.value : '')
      + (after ? '&after=' + after : ''));
    after = page.paging ? page.paging.next.after : null;
    more.hidden = !after;
    if (reset || !body) {
      body = h('tbody', {}, rejectionRows(page.results));
      list.replaceChildren(page.results.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'rejections-table' },
        h('caption', {}, 'Hits, or parts of hits, that were not applied, newest first'),
        h('thead', {}, h('tr', {}, ['Received', 'Reason', 'Outcome', 'Detail', 'Raw parameters'].map((t) => h('th', { scope: 'col' }, t)))),
        body)) : h('p', { class: 'muted', id: 'rejections-empty' }, 'No rejected hits' + (select.value ? ' for this reason.' : '. Everything sent was applied.')));
    } else {
      body.append(...rejectionRows(page.results));
    }
  };
  select.addEventListener('change', () => load(true).catch((e) => list.replaceChildren(h('p', { class: 'error' }, e.message))));
  more.addEventListener('click', () => load(false));
  loading(box, async () => {
    const recent = await api.get('/settings/rejections?limit=1000');
    [...new Set(recent.results.map((r) => r.reason))].sort().forEach((r) => select.append(h('option', { value: r }, r)));
    await load(true);
    return [h('p', { class: 'muted' }, 'Nothing sent to Spoor is dropped silently: what was refused is kept here with why. '
      + 'Parameters are shown as they arrived (credentials masked).'),
    h('div', { class: 'field inline' }, h('label', { for: 'reason' }, 'Reason'), select), list, more];
  });
  return box;
}

function subnav(active) {
  return h('nav', { class: 'tabs', 'aria-label': 'Settings pages' }, h('ul', {}, PAGES.map(([id, label]) => h('li', {},
    h('a', { href: '#/settings/' + id, 'aria-current': id === active ? 'page' : false, id: 'settings-' + id }, label)))));
}

/**
 * The settings section. {snippet}: the snippet block with its copy button; {account}: the form
 * changing one's own password (both built by the shell).
 */
export function settingsPage({ me, current, snippet, account }) {
  const active = pageFromHash();
  const isAdmin = me.role === 'admin';
  api.usePortal(current.hubId);
  const [, title] = PAGES.find(([id]) => id === active);
  const pages = {
    snippet: () => h('div', {}, h('p', {}, 'Paste this before the closing </body> tag of every page you want tracked.'), snippet),
    tokens: () => credentialsPage('tokens', isAdmin),
    'write-keys': () => credentialsPage('write-keys', isAdmin),
    privacy: () => privacyPage(isAdmin),
    bots: () => botsPage(isAdmin),
    limits: () => limitsPage(isAdmin),
    forwarding: () => forwardingPage(isAdmin),
    rejections: () => rejectionsPage(),
    data: () => transferPage(isAdmin),
    account: () => account,
  };
  return h('section', { class: 'panel settings', 'aria-labelledby': 'settings-title' },
    h('h2', { id: 'settings-title' }, 'Settings'), subnav(active),
    h('div', { class: 'settings-page', id: 'settings-page-' + active }, h('h3', { class: 'page-title' }, title), pages[active]()));
}
