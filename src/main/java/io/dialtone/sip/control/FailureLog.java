package io.dialtone.sip.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;

/**
 * One line per failed SIP request (SECURITY.md D9), on the logger {@value #LOGGER}, in a format a
 * fail2ban filter matches (docs/sip.md, docker/fail2ban):
 *
 * <pre>SIP-FAIL 2026-11-28T10:15:30.123Z method=REGISTER user=201@c-000042.sip.example.com
 * src=192.0.2.7:5060 transport=UDP result=auth-failed ua="Yealink SIP-T46U"</pre>
 *
 * Every value comes from the request, so each is cut to printable ASCII without spaces or quotes
 * (the User-Agent keeps its spaces inside the quotes) and to a bounded length.
 */
@ApplicationScoped
public class FailureLog {

  public static final String LOGGER = "io.dialtone.sip.events";

  private static final Logger LOG = Logger.getLogger(LOGGER);

  @Inject Clock clock;
  @Inject SipMetrics metrics;

  /**
   * Logs that {@code request} from its source failed with {@code result} for {@code user@realm}.
   */
  public void failed(SipRequest request, String user, String realm, String result) {
    LOG.info(line(clock, request, user, realm, result));
    metrics.failure(result);
  }

  static String line(Clock clock, SipRequest request, String user, String realm, String result) {
    return "SIP-FAIL "
        + DateTimeFormatter.ISO_INSTANT.format(clock.instant())
        + " method="
        + token(request.method(), 16)
        + " user="
        + token(user + "@" + realm, 120)
        + " src="
        + request.source()
        + " transport="
        + request.source().transport()
        + " result="
        + result
        + " ua=\""
        + text(request.userAgent(), 100)
        + "\"";
  }

  private static String token(String value, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && out.length() < max; i++) {
      char c = value.charAt(i);
      out.append(c > 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
    }
    return out.isEmpty() ? "-" : out.toString();
  }

  private static String text(String value, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && out.length() < max; i++) {
      char c = value.charAt(i);
      out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
    }
    return out.toString();
  }
}
