package io.spoor.ingest;

import io.spoor.store.Database;
import io.spoor.store.InList;
import io.spoor.store.JdbcBatch;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link AppliedHits} as two tables: hit ids applied, and each log's applied position. */
public final class SqlAppliedHits implements AppliedHits {
  /** A batch's hit ids are looked up this many at a time, with one statement text. */
  private static final InList IDS = new InList("id", 100);
  private static final String RECORDED = "SELECT hit_id, fingerprint FROM applied_hit WHERE hit_id IN ("
      + IDS.sql() + ")";
  private final Database db;

  public SqlAppliedHits(Database db) {
    this.db = db;
  }

  @Override
  public Map<String, Optional<String>> recorded(Collection<String> hitIds) {
    Map<String, Optional<String>> seen = new HashMap<>();
    for (List<String> chunk : IDS.chunks(hitIds)) {
      IDS.bind(db.handle().createQuery(RECORDED), chunk)
          .map((rs, ctx) -> Map.entry(rs.getString(1), Optional.ofNullable(rs.getString(2))))
          .forEach(row -> seen.put(row.getKey(), row.getValue()));
    }
    return seen;
  }

  @Override
  public void record(Collection<String> hitIds, Map<String, String> fingerprints, long at) {
    JdbcBatch insert = new JdbcBatch(db.handle(),
        "INSERT INTO applied_hit (hit_id, applied_at, fingerprint) VALUES (?, ?, ?)");
    hitIds.forEach(id -> insert.add(id, at, fingerprints.get(id)));
    insert.execute();
  }

  @Override
  public void forgetBefore(long cutoff) {
    db.handle().createUpdate("DELETE FROM applied_hit WHERE applied_at < :cutoff")
        .bind("cutoff", cutoff).execute();
  }

  @Override
  public long position(String log) {
    return db.handle().createQuery("SELECT position FROM log_position WHERE log_name = :log")
        .bind("log", log).mapTo(Long.class).findOne().orElse(0L);
  }

  @Override
  public void advance(String log, long position) {
    db.handle().createUpdate("INSERT INTO log_position (log_name, position) VALUES (:log, :position) "
            + "ON CONFLICT (log_name) DO UPDATE SET position = excluded.position")
        .bind("log", log).bind("position", position).execute();
  }

  @Override
  public long nextOffset(String topic, int partition) {
    return db.handle().createQuery("SELECT next_offset FROM consumed_offset WHERE topic = :topic "
            + "AND partition_no = :partition")
        .bind("topic", topic).bind("partition", partition).mapTo(Long.class).findOne().orElse(NO_OFFSET);
  }

  @Override
  public boolean moveOffset(String topic, int partition, long from, long next) {
    String sql = from == NO_OFFSET
        ? "INSERT INTO consumed_offset (topic, partition_no, next_offset) VALUES (:topic, :partition, :next) "
            + "ON CONFLICT (topic, partition_no) DO NOTHING"
        : "UPDATE consumed_offset SET next_offset = :next WHERE topic = :topic AND partition_no = :partition "
            + "AND next_offset = :from";
    return db.handle().createUpdate(sql).bind("topic", topic).bind("partition", partition).bind("from", from)
        .bind("next", next).execute() == 1;
  }
}
