package io.dialtone.did.control;

import io.dialtone.did.entity.RingStrategy;

/**
 * A ring group as a customer administrator typed it, checked by {@link RingGroups#save}.
 *
 * @param members the members' extension numbers in ringing order, separated by commas or spaces
 * @param continuity the continuity destination (blank: none, the DID's applies)
 */
public record RingGroupDraft(
    String name, RingStrategy strategy, Integer ringSeconds, String members, String continuity) {}
