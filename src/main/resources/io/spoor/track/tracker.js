/* Spoor tracker: HubSpot-compatible _hsq/_hsp queues, cookies and beacons. */
(function (w, d) {
  var hsq = w._hsq = w._hsq || [], hsp = w._hsp = w._hsp || [];
  var arrayPush = Array.prototype.push;
  if (hsq.push !== arrayPush) return; // another tracker already runs this page
  // The server prepends `var __spoorConfig = {...};` to this script.
  var C = (typeof __spoorConfig == 'object' && __spoorConfig) || w.__spoorConfig || {};
  var nav = w.navigator || {}, loc = w.location, scr = w.screen || {};
  var HSTC = '__hstc', UTK = 'hubspotutk', HSSC = '__hssc', HSSRC = '__hssrc';
  var DNT = '__hs_do_not_track', OPT = '__hs_opt_out', GIF = '/__ptq.gif';
  var YEAR = 390 * 864e5, HALF_HOUR = 18e5, NUM = '(0|[1-9]\\d{0,17})';
  // __hstc: hash.utk.initialTs.previousTs.currentTs.sessionNumber; __hssc: hash.pageViews.sessionStartTs
  var HSTC_RE = new RegExp('^' + [NUM, '([0-9a-fA-F]{32})', NUM, NUM, NUM, NUM].join('\\.') + '$');
  var HSSC_RE = new RegExp('^' + [NUM, NUM, NUM].join('\\.') + '$');

  var portal = C.hubId, tracking = C.trackingDomain, domains = [], hostOnly = false;
  var secure = loc.protocol == 'https:', on = true, ident = {}, resetPending = 0;
  var path, prevPath, curPath, contentType, canonical, pageId, pendingView = 0;
  var need = !!C.requireConsent, gpc = !!C.honorGpc &&
    (nav.globalPrivacyControl === true || nav.doNotTrack == '1' || w.doNotTrack == '1');
  var tokenListeners = [], identityListeners = [], consentListeners = [];
  var lastUtk, lastIds, bannerEl; // lastIds: [__hstc, __hssc] last told to listeners

  function now() { return new Date().getTime(); }
  function tell(list, args) { for (var i = 0; i < list.length; i++) call(list[i], args); }
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function call(f, args) {
    try { f.apply(null, args); } catch (e) { /* a page callback must not stop the tracker */ }
  }
  function enc(v) { return encodeURIComponent(typeof v == 'object' && w.JSON ? JSON.stringify(v) : v); }
  function qs(o) {
    var a = [], k;
    for (k in o) if (has(o, k) && o[k] != null && o[k] !== '') a.push(enc(k) + '=' + enc(o[k]));
    return a.join('&');
  }

  // Cookies
  function cookies(name) {
    var out = [], parts = (d.cookie || '').split(/;\s*/), i, eq;
    for (i = 0; i < parts.length; i++) {
      eq = parts[i].indexOf('=');
      if (eq > 0 && parts[i].slice(0, eq) == name) out.push(parts[i].slice(eq + 1));
    }
    return out;
  }
  function getC(name) { return cookies(name)[0]; }
  function hostname() { return (loc.hostname || '').toLowerCase(); }
  // The shortest configured cookie domain that is the host or a parent of it; '' = host-only.
  function cookieDomain() {
    var h = hostname(), best = '', c, i;
    for (i = 0; !hostOnly && i < domains.length; i++) {
      c = String(domains[i]).toLowerCase().replace(/^\.+/, '');
      if (c && (h == c || h.slice(-c.length - 1) == '.' + c) && (!best || c.length < best.length)) best = c;
    }
    return best;
  }
  // Same rule and hash as io.spoor.identity.DomainHash.
  function domainHash() {
    var c = cookieDomain(), h = hostname(), labels = h.split('.'), s, e = 0, i, ch, n;
    s = c ? '.' + c : /^[\d.]+$|:/.test(h) ? h : labels.length > 2 ? h.slice(labels[0].length) : '.' + h;
    for (i = s.length - 1; i >= 0; i--) {
      ch = s.charCodeAt(i);
      e = (e << 6 & 268435455) + ch + (ch << 14);
      n = e & 266338304;
      if (n) e ^= n >> 21;
    }
    return e;
  }
  function setC(name, value, ms) {
    var c = cookieDomain(), s = name + '=' + value + '; path=/; SameSite=Lax';
    if (c) s += '; domain=' + c;
    // max-age counts from now to the second; expires is for browsers without max-age
    if (ms) s += '; expires=' + new Date(now() + ms).toUTCString() + '; max-age=' + ms / 1000;
    d.cookie = s + (secure ? '; Secure' : '');
  }
  // Deletes host-only and on every parent domain, wherever an earlier tracker put it.
  function delC(name) {
    var labels = hostname().split('.'), i, gone = name + '=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    d.cookie = gone;
    for (i = 0; i < labels.length - 1; i++) d.cookie = gone + '; domain=' + labels.slice(i).join('.');
  }
  // Of several copies (host-only and domain cookies from an earlier tracker), the well-formed
  // one with our domain hash, then the latest by fields a and b (1-based).
  function pick(name, re, hash, a, b) {
    var all = cookies(name), best, m, i;
    for (i = 0; i < all.length; i++) {
      m = re.exec(all[i]);
      if (m && (!best || ((m[1] == hash) - (best[1] == hash) || m[a] - best[a] || m[b] - best[b]) > 0)) {
        best = m;
      }
    }
    return best && best.slice(1);
  }
  function newUtk() {
    var c = w.crypto, s = '', r, i;
    r = c && c.getRandomValues && w.Uint8Array && c.getRandomValues(new w.Uint8Array(16));
    for (i = 0; i < 16; i++) s += ((r ? r[i] : Math.random() * 256) | 256).toString(16).slice(1);
    return s;
  }

  // Visitor and session state, continued from existing cookies and written back on each hit.
  function visit(isView) {
    var t = now(), hash = domainHash(), h = pick(HSTC, HSTC_RE, hash, 5, 6), s, utk, fresh = false;
    s = h && pick(HSSC, HSSC_RE, h[0], 3, 2);
    if (!h) {
      utk = getC(UTK);
      if (!/^[0-9a-fA-F]{32}$/.test(utk)) { utk = newUtk(); fresh = true; }
      h = [hash, utk, t, t, t, 1];
      s = [hash, 1, t];
    } else if (!s || !getC(HSSRC)) { // 30 minutes idle or a browser restart: new session
      h = [h[0], h[1], h[2], h[4], t, +h[5] + 1];
      s = [h[0], 1, t];
    } else if (isView) {
      s[1] = +s[1] + 1;
    }
    var u = h.join('.'), b = s.join('.');
    setC(UTK, h[1], YEAR);
    setC(HSTC, u, YEAR);
    setC(HSSC, b, HALF_HOUR);
    setC(HSSRC, '1');
    notify(h[1], u, b);
    return { vi: h[1], nc: fresh, u: u, b: b };
  }
  function notify(utk, u, b) {
    if (utk != lastUtk) tell(tokenListeners, [lastUtk = utk]);
    if (!lastIds || u + b != lastIds.join('')) tell(identityListeners, lastIds = [u, b]);
  }
  function forget(names) { for (var i = 0; i < names.length; i++) delC(names[i]); }

  // Consent
  function decision() { // 1 accepted, 0 declined, undefined unanswered
    var o = getC(OPT);
    return o == 'no' ? 1 : o == 'yes' || gpc ? 0 : undefined;
  }
  function allowed() { return need ? decision() === 1 : decision() !== 0; }
  function consent() {
    var a = allowed();
    return { allowed: a, categories: { necessary: true, analytics: a, advertisement: a, functionality: a } };
  }
  function tellConsent() { tell(consentListeners, [consent()]); }
  function decide(yes) {
    setC(OPT, yes ? 'no' : 'yes', YEAR);
    hideBanner();
    if (!yes) forget([HSTC, UTK, HSSC, HSSRC]);
    if (yes && pendingView) api.trackPageView();
    send(GIF, { k: yes ? 28 : 29 }, 2);
    tellConsent();
  }
  function revoke() {
    send(GIF, { k: 30 }, 2);
    forget([HSTC, UTK, HSSC, HSSRC, OPT]);
    ident = {};
    lastUtk = lastIds = undefined;
    need = true; // consent must be asked again, whatever the portal's default
    tellConsent();
    showBanner();
  }
  function hideBanner() {
    if (bannerEl && bannerEl.parentNode) bannerEl.parentNode.removeChild(bannerEl);
    bannerEl = null;
  }
  function showBanner() {
    if (bannerEl) return;
    if (!d.body) return d.addEventListener && d.addEventListener('DOMContentLoaded', showBanner);
    var b = bannerEl = d.createElement('div'), p = d.createElement('p');
    b.setAttribute('role', 'dialog');
    b.setAttribute('aria-label', 'Cookie consent');
    b.setAttribute('aria-describedby', 'spoor-consent-text');
    b.style.cssText = 'position:fixed;left:0;right:0;bottom:0;z-index:2147483647;background:#fff;' +
      'color:#111;border-top:2px solid #111;padding:12px 16px;font:15px/1.4 sans-serif';
    p.id = 'spoor-consent-text';
    p.style.cssText = 'margin:0 0 8px';
    p.textContent = C.bannerText || 'This website uses cookies to analyse its traffic.';
    b.appendChild(p);
    button(b, 'Accept', 1);
    button(b, 'Decline', 0);
    d.body.insertBefore(b, d.body.firstChild); // first in tab order
  }
  function button(b, label, yes) {
    var x = d.createElement('button');
    x.type = 'button';
    x.textContent = label;
    x.style.cssText = 'margin-right:8px;padding:6px 16px;font:inherit;cursor:pointer';
    x.onclick = function () { decide(yes); };
    b.appendChild(x);
  }

  // Beacons. kind: 1 page view, 2 consent decision (sent whatever the consent).
  function send(gif, q, kind, extra) {
    if (!tracking || !on || getC(DNT) == 'yes') return;
    var ok = allowed(), p = { k: q.k }, v, k;
    if (!ok && !C.cookielessBeforeConsent && kind != 2) { pendingView = pendingView || kind == 1; return; }
    if (kind == 1) pendingView = 0;
    p.sd = scr.width ? scr.width + 'x' + scr.height : '';
    p.cd = scr.colorDepth ? scr.colorDepth + '-bit' : '';
    p.cs = d.characterSet || d.charset;
    p.ln = (nav.language || nav.userLanguage || '').toLowerCase();
    p.v = '1.1';
    p.a = portal;
    p.pu = loc.href;
    p.t = d.title;
    p.r = d.referrer;
    if (kind == 1) { p.po = path; p.rpo = prevPath; p.ct = contentType; p.ccu = canonical; p.pi = pageId; }
    p.cts = now();
    if (ok) {
      v = visit(kind == 1);
      p.vi = v.vi; p.nc = v.nc; p.u = v.u; p.b = v.b;
      p.i = qs(ident);
    } else p.ce = 'false';
    if (resetPending && ok) { p.rv = 1; resetPending = 0; }
    if (need) p.pt = 1;
    p.cc = ok ? 15 : 1;
    for (k in q) if (has(q, k) && !has(p, k)) p[k] = q[k];
    for (k in extra) if (has(extra, k) && !has(p, k)) p[k] = extra[k];
    var img = new w.Image(1, 1);
    img.src = '//' + String(tracking).replace(/^(\w+:)?\/\/|\/+$/g, '') + gif + '?' + qs(p);
  }
  function reset() {
    forget([HSTC, UTK, HSSC]);
    ident = {};
    resetPending = 1;
  }

  // The methods pages push: ['name', args...]
  var api = {
    setPortalId: function (id) { portal = id; },
    setTrackingDomain: function (h) { tracking = h; },
    // A domain string works as addCookieDomain; true keeps cookies on the page's own host.
    setCookiesToSubdomain: function (x) {
      if (typeof x == 'string') domains.push(x);
      else hostOnly = x !== false;
    },
    addCookieDomain: function (c) { domains.push(c); },
    enableSecureCookie: function () { secure = true; },
    setCanonicalUrl: function (u) { canonical = u; },
    setPath: function (p) { prevPath = curPath; path = p || '/'; },
    setContentType: function (t) { contentType = t; },
    setPageId: function (id) { pageId = id; },
    identify: function (o) { for (var k in o) if (typeof o == 'object' && has(o, k)) ident[k] = o[k]; },
    setTrackingEnabled: function (x) { on = x !== false; },
    trackPageView: function () { curPath = path || loc.pathname; send(GIF, { k: 1 }, 1); },
    trackEvent: function (e, props) {
      var o = typeof e == 'object' && e ? e : props || {}, x = {}, k;
      for (k in o) if (has(o, k) && k != 'id' && k != 'value' && k != 'revenue') x[k] = o[k];
      send(GIF, { k: 3, n: o === e ? e.id : e, m: o.value != null ? o.value : o.revenue }, 0, x);
    },
    trackCustomBehavioralEvent: function (e) {
      var x = {}, props = e && e.properties || {}, k;
      for (k in props) if (has(props, k)) x['_' + k] = props[k];
      send('/__ptbe.gif', { n: e && e.name }, 0, x);
    },
    doNotTrack: function (o) { if (o && o.track) delC(DNT); else setC(DNT, 'yes', YEAR); },
    resetVisitor: reset,
    resetVisitorIdentity: reset,
    addUserTokenListener: function (f) { tokenListeners.push(f); if (lastUtk) call(f, [lastUtk]); },
    addIdentityListener: function (f) { identityListeners.push(f); if (lastIds) call(f, lastIds); }
  };
  var privacy = {
    addPrivacyConsentListener: function (f) {
      consentListeners.push(f);
      if (!need || decision() !== undefined) call(f, [consent()]);
    },
    revokeCookieConsent: revoke,
    showBanner: showBanner
  };

  function run(methods, item) {
    try {
      if (typeof item == 'function') item(api);
      else if (item && has(methods, item[0])) methods[item[0]].apply(api, [].slice.call(item, 1));
    } catch (e) { /* one bad call must not stop the queue */ }
  }
  function runNow(methods) {
    return function () { for (var i = 0; i < arguments.length; i++) run(methods, arguments[i]); return 0; };
  }
  function named(item, names) {
    return item && typeof item != 'function' && (' ' + names + ' ').indexOf(' ' + item[0] + ' ') >= 0;
  }
  function phase(queue, methods, test) {
    for (var i = 0; i < queue.length; i++) if (test(queue[i])) run(methods, queue[i]);
  }

  // Load: HubSpot's order, then one automatic page view standing for any pushed before load.
  var SETTINGS = 'setTrackingDomain setCookiesToSubdomain addCookieDomain enableSecureCookie';
  var PRIORITY = 'setPortalId setCanonicalUrl setPath setContentType setPageId identify setTrackingEnabled';
  var queued = hsq.slice(), privacyQueued = hsp.slice();
  hsq.length = hsp.length = 0;
  hsq.push = runNow(api);
  hsp.push = runNow(privacy);
  phase(queued, api, function (x) { return named(x, SETTINGS); });
  phase(privacyQueued, privacy, function () { return true; });
  if (need && decision() === undefined) showBanner();
  phase(queued, api, function (x) { return named(x, PRIORITY); });
  api.trackPageView();
  phase(queued, api, function (x) { return !named(x, SETTINGS + ' ' + PRIORITY + ' trackPageView'); });
})(window, document);
