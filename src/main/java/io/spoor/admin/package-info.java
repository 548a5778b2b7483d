/**
 * The operator's endpoints: the health and readiness probes and {@code /metrics}
 * ({@link io.spoor.admin.OpsRoutes}), and the portal's rejection list
 * ({@link io.spoor.admin.RejectionRoutes}, {@code GET /api/v1/rejections}). It reads what
 * {@code ops} and {@code ingest} keep; nothing depends on it but the composition root.
 */
package io.spoor.admin;
