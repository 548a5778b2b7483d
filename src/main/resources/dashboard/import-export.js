// Export and import: any list as a CSV download with a progress bar, and contacts imported from a
// CSV file with a column-to-property mapping, a progress bar and a report of the bad rows.
import * as api from './api.js';
import { h } from './view.js';

/** One CSV cell as the server writes it: quoted when needed, formulas neutralised (OWASP). */
export function csvCell(value) {
  if (value == null || value === '') return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** Rows (arrays of values) as a CSV file, header first, saved by the browser: for report tables. */
export function saveRowsAsCsv(fileName, header, rows) {
  const text = [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
  save(new Blob([text], { type: 'text/csv' }), fileName);
}

function save(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A button that downloads {path} (under /dashboard/api) as {fileName}, with a progress bar while
 * it streams.
 */
export function exportButton(label, path, fileName, id) {
  const bar = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': label + ' progress' });
  const status = h('span', { class: 'muted', role: 'status' });
  const button = h('button', { type: 'button', id, class: 'primary' }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    bar.hidden = false;
    bar.removeAttribute('value');
    status.textContent = 'Starting…';
    try {
      const blob = await api.download(path, (rows, total) => {
        bar.max = Math.max(total, 1);
        bar.value = rows;
        status.textContent = rows.toLocaleString() + ' of ' + total.toLocaleString() + ' rows';
      });
      save(blob, fileName);
      status.textContent = 'Downloaded ' + fileName;
    } catch (e) {
      status.textContent = 'Export failed: ' + e.message;
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'export' }, button, bar, status);
}

const KNOWN_PROPERTIES = ['email', 'firstname', 'lastname', 'phone', 'company', 'website', 'jobtitle', 'city',
  'state', 'country', 'zip', 'address', 'lifecyclestage', 'mobilephone', 'industry'];

/** The first record of a CSV text (the header), read as the server reads it. */
export function headerOf(text) {
  const cells = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') { cells.push(cell); cell = ''; } else if (c === '\n' || c === '\r') break;
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** The property a header names when no one maps it: spaces dropped, lowercased. */
function guess(column) {
  const name = column.replace(/ /g, '').toLowerCase();
  return /^[a-z0-9_]{1,100}$/.test(name) ? name : '';
}

function mappingTable(columns) {
  const list = h('datalist', { id: 'import-properties' }, KNOWN_PROPERTIES.map((p) => h('option', { value: p })));
  const rows = columns.map((column, i) => h('tr', {},
    h('th', { scope: 'row' }, h('label', { for: 'map-' + i }, column)),
    h('td', {}, h('input', {
      id: 'map-' + i, 'data-column': column, value: guess(column), list: 'import-properties',
      placeholder: 'leave empty to skip', autocomplete: 'off',
    }))));
  return h('div', { class: 'table-wrap' }, list, h('table', { id: 'import-mapping' },
    h('caption', {}, 'Which property each column sets (empty: the column is skipped)'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Column'), h('th', { scope: 'col' }, 'Property'))),
    h('tbody', {}, rows)));
}

function report(status) {
  const counts = h('p', { id: 'import-counts' },
    status.created + ' created, ' + status.updated + ' updated, ' + status.failedRows + ' rows not imported'
    + (status.error ? ' — ' + status.error : ''));
  if (!status.problems.length) return h('div', {}, counts);
  const more = status.moreProblems ? h('p', { class: 'muted' }, status.moreProblems + ' more problems not shown') : null;
  return h('div', {}, counts, h('div', { class: 'table-wrap' }, h('table', { id: 'import-problems' },
    h('caption', {}, 'Rows not imported (row 1 is the header)'),
    h('thead', {}, h('tr', {}, ['Row', 'Column', 'Reason'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, status.problems.map((p) => h('tr', {},
      h('td', {}, String(p.row)), h('td', {}, p.column || '(whole row)'), h('td', {}, p.reason)))))), more);
}

async function follow(id, bar, status, out) {
  for (;;) {
    const s = await api.get('/imports/' + id);
    bar.max = Math.max(s.totalRows, 1);
    bar.value = s.processedRows;
    status.textContent = s.status === 'queued' ? 'Waiting to start…'
      : s.processedRows.toLocaleString() + ' of ' + s.totalRows.toLocaleString() + ' rows';
    if (s.status === 'done' || s.status === 'failed') {
      status.textContent = s.status === 'done' ? 'Import finished' : 'Import failed';
      out.replaceChildren(report(s));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

/** Contacts from a CSV file: choose it, map its columns, import, follow the progress, read the report. */
export function importPanel(isAdmin) {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const mapping = h('div', {});
  const bar = h('progress', { max: 1, value: 0, hidden: true, id: 'import-progress', 'aria-label': 'Import progress' });
  const status = h('p', { role: 'status', id: 'import-status' });
  const out = h('div', { id: 'import-report' });
  const file = h('input', { type: 'file', id: 'import-file', accept: '.csv,text/csv', disabled: !isAdmin });
  const start = h('button', { type: 'submit', class: 'primary', id: 'import-start', disabled: true }, 'Import contacts');
  let columns = [];
  file.addEventListener('change', async () => {
    error.hidden = true;
    out.replaceChildren();
    const chosen = file.files[0];
    if (!chosen) return;
    columns = headerOf(await chosen.slice(0, 65536).text());
    mapping.replaceChildren(mappingTable(columns));
    start.disabled = false;
  });
  const form = h('form', { 'aria-labelledby': 'import-title' },
    h('h3', { id: 'import-title' }, 'Import contacts'),
    h('p', { class: 'muted' }, 'A CSV file whose first row names the columns. A row with an email updates the '
      + 'contact with that email, or creates it; a row without one creates a contact. Empty cells change nothing.'),
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'CSV file'), file),
    mapping, error, h('div', { class: 'actions' }, start), bar, status, out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const map = {};
    form.querySelectorAll('#import-mapping input').forEach((input) => { map[input.dataset.column] = input.value.trim(); });
    start.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    status.textContent = 'Uploading…';
    out.replaceChildren();
    try {
      const chosen = file.files[0];
      const started = await api.upload('/imports?fileName=' + encodeURIComponent(chosen.name)
        + '&mapping=' + encodeURIComponent(JSON.stringify(map)), chosen);
      await follow(started.id, bar, status, out);
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      status.textContent = '';
      bar.hidden = true;
    } finally {
      start.disabled = false;
    }
  });
  if (!isAdmin) return h('div', {}, form, h('p', { class: 'muted' }, 'Only admins can import.'));
  return form;
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** A report for a range of days as CSV: the same table /api/v1/exports/reports/{name}.csv gives. */
function reportExport() {
  const today = new Date();
  const monthAgo = new Date(today.getTime() - 29 * 86_400_000);
  const report = h('select', { id: 'export-report' }, ['overview', 'sources', 'pages', 'devices', 'events']
    .map((name) => h('option', { value: name }, name[0].toUpperCase() + name.slice(1))));
  const from = h('input', { type: 'date', id: 'export-from', value: isoDay(monthAgo), required: true });
  const to = h('input', { type: 'date', id: 'export-to', value: isoDay(today), required: true });
  const status = h('span', { class: 'muted', role: 'status' });
  const button = h('button', { type: 'submit', class: 'primary', id: 'export-report-button' }, 'Export report');
  const form = h('form', { class: 'report-export', 'aria-label': 'Export a report' },
    h('div', { class: 'field' }, h('label', { for: 'export-report' }, 'Report'), report),
    h('div', { class: 'field' }, h('label', { for: 'export-from' }, 'From'), from),
    h('div', { class: 'field' }, h('label', { for: 'export-to' }, 'To'), to),
    h('div', { class: 'actions' }, button, status));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    status.textContent = 'Exporting…';
    try {
      const name = report.value + '-' + from.value + '-' + to.value + '.csv';
      save(await api.download('/exports/reports/' + report.value + '.csv?from=' + from.value + '&to=' + to.value
        + '&interval=day', () => {}), name);
      status.textContent = 'Downloaded ' + name;
    } catch (e) {
      status.textContent = 'Export failed: ' + e.message;
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** The export and import page of the settings. */
export function transferPage(isAdmin) {
  return h('div', {},
    h('h3', {}, 'Export'),
    h('p', { class: 'muted' }, 'Every contact or company as a CSV file, streamed: large lists download as they are read.'),
    h('div', { class: 'exports' },
      exportButton('Export contacts', '/exports/contacts.csv', 'contacts.csv', 'export-contacts'),
      exportButton('Export companies', '/exports/companies.csv', 'companies.csv', 'export-companies')),
    h('h3', {}, 'Export a report'),
    reportExport(),
    importPanel(isAdmin));
}
