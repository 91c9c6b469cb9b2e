package io.dialtone.platform.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A business rule says no to what a person typed or asked for, and the person can fix it or should
 * know why: a number out of range, a duplicate, a password the policy refuses, a link that expired.
 * Nothing was changed. It carries the bundle keys and arguments of the explanation, shown in the
 * viewer's language by {@code platform.boundary.Messages#refusal} (the exception's own message is
 * for logs only).
 *
 * <p>The rule for exceptions in Dialtone:
 *
 * <ul>
 *   <li>Every refusal of input is a {@code Refusal} (or a subclass naming the use case, so a caller
 *       that must do more than show the words can catch it alone). It is unchecked; the backing
 *       bean of the action catches it and hands it to {@code Messages#refusal}, then keeps the form
 *       as typed (or switches the page to its "link not valid" state).
 *   <li>Being unchecked, a refusal rolls back a {@code @Transactional} use case, which is what
 *       "nothing changed" means. A use case that must keep a write made before refusing (a counted
 *       failure, SECURITY.md A5) says so with {@code dontRollbackOn}; audit rows are written in
 *       their own transaction and always stay.
 *   <li>{@link AccessDenied} is not a refusal: the caller may not see or do this, and the page
 *       answers 404 without a word about why.
 *   <li>A condition the caller must answer with another step and then retry (a step-up prompt) is a
 *       checked exception of its own, not a refusal.
 * </ul>
 */
public class Refusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** One explanation: a bundle key and the arguments of its pattern. */
  public record Explanation(String key, List<Object> arguments) {

    public Explanation {
      // not List.copyOf: an argument may be null (shown as "null", as MessageFormat does)
      arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    public static Explanation of(String key, Object... arguments) {
      return new Explanation(key, Arrays.asList(arguments));
    }
  }

  /**
   * An argument that is itself a bundle key (an enum's label, say): shown translated, in the same
   * language as the sentence around it.
   */
  public record Label(String key) {}

  private final transient List<Explanation> explanations;

  /** A refusal explained by one message, {@code key} with {@code arguments}. */
  public Refusal(String key, Object... arguments) {
    this(List.of(Explanation.of(key, arguments)));
  }

  /** A refusal explained by several messages, shown in this order (at least one). */
  public Refusal(List<Explanation> explanations) {
    super(String.join(", ", explanations.stream().map(Explanation::key).toList()));
    if (explanations.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs at least one explanation");
    }
    this.explanations = List.copyOf(explanations);
  }

  /** Every explanation, in the order to show them. */
  public List<Explanation> explanations() {
    return explanations;
  }

  /** The bundle key of the first (usually the only) explanation. */
  public String messageKey() {
    return explanations.getFirst().key();
  }

  /** The arguments of the first explanation. */
  public Object[] arguments() {
    return explanations.getFirst().arguments().toArray();
  }
}
