package io.dialtone.sip.control;

import io.dialtone.sip.entity.Ban;

/**
 * Fired (CDI, after the ban took effect) when the registrar banned a source address: repeated
 * digest failures, a flood, or a scanner User-Agent. The portal audits it and alerts platform
 * administrators; the registrar itself neither audits nor mails.
 */
public record SourceBanned(Ban ban, String lastUserAgent) {}
