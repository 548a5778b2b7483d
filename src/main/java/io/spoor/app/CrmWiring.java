package io.spoor.app;

import io.spoor.crm.Company;
import io.spoor.crm.Contact;
import io.spoor.crm.CrmObject;
import io.spoor.crm.ObjectType;
import io.spoor.crm.association.AssociationRoutes;
import io.spoor.crm.association.Associations;
import io.spoor.crm.gdpr.GdprDelete;
import io.spoor.crm.gdpr.GdprDeleteRoutes;
import io.spoor.crm.legacy.LegacyContactRoutes;
import io.spoor.crm.merge.ContactMerge;
import io.spoor.crm.merge.ContactMergeRoutes;
import io.spoor.crm.object.CompanyApiRoutes;
import io.spoor.crm.object.ContactApiRoutes;
import io.spoor.crm.object.ContactRoutes;
import io.spoor.crm.object.ContactTimeline;
import io.spoor.crm.object.ContactWrites;
import io.spoor.crm.object.Contacts;
import io.spoor.crm.object.ObjectReads;
import io.spoor.crm.object.ObjectView;
import io.spoor.crm.object.ObjectWrites;
import io.spoor.crm.property.PropertyCatalog;
import io.spoor.crm.property.PropertyRoutes;
import io.spoor.crm.search.ObjectSearch;
import io.spoor.crm.search.SearchRoutes;
import io.spoor.dashboard.DashboardAuth;
import io.spoor.dashboard.records.RecordRoutes;
import io.spoor.events.EventDefinitions;
import io.spoor.http.Mount;
import io.spoor.http.Routes;
import io.spoor.identity.VisitorRoutes;
import io.spoor.ops.Metrics;
import io.spoor.store.Database;
import io.spoor.timeline.ContactActivity;
import io.spoor.timeline.EventOccurrenceRoutes;
import io.spoor.timeline.SqlActivityStore;
import io.spoor.transfer.ExportRoutes;
import io.spoor.transfer.ImportLimits;
import io.spoor.transfer.ImportRoutes;
import io.spoor.transfer.Imports;
import java.time.Clock;
import java.util.List;

/**
 * The CRM's parts, each built once over the store: the HubSpot-compatible CRM API, contacts'
 * imports and exports, and the dashboard's contact and company records.
 */
final class CrmWiring {
  private final Database db;
  private final Stores stores;
  private final Clock clock;
  private final Associations associations;
  private final Contacts contacts;
  private final ContactWrites contactWrites;
  private final ObjectReads<Company> companies;
  private final ObjectWrites<Company> companyWrites;
  private final ObjectSearch<Contact> contactSearch;
  private final ObjectSearch<Company> companySearch;

  CrmWiring(Database db, Stores stores, Clock clock) {
    this.db = db;
    this.stores = stores;
    this.clock = clock;
    associations = new Associations(db, stores.associations(), clock);
    contacts = new Contacts(db, stores.contacts(), stores.associations(), stores.propertyDefinitions(), clock);
    contactWrites = new ContactWrites(db, stores.contacts(), stores.associations(), stores.propertyDefinitions(),
        associations, clock);
    companies = new ObjectReads<>(db, stores.companies(), stores.associations(), ObjectType.COMPANY,
        ObjectView.reader(ObjectType.COMPANY), stores.propertyDefinitions(), clock);
    companyWrites = new ObjectWrites<>(db, stores.companies(), stores.associations(), stores.propertyDefinitions(),
        ObjectType.COMPANY, associations, clock);
    contactSearch = new ObjectSearch<>(db, stores.contacts(), ObjectType.CONTACT, contacts.reader(),
        ObjectSearch.CONTACTS_SEARCHABLE, stores.search(), stores.propertyDefinitions());
    companySearch = new ObjectSearch<>(db, stores.companies(), ObjectType.COMPANY, companies.reader(),
        ObjectSearch.COMPANIES_SEARCHABLE, stores.search(), stores.propertyDefinitions());
  }

  /** The HubSpot-compatible CRM API and Spoor's contact reads. */
  List<Routes> apiRoutes() {
    return List.of(
        new ContactRoutes(contacts, new ContactTimeline(db, contacts, stores.completions(), stores.visitors())),
        new ContactApiRoutes(contacts, contactWrites),
        new LegacyContactRoutes(contactWrites),
        new CompanyApiRoutes(companies, companyWrites),
        new AssociationRoutes(associations),
        new SearchRoutes<>(contactSearch),
        new ContactMergeRoutes(new ContactMerge(db, stores.contacts(), stores.associations(), stores.contactMerges(),
            stores.completions(), stores.visitors(), stores.externalIds(), clock)),
        new GdprDeleteRoutes(new GdprDelete(db, stores.contacts(), stores.associations(), stores.gdprDeletes(),
            stores.completions(), stores.eventDefinitions(), stores.visitors(), stores.externalIds(),
            stores.rejections(), db)),
        new PropertyRoutes(new PropertyCatalog(db, stores.propertyDefinitions())),
        new VisitorRoutes(db, stores.visitors()),
        new SearchRoutes<>(companySearch));
  }

  /** Contact imports, with the limits of the settings, run on their own thread. */
  Imports imports(Settings settings, Metrics metrics) {
    return new Imports(db, contactWrites, settings.dataDir().resolve("imports"), new ImportLimits(
        settings.get(Settings.IMPORT_MAX_BYTES), settings.get(Settings.IMPORT_MAX_ROWS),
        settings.get(Settings.IMPORT_PROBLEMS_KEPT), settings.get(Settings.REFUSED_UPLOAD_DRAIN_BYTES)), clock,
        metrics.counter("spoor_import_refused_total", "Contact import uploads refused by a limit", "limit"));
  }

  /** CSV exports of contacts and companies and contact imports: in the API and in the dashboard. */
  List<Routes> transferRoutes(Imports imports, DashboardAuth dashboardAuth) {
    List<ObjectReads<? extends CrmObject>> lists = List.of(contacts, companies);
    return List.of(
        new ExportRoutes(lists),
        new ExportRoutes(lists, Mount.at("/dashboard/api", dashboardAuth.guard())),
        new ImportRoutes(imports),
        new ImportRoutes(imports, Mount.at("/dashboard/api", dashboardAuth.guard())));
  }

  /**
   * The dashboard's contact and company records, contacts' timelines (also as HubSpot's event
   * occurrences), event definitions.
   */
  List<Routes> recordRoutes(DashboardAuth dashboardAuth) {
    SqlActivityStore activityStore = new SqlActivityStore(db);
    ContactActivity activity = new ContactActivity(db, contacts, activityStore);
    return List.of(
        new EventOccurrenceRoutes(activity),
        new RecordRoutes(dashboardAuth, db, new PropertyCatalog(db, stores.propertyDefinitions()),
            new RecordRoutes.Side<>(contacts, contactWrites, contactSearch),
            new RecordRoutes.Side<>(companies, companyWrites, companySearch), activity,
            new EventDefinitions(db, stores.eventDefinitions(), clock), activityStore));
  }
}
