package io.dialtone.cdr.control;

import java.util.Set;

/**
 * Which calls of an account a caller may read: all of them ({@code extensions == null}: customer
 * admins, resellers, support, platform), or only those of the extensions assigned to them (a
 * customer user; an empty set when none is).
 */
public record CdrScope(long accountId, Set<String> extensions) {

  public CdrScope {
    extensions = extensions == null ? null : Set.copyOf(extensions);
  }

  public boolean wholeAccount() {
    return extensions == null;
  }

  /** Whether the calls of {@code extension} are in scope. */
  public boolean covers(String extension) {
    return extensions == null || extensions.contains(extension);
  }
}
