'use strict';
// The command queue and the hits it sends: page views, events, identify, listeners.
// Run with the other suites by tracker.test.js, or alone: node src/test/js/tracker-queue.test.js
const assert = require('assert');
const { SOURCE, T0, BASE_CONFIG, browser, test, run } = require('./tracker-harness');

test('firstPageViewIsSentOnceEvenWhenThePagePushedTrackPageView', () => {
  const b = browser({ page: "var _hsq = window._hsq = []; _hsq.push(['trackPageView']);" +
    "_hsq.push(['trackPageView']);" });
  assert.strictEqual(b.pageViews().length, 1);
  assert.strictEqual(b.hits.length, 1);
});

test('pageViewCarriesTheCommonParameters', () => {
  const p = browser({ referrer: 'https://www.google.de/' }).last().p;
  assert.deepStrictEqual([p.a, p.v, p.sd, p.cd, p.cs, p.ln, p.t, p.r, p.nc, p.cc],
    ['123', '1.1', '1920x1080', '24-bit', 'UTF-8', 'de-de', 'Start page', 'https://www.google.de/', 'true', '15']);
  assert.strictEqual(p.pu, 'https://www.twk.de/start?x=1');
  assert.strictEqual(p.cts, String(T0));
  assert.match(p.vi, /^[0-9a-f]{32}$/);
  assert.strictEqual(p.u, '9267242.' + p.vi + '.' + T0 + '.' + T0 + '.' + T0 + '.1');
  assert.strictEqual(p.b, '9267242.1.' + T0);
});

test('beaconGoesToTheConfiguredTrackingDomain', () => {
  const h = browser().last();
  assert.strictEqual(h.host, 'track.test:8080');
  assert.ok(h.raw.startsWith('//track.test:8080/__ptq.gif?k=1&'), h.raw);
});

test('setPortalIdAndSetTrackingDomainPushedByThePageOverrideConfig', () => {
  const b = browser({ page: "var _hsq = window._hsq = []; _hsq.push(['setPortalId', 999]);" +
    "_hsq.push(['setTrackingDomain', 'other.test']);" });
  assert.strictEqual(b.last().p.a, '999');
  assert.strictEqual(b.last().host, 'other.test');
});

test('identifyPushedBeforeLoadRidesOnTheFirstPageView', () => {
  const b = browser({ page: "var _hsq = window._hsq = []; _hsq.push(['trackEvent', {id: 'x'}]);" +
    "_hsq.push(['identify', {email: 'visitor@example.com', firstname: 'John'}]);" });
  assert.strictEqual(b.hits[0].p.k, '1');
  assert.ok(b.hits[0].raw.includes('&i=email%3Dvisitor%2540example.com%26firstname%3DJohn'), b.hits[0].raw);
});

test('identifySendsNothingByItselfAndRidesOnTheNextHit', () => {
  const b = browser();
  assert.strictEqual(b.hits[0].p.i, undefined);
  b.run("_hsq.push(['identify', {email: 'visitor@example.com', id: 'ext-1'}])");
  assert.strictEqual(b.hits.length, 1);
  b.run("_hsq.push(['trackEvent', {id: '000000001625'}])");
  assert.strictEqual(b.last().p.i, 'email=visitor%40example.com&id=ext-1');
});

test('setPathSendsThePathAndThePreviousOneAsReferrerPath', () => {
  const b = browser();
  b.run("_hsq.push(['setPath', '/about']); _hsq.push(['trackPageView'])");
  assert.deepStrictEqual([b.last().p.po, b.last().p.rpo], ['/about', '/start']);
  b.run("_hsq.push(['setPath', '']); _hsq.push(['trackPageView'])");
  assert.deepStrictEqual([b.last().p.po, b.last().p.rpo], ['/', '/about']);
  assert.strictEqual(b.last().p.b, '9267242.3.' + T0);
});

test('pageMetadataGoesWithThePageView', () => {
  const b = browser({ page: "var _hsq = window._hsq = []; _hsq.push(['setContentType', 'blog-post']," +
    " ['setCanonicalUrl', 'https://www.twk.de/c'], ['setPageId', 42]);" });
  assert.deepStrictEqual([b.last().p.ct, b.last().p.ccu, b.last().p.pi], ['blog-post', 'https://www.twk.de/c', '42']);
});

test('trackEventWithAnObjectSendsIdValueAndExtraKeys', () => {
  const b = browser();
  b.run("_hsq.push(['trackEvent', {id: '000000001625', value: 20.5, plan: 'pro'}])");
  const p = b.last().p;
  assert.deepStrictEqual([p.k, p.n, p.m, p.plan, p.id], ['3', '000000001625', '20.5', 'pro', undefined]);
});

test('trackEventInSegmentsThreeElementFormIsAccepted', () => {
  const b = browser();
  b.run("_hsq.push(['trackEvent', 'Signed Up', {id: 'Signed Up', revenue: 9, plan: 'pro'}])");
  const p = b.last().p;
  assert.deepStrictEqual([p.k, p.n, p.m, p.plan, p.revenue], ['3', 'Signed Up', '9', 'pro', undefined]);
});

test('customBehavioralEventGoesToPtbeWithUnderscoredProperties', () => {
  const b = browser();
  b.run("_hsq.push(['trackCustomBehavioralEvent', {name: 'pe123_clicked', properties: {color: 'red', n: 2}}])");
  const h = b.last();
  assert.strictEqual(h.path, '/__ptbe.gif');
  assert.deepStrictEqual([h.p.n, h.p._color, h.p._n, h.p.a], ['pe123_clicked', 'red', '2', '123']);
});

test('queueRunsSettingsThenPriorityCallsThenTheRestInOrder', () => {
  const b = browser({ page: "var order = []; var _hsq = window._hsq = [];" +
    "_hsq.push(function (t) { order.push('fn:' + typeof t.trackEvent); });" +
    "_hsq.push(['setPath', '/spa']); _hsq.push(['addUserTokenListener', function (u) { order.push('utk'); }]);" });
  assert.deepStrictEqual(b.value('order'), ['fn:function', 'utk']);
  assert.strictEqual(b.hits[0].p.po, '/spa');
});

test('pushAfterLoadRunsAtOnce', () => {
  const b = browser();
  assert.notStrictEqual(b.run('_hsq.push'), b.run('Array.prototype.push'));
  assert.strictEqual(b.run('var seen; _hsq.push(function (t) { seen = t; }); typeof seen.trackPageView'), 'function');
});

test('scriptLoadedTwiceDoesNotTrackTwice', () => {
  const b = browser();
  b.run('var __spoorConfig = ' + JSON.stringify(BASE_CONFIG) + ';\n' + SOURCE);
  assert.strictEqual(b.hits.length, 1);
});

test('onlyTheQueuesLeakToGlobals', () => {
  assert.deepStrictEqual(browser().newGlobals().sort(), ['__spoorConfig', '_hsp', '_hsq']);
});

test('listenersHearTheTokenAndCookies', () => {
  const b = browser();
  b.run("var got = []; _hsq.push(['addUserTokenListener', function (u) { got.push(u); }]," +
    " ['addIdentityListener', function (u, s) { got.push(u, s); }])");
  assert.deepStrictEqual(b.value('got'), [b.cookie('hubspotutk'), b.cookie('__hstc'), b.cookie('__hssc')]);
});

test('throwingPageCallbacksDoNotStopTheQueue', () => {
  const b = browser({ page: "var _hsq = window._hsq = []; _hsq.push(function () { throw new Error('x'); });" +
    "_hsq.push(['noSuchMethod']); _hsq.push(['trackEvent', {id: 'after'}]);" });
  assert.strictEqual(b.last().p.n, 'after');
});

if (require.main === module) process.exitCode = run();
