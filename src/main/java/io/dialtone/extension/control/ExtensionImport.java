package io.dialtone.extension.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.callpolicy.control.ExtensionPolicies;
import io.dialtone.extension.control.ExtensionRefused.Reason;
import io.dialtone.extension.entity.Extension;
import io.dialtone.extension.entity.ExtensionStatus;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.DataCipher;
import io.dialtone.platform.control.DatabaseMigration;
import io.dialtone.sip.control.SipCredentialsImported;
import io.dialtone.sip.control.SipDigest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Bulk provisioning: a customer administrator's CSV of extensions, all or nothing in one
 * transaction. Every line is checked first ({@link ExtensionCsv}, plus numbers already taken in the
 * account); any broken line means nothing is written and every broken line is reported. Otherwise
 * each extension gets a generated secret, stored as encrypted HA1 values only, rows are inserted in
 * JDBC batches of {@value #BATCH} on the transaction's connection (10,000 rows in seconds), and the
 * secrets are returned once for the provisioning CSV. Audited either way, never with a secret.
 * Needs {@code MANAGE_EXTENSIONS} and {@code REVEAL_SIP_SECRET}, checked in the caller's request
 * ({@link #authorize}); the page runs {@link #process} in the background through {@link
 * ImportJobs}, with progress for its bars.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class ExtensionImport {

  static final int BATCH = 500;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject Extensions extensions;
  @Inject AccessControl access;
  @Inject CredentialIssuer issuer;
  @Inject DataCipher cipher;
  @Inject ExtensionPolicies policies;
  @Inject AuditTrail audit;
  @Inject ExtensionAccess records;
  @Inject Clock clock;
  @Inject Event<SipCredentialsImported> imported;

  /** Imports {@code csv} into the account now, in the caller's request (tests, small files). */
  @Transactional
  public ImportResult importCsv(long accountId, String csv) {
    return process(authorize(accountId), csv, ImportJob.untracked(accountId));
  }

  /**
   * Checks, in the caller's request, that they may import into {@code accountId} (refused: 404,
   * audited); the grant a background task imports with.
   */
  public ImportGrant authorize(long accountId) {
    extensions.customerAccount(accountId, Permission.MANAGE_EXTENSIONS);
    extensions.customerAccount(accountId, Permission.REVEAL_SIP_SECRET);
    return new ImportGrant(accountId, access.caller(), records.sourceIp());
  }

  /**
   * Checks every line, then imports them all or nothing, in one transaction, telling {@code job}
   * how far it got; needs no request (the background task calls it). The caller marks the job done
   * or refused once this returned (committed).
   */
  @Transactional
  public ImportResult process(ImportGrant grant, String csv, ImportJob job) {
    long accountId = grant.accountId();
    ExtensionCsv.Parsed parsed =
        ExtensionCsv.parse(
            csv,
            new ExtensionCsv.Progress() {
              @Override
              public void lines(int lines) {
                job.checking(lines);
              }

              @Override
              public void checked(int line) {
                job.checkedUpTo(line);
              }
            });
    List<ImportError> errors = new ArrayList<>(parsed.errors());
    Set<String> taken = takenNumbers(accountId);
    for (ImportLine line : parsed.lines()) {
      if (taken.contains(line.number())) {
        errors.add(new ImportError(line.line(), Reason.NUMBER_TAKEN.messageKey()));
      }
    }
    if (parsed.lines().isEmpty() && errors.isEmpty()) {
      errors.add(new ImportError(0, "extensions_import.error.empty"));
    }
    if (!errors.isEmpty()) {
      errors.sort(java.util.Comparator.comparingInt(ImportError::line));
      record(grant, AuditResult.FAILURE, "refused: " + errors.size() + " broken lines");
      return new ImportResult(List.copyOf(errors), List.of());
    }
    job.importing(parsed.lines().size());
    List<NewSipSecret> created = insert(accountId, parsed.lines(), job);
    Map<ExtensionNumber, ExtensionType> types = new LinkedHashMap<>();
    parsed.lines().forEach(l -> types.put(new ExtensionNumber(l.number()), l.type()));
    policies.createAll(accountId, types);
    if (!created.isEmpty()) {
      imported.fire(new SipCredentialsImported(created.getFirst().realm(), created.size()));
    }
    record(
        grant, AuditResult.SUCCESS, created.size() + " extensions created; secrets exported once");
    return new ImportResult(List.of(), created);
  }

  /** Audits an import that broke off (rolled back: nothing imported); no transaction needed. */
  public void recordFailure(ImportGrant grant, String why) {
    record(grant, AuditResult.FAILURE, "failed, nothing imported: " + why);
  }

  private List<NewSipSecret> insert(long accountId, List<ImportLine> lines, ImportJob job) {
    String realm = issuer.realmOf(accountId).value();
    Timestamp now = Timestamp.from(clock.instant());
    List<NewSipSecret> created = new ArrayList<>(lines.size());
    try (Connection db = dataSource.getConnection();
        PreparedStatement insert =
            db.prepareStatement(
                """
                INSERT INTO extension (account_id, number, display_name, type, status, realm,
                  ha1_sha256, ha1_md5, secret_changed_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      int pending = 0;
      for (ImportLine line : lines) {
        String secret = SipSecrets.newSecret();
        insert.setLong(1, accountId);
        insert.setString(2, line.number());
        insert.setString(3, line.name());
        insert.setString(4, line.type().name());
        insert.setString(5, ExtensionStatus.ACTIVE.name());
        insert.setString(6, realm);
        insert.setString(7, cipher.encrypt(SipDigest.SHA_256.ha1(line.number(), realm, secret)));
        insert.setString(8, cipher.encrypt(SipDigest.MD5.ha1(line.number(), realm, secret)));
        insert.setTimestamp(9, now);
        insert.setTimestamp(10, now);
        insert.addBatch();
        created.add(new NewSipSecret(0L, line.number(), realm, secret));
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
          job.storedSoFar(created.size());
        }
      }
      if (pending > 0) {
        insert.executeBatch();
        job.storedSoFar(created.size());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("storing imported extensions failed", e);
    }
    return created;
  }

  private Set<String> takenNumbers(long accountId) {
    Set<String> taken = new HashSet<>();
    em.createNamedQuery(Extension.LIST_BY_ACCOUNT, Extension.class)
        .setParameter("accountId", AccountId.of(accountId))
        .getResultStream()
        .forEach(e -> taken.add(e.getNumber().digits()));
    return taken;
  }

  private void record(ImportGrant grant, AuditResult result, String detail) {
    SignedInUser caller = grant.caller();
    long accountId = grant.accountId();
    audit.record(
        AuditRecord.builder(AuditAction.EXTENSIONS_IMPORTED, result)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .target("account:" + accountId)
            .account(accountId)
            .sourceIp(grant.sourceIp())
            .detail(detail)
            .build());
  }
}
