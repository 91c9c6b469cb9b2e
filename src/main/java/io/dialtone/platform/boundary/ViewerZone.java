package io.dialtone.platform.boundary;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time zone this session's pages show times in: UTC until sign-in, then the signed-in user's
 * (their own zone, else their account's, set by the sign-in step); and the account's country, whose
 * format phone numbers are shown in ({@link PhoneTexts}).
 */
@SessionScoped
public class ViewerZone implements Serializable {

  private static final long serialVersionUID = 1L;

  private ZoneId zone = ZoneOffset.UTC;
  private String country;

  public ZoneId get() {
    return zone;
  }

  /**
   * Switches to the zone named {@code id} (e.g. {@code America/Toronto}); an unknown id is ignored.
   */
  public void set(String id) {
    try {
      zone = ZoneId.of(id);
    } catch (DateTimeException | NullPointerException e) {
      // an account's zone is validated when saved: an unknown one leaves the current zone
    }
  }

  /** The ISO 3166 country phone numbers are written for, {@code null} before sign-in. */
  public String country() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }
}
