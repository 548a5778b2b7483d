package io.spoor.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * An {@code IN (…)} list of a fixed number of named values, for a statement that reads rows by
 * the keys of a batch. Its text is the same whatever the number of keys, so Jdbi (and the
 * database) parse it once, not once per batch as a list bound with {@code bindList} (one text
 * per length) is. The keys go in chunks of the list's size; a short chunk repeats its last key,
 * which matches no more rows.
 */
public final class InList {
  private final String name;
  private final int size;
  private final String sql;

  /** A list of {@code size} values named {@code name0}, {@code name1}, …. */
  public InList(String name, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("an IN list holds at least one value, was " + size);
    }
    this.name = name;
    this.size = size;
    this.sql = IntStream.range(0, size).mapToObj(i -> ":" + name + i).collect(Collectors.joining(", "));
  }

  /** The list's text, to put between {@code IN (} and {@code )}. */
  public String sql() {
    return sql;
  }

  /** The keys, each once and in their order, in chunks of the list's size; the last one padded. */
  public <K> List<List<K>> chunks(Collection<K> keys) {
    List<K> all = List.copyOf(new LinkedHashSet<>(keys));
    List<List<K>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += size) {
      List<K> chunk = new ArrayList<>(all.subList(from, Math.min(all.size(), from + size)));
      K last = chunk.get(chunk.size() - 1);
      while (chunk.size() < size) {
        chunk.add(last);
      }
      chunks.add(chunk);
    }
    return chunks;
  }

  /** Binds one of the {@link #chunks} to the list's values in {@code statement}. */
  public <S extends SqlStatement<S>> S bind(S statement, List<?> chunk) {
    if (chunk.size() != size) {
      throw new IllegalArgumentException("a chunk of " + size + " keys was expected, got " + chunk.size());
    }
    for (int i = 0; i < size; i++) {
      statement.bind(name + i, chunk.get(i));
    }
    return statement;
  }
}
