package io.spoor.crm;

import io.vertx.core.json.JsonObject;

/** The CRM API's JSON for contacts: {@link ObjectJson}'s, with contacts rendered with their analytics. */
final class ContactJson extends ObjectJson {
  private ContactJson() {
  }

  /** A contact as a write answers it: every stored value and the computed dates and id. */
  static JsonObject written(Contact contact) {
    return written(contact, ObjectType.CONTACT, ContactView::value);
  }
}
