package io.spoor.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Distinct values of a column of the index of visits and their codes, 0 up. A value is looked up
 * by its String or by its UTF-8 bytes (as SQLite hands them), so reading a row need not build a
 * String for a value seen before. Not thread-safe: each reader of a day codes with its own.
 */
final class Dictionary {
  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> values = new ArrayList<>();
  private byte[][] utf8 = new byte[16][];
  /** Code + 1 by the hash of the value's bytes (open addressing); 0: free. */
  private int[] slots = new int[32];

  int code(String value) {
    Integer code = codes.get(value);
    return code != null ? code : add(value, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The code of the value whose UTF-8 bytes are {@code text[from..to)}. */
  int code(byte[] text, int from, int to) {
    int hash = hash(text, from, to);
    int mask = slots.length - 1;
    for (int i = spread(hash) & mask; slots[i] != 0; i = (i + 1) & mask) {
      int code = slots[i] - 1;
      if (Arrays.equals(utf8[code], 0, utf8[code].length, text, from, to)) {
        return code;
      }
    }
    byte[] key = Arrays.copyOfRange(text, from, to);
    String value = new String(key, StandardCharsets.UTF_8);
    Integer code = codes.get(value); // bytes that are not UTF-8 decode to a value known by other bytes
    return code != null ? code : add(value, key);
  }

  private static int hash(byte[] bytes, int from, int to) {
    int hash = 1;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + bytes[i];
    }
    return hash;
  }

  private int add(String value, byte[] bytes) {
    int code = values.size();
    codes.put(value, code);
    values.add(value);
    if (code == utf8.length) {
      utf8 = Arrays.copyOf(utf8, code * 2);
    }
    utf8[code] = bytes;
    if ((code + 1) * 2 > slots.length) {
      slots = new int[slots.length * 2];
      for (int c = 0; c <= code; c++) {
        place(c, hash(utf8[c], 0, utf8[c].length));
      }
    } else {
      place(code, hash(bytes, 0, bytes.length));
    }
    return code;
  }

  private void place(int code, int hash) {
    int mask = slots.length - 1;
    int i = spread(hash) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = code + 1;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  /** The value's code, or -1 when no visit held has had it. */
  int find(String value) {
    return codes.getOrDefault(value, -1);
  }

  String value(int code) {
    return values.get(code);
  }

  int size() {
    return values.size();
  }
}
