package io.spoor.segment;

import io.spoor.crm.AssociationStore;
import io.spoor.crm.AssociationType;
import io.spoor.crm.Company;
import io.spoor.crm.ObjectChanges;
import io.spoor.crm.ObjectStore;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinitionStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The company writes of one batch of Segment group calls, coalesced as {@link ObjectChanges}
 * does, and the contact-company associations they make, written after the companies.
 */
final class CompanyChanges extends ObjectChanges {
  private final AssociationStore store;
  private final List<Associated> associations = new ArrayList<>();

  CompanyChanges(ObjectStore<Company> companies, PropertyDefinitionStore definitions, AssociationStore store) {
    super(companies, definitions, ObjectType.COMPANY);
    this.store = store;
  }

  void associate(long portalId, long contactId, long companyId, long at) {
    associations.add(new Associated(portalId, contactId, companyId, at));
  }

  @Override
  public void flush() {
    super.flush();
    for (Associated a : associations) {
      store.associate(a.portalId(), new AssociationStore.Association(a.contactId(),
          AssociationType.CONTACT_TO_COMPANY, a.companyId()), a.at());
    }
    associations.clear();
  }

  private record Associated(long portalId, long contactId, long companyId, long at) {
  }
}
