package io.spoor.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void plainCellsAreWrittenAsTheyAre() {
    assertEquals("a,b c,42\r\n", Csv.line(List.of("a", "b c", "42")));
  }

  @Test
  void cellsWithACommaAQuoteOrALineBreakAreQuotedWithQuotesDoubled() {
    assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n",
        Csv.line(List.of("a,b", "say \"hi\"", "two\nlines", "cr\rhere")));
  }

  @Test
  void cellsAStartingWithAFormulaCharacterArePrefixedWithAQuoteMark() {
    assertEquals("'=1+2", Csv.cell("=1+2"));
    assertEquals("'+31 20", Csv.cell("+31 20"));
    assertEquals("'-2", Csv.cell("-2"));
    assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
    assertEquals("'\tx", Csv.cell("\tx"));
    assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.cell("=HYPERLINK(\"http://x\",\"y\")"));
    assertEquals("a=b", Csv.cell("a=b"));
  }

  @Test
  void anAbsentOrEmptyValueIsAnEmptyCell() {
    assertEquals(",\r\n", Csv.line(java.util.Arrays.asList(null, "")));
  }

  @Test
  void recordsAreReadBackWithQuotedCommasQuotesAndLineBreaks() throws IOException {
    String text = "\uFEFFname,note\r\n\"Doe, Jane\",\"said \"\"hi\"\"\nand left\"\nplain,\r\nlast,x";
    assertEquals(List.of(List.of("name", "note"), List.of("Doe, Jane", "said \"hi\"\nand left"),
        List.of("plain", ""), List.of("last", "x")), all(text));
  }

  @Test
  void whatIsWrittenIsReadBackTheSame() throws IOException {
    List<String> cells = List.of("a,b", "\"q\"", "multi\r\nline", "x");
    assertEquals(List.of(cells), all(Csv.line(cells)));
  }

  @Test
  void aQuotedCellNotClosedBeforeTheEndIsMalformed() {
    assertThrows(Csv.MalformedCsvException.class, () -> all("a,\"open\nb"));
  }

  private static List<List<String>> all(String text) throws IOException {
    Csv.Records records = new Csv.Records(new StringReader(text));
    List<List<String>> out = new ArrayList<>();
    Optional<List<String>> next;
    while ((next = records.next()).isPresent()) {
      out.add(next.get());
    }
    return out;
  }
}
