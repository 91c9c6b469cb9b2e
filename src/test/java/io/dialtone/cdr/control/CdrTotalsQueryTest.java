package io.dialtone.cdr.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.callpolicy.control.DestinationClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CdrTotalsQueryTest {

  /** The columns of {@code cdr} a count could name. */
  private static final List<String> COLUMNS =
      List.of(
          "id",
          "account_id",
          "extension",
          "extension_id",
          "direction",
          "caller",
          "callee",
          "remote_digits",
          "dest_class",
          "dest_country",
          "start_time",
          "answer_time",
          "end_time",
          "billsec",
          "disposition",
          "block_reason",
          "trunk",
          "cost",
          "currency",
          "call_id");

  private final CdrFilter range =
      new CdrFilter(
          1,
          Instant.parse("2026-01-01T05:00:00Z"),
          Instant.parse("2026-04-01T04:00:00Z"),
          null,
          null,
          null,
          null,
          null,
          null,
          null);

  @Test
  void eachCountTheSummaryRowsCannotAnswerReadsTheNarrowestIndex() {
    assertThat(CdrTotalsQuery.index(range, Set.of(7L), null)).isEqualTo("cdr_extension_id_ix");
    assertThat(CdrTotalsQuery.index(range.withExtension("401").withNumberPrefix("1"), null, null))
        .isEqualTo("cdr_extension_ix");
    assertThat(CdrTotalsQuery.index(range.withNumberPrefix("141663"), null, null))
        .isEqualTo("cdr_remote_ix");
    assertThat(CdrTotalsQuery.index(range.withMinBillsec(25), null, 30))
        .isEqualTo("cdr_billsec_ix");
    // the account's days: the clustered key
    assertThat(CdrTotalsQuery.index(range.withNumberPrefix("14166"), null, null)).isNull();
  }

  @Test
  void theForcedIndexHoldsEveryColumnTheCountNames() throws IOException {
    Map<String, List<String>> indexes = indexes();
    List<CdrFilter> filters = new ArrayList<>();
    CdrFilter everything =
        range
            .withDirection(Direction.OUTBOUND)
            .withDisposition(Disposition.ANSWERED)
            .withDestination(DestinationClass.INTERNATIONAL)
            .withCountry("GB")
            .withMinBillsec(25);
    filters.add(everything.withExtension("401").withNumberPrefix("44"));
    filters.add(everything.withNumberPrefix("4420794"));
    filters.add(everything.withExtension("401"));
    for (CdrFilter f : filters) {
      assertCovered(f, null, null, indexes);
      assertCovered(f, Set.of(3L, 4L), null, indexes);
    }
    assertCovered(everything.withNumberPrefix("44"), null, 30, indexes);
  }

  private static void assertCovered(
      CdrFilter f, Set<Long> only, Integer below, Map<String, List<String>> indexes) {
    List<Object> params = new ArrayList<>();
    String sql = CdrTotalsQuery.sql(f, only, below, params);
    String index = CdrTotalsQuery.index(f, only, below);
    assertThat(sql).contains("FORCE INDEX (" + index + ")");
    List<String> covered = indexes.get(index);
    for (String column : COLUMNS) {
      if (Pattern.compile("\\b" + column + "\\b").matcher(sql).find()) {
        assertThat(covered).as(column + " in " + index + " for " + sql).contains(column);
      }
    }
  }

  /** The columns of the indexes the latest migration that names them gives. */
  private static Map<String, List<String>> indexes() throws IOException {
    Map<String, List<String>> found = new TreeMap<>();
    Pattern key = Pattern.compile("ADD KEY (cdr_\\w+_ix) \\(([^)]*)\\)");
    String v41 = Files.readString(Path.of("db/migration/V41__cdr_covering_totals_indexes.sql"));
    Matcher m = key.matcher(v41);
    while (m.find()) {
      found.put(m.group(1), Arrays.stream(m.group(2).split(",")).map(String::strip).toList());
    }
    assertThat(found)
        .containsKeys("cdr_extension_ix", "cdr_extension_id_ix", "cdr_remote_ix", "cdr_billsec_ix");
    return found;
  }
}
