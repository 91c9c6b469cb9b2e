package io.dialtone.support.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds customer accounts in the caller's subtree (support agents: the whole platform; reseller
 * administrators: their customers) by every {@link CustomerLookup}. Needs {@link
 * Permission#SEARCH_CUSTOMERS} or, for resellers, {@link Permission#IMPERSONATE}. Each search is
 * audited with its text and the number of hits.
 */
@ApplicationScoped
public class CustomerSearch {

  public static final int MIN_LENGTH = 2;
  public static final int MAX_LENGTH = 254;

  /** The most hits one search returns. */
  public static final int MAX_HITS = 50;

  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject @Any Instance<CustomerLookup> lookups;

  /**
   * The customers {@code text} identifies, by name; at most {@value #MAX_HITS}.
   *
   * @throws IllegalArgumentException if the trimmed text is shorter than {@value #MIN_LENGTH} or
   *     longer than {@value #MAX_LENGTH} characters (check with {@link #isSearchable} first)
   */
  @Transactional
  public List<CustomerHit> search(String text, String sourceIp) {
    SignedInUser caller = caller();
    if (!isSearchable(text)) {
      throw new IllegalArgumentException("search text too short or too long");
    }
    String term = text.strip();
    Map<Long, CustomerHit> hits = new LinkedHashMap<>();
    for (CustomerLookup lookup : lookups) {
      lookup
          .find(caller.accountId(), term, MAX_HITS)
          .forEach(hit -> hits.putIfAbsent(hit.accountId(), hit));
    }
    List<CustomerHit> sorted =
        hits.values().stream()
            .sorted(
                Comparator.comparing(CustomerHit::name, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(CustomerHit::accountId))
            .limit(MAX_HITS)
            .toList();
    audit.record(
        AuditRecord.builder(AuditAction.CUSTOMERS_SEARCHED, AuditResult.SUCCESS)
            .actor(caller.actor())
            .account(caller.accountId())
            .sourceIp(sourceIp)
            .detail("text=" + term + " hits=" + sorted.size())
            .build());
    return sorted;
  }

  /** Whether {@code text}, trimmed, has a length the search accepts. */
  public static boolean isSearchable(String text) {
    int length = text == null ? 0 : text.strip().length();
    return length >= MIN_LENGTH && length <= MAX_LENGTH;
  }

  /** Whether the caller may act as the customers they find (else they only search). */
  public boolean mayImpersonate() {
    return access.may(Permission.IMPERSONATE);
  }

  private SignedInUser caller() {
    return access.may(Permission.SEARCH_CUSTOMERS)
        ? access.require(Permission.SEARCH_CUSTOMERS)
        : access.require(Permission.IMPERSONATE);
  }

  /** Refuses (404, audited) callers who may neither search nor impersonate; for the page. */
  public void requireAccess() {
    caller();
  }
}
