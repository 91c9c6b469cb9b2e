package io.dialtone.extension.control;

import io.dialtone.sip.control.BindingChangeKind;
import java.time.Instant;

/** One row of an extension's registration history, as its page shows it. */
public record RegistrationEntry(
    BindingChangeKind kind, Instant at, String contact, String source, String transport) {}
