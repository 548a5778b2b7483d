package io.spoor.transfer;

import io.spoor.store.Database;
import io.spoor.store.JdbcBatch;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ImportStore} over the {@code contact_import} tables. */
public final class SqlImportStore implements ImportStore {
  private final Database db;

  public SqlImportStore(Database db) {
    this.db = db;
  }

  @Override
  public long create(long hubId, String fileName, Map<String, String> mapping, long totalRows, long at) {
    return db.handle().createQuery("INSERT INTO contact_import (portal_id, file_name, mapping, status, total_rows, "
            + "done_rows, created_count, updated_count, failed_rows, more_problems, created_at) "
            + "VALUES (:portal, :file, :mapping, :status, :total, 0, 0, 0, 0, 0, :at) RETURNING id")
        .bind("portal", hubId).bind("file", fileName).bind("mapping", new JsonObject(new LinkedHashMap<>(mapping))
            .encode()).bind("status", ImportStatus.State.QUEUED.name()).bind("total", totalRows).bind("at", at)
        .mapTo(Long.class).one();
  }

  @Override
  public Optional<ImportStatus> find(long hubId, long id, int problemsShown) {
    List<ImportStatus.Problem> problems = db.handle().createQuery("SELECT csv_row, csv_column, reason "
            + "FROM contact_import_problem WHERE import_id = :id ORDER BY csv_row LIMIT :limit")
        .bind("id", id).bind("limit", problemsShown)
        .map((rs, ctx) -> new ImportStatus.Problem(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    return db.handle().createQuery("SELECT * FROM contact_import WHERE portal_id = :portal AND id = :id")
        .bind("portal", hubId).bind("id", id).map((rs, ctx) -> read(rs, problems)).findOne();
  }

  private static ImportStatus read(ResultSet rs, List<ImportStatus.Problem> problems) throws SQLException {
    Map<String, String> mapping = new LinkedHashMap<>();
    new JsonObject(rs.getString("mapping")).forEach(e -> mapping.put(e.getKey(), String.valueOf(e.getValue())));
    long finished = rs.getLong("finished_at");
    Optional<Instant> finishedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
    return new ImportStatus(rs.getLong("id"), rs.getLong("portal_id"), rs.getString("file_name"), mapping,
        ImportStatus.State.valueOf(rs.getString("status")), rs.getLong("total_rows"), rs.getLong("done_rows"),
        rs.getLong("created_count"), rs.getLong("updated_count"), rs.getLong("failed_rows"), problems,
        rs.getLong("more_problems"), Optional.ofNullable(rs.getString("error")),
        Instant.ofEpochMilli(rs.getLong("created_at")), finishedAt);
  }

  @Override
  public void progress(long id, ImportStatus.State state, Counts counts, List<ImportStatus.Problem> problems) {
    db.handle().createUpdate("UPDATE contact_import SET status = :status, done_rows = :done, "
            + "created_count = :created, updated_count = :updated, failed_rows = :failed, more_problems = :more "
            + "WHERE id = :id")
        .bind("status", state.name()).bind("done", counts.doneRows()).bind("created", counts.created())
        .bind("updated", counts.updated()).bind("failed", counts.failedRows()).bind("more", counts.moreProblems())
        .bind("id", id).execute();
    if (!problems.isEmpty()) {
      JdbcBatch insert = new JdbcBatch(db.handle(), "INSERT INTO contact_import_problem "
          + "(import_id, csv_row, csv_column, reason) VALUES (?, ?, ?, ?)");
      problems.forEach(p -> insert.add(id, p.row(), p.column(), p.reason()));
      insert.execute();
    }
  }

  @Override
  public void finish(long id, ImportStatus.State state, Optional<String> error, long at) {
    db.handle().createUpdate("UPDATE contact_import SET status = :status, error = :error, finished_at = :at "
            + "WHERE id = :id")
        .bind("status", state.name()).bind("error", error.orElse(null)).bind("at", at).bind("id", id).execute();
  }

  @Override
  public int failUnfinished(String error, long at) {
    return db.handle().createUpdate("UPDATE contact_import SET status = :failed, error = :error, finished_at = :at "
            + "WHERE status IN (:queued, :running)")
        .bind("failed", ImportStatus.State.FAILED.name()).bind("error", error).bind("at", at)
        .bind("queued", ImportStatus.State.QUEUED.name()).bind("running", ImportStatus.State.RUNNING.name())
        .execute();
  }
}
