package io.spoor.bench.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What each contact did, by id, as the seeder writes it, and the analytics columns of
 * {@code crm_object} the ingest keeps of it: completions, revenue, first and last activity, and for the busy
 * contacts their visits.
 */
final class Activity {
  private final int[] completions;
  private final long[] revenue;
  private final long[] first;
  private final long[] last;
  private final Visits visits;

  Activity(long contacts, Visits visits) {
    int size = Math.toIntExact(contacts + 1);
    completions = new int[size];
    revenue = new long[size];
    first = new long[size];
    last = new long[size];
    this.visits = visits;
  }

  void completed(long contact, long at, long valueMicros) {
    completions[(int) contact]++;
    revenue[(int) contact] += valueMicros;
    touch(contact, at);
  }

  void touch(long contact, long at) {
    int i = (int) contact;
    if (first[i] == 0 || at < first[i]) {
      first[i] = at;
    }
    last[i] = Math.max(last[i], at);
  }

  int completions(long contact) {
    return completions[(int) contact];
  }

  /** Each contact that did anything; the page-view columns only for contacts that visited. */
  void writeAnalytics(Connection db) throws SQLException {
    try (Batches batches = new Batches(db)) {
      PreparedStatement update = batches.prepare("UPDATE crm_object SET num_event_completions = ?, "
          + "revenue_micros = ?, first_timestamp = ?, last_timestamp = ?, num_page_views = ?, num_visits = ?, "
          + "first_url = ?, first_referrer = ?, last_url = ?, source = ?, first_visit_at = ? WHERE id = ?");
      for (int id = 1; id < first.length; id++) {
        if (first[id] == 0) {
          continue;
        }
        boolean visited = visits.isBusy(id);
        batches.add(update, completions[id], revenue[id], first[id], last[id], visited ? visits.pageViews() : 0,
            visited ? visits.visits() : 0, visited ? visits.firstUrl() : null, visited ? "" : null,
            visited ? visits.lastUrl() : null, visited ? Visits.SOURCE : null, visited ? visits.firstSeen() : null, id);
      }
    }
  }
}
