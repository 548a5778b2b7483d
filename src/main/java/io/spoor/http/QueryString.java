package io.spoor.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A strict query-string decoder: {@code +} is a space, {@code %XX} a byte, and the bytes must
 * be UTF-8. A pair that breaks these rules is not guessed at: its raw name is reported as
 * malformed and the other pairs are kept.
 */
public record QueryString(List<Param> params, List<String> malformed) {

  public static QueryString parse(String raw) {
    List<Param> params = new ArrayList<>();
    List<String> malformed = new ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      return new QueryString(params, malformed);
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      Optional<String> name = decode(rawName);
      Optional<String> value = decode(eq < 0 ? "" : pair.substring(eq + 1));
      if (name.isPresent() && value.isPresent()) {
        params.add(new Param(name.get(), value.get()));
      } else {
        malformed.add(name.orElse(rawName));
      }
    }
    return new QueryString(params, malformed);
  }

  /** The first value of a parameter. */
  public Optional<String> first(String name) {
    for (Param p : params) {
      if (p.name().equals(name)) {
        return Optional.of(p.value());
      }
    }
    return Optional.empty();
  }

  public boolean isMalformed(String name) {
    return malformed.contains(name);
  }

  public static Optional<String> decode(String s) {
    if (isPlainAscii(s)) {
      return Optional.of(s);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
          return Optional.empty();
        }
        bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else if (c < 0x100) {
        // the HTTP server hands over request-line bytes as ISO-8859-1 characters
        bytes.write(c);
      } else {
        int codePoint = s.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(codePoint) - 1;
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Nothing to decode: ASCII only, no escapes, no {@code +}; most names and many values. */
  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c == '%' || c == '+') {
        return false;
      }
    }
    return true;
  }

  private static int hex(char c) {
    return c < 0x80 ? Character.digit(c, 16) : -1;
  }
}
