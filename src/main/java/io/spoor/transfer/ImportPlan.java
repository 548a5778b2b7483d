package io.spoor.transfer;

import io.spoor.InvalidInputException;
import io.spoor.TooLargeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an uploaded file will import, checked before it is queued: its header, which column sets
 * which property ({@code mapping}: header to property name, {@code ""} to skip a column; without
 * one, a header names its property, spaces dropped and lowercased, so {@code First Name} sets
 * {@code firstname}), and how many data rows it has.
 */
record ImportPlan(List<String> header, Map<String, String> mapping, long rows) {
  ImportPlan {
    header = List.copyOf(header);
    mapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
  }

  /** Reads the whole file once (blocking); a bad file or mapping is refused with every reason. */
  static ImportPlan read(Path file, Optional<Map<String, String>> given, int maxRows) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Csv.Records records = new Csv.Records(in);
      List<String> header = records.next().filter(h -> !(h.size() == 1 && h.get(0).isBlank()))
          .orElseThrow(() -> new InvalidInputException("The file is empty: its first row names the columns"));
      Map<String, String> mapping = mapping(header, given);
      long rows = 0;
      while (records.next().isPresent()) {
        rows++;
        if (rows > maxRows) {
          throw new TooLargeException("The file has more than " + maxRows + " rows; an import takes at most "
              + maxRows + " (--import-max-rows)");
        }
      }
      return new ImportPlan(header, mapping, rows);
    } catch (Csv.MalformedCsvException e) {
      throw new InvalidInputException("The file is not CSV: " + e.getMessage());
    } catch (java.nio.charset.MalformedInputException e) {
      throw new InvalidInputException("The file is not UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> mapping(List<String> header, Optional<Map<String, String>> given) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    header.stream().filter(h -> !seen.add(h)).distinct()
        .forEach(h -> problems.add("the header names column \"" + h + "\" twice"));
    Map<String, String> mapping = new LinkedHashMap<>();
    if (given.isPresent()) {
      given.get().forEach((column, property) -> {
        if (!header.contains(column)) {
          problems.add("the mapping names column \"" + column + "\", which the header does not have");
        } else if (!property.isEmpty()) {
          mapping.put(column, property);
        }
      });
    } else {
      header.forEach(h -> {
        String name = h.replace(" ", "").toLowerCase(Locale.ROOT);
        if (name.matches("[a-z0-9_]{1,100}")) {
          mapping.put(h, name);
        }
      });
    }
    Set<String> properties = new HashSet<>();
    mapping.values().stream().filter(p -> !properties.add(p)).distinct()
        .forEach(p -> problems.add("two columns map to property \"" + p + "\""));
    if (mapping.isEmpty()) {
      problems.add("no column maps to a property");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The file cannot be imported: " + String.join("; ", problems));
    }
    return mapping;
  }

  /** The column each mapped property comes from. */
  Map<String, String> columnOf() {
    Map<String, String> columns = new LinkedHashMap<>();
    mapping.forEach((column, property) -> columns.put(property, column));
    return columns;
  }
}
