'use strict';
// Cookies and sessions: domain hashes, cookie attributes, continuing existing cookies,
// session expiry and visitor reset.
// Run with the other suites by tracker.test.js, or alone: node src/test/js/tracker-cookies.test.js
const assert = require('assert');
const { T0, MINUTE, cookieJar, browser, test, run } = require('./tracker-harness');

test('domainHashOfTwkDeIs9267242', () => {
  assert.ok(browser({ href: 'https://www.twk.de/' }).cookie('__hstc').startsWith('9267242.'));
});

test('domainHashMatchesTheOtherRealCookies', () => {
  assert.ok(browser({ href: 'https://shop.uniorg.de/' }).cookie('__hstc').startsWith('226818242.'));
  assert.ok(browser({ href: 'https://xe.com/' }).cookie('__hstc').startsWith('123240596.'));
  const b = browser({ href: 'https://a.b.uniorg.de/',
    page: "var _hsq = window._hsq = []; _hsq.push(['addCookieDomain', '.uniorg.de']);" });
  assert.ok(b.cookie('__hstc').startsWith('226818242.'));
});

test('domainHashAgreesWithTheJavaRuleForOtherHosts', () => {
  // Expected values computed by io.spoor.identity.DomainHash.forHost(host, Optional.empty()).
  const expected = { 'localhost': 181257784, '127.0.0.1': 96992031, 'a.b.c.example.co.uk': 123850773,
    'twk.de': 9267242 };
  for (const host of Object.keys(expected)) {
    const hstc = browser({ href: 'http://' + host + '/' }).cookie('__hstc');
    assert.strictEqual(hstc.split('.')[0], String(expected[host]), host);
  }
});

test('cookiesArePathRootLaxSecureOnHttpsAndOnTheShortestCookieDomain', () => {
  const b = browser({ href: 'https://a.b.example.com/',
    page: "var _hsq = window._hsq = []; _hsq.push(['addCookieDomain', 'b.example.com']," +
      " ['addCookieDomain', '.example.com'], ['addCookieDomain', 'other.com']);" });
  const hstc = b.jar.list().find((c) => c.name === '__hstc');
  assert.strictEqual(hstc.domain, 'example.com');
  for (const a of ['path=/', 'SameSite=Lax', 'Secure']) assert.ok(hstc.attrs.includes(a), a);
  assert.ok(b.cookie('hubspotutk'));
  assert.strictEqual(b.cookie('__hssrc'), '1');
  assert.strictEqual(b.jar.list().find((c) => c.name === '__hssrc').expires, null);
  assert.strictEqual(b.jar.list().find((c) => c.name === '__hssc').expires, T0 + 30 * MINUTE);
});

test('httpPageGetsNoSecureCookieAndHostOnlyWithoutCookieDomains', () => {
  const b = browser({ href: 'http://www.twk.de/' });
  const hstc = b.jar.list().find((c) => c.name === '__hstc');
  assert.strictEqual(hstc.hostOnly, true);
  assert.ok(!hstc.attrs.includes('Secure'));
});

test('resetVisitorMakesANewTokenAndSendsRvOnce', () => {
  const b = browser();
  const before = b.cookie('hubspotutk');
  b.run("_hsq.push(['identify', {email: 'a@example.com'}], ['resetVisitor'], ['trackPageView'])");
  const p = b.last().p;
  assert.notStrictEqual(p.vi, before);
  assert.strictEqual(b.cookie('hubspotutk'), p.vi);
  assert.deepStrictEqual([p.rv, p.nc, p.i], ['1', 'true', undefined]);
  b.run("_hsq.push(['resetVisitorIdentity'])");
  b.run("_hsq.push(['trackEvent', {id: 'x'}])");
  assert.strictEqual(b.last().p.rv, '1');
  b.run("_hsq.push(['trackEvent', {id: 'x'}])");
  assert.strictEqual(b.last().p.rv, undefined);
});

test('hubSpotCookiesAreContinuedNotReplaced', () => {
  const jar = cookieJar(() => 'www.twk.de', () => T0 + 10 * MINUTE);
  const hstc = '9267242.75d0249612114fbb19382a1e0ef233ce.1728971805584.1728971805584.1728971805584.1';
  jar.set('__hstc=' + hstc + '; path=/');
  jar.set('hubspotutk=75d0249612114fbb19382a1e0ef233ce; path=/');
  jar.set('__hssc=9267242.1.1728971805584; path=/');
  jar.set('__hssrc=1; path=/');
  const p = browser({ jar, now: T0 + 10 * MINUTE }).last().p;
  assert.deepStrictEqual([p.vi, p.u, p.b, p.nc], ['75d0249612114fbb19382a1e0ef233ce', hstc, '9267242.2.' + T0, 'false']);
});

test('domainCookiesFromAnEarlierTrackerDoNotFreezeTheSession', () => {
  const jar = cookieJar(() => 'www.twk.de', () => T0);
  const utk = '75d0249612114fbb19382a1e0ef233ce';
  jar.set('__hstc=9267242.' + utk + '.1.1.' + T0 + '.3; path=/; domain=.twk.de');
  jar.set('__hssc=9267242.1.' + T0 + '; path=/; domain=.twk.de');
  jar.set('__hssrc=1; path=/; domain=.twk.de');
  const b = browser({ jar });
  b.run("_hsq.push(['trackPageView'], ['trackPageView'])");
  assert.strictEqual(b.jar.list().filter((c) => c.name === '__hssc').length, 2);
  assert.strictEqual(b.last().p.b, '9267242.4.' + T0);
  assert.strictEqual(b.last().p.u, '9267242.' + utk + '.1.1.' + T0 + '.3');
});

test('cookieWithAnotherDomainHashIsContinuedWithItsHash', () => {
  const jar = cookieJar(() => 'www.twk.de', () => T0);
  const hstc = '123240596.75d0249612114fbb19382a1e0ef233ce.1.1.1.1';
  jar.set('__hstc=' + hstc + '; path=/');
  jar.set('__hssc=123240596.1.1; path=/');
  jar.set('__hssrc=1; path=/');
  const p = browser({ jar }).last().p;
  assert.deepStrictEqual([p.u, p.b], [hstc, '123240596.2.1']);
});

test('malformedCookiesAreReplacedNotSent', () => {
  const jar = cookieJar(() => 'www.twk.de', () => T0);
  jar.set('__hstc=9267242.nothex.1.1.1.1; path=/');
  jar.set('hubspotutk=garbage; path=/');
  const p = browser({ jar }).last().p;
  assert.match(p.vi, /^[0-9a-f]{32}$/);
  assert.deepStrictEqual([p.nc, p.b], ['true', '9267242.1.' + T0]);
});

test('hubspotutkAloneIsKeptAsTheVisitorToken', () => {
  const jar = cookieJar(() => 'www.twk.de', () => T0);
  jar.set('hubspotutk=75d0249612114fbb19382a1e0ef233ce; path=/');
  const p = browser({ jar }).last().p;
  assert.deepStrictEqual([p.vi, p.nc], ['75d0249612114fbb19382a1e0ef233ce', 'false']);
});

test('thirtyMinutesIdleStartsANewSession', () => {
  const b = browser();
  const utk = b.cookie('hubspotutk');
  b.advance(30 * MINUTE - 1);
  b.run("_hsq.push(['trackPageView'])");
  assert.strictEqual(b.last().p.b, '9267242.2.' + T0);
  b.advance(30 * MINUTE);
  b.run("_hsq.push(['trackPageView'])");
  const t2 = T0 + 60 * MINUTE - 1;
  assert.strictEqual(b.last().p.u, ['9267242', utk, T0, T0, t2, 2].join('.'));
  assert.strictEqual(b.last().p.b, '9267242.1.' + t2);
});

test('browserRestartStartsANewSession', () => {
  const b = browser();
  b.jar.set('__hssrc=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/');
  b.run("_hsq.push(['trackPageView'])");
  assert.ok(b.last().p.u.endsWith('.2'), b.last().p.u);
});

if (require.main === module) process.exitCode = run();
