package io.spoor.ingest;

/** A hit, or part of one, that was not applied, with the reason and the raw parameters. */
public record Rejection(long id, long portalId, String hitId, RejectReason reason, Outcome outcome,
    String detail, String params, long receivedAt) {
}
