package io.spoor.transfer;

import io.spoor.SpoorException;
import io.spoor.crm.ContactProperties;
import io.spoor.crm.object.BatchResult;
import io.spoor.crm.object.ContactWrites;
import io.spoor.crm.object.InputError;
import io.spoor.crm.object.ObjectInput;
import io.spoor.crm.object.ObjectWrites;
import io.spoor.crm.object.Written;
import io.spoor.crm.Contact;
import io.spoor.store.Transactor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one import: reads the file row by row and writes contacts through the CRM's contact writes
 * in batches — a row with an email is an upsert by email (the contact with that email is updated,
 * else created), a row without one creates a contact — so every property type and the unique
 * email hold as they do for the API. A blank cell leaves its property alone. Each refused row
 * becomes a problem naming the column at fault.
 */
final class ContactImport {
  private static final String NOT_VALID = "Property values were not valid: ";
  private static final int PROGRESS_EVERY_BATCHES = 5;

  private final Transactor tx;
  private final ImportStore store;
  private final ContactWrites writes;
  private final int problemsKept;

  private final long id;
  private final long hubId;
  private final ImportPlan plan;
  private final Map<String, String> columnOf;
  private final List<Row> batch = new ArrayList<>();
  private final Set<String> batchEmails = new HashSet<>();
  private final List<ImportStatus.Problem> pending = new ArrayList<>();
  private long done;
  private long created;
  private long updated;
  private long failed;
  private long kept;
  private long more;
  private int batches;

  ContactImport(Transactor tx, ImportStore store, ContactWrites writes, int problemsKept, long id, long hubId,
      ImportPlan plan) {
    this.tx = tx;
    this.store = store;
    this.writes = writes;
    this.problemsKept = problemsKept;
    this.id = id;
    this.hubId = hubId;
    this.plan = plan;
    this.columnOf = plan.columnOf();
  }

  private record Row(long number, Map<String, String> properties) {
    Optional<String> email() {
      return Optional.ofNullable(properties.get(ContactProperties.EMAIL));
    }
  }

  /** Imports every row; stops between batches when the thread is interrupted (returns false then). */
  boolean run(Path file) throws IOException {
    tx.inTransaction(() -> store.progress(id, ImportStatus.State.RUNNING, counts(), List.of()));
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Csv.Records records = new Csv.Records(in);
      records.next();
      long number = 1;
      Optional<List<String>> record;
      while ((record = records.next()).isPresent()) {
        number++;
        take(number, record.get());
        if (Thread.currentThread().isInterrupted()) {
          flush();
          progress();
          return false;
        }
      }
    }
    flush();
    progress();
    return true;
  }

  private void take(long number, List<String> cells) {
    if (cells.size() != plan.header().size()) {
      problem(number, "", "the row has " + cells.size() + " cells; the header has " + plan.header().size());
      done++;
      return;
    }
    Map<String, String> properties = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String property = plan.mapping().get(plan.header().get(i));
      String value = cells.get(i).strip();
      if (property != null && !value.isEmpty()) {
        properties.put(property, value);
      }
    }
    if (properties.isEmpty()) {
      problem(number, "", "no mapped column has a value");
      done++;
      return;
    }
    Row row = new Row(number, properties);
    String email = row.email().map(e -> e.toLowerCase(java.util.Locale.ROOT)).orElse(null);
    if (email != null && batchEmails.contains(email)) {
      flush();
    }
    if (email != null) {
      batchEmails.add(email);
    }
    batch.add(row);
    if (batch.size() >= ObjectWrites.MAX_BATCH) {
      flush();
    }
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    upsert(batch.stream().filter(r -> r.email().isPresent()).toList());
    batch.stream().filter(r -> r.email().isEmpty()).forEach(this::create);
    done += batch.size();
    batch.clear();
    batchEmails.clear();
    if (++batches % PROGRESS_EVERY_BATCHES == 0) {
      progress();
    }
  }

  /** Keeps the counts so far and the problems noted since the last call. */
  private void progress() {
    List<ImportStatus.Problem> step = List.copyOf(pending);
    pending.clear();
    tx.inTransaction(() -> store.progress(id, ImportStatus.State.RUNNING, counts(), step));
  }

  /** Upserts the rows in one call; if the call refuses them all, row by row to find the bad ones. */
  private void upsert(List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<ObjectInput> inputs = rows.stream().map(r -> new ObjectInput(r.email(),
        Optional.of(ContactProperties.EMAIL), r.properties(), Optional.of(Long.toString(r.number())),
        List.of())).toList();
    try {
      record(writes.upsertAll(hubId, inputs));
    } catch (SpoorException e) {
      if (rows.size() == 1) {
        refused(rows.get(0).number(), e.getMessage());
      } else {
        rows.forEach(r -> upsert(List.of(r)));
      }
    }
  }

  private void record(BatchResult<Written<Contact>> result) {
    for (Written<Contact> written : result.results()) {
      if (written.created()) {
        created++;
      } else {
        updated++;
      }
    }
    for (InputError error : result.errors()) {
      refused(error.traceId().map(Long::parseLong).orElse(0L), error.message());
    }
  }

  private void create(Row row) {
    try {
      writes.create(hubId, ObjectInput.create(row.properties(), List.of()));
      created++;
    } catch (SpoorException e) {
      refused(row.number(), e.getMessage());
    }
  }

  /** A row the writes refused: one problem per property they named, else one for the row. */
  private void refused(long number, String message) {
    failed++;
    if (message.startsWith(NOT_VALID)) {
      try {
        JsonArray listed = new JsonArray(message.substring(NOT_VALID.length()));
        for (Object item : listed) {
          JsonObject p = (JsonObject) item;
          String property = p.getString("name", "");
          note(new ImportStatus.Problem(number, columnOf.getOrDefault(property, property), p.getString("message")));
        }
        return;
      } catch (DecodeException | ClassCastException e) {
        // the message is kept whole below
      }
    }
    String column = message.contains(" is invalid") && message.startsWith("Email")
        ? columnOf.getOrDefault(ContactProperties.EMAIL, "") : "";
    note(new ImportStatus.Problem(number, column, message));
  }

  /** A row problem that is not a write refusal (counted as a failed row). */
  private void problem(long number, String column, String reason) {
    failed++;
    note(new ImportStatus.Problem(number, column, reason));
  }

  private void note(ImportStatus.Problem problem) {
    if (kept < problemsKept) {
      kept++;
      pending.add(problem);
    } else {
      more++;
    }
  }

  private ImportStore.Counts counts() {
    return new ImportStore.Counts(done, created, updated, failed, more);
  }
}
