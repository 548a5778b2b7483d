package io.spoor.crm;

import java.util.Arrays;
import java.util.Optional;

/**
 * HubSpot's defined association types between the object types Spoor keeps, by their wire
 * ids and names: each has an inverse going the other way.
 */
public enum AssociationType {
  CONTACT_TO_COMPANY(279, "contact_to_company", ObjectType.CONTACT, ObjectType.COMPANY),
  COMPANY_TO_CONTACT(280, "company_to_contact", ObjectType.COMPANY, ObjectType.CONTACT);

  /** The only category Spoor has: types HubSpot defines, without labels. */
  public static final String CATEGORY = "HUBSPOT_DEFINED";

  private final int id;
  private final String wireName;
  private final ObjectType from;
  private final ObjectType to;

  AssociationType(int id, String wireName, ObjectType from, ObjectType to) {
    this.id = id;
    this.wireName = wireName;
    this.from = from;
    this.to = to;
  }

  public int id() {
    return id;
  }

  public String wireName() {
    return wireName;
  }

  public ObjectType from() {
    return from;
  }

  public ObjectType to() {
    return to;
  }

  public AssociationType inverse() {
    return this == CONTACT_TO_COMPANY ? COMPANY_TO_CONTACT : CONTACT_TO_COMPANY;
  }

  /** The default type from one object type to another, if they can be associated. */
  public static Optional<AssociationType> between(ObjectType from, ObjectType to) {
    return Arrays.stream(values()).filter(t -> t.from == from && t.to == to).findFirst();
  }

  public static Optional<AssociationType> byId(int id) {
    return Arrays.stream(values()).filter(t -> t.id == id).findFirst();
  }

  /** By the v3 name ({@code company_to_contact}) or the id as text ({@code 280}). */
  public static Optional<AssociationType> byName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name) || Integer.toString(t.id).equals(name))
        .findFirst();
  }
}
