package io.dialtone.extension.boundary;

import io.dialtone.extension.control.NewSipSecret;
import java.util.List;

/**
 * The provisioning file of a bulk import: {@code number,sip_user,realm,secret}, one line per
 * extension, CRLF (RFC 4180). Values are digits, a domain and base64url: nothing to quote, and none
 * starts with a spreadsheet formula character ({@link io.dialtone.extension.control.SipSecrets}
 * never starts a secret with {@code -}).
 */
public final class ProvisioningCsv {

  private ProvisioningCsv() {}

  public static String of(List<NewSipSecret> secrets) {
    StringBuilder csv =
        new StringBuilder(secrets.size() * 80).append("number,sip_user,realm,secret\r\n");
    for (NewSipSecret s : secrets) {
      csv.append(s.number())
          .append(',')
          .append(s.sipUser())
          .append(',')
          .append(s.realm())
          .append(',')
          .append(s.secret())
          .append("\r\n");
    }
    return csv.toString();
  }
}
