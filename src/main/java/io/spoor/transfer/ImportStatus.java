package io.spoor.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An import as its caller follows it: its state, how many of its rows are done, what became of
 * them, and the problems of its bad rows (the first ones kept; {@code moreProblems} counts the rest).
 */
record ImportStatus(long id, long hubId, String fileName, Map<String, String> mapping, State state, long totalRows,
    long doneRows, long created, long updated, long failedRows, List<Problem> problems, long moreProblems,
    Optional<String> error, Instant createdAt, Optional<Instant> finishedAt) {

  ImportStatus {
    mapping = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mapping));
    problems = List.copyOf(problems);
  }

  /** Where an import is: waiting its turn, running, done (bad rows or not), or stopped by a failure. */
  enum State {
    QUEUED, RUNNING, DONE, FAILED
  }

  /**
   * Why one row (numbered as a spreadsheet shows it: the header is row 1) was not imported, and
   * the column at fault ({@code ""} for the row as a whole).
   */
  record Problem(long row, String column, String reason) {
  }
}
