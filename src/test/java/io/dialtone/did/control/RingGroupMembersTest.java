package io.dialtone.did.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.extension.control.ExtensionChoice;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The members typed for a ring group, read against the account's live extensions. */
class RingGroupMembersTest {

  private static final List<ExtensionChoice> ACCOUNT = extensions(201, 230);

  private static List<ExtensionChoice> extensions(int first, int last) {
    List<ExtensionChoice> list = new ArrayList<>();
    for (int n = first; n <= last; n++) {
      list.add(new ExtensionChoice(n * 10L, new ExtensionNumber(Integer.toString(n)), "Desk"));
    }
    return list;
  }

  @Test
  void membersAreReadInTheTypedOrderWhateverTheSeparators() throws Exception {
    assertThat(RingGroupMembers.read(" 203, 201;202\n204 ", ACCOUNT))
        .containsExactly(2030L, 2010L, 2020L, 2040L);
  }

  @Test
  void aNumberThatIsNoExtensionOfTheAccountIsRefusedByName() {
    assertThatThrownBy(() -> RingGroupMembers.read("201, 999", ACCOUNT))
        .isInstanceOfSatisfying(
            DidRefused.class,
            e ->
                assertThat(e.explanations().getFirst().key())
                    .isEqualTo("ring_groups.memberUnknown"));
  }

  @Test
  void aMemberListedTwiceIsRefused() {
    assertThatThrownBy(() -> RingGroupMembers.read("201, 202, 201", ACCOUNT))
        .isInstanceOfSatisfying(
            DidRefused.class,
            e ->
                assertThat(e.explanations().getFirst().key()).isEqualTo("ring_groups.memberTwice"));
  }

  @Test
  void aGroupHasOneToTwentyMembers() throws Exception {
    assertThatThrownBy(() -> RingGroupMembers.read(" , ", ACCOUNT))
        .isInstanceOfSatisfying(
            DidRefused.class,
            e ->
                assertThat(e.explanations().getFirst().key())
                    .isEqualTo("ring_groups.membersRequired"));
    String twenty =
        ACCOUNT.stream().limit(20).map(e -> e.number().digits()).collect(Collectors.joining(","));
    assertThat(RingGroupMembers.read(twenty, ACCOUNT)).hasSize(20);
    String twentyOne =
        ACCOUNT.stream().limit(21).map(e -> e.number().digits()).collect(Collectors.joining(","));
    assertThatThrownBy(() -> RingGroupMembers.read(twentyOne, ACCOUNT))
        .isInstanceOfSatisfying(
            DidRefused.class,
            e ->
                assertThat(e.explanations().getFirst().key())
                    .isEqualTo("ring_groups.tooManyMembers"));
  }
}
