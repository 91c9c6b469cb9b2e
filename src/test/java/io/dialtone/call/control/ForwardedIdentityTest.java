package io.dialtone.call.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.cdr.control.ContinuityReason;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.sip.control.Diversion;
import org.junit.jupiter.api.Test;

/** What the forwarded leg of a carrier's call presents and how it names the DID it came to. */
class ForwardedIdentityTest {

  private static final E164Number DID = E164Number.parse("+16135570011").orElseThrow();

  @Test
  void theCallersOwnNumberIsPresentedAsTheCarrierSentIt() {
    assertThat(ForwardedIdentity.presented("+15145550177", DID).value()).isEqualTo("+15145550177");
    assertThat(ForwardedIdentity.presented("15145550177", DID).value()).isEqualTo("+15145550177");
  }

  @Test
  void aCallerWithoutANumberIsPresentedAsTheDid() {
    assertThat(ForwardedIdentity.presented("anonymous", DID)).isEqualTo(DID);
    assertThat(ForwardedIdentity.presented("", DID)).isEqualTo(DID);
    assertThat(ForwardedIdentity.presented(null, DID)).isEqualTo(DID);
  }

  @Test
  void theContinuityReasonBecomesRfc5806sReason() {
    assertThat(ForwardedIdentity.diversion(DID, ContinuityReason.NOT_REGISTERED))
        .isEqualTo(new Diversion("+16135570011", "unavailable"));
    assertThat(ForwardedIdentity.diversion(DID, ContinuityReason.UNREACHABLE).reason())
        .isEqualTo("unavailable");
    assertThat(ForwardedIdentity.diversion(DID, ContinuityReason.NO_ANSWER).reason())
        .isEqualTo("no-answer");
  }

  @Test
  void theHeaderNamesTheDidAtThisProxyWithItsReasonAndOneDiversion() {
    assertThat(new Diversion("+16135570011", "no-answer").headerValue("sip.example.com"))
        .isEqualTo("<sip:+16135570011@sip.example.com>;reason=no-answer;counter=1");
  }

  @Test
  void onlyAnE164NumberAndAnRfc5806ReasonMakeADiversion() {
    assertThatThrownBy(() -> new Diversion("6135570011", "unavailable"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Diversion("+16135570011>;x=<", "unavailable"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Diversion("+16135570011", "busy"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
