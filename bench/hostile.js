#!/usr/bin/env node
// bench/hostile.js - a hostile ingest load and the server's resident memory under it.
//
//   node bench/hostile.js <base-url> <server-pid> [seconds=60] [connections=8] [mix=both]
//
// With mix=both half the connections send anonymous page-view beacons, the other half
// /v1/event calls (mix=beacon or mix=event: only those), each with about 15 KB of parameters
// (near the 16 KB URL limit), back to back on keep-alive connections. Samples the server's RSS (VmRSS of <server-pid>) every second and prints the
// answers by status, the requests per second and the peak and final RSS in MB.
'use strict';
const http = require('http');
const fs = require('fs');

const [base, pid, secondsArg, connsArg, mixArg] = process.argv.slice(2);
if (!base || !pid) {
  console.error('usage: node bench/hostile.js <base-url> <server-pid> [seconds] [connections]');
  process.exit(2);
}
const seconds = Number(secondsArg || 60);
const conns = Number(connsArg || 8);
const mix = mixArg || 'both';
const url = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
const filler = (n) => Array.from({ length: n }, (_, i) => `p${i}=${'x'.repeat(140)}`).join('&');
const big = filler(100); // ~14.5 KB
const statuses = {};
let sent = 0;
let peakRss = 0;
let lastRss = 0;
let stop = false;

function rssMb() {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch (e) {
    return 0;
  }
}

function path(i, n) {
  const r = Math.random().toString(36).slice(2);
  const beacon = mix === 'beacon' || (mix === 'both' && i % 2 === 0);
  return beacon
    ? `/__ptq.gif?k=1&a=1&vi=${r}${r}&pu=https%3A%2F%2Fexample.com%2F${n}&t=T&${big}`
    : `/v1/event?_a=1&_n=pe1_hostile&email=h${r}%40example.com&${big}`;
}

function loop(i) {
  let n = 0;
  const next = () => {
    if (stop) return;
    const req = http.get({ host: url.hostname, port: url.port, path: path(i, n++), agent }, (res) => {
      statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
      res.resume();
      res.on('end', next);
    });
    sent++;
    req.on('error', (e) => {
      statuses[e.code || 'error'] = (statuses[e.code || 'error'] || 0) + 1;
      setTimeout(next, 100);
    });
  };
  next();
}

for (let i = 0; i < conns; i++) loop(i);
const sampler = setInterval(() => {
  lastRss = rssMb();
  peakRss = Math.max(peakRss, lastRss);
}, 1000);
setTimeout(() => {
  stop = true;
  clearInterval(sampler);
  lastRss = rssMb();
  console.log(JSON.stringify({ seconds, connections: conns, mix, sent, perSecond: Math.round(sent / seconds),
    statuses, peakRssMb: Math.round(peakRss), finalRssMb: Math.round(lastRss) }));
  agent.destroy();
  process.exit(0);
}, seconds * 1000);
