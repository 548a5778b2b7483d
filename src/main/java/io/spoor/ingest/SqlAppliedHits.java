package io.spoor.ingest;

import io.spoor.store.Database;
import io.spoor.store.JdbcBatch;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


/** {@link AppliedHits} as a table keyed by hit id. */
public final class SqlAppliedHits implements AppliedHits {
  private static final int CHUNK = 500;
  private final Database db;

  public SqlAppliedHits(Database db) {
    this.db = db;
  }

  @Override
  public Set<String> recordNew(Collection<String> hitIds, long at) {
    Set<String> fresh = new LinkedHashSet<>(hitIds);
    List<String> all = List.copyOf(fresh);
    Set<String> seen = new HashSet<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      seen.addAll(db.handle().createQuery("SELECT hit_id FROM applied_hit WHERE hit_id IN (<ids>)")
          .bindList("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
          .mapTo(String.class).list());
    }
    fresh.removeAll(seen);
    if (!fresh.isEmpty()) {
      JdbcBatch insert = new JdbcBatch(db.handle(), "INSERT INTO applied_hit (hit_id, applied_at) VALUES (?, ?)");
      fresh.forEach(id -> insert.add(id, at));
      insert.execute();
    }
    return fresh;
  }

  @Override
  public void forgetBefore(long cutoff) {
    db.handle().createUpdate("DELETE FROM applied_hit WHERE applied_at < :cutoff")
        .bind("cutoff", cutoff).execute();
  }
}
