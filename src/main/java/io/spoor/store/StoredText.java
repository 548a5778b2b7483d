package io.spoor.store;

import java.sql.Types;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * How a text value is written, per database: PostgreSQL's text cannot hold the character
 * U+0000, which SQLite's can, so on PostgreSQL it is written as U+FFFD (the replacement
 * character) instead of the statement failing. Applied to every {@code String} bound by name and
 * to every value of a {@link JdbcBatch}.
 */
public final class StoredText implements JdbiConfig<StoredText> {
  private UnaryOperator<String> rule = UnaryOperator.identity();

  public StoredText() {
  }

  private StoredText(StoredText other) {
    this.rule = other.rule;
  }

  /** What the database keeps of {@code text}. */
  String storable(String text) {
    return rule.apply(text);
  }

  void use(UnaryOperator<String> rule) {
    this.rule = rule;
  }

  /** Binds strings by the rule of the handle's configuration. */
  static final class Arguments extends AbstractArgumentFactory<String> {
    Arguments() {
      super(Types.VARCHAR);
    }

    @Override
    protected Argument build(String value, ConfigRegistry config) {
      String stored = config.get(StoredText.class).storable(value);
      return (position, statement, context) -> statement.setString(position, stored);
    }
  }

  @Override
  public StoredText createCopy() {
    return new StoredText(this);
  }
}
