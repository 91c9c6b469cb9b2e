package io.dialtone.sip.boundary;

import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sip.SipStack;
import javax.sip.message.Response;

/**
 * Answers that belong to no client transaction, taken before the library looks for one.
 *
 * <p>For such an answer the library walks every client transaction in progress, comparing each (RFC
 * 2543 matching), before it hands the answer over without one: a cost that grows with the calls in
 * progress and was a fifth of the proxy's CPU under load (a 2xx retransmitted by a callee, or a 180
 * that arrives after its call's 200). An answer whose top Via branch has the RFC 3261 magic cookie
 * can only match by that branch, so this valve asks the transaction table once and, if nothing has
 * that branch, gives the answer to the proxy directly ({@link #route}); RFC 2543 answers and those
 * of a stack with no route keep the library's own search.
 *
 * <p>The library creates its valves by class name ({@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}),
 * so the route is found by the stack the valve was given.
 */
public final class UnmatchedAnswers implements SIPMessageValve {

  private static final String MAGIC_COOKIE = "z9hg4bk";

  private static final Map<SipStack, Consumer<Response>> ROUTES = new ConcurrentHashMap<>();

  private SIPTransactionStack stack;

  /**
   * From now on, the answers of {@code stack} that match no client transaction go to {@code to}.
   */
  static void route(SipStack stack, Consumer<Response> to) {
    ROUTES.put(stack, to);
  }

  /** Ends {@link #route} for {@code stack}. */
  static void unroute(SipStack stack) {
    ROUTES.remove(stack);
  }

  @Override
  public void init(SipStack stack) {
    this.stack = (SIPTransactionStack) stack;
  }

  @Override
  public boolean processRequest(gov.nist.javax.sip.message.SIPRequest request, MessageChannel in) {
    return true;
  }

  @Override
  public boolean processResponse(Response response, MessageChannel in) {
    Consumer<Response> to = stack == null ? null : ROUTES.get(stack);
    if (to == null || !(response instanceof SIPResponse answer)) {
      return true;
    }
    String key = answer.getTransactionId();
    if (key == null || !key.startsWith(MAGIC_COOKIE) || stack.findTransaction(key, false) != null) {
      return true;
    }
    to.accept(response);
    return false;
  }

  @Override
  public void destroy() {
    if (stack != null) {
      ROUTES.remove(stack);
    }
  }
}
