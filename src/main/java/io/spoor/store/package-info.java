/**
 * Database access shared by every feature: connection pools, the SQL dialects (SQLite,
 * PostgreSQL), numbered migrations and the transaction boundary. Feature packages own
 * their SQL; this package owns only what differs between databases and how a transaction is
 * opened. It must not know any feature's tables.
 */
package io.spoor.store;
