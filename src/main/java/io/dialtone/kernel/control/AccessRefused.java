package io.dialtone.kernel.control;

/**
 * A refusal of the access check, fired as a CDI event for the audit trail to record: the kernel
 * sits below the audit component and does not call it.
 *
 * @param caller who asked
 * @param target what they asked for ({@code account:7}, {@code user:12}), or {@code null}
 * @param detail why it was refused ({@code missing VIEW_CDRS}, {@code refused: not yourself})
 * @param sourceIp the request's remote address
 */
public record AccessRefused(SignedInUser caller, String target, String detail, String sourceIp) {}
