package io.dialtone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.sip.entity.BanReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The bans page and the ban notices show {@code BanReason.*} from the bundle: every constant has
 * its text in English and French.
 */
class SipLabelsTest {

  @Test
  void everyBanReasonHasItsTextInBothLanguages() {
    for (String bundle : new String[] {"messages.properties", "messages_fr.properties"}) {
      Properties texts = load(bundle);
      for (BanReason reason : BanReason.values()) {
        assertThat(texts).as(bundle).containsKey("BanReason." + reason.name());
      }
    }
  }

  private static Properties load(String name) {
    Properties properties = new Properties();
    try (InputStream in =
        Files.newInputStream(Path.of("src/main/resources/io/dialtone/i18n", name))) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
