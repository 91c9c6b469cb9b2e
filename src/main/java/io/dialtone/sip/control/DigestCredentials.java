package io.dialtone.sip.control;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one {@code Authorization: Digest ...} header (RFC 7616 §3.4), parsed without
 * the SIP library. Unknown parameters are ignored; a malformed header yields nothing.
 */
public record DigestCredentials(
    String username,
    String realm,
    String nonce,
    String uri,
    String response,
    String algorithm,
    String qop,
    String nc,
    String cnonce) {

  private static final int MAX_LENGTH = 4096;

  /** The credentials in {@code header}, if it is a well-formed Digest header. */
  public static Optional<DigestCredentials> parse(String header) {
    if (header == null || header.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String text = header.strip();
    if (text.length() < 7
        || !text.regionMatches(true, 0, "Digest", 0, 6)
        || !Character.isWhitespace(text.charAt(6))) {
      return Optional.empty();
    }
    Map<String, String> params = params(text.substring(7));
    if (params == null) {
      return Optional.empty();
    }
    String username = params.get("username");
    String nonce = params.get("nonce");
    String response = params.get("response");
    if (username == null || nonce == null || response == null) {
      return Optional.empty();
    }
    return Optional.of(
        new DigestCredentials(
            username,
            params.getOrDefault("realm", ""),
            nonce,
            params.getOrDefault("uri", ""),
            response.toLowerCase(Locale.ROOT),
            params.getOrDefault("algorithm", "MD5"),
            params.getOrDefault("qop", ""),
            params.getOrDefault("nc", ""),
            params.getOrDefault("cnonce", "")));
  }

  /**
   * The parameters of a {@code WWW-Authenticate} or {@code Proxy-Authenticate: Digest ...}
   * challenge (a carrier's): realm, nonce, algorithm (MD5 when absent) and qop (empty when absent);
   * the other fields empty.
   */
  public static Optional<DigestCredentials> parseChallenge(String header) {
    if (header == null || header.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String text = header.strip();
    if (text.length() < 7
        || !text.regionMatches(true, 0, "Digest", 0, 6)
        || !Character.isWhitespace(text.charAt(6))) {
      return Optional.empty();
    }
    Map<String, String> params = params(text.substring(7));
    if (params == null || params.get("nonce") == null || params.get("realm") == null) {
      return Optional.empty();
    }
    return Optional.of(
        new DigestCredentials(
            "",
            params.get("realm"),
            params.get("nonce"),
            "",
            "",
            params.getOrDefault("algorithm", "MD5"),
            params.getOrDefault("qop", ""),
            "",
            ""));
  }

  /** {@code name=value} or {@code name="value"} pairs separated by commas; null when malformed. */
  private static Map<String, String> params(String text) {
    Map<String, String> params = new HashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        return null;
      }
      String name = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
      i = eq + 1;
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      String value;
      if (i < n && text.charAt(i) == '"') {
        StringBuilder quoted = new StringBuilder();
        i++;
        while (i < n && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          quoted.append(text.charAt(i++));
        }
        if (i >= n) {
          return null;
        }
        i++;
        value = quoted.toString();
      } else {
        int end = text.indexOf(',', i);
        end = end < 0 ? n : end;
        value = text.substring(i, end).strip();
        i = end;
      }
      if (name.isEmpty() || params.putIfAbsent(name, value) != null) {
        return null;
      }
    }
    return params;
  }
}
