package io.dialtone.extension.control;

import io.dialtone.platform.control.StoredSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Extensions' HA1 values (SHA-256 and MD5) are stored encrypted with the data key: a key rotation
 * moves them. The registrar's credential cache may hold a value under the old key for a while; it
 * still decrypts, the old key staying in the ring until it is retired and removed.
 */
@ApplicationScoped
public class SipSecretColumns implements StoredSecrets {

  @Override
  public List<SecretColumn> secretColumns() {
    return List.of(
        new SecretColumn("extension", "id", "ha1_sha256"),
        new SecretColumn("extension", "id", "ha1_md5"));
  }
}
