package io.dialtone.support.control;

import java.util.List;

/**
 * One way to find customer accounts from what a caller knows about them. Each is a CDI bean; the
 * search asks them all and merges their hits: account name or number, user e-mail, extension number
 * (through the extension component), DID (through the DID component).
 */
public interface CustomerLookup {

  /**
   * Customer accounts in the subtree of {@code rootId} that {@code text} identifies, at most {@code
   * limit}. {@code text} is trimmed and at least {@value CustomerSearch#MIN_LENGTH} characters.
   */
  List<CustomerHit> find(long rootId, String text, int limit);
}
