package io.dialtone.identity.control;

import java.io.Serializable;

/**
 * An authenticator being enrolled, before its first code confirms it: the Base32 secret (kept only
 * in the server-side view state, never stored until confirmed) and the QR code carrying it, as an
 * inline PNG data URI (B4: no reusable resource URL; the page is sent {@code no-store}).
 */
public record NewAuthenticator(String secret, String qrDataUri) implements Serializable {

  @Override
  public String toString() {
    return "NewAuthenticator[secret hidden]";
  }
}
