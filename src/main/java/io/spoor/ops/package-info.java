/**
 * Operations: Spoor's metrics on a Prometheus registry ({@code prometheus-metrics-core}, with the
 * JVM's and the process's own metrics) and their text exposition. Features register their own
 * metrics here; this package is a leaf and knows none of them (the probes and {@code /metrics}
 * are mounted by {@link io.spoor.admin}). JSON log lines are logstash-logback-encoder's
 * (logback.xml), with the request's correlation id from the MDC.
 */
package io.spoor.ops;
