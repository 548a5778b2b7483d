package io.spoor.testkit;

import io.spoor.store.Database;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/** The texts of the statements some store work runs, as Jdbi hands them to the database. */
public final class StatementTexts {
  private StatementTexts() {
  }

  /** The distinct texts {@code lookup} runs for batches of these sizes of distinct keys ({@code key-0}, {@code key-1}, …). */
  public static Set<String> ofBatches(Database db, Consumer<List<String>> lookup, int... sizes) {
    return of(db, () -> {
      for (int size : sizes) {
        lookup.accept(IntStream.range(0, size).mapToObj(i -> "key-" + i).toList());
      }
    });
  }

  /** Runs {@code work} in one read transaction of {@code db}: the distinct texts it ran, first run first. */
  public static Set<String> of(Database db, Runnable work) {
    Set<String> texts = new LinkedHashSet<>();
    db.read(() -> {
      SqlStatements statements = db.handle().getConfig(SqlStatements.class);
      SqlLogger before = statements.getSqlLogger();
      statements.setSqlLogger(new SqlLogger() {
        @Override
        public void logBeforeExecution(StatementContext context) {
          texts.add(context.getRenderedSql());
        }
      });
      try {
        work.run();
      } finally {
        statements.setSqlLogger(before);
      }
      return null;
    });
    return texts;
  }
}
