'use strict';
// Privacy and consent: do-not-track, the consent banner, cookieless mode, revoking consent,
// Global Privacy Control.
// Run with the other suites by tracker.test.js, or alone: node src/test/js/tracker-privacy.test.js
const assert = require('assert');
const { browser, click, test, run } = require('./tracker-harness');

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

if (require.main === module) process.exitCode = run();
