// Live mode: one server-sent event stream per portal (GET /dashboard/api/live), telling the page
// each time a batch of the portal's hits has been applied. The page shown registers one handler;
// a new page replaces it. The stream is opened only while a page wants it.

let source = null;
let hubId = null;
let handler = null;
let onState = () => {};

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
  source.addEventListener('applied', (event) => {
    if (handler) handler(JSON.parse(event.data));
  });
  // the browser reconnects by itself after a dropped stream; a refused one (429, 401) stays closed
  source.addEventListener('error', () => onState(source && source.readyState === EventSource.CLOSED ? 'closed'
    : 'connecting'));
}

/** Closes the stream: live mode off, another range, or signed out. */
export function stop() {
  if (source) source.close();
  source = null;
  hubId = null;
  handler = null;
  onState = () => {};
}
