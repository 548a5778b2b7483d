package io.spoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListFileTest {
  @Test
  void entriesAreTrimmedLinesInFileOrderWithoutBlanksOrComments() {
    assertEquals(List.of("first entry", "second", "third # not a comment"),
        ListFile.read(ListFileTest.class, "list-file-sample.txt"));
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ListFile.read(ListFileTest.class, "no-such-list.txt"));
    assertTrue(e.getMessage().contains("no-such-list.txt"), e.getMessage());
  }
}
