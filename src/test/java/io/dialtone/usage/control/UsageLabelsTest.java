package io.dialtone.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.usage.entity.LimitRequestStatus;
import io.dialtone.usage.entity.UsageCap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The usage pages show these enums through their labels: each has one in both languages. */
class UsageLabelsTest {

  @ParameterizedTest
  @ValueSource(strings = {"messages.properties", "messages_fr.properties"})
  void everyUsageEnumAndGaugeHasItsLabels(String bundle) throws IOException {
    Properties texts = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/io/dialtone/i18n/" + bundle)) {
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    List<Enum<?>> constants = new ArrayList<>();
    constants.addAll(List.of(UsageCap.values()));
    constants.addAll(List.of(LimitRequestStatus.values()));
    for (Enum<?> constant : constants) {
      assertThat(texts).containsKey(constant.getDeclaringClass().getSimpleName() + "." + constant);
    }
    for (UsageCap cap : UsageCap.values()) {
      assertThat(texts).containsKey("usage.gauge." + cap).containsKey("usage.own." + cap);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr"})
  void aCapIsNamedInTheMailsLanguage(String language) {
    String name = UsageNotices.capName(UsageCap.DAILY_SPEND, Locale.of(language));
    assertThat(name).isEqualTo(language.equals("fr") ? "dépenses par jour" : "daily spend");
  }
}
