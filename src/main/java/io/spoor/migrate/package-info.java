/**
 * {@code spoor migrate --from <data dir> --to <jdbc url>}: copies an embedded (SQLite) store into
 * a PostgreSQL database, every table by its columns' names, with a progress report and a final
 * count check. Generic over the schema: it knows no feature's tables, only the databases'
 * catalogues; the schema on both sides comes from {@code store}'s migrations. Reads the ingest
 * log only to refuse a directory whose hits are not all applied.
 */
package io.spoor.migrate;
