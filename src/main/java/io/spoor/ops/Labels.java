package io.spoor.ops;

import java.util.List;

/** Label values of one series, rendered as {@code {a="x",b="y"}}. */
record Labels(List<String> values) {
  static final Labels NONE = new Labels(List.of());

  static String render(String[] names, Labels labels, String extraName, String extraValue) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      out.append(out.length() == 0 ? "{" : ",").append(names[i]).append("=\"")
          .append(escape(labels.values.get(i))).append('"');
    }
    if (extraName != null) {
      out.append(out.length() == 0 ? "{" : ",").append(extraName).append("=\"").append(extraValue).append('"');
    }
    return out.length() == 0 ? "" : out.append('}').toString();
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
