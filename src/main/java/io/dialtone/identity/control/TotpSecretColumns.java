package io.dialtone.identity.control;

import io.dialtone.platform.control.StoredSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Users' TOTP secrets are stored encrypted with the data key: a key rotation moves them. */
@ApplicationScoped
public class TotpSecretColumns implements StoredSecrets {

  @Override
  public List<SecretColumn> secretColumns() {
    return List.of(new SecretColumn("app_user", "id", "totp_secret"));
  }
}
