package io.spoor.segment;

import io.spoor.InvalidInputException;
import io.spoor.TooLargeException;
import io.spoor.http.AuthenticationException;
import io.spoor.ingest.HitIds;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.SegmentHit;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one call of Segment's HTTP Tracking API into the hits it logs: finds the portal by the
 * write key, checks what the edge can check, and makes each message a {@link SegmentHit} whose
 * id is its {@code messageId} within the portal (so a retried message counts once).
 *
 * <p>A single call with a bad message is refused whole (400 or 413). In a batch, an element the
 * edge cannot read as a message (not an object, of no known type, a bad {@code messageId}, over
 * the message size) is logged as an {@link ApiFields#INVALID} hit that the applier rejects with
 * its reason, and the rest are kept; the rules of what a message must carry (a {@code userId} or
 * {@code anonymousId}, a track's {@code event}) are the applier's for batch elements.
 */
final class SegmentIntake {
  private final WriteKeys keys;
  private final EdgeLimits limits;

  SegmentIntake(WriteKeys keys, EdgeLimits limits) {
    this.keys = keys;
    this.limits = limits;
  }

  /**
   * One request: {@code path} is a message type or {@code batch}/{@code import}; {@code
   * authorization} is the Authorization header, or null.
   */
  record Call(String path, Buffer body, String contentEncoding, String authorization, long receivedAt) {
  }

  /** The hits to log for the call. Blocking (the write key's lookup): call off the event loop. */
  List<SegmentHit> read(Call call) {
    JsonObject body = RequestBody.read(call.body(), call.contentEncoding(), limits.maxRequestBytes());
    long hubId = portal(call.authorization(), body);
    if (ApiFields.BATCH_PATHS.contains(call.path())) {
      return batch(body, hubId, call.receivedAt());
    }
    String problem = problem(call.path(), body);
    if (problem == null) {
      problem = SegmentMessage.problem(call.path(), body).map(SegmentMessage.Invalid::detail).orElse(null);
    }
    if (problem != null) {
      throw new InvalidInputException(problem);
    }
    SegmentHit hit = Messages.hit(hubId, call.path(), body, null, call.receivedAt());
    if (tooLarge(hit)) {
      throw new TooLargeException("The message is over " + limits.maxMessageBytes() + " bytes");
    }
    return List.of(hit);
  }

  private List<SegmentHit> batch(JsonObject body, long hubId, long receivedAt) {
    if (!(body.getValue(ApiFields.BATCH) instanceof JsonArray batch)) {
      throw new InvalidInputException("batch is required: an array of messages");
    }
    if (batch.size() > limits.maxBatchMessages()) {
      throw new TooLargeException("The batch has " + batch.size() + " messages; at most "
          + limits.maxBatchMessages() + " are taken in one request");
    }
    List<SegmentHit> hits = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      hits.add(element(batch.getValue(i), i, body, hubId, receivedAt));
    }
    return hits;
  }

  private SegmentHit element(Object element, int index, JsonObject batch, long hubId, long receivedAt) {
    if (!(element instanceof JsonObject message)) {
      return Messages.invalid(hubId, RejectReason.INVALID_SEGMENT_MESSAGE,
          "batch[" + index + "] is not a JSON object", String.valueOf(element), receivedAt);
    }
    String type = message.getValue(ApiFields.TYPE) instanceof String t ? t.trim().toLowerCase(Locale.ROOT) : "";
    String problem = ApiFields.TYPES.contains(type) ? problem(type, message)
        : "batch[" + index + "] has no known type (identify, track, page, screen, group or alias)";
    if (problem != null) {
      return Messages.invalid(hubId, RejectReason.INVALID_SEGMENT_MESSAGE, problem, message.encode(), receivedAt);
    }
    SegmentHit hit = Messages.hit(hubId, type, Messages.withShared(message, batch), batch.getValue(ApiFields.SENT_AT),
        receivedAt);
    if (tooLarge(hit)) {
      return Messages.invalid(hubId, RejectReason.SEGMENT_MESSAGE_TOO_LARGE, "batch[" + index + "] is over "
          + limits.maxMessageBytes() + " bytes", hit.message(), receivedAt);
    }
    return hit;
  }

  /** What the edge refuses in any message: a {@code messageId} that is not a string of at most 100 characters. */
  private static String problem(String type, JsonObject message) {
    Object id = message.getValue(ApiFields.MESSAGE_ID);
    if (id != null && !(id instanceof String)) {
      return "messageId must be a string";
    }
    if (id instanceof String s && s.length() > ApiFields.MAX_MESSAGE_ID) {
      return "messageId is over " + ApiFields.MAX_MESSAGE_ID + " characters";
    }
    return null;
  }

  private boolean tooLarge(SegmentHit hit) {
    // a character is at least a byte: only a long text needs counting
    return hit.message().length() > limits.maxMessageBytes() / 4
        && hit.message().getBytes(StandardCharsets.UTF_8).length > limits.maxMessageBytes();
  }

  /** The portal of the write key: HTTP Basic's user name, else the body's {@code writeKey}. */
  private long portal(String authorization, JsonObject body) {
    Optional<String> key = basicUser(authorization)
        .or(() -> Optional.ofNullable(body.getValue(ApiFields.WRITE_KEY) instanceof String s ? s : null))
        .filter(k -> !k.isBlank());
    if (key.isEmpty()) {
      throw new AuthenticationException("A write key is required: HTTP Basic with the key as user name, "
          + "or writeKey in the body");
    }
    return keys.hubOf(key.get().trim()).orElseThrow(() -> new AuthenticationException("Unknown write key"));
  }

  private static Optional<String> basicUser(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return Optional.of(colon < 0 ? pair : pair.substring(0, colon));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
