package io.dialtone.extension.control;

/**
 * Tells whether a PIN matches a stored PIN hash; implemented by whatever hashes PINs (the
 * PIN-setting control), so the policy never sees a hashing scheme.
 */
@FunctionalInterface
public interface PinHashes {

  boolean matches(String pin, String storedHash);
}
