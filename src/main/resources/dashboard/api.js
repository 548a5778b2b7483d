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

/** Calls the dashboard API: {@code path} under /dashboard/api, a JSON body for changes. */
export async function call(method, path, body) {
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

// The settings pages, exports and imports: the admin API's routes behind the session, about the
// portal chosen in the header (sent as ?hubId=).
let portalId = null;

/** The portal later calls are about. */
export function usePortal(hubId) {
  portalId = hubId;
}

function forPortal(path) {
  return portalId == null ? path : path + (path.includes('?') ? '&' : '?') + 'hubId=' + encodeURIComponent(portalId);
}

export function get(path) {
  return call('GET', forPortal(path));
}

/** A change (POST, PUT, PATCH, DELETE) with a JSON body or none. */
export function send(method, path, body) {
  return call(method, forPortal(path), body);
}

async function failure(response) {
  const json = await response.json().catch(() => ({}));
  return new ApiError(response.status, json.message || 'Request failed (' + response.status + ')');
}

/** Sends a file as the body (text/csv), with the CSRF token; answers the JSON the server sent. */
export async function upload(path, file) {
  const headers = { 'Content-Type': 'text/csv' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch('/dashboard/api' + forPortal(path), {
    method: 'POST', headers, credentials: 'same-origin', body: file,
  });
  if (!response.ok) throw await failure(response);
  return response.json();
}

/**
 * Downloads a CSV as it streams, telling onProgress(rows, total) as lines arrive (total from the
 * X-Total-Count header); resolves to the file as a Blob.
 */
export async function download(path, onProgress) {
  const response = await fetch('/dashboard/api' + forPortal(path), { credentials: 'same-origin' });
  if (!response.ok) throw await failure(response);
  const total = Number(response.headers.get('X-Total-Count')) || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    onProgress(Math.min(Math.max(lines - 1, 0), total), total);
  }
  onProgress(total, total);
  return new Blob(chunks, { type: 'text/csv' });
}

/** Admins: the users of a portal. */
export async function users(hubId) {
  return (await call('GET', '/users?hubId=' + encodeURIComponent(hubId))).results;
}

/** Admins: adds a user to a portal with a password they will use to sign in. */
export async function addUser(hubId, email, role, password) {
  return call('POST', '/users?hubId=' + encodeURIComponent(hubId), { email, role, password });
}

/** Admins: takes a user off a portal, ending their sessions (never the portal's last admin). */
export async function removeUser(hubId, id) {
  await call('DELETE', '/users/' + encodeURIComponent(id) + '?hubId=' + encodeURIComponent(hubId));
}
