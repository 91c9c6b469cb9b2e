package io.dialtone.call.control;

import io.dialtone.cdr.control.Direction;
import io.dialtone.extension.control.LiveCall;
import io.dialtone.extension.control.LiveCalls;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open tickets of this node, for the extension pages' calls in progress ({@link LiveCalls}):
 * added when a call is admitted, removed when its ticket closes; a ring group's call is the call of
 * the member that answered it. In memory, per node.
 */
@ApplicationScoped
public class LiveTickets implements LiveCalls {

  private final Map<LedgerTicket, Boolean> open = new ConcurrentHashMap<>();

  void add(LedgerTicket ticket) {
    open.put(ticket, Boolean.TRUE);
  }

  void remove(LedgerTicket ticket) {
    open.remove(ticket);
  }

  /** How many calls are open on this node. */
  public int size() {
    return open.size();
  }

  @Override
  public List<LiveCall> of(AccountId account, ExtensionNumber extension) {
    List<LiveCall> calls = new ArrayList<>();
    for (LedgerTicket ticket : open.keySet()) {
      CallFacts f = ticket.facts();
      if (ticket.isClosed() || !f.account().equals(account)) {
        continue;
      }
      if (extension.equals(f.extension()) || extension.equals(ticket.seatedMember())) {
        calls.add(new LiveCall(f.callee(), f.start(), ticket.isAnswered()));
      } else if (f.direction() == Direction.INTERNAL && f.callee().equals(extension.digits())) {
        calls.add(new LiveCall(f.extension().digits(), f.start(), ticket.isAnswered()));
      }
    }
    calls.sort(Comparator.comparing(LiveCall::since));
    return calls;
  }
}
