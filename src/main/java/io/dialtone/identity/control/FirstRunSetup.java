package io.dialtone.identity.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up, after the schema is migrated: while no platform administrator exists, prints the
 * one-time setup link on the console (the only place it ever appears) and audits that it did.
 */
@ApplicationScoped
public class FirstRunSetup {

  private static final Logger LOG = Logger.getLogger(FirstRunSetup.class.getName());

  @Inject SetupLinks links;
  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "dialtone.public-url", defaultValue = "https://localhost:8443")
  String publicUrl;

  void onStart(
      @Observes @Initialized(ApplicationScoped.class) @Priority(DatabaseMigration.PRIORITY + 20)
          Object event) {
    links
        .issueIfNoAdministrator()
        .ifPresent(
            token -> {
              String link = publicUrl.replaceAll("/+$", "") + "/setup.xhtml?token=" + token;
              LOG.warning(
                  () ->
                      String.join(
                          System.lineSeparator(),
                          "",
                          "==================================================================",
                          " Dialtone has no administrator yet. Open this one-time setup link",
                          " (valid 24 h, single use; a restart replaces it):",
                          " " + link,
                          "=================================================================="));
              audit.record(
                  AuditRecord.builder(AuditAction.SETUP_LINK_ISSUED, AuditResult.SUCCESS)
                      .actor("system")
                      .account(AccountScope.PLATFORM_ACCOUNT_ID)
                      .build());
            });
  }
}
