package io.dialtone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Written CSV: RFC 4180 quoting, CRLF, and no cell a spreadsheet would run as a formula. */
class CsvWriterTest {

  private static String written(String... cells) throws IOException {
    StringBuilder out = new StringBuilder();
    new CsvWriter(out).row(cells);
    return out.toString();
  }

  @Test
  void formulasGetAnApostropheWhateverTheirFirstCharacter() throws IOException {
    assertThat(written("=1+2", "@SUM(A1)", "+1cmd", "-2+3", "\tx", "x"))
        .isEqualTo("'=1+2,'@SUM(A1),'+1cmd,'-2+3,'\tx,x\r\n");
    assertThat(written("\r=cmd")).isEqualTo("\"'\r=cmd\"\r\n");
    assertThat(written("=HYPERLINK(\"http://x\",\"y\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
  }

  @Test
  void signedNumbersAreNoFormulasAndStayAsTheyAre() throws IOException {
    assertThat(written("+15145550100", "-1.5", "+0", "1234.5", "2026-11-28T14:05:09Z"))
        .isEqualTo("+15145550100,-1.5,+0,1234.5,2026-11-28T14:05:09Z\r\n");
    assertThat(written("+1.2.3", "-", "+")).isEqualTo("'+1.2.3,'-,'+\r\n");
  }

  @Test
  void separatorsQuotesAndLineBreaksAreQuotedAndNullsEmpty() throws IOException {
    assertThat(written("a,b", "say \"hi\"", "two\nlines", null, "", "é"))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,,é\r\n");
  }

  @Test
  void whatIsWrittenReadsBackAsTheSameCells() throws IOException {
    StringBuilder out = new StringBuilder();
    CsvWriter writer = new CsvWriter(out);
    writer.row("name", "note");
    writer.row("Smith, J.", "first line\r\nsecond \"line\"");
    List<CsvTable.Row> rows = new ArrayList<>();
    Optional<CsvTable.Stop> stop =
        CsvTable.read(
            new StringReader(out.toString()),
            CsvTable.Header.required(List.of("name", "note")),
            10,
            rows::add);
    assertThat(stop).isEmpty();
    assertThat(rows)
        .containsExactly(
            new CsvTable.Row(2, List.of("Smith, J.", "first line\r\nsecond \"line\"")));
  }
}
