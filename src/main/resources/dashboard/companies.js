// Companies: the list, and a company's record with its properties and its contacts.
import { h } from './view.js';
import { recordPage, propertiesPanel, linkedPanel, subPath, valueOf } from './records.js';
import { listPage } from './record-lists.js';

const COMPANIES = {
  type: 'companies',
  title: 'Companies',
  searchLabel: 'Search companies',
  searchHint: 'Name, domain, website or phone',
  empty: 'No companies match. Companies come from the CRM API, Segment group calls or an import.',
  properties: ['name', 'domain', 'city', 'country', 'createdate'],
  columns: [
    { name: 'name', label: 'Name', cell: (p) => p.name || p.domain },
    { name: 'domain', label: 'Domain', cell: (p) => p.domain },
    { name: 'city', label: 'City', cell: (p) => p.city },
    { name: 'country', label: 'Country', cell: (p) => p.country },
    { name: 'createdate', label: 'Created', cell: (p) => (p.createdate ? new Date(p.createdate).toLocaleDateString() : '') },
  ],
};

export function companiesSection(current, me) {
  const id = subPath();
  if (!id) return listPage(COMPANIES, current);
  return recordPage(current, 'companies', id, 'All companies', (record, saved) => [
    h('h2', { id: 'record-title' }, valueOf(record, 'name') || valueOf(record, 'domain') || 'Company ' + record.id),
    h('div', { class: 'record-grid' },
      h('div', { class: 'panel' }, propertiesPanel(current, 'companies', record, me.role === 'admin', saved)),
      h('div', { class: 'record-side' }, linkedPanel(record, 'Contacts', 'No contacts are associated yet.'))),
  ]);
}
