/**
 * Segment's HTTP Tracking API: write keys (owns the {@code write_key} table, kept as SHA-256
 * hashes like portal tokens), the edge that takes {@code /v1/identify|track|page|screen|group|alias|batch|import}
 * calls into the ingest log as {@link io.spoor.ingest.SegmentHit}s, and the mapping of those
 * messages to contacts, companies, events and page views as Segment's HubSpot destination makes
 * them ({@code SegmentApplier}, through the tracking rules and the CRM's stores), with the Segment
 * ids remembered with contacts. The edge never writes CRM data itself: every
 * message reaches the store only through the ingest log and its applier.
 */
package io.spoor.segment;
