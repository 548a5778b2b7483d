package io.spoor.ingest;

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

  private HitCodec() {
  }

  public static byte[] encode(Hit hit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (hit instanceof EventApiHit h) {
        out.writeByte(EVENT_API_V1);
        writeEventApiHit(out, h);
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
        return readEventApiHit(in);
      }
      throw new IllegalArgumentException("unknown hit record type " + tag);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated hit record", e);
    }
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
    for (EventApiHit.Param p : h.properties()) {
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
    List<EventApiHit.Param> properties = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      properties.add(new EventApiHit.Param(readString(in), readString(in)));
    }
    List<String> malformed = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      malformed.add(readString(in));
    }
    return new EventApiHit(id, hubId, receivedAt, eventRef, email, revenue, externalId, properties,
        malformed, readString(in));
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
