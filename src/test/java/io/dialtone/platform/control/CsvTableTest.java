package io.dialtone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading an uploaded CSV: rows with the line they start on, header, broken quotes, limits. */
class CsvTableTest {

  private static final CsvTable.Header REQUIRED = CsvTable.Header.required(List.of("a", "b"));
  private static final CsvTable.Header OPTIONAL = CsvTable.Header.optional(List.of("a", "b"));

  private final List<CsvTable.Row> rows = new ArrayList<>();

  private Optional<CsvTable.Stop> read(String csv, CsvTable.Header header, int maxRows) {
    return CsvTable.read(new StringReader(csv), header, maxRows, rows::add);
  }

  private static CsvTable.Row row(int line, String... cells) {
    return new CsvTable.Row(line, List.of(cells));
  }

  @Test
  void rowsKeepTheLineTheyStartOnAcrossBlankLinesAndQuotedLineBreaks() {
    Optional<CsvTable.Stop> stop =
        read(
            "\uFEFF\"A\" , B\r\n\r\n1,\"two\nlines, and \"\"quotes\"\"\"\n   \n 3 ,4\r5,6",
            REQUIRED,
            10);
    assertThat(stop).isEmpty();
    assertThat(rows)
        .containsExactly(
            row(3, "1", "two\nlines, and \"quotes\""), row(6, "3", "4"), row(7, "5", "6"));
  }

  @Test
  void aRequiredHeaderMustComeFirstAnOptionalOneMay() {
    assertThat(read("1,2\na,b\n", REQUIRED, 10))
        .contains(new CsvTable.Stop(1, CsvTable.Trouble.NO_HEADER));
    assertThat(rows).isEmpty();
    assertThat(read("", REQUIRED, 10)).contains(new CsvTable.Stop(1, CsvTable.Trouble.NO_HEADER));
    assertThat(read("a,b,c\n", REQUIRED, 10))
        .as("a header with another column is no match")
        .contains(new CsvTable.Stop(1, CsvTable.Trouble.NO_HEADER));

    assertThat(read("1,2\n", OPTIONAL, 10)).isEmpty();
    assertThat(read("\n\nA,B\n3,4\n", OPTIONAL, 10)).isEmpty();
    assertThat(read("", OPTIONAL, 10)).isEmpty();
    assertThat(rows).containsExactly(row(1, "1", "2"), row(4, "3", "4"));
  }

  @Test
  void aBrokenQuoteStopsTheReadingAtTheLineItsRowStarts() {
    assertThat(read("a,b\n1,2\n3,\"open\n4,5\n", REQUIRED, 10))
        .contains(new CsvTable.Stop(3, CsvTable.Trouble.MALFORMED));
    assertThat(read("1,\"closed\"then text\n2,3\n", OPTIONAL, 10))
        .contains(new CsvTable.Stop(1, CsvTable.Trouble.MALFORMED));
    assertThat(rows).containsExactly(row(2, "1", "2"));
  }

  @Test
  void oneRowMoreThanTheLimitStopsTheReadingAndTheHeaderDoesNotCount() {
    assertThat(read("a,b\n1,1\n\n2,2\n", REQUIRED, 2)).isEmpty();
    assertThat(read("a,b\n1,1\n\n2,2\n3,3\n4,4\n", REQUIRED, 2))
        .contains(new CsvTable.Stop(5, CsvTable.Trouble.TOO_MANY_ROWS));
    assertThat(rows).extracting(CsvTable.Row::line).containsExactly(2, 4, 2, 4);
  }

  @Test
  void rowsOfAnyWidthAreHandedOverForTheCallerToJudge() {
    assertThat(read("1\n1,2,3\n,\n", OPTIONAL, 10)).isEmpty();
    assertThat(rows).containsExactly(row(1, "1"), row(2, "1", "2", "3"), row(3, "", ""));
  }
}
