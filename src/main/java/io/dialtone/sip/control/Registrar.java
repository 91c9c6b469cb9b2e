package io.dialtone.sip.control;

import io.dialtone.sip.control.SipRequest.ContactEntry;
import io.dialtone.sip.entity.Binding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registrar's rules for an authenticated REGISTER (RFC 3261 §10.3 steps 6–8), one extension at
 * a time: {@code Contact: *} with {@code Expires: 0} removes every binding; each contact's expiry
 * is its {@code expires} parameter, else the Expires header, else the default; a non-zero expiry
 * below the minimum fails the whole request with 423 and Min-Expires, one above the maximum is
 * lowered to it; a binding with the request's Call-ID is changed only by a higher CSeq (else 500,
 * nothing changed). An extension holds at most its {@code maxRegistrations} bindings: more new
 * contacts than that in one request is 403; otherwise a new contact replaces the binding refreshed
 * longest ago. The 200 OK lists every current binding with its remaining seconds.
 */
@ApplicationScoped
public class Registrar {

  /** Longest Contact URI kept (the column is as wide). */
  public static final int MAX_CONTACT = 512;

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  @Inject LocationService location;
  @Inject SipSettings settings;
  @Inject Clock clock;
  @Inject SipMetrics metrics;

  private final Object[] locks = newLocks(1024);

  /** Applies an authenticated REGISTER of {@code user}. */
  public SipAnswer register(SipRequest request, SipUser user) {
    SipAnswer answer;
    synchronized (locks[(int) (user.extensionId() & (locks.length - 1))]) {
      answer = registerLocked(request, user, clock.instant());
    }
    metrics.registration(answer.status());
    return answer;
  }

  private SipAnswer registerLocked(SipRequest request, SipUser user, Instant now) {
    List<Binding> current = location.bindingsOf(user.extensionId());
    if (request.wildcard()) {
      if (request.expires() != 0 || !request.contacts().isEmpty()) {
        return SipAnswer.of(400);
      }
      if (outOfOrder(current, request)) {
        return SipAnswer.of(500);
      }
      location.removeAll(user.extensionId());
      return ok(List.of(), now);
    }
    Map<String, Long> wanted = new HashMap<>();
    for (ContactEntry contact : request.contacts()) {
      if (contact.uri().length() > MAX_CONTACT) {
        return SipAnswer.of(400);
      }
      long expires = contact.expires() >= 0 ? contact.expires() : request.expires();
      expires = expires >= 0 ? expires : settings.defaultExpires();
      if (expires > 0 && expires < settings.minExpires()) {
        return SipAnswer.of(
            423, new SipAnswer.Header("Min-Expires", Integer.toString(settings.minExpires())));
      }
      wanted.put(contact.uri(), Math.min(expires, settings.maxExpires()));
    }
    if (outOfOrder(
        current.stream().filter(b -> wanted.containsKey(b.contact())).toList(), request)) {
      return SipAnswer.of(500);
    }
    long added = wanted.entrySet().stream().filter(e -> e.getValue() > 0).count();
    if (added > user.maxRegistrations()) {
      return SipAnswer.of(403);
    }
    List<Binding> kept = new ArrayList<>();
    for (Binding binding : current) {
      if (!wanted.containsKey(binding.contact())) {
        kept.add(binding);
      }
    }
    for (Map.Entry<String, Long> contact : wanted.entrySet()) {
      if (contact.getValue() == 0) {
        location.remove(user.extensionId(), contact.getKey());
      }
    }
    kept.sort(Comparator.comparing(Binding::refreshedAt));
    for (int i = 0; i < kept.size() + added - user.maxRegistrations(); i++) {
      location.remove(user.extensionId(), kept.get(i).contact());
    }
    for (Map.Entry<String, Long> contact : wanted.entrySet()) {
      if (contact.getValue() > 0) {
        location.put(binding(request, user, contact.getKey(), contact.getValue(), now));
      }
    }
    return ok(location.bindingsOf(user.extensionId()), now);
  }

  /** A binding of the request's Call-ID that a CSeq not higher than its own would change. */
  private static boolean outOfOrder(List<Binding> current, SipRequest request) {
    return current.stream()
        .anyMatch(b -> b.callId().equals(request.callId()) && request.cseq() <= b.cseq());
  }

  private static Binding binding(
      SipRequest request, SipUser user, String contact, long expires, Instant now) {
    String agent = request.userAgent();
    return new Binding(
        user.extensionId(),
        user.accountId().value(),
        user.number().digits(),
        contact,
        agent.length() > 255 ? agent.substring(0, 255) : agent,
        request.source().toString(),
        request.source().transport(),
        request.callId().length() > 255 ? request.callId().substring(0, 255) : request.callId(),
        request.cseq(),
        now.plusSeconds(expires),
        now);
  }

  private static SipAnswer ok(List<Binding> bindings, Instant now) {
    List<SipAnswer.Header> headers = new ArrayList<>();
    for (Binding binding : bindings) {
      headers.add(
          new SipAnswer.Header(
              "Contact", "<" + binding.contact() + ">;expires=" + binding.secondsLeft(now)));
    }
    headers.add(new SipAnswer.Header("Date", HTTP_DATE.format(now)));
    return new SipAnswer(200, headers);
  }

  private static Object[] newLocks(int count) {
    Object[] locks = new Object[count];
    for (int i = 0; i < count; i++) {
      locks[i] = new Object();
    }
    return locks;
  }
}
