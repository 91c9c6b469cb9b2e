package io.dialtone.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesObjectsInOrderArraysNumbersBooleansAndNull() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("type", "bar");
    value.put("data", List.of(1, 2L, 3.5));
    value.put("flag", false);
    value.put("nothing", null);
    value.put("nested", Map.of("k", List.of()));

    assertThat(Json.write(value))
        .isEqualTo(
            "{\"type\":\"bar\",\"data\":[1,2,3.5],\"flag\":false,\"nothing\":null,"
                + "\"nested\":{\"k\":[]}}");
  }

  @Test
  void escapesWhatJsonRequires() {
    assertThat(Json.write("a\"b\\c\nd\re\tf\u0001"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\"");
  }

  @Test
  void aTextCannotEndTheScriptElementOrTheString() {
    String written = Json.write(List.of("</script><img src=x onerror=alert(1)>&'\u2028\u2029"));

    assertThat(written)
        .doesNotContain("<", ">", "&", "'", "\u2028", "\u2029")
        .isEqualTo(
            "[\"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e\\u0026\\u0027"
                + "\\u2028\\u2029\"]");
  }

  @Test
  void keepsOtherUnicodeAsItIs() {
    assertThat(Json.write("Connexions échouées – 28 nov."))
        .isEqualTo("\"Connexions échouées – 28 nov.\"");
  }

  @Test
  void notANumberBecomesNull() {
    assertThat(Json.write(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, 1.0f)))
        .isEqualTo("[null,null,1.0]");
  }

  @Test
  void refusesOtherTypes() {
    assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
  }
}
