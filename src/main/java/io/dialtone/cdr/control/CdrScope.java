package io.dialtone.cdr.control;

import java.util.Set;

/**
 * Which calls of an account a caller may read: all of them ({@code extensionIds == null}: customer
 * admins, resellers, support, platform), or only those recorded for the extensions assigned to them
 * (a customer user), by extension id: a number deleted and given to another extension later does
 * not bring its earlier calls along. {@code numbers} are those extensions' numbers now (what the
 * user may type in the extension filter); both sets are empty when none is assigned.
 */
public record CdrScope(long accountId, Set<Long> extensionIds, Set<String> numbers) {

  public CdrScope {
    extensionIds = extensionIds == null ? null : Set.copyOf(extensionIds);
    numbers = numbers == null ? null : Set.copyOf(numbers);
  }

  /** The whole account. */
  public static CdrScope whole(long accountId) {
    return new CdrScope(accountId, null, null);
  }

  public boolean wholeAccount() {
    return extensionIds == null;
  }

  /** Whether the caller may name the extension numbered {@code extension} in a filter. */
  public boolean covers(String extension) {
    return extensionIds == null || numbers.contains(extension);
  }

  /** Whether the calls of the extension with id {@code extensionId} are in scope. */
  public boolean coversId(Long extensionId) {
    return extensionIds == null || extensionId != null && extensionIds.contains(extensionId);
  }
}
