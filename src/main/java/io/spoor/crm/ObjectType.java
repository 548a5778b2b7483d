package io.spoor.crm;

import io.spoor.http.Scope;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CRM object types, by the plural wire name used in API paths, with what the API needs to
 * know of each: its singular label, the unique key property, and the last-modified property.
 */
public enum ObjectType {
  CONTACT("contacts", "Contact", ContactProperties.LASTMODIFIEDDATE,
      new UniqueKey(ContactProperties.EMAIL, "Email address", "INVALID_EMAIL", Emails::normalize)),
  COMPANY("companies", "Company", CompanyProperties.LASTMODIFIEDDATE,
      new UniqueKey(CompanyProperties.DOMAIN, "Domain", "INVALID_DOMAIN", Domains::normalize));

  /** Object id and create date: the same names for every type. */
  public static final String OBJECT_ID = "hs_object_id";
  public static final String CREATEDATE = "createdate";

  private final String plural;
  private final String label;
  private final String lastModified;
  private final UniqueKey key;

  ObjectType(String plural, String label, String lastModified, UniqueKey key) {
    this.plural = plural;
    this.label = label;
    this.lastModified = lastModified;
    this.key = key;
  }

  public String plural() {
    return plural;
  }

  /** The singular, as messages name an object: {@code Contact already exists}. */
  public String label() {
    return label;
  }

  /** The read-only property holding the time of the last change. */
  public String lastModified() {
    return lastModified;
  }

  public UniqueKey key() {
    return key;
  }

  /** The properties a read shows when it names none, as HubSpot's do. */
  public List<String> defaultRead() {
    return this == CONTACT ? ContactProperties.DEFAULT_READ : CompanyProperties.DEFAULT_READ;
  }

  /** The built-in properties of this type, by name. */
  public Map<String, PropertyDefinition> builtIn() {
    return this == CONTACT ? ContactProperties.builtIn() : CompanyProperties.builtIn();
  }

  /** The scope that reads ({@code write} false) or writes this type's objects. */
  public Scope scope(boolean write) {
    if (this == CONTACT) {
      return write ? Scope.CONTACTS_WRITE : Scope.CONTACTS_READ;
    }
    return write ? Scope.COMPANIES_WRITE : Scope.COMPANIES_READ;
  }

  public static Optional<ObjectType> fromPlural(String name) {
    return Arrays.stream(values()).filter(t -> t.plural.equals(name)).findFirst();
  }
}
