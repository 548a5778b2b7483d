// The dashboard's JSON API (/dashboard/api/...), authenticated by the session cookie.
// Every change carries the session's CSRF token in the X-CSRF-Token header.

let csrfToken = null;

/** An error the API answered with, carrying HubSpot's error body's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch('/dashboard/api' + path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, json.message || 'Request failed (' + response.status + ')');
  return json;
}

function remember(me) {
  csrfToken = me.csrfToken;
  return me;
}

/** The signed-in user, or null when signed out. */
export async function me() {
  try {
    return remember(await call('GET', '/me'));
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}

export async function signIn(email, password) {
  return remember(await call('POST', '/sign-in', { email, password }));
}

export async function setUp(token, email, password) {
  return remember(await call('POST', '/setup', { token, email, password }));
}

export async function signOut() {
  await call('POST', '/sign-out');
  csrfToken = null;
}

export async function changePassword(currentPassword, newPassword) {
  await call('POST', '/password', { currentPassword, newPassword });
}

/** A report (overview, sources, pages, devices, events) of a portal, as /api/v1/reports answers it. */
export async function report(name, hubId, query) {
  const params = new URLSearchParams(query);
  params.set('hubId', hubId);
  return call('GET', '/reports/' + name + '?' + params);
}
