package io.spoor.transfer;

/**
 * What one import may hold: the file's size in bytes, its data rows, and the problems kept for its
 * report (more are only counted).
 */
public record ImportLimits(long maxBytes, int maxRows, int problemsKept) {
  public ImportLimits {
    if (maxBytes < 1 || maxRows < 1 || problemsKept < 0) {
      throw new IllegalArgumentException("maxBytes and maxRows are positive, problemsKept not negative");
    }
  }
}
