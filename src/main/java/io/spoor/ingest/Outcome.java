package io.spoor.ingest;

/** What became of a hit. */
public enum Outcome {
  APPLIED,
  /** Applied except the parts named in its rejections. */
  PARTIALLY_APPLIED,
  NOT_APPLIED,
  /** Its id was applied before: nothing done again. */
  DUPLICATE
}
