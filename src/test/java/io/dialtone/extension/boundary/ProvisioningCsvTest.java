package io.dialtone.extension.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.extension.control.NewSipSecret;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provisioning download: a header, then one CRLF line per extension, values unaltered. */
class ProvisioningCsvTest {

  @Test
  void oneLinePerExtensionWithItsSecretAsGenerated() {
    assertThat(
            ProvisioningCsv.of(
                List.of(
                    new NewSipSecret(1, "201", "c-000042.sip.example", "Ab_9-xYz"),
                    new NewSipSecret(2, "202", "c-000042.sip.example", "_q8Zr7"))))
        .isEqualTo(
            "number,sip_user,realm,secret\r\n"
                + "201,201,c-000042.sip.example,Ab_9-xYz\r\n"
                + "202,202,c-000042.sip.example,_q8Zr7\r\n");
    assertThat(ProvisioningCsv.of(List.of())).isEqualTo("number,sip_user,realm,secret\r\n");
  }
}
