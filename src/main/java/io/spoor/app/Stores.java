package io.spoor.app;

import io.spoor.crm.AssociationStore;
import io.spoor.crm.Company;
import io.spoor.crm.ContactStore;
import io.spoor.crm.ObjectStore;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.SqlAssociationStore;
import io.spoor.crm.SqlCompanyStore;
import io.spoor.crm.SqlContactStore;
import io.spoor.crm.gdpr.GdprDeleteStore;
import io.spoor.crm.gdpr.SqlGdprDeleteStore;
import io.spoor.crm.merge.ContactMergeStore;
import io.spoor.crm.merge.SqlContactMergeStore;
import io.spoor.crm.property.SqlPropertyDefinitionStore;
import io.spoor.crm.search.ObjectSearchStore;
import io.spoor.crm.search.SqlObjectSearch;
import io.spoor.dashboard.AccountStore;
import io.spoor.dashboard.SqlAccountStore;
import io.spoor.events.CompletionStore;
import io.spoor.events.EventDefinitionStore;
import io.spoor.events.EventDetailsStore;
import io.spoor.events.SqlCompletionStore;
import io.spoor.events.SqlEventDefinitionStore;
import io.spoor.forward.ForwardStore;
import io.spoor.forward.SqlForwardStore;
import io.spoor.events.SqlEventDetailsStore;
import io.spoor.identity.ExternalIdStore;
import io.spoor.identity.SqlExternalIdStore;
import io.spoor.identity.SqlVisitorStore;
import io.spoor.identity.VisitorStore;
import io.spoor.ingest.AppliedHits;
import io.spoor.ingest.RejectionStore;
import io.spoor.ingest.SqlAppliedHits;
import io.spoor.ingest.SqlRejectionStore;
import io.spoor.portal.PortalStore;
import io.spoor.portal.SqlPortalStore;
import io.spoor.portal.SqlTokenStore;
import io.spoor.portal.TokenStore;
import io.spoor.segment.SqlWriteKeyStore;
import io.spoor.segment.WriteKeyStore;
import io.spoor.segment.SegmentIds;
import io.spoor.segment.SqlSegmentIds;
import io.spoor.store.Database;
import java.time.Clock;

/** Every store port with its implementation over one database. */
record Stores(Database db, PortalStore portals, TokenStore tokens, ContactStore contacts,
    PropertyDefinitionStore propertyDefinitions, EventDefinitionStore eventDefinitions,
    CompletionStore completions, ExternalIdStore externalIds, RejectionStore rejections,
    AppliedHits appliedHits, VisitorStore visitors, EventDetailsStore eventDetails,
    ObjectStore<Company> companies, AssociationStore associations, ObjectSearchStore search,
    ContactMergeStore contactMerges, GdprDeleteStore gdprDeletes, WriteKeyStore writeKeys,
    ForwardStore forwarding, AccountStore accounts, SegmentIds segmentIds) {

  static Stores sql(Database db, Clock clock) {
    return sql(db, clock, io.spoor.crm.ObjectStore.HISTORY_PER_PROPERTY);
  }

  /** The stores, each contact and company property keeping its newest {@code historyPerProperty} history entries. */
  static Stores sql(Database db, Clock clock, int historyPerProperty) {
    return new Stores(db, new SqlPortalStore(db), new SqlTokenStore(db, clock),
        new SqlContactStore(db, historyPerProperty),
        new SqlPropertyDefinitionStore(db, clock), new SqlEventDefinitionStore(db),
        new SqlCompletionStore(db), new SqlExternalIdStore(db), new SqlRejectionStore(db),
        new SqlAppliedHits(db), new SqlVisitorStore(db), new SqlEventDetailsStore(db),
        new SqlCompanyStore(db, historyPerProperty), new SqlAssociationStore(db), new SqlObjectSearch(db),
        new SqlContactMergeStore(db), new SqlGdprDeleteStore(db), new SqlWriteKeyStore(db, clock),
        new SqlForwardStore(db), new SqlAccountStore(db, clock), new SqlSegmentIds(db));
  }
}
