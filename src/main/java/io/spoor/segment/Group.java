package io.spoor.segment;

import io.spoor.crm.ChangeSource;
import io.spoor.crm.CompanyProperties;
import io.spoor.crm.Domains;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.PropertyType;
import io.spoor.forward.ForwardCall;
import io.spoor.forward.Outbox;
import io.spoor.ingest.Batch;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.SegmentHit;
import io.spoor.portal.Portal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * group → the company with the group id in {@code segment_group_id}, else the one keyed by the
 * domain of {@code traits.website} (a full URL; {@code www.} stripped), made if absent; the
 * group traits set as company properties ({@code employees} → {@code numberofemployees}), the
 * group id kept, and the contact the message's ids stand for associated. A group for a user never
 * identified, or without a usable website, is rejected.
 */
final class Group implements Rule {
  /** The company property that keeps the Segment group id, made in each portal that gets a group call. */
  static final String GROUP_ID = "segment_group_id";
  static final PropertyDefinition GROUP_ID_PROPERTY = new PropertyDefinition(GROUP_ID, "Segment group id",
      PropertyType.STRING, "text", "companyinformation", "The groupId of Segment's group calls for this company",
      List.of(), true, false, false, false);
  private static final Pattern FULL_URL = Pattern.compile("(?i)^https?://[^/?#\\s]+.*");

  private final Parts parts;
  private final PropertyDefinitionStore definitions;
  private final Outbox outbox;

  Group(Parts parts, PropertyDefinitionStore definitions, Outbox outbox) {
    this.parts = parts;
    this.definitions = definitions;
    this.outbox = outbox;
  }

  /** Makes the {@code segment_group_id} company property of the portal, unless it has one. */
  void prepare(long portalId) {
    definitions.create(portalId, ObjectType.COMPANY, GROUP_ID_PROPERTY);
  }

  @Override
  public void apply(SegmentMessage message, SegmentHit hit, Portal portal, Batch batch) {
    SegmentContacts contacts = parts.segmentContacts(batch);
    Optional<Long> contact = contacts.of(portal.hubId(), message.ids());
    if (contact.isEmpty()) {
      batch.reject(hit, RejectReason.UNKNOWN_SEGMENT_USER, true,
          "group: neither userId nor anonymousId stands for a contact (identify the user with an email first)");
      return;
    }
    Optional<String> website = SegmentMessage.text(message.traits(), ApiFields.WEBSITE);
    Optional<String> domain = website.filter(w -> FULL_URL.matcher(w).matches()).flatMap(Domains::normalize);
    if (domain.isEmpty()) {
      batch.reject(hit, RejectReason.INVALID_WEBSITE, true, website.isEmpty()
          ? "group has no traits.website: companies are keyed by its domain"
          : "traits.website must be a full URL (https://example.com), was " + io.spoor.http.LogSafe.text(website.get(), 80));
      return;
    }
    String groupId = message.groupId().orElseThrow();
    CompanyChanges companies = parts.companyChanges(batch);
    long company = companies.uniqueOwner(portal.hubId(), GROUP_ID, groupId, -1)
        .orElseGet(() -> companies.byKey(portal.hubId(), domain.get(), hit.timestamp(), ChangeSource.SEGMENT));
    Map<String, Object> traits = Traits.company(message.traits());
    traits.remove(CompanyProperties.DOMAIN); // the key: from the website only
    traits.put(GROUP_ID, groupId);
    Map<String, String> set = new PropertyMapping(companies, "company").apply(traits, hit, portal, company, batch);
    companies.associate(portal.hubId(), contact.get(), company, hit.timestamp());
    outbox.add(portal.hubId(), Outbox.Origin.SEGMENT, new ForwardCall.UpsertCompany(domain.get(),
        Optional.of(groupId), set, contacts.emailOf(contact.get())));
  }
}
