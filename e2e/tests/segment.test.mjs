// Segment's official Node library, @segment/analytics-node, pointed at Spoor by its host only:
// it posts {batch, writeKey, sentAt} to /v1/batch with the write key as HTTP Basic user.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analytics, FetchHTTPClient } from '@segment/analytics-node';

const base = process.env.SPOOR_URL;
const token = process.env.SPOOR_TOKEN;
if (!base || !token) throw new Error('SPOOR_URL and SPOOR_TOKEN must be set (see e2e/run.sh)');
const run = Date.now().toString(36);

async function api(method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  return { status: response.status, json: response.status === 204 ? null : await response.json() };
}

const created = await api('POST', '/api/v1/write-keys', { name: `e2e-${run}` });
assert.equal(created.status, 201);
const writeKey = created.json.key;

/** A library instance whose every HTTP answer is recorded: [{path, status, messages}]. */
function analytics(settings) {
  const answers = [];
  const fetchFn = async (url, init) => {
    const response = await fetch(url, init);
    answers.push({ path: new URL(url).pathname, status: response.status, messages: JSON.parse(init.body).batch.length });
    return response;
  };
  const client = new Analytics({ writeKey, host: base, maxRetries: 2, httpClient: new FetchHTTPClient(fetchFn), ...settings });
  const errors = [];
  client.on('error', (e) => errors.push(e));
  return { client, answers, errors };
}

/** A call whose callback fires once its batch was answered. */
const delivered = (client, call, message) => new Promise((resolve, reject) =>
  client[call](message, (err, ctx) => (err ? reject(err) : resolve(ctx))));

test('identify, track, page, group and alias are each answered 200', async () => {
  const { client, answers, errors } = analytics({ flushAt: 1 });
  const userId = `node-${run}`;
  await delivered(client, 'identify', { userId, traits: { email: `node-${run}@example.com`, firstName: 'Grace' } });
  await delivered(client, 'track', { userId, event: 'Order Completed', properties: { revenue: 12.5 } });
  await delivered(client, 'page', { userId, name: 'Pricing', properties: { url: 'https://example.com/pricing' } });
  await delivered(client, 'group', { userId, groupId: `g-${run}`, traits: { website: 'https://example.com' } });
  await delivered(client, 'alias', { userId, previousId: `anon-${run}` });
  await client.closeAndFlush();
  assert.deepEqual(errors, []);
  assert.equal(answers.length, 5);
  for (const answer of answers) {
    assert.equal(answer.path, '/v1/batch');
    assert.equal(answer.status, 200);
  }
});

test('a flush of several messages goes as one batch and is answered 200', async () => {
  const { client, answers, errors } = analytics({ flushAt: 10, flushInterval: 60_000 });
  for (let i = 0; i < 10; i++) {
    client.track({ anonymousId: `anon-${run}-${i}`, event: 'Viewed', properties: { i } });
  }
  await client.closeAndFlush();
  assert.deepEqual(errors, []);
  assert.deepEqual(answers, [{ path: '/v1/batch', status: 200, messages: 10 }]);
});

test('an unknown write key is refused and reported by the library', async () => {
  const answers = [];
  const fetchFn = async (url, init) => {
    const response = await fetch(url, init);
    answers.push(response.status);
    return response;
  };
  const client = new Analytics({ writeKey: 'not-a-write-key', host: base, maxRetries: 0, flushAt: 1,
    httpClient: new FetchHTTPClient(fetchFn) });
  const errors = [];
  client.on('error', (e) => errors.push(e));
  await assert.rejects(delivered(client, 'track', { userId: 'u', event: 'Nope' }));
  await client.closeAndFlush();
  assert.deepEqual(answers, [401]);
});

test('identify makes a contact found by its email', async () => {
  const { client } = analytics({ flushAt: 1 });
  const email = `mapped-${run}@example.com`;
  await delivered(client, 'identify', { userId: `mapped-${run}`, traits: { email, firstName: 'Mapped' } });
  await client.closeAndFlush();
  let read;
  for (let attempt = 0; attempt < 50; attempt++) {
    read = await api('GET', `/crm/v3/objects/contacts/${encodeURIComponent(email)}?idProperty=email&properties=firstname`);
    if (read.status === 200) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(read.status, 200);
  assert.equal(read.json.properties.firstname, 'Mapped');
});
