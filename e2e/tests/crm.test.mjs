// HubSpot's official Node client, pointed at Spoor by its base URL only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import hubspot from '@hubspot/api-client';

const basePath = process.env.SPOOR_URL;
const accessToken = process.env.SPOOR_TOKEN;
if (!basePath || !accessToken) throw new Error('SPOOR_URL and SPOOR_TOKEN must be set (see e2e/run.sh)');

// The client retries a 429 whose message is HubSpot's secondly one: Spoor keeps HubSpot's 10/s limit here.
const client = new hubspot.Client({ accessToken, basePath, numberOfApiCallRetries: 6 });
const run = Date.now().toString(36);
const email = (name) => `${name}-${run}@example.com`;

/** A raw call through the client (which does not retry those), retried on a secondly 429 like the client does. */
async function request(options) {
  for (let attempt = 0; ; attempt++) {
    const response = await client.apiRequest(options);
    if (response.status !== 429 || attempt === 5) return response;
    await new Promise((r) => setTimeout(r, 1100));
  }
}

async function status(promise) {
  try {
    await promise;
    return 200;
  } catch (e) {
    return e.code;
  }
}

test('a contact is created, read by email, updated, found by search and archived', async () => {
  const created = await client.crm.contacts.basicApi.create({ properties: { email: email('ada'), firstname: 'Ada' } });
  assert.match(created.id, /^\d+$/);
  const read = await client.crm.contacts.basicApi.getById(email('ada'), ['firstname'], undefined, undefined, false, 'email');
  assert.equal(read.properties.firstname, 'Ada');
  const updated = await client.crm.contacts.basicApi.update(created.id, { properties: { lastname: 'Lovelace' } });
  assert.equal(updated.properties.lastname, 'Lovelace');
  const found = await client.crm.contacts.searchApi.doSearch({
    filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: email('ada') }] }],
    properties: ['email', 'lastname'], limit: 10, after: '0', sorts: [],
  });
  assert.equal(found.total, 1);
  assert.equal(found.results[0].properties.lastname, 'Lovelace');
  await client.crm.contacts.basicApi.archive(created.id);
  assert.equal(await status(client.crm.contacts.basicApi.getById(created.id)), 404);
});

test('a duplicate email is a conflict the client reports', async () => {
  await client.crm.contacts.basicApi.create({ properties: { email: email('dup') } });
  assert.equal(await status(client.crm.contacts.basicApi.create({ properties: { email: email('dup') } })), 409);
});

test('batch upsert creates and then updates by email', async () => {
  const input = (firstname) => ({ inputs: [{ idProperty: 'email', id: email('batch'), properties: { firstname } }] });
  const first = await client.crm.contacts.batchApi.upsert(input('One'));
  assert.equal(first.results.length, 1);
  const second = await client.crm.contacts.batchApi.upsert(input('Two'));
  assert.equal(second.results[0].id, first.results[0].id);
  const read = await client.crm.contacts.basicApi.getById(email('batch'), ['firstname'], undefined, undefined, false, 'email');
  assert.equal(read.properties.firstname, 'Two');
});

test('a custom property is created and used', async () => {
  const name = `favourite_colour_${run}`;
  const property = await client.crm.properties.coreApi.create('contacts', {
    name, label: 'Favourite colour', type: 'string', fieldType: 'text', groupName: 'contactinformation',
  });
  assert.equal(property.name, name);
  const created = await client.crm.contacts.basicApi.create({ properties: { email: email('colour'), [name]: 'teal' } });
  const read = await client.crm.contacts.basicApi.getById(created.id, [name]);
  assert.equal(read.properties[name], 'teal');
});

test('a company is created and associated with a contact by default association', async () => {
  const company = await client.crm.companies.basicApi.create({ properties: { name: 'Acme', domain: `acme-${run}.example` } });
  const contact = await client.crm.contacts.basicApi.create({ properties: { email: email('employee') } });
  await client.crm.associations.v4.basicApi.createDefault('contacts', contact.id, 'companies', company.id);
  const page = await client.crm.associations.v4.basicApi.getPage('contacts', contact.id, 'companies');
  assert.equal(String(page.results[0].toObjectId), company.id);
});

test('a behavioural event is defined, sent and shows on the contact', async () => {
  const name = `demo_booked_${run}`;
  const defined = await request({
    method: 'POST', path: '/events/v3/event-definitions',
    body: { label: 'Demo booked', name, primaryObject: 'CONTACT', propertyDefinitions: [{ name: 'plan', label: 'Plan', type: 'string' }] },
  });
  assert.equal(defined.status, 201);
  await client.events.send.basicApi.send({ eventName: `pe1_${name}`, email: email('demo'), properties: { plan: 'pro' } });
  let completions = '0';
  for (let i = 0; i < 50 && completions === '0'; i++) {
    const contact = await client.crm.contacts.basicApi.getById(email('demo'), ['hs_analytics_num_event_completions'],
      undefined, undefined, false, 'email').catch(() => null);
    completions = contact?.properties?.hs_analytics_num_event_completions ?? '0';
    if (completions === '0') await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(completions, '1');
});
