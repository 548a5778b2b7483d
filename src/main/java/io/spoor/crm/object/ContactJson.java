package io.spoor.crm.object;

import io.spoor.InvalidInputException;
import io.spoor.crm.Contact;
import io.spoor.crm.ObjectType;
import io.vertx.core.json.JsonObject;

/** The CRM API's JSON for contacts: {@link ObjectJson}'s, with contacts rendered with their analytics. */
public final class ContactJson extends ObjectJson {
  private ContactJson() {
  }

  /** A contact as a write answers it: every stored value and the computed dates and id. */
  public static JsonObject written(Contact contact) {
    return written(contact, ObjectType.CONTACT, ContactView::value);
  }

  /** The text of a required field of a body; 400 when it is missing. */
  public static String required(JsonObject body, String field) {
    return ContactJson.text(field, body.getValue(field))
        .orElseThrow(() -> new InvalidInputException(field + " is required"));
  }
}
