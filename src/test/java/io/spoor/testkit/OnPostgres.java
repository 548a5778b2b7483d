package io.spoor.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class that takes its store from {@link TempStore} on a fresh PostgreSQL database
 * instead of a SQLite file: a contract test's PostgreSQL subclass is the SQLite one with this.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OnPostgres {
}
