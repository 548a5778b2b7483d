package io.spoor.crm.object;

import static io.spoor.crm.CompanyApi.create;
import static io.spoor.crm.CompanyApi.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading companies: what only companies do. The reads both types share are in {@code ObjectReadApiTest}. */
class CompanyReadApiTest extends SpoorPerClass {
  @Test
  void aCompanyIsReadByItsDomainWithAWwwPrefixOrAPort() {
    String id = create(client, Map.of("domain", "by-domain.example"));
    for (String ref : List.of("WWW.By-Domain.Example", "by-domain.example:443")) {
      Answer answer = get(client, ref, "idProperty=domain");
      assertEquals(200, answer.status(), ref);
      assertEquals(id, answer.json().getString("id"), ref);
    }
    assertEquals(404, get(client, "nobody.example", "idProperty=domain").status());
  }
}
