package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.Company;
import io.spoor.forward.ForwardCall;
import io.spoor.ingest.RejectReason;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** group → company: each rule of the reference's "group → company", one test each. */
@ExtendWith(TempStore.class)
class GroupMappingTest {
  private SegmentFixture segment;

  @BeforeEach
  void open(Database db) {
    segment = new SegmentFixture(db);
    segment.apply("{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":{\"email\":\"a@example.com\"}}");
    segment.outbox.clear();
  }

  private static String group(String groupId, String traits) {
    return "{\"type\":\"group\",\"userId\":\"u1\",\"groupId\":\"" + groupId + "\",\"traits\":" + traits + "}";
  }

  @Test
  void theCompanyIsKeyedByTheWebsitesDomainWithoutWww() {
    segment.apply(group("g1", "{\"website\":\"https://www.Example.org/about\",\"name\":\"Example\"}"));
    Company company = segment.findCompany("example.org").orElseThrow();
    assertEquals("Example", company.properties().get("name"));
    assertEquals("example.org", company.properties().get("domain"));
  }

  @Test
  void aSecondGroupCallUpdatesTheSameCompany() {
    segment.apply(group("g1", "{\"website\":\"https://example.org\",\"name\":\"Old\"}"));
    segment.apply(group("g1", "{\"website\":\"https://example.org/\",\"name\":\"New\"}"));
    assertEquals("New", segment.findCompany("example.org").orElseThrow().properties().get("name"));
  }

  @Test
  void specialCompanyTraitsAreMappedAndEmployeesBecomesNumberofemployees() {
    segment.apply(group("g1", "{\"website\":\"https://example.org\",\"employees\":250,\"industry\":\"Software\","
        + "\"city\":\"Berlin\",\"country\":\"DE\",\"zip\":\"10115\",\"description\":\" Makes things \"}"));
    Map<String, String> p = segment.findCompany("example.org").orElseThrow().properties();
    assertEquals(List.of("250", "Software", "Berlin", "DE", "10115", "Makes things"), List.of(p.get("numberofemployees"),
        p.get("industry"), p.get("city"), p.get("country"), p.get("zip"), p.get("description")));
  }

  @Test
  void theGroupIdIsKeptInSegment_group_id() {
    segment.apply(group("grp-42", "{\"website\":\"https://example.org\"}"));
    assertEquals("grp-42", segment.findCompany("example.org").orElseThrow().properties().get("segment_group_id"));
  }

  @Test
  void aCompanyIsFoundByItsGroupIdBeforeItsDomain() {
    segment.apply(group("grp-42", "{\"website\":\"https://example.org\"}"));
    segment.apply(group("grp-42", "{\"website\":\"https://example-renamed.org\",\"name\":\"Renamed\"}"));
    assertEquals("Renamed", segment.findCompany("example.org").orElseThrow().properties().get("name"));
    assertTrue(segment.findCompany("example-renamed.org").isEmpty());
  }

  @Test
  void theContactIsAssociatedWithTheCompany() {
    segment.apply(group("g1", "{\"website\":\"https://example.org\"}"));
    long company = segment.findCompany("example.org").orElseThrow().id();
    assertEquals(List.of(company), segment.companiesOf(segment.contact("a@example.com").id()));
  }

  @Test
  void aGroupForAUserNeverIdentifiedIsRejected() {
    segment.apply("{\"type\":\"group\",\"userId\":\"stranger\",\"groupId\":\"g1\",\"traits\":{\"website\":"
        + "\"https://example.org\"}}");
    assertEquals(RejectReason.UNKNOWN_SEGMENT_USER, segment.rejection().reason());
    assertTrue(segment.findCompany("example.org").isEmpty());
  }

  @Test
  void aWebsiteThatIsNotAFullUrlIsRejected() {
    segment.apply(group("g1", "{\"website\":\"example.org\"}"));
    assertEquals(RejectReason.INVALID_WEBSITE, segment.rejection().reason());
  }

  @Test
  void aGroupWithoutWebsiteIsRejected() {
    segment.apply(group("g1", "{\"name\":\"No site\"}"));
    assertEquals(RejectReason.INVALID_WEBSITE, segment.rejection().reason());
  }

  @Test
  void groupQueuesACompanyUpsertWithTheGroupIdAndTheContactsEmail() {
    segment.apply(group("g1", "{\"website\":\"https://example.org\",\"name\":\"Example\"}"));
    assertEquals(List.of(new ForwardCall.UpsertCompany("example.org", Optional.of("g1"),
        Map.of("name", "Example", "website", "https://example.org", "segment_group_id", "g1"),
        Optional.of("a@example.com"))), segment.outbox);
  }
}
