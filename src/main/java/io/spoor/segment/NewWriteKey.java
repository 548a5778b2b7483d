package io.spoor.segment;

/** A write key just created, with its clear value: shown once, never stored. */
public record NewWriteKey(WriteKey writeKey, String value) {
}
