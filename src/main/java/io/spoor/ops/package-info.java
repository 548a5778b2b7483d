/**
 * Operations: the Prometheus metrics registry and its text rendering, and the JSON log
 * layout. Features register their own metrics here; this package is a leaf and knows none of
 * them (the probes and {@code /metrics} are mounted by {@link io.spoor.admin}).
 */
package io.spoor.ops;
