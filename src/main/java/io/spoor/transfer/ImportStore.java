package io.spoor.transfer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Imports and the problems of their rows. Every call runs in the caller's transaction. */
interface ImportStore {
  /** A new queued import; returns its id. */
  long create(long hubId, String fileName, Map<String, String> mapping, long totalRows, long at);

  Optional<ImportStatus> find(long hubId, long id, int problemsShown);

  /** Records progress: the counts so far and the problems of this step (already bounded by the caller). */
  void progress(long id, ImportStatus.State state, Counts counts, List<ImportStatus.Problem> problems);

  /** Ends the import as {@code state}, with an error for a failure. */
  void finish(long id, ImportStatus.State state, Optional<String> error, long at);

  /** Fails every import left queued or running by a process that stopped; returns how many. */
  int failUnfinished(String error, long at);

  /** Rows done and what became of them; {@code moreProblems}: problems past those kept. */
  record Counts(long doneRows, long created, long updated, long failedRows, long moreProblems) {
  }
}
