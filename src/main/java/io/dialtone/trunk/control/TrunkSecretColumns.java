package io.dialtone.trunk.control;

import io.dialtone.platform.control.StoredSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Trunks' outbound digest passwords are stored encrypted with the data key: a key rotation moves
 * them. The trunk directory holds them decrypted in memory, so a rotation changes nothing it uses.
 */
@ApplicationScoped
public class TrunkSecretColumns implements StoredSecrets {

  @Override
  public List<SecretColumn> secretColumns() {
    return List.of(new SecretColumn("trunk", "id", "auth_password"));
  }
}
