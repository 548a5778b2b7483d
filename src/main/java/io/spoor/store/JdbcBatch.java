package io.spoor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * A statement executed for many rows at once, with positional values: the bulk writes of the
 * ingest path, where binding by name for every row costs more than the insert. An
 * {@code INSERT … VALUES (?, …)} (with or without an {@code ON CONFLICT} clause) runs
 * {@value #ROWS_PER_INSERT} rows per statement, so the database starts one statement per group
 * of rows instead of one per row; other statements run once per row in a JDBC batch.
 */
public final class JdbcBatch {
  static final int ROWS_PER_INSERT = 200;
  private static final Pattern COLUMNS = Pattern.compile("^INSERT\\s+INTO\\s+\\w+\\s*\\(([^)]*)\\)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CONFLICT_UPDATE = Pattern.compile("ON\\s+CONFLICT\\s*\\(([^)]*)\\)\\s*DO\\s+UPDATE",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ONE_ROW = Pattern.compile("^(INSERT\\s.*?\\sVALUES\\s*)(\\([?,\\s]+\\))(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final Connection connection;
  private final StoredText text;
  private final String sql;
  private final List<Object[]> rows = new ArrayList<>();

  public JdbcBatch(Handle handle, String sql) {
    this.connection = handle.getConnection();
    this.text = handle.getConfig(StoredText.class);
    this.sql = sql;
  }

  /** Adds one row; values in the order of the statement's {@code ?}s ({@code null} for NULL). */
  public JdbcBatch add(Object... values) {
    rows.add(values);
    return this;
  }

  /** How many rows were added. */
  public int size() {
    return rows.size();
  }

  /** Runs every row added. */
  public void execute() {
    if (rows.isEmpty()) {
      return;
    }
    try {
      Matcher insert = ONE_ROW.matcher(sql);
      if (insert.matches()) {
        insertInGroups(insert.group(1), insert.group(2), insert.group(3));
      } else {
        oneByOne();
      }
    } catch (SQLException e) {
      throw new StoreException("batch statement failed", e);
    }
  }

  private void insertInGroups(String head, String row, String tail) throws SQLException {
    Map<Integer, PreparedStatement> bySize = new HashMap<>();
    try {
      for (List<Object[]> group : groups(head, tail)) {
        PreparedStatement statement = bySize.get(group.size());
        if (statement == null) {
          statement = connection.prepareStatement(head + repeat(row, group.size()) + tail);
          bySize.put(group.size(), statement);
        }
        bind(statement, group);
        statement.executeUpdate();
      }
    } finally {
      for (PreparedStatement statement : bySize.values()) {
        statement.close();
      }
    }
  }

  /**
   * The rows in order, {@value #ROWS_PER_INSERT} at most a group. An upsert's group never holds
   * one key twice (PostgreSQL refuses to update a row twice in one statement; SQLite would apply
   * the two in order), so a repeated key starts a new group and the later row still wins.
   */
  private List<List<Object[]>> groups(String head, String tail) {
    int[] key = upsertKey(head, tail);
    List<List<Object[]>> groups = new ArrayList<>();
    List<Object[]> group = new ArrayList<>();
    Set<List<Object>> keys = new HashSet<>();
    for (Object[] values : rows) {
      List<Object> k = key.length == 0 ? List.of() : keyOf(values, key);
      if (group.size() == ROWS_PER_INSERT || (key.length > 0 && !keys.add(k))) {
        groups.add(group);
        group = new ArrayList<>();
        keys.clear();
        keys.add(k);
      }
      group.add(values);
    }
    groups.add(group);
    return groups;
  }

  /** The positions, among the inserted columns, of an {@code ON CONFLICT (…) DO UPDATE}'s key; none otherwise. */
  private static int[] upsertKey(String head, String tail) {
    Matcher columns = COLUMNS.matcher(head);
    Matcher conflict = CONFLICT_UPDATE.matcher(tail);
    if (!columns.find() || !conflict.find()) {
      return new int[0];
    }
    List<String> inserted = names(columns.group(1));
    return names(conflict.group(1)).stream().mapToInt(inserted::indexOf).toArray();
  }

  private static List<String> names(String list) {
    return Arrays.stream(list.split(",")).map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
  }

  private static List<Object> keyOf(Object[] values, int[] key) {
    List<Object> k = new ArrayList<>(key.length);
    for (int position : key) {
      k.add(position < 0 ? null : values[position]);
    }
    return k;
  }

  private void bind(PreparedStatement statement, List<Object[]> group) throws SQLException {
    int index = 1;
    for (Object[] values : group) {
      for (Object value : values) {
        statement.setObject(index++, stored(value));
      }
    }
  }

  private void oneByOne() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] values : rows) {
        for (int i = 0; i < values.length; i++) {
          statement.setObject(i + 1, stored(values[i]));
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private Object stored(Object value) {
    return value instanceof String s ? text.storable(s) : value;
  }

  private static String repeat(String row, int times) {
    StringBuilder all = new StringBuilder(row.length() * times + times);
    for (int i = 0; i < times; i++) {
      all.append(i == 0 ? "" : ", ").append(row);
    }
    return all.toString();
  }
}
