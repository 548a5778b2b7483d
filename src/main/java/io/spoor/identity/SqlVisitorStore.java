package io.spoor.identity;

import io.spoor.store.Database;
import io.spoor.store.InList;
import io.spoor.store.JdbcBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** {@link VisitorStore} in portable SQL. */
public final class SqlVisitorStore implements VisitorStore {
  private static final String VISITOR_COLUMNS = "portal_id, utk, contact_id, first_seen, last_seen, "
      + "num_page_views, num_visits, last_session_start, first_url, first_referrer, last_url, source, "
      + "source_data_1, source_data_2, consent, session_assumed";
  /** A batch's visitors are read this many at a time, with one statement text. */
  private static final InList UTKS = new InList("utk", 64);
  private static final String FIND = "SELECT " + VISITOR_COLUMNS + " FROM visitor WHERE portal_id = :portal "
      + "AND utk IN (" + UTKS.sql() + ") ORDER BY utk";
  private final Database db;

  public SqlVisitorStore(Database db) {
    this.db = db;
  }

  @Override
  public Map<String, Visitor> find(long portalId, Collection<String> utks) {
    Map<String, Visitor> found = new HashMap<>();
    // in a write, the rows are locked (in utk order, chunk after chunk) until it commits: their counts are written back
    for (List<String> chunk : UTKS.chunks(new TreeSet<>(utks))) {
      UTKS.bind(db.handle().createQuery(FIND + db.rowLock()), chunk).bind("portal", portalId)
          .map((rs, ctx) -> visitor(rs)).forEach(v -> found.put(v.utk(), v));
    }
    return found;
  }

  @Override
  public void save(Collection<Visitor> visitors) {
    JdbcBatch batch = new JdbcBatch(db.handle(), "INSERT INTO visitor (" + VISITOR_COLUMNS + ") "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (portal_id, utk) DO UPDATE SET "
        + "contact_id = excluded.contact_id, first_seen = excluded.first_seen, last_seen = excluded.last_seen, "
        + "num_page_views = excluded.num_page_views, num_visits = excluded.num_visits, "
        + "last_session_start = excluded.last_session_start, last_url = excluded.last_url, "
        + "first_url = excluded.first_url, first_referrer = excluded.first_referrer, source = excluded.source, "
        + "source_data_1 = excluded.source_data_1, source_data_2 = excluded.source_data_2, "
        + "consent = excluded.consent, session_assumed = excluded.session_assumed");
    visitors.forEach(v -> batch.add(row(v)));
    batch.execute();
  }

  @Override
  public void add(Collection<Visitor> visitors) {
    JdbcBatch batch = new JdbcBatch(db.handle(), "INSERT INTO visitor (" + VISITOR_COLUMNS + ") "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    visitors.forEach(v -> batch.add(row(v)));
    batch.execute();
  }

  private static Object[] row(Visitor v) {
    return new Object[] {v.portalId(), v.utk(), v.contactId().orElse(null), v.firstSeen(), v.lastSeen(),
        v.numPageViews(), v.numVisits(), v.lastSessionStart(), v.firstUrl(), v.firstReferrer(),
        v.lastUrl(), v.source().type().name(), v.source().data1(), v.source().data2(), v.consent(),
        v.sessionAssumed()};
  }

  @Override
  public void insertPageViews(List<PageView> pageViews) {
    JdbcBatch batch = new JdbcBatch(db.handle(), "INSERT INTO page_view (portal_id, utk, contact_id, "
        + "hit_id, occurred_at, session_start, url, path, title, referrer, content_type, canonical_url, "
        + "page_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (PageView p : pageViews) {
      batch.add(p.portalId(), p.utk(), p.contactId().orElse(null), p.hitId(), p.at(), p.sessionStart(),
          p.url(), p.path(), p.title(), p.referrer(), p.contentType(), p.canonicalUrl(), p.pageId());
    }
    batch.execute();
  }

  @Override
  public void attributeAnonymousPageViews(long portalId, String utk, long contactId) {
    db.handle().createUpdate("UPDATE page_view SET contact_id = :contact "
            + "WHERE portal_id = :portal AND utk = :utk AND contact_id IS NULL")
        .bind("contact", contactId).bind("portal", portalId).bind("utk", utk).execute();
  }

  @Override
  public int visitorsOf(long contactId) {
    return db.handle().createQuery("SELECT COUNT(*) FROM visitor WHERE contact_id = :contact")
        .bind("contact", contactId).mapTo(Integer.class).one();
  }

  @Override
  public void reassign(long portalId, long fromContactId, long toContactId) {
    for (String table : List.of("visitor", "page_view")) {
      db.handle().createUpdate("UPDATE " + table + " SET contact_id = :to WHERE portal_id = :portal "
              + "AND contact_id = :from")
          .bind("to", toContactId).bind("portal", portalId).bind("from", fromContactId).execute();
    }
  }

  @Override
  public void forget(long portalId, long contactId) {
    List<String> utks = db.handle().createQuery("SELECT utk FROM visitor WHERE portal_id = :portal "
            + "AND contact_id = :contact UNION SELECT utk FROM page_view WHERE portal_id = :portal "
            + "AND contact_id = :contact")
        .bind("portal", portalId).bind("contact", contactId).mapTo(String.class).list();
    db.handle().createUpdate("DELETE FROM page_view WHERE portal_id = :portal AND contact_id = :contact")
        .bind("portal", portalId).bind("contact", contactId).execute();
    if (utks.isEmpty()) {
      return;
    }
    db.handle().createUpdate("DELETE FROM page_view WHERE portal_id = :portal AND contact_id IS NULL "
            + "AND utk IN (<utks>)")
        .bind("portal", portalId).bindList("utks", utks).execute();
    db.handle().createUpdate("UPDATE visitor SET contact_id = CASE WHEN contact_id = :contact THEN NULL "
            + "ELSE contact_id END, first_seen = 0, last_seen = 0, num_page_views = 0, num_visits = 0, "
            + "last_session_start = 0, session_assumed = FALSE, first_url = '', first_referrer = '', last_url = '', "
            + "source = :source, "
            + "source_data_1 = NULL, source_data_2 = NULL WHERE portal_id = :portal AND utk IN (<utks>)")
        .bind("contact", contactId).bind("source", SourceType.DIRECT_TRAFFIC.name()).bind("portal", portalId)
        .bindList("utks", utks).execute();
  }

  @Override
  public List<PageView> pageViewsOf(long portalId, long contactId, int limit, int offset) {
    return db.handle().createQuery("SELECT * FROM page_view WHERE contact_id = :contact "
            + "AND portal_id = :portal ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
        .bind("contact", contactId).bind("portal", portalId).bind("limit", limit).bind("offset", offset)
        .map((rs, ctx) -> new PageView(rs.getLong("portal_id"), rs.getString("utk"),
            Optional.of(contactId), rs.getString("hit_id"), rs.getLong("occurred_at"),
            rs.getLong("session_start"), rs.getString("url"), rs.getString("path"), rs.getString("title"),
            rs.getString("referrer"), rs.getString("content_type"), rs.getString("canonical_url"),
            rs.getString("page_id"), false, rs.getLong("occurred_at")))
        .list();
  }

  private static Visitor visitor(ResultSet rs) throws SQLException {
    long contact = rs.getLong("contact_id");
    Optional<Long> contactId = rs.wasNull() ? Optional.empty() : Optional.of(contact);
    Source source = new Source(SourceType.valueOf(rs.getString("source")), rs.getString("source_data_1"),
        rs.getString("source_data_2"));
    return new Visitor(rs.getLong("portal_id"), rs.getString("utk"), contactId, rs.getLong("first_seen"),
        rs.getLong("last_seen"), rs.getLong("num_page_views"), rs.getLong("num_visits"),
        rs.getLong("last_session_start"), rs.getString("first_url"), rs.getString("first_referrer"),
        rs.getString("last_url"), source, rs.getString("consent"), rs.getBoolean("session_assumed"));
  }
}
