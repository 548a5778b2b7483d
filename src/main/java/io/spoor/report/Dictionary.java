package io.spoor.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Distinct values of a column of the index of visits and their codes, 0 up. */
final class Dictionary {
  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> values = new ArrayList<>();

  int code(String value) {
    Integer code = codes.get(value);
    if (code == null) {
      code = values.size();
      codes.put(value, code);
      values.add(value);
    }
    return code;
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
