package io.spoor.forward;

import io.spoor.store.ChangeFeed;
import io.spoor.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** {@link ForwardStore} in portable SQL; a call is kept as its kind and its JSON text. */
public final class SqlForwardStore implements ForwardStore {
  private static final String TARGET = "SELECT hub_id, base_url, access_token, tracking_url, remote_hub_id, "
      + "secondly, daily, forward_tracking FROM forward_target";
  private static final String CALL = "SELECT id, hub_id, kind, call, attempts, queued_at, single, dead, last_error "
      + "FROM forward_call";
  private static final int MAX_ERROR = 500;
  /** The change feed's source of target changes: processes that forward follow it ({@link TargetChanges}). */
  public static final String FEED_SOURCE = "forward_target";
  private final Database db;
  private final ChangeFeed feed;

  public SqlForwardStore(Database db) {
    this.db = db;
    this.feed = new ChangeFeed(db);
  }

  private Handle h() {
    return db.handle();
  }

  @Override
  public Optional<ForwardTarget> target(long hubId) {
    return h().createQuery(TARGET + " WHERE hub_id = :hub").bind("hub", hubId)
        .map((rs, ctx) -> target(rs)).findOne();
  }

  @Override
  public List<ForwardTarget> targets() {
    return h().createQuery(TARGET + " ORDER BY hub_id").map((rs, ctx) -> target(rs)).list();
  }

  @Override
  public void saveTarget(ForwardTarget t, long now) {
    int updated = bound(h().createUpdate("UPDATE forward_target SET base_url = :base, access_token = :token, "
        + "tracking_url = :tracking, remote_hub_id = :remote, secondly = :secondly, daily = :daily, "
        + "forward_tracking = :tracks, paused_until = 0 WHERE hub_id = :hub"), t).execute();
    if (updated == 0) {
      bound(h().createUpdate("INSERT INTO forward_target (hub_id, base_url, access_token, tracking_url, "
          + "remote_hub_id, secondly, daily, forward_tracking, created_at) "
          + "VALUES (:hub, :base, :token, :tracking, :remote, :secondly, :daily, :tracks, :now)"), t)
          .bind("now", now).execute();
    }
    feed.add(FEED_SOURCE, t.hubId(), 1, now);
  }

  private static Update bound(Update update, ForwardTarget t) {
    return update.bind("base", t.baseUrl()).bind("token", t.accessToken()).bind("tracking", t.trackingUrl())
        .bind("remote", t.remoteHubId()).bind("secondly", t.secondly()).bind("daily", t.daily())
        .bind("tracks", t.forwardTracking()).bind("hub", t.hubId());
  }

  @Override
  public boolean deleteTarget(long hubId) {
    h().createUpdate("DELETE FROM forward_call WHERE hub_id = :hub").bind("hub", hubId).execute();
    h().createUpdate("DELETE FROM forward_remote_id WHERE hub_id = :hub").bind("hub", hubId).execute();
    boolean deleted = h().createUpdate("DELETE FROM forward_target WHERE hub_id = :hub").bind("hub", hubId)
        .execute() > 0;
    if (deleted) {
      feed.add(FEED_SOURCE, hubId, 1, System.currentTimeMillis());
    }
    return deleted;
  }

  @Override
  public long targetChanges(long hubId) {
    return h().createQuery("SELECT changes FROM change_feed WHERE source = :source AND portal_id = :hub")
        .bind("source", FEED_SOURCE).bind("hub", hubId).mapTo(Long.class).findOne().orElse(0L);
  }

  @Override
  public void enqueue(long hubId, ForwardCall call, long now) {
    h().createUpdate("INSERT INTO forward_call (hub_id, kind, call, queued_at, due_at) "
            + "VALUES (:hub, :kind, :call, :now, :now)")
        .bind("hub", hubId).bind("kind", CallCodec.kind(call)).bind("call", CallCodec.json(call).encode())
        .bind("now", now).execute();
  }

  @Override
  public boolean claim(long hubId, String owner, long now, long until) {
    // the affected row decides: a concurrent claim waits for this row, then finds it taken
    return h().createUpdate("UPDATE forward_target SET claimed_by = :owner, claimed_until = :until "
            + "WHERE hub_id = :hub AND (claimed_by = :owner OR claimed_until < :now)")
        .bind("owner", owner).bind("until", until).bind("hub", hubId).bind("now", now).execute() > 0;
  }

  @Override
  public void release(String owner) {
    h().createUpdate("UPDATE forward_target SET claimed_until = 0 WHERE claimed_by = :owner")
        .bind("owner", owner).execute();
  }

  @Override
  public List<QueuedCall> due(long hubId, long now, int limit) {
    return h().createQuery(CALL + " WHERE hub_id = :hub AND dead = FALSE AND due_at <= :now ORDER BY id LIMIT :limit")
        .bind("hub", hubId).bind("now", now).bind("limit", limit).map((rs, ctx) -> call(rs)).list();
  }

  @Override
  public void delivered(List<Long> ids) {
    if (!ids.isEmpty()) {
      h().createUpdate("DELETE FROM forward_call WHERE id IN (<ids>)").bindList("ids", ids).execute();
    }
  }

  @Override
  public void retryLater(long id, int attempts, long dueAt, boolean single, String error) {
    h().createUpdate("UPDATE forward_call SET attempts = :attempts, due_at = :due, single = :single, "
            + "last_error = :error WHERE id = :id")
        .bind("attempts", attempts).bind("due", dueAt).bind("single", single).bind("error", cut(error))
        .bind("id", id).execute();
  }

  @Override
  public void kill(long id, int attempts, String error) {
    h().createUpdate("UPDATE forward_call SET dead = TRUE, attempts = :attempts, last_error = :error WHERE id = :id")
        .bind("attempts", attempts).bind("error", cut(error)).bind("id", id).execute();
  }

  @Override
  public void recordAnswer(long hubId, Tally t) {
    h().createUpdate("UPDATE forward_target SET delivered = delivered + :delivered, retried = retried + :retried, "
            + "day = :day, day_calls = :calls WHERE hub_id = :hub")
        .bind("delivered", t.delivered()).bind("retried", t.retried()).bind("day", t.day())
        .bind("calls", t.dayCalls()).bind("hub", hubId).execute();
    t.last().ifPresent(last -> h().createUpdate("UPDATE forward_target SET last_status = :status, "
            + "last_answer = :answer, last_answer_at = :at WHERE hub_id = :hub")
        .bind("status", last.status()).bind("answer", cut(last.message())).bind("at", last.at())
        .bind("hub", hubId).execute());
  }

  @Override
  public void pause(long hubId, long until) {
    h().createUpdate("UPDATE forward_target SET paused_until = :until WHERE hub_id = :hub AND paused_until < :until")
        .bind("until", until).bind("hub", hubId).execute();
  }

  @Override
  public long pausedUntil(long hubId) {
    return h().createQuery("SELECT paused_until FROM forward_target WHERE hub_id = :hub").bind("hub", hubId)
        .mapTo(Long.class).findOne().orElse(0L);
  }

  @Override
  public Pace pace(long hubId, long day) {
    return h().createQuery("SELECT CASE WHEN day = :day THEN day_calls ELSE 0 END, paused_until FROM forward_target "
            + "WHERE hub_id = :hub")
        .bind("day", day).bind("hub", hubId).map((rs, ctx) -> new Pace(rs.getLong(1), rs.getLong(2)))
        .findOne().orElse(new Pace(0, 0));
  }

  @Override
  public ForwardStatus status(long hubId, long inFlight) {
    long queued = count("dead = FALSE AND hub_id = :hub", hubId);
    long dead = count("dead = TRUE AND hub_id = :hub", hubId);
    return h().createQuery("SELECT delivered, retried, last_status, last_answer, last_answer_at "
            + "FROM forward_target WHERE hub_id = :hub").bind("hub", hubId)
        .map((rs, ctx) -> new ForwardStatus(queued, inFlight, rs.getLong("delivered"), rs.getLong("retried"), dead,
            rs.getObject("last_answer_at") == null ? Optional.empty() : Optional.of(new ForwardStatus.LastAnswer(
                rs.getInt("last_status"), rs.getString("last_answer"), rs.getLong("last_answer_at")))))
        .findOne().orElse(new ForwardStatus(queued, inFlight, 0, 0, dead, Optional.empty()));
  }

  @Override
  public List<QueuedCall> deadLetters(long hubId, long afterId, int limit) {
    return h().createQuery(CALL + " WHERE hub_id = :hub AND dead = TRUE AND id > :after ORDER BY id LIMIT :limit")
        .bind("hub", hubId).bind("after", afterId).bind("limit", limit).map((rs, ctx) -> call(rs)).list();
  }

  @Override
  public boolean revive(long hubId, long id, long now) {
    return h().createUpdate("UPDATE forward_call SET dead = FALSE, attempts = 0, single = FALSE, queued_at = :now, "
            + "due_at = :now WHERE hub_id = :hub AND id = :id AND dead = TRUE")
        .bind("now", now).bind("hub", hubId).bind("id", id).execute() > 0;
  }

  @Override
  public boolean deleteDead(long hubId, long id) {
    return h().createUpdate("DELETE FROM forward_call WHERE hub_id = :hub AND id = :id AND dead = TRUE")
        .bind("hub", hubId).bind("id", id).execute() > 0;
  }

  @Override
  public long queuedTotal() {
    return h().createQuery("SELECT COUNT(*) FROM forward_call WHERE dead = FALSE").mapTo(Long.class).one();
  }

  @Override
  public long deadTotal() {
    return h().createQuery("SELECT COUNT(*) FROM forward_call WHERE dead = TRUE").mapTo(Long.class).one();
  }

  @Override
  public Optional<String> remoteId(long hubId, String kind, String localKey) {
    return h().createQuery("SELECT remote_id FROM forward_remote_id WHERE hub_id = :hub AND kind = :kind "
            + "AND local_key = :key").bind("hub", hubId).bind("kind", kind).bind("key", localKey)
        .mapTo(String.class).findOne();
  }

  @Override
  public void rememberRemoteId(long hubId, String kind, String localKey, String remoteId) {
    forgetRemoteId(hubId, kind, localKey);
    h().createUpdate("INSERT INTO forward_remote_id (hub_id, kind, local_key, remote_id) "
            + "VALUES (:hub, :kind, :key, :remote)")
        .bind("hub", hubId).bind("kind", kind).bind("key", localKey).bind("remote", remoteId).execute();
  }

  @Override
  public void forgetRemoteId(long hubId, String kind, String localKey) {
    h().createUpdate("DELETE FROM forward_remote_id WHERE hub_id = :hub AND kind = :kind AND local_key = :key")
        .bind("hub", hubId).bind("kind", kind).bind("key", localKey).execute();
  }

  private long count(String where, long hubId) {
    return h().createQuery("SELECT COUNT(*) FROM forward_call WHERE " + where).bind("hub", hubId)
        .mapTo(Long.class).one();
  }

  private static String cut(String text) {
    return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
  }

  private static ForwardTarget target(ResultSet rs) throws SQLException {
    return new ForwardTarget(rs.getLong("hub_id"), rs.getString("base_url"), rs.getString("access_token"),
        rs.getString("tracking_url"), rs.getLong("remote_hub_id"), rs.getInt("secondly"), rs.getLong("daily"),
        rs.getBoolean("forward_tracking"));
  }

  private static QueuedCall call(ResultSet rs) throws SQLException {
    return new QueuedCall(rs.getLong("id"), rs.getLong("hub_id"),
        CallCodec.call(rs.getString("kind"), rs.getString("call")), rs.getInt("attempts"), rs.getLong("queued_at"),
        rs.getBoolean("single"), rs.getBoolean("dead"), rs.getString("last_error"));
  }
}
