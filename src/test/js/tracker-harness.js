'use strict';
// What the tracker suites share: tracker.js run in a fake browser (cookie jar, location,
// Image, a little DOM, a fixed clock), and a small test registry and runner.
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
// Registers a test; run() runs every test registered so far.
const test = (name, fn) => tests.push([name, fn]);

// Runs the registered tests, one line each, then prints "N passed, M failed"; returns the exit code.
function run() {
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
  return failed ? 1 : 0;
}

module.exports = { SOURCE, T0, MINUTE, BASE_CONFIG, cookieJar, browser, click, test, run };
