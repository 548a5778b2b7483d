// Live mode: one server-sent event stream per portal (GET /dashboard/api/live), telling the page
// each time a batch of the portal's hits has been applied. The page shown registers one handler;
// a new page replaces it. The stream is opened only while a page wants it, and ends with the
// session: the server says 'ended' (signed out, expired, removed from the portal) and closes it.

let source = null;
let hubId = null;
let handler = null;
let onState = () => {};
let onEnded = () => {};

/**
 * Calls {@code fn} with the reason ('session' or 'access') when the server ends the stream
 * because the session ended or lost the portal: the page then stops listening and asks who is
 * signed in, rather than reconnecting into 401s.
 */
export function whenEnded(fn) {
  onEnded = fn;
}

/** Calls {@code fn} with {hubId, hits} after each batch of the portal applied; replaces the previous handler. */
export function listen(portal, fn, stateChanged = () => {}) {
  if (source && hubId === portal) {
    handler = fn;
    onState = stateChanged;
    onState(source.readyState === EventSource.OPEN ? 'open' : 'connecting');
    return;
  }
  stop();
  handler = fn;
  onState = stateChanged;
  hubId = portal;
  source = new EventSource('/dashboard/api/live?hubId=' + encodeURIComponent(portal));
  onState('connecting');
  source.addEventListener('open', () => onState('open'));
  source.addEventListener('ended', (event) => {
    const reason = JSON.parse(event.data).reason;
    stop();
    onEnded(reason);
  });
  source.addEventListener('applied', (event) => {
    if (handler) handler(JSON.parse(event.data));
  });
  // the browser reconnects by itself after a dropped stream; a refused one (429, 401) stays closed,
  // and the page asks whether the session still holds (a 401 means it ended)
  source.addEventListener('error', () => {
    const closed = source && source.readyState === EventSource.CLOSED;
    onState(closed ? 'closed' : 'connecting');
    if (closed) {
      stop();
      onEnded('closed');
    }
  });
}

/** Closes the stream: live mode off, another range, or signed out. */
export function stop() {
  if (source) source.close();
  source = null;
  hubId = null;
  handler = null;
  onState = () => {};
}
