package io.dialtone.extension.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.sip.control.SipCredentialsChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The callers' snapshot: read once for every call, read again after a committed change, never kept
 * when a change commits while it is read, and an extension it does not hold read alone (the rows
 * here are a list; the database side is the call tests').
 */
class CallingExtensionsTest {

  private static final AccountId ACCOUNT = AccountId.of(7);

  /** Rows in a list, counting the reads of all of them and of one. */
  private static final class ListedRows extends LiveExtensionRows {
    final List<CallingParty> rows = new ArrayList<>();
    int wholeReads;
    int singleReads;
    Runnable duringRead = () -> {};

    @Override
    public List<CallingParty> all() {
      wholeReads++;
      List<CallingParty> copy = List.copyOf(rows);
      duringRead.run();
      return copy;
    }

    @Override
    public Optional<CallingParty> byId(long extensionId) {
      singleReads++;
      return rows.stream().filter(p -> p.id() == extensionId).findFirst();
    }

    @Override
    public Optional<CallingParty> byNumber(AccountId account, ExtensionNumber number) {
      singleReads++;
      return rows.stream()
          .filter(p -> p.account().equals(account) && p.number().equals(number))
          .findFirst();
    }
  }

  private static CallingParty party(long id, String number, boolean active) {
    return new CallingParty(id, ACCOUNT, new ExtensionNumber(number), active, null);
  }

  private static CallingExtensions over(ListedRows rows) {
    CallingExtensions extensions = new CallingExtensions();
    extensions.rows = rows;
    return extensions;
  }

  private static final SipCredentialsChanged CHANGE = new SipCredentialsChanged("realm", "201");

  @Test
  void callsReadTheSnapshotNotTheRows() {
    ListedRows rows = new ListedRows();
    rows.rows.addAll(List.of(party(1, "201", true), party(2, "202", true)));
    CallingExtensions extensions = over(rows);
    for (int i = 0; i < 100; i++) {
      assertThat(extensions.byId(1)).map(CallingParty::number).contains(new ExtensionNumber("201"));
      assertThat(extensions.byNumber(ACCOUNT, new ExtensionNumber("202")))
          .map(CallingParty::id)
          .contains(2L);
    }
    assertThat(rows.wholeReads).isEqualTo(1);
    assertThat(rows.singleReads).isZero();
  }

  @Test
  void aCommittedChangeIsSeenByTheNextCall() {
    ListedRows rows = new ListedRows();
    rows.rows.add(party(1, "201", true));
    CallingExtensions extensions = over(rows);
    assertThat(extensions.byId(1)).map(CallingParty::active).contains(true);
    rows.rows.set(0, party(1, "201", false)); // disabled
    extensions.extensionChanged(CHANGE);
    assertThat(extensions.byId(1)).map(CallingParty::active).contains(false);
    assertThat(rows.wholeReads).isEqualTo(2);
  }

  @Test
  void aSnapshotReadWhileAChangeCommitsServesItsCallAndIsNotKept() {
    ListedRows rows = new ListedRows();
    rows.rows.add(party(1, "201", true));
    CallingExtensions extensions = over(rows);
    rows.duringRead =
        () -> {
          rows.duringRead = () -> {};
          extensions.extensionChanged(CHANGE);
        };
    assertThat(extensions.byId(1)).isPresent();
    assertThat(extensions.byId(1)).isPresent();
    assertThat(rows.wholeReads)
        .as("the snapshot read across the change was read again")
        .isEqualTo(2);
    assertThat(extensions.byId(1)).isPresent();
    assertThat(rows.wholeReads).isEqualTo(2);
  }

  @Test
  void anExtensionTheSnapshotDoesNotHoldIsReadAlone() {
    ListedRows rows = new ListedRows();
    rows.rows.add(party(1, "201", true));
    CallingExtensions extensions = over(rows);
    assertThat(extensions.byId(1)).isPresent();
    rows.rows.add(party(3, "203", true)); // created on another node: no event here
    assertThat(extensions.byId(3)).map(CallingParty::id).contains(3L);
    assertThat(extensions.byNumber(ACCOUNT, new ExtensionNumber("203"))).isPresent();
    assertThat(extensions.byId(99)).isEmpty();
    assertThat(rows.singleReads).isEqualTo(3);
    assertThat(rows.wholeReads).isEqualTo(1);
  }
}
