package io.dialtone.sip.boundary;

import io.dialtone.sip.entity.Binding;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One live registration as the extension pages show it: where the phone is, what it is, where it
 * registered from, and for how long still. Built at page load (a refresh rebuilds it).
 *
 * @param expiresMinutes whole minutes left
 * @param expiresSeconds seconds left beyond the minutes
 * @param refreshedAt the last accepted REGISTER, UTC
 */
public record RegistrationRow(
    String number,
    String contact,
    String userAgent,
    String source,
    String transport,
    long expiresMinutes,
    long expiresSeconds,
    OffsetDateTime refreshedAt)
    implements Serializable {

  public static RegistrationRow of(Binding binding, Instant now) {
    long left = binding.secondsLeft(now);
    return new RegistrationRow(
        binding.extensionNumber(),
        binding.contact(),
        binding.userAgent(),
        binding.source(),
        binding.transport(),
        left / 60,
        left % 60,
        binding.refreshedAt().atOffset(ZoneOffset.UTC));
  }

  public static List<RegistrationRow> of(List<Binding> bindings, Instant now) {
    return bindings.stream().map(b -> of(b, now)).toList();
  }
}
