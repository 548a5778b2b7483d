package io.spoor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The final count check, a line per table. */
class CountCheckTest {
  @Test
  void aTableWhoseCountsDifferFailsTheCheckAndIsMarked() {
    CountCheck check = new CountCheck(List.of(new CountCheck.Row("contact", 3, 3),
        new CountCheck.Row("page_view", 1_000_000, 999_000)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    check.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertFalse(check.matches());
    assertEquals(List.of("page_view"), check.differences().stream().map(CountCheck.Row::table).toList());
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.get(2).matches("page_view +1,000,000 +999,000  DIFFERS"), lines.get(2));
    assertEquals("count check FAILED: 1 table differs", lines.get(3));
  }
}
