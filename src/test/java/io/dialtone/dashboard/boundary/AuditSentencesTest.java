package io.dialtone.dashboard.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Audit details in words, with the application's own bundle in English and French. */
class AuditSentencesTest {

  @Test
  void anAccountChangeReadsAsASentenceWithMoneyInTheAccountsCurrency() {
    String detail = "changed dailySpendCap 50.00 -> 80.00, concurrentCallsCap none -> 1000, name";

    assertThat(sentences(Locale.ENGLISH).sentence(detail, 7L))
        .isEqualTo(
            "changed the daily spend cap from 50.00 CAD to 80.00 CAD; changed the cap on"
                + " simultaneous calls from none to 1,000; changed the name");
    assertThat(sentences(Locale.FRENCH).sentence(detail, 7L))
        .isEqualTo(
            "a changé le plafond de dépense quotidien de 50,00 CAD à 80,00 CAD; a changé le"
                + " plafond d’appels simultanés de aucun à 1\u202f000; a changé le nom");
  }

  @Test
  void rolesAndCodesReadAsTheirLabelsNeverAsConstantsOrNull() {
    assertThat(
            sentences(Locale.ENGLISH)
                .sentence("roles [CUSTOMER_USER] -> [CUSTOMER_ADMIN, CUSTOMER_USER]", 7L))
        .isEqualTo("changed the roles from Customer user to Customer administrator, Customer user");
    assertThat(sentences(Locale.ENGLISH).sentence("none -> ACTIVE", 7L))
        .startsWith("from none to ")
        .doesNotContain("ACTIVE");
    assertThat(sentences(Locale.ENGLISH).sentence("null -> 12", 7L)).isEqualTo("from none to 12");
    assertThat(sentences(Locale.ENGLISH).sentence("own profile; changed name", 7L))
        .isEqualTo("on the account’s own profile; changed the name");
    assertThat(sentences(Locale.ENGLISH).sentence("roles [A]; link valid 72 h", 7L))
        .isEqualTo("roles [A]; link valid 72 h"); // no known shape: as written
  }

  @Test
  void refusalsExportsAndSearchesReadAsSentencesNeverAsCodes() {
    assertThat(sentences(Locale.ENGLISH).sentence("missing VIEW_AUDIT", 7L))
        .isEqualTo("refused: the permission to read the audit trail is needed");
    assertThat(sentences(Locale.FRENCH).sentence("missing MANAGE_TRUNKS", 7L))
        .isEqualTo("refusé : il faut la permission de gérer les liaisons opérateur");
    assertThat(sentences(Locale.ENGLISH).sentence("missing NOT_A_PERMISSION", 7L))
        .isEqualTo("missing NOT_A_PERMISSION");
    String filter = "account:7 2026-11-01T05:00:00Z..2026-12-01T05:00:00Z direction=OUTBOUND";
    assertThat(sentences(Locale.ENGLISH).sentence(filter + " rows=126537", 7L))
        .isEqualTo("126,537 calls exported");
    assertThat(sentences(Locale.FRENCH).sentence(filter + " rows=1", 7L))
        .isEqualTo("1 appel exporté");
    assertThat(sentences(Locale.ENGLISH).sentence(filter + " rows=40 failed", 7L))
        .isEqualTo("export failed after 40 calls");
    assertThat(sentences(Locale.ENGLISH).sentence("text=Acme Dental hits=3", 7L))
        .isEqualTo("searched for “Acme Dental”: 3 customers found");
    assertThat(sentences(Locale.FRENCH).sentence("text=acme hits=0", 7L))
        .isEqualTo("recherche de « acme » : aucun client trouvé");
  }

  private static AuditSentences sentences(Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle("io.dialtone.i18n.messages", locale);
    AuditSentences.Texts texts =
        new AuditSentences.Texts() {
          @Override
          public String text(String key, Object... args) {
            return new MessageFormat(bundle.getString(key), locale).format(args);
          }

          @Override
          public Optional<String> label(String constant) {
            return bundle.keySet().stream()
                .sorted()
                .filter(key -> key.endsWith("." + constant) && Character.isUpperCase(key.charAt(0)))
                .findFirst()
                .map(bundle::getString);
          }
        };
    return new AuditSentences(texts, locale, accountId -> Optional.of("CAD"));
  }
}
