package io.dialtone.sip.boundary;

import static io.dialtone.sip.boundary.ProxyMessages.contactOf;
import static io.dialtone.sip.boundary.ProxyMessages.fromTag;
import static io.dialtone.sip.boundary.ProxyMessages.sameTarget;
import static io.dialtone.sip.boundary.ProxyMessages.toTag;

import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Which requests belong to a proxied call: its in-dialog requests and the CANCEL of its INVITE. */
final class DialogMatch {

  private DialogMatch() {}

  /**
   * Whether an in-dialog request is of this answered dialog: one side's From tag and the other's To
   * tag, and a Request-URI naming the other side's target as that side gave it (user, host and port
   * of its Contact). Nothing else is relayed: knowing a Call-ID must not let anyone have Dialtone
   * send a request wherever they like, from the address the trunks trust.
   */
  static boolean inDialog(String callerTag, Response answer, Request invite, Request request) {
    String calleeTag = answer == null ? null : toTag(answer);
    String from = fromTag(request);
    String to = toTag(request);
    if (callerTag == null || calleeTag == null || from == null || to == null) {
      return false;
    }
    URI target;
    if (callerTag.equals(from) && calleeTag.equals(to)) {
      target = contactOf(answer);
    } else if (calleeTag.equals(from) && callerTag.equals(to)) {
      target = contactOf(invite);
    } else {
      return false;
    }
    return sameTarget(target, request.getRequestURI());
  }

  /**
   * Whether {@code cancel} cancels this call's INVITE (RFC 3261 §9.2): the caller's From tag, the
   * INVITE's CSeq number and the branch of its top Via.
   */
  static boolean cancels(String callerTag, Request invite, long inviteCseq, Request cancel) {
    CSeqHeader cseq = (CSeqHeader) cancel.getHeader(CSeqHeader.NAME);
    ViaHeader via = (ViaHeader) cancel.getHeader(ViaHeader.NAME);
    ViaHeader inviteVia = (ViaHeader) invite.getHeader(ViaHeader.NAME);
    return callerTag != null
        && callerTag.equals(fromTag(cancel))
        && cseq != null
        && cseq.getSeqNumber() == inviteCseq
        && via != null
        && inviteVia != null
        && via.getBranch() != null
        && via.getBranch().equals(inviteVia.getBranch());
  }
}
