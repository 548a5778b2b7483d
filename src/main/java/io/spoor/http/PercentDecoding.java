package io.spoor.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding that never fails, for text that is read rather than answered (a page URL's
 * query, raw parameters of rejected hits): {@code +} is a space, a valid escape (two ASCII hex
 * digits) its byte, and a broken escape stays as it is. Bytes that are not UTF-8 become the
 * replacement character. Requests themselves go through the strict {@link QueryString}.
 */
public final class PercentDecoding {
  private PercentDecoding() {
  }

  public static String lenient(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
        bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i = end - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }
}
