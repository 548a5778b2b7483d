package io.spoor.testkit;

import io.spoor.store.Database;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/** The texts of the statements some store work runs, as Jdbi hands them to the database. */
public final class StatementTexts {
  private StatementTexts() {
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
