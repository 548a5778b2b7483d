#!/usr/bin/env python3
"""Applier CPU per Segment message, a figure less shaken by a busy machine than throughput: starts
JAR on PORT with a fresh data directory, posts 20 batches of 100 messages to warm up, then BATCHES
more one after another (segment.lua's mix: identify, track, page of a million users), waits until
every message is applied, and prints the spoor-applier thread's CPU time (/proc) per message.
With JFR=<file>, the server runs with Java Flight Recorder and the recording (with Jdbi's
jdbi.statement events: `jfr summary <file> | grep jdbi`) is dumped there before it stops.
Usage: bench/segment-apply-cpu.py JAR PORT BATCHES [1|0: with messageId or not]"""
import base64, json, os, random, re, subprocess, sys, tempfile, time, urllib.request
jar, port, batches = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with_ids = len(sys.argv) < 5 or sys.argv[4] != '0'
data = tempfile.mkdtemp(prefix='m7cpu')
env = dict(os.environ, SPOOR_BOOTSTRAP_TOKEN='bench-token-0123456789', SPOOR_NEW_CONTACTS_PER_MINUTE='0',
           SPOOR_NEW_VISITORS_PER_MINUTE='0')
jfr = os.environ.get('JFR')
proc = subprocess.Popen(['java'] + (['-XX:StartFlightRecording=settings=default'] if jfr else []) + ['-jar', jar, 'serve', '--port', str(port), '--data', data], env=env,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
base = f'http://127.0.0.1:{port}'
def req(path, body=None, headers={}):
    r = urllib.request.Request(base + path, data=body, headers=headers)
    with urllib.request.urlopen(r, timeout=60) as a:
        return a.read().decode()
for _ in range(240):
    try:
        req('/readyz'); break
    except Exception:
        time.sleep(0.5)
key = json.loads(req('/api/v1/write-keys', json.dumps({'name': 'cpu'}).encode(),
                     {'Authorization': 'Bearer bench-token-0123456789', 'Content-Type': 'application/json'}))['key']
auth = 'Basic ' + base64.b64encode((key + ':').encode()).decode()
def applied():
    m = req('/metrics', headers={'Authorization': 'Bearer bench-token-0123456789'})
    return sum(float(v) for labels, v in re.findall(r'^spoor_hits_total\{([^}]*)\}\s+(\S+)', m, re.M) if 'kind="segment"' in labels)
def applier_cpu():
    for tid in os.listdir(f'/proc/{proc.pid}/task'):
        try:
            if open(f'/proc/{proc.pid}/task/{tid}/comm').read().strip().startswith('spoor-applier'):
                f = open(f'/proc/{proc.pid}/task/{tid}/stat').read().rsplit(')', 1)[1].split()
                return (int(f[11]) + int(f[12])) / os.sysconf('SC_CLK_TCK')
        except FileNotFoundError:
            pass
    return 0.0
random.seed(7)
def batch(n):
    msgs = []
    for i in range(100):
        user = random.randint(1, 1000000)
        m = {'userId': f'user-{user}'}
        if with_ids:
            m['messageId'] = f'{n}-{i}-{random.randint(1, 10**9)}'
        k = i % 3
        if k == 0:
            m.update(type='identify', traits={'email': f'u{user}@example.com', 'firstName': 'Ann'})
        elif k == 1:
            m.update(type='track', event='Order Completed', properties={'revenue': random.randint(0, 500)})
        else:
            m.update(type='page', name='Pricing', properties={'url': 'https://example.com/pricing'})
        msgs.append(m)
    return json.dumps({'batch': msgs, 'sentAt': '2026-01-01T00:00:00.000Z'}).encode()
try:
    # warm-up
    for n in range(20):
        req('/v1/batch', batch(-n - 1), {'Authorization': auth, 'Content-Type': 'application/json'})
    while applied() < 2000:
        time.sleep(0.2)
    cpu0, t0 = applier_cpu(), time.time()
    for n in range(batches):
        req('/v1/batch', batch(n), {'Authorization': auth, 'Content-Type': 'application/json'})
    while applied() < 2000 + batches * 100:
        time.sleep(0.2)
    cpu = applier_cpu() - cpu0
    print(f'{jar} ids={int(with_ids)} messages={batches*100} applier_cpu_s={cpu:.2f} per_message_us={cpu*1e6/(batches*100):.0f} wall_s={time.time()-t0:.1f}')
finally:
    if jfr:
        subprocess.run(['jcmd', str(proc.pid), 'JFR.dump', 'filename=' + jfr], stdout=subprocess.DEVNULL)
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
