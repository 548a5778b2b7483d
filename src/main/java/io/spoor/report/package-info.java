/**
 * The reports: rollups maintained at ingest (one {@code report_session} row per visit and hourly
 * {@code report_bucket} counts per dimension), written once per batch in the batch's
 * transaction, and the reports API over them ({@code /api/v1/reports/...} and HubSpot's legacy
 * {@code /analytics/v2/reports/...}). Reports never read the raw hits.
 */
package io.spoor.report;
