package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditChainVerifier;
import io.dialtone.audit.control.AuditEntry;
import io.dialtone.audit.control.AuditHash;
import io.dialtone.audit.control.AuditQuery;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.audit.control.ChainHead;
import io.dialtone.audit.control.ChainHeadStore;
import io.dialtone.audit.control.ChainVerification;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit component in Payara Micro on a real MariaDB: appends chain onto each other in id order,
 * also when many threads append at once, and a row changed behind the application's back is named
 * by the verifier (SECURITY.md J).
 */
@ExtendWith(ArquillianExtension.class)
public class AuditIT {

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("audit");
  }

  @Inject AuditTrail trail;
  @Inject AuditQuery query;
  @Inject AuditChainVerifier verifier;
  @Inject ChainHeadStore heads;
  @Inject AuditRows rows;
  @Inject Parallel parallel;

  @Test
  void appendedEventsChainOntoEachOtherAndTheHead() {
    String actor = newActor();

    List<AuditEntry> events = append(actor, 3);

    assertThat(events)
        .extracting(AuditEntry::getDetail)
        .containsExactly("event 0", "event 1", "event 2");
    for (AuditEntry event : events) {
      assertThat(event.getRowHash())
          .as("row %d as stored", event.getId())
          .isEqualTo(AuditHash.rowHash(event));
    }
    assertThat(events.get(1).getPrevHash()).isEqualTo(events.get(0).getRowHash());
    assertThat(events.get(2).getPrevHash()).isEqualTo(events.get(1).getRowHash());
    AuditEntry last = events.getLast();
    assertThat(heads.read()).isEqualTo(new ChainHead(last.getId(), last.getRowHash()));
    ChainVerification verification = verifier.verify();
    assertThat(verification.intact()).isTrue();
    assertThat(verification.checkedRows()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void concurrentAppendsKeepTheChainIntact() throws Exception {
    String actor = newActor();
    int threads = 8;
    int each = 25;

    parallel.run(threads, () -> append(actor, each));

    assertThat(rows.countByActor(actor)).isEqualTo(threads * each);
    ChainVerification verification = verifier.verify();
    assertThat(verification.intact()).as("%s", verification).isTrue();
    assertThat(verification.checkedRows()).isGreaterThanOrEqualTo(threads * each);
  }

  @Test
  void theDatabaseRefusesToUpdateOrDeleteAuditRows() {
    long id = append(newActor(), 1).get(0).getId();

    assertThatThrownBy(() -> rows.plainUpdate(id))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> rows.plainDelete(id))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void verifyNamesTheFirstRowChangedBehindTheApplicationsBack() throws Exception {
    List<AuditEntry> events = append(newActor(), 3);
    assertThat(verifier.verify().intact()).as("intact before the tampering").isTrue();
    long first = events.get(1).getId();
    long second = events.get(2).getId();

    String firstDetail = rows.tamperDetail(first, "nothing happened");
    String secondDetail = rows.tamperDetail(second, "nothing happened either");
    ChainVerification verification;
    try {
      verification = verifier.verify();
    } finally {
      rows.tamperDetail(first, firstDetail);
      rows.tamperDetail(second, secondDetail);
    }

    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenId()).isEqualTo(first);
    assertThat(verifier.verify().intact()).as("intact again once restored").isTrue();
  }

  /** Appends {@code count} events for {@code actor}; returns that actor's events, oldest first. */
  private List<AuditEntry> append(String actor, int count) {
    for (int i = 0; i < count; i++) {
      trail.record(
          AuditRecord.builder(AuditAction.SIGN_IN_FAILED, AuditResult.FAILURE)
              .actor(actor)
              .sourceIp("192.0.2.20")
              .detail("event " + i)
              .build());
    }
    return query.recentForActor(actor, Math.min(count, AuditQuery.MAX_RESULTS)).reversed();
  }

  private static String newActor() {
    return "test:" + UUID.randomUUID();
  }
}
