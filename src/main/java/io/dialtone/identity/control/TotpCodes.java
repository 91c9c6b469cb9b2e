package io.dialtone.identity.control;

import com.bastiaanjansen.otp.HMACAlgorithm;
import com.bastiaanjansen.otp.HOTPGenerator;
import com.bastiaanjansen.otp.SecretGenerator;
import io.dialtone.platform.control.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Time-based one-time passwords (RFC 6238): HMAC-SHA1, {@value #DIGITS} digits, {@value
 * #PERIOD_SECONDS}-second steps.
 *
 * <p>Rule (SECURITY.md B2, B4): secrets carry {@value #SECRET_BITS} bits from a CSPRNG; a code is
 * accepted for the current step and for one step back only, never ahead (otp-java's own verify
 * window is symmetric, so the steps are checked here). {@link #acceptedStep} answers which step
 * matched; it does not stop replays. The caller enforces B3 (each step usable once) by storing the
 * step with an atomic conditional update, {@code UPDATE ... SET last_totp_step = :step WHERE id =
 * :id AND (last_totp_step IS NULL OR last_totp_step < :step)}, and rejects the code when no row
 * changed. Stateless and thread-safe.
 */
@ApplicationScoped
public class TotpCodes {

  /** Digits in a code. */
  public static final int DIGITS = 6;

  /** Length of a time step, in seconds. */
  public static final int PERIOD_SECONDS = 30;

  /** Entropy of a new secret. */
  public static final int SECRET_BITS = 160;

  private static final Pattern CODE = Pattern.compile("[0-9]{" + DIGITS + "}");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** A new shared secret, Base32 without padding ({@value #SECRET_BITS} bits, 32 characters). */
  public static String newSecret() {
    return new String(SecretGenerator.generate(SECRET_BITS), StandardCharsets.US_ASCII);
  }

  /** The RFC 6238 time step that contains {@code t}. */
  public static long stepAt(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), PERIOD_SECONDS);
  }

  /** The code for {@code step}, zero-padded to {@value #DIGITS} digits. */
  public String codeAt(String base32Secret, long step) {
    return new HOTPGenerator.Builder(base32Secret)
        .withPasswordLength(DIGITS)
        .withAlgorithm(HMACAlgorithm.SHA1)
        .build()
        .generate(step);
  }

  /**
   * The step at which {@code code} is valid, trying the current step of {@code now} first, then the
   * one before it.
   *
   * @param code what the user typed; spaces are ignored, anything else but exactly {@value #DIGITS}
   *     ASCII digits is rejected
   * @return the matching step, or empty when no accepted step matches
   */
  public OptionalLong acceptedStep(String base32Secret, String code, Instant now) {
    if (code == null) {
      return OptionalLong.empty();
    }
    String typed = SPACES.matcher(code).replaceAll("");
    if (!CODE.matcher(typed).matches()) {
      return OptionalLong.empty();
    }
    long current = stepAt(now);
    boolean currentMatches = SecureTokens.constantTimeEquals(codeAt(base32Secret, current), typed);
    boolean previousMatches =
        current > 0 && SecureTokens.constantTimeEquals(codeAt(base32Secret, current - 1), typed);
    if (currentMatches) {
      return OptionalLong.of(current);
    }
    return previousMatches ? OptionalLong.of(current - 1) : OptionalLong.empty();
  }

  /**
   * The {@code otpauth://} URI that authenticator apps read from the enrolment QR code.
   *
   * @param issuer the service name shown in the app; no {@code :}
   * @param accountName the user's sign-in name; no {@code :}
   * @param secret the Base32 secret from {@link #newSecret()}
   */
  public String otpauthUri(String issuer, String accountName, String secret) {
    String encodedIssuer = encode(issuer);
    return "otpauth://totp/"
        + encodedIssuer
        + ":"
        + encode(accountName)
        + "?secret="
        + encode(secret)
        + "&issuer="
        + encodedIssuer
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + PERIOD_SECONDS;
  }

  /** Percent-encodes a label part or query value (a space becomes {@code %20}, not {@code +}). */
  private static String encode(String value) {
    if (value == null || value.isBlank() || value.indexOf(':') >= 0) {
      throw new IllegalArgumentException("otpauth label parts must be non-blank and without ':'");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
