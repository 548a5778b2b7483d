// The report pages: Overview, Sources, Pages, Devices and Events, on the reports API. The date
// range and the filter live in the URL (#/sources?range=7d&source=ORGANIC_SEARCH), so a view can
// be bookmarked and shared; clicking a row adds its filter to every report. For a range that
// includes today the page is live: each batch of hits applied refreshes it, no reload.
import * as live from './live.js';
import { h } from './view.js';
import { REPORTS, viewQuery, rangeOf, toolbar, chips } from './report-filters.js';
import { overviewPage } from './overview.js';
import { sourcesPage, pagesPage, devicesPage, eventsPage } from './report-tables.js';

export { REPORTS, viewQuery, carried, rangeOf } from './report-filters.js';

/** The shortest time between two reads of a live page's reports. */
const LIVE_GAP_MS = 500;
/** How long a report answered 503 (not ready yet) waits before it is asked for again. */
const RETRY_MS = 2000;

const PAGES = { Overview: overviewPage, Sources: sourcesPage, Pages: pagesPage, Devices: devicesPage, Events: eventsPage };

function liveText(state, range) {
  if (!range.live) return '';
  return { open: 'Updating as visits arrive', connecting: 'Connecting…', closed: 'Live updates unavailable' }[state]
    || '';
}

/** A report section of the portal, filled as its figures arrive and, when live, kept up to date. */
export function reportPage(section, portal) {
  const params = viewQuery();
  const range = rangeOf(params);
  const liveStatus = h('span', { class: 'live-status', id: 'live-status', role: 'status' });
  const updated = h('span', { class: 'muted updated', id: 'updated' });
  const body = h('div', { class: 'report-body', id: 'report-body', 'aria-busy': 'true' },
    h('p', { class: 'loading' }, 'Loading…'));
  let loading = false;
  let again = false;
  let started = 0;
  let waiting = null;
  let retry = null;
  const load = async () => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    started = Date.now();
    const open = [...body.querySelectorAll('details[open]')].map((d) => d.id);
    try {
      const parts = await PAGES[section](portal.hubId, range, params, load);
      body.replaceChildren(...parts.filter(Boolean));
      open.forEach((id) => document.getElementById(id)?.setAttribute('open', ''));
      body.removeAttribute('aria-busy');
      body.dataset.loadedAt = String(Date.now());
      updated.textContent = 'Updated ' + new Date().toISOString().slice(11, 19) + ' UTC';
    } catch (e) {
      body.replaceChildren(h('p', { class: 'error', role: 'alert' }, 'The report could not load: ' + e.message
        + (e.status === 503 ? ' (trying again…)' : '')));
      // 503: not yet (the index of visits still reading its days after a start): asked again while shown
      if (e.status === 503 && !retry) {
        retry = setTimeout(() => {
          retry = null;
          if (body.isConnected) load();
        }, RETRY_MS);
      }
    } finally {
      loading = false;
      if (again) {
        again = false;
        load();
      }
    }
  };
  load();
  if (range.live) {
    // under a steady stream of batches, a page reads its reports at most every LIVE_GAP_MS
    const onApplied = () => {
      const wait = started + LIVE_GAP_MS - Date.now();
      if (wait <= 0) load();
      else if (!waiting) waiting = setTimeout(() => { waiting = null; load(); }, wait);
    };
    live.listen(portal.hubId, onApplied, (state) => {
      liveStatus.textContent = liveText(state, range);
      liveStatus.dataset.state = state;
    });
  } else {
    live.stop();
  }
  return h('section', { class: 'report', 'aria-labelledby': 'report-title' },
    h('div', { class: 'report-head' }, h('h2', { id: 'report-title' }, section), updated),
    toolbar(section, params, range, liveStatus),
    chips(section, params),
    body);
}
