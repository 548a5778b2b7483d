package io.spoor.crm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HubSpot's built-in company properties. {@code domain} identifies a company. */
public final class CompanyProperties {
  public static final String NAME = "name";
  public static final String DOMAIN = "domain";
  public static final String LASTMODIFIEDDATE = "hs_lastmodifieddate";

  /** Returned by a read that names no properties, as HubSpot does. */
  public static final List<String> DEFAULT_READ =
      List.of(ObjectType.CREATEDATE, DOMAIN, ObjectType.OBJECT_ID, NAME, LASTMODIFIEDDATE);

  private static final Map<String, PropertyDefinition> BUILT_IN = define();

  private CompanyProperties() {
  }

  public static Map<String, PropertyDefinition> builtIn() {
    return BUILT_IN;
  }

  private static Map<String, PropertyDefinition> define() {
    Map<String, PropertyDefinition> all = new LinkedHashMap<>();
    for (String name : List.of(NAME, DOMAIN, "website", "phone", "address", "city", "state", "zip", "country",
        "industry", "description")) {
      all.put(name, new PropertyDefinition(name, label(name), PropertyType.STRING, "text", "companyinformation",
          "", List.of(), DOMAIN.equals(name), false, true, false));
    }
    all.put("numberofemployees", new PropertyDefinition("numberofemployees", "Number of employees",
        PropertyType.NUMBER, "number", "companyinformation", "", List.of(), false, false, true, false));
    PropertyDefinition stage = ContactProperties.builtIn().get(ContactProperties.LIFECYCLESTAGE);
    all.put(stage.name(), stage);
    for (String name : List.of(ObjectType.OBJECT_ID, ObjectType.CREATEDATE, LASTMODIFIEDDATE)) {
      all.put(name, new PropertyDefinition(name, label(name), name.equals(ObjectType.OBJECT_ID)
          ? PropertyType.NUMBER : PropertyType.DATETIME, "text", "companyinformation", "", List.of(), false, false,
          true, true));
    }
    return Collections.unmodifiableMap(all);
  }

  private static String label(String name) {
    String words = name.replace("hs_", "").replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
