/**
 * Segment: the HTTP Tracking API's messages and their mapping to HubSpot objects as Segment's
 * HubSpot destination makes them (contacts, events, page views, companies), applied from the
 * ingest log by {@code SegmentApplier} through the tracking rules and the CRM's stores; the
 * Segment ids remembered with contacts. It does not deliver to a remote HubSpot (forward does).
 */
package io.spoor.segment;
