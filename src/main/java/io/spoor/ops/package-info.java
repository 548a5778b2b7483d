/**
 * Operations: health and readiness probes, the Prometheus metrics registry and its text
 * rendering. Features register their own metrics here; this package knows none of them.
 */
package io.spoor.ops;
