package io.dialtone.extension.control;

import java.time.Instant;

/**
 * A call in progress on an extension.
 *
 * @param otherParty the number or extension at the other end, as dialled or presented
 * @param since when the call started (the INVITE)
 * @param answered whether it is connected (else still ringing)
 */
public record LiveCall(String otherParty, Instant since, boolean answered) {}
