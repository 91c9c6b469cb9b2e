package io.dialtone.trunk.control;

import io.dialtone.platform.control.StoredSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Trunks' outbound digest passwords are stored encrypted with the data key: a key rotation moves
 * them. The directory keeps decrypted logins in memory until its next reload; a reload after the
 * rotation reads them under the new key, the old key staying in the ring until it is retired.
 */
@ApplicationScoped
public class TrunkSecretColumns implements StoredSecrets {

  @Override
  public List<SecretColumn> secretColumns() {
    return List.of(new SecretColumn("trunk", "id", "auth_password"));
  }
}
