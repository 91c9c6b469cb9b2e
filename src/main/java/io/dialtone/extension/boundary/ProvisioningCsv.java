package io.dialtone.extension.boundary;

import io.dialtone.extension.control.NewSipSecret;
import io.dialtone.platform.control.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The provisioning file of a bulk import: {@code number,sip_user,realm,secret}, one line per
 * extension, written by {@link CsvWriter} (RFC 4180, CRLF, defused against formulas). Values are
 * digits, a domain and base64url, so nothing needs quoting, and a secret never starts with a
 * formula character ({@link io.dialtone.extension.control.SipSecrets} never starts one with {@code
 * -}), so none is altered either.
 */
public final class ProvisioningCsv {

  private ProvisioningCsv() {}

  public static String of(List<NewSipSecret> secrets) {
    StringBuilder csv = new StringBuilder(secrets.size() * 80);
    CsvWriter out = new CsvWriter(csv);
    try {
      out.row("number", "sip_user", "realm", "secret");
      for (NewSipSecret s : secrets) {
        out.row(s.number(), s.sipUser(), s.realm(), s.secret());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return csv.toString();
  }
}
