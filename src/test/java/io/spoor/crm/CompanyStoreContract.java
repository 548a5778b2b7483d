package io.spoor.crm;

import java.util.Locale;

/** What every company {@link ObjectStore} does: the common contract, with companies keyed by domain. */
abstract class CompanyStoreContract extends ObjectStoreContract<Company, ObjectStore<Company>> {
  @Override
  ObjectType type() {
    return ObjectType.COMPANY;
  }

  @Override
  String key(String stem) {
    return stem + ".example";
  }

  @Override
  String otherForm(String stem) {
    return "www." + stem.toUpperCase(Locale.ROOT) + ".example";
  }
}
