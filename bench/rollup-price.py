#!/usr/bin/env python3
"""The report rollups' price to ingest, same run: the spoor-applier thread's CPU time (/proc, which
a busy machine does not inflate the way it does wall-clock times) per 1000 hits applied, and the
hits acknowledged per second, with the rollups on (SPOOR_REPORT_ROLLUPS=1) and off (=0), alternating
on, off, on, off... PRICE_RUNS times each, for page-view beacons (wrk/beacon.lua) and Events API
hits (wrk/event.lua). Each run: a fresh data directory, PRICE_WARMUP seconds of load (not counted),
then PRICE_SECONDS of load at PRICE_CONNECTIONS connections; the figures are taken after the
backlog drained. Prints a markdown table, the load average at the start and end, and the
on/off ratio of the CPU per hit (the main figure) and of the rate.

With PRICE_MODE=replay, a figure free of the load's noise: PRICE_SECONDS of each load is ingested
once with the rollups off and its log kept (every 64-MB segment hard-linked aside as it appears, since
a segment is deleted once applied and the next begun; a run that replays fewer hits than were recorded
stops with an error); then each run starts Spoor on a fresh store holding
that log without its applied mark, so the start replays every hit in large batches, the same in
every run. The price per hit is the process's CPU time (/proc: threads, compiler and collector
included) to start and replay, less its CPU time to start with an empty log, over the hits.

Knobs: SPOOR_JAR (<repo>/target/spoor.jar), PRICE_RUNS (2), PRICE_SECONDS (15), PRICE_WARMUP (30: after 5 s
       the JIT compilers still took a third of the process's CPU through the measured seconds),
       PRICE_CONNECTIONS (32), PRICE_LOADS (beacon,event), JFR (a directory: each run records
       a Java Flight Recorder file there, `jfr print --events jdk.ExecutionSample`),
       BEACON_SESSION_SECONDS (passed to wrk/beacon.lua: unset, every page view is a visit of its
       own, the rollups' worst case; 600, a visitor's page views in ten minutes share a visit).
Usage: [PRICE_MODE=replay] bench/rollup-price.py"""
import os, re, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request

bench = os.path.dirname(os.path.abspath(__file__))
jar = os.environ.get('SPOOR_JAR', os.path.join(os.path.dirname(bench), 'target', 'spoor.jar'))
runs = int(os.environ.get('PRICE_RUNS', '2'))
seconds = int(os.environ.get('PRICE_SECONDS', '15'))
warmup = int(os.environ.get('PRICE_WARMUP', '30'))
connections = int(os.environ.get('PRICE_CONNECTIONS', '32'))
loads = os.environ.get('PRICE_LOADS', 'beacon,event').split(',')
jfr_dir = os.environ.get('JFR')
TOKEN = 'bench-token-0123456789'


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self, rollups, name, log=None):
        self.port = free_port()
        self.data = tempfile.mkdtemp(prefix='spoor-price.')
        if log:
            subprocess.run(['cp', '-r', log, os.path.join(self.data, 'log')], check=True)
        env = dict(os.environ, SPOOR_BOOTSTRAP_TOKEN=TOKEN, SPOOR_NEW_CONTACTS_PER_MINUTE='0',
                   SPOOR_NEW_VISITORS_PER_MINUTE='0', SPOOR_REPORT_ROLLUPS=str(rollups))
        opts = ['-Xmx1g']
        if jfr_dir:
            os.makedirs(jfr_dir, exist_ok=True)
            opts.append(f'-XX:StartFlightRecording=settings=profile,filename={jfr_dir}/{name}.jfr')
        self.proc = subprocess.Popen(['java'] + opts + ['-jar', jar, 'serve', '--host', '127.0.0.1', '--port',
                                      str(self.port), '--data', self.data], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f'http://127.0.0.1:{self.port}'
        for _ in range(3000):  # a start that replays a log answers only once the replay is done
            try:
                self.req('/readyz')
                break
            except Exception:
                time.sleep(0.2)
        self.req('/api/v1/portal', b'{"rateLimitSecondly":0,"rateLimitDaily":0}', 'PATCH')

    def req(self, path, body=None, method=None):
        r = urllib.request.Request(self.url + path, data=body, method=method, headers={
            'Authorization': 'Bearer ' + TOKEN, 'Content-Type': 'application/json'})
        with urllib.request.urlopen(r, timeout=60) as a:
            return a.read().decode()

    def metric(self, name):
        m = self.req('/metrics')
        return sum(float(v) for v in re.findall(r'^' + name + r'(?:\{[^}]*\})?\s+(\S+)', m, re.M))

    def drain(self):
        while self.metric('spoor_ingest_queue_depth') > 0:
            time.sleep(0.2)

    def applier_cpu(self):
        for tid in os.listdir(f'/proc/{self.proc.pid}/task'):
            try:
                if open(f'/proc/{self.proc.pid}/task/{tid}/comm').read().strip().startswith('spoor-applier'):
                    f = open(f'/proc/{self.proc.pid}/task/{tid}/stat').read().rsplit(')', 1)[1].split()
                    return (int(f[11]) + int(f[12])) / os.sysconf('SC_CLK_TCK')
            except FileNotFoundError:
                pass
        return 0.0

    def process_cpu(self):
        f = open(f'/proc/{self.proc.pid}/stat').read().rsplit(')', 1)[1].split()
        return (int(f[11]) + int(f[12])) / os.sysconf('SC_CLK_TCK')

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        subprocess.run(['rm', '-rf', self.data])


def wrk(url, script, secs):
    out = subprocess.run(['wrk', '-t2', f'-c{connections}', f'-d{secs}s', '-s',
                          os.path.join(bench, 'wrk', script + '.lua'), url], capture_output=True, text=True).stdout
    m = re.search(r'ok_rps=(\S+)', out)
    return float(m.group(1)) if m else 0.0


def one(load, rollups, n):
    s = Server(rollups, f'{load}-{"on" if rollups else "off"}-{n}')
    try:
        wrk(s.url, load, warmup)
        s.drain()
        cpu0, hits0 = s.applier_cpu(), s.metric('spoor_hits_total')
        rate = wrk(s.url, load, seconds)
        s.drain()
        cpu, hits = s.applier_cpu() - cpu0, s.metric('spoor_hits_total') - hits0
        return rate, hits, 1000 * 1000 * cpu / max(hits, 1)
    finally:
        s.stop()


def record(load):
    """Ingests PRICE_SECONDS of the load with the rollups off and keeps the log, without its applied mark.
    A segment is deleted once applied and the next begun, so every segment is hard-linked aside as it
    appears (a link sees the writes made after it and keeps the file when the server deletes its name)."""
    s = Server(0, f'{load}-record')
    log = tempfile.mkdtemp(prefix='spoor-price-log.')
    kept = os.path.join(log, 'log')
    os.makedirs(kept)
    live = os.path.join(s.data, 'log')
    done = threading.Event()

    def link_segments():
        while not done.is_set():
            for name in os.listdir(live) if os.path.isdir(live) else []:
                if name.endswith('.log') and not os.path.exists(os.path.join(kept, name)):
                    try:
                        os.link(os.path.join(live, name), os.path.join(kept, name))
                    except FileNotFoundError:
                        pass
            done.wait(0.05)

    linker = threading.Thread(target=link_segments)
    linker.start()
    try:
        wrk(s.url, load, seconds)
        s.drain()
        hits = s.metric('spoor_hits_total')
    finally:
        done.set()
        linker.join()
        s.proc.terminate()
        s.proc.wait()
    for name in os.listdir(live):  # what else the log keeps beside its segments, but not the applied mark
        if not name.endswith('.log') and name != 'applied':
            subprocess.run(['cp', '-r', os.path.join(live, name), kept], check=True)
    subprocess.run(['rm', '-rf', s.data])
    return kept, hits


def replayed(log, rollups, n, hits):
    """The process CPU seconds to start and replay the log into a fresh store."""
    s = Server(rollups, f'replay-{"on" if rollups else "off"}-{n}', log)
    try:
        s.drain()
        return s.process_cpu(), s.metric('spoor_hits_total')
    finally:
        s.stop()


def replay_main():
    load_start = open('/proc/loadavg').read().split()[:3]
    rows, summary = [], []
    for load in loads:
        log, hits = record(load)
        got = {1: [], 0: []}
        for n in range(runs):
            for rollups in (1, 0):
                empty, _ = replayed(None, rollups, n, 0)
                cpu, applied = replayed(log, rollups, n, hits)
                if applied != hits:  # a segment (64 MB) filled and was deleted once applied: the log lost its start
                    sys.exit(f'replayed {applied:,.0f} of the {hits:,.0f} hits recorded: a segment of the log was lost')
                ms = 1000 * 1000 * (cpu - empty) / applied
                got[rollups].append(ms)
                rows.append(f'| {load} | {"on" if rollups else "off"} | {n + 1} | {applied:,.0f} | {empty:.1f} s | '
                            f'{cpu:.1f} s | {ms:,.1f} |')
                print(rows[-1], file=sys.stderr)
        subprocess.run(['rm', '-rf', os.path.dirname(log)])
        on, off = statistics.mean(got[1]), statistics.mean(got[0])
        summary.append(f'- {load}: process CPU per 1000 hits replayed {on:,.1f} ms on / {off:,.1f} ms off = **{on / off:.2f}**')
    load_end = open('/proc/loadavg').read().split()[:3]
    print(f'Rollup price, replayed ({time.strftime("%Y-%m-%d %H:%M", time.gmtime())} UTC, {os.cpu_count()} cores; '
          f'log of {seconds} s of load at {connections} connections; load average {" / ".join(load_start)} at the '
          f'start, {" / ".join(load_end)} at the end)\n')
    print('| load | rollups | run | hits replayed | CPU, start with an empty log | CPU, start and replay | '
          'CPU ms per 1000 hits (the difference) |')
    print('| --- | --- | ---: | ---: | ---: | ---: | ---: |')
    print('\n'.join(rows))
    print()
    print('\n'.join(summary))


def main():
    load_start = open('/proc/loadavg').read().split()[:3]
    rows, summary = [], []
    for load in loads:
        got = {1: [], 0: []}
        for n in range(runs):
            for rollups in (1, 0):
                rate, hits, ms = one(load, rollups, n)
                got[rollups].append((rate, ms))
                rows.append(f'| {load} | {"on" if rollups else "off"} | {n + 1} | {rate:,.0f} | {hits:,.0f} | {ms:,.1f} |')
                print(rows[-1], file=sys.stderr)
        cpu_on = statistics.mean(ms for _, ms in got[1])
        cpu_off = statistics.mean(ms for _, ms in got[0])
        rate_on = statistics.mean(r for r, _ in got[1])
        rate_off = statistics.mean(r for r, _ in got[0])
        med_on = statistics.median(r for r, _ in got[1])
        med_off = statistics.median(r for r, _ in got[0])
        summary.append(f'- {load}: applier CPU per 1000 hits {cpu_on:,.1f} ms on / {cpu_off:,.1f} ms off = '
                       f'**{cpu_on / cpu_off:.2f}**; acknowledged/s {rate_on:,.0f} on / {rate_off:,.0f} off = '
                       f'{rate_on / max(rate_off, 1):.2f} (medians {med_on:,.0f} / {med_off:,.0f} = '
                       f'{med_on / max(med_off, 1):.2f})')
    load_end = open('/proc/loadavg').read().split()[:3]
    print(f'Rollup price ({time.strftime("%Y-%m-%d %H:%M", time.gmtime())} UTC, {os.cpu_count()} cores, '
          f'{connections} connections, {warmup} s warm-up + {seconds} s per run; load average '
          f'{" / ".join(load_start)} at the start, {" / ".join(load_end)} at the end)\n')
    print('| load | rollups | run | acknowledged/s | hits applied | applier CPU ms per 1000 hits |')
    print('| --- | --- | ---: | ---: | ---: | ---: |')
    print('\n'.join(rows))
    print()
    print('\n'.join(summary))


replay_main() if os.environ.get('PRICE_MODE', 'live') == 'replay' else main()
