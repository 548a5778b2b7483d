'use strict';
// Runs tracker.js in a fake browser (cookie jar, location, Image, a little DOM, a fixed
// clock) and checks the hits and cookies it produces. Usage: node src/test/js/tracker.test.js
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const assert = require('assert');

const SOURCE = fs.readFileSync(
  path.join(__dirname, '../../main/resources/io/spoor/track/tracker.js'), 'utf8');
const T0 = 1728971805584;
const MINUTE = 60000;
const BASE_CONFIG = {
  hubId: 123, trackingDomain: 'track.test:8080', requireConsent: false,
  cookielessBeforeConsent: false, bannerText: 'We use cookies.', honorGpc: false,
};

// A cookie jar with the browser rules the tracker relies on: domain matching, expiry, replacement.
function cookieJar(host, clock) {
  let jar = [];
  const writes = [];
  function matches(c) {
    return c.hostOnly ? c.domain === host() : host() === c.domain || host().endsWith('.' + c.domain);
  }
  return {
    writes,
    list() { jar = jar.filter((c) => c.expires === null || c.expires > clock()); return jar.filter(matches); },
    get() { return this.list().map((c) => c.name + '=' + c.value).join('; '); },
    set(text) {
      writes.push(text);
      const [pair, ...attrs] = text.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const c = { name: pair.slice(0, eq), value: pair.slice(eq + 1), domain: host(), hostOnly: true,
        expires: null, attrs };
      for (const a of attrs) {
        const [k, v] = a.split('=');
        if (/^domain$/i.test(k)) { c.domain = v.replace(/^\./, '').toLowerCase(); c.hostOnly = false; }
        if (/^expires$/i.test(k)) c.expires = Date.parse(v);
        if (/^max-age$/i.test(k)) c.expires = clock() + Number(v) * 1000;
      }
      if (!c.hostOnly && !(host() === c.domain || host().endsWith('.' + c.domain))) return;
      jar = jar.filter((x) => !(x.name === c.name && x.domain === c.domain));
      if (c.expires === null || c.expires > clock()) jar.push(c);
    },
  };
}

function element(tag) {
  return {
    tagName: tag.toUpperCase(), children: [], attrs: {}, style: {}, parentNode: null,
    setAttribute(k, v) { this.attrs[k] = String(v); },
    getAttribute(k) { return this.attrs[k]; },
    appendChild(c) { c.parentNode = this; this.children.push(c); return c; },
    insertBefore(c, ref) {
      const i = this.children.indexOf(ref);
      c.parentNode = this;
      this.children.splice(i < 0 ? this.children.length : i, 0, c);
      return c;
    },
    removeChild(c) { this.children.splice(this.children.indexOf(c), 1); c.parentNode = null; return c; },
    get firstChild() { return this.children[0] || null; },
  };
}

// A fresh page at `href`. `page` is script the page runs before the tracker loads.
function browser(opts = {}) {
  let now = opts.now || T0;
  const url = new URL(opts.href || 'https://www.twk.de/start?x=1');
  const jar = opts.jar || cookieJar(() => url.hostname, () => now);
  const hits = [];
  const document = {
    title: 'Start page', referrer: opts.referrer || '', characterSet: 'UTF-8',
    body: element('body'), createElement: element, addEventListener() {},
  };
  Object.defineProperty(document, 'cookie', { get: () => jar.get(), set: (v) => jar.set(v) });
  function Image() {}
  Object.defineProperty(Image.prototype, 'src', { set(v) { hits.push(parseHit(v)); } });
  const ctx = {
    document, Image,
    location: { href: url.href, hostname: url.hostname, host: url.host, pathname: url.pathname,
      protocol: url.protocol },
    navigator: Object.assign({ language: 'de-DE' }, opts.navigator),
    screen: { width: 1920, height: 1080, colorDepth: 24 },
    __clock: () => now,
  };
  ctx.window = ctx;
  vm.createContext(ctx);
  vm.runInContext('(function (R, n) { function D(a) { return arguments.length ? new R(a) : new R(n()); }' +
    ' D.prototype = R.prototype; D.now = n; D.parse = R.parse; D.UTC = R.UTC; Date = D; })(Date, __clock);' +
    ' delete this.__clock;', ctx);
  const globalsBefore = Object.keys(ctx);
  const run = (code) => vm.runInContext(code, ctx);
  if (opts.page) run(opts.page);
  const config = Object.assign({}, BASE_CONFIG, opts.config);
  run('var __spoorConfig = ' + JSON.stringify(config) + ';\n' + SOURCE);
  return {
    ctx, jar, hits, run, document,
    value(expr) { return JSON.parse(run('JSON.stringify(' + expr + ')')); },
    advance(ms) { now += ms; },
    cookie(name) { const c = jar.list().find((x) => x.name === name); return c && c.value; },
    pageViews() { return hits.filter((h) => h.path === '/__ptq.gif' && h.p.k === '1'); },
    kind(k) { return hits.filter((h) => h.path === '/__ptq.gif' && h.p.k === String(k)); },
    last() { return hits[hits.length - 1]; },
    newGlobals() { return Object.keys(ctx).filter((k) => !globalsBefore.includes(k)); },
    banner() { return document.body.children.find((c) => c.getAttribute('role') === 'dialog'); },
  };
}

function parseHit(src) {
  assert.ok(src.startsWith('//'), 'protocol-relative beacon: ' + src);
  const u = new URL('https:' + src);
  const p = {};
  u.searchParams.forEach((v, k) => { p[k] = v; });
  return { raw: src, host: u.host, path: u.pathname, p };
}

function click(banner, label) {
  banner.children.find((c) => c.tagName === 'BUTTON' && c.textContent === label).onclick();
}

const tests = [];
const test = (name, fn) => tests.push([name, fn]);

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

test('doNotTrackStopsHitsUntilTrackIsAskedFor', () => {
  const b = browser();
  b.run("_hsq.push(['doNotTrack'])");
  assert.strictEqual(b.cookie('__hs_do_not_track'), 'yes');
  b.run("_hsq.push(['trackPageView'], ['trackEvent', {id: 'x'}])");
  assert.strictEqual(b.hits.length, 1);
  const next = browser({ jar: b.jar });
  assert.strictEqual(next.hits.length, 0);
  next.run("_hsq.push(['doNotTrack', {track: true}]); _hsq.push(['trackPageView'])");
  assert.strictEqual(next.cookie('__hs_do_not_track'), undefined);
  assert.strictEqual(next.hits.length, 1);
});

test('setTrackingEnabledFalseStopsHits', () => {
  const b = browser({ page: "var _hsq = window._hsq = []; _hsq.push(['setTrackingEnabled', false]);" });
  assert.strictEqual(b.hits.length, 0);
  b.run("_hsq.push(['setTrackingEnabled', true], ['trackPageView'])");
  assert.strictEqual(b.hits.length, 1);
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

test('consentListenerIsCalledAtOnceWhenNoBannerIsRequired', () => {
  const b = browser({ page: "var c; var _hsp = window._hsp = [];" +
    "_hsp.push(['addPrivacyConsentListener', function (x) { c = x; }]);" });
  assert.deepStrictEqual(b.value('c'), ({ allowed: true,
    categories: { necessary: true, analytics: true, advertisement: true, functionality: true } }));
});

test('consentRequiredModeWritesNoCookieBeforeConsentAndWritesAfter', () => {
  const b = browser({ config: { requireConsent: true },
    page: "var c = []; var _hsp = window._hsp = [];" +
      "_hsp.push(['addPrivacyConsentListener', function (x) { c.push(x.allowed); }]);" });
  b.run("_hsq.push(['identify', {email: 'v@example.com'}], ['trackEvent', {id: 'x'}])");
  assert.deepStrictEqual(b.jar.writes, []);
  assert.strictEqual(b.hits.length, 0);
  assert.deepStrictEqual(b.value('c'), []);
  const banner = b.banner();
  assert.ok(banner, 'banner shown');
  assert.strictEqual(banner.getAttribute('aria-label'), 'Cookie consent');
  assert.strictEqual(banner.children[0].textContent, 'We use cookies.');
  assert.deepStrictEqual(banner.children.slice(1).map((x) => [x.tagName, x.type, x.textContent]),
    [['BUTTON', 'button', 'Accept'], ['BUTTON', 'button', 'Decline']]);
  click(banner, 'Accept');
  assert.strictEqual(b.cookie('__hs_opt_out'), 'no');
  assert.match(b.cookie('hubspotutk'), /^[0-9a-f]{32}$/);
  assert.deepStrictEqual(b.hits.map((h) => h.p.k), ['1', '28']);
  assert.strictEqual(b.hits[0].p.i, 'email=v%40example.com');
  assert.deepStrictEqual([b.hits[0].p.pt, b.hits[0].p.cc, b.hits[0].p.ce], ['1', '15', undefined]);
  assert.strictEqual(b.banner(), undefined);
  assert.deepStrictEqual(b.value('c'), [true]);
});

test('cookielessModeSendsHitsWithCeFalseAndNoVisitorBeforeConsent', () => {
  const b = browser({ config: { requireConsent: true, cookielessBeforeConsent: true } });
  assert.deepStrictEqual(b.jar.writes, []);
  const p = b.last().p;
  assert.deepStrictEqual([p.k, p.ce, p.vi, p.u, p.b, p.cc, p.pt], ['1', 'false', undefined, undefined, undefined, '1', '1']);
});

test('declineStoresTheAnswerSendsK29AndWritesNoTrackingCookie', () => {
  const b = browser({ config: { requireConsent: true } });
  click(b.banner(), 'Decline');
  assert.strictEqual(b.cookie('__hs_opt_out'), 'yes');
  assert.deepStrictEqual(b.hits.map((h) => [h.p.k, h.p.ce, h.p.vi]), [['29', 'false', undefined]]);
  assert.strictEqual(b.cookie('__hstc'), undefined);
  const next = browser({ jar: b.jar, config: { requireConsent: true } });
  assert.strictEqual(next.banner(), undefined);
  assert.strictEqual(next.hits.length, 0);
});

test('revokeCookieConsentDeletesTheCookiesForgetsIdentityAndShowsTheBanner', () => {
  const b = browser({ page: "var _hsq = window._hsq = []; _hsq.push(['identify', {email: 'v@example.com'}]);" +
    "_hsq.push(['addCookieDomain', 'twk.de']);" });
  b.jar.set('__hstc=' + b.cookie('__hstc') + '; path=/'); // a host-only copy an older tracker left
  b.run("_hsp.push(['revokeCookieConsent'])");
  assert.strictEqual(b.last().p.k, '30');
  for (const name of ['__hstc', 'hubspotutk', '__hssc', '__hssrc', '__hs_opt_out']) {
    assert.strictEqual(b.cookie(name), undefined, name);
  }
  assert.ok(b.banner(), 'banner shown again');
  b.run("_hsq.push(['trackPageView'])");
  assert.strictEqual(b.hits.length, 2, 'nothing sent before new consent');
  click(b.banner(), 'Accept');
  assert.strictEqual(b.kind(1).length, 2);
  assert.strictEqual(b.kind(1)[1].p.i, undefined);
  assert.strictEqual(b.kind(1)[1].p.nc, 'true');
});

test('showBannerShowsItAgainAfterAnAnswer', () => {
  const b = browser();
  assert.strictEqual(b.banner(), undefined);
  b.run("_hsp.push(['showBanner'])");
  assert.ok(b.banner());
  click(b.banner(), 'Decline');
  assert.strictEqual(b.cookie('__hstc'), undefined);
  b.run("_hsq.push(['trackPageView'])");
  assert.strictEqual(b.kind(1).length, 1);
});

test('globalPrivacyControlIsHonouredWhenConfigured', () => {
  const off = browser({ navigator: { globalPrivacyControl: true } });
  assert.strictEqual(off.hits.length, 1);
  const on = browser({ navigator: { globalPrivacyControl: true }, config: { honorGpc: true } });
  assert.strictEqual(on.hits.length, 0);
  assert.deepStrictEqual(on.jar.writes, []);
  assert.strictEqual(on.banner(), undefined);
});

test('throwingPageCallbacksDoNotStopTheQueue', () => {
  const b = browser({ page: "var _hsq = window._hsq = []; _hsq.push(function () { throw new Error('x'); });" +
    "_hsq.push(['noSuchMethod']); _hsq.push(['trackEvent', {id: 'after'}]);" });
  assert.strictEqual(b.last().p.n, 'after');
});

let passed = 0;
let failed = 0;
for (const [name, fn] of tests) {
  try {
    fn();
    passed++;
    console.log('ok   ' + name);
  } catch (e) {
    failed++;
    console.log('FAIL ' + name + '\n     ' + String(e && e.stack || e).split('\n').slice(0, 12).join('\n     '));
  }
}
console.log(passed + ' passed, ' + failed + ' failed');
process.exitCode = failed ? 1 : 0;
