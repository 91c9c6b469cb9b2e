package io.dialtone.extension.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.kernel.entity.ExtensionType;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bulk-import CSV: header optional, quotes, types by name, every broken line reported. */
class ExtensionCsvTest {

  @Test
  void readsLinesWithAnOptionalHeaderAndQuotedNames() {
    ExtensionCsv.Parsed parsed =
        ExtensionCsv.parse(
            "\uFEFFnumber,name,type\r\n201,\"Smith, J.\",user\n\n300,Main menu,Auto-Attendant\n"
                + "400,\"The \"\"Lobby\"\"\",common_area\n");
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.lines())
        .containsExactly(
            new ImportLine(2, "201", "Smith, J.", ExtensionType.USER),
            new ImportLine(4, "300", "Main menu", ExtensionType.AUTO_ATTENDANT),
            new ImportLine(5, "400", "The \"Lobby\"", ExtensionType.COMMON_AREA));
    assertThat(ExtensionCsv.parse("202,Desk,voicemail").lines()).hasSize(1);
  }

  @Test
  void reportsEveryBrokenLineWithItsReason() {
    ExtensionCsv.Parsed parsed =
        ExtensionCsv.parse(
            String.join(
                "\n",
                "201,Desk,user",
                "911,Emergency,user",
                "1,Short,user",
                "20x,Letters,user",
                "202,,user",
                "203,Fax,fax",
                "201,Again,user",
                "204,Too,many,columns",
                "\"205,Open quote,user"));
    assertThat(parsed.errors())
        .containsExactly(
            new ImportError(2, "extensions.refused.EMERGENCY_NUMBER"),
            new ImportError(3, "extensions.refused.NUMBER_OUT_OF_RANGE"),
            new ImportError(4, "extensions.refused.NUMBER_INVALID"),
            new ImportError(5, "extensions.refused.NAME_INVALID"),
            new ImportError(6, "extensions.refused.TYPE_INVALID"),
            new ImportError(7, "extensions_import.error.duplicate"),
            new ImportError(8, "extensions_import.error.columns"),
            new ImportError(9, "extensions_import.error.columns"));
    assertThat(parsed.lines()).extracting(ImportLine::number).containsExactly("201");
  }

  @Test
  void aNameSpanningLinesIsRefusedAndLaterLinesKeepTheirNumbers() {
    ExtensionCsv.Parsed parsed =
        ExtensionCsv.parse("201,\"Front\r\ndesk\",user\n202,Back desk,user\n203,,user\n");
    assertThat(parsed.errors())
        .containsExactly(
            new ImportError(1, "extensions.refused.NAME_INVALID"),
            new ImportError(4, "extensions.refused.NAME_INVALID"));
    assertThat(parsed.lines())
        .containsExactly(new ImportLine(3, "202", "Back desk", ExtensionType.USER));
  }

  @Test
  void acceptsTenThousandLinesAndRefusesMore() {
    String tenThousand =
        IntStream.range(100_000, 110_000)
            .mapToObj(n -> n + ",Ext " + n + ",user")
            .collect(Collectors.joining("\n"));
    assertThat(ExtensionCsv.parse(tenThousand).lines()).hasSize(10_000);
    assertThat(ExtensionCsv.parse(tenThousand + "\n110000,One more,user").errors())
        .containsExactly(new ImportError(10_001, "extensions_import.error.tooMany"));
  }
}
