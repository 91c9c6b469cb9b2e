package io.dialtone.sip.control;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends an OPTIONS out (a carrier's health probe); the SIP transport implements it. */
public interface OptionsPing {

  /**
   * An OPTIONS to {@code uri} (e.g. {@code sip:carrier.example:5060;transport=tcp}): completes with
   * the final status it got, or 0 without one within {@code timeout} (or when SIP is off).
   */
  CompletableFuture<Integer> ping(String uri, Duration timeout);

  /** Whether SIP runs on this node (pings can be sent). */
  boolean active();
}
