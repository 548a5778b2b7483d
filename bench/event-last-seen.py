# The event definitions page's "last seen" at 1M completions over 200 definitions, before and after
# the event_completion_last_seen index (V24): python3 bench/event-last-seen.py (SQLite, a file under /tmp).
import sqlite3, time, random, os
p='/tmp/lastseen.db'
if os.path.exists(p): os.remove(p)
db=sqlite3.connect(p)
db.executescript('''CREATE TABLE event_definition (id INTEGER PRIMARY KEY, portal_id BIGINT NOT NULL, name TEXT, origin TEXT, completions BIGINT, created_at BIGINT, deleted_at BIGINT);
CREATE TABLE event_completion (id INTEGER PRIMARY KEY, portal_id BIGINT NOT NULL, definition_id BIGINT NOT NULL, contact_id BIGINT, hit_id TEXT NOT NULL, occurred_at BIGINT NOT NULL, value_micros BIGINT, source TEXT NOT NULL, properties TEXT NOT NULL DEFAULT '{}', settled BOOLEAN NOT NULL DEFAULT TRUE);
CREATE INDEX event_completion_by_contact ON event_completion (contact_id, occurred_at) WHERE settled;''')
D=200
db.executemany('INSERT INTO event_definition VALUES (?,1,?,"dynamic",0,0,NULL)',[(i,'e%d'%i) for i in range(1,D+1)])
rows=((i,1,random.randint(1,D),random.randint(1,100000),'hit-%d'%i,1700000000000+i*1000,None,'tracking-code') for i in range(1,1_000_001))
db.executemany('INSERT INTO event_completion (id,portal_id,definition_id,contact_id,hit_id,occurred_at,value_micros,source) VALUES (?,?,?,?,?,?,?,?)',rows)
db.commit()
ids=','.join(str(i) for i in range(1,D+1))
old='SELECT definition_id, MAX(occurred_at) FROM event_completion WHERE portal_id = 1 AND definition_id IN (%s) GROUP BY definition_id'%ids
new='SELECT d.id, (SELECT MAX(c.occurred_at) FROM event_completion c WHERE c.portal_id = d.portal_id AND c.definition_id = d.id) FROM event_definition d WHERE d.portal_id = 1 AND d.id IN (%s)'%ids
def t(q,n=5):
    ts=[]
    for _ in range(n):
        s=time.perf_counter(); r=db.execute(q).fetchall(); ts.append((time.perf_counter()-s)*1000)
    ts.sort(); return ts[len(ts)//2], r
a,ra=t(old)
print('before (no index, old query): median %.1f ms'%a)
s=time.perf_counter(); db.execute('CREATE INDEX event_completion_last_seen ON event_completion (portal_id, definition_id, occurred_at)'); print('index build %.0f ms'%((time.perf_counter()-s)*1000))
b,rb=t(new)
c,rc=t(old)
print('after (index, new query): median %.2f ms; old query with index: %.1f ms'%(b,c))
print('same answer', sorted(ra)==sorted(rb))
