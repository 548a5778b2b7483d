package io.spoor.transfer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CSV as RFC 4180 writes it: cells with a comma, a quote or a line break are quoted (quotes
 * doubled), lines end with CRLF. A cell starting with {@code = + - @}, a tab or a carriage return
 * is prefixed with {@code '} so a spreadsheet shows it as text instead of running it as a
 * formula (OWASP, "CSV Injection").
 */
final class Csv {
  private Csv() {
  }

  /** One cell, escaped. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + value : value;
    boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
        || safe.indexOf('\r') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  /** One line of cells, CRLF at its end. */
  static String line(List<String> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(values.get(i)));
    }
    return out.append("\r\n").toString();
  }

  /**
   * Reads records one at a time: quoted cells may hold commas, doubled quotes and line breaks;
   * lines end with LF or CRLF. A byte-order mark at the start is skipped.
   */
  static final class Records {
    private final Reader in;
    private int pushed = -2;
    private boolean started;

    Records(Reader in) {
      this.in = in;
    }

    /** The next record, or empty at the end; a blank line is a record of one empty cell. */
    Optional<List<String>> next() throws IOException {
      int c = read();
      if (!started) {
        started = true;
        if (c == '\uFEFF') {
          c = read();
        }
      }
      if (c == -1) {
        return Optional.empty();
      }
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      while (true) {
        if (quoted) {
          if (c == -1) {
            throw new MalformedCsvException("a quoted cell is not closed before the end of the file");
          }
          if (c == '"') {
            int after = read();
            if (after == '"') {
              cell.append('"');
            } else {
              quoted = false;
              c = after;
              continue;
            }
          } else {
            cell.append((char) c);
          }
        } else if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
          wasQuoted = false;
        } else if (c == '\n' || c == -1) {
          break;
        } else if (c == '\r') {
          int after = read();
          if (after != '\n') {
            unread(after);
          }
          break;
        } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else {
          cell.append((char) c);
        }
        c = read();
      }
      cells.add(cell.toString());
      return Optional.of(cells);
    }

    private int read() throws IOException {
      if (pushed != -2) {
        int c = pushed;
        pushed = -2;
        return c;
      }
      return in.read();
    }

    private void unread(int c) {
      pushed = c;
    }
  }

  /** A file that is not CSV as {@link Records} reads it. */
  static final class MalformedCsvException extends IOException {
    MalformedCsvException(String message) {
      super(message);
    }
  }
}
