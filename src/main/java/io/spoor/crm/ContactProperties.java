package io.spoor.crm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HubSpot's built-in contact properties: the wire names Spoor reads and writes. */
public final class ContactProperties {
  public static final String EMAIL = "email";
  public static final String FIRSTNAME = "firstname";
  public static final String LASTNAME = "lastname";
  public static final String OBJECT_ID = "hs_object_id";
  public static final String CREATEDATE = "createdate";
  public static final String LASTMODIFIEDDATE = "lastmodifieddate";
  public static final String LIFECYCLESTAGE = "lifecyclestage";
  public static final String NUM_EVENT_COMPLETIONS = "hs_analytics_num_event_completions";
  public static final String REVENUE = "hs_analytics_revenue";
  public static final String FIRST_TIMESTAMP = "hs_analytics_first_timestamp";
  public static final String LAST_TIMESTAMP = "hs_analytics_last_timestamp";
  public static final String NUM_PAGE_VIEWS = "hs_analytics_num_page_views";
  public static final String NUM_VISITS = "hs_analytics_num_visits";
  public static final String FIRST_URL = "hs_analytics_first_url";
  public static final String FIRST_REFERRER = "hs_analytics_first_referrer";
  public static final String LAST_URL = "hs_analytics_last_url";
  public static final String SOURCE = "hs_analytics_source";
  public static final String SOURCE_DATA_1 = "hs_analytics_source_data_1";
  public static final String SOURCE_DATA_2 = "hs_analytics_source_data_2";
  /** Emails of the contacts merged into this one, {@code ;}-separated. */
  public static final String ADDITIONAL_EMAILS = "hs_additional_emails";
  /** Ids of the contacts merged into this one, {@code ;}-separated. */
  public static final String MERGED_OBJECT_IDS = "hs_merged_object_ids";

  /** Returned by a read that names no properties, as HubSpot does. */
  public static final List<String> DEFAULT_READ =
      List.of(CREATEDATE, EMAIL, FIRSTNAME, OBJECT_ID, LASTMODIFIEDDATE, LASTNAME);

  /** Lifecycle stages in their forward order. */
  public static final List<String> LIFECYCLE_STAGES = List.of("subscriber", "lead",
      "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other");

  private static final Map<String, PropertyDefinition> BUILT_IN = define();

  private ContactProperties() {
  }

  public static Map<String, PropertyDefinition> builtIn() {
    return BUILT_IN;
  }

  private static Map<String, PropertyDefinition> define() {
    Map<String, PropertyDefinition> all = new LinkedHashMap<>();
    for (String name : List.of(EMAIL, FIRSTNAME, LASTNAME, "company", "phone", "mobilephone",
        "address", "city", "state", "zip", "country", "jobtitle", "website", "message")) {
      put(all, writable(name, PropertyType.STRING, "text"));
    }
    put(all, writable("total_revenue", PropertyType.NUMBER, "number"));
    put(all, writable("closedate", PropertyType.DATETIME, "date"));
    put(all, enumeration(LIFECYCLESTAGE, "radio", LIFECYCLE_STAGES));
    put(all, enumeration("hs_lead_status", "radio", List.of("NEW", "OPEN", "IN_PROGRESS",
        "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING")));
    put(all, readOnly("hubspotscore", PropertyType.NUMBER));
    put(all, readOnly(OBJECT_ID, PropertyType.NUMBER));
    put(all, readOnly(CREATEDATE, PropertyType.DATETIME));
    put(all, readOnly(LASTMODIFIEDDATE, PropertyType.DATETIME));
    put(all, readOnly(NUM_EVENT_COMPLETIONS, PropertyType.NUMBER));
    put(all, readOnly(REVENUE, PropertyType.NUMBER));
    put(all, readOnly(FIRST_TIMESTAMP, PropertyType.DATETIME));
    put(all, readOnly(LAST_TIMESTAMP, PropertyType.DATETIME));
    put(all, readOnly(NUM_PAGE_VIEWS, PropertyType.NUMBER));
    put(all, readOnly(NUM_VISITS, PropertyType.NUMBER));
    for (String name : List.of(FIRST_URL, FIRST_REFERRER, LAST_URL, SOURCE, SOURCE_DATA_1, SOURCE_DATA_2,
        ADDITIONAL_EMAILS, MERGED_OBJECT_IDS)) {
      put(all, readOnly(name, PropertyType.STRING));
    }
    return Collections.unmodifiableMap(all);
  }

  private static void put(Map<String, PropertyDefinition> all, PropertyDefinition definition) {
    all.put(definition.name(), definition);
  }

  private static PropertyDefinition writable(String name, PropertyType type, String fieldType) {
    return new PropertyDefinition(name, label(name), type, fieldType, "contactinformation", "",
        List.of(), EMAIL.equals(name), false, true, false);
  }

  private static PropertyDefinition readOnly(String name, PropertyType type) {
    String group = name.startsWith("hs_analytics") ? "analyticsinformation" : "contactinformation";
    return new PropertyDefinition(name, label(name), type, type == PropertyType.NUMBER ? "number" : "text",
        group, "", List.of(), false, false, true, true);
  }

  /** The items of a {@code ;}-separated value ({@value #ADDITIONAL_EMAILS}, {@value #MERGED_OBJECT_IDS}); none for null. */
  public static List<String> items(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
  }

  private static PropertyDefinition enumeration(String name, String fieldType, List<String> values) {
    List<PropertyDefinition.Option> options = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      options.add(new PropertyDefinition.Option(label(values.get(i)), values.get(i), i, false));
    }
    return new PropertyDefinition(name, label(name), PropertyType.ENUMERATION, fieldType,
        "contactinformation", "", options, false, false, true, false);
  }

  private static String label(String name) {
    String words = name.replace("hs_analytics_", "").replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
