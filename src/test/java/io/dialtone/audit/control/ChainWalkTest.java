package io.dialtone.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.audit.entity.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainWalkTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.000001Z");

  /** Five chained events with ids 1..5 (index i has id i + 1). */
  private static List<AuditEvent> chain() {
    List<AuditEvent> events = new ArrayList<>();
    String prev = AuditHash.GENESIS;
    for (int i = 1; i <= 5; i++) {
      AuditEvent event = record("row " + i).toEvent(T0.plusSeconds(i), prev);
      events.add(event);
      prev = event.getRowHash();
    }
    return events;
  }

  private static AuditRecord record(String detail) {
    return AuditRecord.builder(AuditAction.SIGN_IN_PASSWORD, AuditResult.SUCCESS)
        .actor("alice@example.com")
        .sourceIp("192.0.2.7")
        .detail(detail)
        .build();
  }

  private static ChainLink link(long id, AuditEvent event) {
    return new ChainLink(id, event.getPrevHash(), event.getRowHash(), AuditHash.rowHash(event));
  }

  private static List<ChainLink> links(List<AuditEvent> events) {
    List<ChainLink> links = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      links.add(link(i + 1, events.get(i)));
    }
    return links;
  }

  private static ChainHead headOf(List<AuditEvent> events) {
    return new ChainHead(5, events.get(4).getRowHash());
  }

  @Test
  void untouchedChainIsIntact() {
    List<AuditEvent> events = chain();

    assertThat(ChainWalk.walk(links(events), headOf(events)))
        .isEqualTo(new ChainVerification(true, 5, null));
  }

  @Test
  void emptyChainIsIntact() {
    assertThat(ChainWalk.walk(List.of(), ChainHead.EMPTY))
        .isEqualTo(new ChainVerification(true, 0, null));
  }

  @Test
  void editedDetailIsReportedAtThatRow() {
    List<AuditEvent> events = chain();
    AuditEvent original = events.get(2);
    AuditEvent edited =
        new AuditEvent(
            original.getOccurredAt(),
            original.getActor(),
            original.getOnBehalfOf(),
            original.getAction(),
            original.getTarget(),
            original.getResult(),
            original.getSourceIp(),
            "row 3, edited",
            original.getAccountId(),
            original.getPrevHash(),
            original.getRowHash());
    events.set(2, edited);

    assertThat(ChainWalk.walk(links(events), headOf(events)))
        .isEqualTo(new ChainVerification(false, 3, 3L));
  }

  @Test
  void editedRowWithRecomputedHashIsReportedAtTheNextRow() {
    List<AuditEvent> events = chain();
    events.set(2, record("row 3, edited").toEvent(T0.plusSeconds(3), events.get(1).getRowHash()));

    assertThat(ChainWalk.walk(links(events), headOf(events)))
        .isEqualTo(new ChainVerification(false, 4, 4L));
  }

  @Test
  void deletedRowIsReportedAtTheRowAfterTheGap() {
    List<ChainLink> links = links(chain());
    ChainLink lastLink = links.get(4);
    links.remove(2);

    assertThat(ChainWalk.walk(links, new ChainHead(5, lastLink.rowHash())))
        .isEqualTo(new ChainVerification(false, 3, 4L));
  }

  @Test
  void swappedRowsAreReportedAtTheFirstOfThem() {
    List<AuditEvent> events = chain();
    List<ChainLink> links = links(events);
    links.set(2, link(3, events.get(3)));
    links.set(3, link(4, events.get(2)));

    assertThat(ChainWalk.walk(links, headOf(events)))
        .isEqualTo(new ChainVerification(false, 3, 3L));
  }

  @Test
  void rowsOutOfIdOrderAreBroken() {
    List<ChainLink> links = links(chain());
    List<ChainLink> reordered = List.of(links.get(0), links.get(1), links.get(3), links.get(2));

    assertThat(ChainWalk.walk(reordered, new ChainHead(5, links.get(4).rowHash())).firstBrokenId())
        .isEqualTo(4L);
  }

  @Test
  void rowsCutOffTheEndAreReportedAtTheHeadId() {
    List<AuditEvent> events = chain();
    List<ChainLink> links = links(events).subList(0, 3);

    assertThat(ChainWalk.walk(links, headOf(events)))
        .isEqualTo(new ChainVerification(false, 3, 5L));
  }

  @Test
  void idGapsFromRolledBackAppendsAreFine() {
    List<AuditEvent> events = chain();
    List<ChainLink> links = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      links.add(link(10L * (i + 1), events.get(i)));
    }

    assertThat(ChainWalk.walk(links, new ChainHead(50, events.get(4).getRowHash())).intact())
        .isTrue();
  }

  @Test
  void firstRowMustStartFromGenesis() {
    List<AuditEvent> events = chain();
    List<ChainLink> links = links(events).subList(1, 5);

    assertThat(ChainWalk.walk(links, headOf(events)).firstBrokenId()).isEqualTo(2L);
  }
}
