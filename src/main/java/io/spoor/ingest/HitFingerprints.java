package io.spoor.ingest;

import io.spoor.http.Param;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a hit says, reduced to a fingerprint that binds a client's idempotency key to it: a hash
 * of its content without what changes between two deliveries of the same hit (its id, when it
 * was received, the order and encoding of its parameters, a behavioural event's {@code
 * occurredAt} left to default to the receive time). A retry has the fingerprint of the hit it
 * retries; the same key sent with anything else has another.
 */
public final class HitFingerprints {
  private static final HexFormat HEX = HexFormat.of();
  private static final int BYTES = 16;
  private static final Comparator<Param> BY_NAME_THEN_VALUE =
      Comparator.comparing(Param::name).thenComparing(Param::value);

  private HitFingerprints() {
  }

  /** 32 hex digits: 128 bits of SHA-256 over the hit's content. */
  public static String of(Hit hit) {
    Fields fields = new Fields();
    fields.add(hit.kind()).add(Long.toString(hit.hubId()));
    if (hit instanceof EventApiHit e) {
      fields.add(e.eventRef()).add(e.email()).add(e.revenue()).add(e.externalId()).add(sorted(e.properties()));
      fields.add(e.malformed().stream().sorted().toList());
    } else if (hit instanceof SentEventHit s) {
      fields.add(s.eventName()).add(s.utk()).add(s.email()).add(s.objectId().map(String::valueOf));
      fields.add(s.occurredAt() == s.receivedAt() ? "" : Long.toString(s.occurredAt()));
      fields.add(sorted(s.properties().entrySet().stream().map(p -> new Param(p.getKey(), p.getValue())).toList()));
    } else if (hit instanceof BeaconHit b) {
      fields.add(Integer.toString(b.beacon().code())).add(sorted(b.params()));
      fields.add(Boolean.toString(b.bot())).add(Boolean.toString(b.privacySignal()));
    } else if (hit instanceof SegmentHit s) {
      fields.add(s.type()).add(s.message());
    }
    return HEX.formatHex(fields.digest(), 0, BYTES);
  }

  /** The same hit under another id. */
  public static Hit withId(Hit hit, String id) {
    if (hit instanceof EventApiHit e) {
      return new EventApiHit(id, e.hubId(), e.receivedAt(), e.eventRef(), e.email(), e.revenue(), e.externalId(),
          e.properties(), e.malformed(), e.rawParams());
    }
    if (hit instanceof SentEventHit s) {
      return new SentEventHit(id, s.hubId(), s.receivedAt(), s.eventName(), s.utk(), s.email(), s.objectId(),
          s.occurredAt(), s.properties(), s.rawParams());
    }
    if (hit instanceof SegmentHit s) {
      return new SegmentHit(id, s.hubId(), s.receivedAt(), s.type(), s.message(), s.timestamp(), s.rawParams());
    }
    BeaconHit b = (BeaconHit) hit;
    return new BeaconHit(id, b.hubId(), b.receivedAt(), b.beacon(), b.params(), b.bot(), b.privacySignal(),
        b.rawParams(), b.userAgent());
  }

  private static List<String> sorted(List<Param> params) {
    List<String> out = new ArrayList<>();
    params.stream().sorted(BY_NAME_THEN_VALUE).forEach(p -> {
      out.add(p.name());
      out.add(p.value());
    });
    return out;
  }

  /** Fields written with their lengths, so no two different lists of fields read the same. */
  private static final class Fields {
    private final MessageDigest sha;

    Fields() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    Fields add(String field) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      sha.update(bytes);
      return this;
    }

    Fields add(Optional<String> field) {
      return field.isPresent() ? add("+").add(field.get()) : add("-");
    }

    Fields add(List<String> fields) {
      add(Integer.toString(fields.size()));
      fields.forEach(this::add);
      return this;
    }

    byte[] digest() {
      return sha.digest();
    }
  }
}
