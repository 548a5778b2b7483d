package io.spoor.ingest;

import io.spoor.http.Param;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hits as bytes for a durable log (the local log file now, Kafka later). Each record starts
 * with a type tag and a format version, so a log written by one version is read by the next.
 */
public final class HitCodec {
  private static final byte EVENT_API_V1 = 1;
  private static final byte BEACON_V1 = 2;
  private static final byte SENT_EVENT_V1 = 3;
  private static final byte SEGMENT_V1 = 4;
  /** A beacon with its user agent (9: clear of the numbers other new hit kinds may take). */
  private static final byte BEACON_V2 = 9;

  private HitCodec() {
  }

  public static byte[] encode(Hit hit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (hit instanceof EventApiHit h) {
        out.writeByte(EVENT_API_V1);
        writeEventApiHit(out, h);
      } else if (hit instanceof BeaconHit h) {
        out.writeByte(BEACON_V2);
        writeBeaconHit(out, h);
      } else if (hit instanceof SentEventHit h) {
        out.writeByte(SENT_EVENT_V1);
        writeSentEventHit(out, h);
      } else if (hit instanceof SegmentHit h) {
        out.writeByte(SEGMENT_V1);
        writeSegmentHit(out, h);
      } else {
        throw new IllegalArgumentException("no encoding for " + hit.getClass().getSimpleName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Decodes a record; throws {@link IllegalArgumentException} for bytes no version wrote. */
  public static Hit decode(byte[] record) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
      byte tag = in.readByte();
      if (tag == EVENT_API_V1) {
        return whole(in, readEventApiHit(in));
      }
      if (tag == SENT_EVENT_V1) {
        return whole(in, readSentEventHit(in));
      }
      if (tag == BEACON_V1) {
        return whole(in, readBeaconHit(in, false));
      }
      if (tag == BEACON_V2) {
        return whole(in, readBeaconHit(in, true));
      }
      if (tag == SEGMENT_V1) {
        return whole(in, readSegmentHit(in));
      }
      throw new IllegalArgumentException("unknown hit record type " + tag);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated hit record", e);
    }
  }

  /** A record holds one hit and nothing after it. */
  private static Hit whole(DataInputStream in, Hit hit) throws IOException {
    if (in.available() > 0) {
      throw new IllegalArgumentException(in.available() + " bytes after the end of a hit record");
    }
    return hit;
  }

  private static void writeEventApiHit(DataOutputStream out, EventApiHit h) throws IOException {
    writeString(out, h.id());
    out.writeLong(h.hubId());
    out.writeLong(h.receivedAt());
    writeString(out, h.eventRef());
    writeOptional(out, h.email());
    writeOptional(out, h.revenue());
    writeOptional(out, h.externalId());
    out.writeInt(h.properties().size());
    for (Param p : h.properties()) {
      writeString(out, p.name());
      writeString(out, p.value());
    }
    out.writeInt(h.malformed().size());
    for (String name : h.malformed()) {
      writeString(out, name);
    }
    writeString(out, h.rawParams());
  }

  private static EventApiHit readEventApiHit(DataInputStream in) throws IOException {
    String id = readString(in);
    long hubId = in.readLong();
    long receivedAt = in.readLong();
    String eventRef = readString(in);
    Optional<String> email = readOptional(in);
    Optional<String> revenue = readOptional(in);
    Optional<String> externalId = readOptional(in);
    List<Param> properties = new ArrayList<>();
    for (int i = readCount(in); i > 0; i--) {
      properties.add(new Param(readString(in), readString(in)));
    }
    List<String> malformed = new ArrayList<>();
    for (int i = readCount(in); i > 0; i--) {
      malformed.add(readString(in));
    }
    return new EventApiHit(id, hubId, receivedAt, eventRef, email, revenue, externalId, properties,
        malformed, readString(in));
  }

  private static void writeBeaconHit(DataOutputStream out, BeaconHit h) throws IOException {
    writeString(out, h.id());
    out.writeLong(h.hubId());
    out.writeLong(h.receivedAt());
    out.writeByte(h.beacon().code());
    writeParams(out, h.params());
    out.writeBoolean(h.bot());
    out.writeBoolean(h.privacySignal());
    writeString(out, h.rawParams());
    writeString(out, h.userAgent());
  }

  private static BeaconHit readBeaconHit(DataInputStream in, boolean withUserAgent) throws IOException {
    String id = readString(in);
    long hubId = in.readLong();
    long receivedAt = in.readLong();
    int code = in.readByte();
    BeaconHit.Kind kind = BeaconHit.Kind.ofCode(code).orElseThrow(() -> new IOException("unknown beacon kind " + code));
    List<Param> params = readParams(in);
    boolean bot = in.readBoolean();
    boolean privacySignal = in.readBoolean();
    String rawParams = readString(in);
    return new BeaconHit(id, hubId, receivedAt, kind, params, bot, privacySignal, rawParams,
        withUserAgent ? readString(in) : "");
  }

  private static void writeSentEventHit(DataOutputStream out, SentEventHit h) throws IOException {
    writeString(out, h.id());
    out.writeLong(h.hubId());
    out.writeLong(h.receivedAt());
    writeString(out, h.eventName());
    writeOptional(out, h.utk());
    writeOptional(out, h.email());
    out.writeBoolean(h.objectId().isPresent());
    out.writeLong(h.objectId().orElse(0L));
    out.writeLong(h.occurredAt());
    List<Param> properties = new ArrayList<>();
    h.properties().forEach((k, v) -> properties.add(new Param(k, v)));
    writeParams(out, properties);
    writeString(out, h.rawParams());
  }

  private static SentEventHit readSentEventHit(DataInputStream in) throws IOException {
    String id = readString(in);
    long hubId = in.readLong();
    long receivedAt = in.readLong();
    String name = readString(in);
    Optional<String> utk = readOptional(in);
    Optional<String> email = readOptional(in);
    boolean hasObject = in.readBoolean();
    long objectId = in.readLong();
    long occurredAt = in.readLong();
    java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
    readParams(in).forEach(p -> properties.put(p.name(), p.value()));
    return new SentEventHit(id, hubId, receivedAt, name, utk, email,
        hasObject ? Optional.of(objectId) : Optional.empty(), occurredAt, properties, readString(in));
  }

  private static void writeSegmentHit(DataOutputStream out, SegmentHit h) throws IOException {
    writeString(out, h.id());
    out.writeLong(h.hubId());
    out.writeLong(h.receivedAt());
    writeString(out, h.type());
    writeString(out, h.message());
    out.writeLong(h.timestamp());
    writeString(out, h.rawParams());
  }

  private static SegmentHit readSegmentHit(DataInputStream in) throws IOException {
    return new SegmentHit(readString(in), in.readLong(), in.readLong(), readString(in), readString(in), in.readLong(),
        readString(in));
  }

  private static void writeParams(DataOutputStream out, List<Param> params) throws IOException {
    out.writeInt(params.size());
    for (Param p : params) {
      writeString(out, p.name());
      writeString(out, p.value());
    }
  }

  private static List<Param> readParams(DataInputStream in) throws IOException {
    List<Param> params = new ArrayList<>();
    for (int i = readCount(in); i > 0; i--) {
      params.add(new Param(readString(in), readString(in)));
    }
    return params;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("string length " + length + " runs past the record");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static int readCount(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("negative list length " + count);
    }
    return count;
  }

  private static void writeOptional(DataOutputStream out, Optional<String> value) throws IOException {
    out.writeBoolean(value.isPresent());
    if (value.isPresent()) {
      writeString(out, value.get());
    }
  }

  private static Optional<String> readOptional(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
  }
}
